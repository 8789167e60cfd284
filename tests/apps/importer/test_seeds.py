"""The two seed reports convert with every impulse, speaker, point, key term and link in place.

Pure conversion: no database, speakers typed. ``test_import`` covers records and rendering.
"""

import datetime
from html import escape

import pytest

from strukturwandel.importer.convert import convert

from .conftest import KICKOFF, STAMMTISCH, fixture_bytes, html_words, missing_lines


@pytest.fixture(scope="module")
def stammtisch():
    return convert(STAMMTISCH, fixture_bytes(STAMMTISCH))


@pytest.fixture(scope="module")
def kickoff():
    return convert(KICKOFF, fixture_bytes(KICKOFF))


def blocks(conversion, block_type):
    return [value for kind, value in conversion.body if kind == block_type]


def speakers(impulse):
    return [(s["name"], s["organisation_name"]) for s in impulse["speakers"]]


def test_stammtisch_heading_fills_title_date_and_topic(stammtisch):
    document = stammtisch.document
    assert document.title == "Strukturwandel-Stammtisch am 06.12.2021"
    assert document.date == datetime.date(2021, 12, 6)
    assert document.topic == "Zivilgesellschaftliche Netzwerke"
    assert document.preamble == []


def test_stammtisch_impulses(stammtisch):
    first, second = blocks(stammtisch, "impulse")
    assert speakers(first) == [("David Loesche", "Gesellschaftsdenken e.V.")]
    assert speakers(second) == [("Andreas Rauhut", "AkSLL"), ("Rüdiger Brumme", "AkSLL")]
    assert first["links"] == [
        {"label": "Website und weitere Infos", "url": "https://gesellschaftsdenken.org/"}
    ]
    assert "mehrere Tausend Gespräche" in first["key_points"]
    assert first["key_points"].count("<li>") == 2
    assert second["links"] == [
        {"label": "www.ak-strukturwandel.de", "url": "https://www.ak-strukturwandel.de"}
    ]
    # The link inside the sentence stays in the key points, as a link.
    assert '<a href="https://ak-strukturwandel.de">' in second["key_points"]
    assert "<li>offene Gruppe die sich für einen nachhaltigen" in second["key_points"]
    assert "Ökokirche Deutzen" in second["key_points"]
    assert "mitmachen@ak-strukturwandel.de" in second["key_points"]


def test_stammtisch_discussion(stammtisch):
    [discussion] = blocks(stammtisch, "discussion")
    assert discussion["heading"] == "Hauptpunkte aus der Diskussion"
    points = discussion["points"]
    assert [p["key_term"] for p in points] == [
        "Transparenz",
        "Bürgerregion Lausitz",
        "Beteiligungs- und Gesprächsangebote",
        "Bildungsangebote",
        "nachhaltige Transformation",
        "Kinder und Jugendliche",
        "Kunst und Kultur",
        "Schaffung einer Infoplattform",
        "",
    ]
    # A bold subject stays in its sentence; a bold label ("…:") opens the point.
    assert points[0]["text"].startswith("<p>Es fehlt im Strukturwandel")
    assert "<b>Transparenz</b>" in points[0]["text"]
    assert points[7]["text"].startswith("<p>Studierende der Burg Giebichenstein")
    assert [len(p["sub_points"]) for p in points] == [0, 2, 0, 2, 0, 0, 0, 0, 0]
    assert points[1]["sub_points"][0].startswith("<p>Es gilt, Vereine und Initiativen")
    assert "klimafit" in points[3]["sub_points"][1]
    assert points[7]["follow_up"].startswith("Auch das Strukturwandel-Bündnis bringt")
    assert [bool(p["follow_up"]) for p in points].count(True) == 1
    assert 'href="https://padlet.com/elsaesser/m5bzyimm1w9soeqy"' in points[8]["text"]


