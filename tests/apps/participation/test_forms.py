"""The three public forms: a valid entry is stored before any e-mail, each wrong field gets
a German message and keeps the input, bots and floods are turned away."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from strukturwandel.participation.models import (
    BusinessCard,
    ImpulseOffer,
    ParticipationMail,
    Status,
    TopicSuggestion,
)

from .conftest import card_data, offer_data, suggestion_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="moderate_participation"))
    return user


def card_form_url(directory):
    return directory.url + directory.reverse_subpage("form")


def test_suggestion_is_stored_then_acknowledged_and_editors_told(
    client, send, suggestion_page, topic, moderator, settings
):
    # A site with a second backend (such as django-axes) still finds the moderators.
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.AllowAllUsersModelBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    response = send(suggestion_page.url, suggestion_data(topic_field=topic.slug))
    assert response.status_code == 302
    assert response["Location"] == suggestion_page.url + "gesendet/"
    suggestion = TopicSuggestion.objects.get()
    assert suggestion.title == "Dorfläden <b>retten</b>"
    assert suggestion.topic_field == topic and suggestion.status == Status.NEW
    assert suggestion.page_id == suggestion_page.pk
    assert sorted(message.to[0] for message in mail.outbox) == [
        "erika@example.org",
        "mod@example.org",
    ]
    receipt = next(m for m in mail.outbox if m.to == ["erika@example.org"])
    assert "Themenvorschlag" in receipt.subject and "Dorfläden <b>retten</b>" in receipt.body
    note = next(m for m in mail.outbox if m.to == ["mod@example.org"])
    assert f"/admin/strukturwandel_participation/topicsuggestion/edit/{suggestion.pk}/" in note.body
    assert ParticipationMail.objects.filter(status="sent").count() == 2
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Vielen Dank" in thanks.content.decode()


def test_suggestion_without_address_sends_no_receipt(send, suggestion_page, moderator):
    response = send(suggestion_page.url, suggestion_data(name="", email=""))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["mod@example.org"]]


def test_offer_is_stored_with_the_preferred_meeting(send, offer_page, meeting, topic):
    data = offer_data(preferred_meeting=meeting.pk, topic_field=topic.slug)
    response = send(offer_page.url, data)
    assert response.status_code == 302
    offer = ImpulseOffer.objects.get()
    assert offer.preferred_meeting_id == meeting.pk and offer.topic_field == topic
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]
    assert "Impulsangebot" in mail.outbox[0].subject


def test_card_waits_for_its_confirmation(send, directory, topic):
    data = card_data()
    data["karte-topic_fields"] = [topic.pk]
    response = send(card_form_url(directory), data)
    assert response.status_code == 302
    card = BusinessCard.objects.get()
    assert card.email == "erika@example.org" and card.confirmed_at is None
    assert list(card.topic_fields.all()) == [topic]
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]
    assert "/vernetzung/bestaetigen/" in mail.outbox[0].body


def error_of(html, field_id):
    error_id = f"{field_id}-error"
    assert f'<p class="sw-field__error" id="{error_id}">' in html, field_id
    return html.split(f'id="{error_id}">', 1)[1].split("</p>", 1)[0]


SUGGESTION_ERRORS = [
    ({"title": ""}, "title", "Bitte nennen Sie Ihr Thema."),
    ({"title": "T" * 201}, "title", "höchstens 200 Zeichen"),
    ({"title": "Zwei\x07Zeilen"}, "title", "Dieses Feld ist einzeilig"),
    ({"description": ""}, "description", "Bitte beschreiben Sie Ihr Thema"),
    ({"description": "D" * 2001}, "description", "höchstens 2000 Zeichen"),
    ({"topic_field": "gibt-es-nicht"}, "topic_field", "gültige Auswahl"),
    ({"name": "N" * 101}, "name", "höchstens 100 Zeichen"),
    ({"email": "erika@"}, "email", "gültige E-Mail-Adresse"),
    ({"consent": None}, "consent", "Bitte stimmen Sie zu"),
]


@pytest.mark.parametrize(("fields", "field", "message"), SUGGESTION_ERRORS)
def test_suggestion_errors(send, suggestion_page, fields, field, message):
    response = send(suggestion_page.url, suggestion_data(**fields))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in error_of(html, f"id_vorschlag-{field}")
    assert 'aria-invalid="true"' in html and f'href="#id_vorschlag-{field}"' in html
    if field != "description":
        assert "Wie halten wir Läden im Ort?</textarea>" in html
    assert not TopicSuggestion.objects.exists() and not mail.outbox


OFFER_ERRORS = [
    ({"name": ""}, "name", "Bitte geben Sie Ihren Namen an."),
    ({"organisation": "O" * 201}, "organisation", "höchstens 200 Zeichen"),
    ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse an."),
    ({"email": "kein-at"}, "email", "gültige E-Mail-Adresse"),
    ({"project": ""}, "project", "Bitte nennen Sie Ihr Projekt"),
    ({"description": ""}, "description", "Bitte beschreiben Sie Ihr Projekt"),
    ({"topic_field": "x"}, "topic_field", "gültige Auswahl"),
    ({"preferred_meeting": "999999"}, "preferred_meeting", "gültige Auswahl"),
    ({"preferred_meeting": "9" * 40}, "preferred_meeting", "gültige Auswahl"),
    ({"consent": None}, "consent", "Bitte stimmen Sie zu"),
]


@pytest.mark.parametrize(("fields", "field", "message"), OFFER_ERRORS)
def test_offer_errors(send, offer_page, fields, field, message):
    response = send(offer_page.url, offer_data(**fields))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in error_of(html, f"id_impuls-{field}")
    if field != "project":
        assert 'value="Dorfladen Musterdorf"' in html
    assert not ImpulseOffer.objects.exists() and not mail.outbox


CARD_ERRORS = [
    ({"name": ""}, "name", "Bitte geben Sie einen Namen an."),
    ({"organisation": "O" * 201}, "organisation", "höchstens 200 Zeichen"),
    ({"region": ""}, "region", "Bitte wählen Sie eine Region."),
    ({"region": "mars"}, "region", "Bitte wählen Sie eine Region aus der Liste."),
    ({"offers": "", "looks_for": ""}, "offers", "was Sie anbieten oder was Sie suchen"),
    ({"offers": "O" * 1001}, "offers", "höchstens 1000 Zeichen"),
    ({"looks_for": "L" * 1001}, "looks_for", "höchstens 1000 Zeichen"),
    ({"website": "javascript:alert(1)"}, "website", "vollständige Webadresse"),
    ({"public_contact": "a\x07b"}, "public_contact", "Dieses Feld ist einzeilig"),
    ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse an."),
    ({"email": "x@"}, "email", "gültige E-Mail-Adresse"),
    ({"consent": None}, "consent", "Bitte stimmen Sie der Veröffentlichung zu."),
]


@pytest.mark.parametrize(("fields", "field", "message"), CARD_ERRORS)
def test_card_errors(send, directory, fields, field, message):
    response = send(card_form_url(directory), card_data(**fields))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in error_of(html, f"id_karte-{field}")
    if field != "name":
        assert 'value="Erika Beispiel"' in html
    assert not BusinessCard.objects.exists() and not mail.outbox


@pytest.mark.parametrize("value", ["999999", "9" * 40, "-" + "9" * 40])
def test_card_topic_fields_must_exist(send, directory, value):
    data = card_data()
    data["karte-topic_fields"] = [value]
    response = send(card_form_url(directory), data)
    assert response.status_code == 200
    assert "gültige Auswahl" in error_of(response.content.decode(), "id_karte-topic_fields")


@pytest.mark.parametrize(
    ("page_fixture", "data", "honeypot", "model"),
    [
        ("suggestion_page", suggestion_data, "vorschlag-website", TopicSuggestion),
        ("offer_page", offer_data, "impuls-website", ImpulseOffer),
        ("directory", card_data, "karte-homepage", BusinessCard),
    ],
)
def test_honeypot_answers_like_success_and_stores_nothing(
    request, send, page_fixture, data, honeypot, model
):
    page = request.getfixturevalue(page_fixture)
    url = card_form_url(page) if model is BusinessCard else page.url
    values = data()
    values[honeypot] = "https://spam.example.org"
    response = send(url, values)
    assert response.status_code == 302 and response["Location"].endswith("gesendet/")
    assert not model.objects.exists() and not mail.outbox


def test_rate_limit_per_address(send, suggestion_page, settings):
    settings.STRUKTURWANDEL = {
        **settings.STRUKTURWANDEL,
        "PARTICIPATION_RATE_LIMIT_PER_ADDRESS": (2, 3600),
    }
    for _number in range(2):
        assert send(suggestion_page.url, suggestion_data()).status_code == 302
    blocked = send(suggestion_page.url, suggestion_data(title="Noch eins"))
    assert blocked.status_code == 429
    html = blocked.content.decode()
    assert "Zu viele Einträge" in html and 'value="Noch eins"' in html
    assert TopicSuggestion.objects.count() == 2
    assert send(suggestion_page.url, suggestion_data(email="max@example.org")).status_code == 302


def test_rate_limit_per_client_counts_all_forms(send, suggestion_page, offer_page, settings):
    settings.STRUKTURWANDEL = {
        **settings.STRUKTURWANDEL,
        "PARTICIPATION_RATE_LIMIT_PER_CLIENT": (2, 3600),
    }
    assert send(suggestion_page.url, suggestion_data(email="")).status_code == 302
    assert send(offer_page.url, offer_data()).status_code == 302
    assert send(suggestion_page.url, suggestion_data(email="")).status_code == 429
    assert send(offer_page.url, offer_data(), REMOTE_ADDR="10.1.2.3").status_code == 302


def test_the_form_page_preselects_a_topic_field(client, suggestion_page, topic):
    html = client.get(suggestion_page.url, {"themenfeld": topic.slug}).content.decode()
    assert f'<option value="{topic.slug}" selected>' in html


def test_an_unknown_topic_field_preselects_nothing(client, suggestion_page, topic):
    # A NUL byte, which PostgreSQL refuses in a query, is no slug either.
    for value in ["gibt-es-nicht", f"{topic.slug}\x00"]:
        response = client.get(suggestion_page.url, {"themenfeld": value})
        assert response.status_code == 200
        assert f'<option value="{topic.slug}" selected>' not in response.content.decode()


def test_a_failing_mail_server_loses_nothing(send, suggestion_page, settings):
    import django

    backend = "tests.apps.registration.backends.FailingBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {"BACKEND": backend}}
    else:
        settings.EMAIL_BACKEND = backend
    assert send(suggestion_page.url, suggestion_data()).status_code == 302
    assert TopicSuggestion.objects.count() == 1
    stored = ParticipationMail.objects.get()
    assert stored.status == "failed" and stored.error == "SMTPRecipientsRefused"
