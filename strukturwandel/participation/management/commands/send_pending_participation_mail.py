"""Send participation e-mails again that failed (or were never picked up by a worker).

Run it every few minutes; see core.mail and PARTICIPATION_MAIL_MAX_ATTEMPTS.
"""

from django.core.management.base import BaseCommand

from strukturwandel.core import mail as stored_mail

from ... import mail
from ...conf import app_settings
from ...models import ParticipationMail


class Command(BaseCommand):
    help = "Retry failed and stalled participation e-mails."

    def handle(self, *args, **options):
        sent, failed = stored_mail.send_pending(
            ParticipationMail.objects.all(),
            mail.deliver,
            max_attempts=app_settings.PARTICIPATION_MAIL_MAX_ATTEMPTS,
        )
        self.stdout.write(f"{sent} sent, {failed} failed.")
