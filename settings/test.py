"""Settings for the test suite: the demo site, fast hashing, mail kept in memory."""

from .base import *  # noqa: F403
from .mail import mailer

DEBUG = False
SECRET_KEY = "tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
globals().update(mailer("django.core.mail.backends.locmem.EmailBackend"))
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
