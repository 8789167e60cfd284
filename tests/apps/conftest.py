"""The package's tests run with every supported set of its apps (tests/testapp/settings.py,
STRUKTURWANDEL_TEST_APPS). Tests of an app that is not installed are not collected; a test of
a lower app that needs a higher one says so with ``@pytest.mark.requires_apps("groups")``.
"""

import pytest

from tests.apps.subsets import installed

APP_TEST_DIRS = (
    "people",
    "topics",
    "events",
    "groups",
    "documentation",
    "importer",
    "registration",
    "participation",
)


collect_ignore = [name for name in APP_TEST_DIRS if not installed(name)]


def pytest_runtest_setup(item):
    for marker in item.iter_markers(name="requires_apps"):
        missing = [name for name in marker.args if not installed(name)]
        if missing:
            pytest.skip(f"needs strukturwandel.{', strukturwandel.'.join(missing)}")


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST like a browser; e-mails queued on commit are sent (immediate task backend)."""

    def post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **kwargs)

    return post
