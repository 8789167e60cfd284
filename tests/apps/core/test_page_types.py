"""Where editors may create the package's page types."""

import contextlib

import pytest
from django.apps import apps
from wagtail.models import Page

from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import EventSeriesPage, MeetingPage, RecurringMeetingPage

pytestmark = pytest.mark.django_db


def installed(*labels):
    """The models of those ``labels`` whose app is installed (the tests run with subsets)."""
    found = []
    for label in labels:
        with contextlib.suppress(LookupError):
            found.append(apps.get_model(label))
    return found


# Placed freely by the host: below its home page or a content page, never at the tree root.
FREE = [
    ContentPage,
    EventSeriesPage,
    RecurringMeetingPage,
    *installed(
        "strukturwandel_documentation.DocumentationIndexPage",
        "strukturwandel_groups.WorkingGroupIndexPage",
        "strukturwandel_topics.TopicFieldIndexPage",
    ),
]
# Only below their own parents.
BOUND = [
    MeetingPage,
    *installed(
        "strukturwandel_documentation.DocumentationPage",
        "strukturwandel_documentation.ReportPage",
        "strukturwandel_groups.WorkingGroupPage",
    ),
]
LEAVES_AND_SECTIONS = [model for model in FREE + BOUND if model is not ContentPage]


@pytest.mark.parametrize("model", FREE, ids=lambda model: model.__name__)
def test_free_types_go_below_any_site_page_but_not_at_the_root(model, root_page):
    assert root_page.depth == 2
    assert model.can_create_at(root_page)
    assert not model.can_create_at(Page.get_first_root_node())
    assert model.can_create_at(root_page.add_child(instance=ContentPage(title="Über", slug="x")))


@pytest.mark.parametrize("model", FREE + BOUND, ids=lambda model: model.__name__)
def test_nothing_goes_below_the_package_leaves_but_what_they_list(model):
    for parent in LEAVES_AND_SECTIONS:
        if model in parent.allowed_subpage_models():
            assert (parent._meta.label, model._meta.label) in {
                ("strukturwandel_events.EventSeriesPage", "strukturwandel_events.MeetingPage"),
                ("strukturwandel_groups.WorkingGroupPage", "strukturwandel_events.MeetingPage"),
                (
                    "strukturwandel_groups.WorkingGroupPage",
                    "strukturwandel_events.RecurringMeetingPage",
                ),
                (
                    "strukturwandel_documentation.DocumentationIndexPage",
                    "strukturwandel_documentation.DocumentationPage",
                ),
                (
                    "strukturwandel_documentation.DocumentationIndexPage",
                    "strukturwandel_documentation.ReportPage",
                ),
                (
                    "strukturwandel_groups.WorkingGroupIndexPage",
                    "strukturwandel_groups.WorkingGroupPage",
                ),
            }


def test_content_pages_hold_content_and_sections_not_meetings_or_reports():
    allowed = set(ContentPage.allowed_subpage_models())
    assert set(FREE) <= allowed
    assert not set(BOUND) & allowed


def test_meetings_go_below_the_page_types_that_hold_meetings():
    parents = {model._meta.label for model in MeetingPage.allowed_parent_page_models()}
    expected = {"strukturwandel_events.EventSeriesPage"}
    expected.update(
        model._meta.label for model in installed("strukturwandel_groups.WorkingGroupPage")
    )
    assert parents == expected


def test_a_section_cannot_be_moved_to_the_tree_root(root_page):
    index = root_page.add_child(instance=EventSeriesPage(title="Reihe", slug="reihe"))
    assert not index.can_move_to(Page.get_first_root_node())
    assert index.can_move_to(root_page.add_child(instance=ContentPage(title="Über", slug="ueber")))


def test_the_admin_offers_no_package_type_at_the_root(admin_client):
    root = Page.get_first_root_node()
    response = admin_client.get(f"/admin/pages/{root.pk}/add_subpage/")
    # The bare host has no type of its own for the root: the admin sends the editor back
    # (before, it listed the package's six free types there).
    offered = response.get("Location", "") + response.content.decode()
    for model in FREE:
        assert f"/{model._meta.app_label}/{model._meta.model_name}/" not in offered


def test_every_page_type_checks_view_restrictions_from_the_shared_paths():
    """Wagtail's check before serving costs no query while nothing is restricted: every page
    type of the package reads the restricted paths kept until the content changes."""
    from strukturwandel.core.pages import SharedRestrictionCheckMixin

    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label.startswith("strukturwandel_")
    ]
    assert len(page_types) >= 4
    assert [m for m in page_types if not issubclass(m, SharedRestrictionCheckMixin)] == []
