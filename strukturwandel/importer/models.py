"""What an import created besides pages, so editors can find and check it.

People and organisations have no draft state; a record the importer creates is listed here
with the page it was made for, and its edit view says so (see wagtail_hooks.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CreatedRecord(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        "strukturwandel_people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "strukturwandel_people.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(
        pgettext_lazy("strukturwandel", "created at"), auto_now_add=True
    )

    class Meta:
        verbose_name = _("record created by an import")
        verbose_name_plural = _("records created by imports")

    def changes_public_content(self):
        """The import's own bookkeeping: never shown (``strukturwandel.core.signals``)."""
        return False
