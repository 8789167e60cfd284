"""The classified document: what the classifier recognised, before any database look-up."""

import datetime
from dataclasses import dataclass, field

from .tree import Heading, Inline


@dataclass
class Speaker:
    name: str
    organisation: str = ""


@dataclass
class ImpulseSection:
    heading: Heading
    title: str
    speakers: list[Speaker]
    content: list  # nodes: the key points
    links: list[tuple[str, str]]


@dataclass
class Point:
    text: Inline
    key_term: str = ""
    sub_points: list[Inline] = field(default_factory=list)
    follow_up: str = ""


@dataclass
class DiscussionSection:
    heading: Heading
    intro: list[Inline]
    points: list[Point]
    trailing: list  # nodes after the points


@dataclass
class NextDatesSection:
    heading: Heading
    dates: list[datetime.date]
    note: list  # nodes other than the dates
    content: list  # every node, for the fallback to text


@dataclass
class NetworkingSection:
    heading: Heading
    text: list[Inline]
    links: list[tuple[str, str]]


@dataclass
class TextSection:
    heading: Heading | None
    content: list


@dataclass
class Document:
    title: str = ""
    date: datetime.date | None = None
    topic: str = ""
    preamble: list = field(default_factory=list)
    sections: list = field(default_factory=list)
