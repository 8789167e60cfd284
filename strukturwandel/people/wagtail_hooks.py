from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation", "contact_is_public"]
    list_filter = ["organisation", "contact_is_public"]
    search_fields = ["name", "role"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "region", "is_alliance_partner"]
    list_filter = ["region", "is_alliance_partner"]
    search_fields = ["name", "short_name"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, OrganisationViewSet)
    menu_icon = "group"
    menu_label = _("People & organisations")
    menu_order = 220


register_snippet(PeopleViewSetGroup)
