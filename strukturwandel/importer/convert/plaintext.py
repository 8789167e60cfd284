"""Plain text (and pads exported as text) into the document tree.

Structure is read from the lines: numbered section headings ("1 Impuls …", "2.", "3)"),
bullets ("-", "*", "•", "o", "–") nested by indentation (tabs or spaces), numbered items, and
paragraphs. Inline marks (bold, links) are Markdown's, read by ``inline.parse_inline``.
"""

import re

from .inline import parse_inline
from .tree import Heading, Inline, Item, ItemList, Paragraph, Segment

TAB_WIDTH = 4
BULLET_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*•◦▪·–o+])[ \t]+(?P<text>\S.*)$")
NUMBERED_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<number>\d{1,3}|[a-zA-Z])(?P<mark>[.)])[ \t]+(?P<text>\S.*)$"
)
# "1 Impuls …", "2. Vorstellung …", "3) Diskussion": a number, then a short line.
HEADING_RE = re.compile(r"^(?P<number>\d{1,2})(?:[.)])?[ \t]+(?P<text>\S.*)$")
MAX_HEADING_LENGTH = 100
SENTENCE_END = (".", ",", ";", "!", "?")


def normalise_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def indent_width(whitespace):
    return len(whitespace.expandtabs(TAB_WIDTH))


def looks_like_heading(text):
    """Short, no sentence end (an "e.V." at the end is a name), no bold start (a list item)."""
    text = text.strip()
    if not text or len(text) > MAX_HEADING_LENGTH or text.startswith(("*", "_", "[")):
        return False
    return not text.endswith(SENTENCE_END) or text.endswith("e.V.")


def parse_plain_text(text):
    lines = normalise_newlines(text).split("\n")
    nodes = []
    paragraph = []
    stack = []  # (indent, item) of the list being read
    current_list = None
    last_item = None
    continued = []  # segments of the lines that continue ``last_item``, added once

    def flush_paragraph():
        nonlocal paragraph
        if paragraph:
            nodes.append(Paragraph(parse_inline("\n".join(paragraph))))
            paragraph = []

    def flush_item():
        # Joined once: joining line by line copied the item for every line.
        if continued:
            last_item.inline = Inline(last_item.inline.segments + tuple(continued))
            continued.clear()

    def end_list():
        nonlocal current_list, last_item
        flush_item()
        stack.clear()
        current_list = None
        last_item = None

    for position, line in enumerate(lines):
        if not line.strip():
            flush_paragraph()
            flush_item()
            last_item = None
            continue
        previous_blank = position == 0 or not lines[position - 1].strip()
        next_blank = position + 1 == len(lines) or not lines[position + 1].strip()
        heading = HEADING_RE.match(line)
        if heading and previous_blank and next_blank and looks_like_heading(heading.group("text")):
            flush_paragraph()
            end_list()
            nodes.append(
                Heading(parse_inline(heading.group("text").strip()), 2, heading.group("number"))
            )
            continue
        marker = BULLET_RE.match(line) or NUMBERED_RE.match(line)
        if marker:
            flush_paragraph()
            flush_item()
            ordered = "number" in marker.groupdict()
            item = Item(parse_inline(marker.group("text").strip()), ordered)
            width = indent_width(marker.group("indent"))
            while stack and stack[-1][0] > width:
                stack.pop()
            if stack and stack[-1][0] == width:
                stack.pop()
            if stack:
                stack[-1][1].children.append(item)
            else:
                if current_list is None or not previous_blank_or_item(lines, position):
                    current_list = ItemList([])
                    nodes.append(current_list)
                current_list.items.append(item)
            stack.append((width, item))
            last_item = item
            continue
        indent = indent_width(line[: len(line) - len(line.lstrip())])
        if last_item is not None and indent >= stack[-1][0]:
            # A line right below an item, without a bullet, continues it ("…:\n<https://…>");
            # one further left than the bullet ("  • Punkt\nDer nächste Absatz") does not.
            continued.append(Segment("", line_break=True))
            continued.extend(parse_inline(line.strip()).segments)
            continue
        end_list()
        paragraph.append(line.strip())
    flush_paragraph()
    flush_item()
    return nodes


def previous_blank_or_item(lines, position):
    """Whether the list goes on: the line before is an item, or blank after an item."""
    before = position - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    return before >= 0 and bool(BULLET_RE.match(lines[before]) or NUMBERED_RE.match(lines[before]))
