"""The registration app in Wagtail: the provider for events' seam, the "Anmeldungen" area
(wagtail-modeladmin, only with the permission ``manage_registrations``), the view to write
to a meeting's participants, and the notice after a meeting's start or call link changed."""

from django.contrib import messages
from django.contrib.admin import SimpleListFilter, display
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import PermissionHelper

from strukturwandel.core.modeladmin import ForgivingModelAdmin
from strukturwandel.events.formats import when
from strukturwandel.events.models import MeetingPage, MeetingStatus
from strukturwandel.events.registration_provider import HOOK
from strukturwandel.events.seams import MEETING_QUERYSET_HOOK

from . import admin_views, services
from .models import MailStatus, MeetingRegistrations, Registration, RegistrationStatus
from .provider import SiteRegistrationProvider

PERMISSION = "strukturwandel_registration.manage_registrations"


@hooks.register(HOOK)
def registration_provider():
    return SiteRegistrationProvider()


@hooks.register(MEETING_QUERYSET_HOOK)
def places_taken_in_listings(meetings, *, private):
    # The card's "full" state for meetings with a capacity.
    return SiteRegistrationProvider.annotate_confirmed_count(meetings)


def can_manage(user):
    return user.is_active and user.has_perm(PERMISSION)


class RegistrationPermissionHelper(PermissionHelper):
    """Everything in the area needs the one permission; registrations come from the site
    form only, so nobody adds them here."""

    def user_can_list(self, user):
        return can_manage(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return can_manage(user)

    def user_can_edit_obj(self, user, obj):
        return can_manage(user)

    def user_can_delete_obj(self, user, obj):
        return can_manage(user)


class MailProblemFilter(SimpleListFilter):
    title = _("e-mail delivery")
    parameter_name = "mail"

    def lookups(self, request, model_admin):
        return [("failed", _("failed")), ("pending", _("pending"))]

    def queryset(self, request, queryset):
        if self.value() in (MailStatus.FAILED, MailStatus.PENDING):
            return queryset.filter(mails__status=self.value()).distinct()
        return queryset


class RegistrationAdmin(ForgivingModelAdmin):
    model = Registration
    menu_label = _("Registrations")
    menu_icon = "form"
    menu_order = 250
    add_to_admin_menu = True
    permission_helper_class = RegistrationPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "name",
        "email",
        "organisation",
        "meeting_title",
        "status",
        "created_at",
        "mail_delivery",
    )
    list_filter = ("status", MailProblemFilter, "meeting")
    search_fields = ("name", "email", "organisation", "meeting__title", "meeting__topic")
    list_export = (
        "meeting_title",
        "meeting_date",
        "name",
        "email",
        "organisation",
        "note",
        "status_label",
        "created_at",
        "confirmed_at",
    )
    export_filename = "anmeldungen"
    inspect_view_fields = (
        "meeting",
        "name",
        "email",
        "organisation",
        "note",
        "status",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
    )
    panels = [FieldPanel("status"), FieldPanel("organisation"), FieldPanel("note")]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("meeting")
            .annotate(
                failed_mails=Count("mails", filter=Q(mails__status=MailStatus.FAILED)),
                pending_mails=Count("mails", filter=Q(mails__status=MailStatus.PENDING)),
            )
        )

    @display(description=_("meeting"), ordering="meeting__title")
    def meeting_title(self, obj):
        return obj.meeting.title

    @display(description=_("date"), ordering="meeting__start")
    def meeting_date(self, obj):
        return when(obj.meeting)

    @display(description=_("status"))
    def status_label(self, obj):
        return obj.get_status_display()

    @display(description=_("e-mails"))
    def mail_delivery(self, obj):
        parts = []
        if obj.failed_mails:
            parts.append(_("%(count)s failed") % {"count": obj.failed_mails})
        if obj.pending_mails:
            parts.append(_("%(count)s pending") % {"count": obj.pending_mails})
        return ", ".join(str(part) for part in parts) or _("all sent")


# The instance, not modeladmin_register's class: its URL and permission helpers are used
# by the edit-view panel and the message view.
registration_admin = RegistrationAdmin()
registration_admin.register_with_wagtail()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "strukturwandel/registration/message/<int:meeting_id>/",
            admin_views.MessageView.as_view(),
            name="strukturwandel_registration_message",
        )
    ]


@hooks.register("register_permissions")
def register_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="strukturwandel_registration", codename="manage_registrations"
    )


@hooks.register("after_edit_page")
def offer_to_notify_participants(request, page):
    """After a meeting's start or call link changed, offer to write to its participants."""
    if not isinstance(page.specific, MeetingPage) or not can_manage(request.user):
        return
    live = MeetingPage.objects.filter(pk=page.pk, live=True).first()
    if live is None or live.status == MeetingStatus.CANCELLED:
        return
    record = MeetingRegistrations.objects.filter(meeting_id=live.pk).first()
    if record is None or record.announced_start is None:
        return
    changed = record.announced_start != live.start or (
        record.announced_call_link_digest != services.call_link_digest(live)
    )
    confirmed = Registration.objects.filter(
        meeting=live, status=RegistrationStatus.CONFIRMED
    ).exists()
    if changed and confirmed:
        url = reverse("strukturwandel_registration_message", args=[live.pk]) + "?change=1"
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("The start or the call link of this meeting has changed."),
                url,
                _("Tell the confirmed participants"),
            ),
        )
