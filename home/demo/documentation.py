"""Documentation of the Stammtisch of 06.12.2021 and the alliance reports of February and May 2021.

Facts (dates, topics, organisations, what was discussed and decided) come from the
association's reports; the text is in our own words, the people are the demo's fictional ones.
Runs last in ``load_demo``: it reads the series, meetings, groups and people the other
builders made, and adds what is missing (meetings are looked up by their date).
"""

import datetime
import zoneinfo

from django.utils import timezone

from strukturwandel.documentation.models import (
    DocumentationIndexPage,
    DocumentationPage,
    ReportPage,
)
from strukturwandel.events.models import EventSeriesPage, MeetingFormat, MeetingPage
from strukturwandel.groups.models import WorkingGroupIndexPage, WorkingGroupPage
from strukturwandel.participation.models import BusinessCardDirectoryPage
from strukturwandel.people.models import Person
from strukturwandel.topics.models import TopicField

from .people import speaker
from .utils import ensure_child, rich

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

STAMMTISCHE = [
    (datetime.date(2021, 11, 1), "Klimaschutz & Energiewende"),
    (datetime.date(2021, 12, 6), "Zivilgesellschaftliche Netzwerke"),
    (datetime.date(2022, 1, 24), "Lebendige Orte"),
    (datetime.date(2022, 3, 7), "Jugendbeteiligung"),
    (datetime.date(2022, 4, 25), "Stiftungen & Engagement"),
]

GROUPS = [
    ("ag-1-nachhaltige-dorfentwicklung", "Nachhaltige Dorfentwicklung", 1),
    ("ag-2-transparenz-und-beteiligung", "Transparenz und Beteiligung", 2),
    ("ag-3-interne-struktur-und-vernetzung", "Interne Struktur und Vernetzung", 3),
]

# The business-card pin board and the participants' pin boards named in the reports: fictional
# addresses (the real boards carry a person's name).
CARDS_BOARD = "https://pinnwand.example.org/stammtisch/visitenkarten"


