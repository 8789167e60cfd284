from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentationConfig(AppConfig):
    name = "strukturwandel.documentation"
    label = "strukturwandel_documentation"
    verbose_name = _("Strukturwandel: documentation and reports")
    default_auto_field = "django.db.models.BigAutoField"
