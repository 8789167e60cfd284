"""Settings of the participation app, in the same ``STRUKTURWANDEL`` dict as the others::

STRUKTURWANDEL = {"PARTICIPATION_RETENTION_DAYS": 90}
"""

from django.core.signals import setting_changed

from strukturwandel.conf import AppSettings

DEFAULTS = {
    # (attempts, seconds): entries a visitor may send per e-mail address and per client
    # address (strukturwandel.conf CLIENT_ADDRESS) within the time, over all three forms.
    "PARTICIPATION_RATE_LIMIT_PER_ADDRESS": (5, 3600),
    "PARTICIPATION_RATE_LIMIT_PER_CLIENT": (10, 3600),
    # (changes, seconds): what the owner may save of a business card within the time; each
    # change is e-mailed to the moderators.
    "PARTICIPATION_CARD_CHANGE_LIMIT": (10, 3600),
    # How long the link in the "please confirm your business card" e-mail works, in seconds;
    # an unconfirmed card is deleted by ``purge_participation`` after that.
    "PARTICIPATION_CARD_CONFIRM_MAX_AGE": 7 * 24 * 3600,
    # How long the owner's private link to edit or delete a card works, in seconds (each
    # e-mail about the card carries a fresh one).
    "PARTICIPATION_CARD_LINK_MAX_AGE": 2 * 365 * 24 * 3600,
    # Days after which ``purge_participation`` deletes declined entries (counted from the
    # decision), and entries nobody has handled (still "new").
    "PARTICIPATION_RETENTION_DAYS": 180,
    "PARTICIPATION_STALE_DAYS": 365,
    # How often an e-mail is tried before it stays failed, and the wait before the first
    # retry (doubled after each failure); see core.mail.
    "PARTICIPATION_MAIL_MAX_ATTEMPTS": 6,
    "PARTICIPATION_MAIL_RETRY_SECONDS": 300,
    # Business cards per page of the directory.
    "PARTICIPATION_CARDS_PER_PAGE": 12,
}

app_settings = AppSettings(DEFAULTS)


def _reload(*, setting, **kwargs):
    if setting == "STRUKTURWANDEL":
        app_settings.reload()


setting_changed.connect(_reload)
