"""What every page reads besides its own content (site settings, view restrictions) is read
once per change of the content, in every process that shares the cache, and never stale."""

from unittest import mock

import pytest
from wagtail.models import PageViewRestriction

from strukturwandel.core import cache as page_cache
from strukturwandel.core.models import ContentPage, SiteSettings
from tests.apps import factories as f

pytestmark = pytest.mark.django_db


def test_site_settings_are_read_once_per_change(site, django_assert_num_queries):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Verein für Beispiele e.V."
    settings.save()
    assert SiteSettings.for_site(site).organisation_name == "Verein für Beispiele e.V."
    with django_assert_num_queries(0):
        assert SiteSettings.for_site(site).organisation_name == "Verein für Beispiele e.V."
    # Saving them replaces the content version: the next request reads the change.
    settings.organisation_name = "Verein für Gegenbeispiele e.V."
    settings.save()
    with django_assert_num_queries(1):
        assert SiteSettings.for_site(site).organisation_name == "Verein für Gegenbeispiele e.V."


def test_a_new_view_restriction_counts_at_once(client, root_page):
    members = f.publish(root_page, ContentPage(title="Mitglieder", slug="mitglieder"))
    inner = f.publish(members, ContentPage(title="Protokolle", slug="protokolle"))
    assert client.get(inner.url).status_code == 200
    assert client.get(inner.url).status_code == 200  # the restricted paths from the cache
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(inner.url).status_code == 302  # to the login
    PageViewRestriction.objects.all().delete()
    assert client.get(inner.url).status_code == 200


def test_kept_values_are_built_when_the_cache_cannot_be_reached(client, root_page):
    page = f.publish(root_page, ContentPage(title="Kontakt", slug="kontakt"))
    built = []

    def build():
        built.append(1)
        return "value"

    assert page_cache.kept_until_changed("example", build) == "value"
    assert page_cache.kept_until_changed("example", build) == "value"
    assert len(built) == 1
    down = mock.Mock(
        **{f"{name}.side_effect": ConnectionError("down") for name in ("get", "set", "add")}
    )
    with mock.patch.object(page_cache, "cache", down):
        assert page_cache.kept_until_changed("example", build) == "value"
        assert len(built) == 2
        assert client.get(page.url).status_code == 200
