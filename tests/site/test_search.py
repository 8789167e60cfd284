import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from strukturwandel.events.models import EventSeriesPage, MeetingPage, MeetingStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query", ['"', "'", '"Netzwerk', "Netzwerk'", "a:b", '""', "' '", "\x00", "a\x00b"]
)
def test_search_survives_stray_query_syntax(client, demo, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200


def test_search_still_finds_phrases_and_words(client, demo):
    html = client.get("/suche/", {"q": '"Netzwerk Zukunft Regional"'}).content.decode()
    assert 'href="/netzwerk-zukunft-regional/"' in html


def _search_hits(html):
    return html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]


def test_search_results_show_type_date_and_teaser(client, demo):
    hits = _search_hits(client.get("/suche/", {"q": "Stammtisch"}).content.decode())
    meeting = MeetingPage.objects.get(url_path__endswith="/stammtisch/2022-04-25/")
    assert (
        'Treffen · <time datetime="2022-04-25">Mo, 25.04.2022</time></p>\n'
        f'            <p class="search-result__description">{meeting.teaser}</p>'
    ) in hits
    assert "Veranstaltungsreihe</p>" in hits
    # A cancelled meeting says so (the demo places it relative to today).
    cancelled = MeetingPage.objects.get(status=MeetingStatus.CANCELLED)
    day = timezone.localdate(cancelled.start)
    assert f"{day:%d.%m.%Y}</time> · <strong>Abgesagt</strong>" in hits
    assert hits.count("<strong>Abgesagt</strong>") == 1

    hits = _search_hits(client.get("/suche/", {"q": "Auftaktveranstaltung"}).content.decode())
    assert 'Bündnisbericht · <time datetime="2021-02-16">Di, 16.02.2021</time>' in hits

    hits = _search_hits(client.get("/suche/", {"q": "Dorfentwicklung"}).content.decode())
    assert ">AG 1: Nachhaltige Dorfentwicklung</a></h3>" in hits

    # A documentation's date is its meeting's.
    hits = _search_hits(client.get("/suche/", {"q": "Dokumentation Stammtisch"}).content.decode())
    assert 'Treffensdokumentation · <time datetime="2021-12-06">Mo, 06.12.2021</time>' in hits


def _add_meetings(count, word):
    series = EventSeriesPage.objects.get()
    start = timezone.make_aware(datetime.datetime(2030, 1, 7, 17))
    for number in range(count):
        day = start + datetime.timedelta(weeks=number)
        series.add_child(
            instance=MeetingPage(
                title=f"{word} {number}",
                slug=f"{word.lower()}-{number}",
                start=day,
                end=day + datetime.timedelta(hours=1),
                topic=word,
                teaser=f"{word} am Montag",
            )
        )


def test_search_results_take_the_same_queries_for_one_hit_and_ten(
    client, demo, django_assert_num_queries
):
    _add_meetings(1, "Einzeltermin")
    _add_meetings(12, "Reihentermin")
    client.get("/suche/", {"q": "Einzeltermin"})  # warm the content type cache
    # Count, the hits' ids and types by relevance (on SQLite: count and order in one query,
    # the ids and types of the page in another), the specific meetings (one query per page
    # type among the hits), the topic fields' search, site. The view restrictions, the site
    # settings, the topic index and the main navigation are read once per change.
    for word in ("Einzeltermin", "Reihentermin"):
        with django_assert_num_queries(5):
            html = client.get("/suche/", {"q": word}).content.decode()
        assert f'<p class="search-result__description">{word} am Montag</p>' in html


def test_search_finds_only_pages_of_the_site_it_is_served_on(client, demo):
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Braunkohlefolgelandschaft Sonderseite", slug="andere-website")
    )
    Site.objects.create(hostname="andere.example.org", root_page=other_home)
    ours = client.get("/suche/", {"q": "Braunkohlefolgelandschaft"}).content.decode()
    assert "Sonderseite" not in ours
    theirs = client.get(
        "/suche/", {"q": "Braunkohlefolgelandschaft"}, headers={"host": "andere.example.org"}
    )
    assert "Sonderseite" in theirs.content.decode()


@pytest.mark.parametrize("path", ["/suche/", "/dokumentation/"])
@pytest.mark.parametrize("words", [160, 600])
def test_a_query_of_many_words_is_shortened_and_said(client, demo, path, words):
    # Unbounded, such a query nests the search backend's query builder until RecursionError
    # (PostgreSQL from about 154 words, SQLite from about 458).
    query = " ".join(f"wort{number}" for number in range(words))
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ihre Suche wurde gekürzt" in html
    assert "wort11" in html and "wort12 " not in html


def test_a_long_query_is_cut_to_its_maximum_length(client, demo):
    response = client.get("/suche/", {"q": "Netzwerk" + "x" * 5000})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ihre Suche wurde gekürzt" in html
    assert "x" * 201 not in html


