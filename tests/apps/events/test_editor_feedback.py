"""What the editor is told while working on meetings and series: a title too long, a slug kept by
an abandoned draft, a date off the rule; what the rule editor and the page-type chooser offer."""

import datetime
import json
import re

import pytest
import recurrence
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from recurrence import Recurrence, Rule
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import nested_form_data, streamfield

from strukturwandel.events import listings
from strukturwandel.events.models import MeetingPage

from .conftest import BERLIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return user


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["strukturwandel_events", "meetingpage", parent.pk]
    )


def meeting_data(day, **fields):
    data = {
        "title": f"Stammtisch am {day:%d.%m.%Y}",
        "slug": f"{day:%Y-%m-%d}",
        "start": f"{day:%Y-%m-%d} 17:00",
        "end": f"{day:%Y-%m-%d} 18:30",
        "status": "planned",
        "topic": "Lebendige Orte",
        "format": "online",
        "registration_method": "site",
        **nested_form_data({"impulses": streamfield([])}),
    }
    data.update(fields)
    return data


def next_planned_day(series):
    return listings.planned_dates(series)[0].start.astimezone(BERLIN).date()


def test_a_title_or_topic_too_long_is_named_in_german_and_kept(client, editor, series):
    html = client.get(add_url(series)).content.decode()
    # No maxlength: the browser would cut a pasted text without a word.
    for field in ("title", "topic"):
        tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
        assert "maxlength" not in tag

    day = next_planned_day(series)
    title, topic = "T" * 256, "Ö" * 201
    response = client.post(add_url(series), meeting_data(day, title=title, topic=topic))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["title"] == [
        "Bitte sicherstellen, dass der Wert aus höchstens 255 Zeichen besteht. "
        "(Er besteht aus 256 Zeichen.)"
    ]
    assert "höchstens 200 Zeichen" in form.errors["topic"][0]
    assert (form["title"].value(), form["topic"].value()) == (title, topic)
    assert not MeetingPage.objects.exists()


def test_a_slug_kept_by_an_abandoned_draft_is_named_at_the_title(client, editor, series):
    day = next_planned_day(series)
    # An earlier attempt that autosave kept as a draft.
    client.post(add_url(series), meeting_data(day))
    draft = MeetingPage.objects.get()
    assert not draft.live

    response = client.post(add_url(series), meeting_data(day, topic="Zweiter Versuch"))
    assert response.status_code == 200
    form = response.context["form"]
    assert f"'{day:%Y-%m-%d}'" in form.errors["slug"][0]
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    [error] = form.errors["title"]
    assert f'<a href="{edit_url}">Stammtisch am {day:%d.%m.%Y}</a> (Entwurf)' in error
    assert "Tab „Veröffentlichung“" in error
    # The link is a link on the page, not escaped text, next to the title field.
    assert f'<a href="{edit_url}">' in response.content.decode()
    assert MeetingPage.objects.count() == 1


def test_a_meeting_off_the_rule_is_saved_with_a_hint(client, editor, series):
    planned = next_planned_day(series)
    tuesday = planned + datetime.timedelta(days=1)
    response = client.post(add_url(series), meeting_data(tuesday))
    meeting = MeetingPage.objects.get()
    assert response.status_code == 302
    [message] = [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level_tag == "warning"
    ]
    assert message.startswith(f"Das Treffen am Di, {tuesday:%d.%m.%Y} liegt außerhalb der")
    assert "Strukturwandel-Stammtisch" in message and "Sondertermin" in message
    assert "Sondertermin" in client.get(response["Location"]).content.decode()

    # On a planned date: nothing to say.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk]), meeting_data(planned)
    )
    assert response.status_code == 302
    assert list(get_messages(response.wsgi_request))[-1].level_tag == "success"
    assert "außerhalb" not in " ".join(map(str, get_messages(response.wsgi_request)))


