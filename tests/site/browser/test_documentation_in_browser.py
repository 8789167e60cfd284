"""An editor writes up a Stammtisch in the page editor; readers see it on screen and on paper."""

import datetime
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from strukturwandel.documentation.models import (
    DocumentationIndexPage,
    DocumentationPage,
    ReportPage,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# Wagtail's own accessibility checker (axe, in the preview panel) starts a second run when the
# preview refreshes during the first, and axe logs that as an error. Wagtail's, not ours.
WAGTAIL_AXE_RACE = "Axe is already running"


def add_block(page, label):
    """Append a block of type ``label`` to the body: its last "insert" button is at the end."""
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def type_rich_text(page, container, *lines):
    editor = container.locator("[contenteditable='true']").first
    editor.click()
    for number, line in enumerate(lines):
        if number:
            page.keyboard.press("Enter")
        page.keyboard.type(line)


def test_editor_composes_previews_and_publishes_a_documentation(
    demo_site, live_server, page, admin_login, screenshot, submit
):
    admin_login()
    index = DocumentationIndexPage.objects.get(slug="dokumentation")
    page.goto(
        f"{live_server.url}/admin/pages/add/strukturwandel_documentation/documentationpage/"
        f"{index.pk}/"
    )
    page.fill("#id_title", "Dokumentation: Stammtisch zur Jugendbeteiligung")
    page.fill("#id_summary", "Wie junge Menschen den Strukturwandel mitgestalten.")

    # An impulse: one speaker, a title, key points as a list.
    add_block(page, "Impuls")
    page.fill("[name='body-0-value-speakers-0-value-name']", "Erika Beispiel")
    page.fill(
        "[name='body-0-value-speakers-0-value-organisation_name']", "Jugendforum Leipziger Land"
    )
    page.fill("[name='body-0-value-title']", "Jugendforen im Landkreis")
    type_rich_text(
        page,
        page.locator("[data-contentpath='key_points']").first,
        "- Drei Foren mit über 100 Jugendlichen",
        "Ergebnisse gehen an den Kreistag",
    )

    # A discussion with one point, its key term and a follow-up.
    add_block(page, "Diskussion")
    discussion = page.locator("[data-contentpath='points']").first
    add_point = discussion.locator("button.c-sf-add-button").first
    key_term = page.locator("[name='body-1-value-points-0-value-key_term']")
    add_point.click()
    try:
        key_term.wait_for(timeout=10_000)
    except PlaywrightTimeoutError:
        # On a loaded machine the first click can come before the new block's list listens.
        if discussion.locator("[data-contentpath='key_term']").count() == 0:
            add_point.click()
    key_term.fill("Schulen")
    type_rich_text(
        page,
        page.locator("[data-contentpath='points'] [data-contentpath='text']").first,
        "Schulen sollen Beteiligung im Unterricht aufgreifen.",
    )
    page.fill("[name='body-1-value-points-0-value-follow_up']", "Gespräch mit dem Landesschülerrat")

    # Preview in the side panel shows the numbered sections.
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe[title]").first
    heading = preview.locator("h2.sw-section__heading").first
    heading.wait_for()
    assert re.sub(r"\s+", " ", heading.inner_text()).strip() == "1 Impuls: Jugendforen im Landkreis"
    assert "Schulen:" in preview.locator(".sw-discussion").inner_text()
    screenshot("documentation-editor-preview")
    # Close the preview: nothing changes after this, so it has no refresh left to send.
    page.locator("button[data-side-panel-toggle='preview']").click()
    page.locator("[data-side-panel='preview']").wait_for(state="hidden")

    # Publish from the action menu.
    page.locator("button.dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    submit(page.get_by_role("button", name="Veröffentlichen"))
    assert re.search(r"/admin/pages/\d+/$", page.url), page.url

    documentation = DocumentationPage.objects.get(title__endswith="Jugendbeteiligung")
    assert documentation.live
    page.goto(f"{live_server.url}{documentation.url}")
    article = page.locator("article.sw-report")
    assert "2 Hauptpunkte aus der Diskussion" in re.sub(r"\s+", " ", article.inner_text())
    assert page.locator(".sw-impulse__points li").all_inner_texts() == [
        "Drei Foren mit über 100 Jugendlichen",
        "Ergebnisse gehen an den Kreistag",
    ]
    assert page.locator(".sw-key-term").inner_text() == "Schulen:"
    assert "Gespräch mit dem Landesschülerrat" in page.locator(".sw-follow-up").inner_text()
    screenshot("documentation-published")
    assert [error for error in page.console_errors if WAGTAIL_AXE_RACE not in error] == []


def test_documentation_reads_well_on_screen_and_prints_on_a4(
    demo_site, live_server, page, screenshot
):
    documentation = DocumentationPage.objects.get(slug="stammtisch-2021-12-06")
    page.goto(f"{live_server.url}{documentation.url}")
    toc_links = page.locator(".sw-toc a")
    assert toc_links.count() == 5
    toc_links.nth(2).click()
    assert page.evaluate("location.hash").startswith("#abschnitt-")
    screenshot("documentation")

    page.emulate_media(media="print")
    # No navigation on paper; external links are written out.
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("footer").first.is_visible()
    after = page.locator(".sw-networking a").first.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "https://pinnwand.example.org/stammtisch/visitenkarten" in after
    screenshot("documentation-print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert page.console_errors == []


@pytest.fixture
def survey_report(demo_site):
    """A report with a survey chart. The demo's reports give no answer counts, so this one is
    made up for the test."""
    index = DocumentationIndexPage.objects.get(slug="dokumentation")
    report = ReportPage(
        title="Umfrage zum Stammtisch",
        slug="umfrage-zum-stammtisch",
        date=datetime.date(2022, 5, 2),
        body=[
            (
                "survey_results",
                {
                    "heading": "",
                    "question": "Haben Sie Interesse an weiteren Stammtischen?",
                    "total": 151,
                    "answers": [
                        {"answer": "ja, regelmäßig", "count": 62},
                        {"answer": "zu passenden Themen", "count": 45},
                        {"answer": "weiter informiert werden", "count": 38},
                        {"answer": "kein Interesse", "count": 6},
                    ],
                    "note": "",
                },
            )
        ],
    )
    index.add_child(instance=report)
    report.save_revision().publish()
    return report


def test_survey_chart_is_a_table_with_bars(live_server, page, screenshot, survey_report):
    page.goto(f"{live_server.url}{survey_report.url}")
    table = page.get_by_role("table")
    assert table.locator("caption").inner_text().startswith("Haben Sie Interesse")
    assert table.get_by_role("rowheader").count() == 4
    bars = page.locator("svg.sw-survey__bar")
    widths = [bar.bounding_box()["width"] for bar in bars.all()]
    assert len(widths) == 4 and min(widths) > 0
    fills = [bar.locator("rect").bounding_box()["width"] for bar in bars.all()]
    assert max(fills) == pytest.approx(widths[0], abs=1)
    assert fills[3] < fills[0] / 5
    screenshot("report-survey")
    assert page.console_errors == []


def test_documentation_pages_fit_a_phone(
    live_server, page, screenshot, sticking_out, survey_report
):
    page.set_viewport_size({"width": 360, "height": 800})
    for name, path in [
        ("documentation-index-phone", "/dokumentation/"),
        ("documentation-phone", "/dokumentation/stammtisch-2021-12-06/"),
        ("report-phone", "/dokumentation/auftaktveranstaltung-2021-02-16/"),
        ("survey-phone", survey_report.url),
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert sticking_out() == [], path
        screenshot(name)
    # The survey: the share in per cent stands in for the bars, which a phone has no room for.
    assert page.locator(".sw-survey__bar").first.is_hidden()
    assert page.get_by_role("row").nth(1).inner_text().split("\t")[-1] == "41\xa0%"
    assert page.console_errors == []
