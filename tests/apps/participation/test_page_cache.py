"""Entries replace the content version (every cached page and feed) only when visitors can
see the change: an entry shown, or shown before, not a new one awaiting moderation, its
owner's confirmation of a card still in moderation or an e-mail's delivery."""

import pytest

from strukturwandel.core.cache import content_version
from strukturwandel.participation import services
from strukturwandel.participation.models import (
    BusinessCard,
    ParticipationMail,
    Status,
    TopicSuggestion,
)

pytestmark = pytest.mark.django_db


def changes_version(action):
    before = content_version()
    action()
    return content_version() != before


def set_status(entry, status):
    entry = type(entry).objects.get(pk=entry.pk)  # as the moderation view loads it
    entry.status = status
    entry.save()


def test_a_suggestion_changes_the_pages_once_it_is_accepted_and_when_it_is_withdrawn(topic):
    suggestion = TopicSuggestion(title="Dorfläden", description="Wie halten wir Läden?")
    assert not changes_version(suggestion.save)
    mail = ParticipationMail(kind="received", to="erika@example.org", entry=suggestion)
    assert not changes_version(mail.save)
    assert not changes_version(lambda: set_status(suggestion, Status.DECLINED))
    assert changes_version(lambda: set_status(suggestion, Status.ACCEPTED))
    assert changes_version(lambda: set_status(suggestion, Status.PLANNED))
    assert changes_version(lambda: set_status(suggestion, Status.DECLINED))
    assert not changes_version(lambda: TopicSuggestion.objects.get(pk=suggestion.pk).delete())


def test_a_card_changes_the_directory_once_it_is_published(topic):
    card = BusinessCard(name="Dorfladen Musterdorf", region="leipzig", email="k@example.org")
    assert not changes_version(card.save)
    assert not changes_version(lambda: services.confirm_card(card))
    assert changes_version(lambda: set_status(card, Status.PUBLISHED))
    published = BusinessCard.objects.get(pk=card.pk)
    assert changes_version(lambda: services.delete_card(published))


def test_the_cached_series_page_shows_a_suggestion_once_it_is_accepted(
    client, series, suggestion_page, settings
):
    settings.STRUKTURWANDEL = {"PAGE_CACHE_SECONDS": 600}
    suggestion = TopicSuggestion.objects.create(title="Dorfläden im Revier", description="x")
    assert "Dorfläden im Revier" not in client.get(series.url).text
    assert client.get(series.url).headers.get("Last-Modified")  # served from the cache
    set_status(suggestion, Status.ACCEPTED)
    assert "Dorfläden im Revier" in client.get(series.url).text
    set_status(suggestion, Status.DECLINED)
    assert "Dorfläden im Revier" not in client.get(series.url).text
