"""The Stammtisch meetings: the five from the association's page, and upcoming ones.

Dates and topics of the past meetings come from the Stammtisch page (seeds 002/004); the
teasers are in our own words, the speakers are the demo's fictional people. Upcoming meetings
are placed on the series rule relative to today, so both lists are always filled: one with
registration open, one where it opens soon, and one that was cancelled; their topics are
examples, which the series page says. Runs before the
documentation builder, which finds these meetings by their date.
"""

import datetime
import zoneinfo

import recurrence
from django.utils import timezone

from strukturwandel.events.models import (
    MeetingFormat,
    MeetingPage,
    MeetingStatus,
    RecurringMeetingPage,
)
from strukturwandel.people.models import Person
from strukturwandel.topics.models import TopicField

from .people import speaker
from .utils import ensure_child, rich

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

# (date, topic, topic-field slugs, teaser, impulses as (title, person, organisation))
PAST_MEETINGS = [
    (
        datetime.date(2021, 11, 1),
        "Klimaschutz & Energiewende",
        ["klimaschutz-energiewende"],
        "Wo setzen Engagierte in Kommunen, Landkreisen und auf Landesebene gerade an, um die "
        "klimagerechte Transformation schneller voranzubringen – und wo lohnt es sich, "
        "gemeinsam weiterzumachen?",
        [],
    ),
    (
        datetime.date(2021, 12, 6),
        "Zivilgesellschaftliche Netzwerke",
        ["engagement-zivilgesellschaft"],
        "Welche zivilgesellschaftlichen Zusammenschlüsse gibt es im Revier schon, was haben sie "
        "beim Vernetzen gelernt, und was heißt das für die Selbstorganisation im "
        "Strukturwandel?",
        [
            ("Gespräche im Straßencafé: Zusammenhalt in Zeitz", "Paula Probe", ""),
            (
                "Der Aktionskreis Strukturwandel Leipziger Land stellt sich vor",
                "Jonas Testmann",
                "",
            ),
        ],
    ),
    (
        datetime.date(2022, 1, 24),
        "Lebendige Orte",
        ["regionalentwicklung", "engagement-zivilgesellschaft"],
        "Vom Dorfladen mit Zusatzangeboten bis zum Dorfzentrum für alle: Wie kommen Menschen "
        "zusammen und gestalten das Leben in ihrem Ort gemeinsam?",
        [],
    ),
    (
        datetime.date(2022, 3, 7),
        "Jugendbeteiligung",
        ["demokratie-beteiligung"],
        "Wie können junge Menschen ihre Zukunft in der Region aktiv mitgestalten? Wir schauen "
        "auf Ansätze und gute Beispiele, gerade aus dem ländlichen Raum.",
        [],
    ),
    (
        datetime.date(2022, 4, 25),
        "Stiftungen & Engagement",
        ["engagement-zivilgesellschaft"],
        "Stiftungen können für Vereine und Initiativen eine Alternative zu öffentlichen "
        "Förderprogrammen sein. Wie bringen wir beide Seiten im Revier besser zusammen?",
        [],
    ),
]

UPCOMING_MEETINGS = [
    (
        "Mobilität auf dem Land",
        ["mobilitaet-infrastruktur"],
        "Bürgerbus, Rufbus, Mitfahrbank: Wie bleiben Schule, Arzt und Laden ohne eigenes Auto "
        "erreichbar – und was können Initiativen selbst anstoßen?",
        # A fictional initiative: the demo gives no real organisation an impulse it never gave.
        [
            (
                "Die Mitfahrbank in Musterdorf",
                "Kim Beispielhaft",
                "Mitfahrbank-Initiative Musterdorf",
            )
        ],
    ),
    (
        "Kunst und Kultur im Strukturwandel",
        ["regionalentwicklung"],
        "Vorgeschlagen beim Stammtisch am 06.12.2021: Welche Rolle spielen Kunst und Kultur für "
        "die Zukunft der Region, und wer macht schon mit?",
        [],
    ),
    (
        "Nachhaltiges Wirtschaften",
        ["nachhaltiges-wirtschaften"],
        "Wo gibt es im Revier Unternehmen, die beim nachhaltigen Wirtschaften vorangehen?",
        [],
    ),
]

CALL_LINK = "https://meet.example.org/strukturwandel-stammtisch"


