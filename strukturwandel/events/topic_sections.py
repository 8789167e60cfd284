"""What events shows on topic pages and the topic-field index (see strukturwandel.topics.seams;
registered in wagtail_hooks.py)."""

from django.db.models import OuterRef, Q
from django.utils.translation import ngettext

from strukturwandel.core.pages import in_site, site_q
from strukturwandel.core.sections import Section
from strukturwandel.topics.listings import live_count
from strukturwandel.topics.seams import TopicSummary

from . import listings
from .models import MeetingStatus

TEMPLATES = "strukturwandel_events/topic/"


def recurring_meetings(topic, private, site=None):
    """Meetings on a rule (RecurringMeetingPage) tagged with the topic, e.g. a monthly circle."""
    return (
        in_site(topic.recurring_meetings.live(), site)
        .exclude(private)
        .defer_streamfields()
        .order_by("title")
    )


def topic_page_sections(topic, *, request, site, private):
    # Both lists in one go: the cards' prefetches once for both. On the view of all upcoming
    # meetings (?kommende=alle) past is None: that view lists no past meetings.
    upcoming, past = listings.upcoming_and_past(
        request, in_site(listings.topic_meetings(topic), site)
    )
    sections = [
        Section(TEMPLATES + "calendar_link.html", {"topic": topic}, slot="head"),
        Section(TEMPLATES + "calendar_button.html", {"topic": topic}, order=10, slot="actions"),
        Section(
            TEMPLATES + "upcoming_meetings.html",
            {"upcoming_meetings": upcoming},
            order=10,
        ),
        Section(
            TEMPLATES + "recurring_meetings.html",
            {"recurring_meetings": recurring_meetings(topic, private, site)},
            order=20,
        ),
    ]
    if past is not None:
        sections.append(
            Section(TEMPLATES + "past_meetings.html", {"past_meetings": past}, order=40)
        )
    return sections


class MeetingSummary(TopicSummary):
    """How many meetings a topic had and has planned (cancelled ones did not take place), and
    the next one."""

    order = 10
    template = TEMPLATES + "index_next_meeting.html"

    def annotate(self, topics, *, site, private, now):
        cancelled = Q(status=MeetingStatus.CANCELLED)
        next_meeting = listings.next_meeting_id(
            private, site_q(site), now=now, topic_fields=OuterRef("pk")
        )
        return topics.annotate(
            meeting_count=live_count("meetings", private, cancelled, site),
            next_meeting_id=next_meeting,
        )

    # What the index reads of a topic's next meeting (a link with its date and topic), loaded
    # with ``only()``; a template that shows more loads the rest when it first asks.
    next_meeting_fields = ("title", "url_path", "path", "depth", "live", "start", "end", "topic")

    def finish(self, topics):
        meetings = listings.meetings_by_id(
            (topic.next_meeting_id for topic in topics), only=self.next_meeting_fields
        )
        for topic in topics:
            topic.next_meeting = meetings.get(topic.next_meeting_id)

    def count(self, topic):
        return ngettext("%(count)s meeting", "%(count)s meetings", topic.meeting_count) % {
            "count": topic.meeting_count
        }
