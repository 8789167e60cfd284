"""The feeds' bytes (``calendars.render``): the same as icalendar's serialisation of the whole
calendar, with each meeting's and each rule's VEVENT kept in the cache until something it
shows changes."""

import datetime

import icalendar
import pytest
import recurrence
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from strukturwandel.events import calendars, listings, schedule
from strukturwandel.events.models import MeetingPage, MeetingStatus
from strukturwandel.topics.models import TopicField

from .conftest import BERLIN

pytestmark = pytest.mark.django_db


def future(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def midnight_utc(day):
    return datetime.datetime.combine(day, datetime.time.min, BERLIN).astimezone(datetime.UTC)


@pytest.fixture
def request_():
    return RequestFactory().get("/")


@pytest.fixture
def feed_meetings(series, make_meeting):
    energy = TopicField.objects.create(name="Energie", slug="energie")
    for days in (-40, 3, 30, 400):
        meeting = make_meeting(future(days), topic=f"Thema in {days} Tagen")
        meeting.topic_fields.set([energy])
        meeting.save_revision().publish()
    series.schedule.exdates.append(midnight_utc(listings.planned_dates(series)[2].start.date()))
    series.schedule.rdates.append(midnight_utc(future(45)))
    series.save_revision().publish()
    series.refresh_from_db()
    return listings.meeting_queryset(for_cards=False).child_of(series).order_by("start")


def count_serialised(monkeypatch):
    built = []
    original = calendars._meeting_properties

    def counting(meeting, topic_names, url, texts):
        built.append(meeting.pk)
        return original(meeting, topic_names, url, texts)

    monkeypatch.setattr(calendars, "_meeting_properties", counting)
    return built


def test_render_is_icalendars_serialisation_byte_for_byte(series, feed_meetings, request_):
    now = timezone.now()
    expected = calendars.build("Stammtisch", feed_meetings, [series], request_, now=now).to_ical()
    cold = calendars.render("Stammtisch", feed_meetings, [series], request_, now=now)
    warm = calendars.render("Stammtisch", feed_meetings, [series], request_, now=now)
    assert cold == expected
    assert warm == expected
    # A list of pages (a meeting's own file) and a rule alone come out the same way.
    meeting = feed_meetings[1]
    assert (
        calendars.render("Eins", [meeting], [], request_, now=now)
        == calendars.build("Eins", [meeting], [], request_, now=now).to_ical()
    )
    assert (
        calendars.render("Regel", [], [series], request_, now=now)
        == calendars.build("Regel", [], [series], request_, now=now).to_ical()
    )
    assert (
        calendars.render("Leer", [], [], request_, now=now)
        == calendars.build("Leer", [], [], request_, now=now).to_ical()
    )


# Text that exercises every rule of writing a line: escapes (\\ ; ,), line breaks, control
# characters, multibyte characters and escapes where a long line is folded.
AWKWARD = [
    "Ä" * 40 + "\\" + "x" * 30,
    "a" * 73 + "\\;" + "ö" * 30 + "^" + "€" * 25 + "😀" * 20,
    "Wasser, Energie; Beteiligung\\Revier\r\nzweite Zeile\x07 " + "ß" * 37,
    "x" * 72 + "\\n" + "y" * 80,
]


def test_render_writes_awkward_text_and_all_day_rules_as_icalendar_does(
    series, make_meeting, request_
):
    series.title = AWKWARD[0]
    series.schedule_start_time = None
    series.schedule_end_time = None
    series.default_format = "hybrid"
    series.default_venue = "Marktplatz 1\n04109 Leipzig, " + AWKWARD[3]
    series.save_revision().publish()
    series.refresh_from_db()
    fields = [
        TopicField.objects.create(name=name[:120], slug=f"f{n}") for n, name in enumerate(AWKWARD)
    ]
    for days, text, status, meeting_format, venue in [
        (3, AWKWARD[1], MeetingStatus.CANCELLED, "in_person", AWKWARD[1]),
        (10, AWKWARD[2], MeetingStatus.POSTPONED, "hybrid", AWKWARD[2]),
        (17, AWKWARD[3], MeetingStatus.PLANNED, "online", ""),
        # "LOCATION:" and 66 octets: a line of exactly 75 octets is folded.
        (24, AWKWARD[0], MeetingStatus.PLANNED, "in_person", "v" * 66),
    ]:
        meeting = make_meeting(
            future(days),
            title=text,
            topic=text[::-1],
            teaser=text,
            status=status,
            status_note=text[:60],
            format=meeting_format,
            venue=venue,
        )
        meeting.topic_fields.set(fields)
        meeting.save_revision().publish()
    meetings = listings.meeting_queryset(for_cards=False).child_of(series).order_by("start")
    assert meetings.count() == 4
    now = timezone.now()
    expected = calendars.build(AWKWARD[2], meetings, [series], request_, now=now).to_ical()
    assert calendars.render(AWKWARD[2], meetings, [series], request_, now=now) == expected
    assert b"DTSTART;VALUE=DATE:" in expected and b"STATUS:CANCELLED" in expected
    # Folded lines never exceed 75 octets (RFC 5545), with the line break.
    assert max(len(line) for line in expected.split(b"\r\n")) <= 75
    parsed = icalendar.Calendar.from_ical(expected)
    summaries = {str(event["SUMMARY"]) for event in parsed.walk("VEVENT")}
    assert calendars.meeting_summary(meetings[1]) in summaries


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        ("Wasser und Energie", False, "Wasser und Energie"),
        ("  Wasser   und\tEnergie ", False, "Wasser und Energie"),
        ("Wasser\u00a0und\x07 Energie\x7f", False, "Wasser und Energie"),
        ("Zeile eins\r\nZeile zwei", False, "Zeile eins Zeile zwei"),
        ("Zeile eins \r\n\r Zeile  zwei", True, "Zeile eins\n\nZeile zwei"),
    ],
)
def test_clean_text_leaves_lines_without_control_characters(value, multiline, expected):
    assert calendars.clean_text(value, multiline=multiline) == expected


