from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from wagtail.models import Page, Site
from wagtail.search.utils import parse_query_string

from strukturwandel.core.cache import cached_view
from strukturwandel.core.pages import in_site
from strukturwandel.documentation.models import DocumentationPage


@cached_view("search")
def search(request):
    # NUL characters are stripped: SQLite's full-text search and PostgreSQL reject them.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    # Parsed, not passed raw: a lone quote or other stray syntax must not reach the backend.
    _filters, parsed = parse_query_string(query)
    # Specific pages for type, date and teaser; without their StreamFields, which a hit
    # never shows (one query per page type among the hits).
    # Only the site the search is served on.
    pages = in_site(Page.objects.live().public(), Site.find_for_request(request))
    pages = pages.specific().defer_streamfields()
    results = pages.search(parsed) if query else Page.objects.none()
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    hits = list(page_obj)
    # A documentation's date is its meeting's: one query for all of them.
    prefetch_related_objects([hit for hit in hits if isinstance(hit, DocumentationPage)], "meeting")
    return TemplateResponse(
        request,
        "home/search.html",
        {"search_query": query, "page_obj": page_obj, "hits": [_hit(page) for page in hits]},
    )


def _hit(page):
    """What a search result shows besides the title: the page type and, if it has one, its day."""
    date = getattr(page, "start", None) or getattr(page, "date", None)
    # A working group is named as on its page ("AG 1: …").
    title = getattr(page, "display_name", page.title)
    return {"page": page, "title": title, "kind": page._meta.verbose_name, "date": date}
