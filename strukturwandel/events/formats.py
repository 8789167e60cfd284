"""Dates and times of meetings in words, in the site's time zone (Europe/Berlin).

The formats come from the catalogue, so another language gets its own. Templates use them
through ``{% load strukturwandel_events %}`` (``|when``, ``|when_date``); models, planning
and admin views import them from here.
"""

import datetime
import functools

from django.utils import dateformat, timezone
from django.utils.translation import get_language, gettext, pgettext


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_day(value):
    # Translators: PHP-style date format (Django's date filter) for a meeting's day.
    return dateformat.format(_local(value), pgettext("strukturwandel day format", "D, m/d/Y"))


def format_time(value):
    # Translators: PHP-style time format (Django's date filter) for a meeting's time.
    return dateformat.time_format(_local(value), pgettext("strukturwandel time format", "g:i A"))


def when_date(value):
    """The day a meeting (or datetime) falls on, e.g. "Mo, 06.12.2021"."""
    if value in (None, ""):
        return ""
    return _formatted(format_day, getattr(value, "start", value), *_locale())


def when(value):
    """Date and time of a meeting in words, e.g. "Mo, 06.12.2021, 17:00–18:30 Uhr"."""
    if value in (None, ""):
        return ""
    start = getattr(value, "start", value)
    end = getattr(value, "end", None)
    return _formatted(_when, (start, end, bool(getattr(value, "all_day", False))), *_locale())


def _locale():
    return timezone.get_current_timezone_name(), get_language()


@functools.lru_cache(maxsize=2048)
def _formatted(format, value, timezone_name, language):
    """``format(value)``, once per process for each time zone and language (the formats
    and names come from the catalogue): listings show the same dates on every request."""
    return format(value)


def _when(values):
    start, end, all_day = values
    if all_day:
        return format_day(start)
    if not isinstance(start, datetime.datetime):
        return format_day(start)
    start, end = _local(start), _local(end) if end else None
    if end is None or end == start:
        return gettext("%(date)s, %(start)s o'clock") % {
            "date": format_day(start),
            "start": format_time(start),
        }
    if end.date() == start.date():
        return gettext("%(date)s, %(start)s–%(end)s o'clock") % {
            "date": format_day(start),
            "start": format_time(start),
            "end": format_time(end),
        }
    return gettext("%(date)s, %(start)s o'clock – %(end_date)s, %(end)s o'clock") % {
        "date": format_day(start),
        "start": format_time(start),
        "end_date": format_day(end),
        "end": format_time(end),
    }
