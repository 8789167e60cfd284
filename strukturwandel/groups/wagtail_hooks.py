from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from strukturwandel.people.panels import ORGANISATION_HOOK, PERSON_HOOK, Appearances


@hooks.register(ORGANISATION_HOOK)
def groups_joined(organisation):
    return Appearances(_("Working groups joined"), list(organisation.working_groups.all()))


@hooks.register(PERSON_HOOK)
def groups_as_contact(person):
    return Appearances(_("Contact person of working groups"), list(person.working_groups.all()))
