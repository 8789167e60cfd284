"""What apps above events (documentation, groups, registration, …) plug into.

events never imports those apps; they register functions for these Wagtail hooks in their
``wagtail_hooks.py``:

``strukturwandel_meeting_queryset`` — ``fn(meetings, *, private)`` returns ``meetings`` with
    what the app adds to a meeting card prefetched (one query per listing, not per meeting).
    ``private`` is ``strukturwandel.core.pages.private_q()`` of the listing.

``strukturwandel_meeting_links`` — ``fn(meeting, request)`` returns a ``MeetingLink`` or None:
    a link a meeting's card and page show below its registration (e.g. "Documentation").

``strukturwandel_series_page_sections`` — ``fn(page, *, request)`` returns
    ``strukturwandel.core.sections.Section``\\ s for a series page (slot "main", below the
    series' own text; e.g. topic suggestions and how to offer an impulse).
"""

from dataclasses import dataclass

from wagtail import hooks

from strukturwandel.core import sections

MEETING_QUERYSET_HOOK = "strukturwandel_meeting_queryset"
MEETING_LINKS_HOOK = "strukturwandel_meeting_links"
SERIES_PAGE_SECTIONS_HOOK = "strukturwandel_series_page_sections"


@dataclass(frozen=True)
class MeetingLink:
    """A link about a meeting. ``label`` is visible; the meeting's topic follows it for
    screen readers, so that a list of cards has distinct link names."""

    label: str
    url: str
    name: str = ""  # a short name for CSS: sw-meeting-action--<name>


def extend_meeting_queryset(meetings, *, private):
    for hook in hooks.get_hooks(MEETING_QUERYSET_HOOK):
        meetings = hook(meetings, private=private)
    return meetings


def meeting_links(meeting, request=None):
    links = []
    for hook in hooks.get_hooks(MEETING_LINKS_HOOK):
        link = hook(meeting, request)
        if link is not None:
            links.append(link)
    return links


def series_page_sections(page, request):
    return sections.collect(SERIES_PAGE_SECTIONS_HOOK, page=page, request=request)
