from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "strukturwandel.core"
    label = "strukturwandel_core"
    verbose_name = _("Strukturwandel: basics")
    default_auto_field = "django.db.models.BigAutoField"
    # This module holds a second config (RecurrenceConfig): say which one the app uses.
    default = True

    def ready(self):
        from django.core import checks as django_checks
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from . import (
            cache,
            checks,  # noqa: F401  (registers the system checks)
            search_backend,
            signals,
        )
        from .forms import validate_single_line

        signals.connect()
        search_backend.connect()
        django_checks.register(cache.page_cache_is_shared, django_checks.Tags.caches, deploy=True)

        # Every single-line text the Wagtail admin edits (page titles, snippet names, the
        # apps' CharFields) refuses line breaks at the form, with the message at the field.
        register_form_field_override(
            models.CharField, override={"validators": [validate_single_line]}
        )


class RecurrenceConfig(AppConfig):
    """django-recurrence with the primary keys its migrations create.

    Its migrations (0002) make BigAutoField ids, but it ships no AppConfig, so its models take
    the site's DEFAULT_AUTO_FIELD: a site left at Django 5.2's AutoField gets models.W042 on
    every command and a migration that ``makemigrations`` wants to write into site-packages.
    A site lists this config in INSTALLED_APPS instead of "recurrence"; its own models keep
    whatever DEFAULT_AUTO_FIELD they have.
    """

    name = "recurrence"
    default_auto_field = "django.db.models.BigAutoField"
