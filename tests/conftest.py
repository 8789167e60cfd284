"""Fixtures shared by the package tests (bare host) and the demo-site tests."""

import os

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection
from hypothesis import settings as hypothesis_settings
from pytest_django.fixtures import _get_databases_for_setup
from wagtail.models import Page, Site

# CI runs the property-based tests with a fixed seed (HYPOTHESIS_PROFILE=ci, set by .ci/run):
# what fails there fails again on a rerun. Elsewhere every run explores new inputs.
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session", autouse=True)
def warm_process(request, django_db_blocker):
    """What a running site has read once per process before any request: the content types
    (an unsaved page looks its own up) and what the database supports (model checks ask).

    Tests run in parallel workers in any order; without this, a test that needs no database
    of its own would query it whenever it happens to run first in its worker. A worker whose
    tests all go without a database (pytest-django then creates none) has nothing to warm.
    """
    aliases, _serialized = _get_databases_for_setup(request.session.items)
    if DEFAULT_DB_ALIAS not in aliases:
        return
    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        ContentType.objects.get_for_models(*apps.get_models())
        assert connection.features.supports_json_field is not None


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches the sites' root paths; a test's sites are rolled back, the cache is not."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    """The default site, with its root page as the parent for test pages."""
    site = Site.objects.get(is_default_site=True)
    # Django's test client asks for "testserver"; a default site answers any host.
    return site


@pytest.fixture
def root_page(site) -> Page:
    return site.root_page.specific
