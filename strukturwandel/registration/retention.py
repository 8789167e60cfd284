"""Deleting registrants' personal data after a meeting, keeping only how many there were."""

import datetime

from django.db import transaction
from django.utils import timezone

from strukturwandel.events.models import MeetingPage

from . import services
from .conf import app_settings
from .models import Registration, RegistrationStatus


def purge_unconfirmed(now=None):
    """Delete registrations nobody confirmed before their link expired (the e-mail promises
    it); they never took a place and are not counted. Returns how many."""
    expired = (now or timezone.now()) - datetime.timedelta(
        seconds=app_settings.REGISTRATION_CONFIRM_MAX_AGE
    )
    stale = Registration.objects.filter(
        status=RegistrationStatus.UNCONFIRMED, created_at__lt=expired
    )
    count = stale.count()
    stale.delete()
    return count


def purge(days=None, now=None):
    """Delete the registrations (and their e-mails) of meetings that ended more than ``days``
    (default REGISTRATION_RETENTION_DAYS) ago; returns (meetings, registrations)."""
    days = app_settings.REGISTRATION_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    meetings = MeetingPage.objects.filter(
        end__lt=cutoff, pk__in=Registration.objects.values("meeting")
    )
    meeting_count = registration_count = 0
    for meeting in meetings:
        with transaction.atomic():
            record = services.lock_meeting(meeting)
            registrations = Registration.objects.filter(meeting=meeting)
            counts = services.count_rows(registrations)
            # Counted once more if an earlier purge left some (registered late by an editor).
            if record.purged_at is not None:
                counts = {
                    key: counts.get(key, 0) + getattr(record, f"purged_{key}", 0)
                    for key in ("registered", "confirmed", "waitlisted", "cancelled")
                }
            record.purged_registered = counts["registered"]
            record.purged_confirmed = counts["confirmed"]
            record.purged_waitlisted = counts["waitlisted"]
            record.purged_cancelled = counts["cancelled"]
            record.purged_at = timezone.now()
            record.save()
            deleted = registrations.count()
            registrations.delete()
        meeting_count += 1
        registration_count += deleted
    return meeting_count, registration_count
