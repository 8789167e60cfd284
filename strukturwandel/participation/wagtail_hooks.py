"""The participation app in Wagtail: the "Mitmachen" areas (wagtail-modeladmin, only with the
permission ``moderate_participation``), the dashboard panel of new entries, the view that
plans an impulse offer, and what the series and topic pages show."""

from django.contrib.admin import display
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup

from strukturwandel.core.modeladmin import ForgivingModelAdmin
from strukturwandel.core.sections import Section
from strukturwandel.events.formats import when
from strukturwandel.events.seams import SERIES_PAGE_SECTIONS_HOOK
from strukturwandel.topics.models import TopicFieldIndexPage
from strukturwandel.topics.seams import TOPIC_PAGE_SECTIONS_HOOK

from . import admin_views, listings
from .mail import PERMISSION
from .models import (
    CARD_FIELDS,
    BusinessCard,
    ImpulseOffer,
    ImpulseOfferPage,
    Status,
    TopicSuggestion,
    TopicSuggestionPage,
)


def can_moderate(user):
    return user.is_active and user.has_perm(PERMISSION)


class ModerationPermissionHelper(PermissionHelper):
    """Everything in the areas needs the one permission; entries come from the site's
    forms only, so nobody adds them here."""

    def user_can_list(self, user):
        return can_moderate(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return can_moderate(user)

    def user_can_edit_obj(self, user, obj):
        return can_moderate(user)

    def user_can_delete_obj(self, user, obj):
        return can_moderate(user)


class OfferButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status in (Status.NEW, Status.ACCEPTED) and can_moderate(self.request.user):
            buttons.append(
                {
                    "url": reverse("strukturwandel_participation_plan", args=[obj.pk]),
                    "label": _("Plan as an impulse"),
                    "classname": "button button-small button-secondary",
                    "title": _("Plan this offer as an impulse of a meeting"),
                }
            )
        return buttons


class EntryAdmin(ForgivingModelAdmin):
    permission_helper_class = ModerationPermissionHelper
    inspect_view_enabled = True
    list_per_page = 50

    @display(description=_("status"))
    def status_label(self, obj):
        return obj.get_status_display()


class ProposalAdmin(EntryAdmin):
    list_filter = ("status", "topic_field")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic_field", "meeting")

    @display(description=_("meeting"), ordering="meeting__start")
    def meeting_title(self, obj):
        return f"{when(obj.meeting)}: {obj.meeting.title}" if obj.meeting else ""


class TopicSuggestionAdmin(ProposalAdmin):
    model = TopicSuggestion
    menu_label = _("Topic suggestions")
    menu_icon = "help"
    list_display = ("title", "topic_field", "status", "meeting_title", "created_at")
    search_fields = ("title", "description", "name", "email", "internal_note")
    list_export = (
        "title",
        "description",
        "topic_field",
        "name",
        "email",
        "status_label",
        "meeting_title",
        "created_at",
        "internal_note",
    )
    export_filename = "themenvorschlaege"
    inspect_view_fields = (
        "title",
        "description",
        "topic_field",
        "name",
        "email",
        "status",
        "meeting",
        "created_at",
        "internal_note",
    )


class ImpulseOfferAdmin(ProposalAdmin):
    model = ImpulseOffer
    menu_label = _("Impulse offers")
    menu_icon = "user"
    button_helper_class = OfferButtonHelper
    list_display = ("project", "name", "organisation", "status", "meeting_title", "created_at")
    search_fields = ("project", "description", "name", "organisation", "email", "internal_note")
    list_export = (
        "project",
        "description",
        "name",
        "organisation",
        "email",
        "topic_field",
        "preferred_meeting",
        "status_label",
        "meeting_title",
        "created_at",
        "internal_note",
    )
    export_filename = "impulsangebote"
    inspect_view_fields = (
        "project",
        "description",
        "name",
        "organisation",
        "email",
        "topic_field",
        "preferred_meeting",
        "status",
        "meeting",
        "person",
        "created_at",
        "internal_note",
    )


class BusinessCardAdmin(EntryAdmin):
    model = BusinessCard
    menu_label = _("Business cards")
    menu_icon = "group"
    list_display = ("name", "organisation", "region", "status", "confirmed", "created_at")
    list_filter = ("status", "region", "topic_fields")
    search_fields = ("name", "organisation", "offers", "looks_for", "email", "internal_note")
    list_export = (
        *(name for name in CARD_FIELDS if name not in ("region", "topic_fields")),
        "region_label",
        "email",
        "status_label",
        "confirmed_at",
        "created_at",
        "internal_note",
    )
    export_filename = "visitenkarten"
    inspect_view_fields = (
        *CARD_FIELDS,
        "email",
        "status",
        "confirmed_at",
        "created_at",
        "updated_at",
        "internal_note",
    )

    @display(description=_("address confirmed"), boolean=True)
    def confirmed(self, obj):
        return obj.confirmed_at is not None

    @display(description=_("region"))
    def region_label(self, obj):
        return obj.get_region_display()


class ParticipationGroup(ModelAdminGroup):
    menu_label = _("Participation")
    menu_icon = "comment"
    menu_order = 260
    items = (TopicSuggestionAdmin, ImpulseOfferAdmin, BusinessCardAdmin)


participation_group = ParticipationGroup()
participation_group.register_with_wagtail()
# Each area's instance, by model: their URL helpers build the links in e-mails and panels.
admins = {admin.model: admin for admin in participation_group.modeladmin_instances}


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "strukturwandel/participation/plan/<int:offer_id>/",
            admin_views.PlanImpulseView.as_view(),
            name="strukturwandel_participation_plan",
        )
    ]


