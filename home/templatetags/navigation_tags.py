from django import template
from wagtail.models import Site

from strukturwandel.core.cache import kept_until_changed

register = template.Library()


def menu_entries(site, request):
    """The site's home and the live pages below it shown in menus: title, url, url_path."""

    def entry(page):
        return {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}

    root = site.root_page
    children = root.get_children().live().in_menu().only("title", "url_path")
    return {"root": entry(root), "items": [entry(page) for page in children]}


@register.inclusion_tag("home/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    site = Site.find_for_request(request)
    # Every page shows the menu: read once per change of the content, not per request.
    menu = kept_until_changed("menu", lambda: menu_entries(site, request), site.pk) if site else {}
    current = context.get("page")
    return {**menu, "current_path": current.url_path if current else ""}
