"""Production settings: everything secret or host-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL.
Optional: REDIS_URL (cache), ADMINS ("Name <address>,…": who gets an e-mail on a server
error), EMAIL_HOST/EMAIL_PORT/EMAIL_HOST_USER/EMAIL_HOST_PASSWORD/EMAIL_USE_TLS,
DEFAULT_FROM_EMAIL, SERVER_EMAIL, WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS,
SECURE_HSTS_SECONDS, SECURE_SSL_REDIRECT, DATABASE_CONNECT_TIMEOUT, STATIC_ROOT, MEDIA_ROOT,
LOG_LEVEL, TASKS_BACKEND ("database", the default, or "immediate"). A value that cannot be
read stops the start with a message naming the variable.
"""

import logging

from django.core.exceptions import ImproperlyConfigured

from . import env
from .base import *  # noqa: F403
from .cache import redis_cache
from .mail import mailer

DEBUG = False
SECRET_KEY = env.required("SECRET_KEY")
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS") or env.required("ALLOWED_HOSTS")
env.required("DATABASE_URL")  # read by base.py through dj-database-url
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS")
env.url("WAGTAILADMIN_BASE_URL", schemes=("https", "http"))  # read by base.py

if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):  # noqa: F405
    # A database host that does not answer gives the error page after this long, instead of
    # holding every worker.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.integer(  # noqa: F405
        "DATABASE_CONNECT_TIMEOUT", 5, minimum=1
    )

if env.string("REDIS_URL"):
    CACHES = redis_cache(env.url("REDIS_URL", schemes=("redis", "rediss", "unix")))
    # Logins hold on every app server; the database keeps them when Redis restarts.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Who is told of a server error (Django mails them the traceback); without ADMINS errors
# are only logged, and the 500 page does not claim that anyone was informed.
ADMINS = env.admins("ADMINS")
SERVER_EMAIL = env.string("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

globals().update(
    mailer(
        "django.core.mail.backends.smtp.EmailBackend",
        host=env.string("EMAIL_HOST", "localhost"),
        port=env.integer("EMAIL_PORT", 587, minimum=1),
        username=env.string("EMAIL_HOST_USER"),
        password=env.string("EMAIL_HOST_PASSWORD"),
        use_tls=env.boolean("EMAIL_USE_TLS", True),
        timeout=20,
    )
)

# Registration e-mails leave the request through Django's tasks framework. "database" keeps
# them in a queue in the database (django-tasks-db); run `manage.py db_worker` beside the
# application server to send them. "immediate" sends them within the request.
TASKS_BACKEND = env.string("TASKS_BACKEND", "database")
if TASKS_BACKEND not in ("database", "immediate"):
    raise ImproperlyConfigured(
        f"The environment variable TASKS_BACKEND={TASKS_BACKEND!r} is not "
        '"database" or "immediate".'
    )
if TASKS_BACKEND == "database":
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)

# HTTPS is terminated at the proxy in front of the application server.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies that append the visitor's address to X-Forwarded-For (login limits count by it).
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOG_LEVEL = env.string("LOG_LEVEL", "INFO").upper()
if not isinstance(logging.getLevelName(LOG_LEVEL), int):
    raise ImproperlyConfigured(
        f"The environment variable LOG_LEVEL={LOG_LEVEL!r} is not a log level "
        "(DEBUG, INFO, WARNING, ERROR, CRITICAL)."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
