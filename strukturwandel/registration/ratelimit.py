"""The registration form's limits (core.ratelimit): per e-mail address and per client."""

from strukturwandel.core import ratelimit

from .conf import app_settings


def allow(request, email):
    """Count one registration from this client and for this address; False once either is
    over its limit."""
    per_client = ratelimit.allow(
        "registration",
        "client",
        ratelimit.client_address(request),
        app_settings.REGISTRATION_RATE_LIMIT_PER_CLIENT,
    )
    per_address = ratelimit.allow(
        "registration", "address", email.lower(), app_settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS
    )
    return per_client and per_address
