"""StreamField blocks for people, shared by the apps that name speakers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock


class PersonChooserBlock(SnippetChooserBlock):
    """A person record, fetched with its organisation in one query for all speakers."""

    def __init__(self, **kwargs):
        super().__init__("strukturwandel_people.Person", **kwargs)

    def bulk_to_python(self, values):
        people = self.target_model.objects.select_related("organisation").in_bulk(
            [value for value in values if value is not None]
        )
        return [people.get(value) for value in values]


class SpeakerBlock(blocks.StructBlock):
    """Who gives an impulse, planned or documented: a person record, or a name typed for a
    one-off speaker. Typed fields win over the records, e.g. the role someone had then."""

    person = PersonChooserBlock(
        label=_("Person record"),
        required=False,
        help_text=_("Optional: links the speaker to their record. Typed fields below win."),
    )
    name = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Name"), max_length=200, required=False
    )
    role = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Role"), max_length=200, required=False
    )
    organisation = SnippetChooserBlock(
        "strukturwandel_people.Organisation",
        label=_("Organisation record"),
        required=False,
    )
    organisation_name = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Organisation"),
        max_length=200,
        required=False,
        help_text=_("Typed name; leave empty to use the organisation record."),
    )

    class Meta:
        icon = "user"
        label = pgettext_lazy("strukturwandel", "Speaker")
        template = "strukturwandel_people/blocks/speaker.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("name") or value.get("person")):
            raise StructBlockValidationError(
                block_errors={"name": ValidationError(_("Enter a name or pick a person record."))}
            )
        return value

    @staticmethod
    def display(value):
        """Name, role and organisation as shown, from the typed fields or the records."""
        person = value.get("person")
        organisation = value.get("organisation") or (person.organisation if person else None)
        return {
            "name": value.get("name") or (person.name if person else ""),
            "role": value.get("role") or (person.role if person else ""),
            "organisation": value.get("organisation_name")
            or (organisation.name if organisation else ""),
            "website": organisation.website if organisation else "",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["speaker"] = self.display(value)
        return context

    def get_searchable_content(self, value):
        shown = self.display(value)
        return [text for text in (shown["name"], shown["role"], shown["organisation"]) if text]


def speakers_line(speakers):
    """'David Loesche (Gesellschaftsdenken e.V.)' for one or more speakers."""
    parts = []
    for speaker in speakers:
        shown = SpeakerBlock.display(speaker)
        if not shown["name"]:
            continue
        parts.append(
            f"{shown['name']} ({shown['organisation']})" if shown["organisation"] else shown["name"]
        )
    return ", ".join(parts)
