"""Fictional registrations for the demo's next meeting with open registration, and the
"Organisation" group that may see them (plain editors may not)."""

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from strukturwandel.events.models import MeetingPage, RegistrationState
from strukturwandel.registration import services
from strukturwandel.registration.models import MeetingRegistrations, Registration

# (name, e-mail, organisation, status)
REGISTRATIONS = [
    ("Paula Probe", "paula.probe@example.org", "Bürgerverein Musterdorf", "confirmed"),
    ("Jonas Testmann", "jonas.testmann@example.org", "", "confirmed"),
    ("Lena Exempel", "lena.exempel@example.org", "Initiative Lebendiges Dorf", "confirmed"),
    ("Max Muster", "max.muster@example.org", "", "unconfirmed"),
]


def build_registrations(series):
    now = timezone.now()
    meetings = MeetingPage.objects.child_of(series).live().filter(end__gt=now).order_by("start")
    meeting = next(
        (
            meeting
            for meeting in meetings
            if meeting.registration(None).on_site
            and meeting.registration_state() == RegistrationState.OPEN
        ),
        None,
    )
    if meeting is None or Registration.objects.filter(meeting=meeting).exists():
        return
    for name, email, organisation, status in REGISTRATIONS:
        Registration.objects.create(
            meeting=meeting,
            name=name,
            email=email,
            organisation=organisation,
            status=status,
            confirmed_at=now if status == "confirmed" else None,
        )
    record, _ = MeetingRegistrations.objects.get_or_create(meeting=meeting)
    services.remember_announcement(record, meeting)


def build_organisation_group():
    """Who organises the meetings: sees and exports registrations, writes to participants."""
    group, _ = Group.objects.get_or_create(name="Organisation")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="strukturwandel_registration",
            codename="manage_registrations",
        ),
    )
    return group
