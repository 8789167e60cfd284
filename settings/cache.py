"""A Redis cache that fails soft: when Redis cannot be reached, the site serves uncached.

A cache is an optimisation; losing it must cost speed, not service. While Redis is
unreachable every read misses and every write is dropped; the backend tries Redis again
``RETRY_AFTER`` seconds after a failure and logs one warning per failed try, not one per
request.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _fail_soft(fallback):
    """Run the method; while Redis is down (or on a connection error) return ``fallback``."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._is_down():
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._went_down(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _default(key, default=None, version=None):
    return default


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")


class FailSoftRedisCache(RedisCache):
    RETRY_AFTER = 30  # seconds
    # Shared by the threads of a process (Django builds one cache object per thread).
    _down_until = {}
    _lock = threading.Lock()

    def _state_key(self):
        return tuple(self._servers)

    def _is_down(self):
        return time.monotonic() < self._down_until.get(self._state_key(), 0)

    def _went_down(self, error):
        with self._lock:
            if self._is_down():
                return
            self._down_until[self._state_key()] = time.monotonic() + self.RETRY_AFTER
        logger.warning(
            "Cache %s unreachable (%s: %s); serving without cache, next try in %s s.",
            ",".join(self._servers),
            type(error).__name__,
            error,
            self.RETRY_AFTER,
        )

    get = _fail_soft(_default)(RedisCache.get)
    add = _fail_soft(lambda *args, **kwargs: False)(RedisCache.add)
    set = _fail_soft(lambda *args, **kwargs: None)(RedisCache.set)
    touch = _fail_soft(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _fail_soft(lambda *args, **kwargs: False)(RedisCache.delete)
    has_key = _fail_soft(lambda *args, **kwargs: False)(RedisCache.has_key)
    get_many = _fail_soft(lambda *args, **kwargs: {})(RedisCache.get_many)
    set_many = _fail_soft(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = _fail_soft(lambda *args, **kwargs: None)(RedisCache.delete_many)
    incr = _fail_soft(_missing)(RedisCache.incr)
    clear = _fail_soft(lambda *args, **kwargs: False)(RedisCache.clear)


def redis_cache(location):
    """The CACHES setting for a Redis server at ``location`` (``redis://host:port/db``)."""
    return {
        "default": {
            "BACKEND": "settings.cache.FailSoftRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "strukturwandel",
            # A server that does not answer costs at most this long per try, not a hung worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
