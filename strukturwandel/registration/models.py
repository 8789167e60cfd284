"""Registrations for meetings, the e-mails sent about them, and a row per meeting that
serialises confirmations and keeps the counts after the personal data is deleted."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from strukturwandel.core.mail import MailStatus, StoredMail
from strukturwandel.core.models import RemembersLoadedStatus

__all__ = ["MailStatus"]


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", pgettext_lazy("registration status", "Unconfirmed")
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "Waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
    ATTENDED = "attended", pgettext_lazy("registration status", "Attended")


# Who holds a place: attended counts as confirmed (an editor marks it after the meeting).
HOLDS_PLACE = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)


def new_token_key():
    return secrets.token_urlsafe(12)


class MeetingRegistrations(models.Model):
    """One row per meeting with registrations on this site.

    Confirmations and cancellations lock this row (``select_for_update``), so two at once
    never give away the same last place. It also keeps the counts once ``purge_registrations``
    has deleted the personal data, and what participants were last told (start, call link),
    so editors are offered to notify them of a change.
    """

    meeting = models.OneToOneField(
        "strukturwandel_events.MeetingPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="registration_record",
        verbose_name=_("meeting"),
    )
    purged_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)
    purged_registered = models.PositiveIntegerField(default=0)
    purged_confirmed = models.PositiveIntegerField(default=0)
    purged_waitlisted = models.PositiveIntegerField(default=0)
    purged_cancelled = models.PositiveIntegerField(default=0)
    announced_start = models.DateTimeField(null=True, blank=True)
    announced_call_link_digest = models.CharField(max_length=64, blank=True)
    cancellation_announced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registrations of a meeting")
        verbose_name_plural = _("registrations of meetings")

    def __str__(self):
        return str(self.meeting_id)

    def changes_public_content(self):
        """Locks, kept counts and what was announced: never shown
        (``strukturwandel.core.signals``)."""
        return False


class Registration(RemembersLoadedStatus):
    meeting = models.ForeignKey(
        "strukturwandel_events.MeetingPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("meeting"),
    )
    name = models.CharField(_("name"), max_length=100)
    # Stored lower-case, so one address registers once per meeting.
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.UNCONFIRMED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The waiting list moves up in this order.
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Part of every link sent: renewed when a cancelled registration registers again, so the
    # old links stop working.
    token_key = models.CharField(max_length=32, default=new_token_key, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"], name="strukturwandel_registration_once_per_address"
            )
        ]
        permissions = [("manage_registrations", _("Can see and manage registrations"))]

    def __str__(self):
        return self.name

    @property
    def holds_place(self):
        return self.status in HOLDS_PLACE

    def changes_public_content(self):
        """Visitors see how many places are taken ("fully booked"), not who registered: only
        a registration that holds a place, or held one, changes a public page
        (``strukturwandel.core.signals``); a new, unconfirmed one does not."""
        return self.status_was_or_is(HOLDS_PLACE)


class MailKind(models.TextChoices):
    CONFIRM_REQUEST = "confirm_request", _("Please confirm")
    CONFIRMED = "confirmed", _("Registration confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PROMOTED = "promoted", _("Moved up from the waiting list")
    CANCELLED = "cancelled", _("Cancellation received")
    REMINDER = "reminder", _("Reminder")
    MEETING_CANCELLED = "meeting_cancelled", _("Meeting cancelled")
    MESSAGE = "message", _("Message from the organisers")


# Sent at most once per registration (and reminder offset): the commands can run again.
ONCE_ONLY_KINDS = (MailKind.REMINDER, MailKind.MEETING_CANCELLED)


class RegistrationMail(StoredMail):
    """One e-mail to one registrant. Stored before it is sent, so a failing mail server loses
    nothing: failures are retried by ``send_pending_registration_mail`` and shown to editors."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="mails", verbose_name=_("registration")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=MailKind.choices)
    # Tells reminders apart (their offset in seconds).
    key = models.CharField(max_length=40, blank=True)
    # An editor's message (kind MESSAGE).
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("registration e-mail")
        verbose_name_plural = _("registration e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "key"],
                condition=models.Q(kind__in=["reminder", "meeting_cancelled"]),
                name="strukturwandel_registration_mail_once",
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.get_kind_display()
