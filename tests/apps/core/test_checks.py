"""The system checks that tell a host site what it must provide (strukturwandel/core/checks.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.checks import run_checks
from django.db import models
from django.test import override_settings

from strukturwandel.core import checks

ROOT = Path(__file__).resolve().parents[3]
STOCK_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<title>{% block title %}{% endblock %}</title>
{% block extra_css %}{% endblock %}
</head>
"""


def ids(messages):
    return [message.id for message in messages]


def layout_checks(tmp_path, templates):
    """Run the layout check with ``templates`` ({name: source}) in the site's template folder."""
    for name, source in templates.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source)
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [tmp_path],
        "APP_DIRS": True,
    }
    with override_settings(TEMPLATES=[engine]):
        return checks.check_layout()


@pytest.mark.django_db  # model checks may ask the database what it supports
def test_the_test_site_passes_every_check():
    assert [m for m in run_checks() if m.id.startswith("strukturwandel.")] == []


def test_a_missing_required_app_is_an_error_that_says_what_it_is_for(monkeypatch):
    missing = {"wagtail_modeladmin", "recurrence"}
    is_installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name not in missing and is_installed(name)
    )
    messages = checks.check_required_apps()
    assert ids(messages) == ["strukturwandel.E001", "strukturwandel.E001"]
    recurrence, modeladmin = messages
    assert '"recurrence"' in recurrence.msg
    assert "strukturwandel.core.apps.RecurrenceConfig" in recurrence.hint
    assert '"wagtail_modeladmin"' in modeladmin.msg
    assert "registrations" in modeladmin.hint or "Anmeldungen" in modeladmin.hint


def test_recurrence_with_autofield_keys_is_a_warning_naming_the_fix(monkeypatch):
    meta = apps.get_model("recurrence", "Recurrence")._meta
    assert checks.check_recurrence_primary_keys() == []
    monkeypatch.setattr(meta, "pk", models.AutoField(primary_key=True))
    (message,) = checks.check_recurrence_primary_keys()
    assert message.id == "strukturwandel.W001"
    assert "AutoField" in message.msg
    assert '"strukturwandel.core.apps.RecurrenceConfig"' in message.hint
    assert 'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"' in message.hint


def test_a_site_without_default_auto_field_is_clean_with_the_recurrence_config(tmp_path):
    """The README's way: RecurrenceConfig instead of "recurrence", DEFAULT_AUTO_FIELD untouched."""
    (tmp_path / "stock_settings.py").write_text(
        "from tests.testapp.settings import *  # noqa: F403\n"
        "del DEFAULT_AUTO_FIELD\n"
        "INSTALLED_APPS = [\n"
        '    "strukturwandel.core.apps.RecurrenceConfig" if app == "recurrence" else app\n'
        "    for app in INSTALLED_APPS  # noqa: F405\n"
        "]\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "stock_settings",
    }

    def django_admin(*args):
        return subprocess.run(
            [sys.executable, "-m", "django", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )

    check = django_admin("check", "--fail-level", "WARNING")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "W042" not in check.stdout + check.stderr
    migrations = django_admin("makemigrations", "--check", "--dry-run", "recurrence")
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr


def test_wagtails_stock_layout_gets_the_head_through_extra_css_but_has_no_main(tmp_path):
    stock = STOCK_HEAD + "<body>\n{% block content %}{% endblock %}\n</body>\n</html>\n"
    (message,) = layout_checks(tmp_path, {"base.html": stock})
    assert message.id == "strukturwandel.W003"
    assert '<main id="main">' in message.hint
    assert "{% block content %}{% endblock %}" in message.hint


def test_a_layout_with_extra_head_and_main_is_clean(tmp_path):
    layout = (
        "<html><head>{% block extra_head %}{% endblock %}</head>"
        '<body><main id="main">{% block content %}{% endblock %}</main></body></html>'
    )
    assert layout_checks(tmp_path, {"base.html": layout}) == []


def test_a_layout_without_a_head_block_or_the_tag_is_warned_about(tmp_path):
    layout = "<html><head></head><body><main>{% block content %}{% endblock %}</main></body></html>"
    (message,) = layout_checks(tmp_path, {"base.html": layout})
    assert message.id == "strukturwandel.W002"
    assert "base.html" in message.msg
    assert "{% strukturwandel_head %}" in message.hint


def test_the_tag_in_the_layouts_head_needs_no_block(tmp_path):
    layout = (
        "{% load strukturwandel_core %}<html><head>{% strukturwandel_head %}</head>"
        "<body><main>{% block content %}{% endblock %}</main></body></html>"
    )
    assert layout_checks(tmp_path, {"base.html": layout}) == []


def test_the_tag_in_a_block_the_layout_does_not_have_is_not_enough(tmp_path):
    """A host's own adapter that puts the tag into a block its layout lacks."""
    adapter = (
        '{% extends "layout.html" %}{% load strukturwandel_core %}'
        "{% block styles %}{% strukturwandel_head %}{% endblock %}"
    )
    layout = "<html><head></head><body><main>{% block content %}{% endblock %}</main></body></html>"
    templates = {"strukturwandel_core/base.html": adapter, "layout.html": layout}
    assert ids(layout_checks(tmp_path, templates)) == ["strukturwandel.W002"]
    templates["layout.html"] = layout.replace("<head>", "<head>{% block styles %}{% endblock %}")
    assert layout_checks(tmp_path, templates) == []


def test_a_missing_layout_is_an_error(tmp_path):
    (message,) = layout_checks(tmp_path, {})
    assert message.id == "strukturwandel.E002"
    assert '"base.html"' in message.msg


@pytest.mark.django_db
def test_a_site_still_at_localhost_is_a_database_warning(site):
    site.hostname = "localhost"
    site.save()
    assert checks.check_site_hostname(databases=None) == []
    (message,) = checks.check_site_hostname(databases=["default"])
    assert message.id == "strukturwandel.W004"
    assert message.obj == site
    site.hostname = "strukturwandel.example.org"
    site.save()
    assert checks.check_site_hostname(databases=["default"]) == []


@override_settings(
    LANGUAGES=[("de", "German"), ("en", "English")],
    WAGTAIL_DATE_FORMAT="%d.%m.%Y",
    WAGTAIL_DATETIME_FORMAT="%d.%m.%Y %H:%M",
    WAGTAIL_TIME_FORMAT="%H:%M",
)
def test_admin_date_formats_a_language_cannot_read_are_a_warning():
    # German reads all three; English reads neither the German date nor the date and time.
    messages = checks.check_admin_date_formats()
    assert ids(messages) == ["strukturwandel.W005", "strukturwandel.W005"]
    assert [message.obj for message in messages] == [
        "WAGTAIL_DATE_FORMAT",
        "WAGTAIL_DATETIME_FORMAT",
    ]
    assert "%d.%m.%Y" in messages[0].msg and " en " in messages[0].msg


@override_settings(LANGUAGES=[("de", "German"), ("en", "English")])
def test_wagtails_default_admin_date_formats_pass():
    assert checks.check_admin_date_formats() == []
