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

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The browser tests' live server answers in its own threads. An in-memory database shared
    # between threads fails at once on a lock ("database table is locked"); a file waits.
    TEST_DATABASE = BASE_DIR / "test-artifacts" / "test-db.sqlite3"  # noqa: F405
    TEST_DATABASE.parent.mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DATABASE)}  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30  # noqa: F405

# Login limits are tested where they are meant (tests/site/test_login_limits.py); elsewhere
# client.login(), which passes no request, must keep working.
AXES_ENABLED = False

# Tests compare fresh renders; tests/site/test_page_cache.py switches the page cache on.
STRUKTURWANDEL = {**STRUKTURWANDEL, "PAGE_CACHE_SECONDS": 0}  # noqa: F405
