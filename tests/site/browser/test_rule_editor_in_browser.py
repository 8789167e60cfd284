"""The real demo series' rule, edited by clicking, in the page editor.

Every control the test clicks must be the topmost element at its centre (nothing lies on top of
it) and at least 12 px wide: what a mouse can hit, an editor can hit.
"""

import datetime

import pytest
from django.utils import timezone

from strukturwandel.events import schedule
from strukturwandel.events.models import EventSeriesPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOPMOST = """(element) => {
  element.scrollIntoView({block: "center", behavior: "instant"});
  const box = element.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    topmost: top === element || element.contains(top),
    covered_by: top ? `${top.tagName}.${top.className}` : null,
    width: box.width,
  };
}"""


@pytest.fixture
def click(page):
    """Click a control after checking that it is on top and big enough to hit."""

    def click_control(locator):
        locator.wait_for(state="visible")
        found = locator.evaluate(TOPMOST)
        assert found["topmost"], f"{locator} is covered by {found['covered_by']}"
        assert found["width"] >= 12, f"{locator} is {found['width']} px wide"
        locator.click()

    return click_control


def test_editor_changes_the_real_series_rule_by_clicking(
    demo_site, live_server, page, admin_login, screenshot, submit, click
):
    series = EventSeriesPage.objects.get(url_path__endswith="/stammtisch/")
    rules_before = len(series.schedule.rrules)
    now = timezone.now()
    first_planned = schedule.local_date(
        series.schedule_occurrences(now, now + datetime.timedelta(days=366), limit=1)[0].start
    )
    admin_login()
    page.goto(f"{live_server.url}/admin/pages/{series.pk}/edit/")
    widget = page.locator("div.recurrence-widget")
    click(widget.locator(".panel .recurrence-label").first)
    rule = widget.locator(".panel form").first
    rule.wait_for(state="visible")
    screenshot("events-rule-editor-open")

    # Checkboxes, radios and their labels can be hit; the rule's weekday grid too.
    click(rule.locator(".limit input[type=checkbox]"))
    click(rule.locator(".until-count .recurrence-label").first)
    click(rule.locator(".until-count .recurrence-label").last)
    assert rule.locator(".until-count input[type=radio]").last.is_checked()
    # A count reads as a number of meetings, in the form and in the rule's summary.
    assert "Endet nach" in rule.locator(".until-count .count").inner_text()
    assert "insgesamt 1 Termin" in widget.locator(".panel .header").first.inner_text()
    click(rule.locator(".mode .recurrence-label"))
    assert rule.locator(".mode input[type=checkbox]").is_checked()
    click(rule.locator(".mode input[type=checkbox]"))
    assert not rule.locator(".mode input[type=checkbox]").is_checked()

    # An exclusion is its own button; its calendar opens on screen, weeks start on Monday.
    click(widget.get_by_text("Termin ausschließen"))
    exclusion = widget.locator(".panel form.date").last
    assert exclusion.locator(".mode input[type=checkbox]").is_checked()
    # Dates read the German way, as everywhere in the admin.
    date_field = exclusion.locator("input.date-field")
    assert date_field.input_value() == first_planned.strftime("%d.%m.%Y")
    click(exclusion.locator(".calendar-button"))
    calendar = page.locator("table.recurrence-calendar").locator("visible=true")
    calendar.wait_for(state="visible")
    box = calendar.bounding_box()
    viewport = page.viewport_size
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= viewport["width"]
    assert box["y"] + box["height"] <= viewport["height"]
    headers = calendar.locator("td.header").all_inner_texts()
    assert headers[0] == "M" and headers[6] == "S"
    screenshot("events-rule-editor-calendar")
    click(calendar.locator(".next-month a"))
    click(calendar.locator("td.day", has_text="14").first)
    calendar.wait_for(state="detached")
    month = first_planned.month % 12 + 1
    year = first_planned.year + (first_planned.month == 12)
    assert date_field.input_value() == f"14.{month:02d}.{year}"
    # A date typed the German way is taken as it is read.
    date_field.fill(f"15.{month:02d}.{year}")
    date_field.press("Tab")
    assert date_field.input_value() == f"15.{month:02d}.{year}"
    assert "15. " in widget.locator(".panel .header").last.inner_text()

    # The extra date is named as such, and the buttons to add are not covered either.
    assert widget.get_by_text("Zusätzlichen Termin hinzufügen").is_visible()
    click(widget.get_by_text("Regel hinzufügen"))
    screenshot("events-rule-editor-after")
    page.locator("footer .w-dropdown__toggle").first.click()
    submit(page.locator("button[name=action-publish]"))
    assert page.console_errors == []

    series.refresh_from_db()
    assert len(series.schedule.rrules) == rules_before + 1
    # The calendar opened on the exclusion's first date, the rule's next planned date; the
    # date then typed the German way is the one stored.
    excluded = [schedule.local_date(day) for day in series.schedule.exdates]
    assert datetime.date(year, month, 15) in excluded
