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


def test_home_and_search_show_a_published_meeting_at_once(client, demo):
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
    meeting.save_revision()
    places = ["/", "/suche/?q=Grubenwasser"]
    for url in places:
        client.get(url)
        cached = client.get(url)
        assert "Last-Modified" in cached, url
        assert "Grubenwasser</" not in cached.content.decode(), url
    meeting.get_latest_revision().publish()
    for url in places:
        assert "Grubenwasser</" in client.get(url).content.decode(), url
    meeting.refresh_from_db()
    meeting.unpublish()
    for url in places:
        assert "Grubenwasser</" not in client.get(url).content.decode(), url


def test_a_search_is_conditional(client, demo):
    response = client.get("/suche/", {"q": "Stammtisch"})
    assert response["Cache-Control"] == "public, max-age=60"
    again = client.get("/suche/", {"q": "Stammtisch"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
