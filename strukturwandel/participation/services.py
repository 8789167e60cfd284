"""What happens to entries: stored before any e-mail, confirmed, edited and deleted by
their owners, planned as impulses."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from strukturwandel.people.models import Organisation, Person

from . import mail
from .models import BusinessCard, MailKind, Status


@transaction.atomic
def submit(form, page):
    """Store the entry of a valid public form, then queue its e-mails (sent on commit)."""
    entry = form.save(commit=False)
    entry.page = page
    if isinstance(entry, BusinessCard):
        entry.email = entry.email.strip().lower()
    entry.save()
    form.save_m2m()
    if isinstance(entry, BusinessCard):
        # Editors hear of a card once its owner has confirmed the address.
        mail.queue(entry, MailKind.CARD_CONFIRM, entry.email)
        return entry
    if entry.email:
        mail.queue(entry, MailKind.RECEIVED, entry.email)
    mail.notify_moderators(entry)
    return entry


@transaction.atomic
def confirm_card(card):
    """The owner confirmed the address: send the private link and tell the editors."""
    if card.confirmed_at is not None:
        return False
    card.confirmed_at = timezone.now()
    card.save(update_fields=["confirmed_at"])
    mail.queue(card, MailKind.CARD_LINK, card.email)
    mail.notify_moderators(card)
    return True


@transaction.atomic
def update_card(form):
    """The owner changed the card: a published card waits for an editor again."""
    card = form.save(commit=False)
    if card.status == Status.PUBLISHED:
        card.status = Status.NEW
    card.save()
    form.save_m2m()
    mail.notify_moderators(card)
    return card


def delete_card(card):
    """The owner deleted the card: it is gone, with its e-mails and every link to it."""
    card.delete()


def match_organisation(name):
    """The organisation record of that name (any case), created when there is none."""
    name = " ".join(name.split())
    if not name:
        return None
    organisation = Organisation.objects.filter(name__iexact=name).first()
    return organisation or Organisation.objects.create(name=name)


def match_person(name, organisation, email):
    """The person record of that name at that organisation (any case), created when there is
    none; records at no organisation match one with the same e-mail address."""
    people = Person.objects.filter(name__iexact=name, organisation=organisation)
    if organisation is None and email:
        people = Person.objects.filter(name__iexact=name, email__iexact=email) | people
    person = people.order_by("pk").first()
    if person is None:
        person = Person.objects.create(name=name, organisation=organisation, email=email)
    return person


@transaction.atomic
def plan_impulse(offer, meeting, title):
    """Make an offer a planned impulse of ``meeting``: person and organisation records are
    matched or created, the impulse added to the meeting (published when the meeting was
    live without pending changes, else saved as a draft). True when published."""
    organisation = match_organisation(offer.organisation)
    person = match_person(offer.name, organisation, offer.email)
    meeting = Page.objects.select_for_update().get(pk=meeting.pk).specific
    publish = meeting.live and not meeting.has_unpublished_changes
    if not publish and meeting.has_unpublished_changes:
        meeting = meeting.get_latest_revision_as_object()
    meeting.impulses.append(("impulse", {"title": title, "speakers": [{"person": person}]}))
    revision = meeting.save_revision()
    if publish:
        revision.publish()
    offer.person = person
    offer.meeting_id = meeting.pk
    offer.status = Status.PLANNED
    offer.save()
    return publish
