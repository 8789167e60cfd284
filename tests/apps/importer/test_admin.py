"""The admin's "Importieren" action: upload, check, create drafts, land in the editor."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.people.models import Person

from .conftest import KICKOFF, STAMMTISCH, fixture_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return user


def upload(name, data=None):
    return SimpleUploadedFile(name, data if data is not None else fixture_bytes(name))


def test_import_action_checks_then_creates_and_opens_the_editor(client, editor, index, meetings):
    explore = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    url = reverse("strukturwandel_importer_import", args=[index.pk])
    assert url in explore and "Importieren" in explore

    checked = client.post(url, {"files": [upload(STAMMTISCH), upload("leer.md", b"")]})
    html = checked.content.decode()
    assert checked.status_code == 200
    assert "David Loesche" in html and "Transparenz" in html
    assert "Die Datei ist leer." in html
    assert not DocumentationPage.objects.exists()

    token = checked.context["token"]
    created = client.post(url, {"token": token})
    page = DocumentationPage.objects.get()
    assert created.status_code == 302
    assert created["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.meeting == meetings[0]
    # The token is used up: a second post creates nothing.
    client.post(url, {"token": token})
    assert DocumentationPage.objects.count() == 1

    # People created for the speakers say where they come from, in their edit view.
    person = Person.objects.get(name="David Loesche")
    edit = client.get(
        reverse("wagtailsnippets_strukturwandel_people_person:edit", args=[person.pk])
    )
    html = edit.content.decode()
    assert "Beim Import angelegt (bitte prüfen)" in html and page.title in html


def test_several_files_land_in_the_listing(client, editor, index):
    url = reverse("strukturwandel_importer_import", args=[index.pk])
    checked = client.post(url, {"files": [upload(STAMMTISCH), upload(KICKOFF)]})
    created = client.post(url, {"token": checked.context["token"]})
    assert created["Location"] == reverse("wagtailadmin_explore", args=[index.pk])
    assert DocumentationPage.objects.count() == 2


def test_only_bad_files_show_an_error_at_the_form(client, editor, index):
    url = reverse("strukturwandel_importer_import", args=[index.pk])
    response = client.post(url, {"files": [upload("bild.png", b"\x89PNG")]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Keine der Dateien kann importiert werden" in html
    assert "Nicht unterstütztes Format" in html
    assert "token" not in response.context or not response.context.get("token")
    assert client.post(url, {}).status_code == 200  # no file chosen: the form says so


def test_needs_permission_to_add_below_the_index(client, django_user_model, index, root_page):
    url = reverse("strukturwandel_importer_import", args=[index.pk])
    user = django_user_model.objects.create_user("gast", "gast@example.org", "pw")
    client.force_login(user)
    assert client.get(url).status_code in (302, 403)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get(reverse("strukturwandel_importer_import", args=[root_page.pk]))
    assert response.status_code in (302, 403)
    explore = client.get(reverse("wagtailadmin_explore", args=[root_page.pk])).content.decode()
    assert reverse("strukturwandel_importer_import", args=[root_page.pk]) not in explore


def test_what_waits_in_the_session_is_bounded(client, editor, index, monkeypatch):
    from strukturwandel.importer import views

    url = reverse("strukturwandel_importer_import", args=[index.pk])
    many = client.post(url, {"files": [upload(f"{n}.md", b"# Notiz\n\nText\n") for n in range(21)]})
    assert "Bitte höchstens 20 Dateien auf einmal." in many.content.decode()

    monkeypatch.setattr(views, "MAX_TOTAL_SIZE", 2**20)
    half = b"# Notiz\n\n" + b"Text " * (2**20 // 10)
    large = client.post(url, {"files": [upload("eins.md", half), upload("zwei.md", half)]})
    html = large.content.decode()
    assert "Die Dateien dürfen zusammen höchstens 1 MB groß sein." in html
    assert not large.context.get("token")
    assert views.SESSION_KEY not in client.session
