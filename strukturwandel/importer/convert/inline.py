"""Inline Markdown (bold, italic, links, autolinks) into segments, with markdown-it-py.

Reports written in pads and word processors use Markdown's inline marks even in plain text
(``**Transparenz**``, ``<https://…>``, ``[klimafit](#)``), so plain text goes through here too.
Raw HTML is never passed through: it stays text.
"""

import re

from markdown_it import MarkdownIt

from .tree import Inline, Segment, is_url

# Entities and images are left as typed: "&amp;" stays as written, an image keeps its address.
_MD = MarkdownIt("commonmark", {"html": False}).disable(["entity", "image"])

# A star between letters is a gender star ("Vertreter*innen"), not emphasis.
_GENDER_STAR = re.compile(r"(?<=\w)\*(?=\w)")
# Bare addresses become autolinks unless they already are a link's target or label.
_BARE_URL = re.compile(r"(?<![<(\[\w/\\])((?:https?://|www\.)[\w\-.~:/?#@!$&'*+,;=%]*[\w/#=&%~+-])")

_CODE_SPAN = re.compile(r"(`+[^`]*`+)")


def parse_inline(source):
    """Segments of one line or paragraph of inline Markdown (lines joined by line breaks)."""
    # Outside code spans only: inside them every character is shown as typed.
    source = "".join(
        part if position % 2 else _BARE_URL.sub(_autolink, _GENDER_STAR.sub(r"\\*", part))
        for position, part in enumerate(_CODE_SPAN.split(source))
    )
    tokens = _MD.parseInline(source)
    segments = []
    for token in tokens:
        segments.extend(_segments(token.children or []))
    return Inline(tuple(segments))


def _autolink(match):
    url = match.group(1)
    if not url.isascii():
        # "www.example.orgNächste" or an umlaut domain: left as typed rather than guessed.
        return url
    return f"<{url}>" if url.lower().startswith("http") else f"[{url}](https://{url})"


def _segments(children):
    segments = []
    bold = italic = 0
    href = ""
    label_start = 0
    link = 0
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = token.attrGet("href") or ""
            label_start = len(segments)
            link += 1
        elif kind == "link_close":
            if not is_url(href):
                # A link without a usable address ("#", a relative path) keeps its text;
                # a real target is written after it so nothing the author typed is lost.
                segments[label_start:] = [
                    Segment(s.text, s.bold, s.italic, "", s.line_break)
                    for s in segments[label_start:]
                ]
                if href and href != "#":
                    segments.append(Segment(f" ({href})"))
            href = ""
        elif kind in ("softbreak", "hardbreak"):
            segments.append(Segment("", line_break=True))
        elif kind in ("text", "code_inline", "html_inline"):
            segments.append(
                Segment(token.content, bool(bold), bool(italic), href, link=link if href else 0)
            )
    return segments
