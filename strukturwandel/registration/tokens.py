"""The links in registration e-mails (core.tokens), keyed by the registration's
``token_key`` (renewed when it registers again, which retires old links). Confirmation links
expire after REGISTRATION_CONFIRM_MAX_AGE; cancellation links work until the meeting has
ended."""

from strukturwandel.core import tokens
from strukturwandel.core.tokens import InvalidToken

from .conf import app_settings
from .models import Registration

__all__ = ["CANCEL", "CONFIRM", "InvalidToken", "make", "read"]

SALT = "strukturwandel.registration"
CONFIRM = "confirm"
CANCEL = "cancel"
# Cancelling is refused after the meeting anyway; the signature's age only bounds old links.
CANCEL_MAX_AGE = 400 * 24 * 3600


def make(registration, action):
    return tokens.make(SALT, registration, action)


def max_age(action):
    return app_settings.REGISTRATION_CONFIRM_MAX_AGE if action == CONFIRM else CANCEL_MAX_AGE


def read(token, action):
    """The registration the token was made for, or InvalidToken."""
    return tokens.read(
        token,
        salt=SALT,
        action=action,
        max_age=max_age(action),
        queryset=Registration.objects.select_related("meeting"),
    )
