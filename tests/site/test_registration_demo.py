"""The demo's registrations: a few fictional ones, and only the "Organisation" group sees them."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from strukturwandel.registration.models import Registration

pytestmark = pytest.mark.django_db

PERMISSION = "strukturwandel_registration.manage_registrations"


def test_demo_registrations_are_fictional_and_on_the_next_open_meeting(demo):
    registrations = list(Registration.objects.select_related("meeting"))
    assert len(registrations) == 4
    assert {r.email.split("@")[1] for r in registrations} == {"example.org"}
    meeting = registrations[0].meeting
    assert {r.meeting_id for r in registrations} == {meeting.pk}
    assert meeting.capacity == 6 and meeting.call_link
    # Running load_demo again adds nothing.
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Registration.objects.count() == 4


def test_only_the_organisation_group_may_see_registrations(demo, django_user_model):
    organisation = Group.objects.get(name="Organisation")
    assert organisation.permissions.filter(codename="manage_registrations").exists()
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            assert not group.permissions.filter(codename="manage_registrations").exists()
    organiser = django_user_model.objects.create_user("orga", "orga@example.org", "pw")
    organiser.groups.add(organisation)
    editor = django_user_model.objects.create_user("red", "red@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    assert django_user_model.objects.get(pk=organiser.pk).has_perm(PERMISSION)
    assert not django_user_model.objects.get(pk=editor.pk).has_perm(PERMISSION)


def test_the_demo_writes_mail_to_var_mail():
    import subprocess
    import sys

    from .test_settings import ROOT

    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "print(getattr(settings, 'EMAIL_BACKEND', ''), getattr(settings, 'EMAIL_FILE_PATH', ''))\n"
        "print(settings.MAILERS if hasattr(settings, 'MAILERS') else '')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "settings.dev", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "filebased" in result.stdout and str(ROOT / "var" / "mail") in result.stdout


def test_rate_limits_count_the_visitor_behind_the_proxy(settings, rf):
    from strukturwandel.core import ratelimit

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert ratelimit.client_address(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_address(request) == "10.0.0.1"
