"""Topic fields (Themenfelder) as the Stammtisch page names them, in our own words."""

from strukturwandel.core.models import ContentPage
from strukturwandel.topics.models import TopicField

from .utils import ensure_child, rich

TOPIC_FIELDS = [
    (
        "Klimaschutz & Energiewende",
        "klimaschutz-energiewende",
        "Der Kohleausstieg ist der Anlass des Strukturwandels. Wir tauschen uns über Strategien "
        "und gelungene Beispiele für eine Energiewende aus, die vor Ort getragen wird.",
    ),
    (
        "Mobilität und lokale Infrastruktur",
        "mobilitaet-infrastruktur",
        "Wie bleiben Schule, Arzt und Laden für alle erreichbar – auch ohne eigenes Auto? "
        "Wir sammeln Ansätze für klimagerechte Mobilität und gute Daseinsvorsorge auf dem Land.",
    ),
    (
        "Nachhaltiges Wirtschaften",
        "nachhaltiges-wirtschaften",
        "Von der Landwirtschaft bis zum Tourismus: Wir suchen Unternehmen, die in der Region "
        "vorangehen, und fragen, wie ihre Ansätze in die Breite kommen.",
    ),
    (
        "Strukturwandel-Strukturen",
        "strukturwandel-strukturen",
        "Förderprogramme, Gremien, Entscheidungswege: Wir bauen gemeinsam einen Wegweiser für "
        "Engagierte, die den Prozess mitgestalten wollen.",
    ),
    (
        "Engagement und Zivilgesellschaft",
        "engagement-zivilgesellschaft",
        "Wo finden Initiativen Mitstreiter:innen und Unterstützung? Wir bringen Haupt- und "
        "Ehrenamtliche zu Austausch und kollegialer Beratung zusammen.",
    ),
    (
        "Dorf-, Stadt- und Regionalentwicklung",
        "regionalentwicklung",
        "Lebendige Orte, Dorfläden und Begegnungszentren: wie Menschen das Leben in ihrem Ort "
        "gemeinsam gestalten.",
    ),
    (
        "Demokratie, Partizipation & Beteiligung",
        "demokratie-beteiligung",
        "Wie wird der Strukturwandel transparenter und beteiligungsorientierter – auch für "
        "junge Menschen?",
    ),
    (
        "…und mehr",
        "und-mehr",
        "Welches Thema fehlt? Was sollte beim Strukturwandel-Stammtisch zur Sprache kommen? "
        "Schlagen Sie uns gern ein Thema vor.",
    ),
]


def build_topic_fields():
    topics = {}
    for order, (name, slug, description) in enumerate(TOPIC_FIELDS):
        topic, _created = TopicField.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": rich(description), "sort_order": order},
        )
        topics[slug] = topic
    return topics


SUGGESTION_ADDRESS = "themen@nachhaltiges-sachsen.example.org"


def build_suggestion_page(home, topic_index):
    """How to suggest a topic, chosen as the topic index's suggestion page ("…und mehr" asks
    visitors for suggestions). An editor's other choice is kept."""
    page = ensure_child(
        home,
        ContentPage,
        "thema-vorschlagen",
        title="Thema vorschlagen",
        search_description="Wie Sie dem Strukturwandel-Stammtisch ein Thema vorschlagen.",
        intro="Ihnen fehlt ein Thema beim Strukturwandel-Stammtisch oder in unseren "
        "Themenfeldern? Schlagen Sie es uns vor – wir freuen uns über jede Anregung.",
        body=[
            ("heading", {"text": "So schlagen Sie ein Thema vor", "level": "h2"}),
            (
                "paragraph",
                rich(
                    f'Schreiben Sie uns eine E-Mail an <a href="mailto:{SUGGESTION_ADDRESS}">'
                    f"{SUGGESTION_ADDRESS}</a>. Ein paar Sätze genügen; hilfreich sind "
                    "Antworten auf diese Fragen:"
                )
                + "<ul><li>Worum geht es, und warum ist das Thema für den Strukturwandel in "
                "Ihrer Region wichtig?</li>"
                "<li>Kennen Sie ein Projekt, eine Initiative oder eine Person, die dazu einen "
                "Impuls geben könnte – vielleicht Sie selbst?</li>"
                "<li>Zu welchem Themenfeld passt Ihr Vorschlag, oder fehlt ein Themenfeld?</li>"
                "</ul>",
            ),
            ("heading", {"text": "Wie es weitergeht", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Wir lesen jeden Vorschlag und melden uns bei Ihnen. Passende Themen nehmen "
                    "wir in die Planung der nächsten Treffen auf; ähnliche Vorschläge führen wir "
                    "zu einem Abend zusammen. Wenn Sie mögen, laden wir Sie ein, Ihr Thema mit "
                    "einem kurzen Impuls selbst vorzustellen.",
                ),
            ),
        ],
    )
    if topic_index.suggestion_page_id is None:
        topic_index.suggestion_page = page
        topic_index.save_revision().publish()
    return page
