"""What the topic-field index and the topic pages list, with a fixed number of queries.

Counting goes through the reverse relations of ``TopicField`` that the tagged page types
declare: ``meetings`` (events), ``working_groups`` (groups), ``reports`` and
``documentation_pages`` (documentation). Meeting listings come from
``strukturwandel.events.listings``, so they match the series and group pages.

Topic fields are shared by every site of an installation; what is counted and listed for
them is only the pages of the ``site`` the index is served on (``None``: every site).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model

from strukturwandel.core.pages import in_site, private_q, site_q
from strukturwandel.events import listings as meeting_listings
from strukturwandel.events.models import MeetingStatus

from .models import TopicField

# The relations whose live pages the topic index counts as "documentation and reports": the
# documentation app's alliance reports and meeting documentation, as the topic pages list them
# together. Relations of apps that are not installed are skipped.
REPORT_RELATIONS = ("reports", "documentation_pages")

TOPIC_IMAGE_FILTER = "fill-96x96"


def _private(private):
    """The caller's Q for private sections, so a page's listings share one query; else own."""
    return private if private is not None else private_q()


def live_count(relation, private=None, exclude=None, site=None):
    """A subquery annotation: how many live, public pages of ``site`` reach the topic via
    ``relation``."""
    rel = TopicField._meta.get_field(relation)
    field_name = rel.field.name
    pages = in_site(rel.related_model.objects.live(), site).exclude(_private(private))
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


def with_report_count(queryset, private=None, site=None):
    """Annotate ``report_count``: the live documentation and reports on each topic field (see
    REPORT_RELATIONS).

    The one place that decides what the topic index counts as documentation and reports.
    """
    private = _private(private)
    counts = [
        live_count(relation, private, site=site)
        for relation in REPORT_RELATIONS
        if _installed(relation)
    ]
    if not counts:
        return queryset.annotate(report_count=Value(0, output_field=IntegerField()))
    return queryset.annotate(report_count=sum(counts[1:], counts[0]))


def with_meeting_count(queryset, private=None, site=None):
    """Annotate ``meeting_count``: the live meetings on each topic field, past and upcoming.

    Cancelled meetings do not count: they did not take place.
    """
    cancelled = Q(status=MeetingStatus.CANCELLED)
    return queryset.annotate(meeting_count=live_count("meetings", private, cancelled, site))


def topic_index(site=None, now=None, private=None):
    """Every topic field with ``meeting_count``, ``report_count`` and ``next_meeting``, counting
    the pages of ``site``.

    A fixed number of queries however many topics and meetings there are: the topic fields
    with their counts and the id of their next meeting, those meetings, images' renditions.
    """
    now = now or timezone.now()
    private = _private(private)
    next_meeting = meeting_listings.next_meeting_id(
        private, site_q(site), now=now, topic_fields=OuterRef("pk")
    )
    topics = list(
        with_report_count(
            with_meeting_count(TopicField.objects.all(), private, site), private, site
        )
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


def upcoming_meetings(topic, now=None, site=None):
    meetings = in_site(meeting_listings.topic_meetings(topic), site)
    upcoming = meeting_listings.upcoming_meetings(meetings, now=now)
    return meeting_listings.within_listing_window(upcoming, now=now)


def past_meetings(topic, now=None, site=None):
    """Past meetings on the topic, newest first, each with its documentation if there is one
    (meeting_queryset prefetches it for every meeting listing)."""
    meetings = in_site(meeting_listings.topic_meetings(topic), site)
    return meeting_listings.past_meetings(meetings, now=now)


def recurring_meetings(topic, private=None, site=None):
    """Meetings on a rule (RecurringMeetingPage) tagged with the topic, e.g. a monthly circle."""
    return (
        in_site(topic.recurring_meetings.live(), site)
        .exclude(_private(private))
        .defer_streamfields()
        .order_by("title")
    )


def working_groups(topic, private=None, site=None):
    return (
        in_site(topic.working_groups.live(), site)
        .exclude(_private(private))
        .select_related("merged_into")
        .defer_streamfields()
        .order_by("number", "title")
    )
