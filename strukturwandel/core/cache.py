"""Whole-response caching and conditional requests for public pages and feeds.

A response is cached when an anonymous visitor GETs a live page that is in no view-restricted
section (pages through Wagtail's ``on_serve_page`` hook, the feeds and the search through
``public_response``). Never cached: previews (Wagtail does not serve them through the hook),
logged-in users' responses (the userbar), private pages (Wagtail marks them no-cache),
responses that set a cookie, use a CSRF token or show messages, anything but a 200. A page
type opts out with ``cache_public_response = False``.

Every key holds the *content version*, a value in the shared cache that Wagtail's
publish, unpublish, move and delete (and saving a snippet or setting the package shows)
replace: one change invalidates every page and feed that may show it — series, topic and
group pages, the home page, the search and the feeds — in every process that shares the
cache. Entries also expire after PAGE_CACHE_SECONDS, since what is upcoming and past moves
with the clock.

What every page reads besides its own content (the site settings, the view restrictions, a
site's menu) is kept in the same cache under the content version (``kept_until_changed``), so
an uncached page reads it from the database once per change, not once per request.

Public responses carry an ETag and, when cached, a Last-Modified (when they were built);
conditional requests get a 304. Their Cache-Control lets browsers and proxies keep them for
PAGE_MAX_AGE (pages) or FEED_MAX_AGE (feeds) seconds. A cache that cannot be reached is
skipped: the response is built as without a cache.
"""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import safe_md5
from wagtail.models import Site

from strukturwandel.conf import app_settings

logger = logging.getLogger(__name__)

VERSION_KEY = "strukturwandel:content-version"
# Headers a cached response keeps; cookies and per-request headers are not stored.
STORED_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Link")


def content_version():
    """The current content version; a new one when none is stored (or the cache is down)."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = str(time.time_ns())
            # add(): when two processes start at once, both use the first one's value.
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY) or version
        return version
    except Exception:
        logger.warning("The cache cannot be reached; serving without it.", exc_info=True)
        return None


def invalidate(**kwargs):
    """A new content version: every cached page and feed is built again on its next request."""
    try:
        cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)
    except Exception:
        logger.warning("The cache cannot be reached to invalidate pages.", exc_info=True)


# Entries under a content version are replaced by the next version's; they expire after this
# in case nothing asks for them again.
KEPT_SECONDS = 24 * 3600


def kept_until_changed(name, build, *parts):
    """``build()``'s value (picklable), read once per content version and kept in the shared
    cache until a change replaces the version. Without a reachable cache, built.

    For what many requests read alike and only a change that replaces the content version
    can change; ``parts`` (e.g. the site's pk) tell the values of one ``name`` apart.
    """
    version = content_version()
    if version is None:
        return build()
    key = ":".join(("strukturwandel:kept", name, version, *map(str, parts)))
    try:
        kept = cache.get(key)
    except Exception:
        logger.warning("The cache cannot be reached; serving without it.", exc_info=True)
        return build()
    if kept is not None:
        return kept[0]
    value = build()
    try:
        cache.set(key, (value,), KEPT_SECONDS)  # in a tuple: None is a value too
    except Exception:
        logger.warning("The cache cannot be reached; not caching.", exc_info=True)
    return value


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a form with a CSRF token: the token is the visitor's own
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "used", False):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


def _key(request, kind, parts):
    hasher = safe_md5()
    for part in (*parts, get_language(), request.get_full_path()):
        hasher.update(str(part).encode())
    site = Site.find_for_request(request)
    return f"strukturwandel:{kind}:{site.pk if site else 0}:{hasher.hexdigest()}"


def _store(response, built_at):
    return {
        "status": response.status_code,
        "content": response.content,
        "headers": [(name, response[name]) for name in STORED_HEADERS if response.has_header(name)],
        "built_at": built_at,
    }


def _restore(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def _finish(request, response, max_age, built_at=None):
    """Headers of a public response; a 304 when the visitor's copy is still current."""
    if max_age is None:
        feed = response.get("Content-Type", "").startswith("text/calendar")
        max_age = app_settings.FEED_MAX_AGE if feed else app_settings.PAGE_MAX_AGE
    etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    response["ETag"] = etag
    if built_at is not None:
        response["Last-Modified"] = http_date(built_at)
    patch_cache_control(response, public=True, max_age=max_age)
    # A logged-in visitor's page differs (userbar): shared caches keep them apart.
    patch_vary_headers(response, ["Cookie"])
    return get_conditional_response(
        request, etag=etag, last_modified=built_at and int(built_at), response=response
    )


def public_response(request, build, *, kind="page", parts=(), max_age=None):
    """The response of ``build()``, cached and conditional when ``request`` and the response
    allow it.

    ``parts`` vary the key besides the site, the language and the full path (e.g. the page's
    Wagtail ``cache_key``). A response marked private or no-cache (Wagtail marks every page
    with a view restriction so) is neither cached nor made public. ``max_age`` defaults to
    FEED_MAX_AGE for calendars and PAGE_MAX_AGE for everything else.
    """
    if not _cacheable_request(request):
        response = build()
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            # Personalised (userbar, links to the admin): never kept by a browser or proxy.
            add_never_cache_headers(response)
        return response
    timeout = app_settings.PAGE_CACHE_SECONDS
    version = content_version() if timeout else None
    key = _key(request, kind, (version, *parts)) if version else None
    if key is not None:
        try:
            entry = cache.get(key)
        except Exception:
            logger.warning("The cache cannot be reached; serving without it.", exc_info=True)
            entry = key = None
        if entry is not None:
            return _finish(request, _restore(entry), max_age, entry["built_at"])
    response = build()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if not _cacheable_response(request, response):
        return response
    built_at = None
    if key is not None:
        built_at = time.time()
        try:
            cache.set(key, _store(response, built_at), timeout)
        except Exception:
            logger.warning("The cache cannot be reached; not caching.", exc_info=True)
            built_at = None
    return _finish(request, response, max_age, built_at)


def serve_page(callback):
    """Wagtail ``on_serve_page`` hook: pages (and their routes, e.g. a series' calendar)
    through ``public_response``.

    It wraps Wagtail's view-restriction check, whose never-cache headers keep a private page
    out of the cache; an entry stored while a page was public is never served after a view
    restriction was added, since adding it replaces the content version.
    """

    def inner(page, request, serve_args, serve_kwargs):
        def build():
            return callback(page, request, serve_args, serve_kwargs)

        if not getattr(page, "cache_public_response", True):
            return build()
        return public_response(request, build, parts=(page.cache_key,))

    return inner


def cached_view(kind):
    """A view decorator: the view's response through ``public_response``."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            return public_response(
                request,
                lambda: view(request, *args, **kwargs),
                kind=kind,
            )

        return wrapped

    return decorator


PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


def page_cache_is_shared(app_configs, **kwargs):
    """A deploy check: with several app servers, a process-local cache would show a change on
    one of them only; the others keep their copies until they expire."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not app_settings.PAGE_CACHE_SECONDS or backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        checks.Warning(
            _("The page cache is on, but the default cache is not shared (%(backend)s).")
            % {"backend": backend},
            hint=_(
                "With several app processes or servers, use a shared cache such as Redis "
                "(django.core.cache.backends.redis.RedisCache), or switch the page cache off "
                "with STRUKTURWANDEL = {'PAGE_CACHE_SECONDS': 0}."
            ),
            id="strukturwandel_core.W101",
        )
    ]
