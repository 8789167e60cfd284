"""People and organisations, entered once and linked from impulses, groups and reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .panels import ORGANISATION_HOOK, PERSON_HOOK, AppearancesPanel


class Region(models.TextChoices):
    """Districts (Landkreise and cities) of the Mitteldeutsches Revier."""

    LEIPZIG_CITY = "leipzig", _("Leipzig (city)")
    LEIPZIG_DISTRICT = "landkreis-leipzig", _("Leipzig district")
    NORDSACHSEN = "nordsachsen", _("Nordsachsen")
    HALLE = "halle", _("Halle (Saale)")
    SAALEKREIS = "saalekreis", _("Saalekreis")
    BURGENLANDKREIS = "burgenlandkreis", _("Burgenlandkreis")
    MANSFELD_SUEDHARZ = "mansfeld-suedharz", _("Mansfeld-Südharz")
    ANHALT_BITTERFELD = "anhalt-bitterfeld", _("Anhalt-Bitterfeld")
    ALTENBURGER_LAND = "altenburger-land", _("Altenburger Land")
    SAXONY = "sachsen", _("Saxony (state-wide)")
    SAXONY_ANHALT = "sachsen-anhalt", _("Saxony-Anhalt (state-wide)")
    NATIONWIDE = "bundesweit", _("Nationwide")


class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("e.g. 'AkSLL'")
    )
    website = models.URLField(_("website"), blank=True)
    region = models.CharField(_("region"), max_length=40, choices=Region.choices, blank=True)
    is_alliance_partner = models.BooleanField(_("alliance partner"), default=False)
    description = models.TextField(_("short description"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("website"),
        FieldPanel("region"),
        FieldPanel("is_alliance_partner"),
        FieldPanel("description"),
        FieldPanel("logo"),
        AppearancesPanel(ORGANISATION_HOOK, heading=_("Appears in")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.FilterField("is_alliance_partner"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Person(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_is_public = models.BooleanField(
        _("show contact details publicly"),
        default=False,
        help_text=_("Only when this is ticked are e-mail and phone shown on the public site."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("contact_is_public")],
            heading=_("Contact"),
        ),
        AppearancesPanel(PERSON_HOOK, heading=_("Appears in")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        if self.organisation_id:
            return f"{self.name} ({self.organisation})"
        return self.name

    @property
    def public_email(self):
        return self.email if self.contact_is_public else ""

    @property
    def public_phone(self):
        return self.phone if self.contact_is_public else ""