def build_documentation(home):
    index = home.get_children().filter(slug="dokumentation").first()
    if index is None or not isinstance(index.specific, DocumentationIndexPage):
        return None
    index = index.specific
    topics = {topic.slug: topic for topic in TopicField.objects.all()}
    people = {person.name: person for person in Person.objects.select_related("organisation")}
    series = home.get_children().filter(slug="stammtisch").first()
    meetings = {}
    if series is not None and isinstance(series.specific, EventSeriesPage):
        meetings = {day: _ensure_meeting(series.specific, day, topic) for day, topic in STAMMTISCHE}
    meeting = meetings.get(datetime.date(2021, 12, 6))
    groups = _groups(home)

    if datetime.date(2021, 11, 1) in meetings:
        _ensure(
            index,
            DocumentationPage,
            "stammtisch-2021-11-01",
            title="Dokumentation: Strukturwandel-Stammtisch am 01.11.2021",
            meeting=meetings[datetime.date(2021, 11, 1)],
            summary="Wo sehen Engagierte auf kommunaler, Landkreis- und Landesebene die "
            "wichtigsten Ansätze, um die klimagerechte Transformation zu beschleunigen?",
            topic_fields=_pick(topics, "klimaschutz-energiewende"),
            body=_first_stammtisch_body(),
        )

    _ensure(
        index,
        DocumentationPage,
        "stammtisch-2021-12-06",
        title="Dokumentation: Strukturwandel-Stammtisch am 06.12.2021",
        meeting=meeting,
        summary="Zwei Initiativen stellten ihre Netzwerkarbeit vor; in der Diskussion ging es "
        "um Transparenz, Beteiligung, Bildung und eine gemeinsame Infoplattform.",
        topic_fields=_pick(topics, "engagement-zivilgesellschaft", "demokratie-beteiligung"),
        body=_stammtisch_body(people, meetings.get(datetime.date(2022, 3, 7))),
    )
    _ensure(
        index,
        ReportPage,
        "auftaktveranstaltung-2021-02-16",
        title="Ein Strukturwandel-Bündnis für das Mitteldeutsche Revier: die Auftaktveranstaltung",
        date=datetime.date(2021, 2, 16),
        format=MeetingFormat.ONLINE,
        summary="Rund 40 Vertreter:innen zivilgesellschaftlicher Organisationen aus Sachsen und "
        "Sachsen-Anhalt gründeten drei Arbeitsgruppen des neuen Bündnisses.",
        intro=rich(
            "Mit einer <b>Akteursbefragung</b> im Mitteldeutschen Revier haben der "
            "Landesverband Nachhaltiges Sachsen e.V. und das Netzwerk Zukunft Sachsen-Anhalt "
            "e.V. ein neues zivilgesellschaftliches Bündnis angestoßen: Der Strukturwandel "
            "soll nachhaltiger und mit mehr Beteiligung gestaltet werden.",
            "Zur Auftaktveranstaltung am 16.02.2021 kamen alle, die in der Befragung Interesse "
            "an einer koordinierenden Mitarbeit angegeben hatten – rund 40 Vertreter:innen aus "
            "Sachsen und Sachsen-Anhalt.",
        ),
        topic_fields=_pick(topics, "engagement-zivilgesellschaft", "strukturwandel-strukturen"),
        body=_kickoff_body(people, groups),
    )
    _ensure(
        index,
        ReportPage,
        "buendnistreffen-2021-05-27",
        title="Strukturwandel-Bündnistreffen im Mai",
        date=datetime.date(2021, 5, 27),
        format=MeetingFormat.ONLINE,
        summary="Updates aus den Arbeitsgruppen, die Diskussion von Leitbild und "
        "Arbeitsstruktur und der Weg zum Koordinierungskreis.",
        intro=rich(
            "Wie sieht ein gemeinsames Leitbild für ein breites Bündnis im Strukturwandel aus? "
            "Wie lässt sich zivilgesellschaftliche Mitbestimmung konkret gestalten, und welche "
            "Arbeitsstrukturen braucht das Bündnis, um handlungsfähig zu werden? Um diese "
            "Fragen ging es beim Online-Bündnistreffen Ende Mai."
        ),
        topic_fields=_pick(topics, "strukturwandel-strukturen", "demokratie-beteiligung"),
        body=_may_body(groups),
    )
    return index


def _ensure(parent, page_class, slug, **fields):
    """Create and publish the page once; an existing page is left as the editors made it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return ensure_child(parent, page_class, slug, **fields)


def _pick(topics, *slugs):
    return [topics[slug] for slug in slugs if slug in topics]


def _ensure_meeting(series, day, topic):
    start = datetime.datetime.combine(day, datetime.time(17), tzinfo=BERLIN)
    existing = _meeting_on(series, day)
    if existing is not None:
        return existing
    return ensure_child(
        series,
        MeetingPage,
        f"{day:%Y-%m-%d}",
        title=f"Strukturwandel-Stammtisch am {day:%d.%m.%Y}",
        start=start,
        end=start + datetime.timedelta(minutes=90),
        topic=topic,
        format=MeetingFormat.ONLINE,
    )


def _meeting_on(series, day):
    """The series' meeting on ``day`` (local date), whoever created it."""
    for meeting in MeetingPage.objects.child_of(series).order_by("start"):
        if timezone.localdate(meeting.start, BERLIN) == day:
            return meeting
    return None


def _groups(home):
    index = home.get_children().filter(slug="arbeitsgruppen").first()
    if index is None or not isinstance(index.specific, WorkingGroupIndexPage):
        return {}
    groups = {}
    for slug, title, number in GROUPS:
        existing = index.get_children().filter(slug=slug).first()
        groups[number] = (
            existing.specific
            if existing is not None
            else ensure_child(index.specific, WorkingGroupPage, slug, title=title, number=number)
        )
    return groups


def _link(label, url):
    return {"label": label, "url": url}


