"""What visitors hand in (topic suggestions, impulse offers, business cards), the e-mails
about it, and the page types that offer the forms and the directory of business cards."""

import secrets

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from strukturwandel.core.forms import validate_single_line
from strukturwandel.core.mail import StoredMail
from strukturwandel.core.models import BelowSiteRootMixin, RemembersLoadedStatus
from strukturwandel.core.pages import SharedRestrictionCheckMixin, route_url
from strukturwandel.people.models import Region


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("participation status", "New")
    ACCEPTED = "accepted", pgettext_lazy("participation status", "Accepted")
    PLANNED = "planned", pgettext_lazy("participation status", "Planned")
    DECLINED = "declined", pgettext_lazy("participation status", "Declined")
    PUBLISHED = "published", pgettext_lazy("participation status", "Published")


# What editors may set, per kind of entry.
PROPOSAL_STATUSES = [Status.NEW, Status.ACCEPTED, Status.PLANNED, Status.DECLINED]
CARD_STATUSES = [Status.NEW, Status.PUBLISHED, Status.DECLINED]

# Proposals shown publicly (without personal data): accepted, or taken up by a meeting.
SHOWN_PROPOSAL_STATUSES = [Status.ACCEPTED, Status.PLANNED]


def choices(statuses):
    return [(status.value, status.label) for status in statuses]


# The districts (Landkreise) and district-free cities (kreisfreie Städte) of the
# Mitteldeutsches Revier as the Investitionsgesetz Kohleregionen (InvKG, § 2) names them,
# by state, plus everywhere else. The values are people.Region's, so a card's region and an
# organisation's match.
REVIER_REGIONS = [
    (
        _("Saxony"),
        [Region.LEIPZIG_CITY, Region.LEIPZIG_DISTRICT, Region.NORDSACHSEN],
    ),
    (
        _("Saxony-Anhalt"),
        [
            Region.HALLE,
            Region.ANHALT_BITTERFELD,
            Region.BURGENLANDKREIS,
            Region.MANSFELD_SUEDHARZ,
            Region.SAALEKREIS,
        ],
    ),
    (_("Thuringia"), [Region.ALTENBURGER_LAND]),
]
ELSEWHERE = "anderswo"
REGION_CHOICES = [
    *((state, choices(regions)) for state, regions in REVIER_REGIONS),
    (ELSEWHERE, _("Elsewhere")),
]


def new_token_key():
    return secrets.token_urlsafe(12)


class Entry(RemembersLoadedStatus):
    """What the three kinds of entries share: moderation status, internal note, e-mails."""

    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    internal_note = models.TextField(
        _("internal note"), blank=True, help_text=_("Only editors see this.")
    )
    mails = GenericRelation("strukturwandel_participation.ParticipationMail")
    # The page the form was sent on: the links in e-mails lead back there.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    # The statuses in which visitors see an entry.
    shown_statuses = ()

    def save(self, *args, **kwargs):
        if self.pk and getattr(self, "loaded_status", self.status) != self.status:
            self.status_changed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "status_changed_at"}
        super().save(*args, **kwargs)

    def changes_public_content(self):
        """Only a change of an entry visitors see, or saw before it, changes a public page
        (``strukturwandel.core.signals``): not a new entry awaiting moderation."""
        return self.status_was_or_is(self.shown_statuses)


