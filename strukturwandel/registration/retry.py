"""Retrying registration e-mails: failed ones when their wait is over, and pending ones no
worker has sent within STALLED_AFTER (a lost task, a worker that was down)."""

import datetime

from django.db.models import Q
from django.utils import timezone

from . import mail
from .conf import app_settings
from .models import MailStatus, RegistrationMail

STALLED_AFTER = datetime.timedelta(minutes=10)


def due(now=None):
    now = now or timezone.now()
    return RegistrationMail.objects.filter(
        Q(
            status=MailStatus.FAILED,
            next_attempt_at__lte=now,
            attempts__lt=app_settings.REGISTRATION_MAIL_MAX_ATTEMPTS,
        )
        | Q(status=MailStatus.PENDING, created_at__lte=now - STALLED_AFTER)
    ).order_by("created_at")


def send_pending(now=None):
    """Try every due e-mail once; returns (sent, failed)."""
    sent = failed = 0
    for mail_id in due(now).values_list("pk", flat=True):
        if mail.deliver(mail_id):
            sent += 1
        elif RegistrationMail.objects.filter(pk=mail_id, status=MailStatus.FAILED).exists():
            failed += 1
    return sent, failed
