"""Security helpers of the demo site: the client address behind a proxy, for login limits."""

from django.conf import settings


def client_ip(request):
    """The visitor's address: behind ``TRUSTED_PROXY_COUNT`` proxies, the one they saw.

    Without proxies REMOTE_ADDR. Behind a proxy REMOTE_ADDR is the proxy's own address, the
    same for every visitor; limiting login attempts by it would lock everyone out at once.
    Only the entries the trusted proxies appended to X-Forwarded-For are believed.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
