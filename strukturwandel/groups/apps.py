from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "strukturwandel.groups"
    label = "strukturwandel_groups"
    verbose_name = _("Strukturwandel: working groups")
    default_auto_field = "django.db.models.BigAutoField"
