import pytest
from django.core.exceptions import ValidationError
from wagtail.admin.panels import get_edit_handler

from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import EventSeriesPage, MeetingPage
from strukturwandel.people.models import Person
from strukturwandel.topics.models import TopicField


def admin_field(model, name):
    """The form field the Wagtail admin edits ``model.name`` with (page or snippet)."""
    handler = model.get_edit_handler() if hasattr(model, "get_edit_handler") else None
    form_class = (handler or get_edit_handler(model)).get_form_class()
    return form_class.base_fields[name]


SINGLE_LINE = [
    (ContentPage, "title"),
    (MeetingPage, "title"),
    (MeetingPage, "topic"),
    (MeetingPage, "status_note"),
    (TopicField, "name"),
    (Person, "name"),
]


@pytest.mark.parametrize(("model", "name"), SINGLE_LINE)
@pytest.mark.parametrize(
    "value",
    [
        "Erste\r\nZweite",
        "Erste\nZweite",
        "Erste\rZweite",
        "a\u2028b",
        "a\x1bb",
        # An override shows "Eva Gnureiter" where "Eva \u202eretierunG" was typed.
        "Eva \u202eretierunG",
        "a\u2066b\u2069",
    ],
)
def test_single_line_fields_refuse_line_breaks_and_control_characters(model, name, value):
    field = admin_field(model, name)
    with pytest.raises(ValidationError) as error:
        field.clean(value)
    assert error.value.messages == [
        "Dieses Feld ist einzeilig: Zeilenumbrüche und Steuerzeichen sind nicht erlaubt."
    ]


@pytest.mark.parametrize(("model", "name"), SINGLE_LINE)
@pytest.mark.parametrize(
    "value",
    [
        "Wärme & Wende – „vor Ort“ 😀",
        # A joiner within an emoji, a right-to-left mark after an Arabic name.
        "Team 👩\u200d💻",
        "سلمى\u200f Beispiel",
    ],
)
def test_single_line_fields_keep_ordinary_text(model, name, value):
    assert admin_field(model, name).clean(value) == value


def test_text_areas_keep_their_line_breaks():
    assert admin_field(EventSeriesPage, "default_venue").clean("Markt 1\r\nBorna") == (
        "Markt 1\r\nBorna"
    )
