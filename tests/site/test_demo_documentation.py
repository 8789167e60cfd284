import html as html_module
import re

import pytest
from django.core.management import call_command

from strukturwandel.documentation.models import (
    DocumentationIndexPage,
    DocumentationPage,
    ReportPage,
)
from strukturwandel.events.models import MeetingPage

pytestmark = pytest.mark.django_db


def squash(html):
    return re.sub(r"\s+", " ", html)


def test_demo_documentation_of_the_stammtisch(client, demo):
    page = DocumentationPage.objects.get(slug="stammtisch-2021-12-06")
    assert page.live and page.meeting.topic == "Zivilgesellschaftliche Netzwerke"
    html = squash(client.get(page.url).content.decode())
    assert "1</span> Impuls: Gespräche im Straßencafé" in html
    assert "Paula Probe" in html and "Gesellschaftsdenken e.V." in html
    assert "3</span> Hauptpunkte aus der Diskussion" in html
    assert '<strong class="sw-key-term">Transparenz:</strong>' in html
    assert '<strong class="sw-key-term">Schaffung einer Infoplattform:</strong>' in html
    assert "4</span> Nächste Strukturwandel-Stammtische" in html
    for topic in ["Lebendige Orte", "Jugendbeteiligung", "Stiftungen &amp; Engagement"]:
        assert f"Thema: {topic}" in html
    assert "https://pinnwand.example.org/stammtisch/visitenkarten" in html
    assert 'class="sw-toc"' in html


def test_demo_reports_with_group_updates_and_survey(client, demo):
    kickoff = ReportPage.objects.get(slug="auftaktveranstaltung-2021-02-16")
    html = squash(client.get(kickoff.url).content.decode())
    # The report gives the number of answers, not how they divide: the demo invents no counts.
    assert "151 Antworten" in html
    assert 'class="sw-survey' not in html
    # Its networking section points at the site's own directory of business cards.
    networking = html.split('sw-networking"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/vernetzung/">Vernetzung: digitale Visitenkarten</a>' in networking
    may = ReportPage.objects.get(slug="buendnistreffen-2021-05-27")
    html = squash(client.get(may.url).content.decode())
    assert "Update: AG 1: Nachhaltige Dorfentwicklung" in html
    assert "Leitbild und Arbeitsstruktur" in html
    assert may.updated_groups.count() == 3


def test_demo_index_lists_newest_first(client, demo):
    index = DocumentationIndexPage.objects.get(slug="dokumentation")
    html = client.get(index.url).content.decode()
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)
    assert titles[0].startswith("Dokumentation: Strukturwandel-Stammtisch am 06.12.2021")
    assert titles[1].startswith("Dokumentation: Strukturwandel-Stammtisch am 01.11.2021")
    assert titles[2] == "Strukturwandel-Bündnistreffen im Mai"
    assert "Auftaktveranstaltung" in titles[3]
    assert client.get(index.url, {"q": "Gesellschaftsdenken"}).status_code == 200
    assert "06.12.2021" in client.get(index.url, {"q": "Infoplattform"}).content.decode()


def test_load_demo_replaces_an_old_content_page_at_the_documentation_slug(db):
    from home.demo import sections, site
    from strukturwandel.core.models import ContentPage

    _site, home = site.build_home()
    old = ContentPage(slug="dokumentation", title="Dokumentation und Berichte")
    home.add_child(instance=old)
    old.save_revision().publish()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not ContentPage.objects.filter(slug="dokumentation").exists()
    assert DocumentationIndexPage.objects.get(slug="dokumentation").get_children().count() == 4
    assert isinstance(sections.build_documentation_section(home), DocumentationIndexPage)


@pytest.mark.parametrize(
    "query",
    ["Infoplattform", "Gesellschaftsdenken", "Straßencafé", "Visitenkarte"],
)
def test_site_search_finds_text_inside_documentation_blocks(client, demo, query):
    page = DocumentationPage.objects.get(slug="stammtisch-2021-12-06")
    html = client.get("/suche/", {"q": query}).content.decode()
    assert f'href="{page.url}"' in html, query