def _impulse(speakers, title, key_points, links=()):
    return (
        "impulse",
        {
            "speakers": speakers,
            "title": title,
            "key_points": key_points,
            "links": list(links),
            "image": None,
            "slides": None,
        },
    )


def _point(key_term, text, sub_points=(), follow_up="", follow_up_meeting=None):
    return {
        "key_term": key_term,
        "text": f"<p>{text}</p>",
        "sub_points": [f"<p>{sub_point}</p>" for sub_point in sub_points],
        "follow_up": follow_up,
        "follow_up_meeting": follow_up_meeting,
    }


# Where the association's Stammtisch page, with its documentation, is (seed 004).
ASSOCIATION_STAMMTISCH_PAGE = (
    "https://www.nachhaltiges-sachsen.de/detail/strukturwandel-stammtisch.asp"
)


def _first_stammtisch_body():
    """The seeds link this meeting's documentation but do not contain it: the page says so and
    shows what is known, the question of the evening and the dates that followed."""
    return [
        (
            "paragraph",
            rich(
                "Die Stammtisch-Seite des Landesverbands verlinkt eine Dokumentation dieses "
                "Treffens; <i>in dieser Demo</i> liegt ihr Inhalt nicht vor, und wir erfinden "
                "ihn nicht. Die Frage des Abends war: Wo sehen Engagierte auf kommunaler, "
                "Landkreis- und Landesebene zurzeit die wichtigsten Ansätze zur Beschleunigung "
                "der klimagerechten Transformation, und wo bietet sich eine Zusammenarbeit an?",
                f'Alle Informationen zum Stammtisch finden Sie auf der <a href="'
                f'{ASSOCIATION_STAMMTISCH_PAGE}">Stammtisch-Seite des Landesverbands</a>.',
            ),
        ),
        ("next_dates", {"heading": "", "series": None, "count": 3, "note": ""}),
    ]


