"""What the apps that tag pages with topic fields plug into.

The topics app names none of them. Each registers, in its ``wagtail_hooks.py``:

``strukturwandel_topic_page_sections`` — ``fn(topic, *, request, site, private)`` returns
    ``strukturwandel.core.sections.Section``\\ s for one topic's page: slot "main" (a part of the
    page), "actions" (a button below the heading) or "head" (inside <head>). ``private`` is the
    request's ``private_q()``, ``site`` the site the page is served on.

``strukturwandel_topic_summaries`` — ``fn()`` returns a ``TopicSummary``: what the topic-field
    index says of every topic (a count, the next meeting), annotated in the index's one query.

Tagged page types declare their relation with ``topic_fields_field()``.
"""

from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks

from strukturwandel.core import sections

TOPIC_PAGE_SECTIONS_HOOK = "strukturwandel_topic_page_sections"
TOPIC_SUMMARIES_HOOK = "strukturwandel_topic_summaries"


class TopicSummary:
    """What the topic-field index shows for each topic about one kind of page.

    ``annotate()`` adds to the index's one query (subqueries, no query of its own); ``finish()``
    may load what the annotations point to, in one query for all topics; ``count()`` is a short
    text ("3 meetings") or None; ``template`` (optional) is rendered in each topic's entry with
    ``topic`` in the context.
    """

    order = 100
    template = None

    def annotate(self, topics, *, site, private, now):
        return topics

    def finish(self, topics):
        pass

    def count(self, topic):
        return None


def summaries():
    found = [hook() for hook in hooks.get_hooks(TOPIC_SUMMARIES_HOOK)]
    return sorted((summary for summary in found if summary is not None), key=lambda s: s.order)


def page_sections(topic, *, request, site, private):
    return sections.collect(
        TOPIC_PAGE_SECTIONS_HOOK, topic=topic, request=request, site=site, private=private
    )


def topic_fields_field(related_name):
    """The ``topic_fields`` of a tagged page type; ``related_name`` is the reverse relation on
    TopicField (e.g. "meetings")."""
    return ParentalManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name=related_name,
    )
