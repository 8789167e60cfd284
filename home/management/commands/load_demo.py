from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from home.demo import (
    documentation,
    events,
    groups,
    people,
    registrations,
    sections,
    site,
    topics,
)


class Command(BaseCommand):
    help = _("Builds the demo site from the association's facts. Safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname",
            help=_("Host name of the demo site, used in absolute URLs (default: 127.0.0.1)."),
        )
        parser.add_argument(
            "--port",
            type=int,
            help=_("Port of the demo site, used in absolute URLs (default: 8000)."),
        )

    @transaction.atomic
    def handle(self, *args, **options):
        wagtail_site, home = site.build_home(options["hostname"], options["port"])
        _network, imprint, privacy = site.build_content_pages(home)
        settings = site.build_settings(wagtail_site)
        if settings.imprint_page_id is None:
            settings.imprint_page = imprint
            settings.privacy_page = privacy
            settings.save()
        topic_fields = topics.build_topic_fields()
        _organisations, persons = people.build_people()
        stammtisch = sections.build_stammtisch(home)
        events.build_events(home, stammtisch)
        registrations.build_registrations(stammtisch)
        registrations.build_organisation_group()
        sections.build_documentation_section(home)
        group_index = sections.build_groups_section(home)
        groups.build_groups(group_index, topic_fields, persons)
        topics.build_suggestion_page(home, sections.build_topics_section(home))
        username, password = site.build_admin_user()
        documentation.build_documentation(home)  # last: it links what the others built
        self.stdout.write(self.style.SUCCESS(_("Demo site is ready.")))
        self.stdout.write(
            _("Log in at /admin/ as “%(username)s” with the password “%(password)s”.")
            % {"username": username, "password": password}
        )