def _stammtisch_body(people, youth_meeting=None):
    return [
        _impulse(
            [speaker(people, "Paula Probe")],
            "Gespräche im Straßencafé",
            "<ul><li>Gesellschaftsdenken e.V. bringt bundesweit Menschen ins Gespräch, die "
            "sonst selten miteinander reden. In diesem Jahr stand die Stadt Zeitz im "
            "Mittelpunkt: Leerstand, Strukturwandel und Polarisierung, aber auch viele neue "
            "Initiativen.</li>"
            "<li>Mit einem offenen Straßencafé kamen mehrere Tausend Gespräche zustande"
            "<ul><li>mit Menschen ganz unterschiedlicher Herkunft und Meinung</li>"
            "<li>und mit überwiegend positiver Resonanz.</li></ul></li></ul>",
            [_link("Website von Gesellschaftsdenken e.V.", "https://gesellschaftsdenken.org/")],
        ),
        _impulse(
            [speaker(people, "Jonas Testmann"), speaker(people, "Lena Exempel")],
            "Der Aktionskreis Strukturwandel Leipziger Land",
            "<ul><li>Eine offene Gruppe, die sich im Leipziger Braunkohlerevier für einen "
            "nachhaltigen und sozial gerechten Strukturwandel einsetzt – und Teil des "
            "Strukturwandel-Bündnisses im Mitteldeutschen Revier ist.</li>"
            "<li>Ziele: den Wandel ökologisch und von unten mitgestalten, Menschen im Leipziger "
            "Land vernetzen und informieren, einen transparenten und beteiligungsorientierten "
            "Prozess einfordern.</li>"
            "<li>Formate, zum Beispiel:<ul>"
            "<li>„Strukturwandel und Mobilität“ am 20.09.2021 in der Ökokirche Deutzen, "
            "Neukieritzsch</li>"
            "<li>Filme wie „Gundermann Revier“ oder „Tomorrow – Die Welt ist voller "
            "Lösungen“</li>"
            "<li>Diskussionen mit Vertreter:innen der Metropolregion</li></ul></li>"
            "<li>Treffen jeden 2. Montag im Monat an wechselnden Orten im Leipziger Land.</li>"
            "</ul>",
            [_link("Website des AkSLL", "https://ak-strukturwandel.de")],
        ),
        (
            "discussion",
            {
                "heading": "",
                "intro": "",
                "points": [
                    _point(
                        "Transparenz",
                        "Noch immer fehlen partizipative Strukturen und ein Überblick, wo welche "
                        "Anliegen im Strukturwandel ihren Platz haben. Der Wunsch nach Austausch "
                        "und Vernetzung ist groß.",
                    ),
                    _point(
                        "Bürgerregion Lausitz",
                        "Aus dem Vernetzungsprozess in der Lausitz wurde berichtet:",
                        [
                            "Vereine und Initiativen, die schon lange vor Ort aktiv sind, sollen "
                            "mit ihren Kontakten in einen größeren Zusammenhang eingebunden "
                            "werden.",
                            "Zivilgesellschaftliche Bündnisse gehören an jeden Tisch, an dem im "
                            "Strukturwandel entschieden wird – ein nach wie vor mühsamer Weg.",
                        ],
                    ),
                    _point(
                        "Beteiligungs- und Gesprächsangebote",
                        "Niedrigschwellige Angebote holen Stimmungsbilder ein und aktivieren "
                        "Menschen. Nachhaltig wird das erst, wenn die Ergebnisse weiterwirken "
                        "und die Aktivierten Anknüpfungspunkte für ihr Engagement finden.",
                    ),
                    _point(
                        "Bildungsangebote",
                        "Bildung für alle Bürger:innen gilt als Voraussetzung für Beteiligung "
                        "und für das Interesse daran.",
                        [
                            "Vorgeschlagen wurde eine Veranstaltungsreihe mit Inputs von "
                            "Expert:innen zu Themen des Strukturwandels.",
                            "Die VHS Leipzig bietet mit „klimafit“ eine Schulung für "
                            "Multiplikator:innen an und greift gern Ideen aus dem Netzwerk auf.",
                        ],
                    ),
                    _point(
                        "Nachhaltige Transformation",
                        "Der Strukturwandel betrifft die ganze Region; neue Arbeitsplätze sind "
                        "nur ein – wenn auch prominenter – Teil davon.",
                    ),
                    _point(
                        "Kinder und Jugendliche",
                        "Sie sind im Strukturwandel bisher kaum vertreten.",
                        follow_up="Vertiefung beim Strukturwandel-Stammtisch am 07.03.2022.",
                        follow_up_meeting=youth_meeting,
                    ),
                    _point(
                        "Kunst und Kultur",
                        "Auch Kunst und Kultur können die Zukunft der Region prägen – ein "
                        "Vorschlag für einen eigenen Stammtisch.",
                    ),
                    _point(
                        "Schaffung einer Infoplattform",
                        "Studierende der Burg Giebichenstein Kunsthochschule Halle haben eine "
                        "Plattform entworfen, die Engagierte vernetzt und den Strukturwandel "
                        "transparenter macht; für die Umsetzung fehlt noch Geld.",
                        follow_up="Das Bündnis baut gerade einen eigenen Webauftritt auf; "
                        "beide Projekte stimmen sich weiter ab.",
                    ),
                    _point(
                        "Fazit",
                        'Persönliche Fazits der Teilnehmer:innen sammelt ein <a href="'
                        'https://pinnwand.example.org/stammtisch/fazit">Padlet</a>.',
                    ),
                ],
            },
        ),
        (
            "next_dates",
            {
                "heading": "",
                "series": None,
                "count": 3,
                "note": '<p>Alle Termine und die Anmeldung finden Sie beim <a href="/stammtisch/">'
                "Strukturwandel-Stammtisch</a>.</p>",
            },
        ),
        (
            "networking",
            {
                "heading": "",
                "text": "<p>Zur weiteren Vernetzung können Sie auf einer Pinnwand Ihre "
                "<b>digitale Visitenkarte</b> anlegen.</p>",
                "links": [_link("Pinnwand für digitale Visitenkarten", CARDS_BOARD)],
            },
        ),
    ]


