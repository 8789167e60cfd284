from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from strukturwandel.topics.seams import TOPIC_PAGE_SECTIONS_HOOK, TOPIC_SUMMARIES_HOOK

from . import planning, topic_sections
from .admin_listing import MeetingListingViewSet
from .admin_views import PlannedDatesView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "strukturwandel/planned-dates/<int:page_id>/",
            PlannedDatesView.as_view(),
            name="strukturwandel_events_planned_dates",
        ),
        # The rule editor's German labels (widgets.RecurrenceWidget): django-recurrence's, ours.
        path(
            "strukturwandel/recurrence-catalog.js",
            JavaScriptCatalog.as_view(packages=["recurrence", "strukturwandel.events"]),
            name="strukturwandel_events_recurrence_catalog",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_meeting_listing():
    return MeetingListingViewSet()


class PlannedDatesMenuItem(PageMenuItem):
    label = _("Create meeting from planned date")
    icon_name = "date"
    priority = 16

    def is_shown(self, user):
        return planning.can_plan_meetings(self.page) and (
            self.page.permissions_for_user(user).can_add_subpage()
        )

    @property
    def url(self):
        return reverse("strukturwandel_events_planned_dates", args=[self.page.id])


@hooks.register("register_page_header_buttons")
def planned_dates_header_button(page, user, view_name, next_url=None):
    yield PlannedDatesMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def planned_dates_listing_button(page, user, next_url=None):
    yield PlannedDatesMenuItem(page=page)


@hooks.register(TOPIC_PAGE_SECTIONS_HOOK)
def meetings_on_topic(topic, *, request, site, private):
    return topic_sections.topic_page_sections(topic, request=request, site=site, private=private)


@hooks.register(TOPIC_SUMMARIES_HOOK)
def meeting_summary():
    return topic_sections.MeetingSummary()


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_what_may_not_be_meant(request, page):
    # Not on autosave (a JSON request): the hints belong to the save the editor asked for.
    if not request.accepts("text/html"):
        return
    for hint in planning.editor_hints(page):
        messages.warning(request, hint)
