from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from strukturwandel.documentation.models import DocumentationIndexPage
from strukturwandel.people.panels import ORGANISATION_HOOK, PERSON_HOOK, Appearances

from .models import CreatedRecord
from .views import ImportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "strukturwandel/import/<int:page_id>/",
            ImportView.as_view(),
            name="strukturwandel_importer_import",
        )
    ]


class ImportMenuItem(PageMenuItem):
    label = _("Import")
    icon_name = "upload"
    priority = 15

    def is_shown(self, user):
        page_class = self.page.specific_class  # None for a page type no longer installed
        return (
            page_class is not None
            and issubclass(page_class, DocumentationIndexPage)
            and (self.page.permissions_for_user(user).can_add_subpage())
        )

    @property
    def url(self):
        return reverse("strukturwandel_importer_import", args=[self.page.id])


@hooks.register("register_page_header_buttons")
def import_header_button(page, user, view_name, next_url=None):
    yield ImportMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def import_listing_button(page, user, next_url=None):
    yield ImportMenuItem(page=page)


def _created_for(**record):
    page_ids = CreatedRecord.objects.filter(**record).values_list("page_id", flat=True)
    return list(Page.objects.filter(pk__in=page_ids).order_by("title"))


@hooks.register(PERSON_HOOK)
def created_person(person):
    return Appearances(_("Created by importing (please check)"), _created_for(person=person))


@hooks.register(ORGANISATION_HOOK)
def created_organisation(organisation):
    return Appearances(
        _("Created by importing (please check)"), _created_for(organisation=organisation)
    )
