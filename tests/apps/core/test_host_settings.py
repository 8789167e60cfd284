"""Settings a host site may have that the bare test host does not: the package's links still
lead somewhere."""

import re

import pytest

from tests.apps import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_append_slash(monkeypatch):
    """``WAGTAIL_APPEND_SLASH = False``: page URLs end without a slash. Wagtail reads the
    setting once, at import, so the test sets what it read."""
    monkeypatch.setattr("wagtail.models.pages.WAGTAIL_APPEND_SLASH", False)


def local_links(html):
    return {link for link in re.findall(r'href="(/[^"]*)"', html) if not link.startswith("/static")}


def test_routes_of_pages_without_appended_slash(client, root_page, no_append_slash):
    climate = f.topic_field("Klima", slug="klima")
    topics = f.topic_index(root_page)
    series = f.series(root_page, slug="stammtisch")
    f.meeting(series, f.days_from_now(7), [climate]).save_revision().publish()

    assert series.url == "/stammtisch"
    assert series.calendar_url == "/stammtisch/kalender/"
    assert topics.topic_url(climate) == "/themenfelder/klima/"
    sitemap = [url["location"] for url in topics.get_sitemap_urls()]
    assert sitemap == ["http://localhost/themenfelder", "http://localhost/themenfelder/klima/"]

    for page_url in ("/stammtisch/", "/themenfelder/", "/themenfelder/klima/"):
        response = client.get(page_url)
        assert response.status_code == 200, page_url
        for link in local_links(response.content.decode()):
            # Page links without a slash are redirected to it by CommonMiddleware here.
            assert client.get(link, follow=True).status_code == 200, (page_url, link)


@pytest.mark.requires_apps("documentation")
def test_documentation_feeds_without_appended_slash(client, root_page, no_append_slash):
    climate = f.topic_field("Klima", slug="klima")
    index = f.documentation_index(root_page, slug="doku")

    assert index.feed_url() == "/doku/feed/"
    assert index.feed_url(climate) == "/doku/feed/klima/"
    assert client.get(index.feed_url(climate)).status_code == 200


@pytest.mark.requires_apps("participation")
def test_participation_forms_without_appended_slash(client, root_page, no_append_slash):
    from strukturwandel.participation.models import BusinessCardDirectoryPage

    directory = f.publish(
        root_page, BusinessCardDirectoryPage(title="Visitenkarten", slug="visitenkarten")
    )

    assert directory.form_url() == "/visitenkarten/eintragen/"
    assert client.get(directory.form_url()).status_code == 200
