"""Send each configured reminder once to every confirmed participant of upcoming meetings.

Run it every few minutes (cron, a systemd timer). Safe to run again: each reminder is
recorded per registration and offset (REGISTRATION_REMINDERS, default a day and an hour
before the start); a reminder whose time has come while the meeting has not begun is sent.
"""

from django.core.management.base import BaseCommand

from ... import reminders


class Command(BaseCommand):
    help = "Send the reminders that are due for upcoming meetings (idempotent)."

    def handle(self, *args, **options):
        count = reminders.send_due()
        self.stdout.write(f"{count} reminders queued.")
