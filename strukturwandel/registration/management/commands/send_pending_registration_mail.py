"""Send registration e-mails again that failed (or were never picked up by a worker).

Run it every few minutes. A failed e-mail waits REGISTRATION_MAIL_RETRY_SECONDS before its
first retry, twice as long before each further one, and stays failed (visible to editors
in "Anmeldungen") after REGISTRATION_MAIL_MAX_ATTEMPTS.
"""

from django.core.management.base import BaseCommand

from ... import retry


class Command(BaseCommand):
    help = "Retry failed and stalled registration e-mails."

    def handle(self, *args, **options):
        sent, failed = retry.send_pending()
        self.stdout.write(f"{sent} sent, {failed} failed.")
