"""The editor's week on the demo content, in the real admin: the series' rule, a meeting from a
planned date with German dates and an impulse by a person on record, a cancelled meeting, the
documentation of a past meeting, the public pages and feeds; and every page type's preview
before and after its first save.

Every control the walk clicks must be the topmost element at its centre and big enough to hit
(TOPMOST, as in the rule editor's test); any console error fails it.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.events import schedule
from strukturwandel.events.models import EventSeriesPage, MeetingPage
from strukturwandel.people.models import Person
from strukturwandel.topics.models import TopicFieldIndexPage

from .test_rule_editor_in_browser import TOPMOST

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TUESDAY = 1


@pytest.fixture
def hittable(page):
    def check(locator):
        locator.wait_for(state="visible")
        found = locator.evaluate(TOPMOST)
        assert found["topmost"], f"{locator} is covered by {found['covered_by']}"
        assert found["width"] >= 12, f"{locator} is {found['width']} px wide"

    return check


@pytest.fixture
def click(page, hittable):
    def click_control(locator):
        hittable(locator)
        locator.click()

    return click_control


@pytest.fixture
def publish(page, click, hittable, submit):
    def publish_page():
        click(page.locator("footer .w-dropdown__toggle").first)
        button = page.locator("button[name=action-publish]")
        hittable(button)
        submit(button)
        errors = page.locator(".w-field__errors, .messages .error").all_inner_texts()
        assert [error.strip() for error in errors if error.strip()] == []

    return publish_page


def planned_days(series, count=2):
    now = timezone.now()
    occurrences = series.schedule_occurrences(now, now + datetime.timedelta(days=366), limit=count)
    return [timezone.localtime(occurrence.start).date() for occurrence in occurrences][:count]


def german(day):
    return f"{day:%d.%m.%Y}"


def test_the_editors_week_on_the_demo_content(
    demo_site, live_server, page, admin_login, screenshot, submit, click, hittable, publish
):
    series = EventSeriesPage.objects.get(url_path__endswith="/stammtisch/")
    now = timezone.now()
    admin_login()

    # Monday: the series moves from Monday to Tuesday (in its weekday grid).
    page.goto(f"{live_server.url}/admin/pages/{series.pk}/edit/")
    widget = page.locator("div.recurrence-widget")
    click(widget.locator(".panel .recurrence-label").first)
    weekdays = widget.locator(".panel form").first.locator(".weekly td")
    click(weekdays.get_by_text("Mo", exact=True))
    click(weekdays.get_by_text("Di", exact=True))
    assert "Dienstag" in widget.locator(".panel .header").first.inner_text()
    screenshot("week-rule-changed")
    publish()
    series.refresh_from_db()
    assert [day.weekday for rule in series.schedule.rrules for day in rule.byday] == [TUESDAY]

    # Its next date is dropped: "Termin ausschließen" offers that date, not today.
    first, second = planned_days(series)
    page.goto(f"{live_server.url}/admin/pages/{series.pk}/edit/")
    click(widget.get_by_text("Termin ausschließen"))
    exclusion = widget.locator(".panel").last
    assert re.search(rf"Dienstag, {first.day}\. \w+ {first.year}", exclusion.inner_text())
    screenshot("week-rule-exclusion")
    publish()
    series.refresh_from_db()
    assert [schedule.local_date(day) for day in series.schedule.exdates] == [first]

    # A meeting from the first planned date, its end typed the German way.
    page.goto(f"{live_server.url}/admin/pages/{series.pk}/edit/")
    click(page.locator("header").get_by_role("button", name="Aktionen"))
    with page.expect_navigation():
        click(page.get_by_role("link", name="Treffen aus geplantem Termin anlegen"))
    with page.expect_navigation():
        click(page.get_by_role("button", name=re.compile("^Treffen anlegen")).first)
    meeting = MeetingPage.objects.child_of(series).filter(live=False).get()
    day = timezone.localtime(meeting.start).date()
    assert day == second
    assert page.input_value("#id_start") == f"{german(day)} 17:00"
    page.fill("#id_end", "")
    page.type("#id_end", f"{german(day)} 19:00")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert page.input_value("#id_end") == f"{german(day)} 19:00"
    # A topic longer than the field allows is not cut by the browser.
    page.fill("#id_topic", "Ö" * 201)
    assert len(page.input_value("#id_topic")) == 201
    page.fill("#id_topic", "Wärmewende im Dorf")

    # An impulse by a person on record, chosen in Wagtail's snippet chooser.
    person = Person.objects.order_by("name").first()
    impulses = page.locator("[data-contentpath='impulses']")
    click(impulses.locator("button.c-sf-add-button").first)
    page.fill("[name='impulses-0-value-title']", "Nahwärme aus der Biogasanlage")
    speakers = impulses.locator("[data-contentpath='speakers']")
    click(speakers.locator("button.c-sf-add-button").first)
    # Wagtail slides a new block in; the speaker's fields are there once it has.
    expect(speakers.locator("[data-contentpath='person']")).to_have_count(1)
    expect(speakers.locator("[data-contentpath='name'] input")).to_be_visible()
    click(speakers.locator("[data-contentpath='person'] button").locator("visible=true").first)
    modal = page.locator(".modal-content")
    click(modal.get_by_role("link", name=re.compile(re.escape(person.name))).first)
    page.locator(".modal-backdrop").wait_for(state="detached")
    screenshot("week-meeting-from-planned-date")
    publish()
    meeting.refresh_from_db()
    assert meeting.live and meeting.topic == "Wärmewende im Dorf"
    assert timezone.localtime(meeting.end).time() == datetime.time(19, 0)
    [impulse] = meeting.impulses
    assert impulse.value["speakers"][0]["person"] == person

    page.goto(f"{live_server.url}{meeting.url}")
    main = page.locator("main").inner_text()
    assert "Nahwärme aus der Biogasanlage" in main and person.name in main
    screenshot("week-meeting-public")

    # Wednesday: the next demo meeting is cancelled.
    cancelled = (
        MeetingPage.objects.child_of(series)
        .live()
        .filter(start__gt=now, status="planned")
        .exclude(pk=meeting.pk)
        .order_by("start")
        .first()
    )
    page.goto(f"{live_server.url}/admin/pages/{cancelled.pk}/edit/")
    hittable(page.locator("#id_status"))
    page.select_option("#id_status", "cancelled")
    page.fill("#id_status_note", "Die Referentin ist erkrankt.")
    publish()
    page.goto(f"{live_server.url}/admin/meetings/?when=upcoming")
    row = page.locator("table.listing tbody tr", has_text=cancelled.title)
    assert "ABGESAGT" in row.inner_text().upper()
    screenshot("week-meetings-listing")

    # Friday: the documentation of the last past meeting, with a discussion point.
    past = (
        MeetingPage.objects.child_of(series)
        .live()
        .filter(start__lt=now, documentation_pages__isnull=True)
        .exclude(status="cancelled")
        .order_by("-start")
        .first()
    )
    page.goto(f"{live_server.url}/admin/pages/{past.pk}/edit/")
    click(page.locator("header").get_by_role("button", name="Aktionen"))
    with page.expect_navigation():
        click(page.get_by_role("link", name="Dokumentation anlegen"))
    with page.expect_navigation():
        click(page.get_by_role("button", name="Entwurf der Dokumentation anlegen"))
    documentation = DocumentationPage.objects.get(meeting=past)
    click(page.locator("button.c-sf-add-button").last)
    click(page.get_by_role("option", name="Diskussion", exact=True))
    discussion = page.locator("[data-contentpath='points']").last
    click(discussion.locator("button.c-sf-add-button").first)
    key_term = discussion.locator("[name$='-value-key_term']").first
    key_term.fill("Wärmenetze")
    text = discussion.locator("[data-contentpath='text'] [contenteditable='true']").first
    click(text)
    page.keyboard.type("Genossenschaften können Nahwärme im Dorf tragen.")
    # Draftail writes its hidden field a moment after typing; publish only once it has.
    key_term.click()
    page.wait_for_function(
        """() => [...document.querySelectorAll("input[name$='-value-text']")]
          .some((field) => field.value.includes("Genossenschaften"))"""
    )
    screenshot("week-documentation-composed")
    publish()
    documentation.refresh_from_db()
    assert documentation.live

    # The public side: the meeting, the cancellation, the documentation, the feeds.
    page.goto(f"{live_server.url}{series.url}")
    main = page.locator("main").inner_text()
    assert "Wärmewende im Dorf" in main
    assert "abgesagt" in main.lower()
    screenshot("week-series-public")
    page.goto(f"{live_server.url}{documentation.url}")
    main = page.locator("main").inner_text()
    assert "Wärmenetze" in main and "Genossenschaften können Nahwärme" in main
    screenshot("week-documentation-public")
    feed = page.request.get(f"{live_server.url}{series.calendar_url}")
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    ics = feed.text().replace("\r\n ", "")
    assert "Wärmewende im Dorf" in ics
    assert "STATUS:CANCELLED" in ics
    site_feed = page.request.get(f"{live_server.url}/kalender/termine.ics")
    assert site_feed.ok and "Wärmewende im Dorf" in site_feed.text().replace("\r\n ", "")
    assert page.console_errors == []


# What each new page needs besides its title before it can be previewed, and below which
# page of the demo it is added (a URL path's end). The topic-field index exists once per site
# (the demo has it): only its preview after the first save can be shown.
NEW_PAGES = [
    ("strukturwandel_core.contentpage", "/", {}),
    ("strukturwandel_events.eventseriespage", "/", {}),
    ("strukturwandel_events.meetingpage", "/stammtisch/", {"topic": "Vorschau-Thema"}),
    ("strukturwandel_events.recurringmeetingpage", "/", {"topic": "Vorschau-Thema"}),
    ("strukturwandel_groups.workinggroupindexpage", "/", {}),
    ("strukturwandel_groups.workinggrouppage", "/arbeitsgruppen/", {}),
    ("strukturwandel_documentation.documentationindexpage", "/", {}),
    ("strukturwandel_documentation.documentationpage", "/dokumentation/", {}),
    ("strukturwandel_documentation.reportpage", "/dokumentation/", {"date": "16.02.2027"}),
    ("strukturwandel_participation.topicsuggestionpage", "/", {}),
    ("strukturwandel_participation.impulseofferpage", "/", {}),
    ("strukturwandel_participation.businesscarddirectorypage", "/", {}),
]


def test_every_page_type_previews_before_and_after_its_first_save(
    demo_site, live_server, page, admin_login, screenshot, click
):
    from wagtail.models import get_page_models

    ours = {
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in get_page_models()
        if model._meta.app_label.startswith("strukturwandel")
    }
    single = "strukturwandel_topics.topicfieldindexpage"
    assert ours == {content_type for content_type, _, _ in NEW_PAGES} | {single}
    home = Page.objects.get(depth=2)
    admin_login()

    # The page-type chooser says what each type is for.
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/add_subpage/")
    assert "Eine Reihe von Treffen nach einer Terminregel" in page.locator("main").inner_text()
    screenshot("preview-page-type-chooser")

    def preview_shows(title, name=None):
        toggle = page.locator("button[data-side-panel-toggle='preview']")
        click(toggle)
        heading = page.frame_locator("iframe[title]").first.get_by_role("heading", level=1)
        heading.wait_for()
        assert title in heading.inner_text()
        if name:
            screenshot(name)
        click(toggle)
        page.locator("[data-side-panel='preview']").wait_for(state="hidden")

    for content_type, parent_path, fields in NEW_PAGES:
        app_label, model_name = content_type.split(".")
        parent = Page.objects.get(url_path=home.url_path + parent_path.lstrip("/"))
        page.goto(f"{live_server.url}/admin/pages/add/{app_label}/{model_name}/{parent.pk}/")
        title = f"Vorschau {model_name}"
        assert page.locator("#id_title").count() == 1, f"{content_type}: {page.url}"
        page.fill("#id_title", title)
        for name, value in fields.items():
            page.fill(f"#id_{name}", value)
        preview_shows(title)
        click(page.locator("footer button[name=action-save], footer button:not([name])").first)
        page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
        preview_shows(title, name=f"preview-{model_name}")

    for existing in [home, TopicFieldIndexPage.objects.get()]:
        page.goto(f"{live_server.url}/admin/pages/{existing.pk}/edit/")
        preview_shows(existing.title)
    assert page.console_errors == []
