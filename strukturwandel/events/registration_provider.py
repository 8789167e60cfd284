"""The seam through which a registration app takes over "Anmelden" on this site.

Events never imports a registration app. An app that handles registrations itself (such as
``strukturwandel.registration``) registers a provider in its ``wagtail_hooks.py``::

    from wagtail import hooks

    @hooks.register(HOOK)  # "strukturwandel_meeting_registration"
    def registration_provider():
        return MyProvider()  # a RegistrationProvider

Events then asks that provider, for meetings whose registration method is "on this site":

- ``confirmed_count(meeting)``: the places taken (a meeting with a capacity is full when they
  reach it). Listings read a ``registration_count`` annotation instead, which the app adds
  through ``seams.MEETING_QUERYSET_HOOK`` (no query per card);
- ``render_section(meeting, request, state)``: the HTML inside the meeting page's
  ``#anmeldung`` section while registration is open or the meeting is full;
- ``admin_summary(meeting, request)``: HTML for the meeting's edit view (counts, links).

Without a provider, or for meetings that register by an external form or by e-mail, events
keeps its own behaviour: the form's URL, else an e-mail to the series' or the site's address.
"""

from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin.panels import Panel

HOOK = "strukturwandel_meeting_registration"


class RegistrationProvider:
    """What a registration app implements; every method has a harmless default."""

    def confirmed_count(self, meeting):
        return 0

    def render_section(self, meeting, request, state):
        return ""

    def admin_summary(self, meeting, request):
        return ""


def get_provider():
    """The provider of the last app that registered one, or None."""
    providers = hooks.get_hooks(HOOK)
    return providers[-1]() if providers else None


class RegistrationSummaryPanel(Panel):
    """Shows the provider's summary in a meeting's edit view; nothing without a provider."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "strukturwandel_events/admin/registration_summary_panel.html"

        def is_shown(self):
            return (
                self.instance is not None
                and self.instance.pk is not None
                and get_provider() is not None
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            provider = get_provider()
            summary = provider.admin_summary(self.instance, self.request) if provider else ""
            context["summary"] = mark_safe(summary)  # noqa: S308 -- rendered by the provider
            return context
