"""Listings cost a fixed number of queries however much content is tagged (5 vs 200 items)."""

import datetime

import pytest
import recurrence
from django.utils import timezone

from strukturwandel.events.models import MeetingPage, RecurringMeetingPage
from tests.apps import factories as f
from tests.apps.subsets import queries_if

pytestmark = pytest.mark.django_db

SIZES = [5, 200]

# Measured on SQLite and PostgreSQL; they must not grow with the content.
# The view restrictions (for listings and links, and Wagtail's check before serving:
# core.pages.SharedRestrictionCheckMixin) and the site settings (the image to share, Open
# Graph) are read once per change of the content, not per request: no query below.
TOPIC_INDEX_QUERIES = 5
# Every meeting listing (events' meeting_queryset) prefetches the meetings' live documentation
# for the cards' "Dokumentation" action: one query for the upcoming and past lists of a page
# together (cards show no topic fields); the meetings of both lists are loaded in one query
# (listings.upcoming_and_past), after the past ones' count. Group pages: one more for the
# documentation app's reports. With the participation app: the topic's accepted suggestions.
# Read once per change of the content: the documentation index (whose topic feed the head
# announces) and the participation pages.
TOPIC_PAGE_QUERIES = 11 + queries_if("participation")
# Group index and page: one query for the days the groups' live meetings take from their rules
# (a private meeting takes its day too, as in the calendar feeds). The index finds the group
# in one query and gives it its join e-mail (WorkingGroupIndexPage.route). The topic index
# the groups' topic links start from is read once per change of the content.
GROUP_INDEX_QUERIES = 6
GROUP_PAGE_QUERIES = 13 - queries_if("registration")


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def _measure(client, django_assert_num_queries, url, expected):
    _get(client, url)  # warm the site's cached root paths, as on a running site
    with django_assert_num_queries(expected):
        return _get(client, url)


@pytest.fixture
def topics(root_page):
    f.topic_index(root_page)
    return [f.topic_field(f"Thema {i}", slug=f"thema-{i}", sort_order=i) for i in range(6)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.requires_apps("documentation")
def test_topic_index(client, django_assert_num_queries, root_page, topics, size):
    stammtisch = f.series(root_page)
    for i in range(size):
        days = i + 1 if i % 2 else -(i + 1)
        f.meeting(stammtisch, f.days_from_now(days), [topics[i % 6], topics[(i + 1) % 6]])
    reports = f.documentation_index(root_page)
    for i in range(size):
        f.report(reports, datetime.date(2021, 5, 27), [topics[i % 6]])
    response = _measure(client, django_assert_num_queries, "/themenfelder/", TOPIC_INDEX_QUERIES)
    with_next = {t for i in range(size) if i % 2 for t in (i % 6, (i + 1) % 6)}
    assert response.content.decode().count("Nächstes Treffen:") == len(with_next)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.requires_apps("documentation")
def test_topic_page(client, django_assert_num_queries, root_page, topics, size):
    topic = topics[0]
    stammtisch = f.series(root_page)
    groups = f.group_index(root_page)
    circle = f.group(groups, "Koordinierungskreis")
    for i in range(size):
        days = i + 1 if i % 2 else -(i + 1)
        f.meeting(stammtisch, f.days_from_now(days), [topic, topics[1]])
    docs = f.documentation_index(root_page)
    for meeting in MeetingPage.objects.filter(end__lt=timezone.now()):
        f.documentation(docs, meeting, [topic])
    for _ in range(size):
        f.report(docs, datetime.date(2021, 5, 27), [topic])
    for i in range(size):
        regular = RecurringMeetingPage(
            title=f"Regelmäßig {i}",
            slug=f"regelmaessig-{i}",
            schedule=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
            schedule_starts_on=datetime.date(2021, 1, 4),
            schedule_start_time=datetime.time(17, 0),
        )
        regular.topic_fields = [topic]
        f.add(root_page, regular)
    for i in range(min(size, 20)):
        f.group(
            groups,
            f"Gruppe {i}",
            number=i + 1,
            status="merged",
            merged_into=circle,
            topic_fields=[topic],
        )
    response = _measure(
        client, django_assert_num_queries, f"/themenfelder/{topic.slug}/", TOPIC_PAGE_QUERIES
    )
    html = response.content.decode()
    assert html.count("Aufgegangen in") == min(size, 20)
    assert html.count("Wöchentlich") == size
    assert html.count("sw-meeting-action--documentation") == min((size + 1) // 2, 10)


@pytest.mark.parametrize("size", SIZES)
def test_group_index(client, django_assert_num_queries, root_page, topics, size):
    groups = f.group_index(root_page)
    circle = f.group(groups, "Koordinierungskreis", topic_fields=topics[:2])
    for i in range(size):
        f.group(
            groups,
            f"Gruppe {i}",
            number=i + 1,
            status="merged",
            merged_into=circle,
            topic_fields=topics[i % 3 : i % 3 + 2],
        )
    response = _measure(client, django_assert_num_queries, groups.url, GROUP_INDEX_QUERIES)
    assert response.content.decode().count('class="sw-group-card"') == size + 1


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.requires_apps("documentation")
def test_group_page(client, django_assert_num_queries, root_page, topics, size):
    groups = f.group_index(root_page, join_email="post@example.org")
    organisations = [f.organisation(region="sachsen") for _ in range(size)]
    people = [
        f.person(
            f"Person {i}",
            organisation=organisations[i],
            email=f"p{i}@example.org",
            contact_is_public=bool(i % 2),
        )
        for i in range(size)
    ]
    group = f.group(
        groups,
        "Dorfentwicklung",
        number=1,
        topic_fields=topics,
        contacts=people,
        member_organisations=organisations,
    )
    for i in range(size):
        f.meeting(group, f.days_from_now(i + 1), topics[:1])
        f.meeting(group, f.days_from_now(-(i + 1)), topics[:1])
    reports = f.documentation_index(root_page)
    for i in range(size):
        f.report(reports, datetime.date(2021, 5, 27), updates=[(group, f"<p>Neuigkeit {i}</p>")])
    response = _measure(client, django_assert_num_queries, group.url, GROUP_PAGE_QUERIES)
    html = response.content.decode()
    assert html.count('class="sw-person"') == size
    assert html.count('class="sw-organisation"') == size
    assert html.count("Neuigkeit") == size
