"""Subscribing to calendars: webcal:// links beside the https address, and the how-to page
every "Subscribe to the calendar" leads to, with the site's and the topic fields' feeds."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from strukturwandel.events import calendars
from strukturwandel.events.calendars import webcal_url
from strukturwandel.topics.models import TopicField

from .conftest import BERLIN, berlin

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/kalender/termine.ics", "webcal://example.org/kalender/termine.ics"),
        ("http://127.0.0.1:8000/a/kalender/", "webcal://127.0.0.1:8000/a/kalender/"),
        ("/kalender/termine.ics", "/kalender/termine.ics"),
    ],
)
def test_webcal_url(url, expected):
    assert webcal_url(url) == expected


def test_a_series_offers_webcal_its_address_and_the_how_to(client, series):
    html = client.get(series.url).content.decode()
    assert (
        '<a class="sw-button sw-button--secondary" '
        'href="webcal://testserver/stammtisch/kalender/">Kalender abonnieren'
        '<span class="sw-visually-hidden">: Strukturwandel-Stammtisch</span></a>'
    ) in html
    assert '<a href="/kalender/">So geht’s</a>' in html
    assert (
        '<a href="http://testserver/stammtisch/kalender/">Kalenderadresse (https)'
        '<span class="sw-visually-hidden">: Strukturwandel-Stammtisch</span></a>'
    ) in html


def test_the_how_to_lists_the_site_and_topic_feeds_and_four_apps(client, series):
    TopicField.objects.create(name="Mobilität", slug="mobilitaet")
    assert reverse("strukturwandel_events:calendar_help") == "/kalender/"
    response = client.get("/kalender/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kalender abonnieren: so geht’s</h1>" in html
    assert 'href="webcal://testserver/kalender/termine.ics"' in html
    assert 'href="http://testserver/kalender/termine.ics"' in html
    assert "<h3>Mobilität</h3>" in html
    assert 'href="/kalender/">' not in html.split("<main", 1)[1]  # no link to itself
    assert 'href="webcal://testserver/kalender/themen/mobilitaet.ics"' in html
    for app in ("Apple Kalender", "Google Kalender", "Outlook", "Thunderbird"):
        assert f"<h3>{app}" in html
    # What the feeds hold (FEED_PAST_DAYS back, rules SCHEDULE_WINDOW_DAYS ahead), and where
    # older meetings are.
    assert "Termine der letzten 365 Tage und alle kommenden Termine" in html
    assert "Regelmäßige Termine stehen darin für die nächsten 365 Tage" in html
    year = calendars.feed_window()[0].year
    archive = f"/kalender/archiv/{year}.ics"
    assert f'<a href="{archive}">Archivkalender {year}</a>' in html
    # Every linked feed is a calendar a client reads.
    for path in ("/kalender/termine.ics", "/kalender/themen/mobilitaet.ics", archive):
        feed = client.get(path)
        assert feed.status_code == 200
        icalendar.Calendar.from_ical(feed.content)
    assert client.post("/kalender/").status_code == 405


def test_the_how_to_shows_an_archive_that_holds_meetings(client, series, make_meeting):
    old = make_meeting(datetime.date.today() - datetime.timedelta(days=3 * 365), topic="Damals")
    year = old.start.astimezone(BERLIN).year
    assert year < calendars.feed_window()[0].year
    html = client.get("/kalender/").content.decode()
    archive = f"/kalender/archiv/{year}.ics"
    assert f'<a href="{archive}">Archivkalender {year}</a>' in html
    events = icalendar.Calendar.from_ical(client.get(archive).content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [calendars.meeting_summary(old)]


@pytest.mark.parametrize("year", [0, 1, 9999, 10000, 99999999999])
def test_an_archive_of_a_year_out_of_range_is_not_found(client, year):
    assert client.get(f"/kalender/archiv/{year}.ics").status_code == 404


def test_the_archive_of_a_year_holds_the_meetings_of_its_new_year_in_berlin(client, make_meeting):
    make_meeting(datetime.date(2021, 12, 31), topic="Silvester")
    # 00:30 in Berlin is 23:30 UTC on the day before.
    new_year = berlin(2022, 1, 1, 0, 30)
    make_meeting(
        datetime.date(2022, 1, 1),
        topic="Neujahr",
        start=new_year,
        end=new_year + datetime.timedelta(hours=1),
    )
    for year, topic in [(2021, "Silvester"), (2022, "Neujahr")]:
        response = client.get(f"/kalender/archiv/{year}.ics")
        events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert [topic in str(event["SUMMARY"]) for event in events] == [True], year
