"""A visitor registers through the real meeting page, without and with mistakes, and confirms
with the link from the e-mail file; the form is checked for what assistive technology needs."""

import email
import re
from email.policy import default

import django
import pytest

from strukturwandel.events.models import MeetingPage, RegistrationState
from strukturwandel.registration.models import Registration, RegistrationStatus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINK = re.compile(r"https?://[^/\s]+(/anmeldung/bestaetigen/[^\s]+/)")

# Every control of the form: a label that names it, and descriptions that exist.
ACCESSIBILITY_PROBLEMS = """() => {
  const problems = [];
  const form = document.querySelector("form.sw-registration");
  for (const control of form.querySelectorAll("input:not([type=hidden]), textarea, button")) {
    const named = control.tagName === "BUTTON"
      ? control.textContent.trim()
      : (control.labels && control.labels.length && control.labels[0].textContent.trim());
    if (!named) problems.push(`no label: ${control.name || control.id}`);
    for (const id of (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean)) {
      if (!document.getElementById(id)) problems.push(`missing description ${id}`);
    }
  }
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  const doubled = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (doubled.length) problems.push(`duplicate ids: ${doubled}`);
  return problems;
}"""


@pytest.fixture
def mail_files(settings, tmp_path):
    backend = "django.core.mail.backends.filebased.EmailBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": {"file_path": tmp_path}}}
    else:
        settings.EMAIL_BACKEND = backend
        settings.EMAIL_FILE_PATH = tmp_path

    def read():
        """Each message in the files in the order they were written, parsed (bodies may be
        quoted-printable). File names order by the second only, then by a random number."""
        messages = []
        for path in sorted(tmp_path.iterdir(), key=lambda path: path.stat().st_mtime_ns):
            for text in path.read_text().split("-" * 79):
                if text.strip():
                    messages.append(email.message_from_string(text.strip(), policy=default))
        return messages

    return read


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


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
    assert page.evaluate(ACCESSIBILITY_PROBLEMS) == []

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
    assert page.evaluate(ACCESSIBILITY_PROBLEMS) == []
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
