"""Section pages of the site: the Stammtisch series, documentation, working groups, topics."""

import datetime

import recurrence
from django.utils import timezone
from django.utils.html import escape
from wagtail.rich_text import RichText

from strukturwandel.documentation.models import DocumentationIndexPage
from strukturwandel.events.models import EventSeriesPage, MeetingFormat
from strukturwandel.groups.models import WorkingGroupIndexPage
from strukturwandel.topics.models import TopicFieldIndexPage

from .utils import ensure_child, rich

# The Stammtisch team's address (fictional): registration by e-mail, topic suggestions and
# offers to present something.
STAMMTISCH_ADDRESS = "stammtisch@nachhaltiges-sachsen.example.org"

# The association's own dates (seeds 002/004): single Mondays five to seven weeks apart, not a
# rule. The demo's upcoming dates follow a six-week rule from the next Monday but one.
SEED_DATES = [
    datetime.date(2021, 11, 1),
    datetime.date(2021, 12, 6),
    datetime.date(2022, 1, 24),
    datetime.date(2022, 3, 7),
    datetime.date(2022, 4, 25),
]

# The Stammtisch page's "Themenfelder" (seed 002) with the topic field's slug: the names link
# to the topic pages, which hold the descriptions.
STAMMTISCH_TOPIC_FIELDS = [
    ("Klimaschutz & Energiewende", "klimaschutz-energiewende"),
    ("Mobilität und lokale Infrastruktur", "mobilitaet-infrastruktur"),
    ("Nachhaltiges Wirtschaften", "nachhaltiges-wirtschaften"),
    ("Strukturwandel-Strukturen", "strukturwandel-strukturen"),
    ("Engagement und Zivilgesellschaft", "engagement-zivilgesellschaft"),
    ("…und mehr", "und-mehr"),
]


def first_upcoming_monday(today=None):
    """The anchor of the demo's six-week rule: a Monday 7 to 13 days ahead, so the first
    upcoming meeting is open for registration and the ones after it are not yet."""
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=7 + (7 - today.weekday()) % 7)


def _mail(address):
    return f'<a href="mailto:{address}">{address}</a>'


def build_stammtisch(home):
    return ensure_child(
        home,
        EventSeriesPage,
        "stammtisch",
        title="Strukturwandel-Stammtisch",
        show_in_menus=True,
        search_description="Der digitale Stammtisch für Engagierte im Mitteldeutschen Revier: "
        "Termine, Themen und Anmeldung.",
        intro=rich(
            "Mit dem digitalen Strukturwandel-Stammtisch möchten wir einen regelmäßigen, "
            "länderübergreifenden Austausch für Engagierte im Mitteldeutschen Revier anstoßen.",
            "Der Wandel, den der Kohleausstieg mit sich bringt, berührt viele Lebensbereiche und "
            "ist oft schwer zu durchschauen – er bietet aber auch die Chance, die Region "
            "nachhaltiger und lebenswerter zu machen. Beim Stammtisch finden Sie in lockerer "
            "Runde Mitstreiter:innen, Erfahrungen und Ideen. Jedes Treffen hat ein weit gefasstes "
            "Thema, zu dem zwei bis drei Teilnehmer:innen ein eigenes Projekt, eine Idee oder "
            "Initiative vorstellen.",
            "Wir treffen uns montags von 17:00 bis 18:30 Uhr. Die Termine bis April 2022 wurden "
            "einzeln festgelegt, mit fünf bis sieben Wochen Abstand. <i>In dieser Demo</i> "
            "folgen die kommenden Termine einem Rhythmus von sechs Wochen; ihre Themen und "
            "Impulse sind Beispiele.",
        ),
        default_format=MeetingFormat.ONLINE,
        # Until the registration app: visitors register by e-mail (fictional address).
        registration_email=STAMMTISCH_ADDRESS,
        schedule=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, interval=6, byday=recurrence.MO)],
            rdates=[datetime.datetime.combine(day, datetime.time(17)) for day in SEED_DATES],
        ),
        schedule_starts_on=first_upcoming_monday(),
        schedule_start_time=datetime.time(17, 0),
        schedule_end_time=datetime.time(18, 30),
        body=_stammtisch_body(),
    )


