"""Production settings: read from the environment, refuse to start without what they need."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 64 + "-production-like-secret-key",
    "ALLOWED_HOSTS": "strukturwandel.example.org",
    "DATABASE_URL": "sqlite:////tmp/strukturwandel-check.sqlite3",
    "DJANGO_SETTINGS_MODULE": "settings.production",
}


def _manage(*args, env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deployment check.
    skip = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_name_a_missing_variable():
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
        env = {k: v for k, v in PRODUCTION_ENV.items() if k != name}
        result = _manage("check", env=env)
        assert result.returncode != 0
        assert f"The environment variable {name} is required" in result.stderr


def test_dev_settings_debug_from_the_environment_and_media_served_without_it(tmp_path):
    # `make demo` runs settings.dev with DJANGO_DEBUG=0 so that visitors get the site's own
    # error pages; uploaded images must still be served then.
    (tmp_path / "probe.txt").write_text("uploaded")
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "response = Client(HTTP_HOST='127.0.0.1').get('/media/probe.txt')\n"
        "print(settings.DEBUG, response.status_code, b''.join(response.streaming_content))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env |= {"DJANGO_SETTINGS_MODULE": "settings.dev", "MEDIA_ROOT": str(tmp_path)}
    results = {}
    for debug in ("", "0"):
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**env, "DJANGO_DEBUG": debug} if debug else env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        results[debug] = result.stdout.strip()
    assert results == {"": "True 200 b'uploaded'", "0": "False 200 b'uploaded'"}


def test_demo_defaults_are_german_and_berlin():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ is True


def test_admin_dates_are_german_and_read_back_in_both_admin_languages():
    import datetime

    from django.conf import settings
    from django.core.checks import run_checks
    from django.utils import translation
    from wagtail.admin.widgets import AdminDateInput

    from strukturwandel.events.models import MeetingPage

    assert settings.WAGTAIL_DATETIME_FORMAT == "%d.%m.%Y %H:%M"
    assert [m.id for m in run_checks() if m.id == "strukturwandel.W005"] == []
    form_class = MeetingPage.get_edit_handler().get_form_class()
    for language in ("de", "en"):
        with translation.override(language):
            field = form_class.base_fields["start"]
            assert field.clean("21.12.2026 17:00").replace(tzinfo=None) == datetime.datetime(
                2026, 12, 21, 17, 0
            )
            assert AdminDateInput().get_config()["dayOfWeekStart"] == 1
