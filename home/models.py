from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from strukturwandel.core.blocks import BaseStreamBlock
from strukturwandel.core.pages import SharedRestrictionCheckMixin
from strukturwandel.events import listings


class HomePage(SharedRestrictionCheckMixin, Page):
    """The demo site's start page: who we are and where to go next."""

    page_description = _("The start page of the site.")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    NEXT_MEETINGS_COUNT = 3
    head_template = "home/head/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        upcoming = listings.upcoming_meetings(listings.descendant_meetings(self))
        context["next_meetings"] = upcoming[: self.NEXT_MEETINGS_COUNT]
        return context
