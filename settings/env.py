"""Typed reading of the environment for the settings modules.

Every reader raises ImproperlyConfigured naming the variable and saying what it expects, so a
typo in a deployment fails at start with a message an operator can act on.
"""

import os
from email.utils import formataddr, getaddresses
from urllib.parse import urlsplit

import django
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _invalid(name, value, expected, *, secret=False):
    # URLs may carry a password: they are not repeated in the message.
    shown = name if secret else f"{name}={value!r}"
    return ImproperlyConfigured(f"The environment variable {shown} is not {expected}.")


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set."
        )
    return value


def string(name, default=""):
    return os.environ.get(name, default).strip()


def integer(name, default, *, minimum=0):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise _invalid(name, value, "a whole number") from None
    if number < minimum:
        raise _invalid(name, value, f"a whole number of at least {minimum}")
    return number


def boolean(name, default):
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in _TRUE | _FALSE:
        return value in _TRUE
    raise _invalid(name, value, "a yes/no value (true, false, 1, 0, yes, no, on, off)")


def string_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def url(name, default="", *, schemes):
    """A URL whose scheme is one of ``schemes``; ``default`` when the variable is empty."""
    value = os.environ.get(name, "").strip() or default
    if not value:
        return value
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError:
        raise _invalid(name, value, "a valid URL", secret=True) from None
    if parts.scheme not in schemes:
        expected = " or ".join(f"{scheme}://" for scheme in schemes)
        raise _invalid(name, value, f"a URL starting with {expected}", secret=True)
    return value


def admins(name="ADMINS"):
    """``ADMINS="Name <address>,Other Name <address>"`` in the form the running Django takes.

    Django 6 takes a list of addresses; Django 5.2 a list of (name, address) pairs.
    """
    value = os.environ.get(name, "").strip()
    if not value:
        return []
    pairs = getaddresses([value])
    for _name, address in pairs:
        try:
            validate_email(address)
        except ValidationError:
            raise _invalid(
                name, value, 'a list of e-mail addresses ("Name <a@example.org>,…")'
            ) from None
    if django.VERSION >= (6, 0):
        return [formataddr(pair) for pair in pairs]
    return [(pair_name or address, address) for pair_name, address in pairs]
