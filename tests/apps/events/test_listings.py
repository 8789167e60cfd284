"""Upcoming and past meetings, split at the exact boundary, with planned dates from the rule."""

import datetime

import pytest

from strukturwandel.events import listings
from strukturwandel.events.models import MeetingStatus

from .conftest import berlin

pytestmark = pytest.mark.django_db


def test_upcoming_soonest_first_past_newest_first_split_at_the_running_meeting(make_meeting):
    november = make_meeting(datetime.date(2021, 11, 1))
    december = make_meeting(datetime.date(2021, 12, 6))
    january = make_meeting(datetime.date(2022, 1, 24))
    march = make_meeting(datetime.date(2022, 3, 7))
    # 06.12.2021, 18:00: the December meeting is running, so it is still upcoming.
    now = berlin(2021, 12, 6, 18, 0)
    assert list(listings.upcoming_meetings(now=now)) == [december, january, march]
    assert list(listings.past_meetings(now=now)) == [november]

    # At its start it is upcoming; the moment it ends it is past.
    assert december in listings.upcoming_meetings(now=berlin(2021, 12, 6, 17, 0))
    at_end = berlin(2021, 12, 6, 18, 30)
    assert list(listings.upcoming_meetings(now=at_end)) == [january, march]
    assert list(listings.past_meetings(now=at_end)) == [december, november]


def test_drafts_stay_out_of_listings(make_meeting):
    make_meeting(datetime.date(2022, 1, 24), live=False)
    assert list(listings.upcoming_meetings(now=berlin(2021, 12, 1))) == []


def test_planned_dates_fill_gaps_of_the_rule(series, make_meeting):
    january = make_meeting(datetime.date(2022, 1, 10))
    now = berlin(2021, 12, 20)
    entries = listings.upcoming_entries(
        listings.child_meetings(series), schedule_page=series, now=now
    )
    assert entries[0] == january
    planned = [entry for entry in entries if entry.is_planned_date]
    assert planned[0].start == berlin(2022, 2, 14, 17, 0)
    assert planned[0].end == berlin(2022, 2, 14, 18, 30)
    assert planned[0].page == series
    # The January date belongs to the meeting page, not to a planned date.
    assert datetime.date(2022, 1, 10) not in {entry.start.date() for entry in planned}
    assert [entry.start for entry in entries] == sorted(entry.start for entry in entries)
    # The listing shows the next three planned dates; a bounded window of the open-ended
    # rule (a year ahead) is available in full.
    assert len(planned) == 3
    window = listings.planned_dates(series, now=now)
    assert len(window) == 11  # 12 second Mondays in a year, one of them has a meeting
    assert max(entry.start for entry in window) < now + datetime.timedelta(days=366)


def test_cancelled_meeting_keeps_its_date_from_becoming_a_planned_date(series, make_meeting):
    make_meeting(datetime.date(2022, 1, 10), status=MeetingStatus.CANCELLED)
    entries = listings.upcoming_entries(
        listings.child_meetings(series), schedule_page=series, now=berlin(2022, 1, 1)
    )
    assert not entries[0].is_planned_date
    assert entries[0].status == MeetingStatus.CANCELLED
    assert entries[1].start == berlin(2022, 2, 14, 17)


def test_a_planned_date_that_is_running_stays_upcoming_until_its_end(series):
    # The rule plans Monday 10.01.2022, 17:00–18:30; a meeting page would count as upcoming
    # until its end, and so does the planned date.
    running = berlin(2022, 1, 10, 17, 45)
    for now in [berlin(2022, 1, 10, 17, 0), running, berlin(2022, 1, 10, 18, 29)]:
        [first, *_] = listings.planned_dates(series, now=now, limit=3)
        assert first.start == berlin(2022, 1, 10, 17, 0), now
    entries = listings.upcoming_entries(
        listings.child_meetings(series), schedule_page=series, now=running
    )
    assert [entry.start for entry in entries] == [
        berlin(2022, 1, 10, 17, 0),
        berlin(2022, 2, 14, 17, 0),
        berlin(2022, 3, 14, 17, 0),
    ]
    [first, *_] = listings.planned_dates(series, now=berlin(2022, 1, 10, 18, 30))
    assert first.start == berlin(2022, 2, 14, 17, 0)


def test_a_planned_date_past_midnight_is_upcoming_until_it_ends_the_next_day(series):
    series.schedule_start_time = datetime.time(22, 0)
    series.schedule_end_time = datetime.time(1, 0)
    # 23:30 UTC on Monday 10.01.2022 is 00:30 on Tuesday in Berlin: the date is running.
    now = datetime.datetime(2022, 1, 10, 23, 30, tzinfo=datetime.UTC)
    [first, *_] = listings.planned_dates(series, now=now, limit=3)
    assert (first.start, first.end) == (berlin(2022, 1, 10, 22, 0), berlin(2022, 1, 11, 1, 0))
    [first, *_] = listings.planned_dates(series, now=berlin(2022, 1, 11, 1, 0), limit=3)
    assert first.start == berlin(2022, 2, 14, 22, 0)
