"""Accepted suggestions as the public pages show them: topic, description, topic field and
the meeting that takes each up; never who sent it."""

from django.db.models import Prefetch
from wagtail.models import Page

from strukturwandel.core.cache import kept_until_changed
from strukturwandel.core.pages import in_site, private_q, request_site
from strukturwandel.events.models import MeetingPage

from .models import (
    SHOWN_PROPOSAL_STATUSES,
    ImpulseOfferPage,
    TopicSuggestion,
    TopicSuggestionPage,
)

SHOWN = 20


def shown_suggestions(request, topic=None, limit=SHOWN):
    """The latest accepted suggestions (of ``topic``): two queries. A meeting that is not
    public (a draft, a private section) is left out of the suggestion, not the suggestion."""
    suggestions = TopicSuggestion.objects.filter(status__in=SHOWN_PROPOSAL_STATUSES)
    if topic is not None:
        suggestions = suggestions.filter(topic_field=topic)
    else:
        suggestions = suggestions.select_related("topic_field")
    meetings = MeetingPage.objects.live().exclude(private_q(request)).defer_streamfields()
    suggestions = list(
        suggestions.prefetch_related(Prefetch("meeting", queryset=meetings)).order_by(
            "-status_changed_at", "-pk"
        )[:limit]
    )
    if topic is not None:
        # The topic's own suggestions: their topic field is the one at hand.
        for suggestion in suggestions:
            suggestion.topic_field = topic
    return suggestions


def participation_pages(request):
    """{TopicSuggestionPage: page, ImpulseOfferPage: page} of the request's site: the first
    public one of each type (plain Page objects), in one query per change of the content
    (kept in the shared cache, and on the request)."""
    cached = getattr(request, "_strukturwandel_participation_pages", None)
    if cached is not None:
        return cached
    site = request_site(request)

    def find():
        models = (TopicSuggestionPage, ImpulseOfferPage)
        found = {}
        pages = in_site(Page.objects.live().type(*models), site).exclude(private_q(request))
        for page in pages.order_by("path"):
            found.setdefault(page.specific_class, page)
        return found

    found = kept_until_changed("participation-pages", find, site.pk if site else 0)
    request._strukturwandel_participation_pages = found
    return found
