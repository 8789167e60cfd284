"""Other shapes of the same kind of report: numbering, nesting, line ends, encodings, Word."""

import datetime
import io
import zipfile

import docx
import pytest

from strukturwandel.importer.convert import ImportFileError, convert
from strukturwandel.importer.convert.classify import parse_impulse_heading
from strukturwandel.importer.convert.reading import MAX_SIZE

REPORT = """Stammtisch am 24.01.2022
Thema: Lebendige Orte

{one} Impuls: Leerstand beleben – Anna Beispiel und Bert Muster (Verein A e.V./Initiative B)

- Erster Punkt
{indent}- Unterpunkt mit **Fett**
{indent}{indent}- noch tiefer
- Zweiter Punkt

{two} Diskussion

* **Mobilität:** Busse fahren zu selten
{indent}* → Wir fragen beim Landkreis nach
• Ein Punkt ohne Schlagwort
o Ein Punkt mit „o“ als Aufzählungszeichen

{three} Sonstiges

Ein Absatz, den niemand zuordnen kann.
"""


def report(one="1", two="2", three="3", indent="  ", newline="\n"):
    text = REPORT.format(one=one, two=two, three=three, indent=indent)
    return text.replace("\n", newline).encode()


def kinds(conversion):
    return [kind for kind, _value in conversion.body]


@pytest.mark.parametrize(
    "numbers", [("1", "2", "3"), ("1.", "2.", "3."), ("1)", "2)", "3)"), ("4", "9", "12")]
)
def test_numbering_styles(numbers):
    conversion = convert("bericht.txt", report(*numbers))
    assert kinds(conversion) == ["impulse", "discussion", "heading", "paragraph"]
    impulse = conversion.body[0][1]
    assert impulse["title"] == "Leerstand beleben"
    assert [(s["name"], s["organisation_name"]) for s in impulse["speakers"]] == [
        ("Anna Beispiel", "Verein A e.V."),
        ("Bert Muster", "Initiative B"),
    ]


@pytest.mark.parametrize("indent", ["  ", " ", "\t", "    "])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_nesting_by_tabs_or_spaces_and_any_line_end(indent, newline):
    conversion = convert("bericht.txt", report(indent=indent, newline=newline))
    impulse, discussion = conversion.body[0][1], conversion.body[1][1]
    assert impulse["key_points"] == (
        "<ul><li>Erster Punkt<ul><li>Unterpunkt mit <b>Fett</b>"
        "<ul><li>noch tiefer</li></ul></li></ul></li><li>Zweiter Punkt</li></ul>"
    )
    points = discussion["points"]
    assert [p["key_term"] for p in points] == ["Mobilität", "", ""]
    assert points[0]["text"] == "<p>Busse fahren zu selten</p>"
    assert points[0]["follow_up"] == "Wir fragen beim Landkreis nach"
    assert points[2]["text"] == "<p>Ein Punkt mit „o“ als Aufzählungszeichen</p>"
    assert conversion.document.topic == "Lebendige Orte"


def test_missing_and_extra_sections():
    text = "Bericht\n\n1 Rückblick\n\nWas war.\n\n2 Ausblick\n\n- Was kommt\n"
    conversion = convert("bericht.txt", text.encode())
    assert kinds(conversion) == ["heading", "paragraph", "heading", "paragraph"]
    assert conversion.body[3][1] == "<ul><li>Was kommt</li></ul>"


def test_text_before_any_section_is_kept():
    conversion = convert("notiz.txt", b"Kurz notiert\n\nEin Absatz.\nNoch eine Zeile.\n")
    assert conversion.document.title == "Kurz notiert"
    assert conversion.body == [("paragraph", "<p>Ein Absatz.<br/>Noch eine Zeile.</p>")]


def test_only_the_first_lines_give_the_topic():
    # A web page's list of next dates has "Thema:" lines: none of them is the report's topic.
    text = (
        "Rückblick der Initiative\n\nWir treffen uns regelmäßig.\n\n"
        "Mo, 24.01.2022, 17:00 Uhr\n\nThema: Lebendige Orte\n\nAnmeldung bald möglich\n"
    )
    conversion = convert("seite.txt", text.encode())
    assert conversion.document.topic == ""
    assert "<p>Mo, 24.01.2022, 17:00 Uhr</p><p>Thema: Lebendige Orte</p>" in conversion.body[0][1]
    # A line that only gives the date still belongs to the first lines.
    text = "Stammtisch\n\nOnline am 24.01.2022\n\nThema: Lebendige Orte\n\nEin Absatz.\n"
    conversion = convert("bericht.txt", text.encode())
    assert conversion.document.topic == "Lebendige Orte"
    assert conversion.document.date == datetime.date(2022, 1, 24)