def test_a_rebuilt_feed_serialises_only_the_meetings_that_changed(
    series, feed_meetings, request_, monkeypatch
):
    built = count_serialised(monkeypatch)
    render = lambda: calendars.render("Stammtisch", feed_meetings.all(), [series], request_)  # noqa: E731
    first = render()
    assert len(built) == 4
    assert sum(key.startswith(":1:strukturwandel:vevent:") for key in cache._cache) == 4
    built.clear()
    assert render() == first
    assert built == []

    changed = MeetingPage.objects.get(pk=feed_meetings[1].pk)
    changed.status = MeetingStatus.CANCELLED
    changed.save_revision().publish()
    body = render().decode()
    assert built == [changed.pk]
    assert "STATUS:CANCELLED" in body

    # A renamed topic field is in every meeting's CATEGORIES: each is serialised again.
    built.clear()
    TopicField.objects.filter(slug="energie").update(name="Energie & Klima")
    assert "CATEGORIES:Energie & Klima" in render().decode()
    assert len(built) == 4

    # A meeting moved in the tree has a new URL.
    built.clear()
    other = series.get_parent().add_child(
        instance=type(series)(title="Andere Reihe", slug="andere-reihe")
    )
    moved = MeetingPage.objects.get(pk=feed_meetings[2].pk)
    moved.move(other, pos="last-child")
    moved.refresh_from_db()
    assert moved.url_path.startswith(other.url_path)
    meetings = listings.meeting_queryset(for_cards=False).filter(pk=moved.pk)
    assert "/andere-reihe/" in calendars.render("Eins", meetings, [], request_).decode()
    assert built == [moved.pk]


def count_expanded(monkeypatch):
    expanded = []
    original = calendars.schedule_dates

    def counting(page, meeting_days, first_day, last_day):
        expanded.append(page.pk)
        return original(page, meeting_days, first_day, last_day)

    monkeypatch.setattr(calendars, "schedule_dates", counting)
    return expanded


