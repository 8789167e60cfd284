import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from strukturwandel.core.blocks import BaseStreamBlock
from strukturwandel.core.models import BelowSiteRootMixin
from strukturwandel.core.pages import SharedRestrictionCheckMixin
from strukturwandel.events.forms import EventsPageForm
from strukturwandel.events.models import (
    SCHEDULE_SIGNIFICANT_FIELDS,
    CalendarSequenceMixin,
    MeetingParentMixin,
    ScheduleMixin,
)


class GroupStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    MERGED = "merged", _("Merged into another group")
    CLOSED = "closed", _("Closed")


# "AG 1: …", "WG 2 – …" at the start of a title: the number a group's display name adds.
NUMBER_PREFIX = re.compile(r"^\s*(?:AG|WG)\s*\d+\s*[:.–-]\s*", re.IGNORECASE)


class WorkingGroupIndexPage(SharedRestrictionCheckMixin, BelowSiteRootMixin, Page):
    """The overview of all working groups (Arbeitsgruppen)."""

    page_description = _("The overview of all working groups.")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    join_email = models.EmailField(
        _("e-mail for joining"),
        blank=True,
        help_text=_("Used by every group without its own e-mail or page for joining."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("join_email")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    subpage_types = ["strukturwandel_groups.WorkingGroupPage"]

    class Meta:
        verbose_name = _("working group index")
        verbose_name_plural = _("working group indexes")

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        context["working_groups"] = listings.group_index(self, request=request)
        return context

    def route(self, request, path_components):
        # A group below the index is found in one query (Wagtail's finds the child, then loads
        # its specific page); any other child goes Wagtail's way.
        if path_components:
            group = WorkingGroupPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if group is not None:
                # Its parent is this page: as in Wagtail's route, no query to find it again.
                group._cached_parent_obj = self
                return group.route(request, path_components[1:])
        return super().route(request, path_components)


class WorkingGroupPage(
    SharedRestrictionCheckMixin, CalendarSequenceMixin, ScheduleMixin, MeetingParentMixin, Page
):
    """One working group: what it works on, who to contact, when it meets."""

    page_description = _(
        "One working group: its purpose, contacts, member organisations and meetings."
    )

    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("e.g. 1 for 'AG 1'. Leave empty for none.")
    )
    short_description = models.CharField(
        _("short description"), max_length=300, blank=True, help_text=_("Shown in listings.")
    )
    purpose = RichTextField(
        _("purpose"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GroupStatus.choices, default=GroupStatus.ACTIVE
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group this one continues in, when its status is 'merged'."),
    )
    topic_fields = ParentalManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="working_groups",
    )
    contacts = ParentalManyToManyField(
        "strukturwandel_people.Person",
        verbose_name=_("contact people"),
        blank=True,
        related_name="working_groups",
    )
    member_organisations = ParentalManyToManyField(
        "strukturwandel_people.Organisation",
        verbose_name=_("member organisations"),
        blank=True,
        related_name="working_groups",
    )
    join_email = models.EmailField(
        _("e-mail for joining"),
        blank=True,
        help_text=_("Where people write who want to take part ('Mitmachen')."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page for joining"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A sign-up or participation form. Shown before the e-mail address."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("more about the group"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("founded_on")]),
        FieldPanel("short_description"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("merged_into")],
            heading=_("Status"),
        ),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("contacts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("member_organisations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("People"),
        ),
        MultiFieldPanel(
            [FieldPanel("join_page"), FieldPanel("join_email")],
            heading=_("Taking part"),
        ),
        *ScheduleMixin.schedule_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("purpose"),
        index.SearchField("body"),
        index.RelatedFields("topic_fields", [index.SearchField("name")]),
        # People named on the group's page: contact people and member organisations.
        index.RelatedFields("contacts", [index.SearchField("name")]),
        index.RelatedFields("member_organisations", [index.SearchField("name")]),
    ]

    parent_page_types = ["strukturwandel_groups.WorkingGroupIndexPage"]
    base_form_class = EventsPageForm
    subpage_types = [
        "strukturwandel_events.MeetingPage",
        "strukturwandel_events.RecurringMeetingPage",
    ]
    calendar_significant_fields = SCHEDULE_SIGNIFICANT_FIELDS

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        context.update(listings.group_details(self, request))
        return context

    def clean(self):
        super().clean()
        if self.number and NUMBER_PREFIX.match(self.title or ""):
            raise ValidationError(
                {
                    "title": _(
                        "The number is shown in front of the title ('WG %(number)s: …'). "
                        "Enter the title without it."
                    )
                    % {"number": self.number}
                }
            )
        if self.status == GroupStatus.MERGED and self.merged_into_id is None:
            raise ValidationError({"merged_into": _("Choose the group this one continues in.")})
        if self.merged_into_id is not None and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("A group cannot continue in itself.")})

    def get_admin_display_title(self):
        return str(self.display_name)

    @property
    def is_merged(self):
        return self.status == GroupStatus.MERGED

    # Groups that were merged or closed plan nothing any more: pages and feeds show only
    # their meeting pages, not their rule.
    ENDED_STATUSES = (GroupStatus.MERGED, GroupStatus.CLOSED)

    @property
    def plans_meetings(self):
        return self.status not in self.ENDED_STATUSES

    @classmethod
    def plans_meetings_q(cls):
        return ~models.Q(status__in=cls.ENDED_STATUSES)

    @property
    def display_name(self):
        """'AG 1: Nachhaltige Dorfentwicklung', or the plain title for unnumbered groups."""
        if self.number:
            # A title saved before the check above may carry the number already.
            title = NUMBER_PREFIX.sub("", self.title, count=1)
            return _("WG %(number)s: %(title)s") % {"number": self.number, "title": title}
        return self.title
