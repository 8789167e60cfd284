from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "strukturwandel.people"
    label = "strukturwandel_people"
    verbose_name = _("Strukturwandel: people and organisations")
    default_auto_field = "django.db.models.BigAutoField"
