import pytest
from wagtail import hooks

from strukturwandel.people.models import Organisation, Person
from strukturwandel.people.panels import ORGANISATION_HOOK, Appearances
from tests.apps import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def lns():
    return f.organisation(
        "Landesverband Nachhaltiges Sachsen e.V.", region="sachsen", is_alliance_partner=True
    )


@pytest.mark.requires_apps("groups")
def test_organisation_panel_lists_the_groups_it_joined(admin_client, root_page, lns):
    groups = f.group_index(root_page)
    f.group(groups, "Nachhaltige Dorfentwicklung", number=1, member_organisations=[lns])
    f.group(groups, "Koordinierungskreis", member_organisations=[lns])
    f.group(groups, "Ohne den Landesverband")

    html = admin_client.get(
        f"/admin/snippets/strukturwandel_people/organisation/edit/{lns.pk}/"
    ).content.decode()

    assert "Kommt vor in" in html
    assert "Mitglied in den Arbeitsgruppen" in html
    assert "AG 1: Nachhaltige Dorfentwicklung" in html
    assert "Koordinierungskreis" in html
    assert "Ohne den Landesverband" not in html


@pytest.mark.requires_apps("groups")
def test_person_panel_lists_groups_they_are_contact_for(admin_client, root_page):
    erika = f.person("Erika Beispiel")
    groups = f.group_index(root_page)
    f.group(groups, "Koordinierungskreis", contacts=[erika])
    html = admin_client.get(
        f"/admin/snippets/strukturwandel_people/person/edit/{erika.pk}/"
    ).content.decode()
    assert "Ansprechperson der Arbeitsgruppen" in html
    assert "Koordinierungskreis" in html


def test_panel_says_when_a_record_is_not_linked_yet(admin_client, lns):
    html = admin_client.get(
        f"/admin/snippets/strukturwandel_people/organisation/edit/{lns.pk}/"
    ).content.decode()
    assert "Noch mit keiner Seite verknüpft." in html


def test_other_apps_add_sections_through_the_hook(admin_client, root_page, lns):
    def impulses(organisation):
        return Appearances("Impulse gegeben", [root_page])

    with hooks.register_temporarily(ORGANISATION_HOOK, impulses):
        html = admin_client.get(
            f"/admin/snippets/strukturwandel_people/organisation/edit/{lns.pk}/"
        ).content.decode()
    assert "Impulse gegeben" in html


def test_editor_adds_a_person_with_private_contact_data(admin_client, lns):
    response = admin_client.post(
        "/admin/snippets/strukturwandel_people/person/add/",
        {
            "name": "Paula Probe",
            "role": "Vorstand",
            "organisation": lns.pk,
            "email": "paula.probe@example.org",
            "phone": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    paula = Person.objects.get(name="Paula Probe")
    assert paula.contact_is_public is False
    assert paula.public_email == ""
    assert str(paula) == "Paula Probe (Landesverband Nachhaltiges Sachsen e.V.)"


def test_editor_adds_an_organisation_with_region_and_partner_flag(admin_client):
    response = admin_client.post(
        "/admin/snippets/strukturwandel_people/organisation/add/",
        {
            "name": "Aktionskreis Strukturwandel Leipziger Land",
            "short_name": "AkSLL",
            "website": "https://ak-strukturwandel.example.org/",
            "region": "landkreis-leipzig",
            "is_alliance_partner": "on",
            "description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    aksll = Organisation.objects.get(short_name="AkSLL")
    assert aksll.is_alliance_partner
    assert aksll.get_region_display() == "Landkreis Leipzig"


def test_public_contact_properties():
    person = Person(name="X", email="x@example.org", phone="0341 1", contact_is_public=False)
    assert (person.public_email, person.public_phone) == ("", "")
    person.contact_is_public = True
    assert (person.public_email, person.public_phone) == ("x@example.org", "0341 1")
