"""The editor's forms of events pages: a new meeting starts from what its series already knows,
a text too long is named, not cut, and a taken slug is reported where the editor looks."""

import datetime
import json

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

# How many of the rule's next dates the rule editor offers for an exclusion, one per click.
PLANNED_DATES_OFFERED = 12


class EventsPageForm(WagtailAdminPageForm):
    """Wagtail's page form with what an editor of meetings and rules needs.

    Text fields carry no ``maxlength``: the browser would silently cut a pasted title or topic;
    the server names the limit instead, in German, and keeps the text. A slug already taken by
    another page below the same parent (often a draft that autosave kept) is also reported on
    the title, on the tab the editor is looking at, with a link to that page. A page with a rule
    lists the rule's next dates for the rule editor's "Exclude a date".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.widget.attrs.pop("maxlength", None)
        if "schedule" in self.fields and hasattr(self.instance, "schedule_occurrences"):
            # "Exclude a date" in the rule editor starts on the next date the rule plans.
            self.fields["schedule"].widget.attrs["data-planned-dates"] = json.dumps(
                self.planned_dates()
            )

    def planned_dates(self):
        from .schedule import local_date

        if not self.instance.schedule:
            return []
        now = timezone.now()
        occurrences = self.instance.schedule_occurrences(
            now, now + datetime.timedelta(days=366), limit=PLANNED_DATES_OFFERED
        )
        return [local_date(occurrence.start).isoformat() for occurrence in occurrences]

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug") or self.data.get("slug")
        if (
            "slug" in self.errors
            and slug
            and self.parent_page is not None
            and "title" in self.fields
        ):
            taken = self.parent_page.get_children().filter(slug=slug)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            other = taken.first()
            if other is not None:
                self.add_error("title", self.taken_slug_error(other))
        return cleaned_data

    def taken_slug_error(self, other):
        state = _("published") if other.live else _("draft")
        return forms.ValidationError(
            format_html(
                _(
                    'The address "{slug}" already belongs to <a href="{url}">{title}</a> '
                    "({state}). Edit that page, or change the title or the slug (tab "
                    '"Promote").'
                ),
                slug=other.slug,
                url=reverse("wagtailadmin_pages:edit", args=[other.pk]),
                title=other.get_admin_display_title(),
                state=state,
            )
        )


class MeetingPageForm(EventsPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance.pk is None and not self.is_bound and parent_page is not None:
            from .planning import new_meeting_defaults

            for name, value in new_meeting_defaults(parent_page).items():
                if name in self.fields:
                    self.initial[name] = value
