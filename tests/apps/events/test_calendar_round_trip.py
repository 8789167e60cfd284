"""Rule → feed → client: what an independent client (recurring-ical-events) expands from a
rule's VEVENT is exactly what the site plans, for any rule the editor can make."""

import datetime

import icalendar
import pytest
import recurrence
import recurring_ical_events
from django.test import RequestFactory
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from recurrence import Recurrence, Rule

from strukturwandel.events import calendars

from .conftest import BERLIN

pytestmark = pytest.mark.django_db

DAYS = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH, recurrence.FR]
DAYS += [recurrence.SA, recurrence.SU]
TIMES = [
    (datetime.time(17, 0), datetime.time(18, 30)),
    (datetime.time(2, 30), datetime.time(3, 30)),  # in the hour skipped or doubled
    (datetime.time(22, 0), datetime.time(1, 0)),  # into the next day
    (datetime.time(17, 0), None),
    (None, None),  # all day
]


def local_midnights(days):
    """Dates as the rule editor stores extra and excluded dates: local midnight, in UTC."""
    return [
        datetime.datetime.combine(day, datetime.time.min, BERLIN).astimezone(datetime.UTC)
        for day in days
    ]


@st.composite
def rules(draw):
    rrules = []
    for _ in range(draw(st.integers(1, 2))):
        freq = draw(
            st.sampled_from(
                [recurrence.DAILY, recurrence.WEEKLY, recurrence.MONTHLY, recurrence.YEARLY]
            )
        )
        options = {"interval": draw(st.integers(1, 3))}
        end = draw(st.sampled_from(["none", "count", "until"]))
        if end == "count":
            options["count"] = draw(st.integers(1, 30))
        elif end == "until":
            day = draw(st.dates(datetime.date(2020, 1, 1), datetime.date(2030, 1, 1)))
            options["until"] = local_midnights([day])[0]
        if freq == recurrence.WEEKLY and draw(st.booleans()):
            options["byday"] = draw(
                st.lists(st.sampled_from(DAYS), min_size=1, max_size=3, unique=True)
            )
        if freq == recurrence.MONTHLY and draw(st.booleans()):
            options["byday"] = draw(st.sampled_from(DAYS))(draw(st.sampled_from([1, 2, 4, -1])))
        rrules.append(Rule(freq, **options))
    exrules = []
    if draw(st.booleans()):
        exrules.append(Rule(recurrence.WEEKLY, byday=[draw(st.sampled_from(DAYS))]))
    some_days = st.lists(st.dates(datetime.date(2025, 1, 1), datetime.date(2028, 1, 1)), max_size=3)
    return Recurrence(
        rrules=rrules,
        exrules=exrules,
        exdates=local_midnights(draw(some_days)),
        rdates=local_midnights(draw(some_days)),
    )


@pytest.fixture
def rule_page(series, settings):
    settings.STRUKTURWANDEL = {"CALENDAR_EVENT_CACHE_SECONDS": 0}
    return series


def as_utc(value):
    return value.astimezone(datetime.UTC) if isinstance(value, datetime.datetime) else value


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rule=rules(),
    starts_on=st.dates(datetime.date(1990, 1, 1), datetime.date(2028, 1, 1)),
    times=st.sampled_from(TIMES),
    now=st.datetimes(
        datetime.datetime(2025, 1, 1),
        datetime.datetime(2027, 1, 1),
        timezones=st.just(datetime.UTC),
    ),
)
# Every Sunday at 17:00 from a Sunday in March: across both changes of 2026.
@example(
    rule=Recurrence(rrules=[Rule(recurrence.WEEKLY)]),
    starts_on=datetime.date(2026, 3, 22),
    times=TIMES[0],
    now=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
)
def test_a_client_expands_a_rule_to_the_dates_the_site_plans(
    rule_page, rule, starts_on, times, now
):
    page = rule_page
    page.schedule, page.schedule_starts_on = rule, starts_on
    page.schedule_start_time, page.schedule_end_time = times
    feed = calendars.render("Stammtisch", [], [page], RequestFactory().get("/"), now=now)
    first_day, last_day = calendars.feed_window(now)
    after = datetime.datetime.combine(first_day, datetime.time.min, BERLIN)
    before = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time.min, BERLIN
    )
    expanded = recurring_ical_events.of(icalendar.Calendar.from_ical(feed)).between(after, before)
    theirs = sorted((as_utc(event["DTSTART"].dt), as_utc(event["DTEND"].dt)) for event in expanded)
    planned = page.schedule_occurrences(after, before)
    if times[0] is None:
        ours = [(o.start.date(), o.end.date()) for o in planned]
    else:
        ours = [(as_utc(o.start), as_utc(o.end)) for o in planned]
    assert theirs == ours, feed.decode()
    if times == TIMES[0]:
        assert {(o.start.astimezone(BERLIN).hour, o.start.minute) for o in planned} <= {(17, 0)}
