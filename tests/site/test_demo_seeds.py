"""Does the demo say what the association's own pages say?

``SEED_FACTS`` lists, for each of the association's pages the demo is built from (the seeds),
its key facts: dates, names of real organisations and projects, key phrases. Each fact is
looked up on the rendered demo page where a visitor would find it (the page's text outside its
header and navigation, so a menu entry never counts). A fact is a string, or a tuple of
spellings of which one must appear (the demo writes in its own words: "Klima und Umwelt" for
"Klima & Umwelt"); the first spelling is always the seed's.

Left out on purpose: the names and e-mail addresses of real people (the demo's people are
fictional, with example.org addresses), and the addresses of the pin boards (Padlets) that carry
a person's name. Run with ``-s`` to see the share of facts found per seed.
"""

import html as html_module
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

FOOTER = [
    "Landesverband Nachhaltiges Sachsen e.V.",
    "Schützengasse 16-18",
    "01067 Dresden",
    "Newsletter",
    "Sächsischen Landtags",
    "Sächsische Staatsministerium für Umwelt und Landwirtschaft",
]

SEED_FACTS = {
    # The report of the alliance meeting of 27.05.2021.
    "000_0206fee1bbf7669c": {
        "/dokumentation/buendnistreffen-2021-05-27/": [
            "Strukturwandel-Bündnistreffen im Mai",
            "27.05.2021",
            "Leitbild",
            "zivilgesellschaftliche Mitbestimmung",
            "Arbeitsstrukturen",
            "AG Nachhaltige Dorfentwicklung",
            ("AG Beteiligung und Transparenz", "Transparenz und Beteiligung"),
            "Partizipation",
            "Querschnittsaufgabe",
            "Koordinierungskreis",
            ("AG Struktur und Förderung", "AG Struktur & Förderung"),
            "Kleingruppen",
            "Plenum",
            "Werkstätten",
            "selbstverwalteten Fonds",
            "ländlichen Raum",
            ("schriftliches Feedback", "schriftlichen Feedback"),
            "Netzwerkknoten",
            "Kompetenzstelle",
            "Förderantrag",
            "Organisationsteam",
            "Netzwerk Zukunft Sachsen-Anhalt e.V.",
            "Gesellschaftliche Beteiligung",
            "Stabsstelle Strukturwandel im Mitteldeutschen Revier",
            "Regionalen Begleitausschuss",
            "Zivilgesellschaftliche Netzwerke",
            *FOOTER,
        ],
    },
    # The report of the kick-off meeting of 16.02.2021, with the survey's presentation.
    "001_4732343bd70db0fa": {
        "/dokumentation/auftaktveranstaltung-2021-02-16/": [
            "Ein Strukturwandel-Bündnis für das Mitteldeutsche Revier",
            "16.02.2021",
            "Akteursbefragung",
            "Landesverband Nachhaltiges Sachsen e.V.",
            "Netzwerk Zukunft Sachsen-Anhalt e.V.",
            "Rund 40",
            "Sachsen-Anhalt",
            "Augenhöhe",
            "Politik, Verwaltung und Wirtschaft",
            "Hintergrundtext_Umfrage_final.pdf",
            "rund 150",
            "Klima- und Umweltschutz",
            ("Dorf-/Stadt-/Regionalentwicklung", "Dorf-, Stadt- und Regionalentwicklung"),
            ("Klima & Umwelt", "Klima und Umwelt"),
            ("Demokratie, Partizipation & Engagement", "Demokratie, Partizipation und Engagement"),
            "rund 100",
            "Bürgerregion Lausitz",
            "Lausitzer Perspektiven e.V.",
            "2020",
            "KxNjBQSIEOk",
            "YRezoxiTMD0",
            "argumentationspapier-fonds-zivilgesellschaft",
            "drei Schwerpunkte",
            "AG 1: Nachhaltige Dorfentwicklung",
            "AG 2: Transparenz und Beteiligung",
            "AG 3: Interne Struktur und Vernetzung",
            ("Fördergeldern", "Fördermittel"),
            "Koordinierungsteam",
            ("digitale Visitenkarten", "digitale Visitenkarte"),
            "Zukunft braucht Zivilgesellschaft",
            "RENN.mitte",
            "151",
            "Koordinierungskreis",
            "zu passenden Anlässen und Themen",
            ("weiter zum Projekt informiert", "weiter zum Projekt informiert werden"),
            ("Aktuell kein Interesse", "aktuell kein Interesse"),
        ],
    },
    # The page of the Strukturwandel-Stammtisch (December 2021).
    "002_bcd5e87b8f432e76": {
        "/stammtisch/": [
            "Strukturwandel-Stammtisch",
            ("regelmäßigen, länderübergreifenden Austausch", "länderübergreifend"),
            "Kohleausstieg",
            "Mitstreiter:innen",
            ("2-3 Impulse", "zwei bis drei"),
            "Vorschläge",
            "06.12.2021",
            "24.01.2022",
            "07.03.2022",
            "25.04.2022",
            "01.11.2021",
            "17:00-18:30",
            "Lebendige Orte",
            "Jugendbeteiligung",
            "Stiftungen & Engagement",
            "Klimaschutz & Energiewende",
            ("Dorfladen Plus", "Dorfladen"),
            ("multifunktionalen Dorfzentrum", "Dorfzentrum"),
            ("zivilgesellschaftlichen Zusammenschlüsse", "zivilgesellschaftliche Zusammenschlüsse"),
            ("Best-Practice-Beispiele", "gute Beispiele"),
            ("öffentlichen Förderrichtlinien", "öffentlichen Förderprogrammen"),
            "klimagerechte",
            "Themensammlung",
            "Fragen, Ideen, Anregungen",
            "Selbst etwas vorstellen",
            "Impulsbeitrag",
            "Themenfelder",
            "Mobilität und lokale Infrastruktur",
            "Nachhaltiges Wirtschaften",
            "Strukturwandel-Strukturen",
            "Engagement und Zivilgesellschaft",
            ("...und mehr", "…und mehr"),
            *FOOTER,
        ],
        # The Stammtisch page's list of topic fields links the topic index, which describes them.
        "/themenfelder/": [
            "Daseinsvorsorge",
            ("Vom Tourismus bis zur Landwirtschaft", "Tourismus"),
            "Wegweiser",
            "kollegialer Beratung",
        ],
        # The past meeting's entry links its documentation.
        "/stammtisch/2021-11-01/": ["01.11.2021", "Klimaschutz & Energiewende", "Dokumentation"],
    },
    # The project page of Netzwerk Zukunft Regional.
    "003_924f3e199e311ce1": {
        "/netzwerk-zukunft-regional/": [
            "Netzwerk Zukunft Regional",
            "kreisfreien Städten",
            "Akteursdichte",
            "Vereinen und Initiativen",
            "Kommunen",
            "Unternehmen",
            "Bildungseinrichtungen",
            "Religionsgemeinschaften",
            "Ressourcen",
            "Sach- und Personalleistungen",
            "Bund und Land",
            "lokalen Akteur:innen",
            ("Good-Practice-Beispielen", "Good-Practice"),
            "Schlüsselthemen",
            "Verkehr",
            "Landwirtschaft",
            "nachhaltiges Wirtschaften",
            "Energie und Klimaschutz",
            "Entwicklungszusammenarbeit",
            "Bildung für nachhaltige Entwicklung",
            "Beratung und Coaching",
            "Landesebene",
            "global gerechten",
            *FOOTER,
        ],
    },
    # The documentation of the Stammtisch of 06.12.2021.
    "004_f83d7cdc59d0ebd5": {
        "/dokumentation/stammtisch-2021-12-06/": [
            "Strukturwandel-Stammtisch am 06.12.2021",
            "Zivilgesellschaftliche Netzwerke",
            "Gesellschaftsdenken e.V.",
            "bundesweit",
            "Stadt Zeit",
            "Leerstand",
            "Polarisierung",
            "Straßencafé",
            "mehrere Tausend Gespräche",
            "gesellschaftsdenken.org",
            "Aktionskreis Strukturwandel Leipziger Land",
            "AkSLL",
            "ak-strukturwandel.de",
            ("Leipziger Braunkohleregion", "Leipziger Braunkohlerevier"),
            "sozial gerechten",
            "20.09.2021",
            "Ökokirche Deutzen",
            "Neukieritzsch",
            "Gundermann Revier",
            "Tomorrow",
            "Metropolregion",
            "jeden 2. Montag",
            "Transparenz",
            "Bürgerregion Lausitz",
            "Beteiligungs- und Gesprächsangebote",
            "Bildungsangebote",
            "VHS Leipzig",
            "klimafit",
            "Multiplikator:innen",
            ("nachhaltige Transformation", "Nachhaltige Transformation"),
            "Arbeitsplätze",
            "Kinder und Jugendliche",
            "07.03.2022",
            "Kunst und Kultur",
            "Infoplattform",
            "Burg Giebichenstein Kunsthochschule Halle",
            "Webauftritt",
            "Padlet",
            "24.01.2022",
            "Lebendige Orte",
            "Jugendbeteiligung",
            "25.04.2022",
            "Stiftungen & Engagement",
            ("digitale Visitenkarten", "digitale Visitenkarte"),
        ],
    },
}

