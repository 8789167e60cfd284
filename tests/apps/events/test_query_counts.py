"""Listings and feeds cost the same number of queries for 5 meetings as for 200."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from strukturwandel.events.models import MeetingPage
from strukturwandel.topics.models import TopicField
from tests.apps.subsets import queries_if

pytestmark = pytest.mark.django_db

# Measured once and pinned: a change here is a change in how the pages query.
# With the documentation app, every meeting listing of cards also prefetches the meetings' live
# documentation (one query per listing, registered into meeting_queryset).
EXPECTED = {
    # site, page route (2); the upcoming and the latest past meetings in one query, picked by
    # subqueries (nothing counted); the days the rule's meetings take; the documentation of
    # both lists at once (listings.upcoming_and_latest_past; cards show no topic fields). With the
    # participation app: the accepted suggestions. The restricted paths (for listings and
    # Wagtail's check before serving), the site settings (the JSON-LD organizer) and the
    # participation app's pages are read once per change of the content, here and below.
    "series page": 5 + queries_if("documentation") + queries_if("participation"),
    # The view of all upcoming dates (?kommende=alle): as the series page, without the past
    # meetings; the dates of all upcoming meetings, then the cards of the page shown
    # (meetings and documentation).
    "all upcoming dates": 6 + queries_if("documentation") + queries_if("participation"),
    # The view of all past dates (?vergangene=alle): as the series page, without the upcoming
    # entries (no days taken); the past page: count, meetings (documentation).
    "all past dates": 5 + queries_if("documentation") + queries_if("participation"),
    # site, page route (2); the days the rule's meetings take; meetings, topic fields. Feeds
    # do not link documentation.
    "series feed": 6,
    # site, pages for each page type with a rule
    # (series, recurring meeting; working group with the groups app); the days the rules'
    # meetings take, meetings, topic fields.
    "site feed": 6 + queries_if("groups"),
    # topic, site, pages for the types with a rule and topic fields
    # (recurring meeting; working group with the groups app); meetings, topic fields (no rule
    # in this topic: no days taken).
    "topic feed": 5 + queries_if("groups"),
}


def add_meetings(series, topic_field, count, offset=0):
    today = timezone.localdate()
    for number in range(offset, offset + count):
        # Half in the past, half ahead, two days apart.
        day = today + datetime.timedelta(days=2 * (number - (offset + count) // 2) + 1)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17)))
        meeting = MeetingPage(
            title=f"Treffen {number}",
            slug=f"treffen-{number}",
            start=start,
            end=start + datetime.timedelta(minutes=90),
            topic=f"Thema {number}",
            teaser="Eine Frage zum Thema.",
            call_link="https://zoom.example.org/j/1",
            registration_opens_at=start - datetime.timedelta(days=14),
        )
        series.add_child(instance=meeting)
        meeting.topic_fields.set([topic_field])
        meeting.save()


def urls(series):
    return {
        "series page": series.url,
        "all upcoming dates": series.url + "?kommende=alle",
        "all past dates": series.url + "?vergangene=alle",
        "series feed": series.calendar_url,
        "site feed": reverse("strukturwandel_events:site_calendar"),
        "topic feed": reverse("strukturwandel_events:topic_calendar", kwargs={"slug": "energie"}),
    }


def count_queries(client, url):
    client.get(url)  # warm caches shared by every request (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_meetings(client, series):
    topic_field = TopicField.objects.create(name="Energie", slug="energie")
    add_meetings(series, topic_field, 5)
    few = {name: count_queries(client, url) for name, url in urls(series).items()}
    add_meetings(series, topic_field, 195, offset=5)
    assert MeetingPage.objects.live().count() == 200
    many = {name: count_queries(client, url) for name, url in urls(series).items()}
    assert few == EXPECTED
    assert many == EXPECTED


# site, page route and the specific meeting (4); the series (link above the title); the
# series' registration e-mail (not with the registration app: the meeting registers on the
# site); topic fields; the speakers with their organisations, one query for all
# (PersonChooserBlock); with the documentation app, the documentation link and the page found
# through the reference index where the meeting was suggested. The view restrictions (before
# serving, for links) and the site settings (the JSON-LD organizer) are read once per change
# of the content.
MEETING_PAGE_QUERIES = 8 + queries_if("documentation", 2) - queries_if("registration")


def add_speakers(count):
    from strukturwandel.people.models import Organisation, Person

    people = []
    for number in range(count):
        organisation = Organisation.objects.create(name=f"Initiative {number}")
        people.append(Person.objects.create(name=f"Person {number}", organisation=organisation))
    return people


@pytest.mark.parametrize("speakers", [1, 6])
def test_meeting_page_costs_the_same_for_one_and_six_speakers(client, series, speakers):
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingPage(
        title="Treffen",
        slug="treffen",
        start=start,
        end=start + datetime.timedelta(minutes=90),
        topic="Thema",
        impulses=[
            ("impulse", {"title": f"Impuls {person.pk}", "speakers": [{"person": person}]})
            for person in add_speakers(speakers)
        ],
    )
    series.add_child(instance=meeting)
    meeting.save_revision().publish()
    assert count_queries(client, meeting.url) == MEETING_PAGE_QUERIES
