"""Turning a date a schedule rule plans into a draft meeting page, in one step."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from . import schedule
from .formats import format_day, format_time
from .models import MeetingFormat, MeetingPage, ScheduleMixin


def can_plan_meetings(page):
    """Whether ``page`` has a rule and may hold meeting pages (a series, a working group)."""
    model = page.specific_class
    if model is None or not issubclass(model, ScheduleMixin):
        return False
    specific = page.specific
    return (
        MeetingPage in model.allowed_subpage_models()
        and bool(specific.schedule)
        and specific.plans_meetings
    )


def open_planned_dates(page, now=None):
    """Upcoming dates of the rule that have no meeting page yet, drafts included."""
    taken = {
        schedule.local_date(start)
        for start in MeetingPage.objects.child_of(page).values_list("start", flat=True)
    }
    return [
        occurrence
        for occurrence in page.upcoming_schedule_occurrences(now)
        if schedule.local_date(occurrence.start) not in taken
    ]


def meeting_title(page, day):
    """The one title pattern of a meeting on a planned date, as the association writes its
    meetings' titles: "<series> am 14.12.2026"."""
    return _("%(title)s on %(date)s") % {
        "title": page.title,
        "date": date_format(day, "SHORT_DATE_FORMAT"),
    }


def meeting_defaults(page, occurrence=None):
    """What a new meeting below ``page`` starts with: its format and venue and, for a planned
    date (``occurrence``), its date, time and title."""
    defaults = {
        "format": page.schedule_format() or MeetingFormat.ONLINE,
        "venue": page.schedule_venue(),
    }
    if occurrence is not None:
        day = schedule.local_date(occurrence.start)
        defaults.update(
            title=meeting_title(page, day),
            slug=find_available_slug(page, day.isoformat()),
            start=occurrence.start,
            end=occurrence.end,
        )
    return defaults


def new_meeting_defaults(page):
    """Defaults for a meeting an editor adds below ``page``: the next planned date without a
    meeting, if the page has a rule that plans meetings."""
    specific = page.specific
    if not isinstance(specific, ScheduleMixin):
        return {}
    planned = open_planned_dates(specific) if can_plan_meetings(specific) else []
    return meeting_defaults(specific, planned[0] if planned else None)


def create_meeting(page, occurrence, user=None):
    """A draft meeting below ``page`` on ``occurrence``'s date, with the page's defaults."""
    meeting = MeetingPage(topic="", live=False, owner=user, **meeting_defaults(page, occurrence))
    page.add_child(instance=meeting)
    # A draft: the editor adds the topic before publishing.
    meeting.save_revision(user=user, log_action=True, clean=False)
    return meeting


def off_rule_hint(meeting):
    """A note for the editor when ``meeting`` lies on a day its parent's rule plans no meeting
    on (a special date is allowed, but should be one on purpose); None otherwise."""
    parent = meeting.get_parent()
    specific = parent.specific if parent is not None else None
    if not isinstance(specific, ScheduleMixin) or not can_plan_meetings(specific):
        return None
    day = schedule.local_date(meeting.start)
    if specific.schedule_plans_day(day):
        return None
    return _(
        "The meeting on %(date)s lies outside the rule of %(parent)s (%(rule)s). It was saved; "
        "check the date if it is not meant as a special date."
    ) % {"date": format_day(day), "parent": specific.title, "rule": specific.schedule_text}


def stale_date_hint(meeting):
    """A note for the editor when the slug of ``meeting`` names another day than the one it
    is on: a new meeting's title and slug come from the next planned date and do not follow
    when the editor changes the date. None otherwise."""
    try:
        named = datetime.date.fromisoformat(meeting.slug[:10])
    except ValueError:
        return None
    day = schedule.local_date(meeting.start)
    if named == day:
        return None
    return _(
        "The meeting is on %(date)s, but its address, and perhaps its title, still names "
        'another date: %(named)s. Check the title, and the slug (tab "Promote").'
    ) % {"date": format_day(day), "named": format_day(named)}


def overnight_hint(page):
    """A note for the editor when the usual end time of ``page`` (a page with a rule) is not
    after its start time: its dates then run into the next day, which a typo does more often
    than a plan. None otherwise."""
    start, end = page.schedule_start_time, page.schedule_end_time
    if not page.schedule or start is None or end is None or end > start:
        return None
    day = datetime.date.today()
    return _(
        "The dates of %(page)s run into the next day: from %(start)s to %(end)s. Check the "
        "usual end time if that is not meant."
    ) % {
        "page": page.title,
        "start": format_time(datetime.datetime.combine(day, start)),
        "end": format_time(datetime.datetime.combine(day, end)),
    }


def editor_hints(page):
    """What the editor is told after saving ``page``: a meeting off its parent's rule or with
    a slug that names another day, a rule whose dates run overnight."""
    checks = []
    if isinstance(page, MeetingPage):
        checks += [off_rule_hint, stale_date_hint]
    if isinstance(page, ScheduleMixin):
        checks.append(overnight_hint)
    return [hint for check in checks if (hint := check(page))]