def _update(groups, number, text):
    group = groups.get(number)
    if group is None:
        return None
    return ("working_group_update", {"group": group, "text": text})


def _kickoff_body(people, groups):
    body = [
        _impulse(
            [speaker(people, "Erika Beispiel"), speaker(people, "Max Muster")],
            "Die Idee des Bündnisses",
            "<ul><li>Das Bündnis soll zivilgesellschaftliche Akteur:innen gemeinsam "
            "handlungsfähiger machen.</li><li>So wird Zusammenarbeit auf Augenhöhe mit Politik, "
            "Verwaltung und Wirtschaft möglich.</li></ul>",
            [
                _link(
                    "Hintergrundtext zur Bündnisidee (PDF)",
                    "https://www.kosa21.de/attachments/article/2320/"
                    "Hintergrundtext_Umfrage_final.pdf",
                )
            ],
        ),
        _impulse(
            [speaker(people, "Alex Platzhalter")],
            "Ergebnisse der Akteursbefragung",
            "<ul><li>An der Befragung beteiligten sich rund 150 Personen.</li>"
            "<li>Die Befragten kommen vor allem aus Kultur, Bildung und Sozialem, aus "
            "Klima- und Umweltschutz und aus der partizipativen Regionalentwicklung.</li>"
            "<li>Alle Landkreise des Reviers sind vertreten, die sächsischen besonders stark.</li>"
            "<li>Am meisten Interesse an engerer Zusammenarbeit gibt es bei "
            "<b>Dorf-, Stadt- und Regionalentwicklung</b>, <b>Klima und Umwelt</b> sowie "
            "<b>Demokratie, Partizipation und Engagement</b>.</li>"
            "<li>Rund 100 Befragte möchten aktiv mitarbeiten – ein Potenzial, an das das "
            "Bündnis anknüpfen kann.</li></ul>",
        ),
        ("heading", {"text": "Die Befragung: Zukunft braucht Zivilgesellschaft", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Die Präsentation zur Umfrage „Zukunft braucht Zivilgesellschaft“ trägt die Namen "
                "von RENN.mitte (Regionale Netzstellen Nachhaltigkeitsstrategien), dem "
                "Landesverband Nachhaltiges Sachsen e.V. und dem Netzwerk Zukunft Sachsen-Anhalt "
                "e.V. Die Umfrage fragte unter anderem: "
                "<b>Haben Sie Interesse, sich in einem zivilgesellschaftlichen Bündnis für "
                "Mitteldeutschland einzubringen? Wenn ja, in welcher Form?</b> Darauf gab es 151 "
                "Antworten, zur Wahl standen:"
            )
            + "<ul><li>aktiv in einem Koordinierungskreis mitarbeiten</li>"
            "<li>sich zu passenden Anlässen und Themen einbringen</li>"
            "<li>weiter zum Projekt informiert werden</li>"
            "<li>aktuell kein Interesse</li></ul>"
            + rich(
                "Wie sich die Antworten verteilen, zeigt der Bericht nur als Diagramm; die Demo "
                "nennt deshalb keine Zahlen."
            ),
        ),
        _impulse(
            [speaker(people, "Sami Vorlage")],
            "Austausch mit der Bürgerregion Lausitz",
            "<ul><li>Die Bürgerregion Lausitz ist ein länderübergreifendes Bündnis, 2020 "
            "gegründet – Vorbild und Partner für das mitteldeutsche Bündnis.</li>"
            "<li>Einblicke in Gründung und Arbeitsweise, und in die Frage, wie echte "
            "Beteiligung der Zivilgesellschaft im Strukturwandel gelingt.</li>"
            "<li>Die wichtigste Botschaft: sich nicht zu lange mit den eigenen Strukturen "
            "aufhalten, sondern schnell in die Arbeit an Themen und den Austausch "
            "kommen.</li></ul>",
            [
                _link("Website der Bürgerregion", "https://buergerregion-lausitz.de/"),
                _link(
                    "Film zur Gründungsveranstaltung (lange Fassung)",
                    "https://www.youtube.com/watch?v=KxNjBQSIEOk",
                ),
                _link("Teaser zur Gründung", "https://www.youtube.com/watch?v=YRezoxiTMD0"),
                _link(
                    "Positionspapier des Lausitzer Perspektiven e.V.",
                    "http://lausitzer-perspektiven.de/de/positionen/wofuer-wir-eintreten/"
                    "argumentationspapier-fonds-zivilgesellschaft",
                ),
            ],
        ),
        ("heading", {"text": "Schwerpunkte und Arbeitsgruppen", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Zum Schluss sammelten die Teilnehmer:innen die Themen, die sie im Bündnis "
                "verfolgen wollen – erst in Kleingruppen, dann auf einer gemeinsamen "
                'Online-Pinnwand (<a href="https://pinnwand.example.org/auftakt/themen">'
                "Padlet</a>). Daraus ergaben sich <b>drei Schwerpunkte</b>, an denen je eine "
                "Arbeitsgruppe weiterarbeitet."
            ),
        ),
        _update(
            groups,
            1,
            rich(
                "Gegründet, um den Strukturwandel über eine nachhaltige Dorfentwicklung "
                "anzugehen – mit ökologischen, wirtschaftlichen und sozialen Themen."
            ),
        ),
        _update(
            groups,
            2,
            rich(
                "Gegründet, um Entscheidungen im Strukturwandel transparenter und "
                "beteiligungsorientierter zu machen und neue Beteiligungsformate zu erproben."
            ),
        ),
        _update(
            groups,
            3,
            rich(
                "Gegründet für die interne Koordination und die langfristige Perspektive des "
                "Bündnisses: eine Arbeitsstruktur entwickeln und Fördermittel beantragen."
            ),
        ),
        (
            "decisions",
            {
                "heading": "",
                "intro": "",
                "items": [
                    {
                        "text": "Alle, die sich für eine AG gemeldet haben, werden kontaktiert, "
                        "um die nächsten Arbeitsschritte abzustimmen.",
                        "responsible": "Koordinierungsteam",
                        "due": "zeitnah",
                    },
                    {
                        "text": "Die AGs stehen allen Interessierten offen; über ihre Arbeit "
                        "wird fortlaufend informiert.",
                        "responsible": "",
                        "due": "",
                    },
                ],
            },
        ),
        (
            "networking",
            {
                "heading": "",
                **_cards_networking(),
            },
        ),
    ]
    return [block for block in body if block is not None]


