"""What a feed lists and what expanding a rule costs stay bounded as the archive grows."""

import datetime

import dateutil.rrule
import icalendar
import pytest
import recurrence
from django.urls import reverse
from django.utils import timezone

from strukturwandel.events import calendars, listings, schedule

from .conftest import berlin

pytestmark = pytest.mark.django_db

RULES = [
    recurrence.Rule(recurrence.DAILY, interval=3),
    recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.MO]),
    recurrence.Rule(recurrence.WEEKLY, interval=2, byday=[recurrence.MO, recurrence.TH]),
    recurrence.Rule(recurrence.MONTHLY, byday=recurrence.MO(2)),
    recurrence.Rule(recurrence.MONTHLY, interval=3, bymonthday=[15]),
    recurrence.Rule(recurrence.MONTHLY, bymonthday=[-1]),
    recurrence.Rule(recurrence.YEARLY, bymonth=[5], byday=recurrence.SA(-1)),
]
STARTS = [datetime.date(2010, 1, 4), datetime.date(2012, 2, 29), datetime.date(2019, 8, 31)]


def expanded_from_the_start(rule, starts_on, first_day, last_day):
    anchor = datetime.datetime.combine(starts_on, datetime.time.min)
    return [
        day.date()
        for day in rule.to_dateutil_rrule(anchor).between(
            datetime.datetime.combine(first_day, datetime.time.min),
            datetime.datetime.combine(last_day, datetime.time.max),
            inc=True,
        )
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: recurrence.serialize(rule))
@pytest.mark.parametrize("starts_on", STARTS)
def test_a_rule_read_from_a_later_anchor_falls_on_the_same_dates(rule, starts_on):
    for first_day in [starts_on, datetime.date(2026, 3, 1), datetime.date(2031, 12, 30)]:
        last_day = first_day + datetime.timedelta(days=400)
        got = schedule.rule_dates(
            recurrence.Recurrence(rrules=[rule]), starts_on, first_day, last_day
        )
        assert got == expanded_from_the_start(rule, starts_on, first_day, last_day)


@pytest.fixture
def stepped(monkeypatch):
    """The dates dateutil steps through (every rule expansion), in order."""
    dates = []
    original = dateutil.rrule.rrule._iter

    def counting(self):
        for value in original(self):
            dates.append(value)
            yield value

    monkeypatch.setattr(dateutil.rrule.rrule, "_iter", counting)
    return dates


@pytest.mark.parametrize("years", [1, 5, 15, 40])
def test_expanding_a_window_costs_the_same_for_an_old_rule(stepped, years):
    """How many dates dateutil steps through for a year's window, whatever the rule's age."""
    first_day = datetime.date(2026, 1, 1)
    starts_on = first_day - datetime.timedelta(days=round(365.25 * years))
    rules = recurrence.Recurrence(rrules=RULES[1:2])
    dates = schedule.rule_dates(rules, starts_on, first_day, datetime.date(2026, 12, 31))
    assert len(dates) == 52
    # The window's 52 Mondays, one week before it and one after it (where the search stops).
    assert len(stepped) <= 52 + 3


@pytest.mark.parametrize("years", [1, 5, 15, 40])
def test_a_feeds_rule_event_expands_the_window_whatever_the_rules_age(series, stepped, years):
    """A feed's VEVENT of a weekly rule steps through the dates of the feed window (a year
    back, SCHEDULE_WINDOW_DAYS ahead), not through the years since the rule began."""
    now = berlin(2026, 6, 1, 12, 0)
    series.schedule = recurrence.Recurrence(rrules=RULES[1:2])
    series.schedule_starts_on = now.date() - datetime.timedelta(days=round(365.25 * years))
    first_day, last_day = calendars.feed_window(now)
    mondays = len(schedule.rule_dates(series.schedule, first_day, first_day, last_day))
    stepped.clear()
    event = calendars.schedule_event(series, set(), None, now=now)
    assert event["DTSTART"].dt.date() >= first_day
    # The window's Mondays, one week before it and one after it (where the search stops).
    assert mondays <= len(stepped) <= mondays + 3


