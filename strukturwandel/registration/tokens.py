"""Signed, expiring links in the e-mails (``django.core.signing``, keyed by SECRET_KEY).

A token names the registration, the action and the registration's ``token_key`` (renewed
when it registers again, which retires old links). Confirmation links expire after
REGISTRATION_CONFIRM_MAX_AGE; cancellation links work until the meeting has ended.
"""

from django.core import signing

from .conf import app_settings
from .models import Registration

SALT = "strukturwandel.registration"
CONFIRM = "confirm"
CANCEL = "cancel"
# Cancelling is refused after the meeting anyway; the signature's age only bounds old links.
CANCEL_MAX_AGE = 400 * 24 * 3600


class InvalidToken(Exception):
    """The link was changed, has expired, or belongs to an earlier registration."""

    def __init__(self, expired=False):
        super().__init__()
        self.expired = expired


def make(registration, action):
    return signing.dumps(
        {"r": registration.pk, "a": action, "k": registration.token_key}, salt=SALT, compress=True
    )


def max_age(action):
    return app_settings.REGISTRATION_CONFIRM_MAX_AGE if action == CONFIRM else CANCEL_MAX_AGE


def read(token, action):
    """The registration the token was made for, or InvalidToken."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age(action))
    except signing.SignatureExpired as error:
        raise InvalidToken(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or data.get("a") != action:
        raise InvalidToken
    registration = Registration.objects.select_related("meeting").filter(pk=data.get("r")).first()
    if registration is None or registration.token_key != data.get("k"):
        raise InvalidToken
    return registration
