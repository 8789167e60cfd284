"""Recognised sections into the documentation page's StreamField values.

``Resolver`` decides what needs the database (speaker records, whether the next dates match the
site's meetings); the default one looks nothing up, so conversion can be tried without saving.
"""

from .sections import (
    DiscussionSection,
    ImpulseSection,
    NetworkingSection,
    NextDatesSection,
    TextSection,
)
from .tree import Heading, ItemList, nodes_html

MAX_CHAR = 200


def speaker_value(speaker, person=None, organisation=None):
    """The impulse block's value for one speaker; the one place that knows the block's shape.

    A matched record is chosen and the typed fields left empty (the record's name shows);
    without a record the name and organisation are typed.
    """
    return {
        "person": person,
        "name": "" if person else speaker.name[:MAX_CHAR],
        "role": "",
        "organisation": organisation,
        "organisation_name": "" if organisation else speaker.organisation[:MAX_CHAR],
    }


class Resolver:
    """No look-ups: speakers typed, next dates kept as text."""

    def speaker(self, speaker):
        return speaker_value(speaker)

    def next_dates(self, section):
        return None


def body_values(document, resolver=None):
    """The page body: a list of (block type, value), in the order of the file."""
    resolver = resolver or Resolver()
    body = []
    if document.preamble:
        body.append(("paragraph", nodes_html(document.preamble)))
    for section in document.sections:
        body.extend(section_values(section, resolver))
    return body


def section_values(section, resolver):
    if isinstance(section, ImpulseSection):
        return [("impulse", impulse_value(section, resolver))]
    if isinstance(section, DiscussionSection):
        values = [("discussion", discussion_value(section))]
        if section.trailing:
            values.append(("paragraph", nodes_html(section.trailing)))
        return values
    if isinstance(section, NextDatesSection):
        value = resolver.next_dates(section)
        if value is not None:
            return [("next_dates", value)]
        return text_values(section.heading, section.content)
    if isinstance(section, NetworkingSection):
        return [("networking", networking_value(section))]
    assert isinstance(section, TextSection)
    return text_values(section.heading, section.content)


def text_values(heading, content):
    values = []
    if heading is not None and not heading.inline.plain:
        # An empty heading ("##" alone in Markdown) has nothing to keep; a block needs text.
        heading = None
    if heading is not None and len(heading.inline.plain) <= MAX_CHAR:
        values.append(("heading", heading_value(heading)))
    elif heading is not None:
        # Too long for a heading: kept as a paragraph rather than cut.
        content = [heading, *content]
    if content:
        values.append(("paragraph", nodes_html(content)))
    return values


def heading_value(heading):
    # Sections are numbered by the page; a sub-heading of the file stays a level-3 heading.
    return {"text": heading.inline.plain[:MAX_CHAR], "level": "h2" if heading.level <= 2 else "h3"}


def impulse_value(section, resolver):
    return {
        "speakers": [resolver.speaker(speaker) for speaker in section.speakers],
        "title": section.title[:MAX_CHAR],
        "key_points": nodes_html(section.content),
        "links": [{"label": label[:MAX_CHAR], "url": url} for label, url in section.links],
        "image": None,
        "slides": None,
    }


def discussion_value(section):
    return {
        "heading": _heading_text(section.heading),
        "intro": "<br/>".join(inline.html for inline in section.intro if inline),
        "points": [
            {
                "key_term": point.key_term,
                "text": f"<p>{point.text.html}</p>",
                "sub_points": [f"<p>{sub.html}</p>" for sub in point.sub_points if sub],
                "follow_up": point.follow_up,
            }
            for point in section.points
            if point.text
        ],
    }


def next_dates_value(section, count, series=None):
    return {
        "heading": _heading_text(section.heading),
        "series": series,
        "count": count,
        "note": _inline_paragraphs(section.note),
    }


def networking_value(section):
    return {
        "heading": _heading_text(section.heading),
        "text": "".join(f"<p>{inline.html}</p>" for inline in section.text if inline),
        "links": [{"label": label[:MAX_CHAR], "url": url} for label, url in section.links],
    }


def _heading_text(heading):
    return heading.inline.plain[:MAX_CHAR] if isinstance(heading, Heading) else ""


def _inline_paragraphs(nodes):
    """Nodes as paragraphs of inline text (the note allows no lists): one per item."""
    parts = []
    for node in nodes:
        if isinstance(node, ItemList):
            parts.extend(f"<p>{html}</p>" for html in _item_html(node.items))
        elif node.inline:
            parts.append(f"<p>{node.inline.html}</p>")
    return "".join(parts)


def _item_html(items):
    for item in items:
        yield item.inline.html
        yield from _item_html(item.children)
