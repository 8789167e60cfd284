"""Fixtures shared by the package tests (bare host) and the demo-site tests."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site


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