@hooks.register("register_permissions")
def register_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="strukturwandel_participation",
        codename="moderate_participation",
    )


class NewEntriesPanel(Component):
    """The dashboard's list of entries waiting for an editor."""

    name = "strukturwandel_participation_new_entries"
    template_name = "strukturwandel_participation/admin/new_entries_panel.html"
    order = 150

    def get_context_data(self, parent_context=None):
        areas = []
        for model, admin in admins.items():
            waiting = model.objects.filter(status=Status.NEW)
            if model is BusinessCard:
                waiting = waiting.filter(confirmed_at__isnull=False)
            latest = waiting.order_by("-created_at")[:5]
            areas.append(
                {
                    "label": admin.menu_label,
                    "count": waiting.count(),
                    "latest": [
                        (entry, admin.url_helper.get_action_url("edit", entry.pk))
                        for entry in latest
                    ],
                    "url": admin.url_helper.index_url + f"?status__exact={Status.NEW}",
                }
            )
        return {"areas": areas}


@hooks.register("construct_homepage_panels")
def add_new_entries_panel(request, panels):
    if can_moderate(request.user):
        panels.append(NewEntriesPanel())


@hooks.register(TOPIC_PAGE_SECTIONS_HOOK)
def suggestions_on_topic(topic, *, request, site, private):
    # The index's own "Suggest a topic" button, when it has a page for it, is enough.
    index = TopicFieldIndexPage.for_request(request)
    has_button = index is not None and index.suggestion_page_id is not None
    pages = listings.participation_pages(request)
    return Section(
        "strukturwandel_participation/includes/topic_suggestions.html",
        {
            "suggestions": listings.shown_suggestions(request, topic),
            "suggestion_page": None if has_button else pages.get(TopicSuggestionPage),
            "topic": topic,
        },
        order=70,
    )


@hooks.register(SERIES_PAGE_SECTIONS_HOOK)
def participation_on_series(page, *, request):
    pages = listings.participation_pages(request)
    return Section(
        "strukturwandel_participation/includes/series_participation.html",
        {
            "suggestions": listings.shown_suggestions(request),
            "suggestion_page": pages.get(TopicSuggestionPage),
            "offer_page": pages.get(ImpulseOfferPage),
        },
        order=50,
    )
