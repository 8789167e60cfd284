from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "strukturwandel.importer"
    label = "strukturwandel_importer"
    verbose_name = _("Strukturwandel: report import")
    default_auto_field = "django.db.models.BigAutoField"
