"""Form rules the apps share."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SINGLE_LINE_MESSAGE = _(
    "This field takes a single line: line breaks and control characters are not allowed."
)

# The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
# turn the text after them around, so a name could show as another in a list or an e-mail.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def validate_single_line(value):
    """Refuse line breaks (any kind) and control characters in a one-line text.

    Titles and names end up in e-mail subjects, calendar properties and HTML attributes,
    where a line break either breaks the format or is silently changed.
    """
    # Cc: control characters, CR and LF among them; Zl and Zp: the Unicode line and
    # paragraph separators. Other format characters (Cf) stay: emoji sequences need the
    # joiner, right-to-left names their marks.
    if any(
        unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS
        for char in str(value)
    ):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="single_line")


class HoneypotMixin(forms.Form):
    """A field (``honeypot_field``, "website") that people never see (hidden by the
    stylesheet, skipped by the keyboard) and bots fill in; ``is_spam`` tells the view to
    answer as if it had worked. Templates render it with
    ``strukturwandel_core/includes/honeypot.html``."""

    honeypot_field = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            label=_("Please leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def honeypot(self):
        return self[self.honeypot_field]

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix(self.honeypot_field), "").strip())


def describe_fields(form):
    """aria-describedby (help text, errors) and aria-invalid on every visible field, as
    ``strukturwandel_core/includes/field.html`` renders them."""
    for bound in form:
        ids = []
        if bound.help_text:
            ids.append(f"{bound.auto_id}-help")
        if bound.errors:
            ids.append(f"{bound.auto_id}-error")
            bound.field.widget.attrs["aria-invalid"] = "true"
        if ids:
            bound.field.widget.attrs["aria-describedby"] = " ".join(ids)
    return form
