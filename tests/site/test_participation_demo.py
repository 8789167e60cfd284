"""The demo's participation: the topic collection and "Selbst etwas vorstellen" from the
series page, accepted suggestions on the topic pages, and the directory at /vernetzung/ with
fictional cards marked as examples."""

import pytest
from django.contrib.auth.models import Group

from strukturwandel.participation.models import BusinessCard, Status, TopicSuggestion
from strukturwandel.topics.models import TopicFieldIndexPage

pytestmark = pytest.mark.django_db


def test_the_series_page_offers_both_forms(client, demo):
    html = client.get("/stammtisch/").content.decode()
    part = html.split('id="mitmachen"', 1)[1].split("</section>", 1)[0]
    assert "Themensammlung: Fragen, Ideen, Anregungen" in html
    assert 'href="/themensammlung/"' in part and 'href="/selbst-vorstellen/"' in part
    assert "Junge Menschen in Beteiligungsprozessen" in part
    assert "Gemeinschaftsgärten" not in part  # still new: not shown


def test_topic_pages_lead_to_the_form_and_show_what_was_taken_up(client, demo):
    index = TopicFieldIndexPage.objects.get()
    assert index.suggestion_page.slug == "themensammlung"
    html = client.get("/themenfelder/demokratie-beteiligung/").content.decode()
    assert "Junge Menschen in Beteiligungsprozessen" in html
    assert html.count('href="/themensammlung/"') == 1
    form = client.get("/themensammlung/").content.decode()
    assert 'name="vorschlag-title"' in form


def test_the_directory_shows_the_published_example_cards(client, demo):
    html = client.get("/vernetzung/").content.decode()
    assert "erfundene Beispiele" in html
    published = BusinessCard.objects.filter(status=Status.PUBLISHED)
    assert "4 Visitenkarten" in html and published.count() == 4
    assert all("(Beispiel)" in card.name for card in BusinessCard.objects.all())
    assert "Unbestätigte Karte" not in html
    assert all(card.email.endswith("@example.org") for card in BusinessCard.objects.all())
    assert (
        "Altenburger Land"
        in client.get("/vernetzung/", {"region": "altenburger-land"}).content.decode()
    )


def test_demo_entries_are_fictional_and_load_demo_adds_nothing_twice(demo):
    from django.core.management import call_command

    counts = (TopicSuggestion.objects.count(), BusinessCard.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (TopicSuggestion.objects.count(), BusinessCard.objects.count()) == counts
    assert all("Beispiel" in s.description for s in TopicSuggestion.objects.all())
    organisation = Group.objects.get(name="Organisation")
    assert organisation.permissions.filter(codename="moderate_participation").exists()
