"""The document tree into recognised sections: impulses, discussion, next dates, networking.

Pure functions: no database. Whatever is not recognised stays a ``TextSection`` in order.
"""

import datetime
import re
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .plaintext import HEADING_RE, looks_like_heading
from .sections import (
    DiscussionSection,
    Document,
    ImpulseSection,
    NetworkingSection,
    NextDatesSection,
    Point,
    Speaker,
    TextSection,
)
from .tree import Heading, Inline, Item, ItemList, Paragraph, plain

DATE_RE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
TOPIC_RE = re.compile(r"^Thema\s*:\s*(?P<topic>\S.*)$", re.IGNORECASE)
IMPULSE_RE = re.compile(r"^(?:Impuls(?:vortrag)?|Input|Vortrag)\b[\s:–-]*(?P<rest>.*)$", re.I)
DISCUSSION_RE = re.compile(r"diskussion|austausch im plenum", re.IGNORECASE)
NEXT_DATES_RE = re.compile(
    r"(nächste|kommende|weitere).*(termin|stammtisch|treffen)|^termine\b", re.IGNORECASE
)
NETWORKING_RE = re.compile(r"vernetzung", re.IGNORECASE)
FOLLOW_UP_RE = re.compile(r"^\s*(?:➔|→|⇒|->|=>)\s*")
SPEAKER_SPLIT_RE = re.compile(r"\s*(?:/|,|;|&|\bund\b)\s*")
# "Ralf Elsässer vom Landesverband Nachhaltiges Sachsen e.V." in a report's prose.
_NAME = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_ORG_WORD = r"[A-ZÄÖÜ][\w.&-]*"
PROSE_SPEAKER_RE = re.compile(
    rf"(?P<name>{_NAME} {_NAME}) (?:vom|von der|von)\s+"
    rf"(?P<organisation>{_ORG_WORD}(?:\s+{_ORG_WORD})*(?:\s+e\.\s?V\.)?)"
)
URL_VALIDATOR = URLValidator()
MAX_KEY_TERM = 120
MAX_FOLLOW_UP = 300
MAX_TITLE = 200
MAX_HEADING = 200
# A line of the first lines that only gives the date: "Online-Veranstaltung am 27.05.2021".
MAX_DATE_LINE = 80


def find_date(text):
    dates = find_dates(text)
    return dates[0] if dates else None


