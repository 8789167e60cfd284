"""A visitor sends each participation form by keyboard, first with mistakes; a business
card is confirmed, edited and deleted with the links from the e-mails."""

import re

import pytest

from strukturwandel.participation.models import BusinessCard, ImpulseOffer, TopicSuggestion

from .conftest import FORM_PROBLEMS, body

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINK = re.compile(r"https?://[^/\s]+(/vernetzung/(?:bestaetigen|karte)/\?t=[^\s]+)")


def send_by_keyboard(page, button_name):
    """Focus the form's button with the keyboard's Tab order and press Enter."""
    button = page.locator("main form.sw-form").get_by_role("button", name=button_name)
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_visitor_suggests_a_topic(demo_site, live_server, page, screenshot):
    page.goto(f"{live_server.url}/themenfelder/mobilitaet-infrastruktur/")
    page.get_by_role("link", name="Thema vorschlagen").first.click()
    page.wait_for_url("**/themensammlung/**")
    assert page.evaluate(FORM_PROBLEMS, "main form.sw-form") == []
    page.focus("#id_vorschlag-title")
    page.keyboard.type("Bürgerbusse <im> Landkreis")
    send_by_keyboard(page, "Vorschlag senden")
    errors = page.locator(".sw-form__errors")
    assert "Bitte beschreiben Sie Ihr Thema" in errors.inner_text()
    assert "Bitte stimmen Sie zu" in errors.inner_text()
    assert page.input_value("#id_vorschlag-title") == "Bürgerbusse <im> Landkreis"
    assert page.evaluate(FORM_PROBLEMS, "main form.sw-form") == []
    screenshot("participation-suggestion-errors")
    page.focus("#id_vorschlag-description")
    page.keyboard.type("Wie kommen Ältere ohne Auto zum Arzt?")
    page.focus("#id_vorschlag-consent")
    page.keyboard.press("Space")
    send_by_keyboard(page, "Vorschlag senden")
    assert "Vielen Dank" in page.locator("main").inner_text()
    assert TopicSuggestion.objects.filter(title="Bürgerbusse <im> Landkreis").exists()
    assert page.console_errors == []


def test_visitor_offers_an_impulse(demo_site, live_server, page, screenshot, mail_files):
    page.goto(f"{live_server.url}/stammtisch/")
    page.get_by_role("link", name="Selbst etwas vorstellen").click()
    page.wait_for_url("**/selbst-vorstellen/")
    assert page.evaluate(FORM_PROBLEMS, "main form.sw-form") == []
    page.fill("#id_impuls-name", "Erika Beispiel")
    page.fill("#id_impuls-email", "erika@")
    send_by_keyboard(page, "Angebot senden")
    assert "gültige E-Mail-Adresse" in page.locator(".sw-form__errors").inner_text()
    assert page.input_value("#id_impuls-name") == "Erika Beispiel"
    page.fill("#id_impuls-email", "erika@example.org")
    page.fill("#id_impuls-project", "Repair-Café Musterdorf")
    page.fill("#id_impuls-description", "Reparieren statt wegwerfen.")
    page.select_option("#id_impuls-topic_field", "nachhaltiges-wirtschaften")
    page.check("#id_impuls-consent")
    screenshot("participation-offer-filled")
    send_by_keyboard(page, "Angebot senden")
    assert "Vielen Dank" in page.locator("main").inner_text()
    assert ImpulseOffer.objects.filter(project="Repair-Café Musterdorf").exists()
    assert "erika@example.org" in [message["To"] for message in mail_files()]
    assert page.console_errors == []


def test_visitor_adds_confirms_edits_and_deletes_a_card(
    demo_site,
    live_server,
    page,
    screenshot,
    submit,
    mail_files,
):
    page.goto(f"{live_server.url}/vernetzung/")
    screenshot("participation-directory")
    page.get_by_role("link", name="Eigene Visitenkarte eintragen").click()
    page.wait_for_url("**/vernetzung/eintragen/")
    assert page.evaluate(FORM_PROBLEMS, "main form.sw-form") == []
    page.fill("#id_karte-name", "Erika Beispiel")
    page.select_option("#id_karte-region", "nordsachsen")
    page.fill("#id_karte-offers", "Erfahrung mit Dorfläden")
    page.fill("#id_karte-email", "erika@example.org")
    page.check("#id_karte-consent")
    send_by_keyboard(page, "Visitenkarte senden")
    assert "bestätigen Sie Ihre Adresse" in page.locator("main").inner_text()
    card = BusinessCard.objects.get(email="erika@example.org")
    assert card.confirmed_at is None

    (request,) = [m for m in mail_files() if m["To"] == "erika@example.org"]
    page.goto(live_server.url + LINK.search(body(request)).group(1))
    submit(page.get_by_role("button", name="Bestätigen"))
    assert "Ihre Adresse ist bestätigt" in page.locator("main").inner_text()
    link_mail = [m for m in mail_files() if m["To"] == "erika@example.org"][-1]
    owner_path = LINK.search(body(link_mail)).group(1)
    assert "/karte/" in owner_path

    page.goto(live_server.url + owner_path)
    page.fill("#id_karte-looks_for", "Mitstreiter:innen")
    send_by_keyboard(page, "Änderungen speichern")
    assert "Ihre Änderungen sind gespeichert" in page.locator("main").inner_text()
    screenshot("participation-owner")
    card.refresh_from_db()
    assert card.looks_for == "Mitstreiter:innen"
    submit(page.get_by_role("button", name="Visitenkarte löschen"))
    assert "gelöscht" in page.locator("main").inner_text()
    assert not BusinessCard.objects.filter(email="erika@example.org").exists()
    page.goto(live_server.url + owner_path)
    assert "Dieser Link funktioniert nicht" in page.locator("main").inner_text()
