"""Calendar feeds: RFC 5545 details, and what an independent parser expands from them."""

import datetime

import icalendar
import pytest
import recurrence
import recurring_ical_events
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from recurrence import Recurrence, Rule
from wagtail.models import Page, PageViewRestriction, Site

from strukturwandel.core.models import non_empty_lines
from strukturwandel.events import calendars, listings
from strukturwandel.events.models import EventSeriesPage, MeetingPage, MeetingStatus
from strukturwandel.topics.models import TopicField

from .conftest import BERLIN, CALL_LINK, berlin

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert CALL_LINK not in body
    assert "zoom.example.org" not in body
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def future(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def local_midnight_in_utc(day):
    """How the recurrence widget stores an excluded or extra date with USE_TZ."""
    return datetime.datetime.combine(day, datetime.time.min, BERLIN).astimezone(datetime.UTC)


def test_series_feed_is_valid_and_expands_to_what_the_page_lists(client, series, make_meeting):
    planned = listings.planned_dates(series)
    make_meeting(planned[0].start.date(), topic="Lebendige Orte")
    excluded = planned[5].start.date()  # a date five months on: across a DST change
    extra = future(45)
    series.schedule.exdates.append(local_midnight_in_utc(excluded))
    series.schedule.rdates.append(local_midnight_in_utc(extra))
    series.save_revision().publish()
    series.refresh_from_db()

    calendar = fetch(client, series.calendar_url)
    assert calendar["VERSION"] == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    for event in events(calendar):
        for name in ["UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "URL"]:
            assert name in event, name
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert event["URL"].startswith("http://localhost/stammtisch/")
    rule_event = next(event for event in events(calendar) if "RRULE" in event)
    assert rule_event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert rule_event["RRULE"]["BYDAY"] == ["+2MO"] or rule_event["RRULE"]["BYDAY"] == ["2MO"]
    assert "EXDATE" in rule_event and "RDATE" in rule_event

    now = timezone.now()
    window_end = now + datetime.timedelta(days=365)
    expanded = recurring_ical_events.of(calendar).between(now, window_end)
    starts = sorted(event["DTSTART"].dt for event in expanded)
    listed = [
        entry.start
        for entry in listings.upcoming_entries(
            listings.child_meetings(series), schedule_page=series, planned_limit=365
        )
    ]
    assert starts == listed
    assert excluded not in {start.date() for start in starts}
    assert extra in {start.date() for start in starts}
    # 17:00 local time all year, summer and winter.
    assert {
        (start.astimezone(BERLIN).hour, start.astimezone(BERLIN).minute) for start in starts
    } == {(17, 0)}
    # The meeting's date appears once: as the meeting, not again as a planned date.
    assert len(starts) == len(set(starts))


def test_uid_is_stable_and_sequence_grows_when_the_meeting_changes(client, make_meeting):
    meeting = make_meeting(future(20))
    first = events(fetch(client, meeting.calendar_url))[0]
    assert first["SEQUENCE"] == 0

    meeting.teaser = "Eine neue Frage."
    meeting.save_revision().publish()
    unchanged = events(fetch(client, meeting.calendar_url))[0]
    assert unchanged["UID"] == first["UID"]
    assert unchanged["SEQUENCE"] == 0

    meeting = MeetingPage.objects.get(pk=meeting.pk)
    meeting.start += datetime.timedelta(hours=1)
    meeting.end += datetime.timedelta(hours=1)
    meeting.save_revision().publish()
    moved = events(fetch(client, meeting.calendar_url))[0]
    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] == 1

    meeting = MeetingPage.objects.get(pk=meeting.pk)
    meeting.status = MeetingStatus.CANCELLED
    # A draft does not count; publishing does.
    meeting.save_revision()
    assert events(fetch(client, meeting.calendar_url))[0]["SEQUENCE"] == 1
    meeting.save_revision().publish()
    cancelled = events(fetch(client, meeting.calendar_url))[0]
    assert cancelled["SEQUENCE"] == 2
    assert cancelled["STATUS"] == "CANCELLED"


def test_meeting_file_has_place_and_topic_but_never_the_call_link(client, make_meeting):
    meeting = make_meeting(
        future(10),
        format="hybrid",
        venue="Bürgerhaus Borna\nMarkt 1\n04552 Borna",
        status=MeetingStatus.POSTPONED,
    )
    event = events(fetch(client, meeting.calendar_url))[0]
    assert event["LOCATION"] == "Bürgerhaus Borna, Markt 1, 04552 Borna und online"
    assert "Thema: Lebendige Orte" in event["DESCRIPTION"]
    assert event["STATUS"] == "TENTATIVE"
    assert event["DTSTART"].dt == berlin(*future(10).timetuple()[:3], 17, 0)


def test_site_and_topic_feeds(client, series, make_meeting):
    energy = TopicField.objects.create(name="Klimaschutz & Energiewende", slug="klimaschutz")
    other = TopicField.objects.create(name="Mobilität", slug="mobilitaet")
    tagged = make_meeting(future(12), topic="Energiewende vor Ort")
    tagged.topic_fields.set([energy])
    tagged.save_revision().publish()
    make_meeting(future(40), topic="Jugendbeteiligung")

    site = fetch(client, reverse("strukturwandel_events:site_calendar"))
    assert reverse("strukturwandel_events:site_calendar") == "/kalender/termine.ics"
    summaries = [str(event["SUMMARY"]) for event in events(site)]
    assert len(summaries) == 3  # two meetings and the series rule
    assert "Strukturwandel-Stammtisch" in summaries

    topic = fetch(
        client, reverse("strukturwandel_events:topic_calendar", kwargs={"slug": "klimaschutz"})
    )
    [event] = events(topic)
    assert event["CATEGORIES"].cats == ["Klimaschutz & Energiewende"]
    assert events(fetch(client, f"/kalender/themen/{other.slug}.ics")) == []
    assert client.get("/kalender/themen/gibt-es-nicht.ics").status_code == 404


def test_site_and_topic_feeds_list_only_the_site_they_are_served_on(
    client, series, make_meeting, root_page
):
    energy = TopicField.objects.create(name="Klimaschutz & Energiewende", slug="klimaschutz")
    ours = make_meeting(future(12), topic="Energiewende vor Ort")
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Andere Website", slug="andere-website")
    )
    Site.objects.create(hostname="andere.example.org", root_page=other_home)
    theirs = make_meeting(future(14), parent=other_home, slug="fremd", topic="Fremdes Treffen")
    for meeting in [ours, theirs]:
        meeting.topic_fields.set([energy])
        meeting.save_revision().publish()

    for url in ["/kalender/termine.ics", "/kalender/themen/klimaschutz.ics"]:
        ours_only = [str(event["SUMMARY"]) for event in events(fetch(client, url))]
        assert "Stammtisch: Fremdes Treffen" not in ours_only, url
        assert "Stammtisch: Energiewende vor Ort" in ours_only, url
        theirs_only = [
            str(event["SUMMARY"])
            for event in events(
                icalendar.Calendar.from_ical(
                    client.get(url, headers={"host": "andere.example.org"}).content
                )
            )
        ]
        assert theirs_only == ["Stammtisch: Fremdes Treffen"], url


