from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page
from wagtail.search.utils import parse_query_string


def search(request):
    # NUL characters are stripped: SQLite's full-text search and PostgreSQL reject them.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    # Parsed, not passed raw: a lone quote or other stray syntax must not reach the backend.
    _filters, parsed = parse_query_string(query)
    results = (
        Page.objects.live().public().specific().search(parsed) if query else Page.objects.none()
    )
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "home/search.html", {"search_query": query, "page_obj": page_obj}
    )
