"""Calendar feeds that belong to no single page: the whole site, one per topic field, and the
site's meetings of one year (the archive).

A feed lists only the site it is served on (``in_site``). The site and topic feeds reach back
FEED_PAST_DAYS (``calendars.in_feed_window``); older meetings are in the yearly archive.
Anonymous requests are served from the page cache (``strukturwandel.core.cache``).
"""

import datetime

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from strukturwandel.conf import app_settings
from strukturwandel.core.cache import cached_view
from strukturwandel.core.pages import in_site, private_q
from strukturwandel.topics.models import TopicField

from . import calendars, listings, schedule
from .models import ScheduleMixin


def schedule_page_models():
    """Every concrete page type with a schedule rule (series, recurring meetings, groups)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ScheduleMixin) and issubclass(model, Page)
    ]


def _planning(model, private):
    """Live, public pages of ``model`` whose rule still plans dates (not a closed group's).

    In the order of their ids, not of their paths (Wagtail's): SQLite would read every page
    along the path's index for it rather than the few pages of ``model``."""
    return model.objects.live().exclude(private).filter(model.plans_meetings_q()).order_by("pk")


def _tagged(model):
    return any(field.name == "topic_fields" for field in model._meta.get_fields())


# Read-only: GET and HEAD, anything else 405 (a CSRF check has nothing to protect here).
@csrf_exempt
@require_safe
@cached_view("feed")
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
    meetings = calendars.in_feed_window(meetings).order_by("start")
    content = calendars.render(_site_name(site), meetings, schedule_pages, request)
    return calendars.response(content, "termine.ics")


@require_safe
@cached_view("page")
def calendar_help(request):
    """How to subscribe to a calendar in the common apps, with the site's feed and the topic
    fields' feeds: where every "Subscribe to the calendar" leads."""
    archive_year = _archive_example_year(Site.find_for_request(request), private_q(request))
    return TemplateResponse(
        request,
        "strukturwandel_events/calendar_help.html",
        {
            "site_calendar_name": _site_name(Site.find_for_request(request)),
            "topic_fields": TopicField.objects.all(),
            "feed_past_days": app_settings.FEED_PAST_DAYS,
            "schedule_window_days": app_settings.SCHEDULE_WINDOW_DAYS,
            "archive_year": str(archive_year),
            "archive_url": reverse(
                "strukturwandel_events:site_archive_calendar", args=[archive_year]
            ),
        },
    )


def _archive_example_year(site, private):
    """The year the how-to shows as an example of the archive: the newest one with meetings
    older than the feeds' window, else the year the window begins in (its archive holds the
    meetings just before it)."""
    meetings = in_site(listings.meeting_queryset(for_cards=False, private=private), site)
    older = meetings.filter(end__lt=calendars.feed_cutoff()).order_by("-start")
    newest = older.values_list("start", flat=True).first()
    if newest is None:
        return calendars.feed_window()[0].year
    return schedule.local_date(newest).year


def _site_name(site):
    return site.site_name if site and site.site_name else pgettext("calendar name", "All dates")


@csrf_exempt
@require_safe
@cached_view("feed")
def site_archive_calendar(request, year):
    """The site's meetings that started in ``year`` (local time), without rules: the meetings
    older than the site feed's window."""
    tz = timezone.get_current_timezone()
    # Not the first year there is, whose New Year in Berlin is still in year 0 in UTC (the
    # database's time), nor the last, which has no next New Year.
    if not datetime.MINYEAR < year < datetime.MAXYEAR:
        raise Http404
    first = datetime.datetime(year, 1, 1, tzinfo=tz)
    after = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    site = Site.find_for_request(request)
    meetings = listings.meeting_queryset(for_cards=False, private=private_q(request))
    meetings = in_site(meetings, site).filter(start__gte=first, start__lt=after)
    name = pgettext("calendar name", "%(name)s: %(year)s") % {
        "name": _site_name(site),
        "year": year,
    }
    content = calendars.render(name, meetings.order_by("start"), [], request)
    return calendars.response(content, f"termine-{year}.ics")


@csrf_exempt
@require_safe
@cached_view("feed")
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
    meetings = calendars.in_feed_window(in_site(meetings, site)).order_by("start")
    content = calendars.render(topic_field.name, meetings, schedule_pages, request)
    return calendars.response(content, f"{topic_field.slug}.ics")
