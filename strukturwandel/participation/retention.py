"""Deleting entries nobody needs any more (``purge_participation``, run it daily):

- declined entries PARTICIPATION_RETENTION_DAYS after the decision,
- entries still "new" after PARTICIPATION_STALE_DAYS (nobody handled them),
- business cards whose owner did not confirm the address before the link expired.

Their e-mails go with them. Accepted, planned and published entries stay until an editor
or (for a card) its owner deletes them.
"""

import datetime

from django.utils import timezone

from .conf import app_settings
from .models import BusinessCard, ImpulseOffer, Status, TopicSuggestion

MODELS = (TopicSuggestion, ImpulseOffer, BusinessCard)


def purge(now=None):
    """Delete what the rules above name; returns {model's verbose name plural: count}."""
    now = now or timezone.now()
    declined_before = now - datetime.timedelta(days=app_settings.PARTICIPATION_RETENTION_DAYS)
    stale_before = now - datetime.timedelta(days=app_settings.PARTICIPATION_STALE_DAYS)
    unconfirmed_before = now - datetime.timedelta(
        seconds=app_settings.PARTICIPATION_CARD_CONFIRM_MAX_AGE
    )
    counts = {}
    for model in MODELS:
        count = 0
        for entries in (
            model.objects.filter(status=Status.DECLINED, status_changed_at__lt=declined_before),
            model.objects.filter(status=Status.NEW, created_at__lt=stale_before),
        ):
            count += _delete(entries)
        if model is BusinessCard:
            count += _delete(
                model.objects.filter(confirmed_at__isnull=True, created_at__lt=unconfirmed_before)
            )
        counts[str(model._meta.verbose_name_plural)] = count
    return counts


def _delete(entries):
    # One by one: the generic relation deletes each entry's e-mails with it.
    count = 0
    for entry in entries:
        entry.delete()
        count += 1
    return count
