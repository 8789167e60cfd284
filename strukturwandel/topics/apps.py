from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "strukturwandel.topics"
    label = "strukturwandel_topics"
    verbose_name = _("Strukturwandel: topic fields")
    default_auto_field = "django.db.models.BigAutoField"
