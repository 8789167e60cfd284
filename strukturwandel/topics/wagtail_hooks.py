from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TopicField


class TopicFieldViewSet(SnippetViewSet):
    model = TopicField
    icon = "tag"
    menu_label = _("Topic fields")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicFieldViewSet)
