"""German site search: the query's spellings and the backend's prefix and stem matching, on
the database the suite runs on (SQLite, or PostgreSQL with the german configuration)."""

import copy

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from strukturwandel.core import search_backend
from strukturwandel.core.models import ContentPage
from strukturwandel.core.search import search_query, spellings


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Mobilitaet", ["mobilitaet", "mobilität"]),
        ("Mobilität", ["mobilität", "mobilitaet"]),
        ("Strasse", ["strasse", "straße"]),
        ("Straße", ["straße", "strasse"]),
        ("Bürgerregion", ["bürgerregion", "buergerregion"]),
        ("Dorf", ["dorf"]),
        # At most four spellings, however many letter pairs a word has.
        ("Aeoeuess", ["aeoeuess", "äöüss", "äöüß"]),
    ],
)
def test_spellings_with_and_without_umlauts(word, expected):
    assert spellings(word) == expected


def test_the_parsed_query_is_each_word_in_its_spellings_and_phrases_as_typed():
    query = search_query('"Netzwerk Zukunft" Mobilitaet Dorf').parsed()
    assert isinstance(query, And)
    phrase, words = query.subqueries
    assert isinstance(phrase, Phrase) and phrase.query_string == "Netzwerk Zukunft"
    mobility, village = words.subqueries
    assert isinstance(mobility, Or)
    assert [part.query_string for part in mobility.subqueries] == ["mobilitaet", "mobilität"]
    assert isinstance(village, PlainText) and village.query_string == "dorf"


@pytest.fixture
def pages(root_page):
    made = {}
    for slug, title, intro in [
        ("jugend", "Jugendbeteiligung im Revier", "Wie junge Menschen mitreden."),
        ("doerfer", "Lebendige Orte", "Nachhaltige Dorfentwicklung und Dorfläden."),
        ("stiftungen", "Geld für Initiativen", "Stiftungen fördern Projekte vor Ort."),
        ("strasse", "Straßenfest", "Ein Fest für alle."),
        ("titel", "Dorfladen", "Einkaufen um die Ecke."),
    ]:
        page = ContentPage(title=title, slug=slug, intro=intro)
        root_page.add_child(instance=page)
        made[slug] = page
    return made


def _found(query):
    results = ContentPage.objects.live().search(search_query(query).parsed())
    return [page.slug for page in results]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Jugend", {"jugend"}),  # the start of a compound
        ("Dörfer", {"doerfer", "titel"}),  # another form: "dorf" and what starts with it
        ("Stiftung", {"stiftungen"}),
        ("Strassenfest", {"strasse"}),  # ß written as ss
        ("Dorf Ecke", {"titel"}),  # every word must match
        ("Jugendbeteiligung Dorf", set()),
        ("Ju", set()),  # too short to stand for longer words
    ],
)
def test_search_finds_german_words_by_their_parts_and_forms(pages, query, expected):
    assert set(_found(query)) == expected


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query")
def test_a_word_is_looked_up_in_the_title_or_the_text_not_in_both_joined(pages):
    # "title || body" is built for every page checked and no index serves it.
    with CaptureQueriesContext(connection) as queries:
        assert _found("Dorfladen") == ["titel", "doerfer"]
    searches = [query["sql"] for query in queries.captured_queries if "@@" in query["sql"]]
    assert searches
    for sql in searches:
        assert "||" not in sql.split(" WHERE ", 1)[1].split(" ORDER BY ")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Dorf Ecke", {"titel"}),  # one word in the title, the other in the text
        ("Einkaufen um die Ecke", {"titel"}),  # stop words, which PostgreSQL leaves out
        ("Dorfladen", {"titel", "doerfer"}),
        ("Straße", {"strasse"}),
        ('"Fest für alle"', {"strasse"}),
    ],
)
def test_words_are_found_wherever_the_page_has_them(pages, query, expected):
    assert set(_found(query)) == expected


@pytest.mark.django_db
def test_a_title_hit_comes_before_hits_in_the_text(pages):
    assert _found("Dorfladen")[0] == "titel"
    assert _found("Dorf")[0] == "titel"