def find_dates(text):
    """Every real date written "06.12.2021" in ``text``; "31.02.2022" is none."""
    dates = []
    for day, month, year in DATE_RE.findall(text or ""):
        try:
            dates.append(datetime.date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return dates


def promote_headings(nodes):
    """For Markdown and Word: numbered lines and single numbered items that are headings."""
    promoted = []
    for node in nodes:
        if isinstance(node, Heading) and not node.number:
            match = HEADING_RE.match(node.inline.text)
            if match and node.inline.segments and not node.inline.starts_bold():
                node = Heading(_strip_number(node.inline), node.level, match.group("number"))
        elif isinstance(node, Paragraph) and "\n" not in node.inline.text:
            match = HEADING_RE.match(node.inline.text)
            if match and looks_like_heading(match.group("text")):
                node = Heading(_strip_number(node.inline), 2, match.group("number"))
        elif (
            isinstance(node, ItemList)
            and len(node.items) == 1
            and node.items[0].ordered
            and not node.items[0].children
            and "\n" not in node.items[0].inline.text
            and looks_like_heading(node.items[0].inline.text)
        ):
            node = Heading(node.items[0].inline, 2, "")
        promoted.append(node)
    return promoted


def _strip_number(inline):
    """The inline text without its leading section number."""
    segments = list(inline.segments)
    while segments and not segments[0].text.strip():
        segments.pop(0)
    if segments:
        first = segments[0]
        rest = re.sub(r"^\s*\d{1,2}[.)]?\s+", "", first.text, count=1)
        segments[0] = replace(first, text=rest)
    return Inline(tuple(segments))


def classify(nodes):
    document = Document()
    position = 0
    if (
        nodes
        and isinstance(nodes[0], Heading)
        and nodes[0].level == 1
        and not nodes[0].number
        and not nodes[0].inline.links
        and len(nodes[0].inline.text) <= MAX_TITLE
    ):
        document.title = nodes[0].inline.text
        position = 1
    preamble = []
    while position < len(nodes) and not _opens_section(nodes[position]):
        preamble.append(nodes[position])
        position += 1
    _read_preamble(document, preamble)

    heading, content = None, []
    for node in nodes[position:]:
        if _opens_section(node):
            if heading is not None or content:
                document.sections.append(classify_section(heading, content))
            heading, content = node, []
        else:
            content.append(node)
    if heading is not None or content:
        document.sections.append(classify_section(heading, content))
    return document


def _opens_section(node):
    return isinstance(node, Heading) and (node.number or node.level <= 2)


def _read_preamble(document, preamble):
    """Title, date and topic from the lines before the first section; the rest stays text."""
    rest = []
    # The first lines: until a line is kept that is more than a date ("Online am 27.05.2021").
    leading = True
    for node in preamble:
        if not isinstance(node, Paragraph | Heading):
            rest.append(node)
            leading = False
            continue
        # "Title\nThema: …" without a blank line between: the leading lines are read one by one;
        # the rest is kept whole (split line by line, a long paragraph took minutes).
        kept = node.inline
        while kept.segments:
            line, after = kept.split_at_break()
            if line and not _read_line(document, line, first=leading):
                break
            kept = after
        if kept:
            rest.append(type(node)(kept) if isinstance(node, Paragraph) else Paragraph(kept))
            text = kept.text
            if "\n" in text or len(text) > MAX_DATE_LINE or not find_date(text):
                leading = False
    document.preamble = rest


def _read_line(document, line, first):
    """Take ``line`` as the title or topic; the date is read from the first lines too."""
    text = line.text
    if line.links:
        # A title or topic is plain text; a line with a link stays in the body, link and all.
        return False
    if not document.title and len(text) <= MAX_TITLE:
        document.title = text
        document.date = find_date(text)
        return True
    match = TOPIC_RE.match(text)
    # A "Thema:" further down (a list of next dates, say) is not the report's topic.
    if match and not document.topic and first:
        document.topic = match.group("topic").strip()
        return True
    if document.date is None and first:
        document.date = find_date(text)
    return False


def classify_section(heading, content):
    if heading is None:
        return TextSection(None, content)
    text = heading.inline.plain
    if len(text) > MAX_HEADING or "\n" in text:
        # Not a heading a block can carry whole: kept as text.
        return TextSection(heading, content)
    impulse = IMPULSE_RE.match(text)
    if impulse:
        title, speakers = parse_impulse_heading(impulse.group("rest"))
        # A heading with nothing of an impulse below it ("1 Impuls" alone) stays a heading:
        # the block would show an empty section.
        if title or speakers or content:
            return impulse_section(heading, title, speakers, content)
        return TextSection(heading, content)
    if DISCUSSION_RE.search(text):
        section = discussion_section(heading, content)
        # Without points the block shows nothing, not even its heading.
        if section.points:
            return section
    if NEXT_DATES_RE.search(text):
        section = next_dates_section(heading, content)
        if section.dates:
            return section
    if NETWORKING_RE.search(text):
        section = networking_section(heading, content)
        if section.text or section.links:
            return section
    first = next((node for node in content if isinstance(node, Paragraph)), None)
    if first is not None and re.search(r"\bImpuls", first.inline.text):
        speakers = [
            Speaker(match.group("name"), match.group("organisation"))
            for match in PROSE_SPEAKER_RE.finditer(first.inline.text)
        ]
        if speakers:
            return impulse_section(heading, text, speakers, content)
    return TextSection(heading, content)


def parse_impulse_heading(rest):
    """("title", [speakers]) from what follows "Impuls" in a heading."""
    rest = re.sub(r"^(?:von|durch|mit)\s+", "", rest.strip(), flags=re.IGNORECASE)
    if not rest:
        return "", []
    title = ""
    for dash in (" – ", " — ", " - "):
        if dash in rest:
            title, rest = (part.strip() for part in rest.split(dash, 1))
            break
    speakers = parse_speakers(rest)
    if not title and not speakers:
        return rest, []
    if speakers and not all(_looks_like_name(s.name) for s in speakers) and not title:
        return rest, []
    return title, speakers


def parse_speakers(text):
    """Speakers and their organisations: "A/B (Org)", "A (Org1) und B (Org2)", "A, B"."""
    parts = _split_outside_parentheses(text)
    if sum(1 for part in parts if "(" in part) > 1:
        return [_speaker(part) for part in parts if part.strip()]
    names_part, organisation = _trailing_parentheses(text)
    names = [name for name in SPEAKER_SPLIT_RE.split(names_part) if name.strip()]
    organisations = [o.strip() for o in organisation.split("/")] if organisation else []
    if len(organisations) != len(names):
        organisations = [organisation] * len(names)
    return [Speaker(name.strip(), org) for name, org in zip(names, organisations, strict=True)]


def _speaker(part):
    name, organisation = _trailing_parentheses(part)
    return Speaker(name.strip(), organisation)


def _trailing_parentheses(text):
    match = re.match(r"^(?P<before>.*?)\s*\((?P<inside>[^()]*)\)\s*$", text.strip())
    if match:
        return match.group("before"), match.group("inside").strip()
    return text.strip(), ""


def _split_outside_parentheses(text):
    parts, depth, current = [], 0, ""
    tokens = re.split(r"(\(|\)|/|,|;|&|\bund\b)", text)
    for token in tokens:
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(depth - 1, 0)
        if depth == 0 and token in ("/", ",", ";", "&", "und"):
            parts.append(current)
            current = ""
        else:
            current += token
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]


