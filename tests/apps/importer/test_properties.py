"""Property-based: no input crashes the converter, and every non-empty line is in the output."""

from html import escape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from strukturwandel.importer.convert import ImportFileError, convert

from .conftest import html_words, line_words, missing_lines
from .test_seeds import body_text

# Lines built from what reports are made of: markers, numbers, bold, links, arrows, indents.
PIECES = st.sampled_from(
    [
        "- ",
        "* ",
        "• ",
        "o ",
        "  - ",
        "\t- ",
        "1 ",
        "2. ",
        "3) ",
        "a) ",
        "**",
        "*",
        "➔ ",
        ": ",
        "Impuls ",
        "Diskussion",
        "Nächste Termine",
        "Vernetzung",
        "Thema: ",
        " und ",
        "/",
        ",",
        "(",
        ")",
        "e.V.",
        "<https://example.org/a>",
        "[Text](https://example.org/b)",
        "[x](#)",
        "www.example.org",
        "24.01.2022",
        "31.02.2022",
        "Anna Beispiel",
        "Straße",
        "&amp;",
        "<b>",
        "`",
        "_",
        "#",
        "> ",
        "    ",
        "\\",
        "!",
        "[",
        "]",
        "e.V., ",
        "Zeile",
    ]
)
LINE = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=8).map("".join)
DOCUMENT = st.lists(LINE, max_size=25).map("\n".join)
# No example database: nothing is written into the project folder, every run starts fresh.
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def output_html(conversion):
    document = conversion.document
    return escape(f"{document.title} Thema: {document.topic} ") + body_text(conversion.body)


def lost(text, conversion):
    html = output_html(conversion)
    return missing_lines(text, html_words(html), html_words(html, addresses=False))


@SETTINGS
@given(DOCUMENT)
def test_plain_text_never_crashes_and_loses_no_line(text):
    try:
        conversion = convert("bericht.txt", text.encode())
    except ImportFileError:
        assert not text.strip() or "\x00" in text
        return
    assert lost(text, conversion) == []


@SETTINGS
@given(DOCUMENT)
# Found by this test: a quoted list marker; a typed address between links.
@example("> 2. ")
@example("Diskussion[x](#)www.example.org[Text](https://example.org/b)")
def test_markdown_never_crashes_and_loses_no_line(text):
    try:
        conversion = convert("bericht.md", text.encode())
    except ImportFileError:
        return
    assert lost(text, conversion) == []


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_a_conversion_or_a_clear_error(data):
    for name in ("bericht.txt", "bericht.md", "bericht.docx"):
        try:
            convert(name, data)
        except ImportFileError as error:
            assert str(error)


@pytest.mark.parametrize("line", ["- Punkt", "1) Punkt", "\t• Punkt", "**Fett**: Text"])
def test_line_words_drop_markers_only(line):
    assert "Punkt" in line_words(line) or "Fett" in line_words(line)
