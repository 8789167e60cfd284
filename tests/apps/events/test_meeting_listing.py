"""All meetings in one admin list, with date and status, newest first, filtered by time and
status."""

import datetime

import pytest
from django.urls import reverse

from strukturwandel.events.models import MeetingStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def meetings(make_meeting):
    today = datetime.date.today()
    return {
        "past": make_meeting(today - datetime.timedelta(days=30), topic="Rückblick"),
        "cancelled": make_meeting(
            today + datetime.timedelta(days=7), topic="Fällt aus", status=MeetingStatus.CANCELLED
        ),
        "upcoming": make_meeting(today + datetime.timedelta(days=14), topic="Ausblick"),
    }


def titles(response):
    return [meeting.title for meeting in response.context["object_list"]]


def test_meetings_are_listed_newest_first_with_date_and_status(client, editor, meetings):
    response = client.get(reverse("meetings:index"))
    assert response.status_code == 200
    assert titles(response) == [
        meetings["upcoming"].title,
        meetings["cancelled"].title,
        meetings["past"].title,
    ]
    html = response.content.decode()
    assert "Datum" in html and "Stand des Treffens" in html
    assert "Abgesagt" in html
    # The past meeting took place; the upcoming one is planned.
    assert html.count("Fand statt") == 1 and html.count("Geplant") >= 1
    assert f"{meetings['past'].start:%d.%m.%Y}, 17:00–18:30 Uhr" in html
    assert reverse("meetings:index") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_meetings_are_filtered_by_time_and_status(client, editor, meetings):
    url = reverse("meetings:index")
    assert titles(client.get(url, {"when": "past"})) == [meetings["past"].title]
    assert titles(client.get(url, {"when": "upcoming"})) == [
        meetings["upcoming"].title,
        meetings["cancelled"].title,
    ]
    cancelled = client.get(url, {"meeting_status": MeetingStatus.CANCELLED})
    assert titles(cancelled) == [meetings["cancelled"].title]
    # Sorting by date in the other direction.
    assert titles(client.get(url, {"ordering": "start"}))[0] == meetings["past"].title
