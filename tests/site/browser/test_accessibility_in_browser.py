"""axe-core (through axe-playwright-python) on the public pages: every page of the demo's
sitemap, the search with and without hits, the calendar how-to, and every public form with the
errors of an empty submission. No violations (WCAG 2.1 AA, BITV 2.0)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from strukturwandel.documentation.models import ReportPage
from strukturwandel.events.models import MeetingPage, RegistrationState

from ..public_urls import public_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _violations(page):
    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in results.response["violations"]
    ]


def test_search_calendar_and_feed_pages_have_no_axe_violations(
    demo_site, live_server, page, screenshot
):
    report = ReportPage.objects.live().first()
    paths = [
        "/",
        "/suche/?q=Quantencomputer",  # no hits: the suggestions
        "/suche/?q=Mobilitaet",  # topic fields and pages
        "/kalender/",
        "/themenfelder/mobilitaet-infrastruktur/",
        "/stammtisch/",
        "/dokumentation/",
        report.url,
    ]
    for path in paths:
        page.goto(live_server.url + path)
        assert _violations(page) == [], path
    page.goto(live_server.url + "/suche/?q=Quantencomputer")
    screenshot("search-no-hits")
    page.goto(live_server.url + "/kalender/")
    screenshot("calendar-how-to")


def _html_paths(client):
    """The demo's public pages that a browser shows as HTML (no calendars, feeds, sitemap)."""
    return [
        path
        for path in public_urls(client)
        if client.get(path)["Content-Type"].startswith("text/html")
    ]


def test_every_public_page_has_no_axe_violations(demo_site, live_server, page, client):
    paths = _html_paths(client)
    assert len(paths) >= 40, paths
    found = {}
    for path in paths:
        page.goto(live_server.url + path)
        violations = _violations(page)
        if violations:
            found[path] = violations
    assert found == {}


def _open_registration_meeting():
    return next(
        meeting
        for meeting in MeetingPage.objects.live().order_by("start")
        if meeting.registration_state() == RegistrationState.OPEN
        and meeting.registration(None).on_site
    )


@pytest.mark.parametrize(
    ("where", "form", "button"),
    [
        ("/themensammlung/", "main form.sw-form", "Vorschlag senden"),
        ("/selbst-vorstellen/", "main form.sw-form", "Angebot senden"),
        ("/vernetzung/eintragen/", "main form.sw-form", "Visitenkarte senden"),
        (None, "form.sw-registration", "Anmelden"),
    ],
    ids=["topic-suggestion", "impulse-offer", "business-card", "meeting-registration"],
)
def test_forms_with_errors_have_no_axe_violations(
    demo_site, live_server, page, screenshot, where, form, button
):
    path = where or f"{_open_registration_meeting().url}#anmeldung"
    page.goto(live_server.url + path)
    with page.expect_navigation():
        page.locator(form).get_by_role("button", name=button).click()
    assert page.locator(f"{form} [aria-invalid='true']").count() > 0
    assert _violations(page) == [], path
    screenshot(f"axe-errors-{(where or 'registration').strip('/').replace('/', '-')}")
