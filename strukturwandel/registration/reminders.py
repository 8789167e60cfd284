"""Reminders before a meeting, each sent once per participant and offset."""

from django.db import transaction
from django.utils import timezone

from strukturwandel.events.models import MeetingStatus

from . import mail
from .conf import app_settings
from .models import MailKind, MailStatus, Registration, RegistrationMail, RegistrationStatus


def send_due(now=None):
    """Queue every reminder that is due: the meeting starts within its offset and has not
    begun. Returns how many were queued."""
    now = now or timezone.now()
    offsets = sorted(app_settings.REGISTRATION_REMINDERS, reverse=True)
    if not offsets:
        return 0
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        meeting__live=True,
        meeting__status=MeetingStatus.PLANNED,
        meeting__start__gt=now,
        meeting__start__lte=now + offsets[0],
    ).select_related("meeting")
    queued = 0
    for registration in due:
        sent_keys = set(
            RegistrationMail.objects.filter(
                registration=registration, kind=MailKind.REMINDER
            ).values_list("key", flat=True)
        )
        # Only the nearest due offset: an hour before, the day-before reminder is stale.
        due_offsets = [o for o in offsets if registration.meeting.start - o <= now]
        if not due_offsets:
            continue
        nearest = due_offsets[-1]
        keys = {str(int(o.total_seconds())) for o in due_offsets}
        if keys & sent_keys == keys:
            continue
        with transaction.atomic():
            for offset in due_offsets:
                key = str(int(offset.total_seconds()))
                if key in sent_keys:
                    continue
                if offset == nearest:
                    if mail.queue(registration, MailKind.REMINDER, key=key):
                        queued += 1
                else:
                    # Passed over: recorded as done, never sent late.
                    RegistrationMail.objects.get_or_create(
                        registration=registration,
                        kind=MailKind.REMINDER,
                        key=key,
                        defaults={"status": MailStatus.SKIPPED},
                    )
    return queued
