"""A bare host site: Wagtail plus the strukturwandel apps, nothing of the demo site.

The package's tests run here to prove the apps work in a site that is not ours.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

HERE = Path(__file__).resolve().parent

SECRET_KEY = "tests-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]

# The supported sets of the package's apps, each installed alone by a CI leg
# (STRUKTURWANDEL_TEST_APPS=events|groups|all; default all). Each app needs those below it.
APP_SETS = {
    "events": ["core", "people", "topics", "events"],
    "groups": ["core", "people", "topics", "events", "groups"],
    "all": [
        "core",
        "people",
        "topics",
        "events",
        "groups",
        "documentation",
        "importer",
        "registration",
        "participation",
    ],
}
STRUKTURWANDEL_APPS = APP_SETS[os.environ.get("STRUKTURWANDEL_TEST_APPS", "all")]

INSTALLED_APPS = [
    *(f"strukturwandel.{name}" for name in STRUKTURWANDEL_APPS),
    "recurrence",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "tests.testapp.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

import dj_database_url  # noqa: E402
import django  # noqa: E402

DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_ROOT = HERE.parent.parent / "test-artifacts" / "media"
MEDIA_URL = "/media/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django 6.1 replaced EMAIL_BACKEND by MAILERS.
if django.VERSION >= (6, 1):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

WAGTAIL_SITE_NAME = "Testsite"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Wagtail's database search, German (strukturwandel/core/search_backend.py): stemming and stop
# words on PostgreSQL, parts of compound words on PostgreSQL and SQLite.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "strukturwandel.core.search_backend", "SEARCH_CONFIG": "german"}
}

# Tests compare fresh renders (and count their queries); the page cache's own tests
# (tests/apps/core/test_page_cache.py) switch it on.
STRUKTURWANDEL = {"PAGE_CACHE_SECONDS": 0}
