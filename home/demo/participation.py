"""Participation in the demo: the topic collection, "Selbst etwas vorstellen", and the
directory of business cards at /vernetzung/, with a few clearly fictional entries (marked
as examples where visitors see them, example.org addresses only)."""

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from strukturwandel.events.models import MeetingPage
from strukturwandel.participation.models import (
    BusinessCard,
    BusinessCardDirectoryPage,
    ImpulseOffer,
    ImpulseOfferPage,
    Status,
    TopicSuggestion,
    TopicSuggestionPage,
)
from strukturwandel.topics.models import TopicField

from .utils import ensure_child, rich

DEMO_NOTE = "Die Einträge hier sind erfundene Beispiele der Demo-Website."

# (title, description, topic-field slug, status)
SUGGESTIONS = [
    (
        "Mobil ohne eigenes Auto: Rufbusse und Mitfahrbänke",
        "Welche Erfahrungen gibt es im Revier mit Rufbussen, Bürgerbussen und Mitfahrbänken? "
        "(Beispiel der Demo)",
        "mobilitaet-infrastruktur",
        Status.PLANNED,
    ),
    (
        "Junge Menschen in Beteiligungsprozessen",
        "Wie erreichen Beteiligungsverfahren im Strukturwandel Jugendliche? (Beispiel der Demo)",
        "demokratie-beteiligung",
        Status.ACCEPTED,
    ),
    (
        "Gemeinschaftsgärten auf ehemaligen Tagebauflächen",
        "Ein Vorschlag, den noch niemand gesichtet hat. (Beispiel der Demo)",
        "regionalentwicklung",
        Status.NEW,
    ),
]

# (name, organisation, region, topic-field slugs, offers, looks for, website, public contact)
CARDS = [
    (
        "Paula Probe (Beispiel)",
        "Bürgerverein Musterdorf",
        "burgenlandkreis",
        ["regionalentwicklung", "engagement-zivilgesellschaft"],
        "Erfahrung mit einem Dorfladen in Bürgerhand; Räume für Treffen.",
        "Mitstreiter:innen für ein Repair-Café.",
        "https://example.org/buergerverein-musterdorf",
        "paula.probe@example.org",
    ),
    (
        "Initiative Lebendiges Dorf (Beispiel)",
        "",
        "landkreis-leipzig",
        ["regionalentwicklung"],
        "Kontakte zu Ortschaftsräten und Vereinen im Leipziger Land.",
        "Ideen für leerstehende Gebäude.",
        "",
        "",
    ),
    (
        "Jonas Testmann (Beispiel)",
        "Energiegenossenschaft Beispielstadt",
        "saalekreis",
        ["klimaschutz-energiewende", "nachhaltiges-wirtschaften"],
        "Wissen zu Bürgerenergie und Genossenschaftsgründung.",
        "Flächen und Partner für Solaranlagen.",
        "https://example.org/energiegenossenschaft",
        "0345 000000 (Beispiel)",
    ),
    (
        "Lena Exempel (Beispiel)",
        "Jugendnetzwerk Altenburger Land",
        "altenburger-land",
        ["demokratie-beteiligung"],
        "Workshops zu Jugendbeteiligung.",
        "Kommunen, die Jugendliche beteiligen wollen.",
        "",
        "lena.exempel@example.org",
    ),
]


def build_participation(home, topic_index):
    """The three pages below the home page, the demo entries, and the "Organisation" group's
    permission to moderate them; the topic index's "Suggest a topic" leads to the form
    instead of the page that explains how to write an e-mail. Returns the directory page."""
    suggestions = ensure_child(
        home,
        TopicSuggestionPage,
        "themensammlung",
        title="Themensammlung: Fragen, Ideen, Anregungen",
        intro=rich(
            "Welches Thema sollte beim Strukturwandel-Stammtisch zur Sprache kommen? Schlagen "
            "Sie es uns vor: Wir lesen jeden Vorschlag und nehmen passende Themen in die "
            "Planung der nächsten Treffen auf."
        ),
        search_description="Schlagen Sie dem Strukturwandel-Stammtisch ein Thema vor.",
    )
    ensure_child(
        home,
        ImpulseOfferPage,
        "selbst-vorstellen",
        title="Selbst etwas vorstellen",
        intro=rich(
            "Sie möchten Ihr Projekt oder Ihre Initiative beim Stammtisch in einem kurzen "
            "Impuls vorstellen? Erzählen Sie uns davon; wir melden uns und planen mit Ihnen "
            "einen passenden Termin."
        ),
        search_description="Stellen Sie Ihr Projekt beim Strukturwandel-Stammtisch vor.",
    )
    directory = ensure_child(
        home,
        BusinessCardDirectoryPage,
        "vernetzung",
        title="Vernetzung: digitale Visitenkarten",
        intro=rich(
            "Engagierte aus dem Mitteldeutschen Revier stellen sich vor: was sie anbieten und "
            f"was sie suchen. {DEMO_NOTE}"
        ),
        form_intro=rich(
            "Mit Ihrer Visitenkarte finden andere Engagierte Sie nach Region und Themenfeld. "
            "Sie können sie jederzeit ändern oder löschen."
        ),
        search_description="Digitale Visitenkarten von Engagierten im Mitteldeutschen Revier.",
    )
    explained = topic_index.suggestion_page
    if explained is None or explained.slug == "thema-vorschlagen":
        topic_index.suggestion_page = suggestions
        topic_index.save_revision().publish()
    topics = {topic.slug: topic for topic in TopicField.objects.all()}
    _build_entries(topics)
    group, _created = Group.objects.get_or_create(name="Organisation")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="strukturwandel_participation",
            codename="moderate_participation",
        )
    )
    return directory


def _build_entries(topics):
    if TopicSuggestion.objects.exists() or BusinessCard.objects.exists():
        return
    for title, description, slug, status in SUGGESTIONS:
        meeting = None
        if status == Status.PLANNED:
            meeting = MeetingPage.objects.live().filter(topic_fields__slug=slug).first()
            status = Status.PLANNED if meeting else Status.ACCEPTED
        TopicSuggestion.objects.create(
            title=title,
            description=description,
            topic_field=topics.get(slug),
            status=status,
            meeting=meeting,
        )
    ImpulseOffer.objects.create(
        name="Max Muster",
        organisation="Dorfladen Musterdorf e.V. (Beispiel)",
        email="max.muster@example.org",
        project="Ein Dorfladen in Bürgerhand",
        description="Wie ein Verein den letzten Laden im Ort übernommen hat.",
        topic_field=topics.get("regionalentwicklung"),
    )
    now = timezone.now()
    for name, organisation, region, slugs, offers, looks_for, website, contact in CARDS:
        card = BusinessCard.objects.create(
            name=name,
            organisation=organisation,
            region=region,
            offers=offers,
            looks_for=looks_for,
            website=website,
            public_contact=contact,
            email=f"karte-{region}@example.org",
            status=Status.PUBLISHED,
            confirmed_at=now,
        )
        card.topic_fields.set([topics[slug] for slug in slugs if slug in topics])
    # One that waits for its owner's confirmation: editors see it, visitors do not.
    BusinessCard.objects.create(
        name="Unbestätigte Karte (Beispiel)",
        region="anderswo",
        offers="Noch nicht bestätigt.",
        email="unbestaetigt@example.org",
    )
