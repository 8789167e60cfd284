"""Fixtures: the two seed reports (copied into fixtures/), a site with meetings and records."""

import datetime
import re
from html import unescape
from pathlib import Path

import pytest

from strukturwandel.documentation.models import DocumentationIndexPage
from strukturwandel.events.models import EventSeriesPage
from tests.apps.documentation.conftest import add_meeting, publish

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STAMMTISCH = "stammtisch_2021-12-06.txt"
KICKOFF = "auftakt_2021-02-16.txt"


def fixture_bytes(name):
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def index(root_page):
    return publish(root_page, DocumentationIndexPage(title="Dokumentation", slug="dokumentation"))


@pytest.fixture
def series(root_page):
    return publish(root_page, EventSeriesPage(title="Strukturwandel-Stammtisch", slug="stammtisch"))


@pytest.fixture
def meetings(series):
    return [
        add_meeting(series, datetime.date(2021, 12, 6), "Zivilgesellschaftliche Netzwerke"),
        add_meeting(series, datetime.date(2022, 1, 24), "Lebendige Orte"),
        add_meeting(series, datetime.date(2022, 3, 7), "Jugendbeteiligung"),
        add_meeting(series, datetime.date(2022, 4, 25), "Stiftungen & Engagement"),
    ]


# Normalising for the round trip: markers, Markdown marks and punctuation go, words stay.
WORD_RE = re.compile(r"[^\W_]+")
MARKER_RE = re.compile(r"^\s*(?:[-*•◦▪·–o+>]|\d{1,3}[.)]?|[a-zA-Z][.)])\s+")


def words(text):
    return WORD_RE.findall(text)


def line_words(line):
    """A line's words without its list or section markers ("- 2. Punkt" → ["Punkt"])."""
    stripped = MARKER_RE.sub("", line)
    while stripped != line:
        line, stripped = stripped, MARKER_RE.sub("", stripped)
    return words(stripped)


def html_words(html, addresses=True):
    """The words a reader sees, with each link's address written after its text."""
    if addresses:
        html = re.sub(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', _link_text, html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return words(unescape(re.sub(r"<[^>]+>", " ", html)))


def _link_text(match):
    """A link as a reader of the source saw it: its text and its address, each once."""
    href, label = unescape(match.group(1)), match.group(2)
    shown = unescape(re.sub(r"<[^>]+>", "", label)).strip()
    # An address typed as the text (www.… linked as https://www.…, an umlaut domain the link
    # encodes) shows as typed.
    if shown.startswith(("http", "www.", "mailto")) or "@" in shown:
        return f" {label} "
    # The result is unescaped once more with the rest of the page: the address stays escaped.
    if shown and shown in href:
        return f" {match.group(1)} "
    return f" {label} {match.group(1)} "


def contains_in_order(haystack, needle, slack=3):
    """Whether ``needle``'s words appear in order within a window a few words wider.

    The slack allows what the page adds around a line ("Impuls von …", a section number).
    """
    if not needle:
        return True
    width = len(needle) + slack
    for start, word in enumerate(haystack):
        if word != needle[0]:
            continue
        position = 0
        for candidate in haystack[start : start + width]:
            if candidate == needle[position]:
                position += 1
                if position == len(needle):
                    return True
    return False


def missing_lines(text, output_words, shown_words=()):
    """Lines whose words are not in the output, in order (a few added words allowed) or run
    together (a link's text directly followed by a word reads as one word); ``shown_words``
    are the output's words without link addresses, for the latter."""
    joined = "".join(output_words) + " " + "".join(shown_words)
    return [
        line
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if line.strip()
        and not contains_in_order(output_words, line_words(line))
        and "".join(line_words(line)) not in joined
    ]