def test_a_private_meeting_takes_its_planned_date_on_the_page_as_in_the_feed(
    client, series, make_meeting
):
    now = berlin(2022, 1, 1, 12, 0)
    private = make_meeting(datetime.date(2022, 1, 10), topic="Nur für Mitglieder")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    days = [entry.start.date() for entry in listings.planned_dates(series, now=now)]
    assert datetime.date(2022, 1, 10) not in days
    assert days[0] == datetime.date(2022, 2, 14)
    entries = listings.upcoming_entries(
        listings.child_meetings(series), schedule_page=series, now=now
    )
    assert private not in entries
    assert entries[0].start.date() == datetime.date(2022, 2, 14)


def test_pages_announce_their_feeds(client, series, make_meeting):
    meeting = make_meeting(future(3))
    for page in [series, meeting]:
        html = client.get(page.url).content.decode()
        assert f'<link rel="alternate" type="text/calendar" href="{page.calendar_url}"' in html


def test_rule_without_start_date_starts_on_the_same_day_in_every_fetch(series):
    # Saved before the start date was required: the feed must not move DTSTART day by day
    # while SEQUENCE stays the same.
    EventSeriesPage.objects.filter(pk=series.pk).update(schedule_starts_on=None)
    series = EventSeriesPage.objects.get(pk=series.pk)
    now = timezone.now()
    starts = {
        calendars.schedule_event(series, set(), None, now=now + datetime.timedelta(days=days))[
            "DTSTART"
        ].dt
        for days in [0, 40, 100]
    }
    assert len(starts) == 1
    assert starts.pop().date() >= timezone.localdate(series.first_published_at)


