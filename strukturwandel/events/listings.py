"""The one place that builds meeting listings: series, group and topic pages and the feeds.

Every listing starts from ``meeting_queryset()``, which holds the prefetches a meeting card
needs; apps that add to the card add their prefetch there (one query per listing, not per
meeting). Typical use in a page's ``get_context``::

    from strukturwandel.events import listings

    meetings = listings.child_meetings(self)            # or topic_meetings(topic_field)
    context["upcoming"], context["past"] = listings.upcoming_and_past(
        request, meetings, schedule_page=self
    )

and in the template, for each ``entry`` (a MeetingPage or a PlannedDate)::

    {% include "strukturwandel_events/includes/meeting_card.html" with meeting=entry %}

A page shows the next UPCOMING_MEETINGS_LISTED upcoming entries and a link to all of them:
the same page with ``?kommende=alle`` (``ALL_UPCOMING_QUERY``), paginated like the past
meetings (the ``page`` parameter, ``{% pagination %}``), without the past list.

Upcoming and past split at ``now`` by the meeting's end: a meeting that is running counts as
upcoming until its end; one that ends exactly now is past.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery, Value
from django.utils import timezone

from strukturwandel.conf import app_settings
from strukturwandel.core.pages import (
    children_path_range,
    children_q,
    parent_path,
    parent_path_sql,
    private_q,
)

from . import schedule, seams
from .models import EventSeriesPage, MeetingPage, MeetingParentMixin, MeetingStatus


@dataclass(frozen=True)
class PlannedDate:
    """A date a schedule rule plans, with no meeting page (yet).

    ``page`` is the page that owns the rule (an event series, a working group, a recurring
    meeting); the card links to it.
    """

    start: datetime.datetime
    end: datetime.datetime
    page: object = field(compare=False)
    all_day: bool = False
    is_planned_date: bool = True


def meeting_queryset(*, for_cards=True, private=None, parent=None):
    """Live, public meetings with what a meeting card shows: what the installed apps add to a
    card (``seams.MEETING_QUERYSET_HOOK``, e.g. the documentation link; one query each per
    listing) and the series' registration e-mail (the card's "Register" action needs it).
    Cards show no topic fields: a listing that does adds ``prefetch_related("topic_fields")``
    (the calendar feeds read the names in a query of their own).

    ``parent``: the page (a series, a working group) whose children the listing shows, when
    it does; the series' e-mail is then its own, not a subquery per meeting.

    StreamFields (the planned impulses) are deferred: cards do not show them. Calendar feeds
    pass ``for_cards=False``: they show no card.
    """
    # One query for the private sections, shared by the meetings and their documentation.
    if private is None:
        private = private_q()
    meetings = MeetingPage.objects.live().exclude(private).defer_streamfields()
    meetings = meetings.annotate(series_registration_email=_series_registration_email(parent))
    if for_cards:
        meetings = seams.extend_meeting_queryset(meetings, private=private)
    return meetings


def _series_registration_email(parent=None):
    """The registration e-mail of each meeting's series, for ``annotate()``: of ``parent``
    when the meetings are its children (nothing to look up), else a subquery."""
    if isinstance(parent, EventSeriesPage):
        return Value(parent.registration_email)
    if isinstance(parent, MeetingParentMixin):
        return Value("")  # another type of page holding meetings: no series above them
    series = EventSeriesPage.objects.filter(path=parent_path_sql(OuterRef("path")))
    return Subquery(series.values("registration_email")[:1])


def child_meetings(parent):
    """Live meetings directly below ``parent`` (a series or a working group page), found by
    the range of their paths (``children_q``), which SQLite finds in the path's index."""
    return meeting_queryset(parent=parent).filter(children_q(parent.path, parent.depth))


def descendant_meetings(ancestor):
    """Live meetings anywhere below ``ancestor``."""
    return meeting_queryset().descendant_of(ancestor)