def test_a_line_left_of_the_bullets_ends_the_list():
    # Web pages copied as text indent their bullets; the paragraph after them is no part.
    text = (
        "Bericht\n\nDazu zählten:\n  • die erste Anregung.\n  • die zweite Anregung.\n"
        "Die Anregungen werden eingearbeitet.\n\n- Pinnwand:\n<https://example.org/pinnwand>\n"
    )
    conversion = convert("bericht.txt", text.encode())
    assert conversion.body == [
        (
            "paragraph",
            "<p>Dazu zählten:</p><ul><li>die erste Anregung.</li><li>die zweite Anregung.</li>"
            "</ul><p>Die Anregungen werden eingearbeitet.</p><ul><li>Pinnwand:<br/>"
            '<a href="https://example.org/pinnwand">https://example.org/pinnwand</a></li></ul>',
        )
    ]


def test_a_long_paragraph_before_any_section_stays_one_paragraph():
    # Its time per line: benchmarks/importer.py (once minutes for a large file).
    lines = [f"Zeile {number} eines langen Absatzes ohne Leerzeile" for number in range(2_000)]
    conversion = convert("notiz.txt", "\n".join(lines).encode())
    assert conversion.document.title == lines[0]
    assert conversion.body[0][1].count("<br/>") == len(lines) - 2


def test_the_lines_below_a_bullet_continue_its_item():
    # Its time per line: benchmarks/importer.py (once minutes for a large file).
    lines = [f"Zeile {number} setzt den Punkt fort" for number in range(2_000)]
    conversion = convert("notiz.txt", ("Notiz\n\n- Punkt\n" + "\n".join(lines)).encode())
    assert conversion.body[0][1].startswith("<ul><li>Punkt<br/>Zeile 0 setzt")
    assert conversion.body[0][1].count("<br/>") == len(lines)


def test_numbered_items_are_no_headings():
    text = "Titel\n\n1. Initiierungs-Idee\n\nText.\n\n1. **AG 1:** Dorf\n2. **AG 2:** Stadt\n"
    conversion = convert("bericht.txt", text.encode())
    assert conversion.body[0] == ("heading", {"text": "Initiierungs-Idee", "level": "h2"})
    assert "<ol><li><b>AG 1:</b> Dorf</li><li><b>AG 2:</b> Stadt</li></ol>" in conversion.body[1][1]


@pytest.mark.parametrize(
    "heading,title,speakers",
    [
        (
            "David Loesche (Gesellschaftsdenken e.V.)",
            "",
            [("David Loesche", "Gesellschaftsdenken e.V.")],
        ),
        ("A Eins/B Zwei (AkSLL)", "", [("A Eins", "AkSLL"), ("B Zwei", "AkSLL")]),
        ("A Eins (X e.V.), B Zwei (Y)", "", [("A Eins", "X e.V."), ("B Zwei", "Y")]),
        ("von A Eins & B Zwei", "", [("A Eins", ""), ("B Zwei", "")]),
        ("Gespräche im Straßencafé – C Drei", "Gespräche im Straßencafé", [("C Drei", "")]),
        ("zur Lage im revier", "zur Lage im revier", []),
        ("", "", []),
    ],
)
def test_impulse_headings(heading, title, speakers):
    parsed_title, parsed = parse_impulse_heading(heading)
    assert parsed_title == title
    assert [(s.name, s.organisation) for s in parsed] == speakers


def test_windows_1252_and_byte_order_mark():
    text = "Stammtisch\n\n1 Impuls Jörg Müller (Verein für Straßenbäume)\n\n- Grüße\n"
    for data in (text.encode("cp1252"), b"\xef\xbb\xbf" + text.encode()):
        impulse = convert("bericht.txt", data).body[0][1]
        assert impulse["speakers"][0]["name"] == "Jörg Müller"
        assert impulse["speakers"][0]["organisation_name"] == "Verein für Straßenbäume"