def test_venue_from_a_textarea_becomes_one_line(client, series, make_meeting):
    venue = "Bürgerhaus Borna\r\n\r\n  Markt 1\r\n04552 Borna\r\n"
    series.default_venue = venue

    def rule_location():
        series.save_revision().publish()
        feed = events(fetch(client, series.calendar_url))
        return next(event for event in feed if "RRULE" in event)["LOCATION"]

    # An online series names no venue, though one is filled in.
    assert rule_location() == "Online (den Link erhalten Sie mit der Anmeldung)"
    series.default_format = "in_person"
    assert rule_location() == "Bürgerhaus Borna, Markt 1, 04552 Borna"
    meeting = make_meeting(future(10), format="in_person", venue=venue)
    assert events(fetch(client, meeting.calendar_url))[0]["LOCATION"] == (
        "Bürgerhaus Borna, Markt 1, 04552 Borna"
    )
    blank = make_meeting(future(11), slug="leer", format="in_person", venue="\r\n  \r\n")
    assert events(fetch(client, blank.calendar_url))[0]["LOCATION"] == (
        "Online (den Link erhalten Sie mit der Anmeldung)"
    )
    assert non_empty_lines(venue) == ["Bürgerhaus Borna", "Markt 1", "04552 Borna"]


def test_feeds_name_the_publisher_from_the_settings(client, series, settings):
    url = reverse("strukturwandel_events:site_calendar")
    # The package names no organisation of its own; a host site names itself.
    assert str(fetch(client, url)["PRODID"]) == (
        "-//wagtail-strukturwandel//wagtail-strukturwandel//DE"
    )
    settings.STRUKTURWANDEL = {"CALENDAR_PRODID": "-//Beispielverein e.V.//Termine//DE"}
    assert str(fetch(client, url)["PRODID"]) == "-//Beispielverein e.V.//Termine//DE"
    assert str(fetch(client, series.calendar_url)["PRODID"]) == (
        "-//Beispielverein e.V.//Termine//DE"
    )


def test_line_breaks_and_control_characters_never_reach_a_content_line(
    client, series, make_meeting
):
    # Saved before the forms refused line breaks, or through code: NAME and X-WR-CALNAME
    # failed with "Content line can not contain unescaped new line characters".
    series.title = "Stammtisch\r\nam Montag\x1b[2J"
    series.save_revision().publish()
    topic_field = TopicField.objects.create(name="Energie\nwende\x1f", slug="energie")
    meeting = make_meeting(
        future(5),
        title="Treffen\r\nneu\x07",
        topic="Wärme\x0bnetze",
        teaser="Erste Zeile\r\nZweite Zeile\x01",
        venue="Markt 1\x0c\r\nBorna",
        format="in_person",
    )
    meeting.topic_fields.set([topic_field])
    meeting.save_revision().publish()

    for url in (
        series.calendar_url,
        meeting.calendar_url,
        reverse("strukturwandel_events:site_calendar"),
        "/kalender/themen/energie.ics",
    ):
        body = client.get(url).content.decode()
        # RFC 5545 allows no control character in a value but HTAB; lines end in CRLF.
        assert not any(
            ord(char) < 32 and char not in "\r\n\t" or char == "\x7f" for char in body
        ), url
        assert "\r\n" in body and "\n" not in body.replace("\r\n", ""), url

    calendar = fetch(client, series.calendar_url)
    assert str(calendar["NAME"]) == "Stammtisch am Montag[2J"
    assert str(calendar["X-WR-CALNAME"]) == "Stammtisch am Montag[2J"
    [event] = events(fetch(client, meeting.calendar_url))
    assert str(event["SUMMARY"]) == "Treffen neu: Wärme netze"
    assert str(event["LOCATION"]) == "Markt 1, Borna"
    assert event["CATEGORIES"].cats == ["Energie wende"]
    # A description keeps its line breaks (escaped as \n by icalendar).
    assert "Thema: Wärme netze\n\nErste Zeile\nZweite Zeile\n\n" in str(event["DESCRIPTION"])
    assert str(fetch(client, "/kalender/themen/energie.ics")["NAME"]) == "Energie wende"


