"""Counting attempts in the cache, so several app servers share the limits (Redis in
production). Keys hold hashes, never an e-mail address."""

import hashlib

from django.core.cache import cache
from django.utils.module_loading import import_string

from strukturwandel.conf import app_settings


def client_address(request):
    """The visitor's address: CLIENT_ADDRESS's function behind a proxy, else REMOTE_ADDR."""
    path = app_settings.CLIENT_ADDRESS
    address = import_string(path)(request) if path else None
    return address or request.META.get("REMOTE_ADDR", "")


def allow(namespace, kind, value, limit):
    """Count one attempt for ``value`` (a client address, an e-mail address); False once
    there were more than ``limit`` = (attempts, seconds) within the time."""
    attempts, seconds = limit
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    key = f"strukturwandel-{namespace}:{kind}:{digest}"
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= attempts
