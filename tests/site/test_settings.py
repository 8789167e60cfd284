"""Production settings: read from the environment, refuse to start without what they need."""

import os
import subprocess
import sys
from pathlib import Path

import django
import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 64 + "-production-like-secret-key",
    "ALLOWED_HOSTS": "strukturwandel.example.org",
    "DATABASE_URL": "sqlite:////tmp/strukturwandel-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
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


def test_the_deploy_check_warns_when_app_processes_share_no_cache():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 1
    assert "strukturwandel_core.W101" in result.stdout + result.stderr


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
    from django.utils import translation
    from wagtail.admin.widgets import AdminDateInput

    from strukturwandel.core.checks import check_admin_date_formats
    from strukturwandel.events.models import MeetingPage

    assert settings.WAGTAIL_DATETIME_FORMAT == "%d.%m.%Y %H:%M"
    # This check alone: all checks would ask the database, which this test does not use.
    assert check_admin_date_formats() == []
    form_class = MeetingPage.get_edit_handler().get_form_class()
    for language in ("de", "en"):
        with translation.override(language):
            field = form_class.base_fields["start"]
            assert field.clean("21.12.2026 17:00").replace(tzinfo=None) == datetime.datetime(
                2026, 12, 21, 17, 0
            )
            assert AdminDateInput().get_config()["dayOfWeekStart"] == 1


def test_production_queues_registration_mail_in_the_database_for_db_worker(tmp_path):
    """settings.production puts tasks in the database (django-tasks-db); `db_worker` runs them."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'tasks.sqlite3'}"}
    assert _manage("migrate", "--noinput", env=env).returncode == 0
    script = (
        "import django; django.setup()\n"
        "from strukturwandel.registration.tasks import send_registration_mail\n"
        "result = send_registration_mail.enqueue(12345)\n"
        "print(type(result.task.get_backend()).__name__, result.status)\n"
    )
    result = _manage("shell", "-c", script, env=env)
    # The last line: Django's shell may first say what it imported.
    assert result.stdout.splitlines()[-1].split() == ["DatabaseBackend", "READY"], result.stderr
    worker = _manage("db_worker", "--batch", env=env)
    assert worker.returncode == 0, worker.stderr
    check = _manage(
        "shell",
        "-c",
        "from django_tasks_db.models import DBTaskResult\n"
        "print(*DBTaskResult.objects.values_list('status', flat=True))",
        env=env,
    )
    assert check.stdout.splitlines()[-1] == "SUCCESSFUL", check.stderr


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("SECURE_HSTS_SECONDS", "abc", "SECURE_HSTS_SECONDS='abc' is not a whole number"),
        ("EMAIL_PORT", "abc", "EMAIL_PORT='abc' is not a whole number"),
        ("EMAIL_PORT", "0", "EMAIL_PORT='0' is not a whole number of at least 1"),
        ("DATABASE_CONN_MAX_AGE", "1.5", "DATABASE_CONN_MAX_AGE='1.5' is not a whole number"),
        ("EMAIL_USE_TLS", "ja", "EMAIL_USE_TLS='ja' is not a yes/no value"),
        ("SECURE_SSL_REDIRECT", "nein", "SECURE_SSL_REDIRECT='nein' is not a yes/no value"),
        ("REDIS_URL", "127.0.0.1:6379", "REDIS_URL is not a URL starting with redis://"),
        ("REDIS_URL", "redis://:geheim@host:port/1", "REDIS_URL is not a valid URL"),
        ("WAGTAILADMIN_BASE_URL", "example.org", "WAGTAILADMIN_BASE_URL is not a URL"),
        ("DATABASE_URL", "postgres//host/db", "DATABASE_URL is not valid"),
        ("ADMINS", "Betrieb <betrieb>", "ADMINS='Betrieb <betrieb>' is not a list of e-mail"),
        ("LOG_LEVEL", "laut", "LOG_LEVEL='LAUT' is not a log level"),
        ("TASKS_BACKEND", "celery", "TASKS_BACKEND='celery' is not \"database\" or"),
    ],
)
def test_production_settings_name_the_variable_they_cannot_read(name, value, expected):
    result = _manage("check", env=PRODUCTION_ENV | {name: value})
    assert result.returncode != 0
    assert f"The environment variable {expected}" in result.stderr
    assert "geheim" not in result.stderr
    assert "Traceback" in result.stderr and "ImproperlyConfigured" in result.stderr


def test_production_settings_read_admins_for_the_running_django():
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "print(repr(settings.ADMINS), settings.CACHES['default']['BACKEND'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env |= PRODUCTION_ENV | {
        "ADMINS": "Betrieb Team <betrieb@example.org>, technik@example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    admins, backend = result.stdout.rsplit(" ", 1)
    if django.VERSION >= (6, 0):
        assert admins == "['Betrieb Team <betrieb@example.org>', 'technik@example.org']"
    else:
        assert admins == (
            "[('Betrieb Team', 'betrieb@example.org'), "
            "('technik@example.org', 'technik@example.org')]"
        )
    assert backend.strip() == "settings.cache.FailSoftRedisCache"
