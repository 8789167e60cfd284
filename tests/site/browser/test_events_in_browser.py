"""An editor builds a series and a meeting through the Wagtail admin, in a real browser.

The recurrence widget sits next to Wagtail's date pickers: both must work, in German, with no
console error (the stock widget's Django admin jQuery used to break the pickers).
"""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Page

from strukturwandel.events.models import EventSeriesPage, MeetingPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CALL_LINK = "https://zoom.example.org/j/5550001?pwd=nurfuerangemeldete"


def next_monday():
    today = timezone.localdate()
    return today + datetime.timedelta(days=7 - today.weekday())


def publish(page, submit):
    page.locator("footer .w-dropdown__toggle").first.click()
    submit(page.locator("button[name=action-publish]"))


def test_editor_creates_a_series_and_a_meeting(
    demo_site, live_server, page, admin_login, screenshot, submit
):
    admin_login()
    home = Page.objects.get(depth=2)
    page.goto(f"{live_server.url}/admin/pages/add/strukturwandel_events/eventseriespage/{home.pk}/")
    scripts = page.evaluate("Array.from(document.scripts).map(script => script.src)")
    assert not [src for src in scripts if "admin/js/vendor/jquery/" in src]

    page.fill("#id_title", "Regionalstammtisch Leipziger Land")
    # Wagtail's date picker opens next to the rule editor, in German.
    page.click("#id_schedule_starts_on")
    picker = page.locator(".xdsoft_datetimepicker").locator("visible=true")
    picker.wait_for(state="visible")
    assert picker.count() == 1
    assert "Mo" in picker.inner_text()
    assert picker.locator(".xdsoft_calendar th").first.inner_text() == "Mo"
    picker.locator("td.xdsoft_today").click()
    # Dates read the German way and weeks start on Monday (WAGTAIL_DATE_FORMAT, FIRST_DAY_OF_WEEK).
    assert page.input_value("#id_schedule_starts_on") == f"{timezone.localdate():%d.%m.%Y}"
    page.fill("#id_schedule_starts_on", f"{next_monday():%d.%m.%Y}")
    page.fill("#id_schedule_start_time", "17:00")
    page.fill("#id_schedule_end_time", "18:30")
    page.keyboard.press("Escape")

    # The rule editor, in German: a weekly rule from the first Monday.
    widget = page.locator("div.recurrence-widget")
    widget.get_by_text("Regel hinzufügen").click()
    assert widget.get_by_text("Wöchentlich").first.is_visible()
    assert "Frequenz" in widget.inner_text()
    assert page.get_by_text("Terminregel", exact=True).is_visible()
    screenshot("events-admin-series-editor")
    publish(page, submit)
    assert page.console_errors == []

    series = EventSeriesPage.objects.get(title="Regionalstammtisch Leipziger Land")
    assert series.live
    assert series.schedule_start_time == datetime.time(17, 0)
    assert [rule.freq for rule in series.schedule.rrules] == [2]  # weekly

    # The public page lists the planned dates in German.
    page.goto(f"{live_server.url}{series.url}")
    main = page.locator("main").inner_text()
    assert "Nächste Termine" in main
    assert "wöchentlich" in main
    assert f"Mo, {next_monday():%d.%m.%Y}, 17:00–18:30 Uhr" in main

    # One step from a planned date to a draft meeting with date and time filled in.
    page.goto(f"{live_server.url}/admin/pages/{series.pk}/edit/")
    page.locator("header").get_by_role("button", name="Aktionen").click()
    submit(page.get_by_role("link", name="Treffen aus geplantem Termin anlegen"))
    submit(page.get_by_role("button", name=re.compile("^Treffen anlegen")).first)
    assert "/edit/" in page.url
    assert f"{next_monday():%d.%m.%Y} 17:00" == page.input_value("#id_start")

    page.fill("#id_topic", "Dorfläden und Begegnungsorte")
    page.fill("#id_teaser", "Wie kommen Menschen in ihrem Ort zusammen?")
    page.fill("#id_call_link", CALL_LINK)
    # The editor refuses an end before the start, with a German message at the field.
    page.fill("#id_end", f"{next_monday():%d.%m.%Y} 16:00")
    publish(page, submit)
    assert (
        "Das Treffen kann nicht enden, bevor es beginnt."
        in page.locator("[data-field-wrapper]:has(#id_end)").inner_text()
    )
    # Wagtail answers a refused form with 400, which the browser logs; nothing else.
    assert [error for error in page.console_errors if "400 (Bad Request)" not in error] == []
    page.console_errors.clear()
    # Typed the German way, the end stays what was typed when the field is left.
    page.fill("#id_end", "")
    page.type("#id_end", f"{next_monday():%d.%m.%Y} 18:30")
    page.keyboard.press("Tab")
    assert page.input_value("#id_end") == f"{next_monday():%d.%m.%Y} 18:30"
    page.keyboard.press("Escape")
    screenshot("events-admin-meeting-editor")
    publish(page, submit)
    assert page.console_errors == []

    meeting = MeetingPage.objects.get(topic="Dorfläden und Begegnungsorte")
    assert meeting.live
    assert meeting.call_link == CALL_LINK
    assert timezone.localtime(meeting.end).replace(tzinfo=None) == datetime.datetime.combine(
        next_monday(), datetime.time(18, 30)
    )
    page.goto(f"{live_server.url}{meeting.url}")
    assert page.get_by_role("heading", level=1).inner_text() == meeting.title
    assert "Dorfläden und Begegnungsorte" in page.locator("main").inner_text()
    assert CALL_LINK not in page.content()
    screenshot("events-meeting-page")
    assert page.console_errors == []


def test_stammtisch_page_for_visitors(demo_site, live_server, page, screenshot):
    page.goto(f"{live_server.url}/stammtisch/")
    assert page.get_by_role("heading", level=2, name="Nächste Termine").is_visible()
    assert page.get_by_role("heading", level=2, name="Vergangene Termine").is_visible()
    assert page.locator("link[rel=alternate][type='text/calendar']").count() == 1
    page.get_by_role("link", name=re.compile("^Anmelden")).first.click()
    page.wait_for_url(re.compile("#anmeldung$"))
    screenshot("events-demo-meeting")
    page.goto(f"{live_server.url}/stammtisch/")
    screenshot("events-demo-stammtisch")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot("events-demo-stammtisch-phone")
    assert page.console_errors == []


def test_recurring_meeting_page_fits_a_phone(
    demo_site, live_server, page, screenshot, sticking_out
):
    # Its facts hold long values: a whole sentence for the place and an e-mail address.
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/treffen-aktionskreis-leipziger-land/")
    assert page.get_by_text("aktionskreis@example.org").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert sticking_out() == []
    screenshot("events-recurring-meeting-phone")
    assert page.console_errors == []