class Proposal(Entry):
    """A topic suggestion or an impulse offer: accepted, then planned on a meeting."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(PROPOSAL_STATUSES),
        default=Status.NEW,
        db_index=True,
    )
    shown_statuses = SHOWN_PROPOSAL_STATUSES

    class Meta(Entry.Meta):
        abstract = True


class TopicSuggestion(Proposal):
    title = models.CharField(_("topic"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=2000)
    topic_field = models.ForeignKey(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), max_length=254, blank=True)
    meeting = models.ForeignKey(
        "strukturwandel_events.MeetingPage",
        verbose_name=_("taken up by the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="taken_up_suggestions",
    )

    panels = [
        FieldPanel("status"),
        FieldPanel("meeting"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("topic_field"),
        FieldPanel("internal_note"),
    ]

    class Meta(Proposal.Meta):
        verbose_name = _("topic suggestion")
        verbose_name_plural = _("topic suggestions")
        permissions = [
            ("moderate_participation", _("Can moderate suggestions, offers and business cards"))
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.status == Status.PLANNED and self.meeting_id is None:
            raise ValidationError(
                {"meeting": _("Choose the meeting that takes the suggestion up.")}
            )


class ImpulseOffer(Proposal):
    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_single_line]
    )
    email = models.EmailField(_("e-mail address"), max_length=254)
    project = models.CharField(
        _("project or initiative"), max_length=200, validators=[validate_single_line]
    )
    description = models.TextField(_("short description"), max_length=2000)
    topic_field = models.ForeignKey(
        "strukturwandel_topics.TopicField",
        verbose_name=_("preferred topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    preferred_meeting = models.ForeignKey(
        "strukturwandel_events.MeetingPage",
        verbose_name=_("preferred meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting = models.ForeignKey(
        "strukturwandel_events.MeetingPage",
        verbose_name=_("planned at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impulse_offers",
    )
    person = models.ForeignKey(
        "strukturwandel_people.Person",
        verbose_name=_("person record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("status"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("project"),
        FieldPanel("description"),
        FieldPanel("topic_field"),
        FieldPanel("preferred_meeting"),
        FieldPanel("internal_note"),
    ]

    class Meta(Proposal.Meta):
        verbose_name = _("impulse offer")
        verbose_name_plural = _("impulse offers")

    def __str__(self):
        return self.project

    def clean(self):
        super().clean()
        if self.status == Status.PLANNED and self.meeting_id is None:
            raise ValidationError(
                {"status": _("Plan the impulse on a meeting with “Plan as an impulse”.")}
            )


# What the owner fills in and may change (forms, the admin's views, the export).
CARD_FIELDS = (
    "name",
    "organisation",
    "region",
    "topic_fields",
    "offers",
    "looks_for",
    "website",
    "public_contact",
)


class BusinessCard(Entry):
    """A digital business card (Visitenkarte): public once its owner confirmed the address
    and an editor published it; the owner edits or deletes it with a private link."""

    name = models.CharField(
        _("person or initiative"), max_length=200, validators=[validate_single_line]
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_single_line]
    )
    region = models.CharField(_("region"), max_length=40, choices=REGION_CHOICES)
    topic_fields = models.ManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="business_cards",
    )
    offers = models.TextField(_("what I offer"), max_length=1000, blank=True)
    looks_for = models.TextField(_("what I am looking for"), max_length=1000, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    public_contact = models.CharField(
        _("public contact"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Shown in the directory; leave it empty to show no contact."),
    )
    # Private: the confirmation and the owner's links go here; never shown.
    email = models.EmailField(_("e-mail address"), max_length=254)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(CARD_STATUSES),
        default=Status.NEW,
        db_index=True,
    )
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    shown_statuses = (Status.PUBLISHED,)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    # Part of every link sent; a new one retires the old links (after deleting, say).
    token_key = models.CharField(max_length=32, default=new_token_key, editable=False)

    panels = [
        FieldPanel("status"),
        *(FieldPanel(name) for name in CARD_FIELDS),
        FieldPanel("internal_note"),
    ]

    class Meta(Entry.Meta):
        verbose_name = _("business card")
        verbose_name_plural = _("business cards")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED and self.confirmed_at is None:
            raise ValidationError(
                {"status": _("The owner has not confirmed the e-mail address yet.")}
            )

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and self.confirmed_at is not None


class MailKind(models.TextChoices):
    RECEIVED = "received", _("Receipt")
    CARD_CONFIRM = "card_confirm", _("Please confirm the business card")
    CARD_LINK = "card_link", _("Link to the business card")
    NEW_ENTRY = "new_entry", _("New entry (to editors)")


class ParticipationMail(StoredMail):
    """One e-mail about one entry (core.mail), deleted with the entry."""

    kind = models.CharField(_("kind"), max_length=30, choices=MailKind.choices)
    to = models.EmailField(_("to"), max_length=254)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("participation e-mail")
        verbose_name_plural = _("participation e-mails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self):
        return self.get_kind_display()


class ParticipationPage(SharedRestrictionCheckMixin, BelowSiteRootMixin, RoutablePageMixin, Page):
    """A page with one of the public forms (``views.form_view``): its introduction above the
    form, and its thanks once the form has been sent."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    thanks = RichTextField(
        _("text after sending"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown once the form has been sent; empty: a short thank-you."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thanks")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = []
    # Kind of entry the form stores (views.FORMS).
    entry_kind = ""

    class Meta:
        abstract = True

    def form_url(self, request=None):
        """Where the page's form is, which each concrete page type says: the page itself
        (FormRoutesMixin) or the directory's ``eintragen/`` route."""
        raise NotImplementedError(f"{type(self).__name__} does not say where its form is")