def topic_meetings(topic_field):
    """Live meetings tagged with ``topic_field`` (a strukturwandel_topics.TopicField)."""
    return meeting_queryset().filter(topic_fields=topic_field)


def upcoming_meetings(meetings=None, *, now=None):
    """Meetings that have not ended at ``now``, soonest first (a running meeting included)."""
    meetings = meeting_queryset() if meetings is None else meetings
    return meetings.filter(end__gt=now or timezone.now()).order_by("start", "pk")


def within_listing_window(meetings, *, now=None):
    """Meetings of ``meetings`` that start before the end of the listing window
    (SCHEDULE_WINDOW_DAYS from ``now``): what a page lists ahead."""
    until = (now or timezone.now()) + datetime.timedelta(days=app_settings.SCHEDULE_WINDOW_DAYS)
    return meetings.filter(start__lt=until)


def past_meetings(meetings=None, *, now=None):
    """Meetings that have ended at ``now``, newest first."""
    meetings = meeting_queryset() if meetings is None else meetings
    return meetings.filter(end__lte=now or timezone.now()).order_by("-start", "-pk")


def live_meeting_days(pages, *, after=None, before=None):
    """{page pk: the local dates of its live child meetings}, in one query for all ``pages``;
    only those around [``after``, ``before``) when given (a day more on each side), so the
    cost follows the window shown, not the archive.

    A live meeting below a page with a rule takes the rule's date on its day, whatever its
    status or view restriction: the HTML listings and the calendar feeds read it from here.
    """
    pages = list(pages)
    if not pages:
        return {}
    # Pages at one depth (a group index's groups) share the depth of their children: one
    # lookup for it, and a range of paths for each page (its children's, as in children_q).
    children = Q()
    for depth in {page.depth for page in pages}:
        paths = Q()
        for page in pages:
            if page.depth == depth:
                paths |= Q(path__range=children_path_range(page.path))
        children |= Q(paths, depth=depth + 1)
    day = datetime.timedelta(days=1)
    window = {}
    if after is not None:
        window["start__gte"] = after - day
    if before is not None:
        window["start__lt"] = before + day
    # One filter() (each one copies the query).
    meetings = MeetingPage.objects.filter(children, live=True, **window)
    by_parent_path = {page.path: page.pk for page in pages}
    days = {page.pk: set() for page in pages}
    tz = timezone.get_current_timezone()
    for path, start in meetings.values_list("path", "start"):
        parent_pk = by_parent_path.get(parent_path(path))
        if parent_pk is not None:
            days[parent_pk].add(schedule.local_date(start, tz))
    return days


def listing_window(now=None):
    """(now, end of the listing window): what pages list ahead (SCHEDULE_WINDOW_DAYS)."""
    now = now or timezone.now()
    return now, now + datetime.timedelta(days=app_settings.SCHEDULE_WINDOW_DAYS)


def planned_dates(schedule_page, *, now=None, until=None, taken_days=None, limit=None):
    """Dates ``schedule_page``'s rule plans that have not ended at ``now`` (one that is running
    included, as with meetings) and that no live meeting below it has; the first ``limit`` of
    them when given (the rule is then expanded no further).

    ``schedule_page`` is anything with ScheduleMixin; ``until`` defaults to the listing window
    (SCHEDULE_WINDOW_DAYS). ``taken_days`` are the local dates that have a meeting page (one
    query by ``live_meeting_days`` when not given).
    """
    now, window_end = listing_window(now)
    until = until or window_end
    if taken_days is None:
        taken_days = live_meeting_days([schedule_page], after=now, before=until)
        taken_days = taken_days[schedule_page.pk]
    # Each taken day may hide one of the rule's dates, and each of the two days before now
    # one that has ended.
    wanted = None if limit is None else limit + len(taken_days) + 2
    # A date that has begun stays upcoming until its end, as a running meeting does; none
    # lasts longer than a day (``schedule.occurrence_on``).
    begun = now - datetime.timedelta(days=1)
    planned = [
        PlannedDate(occurrence.start, occurrence.end, schedule_page, occurrence.all_day)
        for occurrence in schedule_page.schedule_occurrences(begun, until, limit=wanted)
        if schedule.local_date(occurrence.start) not in taken_days and occurrence.end > now
    ]
    return planned if limit is None else planned[:limit]


