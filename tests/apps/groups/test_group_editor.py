"""A working group's contacts and member organisations are ticked, not Ctrl-clicked."""

import re

import pytest
from django.urls import reverse

from tests.apps import factories

pytestmark = pytest.mark.django_db


def test_a_groups_contacts_and_members_are_checkboxes(admin_client, root_page):
    person = factories.person()
    organisation = factories.organisation(name="BUND Sachsen")
    group = factories.group(factories.group_index(root_page))
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content.decode()
    assert f'type="checkbox" name="contacts" value="{person.pk}"' in html
    assert f'type="checkbox" name="member_organisations" value="{organisation.pk}"' in html
    assert "<select" not in re.search(
        r'name="contacts".*?name="member_organisations"', html, re.S
    ).group(0)
