from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .cache import kept_until_changed
from .pages import SharedRestrictionCheckMixin


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=[
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("instagram", "Instagram"),
            ("facebook", "Facebook"),
            ("linkedin", "LinkedIn"),
            ("youtube", "YouTube"),
            ("other", _("Other")),
        ],
    )
    label = blocks.CharBlock(label=_("Link text"), max_length=100)
    url = blocks.URLBlock(label=_("Address (URL)"))

    class Meta:
        icon = "link-external"
        label = _("Social media link")
        description = _("A profile of the organisation on a social network, shown in the footer.")


@register_setting(icon="home")
class SiteSettings(BaseSiteSetting):
    """What every page footer shows: who runs the site, how to reach them, who funds it."""

    organisation_name = models.CharField(_("organisation name"), max_length=200, default="")
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("One line per line of the address.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    newsletter_url = models.URLField(_("newsletter sign-up link"), blank=True)
    newsletter_text = models.CharField(
        _("newsletter invitation"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty for a general invitation to subscribe."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social media links")
    )
    funding_notice = RichTextField(
        _("funding notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown in every page footer, as the funding body requires."),
    )
    funding_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funding logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for sharing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page is shared on social media or in a messenger (Open Graph), "
            "unless the page has an image of its own. Best at least 1200 × 630 pixels."
        ),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imprint page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["funding_logo", "share_image", "imprint_page", "privacy_page"]

    @classmethod
    def for_site(cls, site):
        """Every page shows them: read once per change of the content (saving them replaces
        the content version), not once per request."""
        if site is None:
            return super().for_site(site)
        return kept_until_changed(
            "site-settings", lambda: super(SiteSettings, cls).for_site(site), site.pk
        )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("address"), FieldPanel("contact_email")],
            heading=_("Address and contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("newsletter_url"), FieldPanel("newsletter_text")],
            heading=_("Newsletter"),
        ),
        FieldPanel("social_links"),
        FieldPanel("share_image"),
        MultiFieldPanel(
            [FieldPanel("funding_notice"), FieldPanel("funding_logo")],
            heading=_("Funding"),
        ),
        MultiFieldPanel(
            [FieldPanel("imprint_page"), FieldPanel("privacy_page")],
            heading=_("Legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @property
    def address_lines(self):
        return non_empty_lines(self.address)


def non_empty_lines(text):
    """The non-empty lines of a text field, stripped; CRLF from a textarea or LF alike."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class RemembersLoadedStatus(models.Model):
    """Keeps the ``status`` an instance was read or last saved with (``loaded_status``; not
    set on a new instance, nor when the status was deferred), so that saving can tell a
    status change. Receivers of ``post_save`` still see the status before the save there."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.loaded_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        # kwargs: what newer Django passes (fetch_mode on Django 6.1).
        instance = super().from_db(db, field_names, values, **kwargs)
        # From the row only: a deferred status is not fetched for it.
        if "status" in instance.__dict__:
            instance.loaded_status = instance.status
        return instance

    def status_was_or_is(self, statuses):
        """Whether the status read (or last saved) or the current one is in ``statuses``."""
        return getattr(self, "loaded_status", None) in statuses or self.status in statuses


class BelowSiteRootMixin:
    """For page types a host places freely (sections, general pages): anywhere but the tree root.

    The package cannot name the host's home page type in ``parent_page_types``, so these types
    leave it open and the host's own ``subpage_types`` decide; only the tree root, where a page
    belongs to no site, is ruled out. Our leaf types keep them out with explicit
    ``subpage_types``.
    """

    @classmethod
    def can_exist_under(cls, parent):
        # Also checked when a page is moved.
        return parent.depth > 1 and super().can_exist_under(parent)


class ContentPage(SharedRestrictionCheckMixin, BelowSiteRootMixin, Page):
    """A general page: project descriptions, background texts, contact pages.

    Its ``subpage_types`` stay open: below a content page go further content pages, the
    package's sections and the host's own page types; the package's leaf types (meetings,
    documentation, groups) are kept out by their ``parent_page_types``.
    """

    page_description = _(
        "A general page: a project description, a background text, a contact page."
    )

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown above the text.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    template = "strukturwandel_core/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
