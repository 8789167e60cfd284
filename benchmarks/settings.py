"""Settings for benchmarks/run.py: the demo site without debug mode.

SQLite in a temporary file unless DATABASE_URL is set; Django's local-memory cache unless
REDIS_URL is set (then Django's Redis backend, as in production).
"""

import os
import tempfile

from settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmarks-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"

if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"sw-benchmark-{os.getpid()}.sqlite3")
    }

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "sw-benchmark",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
