"""A series page lists its latest PAST_MEETINGS_PER_PAGE past meetings and links the view of
all of them (``?vergangene=alle``), paginated, newest first."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def past_section(html):
    """The topics of the past section's cards, in order, and the section's HTML."""
    section = html.split('id="past-title"', 1)[1].split("</section>", 1)[0]
    items = section.split('<ul class="sw-meeting-list">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r"Thema: (Rückblick \d+)", items), section


def add_past(make_meeting, count):
    """``count`` past meetings a week apart, on Tuesdays; the newest is "Rückblick 00"."""
    today = timezone.localdate()
    last = today - datetime.timedelta(days=(today.weekday() - 1) % 7 + 7)
    return [
        make_meeting(last - datetime.timedelta(weeks=number), topic=f"Rückblick {number:02d}")
        for number in range(count)
    ]


@override_settings(STRUKTURWANDEL={"PAST_MEETINGS_PER_PAGE": 4})
def test_a_series_page_shows_the_latest_past_meetings_and_links_all_of_them(
    client, series, make_meeting
):
    add_past(make_meeting, 9)
    make_meeting(timezone.localdate() + datetime.timedelta(days=10), topic="Bald")
    html = client.get(series.url).content.decode()
    topics, section = past_section(html)
    assert topics == ["Rückblick 00", "Rückblick 01", "Rückblick 02", "Rückblick 03"]
    assert '<a href="?vergangene=alle#vergangene-termine">Alle vergangenen Termine</a>' in section
    assert "sw-pagination" not in section
    assert "Bald" in html.split('id="past-title"', 1)[0]


@override_settings(STRUKTURWANDEL={"PAST_MEETINGS_PER_PAGE": 4})
def test_no_link_when_every_past_meeting_is_shown(client, series, make_meeting):
    add_past(make_meeting, 4)
    topics, section = past_section(client.get(series.url).content.decode())
    assert len(topics) == 4
    assert "Alle vergangenen Termine" not in section


@override_settings(STRUKTURWANDEL={"PAST_MEETINGS_PER_PAGE": 4})
def test_the_view_of_all_past_dates_is_paginated_without_the_upcoming(client, series, make_meeting):
    add_past(make_meeting, 9)
    make_meeting(timezone.localdate() + datetime.timedelta(days=10), topic="Bald")
    html = client.get(series.url + "?vergangene=alle").content.decode()
    topics, section = past_section(html)
    assert topics == ["Rückblick 00", "Rückblick 01", "Rückblick 02", "Rückblick 03"]
    assert "Seite 1 von 3" in section
    assert 'href="?vergangene=alle&amp;page=2" rel="next"' in section
    assert f'<a href="{series.url}">Zurück zur Übersicht</a>' in section
    assert "Alle vergangenen Termine" not in html
    assert 'id="upcoming-title"' not in html and "Bald" not in html

    topics, section = past_section(
        client.get(series.url + "?vergangene=alle&page=3").content.decode()
    )
    assert topics == ["Rückblick 08"]
    assert "Seite 3 von 3" in section and 'rel="prev"' in section


def test_the_upcoming_and_past_lists_split_a_running_meeting_by_its_end(
    client, series, make_meeting
):
    now = timezone.localtime()
    running = make_meeting(now.date(), topic="Läuft gerade")
    running.start, running.end = (
        now - datetime.timedelta(hours=1),
        now + datetime.timedelta(hours=1),
    )
    running.save_revision().publish()
    ended = make_meeting(now.date() - datetime.timedelta(days=1), topic="Rückblick 00")
    html = client.get(series.url).content.decode()
    upcoming, past = html.split('id="past-title"', 1)
    assert "Läuft gerade" in upcoming and "Läuft gerade" not in past
    assert past_section(html)[0] == ["Rückblick 00"]
    assert ended.url in past


def test_a_series_page_in_a_private_section_asks_for_the_password(client, series, make_meeting):
    """Wagtail's check before serving reuses the restricted paths the listings read."""
    from wagtail.models import PageViewRestriction

    make_meeting(timezone.localdate() - datetime.timedelta(days=3), topic="Rückblick 00")
    assert "Rückblick 00" in client.get(series.url).content.decode()
    PageViewRestriction.objects.create(
        page=series, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for url in (series.url, series.url + "?vergangene=alle", series.calendar_url):
        response = client.get(url)
        assert "Rückblick 00" not in response.content.decode(), url
        assert 'name="password"' in response.content.decode(), url