def feed_events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_feeds_reach_back_a_year_and_the_archive_holds_the_rest(client, series, make_meeting):
    today = timezone.localdate()
    old = make_meeting(today - datetime.timedelta(days=500), title="Altes Treffen")
    recent = make_meeting(today - datetime.timedelta(days=200), title="Letztes Treffen")
    ahead = make_meeting(today + datetime.timedelta(days=900), title="Fernes Treffen")
    for url in [series.calendar_url, reverse("strukturwandel_events:site_calendar")]:
        summaries = {str(event["SUMMARY"]) for event in feed_events(client, url)}
        expected = {calendars.meeting_summary(recent), calendars.meeting_summary(ahead)}
        assert expected <= summaries, url
        assert calendars.meeting_summary(old) not in summaries, url
    year = old.start.astimezone(timezone.get_current_timezone()).year
    archive = reverse("strukturwandel_events:site_archive_calendar", args=[year])
    summaries = [str(event["SUMMARY"]) for event in feed_events(client, archive)]
    assert calendars.meeting_summary(old) in summaries
    assert calendars.meeting_summary(ahead) not in summaries and series.title not in summaries


@pytest.mark.parametrize("year", [0, 99999])
def test_an_archive_year_out_of_range_is_not_found(client, year):
    url = reverse("strukturwandel_events:site_archive_calendar", args=[year])
    assert client.get(url).status_code == 404


def test_a_rule_starts_in_the_feed_window_not_at_its_first_day(series):
    now = berlin(2026, 6, 1, 12, 0)
    series.schedule_starts_on = datetime.date(2010, 1, 1)
    event = calendars.schedule_event(series, set(), None, now=now)
    first_day, last_day = calendars.feed_window(now)
    start = event["DTSTART"].dt.date()
    assert first_day <= start < first_day + datetime.timedelta(days=35)
    until = event["RRULE"]["UNTIL"]
    until = until[0] if isinstance(until, list) else until
    assert schedule.local_date(until) <= last_day


def test_schedule_dates_leave_out_the_days_with_a_meeting(series):
    first_day, last_day = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    all_dates = calendars.schedule_dates(series, set(), first_day, last_day)
    taken = {all_dates.days[0], all_dates.days[3]}
    dates = calendars.schedule_dates(series, taken, first_day, last_day)
    assert dates.rule_days == all_dates.rule_days
    assert dates.days == [day for day in all_dates.days if day not in taken]
    assert dates.first == all_dates.rule_days[0]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: recurrence.serialize(rule))
def test_the_first_dates_of_a_window_are_those_of_the_whole_window(rule):
    starts_on, first_day = datetime.date(2012, 2, 29), datetime.date(2026, 3, 1)
    last_day = first_day + datetime.timedelta(days=400)
    every = schedule.rule_dates(
        recurrence.Recurrence(rrules=[rule]), starts_on, first_day, last_day
    )
    excluded = every[1:3]
    rules = recurrence.Recurrence(
        rrules=[rule],
        exdates=[datetime.datetime.combine(day, datetime.time.min) for day in excluded],
        rdates=[datetime.datetime.combine(first_day, datetime.time.min)],
    )
    whole = schedule.rule_dates(rules, starts_on, first_day, last_day)
    assert not set(excluded) & set(whole)
    for limit in [1, 3, 5]:
        assert (
            schedule.rule_dates(rules, starts_on, first_day, last_day, limit=limit)
            == (whole[:limit])
        )


def test_planned_dates_stop_after_the_limit_and_skip_the_days_with_a_meeting(series, make_meeting):
    planned = listings.planned_dates(series)
    make_meeting(planned[0].start.date())
    make_meeting(planned[2].start.date())
    remaining = listings.planned_dates(series)
    assert remaining == [date for i, date in enumerate(planned) if i not in (0, 2)]
    assert listings.planned_dates(series, limit=3) == remaining[:3]
