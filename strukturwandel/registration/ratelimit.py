"""Counting attempts in the cache, so several app servers share the limits (Redis in
production). Keys hold hashes, never an e-mail address."""

import hashlib

from django.core.cache import cache
from django.utils.module_loading import import_string

from .conf import app_settings


def client_address(request):
    path = app_settings.REGISTRATION_CLIENT_ADDRESS
    address = import_string(path)(request) if path else None
    return address or request.META.get("REMOTE_ADDR", "")


def _key(kind, value):
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"strukturwandel-registration:{kind}:{digest}"


def _hit(key, limit, seconds):
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit


def allow(request, email):
    """Count one registration from this client and for this address; False once either is
    over its limit."""
    per_client = _hit(_key("client", client_address(request)), *_limit("CLIENT"))
    per_address = _hit(_key("address", email.lower()), *_limit("ADDRESS"))
    return per_client and per_address


def _limit(which):
    attempts, seconds = getattr(app_settings, f"REGISTRATION_RATE_LIMIT_PER_{which}")
    return attempts, seconds
