"""iCalendar (RFC 5545) files for meetings and schedule rules, built with icalendar.

Each meeting page is one VEVENT; each schedule rule (a series, a recurring meeting, a group)
is one VEVENT with RRULE/RDATE/EXDATE. Dates that have a meeting page are excluded from the
rule's event, so a client never shows a date twice. The private call link is never written.

``build()`` returns the icalendar Calendar (e-mails attach it); the feeds serve ``render()``,
the same bytes, with each VEVENT written directly (``_vevent``: icalendar's Event objects and
serialisation were nine tenths of a feed with nothing cached) from the rows the feed reads,
and each meeting's and each rule's VEVENT kept in the cache (keyed by everything it shows)
so that a feed rebuilt after a change writes only the meetings and rules that changed.
"""

import copy
import datetime
import functools
import logging
import re
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

import icalendar
import recurrence
from django.core.cache import cache
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import safe_md5
from wagtail.models import Site

from strukturwandel.conf import app_settings
from strukturwandel.core.models import non_empty_lines
from strukturwandel.core.pages import request_site

from . import listings, schedule
from .models import MeetingFormat, MeetingStatus

logger = logging.getLogger(__name__)

UID_DOMAIN = "wagtail-strukturwandel"
STATUS = {
    MeetingStatus.PLANNED: "CONFIRMED",
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}


# RFC 5545 allows no control character in a value except HTAB; icalendar escapes line breaks
# only in TEXT values (not in NAME or X-WR-CALNAME) and passes other control characters on.
_CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f]")


def clean_text(value, *, multiline=False):
    """``value`` fit for a text property: one line (or lines), no control characters."""
    value = str(value)
    # Most text is one printable line without doubled or outer spaces: already clean.
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not multiline:
        lines = [" ".join(lines)]
    return "\n".join(_CONTROL_CHARACTERS.sub("", " ".join(line.split())) for line in lines)


