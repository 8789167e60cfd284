"""One Content-Security-Policy for both Django versions the site runs on.

Django 6 sends it with its own middleware (SECURE_CSP); Django 5.2 LTS through django-csp
(CONTENT_SECURITY_POLICY). Both take the same directives, so the policy is written once here
and ``csp_settings()`` returns the settings and the middleware for the running Django.

No script runs but the site's own files ('self', no 'unsafe-inline'); the public templates
have no inline script (JSON-LD is data, not executed) and no <style> element. Style
*attributes* are allowed: Wagtail's responsive embeds size their frame with one. Embedded
videos come from any HTTPS origin an editor pastes (Wagtail's oEmbed finders).

The Wagtail admin (with its live preview) and the Django admin are left without this policy:
they are no public pages, the editors logged in there are trusted, and Wagtail's admin uses
inline scripts and styles of its own.
"""

import django

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
EXEMPT_PATH_PREFIXES = ("/admin/", "/django-admin/")

if django.VERSION >= (6, 0):
    from django.middleware.csp import ContentSecurityPolicyMiddleware as _DjangoCSPMiddleware

    class ContentSecurityPolicyMiddleware(_DjangoCSPMiddleware):
        """Django's middleware, leaving out the admin paths (django-csp's EXCLUDE_URL_PREFIXES)."""

        def process_response(self, request, response):
            if request.path_info.startswith(EXEMPT_PATH_PREFIXES):
                response._csp_config = {}  # an empty policy: Django sends no header
            return super().process_response(request, response)


def csp_settings():
    """``(settings, middleware)`` for the running Django, from the one ``POLICY``."""
    if django.VERSION >= (6, 0):
        return {"SECURE_CSP": POLICY}, "settings.csp.ContentSecurityPolicyMiddleware"
    return (
        {
            "CONTENT_SECURITY_POLICY": {
                "DIRECTIVES": POLICY,
                "EXCLUDE_URL_PREFIXES": list(EXEMPT_PATH_PREFIXES),
            }
        },
        "csp.middleware.CSPMiddleware",
    )
