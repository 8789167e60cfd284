import datetime
import json

import pytest
import recurrence
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from wagtail.models import Page, PageViewRestriction, Site

from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import MeetingPage, MeetingStatus, RecurringMeetingPage
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage
from tests.apps import factories as f

requires_groups = pytest.mark.requires_apps("groups")
requires_documentation = pytest.mark.requires_apps("documentation")


def group_status():
    from strukturwandel.groups.models import GroupStatus

    return GroupStatus


pytestmark = pytest.mark.django_db

CLIMATE_LINK_URL = "/themenfelder/klimaschutz-energiewende/"
CLIMATE_LINK = f'<a href="{CLIMATE_LINK_URL}">Klimaschutz &amp; Energiewende</a>'


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


@requires_groups
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


@requires_groups
def test_topic_page_without_groups_says_so(client, topics_page, climate):
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert "An diesem Thema arbeitet noch keine Arbeitsgruppe." in html


def test_topic_page_shows_only_what_installed_apps_contribute(client, topics_page, climate):
    """With or without groups and documentation, a topic page and the index render; sections
    of apps that are not installed are simply not there."""
    from django.apps import apps

    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    index_html = client.get(topics_page.url).content.decode()
    assert ('id="groups-title"' in html) == apps.is_installed("strukturwandel.groups")
    assert ("Dokumentationen und Berichte" in index_html) == apps.is_installed(
        "strukturwandel.documentation"
    )


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


def test_no_suggestion_link_to_a_page_behind_a_login(client, root_page, topics_page, climate):
    members = ContentPage(title="Mitglieder", slug="mitglieder")
    f.publish(root_page, members)
    form = f.publish(members, ContentPage(title="Themen vorschlagen", slug="vorschlag"))
    topics_page.suggestion_page = form
    topics_page.save_revision().publish()
    assert "Thema vorschlagen" in client.get(topics_page.url).content.decode()
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    assert "Thema vorschlagen" not in client.get(topics_page.url).content.decode()
    html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    assert "Thema vorschlagen" not in html


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
    # One query for the index page and one for the view restrictions (a topic index behind a
    # login is not linked), however many topics are linked.
    with django_assert_num_queries(2):
        html = template.render(Context({"request": request, "topics": topics}))
    assert CLIMATE_LINK in html
    assert '<a href="/themenfelder/mobilitaet/">Mobilität und lokale Infrastruktur</a>' in html


def test_topic_links_without_an_index_page_are_plain_names(site, climate):
    request = RequestFactory().get("/")
    html = Template("{% load strukturwandel_topics %}{% topic_links topics %}").render(
        Context({"request": request, "topics": [climate]})
    )
    assert "<li>Klimaschutz &amp; Energiewende</li>" in html


@requires_documentation
def test_report_count_is_zero_without_report_pages(client, topics_page, climate):
    assert "0 Dokumentationen und Berichte" in client.get(topics_page.url).content.decode()


def other_site(hostname="zweite.example.org"):
    home = Page.get_first_root_node().add_child(instance=Page(title="Zweite", slug="zweite"))
    Site.objects.create(hostname=hostname, root_page=home)
    return home


def test_one_topic_index_per_site(root_page):
    other_home = other_site()
    below = f.publish(root_page, ContentPage(title="Unterseite", slug="unterseite"))
    assert TopicFieldIndexPage.can_create_at(root_page)
    assert TopicFieldIndexPage.can_create_at(other_home)
    # A draft counts: the site has its index, if not yet published.
    root_page.add_child(instance=TopicFieldIndexPage(title="Themen", slug="themen", live=False))
    assert not TopicFieldIndexPage.can_create_at(root_page)
    assert not TopicFieldIndexPage.can_create_at(below)
    assert TopicFieldIndexPage.can_create_at(other_home)
    f.topic_index(other_home)
    assert not TopicFieldIndexPage.can_create_at(other_home)


