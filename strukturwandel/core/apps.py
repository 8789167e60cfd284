from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "strukturwandel.core"
    label = "strukturwandel_core"
    verbose_name = _("Strukturwandel: basics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import cache, signals

        signals.connect()
        checks.register(cache.page_cache_is_shared, checks.Tags.caches, deploy=True)
