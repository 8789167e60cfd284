"""The whole way over HTTP: form → e-mail → confirm → e-mail with link and .ics → reminder →
cancel → the waiting list moves up."""

import datetime
import io

import django
import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from strukturwandel.events.models import MeetingStatus
from strukturwandel.registration.models import (
    MailKind,
    MailStatus,
    Registration,
    RegistrationMail,
    RegistrationStatus,
)

from .conftest import CALL_LINK, form_data, last_mail, link

pytestmark = pytest.mark.django_db


def register_url(meeting):
    return reverse("strukturwandel_registration:register", args=[meeting.pk])


def section(html):
    return html.split('id="anmeldung"', 1)[1].split("</section>", 1)[0]


def test_register_confirm_remind_cancel(
    client, send, meeting, caplog, django_capture_on_commit_callbacks
):
    html = client.get(meeting.url).content.decode()
    form = section(html)
    assert f'action="{register_url(meeting)}#anmeldung"' in form
    assert 'name="registration-email"' in form
    assert CALL_LINK not in html

    response = send(register_url(meeting), form_data())
    sent_url = reverse("strukturwandel_registration:sent", args=[meeting.pk])
    assert response.status_code == 302 and response["Location"] == sent_url
    assert "Bitte bestätigen Sie Ihre Anmeldung" in client.get(sent_url).content.decode()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.UNCONFIRMED
    assert registration.organisation == "Dorfladen Musterdorf e.V."
    request = last_mail()
    assert request.to == ["erika@example.org"]
    assert request.subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")
    assert "Sehr geehrte:r Erika Beispiel" in request.body or "Erika Beispiel" in request.body
    assert "Lebendige Orte & Dorfläden" in request.body  # plain text, not HTML-escaped
    assert CALL_LINK not in request.body and not request.attachments

    confirm_url = link(request, "confirm")
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Anmeldung bestätigen" in page.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.UNCONFIRMED  # GET: nothing

    response = send(confirm_url)
    assert response.status_code == 302 and response["Location"] == confirm_url
    assert "Ihre Anmeldung ist bestätigt." in client.get(confirm_url).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    confirmed = last_mail()
    assert confirmed.subject.startswith("Ihre Anmeldung ist bestätigt")
    assert CALL_LINK in confirmed.body
    (name, content, mimetype) = confirmed.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    event = next(iter(calendar.walk("VEVENT")))
    assert CALL_LINK in str(event["description"]) and str(event["location"]) == CALL_LINK
    # The public calendar of the same meeting has no link.
    assert CALL_LINK.encode() not in client.get(meeting.calendar_url).content

    # Reminders: none yet ten days ahead; the day before, once however often it runs.
    call_command("send_meeting_reminders", stdout=io.StringIO())
    assert not RegistrationMail.objects.filter(kind=MailKind.REMINDER).exists()
    day_before = meeting.start - datetime.timedelta(hours=20)
    from strukturwandel.registration import reminders

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due(now=day_before) == 1
        assert reminders.send_due(now=day_before) == 0
    reminder = last_mail()
    assert reminder.subject.startswith("Erinnerung:")
    assert CALL_LINK in reminder.body and reminder.attachments
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due(now=meeting.start - datetime.timedelta(minutes=50)) == 1
        assert reminders.send_due(now=meeting.start - datetime.timedelta(minutes=40)) == 0

    cancel_url = link(confirmed, "cancel")
    assert "Anmeldung stornieren" in client.get(cancel_url).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED  # GET: nothing
    response = send(cancel_url)
    assert response.status_code == 302
    assert "Ihre Anmeldung ist storniert." in client.get(cancel_url).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert last_mail().subject.startswith("Ihre Anmeldung ist storniert")

    # No log line holds an address or the call link.
    assert "erika@example.org" not in caplog.text and CALL_LINK not in caplog.text


def confirm(client, send, meeting, email, name="Teilnehmer:in"):
    send(register_url(meeting), form_data(email=email, name=name))
    request = [m for m in mail.outbox if m.to == [email]][-1]
    send(link(request, "confirm"))
    return Registration.objects.get(meeting=meeting, email=email)


