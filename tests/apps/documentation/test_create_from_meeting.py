"""From a past meeting to its documentation draft: one click on the meeting, one to confirm."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.events.models import MeetingStatus

from .conftest import add_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def planned_meeting(meeting, person, organisation, topic):
    meeting.topic_fields.set([topic])
    meeting.impulses = [
        (
            "impulse",
            {
                "title": "Gespräche im Straßencafé",
                "speakers": [
                    {"person": person, "name": "", "role": "", "organisation": None},
                    {
                        "person": None,
                        "name": "Jonas Testmann",
                        "role": "",
                        "organisation": organisation,
                        "organisation_name": "",
                    },
                ],
            },
        ),
        ("impulse", {"title": "Lebendige Orte", "speakers": []}),
    ]
    meeting.save_revision().publish()
    meeting.refresh_from_db()
    return meeting


def test_create_documentation_from_a_past_meeting(
    client, editor, index, planned_meeting, person, organisation, topic
):
    url = reverse("strukturwandel_documentation_create", args=[planned_meeting.pk])
    # The meeting's editor and its row in the series' listing offer the action.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[planned_meeting.pk]))
    assert url in edit.content.decode() and "Dokumentation anlegen" in edit.content.decode()
    explore = client.get(reverse("wagtailadmin_explore", args=[planned_meeting.get_parent().pk]))
    assert url in explore.content.decode()

    confirm = client.get(url).content.decode()
    assert "2 geplante Impulse werden mit ihren Referent:innen übernommen." in confirm
    response = client.post(url)
    documentation = DocumentationPage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[documentation.pk])
    assert not documentation.live
    assert documentation.get_parent().pk == index.pk
    assert documentation.meeting_id == planned_meeting.pk
    assert documentation.date == datetime.date(2021, 12, 6)
    assert documentation.topic == "Zivilgesellschaftliche Netzwerke"
    assert list(documentation.topic_fields.all()) == [topic]
    assert documentation.title == f"Dokumentation: {planned_meeting.title}"
    assert documentation.slug == "stammtisch-2021-12-06"
    assert documentation.get_latest_revision().user == editor
    impulses = [block.value for block in documentation.body]
    assert [value["title"] for value in impulses] == ["Gespräche im Straßencafé", "Lebendige Orte"]
    first, second = impulses[0]["speakers"]
    assert first["person"] == person
    assert (second["name"], second["organisation"]) == ("Jonas Testmann", organisation)
    assert list(impulses[1]["speakers"]) == []
    # The draft's editor opens without an error.
    assert client.get(response["Location"]).status_code == 200

    # Asked again, the action leads to the existing documentation instead of a second one.
    again = client.get(url)
    assert again["Location"] == reverse("wagtailadmin_pages:edit", args=[documentation.pk])
    client.post(url)
    assert DocumentationPage.objects.count() == 1


def test_only_past_meetings_that_took_place_offer_it(client, editor, index, series, meeting):
    future = add_meeting(series, datetime.date.today() + datetime.timedelta(days=7), "Bald")
    cancelled = add_meeting(
        series, datetime.date(2022, 1, 24), "Abgesagt", status=MeetingStatus.CANCELLED
    )
    for page in (future, cancelled, series):
        url = reverse("strukturwandel_documentation_create", args=[page.pk])
        assert client.get(url).status_code == 404
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert url not in edit


def test_without_an_index_the_editor_is_told(client, editor, meeting):
    url = reverse("strukturwandel_documentation_create", args=[meeting.pk])
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    assert "keinen Dokumentationsindex" in response.content.decode()
    assert not DocumentationPage.objects.exists()


def test_it_needs_permission_to_add_below_the_index(
    client, django_user_model, index, series, meeting
):
    editors = Group.objects.create(name="Redaktion Stammtisch")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=editors, page=series, permission=Permission.objects.get(codename=permission)
        )
    user = django_user_model.objects.create_user("stammtisch", "s@example.org", "pw")
    user.groups.add(editors)
    client.force_login(user)
    url = reverse("strukturwandel_documentation_create", args=[meeting.pk])
    # Wagtail's admin answers a refused permission with a redirect to its dashboard.
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    assert client.post(url)["Location"] == reverse("wagtailadmin_home")
    assert not DocumentationPage.objects.exists()
    GroupPagePermission.objects.create(
        group=editors, page=index, permission=Permission.objects.get(codename="add_page")
    )
    assert client.get(url).status_code == 200
    client.post(url)
    assert Page.objects.type(DocumentationPage).get().get_parent().pk == index.pk
