from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "strukturwandel.participation"
    label = "strukturwandel_participation"
    verbose_name = _("Strukturwandel: participation")
    default_auto_field = "django.db.models.BigAutoField"
