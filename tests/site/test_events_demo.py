"""The demo's Stammtisch: the meetings from the association's page and upcoming ones."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from home.demo.events import CALL_LINK
from strukturwandel.conf import app_settings
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
    assert "Anmeldung ab " in upcoming_html  # the date registration opens
    assert "Geplanter Termin" in upcoming_html
    # Visitors register on the meeting page; the demo's registrations take three of six places.
    open_meeting = upcoming[states.index(RegistrationState.OPEN)]
    page = client.get(open_meeting.url).content.decode()
    assert f'action="/anmeldung/{open_meeting.pk}/#anmeldung"' in page
    assert "Noch 3 Plätze frei." in page
    assert "Mo, 06.12.2021, 17:00–18:30 Uhr" in past_html
    assert past_html.index("25.04.2022") < past_html.index("01.11.2021")


def test_no_public_page_or_feed_of_the_demo_shows_a_call_link(demo, client):
    """Every live page of the demo, every calendar, the sitemap and search: no call link."""
    call_links = set(MeetingPage.objects.exclude(call_link="").values_list("call_link", flat=True))
    assert CALL_LINK in call_links
    pages = [page for page in Page.objects.live().specific() if page.url]
    urls = [page.url for page in pages]
    urls += [page.calendar_url for page in pages if hasattr(page, "calendar_url")]
    urls += [topic.get_url() for topic in TopicField.objects.all()]
    urls += [reverse("strukturwandel_events:site_calendar"), "/sitemap.xml"]
    urls += [
        reverse("strukturwandel_events:topic_calendar", kwargs={"slug": topic.slug})
        for topic in TopicField.objects.all()
    ]
    urls += ["/suche/?q=Stammtisch", "/suche/?q=zoom", "/suche/?q=example.org"]
    assert len(urls) > 40
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for link in call_links:
            assert link not in body, url
    # Nobody can find a meeting by its call link either.
    indexed = {field.field_name for field in MeetingPage.get_search_fields()}
    assert "call_link" not in indexed


def _feed_uids(client, url):
    calendar = icalendar.Calendar.from_ical(client.get(url).content)
    # The demo names the association as publisher in its settings.
    assert "Landesverband Nachhaltiges Sachsen e.V." in str(calendar["PRODID"])
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_every_meeting_is_in_the_site_feed_or_its_years_archive(demo, client):
    recent = _feed_uids(client, reverse("strukturwandel_events:site_calendar"))
    reaches_back = timezone.now() - datetime.timedelta(days=app_settings.FEED_PAST_DAYS)
    for meeting in MeetingPage.objects.live():
        uid = f"meeting-{meeting.translation_key}@wagtail-strukturwandel"
        year = timezone.localtime(meeting.start).year
        archive = reverse("strukturwandel_events:site_archive_calendar", args=[year])
        assert uid in _feed_uids(client, archive)
        assert (uid in recent) == (meeting.end >= reaches_back)


def test_recurring_group_meeting_is_one_page(demo, client):
    page = RecurringMeetingPage.objects.get()
    html = client.get(page.url).content.decode()
    assert "monatlich, am zweiten Montag, 18:00–20:00 Uhr" in html
    assert "an wechselnden Begegnungsorten im Leipziger Land" in html
