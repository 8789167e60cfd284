"""German dates and times, and the pages a visitor sees."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.html import strip_tags

from strukturwandel.events.formats import when, when_date
from strukturwandel.events.listings import PlannedDate
from strukturwandel.events.models import MeetingStatus

from .conftest import CALL_LINK, berlin

pytestmark = pytest.mark.django_db


class Span:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_when_in_german():
    december = Span(berlin(2021, 12, 6, 17, 0), berlin(2021, 12, 6, 18, 30))
    assert when(december) == "Mo, 06.12.2021, 17:00–18:30 Uhr"
    assert when_date(december) == "Mo, 06.12.2021"
    assert when(berlin(2022, 3, 7, 17, 0)) == "Mo, 07.03.2022, 17:00 Uhr"
    over_midnight = Span(berlin(2022, 4, 29, 20, 0), berlin(2022, 4, 30, 1, 0))
    assert when(over_midnight) == "Fr, 29.04.2022, 20:00 Uhr – Sa, 30.04.2022, 01:00 Uhr"


def test_when_shows_berlin_time_for_utc_values_in_summer_and_winter():
    utc = datetime.UTC
    summer = Span(datetime.datetime(2022, 7, 11, 15, tzinfo=utc), None)
    winter = Span(datetime.datetime(2022, 1, 10, 16, tzinfo=utc), None)
    assert when(summer) == "Mo, 11.07.2022, 17:00 Uhr"
    assert when(winter) == "Mo, 10.01.2022, 17:00 Uhr"


def test_when_follows_the_language():
    with translation.override("en"):
        text = when(Span(berlin(2021, 12, 6, 17, 0), berlin(2021, 12, 6, 18, 30)))
    assert text == "Mon, 12/06/2021, 5:00 PM–6:30 PM o'clock"


def test_when_is_formatted_once_per_language_and_time_zone():
    """The formatted dates are kept per process: the language and the time zone in use are
    part of what they are kept by."""
    december = Span(berlin(2021, 12, 6, 17, 0), berlin(2021, 12, 6, 18, 30))
    assert when(december) == "Mo, 06.12.2021, 17:00–18:30 Uhr"
    with translation.override("en"):
        assert when(december) == "Mon, 12/06/2021, 5:00 PM–6:30 PM o'clock"
        assert when_date(december) == "Mon, 12/06/2021"
    with timezone.override(datetime.UTC):
        assert when(december) == "Mo, 06.12.2021, 16:00–17:30 Uhr"
        assert when_date(berlin(2021, 12, 7, 0, 30)) == "Mo, 06.12.2021"
    assert when(december) == "Mo, 06.12.2021, 17:00–18:30 Uhr"
    assert when_date(berlin(2021, 12, 7, 0, 30)) == "Di, 07.12.2021"


def test_when_in_a_template_and_all_day():
    template = Template("{% load strukturwandel_events %}{{ entry|when }}")
    entry = PlannedDate(berlin(2022, 2, 14), berlin(2022, 2, 15), page=None, all_day=True)
    assert template.render(Context({"entry": entry})) == "Mo, 14.02.2022"


def test_series_page_lists_upcoming_and_past_in_german(client, series, make_meeting):
    series.registration_email = "stammtisch@example.org"
    series.save_revision().publish()
    now = timezone.now()
    past_day = (now - datetime.timedelta(days=40)).date()
    soon_day = (now + datetime.timedelta(days=10)).date()
    later_day = (now + datetime.timedelta(days=50)).date()
    make_meeting(past_day, topic="Klimaschutz & Energiewende")
    make_meeting(
        soon_day,
        topic="Engagement & Zivilgesellschaft",
        registration_opens_at=now - datetime.timedelta(days=1),
    )
    opens = now + datetime.timedelta(days=20)
    make_meeting(later_day, topic="Jugendbeteiligung", registration_opens_at=opens)
    response = client.get(series.url)
    assert response.status_code == 200
    html = response.content.decode()
    upcoming, past = html.split("<main", 1)[1].split("Vergangene Termine")
    assert "Nächste Termine" in upcoming
    assert upcoming.index("Engagement &amp; Zivilgesellschaft") < upcoming.index(
        "Jugendbeteiligung"
    )
    assert "Klimaschutz &amp; Energiewende" in past
    assert ">Anmelden<" in upcoming
    assert f"Anmeldung ab {when(opens)} möglich" in upcoming
    assert "Geplanter Termin" in upcoming
    assert "monatlich, am zweiten Montag, 17:00–18:30 Uhr" in upcoming
    assert CALL_LINK not in html


def test_meeting_page_shows_status_place_and_collected_impulses(client, make_meeting):
    meeting = make_meeting(
        datetime.date(2022, 1, 24),
        status=MeetingStatus.POSTPONED,
        status_note="Neuer Termin folgt.",
    )
    html = client.get(meeting.url).content.decode()
    assert "Mo, 24.01.2022, 17:00–18:30 Uhr" in html
    assert 'datetime="2022-01-24T17:00:00+01:00"' in html
    assert "Dieses Treffen wurde verschoben." in html
    assert "Neuer Termin folgt." in html
    assert "Impulse werden noch gesammelt" in html
    assert CALL_LINK not in html


def test_cancelled_meeting_says_so_in_the_listing(client, series, make_meeting):
    make_meeting(
        (timezone.now() + datetime.timedelta(days=5)).date(), status=MeetingStatus.CANCELLED
    )
    html = client.get(series.url).content.decode()
    assert "Abgesagt" in html


def test_planned_impulses_name_speaker_and_organisation_once(client, make_meeting):
    from strukturwandel.people.models import Organisation, Person

    organisation = Organisation.objects.create(name="Dorfladen e.V.")
    person = Person.objects.create(name="Erika Beispiel", organisation=organisation)
    meeting = make_meeting(
        (timezone.now() + datetime.timedelta(days=10)).date(),
        impulses=[
            ("impulse", {"title": "Der Dorfladen", "speakers": [{"person": person}]}),
            (
                "impulse",
                {
                    "title": "Der Bürgerbus",
                    "speakers": [{"person": person, "organisation_name": "Bürgerbus"}],
                },
            ),
            ("impulse", {"title": "Die Mitfahrbank", "speakers": [{"name": "Max Muster"}]}),
            (
                "impulse",
                {
                    "title": "Zu zweit",
                    "speakers": [{"person": person}, {"name": "Max Muster"}],
                },
            ),
        ],
    )
    html = client.get(meeting.url).content.decode()
    impulses = html.split('class="sw-impulses"')[1].split("</ul>")[0]
    items = [" ".join(strip_tags(item).split()) for item in impulses.split("<li>")[1:]]
    assert items == [
        "Der Dorfladen – Erika Beispiel (Dorfladen e.V.)",
        "Der Bürgerbus – Erika Beispiel (Bürgerbus)",
        "Die Mitfahrbank – Max Muster",
        "Zu zweit – Erika Beispiel (Dorfladen e.V.) / Max Muster",
    ]
