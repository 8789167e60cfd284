"""What the working-group pages list, with a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.images import get_image_model

from strukturwandel.events.models import MeetingPage

from .models import GroupStatus, WorkingGroupPage

CONTACT_PHOTO_FILTER = "fill-160x160"


def group_index(index_page):
    """The live groups below ``index_page`` in the editors' order, with their topic fields."""
    return (
        WorkingGroupPage.objects.child_of(index_page)
        .live()
        .defer_streamfields()
        .select_related("merged_into")
        .prefetch_related("topic_fields")
    )


def contacts(group):
    photos = get_image_model().objects.prefetch_renditions(CONTACT_PHOTO_FILTER)
    return group.contacts.select_related("organisation").prefetch_related(
        Prefetch("photo", queryset=photos)
    )


def upcoming_meetings(group, now=None):
    now = now or timezone.now()
    return (
        MeetingPage.objects.child_of(group)
        .live()
        .filter(end__gte=now)
        .order_by("start")
        .defer_streamfields()
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


def group_details(group, now=None):
    return {
        "topic_fields": group.topic_fields.all(),
        "contacts": contacts(group),
        "member_organisations": group.member_organisations.all(),
        "upcoming_meetings": upcoming_meetings(group, now),
        **join_options(group),
    }