def _stammtisch_body():
    topic_list = "".join(
        f'<li><a href="/themenfelder/{slug}/">{escape(name)}</a></li>'
        for name, slug in STAMMTISCH_TOPIC_FIELDS
    )
    return [
        ("heading", {"text": "So läuft ein Treffen ab", "level": "h2"}),
        (
            "paragraph",
            RichText(
                rich(
                    "Zum Thema des Abends stellen zwei bis drei Teilnehmer:innen in kurzen "
                    "Impulsen ein eigenes Projekt, eine Idee oder Initiative vor. Danach kommen "
                    "wir ins Gespräch, tauschen Erfahrungen aus und schauen, wo wir uns "
                    "gegenseitig weiterhelfen können.",
                    "Die Treffen finden online statt. Den Zugangslink erhalten Sie, wenn Sie "
                    "sich beim jeweiligen Termin anmelden.",
                )
            ),
        ),
        ("heading", {"text": "Themensammlung: Fragen, Ideen, Anregungen", "level": "h2"}),
        (
            "paragraph",
            RichText(
                rich(
                    "Gibt es etwas, das beim Strukturwandel-Stammtisch zur Sprache kommen "
                    "sollte? Haben Sie eine konkrete Frage oder ein Anliegen? Wir sammeln alle "
                    "Vorschläge und bereiten damit die nächsten Treffen vor.",
                    "Schreiben Sie uns ein paar Sätze an "
                    f"{_mail(STAMMTISCH_ADDRESS)}: worum es geht und warum das Thema für den "
                    "Strukturwandel in Ihrer Region wichtig ist.",
                )
            ),
        ),
        ("heading", {"text": "Selbst etwas vorstellen", "level": "h2"}),
        (
            "paragraph",
            RichText(
                rich(
                    "Möchten Sie Ihr Projekt, Ihre Initiative oder Ihre Idee mit einem "
                    "Impulsbeitrag beim Strukturwandel-Stammtisch vorstellen? Dann schreiben Sie "
                    "dem Stammtisch-Team, damit wir Thema, Termin und Ablauf kurz miteinander "
                    "abstimmen können.",
                    f"Kontakt: Stammtisch-Team, {_mail(STAMMTISCH_ADDRESS)}",
                )
            ),
        ),
        ("heading", {"text": "Themenfelder", "level": "h2"}),
        (
            "paragraph",
            RichText(
                rich(
                    "Bei der Vorbereitung unserer Treffen orientieren wir uns an groben, "
                    "flexiblen Themenfeldern. Ihre Vorschläge aus der Themensammlung können sie "
                    "konkretisieren oder um neue Ideen erweitern."
                )
                + f"<ul>{topic_list}</ul>"
            ),
        ),
    ]


def build_documentation_section(home):
    existing = home.get_children().filter(slug="dokumentation").first()
    if existing is not None and not isinstance(existing.specific, DocumentationIndexPage):
        # Demo databases from before the documentation app held a plain content page here;
        # it had no children and no content of its own, so the index replaces it.
        if existing.get_children().exists():
            return existing.specific
        existing.delete()
    return ensure_child(
        home,
        DocumentationIndexPage,
        "dokumentation",
        title="Dokumentation und Berichte",
        intro=rich(
            "Was bei den Strukturwandel-Stammtischen und den Treffen des Bündnisses besprochen "
            "wurde: Impulse, Diskussionen, Updates aus den Arbeitsgruppen und nächste Schritte."
        ),
        show_in_menus=True,
        search_description="Was bei den Stammtischen und Bündnistreffen besprochen wurde.",
    )


def build_groups_section(home):
    return ensure_child(
        home,
        WorkingGroupIndexPage,
        "arbeitsgruppen",
        title="Arbeitsgruppen",
        intro=rich(
            "In den Arbeitsgruppen des Bündnisses arbeiten Engagierte aus Sachsen, "
            "Sachsen-Anhalt und Thüringen an gemeinsamen Schwerpunkten. Alle Gruppen stehen "
            "Interessierten offen.",
            "<i>In dieser Demo</i> zeigen die Seiten den Stand der Berichte vom 16.02.2021 und "
            "27.05.2021; die Ansprechpersonen sind erfunden.",
        ),
        join_email="post@nachhaltiges-sachsen.example.org",
        show_in_menus=True,
        search_description="Die Arbeitsgruppen des Bündnisses und wie Sie mitmachen können.",
    )


def build_topics_section(home):
    """The topic-field index; replaces the plain content page earlier demo databases have."""
    existing = home.get_children().filter(slug="themenfelder").first()
    if existing is not None and existing.specific_class is not TopicFieldIndexPage:
        if existing.get_children().exists():
            return existing.specific
        existing.delete()
    return ensure_child(
        home,
        TopicFieldIndexPage,
        "themenfelder",
        title="Themenfelder",
        intro=rich(
            "Der Strukturwandel berührt viele Lebensbereiche. Hier finden Sie zu jedem "
            "Themenfeld die kommenden und vergangenen Treffen, Berichte und die Arbeitsgruppen, "
            "die daran arbeiten."
        ),
        show_in_menus=True,
        search_description="Alle Termine, Berichte und Gruppen, geordnet nach Themen.",
    )
