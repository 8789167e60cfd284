"""Settings shared by every environment of the demo site."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from . import env, security
from .csp import csp_settings

BASE_DIR = Path(__file__).resolve().parent.parent

INSTALLED_APPS = [
    "home",
    "strukturwandel.core",
    "strukturwandel.topics",
    "strukturwandel.people",
    "strukturwandel.events",
    "strukturwandel.documentation",
    "strukturwandel.groups",
    "strukturwandel.importer",
    "strukturwandel.registration",
    "strukturwandel.participation",
    "recurrence",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.sitemaps",
    "axes",
]

CSRF_FAILURE_VIEW = "home.views.csrf_failure"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (settings/csp.py: one policy for Django 5.2 and 6) and
# Permissions-Policy on every response.
_csp, _csp_middleware = csp_settings()
globals().update(_csp)
MIDDLEWARE.insert(1, _csp_middleware)
MIDDLEWARE.insert(2, "settings.security.PermissionsPolicyMiddleware")
PERMISSIONS_POLICY = security.PERMISSIONS_POLICY

ROOT_URLCONF = "settings.urls"
WSGI_APPLICATION = "settings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

try:
    DATABASES = {
        "default": dj_database_url.config(
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 0),
        )
    }
except ValueError as error:  # dj-database-url's errors do not name the variable
    raise ImproperlyConfigured(
        f"The environment variable DATABASE_URL is not valid: {error}"
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's server answers the admin's requests in threads (autosave, preview, publish
    # at once). A write then waits for the other instead of failing with "database is
    # locked"; IMMEDIATE takes the write lock when a transaction begins, so two transactions
    # never both hold a read lock and deadlock upgrading it (SQLite gives up on those at once).
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login limits (django-axes) for the Wagtail admin, the Django admin and page passwords
# (home.views.authenticate_with_password): after AXES_FAILURE_LIMIT failed attempts from one
# address it is locked out for AXES_COOLOFF_TIME; attempts are stored in the database, so
# every application server sees them. Unlock earlier with `manage.py axes_reset_ip ADDRESS`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.views.lockout"
AXES_CLIENT_IP_CALLABLE = "settings.security.client_ip"
# How many proxies in front of the application append to X-Forwarded-For (production: 1).
TRUSTED_PROXY_COUNT = 0

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first: the public site is German whatever the browser asks for; editors may
# switch the admin to English in their account settings.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "home" / "locale"]
# Dates in the admin the German way, for editors of either language: Wagtail's pickers write
# and read these formats, and each admin language must accept them as input (settings/formats).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
FORMAT_MODULE_PATH = ["settings.formats"]
FIRST_DAY_OF_WEEK = 1

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Strukturwandel im Mitteldeutschen Revier"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search, German (strukturwandel/core/search_backend.py): stemming and stop
# words on PostgreSQL, parts of compound words on PostgreSQL and SQLite.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "strukturwandel.core.search_backend", "SEARCH_CONFIG": "german"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin talks to no outside service: no release check, no Gravatar (it would send a hash
# of each editor's e-mail address to a third party).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "post@nachhaltiges-sachsen.example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The package's settings (strukturwandel/conf.py): the association publishes the feeds.
STRUKTURWANDEL = {
    # Rate limits of the public forms count per visitor behind the proxy (TRUSTED_PROXY_COUNT).
    "CLIENT_ADDRESS": "settings.security.client_ip",
    "CALENDAR_PRODID": "-//Landesverband Nachhaltiges Sachsen e.V.//wagtail-strukturwandel//DE",
}