def test_capacity_waiting_list_and_moving_up(client, send, make_meeting):
    meeting = make_meeting(capacity=2)
    first = confirm(client, send, meeting, "a@example.org")
    confirm(client, send, meeting, "b@example.org")
    html = client.get(meeting.url).content.decode()
    assert "Alle Plätze sind vergeben" in section(html)
    assert "Auf die Warteliste" in section(html)
    waiting = confirm(client, send, meeting, "c@example.org")
    assert waiting.status == RegistrationStatus.WAITLISTED
    told = last_mail()
    assert told.subject.startswith("Sie stehen auf der Warteliste")
    assert CALL_LINK not in told.body and not told.attachments

    cancel_mail = [m for m in mail.outbox if m.to == ["a@example.org"]][-1]
    send(link(cancel_mail, "cancel"))
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == ["c@example.org"]][-1]
    assert promoted.subject.startswith("Ein Platz ist frei geworden")
    assert CALL_LINK in promoted.body and promoted.attachments
    assert "noch 0 Plätze frei" not in section(client.get(meeting.url).content.decode())


def test_places_left_on_the_page(client, send, make_meeting):
    meeting = make_meeting(capacity=3)
    assert "Noch 3 Plätze frei." in section(client.get(meeting.url).content.decode())
    confirm(client, send, meeting, "a@example.org")
    confirm(client, send, meeting, "b@example.org")
    assert "Noch 1 Platz frei." in section(client.get(meeting.url).content.decode())
    # The card on the series page counts the same places (annotated, no extra query).
    series = meeting.get_parent()
    assert ">Anmelden<" in client.get(series.url).content.decode()
    confirm(client, send, meeting, "c@example.org")
    assert "Ausgebucht – Warteliste" in client.get(series.url).content.decode()


def test_registering_twice_sends_the_right_email_again(client, send, meeting):
    send(register_url(meeting), form_data())
    send(register_url(meeting), form_data(name="Erika B."))
    assert Registration.objects.count() == 1
    assert Registration.objects.get().name == "Erika B."
    assert [m.subject.split(":")[0] for m in mail.outbox] == [
        "Bitte bestätigen Sie Ihre Anmeldung"
    ] * 2
    send(link(last_mail(), "confirm"))
    # Confirmed: the same address gets its confirmation (with the link) once more.
    send(register_url(meeting), form_data(email="ERIKA@example.org"))
    assert Registration.objects.count() == 1
    assert last_mail().subject.startswith("Ihre Anmeldung ist bestätigt")
    assert CALL_LINK in last_mail().body


def test_a_cancelled_registration_can_register_again(client, send, meeting):
    registration = confirm(client, send, meeting, "erika@example.org")
    old_cancel = link(last_mail(), "cancel")
    send(old_cancel)
    old_confirm = link([m for m in mail.outbox if "/bestaetigen/" in m.body][0], "confirm")
    send(register_url(meeting), form_data())
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.UNCONFIRMED
    # The old links belong to the earlier registration and no longer work.
    assert client.get(old_confirm).status_code == 400
    assert client.get(old_cancel).status_code == 400
    send(link(last_mail(), "confirm"))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancelling_the_meeting_tells_participants_once(
    client, send, meeting, django_capture_on_commit_callbacks
):
    confirm(client, send, meeting, "a@example.org")
    send(register_url(meeting), form_data(email="unbestaetigt@example.org"))
    mail.outbox.clear()
    page = meeting.specific
    page.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        page.save_revision().publish()
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].subject.startswith("Abgesagt:")
    assert CALL_LINK not in mail.outbox[0].body


