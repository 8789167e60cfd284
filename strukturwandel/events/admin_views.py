import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import planning, schedule
from .formats import when


class PlannedDatesView(WagtailAdminTemplateMixin, TemplateView):
    """The rule's upcoming dates without a meeting page; one click makes a draft meeting."""

    template_name = "strukturwandel_events/admin/planned_dates.html"
    page_title = gettext_lazy("Planned dates")
    header_icon = "date"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        if not planning.can_plan_meetings(self.page):
            raise Http404
        if not self.page.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_explore", args=[self.page.id]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page, planned_dates=planning.open_planned_dates(self.page), **kwargs
        )

    def post(self, request, page_id):
        try:
            day = datetime.date.fromisoformat(request.POST.get("date", ""))
        except ValueError:
            day = None
        occurrence = next(
            (
                occurrence
                for occurrence in planning.open_planned_dates(self.page)
                if schedule.local_date(occurrence.start) == day
            ),
            None,
        )
        if occurrence is None:
            messages.error(request, _("This date is not planned or already has a meeting."))
            return redirect("strukturwandel_events_planned_dates", self.page.id)
        meeting = planning.create_meeting(self.page, occurrence, request.user)
        messages.success(
            request,
            _("Draft meeting for %(when)s created. Add the topic and publish it.")
            % {"when": when(occurrence)},
        )
        return redirect("wagtailadmin_pages:edit", meeting.id)
