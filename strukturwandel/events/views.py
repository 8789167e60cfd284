"""Calendar feeds that belong to no single page: the whole site, and one per topic field."""

from django.apps import apps
from django.shortcuts import get_object_or_404
from django.utils.translation import pgettext
from wagtail.models import Page, Site

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


def site_calendar(request):
    """All meetings and schedule rules of the site."""
    site = Site.find_for_request(request)
    schedule_pages = [
        page
        for model in schedule_page_models()
        for page in model.objects.live().public().defer_streamfields()
    ]
    name = site.site_name if site and site.site_name else pgettext("calendar name", "All dates")
    calendar = calendars.build(
        name, listings.meeting_queryset().order_by("start"), schedule_pages, request
    )
    return calendars.response(calendar, "termine.ics")


def topic_calendar(request, slug):
    """Meetings tagged with one topic field, and rules of pages tagged with it."""
    topic_field = get_object_or_404(TopicField, slug=slug)
    schedule_pages = [
        page
        for model in schedule_page_models()
        if any(field.name == "topic_fields" for field in model._meta.get_fields())
        for page in model.objects.live()
        .public()
        .defer_streamfields()
        .filter(topic_fields=topic_field)
    ]
    calendar = calendars.build(
        topic_field.name,
        listings.topic_meetings(topic_field).order_by("start"),
        schedule_pages,
        request,
    )
    return calendars.response(calendar, f"{topic_field.slug}.ics")
