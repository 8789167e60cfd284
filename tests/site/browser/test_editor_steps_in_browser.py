"""Shortcuts of the editor's week on the demo content: a new meeting starts filled in, a past
meeting's documentation is one menu item away, a topic field's slug fills itself in."""

import re

import pytest
from django.utils import timezone

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.events.models import EventSeriesPage, MeetingPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_documentation_from_a_past_meeting_and_a_prefilled_new_meeting(
    demo_site, live_server, page, admin_login, screenshot, submit
):
    series = EventSeriesPage.objects.get(url_path__endswith="/stammtisch/")
    meeting = (
        MeetingPage.objects.child_of(series)
        .live()
        .filter(start__lt=timezone.now(), documentation_pages__isnull=True)
        .exclude(status="cancelled")
        .order_by("-start")
        .first()
    )
    admin_login()
    page.goto(f"{live_server.url}/admin/pages/{meeting.pk}/edit/")
    page.locator("header").get_by_role("button", name="Aktionen").click()
    submit(page.get_by_role("link", name="Dokumentation anlegen"))
    assert "übernommen" in page.locator("main").inner_text()
    submit(page.get_by_role("button", name="Entwurf der Dokumentation anlegen"))
    documentation = DocumentationPage.objects.get(meeting=meeting)
    assert page.url.endswith(f"/admin/pages/{documentation.pk}/edit/")
    assert page.input_value("#id_title") == f"Dokumentation: {meeting.title}"
    screenshot("documentation-created-from-meeting")

    # A new meeting below the series starts on its next open planned date, in German.
    page.goto(f"{live_server.url}/admin/pages/add/strukturwandel_events/meetingpage/{series.pk}/")
    title = page.input_value("#id_title")
    assert re.fullmatch(r"Strukturwandel-Stammtisch am \d\d\.\d\d\.\d{4}", title)
    day = title.rsplit(" ", 1)[1]
    assert page.input_value("#id_start") == f"{day} 17:00"
    assert page.input_value("#id_end") == f"{day} 18:30"
    page.click("#id_start")
    picker = page.locator(".xdsoft_datetimepicker").locator("visible=true")
    picker.wait_for(state="visible")
    assert "17:30" in picker.locator(".xdsoft_time").all_inner_texts()
    page.keyboard.press("Escape")
    screenshot("events-new-meeting-prefilled")

    # All meetings in one list, newest first, with their date and status.
    page.goto(f"{live_server.url}/admin/meetings/")
    headers = page.locator("table.listing thead").first.inner_text()
    assert "Datum" in headers and "Stand des Treffens" in headers
    assert page.get_by_role("link", name=meeting.title).count() == 1
    screenshot("events-admin-meeting-list")
    assert page.console_errors == []


def test_a_topic_fields_slug_fills_itself_in(demo_site, live_server, page, admin_login):
    admin_login()
    page.goto(f"{live_server.url}/admin/snippets/strukturwandel_topics/topicfield/add/")
    page.type("#id_name", "Mobilität im ländlichen Raum")
    page.keyboard.press("Tab")
    # Wagtail applies the sync after a short debounce.
    page.wait_for_function("document.querySelector('#id_slug').value !== ''")
    assert page.input_value("#id_slug") == "mobilitat-im-landlichen-raum"
    assert page.console_errors == []
