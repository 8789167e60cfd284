"""Registering on a meeting page, and the confirm and cancel links from the e-mails.

The form posts here; with errors the meeting page is shown again with the form as typed,
otherwise the visitor is redirected (Post/Redirect/Get) to a page that asks them to confirm.
The links in e-mails show a page with a button: only its POST changes anything, so a link
scanner that opens the link confirms or cancels nothing.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from strukturwandel.core.pages import is_public
from strukturwandel.events.models import MeetingPage, RegistrationState

from . import ratelimit, services, tokens
from .forms import RegistrationForm
from .models import RegistrationStatus
from .provider import REQUEST_FORM

OPEN_STATES = (RegistrationState.OPEN, RegistrationState.FULL)
# The largest id a database column holds: a bigger number in the address names no meeting
# (SQLite refuses it in a query).
MAX_ID = 2**63 - 1
RATE_LIMITED = gettext_lazy(
    "Too many registrations from your connection or for this address. Please try again in an hour."
)


def public_meeting(request, meeting_id):
    if meeting_id > MAX_ID:
        raise Http404
    meeting = get_object_or_404(MeetingPage, pk=meeting_id)
    if not is_public(meeting, request):
        raise Http404
    return meeting


def section_url(meeting):
    return f"{meeting.url}#anmeldung"


@require_http_methods(["GET", "POST"])
def register(request, meeting_id):
    meeting = public_meeting(request, meeting_id)
    registration = meeting.registration(request)
    if request.method != "POST" or not (registration.on_site and registration.state in OPEN_STATES):
        # Nothing to register for (any more): the page says why.
        return redirect(section_url(meeting))
    form = RegistrationForm(request.POST)
    form.meeting_id = meeting.pk
    if form.is_spam:
        # Answer a bot as if it had worked, and store nothing.
        return redirect("strukturwandel_registration:sent", meeting_id=meeting.pk)
    if form.is_valid():
        if ratelimit.allow(request, form.cleaned_data["email"]):
            data = form.cleaned_data
            services.register(
                meeting,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                note=data["note"],
            )
            return redirect("strukturwandel_registration:sent", meeting_id=meeting.pk)
        form.add_error(None, RATE_LIMITED)
    # The meeting page itself, with the form as typed and its errors.
    setattr(request, REQUEST_FORM, form)
    status = 429 if form.non_field_errors() else 200
    return TemplateResponse(
        request, meeting.get_template(request), meeting.get_context(request), status=status
    )


def sent(request, meeting_id):
    meeting = public_meeting(request, meeting_id)
    return render(
        request,
        "strukturwandel_registration/sent.html",
        {"meeting": meeting},
    )


def _registration_or_error(request, token, action):
    try:
        return tokens.read(token, action), None
    except tokens.InvalidToken as error:
        response = render(
            request,
            "strukturwandel_registration/invalid_link.html",
            {"expired": error.expired, "action": action},
            status=400,
        )
        return None, response


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    registration, error = _registration_or_error(request, token, tokens.CONFIRM)
    if error:
        return error
    meeting = registration.meeting.specific
    is_over = meeting.is_done()
    if request.method == "POST":
        if registration.status == RegistrationStatus.UNCONFIRMED and not is_over:
            services.confirm(registration)
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "strukturwandel_registration/confirm.html",
        {
            "registration": registration,
            "meeting": meeting,
            "is_over": is_over,
            "cancel_url": reverse(
                "strukturwandel_registration:cancel",
                args=[tokens.make(registration, tokens.CANCEL)],
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration, error = _registration_or_error(request, token, tokens.CANCEL)
    if error:
        return error
    meeting = registration.meeting.specific
    is_over = meeting.end <= timezone.now()
    if request.method == "POST":
        if registration.status != RegistrationStatus.CANCELLED and not is_over:
            services.cancel(registration)
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "strukturwandel_registration/cancel.html",
        {"registration": registration, "meeting": meeting, "is_over": is_over},
    )
