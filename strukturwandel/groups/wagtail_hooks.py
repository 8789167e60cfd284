from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from strukturwandel.core.sections import Section
from strukturwandel.people.panels import ORGANISATION_HOOK, PERSON_HOOK, Appearances
from strukturwandel.topics.seams import TOPIC_PAGE_SECTIONS_HOOK

from . import listings


@hooks.register(ORGANISATION_HOOK)
def groups_joined(organisation):
    return Appearances(_("Working groups joined"), list(organisation.working_groups.all()))


@hooks.register(PERSON_HOOK)
def groups_as_contact(person):
    return Appearances(_("Contact person of working groups"), list(person.working_groups.all()))


@hooks.register(TOPIC_PAGE_SECTIONS_HOOK)
def working_groups_on_topic(topic, *, request, site, private):
    return Section(
        "strukturwandel_groups/topic/working_groups.html",
        {"working_groups": listings.topic_working_groups(topic, private, site)},
        order=50,
    )
