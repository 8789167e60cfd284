"""Expanding a django-recurrence rule into dated meetings, in local time.

django-recurrence stores a rule's dates in UTC when USE_TZ is on. Expanding in UTC would move a
17:00 meeting to 16:00 or 18:00 across a daylight-saving change and miss summer exclusions,
so rules are expanded as calendar dates (anchored at local midnight) and each date then gets
the usual start and end time in the site's time zone.
"""

import copy
import datetime
import itertools
from typing import NamedTuple

import dateutil.rrule
import recurrence
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, ngettext


class Occurrence(NamedTuple):
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False


def local_date(value, tz=None):
    """The calendar date of a date or datetime in the site's time zone (``tz``, to save
    looking it up for each of many values)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(tz or timezone.get_current_timezone())
        return value.date()
    return value


def _period(rule, starts_on):
    """(unit, length) in which the rule's pattern repeats exactly: ("days", n) or ("months", n);
    None when a later anchor could change its dates (a count counts from the start; a month
    day not every month has)."""
    interval = rule.interval or 1
    if rule.count:
        return None
    if rule.freq == dateutil.rrule.DAILY:
        return "days", interval
    if rule.freq == dateutil.rrule.WEEKLY:
        return "days", 7 * interval
    if rule.freq == dateutil.rrule.MONTHLY and starts_on.day <= 28:
        return "months", interval
    if rule.freq == dateutil.rrule.YEARLY and (starts_on.month, starts_on.day) != (2, 29):
        return "months", 12 * interval
    return None


def rule_anchor(rule, starts_on, first_day):
    """The day to expand ``rule`` from so that it falls on the same dates from ``first_day`` on
    as from ``starts_on``: a whole number of its periods later, a period before ``first_day``.

    Expanding costs the days between the anchor and the window's end, so a rule started
    fifteen years ago costs what a new one does.
    """
    period = _period(rule, starts_on)
    if period is None or first_day <= starts_on:
        return starts_on
    unit, length = period
    if unit == "days":
        periods = (first_day - starts_on).days // length - 1
        return starts_on + datetime.timedelta(days=max(periods, 0) * length)
    months = (first_day.year - starts_on.year) * 12 + first_day.month - starts_on.month
    periods = months // length - 1
    return starts_on + relativedelta(months=max(periods, 0) * length)


def _anchored_set(rules, starts_on, first_day):
    ruleset = dateutil.rrule.rruleset()
    for rule in rules:
        anchor = rule_anchor(rule, starts_on, first_day)
        ruleset.rrule(rule.to_dateutil_rrule(datetime.datetime.combine(anchor, datetime.time.min)))
    return ruleset


def _window(first_day, last_day):
    return (
        datetime.datetime.combine(first_day, datetime.time.min),
        datetime.datetime.combine(last_day, datetime.time.max),
    )


def _extra_dates(recurrence, first_day, last_day):
    return {
        day
        for day in (local_date(rdate) for rdate in recurrence.rdates)
        if first_day <= day <= last_day
    }


def rule_dates(recurrence, starts_on, first_day, last_day, limit=None):
    """Dates from ``first_day`` to ``last_day`` (both included) on which the rule falls; the
    first ``limit`` of them when it is given.

    The cost grows with the window, not with the rule's age (``rule_anchor``); with a
    ``limit``, with the dates it asks for.
    """
    ruleset = _anchored_set(recurrence.rrules, starts_on, first_day)
    for rule in recurrence.exrules:
        anchor = rule_anchor(rule, starts_on, first_day)
        ruleset.exrule(rule.to_dateutil_rrule(datetime.datetime.combine(anchor, datetime.time.min)))
    window_start, window_end = _window(first_day, last_day)
    excluded = {local_date(exdate) for exdate in recurrence.exdates}
    if limit is None:
        occurrences = ruleset.between(window_start, window_end, inc=True)
    else:
        # Enough for ``limit`` dates after the exclusions, and never past the window.
        wanted = limit + len(excluded)
        occurrences = itertools.takewhile(
            lambda occurrence: occurrence <= window_end,
            itertools.islice(ruleset.xafter(window_start, inc=True), wanted),
        )
    dates = {occurrence.date() for occurrence in occurrences}
    dates |= _extra_dates(recurrence, first_day, last_day)
    dates = sorted(dates - excluded)
    return dates if limit is None else dates[:limit]


def plain_and_rule_dates(recurrence, starts_on, first_day, last_day):
    """(the dates of the rule's RRULEs alone, ``rule_dates``) from ``first_day`` to
    ``last_day``, expanding each RRULE once: what a calendar's VEVENT of the rule needs."""
    window = _window(first_day, last_day)
    plain = {
        d.date()
        for d in _anchored_set(recurrence.rrules, starts_on, first_day).between(*window, inc=True)
    }
    excluded_by_rule = set()
    if recurrence.exrules:
        exrules = _anchored_set(recurrence.exrules, starts_on, first_day)
        excluded_by_rule = {d.date() for d in exrules.between(*window, inc=True)}
    dates = (plain - excluded_by_rule) | _extra_dates(recurrence, first_day, last_day)
    dates -= {local_date(exdate) for exdate in recurrence.exdates}
    return sorted(plain), sorted(dates)


def expand(recurrence, starts_on, start_time, end_time, after, before, limit=None):
    """Occurrences whose start lies in [after, before), as aware local datetimes; with a
    ``limit``, at most the first ``limit`` (and a day more, which may fall before ``after``).

    ``starts_on`` anchors the rule: the rule yields no date before it (extra dates an editor
    added still count). Without a start time an occurrence lasts the whole day.
    """
    if not recurrence or not (recurrence.rrules or recurrence.rdates):
        return []
    occurrences = []
    # One date more: the first day's occurrence may have started before ``after``.
    days = rule_dates(
        recurrence,
        starts_on,
        local_date(after),
        local_date(before),
        limit=None if limit is None else limit + 1,
    )
    for day in days:
        occurrence = occurrence_on(day, start_time, end_time)
        if after <= occurrence.start < before:
            occurrences.append(occurrence)
    return occurrences


def wall_occurrence(day, start_time, end_time):
    """The occurrence on ``day`` as the clock on the wall reads it: the usual times on that
    day (and the next, for an end not after the start), in the site's time zone, whether or
    not the clock passes them that day. What a calendar's rule repeats (``calendars``)."""
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


def occurrence_on(day, start_time, end_time):
    """The occurrence on ``day`` (``wall_occurrence``), never ending before it starts.

    A start in the hour the clock skips in spring (02:00–03:00 on the last Sunday of March)
    is read as an hour later (03:30), as RFC 5545 and calendar apps read it; a time in the hour
    it repeats in autumn as the first of the two. When the end would then come before the
    start (02:30–03:00 that night), the date keeps its usual length from where it starts.
    """
    occurrence = wall_occurrence(day, start_time, end_time)
    tz = occurrence.start.tzinfo
    # By way of UTC: a time of a zone in its own zone is left as it is, and two times of one
    # zone are compared by their wall-clock times.
    start = occurrence.start.astimezone(datetime.UTC)
    end = occurrence.end.astimezone(datetime.UTC)
    if end < start:
        end = start + (occurrence.end.replace(tzinfo=None) - occurrence.start.replace(tzinfo=None))
    return occurrence._replace(start=start.astimezone(tz), end=end.astimezone(tz))


# Rule texts by (rule, language, time zone): django-recurrence looks up some fifty names in
# the catalogue for each text, and pages list the same few rules on every request.
_RULE_TEXTS = {}
_RULE_TEXTS_KEPT = 1024


def rule_text(rule):
    """A rule in words, e.g. "monatlich, am zweiten Montag, insgesamt 3 Termine".

    django-recurrence's own text names a count "bis zum 3. Mal" in German and an end date
    "bis 2026-12-31"; the count is written here as a number of meetings instead, the end
    date in the language's short format ("bis 31.12.2026"). Worked out once per process for
    each rule, language and time zone.
    """
    key = (recurrence.serialize(rule), get_language(), timezone.get_current_timezone_name())
    text = _RULE_TEXTS.get(key)
    if text is None:
        text = _rule_text(rule)
        if len(_RULE_TEXTS) < _RULE_TEXTS_KEPT:
            _RULE_TEXTS[key] = text
    return text


def _rule_text(rule):
    if not rule.count and not rule.until:
        return rule.to_text()
    shortened = copy.copy(rule)
    shortened.count = shortened.until = None
    parts = [shortened.to_text()]
    if rule.count:
        parts.append(
            ngettext("%(number)s meeting in total", "%(number)s meetings in total", rule.count)
            % {"number": rule.count}
        )
    elif rule.until:
        # django-recurrence writes the day as 2026-12-31, whatever the language.
        parts.append(
            gettext("until %(date)s")
            % {"date": date_format(local_date(rule.until), "SHORT_DATE_FORMAT")}
        )
    return ", ".join(parts)
