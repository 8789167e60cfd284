"""E-mails about entries (core.mail): stored with the entry, sent by a task on commit.

To the visitor: a receipt for a suggestion or offer (when they gave an address), the
request to confirm a business card, and the owner's private link once it is confirmed. To
editors with the permission ``moderate_participation``: a note of each new entry. Templates
(plain text, overridable): ``strukturwandel_participation/emails/<kind>.txt``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from strukturwandel.core import mail as stored_mail
from strukturwandel.core.pages import route_url

from . import tokens
from .conf import app_settings
from .models import BusinessCard, MailKind, ParticipationMail

PERMISSION = "strukturwandel_participation.moderate_participation"

SUBJECTS = {
    MailKind.RECEIVED: _("Thank you: we have received your %(kind)s"),
    MailKind.CARD_CONFIRM: _("Please confirm your business card"),
    MailKind.CARD_LINK: _("Your business card: your private link"),
    MailKind.NEW_ENTRY: _("New %(kind)s: %(title)s"),
}


def queue(entry, kind, to):
    from .tasks import send_participation_mail

    mail = ParticipationMail.objects.create(
        kind=kind,
        to=to,
        content_type=ContentType.objects.get_for_model(entry),
        object_id=entry.pk,
    )
    stored_mail.enqueue_on_commit(send_participation_mail, mail.pk)
    return mail


def moderators():
    """The active users allowed to moderate who have an e-mail address."""
    # Django's own permissions (a site may add backends, such as django-axes, that keep none).
    users = get_user_model().objects.with_perm(
        PERMISSION, backend="django.contrib.auth.backends.ModelBackend"
    )
    users = users.filter(is_active=True)
    return list(users.exclude(email="").values_list("email", flat=True).distinct())


def notify_moderators(entry):
    for address in moderators():
        queue(entry, MailKind.NEW_ENTRY, address)


def deliver(mail_id):
    """Send one stored e-mail unless it has been sent (core.mail.deliver). True when sent."""
    return stored_mail.deliver(
        ParticipationMail.objects.select_related("content_type"),
        mail_id,
        build_message,
        first_wait_seconds=app_settings.PARTICIPATION_MAIL_RETRY_SECONDS,
        # The entry was deleted (by its owner, by the retention) before the e-mail went out.
        discard=lambda mail: mail.entry is None,
    )


def page_link(entry, route, token):
    """The full URL of a route of the page the entry was sent on with ``token``, or ""."""
    page = entry.page.specific if entry.page_id else None
    base = page.get_full_url() if page is not None else None
    if not base:
        return ""
    return route_url(base, page.reverse_subpage(route)) + "?" + urlencode({"t": token})


def admin_link(entry):
    from .wagtail_hooks import admins

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + admins[type(entry)].url_helper.get_action_url("edit", entry.pk)


def build_message(mail):
    entry = mail.entry
    with translation.override(settings.LANGUAGE_CODE):
        kind_name = str(entry._meta.verbose_name)
        values = {"kind": kind_name, "title": str(entry)}
        subject = str(SUBJECTS[mail.kind]) % values
        context = {"entry": entry, "kind_name": kind_name, "subject": subject}
        if isinstance(entry, BusinessCard):
            context["confirm_url"] = page_link(entry, "confirm", tokens.make(entry, tokens.CONFIRM))
            context["owner_url"] = page_link(entry, "owner", tokens.make(entry, tokens.OWNER))
            context["confirm_days"] = app_settings.PARTICIPATION_CARD_CONFIRM_MAX_AGE // 86400
        if mail.kind == MailKind.NEW_ENTRY:
            context["admin_url"] = admin_link(entry)
        text = render_to_string(f"strukturwandel_participation/emails/{mail.kind}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=text, to=[mail.to])
