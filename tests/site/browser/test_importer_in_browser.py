"""An editor imports a written-up Stammtisch into the demo site through the admin."""

from pathlib import Path

import pytest

from strukturwandel.documentation.models import DocumentationIndexPage, DocumentationPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SEED = (
    Path(__file__).resolve().parents[2]
    / "apps"
    / "importer"
    / "fixtures"
    / "stammtisch_2021-12-06.txt"
)


def test_editor_imports_a_report(demo_site, live_server, page, admin_login, screenshot, submit):
    admin_login()
    index = DocumentationIndexPage.objects.get()
    before = DocumentationPage.objects.count()
    page.goto(f"{live_server.url}/admin/pages/{index.pk}/")
    page.get_by_role("button", name="Aktionen").first.click()
    submit(page.get_by_role("link", name="Importieren"))

    page.get_by_label("Dateien").set_input_files(str(SEED))
    submit(page.get_by_role("button", name="Dateien prüfen"))
    assert page.get_by_role("heading", name="Was erkannt wurde").is_visible()
    assert page.get_by_text("David Loesche").first.is_visible()
    screenshot("importer-admin-check")

    submit(page.get_by_role("button", name="Entwürfe anlegen"))
    created = DocumentationPage.objects.order_by("-pk").first()
    assert DocumentationPage.objects.count() == before + 1
    assert page.url.endswith(f"/admin/pages/{created.pk}/edit/")
    assert page.get_by_text("1 Entwurf angelegt").is_visible()
    screenshot("importer-admin-editor")
    assert page.console_errors == []
