"""An editor turns a planned date into a draft meeting in one step; recurring meetings."""

import datetime
import json
import re

import icalendar
import pytest
import recurring_ical_events
from django.urls import reverse
from django.utils import timezone

from strukturwandel.events import listings
from strukturwandel.events.models import MeetingPage, RecurringMeetingPage

from .conftest import BERLIN, second_monday

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return user


def test_create_meeting_from_planned_date(client, editor, series):
    series.default_venue = ""
    series.save_revision().publish()
    url = reverse("strukturwandel_events_planned_dates", args=[series.pk])
    # The series editor and the page explorer offer the action.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[series.pk])).content.decode()
    assert url in edit
    assert "Treffen aus geplantem Termin anlegen" in edit

    listing = client.get(url)
    assert listing.status_code == 200
    planned = listings.planned_dates(series)
    first = planned[0]
    assert first.start.strftime("%d.%m.%Y") in listing.content.decode()

    response = client.post(url, {"date": first.start.date().isoformat()})
    meeting = MeetingPage.objects.child_of(series).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    assert not meeting.live
    assert (meeting.start, meeting.end) == (first.start, first.end)
    assert meeting.start.astimezone(BERLIN).time() == datetime.time(17, 0)
    assert meeting.format == series.default_format
    assert meeting.title == f"Strukturwandel-Stammtisch am {first.start:%d.%m.%Y}"
    assert meeting.get_latest_revision().user == editor

    # The editor opens with the date filled in and says what to do next.
    edit = client.get(response["Location"]).content.decode()
    assert "Entwurf für" in edit and "angelegt" in edit
    assert f'value="{first.start:%Y-%m-%d} 17:00"' in edit

    # Done once: the date is gone from the list, and a second post changes nothing.
    assert first.start.strftime("%d.%m.%Y") not in client.get(url).content.decode()
    client.post(url, {"date": first.start.date().isoformat()})
    assert MeetingPage.objects.child_of(series).count() == 1


def test_planning_needs_permission_and_a_rule(client, django_user_model, series, root_page):
    url = reverse("strukturwandel_events_planned_dates", args=[series.pk])
    user = django_user_model.objects.create_user("gast", "gast@example.org", "pw")
    client.force_login(user)
    assert client.get(url).status_code in (302, 403)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    assert (
        client.get(reverse("strukturwandel_events_planned_dates", args=[root_page.pk])).status_code
        == 404
    )


def test_recurring_meeting_is_one_page_with_a_rule(client, root_page):
    page = RecurringMeetingPage(
        title="Treffen des Aktionskreises Strukturwandel Leipziger Land",
        slug="aksll",
        topic="Offenes Treffen",
        venue="an verschiedenen Begegnungsorten im Leipziger Land",
        schedule=second_monday(),
        schedule_starts_on=datetime.date(2021, 9, 1),
        schedule_start_time=datetime.time(18, 0),
        schedule_end_time=datetime.time(20, 0),
    )
    root_page.add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "monatlich, am zweiten Montag, 18:00–20:00 Uhr" in html
    next_date = listings.planned_dates(page)[0]
    assert f">{next_date.start:%d.%m.%Y}" not in html  # shown with the weekday
    assert next_date.start.strftime("%d.%m.%Y") in html
    [event] = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]
    assert event["@type"] == "Event"
    assert event["startDate"] == next_date.start.isoformat()
    assert event["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1M",
        "scheduleTimezone": "Europe/Berlin",
        "byDay": ["https://schema.org/Monday"],
        "byMonthWeek": 2,
        "startTime": "18:00",
        "endTime": "20:00",
    }
    assert event["location"]["@type"] == "Place"

    response = client.get(page.calendar_url)
    calendar = icalendar.Calendar.from_ical(response.content)
    now = timezone.now()
    expanded = recurring_ical_events.of(calendar).between(now, now + datetime.timedelta(days=365))
    assert [event["DTSTART"].dt for event in expanded] == [
        entry.start for entry in listings.planned_dates(page)
    ]
    assert expanded[0]["LOCATION"] == "an verschiedenen Begegnungsorten im Leipziger Land"


def test_a_new_meeting_starts_from_the_next_planned_date(client, editor, series, make_meeting):
    series.default_format = "in_person"
    series.default_venue = "Stadtteilladen, Beispielweg 1, Leipzig"
    series.save_revision().publish()
    first, second = listings.planned_dates(series)[:2]
    make_meeting(first.start.astimezone(BERLIN).date())  # the first date already has one
    url = reverse(
        "wagtailadmin_pages:add", args=["strukturwandel_events", "meetingpage", series.pk]
    )
    form = client.get(url).context["form"]
    assert form.initial["title"] == f"Strukturwandel-Stammtisch am {second.start:%d.%m.%Y}"
    assert (form.initial["start"], form.initial["end"]) == (second.start, second.end)
    assert form.initial["start"].astimezone(BERLIN).time() == datetime.time(17, 0)
    assert form["format"].value() == "in_person"
    assert form["venue"].value() == "Stadtteilladen, Beispielweg 1, Leipzig"
    html = client.get(url).content.decode()
    assert f'value="{second.start.astimezone(BERLIN):%Y-%m-%d} 17:00"' in html
    # The time pickers offer half hours.
    for field in ("id_start", "id_end"):
        assert re.search(rf'initDateTimeChooser\("{field}", \{{[^}}]*"step": 30', html)


def test_a_new_meeting_without_a_rule_gets_only_format_and_venue(client, editor, root_page):
    from strukturwandel.events.models import EventSeriesPage

    series = EventSeriesPage(title="Lesekreis", slug="lesekreis", default_venue="Bibliothek")
    root_page.add_child(instance=series)
    url = reverse(
        "wagtailadmin_pages:add", args=["strukturwandel_events", "meetingpage", series.pk]
    )
    form = client.get(url).context["form"]
    assert form.initial["start"] is None and form.initial["title"] == ""
    assert form["venue"].value() == "Bibliothek"
