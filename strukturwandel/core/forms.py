"""Form rules the apps share."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SINGLE_LINE_MESSAGE = _(
    "This field takes a single line: line breaks and control characters are not allowed."
)


def validate_single_line(value):
    """Refuse line breaks (any kind) and control characters in a one-line text.

    Titles and names end up in e-mail subjects, calendar properties and HTML attributes,
    where a line break either breaks the format or is silently changed.
    """
    # Cc: control characters, CR and LF among them; Zl and Zp: the Unicode line and
    # paragraph separators. Format characters (Cf) stay: emoji sequences need them.
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in str(value)):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="single_line")
