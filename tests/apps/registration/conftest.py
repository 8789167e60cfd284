import datetime
import re
from zoneinfo import ZoneInfo

import django
import pytest
from django.core import mail
from django.utils import timezone

from strukturwandel.events.models import EventSeriesPage, MeetingPage

BERLIN = ZoneInfo("Europe/Berlin")
CALL_LINK = "https://meet.example.org/stammtisch-geheim-4711"
LINK = re.compile(r"https?://[^/\s]+(/anmeldung/[^\s]+/)")


@pytest.fixture
def series(root_page):
    page = EventSeriesPage(title="Strukturwandel-Stammtisch", slug="stammtisch")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_meeting(series):
    """A live meeting below the series, registering on this site, open since yesterday."""

    def make(*, days=10, **fields):
        start = (timezone.now() + datetime.timedelta(days=days)).astimezone(BERLIN)
        start = start.replace(hour=17, minute=0, second=0, microsecond=0)
        values = {
            "title": f"Stammtisch in {days} Tagen",
            "slug": f"stammtisch-{days}",
            "start": start,
            "end": start + datetime.timedelta(minutes=90),
            "topic": "Lebendige Orte & Dorfläden",
            "call_link": CALL_LINK,
            "registration_opens_at": min(timezone.now(), start - datetime.timedelta(days=1))
            - datetime.timedelta(days=1),
        }
        values.update(fields)
        meeting = MeetingPage(**values)
        series.add_child(instance=meeting)
        meeting.save_revision().publish()
        return MeetingPage.objects.get(pk=meeting.pk)

    return make


@pytest.fixture
def meeting(make_meeting):
    return make_meeting()


def form_data(**fields):
    data = {
        "registration-name": "Erika Beispiel",
        "registration-email": "erika@example.org",
        "registration-organisation": "Dorfladen Musterdorf e.V.",
        "registration-note": "",
        "registration-consent": "on",
        "registration-website": "",
    }
    data.update({f"registration-{key}": value for key, value in fields.items()})
    return data


def links(message):
    """The site-relative paths of the confirm and cancel links in an e-mail."""
    return LINK.findall(message.body)


def link(message, kind):
    word = {"confirm": "/bestaetigen/", "cancel": "/stornieren/"}[kind]
    found = [path for path in links(message) if word in path]
    assert len(found) == 1, message.body
    return found[0]


def last_mail():
    return mail.outbox[-1]


@pytest.fixture
def failing_mail(settings):
    """Every e-mail fails to send, as when the mail server is down."""
    backend = "tests.apps.registration.backends.FailingBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {"BACKEND": backend}}
    else:
        settings.EMAIL_BACKEND = backend
