from django import forms
from django.utils.translation import gettext_lazy as _

from .convert.reading import FORMATS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(FORMATS)}))
        # Empty files get the importer's own message, next to the files that worked.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else super().clean(data, initial)


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_("One or more reports as Markdown (.md), text (.txt) or Word (.docx)."),
    )
