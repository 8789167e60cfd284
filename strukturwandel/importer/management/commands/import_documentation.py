"""python manage.py import_documentation FILE… --parent <page path or id> [--publish] [--dry-run]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page

from strukturwandel.documentation.models import DocumentationIndexPage
from strukturwandel.importer.convert.reading import MAX_SIZE, ImportFileError, check_size
from strukturwandel.importer.importing import import_file


class Command(BaseCommand):
    help = "Import written-up meetings (Markdown, text, Word) as documentation drafts."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--parent",
            required=True,
            help="The documentation index: its page id or URL path (e.g. /dokumentation/).",
        )
        parser.add_argument("--publish", action="store_true", help="Publish the new pages.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what is recognised; save nothing."
        )

    def handle(self, *args, files, parent, publish, dry_run, **options):
        index = find_parent(parent)
        failed = 0
        for name in files:
            self.stdout.write(f"== {name}")
            try:
                data = read(Path(name))
            except ImportFileError as error:
                failed += 1
                self.stderr.write(_("%(name)s: %(error)s") % {"name": name, "error": error})
                continue
            result = import_file(Path(name).name, data, index, publish=publish, dry_run=dry_run)
            if not result.ok:
                failed += 1
                self.stderr.write(_("%(name)s: %(error)s") % {"name": name, "error": result.error})
                continue
            for line in result.lines:
                self.stdout.write(f"  {line}")
            if dry_run:
                self.stdout.write(_("  Dry run: nothing saved."))
                continue
            self.stdout.write(admin_url(result.page))
            if result.published:
                self.stdout.write(result.page.full_url or "")
        if failed:
            raise CommandError(
                _("%(failed)s of %(total)s files could not be imported.")
                % {"failed": failed, "total": len(files)}
            )


def find_parent(reference):
    page = None
    if reference.isdigit():
        page = Page.objects.filter(pk=int(reference)).first()
    else:
        path = "/" + reference.strip("/") + "/" if reference.strip("/") else "/"
        for site_page in Page.objects.type(DocumentationIndexPage):
            if site_page.url_path.endswith(path) and _site_path(site_page) == path:
                page = site_page
                break
    if page is None or not isinstance(page.specific, DocumentationIndexPage):
        raise CommandError(
            _("“%(parent)s” is no documentation index (page id or URL path).")
            % {"parent": reference}
        )
    return page.specific


def _site_path(page):
    """The page's path below its site's root ("/dokumentation/")."""
    site = page.get_site()
    root_path = site.root_page.url_path if site else "/"
    return "/" + page.url_path.removeprefix(root_path).lstrip("/")


def read(path):
    try:
        size = path.stat().st_size
        check_size(size, MAX_SIZE)
        return path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("The file cannot be read: %(reason)s") % {"reason": error.strerror or error}
        ) from error


def admin_url(page):
    from django.urls import reverse

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page.pk])
