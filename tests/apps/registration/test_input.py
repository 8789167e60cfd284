"""Every wrong input gets a German message at its field, keeps what was typed and stores
nothing; bots and floods are turned away; links that were changed or have expired say so."""

import datetime
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from strukturwandel.events.models import RegistrationMethod
from strukturwandel.registration import tokens
from strukturwandel.registration.models import Registration, RegistrationStatus

from .conftest import form_data, link

pytestmark = pytest.mark.django_db


def register_url(meeting):
    return reverse("strukturwandel_registration:register", args=[meeting.pk])


def section(response):
    html = response.content.decode()
    return html.split('id="anmeldung"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Bitte geben Sie Ihren Namen an."),
        ({"name": "   "}, "name", "Bitte geben Sie Ihren Namen an."),
        ({"name": "N" * 101}, "name", "höchstens 100 Zeichen"),
        ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse an."),
        ({"email": "erika@"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"email": "a" * 250 + "@example.org"}, "email", "höchstens 254 Zeichen"),
        ({"name": "Erika\x07 Beispiel"}, "name", "Steuerzeichen"),
        ({"organisation": "O" * 201}, "organisation", "höchstens 200 Zeichen"),
        ({"organisation": "Dorfladen\x1b[31m"}, "organisation", "Steuerzeichen"),
        ({"note": "N" * 1001}, "note", "höchstens 1000 Zeichen"),
        ({"consent": ""}, "consent", "Bitte stimmen Sie zu"),
    ],
)
def test_invalid_input(client, send, meeting, fields, field, message):
    data = form_data(**fields)
    if fields.get("consent") == "":
        del data["registration-consent"]
    response = send(register_url(meeting), data)
    assert response.status_code == 200
    html = section(response)
    error_id = f"id_registration-{field}-error"
    assert f'<p class="sw-field__error" id="{error_id}">' in html
    assert message in html.split(error_id, 1)[1].split("</p>", 1)[0]
    # The field points at its message and is marked invalid; the summary links to it.
    assert f'aria-describedby="{error_id}' in html or f'{error_id}"' in html
    assert 'aria-invalid="true"' in html
    assert f'href="#id_registration-{field}"' in html
    # What was typed is still there.
    if field != "name":
        assert 'value="Erika Beispiel"' in html
    if field != "organisation":
        assert 'value="Dorfladen Musterdorf e.V."' in html
    assert not Registration.objects.exists() and not mail.outbox


def test_the_page_with_errors_keeps_the_rest_of_the_meeting_page(client, send, meeting):
    response = send(register_url(meeting), form_data(email="kein-at"))
    html = response.content.decode()
    assert "<h1>" in html and meeting.title in html
    assert 'value="kein-at"' in html


def test_honeypot_answers_like_success_and_stores_nothing(client, send, meeting):
    response = send(register_url(meeting), form_data(website="https://spam.example.org"))
    assert response.status_code == 302
    assert response["Location"] == reverse("strukturwandel_registration:sent", args=[meeting.pk])
    assert not Registration.objects.exists() and not mail.outbox


def test_rate_limit_per_address(client, send, meeting, settings):
    settings.STRUKTURWANDEL = {"REGISTRATION_RATE_LIMIT_PER_ADDRESS": (2, 3600)}
    for _ in range(2):
        assert send(register_url(meeting), form_data()).status_code == 302
    response = send(register_url(meeting), form_data())
    assert response.status_code == 429
    assert "Zu viele Anmeldungen" in section(response)
    assert 'value="erika@example.org"' in section(response)
    assert len(mail.outbox) == 2
    # Another address from the same client is still welcome.
    assert send(register_url(meeting), form_data(email="max@example.org")).status_code == 302


def test_rate_limit_per_client(client, send, meeting, settings):
    settings.STRUKTURWANDEL = {
        "REGISTRATION_RATE_LIMIT_PER_CLIENT": (3, 3600),
        "CLIENT_ADDRESS": "tests.apps.registration.backends.real_ip",
    }
    for number in range(3):
        response = send(
            register_url(meeting),
            form_data(email=f"p{number}@example.org"),
            HTTP_X_REAL_IP="1.2.3.4",
        )
        assert response.status_code == 302
    blocked = send(
        register_url(meeting), form_data(email="p9@example.org"), HTTP_X_REAL_IP="1.2.3.4"
    )
    assert blocked.status_code == 429
    other = send(register_url(meeting), form_data(email="p9@example.org"), HTTP_X_REAL_IP="5.6.7.8")
    assert other.status_code == 302
    assert Registration.objects.count() == 4


