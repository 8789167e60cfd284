"""A topic field's name fills in its slug while it is new (Wagtail's title-to-slug sync)."""

import re

import pytest
from django.urls import reverse

from strukturwandel.topics.models import TopicField

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return user


def name_input(html):
    return re.search(r'<input[^>]*name="name"[^>]*>', html).group(0)


def test_the_name_fills_in_the_slug_of_a_new_topic_field(client, editor):
    html = client.get(reverse("wagtailsnippets_strukturwandel_topics_topicfield:add")).content
    field = name_input(html.decode())
    assert 'data-controller="w-sync"' in field
    assert 'data-w-sync-target-value="#id_slug"' in field
    assert "keyup-&gt;w-sync#apply" in field or "keyup->w-sync#apply" in field


def test_renaming_a_topic_field_keeps_its_slug(client, editor):
    topic = TopicField.objects.create(name="Klimaschutz", slug="klimaschutz")
    url = reverse("wagtailsnippets_strukturwandel_topics_topicfield:edit", args=[topic.pk])
    field = name_input(client.get(url).content.decode())
    assert "w-sync#apply" not in field
