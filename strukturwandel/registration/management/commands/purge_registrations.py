"""Delete the personal data of registrations REGISTRATION_RETENTION_DAYS after the meeting.

Keeps per meeting how many registered, confirmed, waited and cancelled. Also deletes
registrations nobody confirmed before the confirmation link expired. Run it daily.
"""

from django.core.management.base import BaseCommand

from ... import retention


class Command(BaseCommand):
    help = "Delete registrations of meetings that ended long enough ago, keeping the counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Days after the meeting (default: setting)."
        )

    def handle(self, *args, days=None, **options):
        meetings, registrations = retention.purge(days=days)
        unconfirmed = retention.purge_unconfirmed()
        self.stdout.write(
            f"{registrations} registrations of {meetings} meetings deleted; counts kept. "
            f"{unconfirmed} unconfirmed registrations deleted."
        )
