"""StreamField blocks for people, shared by the apps that name speakers."""

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
