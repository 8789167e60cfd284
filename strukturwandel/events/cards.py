"""What a meeting card links to and is titled: decided here, shown by includes/meeting_card.html."""

from dataclasses import dataclass

from django.utils.translation import gettext


@dataclass(frozen=True)
class MeetingCard:
    url: str  # "" for a planned date of a series: it has no page of its own yet
    title: str  # the topic after the date, in listings that mix series; else ""
    topic_line: str  # "Topic: …" below the heading, or a note for a planned date; or ""


def topic_text(topic):
    return gettext("Topic: %(topic)s") % {"topic": topic}


def meeting_card(entry, *, show_title=False, request=None):
    """The card of ``entry``: a MeetingPage or a listings.PlannedDate.

    ``show_title``: the listing mixes series (home, topic pages), so the heading names the
    topic (not the page title, which usually repeats the date).
    """
    if not entry.is_planned_date:
        topic_line = "" if show_title else topic_text(entry.topic)
        return MeetingCard(
            entry.get_url(request), entry.topic or entry.title if show_title else "", topic_line
        )
    page = entry.page
    recurring = getattr(page, "is_recurring_meeting", False)
    topic = getattr(page, "topic", "")
    if not topic:
        topic_line = gettext("Planned date – the topic will be announced.")
    elif show_title and recurring:
        topic_line = ""  # the heading names it already
    else:
        topic_line = topic_text(topic)
    return MeetingCard(
        page.get_url(request) if recurring else "",
        topic or page.title if recurring and show_title else "",
        topic_line,
    )
