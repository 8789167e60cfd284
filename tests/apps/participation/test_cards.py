"""Business cards: double opt-in before publication, the owner's private link to edit or
delete, and links that were changed or have expired."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.utils import timezone
from django.utils.http import urlencode

from strukturwandel.participation import tokens
from strukturwandel.participation.models import BusinessCard, ParticipationMail, Status

from .conftest import card_data, links

pytestmark = pytest.mark.django_db


@pytest.fixture
def card_links(send, directory):
    """Send a card; returns (card, confirm path)."""
    send(directory.url + "eintragen/", card_data())
    card = BusinessCard.objects.get()
    (confirm,) = links(mail.outbox[-1])
    return card, confirm


def test_confirming_sends_the_owner_link_and_tells_editors(client, send, card_links, directory):
    card, confirm = card_links
    # Opening the link changes nothing (a link scanner); the button does.
    page = client.get(confirm)
    assert page.status_code == 200 and "Bestätigen" in page.content.decode()
    assert BusinessCard.objects.get().confirmed_at is None
    response = send(confirm)
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.confirmed_at is not None and card.status == Status.NEW
    owner_mail = mail.outbox[-1]
    assert owner_mail.to == ["erika@example.org"] and "privaten Link" in owner_mail.body
    (owner,) = links(owner_mail)
    assert owner.startswith("/vernetzung/karte/?t=")
    # Confirming again sends nothing more.
    count = len(mail.outbox)
    send(confirm)
    assert len(mail.outbox) == count
    assert "ist bestätigt" in client.get(confirm).content.decode()


def test_an_unconfirmed_card_cannot_be_published(card_links):
    card, _confirm = card_links
    card.status = Status.PUBLISHED
    with pytest.raises(Exception, match="noch nicht bestätigt"):
        card.full_clean()


def owner_path(card):
    return "/vernetzung/karte/?" + urlencode({"t": tokens.make(card, tokens.OWNER)})


@pytest.fixture
def published(card_links, send):
    card, confirm = card_links
    send(confirm)
    card.refresh_from_db()
    card.status = Status.PUBLISHED
    card.save()
    mail.outbox.clear()
    return card


def test_the_owner_edits_the_card_and_it_waits_for_an_editor(client, send, published):
    path = owner_path(published)
    form = client.get(path).content.decode()
    assert 'value="Erika Beispiel"' in form and "veröffentlicht" in form
    data = card_data(name="Erika & Co.", offers="Neu: Beratung")
    del data["karte-email"], data["karte-consent"], data["karte-homepage"]
    response = send(path, {**data, "action": "save"})
    assert response.status_code == 302 and response["Location"] == path + "&gespeichert=1"
    published.refresh_from_db()
    assert published.name == "Erika & Co." and published.offers == "Neu: Beratung"
    assert published.status == Status.NEW
    assert "Ihre Änderungen sind gespeichert" in client.get(response["Location"]).content.decode()


def owner_edit(**fields):
    data = card_data(**fields)
    del data["karte-email"], data["karte-consent"], data["karte-homepage"]
    return {**data, "action": "save"}


def test_owner_saves_tell_the_editors_only_of_changes_and_are_limited(
    client, send, published, django_user_model, settings
):
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_participation"))
    settings.STRUKTURWANDEL = {
        **settings.STRUKTURWANDEL,
        "PARTICIPATION_CARD_CHANGE_LIMIT": (2, 3600),
        # The changes do not count against the entries of the forms.
        "PARTICIPATION_RATE_LIMIT_PER_ADDRESS": (1, 3600),
    }
    path = owner_path(published)
    # Saving the card as it is (a second click) changes nothing: no e-mail, still published.
    for _click in range(3):
        response = send(path, owner_edit())
        assert response.status_code == 302 and response["Location"] == path + "&gespeichert=1"
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED and not mail.outbox
    # Changes are saved and told, up to the form's limit; then the owner is asked to wait.
    assert send(path, owner_edit(offers="Neu: Beratung")).status_code == 302
    assert send(path, owner_edit(offers="Neu: Räume")).status_code == 302
    blocked = send(path, owner_edit(offers="Neu: Werkzeug"))
    html = blocked.content.decode()
    assert blocked.status_code == 429
    assert "Sie haben Ihre Visitenkarte in der letzten Stunde schon oft geändert." in html
    assert "Neu: Werkzeug</textarea>" in html
    published.refresh_from_db()
    assert published.offers == "Neu: Räume"
    assert [message.to for message in mail.outbox] == [["mod@example.org"]] * 2


def test_the_owner_edit_keeps_input_on_errors(send, published):
    data = card_data(name="", offers="Anders")
    response = send(owner_path(published), {**data, "action": "save"})
    html = response.content.decode()
    assert response.status_code == 200 and "Bitte geben Sie einen Namen an." in html
    assert "Anders</textarea>" in html
    published.refresh_from_db()
    assert published.name == "Erika Beispiel"


def test_the_owner_deletes_the_card_with_its_mails(client, send, published):
    path = owner_path(published)
    assert ParticipationMail.objects.exists()
    response = send(path, {"action": "delete"})
    assert response.status_code == 200 and "gelöscht" in response.content.decode()
    assert not BusinessCard.objects.exists() and not ParticipationMail.objects.exists()
    again = client.get(path)
    assert again.status_code == 400 and "funktioniert nicht" in again.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "kaputt",
        "a" * 300,
        signing.dumps({"r": "x", "a": "owner", "k": "y"}, salt=tokens.SALT),
        signing.dumps([1, 2], salt=tokens.SALT),
    ],
    # Signed values carry a timestamp: fixed ids keep parallel workers' collections equal.
    ids=["garbage", "too-long", "signed-wrong-fields", "signed-wrong-type"],
)
def test_tampered_links_say_so(client, published, token):
    query = urlencode({"t": token})
    for path in (
        f"/vernetzung/karte/?{query}",
        f"/vernetzung/bestaetigen/?{query}",
        "/vernetzung/karte/",
    ):
        response = client.get(path)
        assert response.status_code == 400
        assert "unvollständig, nicht mehr gültig" in response.content.decode()
        assert client.post(path, {"action": "delete"}).status_code == 400
    assert BusinessCard.objects.exists()


def test_a_changed_signature_and_a_confirm_link_used_as_owner_link_fail(client, published):
    token = tokens.make(published, tokens.OWNER)
    changed = urlencode({"t": token[:-2] + "xx"})
    assert client.get(f"/vernetzung/karte/?{changed}").status_code == 400
    confirm = urlencode({"t": tokens.make(published, tokens.CONFIRM)})
    assert client.get(f"/vernetzung/karte/?{confirm}").status_code == 400


def test_expired_links_say_so(client, published, settings, monkeypatch):
    path = owner_path(published)
    later = time.time() + 3 * 365 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(path)
    assert response.status_code == 400 and "abgelaufen" in response.content.decode()
    assert client.post(path, {"action": "delete"}).status_code == 400
    assert BusinessCard.objects.exists()


def test_an_expired_confirm_link_confirms_nothing(client, send, card_links, monkeypatch):
    card, confirm = card_links
    later = time.time() + 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = send(confirm)
    assert response.status_code == 400 and "abgelaufen" in response.content.decode()
    card.refresh_from_db()
    assert card.confirmed_at is None
    assert timezone.now()
