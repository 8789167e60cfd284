"""Settings of the registration app, in the same ``STRUKTURWANDEL`` dict as the others::

STRUKTURWANDEL = {"REGISTRATION_RETENTION_DAYS": 14}
"""

import datetime

from django.core.signals import setting_changed

from strukturwandel.conf import AppSettings

DEFAULTS = {
    # Reminders before a meeting's start, each sent once to every confirmed participant by
    # ``manage.py send_meeting_reminders`` (run it every few minutes).
    "REGISTRATION_REMINDERS": [datetime.timedelta(days=1), datetime.timedelta(hours=1)],
    # How long the link in the "please confirm" e-mail works, in seconds.
    "REGISTRATION_CONFIRM_MAX_AGE": 3 * 24 * 3600,
    # Days after a meeting's end when ``purge_registrations`` deletes its registrations'
    # personal data, keeping only counts.
    "REGISTRATION_RETENTION_DAYS": 30,
    # (attempts, seconds): registrations a visitor may send per e-mail address and per client
    # address within the time; counted in the cache (Redis in production, shared by servers).
    "REGISTRATION_RATE_LIMIT_PER_ADDRESS": (5, 3600),
    "REGISTRATION_RATE_LIMIT_PER_CLIENT": (20, 3600),
    # The visitor's address for the per-client limit: see CLIENT_ADDRESS (strukturwandel.conf).
    # How often an e-mail is tried before it stays failed (for editors to see), and the
    # wait before the first retry (doubled after each failure).
    "REGISTRATION_MAIL_MAX_ATTEMPTS": 6,
    "REGISTRATION_MAIL_RETRY_SECONDS": 300,
}

app_settings = AppSettings(DEFAULTS)


def _reload(*, setting, **kwargs):
    if setting == "STRUKTURWANDEL":
        app_settings.reload()


setting_changed.connect(_reload)