def test_site_search_finds_group_updates_in_reports(client, demo):
    may = ReportPage.objects.get(slug="buendnistreffen-2021-05-27")
    html = client.get("/suche/", {"q": "Querschnittsaufgabe"}).content.decode()
    assert f'href="{may.url}"' in html


def _meta_description(client, path):
    html = client.get(path).content.decode()
    descriptions = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(descriptions) <= 1, path
    return html_module.unescape(descriptions[0]) if descriptions else None


def test_meta_description_falls_back_to_teaser_and_summary(client, demo):
    meeting = MeetingPage.objects.get(url_path__endswith="/stammtisch/2021-12-06/")
    documentation = DocumentationPage.objects.get(meeting=meeting)
    assert not meeting.search_description and not documentation.search_description
    assert _meta_description(client, meeting.url) == meeting.teaser
    assert _meta_description(client, documentation.url) == documentation.summary

    # What the editor wrote for search engines comes first.
    meeting.search_description = "Kurz gesagt: Netzwerke im Revier."
    meeting.save_revision().publish()
    assert _meta_description(client, meeting.url) == "Kurz gesagt: Netzwerke im Revier."


def test_meta_description_of_rich_text_is_plain_and_short(client, demo):
    report = ReportPage.objects.get(slug="auftaktveranstaltung-2021-02-16")
    report.summary = ""
    report.intro = "<p>Erster Absatz &amp; mehr.</p><p>" + "Zweiter Absatz " * 30 + "</p>"
    report.save_revision().publish()
    description = _meta_description(client, report.url)
    assert description.startswith("Erster Absatz & mehr. Zweiter Absatz Zweiter")
    assert len(description) == 200 and description.endswith("…")


@pytest.mark.parametrize(
    "params",
    [
        {"jahr": "0000"},
        {"jahr": "١٩٩٩"},
        {"jahr": "2021\x00"},
        {"thema": "\x00"},
        {"thema": "nicht-vorhanden"},
        {"art": "<script>"},
        {"page": "-1"},
        {"page": "9" * 400},
    ],
)
def test_index_ignores_filters_it_does_not_offer(client, demo, params):
    unfiltered = client.get("/dokumentation/")
    response = client.get("/dokumentation/", params)
    assert response.status_code == 200
    assert response.context["is_filtered"] is False
    assert (
        response.context["page_obj"].paginator.count
        == unfiltered.context["page_obj"].paginator.count
    )


def test_index_keeps_filters_it_offers(client, demo):
    response = client.get("/dokumentation/", {"jahr": "2021", "art": "bericht"})
    assert response.context["selected"]["jahr"] == "2021"
    assert response.context["selected"]["art"] == "bericht"
    assert 'value="2021" selected' in response.content.decode()


def test_every_past_meeting_of_the_seeds_with_a_documentation_link_has_it(client, demo):
    """The association's page links the documentation of 01.11.2021; the demo does too, and
    says that it does not have its content."""
    meeting = MeetingPage.objects.get(url_path__endswith="/stammtisch/2021-11-01/")
    documentation = DocumentationPage.objects.get(meeting=meeting)
    assert documentation.live
    link = f'href="{documentation.url}"'
    assert link in client.get(meeting.url).content.decode()
    assert link in client.get("/stammtisch/").content.decode()
    html = squash(client.get(documentation.url).content.decode())
    assert "<i>in dieser Demo</i> liegt ihr Inhalt nicht vor" in html
    assert "https://www.nachhaltiges-sachsen.de/detail/strukturwandel-stammtisch.asp" in html


def test_a_follow_up_links_the_meeting_that_takes_it_up(client, demo):
    page = DocumentationPage.objects.get(slug="stammtisch-2021-12-06")
    youth = MeetingPage.objects.get(url_path__endswith="/stammtisch/2022-03-07/")
    html = squash(client.get(page.url).content.decode())
    assert (
        f'<a href="{youth.url}">Vertiefung beim Strukturwandel-Stammtisch am 07.03.2022.</a>'
        in html
    )
    # The meeting links back to the discussion that suggested it.
    back = squash(client.get(youth.url).content.decode())
    assert f'href="{page.url}"' in back
    assert f"Angeregt in: {page.title}" in back
