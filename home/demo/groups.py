"""The alliance's working groups as the reports of February and May 2021 describe them.

Facts (names, numbers, founding date, who continues in which group) come from the reports;
the purposes are in our own words, and each says that it is the state of May 2021. The
reports name no member organisations, so the groups list none; their contact is the demo's
stand-in for the person the reports name for joining a group.
"""

import datetime

from strukturwandel.groups.models import GroupStatus, WorkingGroupPage

from .utils import ensure_child, rich, set_m2m_and_publish

FOUNDED = datetime.date(2021, 2, 16)  # the alliance's kick-off meeting

GROUPS = [
    {
        "slug": "ag-1-nachhaltige-dorfentwicklung",
        "title": "Nachhaltige Dorfentwicklung",
        "number": 1,
        "founded_on": FOUNDED,
        "status": GroupStatus.ACTIVE,
        "short_description": "Gute Beispiele für lebendige, nachhaltige Dörfer in der Region "
        "bekannt machen und Engagierte vor Ort vernetzen.",
        "purpose": rich(
            "Die AG nähert sich dem Strukturwandel über die Frage, wie Dörfer im Revier "
            "ökologisch, wirtschaftlich und sozial zukunftsfähig werden.",
            "Sie plant Veranstaltungen, bei denen Engagierte aus den Regionen ohne große Hürden "
            "ihre Ideen einbringen können, und sorgt dafür, dass gelungene Beispiele von einem "
            "Ort zum nächsten weitergegeben werden.",
        ),
        "topics": ["regionalentwicklung", "mobilitaet-infrastruktur", "nachhaltiges-wirtschaften"],
        "contacts": ["Alex Platzhalter"],
    },
    {
        "slug": "ag-2-transparenz-und-beteiligung",
        "title": "Transparenz und Beteiligung",
        "number": 2,
        "founded_on": FOUNDED,
        "status": GroupStatus.ACTIVE,
        "short_description": "Wege zu offeneren Entscheidungen im Strukturwandel. Beteiligung "
        "ist eine Querschnittsaufgabe für alle Bereiche des Bündnisses (Stand: Mai 2021).",
        "purpose": rich(
            "Die AG sucht nach Wegen, Entscheidungen im Strukturwandel nachvollziehbarer zu "
            "machen und die Menschen vor Ort stärker einzubeziehen – auch mit neuen, "
            "erprobten Beteiligungsformaten.",
            "Nach ihrem ersten Treffen hielt sie fest: Beteiligung ist eine Querschnittsaufgabe "
            "für alle Bereiche des Bündnisses. Diesen Faden soll der Koordinierungskreis "
            "aufnehmen (Bericht vom 27.05.2021).",
        ),
        "topics": ["demokratie-beteiligung", "strukturwandel-strukturen"],
        "contacts": ["Alex Platzhalter"],
    },
    {
        "slug": "ag-3-interne-struktur-und-vernetzung",
        "title": "Interne Struktur und Vernetzung",
        "number": 3,
        "founded_on": FOUNDED,
        "status": GroupStatus.MERGED,
        "merged_into": "koordinierungskreis",
        "short_description": "Im Mai 2021 „AG Struktur & Förderung“; der Koordinierungskreis "
        "wird als ihre Erweiterung gebildet.",
        "purpose": rich(
            "Die AG kümmerte sich um die Zusammenarbeit im Bündnis und darum, dass es langfristig "
            "bestehen kann: Sie entwarf ein Leitbild und eine Arbeitsstruktur und bereitete die "
            "Suche nach Fördermitteln vor.",
            "Beim Bündnistreffen am 27.05.2021 wurde beschlossen, die AG zu einem "
            "Koordinierungskreis zu erweitern, der diese Arbeit in größerer Runde fortsetzt.",
        ),
        "topics": ["strukturwandel-strukturen", "engagement-zivilgesellschaft"],
        "contacts": ["Alex Platzhalter"],
    },
    {
        "slug": "koordinierungskreis",
        "title": "Koordinierungskreis",
        "number": None,
        "founded_on": None,
        "status": GroupStatus.ACTIVE,
        "short_description": "Soll die Bündnisarbeit koordinieren und den Förderantrag "
        "ausarbeiten (beschlossen im Mai 2021).",
        "purpose": rich(
            "Beim Bündnistreffen am 27.05.2021 beschlossen: Der Koordinierungskreis wird als "
            "Erweiterung der AG Struktur &amp; Förderung gebildet. "
            "In ihm sollen alle Bündnispartner:innen vertreten sein, die eine feste Rolle im "
            "Bündnis übernehmen wollen – etwa als Netzwerkknoten oder Kompetenzstelle.",
            "Seine nächste wichtige Aufgabe ist ein Förderantrag für das Bündnis auf Grundlage von "
            "Leitbild und Arbeitsstruktur. Außerdem soll er das Thema Beteiligung als "
            "Querschnittsaufgabe aufnehmen, und seine Treffen werden mit einem Austausch über "
            "die Mitwirkung des Bündnisses in den Gremien verbunden.",
        ),
        "topics": ["strukturwandel-strukturen", "demokratie-beteiligung"],
        "contacts": ["Alex Platzhalter"],
    },
]


def build_groups(index, topics, people):
    """The working groups below ``index``; groups that exist already are left as they are."""
    if not index.join_email:
        index.join_email = "post@nachhaltiges-sachsen.example.org"
        index.save_revision().publish()
    groups, created = {}, []
    for spec in GROUPS:
        if not index.get_children().filter(slug=spec["slug"]).exists():
            created.append(spec)
        groups[spec["slug"]] = ensure_child(
            index,
            WorkingGroupPage,
            spec["slug"],
            title=spec["title"],
            number=spec["number"],
            founded_on=spec["founded_on"],
            # A merged group needs its successor, which may not exist yet: set below.
            status=GroupStatus.ACTIVE if spec.get("merged_into") else spec["status"],
            short_description=spec["short_description"],
            purpose=spec["purpose"],
            search_description=spec["short_description"],
        )
    # Relations last: a group can only be merged into one that exists.
    for spec in created:
        group = groups[spec["slug"]]
        group.status = spec["status"]
        group.merged_into = groups.get(spec.get("merged_into"))
        set_m2m_and_publish(
            group,
            topic_fields=[topics[slug] for slug in spec["topics"]],
            contacts=[people[name] for name in spec["contacts"]],
        )
    return groups
