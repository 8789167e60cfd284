import datetime
import json

import pytest
import recurrence
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from wagtail.models import Site

from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import MeetingPage, MeetingStatus
from strukturwandel.groups.models import GroupStatus
from strukturwandel.topics import listings
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage
from tests.apps.groups import factories as f

pytestmark = pytest.mark.django_db

CLIMATE_LINK = (
    '<a href="/themenfelder/klimaschutz-energiewende/">Klimaschutz &amp; Energiewende</a>'
)


@pytest.fixture
def climate():
    return f.topic_field(
        "Klimaschutz & Energiewende",
        slug="klimaschutz-energiewende",
        description="<p>Strategien für eine Energiewende vor Ort.</p>",
        sort_order=0,
    )


@pytest.fixture
def mobility():
    return f.topic_field("Mobilität und lokale Infrastruktur", slug="mobilitaet", sort_order=1)


@pytest.fixture
def topics_page(root_page):
    return f.topic_index(root_page, intro="<p>Alles nach Themen geordnet.</p>")


@pytest.fixture
def stammtisch(root_page):
    return f.series(root_page)


def test_index_lists_every_topic_with_description_counts_and_next_meeting(
    client, topics_page, stammtisch, climate, mobility
):
    f.meeting(stammtisch, f.days_from_now(-30), [climate], title="Klima im November")
    f.meeting(stammtisch, f.days_from_now(40), [climate], title="Energie-Genossenschaften")
    f.meeting(
        stammtisch, f.days_from_now(10), [climate], title="Abgesagt", status=MeetingStatus.CANCELLED
    )
    f.meeting(stammtisch, f.days_from_now(20), [climate, mobility], title="Bürgerbus")
    f.meeting(stammtisch, f.days_from_now(5), [climate], title="Entwurf", live=False)

    html = client.get(topics_page.url).content.decode()

    assert "<h1>Themenfelder</h1>" in html
    assert "Alles nach Themen geordnet." in html
    assert CLIMATE_LINK in html
    assert "Strategien für eine Energiewende vor Ort." in html
    # Live meetings count; cancelled ones and drafts do not.
    assert "3 Treffen" in html
    assert "1 Treffen" in html
    assert "0 Berichte" in html
    # The next meeting skips cancelled ones and drafts.
    climate_item = html.split('id="topic-klimaschutz-energiewende"')[1].split("</li>")[0]
    assert "Nächstes Treffen:" in climate_item and "Bürgerbus" in climate_item
    assert "Entwurf" not in html
    # Ordered as editors sort them.
    assert html.index("Klimaschutz &amp; Energiewende") < html.index("Mobilität und lokale")


def test_index_without_meetings_says_so_plainly(client, topics_page, climate):
    html = client.get(topics_page.url).content.decode()
    assert "0 Treffen" in html
    assert "Nächstes Treffen" not in html


def test_topic_page_lists_upcoming_and_past_meetings_and_groups(
    client, root_page, topics_page, stammtisch, climate, mobility
):
    f.meeting(stammtisch, f.days_from_now(14), [climate], title="Kommunale Wärmeplanung")
    f.meeting(stammtisch, f.days_from_now(-60), [climate], title="Klimaschutz im Revier")
    f.meeting(stammtisch, f.days_from_now(7), [mobility], title="Bürgerbus")
    f.meeting(stammtisch, f.days_from_now(3), [climate], title="Noch nicht öffentlich", live=False)
    groups = f.group_index(root_page)
    f.group(groups, "Nachhaltige Dorfentwicklung", number=1, topic_fields=[climate])
    f.group(groups, "Transparenz", number=2, topic_fields=[mobility])

    response = client.get("/themenfelder/klimaschutz-energiewende/")
    assert response.status_code == 200
    html = response.content.decode()
    upcoming, rest = html.split('id="upcoming-title"')[1].split('id="past-title"')
    past, groups_section = rest.split('id="groups-title"')

    assert "<title>Klimaschutz &amp; Energiewende – Themenfelder | Host</title>" in html
    assert "<h1>Klimaschutz &amp; Energiewende</h1>" in html
    assert '<a href="/themenfelder/">Themenfelder</a>' in html
    assert "Kommunale Wärmeplanung" in upcoming and "Klimaschutz im Revier" not in upcoming
    assert "Klimaschutz im Revier" in past and "Kommunale Wärmeplanung" not in past
    assert "AG 1: Nachhaltige Dorfentwicklung" in groups_section
    assert "Transparenz" not in groups_section
    assert "Bürgerbus" not in html
    assert "Noch nicht öffentlich" not in html


