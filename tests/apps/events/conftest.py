import datetime
from zoneinfo import ZoneInfo

import pytest
import recurrence
from recurrence import Recurrence, Rule

from strukturwandel.events.models import EventSeriesPage, MeetingPage

BERLIN = ZoneInfo("Europe/Berlin")
CALL_LINK = "https://zoom.example.org/j/9876543210?pwd=geheim"


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def second_monday():
    return Recurrence(rrules=[Rule(recurrence.MONTHLY, byday=recurrence.MO(2))])


@pytest.fixture
def series(root_page):
    page = EventSeriesPage(
        title="Strukturwandel-Stammtisch",
        slug="stammtisch",
        intro="<p>Austausch für Engagierte im Revier.</p>",
        schedule=second_monday(),
        schedule_starts_on=datetime.date(2021, 1, 1),
        schedule_start_time=datetime.time(17, 0),
        schedule_end_time=datetime.time(18, 30),
    )
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_meeting(series):
    """Add a live meeting below the series (or ``parent``), 17:00–18:30 Berlin time."""

    def make(day, *, parent=None, live=True, **fields):
        start = berlin(day.year, day.month, day.day, 17, 0)
        defaults = {
            "title": f"Stammtisch am {day:%d.%m.%Y}",
            "slug": f"stammtisch-{day:%Y-%m-%d}",
            "start": start,
            "end": start + datetime.timedelta(minutes=90),
            "topic": "Lebendige Orte",
            "teaser": "Wie gestalten Menschen gemeinsam das Leben in ihrem Ort?",
            "call_link": CALL_LINK,
        }
        defaults.update(fields)
        meeting = MeetingPage(live=live, **defaults)
        (parent or series).add_child(instance=meeting)
        revision = meeting.save_revision()
        if live:
            revision.publish()
        return meeting

    return make
