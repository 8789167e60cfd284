"""Atom feeds of documentation and reports: the site's and one per topic field, announced in
the heads of the index, the reports and the topic pages, and Open Graph with an image."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from strukturwandel.core.models import SiteSettings
from strukturwandel.documentation.models import DocumentationIndexPage, ReportPage
from tests.apps import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}link").get("href"))
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def reports(root_page):
    index = factories.documentation_index(root_page, slug="dokumentation")
    climate = factories.topic_field("Klimaschutz & Energiewende", slug="klimaschutz")
    old = factories.report(index, datetime.date(2021, 2, 16), title="Auftakt")
    new = factories.report(
        index, datetime.date(2022, 5, 12), topics=[climate], title="Bündnistreffen im Mai"
    )
    return index, climate, old, new


def test_the_site_feed_lists_reports_newest_first(client, reports):
    index, _climate, old, new = reports
    assert index.feed_url() == "/dokumentation/feed/"
    assert entries(client.get("/dokumentation/feed/")) == [
        ("Bündnistreffen im Mai", f"http://localhost{new.url}"),
        ("Auftakt", f"http://localhost{old.url}"),
    ]


def test_a_topic_feed_lists_the_topics_reports(client, reports):
    index, climate, _old, new = reports
    assert index.feed_url(climate) == "/dokumentation/feed/klimaschutz/"
    feed = client.get("/dokumentation/feed/klimaschutz/")
    assert entries(feed) == [("Bündnistreffen im Mai", f"http://localhost{new.url}")]
    assert b"Klimaschutz &amp; Energiewende" in feed.content
    assert client.get("/dokumentation/feed/unbekannt/").status_code == 404


def test_a_private_report_stays_out_of_the_feed(client, reports):
    from wagtail.models import PageViewRestriction

    _index, _climate, old, new = reports
    PageViewRestriction.objects.create(page=new, restriction_type=PageViewRestriction.LOGIN)
    assert entries(client.get("/dokumentation/feed/")) == [
        ("Auftakt", f"http://localhost{old.url}")
    ]


def test_the_feeds_are_announced_where_a_visitor_reads(client, reports, root_page):
    index, climate, _old, new = reports
    link = (
        '<link rel="alternate" type="application/atom+xml" href="/dokumentation/feed/" '
        'title="Dokumentation und Berichte">'
    )
    assert link in client.get(index.url).content.decode()
    assert link in client.get(new.url).content.decode()
    factories.topic_index(root_page)
    html = client.get("/themenfelder/klimaschutz/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/dokumentation/feed/klimaschutz/" '
        'title="Dokumentation und Berichte: Klimaschutz &amp; Energiewende">'
    ) in html


def test_reports_and_topic_pages_carry_open_graph_with_an_image(client, reports, root_page, site):
    _index, climate, _old, new = reports
    html = client.get(new.url).content.decode()
    assert '<meta property="og:title" content="Bündnistreffen im Mai">' in html
    assert f'<meta property="og:url" content="http://localhost{new.url}">' in html
    assert "og:image" not in html
    image = Image.objects.create(title="Revier", file=get_test_image_file(size=(1600, 900)))
    SiteSettings.objects.update_or_create(site=site, defaults={"share_image": image})
    html = client.get(new.url).content.decode()
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    # A topic page shares the topic, with its own image.
    factories.topic_index(root_page)
    climate.image = Image.objects.create(title="Wind", file=get_test_image_file(size=(800, 600)))
    climate.save()
    html = client.get("/themenfelder/klimaschutz/").content.decode()
    assert '<meta property="og:title" content="Klimaschutz &amp; Energiewende">' in html
    assert '<meta property="og:url" content="http://testserver/themenfelder/klimaschutz/">' in html
    rendition = climate.image.get_rendition("fill-1200x630")
    assert f'<meta property="og:image" content="http://testserver{rendition.url}">' in html


@override_settings(STRUKTURWANDEL={"PAGE_CACHE_SECONDS": 600})
def test_the_feed_is_cached_and_replaced_when_a_report_is_published(client, reports):
    index, _climate, _old, _new = reports
    first = client.get("/dokumentation/feed/")
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get("/dokumentation/feed/")
    assert "Last-Modified" in again and again.content == first.content
    factories.report(index, datetime.date(2023, 1, 9), title="Neu im Januar")
    titles = [title for title, _link in entries(client.get("/dokumentation/feed/"))]
    assert titles[0] == "Neu im Januar"
    assert ReportPage.objects.count() == 3
    assert DocumentationIndexPage.objects.get().feed_url() == "/dokumentation/feed/"
