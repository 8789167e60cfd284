"""Search input as the site's search and the documentation index take it: bounded and clean.

The database search backends build one nested expression per term; a query of a few hundred
words exhausts Python's recursion limit there. A query is therefore cut to ``MAX_TERMS``
words and ``MAX_LENGTH`` characters, and the visitor is told so.

German is written with and without umlauts ("Mobilitaet", "Strasse" where a keyboard lacks
them): each word is searched in its spellings with and without them (``spellings``), at most
``MAX_SPELLINGS`` per word.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import parse_query_string

MAX_TERMS = 12
MAX_LENGTH = 200
MAX_SPELLINGS = 4

_TO_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_TO_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def spellings(word):
    """``word`` lower-cased, with umlauts and ß written out, and with "ae", "oe", "ue" (and
    then "ss") read as umlauts (and ß): "Mobilitaet" → mobilitaet, mobilität."""
    lower = word.lower()
    ascii_form = lower.translate(_TO_ASCII)
    umlaut_form = ascii_form
    for letters, umlaut in _TO_UMLAUTS:
        umlaut_form = umlaut_form.replace(letters, umlaut)
    forms = [lower, ascii_form, umlaut_form, umlaut_form.replace("ss", "ß")]
    return list(dict.fromkeys(forms))[:MAX_SPELLINGS]


def _with_spellings(query):
    # Each word of plain text becomes "any of its spellings"; phrases stay as typed.
    if isinstance(query, PlainText):
        words = []
        for word in query.query_string.split():
            forms = [PlainText(form) for form in spellings(word)]
            words.append(Or(forms) if len(forms) > 1 else forms[0])
        return And(words) if len(words) > 1 else words[0]
    if isinstance(query, And):
        return And([_with_spellings(subquery) for subquery in query.subqueries])
    return query


@dataclass(frozen=True)
class SearchQuery:
    text: str
    shortened: bool = False

    def __bool__(self):
        return bool(self.text)

    def parsed(self):
        """The query for ``.search()``, parsed: stray quotes or colons never reach the backend;
        each word in its spellings with and without umlauts."""
        return _with_spellings(parse_query_string(self.text)[1])

    @property
    def notice(self):
        if not self.shortened:
            return ""
        return gettext(
            "Your search was shortened: at most %(terms)d words and %(length)d characters "
            "are searched."
        ) % {"terms": MAX_TERMS, "length": MAX_LENGTH}


def _clean(text):
    # Line breaks and tabs separate words; other control and format characters (NUL, which
    # SQLite and PostgreSQL reject, escapes, zero-width spaces) are dropped.
    return "".join(
        " " if char.isspace() else char
        for char in unicodedata.normalize("NFC", text)
        if char.isspace() or not unicodedata.category(char).startswith("C")
    )


def search_query(raw):
    """A ``SearchQuery`` from what a visitor typed (``request.GET.get("q")``)."""
    words = _clean(raw or "").split()
    shortened = len(words) > MAX_TERMS
    text = " ".join(words[:MAX_TERMS])
    if len(text) > MAX_LENGTH:
        text, shortened = text[:MAX_LENGTH].rstrip(), True
    return SearchQuery(text, shortened)
