"""The demo's home page and search come from the page cache and follow a publish at once.

The suite runs with the cache off (settings/test.py); these tests switch it on.
"""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from strukturwandel.events.models import EventSeriesPage, MeetingPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    with override_settings(STRUKTURWANDEL={**settings.STRUKTURWANDEL, "PAGE_CACHE_SECONDS": 600}):
        yield


PLACES = ["/", "/suche/?q=Grubenwasser"]


def cached_pages(client):
    """The home page and the search, requested twice: the second comes from the cache."""
    pages = {}
    for url in PLACES:
        client.get(url)
        cached = client.get(url)
        assert "Last-Modified" in cached, url
        pages[url] = cached.content.decode()
    return pages


@pytest.mark.parametrize("change", ["publish", "unpublish", "move", "delete"])
def test_home_and_search_follow_a_change_at_once(client, demo, change):
    from strukturwandel.groups.models import WorkingGroupPage

    series = EventSeriesPage.objects.live().first()
    # Sooner than any demo meeting: first among the home page's next meetings.
    start = timezone.now() + datetime.timedelta(minutes=30)
    meeting = MeetingPage(
        title="Zwischentreffen Grubenwasser",
        slug="zwischentreffen-grubenwasser",
        start=start,
        end=start + datetime.timedelta(minutes=90),
        topic="Grubenwasser",
        live=False,
    )
    series.add_child(instance=meeting)
    revision = meeting.save_revision()
    if change != "publish":
        revision.publish()
    old_url = MeetingPage.objects.get(pk=meeting.pk).url
    before = cached_pages(client)
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    group = WorkingGroupPage.objects.live().first()
    if change == "publish":
        revision.publish()
    elif change == "unpublish":
        meeting.unpublish()
    elif change == "move":
        meeting.move(group, pos="last-child")
    else:
        meeting.delete()
    after = {url: client.get(url).content.decode() for url in PLACES}
    for url in PLACES:
        assert ("Grubenwasser</" in before[url]) == (change != "publish"), url
        assert ("Grubenwasser</" in after[url]) == (change in ("publish", "move")), url
    if change == "move":
        new_url = MeetingPage.objects.get(pk=meeting.pk).url
        assert new_url.startswith(group.url)
        for url in PLACES:
            assert f'href="{old_url}"' in before[url], url
            assert f'href="{old_url}"' not in after[url], url
            assert f'href="{new_url}"' in after[url], url


def test_a_search_is_conditional(client, demo):
    response = client.get("/suche/", {"q": "Stammtisch"})
    assert response["Cache-Control"] == "public, max-age=60"
    again = client.get("/suche/", {"q": "Stammtisch"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
