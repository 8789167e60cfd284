"""Admin view: write to every confirmed participant of a meeting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from strukturwandel.events.formats import when
from strukturwandel.events.models import MeetingPage

from . import services
from .forms import MessageForm


class MessageView(WagtailAdminTemplateMixin, FormView):
    template_name = "strukturwandel_registration/admin/message.html"
    form_class = MessageForm
    page_title = gettext_lazy("Write to the participants")
    header_icon = "mail"

    def dispatch(self, request, meeting_id):
        from .wagtail_hooks import can_manage

        if not can_manage(request.user):
            raise PermissionDenied
        self.meeting = get_object_or_404(MeetingPage, pk=meeting_id)
        return super().dispatch(request, meeting_id)

    def get_page_subtitle(self):
        return self.meeting.title

    def get_breadcrumbs_items(self):
        from .wagtail_hooks import registration_admin

        return [
            *self.breadcrumbs_items,
            {"url": registration_admin.url_helper.index_url, "label": _("Registrations")},
            {"url": "", "label": f"{self.page_title}: {self.meeting.title}"},
        ]

    def get_initial(self):
        if "change" not in self.request.GET:
            return {}
        values = {"title": self.meeting.title, "when": when(self.meeting)}
        return {
            "subject": _("Changed details: %(title)s") % values,
            "body": _(
                "the details of the meeting have changed. It now takes place on %(when)s. "
                "Below you find the current details and the access link; the attached "
                "calendar file updates your calendar."
            )
            % values,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting,
            recipients=services.counts(self.meeting)["confirmed"],
            **kwargs,
        )

    def form_valid(self, form):
        sent = services.write_to_participants(
            self.meeting, form.cleaned_data["subject"], form.cleaned_data["body"]
        )
        messages.success(
            self.request,
            _("Your message is being sent to %(count)s participants.") % {"count": sent},
        )
        from .wagtail_hooks import registration_admin

        return redirect(
            registration_admin.url_helper.index_url + f"?meeting__id__exact={self.meeting.pk}"
        )
