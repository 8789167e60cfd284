"""The neutral document tree every reader produces and the classifier reads.

Readers (plain text, Markdown, Word) know nothing about blocks; the classifier knows nothing
about file formats. Inline text is a sequence of segments with bold, italic and link marks, so
key terms (bold) and links survive whatever format they came from.
"""

import re
from dataclasses import dataclass, field, replace
from html import escape

URL_RE = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""
    line_break: bool = False
    # Which link of the text the segment belongs to: two links to one address stay two.
    link: int = 0


@dataclass(frozen=True)
class Inline:
    segments: tuple[Segment, ...] = ()

    @property
    def text(self):
        return "".join("\n" if s.line_break else s.text for s in self.segments).strip()

    @property
    def plain(self):
        """The text with link addresses written out, as a reader of the source saw it."""
        parts = []
        for segment in self.segments:
            if segment.line_break:
                parts.append("\n")
            elif segment.href and segment.text.strip() not in segment.href:
                parts.append(f"{segment.text} <{segment.href}>")
            else:
                parts.append(segment.text)
        return "".join(parts).strip()

    @property
    def html(self):
        parts = []
        for segment in _merge(self.segments):
            if segment.line_break:
                parts.append("<br/>")
                continue
            html = escape(segment.text, quote=False)
            if segment.italic:
                html = f"<i>{html}</i>"
            if segment.bold:
                html = f"<b>{html}</b>"
            if segment.href:
                html = f'<a href="{escape(segment.href)}">{html}</a>'
            parts.append(html)
        return "".join(parts).strip()

    @property
    def bold_parts(self):
        """Each run of bold text, stripped of surrounding punctuation."""
        runs, current = [], []
        for segment in self.segments:
            if segment.bold and not segment.line_break:
                current.append(segment.text)
            elif current:
                runs.append("".join(current))
                current = []
        if current:
            runs.append("".join(current))
        return [run.strip().strip(":").strip() for run in runs if run.strip().strip(":").strip()]

    @property
    def links(self):
        return [(s.text.strip(), s.href) for s in self.segments if s.href]

    def starts_bold(self):
        first = next((s for s in self.segments if s.text.strip() or s.line_break), None)
        return first is not None and first.bold

    def starts_with_label(self):
        """Whether it opens with a bold label ("**Infoplattform:** …"), not a bold subject."""
        if not self.starts_bold():
            return False
        bold, rest = "", ""
        for segment in self.segments:
            if rest or not (segment.bold or not segment.text.strip()):
                rest += segment.text
            else:
                bold += segment.text
        return bold.rstrip().endswith(":") or rest.lstrip().startswith((":", "– ", "- "))

    def without_leading_bold(self):
        """The inline text after its leading bold run (and a colon or dash after it)."""
        segments = list(self.segments)
        while segments and (segments[0].bold or not segments[0].text.strip()):
            segments.pop(0)
        if segments:
            first = segments[0]
            stripped = first.text.lstrip().lstrip(":–-").lstrip()
            segments[0] = replace(first, text=stripped)
        return Inline(tuple(segments))

    def split_at_break(self):
        """The segments before and after the first line break."""
        for position, segment in enumerate(self.segments):
            if segment.line_break:
                return Inline(self.segments[:position]), Inline(self.segments[position + 1 :])
        return self, Inline()

    def joined(self, other, line_break=True):
        glue = (Segment("", line_break=True),) if line_break else (Segment(" "),)
        return Inline(self.segments + glue + other.segments)

    def __bool__(self):
        return bool(self.text)


def plain(text):
    return Inline((Segment(text),)) if text else Inline()


def _merge(segments):
    """Neighbouring segments with the same marks as one, so a bold run is one <b>."""
    merged = []
    for segment in segments:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not segment.line_break
            and not previous.line_break
            and (previous.bold, previous.italic, previous.href, previous.link)
            == (segment.bold, segment.italic, segment.href, segment.link)
        ):
            merged[-1] = Segment(
                previous.text + segment.text,
                segment.bold,
                segment.italic,
                segment.href,
                link=segment.link,
            )
        else:
            merged.append(segment)
    return merged


@dataclass
class Heading:
    inline: Inline
    level: int = 2
    number: str = ""


@dataclass
class Paragraph:
    inline: Inline


@dataclass
class Item:
    inline: Inline
    ordered: bool = False
    children: list["Item"] = field(default_factory=list)


@dataclass
class ItemList:
    items: list[Item]


Node = Heading | Paragraph | ItemList


def list_html(items):
    """Nested <ul>/<ol> for items; a change between bullets and numbers starts a new list."""
    parts = []
    for ordered, group in _groups(items):
        tag = "ol" if ordered else "ul"
        inner = "".join(
            f"<li>{item.inline.html}{list_html(item.children) if item.children else ''}</li>"
            for item in group
        )
        parts.append(f"<{tag}>{inner}</{tag}>")
    return "".join(parts)


def _groups(items):
    groups = []
    for item in items:
        if groups and groups[-1][0] == item.ordered:
            groups[-1][1].append(item)
        else:
            groups.append((item.ordered, [item]))
    return groups


def nodes_html(nodes):
    """Paragraphs and lists as rich text; headings inside become bold paragraphs."""
    parts = []
    for node in nodes:
        if isinstance(node, ItemList):
            parts.append(list_html(node.items))
        elif isinstance(node, Heading):
            number = f"{node.number} " if node.number else ""
            parts.append(f"<p><b>{escape(number)}{node.inline.html}</b></p>")
        elif node.inline:
            parts.append(f"<p>{node.inline.html}</p>")
    return "".join(parts)


def is_url(href):
    return bool(URL_RE.match(href or ""))
