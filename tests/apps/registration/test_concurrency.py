"""No over-booking when many confirm at the same moment (PostgreSQL: real row locks)."""

import threading

import pytest
from django.db import connection, connections

from strukturwandel.registration import services
from strukturwandel.registration.models import Registration, RegistrationStatus

CAPACITY = 5
PEOPLE = 16


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_parallel_confirmations_fill_exactly_the_capacity(make_meeting):
    meeting = make_meeting(capacity=CAPACITY)
    registrations = [
        Registration.objects.create(meeting=meeting, name=f"P{n}", email=f"p{n}@example.org")
        for n in range(PEOPLE)
    ]
    start = threading.Barrier(PEOPLE)
    errors = []

    def confirm(registration):
        try:
            start.wait()
            services.confirm(registration)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=[r]) for r in registrations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == CAPACITY
    assert statuses.count(RegistrationStatus.WAITLISTED) == PEOPLE - CAPACITY