def test_a_date_changed_after_the_prefill_gets_a_hint_at_title_and_slug(client, editor, series):
    planned = next_planned_day(series)
    # The form came with the next planned date's title and slug; the editor moved the date.
    later = planned + datetime.timedelta(days=3)
    data = meeting_data(later, title=f"Stammtisch am {planned:%d.%m.%Y}", slug=f"{planned}")
    response = client.post(add_url(series), data)
    assert response.status_code == 302
    warnings = [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level_tag == "warning"
    ]
    [hint] = [warning for warning in warnings if "anderes Datum" in warning]
    assert hint.startswith("Das Treffen ist am ")
    assert f", {later:%d.%m.%Y}, aber seine Adresse" in hint
    assert f"nennt noch ein anderes Datum: Mo, {planned:%d.%m.%Y}." in hint
    assert "Tab „Veröffentlichung“" in hint
    assert "anderes Datum" in client.get(response["Location"]).content.decode()

    # Title and slug of the day the meeting is on: nothing to say.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[MeetingPage.objects.get().pk]),
        meeting_data(planned),
    )
    assert "anderes Datum" not in " ".join(map(str, get_messages(response.wsgi_request)))


def test_autosave_gets_no_hint(client, editor, series, make_meeting):
    tuesday = next_planned_day(series) + datetime.timedelta(days=1)
    meeting = make_meeting(tuesday)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk]),
        meeting_data(tuesday, slug=meeting.slug),
        headers={"accept": "application/json"},
    )
    assert "außerhalb" not in " ".join(
        map(str, get_messages(client.get(reverse("wagtailadmin_home")).wsgi_request))
    )


def test_the_rule_editor_knows_the_next_planned_dates(client, editor, series):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[series.pk])).content.decode()
    textarea = re.search(r'<textarea[^>]*name="schedule"[^>]*>', html).group(0)
    planned = json.loads(
        re.search(r'data-planned-dates="([^"]*)"', textarea).group(1).replace("&quot;", '"')
    )
    expected = [
        occurrence.start.astimezone(BERLIN).date().isoformat()
        for occurrence in listings.planned_dates(series)[:3]
    ]
    assert planned[:3] == expected and len(planned) == 12


def test_a_rule_with_a_count_reads_as_meetings(series):
    series.schedule = Recurrence(rrules=[Rule(recurrence.WEEKLY, count=3)])
    assert "insgesamt 3 Termine" in series.schedule_text
    assert "Mal" not in series.schedule_text


def test_every_page_type_describes_itself_in_german():
    for model in get_page_models():
        if model._meta.app_label.startswith("strukturwandel"):
            with translation.override("en"):
                english = str(model.get_page_description())
            with translation.override("de"):
                german = str(model.get_page_description())
            assert english and german != english, model


def test_a_series_whose_dates_run_overnight_is_saved_with_a_hint(rf, series):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from strukturwandel.events.wagtail_hooks import warn_of_what_may_not_be_meant

    def hints(page):
        request = rf.get("/", HTTP_ACCEPT="text/html")
        request.session = {}
        request._messages = FallbackStorage(request)
        with translation.override("de"):
            warn_of_what_may_not_be_meant(request, page)
        return [str(message) for message in request._messages]

    assert hints(series) == []  # 17:00–18:30
    series.schedule_end_time = datetime.time(8, 30)  # 18:30 mistyped
    [hint] = hints(series)
    assert hint == (
        "Die Termine von Strukturwandel-Stammtisch reichen bis in den nächsten Tag: von 17:00 "
        "bis 08:30 Uhr. Prüfen Sie die übliche Endzeit, wenn das nicht so gemeint ist."
    )
    series.schedule = None
    assert hints(series) == []


def test_a_year_the_database_cannot_hold_is_named_at_the_field_and_kept(client, editor, series):
    day = next_planned_day(series)
    # Stored in UTC, 00:30 on New Year's Day of the year 1 in Berlin falls in the year 0.
    data = meeting_data(day, start="0001-01-01 00:30")
    data["action-publish"] = "action-publish"
    response = client.post(add_url(series), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["start"] == [
        "Dieses Datum kann nicht gespeichert werden. Bitte prüfen Sie die Jahreszahl."
    ]
    assert not MeetingPage.objects.exists()
