"""Which of the package's apps this test run installs (tests/testapp/settings.py)."""

from django.conf import settings


def installed(name):
    """Whether ``strukturwandel.<name>`` is installed in this run."""
    return f"strukturwandel.{name}" in settings.INSTALLED_APPS


def queries_if(name, count=1):
    """Queries a listing or page spends on what app ``name`` adds, or 0 without it."""
    return count if installed(name) else 0
