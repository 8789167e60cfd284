"""The "Mitmachen" areas: only with the permission; statuses, filters, search, export,
internal notes; the dashboard panel; an offer planned as an impulse in one step."""

import pytest
from django.urls import reverse

from strukturwandel.events.models import MeetingPage
from strukturwandel.participation.models import (
    BusinessCard,
    ImpulseOffer,
    Status,
    TopicSuggestion,
)
from strukturwandel.participation.wagtail_hooks import admins
from strukturwandel.people.models import Organisation, Person
from tests.apps import factories as f

pytestmark = pytest.mark.django_db


def make_user(django_user_model, name, *, moderator=False):
    return f.editor(django_user_model, name, *(["moderate_participation"] if moderator else []))


@pytest.fixture
def moderator_client(client, django_user_model):
    client.force_login(make_user(django_user_model, "mod", moderator=True))
    return client


@pytest.fixture
def entries(topic):
    suggestion = TopicSuggestion.objects.create(
        title="Dorfläden", description="Läden im Ort", topic_field=topic, email="a@example.org"
    )
    offer = ImpulseOffer.objects.create(
        name="Erika Beispiel",
        organisation="Dorfladen Musterdorf e.V.",
        email="erika@example.org",
        project="Dorfladen Musterdorf",
        description="Ein Laden in Bürgerhand.",
    )
    card = BusinessCard.objects.create(
        name="Initiative Lebendiges Dorf", region="saalekreis", offers="Räume", email="c@x.org"
    )
    return suggestion, offer, card


def test_editors_without_the_permission_see_nothing(client, django_user_model, entries):
    client.force_login(make_user(django_user_model, "editor"))
    for model, admin in admins.items():
        entry = model.objects.get()
        helper = admin.url_helper
        for url in (
            helper.index_url,
            helper.index_url + "?export=csv",
            helper.get_action_url("edit", entry.pk),
            helper.get_action_url("inspect", entry.pk),
            helper.get_action_url("delete", entry.pk),
        ):
            assert client.get(url).status_code in (302, 403), url
    plan = reverse("strukturwandel_participation_plan", args=[entries[1].pk])
    assert client.get(plan).status_code in (302, 403)
    assert "Mitmachen: neue Einträge" not in client.get("/admin/").content.decode()


