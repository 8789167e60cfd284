"""django-recurrence's rule editor, made to work inside Wagtail's page editor.

The stock widget loads Django admin's own jQuery before Wagtail's scripts, which breaks
Wagtail's date pickers on the same page, and never finds a JavaScript catalogue, so its
labels stay English. This widget loads no jQuery at all (the rule editor does not need it,
only the stock start-up script did), starts the editor with a small script of its own and
loads the German catalogue from a URL in Wagtail's admin (see wagtail_hooks.py).
"""

from django import forms
from django.urls import reverse
from recurrence.forms import RecurrenceWidget as StockRecurrenceWidget
from wagtail.admin.widgets import AdminDateTimeInput, AdminTimeInput


class RecurrenceWidget(StockRecurrenceWidget):
    @property
    def media(self):
        return forms.Media(
            js=[
                reverse("strukturwandel_events_recurrence_catalog"),
                "recurrence/js/recurrence.js",
                "recurrence/js/recurrence-widget.js",
                "strukturwandel_events/js/recurrence-widget.js",
            ],
            css={
                "all": [
                    "recurrence/css/recurrence.css",
                    "strukturwandel_events/css/recurrence-widget.css",
                ]
            },
        )


class HalfHourDateTimeInput(AdminDateTimeInput):
    """Wagtail's date and time picker offering every half hour (its default: full hours)."""

    def get_config(self):
        return {**super().get_config(), "step": 30}


class HalfHourTimeInput(AdminTimeInput):
    """Wagtail's time picker offering every half hour."""

    def get_config(self):
        return {**super().get_config(), "step": 30}
