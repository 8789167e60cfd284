"""From a past meeting to its documentation draft, in one step.

The draft carries over what the meeting already knows: the meeting itself (its date and topic
are read from it), its topic fields and its planned impulses, as impulse blocks with the same
speakers (both use people.blocks.SpeakerBlock).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from strukturwandel.events import schedule
from strukturwandel.events.models import MeetingPage, MeetingStatus

from .models import DocumentationIndexPage, DocumentationPage


def can_be_documented(page, now=None):
    """Whether ``page`` is a meeting that has taken place."""
    if page.specific_class is not MeetingPage:
        return False
    meeting = page.specific
    return (
        meeting.status != MeetingStatus.CANCELLED
        and meeting.start is not None
        and meeting.start <= (now or timezone.now())
    )


def existing_documentation(meeting):
    """The meeting's documentation page, a draft included, or None."""
    return DocumentationPage.objects.filter(meeting=meeting).order_by("pk").first()


def documentation_index_for(meeting):
    """The documentation index of the meeting's site, or None."""
    site = meeting.get_site()
    if site is None:
        return None
    return DocumentationIndexPage.objects.in_site(site).order_by("path").first()


def impulse_blocks(meeting):
    """The meeting's planned impulses as the documentation's impulse blocks (raw stream data)."""
    return [
        {
            "type": "impulse",
            "value": {
                "title": item["value"].get("title", ""),
                "speakers": item["value"].get("speakers", []),
            },
        }
        for item in meeting.impulses.raw_data
        if item["type"] == "impulse"
    ]


def create_documentation(meeting, index, user=None):
    """A draft documentation page of ``meeting`` below ``index``."""
    day = schedule.local_date(meeting.start)
    page = DocumentationPage(
        title=_("Documentation: %(title)s") % {"title": meeting.title},
        slug=find_available_slug(index, f"{meeting.get_parent().slug}-{day.isoformat()}"),
        meeting=meeting,
        body=impulse_blocks(meeting),
        live=False,
        owner=user,
    )
    page.topic_fields.set(meeting.topic_fields.all())
    index.add_child(instance=page)
    # A draft: the editor writes the summary and the discussion before publishing.
    page.save_revision(user=user, log_action=True, clean=False)
    return page
