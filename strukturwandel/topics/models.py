from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from strukturwandel.core.cache import kept_until_changed
from strukturwandel.core.models import BelowSiteRootMixin
from strukturwandel.core.pages import (
    SharedRestrictionCheckMixin,
    first_in_site,
    in_site,
    is_public,
    private_q,
    route_url,
)


class NameFieldPanel(TitleFieldPanel):
    """A name that fills in the slug (Wagtail's title-to-slug sync) while the record is new;
    afterwards renaming it leaves its web address alone."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return self.instance is None or self.instance.pk is None


class TopicField(index.Indexed, Orderable):
    """A broad theme (Themenfeld) that meetings, reports and working groups are tagged with."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        pgettext_lazy("strukturwandel", "slug"),
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text=_("The last part of the topic's web address, e.g. 'klimaschutz-energiewende'."),
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture or icon shown next to the topic field."),
    )

    panels = [
        NameFieldPanel("name", placeholder=False),
        # ASCII only, as the field allows (Wagtail's widget follows WAGTAIL_ALLOW_UNICODE_SLUGS).
        FieldPanel("slug", widget=SlugInput(attrs={"data-w-slug-allow-unicode-value": "false"})),
        FieldPanel("description"),
        FieldPanel("image"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("topic field")
        verbose_name_plural = _("topic fields")

    def __str__(self):
        return self.name

    def get_url(self, request=None):
        """The topic's page on the topic-field index of ``request``'s site (without a request:
        the default site's), or "" when that site has none.

        Prefer this with the request (or ``{% topic_url %}``/``{% topic_links %}``): the index
        is then looked up once per request, not once per topic.
        """
        index_page = TopicFieldIndexPage.for_request(request)
        if index_page is None:
            return ""
        return index_page.topic_url(self, request)

    @cached_property
    def url(self):
        """``get_url()`` without a request: the default site's topic page, looked up once per
        topic object. In templates and loops use ``{% topic_url topic %}``."""
        return self.get_url()


class TopicFieldIndexPage(SharedRestrictionCheckMixin, BelowSiteRootMixin, RoutablePageMixin, Page):
    """Every topic field at a glance, and one page per topic field below it.

    Topic fields are snippets, managed once in the admin; their pages are routes of this page
    (``/themenfelder/<slug>/``), so there is nothing to keep in sync.
    """

    page_description = _(
        "The overview of all topic fields, with one page per topic field. One per site."
    )

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    suggestion_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page for topic suggestions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where the 'Suggest a topic' link leads, e.g. a suggestion form. "
            "Without a page the link is not shown."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("suggestion_page")], heading=_("Suggestions")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    subpage_types = []
    head_template = "strukturwandel_topics/head/topic_field_index_page.html"

    class Meta:
        verbose_name = _("topic field index")
        verbose_name_plural = _("topic field indexes")

    @classmethod
    def can_create_at(cls, parent):
        """One index per site: not where the parent's site has one already."""
        if not super().can_create_at(parent):
            return False
        site = parent.get_site()
        pages = cls.objects.all()
        return not (in_site(pages, site) if site else pages.descendant_of(parent)).exists()

    @classmethod
    def for_site(cls, site, request=None):
        """The topic-field index in ``site``'s tree that anyone may open, or None (links to
        topic pages would otherwise lead to a login). Read once per change of the content
        (kept in the shared cache): every topic link on every page starts from it."""
        if site is None:
            return None

        def find():
            index_page = first_in_site(cls.objects.live(), site)
            return index_page if is_public(index_page, request) else None

        return kept_until_changed("topic-index", find, site.pk)

    @classmethod
    def for_request(cls, request=None):
        """The live topic-field index of the request's site, looked up once per request.

        Without a request: the default site's.
        """
        if request is not None and hasattr(request, "_strukturwandel_topic_index"):
            return request._strukturwandel_topic_index
        if request is None:
            site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        else:
            site = Site.find_for_request(request)
        index_page = cls.for_site(site, request)
        if request is not None:
            request._strukturwandel_topic_index = index_page
        return index_page

    def get_sitemap_urls(self, request=None):
        """The index page and every topic page below it."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        for topic in TopicField.objects.all():
            path = self.reverse_subpage("topic", kwargs={"slug": topic.slug})
            urls.append({"location": route_url(base, path), "lastmod": self.last_published_at})
        return urls

    def topic_url(self, topic, request=None):
        """The topic's page below this index, or "" when the index has no URL (e.g. it is
        outside every site). The index's own URL is worked out once per request: lists link
        every topic."""
        memo = getattr(self, "_url_for_request", None)
        if memo is None or memo[0] is not request:
            memo = self._url_for_request = (request, self.get_url(request))
        base = memo[1]
        if base is None:
            return ""
        return route_url(base, self.reverse_subpage("topic", kwargs={"slug": topic.slug}))

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        request._strukturwandel_topic_index = self
        context["suggestion_page"] = self.public_suggestion_page(request)
        # Lazy: the topic pages are routes of this page and do not list every topic.
        context["topic_fields"] = SimpleLazyObject(
            lambda: listings.topic_index(Site.find_for_request(request), private=private_q(request))
        )
        return context

    def public_suggestion_page(self, request=None):
        """The suggestion page when anyone may open it (live, not view-restricted), else None:
        read once per change of the content, as the index and its topics show it."""
        if not self.suggestion_page_id:
            return None
        page = kept_until_changed(
            "topic-index-suggestion-page",
            lambda: Page.objects.filter(pk=self.suggestion_page_id).first(),
            self.suggestion_page_id,
        )
        return page if is_public(page, request) else None

    @path("<slug:slug>/", name="topic")
    def topic_view(self, request, slug):
        from . import seams

        topic = get_object_or_404(TopicField.objects.select_related("image"), slug=slug)
        request._strukturwandel_topic_index = self
        return self.render(
            request,
            template="strukturwandel_topics/topic_field_page.html",
            context_overrides={
                "topic": topic,
                "sections": seams.page_sections(
                    topic,
                    request=request,
                    site=Site.find_for_request(request),
                    private=private_q(request),
                ),
            },
        )
