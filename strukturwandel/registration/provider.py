"""The registration app's side of events' seam (strukturwandel.events.registration_provider)."""

from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse

from strukturwandel.core.forms import describe_fields
from strukturwandel.core.models import SiteSettings
from strukturwandel.core.pages import is_public
from strukturwandel.events.models import RegistrationMethod, RegistrationState
from strukturwandel.events.registration_provider import RegistrationProvider

from . import services
from .forms import RegistrationForm
from .models import HOLDS_PLACE, MailStatus, Registration, RegistrationMail

# The form a failed POST left on the request, for the meeting page to show again.
REQUEST_FORM = "_strukturwandel_registration_form"


class SiteRegistrationProvider(RegistrationProvider):
    def confirmed_count(self, meeting):
        # Asked by the page's state and again by its section: one query per meeting.
        if not hasattr(meeting, "_strukturwandel_places_taken"):
            meeting._strukturwandel_places_taken = services.places_taken(meeting)
        return meeting._strukturwandel_places_taken

    @staticmethod
    def annotate_confirmed_count(meetings):
        """``registration_count`` on every meeting of a listing, in the same query."""
        taken = (
            Registration.objects.filter(meeting=OuterRef("pk"), status__in=HOLDS_PLACE)
            .order_by()
            .values("meeting")
            .annotate(number=Count("pk"))
            .values("number")
        )
        # Only meetings that register here take places (as MeetingPage.places_taken).
        return meetings.annotate(
            registration_count=Case(
                When(
                    registration_method=RegistrationMethod.SITE,
                    then=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0)),
                ),
                default=Value(0),
            )
        )

    def render_section(self, meeting, request, state):
        form = getattr(request, REQUEST_FORM, None) if request is not None else None
        if form is None or form.meeting_id != meeting.pk:
            form = RegistrationForm()
        describe_fields(form)
        places_left = None
        if meeting.capacity is not None:
            places_left = max(meeting.capacity - self.confirmed_count(meeting), 0)
        privacy_page = None
        if request is not None:
            privacy_page = SiteSettings.for_request(request).privacy_page
            if not is_public(privacy_page, request):
                privacy_page = None
        if privacy_page is not None:
            consent = form["consent"]
            described = consent.field.widget.attrs.get("aria-describedby", "")
            consent.field.widget.attrs["aria-describedby"] = " ".join(
                filter(None, [f"{consent.auto_id}-privacy", described])
            )
        context = {
            "meeting": meeting,
            "form": form,
            "full": state == RegistrationState.FULL,
            "places_left": places_left,
            "privacy_page": privacy_page,
            "action": reverse("strukturwandel_registration:register", args=[meeting.pk]),
        }
        return render_to_string(
            "strukturwandel_registration/includes/registration_form.html", context, request
        )

    def admin_summary(self, meeting, request):
        from .wagtail_hooks import registration_admin

        context = {
            "meeting": meeting,
            "counts": services.counts(meeting),
            "failed_mails": RegistrationMail.objects.filter(
                registration__meeting=meeting, status=MailStatus.FAILED
            ).count(),
            "can_manage": registration_admin.permission_helper.user_can_list(request.user),
            "list_url": registration_admin.url_helper.index_url
            + f"?meeting__id__exact={meeting.pk}",
            "message_url": reverse("strukturwandel_registration_message", args=[meeting.pk]),
        }
        return render_to_string(
            "strukturwandel_registration/admin/summary_panel.html", context, request
        )