@pytest.mark.django_db
def test_pages_of_hits_follow_one_ranking_and_its_count(root_page, django_assert_num_queries):
    for number in range(7):
        root_page.add_child(
            instance=ContentPage(title=f"Dorfladen {number}", slug=f"titel-{number}", intro="")
        )
        root_page.add_child(
            instance=ContentPage(
                title=f"Einkaufen {number}", slug=f"text-{number}", intro="Ein Dorfladen."
            )
        )
    root_page.add_child(
        instance=ContentPage(title="Dorfladen im Entwurf", slug="entwurf", intro="", live=False)
    )

    def search():
        return ContentPage.objects.live().search(search_query("Dorfladen").parsed())

    ranking = [page.slug for page in search()]
    assert len(ranking) == 14 and "entwurf" not in ranking
    # Title hits first, ties newest first.
    assert ranking == [f"titel-{n}" for n in range(6, -1, -1)] + [
        f"text-{n}" for n in range(6, -1, -1)
    ]
    paginator = Paginator(search(), 5)
    # The count and a page: on SQLite the ranking (with the count), then the page's pages.
    with django_assert_num_queries(2):
        assert paginator.count == 14
        second = [page.slug for page in paginator.page(2)]
    assert second == ranking[5:10]
    assert [page.slug for page in Paginator(search(), 5).page(3)] == ranking[10:]
    scored = list(search().annotate_score("score")[:3])
    assert [page.slug for page in scored] == ranking[:3]
    assert all(isinstance(page.score, float) for page in scored)


@pytest.mark.django_db
def test_the_backend_is_the_one_for_the_database():
    backend = get_search_backend()
    expected = {"postgresql": "GermanPostgresSearchBackend", "sqlite": "GermanSQLiteSearchBackend"}
    assert type(backend).__name__ == expected[connection.vendor]
    if connection.vendor == "postgresql":
        # Partial matches (autocomplete) stem German words too.
        assert backend.config == backend.autocomplete_config == "german"


@pytest.mark.django_db
def test_autocomplete_matches_the_start_of_every_word(pages):
    results = get_search_backend().autocomplete("Jugendbet", ContentPage)
    assert [page.slug for page in results] == ["jugend"]


# Analysis filters Elasticsearch and OpenSearch ship (the rest must be defined in the settings).
BUILT_IN_FILTERS = {"lowercase", "asciifolding", "german_normalization"}


@pytest.mark.django_db
def test_the_search_engine_configuration_analyses_german():
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
    from modelsearch.utils import deep_update

    from strukturwandel.core.search_backend import german_search_engine

    config = german_search_engine(["https://search.example.org:9200"], prefix="sw_")
    assert config["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert config["URLS"] == ["https://search.example.org:9200"]
    assert config["INDEX_PREFIX"] == "sw_"
    # As the backend applies INDEX_SETTINGS: over its own analysis.
    merged = deep_update(
        copy.deepcopy(ElasticsearchBaseSearchBackend.settings), config["INDEX_SETTINGS"]
    )
    analysis = merged["settings"]["analysis"]
    for name, analyzer in analysis["analyzer"].items():
        for used in analyzer["filter"]:
            assert used in BUILT_IN_FILTERS or used in analysis["filter"], (name, used)
    # Text is indexed with its words' starts and searched without them, in German.
    assert analysis["analyzer"]["default"]["filter"][-1] == "word_start"
    assert "word_start" not in analysis["analyzer"]["default_search"]["filter"]
    assert analysis["filter"]["german_stemmer"]["language"] == "light_german"
    assert analysis["filter"]["german_stop"]["stopwords"] == "_german_"
    word_start = analysis["filter"]["word_start"]
    ngram_spread = max(
        spec["max_gram"] - spec["min_gram"]
        for spec in analysis["filter"].values()
        if "max_gram" in spec
    )
    assert merged["settings"]["index"]["max_ngram_diff"] >= ngram_spread
    assert word_start["min_gram"] == search_backend.PREFIX_MIN_LENGTH
    # Partial matches (autocomplete) fold umlauts the German way too.
    assert "german_normalization" in analysis["analyzer"]["edgengram_analyzer"]["filter"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query")
@pytest.mark.parametrize(
    "query",
    [
        search_query("Dorfladen").parsed(),
        search_query("Strassenfest").parsed(),
        search_query("Einkaufen um die Ecke").parsed(),
        search_query('"Dorfentwicklung und" Dorfläden').parsed(),
        search_query("und die").parsed(),
        PlainText("und"),
        PlainText("Dorf und Ecke", operator="or"),
        PlainText("Einkaufen-um-die-Ecke"),  # words a hyphen joins
        PlainText("und oder", operator="or"),
        Or([PlainText("und"), PlainText("Fest")]),
        And([PlainText("Dorf"), Not(PlainText("Ecke"))]),
        Not(PlainText("Dorf")),
        Phrase("um die Ecke"),
    ],
)
def test_the_hits_are_those_of_both_columns_joined(pages, monkeypatch, query):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    found = {page.slug for page in ContentPage.objects.live().search(query)}
    # modelsearch's own lookup: "title || body" @@ the whole query.
    compiler = type(get_search_backend()).query_compiler_class
    monkeypatch.setattr(compiler, "search", PostgresSearchQueryCompiler.search)
    assert {page.slug for page in ContentPage.objects.live().search(query)} == found
