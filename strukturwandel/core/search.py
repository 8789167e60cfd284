"""Search input as the site's search and the documentation index take it: bounded and clean.

The database search backends build one nested expression per term; a query of a few hundred
words exhausts Python's recursion limit there. A query is therefore cut to ``MAX_TERMS``
words and ``MAX_LENGTH`` characters, and the visitor is told so.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext
from wagtail.search.utils import parse_query_string

MAX_TERMS = 12
MAX_LENGTH = 200


@dataclass(frozen=True)
class SearchQuery:
    text: str
    shortened: bool = False

    def __bool__(self):
        return bool(self.text)

    def parsed(self):
        """The query for ``.search()``, parsed: stray quotes or colons never reach the backend."""
        return parse_query_string(self.text)[1]

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
