"""Settings for benchmarks/two_servers.py: the demo site as in production (no debug mode, the
page cache on), on DATABASE_URL, with Redis at REDIS_URL or else a file-based cache that the
processes of one machine share."""

import os

from settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "two-servers-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "sw-two-servers",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ["STRUKTURWANDEL_CACHE_DIR"],
        }
    }
