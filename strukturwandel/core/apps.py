from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "strukturwandel.core"
    label = "strukturwandel_core"
    verbose_name = _("Strukturwandel: basics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from .forms import validate_single_line

        # Every single-line text the Wagtail admin edits (page titles, snippet names, the
        # apps' CharFields) refuses line breaks at the form, with the message at the field.
        register_form_field_override(
            models.CharField, override={"validators": [validate_single_line]}
        )
