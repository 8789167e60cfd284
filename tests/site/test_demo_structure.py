"""The demo's topic fields, working groups, people and organisations."""

import io

import pytest
from django.core.management import call_command

from home.demo import sections
from home.models import HomePage
from strukturwandel.core.models import ContentPage
from strukturwandel.groups.models import GroupStatus, WorkingGroupPage
from strukturwandel.people.models import Organisation, Person
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage

pytestmark = pytest.mark.django_db


def _load_demo():
    call_command("load_demo", stdout=io.StringIO())


def test_demo_has_the_topic_fields_of_the_stammtisch(client):
    _load_demo()
    names = list(TopicField.objects.values_list("name", flat=True))
    for name in [
        "Klimaschutz & Energiewende",
        "Mobilität und lokale Infrastruktur",
        "Nachhaltiges Wirtschaften",
        "Strukturwandel-Strukturen",
        "Engagement und Zivilgesellschaft",
        "…und mehr",
    ]:
        assert name in names
    assert names[-1] == "…und mehr"
    html = client.get("/themenfelder/").content.decode()
    assert '<a href="/themenfelder/klimaschutz-energiewende/">' in html
    assert client.get("/themenfelder/strukturwandel-strukturen/").status_code == 200


def test_demo_invites_topic_suggestions_by_email(client):
    """ "…und mehr" asks for suggestions: the index and topic pages link to how to send one."""
    _load_demo()
    link = '<a class="sw-button sw-button--secondary" href="/thema-vorschlagen/">'
    for path in ["/themenfelder/", "/themenfelder/und-mehr/"]:
        assert link + "Thema vorschlagen</a>" in client.get(path).content.decode(), path
    html = client.get("/thema-vorschlagen/").content.decode()
    assert "<h1>Thema vorschlagen</h1>" in html
    assert 'href="mailto:themen@nachhaltiges-sachsen.example.org"' in html
    # A second run keeps the page and an editor's other choice.
    index = TopicFieldIndexPage.objects.get()
    other = ContentPage.objects.get(slug="netzwerk-zukunft-regional")
    index.suggestion_page = other
    index.save_revision().publish()
    _load_demo()
    assert ContentPage.objects.filter(slug="thema-vorschlagen").count() == 1
    assert TopicFieldIndexPage.objects.get().suggestion_page_id == other.pk


def test_demo_has_the_working_groups_of_the_alliance(client):
    _load_demo()
    groups = {group.slug: group for group in WorkingGroupPage.objects.live()}
    assert [str(g.display_name) for g in WorkingGroupPage.objects.live().order_by("path")] == [
        "AG 1: Nachhaltige Dorfentwicklung",
        "AG 2: Transparenz und Beteiligung",
        "AG 3: Interne Struktur und Vernetzung",
        "Koordinierungskreis",
    ]
    ag3 = groups["ag-3-interne-struktur-und-vernetzung"]
    assert ag3.status == GroupStatus.MERGED
    assert ag3.merged_into_id == groups["koordinierungskreis"].pk

    html = client.get("/arbeitsgruppen/ag-3-interne-struktur-und-vernetzung/").content.decode()
    assert 'Aufgegangen in <a href="/arbeitsgruppen/koordinierungskreis/">' in html
    html = client.get("/arbeitsgruppen/ag-1-nachhaltige-dorfentwicklung/").content.decode()
    assert "gegründet am Di, 16.02.2021" in html
    assert "alex.platzhalter@example.org" in html
    # The reports name no member organisations; the demo invents none.
    assert all(not group.member_organisations.exists() for group in groups.values())
    assert "Mitgliedsorganisationen" not in html
    # What the groups' pages show is the state of the reports, and says so.
    assert "<i>In dieser Demo</i> zeigen die Seiten den Stand der Berichte" in (
        client.get("/arbeitsgruppen/").content.decode()
    )
    assert "derzeit" not in groups["ag-2-transparenz-und-beteiligung"].purpose
    assert groups["ag-2-transparenz-und-beteiligung"].status == GroupStatus.ACTIVE


def test_demo_organisations_and_people(client):
    _load_demo()
    partners = set(
        Organisation.objects.filter(is_alliance_partner=True).values_list("name", flat=True)
    )
    assert {
        "Landesverband Nachhaltiges Sachsen e.V.",
        "Netzwerk Zukunft Sachsen-Anhalt e.V.",
        "Aktionskreis Strukturwandel Leipziger Land",
    } <= partners
    assert all(p.email.endswith("@example.org") for p in Person.objects.all())
    # The fictional people stand in for real ones: no role the reports do not give.
    assert not Person.objects.exclude(role="").exists()


def test_load_demo_replaces_an_earlier_topics_content_page(client):
    """Demo databases from before the topic index had a content page at /themenfelder/."""
    _load_demo()
    home = HomePage.objects.get()
    home.get_children().get(slug="themenfelder").delete()
    old = ContentPage(title="Themenfelder", slug="themenfelder", show_in_menus=True)
    home.add_child(instance=old)
    old.save_revision().publish()

    _load_demo()

    page = home.get_children().get(slug="themenfelder")
    assert page.specific_class is TopicFieldIndexPage
    assert page.live and page.show_in_menus
    assert not ContentPage.objects.filter(slug="themenfelder").exists()
    assert "Klimaschutz &amp; Energiewende" in client.get("/themenfelder/").content.decode()


def test_topics_section_keeps_a_replaced_page_with_children():
    _load_demo()
    home = HomePage.objects.get()
    home.get_children().get(slug="themenfelder").delete()
    old = ContentPage(title="Themenfelder", slug="themenfelder")
    home.add_child(instance=old)
    old.add_child(instance=ContentPage(title="Unterseite", slug="unterseite"))
    assert sections.build_topics_section(home).specific_class is ContentPage


def test_sitemap_lists_every_topic_page(client):
    _load_demo()
    xml = client.get("/sitemap.xml").content.decode()
    assert "/themenfelder/</loc>" in xml
    for slug in TopicField.objects.values_list("slug", flat=True):
        assert f"/themenfelder/{slug}/</loc>" in xml
    assert "/arbeitsgruppen/koordinierungskreis/</loc>" in xml