def test_mail_failures_never_reach_the_visitor_and_are_retried(
    client, send, meeting, failing_mail, settings, caplog
):
    response = send(register_url(meeting), form_data())
    assert response.status_code == 302  # the visitor sees the usual answer
    registration = Registration.objects.get()
    sent = RegistrationMail.objects.get()
    assert sent.status == MailStatus.FAILED and sent.attempts == 1
    assert sent.error == "SMTPRecipientsRefused"
    assert "erika@example.org" not in caplog.text
    # Not retried before its time; then retried, still failing, with a longer wait.
    call_command("send_pending_registration_mail", stdout=io.StringIO())
    sent.refresh_from_db()
    assert sent.attempts == 1
    RegistrationMail.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_registration_mail", stdout=io.StringIO())
    sent.refresh_from_db()
    assert sent.attempts == 2 and sent.status == MailStatus.FAILED
    first_wait = settings_retry(settings)
    assert sent.next_attempt_at - sent.last_attempt_at == 2 * first_wait
    # The mail server is back: the next run sends it.
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {"BACKEND": locmem}}
    else:
        settings.EMAIL_BACKEND = locmem
    RegistrationMail.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_registration_mail", stdout=io.StringIO())
    sent.refresh_from_db()
    assert sent.status == MailStatus.SENT and sent.attempts == 3
    assert last_mail().to == [registration.email]


def settings_retry(settings):
    from strukturwandel.registration.conf import app_settings

    return datetime.timedelta(seconds=app_settings.REGISTRATION_MAIL_RETRY_SECONDS)


def test_failed_mail_gives_up_after_the_last_attempt(meeting, failing_mail, settings):
    from strukturwandel.registration import mail as registration_mail
    from strukturwandel.registration import retry

    settings.STRUKTURWANDEL = {"REGISTRATION_MAIL_MAX_ATTEMPTS": 2}
    registration = Registration.objects.create(
        meeting=meeting, name="Erika", email="erika@example.org"
    )
    queued = RegistrationMail.objects.create(
        registration=registration, kind=MailKind.CONFIRM_REQUEST
    )
    registration_mail.deliver(queued.pk)
    later = timezone.now() + datetime.timedelta(days=1)
    assert retry.send_pending(now=later) == (0, 1)
    assert retry.send_pending(now=later) == (0, 0)  # stays failed, for editors to see
    queued.refresh_from_db()
    assert queued.attempts == 2 and queued.status == MailStatus.FAILED


def queued_reminder(meeting):
    """A reminder queued for a confirmed registration of ``meeting``, not yet sent."""
    registration = Registration.objects.create(
        meeting=meeting, name="Erika", email="erika@example.org"
    )
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CONFIRMED)
    return RegistrationMail.objects.create(
        registration=registration, kind=MailKind.REMINDER, key="3600"
    )


@pytest.mark.parametrize(
    "ended_ago,status",
    [
        (datetime.timedelta(minutes=1), MeetingStatus.PLANNED),
        (datetime.timedelta(0), MeetingStatus.PLANNED),
        (-datetime.timedelta(hours=1), MeetingStatus.CANCELLED),
    ],
)
def test_a_reminder_held_up_until_the_meeting_is_over_is_not_sent(make_meeting, ended_ago, status):
    from strukturwandel.registration import mail as registration_mail

    meeting = make_meeting(days=2)
    # Queued in time; the mail server was down until the meeting had ended (or was called off).
    end = timezone.now() - ended_ago
    meeting.start, meeting.end = end - datetime.timedelta(minutes=90), end
    meeting.status = status
    meeting.save()
    reminder = queued_reminder(meeting)
    assert not registration_mail.deliver(reminder.pk)
    assert mail.outbox == []
    assert not RegistrationMail.objects.filter(pk=reminder.pk).exists()


def test_a_reminder_held_up_past_the_start_of_a_running_meeting_is_still_sent(make_meeting):
    from strukturwandel.registration import mail as registration_mail

    meeting = make_meeting(days=2)
    start = timezone.now() - datetime.timedelta(minutes=10)
    meeting.start, meeting.end = start, start + datetime.timedelta(minutes=90)
    meeting.save()
    reminder = queued_reminder(meeting)
    # Late, but the call link still helps.
    assert registration_mail.deliver(reminder.pk)
    assert CALL_LINK in last_mail().body