def new_calendar(name):
    name = clean_text(name)
    calendar = icalendar.Calendar()
    calendar.add("prodid", app_settings.CALENDAR_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    return calendar


def _stamp(page):
    return (page.last_published_at or timezone.now()).astimezone(datetime.UTC)


def meeting_event(meeting, request):
    """The VEVENT of ``meeting`` (an icalendar Event)."""
    topic_names = [topic_field.name for topic_field in meeting.topic_fields.all()]
    return _event(
        _meeting_properties(meeting, topic_names, meeting.get_full_url(request), _texts())
    )


class _Texts(NamedTuple):
    """What every meeting's VEVENT takes from the active language and time zone, read once
    for a whole feed."""

    topic: str
    dated_title: re.Pattern
    online: str
    hybrid: str
    tz: datetime.tzinfo


def _texts():
    # "on" as in the planned meetings' titles ("%(title)s on %(date)s"; German "am").
    on = (_("%(title)s on %(date)s") % {"title": "", "date": ""}).strip()
    return _Texts(
        topic=_("Topic: %(topic)s"),
        dated_title=_dated_title(on),
        online=_("Online (the link is sent on registration)"),
        hybrid=_("%(venue)s and online"),
        tz=timezone.get_current_timezone(),
    )


@functools.lru_cache(maxsize=16)
def _dated_title(on):
    return re.compile(rf"(.+?)\s+{re.escape(on)}\s+(?:\w+,?\s+)?[\d./-]*\d")


def _meeting_properties(meeting, topic_names, url, texts):
    """The properties of a meeting's VEVENT as (name, value): ``meeting_event`` adds them to
    an Event, ``_vevent`` writes them directly. What it reads of ``meeting`` is in
    ``MEETING_EVENT_FIELDS`` (the key of its cached bytes, and all a feed loads): a field read
    here must be listed there."""
    stamp = _stamp(meeting)
    lines = [texts.topic % {"topic": meeting.topic}]
    if meeting.status_note:
        lines.append(meeting.status_note)
    if meeting.teaser:
        lines.append(meeting.teaser)
    if url:
        lines.append(url)
    # In one order, whichever query read the names (and as the cached entry's key has them).
    categories = sorted(clean_text(name) for name in topic_names)
    properties = [
        ("summary", meeting_summary(meeting, texts)),
        ("dtstart", meeting.start.astimezone(texts.tz)),
        ("dtend", meeting.end.astimezone(texts.tz)),
        ("dtstamp", stamp),
        ("uid", f"meeting-{meeting.translation_key}@{UID_DOMAIN}"),
        ("sequence", meeting.calendar_sequence),
        ("categories", categories or None),
        (
            "created",
            meeting.first_published_at.astimezone(datetime.UTC)
            if meeting.first_published_at
            else None,
        ),
        ("description", clean_text("\n\n".join(lines), multiline=True)),
        ("last-modified", stamp),
        ("location", clean_text(location(meeting.format, meeting.venue, texts))),
        ("status", STATUS.get(meeting.status, "CONFIRMED")),
        ("url", url or None),
    ]
    return [(name, value) for name, value in properties if value is not None]


def _escape_text(value):
    """A TEXT value as icalendar writes it (RFC 5545 3.3.11; icalendar's ``_escape_char``)."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _fold(line):
    """``line`` (str) folded as icalendar folds it, encoded: pieces of at most 74 octets,
    never splitting a character nor ending a piece on a backslash or caret (the start of an
    escape), as icalendar 7 does."""
    data = line.encode()
    if len(data) < 75:
        return data
    pieces, start, size = [], 0, len(data)
    while size - start >= 75:
        end = start + 74
        while data[end] & 0xC0 == 0x80:  # inside a character: it goes to the next piece
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


@functools.lru_cache(maxsize=64)
def _datetime_form(tzinfo, tzname):
    """(TZID, parameters, suffix) icalendar writes with a datetime in ``tzinfo``: the zone's
    name, ";TZID=…" and "" for a named zone; None, "" and "Z" for UTC."""
    sample = datetime.datetime(2000, 1, 1, tzinfo=tzinfo)
    value = icalendar.vDDDTypes(sample)
    parameters = value.params.to_ical().decode()
    return (
        value.params.get("TZID"),
        f";{parameters}" if parameters else "",
        value.to_ical().decode()[15:],
    )


def _datetime_value(value, suffix):
    return (
        f"{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}{suffix}"
    )


def _datetime_line(name, value):
    _tzid, parameters, suffix = _datetime_form(value.tzinfo, value.tzname())
    return f"{name}{parameters}:{_datetime_value(value, suffix)}"


def _datetimes_line(name, values):
    """RDATE or EXDATE of aware datetimes as icalendar writes it (one TZID for all), or None
    when they are not all in one zone."""
    forms = [_datetime_form(value.tzinfo, value.tzname()) for value in values]
    if len({parameters for _tzid, parameters, _suffix in forms}) != 1:
        return None
    text = ",".join(
        _datetime_value(value, suffix)
        for value, (_t, _p, suffix) in zip(values, forms, strict=True)
    )
    return f"{name}{forms[0][1]}:{text}"


# Properties written without icalendar (``_vevent``); any other goes through icalendar.
_TEXT_PROPERTIES = frozenset({"SUMMARY", "DESCRIPTION", "LOCATION", "STATUS", "UID"})
_DATETIME_PROPERTIES = frozenset({"DTSTART", "DTEND", "DTSTAMP", "CREATED", "LAST-MODIFIED"})
_ORDER = {name: position for position, name in enumerate(icalendar.Event.canonical_order)}


def _event(properties):
    """An icalendar Event of ``properties`` ((name, value), as ``Event.add`` takes them)."""
    event = icalendar.Event()
    for name, value in properties:
        event.add(name, value)
    return event


def _property_line(name, value):
    """The content line of one property, folded and encoded, as icalendar writes it."""
    if name in _TEXT_PROPERTIES and isinstance(value, str):
        return _fold(f"{name}:{_escape_text(value)}")
    if name in _DATETIME_PROPERTIES and isinstance(value, datetime.datetime) and value.tzinfo:
        return _fold(_datetime_line(name, value))
    if name == "SEQUENCE" and type(value) is int:
        return f"{name}:{value}".encode()
    if name == "URL" and isinstance(value, str):
        return _fold(f"{name}:{value}")
    if name == "CATEGORIES" and all(isinstance(item, str) for item in value):
        return _fold(f"{name}:{','.join(_escape_text(item) for item in value)}")
    if (
        name in ("RDATE", "EXDATE")
        and isinstance(value, list)
        and value
        and all(isinstance(item, datetime.datetime) and item.tzinfo for item in value)
    ):
        line = _datetimes_line(name, value)
        if line is not None:
            return _fold(line)
    # Anything else (a rule, all-day dates): icalendar's own serialisation.
    lines = _event([(name, value)]).to_ical()
    return lines.removeprefix(b"BEGIN:VEVENT\r\n").removesuffix(b"\r\nEND:VEVENT\r\n")


def _vevent(properties):
    """The bytes ``_event(properties).to_ical()`` writes, written directly (a feed writes
    hundreds): the properties in icalendar's order (``Event.canonical_order``, then by name,
    repeated ones as added), each line as icalendar writes it."""
    named = [(name.upper(), value) for name, value in properties]
    named.sort(
        key=lambda item: (_ORDER.get(item[0], len(_ORDER)), "" if item[0] in _ORDER else item[0])
    )
    return b"\r\n".join(
        [
            b"BEGIN:VEVENT",
            *(_property_line(name, value) for name, value in named),
            b"END:VEVENT\r\n",
        ]
    )


# The meeting's fields ``_meeting_properties`` reads; with its topic field names, where its
# URL comes from and the language they make the cache key of its serialised VEVENT.
MEETING_EVENT_FIELDS = (
    "pk",
    "translation_key",
    "last_published_at",
    "first_published_at",
    "calendar_sequence",
    "start",
    "end",
    "title",
    "topic",
    "status_note",
    "teaser",
    "format",
    "venue",
    "status",
    "url_path",
)
# Changes with this module's code (how a VEVENT is written), so that after an upgrade no
# cache serves entries written the old way; a changed translation needs the cache cleared.
VEVENT_FORMAT = safe_md5(
    Path(__file__).read_bytes() + Path(schedule.__file__).read_bytes(), usedforsecurity=False
).hexdigest()


def _meeting_event_keys(rows, names, request):
    """The cache keys of meetings' VEVENTs: a digest of each row of MEETING_EVENT_FIELDS, its
    topic field names (``names``: {pk: names}), and what every full URL is made of (its
    ``url_path``, the request's site and Wagtail's site root paths) and the language."""
    site = request_site(request)
    shared = repr(
        (
            site.pk if site else None,
            Site.get_site_root_paths(),
            get_language(),
            VEVENT_FORMAT,
        )
    ).encode()
    keys = []
    for row in rows:
        hasher = safe_md5(shared)
        hasher.update(repr((row, sorted(names.get(row[0], ())))).encode())
        keys.append(f"strukturwandel:vevent:{row[0]}:{hasher.hexdigest()}")
    return keys


def _row_urls(model, db, request):
    """A function giving the full URL of the page of a row of MEETING_EVENT_FIELDS, by
    Wagtail's own ``get_full_url``: of one ``model`` page, all other fields deferred (as
    ``.only()`` makes it), given each row's ``url_path`` in turn (all Wagtail reads of a page
    for its URL; the site root paths it reads are cached on the request). No query, and no
    page made for each meeting."""
    page = None
    pk_index = MEETING_EVENT_FIELDS.index("pk")
    url_path_index = MEETING_EVENT_FIELDS.index("url_path")

    def url(row):
        nonlocal page
        if page is None:
            page = model.from_db(
                db,
                None,
                [
                    row[pk_index]
                    if field.primary_key
                    else row[url_path_index]
                    if field.attname == "url_path"
                    else models.DEFERRED
                    for field in model._meta.concrete_fields
                ],
            )
        page.url_path = row[url_path_index]
        return page.get_full_url(request)

    return url


def _kept_events(keys, build):
    """For each of ``keys`` (cache keys of serialised VEVENTs, or None each when the event
    cache is off), the value kept under it, or ``build(position)`` then kept for
    CALENDAR_EVENT_CACHE_SECONDS: one round trip each way for all. Built anew, and not kept,
    when the cache cannot be reached."""
    timeout = app_settings.CALENDAR_EVENT_CACHE_SECONDS
    found = {}
    if timeout and keys:
        try:
            found = cache.get_many(keys)
        except Exception:
            logger.warning("The cache cannot be reached; serving without it.", exc_info=True)
            timeout = 0
    values, new = [], {}
    for position, key in enumerate(keys):
        value = found.get(key)
        if value is None:
            value = build(position)
            if timeout:
                new[key] = value
        values.append(value)
    if new:
        try:
            cache.set_many(new, timeout)
        except Exception:
            logger.warning("The cache cannot be reached; not caching.", exc_info=True)
    return values


def meeting_events_ical(meetings, request):
    """The serialised VEVENT (the bytes of ``meeting_event(...).to_ical()``) of each of
    ``meetings`` (a queryset, in the order of their start; or a list of pages, in order), with
    each one's start.

    For a queryset, two light queries (the fields the VEVENT shows, the topic names) and no
    page loaded: what a VEVENT and its URL need is in those rows (``_row_urls``). Each
    VEVENT is written directly (``_vevent``, a tenth of icalendar's cost) and kept in
    the cache for CALENDAR_EVENT_CACHE_SECONDS, one round trip for all; built anew when the
    cache cannot be reached. A page never published through Wagtail (no
    ``last_published_at``) keeps the DTSTAMP of its first serialisation while cached rather
    than a new one on every request.
    """
    start = MEETING_EVENT_FIELDS.index("start")
    if isinstance(meetings, models.QuerySet):
        # Sorted here, not by the database: asked for the rows in the order of their start,
        # SQLite reads every meeting along that index rather than the feed's by their end.
        rows = sorted(
            meetings.order_by().values_list(*MEETING_EVENT_FIELDS),
            key=lambda row: (row[start], row[0]),
        )
        names = defaultdict(list)
        through = meetings.model.topic_fields.through.objects.filter(
            meetingpage__in=meetings.values("pk")
        )
        for pk, name in through.values_list("meetingpage_id", "topicfield__name"):
            names[pk].append(name)

        url = _row_urls(meetings.model, meetings.db, request)
    else:
        pages = {meeting.pk: meeting for meeting in meetings}
        rows = [
            tuple(getattr(meeting, name) for name in MEETING_EVENT_FIELDS) for meeting in meetings
        ]
        names = {
            meeting.pk: [field.name for field in meeting.topic_fields.all()] for meeting in meetings
        }

        def url(row):
            return pages[row[0]].get_full_url(request)

    starts = [row[start] for row in rows]
    if app_settings.CALENDAR_EVENT_CACHE_SECONDS:
        keys = _meeting_event_keys(rows, names, request)
    else:
        keys = [None] * len(rows)
    texts = _texts()

    def build(position):
        row = rows[position]
        meeting = SimpleNamespace(**dict(zip(MEETING_EVENT_FIELDS, row, strict=True)))
        return _vevent(_meeting_properties(meeting, names.get(row[0], ()), url(row), texts))

    return _kept_events(keys, build), starts


def meeting_summary(meeting, texts=None):
    """SUMMARY of a meeting: its title and topic, so that the meetings of a series read apart
    in a month view ("Strukturwandel-Stammtisch: Mobilität auf dem Land"). A date closing the
    title, as planned meetings are named ("… am 07.12.2026", also with the weekday), is left
    out: a calendar shows the day."""
    title = clean_text(meeting.title)
    topic = clean_text(meeting.topic)
    if not topic or topic.casefold() in title.casefold():
        return title
    dated = (texts or _texts()).dated_title.fullmatch(title)
    name = dated.group(1) if dated else title
    return f"{name}: {topic}"


def location(meeting_format, venue, texts=None):
    """LOCATION of a meeting or a rule's dates: the venue on one line, online, or both."""
    venue = ", ".join(non_empty_lines(venue))
    if meeting_format == MeetingFormat.ONLINE or not venue:
        return texts.online if texts else _("Online (the link is sent on registration)")
    if meeting_format == MeetingFormat.HYBRID:
        return (texts.hybrid if texts else _("%(venue)s and online")) % {"venue": venue}
    return venue


def feed_window(now=None):
    """The first and last day a feed lists: FEED_PAST_DAYS back, SCHEDULE_WINDOW_DAYS ahead."""
    now = now or timezone.now()
    return (
        schedule.local_date(now - datetime.timedelta(days=app_settings.FEED_PAST_DAYS)),
        schedule.local_date(now + datetime.timedelta(days=app_settings.SCHEDULE_WINDOW_DAYS)),
    )


def feed_cutoff(now=None):
    """The moment a meeting must have ended after to be in the feeds: FEED_PAST_DAYS back."""
    return (now or timezone.now()) - datetime.timedelta(days=app_settings.FEED_PAST_DAYS)


def in_feed_window(meetings, now=None):
    """The meetings of ``meetings`` (a queryset) a feed lists: every one ahead and those that
    ended in the last FEED_PAST_DAYS. Older ones are in the yearly archive feeds."""
    return meetings.filter(end__gte=feed_cutoff(now))


class ScheduleDates(NamedTuple):
    """What a rule's VEVENT holds within a window: ``first`` (DTSTART), the days the plain
    rule falls on (``rule_days``, RRULE up to UNTIL; none for several rules, whose dates are
    all RDATEs), the days it plans (``days``, after extra dates, exclusions and the days that
    have a meeting page)."""

    first: datetime.date
    rule_days: list
    days: list


def schedule_dates(page, meeting_days, first_day, last_day):
    """The ScheduleDates of ``page``'s rule from ``first_day`` to ``last_day``, or None when it
    plans nothing there. ``meeting_days`` (local dates with a meeting page) are left out; the
    rule yields nothing before its anchor (extra dates an editor added do)."""
    rule = page.schedule
    if not rule or not (rule.rrules or rule.rdates):
        return None
    starts_on = page.schedule_anchor()
    if starts_on is None:
        return None
    rule_days, all_days = schedule.plain_and_rule_dates(rule, starts_on, first_day, last_day)
    days = [day for day in all_days if day not in meeting_days]
    if not days:
        return None
    if len(rule.rrules) > 1 and not _rrules_agree(rule, rule_days):
        # In one VEVENT every RRULE counts its weeks and months from the one DTSTART, while
        # each of the editor's rules keeps its own anchor here: "every 2nd week" and "every
        # 3rd week" can fall out of step. Such dates go out as RDATEs.
        return ScheduleDates(days[0], [], days)
    return ScheduleDates(rule_days[0] if rule_days else days[0], rule_days, days)


def _rrules_agree(rule, rule_days):
    """Whether a client that expands ``rule``'s RRULEs from the first of ``rule_days`` up to
    the last (as ``_schedule_properties`` writes them: one DTSTART, one UNTIL, no COUNT)
    finds exactly ``rule_days``. Several weekly rules do ("Mondays and Thursdays"); RRULEs
    are kept where they do, as some calendar apps show little more than the first RDATE."""
    if not rule_days:
        return True
    first = datetime.datetime.combine(rule_days[0], datetime.time.min)
    last = datetime.datetime.combine(rule_days[-1], datetime.time.max)
    found = set()
    for rrule in rule.rrules:
        unbounded = copy.copy(rrule)
        unbounded.count = unbounded.until = None
        found.update(day.date() for day in unbounded.to_dateutil_rrule(first, last))
    return found == set(rule_days)


def schedule_event(page, meeting_days, request, *, now=None):
    """One VEVENT for ``page``'s rule within the feed window (``feed_window``), or None when it
    plans nothing there.

    ``meeting_days`` are the local dates that have a meeting page; they become EXDATEs.
    Exclusion rules become EXDATEs as well (EXRULE is deprecated in RFC 5545), extra dates
    RDATEs; the rule starts (DTSTART) at its first date in the window and ends (UNTIL) at the
    end of the window, as in the listings.
    """
    dates = schedule_dates(page, meeting_days, *feed_window(now))
    if dates is None:
        return None
    return _event(_schedule_properties(page, dates, request))


def _schedule_properties(page, dates, request):
    """The properties of the VEVENT of ``page``'s rule over ``dates`` (ScheduleDates), as
    (name, value): ``schedule_event`` adds them to an Event, ``_vevent`` writes them."""

    def at(day):
        occurrence = schedule.wall_occurrence(day, page.schedule_start_time, page.schedule_end_time)
        return occurrence.start.date() if occurrence.all_day else occurrence.start

    rule = page.schedule
    # The times the rule repeats, as on the wall: a client gives every date DTEND's length
    # from DTSTART, also when the first falls on the night the clock changes.
    occurrence = schedule.wall_occurrence(
        dates.first, page.schedule_start_time, page.schedule_end_time
    )
    url = page.get_full_url(request)
    description = [_("Planned date – the topic will be announced.")]
    if url:
        description.append(url)
    properties = [
        ("uid", f"schedule-{page.translation_key}@{UID_DOMAIN}"),
        ("dtstamp", _stamp(page)),
        ("last-modified", _stamp(page)),
        ("sequence", page.calendar_sequence),
    ]
    if occurrence.all_day:
        properties += [("dtstart", occurrence.start.date()), ("dtend", occurrence.end.date())]
    else:
        properties += [("dtstart", occurrence.start), ("dtend", occurrence.end)]
    properties.append(("summary", clean_text(page.title)))
    if url:
        properties.append(("url", url))
    properties += [
        ("description", clean_text("\n\n".join(description), multiline=True)),
        ("location", clean_text(location(page.schedule_format(), page.schedule_venue()))),
        ("status", "TENTATIVE"),
    ]
    if dates.rule_days:
        until = at(dates.rule_days[-1])
        until = until.astimezone(datetime.UTC) if isinstance(until, datetime.datetime) else until
        for rrule in rule.rrules:
            text = recurrence.serialize(rrule).removeprefix("RRULE:")
            recur = icalendar.vRecur.from_ical(text)
            recur.pop("UNTIL", None)
            recur.pop("COUNT", None)
            recur["UNTIL"] = until
            properties.append(("rrule", recur))
    kept = set(dates.days)
    extra = sorted(kept - set(dates.rule_days) - {dates.first})
    excluded = sorted(set(dates.rule_days) - kept)
    if extra:
        properties.append(("rdate", [at(day) for day in extra]))
    if excluded:
        properties.append(("exdate", [at(day) for day in excluded]))
    return properties


def _meeting_days(schedule_pages, window):
    """{page pk: the local dates of its live meetings} within ``window`` (first and last day)."""
    first_day, last_day = window
    tz = timezone.get_current_timezone()
    return listings.live_meeting_days(
        schedule_pages,
        after=datetime.datetime.combine(first_day, datetime.time.min, tz),
        before=datetime.datetime.combine(last_day, datetime.time.max, tz),
    )


def _schedule_event_key(page, meeting_days, window, request):
    """The cache key of the VEVENT of ``page``'s rule: a digest of everything
    ``schedule_dates`` and ``_schedule_properties`` read (the rule and its anchor, times,
    title, format, venue, publication, the full URL), the days with a meeting page and the
    window (so it moves on with the day), the time zone, the language and the code."""
    rule = page.schedule
    anchor = page.schedule_anchor() if rule and (rule.rrules or rule.rdates) else None
    hasher = safe_md5(usedforsecurity=False)
    hasher.update(
        repr(
            (
                page.pk,
                page.translation_key,
                page.last_published_at,
                page.calendar_sequence,
                page.title,
                page.get_full_url(request),
                recurrence.serialize(rule) if rule else "",
                anchor,
                page.schedule_start_time,
                page.schedule_end_time,
                page.schedule_format(),
                page.schedule_venue(),
                sorted(meeting_days),
                window,
                timezone.get_current_timezone_name(),
                get_language(),
                VEVENT_FORMAT,
            )
        ).encode()
    )
    return f"strukturwandel:rule-vevent:{page.pk}:{hasher.hexdigest()}"


def schedule_events_ical(schedule_pages, request, *, now=None):
    """The serialised VEVENT (``_vevent``) of each rule of ``schedule_pages`` that plans dates
    in the feed window, with each one's DTSTART: what ``schedule_events`` gives, as bytes.

    A rule's dates are expanded and its VEVENT written once and then kept in the cache for
    CALENDAR_EVENT_CACHE_SECONDS under ``_schedule_event_key`` (a rule that plans nothing in
    the window as well); built anew when the cache cannot be reached.
    """
    schedule_pages = list(schedule_pages)
    first_day, last_day = window = feed_window(now)
    days = _meeting_days(schedule_pages, window)
    keys = [
        _schedule_event_key(page, days[page.pk], window, request)
        if app_settings.CALENDAR_EVENT_CACHE_SECONDS
        else None
        for page in schedule_pages
    ]

    def build(position):
        page = schedule_pages[position]
        dates = schedule_dates(page, days[page.pk], first_day, last_day)
        if dates is None:
            return ()  # nothing planned in the window
        properties = _schedule_properties(page, dates, request)
        return (dict(properties)["dtstart"], _vevent(properties))

    planned = [event for event in _kept_events(keys, build) if event]
    return [event[1] for event in planned], [event[0] for event in planned]


def schedule_events(schedule_pages, request, *, now=None):
    """The VEVENTs of the rules of ``schedule_pages`` that plan dates in the feed window."""
    schedule_pages = list(schedule_pages)
    first_day, last_day = window = feed_window(now)
    days = _meeting_days(schedule_pages, window)
    events = []
    for page in schedule_pages:
        dates = schedule_dates(page, days[page.pk], first_day, last_day)
        if dates is not None:
            events.append(_event(_schedule_properties(page, dates, request)))
    return events


# The VTIMEZONEs reach a year before the first event; icalendar looks for the next transition
# up to a year past their last date, which must stay within the dates Python has.
_TIMEZONE_MARGIN = datetime.timedelta(days=366)
_LAST_TIMEZONE_DATE = datetime.date(9998, 12, 31)


def _add_timezones(calendar, tzids, starts, now=None):
    """VTIMEZONEs for ``tzids`` at the start of ``calendar``, with the transitions over the
    span of the events (their ``starts``) and the window ahead, not 1970–2038."""
    if not starts:
        return
    now = now or timezone.now()
    tz = timezone.get_current_timezone()
    days = [schedule.local_date(start, tz) for start in starts]
    first = min(days)
    first = max(first, datetime.date.min + _TIMEZONE_MARGIN) - _TIMEZONE_MARGIN
    last = schedule.local_date(
        now + datetime.timedelta(days=app_settings.SCHEDULE_WINDOW_DAYS + 366), tz
    )
    # A meeting typed in the year 9999 gets the zone's last transitions icalendar can find.
    last = min(max(last, *days), _LAST_TIMEZONE_DATE)
    position = len(calendar.timezones)
    # UTC needs none ("Z"), as in icalendar's add_missing_timezones.
    for tzid in sorted(set(tzids) - {"UTC"}):
        try:
            vtimezone = icalendar.Timezone.from_tzid(tzid, first_date=first, last_date=last)
        except ValueError:
            continue  # a time zone icalendar does not know
        calendar.subcomponents.insert(position, vtimezone)
        position += 1


def build(name, meetings, schedule_pages, request, *, now=None):
    """A Calendar with the ``meetings`` and the rules of ``schedule_pages``."""
    calendar = new_calendar(name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request))
    for event in schedule_events(schedule_pages, request, now=now):
        calendar.add_component(event)
    starts = [component.DTSTART for component in calendar.walk("VEVENT")]
    _add_timezones(calendar, calendar.get_used_tzids(), starts, now)
    return calendar


