"""A tree exported as text (a mind map, a directory listing: ├── │ └──, one short node a line): each
node is read with the nodes above it, "榜单 > 先导技术榜 > 名额：每个领域不超过4个", and a parent's leaves
on one line, "… > 联系人：程立澜，010-62837415", so that a leaf ("4个", "程立澜") is read as what it is of.
Only the drawing is replaced; every node's own text keeps its place in the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.textmap import MappedText, text_lines

# "│   ├── 名额", "    └─ 2个", "┣━━ 截止": the bars of the levels above, then the node's own branch.
NODE = re.compile(r"^(?P<lead>[ \t│┃|]*)(?P<branch>[├└┣┗][─━\-]+[ \t]*)(?P<text>[^\s\u2500-\u257f].*?)[ \t]*$")
BARS = re.compile(r"^[ \t│┃|]+$")  # a line of the levels' bars alone, between nodes
MIN_NODES = 6  # fewer branch lines are a drawing's odd line, not a tree
PATH = " > "
LEAF = "：", "，"  # after a leaf's path; between a parent's leaves (one clause: a limit keeps its list)
PATH_LINE = re.compile(r"^[^\n>：:]{1,40}(?: ?> ?[^\n>：:]{1,40})+：")  # a leaf's line as read: never joined to the one before


@dataclass(frozen=True)
class _Line:
    start: int  # its offset in the text
    end: int  # past its newline
    node: re.Match[str] | None  # a node's line
    bars: bool  # a line of bars alone

    @property
    def column(self) -> int:  # where its branch is drawn: its depth
        assert self.node is not None
        return len(self.node.group("lead"))

    @property
    def body(self) -> int:  # the offset of the node's own text
        assert self.node is not None
        return self.start + self.node.start("text")


def _lines(text: str) -> list[_Line]:
    return [_Line(line.start, line.end + 1, NODE.match(line.text), bool(BARS.match(line.text))) for line in text_lines(text)]


def _next_node(lines: list[_Line], k: int) -> _Line | None:
    """The node after line k in the same tree (over lines of bars alone), if any."""
    for line in lines[k + 1 :]:
        if line.node is not None:
            return line
        if not line.bars:
            return None
    return None


def read_outline_tree(mt: MappedText) -> MappedText:
    lines = _lines(mt.text)
    if sum(line.node is not None for line in lines) < MIN_NODES:
        return mt
    cuts: list[tuple[int, int, str]] = []
    stack: list[_Line] = []  # the open ancestors of the node read
    previous: _Line | None = None  # the leaf just before, if the node may join its parent's line of leaves
    for k, line in enumerate(lines):
        if line.node is None:
            if line.bars:
                cuts.append((line.start, min(line.end, len(mt.text)), ""))
            else:
                stack, previous = [], None  # the tree has ended
            continue
        while stack and stack[-1].column >= line.column:
            stack.pop()
        after = _next_node(lines, k)
        if after is not None and after.column > line.column:
            cuts.append((line.start, min(line.end, len(mt.text)), ""))  # a parent is read in its children's lines
            previous = None
        elif previous is not None and previous.column == line.column and lines[k - 1] is previous:
            cuts.append((line.start - 1, line.body, LEAF[1]))  # the next leaf of the same parent
            previous = line
        else:
            path = PATH.join(n.node.group("text") for n in stack if n.node is not None)
            cuts.append((line.start, line.body, path + LEAF[0] if path else ""))
            previous = line
        stack.append(line)
    return mt.splice(cuts)


def leaf_path(line: str) -> tuple[list[str], str]:
    """A leaf's line as read: the nodes above it, and the leaf's own node with what it holds
    ("总体安排 > 终评评审：2057年1月" -> ["总体安排"], "终评评审：2057年1月"); no path: [], the line."""
    m = PATH_LINE.match(line)
    if not m:
        return [], line
    *path, last = re.split(r" ?> ?", m.group(0)[:-1])
    return path, last + line[m.end() - 1 :]

