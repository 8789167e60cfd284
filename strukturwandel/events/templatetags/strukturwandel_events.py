"""Template filters for dates and times of meetings.

``{% load strukturwandel_events %}``, then:

- ``{{ meeting|when }}`` → "Mo, 06.12.2021, 17:00–18:30 Uhr" for anything with ``start`` and
  ``end`` (a MeetingPage, a PlannedDate from ``listings``, an Occurrence) or a single datetime.
- ``{{ meeting|when_date }}`` → "Mo, 06.12.2021", the day only.
- ``{% meeting_json_ld page %}`` and ``{% series_json_ld page upcoming past %}``: schema.org
  JSON-LD for the head.
- ``{% meeting_registration meeting as registration %}``: how to register (on this site,
  an external form or e-mail).
- ``{% registration_section meeting registration %}``: the registration app's part of the
  ``#anmeldung`` section when the meeting registers on this site (registration_provider).
- ``{% meeting_card meeting show_title as card %}``: a card's ``url``, ``title``, ``topic_line``.
- ``{% meeting_links meeting %}``: the links installed apps add to a meeting (see ``seams``).
- ``{% calendar_subscribe url name %}``: "Subscribe to the calendar" (``webcal://``), the
  feed's address and the how-to page.

Both show the site's time zone (Europe/Berlin); the formats come from the German catalogue,
so another language gets its own.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe

from .. import calendars, cards, formats, registration_provider, seams, structured_data

register = template.Library()


register.filter(formats.when_date)
register.filter(formats.when)


# What could end the script or start markup in it; none of the escapes holds one of them, so
# replacing one after the other is the same as replacing all at once (str.translate with a
# dict is slow: it looks up every character of the text in Python).
_JSON_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    for char, escape in _JSON_ESCAPES:
        text = text.replace(char, escape)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def meeting_json_ld(context, meeting):
    """``<script type="application/ld+json">`` with the schema.org Event of ``meeting``."""
    return json_ld_script(structured_data.meeting_event(meeting, context["request"]))


@register.simple_tag(takes_context=True)
def series_json_ld(context, series, *meeting_lists):
    """The schema.org EventSeries of ``series`` with the meeting pages among ``meeting_lists``."""
    meetings = [
        entry
        for entries in meeting_lists
        for entry in (entries or [])
        if not getattr(entry, "is_planned_date", False)
    ]
    return json_ld_script(structured_data.series_data(series, meetings, context["request"]))


@register.simple_tag(takes_context=True)
def recurring_meeting_json_ld(context, page, next_dates):
    """The schema.org Event with its Schedule for a RecurringMeetingPage."""
    return json_ld_script(
        structured_data.recurring_meeting_event(page, next_dates, context["request"])
    )


@register.simple_tag(takes_context=True)
def meeting_registration(context, meeting):
    """``{% meeting_registration meeting as registration %}``: how to register for a
    MeetingPage (a models.Registration); the site's contact e-mail is the last fallback."""
    return meeting.registration(context.get("request"))


@register.simple_tag(takes_context=True)
def registration_section(context, meeting, registration):
    """What the registration provider shows in ``#anmeldung`` (its form, the places left)."""
    provider = registration_provider.get_provider()
    if provider is None or not registration.on_site:
        return ""
    return mark_safe(  # noqa: S308 -- rendered by the provider's templates
        provider.render_section(meeting, context.get("request"), registration.state)
    )


@register.inclusion_tag("strukturwandel_events/includes/meeting_links.html", takes_context=True)
def meeting_links(context, meeting, as_paragraph=False):
    """The links installed apps add to ``meeting`` (``seams.MEETING_LINKS_HOOK``), e.g. its
    documentation; ``as_paragraph`` for the meeting page."""
    return {
        "meeting": meeting,
        "links": seams.meeting_links(meeting, context.get("request")),
        "as_paragraph": as_paragraph,
    }


@register.simple_tag(takes_context=True)
def meeting_card(context, meeting, show_title=False):
    """What the card of a MeetingPage or PlannedDate links to and says (``cards.MeetingCard``)."""
    return cards.meeting_card(meeting, show_title=bool(show_title), request=context.get("request"))


@register.inclusion_tag(
    "strukturwandel_events/includes/calendar_subscribe.html", takes_context=True
)
def calendar_subscribe(context, url, name=""):
    """ "Subscribe to the calendar" for the feed at ``url``: a ``webcal://`` link, which a phone
    or calendar app subscribes to, the feed's ``https://`` address to copy, and the how-to.
    ``name`` (the series, the topic field) completes the links' names for screen readers."""
    request = context.get("request")
    https_url = request.build_absolute_uri(url) if request is not None else url
    help_url = reverse("strukturwandel_events:calendar_help")
    return {
        "webcal_url": calendars.webcal_url(https_url),
        "https_url": https_url,
        # Not on the how-to itself.
        "help_url": "" if request is not None and request.path == help_url else help_url,
        "name": name,
    }