def upcoming_listed(meetings=None, *, now=None):
    """Upcoming meetings that start within the listing window (SCHEDULE_WINDOW_DAYS)."""
    return within_listing_window(upcoming_meetings(meetings, now=now), now=now)


def upcoming_entries(
    meetings=None, *, schedule_page=None, now=None, planned_limit=None, listed=None, until=None
):
    """Upcoming meetings and, with ``schedule_page``, its next planned dates; soonest first.

    Returns a list of MeetingPage and PlannedDate (``entry.is_planned_date`` tells them apart).
    At most ``planned_limit`` planned dates (PLANNED_DATES_LISTED) are listed; the meetings
    all are that start within the listing window (SCHEDULE_WINDOW_DAYS), like the planned
    dates: a page shows the year ahead, the calendar feed every date. ``listed``: those
    meetings, loaded already (``upcoming_and_past``). ``until``: no planned date from then
    on is wanted (the rule is expanded only up to it).
    """
    now = now or timezone.now()
    if planned_limit is None:
        planned_limit = app_settings.PLANNED_DATES_LISTED
    entries = list(upcoming_listed(meetings, now=now) if listed is None else listed)
    if schedule_page is not None:
        entries += planned_dates(schedule_page, now=now, until=until, limit=planned_limit)
    return sorted(entries, key=lambda entry: entry.start)


def first_upcoming_entries(upcoming, *, schedule_page=None, now=None):
    """``UpcomingEntries``: the first UPCOMING_MEETINGS_LISTED of ``upcoming`` (meetings, one
    more than shown when there are more) and ``schedule_page``'s planned dates.

    With more meetings than shown, a planned date from the start of the first meeting not
    shown on can be none of those shown: the rule is expanded, and the days its meetings
    take are read, only up to it (weeks rather than the listing window's year).
    """
    shown = app_settings.UPCOMING_MEETINGS_LISTED
    until = upcoming[shown].start if len(upcoming) > shown else None
    entries = upcoming_entries(schedule_page=schedule_page, now=now, listed=upcoming, until=until)
    return UpcomingEntries(entries[:shown], more=len(entries) > shown)


# The query string of a listing's view of all its upcoming entries.
ALL_UPCOMING_PARAM, ALL_UPCOMING_VALUE = "kommende", "alle"
ALL_UPCOMING_QUERY = f"{ALL_UPCOMING_PARAM}={ALL_UPCOMING_VALUE}"


class ShownEntries(list):
    """The entries of a listing a page shows.

    ``more``: there are more than shown (the page links its view of all of them);
    ``page_obj``: on that view, the paginator page (else None); ``all_query``: that view's
    query string.
    """

    all_query = ""

    def __init__(self, entries, *, more=False, page_obj=None):
        super().__init__(entries)
        self.more = more
        self.page_obj = page_obj


class UpcomingEntries(ShownEntries):
    """The upcoming entries a page shows (MeetingPage and PlannedDate), soonest first."""

    all_query = ALL_UPCOMING_QUERY


def shows_all_upcoming(request):
    """Whether ``request`` asks for a listing's view of all its upcoming entries."""
    return request is not None and request.GET.get(ALL_UPCOMING_PARAM) == ALL_UPCOMING_VALUE


