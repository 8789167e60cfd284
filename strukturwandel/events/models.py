import datetime
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from recurrence.fields import RecurrenceField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from strukturwandel.conf import app_settings
from strukturwandel.core.blocks import BaseStreamBlock
from strukturwandel.core.models import BelowSiteRootMixin, SiteSettings
from strukturwandel.core.pages import RequestUrlMixin, SharedRestrictionCheckMixin, route_url
from strukturwandel.people.blocks import SpeakerBlock

from . import registration_provider, schedule
from .formats import format_day, format_time
from .forms import EventsPageForm, MeetingPageForm
from .widgets import HalfHourDateTimeInput, HalfHourTimeInput, RecurrenceWidget


class MeetingFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("strukturwandel meeting status", "Planned")
    CANCELLED = "cancelled", pgettext_lazy("strukturwandel meeting status", "Cancelled")
    POSTPONED = "postponed", pgettext_lazy("strukturwandel meeting status", "Postponed")


class RegistrationState(models.TextChoices):
    """Which registration action a meeting offers; the action include picks its label."""

    OPEN = "open", _("Register")
    NOT_YET_OPEN = "not_yet_open", _("Registration opens soon")
    FULL = "full", _("Fully booked – waiting list")
    CLOSED = "closed", _("Registration closed")


class RegistrationMethod(models.TextChoices):
    """Where visitors register for a meeting."""

    SITE = "site", _("On this site")
    EXTERNAL = "external", _("External registration form")
    EMAIL = "email", _("By e-mail")


@dataclass(frozen=True)
class Registration:
    """How a visitor registers for a meeting: on this site (a registration app's form), by
    the external form, else by e-mail.

    ``state`` is the meeting's RegistrationState (None: no registration); ``mailto`` is the
    e-mail link with a prefilled subject. ``possible`` is false when there is no way at all:
    then no "Register" action is offered.
    """

    state: str | None
    form_url: str = ""
    email: str = ""
    mailto: str = ""
    on_site: bool = False

    @property
    def possible(self):
        return bool(self.on_site or self.form_url or self.email)


# How far a rule is searched for a first date before the editor is told it yields none.
RULE_CHECK_YEARS = 10


class CalendarSequenceMixin(models.Model):
    """SEQUENCE for calendar files: grows by one each time a date, time, place or status changes.

    Compared with the database row on every full save (publishing saves the whole page), so a
    stale value in an older revision never wins.
    """

    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)

    calendar_significant_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk and kwargs.get("update_fields") is None:
            self._update_calendar_sequence()
        return super().save(*args, **kwargs)

    def _update_calendar_sequence(self):
        names = ["calendar_sequence", *self.calendar_significant_fields]
        stored = type(self).objects.filter(pk=self.pk).values(*names).first()
        if stored is None:
            return
        self.calendar_sequence = stored["calendar_sequence"]
        for name in self.calendar_significant_fields:
            field = self._meta.get_field(name)
            if field.get_prep_value(getattr(self, name)) != field.get_prep_value(
                field.to_python(stored[name])
            ):
                self.calendar_sequence += 1
                return