def test_markdown():
    text = (
        "# Strukturwandel-Stammtisch am 06.12.2021\n\nThema: Netzwerke\n\n"
        "## 1 Impuls Anna Beispiel (Verein e.V.)\n\n- Punkt\n  - Unterpunkt\n\n"
        "## Hauptpunkte aus der Diskussion\n\n- **Transparenz** fehlt\n  - ➔ Wir bleiben dran\n\n"
        "## Weitere Vernetzung\n\n[Pinnwand](https://padlet.example.org/karten)\n\n"
        "<script>alert(1)</script>\n"
    )
    conversion = convert("bericht.md", text.encode())
    assert conversion.document.title == "Strukturwandel-Stammtisch am 06.12.2021"
    assert conversion.document.topic == "Netzwerke"
    impulse, discussion, networking = (value for _kind, value in conversion.body)
    assert impulse["speakers"][0]["name"] == "Anna Beispiel"
    assert impulse["key_points"] == "<ul><li>Punkt<ul><li>Unterpunkt</li></ul></li></ul>"
    assert discussion["points"][0]["key_term"] == "Transparenz"
    assert discussion["points"][0]["follow_up"] == "Wir bleiben dran"
    assert networking["links"] == [
        {"label": "Pinnwand", "url": "https://padlet.example.org/karten"}
    ]
    # Raw HTML is text, never markup.
    assert "&lt;script&gt;" in networking["text"] and "<script>" not in networking["text"]


def word_file():
    document = docx.Document()
    document.add_heading("Strukturwandel-Stammtisch am 06.12.2021", level=0)
    document.add_paragraph("Thema: Zivilgesellschaftliche Netzwerke")
    document.add_heading("1 Impuls Anna Beispiel/Bert Muster (Verein e.V.)", level=1)
    document.add_paragraph("Erster Punkt", style="List Bullet")
    document.add_paragraph("Unterpunkt", style="List Bullet 2")
    document.add_heading("2 Hauptpunkte aus der Diskussion", level=1)
    point = document.add_paragraph(style="List Bullet")
    point.add_run("Transparenz").bold = True
    point.add_run(" fehlt noch immer.")
    document.add_paragraph("➔ Wir stimmen uns ab.", style="List Bullet 2")
    document.add_paragraph("Eine Unterfrage", style="List Bullet 2")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Zelle links"
    table.cell(0, 1).text = "Zelle rechts"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_file_with_headings_bold_runs_and_nested_lists():
    conversion = convert("bericht.docx", word_file())
    assert conversion.document.title == "Strukturwandel-Stammtisch am 06.12.2021"
    assert conversion.document.topic == "Zivilgesellschaftliche Netzwerke"
    assert kinds(conversion) == ["impulse", "discussion", "paragraph"]
    impulse, discussion, table = (value for _kind, value in conversion.body)
    assert [s["name"] for s in impulse["speakers"]] == ["Anna Beispiel", "Bert Muster"]
    assert impulse["key_points"] == "<ul><li>Erster Punkt<ul><li>Unterpunkt</li></ul></li></ul>"
    [point] = discussion["points"]
    assert point["key_term"] == "Transparenz"
    assert point["text"] == "<p><b>Transparenz</b> fehlt noch immer.</p>"
    assert point["follow_up"] == "Wir stimmen uns ab."
    assert point["sub_points"] == ["<p>Eine Unterfrage</p>"]
    assert "Zelle links" in table and "Zelle rechts" in table


def zipped(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("leer.txt", b"", "leer"),
        ("leer.md", b"  \n\t\r\n", "keinen Text"),
        ("bild.png", b"\x89PNG", "Nicht unterstütztes Format"),
        ("ohne", b"Text", "keine Dateiendung"),
        ("kaputt.docx", b"PK no zip", "keine Word-Datei"),
        ("fremd.docx", zipped(**{"hallo.txt": "hallo"}), "beschädigt. Bitte speichern Sie"),
        ("binär.txt", b"Text\x00mit Nullbyte", "weder UTF-8 noch Windows-1252"),
        ("undefiniert.txt", b"\x81\x8d\x8f", "weder UTF-8 noch Windows-1252"),
        ("riesig.txt", b"a" * (MAX_SIZE + 1), "größer als 5 MB"),
    ],
)
def test_malformed_files_get_a_clear_error(name, data, message):
    with pytest.raises(ImportFileError, match=message):
        convert(name, data)


def test_headings_with_nothing_below_stay_headings():
    # An impulse or networking block with nothing in it would show an empty section.
    conversion = convert("notiz.md", b"# Notiz\n\n## 1 Impuls\n\n## 2 Vernetzung\n")
    assert [block_type for block_type, _value in conversion.body] == ["heading", "heading"]