def test_topic_page_without_content_explains_what_is_missing(client, topics_page, climate):
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert "Zu diesem Thema sind gerade keine Treffen geplant." in html
    assert "Zu diesem Thema gab es noch keine Treffen." in html
    assert "An diesem Thema arbeitet noch keine Arbeitsgruppe." in html


def test_unknown_topic_is_not_found(client, topics_page):
    assert client.get("/themenfelder/gibt-es-nicht/").status_code == 404


@override_settings(STRUKTURWANDEL={"PAST_MEETINGS_PER_PAGE": 2})
def test_past_meetings_are_paginated(client, topics_page, stammtisch, climate):
    for weeks in range(1, 6):
        f.meeting(stammtisch, f.days_from_now(-7 * weeks), [climate], title=f"Vor {weeks} Wochen")
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert "Vor 1 Wochen" in html and "Vor 2 Wochen" in html and "Vor 3 Wochen" not in html
    assert "Seite 1 von 3" in html
    html = client.get("/themenfelder/klimaschutz-energiewende/?page=3").content.decode()
    assert "Vor 5 Wochen" in html and "Vor 1 Wochen" not in html


def test_suggest_a_topic_link_only_when_a_live_page_is_chosen(
    client, root_page, topics_page, climate
):
    def link_in(path):
        return "Thema vorschlagen" in client.get(path).content.decode()

    assert not link_in(topics_page.url)
    assert not link_in("/themenfelder/klimaschutz-energiewende/")

    form = ContentPage(title="Themen vorschlagen", slug="vorschlag")
    root_page.add_child(instance=form)
    form.save_revision().publish()
    topics_page.suggestion_page = form
    topics_page.save_revision().publish()
    assert link_in(topics_page.url)
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert 'href="/vorschlag/">Thema vorschlagen</a>' in html

    form.unpublish()
    assert not link_in(topics_page.url)


def test_topic_url_follows_the_index_page(rf, root_page, climate):
    assert climate.get_url() == ""
    f.topic_index(root_page, slug="themen")
    assert climate.get_url() == "/themen/klimaschutz-energiewende/"
    assert climate.url == "/themen/klimaschutz-energiewende/"


def test_topic_links_tag_links_each_topic_once_per_request(
    django_assert_num_queries, site, topics_page, climate, mobility
):
    request = RequestFactory().get("/")
    template = Template("{% load strukturwandel_topics %}{% topic_links topics %}")
    topics = list(TopicField.objects.all())
    # Looked up once per request or site, not per topic.
    Site.find_for_request(request)
    Site.get_site_root_paths()
    # One query for the index page, however many topics are linked.
    with django_assert_num_queries(1):
        html = template.render(Context({"request": request, "topics": topics}))
    assert CLIMATE_LINK in html
    assert '<a href="/themenfelder/mobilitaet/">Mobilität und lokale Infrastruktur</a>' in html


def test_topic_links_without_an_index_page_are_plain_names(site, climate):
    request = RequestFactory().get("/")
    html = Template("{% load strukturwandel_topics %}{% topic_links topics %}").render(
        Context({"request": request, "topics": [climate]})
    )
    assert "<li>Klimaschutz &amp; Energiewende</li>" in html


def test_report_count_is_zero_without_report_pages(climate):
    topic = listings.with_report_count(TopicField.objects.all()).get()
    assert topic.report_count == 0


def test_only_one_topic_index_per_site():
    assert TopicFieldIndexPage.max_count == 1


