"""Word files (.docx) into the document tree, with python-docx.

Headings come from the paragraph styles ("Heading 1", "Title"), bold from the runs (or the
"Strong" character style), nesting from the list level of numbered and bulleted paragraphs,
links from hyperlinks. Tables are read cell by cell so their text is not lost.
"""

import io

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink

from .tree import Heading, Inline, Item, ItemList, Paragraph, Segment


def parse_docx(data):
    document = docx.Document(io.BytesIO(data))
    nodes = []
    stack = []  # (level, item) of the list being read
    formats = _numbering_formats(document)

    for block in document.iter_inner_content():
        paragraphs = (
            [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
            if isinstance(block, Table)
            else [block]
        )
        for paragraph in paragraphs:
            inline = _inline(paragraph)
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            level = _list_level(paragraph, style)
            if level is None or isinstance(block, Table):
                stack.clear()
                if not inline:
                    continue
                heading = _heading_level(style)
                nodes.append(Heading(inline, heading) if heading else Paragraph(inline))
                continue
            if not inline:
                continue
            item = Item(inline, _is_ordered(paragraph, style, formats))
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                stack[-1][1].children.append(item)
            else:
                if not nodes or not isinstance(nodes[-1], ItemList):
                    nodes.append(ItemList([]))
                nodes[-1].items.append(item)
            stack.append((level, item))
    return nodes


def _inline(paragraph):
    segments = []
    for position, part in enumerate(paragraph.iter_inner_content(), start=1):
        if isinstance(part, Hyperlink):
            href = part.address or ""
            for run in part.runs:
                segments.extend(_run_segments(run, href, position))
        else:
            segments.extend(_run_segments(part, "", 0))
    return Inline(tuple(segments))


def _run_segments(run, href, link):
    bold = bool(run.bold) or (run.style is not None and run.style.name == "Strong")
    italic = bool(run.italic)
    segments = []
    for position, line in enumerate((run.text or "").split("\n")):
        if position:
            segments.append(Segment("", line_break=True))
        if line:
            segments.append(Segment(line.replace("\t", " "), bold, italic, href, link=link))
    return segments


def _heading_level(style):
    if style == "Title":
        return 1
    if style.startswith("Heading"):
        number = style.removeprefix("Heading").strip()
        return int(number) if number.isdigit() else 2
    return None


def _list_level(paragraph, style):
    """The paragraph's list level (0 = top), or None when it is no list item."""
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is not None and numbering.numId is not None and numbering.numId.val:
        return numbering.ilvl.val if numbering.ilvl is not None else 0
    if style.startswith(("List Bullet", "List Number", "List Paragraph")):
        number = style.split()[-1]
        return int(number) - 1 if number.isdigit() else 0
    return None


def _numbering_formats(document):
    """(numId, level) → number format ("bullet", "decimal", …) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for abstract_num in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in abstract_num.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl")))] = fmt.get(qn("w:val")) if fmt is not None else ""
        abstract[abstract_num.get(qn("w:abstractNumId"))] = levels
    formats = {}
    for num in numbering.findall(qn("w:num")):
        reference = num.find(qn("w:abstractNumId"))
        if reference is None:
            continue
        for level, fmt in abstract.get(reference.get(qn("w:val")), {}).items():
            formats[(int(num.get(qn("w:numId"))), level)] = fmt
    return formats


def _is_ordered(paragraph, style, formats):
    if "Number" in style:
        return True
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if numbering is None or numbering.numId is None:
        return False
    level = numbering.ilvl.val if numbering.ilvl is not None else 0
    fmt = formats.get((numbering.numId.val, level), "bullet")
    return fmt not in ("bullet", "none", "")
