"""The content security policy in a real browser: public pages, the admin and its preview."""

import pytest

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.events.models import MeetingPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Wagtail's accessibility checker (axe, in the preview panel) logs this when the preview
# refreshes during its first run; Wagtail's, not the policy's.
WAGTAIL_AXE_RACE = "Axe is already running"


def _violations(page):
    """CSP violations the browser reported, besides its console errors."""
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture
def record_violations(page):
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"
    )


def test_public_pages_run_under_the_policy_without_violations(
    demo_site, live_server, page, record_violations
):
    meeting = MeetingPage.objects.live().first()
    documentation = DocumentationPage.objects.live().first()
    for path in (
        "/",
        meeting.url,
        documentation.url,
        "/dokumentation/?q=Stammtisch",
        "/suche/?q=AG",
        "/themensammlung/",
        "/selbst-vorstellen/",
        "/vernetzung/?region=saalekreis",
        "/vernetzung/eintragen/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        assert _violations(page) == [], path
    assert page.console_errors == []


def test_editor_logs_in_edits_and_previews_under_the_policy(
    demo_site, live_server, page, admin_login, record_violations, settings, screenshot
):
    settings.AXES_ENABLED = True  # the login form as in production, with its limits
    admin_login()
    meeting = MeetingPage.objects.live().first()
    page.goto(f"{live_server.url}/admin/pages/{meeting.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe[title]").first
    assert preview.get_by_role("heading", level=1).inner_text() == meeting.title
    screenshot("security-admin-preview")
    page.locator("button[data-side-panel-toggle='preview']").click()
    assert _violations(page) == []

    # The public page with the editor's user bar (Wagtail's own scripts and styles).
    page.goto(f"{live_server.url}{meeting.url}")
    assert page.locator("wagtail-userbar").count() == 1
    assert _violations(page) == []
    errors = [error for error in page.console_errors if WAGTAIL_AXE_RACE not in error]
    assert errors == []
