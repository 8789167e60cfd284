"""The editor refuses what cannot be right, with a German message at the field."""

import datetime

import pytest
import recurrence
from django import forms
from django.core.exceptions import ValidationError
from recurrence import Recurrence, Rule

from strukturwandel.events.models import (
    EventSeriesPage,
    MeetingPage,
    RecurringMeetingPage,
    RegistrationState,
)

from .conftest import berlin

pytestmark = pytest.mark.django_db


def meeting(**fields):
    values = {
        "title": "Stammtisch",
        "slug": "stammtisch",
        "start": berlin(2022, 1, 24, 17),
        "end": berlin(2022, 1, 24, 18, 30),
        "topic": "Lebendige Orte",
    }
    values.update(fields)
    return MeetingPage(**values)


def errors(page):
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


def test_end_before_start():
    assert errors(meeting(end=berlin(2022, 1, 24, 16))) == {
        "end": ["Das Treffen kann nicht enden, bevor es beginnt."]
    }


def test_a_date_the_database_cannot_hold_is_refused_at_its_field():
    # Stored in UTC, the first hour of the year 1 in Berlin would be in the year 0 (a 500).
    first_hour = berlin(1, 1, 1, 0, 30)
    message = ["Dieses Datum kann nicht gespeichert werden. Bitte prüfen Sie die Jahreszahl."]
    assert errors(meeting(start=first_hour)) == {"start": message}
    assert errors(meeting(registration_opens_at=first_hour)) == {"registration_opens_at": message}
    meeting(start=berlin(9999, 12, 31, 17), end=berlin(9999, 12, 31, 23)).clean()


def test_registration_window_closing_before_opening_or_after_the_meeting():
    assert errors(
        meeting(
            registration_opens_at=berlin(2022, 1, 10), registration_closes_at=berlin(2022, 1, 5)
        )
    ) == {"registration_closes_at": ["Die Anmeldung kann nicht schließen, bevor sie öffnet."]}
    assert errors(meeting(registration_closes_at=berlin(2022, 1, 25))) == {
        "registration_closes_at": ["Die Anmeldung kann nicht nach dem Ende des Treffens schließen."]
    }


def test_negative_capacity():
    assert errors(meeting(capacity=-1)) == {
        "capacity": ["Die Zahl der Plätze kann nicht unter null liegen."]
    }
    meeting(capacity=0).clean()


def test_rule_without_any_date():
    until_before_start = Recurrence(
        rrules=[
            Rule(recurrence.MONTHLY, byday=recurrence.MO(2), until=datetime.datetime(2020, 1, 1))
        ]
    )
    series = EventSeriesPage(
        title="Stammtisch",
        schedule=until_before_start,
        schedule_starts_on=datetime.date(2021, 1, 1),
    )
    assert list(errors(series)) == ["schedule"]
    assert "keinen Termin" in errors(series)["schedule"][0]


def test_rule_without_end_is_fine():
    series = EventSeriesPage(
        title="Stammtisch",
        schedule=Recurrence(rrules=[Rule(recurrence.MONTHLY, byday=recurrence.MO(2))]),
        schedule_starts_on=datetime.date(2021, 1, 1),
    )
    series.clean()


def test_registration_states():
    now = berlin(2022, 1, 10)
    assert meeting().registration_state(now) == RegistrationState.NOT_YET_OPEN
    assert (
        meeting(registration_opens_at=berlin(2022, 1, 12)).registration_state(now)
        == RegistrationState.NOT_YET_OPEN
    )
    assert (
        meeting(registration_opens_at=berlin(2022, 1, 1)).registration_state(now)
        == RegistrationState.OPEN
    )
    full = meeting(registration_opens_at=berlin(2022, 1, 1), capacity=2)
    full.registration_count = 2
    assert full.registration_state(now) == RegistrationState.FULL
    closed = meeting(registration_opens_at=berlin(2022, 1, 1), registration_closes_at=now)
    assert closed.registration_state(now) == RegistrationState.CLOSED
    cancelled = meeting(registration_opens_at=berlin(2022, 1, 1), status="cancelled")
    assert cancelled.registration_state(now) is None
    assert meeting().registration_state(berlin(2022, 1, 25)) is None  # past


def test_rule_needs_the_date_it_applies_from():
    series = EventSeriesPage(
        title="Stammtisch",
        schedule=Recurrence(rrules=[Rule(recurrence.WEEKLY, interval=2)]),
    )
    assert errors(series) == {
        "schedule_starts_on": ["Geben Sie das Datum an, ab dem die Regel gilt."]
    }
    EventSeriesPage(title="Stammtisch ohne Regel").clean()


def test_rule_may_apply_from_29_february():
    series = EventSeriesPage(
        title="Stammtisch",
        schedule=Recurrence(rrules=[Rule(recurrence.YEARLY)]),
        schedule_starts_on=datetime.date(2024, 2, 29),
    )
    series.clean()
    assert series.schedule_rule_has_dates()


def test_topic_fields_are_checkboxes_in_the_editor():
    for model in (MeetingPage, RecurringMeetingPage):
        form_class = model.get_edit_handler().get_form_class()
        widget = form_class.base_fields["topic_fields"].widget
        assert isinstance(widget, forms.CheckboxSelectMultiple), model


@pytest.mark.parametrize(
    "starts_on", [datetime.date(9999, 12, 31), datetime.date(9999, 1, 1), datetime.date(1, 1, 1)]
)
def test_rule_may_apply_from_the_first_or_last_years_there_are(starts_on):
    # A date typed with a slip of the finger is checked, not a server error.
    series = EventSeriesPage(
        title="Stammtisch",
        schedule=Recurrence(rrules=[Rule(recurrence.DAILY)]),
        schedule_starts_on=starts_on,
        schedule_start_time=datetime.time(22, 0),
        schedule_end_time=datetime.time(1, 0),
    )
    series.clean()
    assert series.schedule_rule_has_dates()
