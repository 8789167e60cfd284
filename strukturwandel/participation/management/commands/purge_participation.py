"""Delete declined, stale and unconfirmed participation entries (see participation.retention).

Run it daily. PARTICIPATION_RETENTION_DAYS, PARTICIPATION_STALE_DAYS and
PARTICIPATION_CARD_CONFIRM_MAX_AGE set the times.
"""

from django.core.management.base import BaseCommand

from ... import retention


class Command(BaseCommand):
    help = "Delete declined, stale and unconfirmed suggestions, offers and business cards."

    def handle(self, *args, **options):
        counts = retention.purge()
        self.stdout.write(", ".join(f"{name}: {count} deleted" for name, count in counts.items()))
