"""Building blocks for the structure tests: topic fields, groups, people, tagged meetings.

Models of groups and documentation are imported where they are used: the package's tests also
run with only some of its apps installed (see tests/apps/conftest.py).
"""

import datetime
import itertools

from django.utils import timezone

from strukturwandel.events.models import EventSeriesPage, MeetingPage
from strukturwandel.people.models import Organisation, Person
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage

_counter = itertools.count(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add(parent, page):
    """Add a live page without a revision: quicker for the hundreds of listing items."""
    parent.add_child(instance=page)
    return page


def topic_field(name="Klimaschutz & Energiewende", slug=None, **fields):
    return TopicField.objects.create(name=name, slug=slug or f"topic-{next(_counter)}", **fields)


def topic_index(parent, **fields):
    fields.setdefault("title", "Themenfelder")
    fields.setdefault("slug", "themenfelder")
    return publish(parent, TopicFieldIndexPage(**fields))


def group_index(parent, **fields):
    from strukturwandel.groups.models import WorkingGroupIndexPage

    fields.setdefault("title", "Arbeitsgruppen")
    fields.setdefault("slug", "arbeitsgruppen")
    return publish(parent, WorkingGroupIndexPage(**fields))


def group(index, title="Nachhaltige Dorfentwicklung", **fields):
    from strukturwandel.groups.models import WorkingGroupPage

    relations = {
        name: fields.pop(name)
        for name in ("topic_fields", "contacts", "member_organisations")
        if name in fields
    }
    fields.setdefault("slug", f"group-{next(_counter)}")
    page = WorkingGroupPage(title=title, **fields)
    for name, values in relations.items():
        setattr(page, name, values)
    return publish(index, page)


def series(parent, **fields):
    fields.setdefault("title", "Strukturwandel-Stammtisch")
    fields.setdefault("slug", f"stammtisch-{next(_counter)}")
    return publish(parent, EventSeriesPage(**fields))


def meeting(parent, start, topics=(), title=None, live=True, **fields):
    number = next(_counter)
    page = MeetingPage(
        title=title or f"Stammtisch {number}",
        slug=f"treffen-{number}",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        topic=fields.pop("topic", title or "Engagement & Zivilgesellschaft"),
        live=live,
        **fields,
    )
    page.topic_fields = list(topics)
    return add(parent, page)


def days_from_now(days, hour=17):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def organisation(name=None, **fields):
    return Organisation.objects.create(name=name or f"Verein {next(_counter)} e.V.", **fields)


def person(name="Erika Beispiel", **fields):
    return Person.objects.create(name=name, **fields)


def documentation_index(parent, **fields):
    from strukturwandel.documentation.models import DocumentationIndexPage

    fields.setdefault("title", "Dokumentation")
    fields.setdefault("slug", f"dokumentation-{next(_counter)}")
    return publish(parent, DocumentationIndexPage(**fields))


def documentation(index, meeting, topics=()):
    from strukturwandel.documentation.models import DocumentationPage

    page = DocumentationPage(
        title=f"Dokumentation: {meeting.title}", slug=f"doku-{next(_counter)}", meeting=meeting
    )
    page.topic_fields = list(topics)
    return add(index, page)


def report(index, date, topics=(), updates=(), title=None, live=True):
    """An alliance report; ``updates`` are (group, text) for its working-group update blocks."""
    from wagtail.rich_text import RichText

    from strukturwandel.documentation.models import ReportPage

    page = ReportPage(
        title=title or f"Bündnistreffen {next(_counter)}",
        slug=f"bericht-{next(_counter)}",
        date=date,
        live=live,
        body=[
            ("working_group_update", {"group": group, "text": RichText(text)})
            for group, text in updates
        ],
    )
    page.topic_fields = list(topics)
    return add(index, page)


def editor(user_model, name, *codenames):
    """A user who may open the admin (group "Editors") and has the given permissions."""
    from django.contrib.auth.models import Group, Permission

    user = user_model.objects.create_user(name, f"{name}@example.org", "pw")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user