@requires_groups
@requires_documentation
def test_each_site_counts_links_and_lists_only_its_own_pages(client, root_page, climate):
    """Topic fields are shared; the index, the topic pages and their links are per site."""
    other_home = other_site()
    ours_index = f.topic_index(root_page)
    theirs_index = f.topic_index(other_home, slug="themen")
    for home, name in [(root_page, "Unser"), (other_home, "Fremd")]:
        series = f.series(home)
        f.meeting(series, f.days_from_now(7), [climate], title=f"{name}es Treffen")
        f.meeting(series, f.days_from_now(-7), [climate], title=f"{name}er Rückblick")
        docs = f.documentation_index(home)
        f.report(docs, datetime.date(2021, 5, 27), [climate], title=f"{name}er Bericht")
        groups = f.group_index(home)
        f.group(groups, f"{name}e Gruppe", topic_fields=[climate])
        regular = RecurringMeetingPage(
            title=f"{name}er Kreis",
            slug="kreis",
            schedule=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.MONTHLY)]),
            schedule_starts_on=datetime.date(2021, 1, 4),
            schedule_start_time=datetime.time(18, 0),
        )
        regular.topic_fields = [climate]
        f.publish(home, regular)
    theirs = {"headers": {"host": "zweite.example.org"}}

    index_html = client.get("/themenfelder/").content.decode()
    assert "2 Treffen" in index_html and "1 Dokumentation oder Bericht" in index_html
    assert "Unseres Treffen" in index_html
    topic_html = client.get("/themenfelder/klimaschutz-energiewende/").content.decode()
    for text in ["Unseres Treffen", "Unserer Rückblick", "Unserer Bericht", "Unsere Gruppe"]:
        assert text in topic_html
    assert "Unserer Kreis" in topic_html
    assert "Fremd" not in index_html and "Fremd" not in topic_html

    index_html = client.get("/themen/", **theirs).content.decode()
    assert "2 Treffen" in index_html and "Fremdes Treffen" in index_html
    assert "Unser" not in index_html
    topic_html = client.get("/themen/klimaschutz-energiewende/", **theirs).content.decode()
    for text in ["Fremdes Treffen", "Fremder Rückblick", "Fremder Bericht", "Fremde Gruppe"]:
        assert text in topic_html
    assert "Fremder Kreis" in topic_html and "Unser" not in topic_html

    # A topic links to its page on the site the request is for.
    request = RequestFactory().get("/", HTTP_HOST="zweite.example.org")
    assert climate.get_url(request) == "/themen/klimaschutz-energiewende/"
    assert climate.get_url(RequestFactory().get("/")) == CLIMATE_LINK_URL
    assert TopicFieldIndexPage.for_request(request).pk == theirs_index.pk
    # Without a request: the default site's (with its host, as there are several sites).
    assert climate.url == f"http://localhost{CLIMATE_LINK_URL}"
    assert TopicFieldIndexPage.for_request().pk == ours_index.pk


def test_a_site_without_an_index_links_no_topic_pages(root_page, climate):
    other_site()
    f.topic_index(root_page)
    request = RequestFactory().get("/", HTTP_HOST="zweite.example.org")
    assert climate.get_url(request) == ""


def test_topic_url_is_looked_up_once_per_topic_object(django_assert_num_queries, root_page):
    f.topic_index(root_page)
    topic = f.topic_field(slug="energie")
    topic.url  # noqa: B018 - the first access looks the index up
    with django_assert_num_queries(0):
        assert topic.url == "/themenfelder/energie/"


def test_an_index_outside_every_site_has_no_topic_urls(climate):
    index_page = Page.get_first_root_node().add_child(
        instance=TopicFieldIndexPage(title="Themen", slug="themen")
    )
    assert index_page.get_url() is None
    assert index_page.topic_url(climate) == ""
    assert climate.get_url() == ""


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
            "registration_method": "site",
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


@requires_groups
def test_merged_group_on_topic_page_names_its_successor(client, root_page, topics_page, climate):
    groups = f.group_index(root_page)
    circle = f.group(groups, "Koordinierungskreis", slug="koordinierungskreis")
    f.group(
        groups,
        "Struktur und Förderung",
        number=3,
        status=group_status().MERGED,
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
    assert (
        'href="webcal://testserver/kalender/themen/klimaschutz-energiewende.ics">'
        "Kalender abonnieren"
    ) in html
    assert 'href="http://testserver/kalender/themen/klimaschutz-energiewende.ics">' in html
    feed = client.get("/kalender/themen/klimaschutz-energiewende.ics")
    assert feed.status_code == 200


@requires_documentation
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

    # The index counts what the topic page lists under "Dokumentation und Berichte".
    index_html = client.get(topics_page.url).content.decode()
    assert "2 Dokumentationen und Berichte" in index_html


@requires_groups
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


def test_topic_links_lead_nowhere_behind_a_login(site, topics_page, climate):
    PageViewRestriction.objects.create(page=topics_page, restriction_type=PageViewRestriction.LOGIN)
    request = RequestFactory().get("/")
    html = Template("{% load strukturwandel_topics %}{% topic_links topics %}").render(
        Context({"request": request, "topics": [climate]})
    )
    assert "<li>Klimaschutz &amp; Energiewende</li>" in html
    assert "href" not in html


@override_settings(STRUKTURWANDEL={"UPCOMING_MEETINGS_LISTED": 2, "PAST_MEETINGS_PER_PAGE": 2})
def test_topic_page_shows_the_next_meetings_and_links_all_upcoming(
    client, topics_page, stammtisch, climate
):
    for days in (10, 20, 30):
        f.meeting(stammtisch, f.days_from_now(days), [climate], title=f"In {days} Tagen")
    f.meeting(stammtisch, f.days_from_now(-60), [climate], title="Klimaschutz im Revier")
    url = "/themenfelder/klimaschutz-energiewende/"
    html = client.get(url).content.decode()
    upcoming = html.split('id="upcoming-title"')[1].split("</section>")[0]
    assert "In 20 Tagen" in upcoming and "In 30 Tagen" not in upcoming
    assert '<a href="?kommende=alle">Alle kommenden Termine</a>' in upcoming
    assert "Klimaschutz im Revier" in html

    html = client.get(url + "?kommende=alle&page=2").content.decode()
    upcoming = html.split('id="upcoming-title"')[1].split("</section>")[0]
    assert "In 30 Tagen" in upcoming and "In 20 Tagen" not in upcoming
    assert "Seite 2 von 2" in upcoming
    assert f'<a href="{url}">Zurück zur Übersicht</a>' in upcoming
    assert 'id="past-title"' not in html and "Klimaschutz im Revier" not in html
