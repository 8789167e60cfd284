"""Signed, expiring links in e-mails (``django.core.signing``, keyed by SECRET_KEY).

A token names a record, an action and the record's ``token_key``: renewing the key retires
every link made before. The apps keep their own salt, so a link of one app never works in
another.
"""

from django.core import signing


class InvalidToken(Exception):
    """The link was changed, has expired, or was retired by a new ``token_key``."""

    def __init__(self, expired=False):
        super().__init__()
        self.expired = expired


def make(salt, record, action):
    return signing.dumps(
        {"r": record.pk, "a": action, "k": record.token_key}, salt=salt, compress=True
    )


def read(token, *, salt, action, max_age, queryset):
    """The record of ``queryset`` the token was made for, or InvalidToken."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise InvalidToken(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or data.get("a") != action:
        raise InvalidToken
    record = queryset.filter(pk=data.get("r")).first() if isinstance(data.get("r"), int) else None
    if record is None or record.token_key != data.get("k"):
        raise InvalidToken
    return record
