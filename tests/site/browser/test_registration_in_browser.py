"""A visitor registers through the real meeting page, without and with mistakes, and confirms
with the link from the e-mail file; the form is checked for what assistive technology needs."""

import re

import pytest

from strukturwandel.events.models import MeetingPage, RegistrationState
from strukturwandel.registration.models import Registration, RegistrationStatus

from .conftest import FORM_PROBLEMS, body

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINK = re.compile(r"https?://[^/\s]+(/anmeldung/bestaetigen/[^\s]+/)")


def test_visitor_registers_and_confirms_from_the_email(
    demo_site, live_server, page, screenshot, submit, mail_files
):
    meeting = next(
        m
        for m in MeetingPage.objects.live().order_by("start")
        if m.registration_state() == RegistrationState.OPEN and m.registration(None).on_site
    )
    page.goto(f"{live_server.url}{meeting.url}#anmeldung")
    section = page.locator("#anmeldung")
    assert "Noch 3 Plätze frei." in section.inner_text()
    assert page.evaluate(FORM_PROBLEMS, "form.sw-registration") == []

    # By keyboard: Tab goes from field to field and never into the hidden trap field.
    page.focus("#id_registration-name")
    visited = []
    for _ in range(6):
        visited.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        page.keyboard.press("Tab")
    assert "id_registration-website" not in visited
    assert visited[:5] == [
        "id_registration-name",
        "id_registration-email",
        "id_registration-organisation",
        "id_registration-note",
        "id_registration-consent",
    ]

    # Mistakes: the page comes back with the form as typed and says what is wrong.
    page.fill("#id_registration-name", "Erika Beispiel")
    page.fill("#id_registration-email", "erika@")
    submit(section.get_by_role("button", name="Anmelden"))
    errors = page.locator(".sw-form__errors")
    assert errors.is_visible()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in errors.inner_text()
    assert "Bitte stimmen Sie zu" in errors.inner_text()
    assert page.input_value("#id_registration-name") == "Erika Beispiel"
    assert page.input_value("#id_registration-email") == "erika@"
    email = page.locator("#id_registration-email")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_registration-email-error" in email.get_attribute("aria-describedby")
    assert page.evaluate(FORM_PROBLEMS, "form.sw-registration") == []
    screenshot("registration-errors")
    assert not Registration.objects.filter(email="erika@example.org").exists()
    assert mail_files() == []

    page.fill("#id_registration-email", "erika@example.org")
    page.check("#id_registration-consent")
    submit(page.locator("form.sw-registration button[type=submit]"))
    assert "Bitte bestätigen Sie Ihre Anmeldung" in page.locator("main").inner_text()
    assert Registration.objects.get(email="erika@example.org").status == "unconfirmed"

    (request,) = mail_files()
    assert request["To"] == "erika@example.org"
    confirm_path = LINK.search(body(request)).group(1)
    page.goto(f"{live_server.url}{confirm_path}")
    assert Registration.objects.get(email="erika@example.org").status == "unconfirmed"
    submit(page.get_by_role("button", name="Meine Anmeldung bestätigen"))
    assert "Ihre Anmeldung ist bestätigt." in page.locator("main").inner_text()
    screenshot("registration-confirmed")
    registration = Registration.objects.get(email="erika@example.org")
    assert registration.status == RegistrationStatus.CONFIRMED
    confirmation = mail_files()[-1]
    assert meeting.call_link in body(confirmation)
    (calendar,) = confirmation.iter_attachments()
    assert calendar.get_content_type() == "text/calendar"
    assert page.console_errors == []
