import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_in_a_browser(demo_site, live_server, page, screenshot):
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Strukturwandel im Mitteldeutschen Revier"
    )
    footer = page.locator("footer")
    assert "Schützengasse 16-18" in footer.inner_text()
    assert footer.get_by_role("link", name="Newsletter bestellen").is_visible()
    assert "Förderung" in footer.inner_text()

    # The first Tab reaches the skip link, which moves focus into the main content.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    screenshot("home")
    assert page.console_errors == []


def test_home_page_on_a_phone(demo_site, live_server, page, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/")
    # Nothing overflows sideways on a narrow screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot("home-phone")


def test_editor_changes_the_footer_in_the_settings(
    demo_site, live_server, page, admin_login, submit
):
    admin_login()
    page.goto(f"{live_server.url}/admin/settings/strukturwandel_core/sitesettings/")
    page.fill("#id_contact_email", "kontakt@example.org")
    submit(page.get_by_role("button", name="Speichern"))
    page.goto(f"{live_server.url}/")
    assert "kontakt@example.org" in page.locator("footer").inner_text()
