"""Settings of the strukturwandel apps, read from one namespaced dict.

A host site overrides any of them in its settings::

    STRUKTURWANDEL = {"SCHEDULE_WINDOW_DAYS": 180}

Use ``from strukturwandel.conf import app_settings`` and read attributes; the values follow
``override_settings`` in tests.
"""

from django.conf import settings
from django.core.signals import setting_changed

DEFAULTS = {
    # How far ahead listings and calendar feeds expand a schedule rule without an end.
    "SCHEDULE_WINDOW_DAYS": 365,
    # How many past meetings a listing shows per page (a series page: its latest ones, the
    # rest on its "all past dates" view, ``?vergangene=alle``), and upcoming ones per page of
    # a listing's "all upcoming dates" view (``?kommende=alle``).
    "PAST_MEETINGS_PER_PAGE": 10,
    # How many upcoming meetings and planned dates a series, group or topic page shows; the
    # rest are on its "all upcoming dates" view (a link below the list) and in its calendar feed.
    "UPCOMING_MEETINGS_LISTED": 6,
    # How many documentation and report pages an index shows per page.
    "REPORTS_PER_PAGE": 12,
    # How many planned dates (from a rule, without a meeting page yet) a listing shows after
    # the meetings; calendar feeds carry the whole SCHEDULE_WINDOW_DAYS.
    "PLANNED_DATES_LISTED": 3,
    # From how many numbered sections on a documentation or report page a table of contents shows.
    "DOCUMENTATION_TOC_MIN_SECTIONS": 4,
    # How far back the calendar feeds reach: meetings that ended more than this many days ago
    # are left out (every meeting ahead is in). Older ones: the yearly archive feeds and pages.
    "FEED_PAST_DAYS": 365,
    # How long (seconds) a public page or feed stays in the server-side cache (Django's
    # default cache; Redis in production) unless a change replaces it first. 0: no cache.
    "PAGE_CACHE_SECONDS": 600,
    # How long (seconds) the cache keeps each meeting's and each rule's serialised calendar
    # entry (VEVENT) for the feeds. Its key holds everything the entry shows, so a change never
    # serves an old one; a feed rebuilt after a change serialises only the meetings and rules
    # that changed, and a rule's dates are expanded once a day. 0: no cache.
    "CALENDAR_EVENT_CACHE_SECONDS": 7 * 24 * 3600,
    # Cache-Control max-age for browsers and proxies: public pages, and calendar feeds.
    "PAGE_MAX_AGE": 60,
    "FEED_MAX_AGE": 900,
    # The PRODID of the iCalendar feeds: who publishes them ("-//Organisation//Product//Language").
    # Dotted path of a function(request) that returns the visitor's address, for a site
    # behind a proxy (where REMOTE_ADDR is the proxy's); empty: REMOTE_ADDR. The public
    # forms' rate limits count per address (core.ratelimit).
    "CLIENT_ADDRESS": "",
    "CALENDAR_PRODID": "-//wagtail-strukturwandel//wagtail-strukturwandel//DE",
}


class AppSettings:
    def __init__(self, defaults):
        self.defaults = defaults
        self._cache = {}

    def __getattr__(self, name):
        if name not in self.defaults:
            raise AttributeError(f"Unknown strukturwandel setting: {name}")
        if name not in self._cache:
            overrides = getattr(settings, "STRUKTURWANDEL", {})
            self._cache[name] = overrides.get(name, self.defaults[name])
        return self._cache[name]

    def reload(self):
        self._cache.clear()


app_settings = AppSettings(DEFAULTS)


def _reload(*, setting, **kwargs):
    if setting == "STRUKTURWANDEL":
        app_settings.reload()


setting_changed.connect(_reload)