def test_the_cache_holds_no_address(client, send, meeting):
    from django.core.cache import cache

    send(register_url(meeting), form_data())
    keys = list(getattr(cache, "_cache", {}).keys())
    assert keys and not any("erika" in str(key) for key in keys)


def test_no_registration_when_closed_not_open_elsewhere_or_private(
    client, send, make_meeting, series
):
    now = timezone.now()
    closed = make_meeting(days=5, registration_closes_at=now - datetime.timedelta(hours=1))
    not_yet = make_meeting(days=6, registration_opens_at=now + datetime.timedelta(days=1))
    by_email = make_meeting(days=7, registration_method=RegistrationMethod.EMAIL)
    cancelled = make_meeting(days=8, status="cancelled")
    for meeting in (closed, not_yet, by_email, cancelled):
        response = send(register_url(meeting), form_data())
        assert response.status_code == 302
        assert response["Location"] == f"{meeting.url}#anmeldung"
    assert not Registration.objects.exists()
    assert client.get(register_url(closed)).status_code == 302  # GET only leads to the page
    assert send(reverse("strukturwandel_registration:register", args=[999999])).status_code == 404
    draft = make_meeting(days=9)
    draft.unpublish()
    assert send(register_url(draft), form_data()).status_code == 404


def test_private_meeting_takes_no_registration(client, send, meeting):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=meeting, restriction_type="login")
    assert send(register_url(meeting), form_data()).status_code == 404


@pytest.mark.parametrize("meeting_id", [2**63, 2**64 + 13, 10**40])
def test_a_meeting_id_beyond_any_database_is_not_found(client, send, meeting, meeting_id):
    # Too large for any id column: SQLite refused it in the query, a server error.
    register = reverse("strukturwandel_registration:register", args=[meeting_id])
    sent = reverse("strukturwandel_registration:sent", args=[meeting_id])
    assert send(register, form_data()).status_code == 404
    assert client.get(register).status_code == 404
    assert client.get(sent).status_code == 404
    assert not Registration.objects.exists()


@pytest.fixture
def registration(send, meeting):
    send(register_url(meeting), form_data())
    return Registration.objects.get()


def test_tampered_links(client, send, registration):
    confirm = link(mail.outbox[-1], "confirm")
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    changed = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for url in (
        reverse("strukturwandel_registration:confirm", args=[changed]),
        reverse("strukturwandel_registration:confirm", args=["kaputt"]),
        reverse("strukturwandel_registration:confirm", args=["a:b:c"]),
        # A cancel token does not confirm, a confirm token does not cancel.
        reverse(
            "strukturwandel_registration:confirm",
            args=[tokens.make(registration, tokens.CANCEL)],
        ),
        reverse("strukturwandel_registration:cancel", args=[token]),
    ):
        for method in (client.get, send):
            response = method(url)
            assert response.status_code == 400
            assert "Dieser Link funktioniert nicht" in response.content.decode()
    # Signed with another salt (or key): refused as well.
    foreign = signing.dumps({"r": registration.pk, "a": "confirm", "k": registration.token_key})
    assert (
        client.get(reverse("strukturwandel_registration:confirm", args=[foreign])).status_code
        == 400
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.UNCONFIRMED


def test_expired_confirmation_link(client, send, registration, monkeypatch):
    confirm = link(mail.outbox[-1], "confirm")
    cancel = reverse(
        "strukturwandel_registration:cancel", args=[tokens.make(registration, tokens.CANCEL)]
    )
    four_days_later = time.time() + 4 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: four_days_later)
    for response in (client.get(confirm), send(confirm)):
        assert response.status_code == 400
        html = response.content.decode()
        assert "Der Link ist abgelaufen." in html
        assert "Bitte melden Sie sich auf der Seite des Treffens erneut an" in html
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.UNCONFIRMED
    # The cancel link still works until the meeting.
    assert client.get(cancel).status_code == 200


def test_links_after_the_meeting(client, send, registration):
    confirm = link(mail.outbox[-1], "confirm")
    cancel = reverse(
        "strukturwandel_registration:cancel", args=[tokens.make(registration, tokens.CANCEL)]
    )
    meeting = registration.meeting
    meeting.start = timezone.now() - datetime.timedelta(hours=3)
    meeting.end = timezone.now() - datetime.timedelta(hours=1)
    meeting.save_revision().publish()
    assert "nicht mehr möglich" in client.get(confirm).content.decode()
    send(confirm)
    assert "bereits stattgefunden" in client.get(cancel).content.decode()
    send(cancel)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.UNCONFIRMED


def test_confirm_and_cancel_accept_only_get_and_post(client, registration):
    url = reverse(
        "strukturwandel_registration:confirm", args=[tokens.make(registration, "confirm")]
    )
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
