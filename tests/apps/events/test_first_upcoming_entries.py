"""A listing with more upcoming meetings than it shows expands its rule only up to the first
meeting not shown: what it shows is the same as with the whole listing window."""

import datetime

import pytest
import recurrence
from django.utils import timezone
from recurrence import Recurrence, Rule

from strukturwandel.conf import app_settings
from strukturwandel.events import listings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("meetings", [3, 6, 7, 12])
@pytest.mark.parametrize("every_days", [2, 7, 30])
def test_the_first_upcoming_entries_are_those_of_the_whole_window(
    series, make_meeting, meetings, every_days
):
    series.schedule = Recurrence(rrules=[Rule(recurrence.DAILY, interval=every_days)])
    series.save_revision().publish()
    today = timezone.localdate()
    for number in range(meetings):
        # Some on the rule's days (they take them), some between.
        make_meeting(today + datetime.timedelta(days=1 + 3 * number), topic=f"Thema {number}")
    now = timezone.now()
    shown = app_settings.UPCOMING_MEETINGS_LISTED
    upcoming = list(listings.upcoming_listed(listings.child_meetings(series), now=now))
    upcoming = upcoming[: shown + 1]

    entries = listings.first_upcoming_entries(upcoming, schedule_page=series, now=now)

    whole = listings.upcoming_entries(schedule_page=series, now=now, listed=upcoming)
    assert [(entry.start, entry.is_planned_date) for entry in entries] == [
        (entry.start, entry.is_planned_date) for entry in whole[:shown]
    ]
    assert entries.more == (len(whole) > shown)
