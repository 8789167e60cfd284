"""Every public URL of the demo site, for the header and fuzz tests."""

import re
from urllib.parse import urlsplit

from django.urls import reverse
from wagtail.models import Page

from strukturwandel.documentation.models import DocumentationIndexPage
from strukturwandel.topics.models import TopicField


def public_urls(client):
    """The sitemap's pages and routes, every calendar and Atom feed, the calendar how-to, the
    search and a missing page."""
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = [urlsplit(url).path for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    for page in Page.objects.live().public().specific():
        calendar_url = getattr(page, "calendar_url", None)
        if calendar_url:
            urls.append(calendar_url)
    urls.append(reverse("strukturwandel_events:site_calendar"))
    urls += [
        reverse("strukturwandel_events:topic_calendar", kwargs={"slug": slug})
        for slug in TopicField.objects.values_list("slug", flat=True)
    ]
    urls.append(reverse("strukturwandel_events:calendar_help"))
    # The Atom feeds of documentation and reports: the site's and each topic field's.
    for index in DocumentationIndexPage.objects.live().public():
        urls.append(index.feed_url())
        urls += [index.feed_url(topic) for topic in TopicField.objects.all()]
    return [*dict.fromkeys(urls), "/suche/", "/sitemap.xml", "/gibt-es-nicht/"]