def _cards_networking():
    """The kickoff report's networking section: it points at the site's own directory of
    business cards (participation) where the demo has one, instead of an external board."""
    directory = BusinessCardDirectoryPage.objects.live().first()
    if directory is None:
        return {
            "text": "<p>Auf einer Pinnwand können alle Interessierten ihre <b>digitale "
            "Visitenkarte</b> anlegen oder ergänzen.</p>",
            "links": [_link("Pinnwand für digitale Visitenkarten", CARDS_BOARD)],
        }
    return {
        "text": "<p>Im Verzeichnis <a "
        f'linktype="page" id="{directory.pk}">{directory.title}</a> können alle '
        "Interessierten ihre <b>digitale Visitenkarte</b> anlegen oder ergänzen.</p>",
        "links": [],
    }


def _may_body(groups):
    body = [
        (
            "paragraph",
            rich(
                "Zu Beginn gaben die Arbeitsgruppen, die im Februar gegründet wurden, einen "
                "Überblick über ihre Arbeit."
            ),
        ),
        _update(
            groups,
            1,
            rich(
                "In einem ersten Treffen hat die AG mögliche Themen und Formate abgesteckt. "
                "Künftig organisiert sie Veranstaltungen, bei denen Engagierte aus den "
                "Regionen ohne große Hürden ihre Ideen einbringen und gute Beispiele für "
                "nachhaltige Dorfentwicklung weitergeben können."
            ),
        ),
        _update(
            groups,
            2,
            rich(
                "Fazit des ersten Treffens: Partizipation ist eine Querschnittsaufgabe für alle "
                "Bereiche der Bündnisarbeit. Diesen Faden nimmt der künftige "
                "Koordinierungskreis auf."
            ),
        ),
        _update(
            groups,
            3,
            rich(
                "Als AG Struktur und Förderung hat die Gruppe seit Februar mehrmals in kleiner "
                "Runde getagt und Entwürfe für ein Leitbild und eine Arbeitsstruktur des "
                "Bündnisses geschrieben."
            ),
        ),
        (
            "discussion",
            {
                "heading": "Leitbild und Arbeitsstruktur",
                "intro": "<p>Die Entwürfe wurden erst in Kleingruppen, dann im Plenum "
                "diskutiert. Angeregt wurde vor allem:</p>",
                "points": [
                    _point(
                        "Mitbestimmung",
                        "Konkreter fassen, was zivilgesellschaftliche Mitbestimmung in der Praxis "
                        "heißt – von niedrigschwelligen Werkstätten bis zu selbstverwalteten "
                        "Fonds für bürgerschaftliches Engagement.",
                    ),
                    _point(
                        "Ländlicher Raum",
                        "Das Ziel, praxisnah im ländlichen Raum zu wirken, stärker betonen.",
                    ),
                    _point(
                        "Bestehende Strukturen",
                        "Das Bündnis will vorhandenes Engagement einbinden und ergänzen, nicht "
                        "verdoppeln.",
                        follow_up="Die Entwürfe werden überarbeitet und allen "
                        "Bündnispartner:innen zum schriftlichen Feedback geschickt.",
                    ),
                ],
            },
        ),
        (
            "decisions",
            {
                "heading": "",
                "intro": "<p>Wer in einer der Gruppen mitarbeiten möchte, meldet sich beim "
                'Organisationsteam: <a href="mailto:post@nachhaltiges-sachsen.example.org">'
                "post@nachhaltiges-sachsen.example.org</a>.</p>",
                "items": [
                    {
                        "text": "Einen Koordinierungskreis als Erweiterung der AG Struktur und "
                        "Förderung bilden, mit allen Bündnispartner:innen, die eine feste Rolle "
                        "übernehmen wollen (etwa als Netzwerkknoten oder Kompetenzstelle).",
                        "responsible": "",
                        "due": "",
                    },
                    {
                        "text": "Einen Förderantrag für das Bündnis auf Grundlage der "
                        "diskutierten Entwürfe ausarbeiten.",
                        "responsible": "Koordinierungskreis",
                        "due": "",
                    },
                    {
                        "text": "Neue Termine der AG Nachhaltige Dorfentwicklung planen.",
                        "responsible": "AG Nachhaltige Dorfentwicklung",
                        "due": "",
                    },
                ],
            },
        ),
        ("heading", {"text": "Das Bündnis in den Gremien", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Das Netzwerk Zukunft Sachsen-Anhalt e.V. arbeitet künftig in der AG "
                "„Gesellschaftliche Beteiligung“ der Stabsstelle Strukturwandel im "
                "Mitteldeutschen Revier mit. In Sachsen vertritt der Landesverband Nachhaltiges "
                "Sachsen e.V. die Interessengruppe „Zivilgesellschaftliche Netzwerke“ im "
                "Regionalen Begleitausschuss.",
                "Beide Sitze wollen wir nutzen, um Stimmen für Beteiligung und Nachhaltigkeit "
                "Gehör zu verschaffen; die Treffen des Koordinierungskreises verbinden wir "
                "deshalb mit einem Austausch über diese Gremienarbeit.",
            ),
        ),
    ]
    return [block for block in body if block is not None]
