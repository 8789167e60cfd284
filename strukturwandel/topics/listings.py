"""What the topic-field index and the topic pages list, with a fixed number of queries.

Counting and listing go through the reverse relations of ``TopicField`` that the tagged page
types declare: ``meetings`` (events), ``working_groups`` (groups), ``reports`` and
``documentation_pages`` (documentation). This app imports none of them.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model

from .models import TopicField

# The relations whose live pages count as "reports" on the topic index. The documentation app
# declares ``reports`` (alliance reports); add ``"documentation_pages"`` here to count meeting
# documentation as well. Relations that are not installed are skipped.
REPORT_RELATIONS = ("reports",)

TOPIC_IMAGE_FILTER = "fill-96x96"


def live_count(relation):
    """A subquery annotation: how many live pages reach the topic through ``relation``."""
    rel = TopicField._meta.get_field(relation)
    field_name = rel.field.name
    counted = (
        rel.related_model.objects.live()
        .filter(**{field_name: OuterRef("pk")})
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


def with_report_count(queryset):
    """Annotate ``report_count``: the live reports on each topic field (see REPORT_RELATIONS).

    The one place that decides what the topic index counts as a report.
    """
    counts = [live_count(relation) for relation in REPORT_RELATIONS if _installed(relation)]
    if not counts:
        return queryset.annotate(report_count=Value(0, output_field=IntegerField()))
    return queryset.annotate(report_count=sum(counts[1:], counts[0]))


def with_meeting_count(queryset):
    return queryset.annotate(meeting_count=live_count("meetings"))


def topic_index(request=None, now=None):
    """Every topic field with ``meeting_count``, ``report_count`` and ``next_meeting``.

    Three queries however many topics and meetings there are: the topic fields with their
    counts and the id of their next meeting, those meetings, and the images' renditions.
    """
    from strukturwandel.events.models import MeetingPage

    now = now or timezone.now()
    next_meeting = (
        upcoming(MeetingPage.objects.live(), now)
        .filter(topic_fields=OuterRef("pk"))
        .order_by("start")
        .values("pk")[:1]
    )
    topics = list(
        with_report_count(with_meeting_count(TopicField.objects.all()))
        .annotate(next_meeting_id=Subquery(next_meeting))
        .prefetch_related(_image_prefetch())
    )
    meeting_ids = {topic.next_meeting_id for topic in topics if topic.next_meeting_id}
    meetings = MeetingPage.objects.defer_streamfields().in_bulk(meeting_ids) if meeting_ids else {}
    for topic in topics:
        topic.next_meeting = meetings.get(topic.next_meeting_id)
    return topics


def _image_prefetch():
    return Prefetch(
        "image", queryset=get_image_model().objects.prefetch_renditions(TOPIC_IMAGE_FILTER)
    )


def upcoming(meetings, now=None):
    from strukturwandel.events.models import MeetingStatus

    now = now or timezone.now()
    return meetings.filter(end__gte=now).exclude(status=MeetingStatus.CANCELLED)


def upcoming_meetings(topic, now=None):
    now = now or timezone.now()
    return topic.meetings.live().filter(end__gte=now).order_by("start").defer_streamfields()


def past_meetings(topic, now=None):
    now = now or timezone.now()
    return topic.meetings.live().filter(end__lt=now).order_by("-start").defer_streamfields()


def working_groups(topic):
    return (
        topic.working_groups.live()
        .select_related("merged_into")
        .defer_streamfields()
        .order_by("number", "title")
    )
