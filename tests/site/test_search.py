import pytest

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
