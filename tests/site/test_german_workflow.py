"""The demo's moderation workflow has a German name, as everything else in its admin."""

import pytest
from wagtail.models import Task, Workflow

pytestmark = pytest.mark.django_db

GERMAN = "Freigabe durch die Moderation"


def test_the_moderation_workflow_is_named_in_german():
    assert list(Workflow.objects.values_list("name", flat=True)) == [GERMAN]
    assert list(Task.objects.values_list("name", flat=True)) == [GERMAN]
