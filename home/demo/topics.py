"""Topic fields (Themenfelder) as the Stammtisch page names them, in our own words."""

from strukturwandel.topics.models import TopicField

from .utils import rich

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
