"""The converter: a file's bytes → a neutral document tree → recognised sections → blocks.

``read_nodes`` picks the reader by file extension; ``convert`` classifies and builds the body
values. Nothing here touches the database unless the resolver passed in does.
"""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .classify import classify, promote_headings
from .reading import ImportFileError, check_docx, check_size, decode, file_format
from .sections import Document
from .values import Resolver, body_values

logger = logging.getLogger(__name__)

__all__ = ["Conversion", "ImportFileError", "Resolver", "build", "convert", "parse", "read_nodes"]


@dataclass
class Conversion:
    name: str
    document: Document
    body: list
    resolver: Resolver


def read_nodes(name, data):
    kind = file_format(name)
    check_size(len(data))
    if kind == "docx":
        from .docx import parse_docx

        check_docx(data)
        try:
            nodes = promote_headings(parse_docx(data))
        except Exception as error:  # python-docx raises many kinds on a damaged file
            logger.info("Word file %s could not be read", name, exc_info=True)
            raise ImportFileError(
                _(
                    "The Word file could not be read: it may be damaged. Please save it again "
                    "as a Word document (.docx) or as text, and upload that."
                )
            ) from error
    elif kind == "markdown":
        from .markdown import parse_markdown

        nodes = promote_headings(parse_markdown(decode(data)))
    else:
        from .plaintext import parse_plain_text

        nodes = parse_plain_text(decode(data))
    if not nodes:
        raise ImportFileError(_("The file contains no text."))
    return nodes


def parse(name, data):
    """The recognised document, before any block is built."""
    return classify(read_nodes(name, data))


def build(name, document, resolver=None):
    resolver = resolver or Resolver()
    return Conversion(name, document, body_values(document, resolver), resolver)


def convert(name, data, resolver=None):
    return build(name, parse(name, data), resolver)
