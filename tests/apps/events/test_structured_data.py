"""schema.org JSON-LD and Open Graph for search engines and sharing."""

import datetime
import json
import re

import pytest
import recurrence
from django.urls import reverse
from django.utils import timezone
from recurrence import Recurrence, Rule

from strukturwandel.events.models import MeetingStatus, RecurringMeetingPage

from .conftest import CALL_LINK

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def future(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_meeting_page_carries_an_event(client, make_meeting):
    meeting = make_meeting(future(8), teaser="Wie kommen Menschen im Ort zusammen? <Fragen>")
    html = client.get(meeting.url).content.decode()
    [event] = json_ld(html)
    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["name"] == meeting.title
    assert event["startDate"].endswith(("+01:00", "+02:00"))
    assert event["startDate"].startswith(f"{future(8).isoformat()}T17:00:00")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": event["url"]}
    assert event["url"].endswith(meeting.url)
    assert event["organizer"]["@type"] == "Organization"
    assert event["description"].endswith("<Fragen>")
    assert "<Fragen>" not in html  # escaped inside the script
    assert '<meta property="og:title" content="' + meeting.title in html
    assert f'<meta property="og:url" content="{event["url"]}">' in html
    assert CALL_LINK not in html


def test_cancelled_hybrid_meeting(client, make_meeting):
    meeting = make_meeting(
        future(9),
        status=MeetingStatus.CANCELLED,
        format="hybrid",
        venue="Ökokirche Deutzen\nKirchstraße 1\n04575 Neukieritzsch",
    )
    [event] = json_ld(client.get(meeting.url).content.decode())
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = event["location"]
    assert place == {
        "@type": "Place",
        "name": "Ökokirche Deutzen",
        "address": "Ökokirche Deutzen, Kirchstraße 1, 04575 Neukieritzsch",
    }
    assert virtual["@type"] == "VirtualLocation"


def test_series_lists_its_events(client, series, make_meeting):
    make_meeting(future(-30), topic="Klimaschutz & Energiewende")
    make_meeting(future(6), topic="Lebendige Orte")
    [data] = json_ld(client.get(series.url).content.decode())
    assert data["@type"] == "EventSeries"
    assert [event["about"] for event in data["subEvent"]] == [
        "Lebendige Orte",
        "Klimaschutz & Energiewende",
    ]


def test_private_call_link_never_in_public_output(client, series, make_meeting):
    meeting = make_meeting(
        future(4), registration_opens_at=timezone.now() - datetime.timedelta(days=1)
    )
    past = make_meeting(future(-4))
    outputs = [
        series.url,
        series.calendar_url,
        meeting.url,
        meeting.calendar_url,
        past.url,
        past.calendar_url,
        reverse("strukturwandel_events:site_calendar"),
    ]
    for url in outputs:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert CALL_LINK not in body, url
        assert "zoom.example.org" not in body, url
        assert "pwd=" not in body, url


@pytest.mark.parametrize(("week", "expected"), [(2, 2), (-1, None)])
def test_schedule_gives_the_week_of_the_month_only_counted_from_its_start(
    client, root_page, week, expected
):
    page = RecurringMeetingPage(
        title="Aktionskreis",
        slug="aktionskreis",
        schedule=Recurrence(rrules=[Rule(recurrence.MONTHLY, byday=recurrence.MO(week))]),
        schedule_starts_on=datetime.date(2021, 1, 1),
        schedule_start_time=datetime.time(18, 0),
    )
    root_page.add_child(instance=page)
    page.save_revision().publish()
    [event] = json_ld(client.get(page.url).content.decode())
    assert event["eventSchedule"]["byDay"] == ["https://schema.org/Monday"]
    assert event["eventSchedule"].get("byMonthWeek") == expected
