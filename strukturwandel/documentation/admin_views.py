from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from strukturwandel.events.models import MeetingPage

from . import drafts


class CreateDocumentationView(WagtailAdminTemplateMixin, TemplateView):
    """A past meeting's documentation draft: confirm, and the editor lands in its editor."""

    template_name = "strukturwandel_documentation/admin/create_documentation.html"
    page_title = gettext_lazy("Create documentation")
    header_icon = "doc-full"

    def dispatch(self, request, page_id):
        self.meeting = get_object_or_404(MeetingPage, id=page_id)
        if not self.meeting.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        documentation = drafts.existing_documentation(self.meeting)
        if documentation is not None:
            messages.info(request, _("This meeting already has a documentation page."))
            return redirect("wagtailadmin_pages:edit", documentation.id)
        if not drafts.can_be_documented(self.meeting):
            raise Http404
        self.index = drafts.documentation_index_for(self.meeting)
        if self.index is None:
            messages.error(
                request,
                _("This site has no documentation index. Create one, then the documentation."),
            )
            return redirect("wagtailadmin_pages:edit", self.meeting.id)
        if not self.index.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.meeting.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_explore", args=[self.meeting.get_parent().id]),
                "label": self.meeting.get_parent().get_admin_display_title(),
            },
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.meeting.id]),
                "label": self.meeting.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting,
            index=self.index,
            impulse_count=len(drafts.impulse_blocks(self.meeting)),
            **kwargs,
        )

    def post(self, request, page_id):
        page = drafts.create_documentation(self.meeting, self.index, request.user)
        messages.success(
            request,
            _("Documentation draft created. Write the summary and the discussion, then publish."),
        )
        return redirect("wagtailadmin_pages:edit", page.id)