def _looks_like_name(name):
    words = name.split()
    return 1 <= len(words) <= 5 and all(word[:1].isupper() for word in words[-1:])


def impulse_section(heading, title, speakers, content):
    links, key_points = [], []
    for node in content:
        if isinstance(node, ItemList):
            kept = []
            for item in node.items:
                link = _link_only(item.inline) if not item.children else None
                if link:
                    links.append(link)
                else:
                    kept.append(item)
            if kept:
                key_points.append(ItemList(kept))
        elif isinstance(node, Paragraph) and _link_only(node.inline):
            links.append(_link_only(node.inline))
        else:
            key_points.append(node)
    return ImpulseSection(heading, title, speakers, key_points, links)


def _link_only(inline):
    """("label", url) when the text is just a link, or a short label, a colon and a link."""
    links = inline.links
    if len(links) != 1 or not is_web_address(links[0][1]):
        # An e-mail address or an address a link block refuses stays a link in the text.
        return None
    label, url = links[0]
    linked = [s for s in inline.segments if s.href]
    if inline.segments and inline.segments[-1] is not linked[-1]:
        after = "".join(s.text for s in inline.segments[inline.segments.index(linked[-1]) + 1 :])
        if after.strip(" .:"):
            return None
    before = "".join(s.text for s in inline.segments if not s.href).strip().rstrip(":").strip()
    if "\n" in before or len(before) > 80:
        return None
    return (before or label or url, url)


def is_web_address(url):
    """Whether a link block takes ``url`` (its URL field allows web addresses only)."""
    try:
        URL_VALIDATOR(url)
    except ValidationError:
        return False
    return True


def discussion_section(heading, content):
    intro, points, trailing = [], [], []
    for node in content:
        if isinstance(node, ItemList):
            if trailing:
                trailing.append(node)
                continue
            points.extend(point(item) for item in node.items)
        elif points:
            trailing.append(node)
        else:
            intro.append(node.inline)
    return DiscussionSection(heading, intro, points, trailing)


def point(item):
    inline = item.inline
    bold = inline.bold_parts
    key_term = bold[0] if bold and len(bold[0]) <= MAX_KEY_TERM else ""
    text = inline
    if key_term and inline.starts_with_label():
        rest = inline.without_leading_bold()
        # A point that is all bold keeps its text; the key term then repeats it.
        text = rest if rest else inline
        if not rest:
            key_term = ""
    result = Point(text, key_term)
    for child in _flatten(item.children):
        follow_up = FOLLOW_UP_RE.match(child.text)
        if (
            follow_up
            and not result.follow_up
            and not child.links
            and "\n" not in child.text
            and len(child.text) - follow_up.end() <= MAX_FOLLOW_UP
        ):
            result.follow_up = child.text[follow_up.end() :].strip()
        else:
            result.sub_points.append(child)
    if not result.text and result.sub_points:
        # A point needs text: an empty bullet with sub-bullets takes its first sub-bullet.
        result.text = result.sub_points.pop(0)
    elif not result.text and result.follow_up:
        result.text, result.follow_up = plain(result.follow_up), ""
    return result


def _flatten(items):
    for item in items:
        yield item.inline
        yield from _flatten(item.children)


def next_dates_section(heading, content):
    dates, note = [], []
    for node in content:
        if isinstance(node, ItemList):
            kept = _without_dated_items(node.items, dates)
            if kept:
                note.append(ItemList(kept))
        elif find_dates(node.inline.text) and len(node.inline.text) < 160:
            dates.extend(find_dates(node.inline.text))
        else:
            note.append(node)
    return NextDatesSection(heading, dates, note, content)


def _without_dated_items(items, dates):
    kept = []
    for item in items:
        found = find_dates(item.inline.text)
        if found and len(item.inline.text) < 160 and not item.children:
            dates.extend(found)
            continue
        children = _without_dated_items(item.children, dates)
        kept.append(Item(item.inline, item.ordered, children))
    return kept


def networking_section(heading, content):
    text, links = [], []
    for node in content:
        inlines = list(_flatten(node.items)) if isinstance(node, ItemList) else []
        for inline in inlines or [node.inline]:
            link = _link_only(inline)
            if link and link[0] == link[1]:
                links.append(_label_for(link[1]))
            elif link and not any(s.bold for s in inline.segments):
                links.append(link)
            else:
                text.append(inline)
    return NetworkingSection(heading, text, links)


def _label_for(url):
    label = re.sub(r"^(https?://|mailto:)(www\.)?", "", url).rstrip("/")
    return (label[:200] or url, url)
