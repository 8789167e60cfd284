"""The e-mails to registrants: stored first, sent by a task after the transaction commits.

``queue`` stores a RegistrationMail and enqueues ``tasks.send_registration_mail`` on
commit. ``deliver`` builds the message from the templates in
``strukturwandel_registration/emails/`` and sends it (``core.mail``: a failure is recorded on
the row and ``send_pending_registration_mail`` tries again).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from strukturwandel.core import mail as stored_mail
from strukturwandel.events import calendars
from strukturwandel.events.formats import when
from strukturwandel.events.models import MeetingFormat, MeetingStatus

from . import tokens
from .conf import app_settings
from .models import (
    HOLDS_PLACE,
    ONCE_ONLY_KINDS,
    MailKind,
    RegistrationMail,
)

# E-mails that carry the call link and the calendar file: only for those with a place.
WITH_CALL_LINK = (MailKind.CONFIRMED, MailKind.PROMOTED, MailKind.REMINDER, MailKind.MESSAGE)

# Who holds a place or waits for one can give it up.
WITH_CANCEL_LINK = (*WITH_CALL_LINK, MailKind.WAITLISTED)

SUBJECTS = {
    MailKind.CONFIRM_REQUEST: gettext_lazy("Please confirm your registration: %(title)s"),
    MailKind.CONFIRMED: gettext_lazy("Your registration is confirmed: %(title)s"),
    MailKind.WAITLISTED: gettext_lazy("You are on the waiting list: %(title)s"),
    MailKind.PROMOTED: gettext_lazy("A place has become free for you: %(title)s"),
    MailKind.CANCELLED: gettext_lazy("Your registration has been cancelled: %(title)s"),
    MailKind.REMINDER: gettext_lazy("Reminder: %(title)s, %(when)s"),
    MailKind.MEETING_CANCELLED: gettext_lazy("Cancelled: %(title)s, %(when)s"),
}


def queue(registration, kind, *, key="", subject="", body=""):
    """Store an e-mail for ``registration`` and send it once the transaction has committed.

    A once-only kind (reminder, meeting cancelled) that exists already is not stored again;
    returns the new RegistrationMail or None.
    """
    from .tasks import send_registration_mail

    try:
        with transaction.atomic():
            mail = RegistrationMail.objects.create(
                registration=registration, kind=kind, key=key, subject=subject, body=body
            )
    except IntegrityError:
        if kind in ONCE_ONLY_KINDS:
            return None
        raise
    stored_mail.enqueue_on_commit(send_registration_mail, mail.pk)
    return mail


def _no_longer_holds(mail):
    # Cancelled before the e-mail went out: the call link is no longer theirs.
    if mail.kind in WITH_CALL_LINK and mail.registration.status not in HOLDS_PLACE:
        return True
    # A reminder held up (a mail server down, retried for hours) is not sent once the meeting
    # is over or no longer takes place as planned: it would remind of what is past.
    meeting = mail.registration.meeting
    return mail.kind == MailKind.REMINDER and (
        meeting.status != MeetingStatus.PLANNED or meeting.end <= timezone.now()
    )


def deliver(mail_id):
    """Send one stored e-mail unless it has been sent (core.mail.deliver). True when sent."""
    return stored_mail.deliver(
        RegistrationMail.objects.select_related("registration__meeting"),
        mail_id,
        build_message,
        first_wait_seconds=app_settings.REGISTRATION_MAIL_RETRY_SECONDS,
        discard=_no_longer_holds,
    )


def site_root_url(meeting):
    site = meeting.get_site()
    if site is not None:
        return site.root_url
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def link(meeting, registration, action):
    name = "confirm" if action == tokens.CONFIRM else "cancel"
    path = reverse(f"strukturwandel_registration:{name}", args=[tokens.make(registration, action)])
    return site_root_url(meeting) + path


def build_message(mail):
    registration = mail.registration
    meeting = registration.meeting.specific
    with translation.override(settings.LANGUAGE_CODE):
        values = {"title": meeting.title, "when": when(meeting)}
        subject = mail.subject or str(SUBJECTS[mail.kind]) % values
        context = {
            "registration": registration,
            "meeting": meeting,
            "when": when(meeting),
            "meeting_url": meeting.get_full_url(),
            "subject": subject,
            "body": mail.body,
            "is_online": meeting.format != MeetingFormat.IN_PERSON,
            "call_link": meeting.call_link if mail.kind in WITH_CALL_LINK else "",
            "confirm_url": (
                link(meeting, registration, tokens.CONFIRM)
                if mail.kind == MailKind.CONFIRM_REQUEST
                else ""
            ),
            "cancel_url": (
                link(meeting, registration, tokens.CANCEL) if mail.kind in WITH_CANCEL_LINK else ""
            ),
            "confirm_hours": app_settings.REGISTRATION_CONFIRM_MAX_AGE // 3600,
        }
        text = render_to_string(f"strukturwandel_registration/emails/{mail.kind}.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()), body=text, to=[registration.email]
        )
        if mail.kind in WITH_CALL_LINK:
            message.attach(f"{meeting.slug}.ics", calendar_file(meeting), "text/calendar")
    return message


def calendar_file(meeting):
    """The meeting as .ics with the call link: only for e-mails to participants, never in a
    public feed (events' feeds build the same event without it)."""
    calendar = calendars.build(meeting.title, [meeting], [], None)
    if meeting.call_link:
        event = calendar.walk("VEVENT")[0]
        description = str(event.pop("description"))
        line = _("Access link: %(link)s") % {"link": meeting.call_link}
        event.add("description", f"{description}\n\n{line}")
        if meeting.format == MeetingFormat.ONLINE:
            event.pop("location")
            event.add("location", meeting.call_link)
    return calendar.to_ical()
