"""An edit-view panel that lists the pages a person or an organisation appears in."""

from typing import NamedTuple

from wagtail import hooks
from wagtail.admin.panels import Panel

# Apps contribute sections through these hooks; each function takes the record and returns
# an ``Appearances`` or None. The groups app lists groups joined; the documentation app can
# add impulses given the same way.
ORGANISATION_HOOK = "strukturwandel_organisation_appearances"
PERSON_HOOK = "strukturwandel_person_appearances"


class Appearances(NamedTuple):
    heading: str
    pages: list


def appearances(hook_name, instance):
    """Every non-empty section the registered hooks report for ``instance``."""
    sections = []
    for hook in hooks.get_hooks(hook_name):
        section = hook(instance)
        if section is not None and section.pages:
            sections.append(section)
    return sections


class AppearancesPanel(Panel):
    def __init__(self, hook_name, **kwargs):
        super().__init__(**kwargs)
        self.hook_name = hook_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "hook_name": self.hook_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "strukturwandel_people/panels/appearances.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["sections"] = appearances(self.panel.hook_name, self.instance)
            return context
