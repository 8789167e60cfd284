"""One file → one documentation page, in one transaction, with a report of what was recognised."""

import logging
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.coreutils import find_available_slug

from strukturwandel.documentation.models import DocumentationPage

from .convert import Conversion, ImportFileError, build, parse
from .models import CreatedRecord
from .records import SiteResolver, documented_meeting_on, meeting_on

logger = logging.getLogger(__name__)


@dataclass
class FileResult:
    name: str
    conversion: Conversion | None = None
    page: DocumentationPage | None = None
    error: str = ""
    published: bool = False
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return not self.error


def import_file(name, data, parent, *, user=None, publish=False, dry_run=False):
    """Convert ``data`` and, unless ``dry_run``, create the page below ``parent``.

    Records and the page are created in one transaction: a file that fails leaves nothing.
    """
    result = FileResult(name)
    try:
        with transaction.atomic():
            site = parent.get_site()
            root = site.root_page if site else parent
            document = parse(name, data)
            resolver = SiteResolver(meeting=meeting_on(document.date, root), create=not dry_run)
            conversion = build(name, document, resolver)
            result.conversion = conversion
            page = build_page(conversion, resolver.meeting, parent, user)
            validate(page)
            result.lines = summary(conversion, resolver, documented_meeting_on(document.date, root))
            if dry_run:
                result.page = page
                transaction.set_rollback(True)
                return result
            parent.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user)
                result.published = True
            CreatedRecord.objects.bulk_create(
                [CreatedRecord(page=page, person=p) for p in resolver.created_people()]
                + [
                    CreatedRecord(page=page, organisation=o)
                    for o in resolver.created_organisations()
                ]
            )
            result.page = page
    except ImportFileError as error:
        result.error = str(error)
    except ValidationError as error:
        result.error = _("The recognised content is not valid: %(errors)s") % {
            "errors": "; ".join(error.messages)
        }
    except Exception:
        # One broken file must not stop the others; the traceback goes to the log.
        logger.exception("Importing %s failed", name)
        result.error = _("The file could not be imported (unexpected error, see the log).")
    return result


def build_page(conversion, meeting, parent, user):
    document = conversion.document
    title = document.title or PurePath(conversion.name).stem
    body = list(conversion.body)
    # The topic comes from the meeting; when there is none, or it differs, the line stays.
    if document.topic and (
        meeting is None or meeting.topic.casefold() != document.topic.casefold()
    ):
        topic = _("Topic: %(topic)s") % {"topic": document.topic}
        body.insert(0, ("paragraph", f"<p>{escape(topic)}</p>"))
    page = DocumentationPage(
        title=title[:255],
        slug=find_available_slug(parent, slugify(title)[:80] or "dokumentation"),
        meeting=meeting,
        body=body,
        live=False,
        owner=user,
    )
    return page


def validate(page):
    """Block values the editor would refuse are refused here too (required fields, URLs)."""
    page.body.stream_block.clean(page.body)


def summary(conversion, resolver, documented_meeting=None):
    document = conversion.document
    lines = [_("Title: %(title)s") % {"title": document.title or "–"}]
    if document.date:
        lines.append(_("Date: %(date)s") % {"date": document.date.strftime("%d.%m.%Y")})
    if document.topic:
        lines.append(_("Topic: %(topic)s") % {"topic": document.topic})
    if resolver.meeting is not None:
        lines.append(_("Meeting linked: %(title)s") % {"title": resolver.meeting.title})
    elif documented_meeting is not None:
        lines.append(
            _("“%(title)s” already has a documentation page: not linked.")
            % {"title": documented_meeting.title}
        )
    elif document.date:
        lines.append(_("No meeting of the site on this date: not linked."))
    speakers = iter(resolver.speakers)
    for block_type, value in conversion.body:
        lines.append(_block_line(block_type, value, speakers))
    if resolver.next_dates_problem:
        lines.append(
            _("Next dates kept as text: %(reason)s.") % {"reason": resolver.next_dates_problem}
        )
    return lines


def _block_line(block_type, value, speakers):
    if block_type == "impulse":
        names = []
        for match in [next(speakers) for _position in value["speakers"]]:
            state = _("new") if match.new_person else _("existing")
            text = f"{match.name} ({state})"
            if match.organisation:
                org_state = _("new") if match.new_organisation else _("existing")
                text += f", {match.organisation} ({org_state})"
            names.append(text)
        return _(
            "Impulse%(title)s – speakers: %(speakers)s; key points: %(points)s; links: %(links)s"
        ) % {
            "title": f" „{value['title']}“" if value["title"] else "",
            "speakers": "; ".join(names) or "–",
            "points": value["key_points"].count("<li>") + value["key_points"].count("<p>"),
            "links": ", ".join(link["url"] for link in value["links"]) or "–",
        }
    if block_type == "discussion":
        points = value["points"]
        return _(
            "Discussion – points: %(points)s; key terms: %(terms)s; sub-points: %(subs)s; "
            "follow-ups: %(follow_ups)s; links: %(links)s"
        ) % {
            "points": len(points),
            "terms": ", ".join(p["key_term"] for p in points if p["key_term"]) or "–",
            "subs": sum(len(p["sub_points"]) for p in points),
            "follow_ups": sum(1 for p in points if p["follow_up"]),
            "links": len(
                re.findall(r"<a ", "".join(p["text"] + "".join(p["sub_points"]) for p in points))
            ),
        }
    if block_type == "next_dates":
        return _("Next dates: the series' next %(count)s meetings, read live") % {
            "count": value["count"]
        }
    if block_type == "networking":
        return _("Networking – links: %(links)s") % {
            "links": ", ".join(link["url"] for link in value["links"]) or "–"
        }
    if block_type == "heading":
        return _("Heading (not recognised, kept): %(text)s") % {"text": value["text"]}
    words = len(re.sub(r"<[^>]+>", " ", value).split())
    return ngettext(
        "Text (kept as it is): %(words)s word", "Text (kept as it is): %(words)s words", words
    ) % {"words": words}
