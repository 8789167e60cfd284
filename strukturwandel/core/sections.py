"""Sections that higher apps contribute to the pages of lower ones.

An app lower in the stack (see docs/architecture.md) never imports or includes an app above
it. Where one of its pages shows what a higher app knows (the documentation of a meeting, the
reports on a topic field, a working group's updates from reports), it names a Wagtail hook and
renders whatever the installed apps register for it::

    # lower app, in a view or get_context():
    context["sections"] = sections.collect("strukturwandel_topic_page_sections", topic=topic, ...)

    # lower app's template:
    {% for section in sections.main %}{% render_section section %}{% endfor %}

    # higher app, in wagtail_hooks.py:
    @hooks.register("strukturwandel_topic_page_sections")
    def reports_on_topic(topic, **kwargs):
        return Section("myapp/includes/topic_reports.html", {"topic": topic}, order=30)

A hook function returns a ``Section``, a list of them, or None (nothing to show).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from wagtail import hooks

MAIN = "main"


@dataclass
class Section:
    """A template and its context, shown at ``slot`` (e.g. "main", "actions", "head") of a
    page in the order of ``order`` (smaller first)."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    slot: str = MAIN


class Sections(dict):
    """{slot: [Section, ...]} in order; a missing slot is an empty list, so templates can ask
    for ``sections.actions`` whether or not an app contributes to it."""

    def __missing__(self, slot):
        return []


def collect(hook_name, **kwargs):
    """The sections every function registered for ``hook_name`` returns for ``kwargs``."""
    found = []
    for hook in hooks.get_hooks(hook_name):
        result = hook(**kwargs)
        if result is None:
            continue
        found.extend(result if isinstance(result, list | tuple) else [result])
    by_slot = defaultdict(list)
    for section in sorted(found, key=lambda section: section.order):
        by_slot[section.slot].append(section)
    return Sections(by_slot)
