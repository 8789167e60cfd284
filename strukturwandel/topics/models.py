from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from strukturwandel.core.models import BelowSiteRootMixin


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
        FieldPanel("name"),
        FieldPanel("slug"),
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
        """The topic's public page on the topic-field index, or "" when the site has none."""
        index_page = TopicFieldIndexPage.for_request(request)
        if index_page is None:
            return ""
        return index_page.topic_url(self, request)

    @property
    def url(self):
        return self.get_url()


class TopicFieldIndexPage(BelowSiteRootMixin, RoutablePageMixin, Page):
    """Every topic field at a glance, and one page per topic field below it.

    Topic fields are snippets, managed once in the admin; their pages are routes of this page
    (``/themenfelder/<slug>/``), so there is nothing to keep in sync.
    """

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

    max_count = 1
    subpage_types = []

    class Meta:
        verbose_name = _("topic field index")
        verbose_name_plural = _("topic field indexes")

    @classmethod
    def for_request(cls, request=None):
        """The site's live topic-field index, looked up once per request."""
        if request is not None and hasattr(request, "_strukturwandel_topic_index"):
            return request._strukturwandel_topic_index
        index_page = cls.objects.live().first()
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
            urls.append({"location": base + path, "lastmod": self.last_published_at})
        return urls

    def topic_url(self, topic, request=None):
        return self.get_url(request) + self.reverse_subpage("topic", kwargs={"slug": topic.slug})

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        request._strukturwandel_topic_index = self
        context["suggestion_page"] = self.live_suggestion_page()
        # Lazy: the topic pages are routes of this page and do not list every topic.
        context["topic_fields"] = SimpleLazyObject(listings.topic_index)
        return context

    def live_suggestion_page(self):
        page = self.suggestion_page
        return page if page is not None and page.live else None

    @path("<slug:slug>/", name="topic")
    def topic_view(self, request, slug):
        from strukturwandel.events.listings import paginate

        from . import listings

        topic = get_object_or_404(TopicField.objects.select_related("image"), slug=slug)
        request._strukturwandel_topic_index = self
        private = listings.private_pages()
        return self.render(
            request,
            template="strukturwandel_topics/topic_field_page.html",
            context_overrides={
                "topic": topic,
                "upcoming_meetings": listings.upcoming_meetings(topic),
                "past_meetings": paginate(request, listings.past_meetings(topic)),
                "recurring_meetings": listings.recurring_meetings(topic, private),
                "working_groups": listings.working_groups(topic, private),
            },
        )