class FormRoutesMixin:
    """The form at the page's own address, its thanks at ``gesendet/``."""

    @path("", name="form")
    def form_route(self, request):
        from . import views

        return views.form_view(request, self)

    @path("gesendet/", name="sent")
    def sent_route(self, request):
        from . import views

        return views.sent_view(request, self)

    def form_url(self, request=None):
        return self.get_url(request) or ""


class TopicSuggestionPage(FormRoutesMixin, ParticipationPage):
    """Topic suggestions ("Themensammlung"): the form, and the suggestions accepted so far."""

    page_description = _(
        "A form for visitors to suggest topics for the meetings, with the suggestions "
        "accepted so far."
    )
    entry_kind = "suggestion"
    template = "strukturwandel_participation/topic_suggestion_page.html"

    class Meta:
        verbose_name = _("topic suggestion page")
        verbose_name_plural = _("topic suggestion pages")


class ImpulseOfferPage(FormRoutesMixin, ParticipationPage):
    """Offers to present a project or initiative at a meeting ("Selbst etwas vorstellen")."""

    page_description = _(
        "A form for visitors who offer to present a project or initiative at a meeting."
    )
    entry_kind = "offer"
    template = "strukturwandel_participation/impulse_offer_page.html"

    class Meta:
        verbose_name = _("impulse offer page")
        verbose_name_plural = _("impulse offer pages")


class BusinessCardDirectoryPage(ParticipationPage):
    """The published business cards, filtered and searched, and the form for a new one
    (``eintragen/``) with its confirmation and owner links."""

    page_description = _(
        "A directory of business cards of engaged people and initiatives, with the form for "
        "a new card."
    )
    entry_kind = "card"
    template = "strukturwandel_participation/business_card_directory_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("form_intro"), FieldPanel("thanks")], heading=_("Form")),
    ]
    form_intro = RichTextField(
        _("introduction to the form"), blank=True, features=["bold", "italic", "link"]
    )

    class Meta:
        verbose_name = _("business card directory")
        verbose_name_plural = _("business card directories")

    @path("", name="directory")
    def directory_route(self, request):
        from . import views

        return views.directory_view(request, self)

    @path("eintragen/", name="form")
    def form_route(self, request):
        from . import views

        return views.form_view(request, self)

    @path("eintragen/gesendet/", name="sent")
    def sent_route(self, request):
        from . import views

        return views.sent_view(request, self)

    # The signed token comes as ?t=: Wagtail's page paths allow no ":" or ".".
    @path("bestaetigen/", name="confirm")
    def confirm_route(self, request):
        from . import views

        return views.confirm_card_view(request, self, request.GET.get("t", ""))

    @path("karte/", name="owner")
    def owner_route(self, request):
        from . import views

        return views.owner_view(request, self, request.GET.get("t", ""))

    def form_url(self, request=None):
        base = self.get_url(request)
        return route_url(base, self.reverse_subpage("form")) if base else ""
