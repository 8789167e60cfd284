"""A small tree for documentation tests: a Stammtisch series with meetings, an index, records."""

import datetime
import zoneinfo

import pytest

from strukturwandel.documentation.models import (
    DocumentationIndexPage,
    DocumentationPage,
    ReportPage,
)
from strukturwandel.events.models import EventSeriesPage, MeetingPage
from strukturwandel.groups.models import WorkingGroupIndexPage, WorkingGroupPage
from strukturwandel.people.models import Organisation, Person
from strukturwandel.topics.models import TopicField

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(day, hour=17):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BERLIN)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_meeting(series, day, topic, **fields):
    return publish(
        series,
        MeetingPage(
            title=f"Strukturwandel-Stammtisch am {day:%d.%m.%Y}",
            slug=f"stammtisch-{day:%Y-%m-%d}",
            start=at(day),
            end=at(day, 18) + datetime.timedelta(minutes=30),
            topic=topic,
            **fields,
        ),
    )


@pytest.fixture
def series(root_page):
    return publish(root_page, EventSeriesPage(title="Strukturwandel-Stammtisch", slug="stammtisch"))


@pytest.fixture
def meeting(series):
    return add_meeting(series, datetime.date(2021, 12, 6), "Zivilgesellschaftliche Netzwerke")


@pytest.fixture
def later_meetings(series, meeting):
    return [
        add_meeting(series, datetime.date(2022, 1, 24), "Lebendige Orte"),
        add_meeting(series, datetime.date(2022, 3, 7), "Jugendbeteiligung"),
        add_meeting(series, datetime.date(2022, 4, 25), "Stiftungen & Engagement"),
    ]


@pytest.fixture
def index(root_page):
    return publish(root_page, DocumentationIndexPage(title="Dokumentation", slug="dokumentation"))


@pytest.fixture
def topic():
    return TopicField.objects.create(
        name="Engagement und Zivilgesellschaft", slug="engagement-zivilgesellschaft"
    )


@pytest.fixture
def organisation():
    return Organisation.objects.create(
        name="Gesellschaftsdenken e.V.", website="https://gesellschaftsdenken.example.org/"
    )


@pytest.fixture
def person(organisation):
    return Person.objects.create(name="Paula Probe", role="Vorstand", organisation=organisation)


@pytest.fixture
def group(root_page):
    groups = publish(
        root_page, WorkingGroupIndexPage(title="Arbeitsgruppen", slug="arbeitsgruppen")
    )
    return publish(
        groups,
        WorkingGroupPage(title="Nachhaltige Dorfentwicklung", slug="dorfentwicklung", number=1),
    )


def impulse(person=None, name="", organisation_name="", title="", points=None, links=None):
    return (
        "impulse",
        {
            "speakers": [
                {
                    "person": person,
                    "name": name,
                    "role": "",
                    "organisation": None,
                    "organisation_name": organisation_name,
                }
            ]
            if (person or name)
            else [],
            "title": title,
            "key_points": points or "",
            "links": links or [],
            "image": None,
            "slides": None,
        },
    )


def discussion(*points, heading=""):
    return ("discussion", {"heading": heading, "intro": "", "points": list(points)})


def point(key_term, text, sub_points=(), follow_up="", follow_up_meeting=None):
    return {
        "key_term": key_term,
        "text": text,
        "sub_points": list(sub_points),
        "follow_up": follow_up,
        "follow_up_meeting": follow_up_meeting,
    }


def documentation_body(person):
    return [
        impulse(
            person=person,
            title="Gespräche im Straßencafé",
            points="<ul><li>Mehrere Tausend Gespräche in der Stadt Zeitz"
            "<ul><li>mit Menschen vieler Hintergründe</li></ul></li>"
            "<li>Positive Resonanz</li></ul>",
            links=[{"label": "Website", "url": "https://gesellschaftsdenken.example.org/"}],
        ),
        impulse(
            name="Jonas Testmann",
            organisation_name="Aktionskreis Strukturwandel Leipziger Land",
            points="<ul><li>Offene Gruppe im Leipziger Land</li></ul>",
        ),
        discussion(
            point("Transparenz", "<p>Es fehlt an partizipativen Strukturen.</p>"),
            point(
                "Bildungsangebote",
                "<p>Voraussetzung für Beteiligung.</p>",
                sub_points=["<p>Eine Veranstaltungsreihe mit Expert:innen</p>"],
            ),
            point(
                "Schaffung einer Infoplattform",
                "<p>Studierende haben ein Konzept entwickelt.</p>",
                follow_up="Wir stimmen uns weiter ab.",
            ),
        ),
        ("next_dates", {"heading": "", "series": None, "count": 3, "note": ""}),
        (
            "networking",
            {
                "heading": "",
                "text": "<p>Legen Sie eine <b>digitale Visitenkarte</b> an.</p>",
                "links": [{"label": "Padlet", "url": "https://padlet.example.org/visitenkarten"}],
            },
        ),
        ("paragraph", "<p>Vielen Dank an alle Teilnehmer:innen.</p>"),
        ("quote", {"quote": "Der Bedarf an Austausch ist groß.", "attribution": "Plenum"}),
    ]


@pytest.fixture
def documentation(index, meeting, person, topic):
    page = DocumentationPage(
        title="Dokumentation: Stammtisch am 06.12.2021",
        slug="stammtisch-2021-12-06",
        meeting=meeting,
        summary="Zivilgesellschaftliche Netzwerke im Revier.",
        body=documentation_body(person),
    )
    page = publish(index, page)
    page.topic_fields.set([topic])
    page.save_revision().publish()
    return page


def survey():
    return (
        "survey_results",
        {
            "heading": "",
            "question": "Haben Sie Interesse, sich in einem Bündnis einzubringen?",
            "total": 151,
            "answers": [
                {"answer": "aktiv im Koordinierungskreis", "count": 60},
                {"answer": "zu passenden Anlässen", "count": 45},
                {"answer": "weiter informiert werden", "count": 40},
                {"answer": "aktuell kein Interesse", "count": 6},
            ],
            "note": "",
        },
    )


@pytest.fixture
def report(index, group, topic):
    page = ReportPage(
        title="Bündnistreffen im Mai",
        slug="buendnistreffen-2021-05-27",
        date=datetime.date(2021, 5, 27),
        intro="<p>Leitbild und Arbeitsstruktur des Bündnisses.</p>",
        body=[
            (
                "working_group_update",
                {"group": group, "text": "<p>Erstes Treffen: Themen und Formate abgesteckt.</p>"},
            ),
            survey(),
            (
                "decisions",
                {
                    "heading": "",
                    "intro": "",
                    "items": [
                        {
                            "text": "Einen Koordinierungskreis bilden",
                            "responsible": "AG Struktur",
                            "due": "Sommer 2021",
                        }
                    ],
                },
            ),
        ],
    )
    page = publish(index, page)
    page.topic_fields.set([topic])
    page.save_revision().publish()
    return page
