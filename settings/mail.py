"""E-mail settings for both supported Django versions.

Django 6.1 replaced EMAIL_BACKEND and the EMAIL_* settings by MAILERS (the old names warn and
go away in Django 2028); Django 5.2 LTS only knows the old names. ``mailer`` returns whichever
the running Django understands, for ``globals().update(...)`` in a settings module.
"""

import django

_LEGACY_NAMES = {
    "host": "EMAIL_HOST",
    "port": "EMAIL_PORT",
    "username": "EMAIL_HOST_USER",
    "password": "EMAIL_HOST_PASSWORD",
    "use_tls": "EMAIL_USE_TLS",
    "timeout": "EMAIL_TIMEOUT",
    "file_path": "EMAIL_FILE_PATH",
}


def mailer(backend, **options):
    if django.VERSION >= (6, 1):
        return {"MAILERS": {"default": {"BACKEND": backend, "OPTIONS": options}}}
    return {"EMAIL_BACKEND": backend} | {_LEGACY_NAMES[k]: v for k, v in options.items()}
