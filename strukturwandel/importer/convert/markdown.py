"""Markdown into the document tree, with markdown-it-py's block parser."""

from markdown_it import MarkdownIt

from .inline import parse_inline
from .tree import Heading, Item, ItemList, Paragraph, plain

# Raw HTML stays text; reference definitions stay text too, so no line silently disappears.
_MD = MarkdownIt("commonmark", {"html": False}).disable(["reference"])


def parse_markdown(text):
    tokens = _MD.parse(text)
    nodes = []
    lists = []  # the open lists, innermost last: (ItemList or parent Item, ordered)
    items = []  # the open items, innermost last
    heading_level = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            if items:
                lists.append((items[-1], ordered))
            else:
                item_list = ItemList([])
                nodes.append(item_list)
                lists.append((item_list, ordered))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            owner, ordered = lists[-1]
            item = Item(plain(""), ordered)
            (owner.children if isinstance(owner, Item) else owner.items).append(item)
            items.append(item)
        elif kind == "list_item_close":
            items.pop()
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "inline":
            inline = parse_inline(token.content)
            if heading_level is not None:
                nodes.append(Heading(inline, heading_level))
                heading_level = None
            elif items:
                item = items[-1]
                item.inline = item.inline.joined(inline) if item.inline else inline
            else:
                nodes.append(Paragraph(inline))
        elif kind in ("fence", "code_block"):
            target = plain(token.content.rstrip("\n"))
            if items:
                items[-1].inline = items[-1].inline.joined(target)
            else:
                nodes.append(Paragraph(parse_inline(token.content.rstrip("\n"))))
    return nodes
