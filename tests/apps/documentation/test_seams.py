"""Where documentation shows elsewhere: meeting pages and cards, group pages, topic pages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.topics.models import TopicFieldIndexPage

from .conftest import add_meeting, discussion, point, publish

pytestmark = pytest.mark.django_db


def document(index, meeting, number):
    return publish(
        index,
        DocumentationPage(
            title=f"Dokumentation {number}",
            slug=f"doku-{number}",
            meeting=meeting,
            body=[discussion(point("Begriff", "<p>Text</p>"))],
        ),
    )


def test_meeting_page_links_its_documentation(client, documentation, meeting):
    html = client.get(meeting.url).content.decode()
    assert re.search(
        rf'<p class="sw-meeting__documentation">\s*<a class="[^"]*" href="{documentation.url}">'
        r"\s*Dokumentation<span",
        html,
    )
    documentation.unpublish()
    assert "sw-meeting__documentation" not in client.get(meeting.url).content.decode()


def test_documentation_in_a_private_section_is_not_linked_publicly(
    client, documentation, meeting, series
):
    PageViewRestriction.objects.create(
        page=documentation.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for url in [meeting.url, series.url, f"{series.url}?vergangene=alle"]:
        html = client.get(url).content.decode()
        assert documentation.url not in html, url
        assert "sw-meeting-action--documentation" not in html, url
    assert "sw-meeting__documentation" not in client.get(meeting.url).content.decode()


def test_series_cards_link_documentation_in_a_fixed_number_of_queries(client, series, index):
    def documented(first, count):
        for number in range(first, first + count):
            day = datetime.date(2021, 1, 4) + datetime.timedelta(weeks=number)
            document(index, add_meeting(series, day, f"Thema {number}"), number)

    def measure():
        client.get(series.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(series.url)
        return len(queries), response.content.decode()

    documented(0, 2)
    few, html = measure()
    assert html.count("sw-meeting-action--documentation") == 2
    documented(2, 8)
    many, html = measure()
    assert html.count("sw-meeting-action--documentation") == 10
    assert few == many
    assert 'href="/dokumentation/doku-9/"' in html


def test_group_page_shows_its_updates(client, report, group):
    html = client.get(group.url).content.decode()
    assert "Updates aus den Bündnistreffen" in html
    assert "Erstes Treffen: Themen und Formate abgesteckt." in html
    assert f'href="{report.url}#abschnitt-' in html
    # Dates in the events' day format, as everywhere in the package.
    assert '<time datetime="2021-05-27">Do, 27.05.2021</time>' in html


def test_topic_page_lists_documentation_and_reports(
    client, root_page, documentation, report, topic
):
    publish(root_page, TopicFieldIndexPage(title="Themenfelder", slug="themenfelder"))
    html = client.get(f"/themenfelder/{topic.slug}/").content.decode()
    section = html.split('id="sw-topic-reports-title"')[1].split("</section>")[0]
    assert section.index(documentation.title) < section.index(report.title)
    assert f'href="{documentation.url}"' in section and f'href="{report.url}"' in section
    assert '<time datetime="2021-05-27">Do, 27.05.2021</time>' in section
    # Topic fields on the documentation link to the topic page.
    assert f'href="/themenfelder/{topic.slug}/"' in client.get(documentation.url).content.decode()


def test_person_and_organisation_list_the_impulses_they_gave(documentation, person, organisation):
    from strukturwandel.people.panels import ORGANISATION_HOOK, PERSON_HOOK, appearances

    [section] = [
        section
        for section in appearances(PERSON_HOOK, person)
        if section.heading == "Gehaltene Impulse"
    ]
    assert [page.pk for page in section.pages] == [documentation.pk]
    headings = {
        section.heading: section for section in appearances(ORGANISATION_HOOK, organisation)
    }
    section = headings["Gehaltene Impulse (von der Organisation oder ihren Personen)"]
    assert [page.pk for page in section.pages] == [documentation.pk]


def test_person_edit_view_shows_impulses_given(client, django_user_model, documentation, person):
    client.force_login(
        django_user_model.objects.create_superuser("redaktion", "r@example.org", "x")
    )
    response = client.get(f"/admin/snippets/strukturwandel_people/person/edit/{person.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gehaltene Impulse" in html
    assert f"/admin/pages/{documentation.pk}/edit/" in html


def test_a_meeting_links_back_to_the_discussion_that_suggested_it(client, series, index, meeting):
    later = add_meeting(series, datetime.date(2022, 3, 7), "Jugendbeteiligung")
    other = add_meeting(series, datetime.date(2022, 4, 25), "Stiftungen")
    source = publish(
        index,
        DocumentationPage(
            title="Dokumentation vom Dezember",
            slug="dezember",
            meeting=meeting,
            body=[discussion(point("Jugend", "<p>Vertiefen.</p>", follow_up_meeting=later))],
        ),
    )
    link = f'href="{source.url}"'
    for url in [later.url, series.url]:
        html = client.get(url).content.decode()
        assert "sw-meeting-action--follow-up-source" in html, url
        assert "Angeregt in: Dokumentation vom Dezember" in html, url
    assert link in client.get(later.url).content.decode()
    assert link not in client.get(other.url).content.decode()

    # An unpublished source is not linked.
    source.unpublish()
    assert "follow-up-source" not in client.get(later.url).content.decode()


def test_a_card_links_the_first_live_source_when_an_earlier_one_is_unpublished(
    client, series, index, meeting
):
    later = add_meeting(series, datetime.date(2022, 3, 7), "Jugendbeteiligung")
    sources = [
        publish(
            index,
            DocumentationPage(
                title=f"Quelle {number}",
                slug=f"quelle-{number}",
                body=[discussion(point("Jugend", "<p>Vertiefen.</p>", follow_up_meeting=later))],
            ),
        )
        for number in (1, 2)
    ]
    card = "Angeregt in: Quelle"
    assert f"{card} 1" in client.get(series.url).content.decode()
    sources[0].unpublish()
    html = client.get(series.url).content.decode()
    assert f"{card} 2" in html and f"{card} 1" not in html
    sources[1].unpublish()
    assert card not in client.get(series.url).content.decode()
