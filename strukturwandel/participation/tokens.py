"""The links in e-mails about a business card (core.tokens): confirming the address, and
the owner's private link to edit or delete the card."""

from strukturwandel.core import tokens
from strukturwandel.core.tokens import InvalidToken

from .conf import app_settings
from .models import BusinessCard

__all__ = ["CONFIRM", "OWNER", "InvalidToken", "make", "read"]

SALT = "strukturwandel.participation.card"
CONFIRM = "confirm"
OWNER = "owner"


def make(card, action):
    return tokens.make(SALT, card, action)


def read(token, action):
    """The card the token was made for, or InvalidToken."""
    max_age = (
        app_settings.PARTICIPATION_CARD_CONFIRM_MAX_AGE
        if action == CONFIRM
        else app_settings.PARTICIPATION_CARD_LINK_MAX_AGE
    )
    return tokens.read(
        token, salt=SALT, action=action, max_age=max_age, queryset=BusinessCard.objects.all()
    )
