"""What happens to a registration: register, confirm, cancel, move up from the waiting list.

Every change that touches the places of a meeting locks the meeting's MeetingRegistrations
row first (``select_for_update`` inside a transaction), so concurrent confirmations never
give away more than ``capacity`` places. E-mails are stored with the change and sent after
the transaction has committed (``mail.queue``).
"""

import hashlib

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from . import mail
from .models import (
    HOLDS_PLACE,
    MailKind,
    MeetingRegistrations,
    Registration,
    RegistrationStatus,
    new_token_key,
)


def call_link_digest(meeting):
    return hashlib.sha256((meeting.call_link or "").encode()).hexdigest()


def lock_meeting(meeting):
    """The meeting's MeetingRegistrations row, locked until the transaction ends."""
    MeetingRegistrations.objects.get_or_create(meeting_id=meeting.pk)
    return MeetingRegistrations.objects.select_for_update().get(meeting_id=meeting.pk)


def register(meeting, *, name, email, organisation="", note=""):
    """Store a registration (or find the address's one) and queue the e-mail that fits.

    A new or cancelled registration is asked to confirm; one waiting for confirmation gets
    the request again; a confirmed or waiting one gets its confirmation again. Returns the
    registration.
    """
    email = email.strip().lower()
    fields = {"name": name, "organisation": organisation, "note": note}
    with transaction.atomic():
        lock_meeting(meeting)
        registration = Registration.objects.filter(meeting=meeting, email=email).first()
        if registration is None:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        meeting=meeting, email=email, **fields
                    )
            except IntegrityError:  # the same address at the same moment (SQLite: no lock)
                registration = Registration.objects.get(meeting=meeting, email=email)
            else:
                mail.queue(registration, MailKind.CONFIRM_REQUEST)
                return registration
        if registration.status == RegistrationStatus.CANCELLED:
            _set(registration, fields)
            registration.status = RegistrationStatus.UNCONFIRMED
            registration.token_key = new_token_key()
            registration.confirmed_at = registration.waitlisted_at = None
            registration.cancelled_at = None
            registration.created_at = timezone.now()
            registration.save()
            mail.queue(registration, MailKind.CONFIRM_REQUEST)
        elif registration.status == RegistrationStatus.UNCONFIRMED:
            _set(registration, fields)
            registration.save(update_fields=list(fields))
            mail.queue(registration, MailKind.CONFIRM_REQUEST)
        elif registration.status == RegistrationStatus.WAITLISTED:
            mail.queue(registration, MailKind.WAITLISTED)
        else:
            mail.queue(registration, MailKind.CONFIRMED)
    return registration


def _set(registration, fields):
    """What the visitor typed last wins while the registration is not confirmed."""
    for field, value in fields.items():
        setattr(registration, field, value)


def places_taken(meeting):
    return Registration.objects.filter(meeting=meeting, status__in=HOLDS_PLACE).count()


def has_free_place(meeting):
    return meeting.capacity is None or places_taken(meeting) < meeting.capacity


def confirm(registration):
    """Confirm an unconfirmed registration: a place if one is free, else the waiting list.
    Anything else is left as it is. Returns the registration as it is now."""
    with transaction.atomic():
        record = lock_meeting(registration.meeting)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.UNCONFIRMED:
            return registration
        now = timezone.now()
        registration.confirmed_at = now
        if has_free_place(registration.meeting):
            registration.status = RegistrationStatus.CONFIRMED
            remember_announcement(record, registration.meeting)
            mail.queue(registration, MailKind.CONFIRMED)
        else:
            registration.status = RegistrationStatus.WAITLISTED
            registration.waitlisted_at = now
            mail.queue(registration, MailKind.WAITLISTED)
        registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    return registration


def remember_announcement(record, meeting):
    """The first confirmation fixes what participants were told (start, call link)."""
    if record.announced_start is None:
        record.announced_start = meeting.start
        record.announced_call_link_digest = call_link_digest(meeting)
        record.save(update_fields=["announced_start", "announced_call_link_digest"])


def cancel(registration):
    """Cancel a registration; a freed place goes to the first on the waiting list."""
    with transaction.atomic():
        lock_meeting(registration.meeting)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed = registration.holds_place
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        mail.queue(registration, MailKind.CANCELLED)
        if freed:
            promote_waiting(registration.meeting)
    return registration


def promote_waiting(meeting):
    """Give free places to the waiting list, first come first served (inside the lock)."""
    waiting = Registration.objects.filter(
        meeting=meeting, status=RegistrationStatus.WAITLISTED
    ).order_by("waitlisted_at", "pk")
    for registration in waiting:
        if not has_free_place(meeting):
            return
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        mail.queue(registration, MailKind.PROMOTED)


def counts(meeting):
    """How many registered (any status), are confirmed (attended included), wait, cancelled
    and still have to confirm; after ``purge_registrations`` the counts it kept."""
    record = MeetingRegistrations.objects.filter(meeting_id=meeting.pk).first()
    if record is not None and record.purged_at is not None:
        return {
            "registered": record.purged_registered,
            "confirmed": record.purged_confirmed,
            "waitlisted": record.purged_waitlisted,
            "cancelled": record.purged_cancelled,
            "unconfirmed": 0,
        }
    return count_rows(Registration.objects.filter(meeting=meeting))


def count_rows(registrations):
    by_status = dict(registrations.order_by().values_list("status").annotate(number=Count("pk")))
    return {
        "registered": sum(by_status.values()),
        "confirmed": sum(by_status.get(status, 0) for status in HOLDS_PLACE),
        "waitlisted": by_status.get(RegistrationStatus.WAITLISTED, 0),
        "cancelled": by_status.get(RegistrationStatus.CANCELLED, 0),
        "unconfirmed": by_status.get(RegistrationStatus.UNCONFIRMED, 0),
    }


def write_to_participants(meeting, subject, body):
    """Queue an editor's message to every confirmed participant; they now know the meeting's
    current start and call link. Returns how many."""
    with transaction.atomic():
        record = lock_meeting(meeting)
        participants = list(
            Registration.objects.filter(meeting=meeting, status=RegistrationStatus.CONFIRMED)
        )
        for registration in participants:
            mail.queue(registration, MailKind.MESSAGE, subject=subject, body=body)
        record.announced_start = meeting.start
        record.announced_call_link_digest = call_link_digest(meeting)
        record.save(update_fields=["announced_start", "announced_call_link_digest"])
    return len(participants)


def announce_cancellation(meeting):
    """Tell confirmed and waiting registrants once that the meeting has been cancelled."""
    with transaction.atomic():
        record = lock_meeting(meeting)
        if record.cancellation_announced_at is not None:
            return 0
        registrations = list(
            Registration.objects.filter(
                meeting=meeting,
                status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
            )
        )
        for registration in registrations:
            mail.queue(registration, MailKind.MEETING_CANCELLED)
        record.cancellation_announced_at = timezone.now()
        record.save(update_fields=["cancellation_announced_at"])
    return len(registrations)
