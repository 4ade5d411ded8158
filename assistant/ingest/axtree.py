"""A page saved as its accessibility tree (a browser's DevTools dump, a test tool's snapshot): one node a
line, indented by depth, its role then its name in quotes (`heading "三、时间安排" level=2`, `- cell "2个"`).
Read as the page: a heading, a paragraph, a list item each a line of their own, the text nodes of one
block joined as written, a table's row a line with its cells apart; the page's chrome (banner, navigation,
footer, search) and a tracked deletion's subtree not read, an insertion's read. Each name stays in place."""

from __future__ import annotations

import re

from assistant.ingest.textmap import CELL, MappedText

NODE = re.compile(r"^(?P<indent>[ \t]*)(?:- )?(?P<role>[A-Za-z][A-Za-z]*)(?:[ \t]+\"(?P<name>(?:[^\"\\\n]|\\.)*)\")?(?P<rest>[^\n]*)$", re.M)
ROLES = {"rootwebarea", "webarea", "statictext", "heading", "paragraph", "link", "list", "listitem", "listmarker", "table",
         "row", "cell", "columnheader", "rowheader", "main", "banner", "navigation", "contentinfo", "generic", "image",
         "button", "textbox", "searchbox", "group", "section", "article", "region", "deletion", "insertion", "linebreak",
         "strong", "emphasis", "time", "caption", "rowgroup", "separator", "complementary", "figure", "document", "text"}
UNREAD = {"banner", "navigation", "contentinfo", "complementary", "search", "searchbox", "button", "deletion", "image", "separator"}
BLOCKS = {"heading", "paragraph", "listitem", "row", "caption", "figure"}
CELLS = {"cell", "columnheader", "rowheader"}
MIN_NODES = 12
SHARE = 0.8  # of a text's non-blank lines that are nodes


def is_accessibility_tree(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    nodes = [m for m in NODE.finditer(text) if m.group("role").lower() in ROLES]
    return len(nodes) >= MIN_NODES and len(nodes) >= SHARE * len(lines) and \
        any(m.group("role").lower() in ("rootwebarea", "webarea", "statictext") for m in nodes)


def axtree_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    skip_below: int | None = None  # the depth of an unread subtree's root
    block: int | None = None  # the depth of the block the next text joins
    said_in_block = False
    row: int | None = None
    parent_name: dict[int, str] = {}  # the name of the last node at each depth
    for m in NODE.finditer(text):
        role, depth = m.group("role").lower(), len(m.group("indent").expandtabs(2))
        if skip_below is not None and depth > skip_below:
            continue
        skip_below = None
        if role in UNREAD:
            skip_below = depth
            continue
        if block is not None and depth <= block:
            block, said_in_block = None, False
        if row is not None and depth <= row:
            row = None
        if role in BLOCKS:
            block, said_in_block = depth, False
            if role == "row":
                row = depth
        name = m.group("name")
        parent = parent_name.get(depth - 2, parent_name.get(depth - 1))
        parent_name[depth] = name or ""
        if not name or role in ("list", "table", "main", "group", "generic", "section", "region", "rowgroup"):
            continue
        if role == "statictext" and name == parent:
            continue  # (a DevTools dump repeats a heading's or a cell's name in its text child)
        if role in CELLS and row is not None:
            lead = CELL if said_in_block else "\n"
        elif block is not None and depth >= block and said_in_block:
            lead = ""  # (a block's text nodes, one after another: a long sentence split over several)
        else:
            lead = "\n"
        cuts.append((pos, m.start("name"), lead))
        pos = m.end("name")
        said_in_block = block is not None
        if role == "listmarker":
            cuts.append((pos, pos, " "))
    cuts.append((pos, len(text), "\n"))
    return mt.splice(cuts)
