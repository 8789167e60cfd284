"""Registrations replace the content version (every cached page and feed) only when visitors
can see the change: a place taken or freed ("fully booked"), never a new unconfirmed sign-up
or an e-mail's delivery."""

import pytest

from strukturwandel.core.cache import content_version
from strukturwandel.registration import services
from strukturwandel.registration.models import Registration, RegistrationMail

pytestmark = pytest.mark.django_db


def changes_version(action):
    before = content_version()
    result = action()
    return content_version() != before, result


def test_only_taking_or_freeing_a_place_replaces_the_cached_pages(meeting):
    changed, registration = changes_version(
        lambda: services.register(meeting, name="Erika Beispiel", email="erika@example.org")
    )
    assert not changed  # unconfirmed: holds no place

    # Its e-mail is stored, sent and marked sent: nothing a visitor sees.
    mail = RegistrationMail.objects.get(registration=registration)
    changed, _ = changes_version(lambda: RegistrationMail.objects.get(pk=mail.pk).save())
    assert not changed

    changed, registration = changes_version(lambda: services.confirm(registration))
    assert registration.status == "confirmed"
    assert changed

    # A registration that holds a place may change the count with any save.
    def rename():
        loaded = Registration.objects.get(pk=registration.pk)
        loaded.name = "Erika B."
        loaded.save(update_fields=["name"])

    changed, _ = changes_version(rename)
    assert changed

    changed, registration = changes_version(lambda: services.cancel(registration))
    assert registration.status == "cancelled"
    assert changed  # the place is free again

    changed, _ = changes_version(lambda: Registration.objects.get(pk=registration.pk).delete())
    assert not changed  # a cancelled registration held no place


def test_the_cached_series_page_shows_the_waiting_list_once_the_last_place_is_taken(
    client, series, make_meeting, settings
):
    settings.STRUKTURWANDEL = {"PAGE_CACHE_SECONDS": 600}
    meeting = make_meeting(capacity=1)
    assert "Ausgebucht" not in client.get(series.url).text
    assert client.get(series.url).headers.get("Last-Modified")  # served from the cache
    registration = services.register(meeting, name="Erika Beispiel", email="erika@example.org")
    assert "Ausgebucht" not in client.get(series.url).text
    services.confirm(registration)
    assert "Ausgebucht – Warteliste" in client.get(series.url).text
