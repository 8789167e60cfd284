"""The page cache: public pages and feeds served from it, and replaced wherever a change shows.

The suite runs with the cache off (tests/testapp/settings.py); these tests switch it on.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from strukturwandel.core.cache import content_version
from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import EventSeriesPage, MeetingPage
from strukturwandel.groups.models import WorkingGroupIndexPage, WorkingGroupPage
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage

pytestmark = pytest.mark.django_db

CACHE_ON = override_settings(
    STRUKTURWANDEL={"PAGE_CACHE_SECONDS": 600, "PAGE_MAX_AGE": 60, "FEED_MAX_AGE": 900}
)


@pytest.fixture(autouse=True)
def cache_on():
    with CACHE_ON:
        yield


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def topic():
    return TopicField.objects.create(name="Energie", slug="energie")


@pytest.fixture
def site_pages(root_page, topic):
    series = publish(root_page, EventSeriesPage(title="Stammtisch", slug="stammtisch"))
    groups = publish(root_page, WorkingGroupIndexPage(title="Arbeitsgruppen", slug="ag"))
    group = publish(groups, WorkingGroupPage(title="Dorfentwicklung", slug="dorf"))
    topics = publish(root_page, TopicFieldIndexPage(title="Themenfelder", slug="themen"))
    return {"series": series, "group": group, "topics": topics}


def meeting(parent, topic, title, live=True):
    start = timezone.now() + datetime.timedelta(days=7)
    page = MeetingPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        start=start,
        end=start + datetime.timedelta(minutes=90),
        topic=title,
        live=live,
    )
    page.topic_fields = [topic]
    parent.add_child(instance=page)
    return page


def places(site_pages, topic):
    """Every place that lists a meeting of the series or the group."""
    return [
        site_pages["series"].url,
        site_pages["series"].url + "kalender/",
        site_pages["group"].url,
        site_pages["topics"].url + f"{topic.slug}/",
        reverse("strukturwandel_events:site_calendar"),
        reverse("strukturwandel_events:topic_calendar", args=[topic.slug]),
    ]


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


def test_a_repeated_request_is_served_from_the_cache(client, site_pages, topic):
    meeting(site_pages["series"], topic, "Erstes Treffen")
    url = site_pages["series"].url
    client.get(url)  # creates the site settings (a change: a new content version)
    first, _ = queries(client, url)
    second, count = queries(client, url)
    assert second.content == first.content
    # The site, the route to the page (2), nothing else: no listing is built.
    assert count == 3
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["ETag"] == first["ETag"]
    assert "Last-Modified" in second


@pytest.mark.parametrize("change", ["publish", "unpublish", "move", "delete"])
def test_a_change_reaches_every_place_that_shows_the_meeting(client, site_pages, topic, change):
    series, group = site_pages["series"], site_pages["group"]
    shown = meeting(series, topic, "Wasser im Revier", live=change != "publish")
    urls = places(site_pages, topic)
    before = {url for url in urls if "Wasser im Revier" in client.get(url).content.decode()}
    if change == "publish":
        MeetingPage.objects.get(pk=shown.pk).save_revision().publish()
    elif change == "unpublish":
        shown.unpublish()
    elif change == "move":
        shown.move(group, pos="last-child")
    else:
        shown.delete()
    after = {url for url in urls if "Wasser im Revier" in client.get(url).content.decode()}
    below_series = {url for url in urls if url != group.url}
    below_group = {url for url in urls if not url.startswith(series.url)}
    expected = {
        "publish": (set(), below_series),
        "unpublish": (below_series, set()),
        "move": (below_series, below_group),
        "delete": (below_series, set()),
    }
    assert (before, after) == expected[change]


def test_a_renamed_topic_field_replaces_the_cached_pages(client, site_pages, topic):
    meeting(site_pages["series"], topic, "Treffen")
    url = site_pages["topics"].url + "energie/"
    assert "Energie" in client.get(url).content.decode()
    topic.name = "Energiewende"
    topic.save()
    assert "Energiewende" in client.get(url).content.decode()


def test_conditional_requests_get_304(client, site_pages, topic):
    meeting(site_pages["series"], topic, "Treffen")
    for url in places(site_pages, topic):
        response = client.get(url)
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
        since = response["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304, url
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200, url


def test_feeds_are_kept_longer_by_browsers(client, site_pages, topic):
    response = client.get(reverse("strukturwandel_events:site_calendar"))
    assert response["Cache-Control"] == "public, max-age=900"
    assert response["Vary"] == "Cookie"


def test_a_private_page_is_never_cached(client, root_page, django_user_model):
    page = publish(root_page, ContentPage(title="Intern", slug="intern", intro="Vertraulich"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    members = Group.objects.create(name="Mitglieder")
    restriction.groups.add(members)
    member = django_user_model.objects.create_user("mitglied", password="pw")
    member.groups.add(members)
    client.force_login(member)
    response = client.get(page.url)
    assert "Vertraulich" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response
    client.logout()
    # Not from a cache: the visitor is sent to the login.
    assert client.get(page.url).status_code == 302


def test_a_page_made_private_leaves_the_cache(client, root_page):
    page = publish(root_page, ContentPage(title="Bald intern", slug="bald", intro="Geheim"))
    assert "Geheim" in client.get(page.url).content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302


def test_logged_in_users_get_their_own_uncached_page(client, site_pages, admin_user):
    url = site_pages["series"].url
    anonymous = client.get(url)
    client.force_login(admin_user)
    response = client.get(url)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "ETag" not in response
    client.logout()
    assert client.get(url)["ETag"] == anonymous["ETag"]


def test_a_preview_is_never_cached(client, site_pages):
    series = EventSeriesPage.objects.get(pk=site_pages["series"].pk)
    client.get(series.url)
    series.title = "Entwurfstitel"
    preview = series.make_preview_request()
    assert "Entwurfstitel" in preview.content.decode()
    assert "Entwurfstitel" not in client.get(series.url).content.decode()


def test_drafts_do_not_replace_the_content_version(site_pages):
    version = content_version()
    series = EventSeriesPage.objects.get(pk=site_pages["series"].pk)
    series.title = "Nur ein Entwurf"
    series.save_revision()
    assert content_version() == version
    series.save_revision().publish()
    assert content_version() != version


def test_without_the_server_cache_pages_stay_conditional(client, site_pages):
    with override_settings(STRUKTURWANDEL={"PAGE_CACHE_SECONDS": 0}):
        url = site_pages["series"].url
        response = client.get(url)
        # Still conditional and public, only not kept on the server.
        assert "ETag" in response
        assert "Last-Modified" not in response
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
