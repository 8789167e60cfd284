from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from strukturwandel.core.cache import cached_view
from strukturwandel.core.pages import in_site, private_q
from strukturwandel.core.search import search_query
from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.events import listings
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage

# Topic fields whose names or descriptions match, shown above the pages found.
TOPIC_HITS = 5
# Upcoming meetings a search without hits suggests.
SUGGESTED_MEETINGS = 3


@cached_view("search")
def search(request):
    query = search_query(request.GET.get("q"))
    # Specific pages for type, date and teaser; without their StreamFields, which a hit
    # never shows (one query per page type among the hits).
    # Only the site the search is served on, only public pages (the view restrictions are
    # read once per request, also for the topic index).
    site = Site.find_for_request(request)
    pages = in_site(Page.objects.live().exclude(private_q(request)), site)
    pages = pages.specific().defer_streamfields()
    results = pages.search(query.parsed()) if query else Page.objects.none()
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    hits = list(page_obj)
    # A documentation's date is its meeting's: one query for all of them.
    prefetch_related_objects([hit for hit in hits if isinstance(hit, DocumentationPage)], "meeting")
    topic_index = TopicFieldIndexPage.for_request(request) if query else None
    topics = []
    if topic_index is not None and page_obj.number == 1:
        found = get_search_backend().search(query.parsed(), TopicField)[:TOPIC_HITS]
        topics = [(topic, topic_index.topic_url(topic, request)) for topic in found]
    context = {
        "search_query": query.text,
        "search_notice": query.notice,
        "page_obj": page_obj,
        "hits": [_hit(page) for page in hits],
        "topic_hits": topics,
    }
    if query and not hits and not topics:
        # Nothing found: where else to look.
        context["topic_index"] = topic_index
        upcoming = listings.upcoming_meetings(listings.descendant_meetings(site.root_page))
        context["suggested_meetings"] = upcoming[:SUGGESTED_MEETINGS]
    return TemplateResponse(request, "home/search.html", context)


def _hit(page):
    """What a search result shows besides the title: the page type and, if it has one, its day."""
    date = getattr(page, "start", None) or getattr(page, "date", None)
    # A working group is named as on its page ("AG 1: …").
    title = getattr(page, "display_name", page.title)
    return {"page": page, "title": title, "kind": page._meta.verbose_name, "date": date}


def server_error(request):
    """The 500 page, rendered without the database (it may be what failed) or the cache.

    It says that the team was told only when Django mails errors to someone (ADMINS).
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"team_informed": bool(settings.ADMINS)}))


def csrf_failure(request, reason=""):
    """The site's own page for a form sent without its CSRF cookie (CSRF_FAILURE_VIEW);
    Django's would be unstyled and talk of DEBUG."""
    return render(request, "csrf_failure.html", status=403)


def lockout(request, original_response=None, credentials=None):
    """What django-axes answers while an address is locked out (429 Too Many Requests)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    # Rendered here: the axes middleware puts it in place after the view's response rendered.
    return render(request, "lockout.html", {"minutes": minutes}, status=429)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, with the login limits of django-axes.

    A wrong password counts as a failed login attempt of the visitor's address, so guessing
    page passwords is limited like guessing admin passwords and unlocked the same way.
    """
    from axes.handlers.proxy import AxesProxyHandler

    credentials = {"username": f"page-password-{page_view_restriction_id}"}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects after the right password and shows the form again after a wrong one.
    if request.method == "POST" and response.status_code == 200:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response