def test_a_rule_is_expanded_again_only_when_what_its_event_shows_changes(
    series, feed_meetings, make_meeting, request_, monkeypatch
):
    expanded = count_expanded(monkeypatch)
    now = timezone.now()

    def render(page):
        return calendars.render("Regel", [], [page], request_, now=now)

    def expected(page):
        return calendars.build("Regel", [], [page], request_, now=now).to_ical()

    first = render(series)
    assert expanded == [series.pk]
    assert sum(key.startswith(":1:strukturwandel:rule-vevent:") for key in cache._cache) == 1
    expanded.clear()
    assert render(series) == first
    assert expanded == []

    # A new meeting on one of the rule's dates takes that date out of the rule's event.
    planned = listings.planned_dates(series)[0].start
    make_meeting(planned.date(), topic="Am Regeltermin").save_revision().publish()
    expanded.clear()
    with_meeting = render(series)
    assert expanded == [series.pk]
    assert with_meeting != first
    assert with_meeting == expected(series)

    # A changed rule (another weekday) is expanded again, as is a new title.
    series.schedule = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.TU])]
    )
    series.save_revision().publish()
    series.refresh_from_db()
    expanded.clear()
    assert "BYDAY=TU" in render(series).decode()
    assert expanded == [series.pk]
    series.title = "Neuer Name der Reihe"
    series.save_revision().publish()
    series.refresh_from_db()
    expanded.clear()
    assert "SUMMARY:Neuer Name der Reihe" in render(series).decode()
    assert render(series) == expected(series)

    # The window moves on with the day: tomorrow's feed expands the rule again.
    expanded.clear()
    calendars.render("Regel", [], [series], request_, now=now + datetime.timedelta(days=1))
    assert expanded == [series.pk]


def test_without_the_event_cache_every_meeting_is_serialised(
    series, feed_meetings, request_, monkeypatch, settings
):
    settings.STRUKTURWANDEL = {"CALENDAR_EVENT_CACHE_SECONDS": 0}
    built = count_serialised(monkeypatch)
    first = calendars.render("Stammtisch", feed_meetings.all(), [series], request_)
    second = calendars.render("Stammtisch", feed_meetings.all(), [series], request_)
    assert first == second
    assert len(built) == 8
    assert not any(key.startswith(":1:strukturwandel:vevent") for key in cache._cache)
    assert not any(key.startswith(":1:strukturwandel:rule-vevent") for key in cache._cache)


def test_plain_and_rule_dates_expand_each_rule_once_and_agree_with_rule_dates():
    first, last = datetime.date(2026, 1, 1), datetime.date(2027, 6, 30)
    rule = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.MO])],
        exrules=[recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.MO(1)])],
        rdates=[midnight_utc(datetime.date(2026, 3, 4)), midnight_utc(datetime.date(2031, 1, 1))],
        exdates=[midnight_utc(datetime.date(2026, 5, 11))],
    )
    starts_on = datetime.date(2015, 1, 5)
    plain, dates = schedule.plain_and_rule_dates(rule, starts_on, first, last)
    assert plain == schedule.rule_dates(
        recurrence.Recurrence(rrules=rule.rrules), starts_on, first, last
    )
    assert dates == schedule.rule_dates(rule, starts_on, first, last)
    assert datetime.date(2026, 3, 4) in dates
    assert datetime.date(2026, 5, 11) not in dates
    assert datetime.date(2026, 2, 2) in plain and datetime.date(2026, 2, 2) not in dates


def test_categories_keep_one_order_whichever_query_read_the_names(series, make_meeting, request_):
    """The feed reads topic names in one query, e-mails through the page's prefetch: neither
    is ordered for topic fields of equal rank, and PostgreSQL returns them in any order."""
    meeting = make_meeting(future(3), topic="Thema")
    meeting.topic_fields.set(
        [TopicField.objects.create(name=name, slug=name.lower()) for name in ("Wasser", "Energie")]
    )
    texts = calendars._texts()
    first = calendars._meeting_properties(meeting, ["Wasser", "Energie"], "", texts)
    second = calendars._meeting_properties(meeting, ["Energie", "Wasser"], "", texts)
    assert dict(first)["categories"] == dict(second)["categories"] == ["Energie", "Wasser"]
