"""axe-core (through axe-playwright-python) on the public pages that search, calendars and
feeds added or changed: no violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from strukturwandel.documentation.models import ReportPage

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