class ScheduleMixin(models.Model):
    """A rule on which a series or group meets, e.g. every 2nd Monday, 17:00–18:30."""

    # The first positional argument of RecurrenceField is include_dtstart, not the label.
    # The rule's start date is only its anchor (schedule.expand), never a meeting of its own.
    schedule = RecurrenceField(
        include_dtstart=False,
        verbose_name=_("schedule rule"),
        blank=True,
        null=True,
        help_text=_("When meetings take place, e.g. every 2nd Monday of the month."),
    )
    schedule_starts_on = models.DateField(
        _("rule applies from"),
        null=True,
        blank=True,
        help_text=_("The first date the rule can fall on."),
    )
    schedule_start_time = models.TimeField(_("usual start time"), null=True, blank=True)
    schedule_end_time = models.TimeField(_("usual end time"), null=True, blank=True)

    schedule_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("schedule_starts_on"),
                        FieldPanel("schedule_start_time", widget=HalfHourTimeInput),
                        FieldPanel("schedule_end_time", widget=HalfHourTimeInput),
                    ]
                ),
                FieldPanel("schedule", widget=RecurrenceWidget),
            ],
            heading=_("Schedule"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.schedule:
            return
        if not self.schedule_starts_on:
            # Without it the rule's weeks and counts would have no fixed first day.
            raise ValidationError(
                {"schedule_starts_on": _("Enter the date from which the rule applies.")}
            )
        if not self.schedule_rule_has_dates():
            raise ValidationError(
                {"schedule": _("This rule produces no date. Check its end, count and exclusions.")}
            )

    # What a page with a rule provides to calendars and planning; page types override these.
    @property
    def plans_meetings(self):
        """Whether the rule still plans dates; groups that were merged or closed do not."""
        return True

    def schedule_format(self):
        """The format (a MeetingFormat) of the dates the rule plans; None when the page does
        not say (a working group): its calendar then names them online."""
        return None

    def schedule_venue(self):
        """Where the dates the rule plans take place (name and address lines), or ""."""
        return ""

    @classmethod
    def plans_meetings_q(cls):
        """The same as ``plans_meetings``, as a filter for a queryset of ``cls``."""
        return models.Q()

    def schedule_anchor(self):
        """The first day the rule can fall on: every count and interval starts here.

        A fixed day, never today: otherwise "every 2nd week" would change its weeks and a rule
        with a count would never end. Pages saved before the date was required fall back on
        the rule's own start or the day the page was first published; None plans nothing.
        """
        if self.schedule_starts_on:
            return self.schedule_starts_on
        if self.schedule and self.schedule.dtstart:
            return schedule.local_date(self.schedule.dtstart)
        if first_published_at := getattr(self, "first_published_at", None):
            return schedule.local_date(first_published_at)
        return None

    def schedule_rule_has_dates(self):
        starts_on = self.schedule_anchor()
        if starts_on is None or not (self.schedule.rrules or self.schedule.rdates):
            return False
        # A timedelta, not replace(year=…): 29 February has no day in most years; no further
        # than the last day there is (a rule typed to start in the year 9999).
        check_days = (datetime.date.max - starts_on).days
        last_day = starts_on + datetime.timedelta(days=min(366 * RULE_CHECK_YEARS, check_days))
        first_day = min([starts_on, *(schedule.local_date(d) for d in self.schedule.rdates)])
        return bool(schedule.rule_dates(self.schedule, starts_on, first_day, last_day))

    def schedule_plans_day(self, day):
        """Whether the rule plans a meeting on ``day`` (a date)."""
        starts_on = self.schedule_anchor()
        if not self.schedule or starts_on is None:
            return False
        return bool(schedule.rule_dates(self.schedule, starts_on, day, day))

    def schedule_occurrences(self, after, before, limit=None):
        """Dates the rule plans with start in [after, before), aware, in local time; with a
        ``limit``, no more than are needed for the first ``limit`` of them."""
        starts_on = self.schedule_anchor()
        if starts_on is None:
            return []
        return schedule.expand(
            self.schedule,
            starts_on,
            self.schedule_start_time,
            self.schedule_end_time,
            after,
            before,
            limit=limit,
        )

    @property
    def schedule_text(self):
        """The rule in words and the usual time, e.g. "monatlich, am 2. Montag, 17:00–18:30 Uhr"."""
        if not self.schedule or not self.schedule.rrules:
            return ""
        rules = "; ".join(schedule.rule_text(rule) for rule in self.schedule.rrules)
        if self.schedule_start_time and self.schedule_end_time:
            day = datetime.date(2000, 1, 1)
            return _("%(rule)s, %(start)s–%(end)s o'clock") % {
                "rule": rules,
                "start": format_time(datetime.datetime.combine(day, self.schedule_start_time)),
                "end": format_time(datetime.datetime.combine(day, self.schedule_end_time)),
            }
        return rules

    def upcoming_schedule_occurrences(self, now=None):
        """Planned dates from now to the end of the listing window (SCHEDULE_WINDOW_DAYS)."""
        now = now or timezone.now()
        window = datetime.timedelta(days=app_settings.SCHEDULE_WINDOW_DAYS)
        return self.schedule_occurrences(now, now + window)


class PlannedImpulseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speakers = blocks.ListBlock(
        SpeakerBlock(), label=pgettext_lazy("strukturwandel", "Speakers"), default=[]
    )

    class Meta:
        icon = "user"
        template = "strukturwandel_events/blocks/planned_impulse.html"
        label = _("Planned impulse")
        description = _("A short input (impulse) planned for this meeting.")


SCHEDULE_SIGNIFICANT_FIELDS = (
    "title",
    "schedule",
    "schedule_starts_on",
    "schedule_start_time",
    "schedule_end_time",
)


class MeetingParentMixin:
    """A page type that holds meeting pages (a series, a working group).

    MeetingPage may be created below every page type with this mixin, so an app above events
    adds a parent by using it rather than events naming it. The type also lists
    ``strukturwandel_events.MeetingPage`` in its ``subpage_types``.
    """


class EventSeriesPage(
    SharedRestrictionCheckMixin,
    BelowSiteRootMixin,
    RoutablePageMixin,
    CalendarSequenceMixin,
    ScheduleMixin,
    MeetingParentMixin,
    Page,
):
    """A recurring series of meetings such as the Strukturwandel-Stammtisch."""

    page_description = _(
        "A series of meetings on a rule, such as the Strukturwandel-Stammtisch. Its "
        "meetings are created below it."
    )

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the series is about ('Worum geht's?')."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("more about the series"))
    default_format = models.CharField(
        _("usual format"),
        max_length=20,
        choices=MeetingFormat.choices,
        default=MeetingFormat.ONLINE,
    )
    default_venue = models.TextField(
        _("usual venue"), blank=True, help_text=_("Name and address, when meetings are in person.")
    )
    registration_email = models.EmailField(
        _("registration e-mail"),
        blank=True,
        help_text=_(
            "Visitors register for a meeting by writing to this address, unless the meeting "
            "has a registration form. Empty: the site's contact e-mail."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("default_format"), FieldPanel("default_venue")],
            heading=_("Where meetings take place"),
        ),
        FieldPanel("registration_email"),
        *ScheduleMixin.schedule_panels,
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    subpage_types = ["strukturwandel_events.MeetingPage"]
    base_form_class = EventsPageForm
    calendar_significant_fields = (*SCHEDULE_SIGNIFICANT_FIELDS, "default_format", "default_venue")
    head_template = "strukturwandel_events/head/event_series_page.html"

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def get_context(self, request, *args, **kwargs):
        from . import listings, seams

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"], context["past"] = listings.upcoming_and_latest_past(
            request, self, schedule_page=self
        )
        context["sections"] = seams.series_page_sections(self, request)
        return context

    def schedule_format(self):
        return self.default_format

    def schedule_venue(self):
        return self.default_venue

    @property
    def calendar_url(self):
        """The subscribable feed of the series (its meetings and its rule)."""
        return route_url(self.url, self.reverse_subpage("calendar"))

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from . import calendars, listings

        meetings = listings.meeting_queryset(for_cards=False).child_of(self)
        meetings = calendars.in_feed_window(meetings).order_by("start")
        content = calendars.render(self.title, meetings, [self], request)
        return calendars.response(content, f"{self.slug}.ics")


class MeetingPage(
    RequestUrlMixin, SharedRestrictionCheckMixin, RoutablePageMixin, CalendarSequenceMixin, Page
):
    """One meeting on one date. Its date and time live here and nowhere else."""

    page_description = _(
        "One meeting on one date, with topic, impulses and registration. Belongs below a "
        "series or a working group."
    )

    is_planned_date = False
    head_template = "strukturwandel_events/head/meeting_page.html"

    # Indexed: listings and feeds pick meetings by their dates (the upcoming ones by their
    # end, the past newest first by their start), not by reading every meeting of the archive.
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    status_note = models.CharField(
        _("note on the status"),
        max_length=255,
        blank=True,
        help_text=_("e.g. the new date of a postponed meeting."),
    )
    topic = models.CharField(_("topic"), max_length=200)
    topic_fields = ParentalManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="meetings",
    )
    teaser = models.TextField(_("teaser question"), blank=True)
    impulses = StreamField(
        [("impulse", PlannedImpulseBlock())],
        blank=True,
        verbose_name=_("planned impulses"),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.ONLINE
    )
    venue = models.TextField(_("venue"), blank=True, help_text=_("Name and address."))
    call_link = models.URLField(
        _("video-call link"),
        blank=True,
        help_text=_("Private: sent only to registered participants, never shown publicly."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.IntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_method = models.CharField(
        _("registration method"),
        max_length=20,
        choices=RegistrationMethod.choices,
        default=RegistrationMethod.SITE,
        help_text=_(
            "On this site: with the site's registration form, when the site has one (else "
            "as with an external form or by e-mail)."
        ),
    )
    registration_url = models.URLField(
        _("registration form"),
        blank=True,
        help_text=_(
            "An external sign-up page, e.g. the association's form tool. Empty: visitors "
            "register by e-mail to the series' registration address."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start", widget=HalfHourDateTimeInput),
                        FieldPanel("end", widget=HalfHourDateTimeInput),
                    ]
                ),
                FieldPanel("status"),
                FieldPanel("status_note"),
            ],
            heading=pgettext_lazy("strukturwandel", "Date and status"),
        ),
        FieldPanel("topic"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("teaser"),
        FieldPanel("impulses"),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("venue"), FieldPanel("call_link")],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("capacity"),
                FieldPanel("registration_method"),
                FieldPanel("registration_url"),
                registration_provider.RegistrationSummaryPanel(),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("topic"),
        index.SearchField("teaser"),
        index.SearchField("impulses"),
        index.RelatedFields("topic_fields", [index.SearchField("name")]),
        index.FilterField("start"),
    ]

    subpage_types = []
    base_form_class = MeetingPageForm
    calendar_significant_fields = ("title", "start", "end", "status", "format", "venue", "topic")

    class Meta:
        ordering = ["start"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    @classmethod
    def clean_parent_page_models(cls):
        """Every page type that holds meetings (``MeetingParentMixin``), of any installed app."""
        return [model for model in get_page_models() if issubclass(model, MeetingParentMixin)]

    def clean(self):
        super().clean()
        errors = {}
        for name in ("start", "end", "registration_opens_at", "registration_closes_at"):
            value = getattr(self, name)
            if value is None:
                continue
            try:
                # The database keeps UTC: the first hour of the year 1 in Berlin is in year 0.
                value.astimezone(datetime.UTC)
            except OverflowError:
                errors[name] = _("This date cannot be stored. Please check the year.")
        if errors:
            raise ValidationError(errors)
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The meeting cannot end before it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes < opens:
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        elif closes and self.end and closes > self.end:
            errors["registration_closes_at"] = _(
                "Registration cannot close after the meeting has ended."
            )
        if opens and self.end and opens >= self.end:
            errors["registration_opens_at"] = _("Registration must open before the meeting ends.")
        if self.capacity is not None and self.capacity < 0:
            errors["capacity"] = _("The capacity cannot be below zero.")
        if self.registration_method == RegistrationMethod.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Enter the address of the external registration form.")
        if errors:
            raise ValidationError(errors)

    @property
    def calendar_url(self):
        """This meeting as an .ics file ("In den Kalender eintragen")."""
        return route_url(self.url, self.reverse_subpage("calendar"))

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from . import calendars

        content = calendars.render(self.title, [self], [], request)
        return calendars.response(content, f"{self.slug}.ics")

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == MeetingStatus.POSTPONED

    def is_past(self, now=None):
        return self.end <= (now or timezone.now())

    def is_done(self, now=None):
        """Cancelled, or over and not postponed: the page invites no impulses or registrations."""
        return self.is_cancelled or (self.is_past(now) and not self.is_postponed)

    def registration_state(self, now=None):
        """A RegistrationState, or None when the meeting takes no registrations (any more).

        A meeting with a capacity is full when its places are taken: ``registration_count``
        when the listing annotated it (the registration app does, through
        ``seams.MEETING_QUERYSET_HOOK``), else the registration provider's count; without
        either (or registering elsewhere) it is never full.
        """
        now = now or timezone.now()
        if self.status != MeetingStatus.PLANNED or self.is_past(now):
            return None
        opens, closes = self.registration_opens_at, self.registration_closes_at
        # Without a window registration has not been set up yet: it opens soon.
        if (opens is None and closes is None) or (opens and now < opens):
            return RegistrationState.NOT_YET_OPEN
        if now >= (closes or self.start):
            return RegistrationState.CLOSED
        if self.capacity is not None and self.places_taken() >= self.capacity:
            return RegistrationState.FULL
        return RegistrationState.OPEN

    def registration_provider(self):
        """The registration app's provider when this meeting registers on this site, or None."""
        if self.registration_method != RegistrationMethod.SITE:
            return None
        return registration_provider.get_provider()

    def places_taken(self):
        annotated = getattr(self, "registration_count", None)
        if annotated is not None:
            return annotated
        provider = self.registration_provider()
        return provider.confirmed_count(self) if provider else 0

    @property
    def series_registration_email(self):
        """The registration e-mail of the series above, "" below anything else.

        Listings annotate it (``listings.meeting_queryset``); a meeting loaded on its own asks
        once.
        """
        if not hasattr(self, "_series_registration_email"):
            emails = EventSeriesPage.objects.parent_of(self)
            self._series_registration_email = (
                emails.values_list("registration_email", flat=True).first() or ""
            )
        return self._series_registration_email

    @series_registration_email.setter
    def series_registration_email(self, value):
        # The listing annotation sets it; None when the parent is no series.
        self._series_registration_email = value or ""

    def registration(self, request=None, now=None):
        """A Registration: the meeting's form, else the series' registration e-mail, else the
        site's contact e-mail (from ``request``'s site settings, cached per request)."""
        state = self.registration_state(now)
        if state is None:
            return Registration(state)
        if self.registration_provider() is not None:
            return Registration(state, on_site=True)
        if self.registration_url and self.registration_method != RegistrationMethod.EMAIL:
            return Registration(state, form_url=self.registration_url)
        email = self.series_registration_email
        if not email and request is not None:
            email = SiteSettings.for_request(request).contact_email
        if not email:
            return Registration(state)
        values = {"date": format_day(self.start), "topic": self.topic}
        if state == RegistrationState.FULL:
            subject = _("Waiting list for the meeting on %(date)s: %(topic)s") % values
        else:
            subject = _("Registration for the meeting on %(date)s: %(topic)s") % values
        # quote, not quote_plus: mail programs show a "+" as it is.
        query = urlencode({"subject": subject}, quote_via=quote)
        return Registration(state, email=email, mailto=f"mailto:{email}?{query}")


class RecurringMeetingPage(
    SharedRestrictionCheckMixin,
    BelowSiteRootMixin,
    RoutablePageMixin,
    CalendarSequenceMixin,
    ScheduleMixin,
    Page,
):
    """Meetings on a rule shown as one page, e.g. a group meeting every 2nd Monday."""

    page_description = _(
        "Regular meetings shown as one page with their rule, e.g. a group meeting every 2nd Monday."
    )

    is_recurring_meeting = True
    head_template = "strukturwandel_events/head/recurring_meeting_page.html"

    topic = models.CharField(_("topic"), max_length=200, blank=True)
    teaser = models.TextField(_("teaser question"), blank=True)
    topic_fields = ParentalManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="recurring_meetings",
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    venue = models.TextField(
        _("venue"), blank=True, help_text=_("Name and address, or where the meetings move around.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("more about the meetings"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("teaser"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        *ScheduleMixin.schedule_panels,
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("venue"), FieldPanel("contact_email")],
            heading=_("Place"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("topic"),
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.RelatedFields("topic_fields", [index.SearchField("name")]),
    ]
    subpage_types = []
    base_form_class = EventsPageForm
    calendar_significant_fields = (*SCHEDULE_SIGNIFICANT_FIELDS, "format", "venue")

    class Meta:
        verbose_name = _("recurring meeting")
        verbose_name_plural = _("recurring meetings")

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        # No meeting pages below a recurring meeting: no day is taken.
        context["upcoming"] = listings.planned_dates(
            self, taken_days=set(), limit=app_settings.PLANNED_DATES_LISTED
        )
        return context

    def schedule_format(self):
        return self.format

    def schedule_venue(self):
        return self.venue

    @property
    def calendar_url(self):
        """The rule as a subscribable calendar."""
        return route_url(self.url, self.reverse_subpage("calendar"))

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from . import calendars

        content = calendars.render(self.title, [], [self], request)
        return calendars.response(content, f"{self.slug}.ics")
