from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page, ReferenceIndex

from strukturwandel.core.sections import Section
from strukturwandel.events.seams import MEETING_LINKS_HOOK, MEETING_QUERYSET_HOOK, MeetingLink
from strukturwandel.groups.seams import GROUP_PAGE_SECTIONS_HOOK
from strukturwandel.people.panels import ORGANISATION_HOOK, PERSON_HOOK, Appearances
from strukturwandel.topics.listings import live_count
from strukturwandel.topics.seams import TOPIC_PAGE_SECTIONS_HOOK, TOPIC_SUMMARIES_HOOK, TopicSummary

from . import drafts
from .admin_views import CreateDocumentationView
from .models import (
    DocumentationPage,
    ReportPage,
    annotate_follow_up_source,
    documentation_of,
    follow_up_source_of,
    live_documentation_prefetch,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "strukturwandel/create-documentation/<int:page_id>/",
            CreateDocumentationView.as_view(),
            name="strukturwandel_documentation_create",
        )
    ]


class CreateDocumentationMenuItem(PageMenuItem):
    """ "Create documentation" on a past meeting (its header menu and its row in listings)."""

    label = _("Create documentation")
    icon_name = "doc-full"
    priority = 17

    def is_shown(self, user):
        return drafts.can_be_documented(self.page) and (
            self.page.permissions_for_user(user).can_edit()
        )

    @property
    def url(self):
        return reverse("strukturwandel_documentation_create", args=[self.page.id])


@hooks.register("register_page_header_buttons")
def create_documentation_header_button(page, user, view_name, next_url=None):
    yield CreateDocumentationMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def create_documentation_listing_button(page, user, next_url=None):
    yield CreateDocumentationMenuItem(page=page)


@hooks.register(MEETING_QUERYSET_HOOK)
def prefetch_documentation(meetings, *, private):
    """Meeting cards link the documentation: one query per listing."""
    return meetings.prefetch_related(live_documentation_prefetch(private=private))


@hooks.register(MEETING_LINKS_HOOK)
def documentation_link(meeting, request):
    documentation = documentation_of(meeting)
    if documentation is None:
        return None
    return MeetingLink(
        pgettext("strukturwandel", "Documentation"),
        documentation.get_url(request),
        name="documentation",
    )


@hooks.register(MEETING_QUERYSET_HOOK)
def annotate_follow_up_sources(meetings, *, private):
    """Meeting cards link where their meeting was suggested: no query of its own."""
    return annotate_follow_up_source(meetings)


@hooks.register(MEETING_LINKS_HOOK)
def follow_up_source_link(meeting, request):
    """A meeting that takes up a point of an earlier discussion links back to it."""
    source = follow_up_source_of(meeting)
    if source is None:
        return None
    return MeetingLink(
        _("Suggested in: %(title)s") % {"title": source.title},
        source.get_url(request),
        name="follow-up-source",
    )


def _pages_with_impulses_by(records):
    """Documentation and reports whose impulses name one of ``records`` as speaker.

    Read from Wagtail's reference index, which records every record chosen in a StreamField.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to_in_bulk(records)
        .filter(base_content_type=page_type, model_path__startswith="body.impulse.")
        .values_list("object_id", flat=True)
    )
    return list(
        Page.objects.filter(pk__in=[int(pk) for pk in page_ids])
        .type(DocumentationPage, ReportPage)
        .order_by("title")
    )


@hooks.register(PERSON_HOOK)
def impulses_given_by_person(person):
    return Appearances(_("Impulses given"), _pages_with_impulses_by([person]))


@hooks.register(ORGANISATION_HOOK)
def impulses_given_by_organisation(organisation):
    return Appearances(
        _("Impulses given (by the organisation or its people)"),
        _pages_with_impulses_by([organisation, *organisation.people.all()]),
    )


@hooks.register(TOPIC_PAGE_SECTIONS_HOOK)
def reports_on_topic(topic, *, request, site, private):
    return Section(
        "strukturwandel_documentation/includes/topic_reports.html", {"topic": topic}, order=30
    )


class ReportSummary(TopicSummary):
    """How many live documentation pages and alliance reports a topic has (as its page lists
    them together)."""

    order = 20

    def annotate(self, topics, *, site, private, now):
        return topics.annotate(
            report_count=live_count("reports", private, site=site)
            + live_count("documentation_pages", private, site=site)
        )

    def count(self, topic):
        return ngettext(
            "%(count)s documentation or report",
            "%(count)s documentation and reports",
            topic.report_count,
        ) % {"count": topic.report_count}


@hooks.register(TOPIC_SUMMARIES_HOOK)
def report_summary():
    return ReportSummary()


@hooks.register(GROUP_PAGE_SECTIONS_HOOK)
def updates_on_group(group, *, request):
    if group.pk is None:  # a preview before the group's first save
        return None
    return Section(
        "strukturwandel_documentation/includes/group_updates_section.html", {"group": group}
    )