def test_editor_tags_a_meeting_with_topic_fields_in_the_page_editor(
    admin_client, client, topics_page, stammtisch, climate, mobility
):
    url = f"/admin/pages/add/strukturwandel_events/meetingpage/{stammtisch.pk}/"
    start = f.days_from_now(21)
    response = admin_client.post(
        url,
        {
            "title": "Stammtisch: Energiegenossenschaften",
            "slug": "energiegenossenschaften",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": start.replace(hour=18, minute=30).strftime("%Y-%m-%d %H:%M"),
            "status": MeetingStatus.PLANNED,
            "topic": "Energiegenossenschaften",
            "topic_fields": [climate.pk, mobility.pk],
            "format": "online",
            "impulses-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = MeetingPage.objects.get(slug="energiegenossenschaften")
    assert set(meeting.topic_fields.all()) == {climate, mobility}
    for slug in ("klimaschutz-energiewende", "mobilitaet"):
        html = client.get(f"/themenfelder/{slug}/").content.decode()
        assert '<span class="sw-meeting-card__title">Energiegenossenschaften</span>' in html


def test_editor_manages_topic_fields_as_snippets(admin_client):
    response = admin_client.post(
        "/admin/snippets/strukturwandel_topics/topicfield/add/",
        {
            "name": "Kunst und Kultur",
            "slug": "kunst-kultur",
            "description": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a1b2c",
                            "text": "Was Kultur im Revier bewegt.",
                            "type": "unstyled",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                            "data": {},
                        }
                    ],
                    "entityMap": {},
                }
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    topic = TopicField.objects.get(slug="kunst-kultur")
    assert "Was Kultur im Revier bewegt." in topic.description


def test_merged_group_on_topic_page_names_its_successor(client, root_page, topics_page, climate):
    groups = f.group_index(root_page)
    circle = f.group(groups, "Koordinierungskreis", slug="koordinierungskreis")
    f.group(
        groups,
        "Struktur und Förderung",
        number=3,
        status=GroupStatus.MERGED,
        merged_into=circle,
        topic_fields=[climate],
    )
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert 'Aufgegangen in <a href="/arbeitsgruppen/koordinierungskreis/">' in html


def test_topic_page_offers_its_calendar_feed(client, topics_page, climate):
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" '
        'href="/kalender/themen/klimaschutz-energiewende.ics"' in html
    )
    assert 'href="/kalender/themen/klimaschutz-energiewende.ics">Kalender abonnieren' in html
    feed = client.get("/kalender/themen/klimaschutz-energiewende.ics")
    assert feed.status_code == 200


def test_topic_page_lists_documentation_and_reports(
    client, root_page, topics_page, stammtisch, climate
):
    past = f.meeting(stammtisch, f.days_from_now(-30), [climate], title="Klimaschutz im Revier")
    docs = f.documentation_index(root_page)
    f.documentation(docs, past, [climate])
    f.report(docs, datetime.date(2021, 5, 27), [climate], title="Bündnistreffen im Mai")
    f.report(docs, datetime.date(2021, 6, 1), [], title="Anderes Thema")

    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert "Bündnistreffen im Mai" in html
    assert "Anderes Thema" not in html
    past_section = html.split('id="past-title"')[1]
    assert "sw-meeting-action--documentation" in past_section

    index_html = client.get(topics_page.url).content.decode()
    assert "1 Bericht" in index_html


def test_topic_page_lists_regular_meetings_and_group_rules(client, root_page, topics_page, climate):
    from strukturwandel.events.models import RecurringMeetingPage

    circle = RecurringMeetingPage(
        title="Aktionskreis Strukturwandel Leipziger Land",
        slug="aksll",
        schedule=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.MONTHLY, byday=recurrence.MO(2))]
        ),
        schedule_starts_on=datetime.date(2021, 1, 1),
        schedule_start_time=datetime.time(18, 0),
        schedule_end_time=datetime.time(20, 0),
    )
    circle.topic_fields = [climate]
    f.publish(root_page, circle)
    groups = f.group_index(root_page)
    f.group(
        groups,
        "Koordinierungskreis",
        topic_fields=[climate],
        schedule=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        schedule_starts_on=datetime.date(2021, 1, 4),
        schedule_start_time=datetime.time(17, 0),
        schedule_end_time=datetime.time(18, 0),
    )
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    regular = html.split('id="recurring-title"')[1].split("</section>")[0]
    assert '<a href="/aksll/">Aktionskreis Strukturwandel Leipziger Land</a>' in regular
    assert "Monatlich, am zweiten Montag, 18:00–20:00 Uhr" in regular
    assert "Die Gruppe trifft sich wöchentlich, 17:00–18:00 Uhr." in html
