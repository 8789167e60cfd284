from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "strukturwandel.registration"
    label = "strukturwandel_registration"
    verbose_name = _("Strukturwandel: registration")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
