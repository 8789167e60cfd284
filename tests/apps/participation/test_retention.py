"""Declined, stale and unconfirmed entries are deleted after the configured times, with their
e-mails; accepted, planned and published ones stay."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from strukturwandel.participation import mail, retention
from strukturwandel.participation.models import (
    BusinessCard,
    ImpulseOffer,
    MailKind,
    ParticipationMail,
    Status,
    TopicSuggestion,
)

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def suggestion(status, *, created=0, changed=0):
    entry = TopicSuggestion.objects.create(title=status, description="x", status=status)
    TopicSuggestion.objects.filter(pk=entry.pk).update(
        created_at=days_ago(created), status_changed_at=days_ago(changed)
    )
    return entry


def test_purge_follows_the_settings(settings):
    settings.STRUKTURWANDEL = {
        **settings.STRUKTURWANDEL,
        "PARTICIPATION_RETENTION_DAYS": 30,
        "PARTICIPATION_STALE_DAYS": 100,
        "PARTICIPATION_CARD_CONFIRM_MAX_AGE": 2 * 86400,
    }
    old_declined = suggestion(Status.DECLINED, created=200, changed=31)
    mail.queue(old_declined, MailKind.RECEIVED, "a@example.org")
    suggestion(Status.DECLINED, created=200, changed=29)
    suggestion(Status.NEW, created=101)
    suggestion(Status.NEW, created=99)
    suggestion(Status.ACCEPTED, created=500, changed=500)
    suggestion(Status.PLANNED, created=500, changed=500)
    offer = ImpulseOffer.objects.create(
        name="n", email="e@example.org", project="p", description="d", status=Status.DECLINED
    )
    ImpulseOffer.objects.filter(pk=offer.pk).update(status_changed_at=days_ago(40))
    unconfirmed = BusinessCard.objects.create(name="u", region="leipzig", email="u@x.org")
    BusinessCard.objects.filter(pk=unconfirmed.pk).update(created_at=days_ago(3))
    BusinessCard.objects.create(name="fresh", region="leipzig", email="f@x.org")
    published = BusinessCard.objects.create(
        name="p",
        region="leipzig",
        email="p@x.org",
        status=Status.PUBLISHED,
        confirmed_at=days_ago(400),
    )
    BusinessCard.objects.filter(pk=published.pk).update(created_at=days_ago(400))

    counts = retention.purge()
    assert counts == {"Themenvorschläge": 2, "Impulsangebote": 1, "Visitenkarten": 1}
    assert sorted(TopicSuggestion.objects.values_list("title", flat=True)) == [
        "accepted",
        "declined",
        "new",
        "planned",
    ]
    assert not ImpulseOffer.objects.exists()
    assert sorted(BusinessCard.objects.values_list("name", flat=True)) == ["fresh", "p"]
    assert not ParticipationMail.objects.exists()


def test_the_command_reports(capsys):
    suggestion(Status.DECLINED, changed=400)
    call_command("purge_participation")
    assert "Themenvorschläge: 1 deleted" in capsys.readouterr().out


def test_the_status_change_time_is_kept_by_the_model():
    entry = TopicSuggestion.objects.create(title="t", description="d")
    TopicSuggestion.objects.filter(pk=entry.pk).update(status_changed_at=days_ago(10))
    entry = TopicSuggestion.objects.get()
    entry.title = "renamed"
    entry.save()
    assert entry.status_changed_at < days_ago(9)
    entry.status = Status.DECLINED
    entry.save(update_fields=["status"])
    entry.refresh_from_db()
    assert entry.status_changed_at > days_ago(1)
