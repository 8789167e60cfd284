"""Every block an editor picks from a StreamField of the package is described and previewed."""

import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

from strukturwandel.core.blocks import PREVIEW_TEMPLATE
from tests.apps.subsets import installed


def stream_blocks():
    """(model.field, StreamBlock) for every StreamField of the package's models."""
    return [
        (f"{model.__name__}.{field.name}", field.stream_block)
        for config in apps.get_app_configs()
        if config.name.startswith("strukturwandel.")
        for model in config.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    ]


def children(*, pickable_only=False):
    """Each block a stream offers; ``pickable_only``: only streams of more than one block type
    (a stream of one type adds it directly, Wagtail shows no picker to preview in)."""
    return [
        pytest.param(stream, name, block, id=f"{where}.{name}")
        for where, stream in stream_blocks()
        if not pickable_only or len(stream.child_blocks) > 1
        for name, block in stream.child_blocks.items()
    ]


def all_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from all_blocks(child)
    if getattr(block, "child_block", None) is not None:
        yield from all_blocks(block.child_block)


def test_the_package_has_its_stream_fields():
    expected = {
        "SiteSettings.social_links",
        "ContentPage.body",
        "EventSeriesPage.body",
        "MeetingPage.impulses",
        "RecurringMeetingPage.body",
    }
    if installed("groups"):
        expected.add("WorkingGroupPage.body")
    if installed("documentation"):
        expected |= {"DocumentationPage.body", "ReportPage.body"}
    assert {where for where, _ in stream_blocks()} >= expected


@pytest.mark.parametrize(("stream", "name", "block"), children())
def test_block_has_icon_and_description(stream, name, block):
    # "placeholder" is the icon Wagtail gives a block that names none.
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert str(block.get_description()), name


@pytest.mark.parametrize(("stream", "name", "block"), children(pickable_only=True))
def test_block_in_a_picker_has_a_preview(stream, name, block):
    assert block.is_previewable, name
    assert hasattr(block.meta, "preview_value") or block.meta.preview_template != (
        PREVIEW_TEMPLATE
    ), f"{name}: give a preview_value or a sample preview_template"


@pytest.mark.django_db
@pytest.mark.parametrize(("stream", "name", "block"), children(pickable_only=True))
def test_block_preview_renders_content(client, django_user_model, stream, name, block):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200, name
    html = response.content.decode()
    assert "strukturwandel_core/css/strukturwandel.css" in html
    main = html.split("<main>")[1].split("</main>")[0]
    # Something to see: text or a drawn sample, not an empty wrapper.
    assert re.sub(r"<[^>]+>|\s", "", main) or "<svg" in main, name


def test_image_choosers_have_a_german_label():
    """Wagtail's ImageBlock names its chooser after the field ("Image"), outside any catalogue."""
    image_blocks = [
        block
        for _where, stream in stream_blocks()
        for block in all_blocks(stream)
        if isinstance(block, ImageBlock)
    ]
    assert len(image_blocks) >= 2
    with translation.override("de"):
        for block in image_blocks:
            assert str(block.child_blocks["image"].label) == "Bilddatei"
