"""Section pages of the site: the Stammtisch series, documentation, working groups, topics."""

import datetime

import recurrence
from django.utils import timezone
from wagtail.rich_text import RichText

from strukturwandel.documentation.models import DocumentationIndexPage
from strukturwandel.events.models import EventSeriesPage, MeetingFormat
from strukturwandel.groups.models import WorkingGroupIndexPage
from strukturwandel.topics.models import TopicFieldIndexPage

from .utils import ensure_child, rich


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
            "Der digitale Strukturwandel-Stammtisch ist ein regelmäßiger Treffpunkt für alle, "
            "die sich in Sachsen, Sachsen-Anhalt und Thüringen für einen nachhaltigen Wandel "
            "nach der Kohle einsetzen – über Landesgrenzen hinweg.",
            "Der Wandel der Region ist vielschichtig und oft schwer zu durchschauen. Beim "
            "Stammtisch finden Sie in entspannter Runde Mitstreiter:innen, Erfahrungen und "
            "Ideen. Jedes Treffen hat ein weit gefasstes Thema, zu dem zwei bis drei "
            "Teilnehmer:innen ein eigenes Projekt oder eine Initiative vorstellen.",
        ),
        default_format=MeetingFormat.ONLINE,
        # Until the registration app: visitors register by e-mail (fictional address).
        registration_email="stammtisch@nachhaltiges-sachsen.example.org",
        # Upcoming meetings on the first Monday of the month; the demo's past meetings keep
        # the dates they had.
        schedule=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.MONTHLY, byday=recurrence.MO(1))]
        ),
        schedule_starts_on=timezone.localdate().replace(day=1),
        schedule_start_time=datetime.time(17, 0),
        schedule_end_time=datetime.time(18, 30),
        body=[
            ("heading", {"text": "So läuft ein Treffen ab", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Zum Thema des Abends stellen zwei bis drei Teilnehmer:innen in kurzen "
                    "Impulsen ein eigenes Projekt, eine Idee oder Initiative vor. Danach kommen "
                    "wir ins Gespräch, tauschen Erfahrungen aus und schauen, wo wir uns "
                    "gegenseitig weiterhelfen können.</p>"
                    "<p>Die Treffen finden online statt. Den Zugangslink erhalten Sie, wenn Sie "
                    "sich beim jeweiligen Termin anmelden. Themenvorschläge und eigene Beiträge "
                    "sind jederzeit willkommen.</p>"
                ),
            ),
        ],
    )


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
            "Interessierten offen."
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
