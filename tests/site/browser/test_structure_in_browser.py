"""Topic fields and working groups as a visitor and an editor meet them."""

import pytest

from strukturwandel.groups.models import GroupStatus, WorkingGroupPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _heading_levels(page):
    return page.locator("main h1, main h2, main h3, main h4").evaluate_all(
        "elements => elements.map(element => Number(element.tagName[1]))"
    )


def _assert_headings_in_order(page):
    levels = _heading_levels(page)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_visitor_goes_from_the_topic_index_to_a_topic(demo_site, live_server, page, screenshot):
    page.goto(f"{live_server.url}/themenfelder/")
    assert page.get_by_role("heading", level=1).inner_text() == "Themenfelder"
    _assert_headings_in_order(page)
    screenshot("topic-index")

    page.get_by_role("link", name="Strukturwandel-Strukturen").click()
    page.wait_for_url(f"{live_server.url}/themenfelder/strukturwandel-strukturen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Strukturwandel-Strukturen"
    assert page.title().startswith("Strukturwandel-Strukturen – Themenfelder")
    _assert_headings_in_order(page)
    feed = page.locator('link[rel="alternate"][type="text/calendar"]')
    assert feed.get_attribute("href") == "/kalender/themen/strukturwandel-strukturen.ics"
    groups = page.locator("section", has=page.get_by_role("heading", name="Arbeitsgruppen"))
    assert groups.get_by_role("link", name="Koordinierungskreis").first.is_visible()
    screenshot("topic-page")

    # Keyboard users reach the calendar link with a visible focus.
    calendar = page.locator('main a[href$="/strukturwandel-strukturen.ics"]')
    assert calendar.inner_text().startswith("Kalender abonnieren")
    calendar.focus()
    outline = calendar.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    assert page.console_errors == []


def test_visitor_follows_a_merged_group_to_its_successor(demo_site, live_server, page, screenshot):
    page.goto(f"{live_server.url}/arbeitsgruppen/")
    _assert_headings_in_order(page)
    screenshot("group-index")
    page.get_by_role("link", name="AG 3: Interne Struktur und Vernetzung").click()
    page.wait_for_url(f"{live_server.url}/arbeitsgruppen/ag-3-interne-struktur-und-vernetzung/")
    status = page.locator(".sw-group-status").first
    assert status.inner_text().startswith("Aufgegangen in Koordinierungskreis")
    status.get_by_role("link", name="Koordinierungskreis").click()
    page.wait_for_url(f"{live_server.url}/arbeitsgruppen/koordinierungskreis/")
    _assert_headings_in_order(page)
    contacts = page.locator("section", has=page.get_by_role("heading", name="Ansprechpersonen"))
    assert "alex.platzhalter@example.org" in contacts.inner_text()
    assert page.get_by_role("heading", name="Mitmachen").is_visible()
    screenshot("group-page")
    assert page.console_errors == []


def test_group_pages_fit_a_phone(demo_site, live_server, page, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    for path, name in [
        ("/arbeitsgruppen/ag-1-nachhaltige-dorfentwicklung/", "group-page-phone"),
        ("/themenfelder/", "topic-index-phone"),
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        screenshot(name)


def test_editor_pauses_a_group_and_sees_where_a_person_takes_part(
    demo_site, live_server, page, admin_login
):
    admin_login()
    group = WorkingGroupPage.objects.get(slug="ag-1-nachhaltige-dorfentwicklung")
    page.goto(f"{live_server.url}/admin/pages/{group.pk}/edit/")
    page.select_option("#id_status", GroupStatus.PAUSED)
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{group.get_parent().pk}/")
    page.goto(f"{live_server.url}/arbeitsgruppen/")
    card = page.locator(".sw-group-card", has_text="AG 1: Nachhaltige Dorfentwicklung")
    assert "Pausiert" in card.inner_text()

    # The demo's contact person of the groups, who also gave an impulse at the kick-off.
    page.goto(f"{live_server.url}/admin/snippets/strukturwandel_people/person/")
    page.get_by_role("link", name="Alex Platzhalter").click()
    panel = page.locator("section", has=page.get_by_role("heading", name="Kommt vor in"))
    assert "Nachhaltige Dorfentwicklung" in panel.inner_text()
    assert "Koordinierungskreis" in panel.inner_text()
    assert "Auftaktveranstaltung" in panel.inner_text()