def all_upcoming_page(request, meetings, *, schedule_page=None, now=None):
    """A page (PAST_MEETINGS_PER_PAGE) of all upcoming entries of ``meetings`` within the
    listing window and ``schedule_page``'s next planned dates: the dates of all in one light
    query, the cards only for the page shown."""
    now = now or timezone.now()
    listed = upcoming_listed(meetings, now=now).prefetch_related(None)
    keys = [(start, pk) for pk, start in listed.values_list("pk", "start")]
    if schedule_page is not None:
        planned = planned_dates(schedule_page, now=now, limit=app_settings.PLANNED_DATES_LISTED)
        keys += [(entry.start, entry) for entry in planned]
    keys.sort(key=lambda key: key[0])
    page_obj = paginate(request, keys)
    ids = [key for _start, key in page_obj.object_list if not isinstance(key, PlannedDate)]
    by_id = {meeting.pk: meeting for meeting in meetings.filter(pk__in=ids)} if ids else {}
    page_obj.object_list = [
        key if isinstance(key, PlannedDate) else by_id[key] for _start, key in page_obj.object_list
    ]
    return UpcomingEntries(page_obj.object_list, page_obj=page_obj)


def paginated_past(request, meetings, *, now=None):
    """A page of ``past_meetings``: the page's meetings picked by a light subquery (dates and
    ids only), the cards' annotations computed for those alone. A database that sorts the
    whole result before the LIMIT (SQLite) would otherwise compute them for every past
    meeting."""
    past = past_meetings(meetings, now=now)
    page = paginate(request, past.prefetch_related(None).values_list("pk", flat=True))
    page.object_list = past.filter(pk__in=page.object_list)
    return page


def without_annotations(meetings):
    """``meetings`` without the cards' annotations and prefetches: the same meetings, for the
    light subqueries that pick (and count) the ids a listing shows. A subquery would otherwise
    carry (and copy on every filter) the annotations' expressions it does not select."""
    plain = meetings.prefetch_related(None)
    plain.query.annotations = {}
    plain.query.set_annotation_mask(None)
    return plain


def upcoming_and_past(request, meetings, *, schedule_page=None, now=None):
    """(``UpcomingEntries``, a page of ``past_meetings``) of ``meetings``: the next
    UPCOMING_MEETINGS_LISTED entries of ``upcoming_entries`` (only as many meetings loaded)
    and a page of the past ones. The meetings of both lists are picked by light subqueries
    (dates and ids only) and loaded, with their cards' annotations and prefetches, in one
    query.

    With ``?kommende=alle`` (``shows_all_upcoming``): a page of all upcoming entries
    (``all_upcoming_page``) and no past meetings (None).
    """
    now = now or timezone.now()
    if shows_all_upcoming(request):
        return all_upcoming_page(request, meetings, schedule_page=schedule_page, now=now), None
    shown = app_settings.UPCOMING_MEETINGS_LISTED
    ids = without_annotations(meetings)
    past = paginate(request, past_meetings(ids, now=now).values_list("pk", flat=True))
    # The meetings of both lists in one query, picked by light subqueries (dates and ids):
    # the cards' annotations are built and compiled once. One more upcoming meeting than
    # shown tells whether there are more.
    upcoming_ids = upcoming_listed(ids, now=now)[: shown + 1]
    picked = Q(pk__in=upcoming_ids.values("pk"))
    if past.paginator.count:
        picked |= Q(pk__in=past.object_list)
    loaded = list(meetings.filter(picked))
    upcoming = sorted(
        (meeting for meeting in loaded if meeting.end > now),
        key=lambda meeting: (meeting.start, meeting.pk),
    )
    past.object_list = sorted(
        (meeting for meeting in loaded if meeting.end <= now),
        key=lambda meeting: (meeting.start, meeting.pk),
        reverse=True,
    )
    return first_upcoming_entries(upcoming, schedule_page=schedule_page, now=now), past


# The series page: the latest past meetings, and a view of all of them.
ALL_PAST_PARAM, ALL_PAST_VALUE = "vergangene", "alle"
ALL_PAST_QUERY = f"{ALL_PAST_PARAM}={ALL_PAST_VALUE}"


