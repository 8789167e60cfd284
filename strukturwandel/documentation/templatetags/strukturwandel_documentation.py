import re

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

from strukturwandel.core.pages import in_site, private_q, request_site
from strukturwandel.documentation.models import (
    DocumentationPage,
    ReportPage,
    documentation_of,
)

register = template.Library()

SINGLE_PARAGRAPH = re.compile(r"^\s*<p[^>]*>(?P<inner>.*?)</p>\s*$", re.DOTALL)


@register.filter
def richtext_inline(value):
    """Rich text without its paragraph, for use inside a list item or a sentence.

    Text of more than one paragraph keeps its paragraphs.
    """
    if value is None:
        return ""
    html = expand_db_html(value.source if isinstance(value, RichText) else str(value))
    match = SINGLE_PARAGRAPH.match(html)
    if match and "<p" not in match.group("inner"):
        html = match.group("inner")
    return mark_safe(html)  # noqa: S308 - expanded rich text is sanitised by the editor


@register.inclusion_tag(
    "strukturwandel_documentation/includes/working_group_updates.html", takes_context=True
)
def working_group_updates(context, group):
    """The updates on ``group`` from live, public alliance reports, newest first (two queries)."""
    request = context.get("request")
    updates = []
    reports = in_site(ReportPage.objects.live().exclude(private_q(request)), request_site(request))
    reports = reports.filter(updated_groups=group).order_by("-date", "-pk")
    for report in reports:
        for item in report.body.raw_data:
            value = item["value"]
            if item["type"] != "working_group_update" or value.get("group") != group.pk:
                continue
            url = report.get_url(request)
            if item.get("id"):
                url = f"{url}#abschnitt-{item['id']}"
            updates.append({"report": report, "text": RichText(value.get("text", "")), "url": url})
    return {"updates": updates, "request": request}


@register.simple_tag
def meeting_documentation(meeting):
    """The live, public documentation of a meeting, or None (see ``documentation_of``)."""
    return documentation_of(meeting)


# What a topic page's list of documentation and reports reads of each entry (loaded with
# ``only()``: the entries are links, the pages' other columns are not read). A template that
# shows more of them loads the rest of an entry when it first asks for it.
TOPIC_REPORT_FIELDS = ("title", "url_path", "path", "depth", "live", "locale", "summary")
TOPIC_REPORT_MEETING_FIELDS = ("title", "url_path", "start", "end", "topic")


@register.simple_tag(takes_context=True)
def topic_reports(context, topic, limit=10):
    """Live, public documentation and reports of a topic field on the request's site, newest
    first (four queries; five without a request)."""
    if topic is None:
        return []
    request = context.get("request")
    site = request_site(request)
    # Pages in private (view-restricted) sections are left out; one query per request.
    private = private_q(request)
    meeting_fields = [f"meeting__{name}" for name in TOPIC_REPORT_MEETING_FIELDS]
    documentation = (
        in_site(DocumentationPage.objects.live(), site)
        .exclude(private)
        .filter(topic_fields=topic)
        .select_related("meeting")
        .only(*TOPIC_REPORT_FIELDS, "meeting", *meeting_fields)
        .order_by("-meeting__start")[:limit]
    )
    reports = (
        in_site(ReportPage.objects.live(), site)
        .exclude(private)
        .filter(topic_fields=topic)
        .only(*TOPIC_REPORT_FIELDS, "date", "format")
    )
    entries = [*documentation, *reports.order_by("-date")[:limit]]
    entries.sort(key=lambda page: (page.date is not None, page.date), reverse=True)
    return entries[:limit]


@register.inclusion_tag("strukturwandel_documentation/includes/feed_link.html", takes_context=True)
def documentation_feed_link(context, topic=None):
    """``<link rel="alternate">`` to the Atom feed of the site's documentation and reports (of
    ``topic`` when given), for <head>; nothing when the site has no public documentation index."""
    from ..models import DocumentationIndexPage

    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, DocumentationIndexPage):
        page = DocumentationIndexPage.for_request(request) if request is not None else None
    return {"feed_url": page.feed_url(topic, request) if page else "", "topic": topic}
