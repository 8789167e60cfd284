import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from strukturwandel.events.models import EventSeriesPage, MeetingPage
from strukturwandel.participation.models import (
    BusinessCardDirectoryPage,
    ImpulseOfferPage,
    TopicSuggestionPage,
)
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage

BERLIN = ZoneInfo("Europe/Berlin")
LINK = re.compile(r"https?://[^/\s]+(/[^\s]+)")


@pytest.fixture
def topic(db):
    return TopicField.objects.create(name="Mobilität", slug="mobilitaet")


@pytest.fixture
def other_topic(db):
    return TopicField.objects.create(name="Energiewende", slug="energiewende")


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def series(root_page):
    return add(root_page, EventSeriesPage(title="Strukturwandel-Stammtisch", slug="stammtisch"))


@pytest.fixture
def meeting(series, topic):
    start = (timezone.now() + datetime.timedelta(days=10)).astimezone(BERLIN)
    start = start.replace(hour=17, minute=0, second=0, microsecond=0)
    page = add(
        series,
        MeetingPage(
            title="Stammtisch Mobilität",
            slug="stammtisch-mobilitaet",
            start=start,
            end=start + datetime.timedelta(minutes=90),
            topic="Mobilität auf dem Land",
        ),
    )
    return MeetingPage.objects.get(pk=page.pk)


@pytest.fixture
def topic_index(root_page):
    return add(root_page, TopicFieldIndexPage(title="Themenfelder", slug="themenfelder"))


@pytest.fixture
def suggestion_page(root_page):
    return add(root_page, TopicSuggestionPage(title="Thema vorschlagen", slug="thema-vorschlagen"))


@pytest.fixture
def offer_page(root_page):
    return add(root_page, ImpulseOfferPage(title="Selbst etwas vorstellen", slug="vorstellen"))


@pytest.fixture
def directory(root_page):
    return add(root_page, BusinessCardDirectoryPage(title="Vernetzung", slug="vernetzung"))


def form_data(prefix, defaults, fields):
    """The POST of a form with ``prefix``: ``defaults`` changed by ``fields`` (None leaves a
    field out, as an unticked checkbox)."""
    data = {**defaults, **fields}
    return {f"{prefix}-{key}": value for key, value in data.items() if value is not None}


SUGGESTION = {
    "title": "Dorfläden <b>retten</b>",
    "description": "Wie halten wir Läden im Ort?",
    "topic_field": "",
    "name": "Erika Beispiel",
    "email": "erika@example.org",
    "consent": "on",
    "website": "",
}
OFFER = {
    "name": "Erika Beispiel",
    "organisation": "Dorfladen Musterdorf e.V.",
    "email": "erika@example.org",
    "project": "Dorfladen Musterdorf",
    "description": "Ein Laden in Bürgerhand.",
    "topic_field": "",
    "preferred_meeting": "",
    "consent": "on",
    "website": "",
}
CARD = {
    "name": "Erika Beispiel",
    "organisation": "Dorfladen Musterdorf e.V.",
    "region": "burgenlandkreis",
    "offers": "Erfahrung mit Dorfläden",
    "looks_for": "Mitstreiter:innen",
    "website": "https://example.org/dorfladen",
    "public_contact": "erika@example.org",
    "email": "Erika@Example.org",
    "consent": "on",
    "homepage": "",
}


def suggestion_data(**fields):
    return form_data("vorschlag", SUGGESTION, fields)


def offer_data(**fields):
    return form_data("impuls", OFFER, fields)


def card_data(**fields):
    return form_data("karte", CARD, fields)


def links(message):
    return LINK.findall(message.body)