def test_stammtisch_next_dates_and_networking(stammtisch):
    # Without a site to compare with, the dates stay text, all of them.
    assert blocks(stammtisch, "next_dates") == []
    assert [v["text"] for v in blocks(stammtisch, "heading")] == [
        "Nächste Strukturwandel-Stammtische"
    ]
    [dates] = [v for v in blocks(stammtisch, "paragraph") if "24.01.2022" in v]
    for line in ("07.03.2022, 17:00-18:30 Uhr, Thema: Jugendbeteiligung", "25.04.2022"):
        assert line in dates
    [section] = stammtisch.document.sections[3:4]
    assert section.dates == [
        datetime.date(2022, 1, 24),
        datetime.date(2022, 3, 7),
        datetime.date(2022, 4, 25),
    ]
    [networking] = blocks(stammtisch, "networking")
    assert networking["heading"] == "Weitere Vernetzung"
    assert "<b>digitale Visitenkarten</b>" in networking["text"]
    assert networking["links"] == [
        {
            "label": "padlet.com/elsaesser/muj7sbtjvh47udp2",
            "url": "https://padlet.com/elsaesser/muj7sbtjvh47udp2",
        }
    ]


def test_kickoff_report(kickoff):
    document = kickoff.document
    assert document.title == "Ein Strukturwandel-Bündnis für das Mitteldeutsche Revier"
    assert document.date == datetime.date(2021, 2, 16)
    first, second = blocks(kickoff, "impulse")
    assert first["title"] == "Initiierungs-Idee"
    assert speakers(first) == [
        ("Ralf Elsässer", "Landesverband Nachhaltiges Sachsen e.V."),
        ("Frank Ernst", "Netzwerk Zukunft Sachsen-Anhalt e.V."),
    ]
    assert first["links"][0]["url"] == (
        "https://www.kosa21.de/attachments/article/2320/Hintergrundtext_Umfrage_final.pdf"
    )
    assert second["title"] == "Vorstellung der Umfrageergebnisse"
    assert speakers(second) == [("Leon Huff", "Landesverband Nachhaltiges Sachsen e.V.")]
    assert "<b>Demokratie, Partizipation &amp; Engagement</b>" in second["key_points"]
    assert [v["text"] for v in blocks(kickoff, "heading")] == [
        "Austausch mit der Bürgerregion Lausitz",
        "Die weitere Bündnisarbeit: Schwerpunkte und Arbeitsgruppen",
        "Nächste Schritte",
    ]
    paragraphs = "".join(blocks(kickoff, "paragraph"))
    # Nested links of the Lausitz section and the numbered working groups keep their lists.
    assert '<li>Lange Version: <a href="https://www.youtube.com/watch?v=KxNjBQSIEOk">' in paragraphs
    assert "<ol><li><b>AG 1: Nachhaltige Dorfentwicklung:</b>" in paragraphs
    assert "Ich möchte mich aktiv an einem Koordinierungskreis beteiligen." in paragraphs


@pytest.mark.parametrize("name", [STAMMTISCH, KICKOFF])
def test_nothing_is_lost(name):
    """Every line's words are in the blocks (the page test checks the rendered page)."""
    conversion = convert(name, fixture_bytes(name))
    document = conversion.document
    # Title and topic go to the page's title and the meeting (the import keeps an unmatched one).
    heading = escape(f"{document.title} Thema: {document.topic}")
    output = html_words(heading + " " + body_text(conversion.body))
    assert missing_lines(fixture_bytes(name).decode(), output) == []


def body_text(body):
    """The text of block values as the page shows it: an impulse's heading names its speakers.

    Rich-text fields are HTML already; plain fields (headings, names, key terms) are escaped.
    """
    from django.utils import translation

    from strukturwandel.documentation.blocks import ImpulseBlock

    parts = []
    with translation.override("de"):
        for kind, value in body:
            if kind == "impulse":
                parts.append(escape(str(ImpulseBlock().section_title(value))))
            if kind == "heading":
                parts.append(escape(value["text"]))
            else:
                parts.extend(_strings(value))
    return " ".join(parts)


RICH = {"key_points", "intro", "note", "text", "sub_points"}


def _strings(item, rich=True):
    if isinstance(item, dict):
        return [text for key, child in item.items() for text in _strings(child, key in RICH)]
    if isinstance(item, list | tuple):
        return [text for child in item for text in _strings(child, rich)]
    if isinstance(item, str):
        return [item if rich else escape(item)]
    return []