END = b"END:VCALENDAR\r\n"


def render(name, meetings, schedule_pages, request, *, now=None):
    """``build(...).to_ical()``, byte for byte, with the meetings' and rules' VEVENTs from
    the cache (``meeting_events_ical``, ``schedule_events_ical``): what the feeds serve."""
    calendar = new_calendar(name)
    meeting_events, meeting_starts = meeting_events_ical(meetings, request)
    rule_events, starts = schedule_events_ical(schedule_pages, request, now=now)
    tz = timezone.get_current_timezone()
    starts = starts + [start.astimezone(tz) for start in meeting_starts]
    # Every date and time of an event is in local time, as its DTSTART (or an all-day date).
    tzids = {
        _datetime_form(start.tzinfo, start.tzname())[0]
        for start in starts
        if isinstance(start, datetime.datetime)
    } - {None}
    _add_timezones(calendar, tzids, starts, now)
    head = calendar.to_ical()
    return b"".join(
        [
            head.removesuffix(END),
            *meeting_events,
            *rule_events,
            END,
        ]
    )


def webcal_url(url):
    """``url`` (absolute) with the ``webcal`` scheme: phones and calendar apps subscribe to
    it, where an ``https`` link is downloaded once."""
    scheme, separator, rest = url.partition("://")
    return f"webcal://{rest}" if separator and scheme in ("http", "https") else url


def response(content, filename):
    """The feed ``content`` (bytes from ``render()``) as an inline .ics file."""
    result = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = f'inline; filename="{filename}"'
    return result