def test_control_characters_and_runs_of_spaces_are_normalised(client, demo):
    response = client.get("/suche/", {"q": "Netzwerk\x01\x1b  \t Zukunft\u200b"})
    assert response.context["search_query"] == "Netzwerk Zukunft"
    assert "Ihre Suche wurde gekürzt" not in response.content.decode()


def _hit_titles(client, query):
    html = client.get("/suche/", {"q": query}).content.decode()
    if '<ol class="search-results">' not in html:
        return []
    return [
        part.split("</a></h3>", 1)[0].rsplit(">", 1)[1]
        for part in _search_hits(html).split('<h3 class="search-result__title">')[1:]
    ]


KICKOFF = "Ein Strukturwandel-Bündnis für das Mitteldeutsche Revier: die Auftaktveranstaltung"


# The same hits on SQLite and on PostgreSQL (CI runs this file on both).
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The first part of a compound finds it: "Jugendbeteiligung", "Dorfentwicklung",
        # "Energiewende", "Braunkohlerevier".
        ("Jugend", "Strukturwandel-Stammtisch am 07.03.2022"),
        ("Dorf", "AG 1: Nachhaltige Dorfentwicklung"),
        ("Energie", "Strukturwandel-Stammtisch am 01.11.2021"),
        ("Braunkohle", "Offenes Treffen des Aktionskreises Strukturwandel Leipziger Land"),
        # Another form of the word: "Dörfer" → "Dorf…", "Stiftung" → "Stiftungen",
        # "transparent" → "transparenter".
        ("Dörfer", "AG 1: Nachhaltige Dorfentwicklung"),
        ("Stiftung", "Strukturwandel-Stammtisch am 25.04.2022"),
        ("transparent", KICKOFF),
        # Without umlauts or ß where the text has them.
        ("Mobilitaet", "Dokumentation: Strukturwandel-Stammtisch am 06.12.2021"),
        ("Buergerregion", KICKOFF),
        ("Strassencafe", "Strukturwandel-Stammtisch am 06.12.2021"),
        # A working group by its contact people and member organisations.
        ("Alex Platzhalter", "AG 1: Nachhaltige Dorfentwicklung"),
    ],
)
def test_german_words_are_found_by_their_parts_forms_and_spellings(client, demo, query, expected):
    assert expected in _hit_titles(client, query)


def test_title_hits_come_first(client, demo):
    # "Dorf" is in AG 1's title, and in the text of the others.
    assert _hit_titles(client, "Dorf")[0] == "AG 1: Nachhaltige Dorfentwicklung"
    assert _hit_titles(client, "Dörfer")[0] == "AG 1: Nachhaltige Dorfentwicklung"
    _add_meetings(1, "Kohlekommission")
    series = EventSeriesPage.objects.get()
    meeting = series.get_children().get(slug="kohlekommission-0").specific
    meeting.title = "Wasserstoff im Revier"
    meeting.teaser = "Kohlekommission, Kohlekommission und noch einmal Kohlekommission"
    meeting.save_revision().publish()
    _add_meetings(1, "Kohlekommissionsbericht")
    titles = _hit_titles(client, "Kohlekommission")
    assert titles == ["Kohlekommissionsbericht 0", "Wasserstoff im Revier"]


def test_topic_fields_are_found_and_tag_their_pages(client, demo):
    from strukturwandel.topics.models import TopicField

    html = client.get("/suche/", {"q": "Mobilitaet"}).content.decode()
    topics = html.split('<ul class="search-topics__list">', 1)[1].split("</ul>", 1)[0]
    assert (
        '<a href="/themenfelder/mobilitaet-infrastruktur/">Mobilität und lokale Infrastruktur</a>'
        in topics
    )
    _add_meetings(1, "Sondertermin")
    meeting = MeetingPage.objects.get(slug="sondertermin-0")
    meeting.topic_fields.add(TopicField.objects.create(name="Wasserstoffwirtschaft", slug="h2"))
    meeting.save_revision().publish()
    html = client.get("/suche/", {"q": "Wasserstoff"}).content.decode()
    assert '<a href="/themenfelder/h2/">Wasserstoffwirtschaft</a>' in html
    assert ">Sondertermin 0</a></h3>" in _search_hits(html)


def test_a_search_without_hits_suggests_topics_and_upcoming_meetings(
    client, demo, django_assert_num_queries
):
    client.get("/suche/", {"q": "Quantencomputer"})  # warm the content type cache
    # Count, the topic fields' search, the upcoming meetings with their documentation links
    # (their cards show no topic fields), site. The view restrictions, the site settings, the
    # topic index and the main navigation are read once per change of the content.
    with django_assert_num_queries(5):
        html = client.get("/suche/", {"q": "Quantencomputer"}).content.decode()
    assert "0 Treffer für „Quantencomputer“" in html
    assert '<a href="/themenfelder/">Alle Themenfelder im Überblick</a>' in html
    suggestions = html.split('<div class="search-suggestions">', 1)[1]
    upcoming = MeetingPage.objects.live().filter(end__gt=timezone.now()).order_by("start")[:3]
    for meeting in upcoming:
        assert f'href="{meeting.url}"' in suggestions
