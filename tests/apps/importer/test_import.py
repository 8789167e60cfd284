"""Importing into a site: records matched or created, the meeting linked, the page rendered."""

import pytest
from django.test import Client

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.importer.importing import import_file
from strukturwandel.importer.models import CreatedRecord
from strukturwandel.people.models import Organisation, Person

from .conftest import KICKOFF, STAMMTISCH, fixture_bytes, html_words, missing_lines

pytestmark = pytest.mark.django_db


def test_seed_004_becomes_a_draft_linked_to_its_meeting(index, meetings):
    existing = Organisation.objects.create(
        name="Aktionskreis Strukturwandel Leipziger Land", short_name="AkSLL"
    )
    result = import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index)
    assert result.ok, result.error
    page = DocumentationPage.objects.get(pk=result.page.pk)
    assert not page.live
    assert page.meeting == meetings[0]
    assert page.title == "Strukturwandel-Stammtisch am 06.12.2021"
    types = [block.block_type for block in page.body]
    assert types == ["impulse", "impulse", "discussion", "next_dates", "networking"]
    # The meeting has the topic: the "Thema:" line is not repeated in the body.
    first, second = page.body[0].value, page.body[1].value
    assert first["speakers"][0]["person"].name == "David Loesche"
    # A new person is created with the organisation; the block shows it through the record.
    assert first["speakers"][0]["person"].organisation.name == "Gesellschaftsdenken e.V."
    assert [s["person"].name for s in second["speakers"]] == ["Andreas Rauhut", "Rüdiger Brumme"]
    assert {s["person"].organisation for s in second["speakers"]} == {existing}
    assert page.body[3].value["count"] == 3
    created = CreatedRecord.objects.filter(page=page)
    assert sorted(r.person.name for r in created if r.person) == [
        "Andreas Rauhut",
        "David Loesche",
        "Rüdiger Brumme",
    ]
    assert [r.organisation.name for r in created if r.organisation] == ["Gesellschaftsdenken e.V."]
    assert Person.objects.get(name="Andreas Rauhut").organisation == existing
    assert any("Meeting linked" in line or "Treffen verknüpft" in line for line in result.lines)


def test_existing_people_are_chosen_not_created(index, meetings):
    person = Person.objects.create(name="David Loesche")
    import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index)
    assert Person.objects.filter(name="David Loesche").count() == 1
    assert not CreatedRecord.objects.filter(person=person).exists()


def test_published_page_renders_every_line_of_the_seed(index, meetings):
    result = import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index, publish=True)
    assert result.published
    response = Client().get(result.page.url)
    assert response.status_code == 200
    html = response.content.decode()
    text = fixture_bytes(STAMMTISCH).decode()
    # The next dates are read live from the meetings: their day and topic show.
    for day, topic in [("24.01.2022", "Lebendige Orte"), ("07.03.2022", "Jugendbeteiligung")]:
        assert day in html and topic in html
    date_lines = [line for line in text.splitlines() if "17:00-18:30" in line]
    assert len(date_lines) == 3
    rest = "\n".join(line for line in text.splitlines() if line not in date_lines)
    assert missing_lines(rest, html_words(html)) == []


def test_kickoff_report_renders_every_line_without_a_meeting(index):
    result = import_file(KICKOFF, fixture_bytes(KICKOFF), index, publish=True)
    assert result.ok, result.error
    assert result.page.meeting is None
    html = Client().get(result.page.url).content.decode()
    assert missing_lines(fixture_bytes(KICKOFF).decode(), html_words(html)) == []


def test_next_dates_stay_text_without_matching_meetings(index, series):
    result = import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index)
    page = DocumentationPage.objects.get(pk=result.page.pk)
    assert "next_dates" not in [block.block_type for block in page.body]
    paragraph = next(
        b.value.source
        for b in page.body
        if b.block_type == "paragraph" and "24.01.2022" in b.value.source
    )
    assert "Jugendbeteiligung" in paragraph
    # Without a meeting the topic line is kept at the top.
    assert "Zivilgesellschaftliche Netzwerke" in page.body[0].value.source


def test_dry_run_saves_nothing(index, meetings):
    result = import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index, dry_run=True)
    assert result.ok and result.lines
    assert not DocumentationPage.objects.exists()
    assert not Person.objects.exists() and not Organisation.objects.exists()


def test_a_failing_file_leaves_nothing(index, meetings, monkeypatch):
    from strukturwandel.importer import importing

    def refuse(page):
        raise importing.ValidationError("kaputt")

    # Records for the speakers are made before the page is checked: all of it is rolled back.
    monkeypatch.setattr(importing, "validate", refuse)
    result = import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index)
    assert not result.ok and "kaputt" in result.error
    assert not DocumentationPage.objects.exists()
    assert not Person.objects.exists() and not Organisation.objects.exists()


def test_a_meeting_documented_already_is_not_linked_again(index, meetings):
    import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index)
    again = import_file(STAMMTISCH, fixture_bytes(STAMMTISCH), index)
    assert again.ok and again.page.meeting is None
    assert "„Strukturwandel-Stammtisch am 06.12.2021“ hat schon eine Dokumentationsseite" in (
        " ".join(again.lines)
    )
    # The next dates stay text because the report is not linked, not for want of a meeting.
    assert again.lines[-1] == (
        "Nächste Termine als Text übernommen: "
        "der Bericht ist mit keinem Treffen der Website verknüpft."
    )
    assert again.page.slug == "strukturwandel-stammtisch-am-06122021-1"


def test_addresses_a_link_block_refuses_stay_links_in_the_text(index):
    text = (
        "Stammtisch\n\n1 Impuls Anna Beispiel (Verein Muster e.V.)\n\n"
        "- Kontakt: <mailto:anna@example.org>\n- Seite: [Verein](https://-kaputt-.example.org/)\n\n"
        "2 Weitere Vernetzung\n\n- Post: <mailto:info@example.org>\n- <https://example.org/karten>\n"
    )
    result = import_file("bericht.txt", text.encode(), index)
    assert result.ok, result.error
    impulse, networking = (block.value for block in result.page.body)
    assert not impulse["links"]
    assert 'href="mailto:anna@example.org"' in impulse["key_points"].source
    assert "https://-kaputt-.example.org/" in impulse["key_points"].source
    assert [link["url"] for link in networking["links"]] == ["https://example.org/karten"]
    assert 'href="mailto:info@example.org"' in networking["text"].source


def test_an_empty_markdown_heading_is_left_out(index):
    result = import_file("bericht.md", b"# Bericht\n\n##\n\nEin Absatz.\n", index)
    assert result.ok, result.error
    assert [(block.block_type, block.value.source) for block in result.page.body] == [
        ("paragraph", "<p>Ein Absatz.</p>")
    ]
