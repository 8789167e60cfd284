"""What the working-group pages list, with a fixed number of queries.

Meetings and planned dates come from ``strukturwandel.events.listings``, like on the series
pages: a group's meetings are the meeting pages below it, its planned dates come from its rule.
"""

import functools

from django.db.models import OuterRef, Prefetch
from django.utils import timezone
from wagtail.images import get_image_model

from strukturwandel.core.pages import children_q, in_site, is_public, parent_path, private_q
from strukturwandel.events import listings as meeting_listings

from . import seams
from .models import WorkingGroupIndexPage, WorkingGroupPage

CONTACT_PHOTO_FILTER = "fill-160x160"


def group_index(index_page, now=None, request=None):
    """The live groups below ``index_page`` in the editors' order, each with ``next_date``.

    ``next_date`` is the group's next meeting (a MeetingPage) or, when its rule plans an
    earlier date without a meeting page, that PlannedDate; None when nothing is planned.
    The private sections are read once per ``request``, for the cards' links too.
    """
    now = now or timezone.now()
    private = private_q(request)
    next_meeting = meeting_listings.next_meeting_id(
        private, children_q(OuterRef("path"), OuterRef("depth")), now=now
    )
    groups = list(
        WorkingGroupPage.objects.child_of(index_page)
        .live()
        .exclude(private)
        .defer_streamfields()
        .prefetch_related("topic_fields")
        .annotate(next_meeting_id=next_meeting)
    )
    attach_merged_into(groups)
    meetings = meeting_listings.meetings_by_id(group.next_meeting_id for group in groups)
    active = [group for group in groups if group.plans_meetings]
    after, before = meeting_listings.listing_window(now)
    taken_days = meeting_listings.live_meeting_days(active, after=after, before=before)
    for group in groups:
        entries = [meeting] if (meeting := meetings.get(group.next_meeting_id)) else []
        if group.plans_meetings:
            entries += meeting_listings.planned_dates(
                group, now=now, taken_days=taken_days[group.pk], limit=1
            )
        group.next_date = min(entries, key=lambda entry: entry.start, default=None)
    return groups


def attach_merged_into(groups):
    """Give the merged ones among ``groups`` the group they continue in (their status names
    it): from ``groups`` when it is one of them, as it usually is, else in one query for all
    (not a join of every group's row with its target's, for the few merged ones)."""
    by_pk = {group.pk: group for group in groups}
    missing = {group.merged_into_id for group in groups} - set(by_pk) - {None}
    if missing:
        by_pk.update(WorkingGroupPage.objects.defer_streamfields().in_bulk(missing))
    for group in groups:
        if group.merged_into_id in by_pk:
            group.merged_into = by_pk[group.merged_into_id]


def contacts(group):
    photos = get_image_model().objects.prefetch_renditions(CONTACT_PHOTO_FILTER)
    return group.contacts.select_related("organisation").prefetch_related(
        Prefetch("photo", queryset=photos)
    )


def upcoming_entries(group, now=None):
    """The group's upcoming meetings and the dates its rule plans, soonest first.

    A group that was merged or closed plans nothing any more: only its meeting pages count.
    """
    meetings = meeting_listings.child_meetings(group)
    return meeting_listings.upcoming_entries(
        meetings, schedule_page=group if group.plans_meetings else None, now=now
    )


def join_options(group, request=None):
    """How to join: a sign-up page anyone may open and/or an e-mail, the index page's as a
    fallback.

    Groups that were merged or closed take no new members.
    """
    if not group.plans_meetings:
        return {"join_page": None, "join_email": ""}
    join_page = group.join_page if group.join_page_id else None
    join_page = join_page if is_public(join_page, request) else None
    join_email = group.join_email
    if not join_email:
        # The index page's address: from the index that routed the request to the group
        # (WorkingGroupIndexPage.route), else in one query (not the parent page and then its
        # type's).
        parent = getattr(group, "_cached_parent_obj", None)
        if isinstance(parent, WorkingGroupIndexPage) and parent.path == parent_path(group.path):
            join_email = parent.join_email
        else:
            index = WorkingGroupIndexPage.objects.filter(path=parent_path(group.path))
            join_email = index.values_list("join_email", flat=True).first() or ""
    return {"join_page": join_page, "join_email": join_email}


def past_meetings(group, now=None):
    """The group's past meetings, newest first (each card links its documentation)."""
    return meeting_listings.past_meetings(meeting_listings.child_meetings(group), now=now)


def group_details(group, request=None, now=None):
    if request is not None:
        # Upcoming and past in one go: the cards' prefetches once for both lists.
        upcoming, past = meeting_listings.upcoming_and_past(
            request,
            meeting_listings.child_meetings(group),
            schedule_page=group if group.plans_meetings else None,
            now=now,
        )
    else:
        upcoming, past = upcoming_entries(group, now), []
    return {
        "past": past,
        "topic_fields": group.topic_fields.all(),
        "contacts": contacts(group),
        "member_organisations": group.member_organisations.all(),
        "upcoming": upcoming,
        "sections": seams.page_sections(group, request=request),
        **join_options(group, request),
    }


# What a topic page shows of the group another one was merged into: a link with its name.
MERGED_INTO_FIELDS = (
    "title",
    "number",
    "url_path",
    "path",
    "depth",
    "live",
    "locale",
    "content_type",
)


@functools.cache
def _merged_into_deferred():
    """The columns of a merged group's successor that the topic page does not read."""
    keep = {*MERGED_INTO_FIELDS, "id"}
    return tuple(
        f"merged_into__{field.name}"
        for field in WorkingGroupPage._meta.concrete_fields
        if field.name not in keep and not field.primary_key
    )


def topic_working_groups(topic, private, site=None):
    """The live groups tagged with ``topic``, by number; of the groups they were merged into
    the columns of a link (``MERGED_INTO_FIELDS``; the rest is loaded when first asked)."""
    return (
        in_site(topic.working_groups.live(), site)
        .exclude(private)
        .select_related("merged_into")
        .defer_streamfields()
        .defer(*_merged_into_deferred())
        .order_by("number", "title")
    )
