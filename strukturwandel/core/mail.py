"""E-mails that are stored before they are sent: the one way the apps send mail.

An app keeps its e-mails in a model derived from ``StoredMail`` (its own relations and kinds),
stores a row in the transaction that makes the change, and sends it from a task once the
transaction has committed (``enqueue_on_commit``). ``deliver`` sends one row under a lock and
records the outcome: a failure keeps the row (attempts, the error's class, when to retry) and
``due`` finds it again for the app's retry command. Log lines name e-mails by their id: never
an address, never a link from the e-mail.
"""

import datetime
import logging

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A pending e-mail no worker has sent within this time is retried (a lost task, a worker
# that was down).
STALLED_AFTER = datetime.timedelta(minutes=10)


class MailStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    # Recorded, never sent (e.g. a reminder whose time passed before it was due).
    SKIPPED = "skipped", _("Not needed")


class StoredMail(models.Model):
    status = models.CharField(
        _("status"), max_length=20, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The exception's class only: its message may name an address.
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def changes_public_content(self):
        """An e-mail and its delivery are never shown (``strukturwandel.core.signals``)."""
        return False


def enqueue_on_commit(task, mail_id):
    """Send the stored e-mail ``mail_id`` by ``task`` once the transaction has committed."""

    def enqueue():
        try:
            task.enqueue(mail_id)
        except Exception:
            # The row stays pending; the app's retry command picks it up.
            logger.exception("Could not enqueue mail %s", mail_id)

    transaction.on_commit(enqueue)


def retry_delay(attempts, first_wait_seconds):
    return datetime.timedelta(seconds=first_wait_seconds * 2 ** max(attempts - 1, 0))


def deliver(queryset, mail_id, build_message, *, first_wait_seconds, discard=None):
    """Send one stored e-mail of ``queryset`` unless it has been sent; record the outcome.
    True when sent.

    ``build_message(mail)`` returns the EmailMessage; ``discard(mail)``, when given and true,
    deletes the row unsent (what it would say no longer holds). The row stays locked while
    sending, so a worker and the retry command never send the same e-mail twice.
    """
    with transaction.atomic():
        mail = queryset.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status == MailStatus.SENT:
            return False
        if discard is not None and discard(mail):
            mail.delete()
            return False
        now = timezone.now()
        mail.attempts += 1
        mail.last_attempt_at = now
        try:
            build_message(mail).send()
        except Exception as error:  # any backend's failure: SMTP, socket, timeout
            mail.status = MailStatus.FAILED
            mail.error = type(error).__name__[:200]
            mail.next_attempt_at = now + retry_delay(mail.attempts, first_wait_seconds)
            mail.save()
            logger.warning(
                "%s %s (%s) failed on attempt %s: %s",
                type(mail).__name__,
                mail.pk,
                getattr(mail, "kind", ""),
                mail.attempts,
                mail.error,
            )
            return False
        mail.status = MailStatus.SENT
        mail.sent_at = now
        mail.error = ""
        mail.next_attempt_at = None
        mail.save()
    return True


def due(queryset, *, max_attempts, now=None):
    """Failed e-mails whose wait is over, and pending ones no worker has sent in time."""
    now = now or timezone.now()
    return queryset.filter(
        models.Q(status=MailStatus.FAILED, next_attempt_at__lte=now, attempts__lt=max_attempts)
        | models.Q(status=MailStatus.PENDING, created_at__lte=now - STALLED_AFTER)
    ).order_by("created_at")


def send_pending(queryset, deliver_one, *, max_attempts, now=None):
    """Try every due e-mail once with ``deliver_one(mail_id)``; returns (sent, failed)."""
    sent = failed = 0
    for mail_id in due(queryset, max_attempts=max_attempts, now=now).values_list("pk", flat=True):
        if deliver_one(mail_id):
            sent += 1
        elif queryset.filter(pk=mail_id, status=MailStatus.FAILED).exists():
            failed += 1
    return sent, failed
