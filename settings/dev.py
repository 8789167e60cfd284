"""Settings for the demo site on a developer's machine: SQLite, debug on unless DJANGO_DEBUG=0."""

import os

from .base import *  # noqa: F403
from .mail import mailer

# On for development; `make demo` turns it off so visitors see the site's own 404 and 500
# pages instead of Django's debug pages (runserver --insecure still serves static files).
DEBUG = os.environ.get("DJANGO_DEBUG", "1").strip().lower() not in {"0", "false", "no", "off"}
# Uploaded images are served by Django here, with or without DEBUG; in production the web
# server does it.
SERVE_MEDIA = True
SECRET_KEY = "django-insecure-demo-only-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# E-mails (registration, reminders) are written as files to var/mail/, one per message, so a
# tester can open the links in them; Django's tasks run at once (the default backend).
globals().update(
    mailer(
        "django.core.mail.backends.filebased.EmailBackend",
        file_path=str(BASE_DIR / "var" / "mail"),  # noqa: F405
    )
)
