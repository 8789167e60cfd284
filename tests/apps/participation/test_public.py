"""What visitors see: accepted suggestions (no personal data) on the series, topic and
suggestion pages with the meeting that took each up; the directory of published cards with
its filters, search and pages at a fixed number of queries; visitor input always escaped."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from strukturwandel.participation.models import (
    BusinessCard,
    Status,
    TopicSuggestion,
)

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("x")</script>'


@pytest.fixture
def suggestions(topic, other_topic, meeting):
    accepted = TopicSuggestion.objects.create(
        title=f"Dorfläden {EVIL}",
        description="Wie halten wir Läden?",
        topic_field=topic,
        name="Geheim Name",
        email="geheim@example.org",
        status=Status.PLANNED,
        meeting=meeting,
    )
    TopicSuggestion.objects.create(
        title="Neu und ungeprüft", description="x", topic_field=topic, status=Status.NEW
    )
    TopicSuggestion.objects.create(
        title="Abgelehnt", description="x", topic_field=topic, status=Status.DECLINED
    )
    other = TopicSuggestion.objects.create(
        title="Windkraft vor Ort", description="y", topic_field=other_topic, status="accepted"
    )
    return accepted, other


def test_the_series_page_shows_accepted_suggestions_and_the_ways_to_take_part(
    client, series, suggestions, suggestion_page, offer_page, meeting
):
    html = client.get(series.url).content.decode()
    part = html.split('id="mitmachen"', 1)[1].split("</section>", 1)[0]
    assert "Themensammlung: Fragen, Ideen, Anregungen" in html
    assert "Dorfläden &lt;script&gt;" in part and EVIL not in html
    assert "Windkraft vor Ort" in part
    assert "Neu und ungeprüft" not in part and "Abgelehnt" not in part
    assert "Geheim Name" not in html and "geheim@example.org" not in html
    assert f'href="{meeting.url}"' in part and "Aufgegriffen bei:" in part
    assert f'href="{suggestion_page.url}"' in part and f'href="{offer_page.url}"' in part


def test_a_private_meeting_is_not_linked(client, series, suggestions, meeting):
    meeting.unpublish()
    html = client.get(series.url).content.decode()
    assert "Dorfläden" in html and "Aufgegriffen bei:" not in html


def test_the_topic_page_shows_its_suggestions_and_the_form_link(
    client, topic_index, topic, suggestions, suggestion_page
):
    html = client.get(topic_index.url + topic.slug + "/").content.decode()
    part = html.split('id="themenvorschlaege"', 1)[1].split("</section>", 1)[0]
    assert "Dorfläden &lt;script&gt;" in part and "Windkraft" not in part
    assert f'href="{suggestion_page.url}?themenfeld={topic.slug}"' in part


def test_without_pages_and_suggestions_the_parts_are_left_out(client, series, topic_index, topic):
    assert 'id="mitmachen"' not in client.get(series.url).content.decode()
    topic_page = client.get(topic_index.url + topic.slug + "/").content.decode()
    assert 'id="themenvorschlaege"' not in topic_page


def test_the_suggestion_page_lists_what_was_taken_up(client, suggestion_page, suggestions):
    html = client.get(suggestion_page.url).content.decode()
    assert "Bisher aufgegriffene Vorschläge" in html and "Windkraft vor Ort" in html
    assert EVIL not in html


def make_cards(count, prefix="Karte", **fields):
    now = timezone.now()
    values = {
        "region": "leipzig",
        "offers": "Räume",
        "email": "owner@example.org",
        "status": Status.PUBLISHED,
        "confirmed_at": now,
    }
    values.update(fields)
    return BusinessCard.objects.bulk_create(
        BusinessCard(name=f"{prefix} {number:03}", **values) for number in range(count)
    )


def directory_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


# site, page route (2); the topic fields of the filter; cards: count, the page's cards, their
# topic fields (one query for all). The view restrictions (Wagtail's check before serving)
# are read once per change of the content.
DIRECTORY_QUERIES = 7


def test_directory_shows_only_published_confirmed_cards_and_paginates(
    client, directory, topic, settings
):
    settings.STRUKTURWANDEL = {**settings.STRUKTURWANDEL, "PARTICIPATION_CARDS_PER_PAGE": 5}
    cards = make_cards(12)
    for card in cards:
        card.topic_fields.add(topic)
    make_cards(1, prefix="Unbestätigt", confirmed_at=None)
    make_cards(1, prefix="Noch neu", status=Status.NEW)
    client.get(directory.url)
    html, queries = directory_queries(client, directory.url)
    assert queries == DIRECTORY_QUERIES
    assert "12 Visitenkarten" in html and "Seite 1 von 3" in html
    assert "Karte 000" in html and "Karte 005" not in html and "Unbestätigt" not in html
    assert "Noch neu" not in html and "owner@example.org" not in html
    html, queries = directory_queries(client, directory.url, page=3)
    assert queries == DIRECTORY_QUERIES
    assert "Karte 011" in html and "Seite 3 von 3" in html
    # Pages beyond the end show the last page; nonsense shows the first.
    assert "Karte 011" in directory_queries(client, directory.url, page=99)[0]
    assert "Karte 000" in directory_queries(client, directory.url, page="x")[0]


def test_directory_filters_and_search(client, directory, topic, other_topic):
    make_cards(2, region="saalekreis")
    (leipzig,) = make_cards(1, region="leipzig", organisation="Dorfladen e.V.")
    leipzig.name = "Leipziger Karte"
    leipzig.save()
    leipzig.topic_fields.add(other_topic)
    client.get(directory.url)  # the first request after a change reads the view restrictions
    html, queries = directory_queries(client, directory.url, region="saalekreis")
    assert "2 Visitenkarten" in html and "Leipziger Karte" not in html
    assert queries == DIRECTORY_QUERIES
    html, queries = directory_queries(client, directory.url, thema=other_topic.slug)
    assert "1 Visitenkarte<" in html and "Leipziger Karte" in html
    # and the topic field the filter names
    assert queries == DIRECTORY_QUERIES + 1
    html, _ = directory_queries(client, directory.url, q="dorfladen leipziger")
    assert "Leipziger Karte" in html and "1 Visitenkarte<" in html
    html, _ = directory_queries(client, directory.url, q="nichts davon")
    assert "Keine Visitenkarte passt" in html
    html, _ = directory_queries(client, directory.url, region="leipzig", q="x" * 101)
    # A filter that cannot be used says why and shows every card.
    assert "höchstens 100 Zeichen" in html and 'id="id_q-error"' in html
    assert 'aria-describedby="id_q-error"' in html and "3 Visitenkarten" in html
    html, _ = directory_queries(client, directory.url, region="mars", thema="gibt-es-nicht")
    assert "3 Visitenkarten" in html


def test_pagination_keeps_the_filters(client, directory, settings):
    settings.STRUKTURWANDEL = {**settings.STRUKTURWANDEL, "PARTICIPATION_CARDS_PER_PAGE": 2}
    make_cards(5, region="saalekreis")
    html, _ = directory_queries(client, directory.url, region="saalekreis")
    assert "?region=saalekreis&amp;page=2" in html


def test_contact_only_where_the_owner_agreed_and_input_is_escaped(client, directory):
    (shown,) = make_cards(1, public_contact="kontakt@example.org")
    shown.name = EVIL
    shown.offers = f"Beratung {EVIL}\nund mehr"
    shown.website = "https://example.org/?a=1&b=2"
    shown.save()
    (hidden,) = make_cards(1, email="privat@example.org")
    html = client.get(directory.url).content.decode()
    assert EVIL not in html and "&lt;script&gt;" in html
    assert "kontakt@example.org" in html and "privat@example.org" not in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html
    assert "Beratung &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>und mehr" in html
