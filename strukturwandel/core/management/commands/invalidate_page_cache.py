from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from strukturwandel.core import cache


class Command(BaseCommand):
    help = (
        "Replace the content version: every cached page and feed is built again on its next "
        "request (e.g. after the cache server was down while editors published)."
    )

    def handle(self, *args, **options):
        cache.invalidate()
        self.stdout.write(_("Cached pages and feeds will be built again."))
