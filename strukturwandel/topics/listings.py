"""What the topic-field index and the topic pages list, with a fixed number of queries.

Counting goes through the reverse relations of ``TopicField`` that the tagged page types
declare: ``meetings`` (events), ``working_groups`` (groups), ``reports`` and
``documentation_pages`` (documentation). Meeting listings come from
``strukturwandel.events.listings``, so they match the series and group pages.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from strukturwandel.events import listings as meeting_listings
from strukturwandel.events.models import MeetingStatus

from .models import TopicField

# The relations whose live pages the topic index counts as "reports": the documentation app's
# alliance reports. Add "documentation_pages" to count meeting documentation as well.
# Relations of apps that are not installed are skipped.
REPORT_RELATIONS = ("reports",)

TOPIC_IMAGE_FILTER = "fill-96x96"


def private_pages():
    """A Q for pages in private sections: one query, to share among the listings of a page."""
    return Page.objects.private_q()


def live_count(relation, private=None, exclude=None):
    """A subquery annotation: how many live, public pages reach the topic via ``relation``."""
    rel = TopicField._meta.get_field(relation)
    field_name = rel.field.name
    pages = rel.related_model.objects.live().exclude(
        private if private is not None else private_pages()
    )
    if exclude is not None:
        pages = pages.exclude(exclude)
    counted = (
        pages.filter(**{field_name: OuterRef("pk")})
        .order_by()
        .values(field_name)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _installed(relation):
    try:
        TopicField._meta.get_field(relation)
    except FieldDoesNotExist:
        return False
    return True


def with_report_count(queryset, private=None):
    """Annotate ``report_count``: the live reports on each topic field (see REPORT_RELATIONS).

    The one place that decides what the topic index counts as a report.
    """
    private = private if private is not None else private_pages()
    counts = [
        live_count(relation, private) for relation in REPORT_RELATIONS if _installed(relation)
    ]
    if not counts:
        return queryset.annotate(report_count=Value(0, output_field=IntegerField()))
    return queryset.annotate(report_count=sum(counts[1:], counts[0]))


def with_meeting_count(queryset, private=None):
    """Annotate ``meeting_count``: the live meetings on each topic field, past and upcoming.

    Cancelled meetings do not count: they did not take place.
    """
    cancelled = Q(status=MeetingStatus.CANCELLED)
    return queryset.annotate(meeting_count=live_count("meetings", private, cancelled))


def topic_index(now=None):
    """Every topic field with ``meeting_count``, ``report_count`` and ``next_meeting``.

    A fixed number of queries however many topics and meetings there are: the topic fields
    with their counts and the id of their next meeting, those meetings, images' renditions.
    """
    now = now or timezone.now()
    private = private_pages()
    next_meeting = meeting_listings.next_meeting_id(private, now=now, topic_fields=OuterRef("pk"))
    topics = list(
        with_report_count(with_meeting_count(TopicField.objects.all(), private), private)
        .annotate(next_meeting_id=next_meeting)
        .prefetch_related(_image_prefetch())
    )
    meetings = meeting_listings.meetings_by_id(topic.next_meeting_id for topic in topics)
    for topic in topics:
        topic.next_meeting = meetings.get(topic.next_meeting_id)
    return topics


def _image_prefetch():
    return Prefetch(
        "image", queryset=get_image_model().objects.prefetch_renditions(TOPIC_IMAGE_FILTER)
    )


def upcoming_meetings(topic, now=None):
    return meeting_listings.upcoming_meetings(meeting_listings.topic_meetings(topic), now=now)


def past_meetings(topic, now=None):
    """Past meetings on the topic, newest first, each with its documentation if there is one
    (meeting_queryset prefetches it for every meeting listing)."""
    return meeting_listings.past_meetings(meeting_listings.topic_meetings(topic), now=now)


def recurring_meetings(topic, private=None):
    """Meetings on a rule (RecurringMeetingPage) tagged with the topic, e.g. a monthly circle."""
    return (
        topic.recurring_meetings.live()
        .exclude(private if private is not None else private_pages())
        .defer_streamfields()
        .order_by("title")
    )


def working_groups(topic, private=None):
    return (
        topic.working_groups.live()
        .exclude(private if private is not None else private_pages())
        .select_related("merged_into")
        .defer_streamfields()
        .order_by("number", "title")
    )
