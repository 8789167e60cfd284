"""The demo's Stammtisch: the meetings from the association's page and upcoming ones."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from home.demo.events import CALL_LINK
from strukturwandel.events.models import (
    EventSeriesPage,
    MeetingPage,
    RecurringMeetingPage,
    RegistrationState,
)
from strukturwandel.topics.models import TopicField

pytestmark = pytest.mark.django_db

SEED_MEETINGS = {
    datetime.date(2021, 11, 1): "Klimaschutz & Energiewende",
    datetime.date(2021, 12, 6): "Zivilgesellschaftliche Netzwerke",
    datetime.date(2022, 1, 24): "Lebendige Orte",
    datetime.date(2022, 3, 7): "Jugendbeteiligung",
    datetime.date(2022, 4, 25): "Stiftungen & Engagement",
}


def test_stammtisch_has_the_seed_meetings_and_upcoming_ones(demo, client):
    series = EventSeriesPage.objects.get(url_path="/home/stammtisch/")
    meetings = MeetingPage.objects.child_of(series).live()
    by_day = {timezone.localdate(meeting.start): meeting.topic for meeting in meetings}
    assert SEED_MEETINGS.items() <= by_day.items()

    upcoming = [meeting for meeting in meetings if meeting.end > timezone.now()]
    states = [meeting.registration_state() for meeting in upcoming]
    assert RegistrationState.OPEN in states
    assert RegistrationState.NOT_YET_OPEN in states

    html = client.get("/stammtisch/").content.decode()
    main = html.split("<main", 1)[1]
    upcoming_html, past_html = main.split("Vergangene Termine")
    assert ">Anmelden<" in upcoming_html
    assert "Anmeldung bald möglich" in upcoming_html
    assert "Geplanter Termin" in upcoming_html
    assert "Mo, 06.12.2021, 17:00–18:30 Uhr" in past_html
    assert past_html.index("25.04.2022") < past_html.index("01.11.2021")


def test_demo_pages_and_feeds_answer_and_never_show_the_call_link(demo, client):
    urls = ["/", "/stammtisch/", "/stammtisch/kalender/", "/suche/?q=Stammtisch"]
    urls += [meeting.url for meeting in MeetingPage.objects.live()]
    urls += [meeting.calendar_url for meeting in MeetingPage.objects.live()]
    urls += [page.url for page in RecurringMeetingPage.objects.live()]
    urls += [page.calendar_url for page in RecurringMeetingPage.objects.live()]
    urls.append(reverse("strukturwandel_events:site_calendar"))
    urls += [
        reverse("strukturwandel_events:topic_calendar", kwargs={"slug": topic.slug})
        for topic in TopicField.objects.all()
    ]
    assert MeetingPage.objects.filter(call_link=CALL_LINK).exists()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert CALL_LINK not in response.content.decode(), url


def test_site_feed_has_every_meeting(demo, client):
    response = client.get(reverse("strukturwandel_events:site_calendar"))
    calendar = icalendar.Calendar.from_ical(response.content)
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    for meeting in MeetingPage.objects.live():
        assert f"meeting-{meeting.translation_key}@wagtail-strukturwandel" in uids


def test_recurring_group_meeting_is_one_page(demo, client):
    page = RecurringMeetingPage.objects.get()
    html = client.get(page.url).content.decode()
    assert "monatlich, am zweiten Montag, 18:00–20:00 Uhr" in html
    assert "an wechselnden Begegnungsorten im Leipziger Land" in html