def build_events(home, series):
    topics = {topic.slug: topic for topic in TopicField.objects.all()}
    people = {person.name: person for person in Person.objects.all()}
    for day, topic, slugs, teaser, impulses in PAST_MEETINGS:
        start = datetime.datetime.combine(day, datetime.time(17), tzinfo=BERLIN)
        _ensure_meeting(
            series,
            start,
            topic=topic,
            topic_fields=[topics[slug] for slug in slugs if slug in topics],
            teaser=teaser,
            impulses=_impulses(impulses, people),
        )
    _ensure_upcoming(series, topics, people)
    _ensure_recurring_meeting(home, topics)


def _ensure_upcoming(series, topics, people):
    now = timezone.now()
    if MeetingPage.objects.child_of(series).filter(end__gt=now).exists():
        return
    occurrences = series.schedule_occurrences(now, now + datetime.timedelta(days=150))
    for number, (occurrence, meeting) in enumerate(
        zip(occurrences, UPCOMING_MEETINGS, strict=False)
    ):
        topic, slugs, teaser, impulses = meeting
        fields = {
            "topic": topic,
            "topic_fields": [topics[slug] for slug in slugs if slug in topics],
            "teaser": teaser,
            "impulses": _impulses(impulses, people),
            "call_link": CALL_LINK,
            "capacity": 40,
            "registration_closes_at": occurrence.start - datetime.timedelta(hours=2),
        }
        if number == 0:
            # A small group, so the places left and the waiting list are easy to try out.
            fields["capacity"] = 6
            fields["registration_opens_at"] = min(
                now - datetime.timedelta(days=1), occurrence.start - datetime.timedelta(days=21)
            )
        elif number == 1:
            fields["registration_opens_at"] = occurrence.start - datetime.timedelta(days=14)
        else:
            fields["status"] = MeetingStatus.CANCELLED
            fields["status_note"] = (
                "Dieser Termin entfällt. Das Thema greifen wir beim nächsten Stammtisch auf."
            )
        _ensure_meeting(series, occurrence.start, end=occurrence.end, **fields)


def _ensure_meeting(series, start, *, end=None, topic_fields=(), **fields):
    day = start.astimezone(BERLIN).date()
    for meeting in MeetingPage.objects.child_of(series):
        if meeting.start.astimezone(BERLIN).date() == day:
            return meeting
    meeting = MeetingPage(
        title=f"Strukturwandel-Stammtisch am {day:%d.%m.%Y}",
        slug=f"{day:%Y-%m-%d}",
        start=start,
        end=end or start + datetime.timedelta(minutes=90),
        format=MeetingFormat.ONLINE,
        **fields,
    )
    series.add_child(instance=meeting)
    meeting.topic_fields.set(topic_fields)
    meeting.save_revision().publish()
    return meeting


def _impulses(impulses, people):
    return [
        (
            "impulse",
            {"title": title, "speakers": [speaker(people, name, organisation)]},
        )
        for title, name, organisation in impulses
    ]


def _ensure_recurring_meeting(home, topics):
    return ensure_child(
        home,
        RecurringMeetingPage,
        "treffen-aktionskreis-leipziger-land",
        title="Offenes Treffen des Aktionskreises Strukturwandel Leipziger Land",
        topic="Nachhaltiger und sozial gerechter Strukturwandel im Leipziger Land",
        teaser="Der Aktionskreis ist eine offene Gruppe: Wer sich für einen nachhaltigen und "
        "sozial gerechten Strukturwandel in der Leipziger Braunkohleregion einsetzen möchte, "
        "ist willkommen.",
        format=MeetingFormat.IN_PERSON,
        venue="an wechselnden Begegnungsorten im Leipziger Land",
        contact_email="aktionskreis@example.org",
        schedule=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.MONTHLY, byday=recurrence.MO(2))]
        ),
        schedule_starts_on=datetime.date(2021, 9, 1),
        schedule_start_time=datetime.time(18, 0),
        schedule_end_time=datetime.time(20, 0),
        topic_fields=[topics[slug] for slug in ["regionalentwicklung"] if slug in topics],
        body=[
            (
                "paragraph",
                rich(
                    "Im Dezember 2021 nannte der Aktionskreis: Treffen jeden 2. Montag im Monat "
                    "an verschiedenen Begegnungsorten im Leipziger Land. <i>In dieser Demo</i> "
                    "sind Uhrzeit, Termine und Kontaktadresse Beispiele; wann und wo er sich "
                    'trifft, steht auf <a href="https://ak-strukturwandel.de">'
                    "ak-strukturwandel.de</a>."
                ),
            )
        ],
    )
