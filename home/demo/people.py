"""Organisations named in the association's reports, and fictional example people."""

from strukturwandel.people.models import Organisation, Person, Region

# Name, short name, region, alliance partner, website (as the reports give them).
ORGANISATIONS = [
    (
        "Landesverband Nachhaltiges Sachsen e.V.",
        "LNS",
        Region.SAXONY,
        True,
        "https://projekt.nachhaltiges-sachsen.de/",
    ),
    ("Netzwerk Zukunft Sachsen-Anhalt e.V.", "NZSA", Region.SAXONY_ANHALT, True, ""),
    (
        "Aktionskreis Strukturwandel Leipziger Land",
        "AkSLL",
        Region.LEIPZIG_DISTRICT,
        True,
        "https://ak-strukturwandel.de/",
    ),
    ("Gesellschaftsdenken e.V.", "", Region.NATIONWIDE, False, "https://gesellschaftsdenken.org/"),
    ("Lausitzer Perspektiven e.V.", "", "", False, "http://lausitzer-perspektiven.de/"),
    ("VHS Leipzig", "", Region.LEIPZIG_CITY, False, ""),
    ("RENN.mitte – Regionale Netzstellen Nachhaltigkeitsstrategien", "RENN.mitte", "", False, ""),
    ("Burg Giebichenstein Kunsthochschule Halle", "", Region.HALLE, False, ""),
]

# Clearly fictional people; the demo never shows real names or addresses. They stand in for
# the people the reports name, with the organisation the report gives and no role: a role
# would be a fact about a real organisation that its reports do not state.
PEOPLE = [
    ("Erika Beispiel", "LNS", "erika.beispiel@example.org", True),
    ("Max Muster", "NZSA", "max.muster@example.org", True),
    ("Paula Probe", "Gesellschaftsdenken e.V.", "paula.probe@example.org", False),
    ("Jonas Testmann", "AkSLL", "jonas.testmann@example.org", False),
    ("Lena Exempel", "AkSLL", "lena.exempel@example.org", False),
    ("Sami Vorlage", "Lausitzer Perspektiven e.V.", "sami.vorlage@example.org", False),
    ("Alex Platzhalter", "LNS", "alex.platzhalter@example.org", True),
]


def build_people():
    organisations = {}
    for name, short_name, region, partner, website in ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short_name,
                "region": region,
                "is_alliance_partner": partner,
                "website": website,
            },
        )
        organisations[short_name or name] = organisation
    people = {}
    for name, organisation_key, email, public in PEOPLE:
        person, _created = Person.objects.get_or_create(
            name=name,
            defaults={
                "organisation": organisations[organisation_key],
                "email": email,
                "contact_is_public": public,
            },
        )
        people[name] = person
    return organisations, people


def speaker(people, name="", organisation_name="", role=""):
    """A SpeakerBlock value: the person record when the demo has one, else the typed name."""
    person = people.get(name)
    return {
        "person": person,
        "name": "" if person else name,
        "role": role,
        "organisation": None,
        "organisation_name": "" if person else organisation_name,
    }
