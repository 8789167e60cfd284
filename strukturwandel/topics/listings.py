"""What the topic-field index lists, with a fixed number of queries.

What is counted and shown for each topic comes from the apps that tag pages with topic fields
(``seams.TOPIC_SUMMARIES_HOOK``); ``live_count`` is the counting subquery they share.

Topic fields are shared by every site of an installation; what is counted and listed for
them is only the pages of the ``site`` the index is served on (``None``: every site).
"""

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from strukturwandel.core.pages import in_site, private_q

from . import seams
from .models import TopicField

TOPIC_IMAGE_FILTER = "fill-96x96"


def live_count(relation, private=None, exclude=None, site=None):
    """A subquery annotation: how many live, public pages of ``site`` reach the topic via
    ``relation`` (a reverse relation of TopicField, e.g. "meetings"); ``exclude``: a Q of the
    pages not counted.

    The rows of the relation's link table are counted, each checked against its page's tree
    entry (live, site, private sections); the page type's own table is only read for
    ``exclude``: its rows can be wide (StreamFields)."""
    rel = TopicField._meta.get_field(relation)
    through = rel.through
    page_id = rel.field.m2m_column_name()
    pages = Page.objects if exclude is None else rel.related_model.objects
    pages = in_site(pages.live(), site).exclude(private if private is not None else private_q())
    if exclude is not None:
        pages = pages.exclude(exclude)
    counted = (
        through.objects.filter(
            Exists(pages.filter(pk=OuterRef(page_id))),
            **{rel.field.m2m_reverse_field_name(): OuterRef("pk")},
        )
        .order_by()
        .values(rel.field.m2m_reverse_field_name())
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def topic_index(site=None, now=None, private=None):
    """Every topic field with what the installed apps say of it (``summaries``), counting the
    pages of ``site``.

    A fixed number of queries however many topics and pages there are: the topic fields with
    every summary's annotations, what each summary's ``finish()`` loads, images' renditions.
    """
    now = now or timezone.now()
    private = private if private is not None else private_q()
    summaries = seams.summaries()
    topics = TopicField.objects.all()
    for summary in summaries:
        topics = summary.annotate(topics, site=site, private=private, now=now)
    topics = list(topics.prefetch_related(_image_prefetch()))
    for summary in summaries:
        summary.finish(topics)
    for topic in topics:
        topic.summary_counts = [
            text for text in (summary.count(topic) for summary in summaries) if text
        ]
        topic.summary_templates = [summary.template for summary in summaries if summary.template]
    return topics


def _image_prefetch():
    return Prefetch(
        "image", queryset=get_image_model().objects.prefetch_renditions(TOPIC_IMAGE_FILTER)
    )
