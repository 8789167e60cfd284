from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "strukturwandel.events"
    label = "strukturwandel_events"
    verbose_name = _("Strukturwandel: events")
    default_auto_field = "django.db.models.BigAutoField"
