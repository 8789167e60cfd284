"""Expanding a django-recurrence rule into dated meetings, in local time.

django-recurrence stores a rule's dates in UTC when USE_TZ is on. Expanding in UTC would move a
17:00 meeting to 16:00 or 18:00 across a daylight-saving change and miss summer exclusions,
so rules are expanded as calendar dates (anchored at local midnight) and each date then gets
the usual start and end time in the site's time zone.
"""

import datetime
from typing import NamedTuple

import dateutil.rrule
from django.utils import timezone


class Occurrence(NamedTuple):
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False


def local_date(value):
    """The calendar date of a date or datetime in the site's time zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def rule_dates(recurrence, starts_on, first_day, last_day):
    """Dates from ``first_day`` to ``last_day`` (both included) on which the rule falls."""
    anchor = datetime.datetime.combine(starts_on, datetime.time.min)
    ruleset = dateutil.rrule.rruleset()
    for rule in recurrence.rrules:
        ruleset.rrule(rule.to_dateutil_rrule(anchor))
    for rule in recurrence.exrules:
        ruleset.exrule(rule.to_dateutil_rrule(anchor))
    window_start = datetime.datetime.combine(first_day, datetime.time.min)
    window_end = datetime.datetime.combine(last_day, datetime.time.max)
    dates = {
        occurrence.date() for occurrence in ruleset.between(window_start, window_end, inc=True)
    }
    dates |= {
        day
        for day in (local_date(rdate) for rdate in recurrence.rdates)
        if first_day <= day <= last_day
    }
    dates -= {local_date(exdate) for exdate in recurrence.exdates}
    return sorted(dates)


def expand(recurrence, starts_on, start_time, end_time, after, before):
    """Occurrences whose start lies in [after, before), as aware local datetimes.

    ``starts_on`` anchors the rule: the rule yields no date before it (extra dates an editor
    added still count). Without a start time an occurrence lasts the whole day.
    """
    if not recurrence or not (recurrence.rrules or recurrence.rdates):
        return []
    occurrences = []
    for day in rule_dates(recurrence, starts_on, local_date(after), local_date(before)):
        occurrence = occurrence_on(day, start_time, end_time)
        if after <= occurrence.start < before:
            occurrences.append(occurrence)
    return occurrences


def occurrence_on(day, start_time, end_time):
    tz = timezone.get_current_timezone()

    def at(date, time):
        return timezone.make_aware(datetime.datetime.combine(date, time), tz)

    if start_time is None:
        return Occurrence(
            at(day, datetime.time.min),
            at(day + datetime.timedelta(days=1), datetime.time.min),
            all_day=True,
        )
    if end_time is None:
        return Occurrence(at(day, start_time), at(day, start_time))
    end_day = day if end_time > start_time else day + datetime.timedelta(days=1)
    return Occurrence(at(day, start_time), at(end_day, end_time))