class PastEntries(ShownEntries):
    """The past meetings a page shows, newest first."""

    all_query = ALL_PAST_QUERY


def shows_all_past(request):
    """Whether ``request`` asks for a listing's view of all its past meetings."""
    return request is not None and request.GET.get(ALL_PAST_PARAM) == ALL_PAST_VALUE


def upcoming_and_latest_past(request, parent, *, schedule_page=None, now=None):
    """(``UpcomingEntries``, ``PastEntries``) of the meetings below ``parent`` (a series): the
    next UPCOMING_MEETINGS_LISTED entries of ``upcoming_entries`` and the latest
    PAST_MEETINGS_PER_PAGE past meetings. The meetings of both lists are picked by light
    subqueries (dates and ids only) and loaded, with their cards' annotations and prefetches,
    in one query: the cost follows what is shown, not the archive; nothing is counted. The
    past list links the rest.

    With ``?kommende=alle``: a page of all upcoming entries (``all_upcoming_page``) and no
    past meetings (None). With ``?vergangene=alle`` (``shows_all_past``): no upcoming entries
    (None) and a page of all past meetings (``paginated_past``).
    """
    now = now or timezone.now()
    meetings = child_meetings(parent)
    if shows_all_upcoming(request):
        return all_upcoming_page(request, meetings, schedule_page=schedule_page, now=now), None
    if shows_all_past(request):
        page = paginated_past(request, meetings, now=now)
        page.object_list = list(page.object_list)
        return None, PastEntries(page.object_list, page_obj=page)
    shown_upcoming = app_settings.UPCOMING_MEETINGS_LISTED
    shown_past = app_settings.PAST_MEETINGS_PER_PAGE
    # One more of each than shown tells whether there are more. The subqueries start from
    # the plain meetings: the cards' annotations would be copied into each of them.
    children = children_q(parent.path, parent.depth)
    ids = MeetingPage.objects.live().exclude(private_q()).filter(children).values("pk")
    upcoming_ids = upcoming_listed(ids, now=now)[: shown_upcoming + 1]
    past_ids = past_meetings(ids, now=now)[: shown_past + 1]
    loaded = list(meetings.filter(Q(pk__in=upcoming_ids) | Q(pk__in=past_ids)))
    upcoming = sorted(
        (meeting for meeting in loaded if meeting.end > now),
        key=lambda meeting: (meeting.start, meeting.pk),
    )
    past = sorted(
        (meeting for meeting in loaded if meeting.end <= now),
        key=lambda meeting: (meeting.start, meeting.pk),
        reverse=True,
    )
    return (
        first_upcoming_entries(upcoming, schedule_page=schedule_page, now=now),
        PastEntries(past[:shown_past], more=len(past) > shown_past),
    )


def next_meeting_id(private, *filters, now=None, **related):
    """For ``annotate()``: the pk of the next live, public meeting that takes place (cancelled
    ones do not count), among those matching ``filters`` and ``related`` (e.g. a site's tree;
    filters with ``OuterRef``).

    ``private`` is ``strukturwandel.core.pages.private_q()``, shared with the rest of the
    listing.
    """
    meetings = MeetingPage.objects.live().exclude(private)
    upcoming = upcoming_meetings(meetings, now=now).exclude(status=MeetingStatus.CANCELLED)
    return Subquery(upcoming.filter(*filters, **related).values("pk")[:1])


def meetings_by_id(ids, *, only=None):
    """{pk: meeting} for the given meeting ids (None skipped), in one query or none; with
    ``only`` (field names) only those columns loaded."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    if only is None:
        return MeetingPage.objects.defer_streamfields().in_bulk(ids)
    return MeetingPage.objects.only(*only).in_bulk(ids)


def paginate(request, meetings, per_page=None):
    """A page of ``meetings`` for the ``page`` query parameter (PAST_MEETINGS_PER_PAGE)."""
    paginator = Paginator(meetings, per_page or app_settings.PAST_MEETINGS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))
