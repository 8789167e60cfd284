"""Calendar feeds that belong to no single page: the whole site, and one per topic field.

A feed lists only the site it is served on (``in_site``).
"""

from django.apps import apps
from django.shortcuts import get_object_or_404
from django.utils.translation import pgettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from strukturwandel.core.pages import in_site, private_q
from strukturwandel.topics.models import TopicField

from . import calendars, listings
from .models import ScheduleMixin


def schedule_page_models():
    """Every concrete page type with a schedule rule (series, recurring meetings, groups)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ScheduleMixin) and issubclass(model, Page)
    ]


def _planning(model, private):
    """Live, public pages of ``model`` whose rule still plans dates (not a closed group's)."""
    return model.objects.live().exclude(private).filter(model.plans_meetings_q())


def _tagged(model):
    return any(field.name == "topic_fields" for field in model._meta.get_fields())


# Read-only: GET and HEAD, anything else 405 (a CSRF check has nothing to protect here).
@csrf_exempt
@require_safe
def site_calendar(request):
    """All meetings and schedule rules of the site."""
    site = Site.find_for_request(request)
    private = private_q(request)
    schedule_pages = [
        page
        for model in schedule_page_models()
        for page in in_site(_planning(model, private).defer_streamfields(), site)
    ]
    meetings = in_site(listings.meeting_queryset(for_cards=False, private=private), site)
    name = site.site_name if site and site.site_name else pgettext("calendar name", "All dates")
    calendar = calendars.build(name, meetings.order_by("start"), schedule_pages, request)
    return calendars.response(calendar, "termine.ics")


@csrf_exempt
@require_safe
def topic_calendar(request, slug):
    """Meetings of the site tagged with one topic field, and rules of pages tagged with it."""
    topic_field = get_object_or_404(TopicField, slug=slug)
    site = Site.find_for_request(request)
    private = private_q(request)
    schedule_pages = [
        page
        for model in schedule_page_models()
        if _tagged(model)
        for page in in_site(
            _planning(model, private).defer_streamfields().filter(topic_fields=topic_field), site
        )
    ]
    meetings = listings.meeting_queryset(for_cards=False, private=private).filter(
        topic_fields=topic_field
    )
    calendar = calendars.build(
        topic_field.name, in_site(meetings, site).order_by("start"), schedule_pages, request
    )
    return calendars.response(calendar, f"{topic_field.slug}.ics")