def test_feeds_answer_only_get_and_head(client, series, make_meeting):
    meeting = make_meeting(future(5))
    TopicField.objects.create(name="Energie", slug="energie")
    page_feeds = [series.calendar_url, meeting.calendar_url]
    feeds = [reverse("strukturwandel_events:site_calendar"), "/kalender/themen/energie.ics"]
    for url in page_feeds + feeds:
        assert client.head(url).status_code == 200, url
        assert b"BEGIN:VCALENDAR" not in client.options(url).content, url
    # Page feeds answer OPTIONS as Wagtail answers it for the page; the others answered it
    # with the whole calendar and POST with a CSRF failure: a feed changes nothing.
    for url in feeds:
        for method in ("options", "post", "put", "patch", "delete"):
            response = getattr(client, method)(url)
            assert response.status_code == 405, (method, url)
            assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    ("title", "topic", "summary"),
    [
        # A planned meeting's title ("<series> am <day>", also with the weekday): the series
        # and the topic.
        (
            "Strukturwandel-Stammtisch am 07.12.2026",
            "Mobilität auf dem Land",
            "Strukturwandel-Stammtisch: Mobilität auf dem Land",
        ),
        (
            "Strukturwandel-Stammtisch am Mo, 07.12.2026",
            "Mobilität auf dem Land",
            "Strukturwandel-Stammtisch: Mobilität auf dem Land",
        ),
        # Any other title keeps all it says.
        ("Bündnistreffen im Mai", "Energiewende", "Bündnistreffen im Mai: Energiewende"),
        ("Treffen am Markt", "Jugend", "Treffen am Markt: Jugend"),
        # A title that says the topic already is not repeated.
        ("Energiewende vor Ort", "Energiewende", "Energiewende vor Ort"),
    ],
)
def test_a_meetings_summary_names_its_topic(client, series, make_meeting, title, topic, summary):
    meeting = make_meeting(future(9), topic=topic)
    meeting.title = title
    meeting.save_revision().publish()
    [event] = events(fetch(client, meeting.calendar_url))
    assert str(event["SUMMARY"]) == summary
    # The topic's meetings apart in a month view, as a client expands the feed.
    calendar = fetch(client, "/kalender/termine.ics")
    day = timezone.localdate(meeting.start)
    titles = [str(e["SUMMARY"]) for e in recurring_ical_events.of(calendar).at(day)]
    assert summary in titles


def test_several_rules_expand_in_a_client_to_the_dates_the_page_lists(series):
    # Every 2nd and every 3rd day from 01.01.2000: each rule counts from that day, also in
    # the feed, where both would otherwise count from the feed's first date.
    series.schedule = Recurrence(
        rrules=[Rule(recurrence.DAILY, interval=2), Rule(recurrence.DAILY, interval=3)]
    )
    series.schedule_starts_on = datetime.date(2000, 1, 1)
    series.save_revision().publish()
    now = berlin(2025, 1, 1, 12, 0)
    calendar = icalendar.Calendar.from_ical(
        calendars.render("Stammtisch", [], [series], RequestFactory().get("/"), now=now)
    )
    first_day, last_day = calendars.feed_window(now)
    after = datetime.datetime.combine(first_day, datetime.time.min, BERLIN)
    before = datetime.datetime.combine(last_day, datetime.time.max, BERLIN)
    expanded = recurring_ical_events.of(calendar).between(after, before)
    starts = sorted(event["DTSTART"].dt for event in expanded)
    planned = [occurrence.start for occurrence in series.schedule_occurrences(after, before)]
    assert len(planned) > 300
    assert starts == planned


def test_a_meeting_typed_in_the_first_or_last_years_there_are_breaks_no_feed(
    client, series, make_meeting
):
    # The editor takes any year; the feeds' time zone must still be described for it.
    for year in [9999, 2]:
        start = datetime.datetime(year, 12, 31, 22, 0, tzinfo=BERLIN)
        make_meeting(start.date(), start=start, end=start + datetime.timedelta(hours=1))
    for url in [series.calendar_url, "/kalender/termine.ics"]:
        calendar = fetch(client, url)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
        starts = [event["DTSTART"].dt for event in events(calendar)]
        assert datetime.datetime(9999, 12, 31, 22, 0, tzinfo=BERLIN) in starts, url


def test_several_rules_that_a_client_expands_alike_stay_rules(series):
    # Mondays and Thursdays: both weekly, so the RRULEs from one DTSTART give the same dates
    # (RRULEs rather than a list of RDATEs, which some calendar apps show badly).
    series.schedule = Recurrence(
        rrules=[
            Rule(recurrence.WEEKLY, byday=[recurrence.MO]),
            Rule(recurrence.WEEKLY, byday=[recurrence.TH]),
        ]
    )
    series.schedule_starts_on = datetime.date(2024, 1, 1)
    series.save_revision().publish()
    now = berlin(2025, 1, 1, 12, 0)
    calendar = icalendar.Calendar.from_ical(
        calendars.render("Stammtisch", [], [series], RequestFactory().get("/"), now=now)
    )
    [event] = [e for e in calendar.walk("VEVENT") if "RRULE" in e or "RDATE" in e]
    assert len(event.get("RRULE")) == 2 and "RDATE" not in event
    first_day, last_day = calendars.feed_window(now)
    after = datetime.datetime.combine(first_day, datetime.time.min, BERLIN)
    before = datetime.datetime.combine(last_day, datetime.time.max, BERLIN)
    starts = sorted(
        e["DTSTART"].dt for e in recurring_ical_events.of(calendar).between(after, before)
    )
    assert starts == [o.start for o in series.schedule_occurrences(after, before)]
