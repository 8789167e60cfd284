"""Retrying registration e-mails (core.mail): failed ones when their wait is over, and
pending ones no worker has sent in time."""

from strukturwandel.core import mail as stored_mail

from . import mail
from .conf import app_settings
from .models import RegistrationMail


def due(now=None):
    return stored_mail.due(
        RegistrationMail.objects.all(),
        max_attempts=app_settings.REGISTRATION_MAIL_MAX_ATTEMPTS,
        now=now,
    )


def send_pending(now=None):
    """Try every due e-mail once; returns (sent, failed)."""
    return stored_mail.send_pending(
        RegistrationMail.objects.all(),
        mail.deliver,
        max_attempts=app_settings.REGISTRATION_MAIL_MAX_ATTEMPTS,
        now=now,
    )