# Where the seeds are in this project's workspace; elsewhere set DEMO_SEEDS_DIR.
SEEDS_DIR = Path(
    os.environ.get("DEMO_SEEDS_DIR", Path(__file__).resolve().parents[3] / "shared" / "seeds")
)

DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "„": '"', "“": '"', "”": '"'})


def normalise(text):
    return re.sub(r"\s+", " ", text.translate(DASHES)).strip().casefold()


def visible_text(page_html):
    """The page as a visitor reads it, without the site header and its menu."""
    body = re.sub(r"<header class=\"site-header\">.*?</header>", " ", page_html, flags=re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    # Link targets count: a visitor follows them (a PDF, a film, a website).
    body = re.sub(r'<a [^>]*href="([^"]*)"[^>]*>', r" \1 ", body)
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", body))
    # Screen-reader text after a link label reads "Dokumentation : Thema"; a visitor reads ":".
    return normalise(text).replace(" :", ":")


def spellings(fact):
    return fact if isinstance(fact, tuple) else (fact,)


def missing_facts(client):
    """{seed: [(path, fact), …]} for every fact the rendered demo does not show, and the count
    of all facts."""
    missing, total = {}, 0
    for seed, pages in SEED_FACTS.items():
        for path, facts in pages.items():
            response = client.get(path)
            assert response.status_code == 200, path
            text = visible_text(response.content.decode())
            for fact in facts:
                total += 1
                if not any(normalise(spelling) in text for spelling in spellings(fact)):
                    missing.setdefault(seed, []).append((path, spellings(fact)[0]))
    return missing, total


def test_the_demo_shows_the_facts_of_the_associations_pages(client, demo):
    missing, total = missing_facts(client)
    found = total - sum(len(facts) for facts in missing.values())
    print(f"\nSeed facts on the demo: {found}/{total} ({100 * found / total:.0f} %)")
    for seed, facts in missing.items():
        for path, fact in facts:
            print(f"  missing {seed} {path}: {fact}")
    assert missing == {}


def test_a_missing_fact_is_found_missing(client, demo):
    """The check reads the rendered page: a fact removed from the page is reported."""
    from strukturwandel.core.models import ContentPage

    page = ContentPage.objects.get(slug="netzwerk-zukunft-regional")
    page.body = [block for block in page.body.raw_data if "Akteursdichte" not in str(block)]
    page.save_revision().publish()
    missing, _total = missing_facts(client)
    assert ("/netzwerk-zukunft-regional/", "Akteursdichte") in missing["003_924f3e199e311ce1"]


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the association's pages are not at hand")
@pytest.mark.parametrize("seed", SEED_FACTS)
def test_every_fact_is_quoted_from_its_seed(seed):
    """The facts are the seed's own words (its first spelling), not the demo's."""
    text = normalise((SEEDS_DIR / f"{seed}.txt").read_text(encoding="utf-8").replace("**", ""))
    not_in_seed = [
        spellings(fact)[0]
        for facts in SEED_FACTS[seed].values()
        for fact in facts
        if normalise(spellings(fact)[0]) not in text
    ]
    assert not_in_seed == []
