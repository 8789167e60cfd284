"""Admin view: an impulse offer becomes a planned impulse of a meeting in one step."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from strukturwandel.events.models import MeetingPage

from . import services
from .forms import MeetingChoice
from .models import ImpulseOffer, Status


class PlanImpulseForm(forms.Form):
    meeting = MeetingChoice(
        MeetingPage.objects.none(),
        label=gettext_lazy("Meeting"),
        help_text=gettext_lazy("The impulse is added to this meeting's planned impulses."),
    )
    title = forms.CharField(label=gettext_lazy("Title of the impulse"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            MeetingPage.objects.filter(end__gt=timezone.now())
            .defer_streamfields()
            .order_by("start")
        )


class PlanImpulseView(WagtailAdminTemplateMixin, FormView):
    template_name = "strukturwandel_participation/admin/plan_impulse.html"
    form_class = PlanImpulseForm
    page_title = gettext_lazy("Plan as an impulse")
    header_icon = "user"

    def dispatch(self, request, offer_id):
        from .wagtail_hooks import can_moderate

        if not can_moderate(request.user):
            raise PermissionDenied
        self.offer = get_object_or_404(ImpulseOffer, pk=offer_id)
        return super().dispatch(request, offer_id)

    def index_url(self):
        from .wagtail_hooks import admins

        return admins[ImpulseOffer].url_helper.index_url

    def get_page_subtitle(self):
        return self.offer.project

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url(), "label": _("Impulse offers")},
            {"url": "", "label": f"{self.page_title}: {self.offer.project}"},
        ]

    def get_initial(self):
        return {"meeting": self.offer.preferred_meeting_id, "title": self.offer.project}

    def get_context_data(self, **kwargs):
        return super().get_context_data(offer=self.offer, **kwargs)

    def form_valid(self, form):
        if self.offer.status not in (Status.NEW, Status.ACCEPTED):
            messages.error(self.request, _("This offer has been planned or declined already."))
            return redirect(self.index_url())
        meeting = form.cleaned_data["meeting"]
        if services.plan_impulse(self.offer, meeting, form.cleaned_data["title"]):
            text = _("The impulse is now planned and published on “%(title)s”.")
        else:
            text = _("The impulse is planned on “%(title)s” as a draft; publish the meeting.")
        messages.success(self.request, text % {"title": meeting.title})
        return redirect(self.index_url())
