"""Atom feeds of new documentation and reports: a documentation index's (``feed/``) and one
per topic field (``feed/<slug>/``), routes of the index page.

Served like the index itself (Wagtail's page serving), so the page cache keeps them and
replaces them when anything is published.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from strukturwandel.core.templatetags.strukturwandel_core import page_description

FEED_ITEMS = 20


class DocumentationFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response

    def title(self):
        if self.topic is None:
            return self.index_page.title
        return _("%(index)s: %(topic)s") % {"index": self.index_page.title, "topic": self.topic}

    def subtitle(self):
        return _("New meeting documentation and alliance reports")

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        entries = self.index_page.entries()
        if self.topic is not None:
            entries = entries.filter(
                Q(documentationpage__topic_fields=self.topic)
                | Q(reportpage__topic_fields=self.topic)
            ).distinct()
        ids = list(entries.order_by("-sort_date", "-pk").values_list("pk", flat=True))
        return self.index_page.specific_items(ids[:FEED_ITEMS])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return page_description(item)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # The day it is about (the meeting's, the report's), at midnight there.
        day = item.date if hasattr(item, "date") and item.date else None
        if isinstance(day, datetime.datetime):
            return day
        if day is not None:
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topic_fields.all()]
