"""The main navigation is read once per change of the content and follows every change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from strukturwandel.core.models import ContentPage

pytestmark = pytest.mark.django_db


def navigation(client, url="/impressum/"):
    html = client.get(url).content.decode()
    return html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index("site-nav"))]


def test_the_menu_follows_publish_rename_and_unpublish(client, demo):
    home = Site.objects.get(is_default_site=True).root_page
    navigation(client)
    with CaptureQueriesContext(connection) as captured:
        assert "Mitmach-Werkstatt" not in navigation(client)
    menu_queries = [q for q in captured if "show_in_menus" in q["sql"].partition("WHERE")[2]]
    assert not menu_queries

    page = ContentPage(title="Mitmach-Werkstatt", slug="werkstatt", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert '<a href="/werkstatt/">Mitmach-Werkstatt</a>' in navigation(client)
    assert 'href="/werkstatt/" aria-current="page"' in navigation(client, "/werkstatt/")

    page = Page.objects.get(pk=page.pk).specific
    page.title = "Werkstatt"
    page.save_revision().publish()
    assert '<a href="/werkstatt/">Werkstatt</a>' in navigation(client)

    page.unpublish()
    assert "/werkstatt/" not in navigation(client)
