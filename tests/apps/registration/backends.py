import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every message (and names the address, as servers do)."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({m.to[0]: (451, b"try later") for m in messages})


def real_ip(request):
    """The visitor's address as a proxy in front of the site would pass it on."""
    return request.META.get("HTTP_X_REAL_IP")
