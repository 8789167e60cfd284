"""Settings for the demo site on a developer's machine: SQLite, debug on."""

from .base import *  # noqa: F403
from .mail import mailer

DEBUG = True
SECRET_KEY = "django-insecure-demo-only-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
globals().update(mailer("django.core.mail.backends.console.EmailBackend"))
