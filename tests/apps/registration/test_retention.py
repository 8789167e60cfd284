"""purge_registrations deletes personal data after the retention time and keeps counts."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from strukturwandel.registration import retention, services
from strukturwandel.registration.models import (
    MeetingRegistrations,
    Registration,
    RegistrationMail,
    RegistrationStatus,
)

pytestmark = pytest.mark.django_db


def add(meeting, email, status):
    registration = Registration.objects.create(
        meeting=meeting, name="Person", email=email, status=status
    )
    RegistrationMail.objects.create(registration=registration, kind="confirm_request")
    return registration


def test_purge_after_the_retention_time_keeps_counts(make_meeting, settings):
    old = make_meeting(days=-40)
    recent = make_meeting(days=-10)
    for number, status in enumerate(
        ["confirmed", "confirmed", "attended", "waitlisted", "cancelled", "unconfirmed"]
    ):
        add(old, f"p{number}@example.org", status)
        add(recent, f"p{number}@example.org", status)
    before = services.counts(old)

    out = io.StringIO()
    call_command("purge_registrations", stdout=out)
    assert "6 registrations of 1 meetings deleted" in out.getvalue()
    assert not Registration.objects.filter(meeting=old).exists()
    assert not RegistrationMail.objects.filter(registration__meeting=old).exists()
    assert Registration.objects.filter(meeting=recent).count() == 6
    assert services.counts(old) == {**before, "unconfirmed": 0}
    assert services.counts(old)["confirmed"] == 3
    assert services.counts(old)["registered"] == 6
    assert MeetingRegistrations.objects.get(meeting=old).purged_at is not None
    # Nothing left to do on the next run; a shorter time takes the recent meeting too.
    assert retention.purge() == (0, 0)
    settings.STRUKTURWANDEL = {"REGISTRATION_RETENTION_DAYS": 5}
    assert retention.purge() == (1, 6)


def test_no_email_address_survives_the_purge(make_meeting):
    meeting = make_meeting(days=-31)
    add(meeting, "erika@example.org", RegistrationStatus.CONFIRMED)
    retention.purge(now=timezone.now() + datetime.timedelta(days=1))
    from django.db import connection

    with connection.cursor() as cursor:
        for model in (Registration, RegistrationMail, MeetingRegistrations):
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608
            assert "erika@example.org" not in str(cursor.fetchall())


def test_unconfirmed_registrations_go_when_their_link_has_expired(meeting):
    stale = add(meeting, "alt@example.org", RegistrationStatus.UNCONFIRMED)
    Registration.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=4)
    )
    fresh = add(meeting, "neu@example.org", RegistrationStatus.UNCONFIRMED)
    confirmed = add(meeting, "ja@example.org", RegistrationStatus.CONFIRMED)
    Registration.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=4)
    )
    out = io.StringIO()
    call_command("purge_registrations", stdout=out)
    assert "1 unconfirmed registrations deleted" in out.getvalue()
    assert set(Registration.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}
