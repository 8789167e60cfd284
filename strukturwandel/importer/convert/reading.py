"""Reading an uploaded or named file: format, size, encoding. Errors are ``ImportFileError``."""

import io
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_SIZE = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".text": "text"}
MARKDOWN_SUFFIXES = {".md": "markdown", ".markdown": "markdown"}
DOCX_SUFFIXES = {".docx": "docx"}
FORMATS = {**TEXT_SUFFIXES, **MARKDOWN_SUFFIXES, **DOCX_SUFFIXES}


class ImportFileError(Exception):
    """A file that cannot be imported; the message says why, for editors."""


def file_format(name):
    suffix = PurePath(name).suffix.lower()
    if suffix not in FORMATS:
        raise ImportFileError(
            _("Unsupported format “%(suffix)s”: Markdown (.md), text (.txt) or Word (.docx).")
            % {"suffix": suffix or _("no file extension")}
        )
    return FORMATS[suffix]


def check_size(size, limit=MAX_SIZE):
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    if size > limit:
        raise ImportFileError(
            _("The file is larger than %(limit)s MB.") % {"limit": limit // (1024 * 1024)}
        )


def decode(data):
    """UTF-8 (with or without byte-order mark), else Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise ImportFileError(
        _("The text is neither UTF-8 nor Windows-1252. Please save it as UTF-8 and try again.")
    )


def check_docx(data):
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFileError(_("This is no Word file (.docx), or it is damaged."))
