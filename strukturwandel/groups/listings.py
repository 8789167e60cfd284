"""What the working-group pages list, with a fixed number of queries.

Meetings and planned dates come from ``strukturwandel.events.listings``, like on the series
pages: a group's meetings are the meeting pages below it, its planned dates come from its rule.
"""

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone
from wagtail.images import get_image_model

from strukturwandel.events import listings as meeting_listings
from strukturwandel.events.models import MeetingPage, MeetingStatus

from .models import GroupStatus, WorkingGroupPage

CONTACT_PHOTO_FILTER = "fill-160x160"


def group_index(index_page, now=None):
    """The live groups below ``index_page`` in the editors' order, each with ``next_date``.

    ``next_date`` is the group's next meeting (a MeetingPage) or, when its rule plans an
    earlier date without a meeting page, that PlannedDate; None when nothing is planned.
    """
    now = now or timezone.now()
    next_meeting = (
        meeting_listings.upcoming_meetings(MeetingPage.objects.live().public(), now=now)
        .exclude(status=MeetingStatus.CANCELLED)
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .values("pk")[:1]
    )
    groups = list(
        WorkingGroupPage.objects.child_of(index_page)
        .live()
        .public()
        .defer_streamfields()
        .select_related("merged_into")
        .prefetch_related("topic_fields")
        .annotate(next_meeting_id=Subquery(next_meeting))
    )
    meeting_ids = {group.next_meeting_id for group in groups if group.next_meeting_id}
    meetings = MeetingPage.objects.defer_streamfields().in_bulk(meeting_ids) if meeting_ids else {}
    for group in groups:
        group.next_date = _next_date(group, meetings.get(group.next_meeting_id), now)
    return groups


def _next_date(group, meeting, now):
    if group.status in (GroupStatus.MERGED, GroupStatus.CLOSED):
        return meeting
    taken = [meeting] if meeting else []
    planned = meeting_listings.planned_dates(group, taken, now=now)
    entries = sorted([*taken, *planned[:1]], key=lambda entry: entry.start)
    return entries[0] if entries else None


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
    active = group.status not in (GroupStatus.MERGED, GroupStatus.CLOSED)
    return meeting_listings.upcoming_entries(
        meetings, schedule_page=group if active else None, now=now
    )


def join_options(group):
    """How to join: a live sign-up page and/or an e-mail, the index page's as a fallback.

    Groups that were merged or closed take no new members.
    """
    if group.status in (GroupStatus.MERGED, GroupStatus.CLOSED):
        return {"join_page": None, "join_email": ""}
    join_page = group.join_page if group.join_page_id and group.join_page.live else None
    join_email = group.join_email
    if not join_email:
        parent = group.get_parent().specific
        join_email = getattr(parent, "join_email", "")
    return {"join_page": join_page, "join_email": join_email}


def past_meetings(group, now=None):
    """The group's past meetings, newest first (each card links its documentation)."""
    return meeting_listings.past_meetings(meeting_listings.child_meetings(group), now=now)


def group_details(group, request=None, now=None):
    return {
        "past": meeting_listings.paginate(request, past_meetings(group, now)) if request else [],
        "topic_fields": group.topic_fields.all(),
        "contacts": contacts(group),
        "member_organisations": group.member_organisations.all(),
        "upcoming": upcoming_entries(group, now),
        **join_options(group),
    }
