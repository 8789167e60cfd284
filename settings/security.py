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


# Browser features no page of the site uses, refused for the pages and anything they embed.
# Only features every current browser knows: an unknown one is an error in the console.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}


class PermissionsPolicyMiddleware:
    """Sends ``Permissions-Policy`` built from the PERMISSIONS_POLICY setting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", PERMISSIONS_POLICY)
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = ", ".join(
                f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
            )
        return response
