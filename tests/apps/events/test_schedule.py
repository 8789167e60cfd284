"""Expanding rules in local time: 17:00 stays 17:00 all year, exclusions hold."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import recurrence
from recurrence import Recurrence, Rule

from strukturwandel.events import schedule
from strukturwandel.events.models import EventSeriesPage

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC
WEEKS_8 = datetime.timedelta(weeks=8)


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def second_monday_monthly(**kwargs):
    return Recurrence(rrules=[Rule(recurrence.MONTHLY, byday=recurrence.MO(2))], **kwargs)


def expand(rule, after, before, starts_on=datetime.date(2021, 1, 1)):
    return schedule.expand(
        rule, starts_on, datetime.time(17, 0), datetime.time(18, 30), after, before
    )


def test_monthly_rule_keeps_local_time_across_both_dst_changes():
    occurrences = expand(second_monday_monthly(), berlin(2022, 1, 1), berlin(2023, 1, 1))
    assert [o.start.date() for o in occurrences][:4] == [
        datetime.date(2022, 1, 10),
        datetime.date(2022, 2, 14),
        datetime.date(2022, 3, 14),
        datetime.date(2022, 4, 11),
    ]
    assert len(occurrences) == 12
    for occurrence in occurrences:
        local = occurrence.start.astimezone(BERLIN)
        assert (local.hour, local.minute) == (17, 0), occurrence
        assert occurrence.end.astimezone(BERLIN).time() == datetime.time(18, 30)
    # Winter 16:00 UTC, summer 15:00 UTC: the same local time.
    assert occurrences[0].start.astimezone(UTC).hour == 16
    assert occurrences[4].start.astimezone(UTC).hour == 15


def test_weekly_rule_across_the_last_sunday_of_march_and_october():
    weekly = Recurrence(rrules=[Rule(recurrence.WEEKLY, byday=recurrence.MO)])
    march = expand(weekly, berlin(2022, 3, 20), berlin(2022, 4, 5))
    assert [o.start for o in march] == [
        berlin(2022, 3, 21, 17),
        berlin(2022, 3, 28, 17),
        berlin(2022, 4, 4, 17),
    ]
    october = expand(weekly, berlin(2022, 10, 24), berlin(2022, 11, 1))
    assert [o.start for o in october] == [berlin(2022, 10, 24, 17), berlin(2022, 10, 31, 17)]


def test_exclusions_stored_in_utc_hold_in_summer_and_winter():
    # As the widget stores them with USE_TZ: local midnight in UTC, i.e. the day before.
    summer_exclusion = datetime.datetime(2022, 7, 10, 22, 0, tzinfo=UTC)  # 11.07.2022 Berlin
    winter_exclusion = datetime.datetime(2022, 1, 9, 23, 0, tzinfo=UTC)  # 10.01.2022 Berlin
    rule = second_monday_monthly(exdates=[summer_exclusion, winter_exclusion])
    dates = [o.start.date() for o in expand(rule, berlin(2022, 1, 1), berlin(2023, 1, 1))]
    assert datetime.date(2022, 7, 11) not in dates
    assert datetime.date(2022, 1, 10) not in dates
    assert len(dates) == 10


def test_extra_dates_are_added_at_the_usual_time():
    extra = datetime.datetime(2022, 6, 21, 22, 0, tzinfo=UTC)  # 22.06.2022 Berlin
    rule = second_monday_monthly(rdates=[extra])
    starts = [o.start for o in expand(rule, berlin(2022, 6, 1), berlin(2022, 7, 1))]
    assert starts == [berlin(2022, 6, 13, 17), berlin(2022, 6, 22, 17)]


def test_window_includes_its_start_and_excludes_its_end():
    rule = second_monday_monthly()
    meeting = berlin(2022, 3, 14, 17)
    assert [o.start for o in expand(rule, meeting, berlin(2022, 4, 1))] == [meeting]
    assert expand(rule, berlin(2022, 3, 1), meeting) == []


def test_rule_yields_nothing_before_its_start_date():
    rule = second_monday_monthly()
    starts = expand(
        rule, berlin(2022, 1, 1), berlin(2022, 4, 1), starts_on=datetime.date(2022, 3, 1)
    )
    assert [o.start.date() for o in starts] == [datetime.date(2022, 3, 14)]


def test_empty_rule_yields_nothing():
    assert expand(Recurrence(), berlin(2022, 1, 1), berlin(2023, 1, 1)) == []
    assert expand(None, berlin(2022, 1, 1), berlin(2023, 1, 1)) == []


def test_without_times_an_occurrence_lasts_the_day():
    rule = second_monday_monthly()
    [occurrence] = schedule.expand(
        rule, datetime.date(2022, 1, 1), None, None, berlin(2022, 1, 1), berlin(2022, 2, 1)
    )
    assert occurrence.all_day
    assert occurrence.start == berlin(2022, 1, 10)
    assert occurrence.end == berlin(2022, 1, 11)


def _unanchored(rule):
    """A page saved before the start date was required: only its first publication is known."""
    return EventSeriesPage(
        title="Stammtisch",
        schedule=Recurrence(rrules=[rule]),
        schedule_start_time=datetime.time(17, 0),
        first_published_at=berlin(2022, 1, 3, 9, 0),
    )


@pytest.mark.django_db  # a new page looks up its content type
def test_rule_without_start_date_keeps_its_weeks_whenever_it_is_read():
    page = _unanchored(Rule(recurrence.WEEKLY, interval=2))
    assert page.schedule_anchor() == datetime.date(2022, 1, 3)
    for after in [berlin(2022, 1, 10), berlin(2022, 1, 17), berlin(2022, 5, 2)]:
        days = [o.start.date() for o in page.schedule_occurrences(after, after + WEEKS_8)]
        assert days, after
        assert all((day - datetime.date(2022, 1, 3)).days % 14 == 0 for day in days), after


@pytest.mark.django_db  # a new page looks up its content type
def test_rule_with_a_count_ends_even_without_start_date():
    page = _unanchored(Rule(recurrence.WEEKLY, count=3))
    assert len(page.schedule_occurrences(berlin(2022, 1, 1), berlin(2022, 3, 1))) == 3
    assert page.schedule_occurrences(berlin(2022, 3, 1), berlin(2022, 6, 1)) == []


@pytest.mark.django_db  # a new page looks up its content type
def test_rule_without_any_anchor_plans_nothing():
    page = _unanchored(Rule(recurrence.WEEKLY))
    page.first_published_at = None
    assert page.schedule_anchor() is None
    assert page.schedule_occurrences(berlin(2022, 1, 1), berlin(2022, 3, 1)) == []


def test_rule_text_is_kept_per_rule_and_language():
    from django.utils import translation

    rule = Rule(recurrence.MONTHLY, byday=recurrence.MO(2))
    with translation.override("de"):
        german = schedule.rule_text(rule)
        assert schedule.rule_text(Rule(recurrence.MONTHLY, byday=recurrence.MO(2))) == german
        assert schedule.rule_text(Rule(recurrence.MONTHLY, byday=recurrence.TU(2))) != german
        counted = schedule.rule_text(Rule(recurrence.MONTHLY, byday=recurrence.MO(2), count=3))
        assert counted.startswith(german) and "3 Termine" in counted
    with translation.override("en"):
        assert schedule.rule_text(rule) != german


def test_rule_text_names_its_end_date_the_german_way():
    from django.utils import translation

    # As the rule editor stores "until 31.12.2026": local midnight, in UTC.
    until = datetime.datetime(2026, 12, 31, tzinfo=BERLIN).astimezone(datetime.UTC)
    rule = Rule(recurrence.MONTHLY, byday=recurrence.MO(2), until=until)
    with translation.override("de"):
        text = schedule.rule_text(rule)
        assert text.startswith(schedule.rule_text(Rule(recurrence.MONTHLY, byday=recurrence.MO(2))))
        assert text.endswith(", bis 31.12.2026")
        assert "2026-12" not in text


@pytest.mark.django_db
def test_a_rule_in_the_hour_skipped_in_spring_never_ends_before_it_starts(series):
    from django.utils import translation

    from strukturwandel.events import calendars, formats, planning

    # Every last Sunday of March, 02:30–03:00: on 28.03.2027 the clock jumps from 02:00 to
    # 03:00, so 02:30 is read as 03:30 (as calendar apps read it) and the date keeps its
    # half hour.
    series.schedule = Recurrence(
        rrules=[Rule(recurrence.YEARLY, bymonth=3, byday=recurrence.SU(-1))]
    )
    series.schedule_start_time = datetime.time(2, 30)
    series.schedule_end_time = datetime.time(3, 0)
    series.save_revision().publish()
    [occurrence] = series.schedule_occurrences(berlin(2027, 3, 1), berlin(2027, 4, 1))
    assert occurrence.start == datetime.datetime(2027, 3, 28, 1, 30, tzinfo=datetime.UTC)
    assert occurrence.end == datetime.datetime(2027, 3, 28, 2, 0, tzinfo=datetime.UTC)
    with translation.override("de"):
        assert formats.when(occurrence) == "So, 28.03.2027, 03:30–04:00 Uhr"

    # A meeting made from the date in one click ends after it starts.
    meeting = planning.create_meeting(series, occurrence)
    meeting.refresh_from_db()
    assert meeting.end - meeting.start == datetime.timedelta(minutes=30)

    # The calendar's rule keeps the wall-clock times it repeats, half an hour at 02:30, from
    # its first date in the feed's window (29.03.2026, also the night the clock changes).
    event = calendars.schedule_event(series, set(), None, now=berlin(2026, 12, 1))
    assert event.to_ical().decode().count("T023000\r\n") == 1
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime.datetime(2026, 3, 29, 2, 30)
    assert event["DTEND"].dt.replace(tzinfo=None) == datetime.datetime(2026, 3, 29, 3, 0)