def test_moderators_list_filter_search_and_export(moderator_client, entries, topic):
    helper = admins[TopicSuggestion].url_helper
    html = moderator_client.get(helper.index_url).content.decode()
    assert "Dorfläden" in html
    assert (
        "Dorfläden"
        not in moderator_client.get(
            helper.index_url, {"status__exact": "declined"}
        ).content.decode()
    )
    assert (
        "Dorfläden"
        in moderator_client.get(
            helper.index_url, {"topic_field__id__exact": topic.pk}
        ).content.decode()
    )
    assert "Dorfläden" in moderator_client.get(helper.index_url, {"q": "Läden"}).content.decode()
    export = moderator_client.get(helper.index_url, {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert "Dorfläden" in text and "a@example.org" in text and "neu" in text
    cards = admins[BusinessCard].url_helper.index_url
    assert (
        "Lebendiges Dorf"
        in moderator_client.get(cards, {"region__exact": "saalekreis"}).content.decode()
    )
    assert (
        "Lebendiges Dorf"
        not in moderator_client.get(cards, {"region__exact": "leipzig"}).content.decode()
    )


def edit(client, admin, entry, **fields):
    url = admin.url_helper.get_action_url("edit", entry.pk)
    form = {
        "status": entry.status,
        "internal_note": "",
        **{name: getattr(entry, name) for name in ("title", "description") if hasattr(entry, name)},
        "topic_field": entry.topic_field_id or "",
        "meeting": "",
    }
    form.update(fields)
    return client.post(url, form)


def test_a_suggestion_moves_through_the_statuses(moderator_client, entries, meeting):
    suggestion = entries[0]
    admin = admins[TopicSuggestion]
    response = edit(moderator_client, admin, suggestion, status="accepted", internal_note="gut")
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED and suggestion.internal_note == "gut"
    changed = suggestion.status_changed_at
    # Planned needs the meeting that takes it up.
    response = edit(moderator_client, admin, suggestion, status="planned")
    assert response.status_code == 200
    assert "Wählen Sie das Treffen" in response.content.decode()
    response = edit(moderator_client, admin, suggestion, status="planned", meeting=meeting.pk)
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Status.PLANNED and suggestion.meeting_id == meeting.pk
    assert suggestion.status_changed_at > changed
    # A card's status choices have no "planned"; proposals have no "published".
    assert edit(moderator_client, admin, suggestion, status="published").status_code == 200


def test_an_unconfirmed_card_is_not_published(moderator_client, entries):
    card = entries[2]
    url = admins[BusinessCard].url_helper.get_action_url("edit", card.pk)
    data = {
        "status": "published",
        "name": card.name,
        "organisation": "",
        "region": card.region,
        "offers": card.offers,
        "looks_for": "",
        "website": "",
        "public_contact": "",
        "internal_note": "",
    }
    response = moderator_client.post(url, data)
    assert response.status_code == 200 and "noch nicht bestätigt" in response.content.decode()
    card.confirmed_at = card.created_at
    card.save()
    assert moderator_client.post(url, data).status_code == 302
    card.refresh_from_db()
    assert card.is_public


def test_the_dashboard_lists_new_entries(moderator_client, entries):
    html = moderator_client.get("/admin/").content.decode()
    assert "Mitmachen: neue Einträge" in html
    assert "Dorfläden" in html and "Dorfladen Musterdorf" in html
    # An unconfirmed card waits for its owner, not for an editor.
    assert "Lebendiges Dorf" not in html


def test_an_offer_becomes_a_planned_impulse_with_matched_records(
    moderator_client, entries, meeting
):
    offer = entries[1]
    existing = Organisation.objects.create(name="DORFLADEN Musterdorf e.V.")
    url = reverse("strukturwandel_participation_plan", args=[offer.pk])
    page = moderator_client.get(url).content.decode()
    assert 'value="Dorfladen Musterdorf"' in page
    response = moderator_client.post(url, {"meeting": meeting.pk, "title": "Ein Laden für alle"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Status.PLANNED and offer.meeting_id == meeting.pk
    assert Organisation.objects.count() == 1
    person = Person.objects.get()
    assert person.organisation == existing and person.email == "erika@example.org"
    assert offer.person == person
    live = MeetingPage.objects.get(pk=meeting.pk)
    (impulse,) = live.impulses
    assert impulse.value["title"] == "Ein Laden für alle"
    assert impulse.value["speakers"][0]["person"] == person
    assert not live.has_unpublished_changes
    # Planning again is refused; a second offer by the same person reuses the records.
    assert moderator_client.post(url, {"meeting": meeting.pk, "title": "x"}).status_code == 302
    assert len(MeetingPage.objects.get(pk=meeting.pk).impulses) == 1
    second = ImpulseOffer.objects.create(
        name="erika beispiel",
        organisation="Dorfladen Musterdorf e.V.",
        email="erika@example.org",
        project="Zweites Projekt",
        description="Noch eins.",
    )
    url = reverse("strukturwandel_participation_plan", args=[second.pk])
    moderator_client.post(url, {"meeting": meeting.pk, "title": "Zweites Projekt"})
    assert Person.objects.count() == 1 and Organisation.objects.count() == 1
    assert len(MeetingPage.objects.get(pk=meeting.pk).impulses) == 2


def test_a_meeting_with_a_draft_gets_the_impulse_as_a_draft(moderator_client, entries, meeting):
    meeting.topic = "Entwurf"
    meeting.save_revision()
    url = reverse("strukturwandel_participation_plan", args=[entries[1].pk])
    moderator_client.post(url, {"meeting": meeting.pk, "title": "Impuls"})
    live = MeetingPage.objects.get(pk=meeting.pk)
    assert len(live.impulses) == 0 and live.topic == "Mobilität auf dem Land"
    draft = live.get_latest_revision_as_object()
    assert draft.topic == "Entwurf" and len(draft.impulses) == 1


def test_lists_and_entries_answer_an_odd_address_without_an_error(moderator_client, entries):
    for admin in admins.values():
        index = admin.url_helper.index_url
        response = moderator_client.get(f"{index}?mail=x&topic_field__id__exact=abc")
        assert response.status_code == 302 and response["Location"] == index, admin
        for action in ["inspect", "edit", "delete"]:
            url = admin.url_helper.get_action_url(action, "abc")
            assert moderator_client.get(url).status_code == 404, (admin, action)
