"""Which pages a visitor of this site may see: helpers shared by the apps' listings and links.

- ``in_site(queryset, site)``: only the pages of one site's tree (an installation may serve
  several sites; listings, counts and feeds show the site they are served on).
- ``is_public(page, request)``: whether a link to ``page`` leads anyone to it (live, in no
  view-restricted section) rather than to a login.
- ``route_url(base, route)``: the URL of a route (``reverse_subpage``) below a page's URL.
- ``parent_path(path)`` and ``parent_path_sql(expression)``: the tree path of a page's parent,
  in Python and in SQL (for many pages at once, where Wagtail's ``parent_of`` takes one page).
- ``SharedRestrictionCheckMixin``: a page type whose serving check for view restrictions reuses
  the restricted paths.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db.models import Q, Value
from django.db.models.functions import Concat, Length, Substr
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from .cache import kept_until_changed


def in_site(queryset, site):
    """Pages of ``queryset`` in ``site``'s tree; all of them when there is no site."""
    return queryset.descendant_of(site.root_page, inclusive=True) if site else queryset


def first_in_site(queryset, site):
    """The first made of the pages of ``queryset`` in ``site``'s tree (any, without a site),
    or None: for a page type a site has one of, such as an index.

    Such pages are few, so their site is checked here rather than in the query: SQLite, which
    has no statistics to tell it so, may read every page of the tree for it."""
    root = site.root_page.path if site else ""
    return next((page for page in queryset.order_by("pk") if page.path.startswith(root)), None)


def site_q(site):
    """A Q for pages in ``site``'s tree (for subqueries); matches everything without a site."""
    if site is None:
        return Q()
    return Q(path__startswith=site.root_page.path)


def request_site(request):
    """The site ``request`` is served on (cached on the request by Wagtail), or None."""
    return Site.find_for_request(request) if request is not None else None


# What this module reads once per request, also for callers that have no request at hand
# (listings deep below a page's get_context): set while Django serves a request.
_request_memo = ContextVar("strukturwandel_request_memo", default=None)


def _request_started(**kwargs):
    _request_memo.set({})


def _request_finished(**kwargs):
    _request_memo.set(None)


def forget_restrictions(**kwargs):
    """A view restriction was added, changed or removed: read them again."""
    memo = _request_memo.get()
    if memo is not None:
        memo.pop("restricted_paths", None)


request_started.connect(_request_started, dispatch_uid="strukturwandel_request_memo")
request_finished.connect(_request_finished, dispatch_uid="strukturwandel_request_memo")


def restricted_paths(request=None):
    """The tree paths of the pages with a view restriction: one query per change of the
    content (which saving or deleting a restriction replaces), kept on ``request`` and for
    the request being served when there is none at hand."""
    cached = getattr(request, "_strukturwandel_restricted_paths", None)
    if cached is not None:
        return cached
    memo = _request_memo.get()
    paths = memo.get("restricted_paths") if memo is not None else None
    if paths is None:
        paths = kept_until_changed(
            "restricted-paths",
            lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        )
        if memo is not None:
            memo["restricted_paths"] = paths
    if request is not None:
        request._strukturwandel_restricted_paths = paths
    return paths


def private_q(request=None):
    """A Q for pages in private (view-restricted) sections, like ``Page.objects.private_q()``
    but sharing its query with ``is_public`` on the same request."""
    paths = restricted_paths(request)
    if not paths:
        return Q(pk__in=[])
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def is_public(page, request=None):
    """Whether anyone may open ``page``: it is live and neither it nor an ancestor has a view
    restriction (a link to it would otherwise lead to a login). No query for the page itself;
    the restrictions are read once per request."""
    if page is None or not page.live:
        return False
    return not page.path.startswith(restricted_paths(request))


def route_url(base, route):
    """The URL of a page's route: ``base`` (the page's URL) and ``route`` (its
    ``reverse_subpage``), joined by a slash. Page URLs end without one when the host sets
    ``WAGTAIL_APPEND_SLASH = False``; Wagtail's ``routablepageurl`` tag adds it the same way."""
    return (base if base.endswith("/") else base + "/") + route


def parent_path(path):
    """The tree path of the parent of the page at ``path``."""
    return path[: -Page.steplen]


def children_q(path, depth):
    """A Q for the children of the page at ``path`` and ``depth`` (values, or expressions
    such as ``OuterRef("path")`` and ``OuterRef("depth")``), by a range of paths rather than a
    prefix: SQLite cannot use the path's index for Django's LIKE and scans every page (for
    each row, in a subquery); a range it finds in the index. A child's path is the parent's
    and one step, whose characters sort between the alphabet's first and last."""
    if isinstance(path, str):
        return Q(path__range=children_path_range(path), depth=depth + 1)
    last_step = Value(Page.alphabet[-1] * Page.steplen)
    return Q(path__gt=path, path__lte=Concat(path, last_step), depth=depth + 1)


def children_path_range(path):
    """(lowest, highest): the paths of the children of the page at ``path`` lie within,
    with the page's own (filter on the depth too)."""
    return path, path + Page.alphabet[-1] * Page.steplen


def parent_path_sql(path):
    """``parent_path`` in SQL, for ``path`` an expression such as ``OuterRef("path")``."""
    return Substr(path, 1, Length(path) - Page.steplen)


class SharedRestrictionCheckMixin:
    """Wagtail's check before serving a page (``get_view_restrictions``, two queries: the
    ancestors for aliases, then their restrictions) from the restricted paths, which are read
    once per change of the content: no query when the installation has no view restriction at
    all, and Wagtail's own check otherwise (aliases resolve to their source). Every page type
    of the package has it."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class RequestUrlMixin:
    """A page whose URL is worked out once per request (Wagtail reverses it each time it is
    asked): a meeting in a listing is linked by its card, its action and the page's JSON-LD.
    Kept on the request, by page, tree position and language, like the site's root paths
    Wagtail keeps there."""

    def get_url_parts(self, request=None):
        memo = getattr(request, "_strukturwandel_url_parts", None)
        if memo is None:
            if not isinstance(request, HttpRequest):
                return super().get_url_parts(request)
            memo = request._strukturwandel_url_parts = {}
        key = (self.pk, self.url_path, get_language())
        if key not in memo:
            memo[key] = super().get_url_parts(request)
        return memo[key]
