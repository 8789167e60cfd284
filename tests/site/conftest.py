import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo site as load_demo builds it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
