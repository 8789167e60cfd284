"""Section pages of the site: the Stammtisch series, documentation, working groups, topics."""

from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import EventSeriesPage, MeetingFormat

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
    )


def build_placeholder_sections(home):
    """Sections whose own page types arrive with later features; until then content pages."""
    sections = [
        (
            "dokumentation",
            "Dokumentation und Berichte",
            "Was bei den Stammtischen und Bündnistreffen besprochen wurde.",
        ),
        (
            "arbeitsgruppen",
            "Arbeitsgruppen",
            "Die Arbeitsgruppen des Bündnisses und wie Sie mitmachen können.",
        ),
        (
            "themenfelder",
            "Themenfelder",
            "Alle Termine, Berichte und Gruppen, geordnet nach Themen.",
        ),
    ]
    return [
        ensure_child(
            home,
            ContentPage,
            slug,
            title=title,
            intro=intro,
            show_in_menus=True,
            search_description=intro,
        )
        for slug, title, intro in sections
    ]
