"""A tree exported as text (a mind map, a directory listing, an org chart: ├── │ └──, one node a line):
each node is read with the nodes above it, "榜单 > 先导技术榜 > 名额：每个领域不超过4个", and a parent's
leaves on one line, "… > 联系人：程立澜，010-62837415", so that a leaf ("4个", "程立澜") is read as what it is
of. A node's detail lines, drawn under it past its branch ("│   │     各学院每领域限报1项"), are read
each with the node and the nodes above it, "研究院 > 黎若舟 分机6218 > 各学院每领域限报1项", a node's run of them one card on one line; the
root's, drawn under a plain title line before the first branch, each on its own line after that title. Only the drawing is
replaced; every node's own text keeps its place in the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.textmap import MappedText, text_lines

# "│   ├── 名额", "    └─ 2个", "┣━━ 截止": the bars of the levels above, then the node's own branch.
NODE = re.compile(r"^(?P<lead>[ \t│┃|]*)(?P<branch>[├└┣┗][─━\-]+[ \t]*)(?P<text>[^\s\u2500-\u257f].*?)[ \t]*$")
BARS = re.compile(r"^[ \t│┃|]+$")  # a line of the levels' bars alone, between nodes
# "│   │     先导技术榜：…": a node's detail, its text past the bars of the levels it is drawn under.
DETAIL = re.compile(r"^(?P<lead>[ \t│┃|]*[ \t])(?P<text>[^\s│┃|\u2500-\u257f].*?)[ \t]*$")
DRAWN_BAR = re.compile(r"[│┃]")  # a box-drawing bar: a root's details have one (a Markdown row's "|" is not one)
MIN_NODES = 6  # fewer branch lines are a drawing's odd line, not a tree
PATH = " > "
DETAIL_JOIN = "，"  # between a card's details on its line: one sentence, so that each is read with the card
DETAIL_END = "。；;"  # a detail ending so needs no other
LEAF = "：", "，"  # after a leaf's path; between a parent's leaves (one clause: a limit keeps its list)
PATH_LINE = re.compile(r"^[^\n>：:]{1,40}(?: ?> ?[^\n>：:]{1,40})+：")  # a leaf's line as read
TREE_LINE = re.compile(r"^[^\n>]{1,60} ?> ?[^\s>]")  # a leaf's or a detail's line as read: never joined to the one before


@dataclass(frozen=True)
class _Line:
    start: int  # its offset in the text
    end: int  # past its newline
    node: re.Match[str] | None  # a node's line
    bars: bool  # a line of bars alone
    detail: re.Match[str] | None  # a line that may be a node's detail: text past bars or indentation

    @property
    def column(self) -> int:  # where its branch is drawn: its depth
        assert self.node is not None
        return len(self.node.group("lead"))

    @property
    def body(self) -> int:  # the offset of the node's own text
        assert self.node is not None
        return self.start + self.node.start("text")


def _lines(text: str) -> list[_Line]:
    return [_Line(line.start, line.end + 1, node := NODE.match(line.text), bool(BARS.match(line.text)),
                  None if node else DETAIL.match(line.text)) for line in text_lines(text)]


def _next_node(lines: list[_Line], k: int) -> _Line | None:
    """The node after line k in the same tree (over lines of bars alone), if any."""
    for line in lines[k + 1 :]:
        if line.node is not None:
            return line
        if not line.bars:
            return None
    return None


def _has_details(lines: list[_Line], k: int) -> bool:
    """Whether node k has detail lines drawn under it, past its branch (over lines of bars alone)."""
    column = lines[k].column
    for line in lines[k + 1 :]:
        if line.detail is not None:
            return len(line.detail.group("lead")) > column
        if not line.bars:
            return False
    return False


def _root_details(lines: list[_Line], k: int) -> bool:
    """Whether line k is a root's detail: drawn with a bar, in a run of such lines (and bars alone)
    that a node ends."""
    for line in lines[k:]:
        if line.node is not None:
            return True
        if not (line.bars or (line.detail is not None and DRAWN_BAR.search(line.detail.group("lead")))):
            return False
    return False


def _path(stack: list[_Line]) -> str:
    return PATH.join(n.node.group("text") for n in stack if n.node is not None)


def read_outline_tree(mt: MappedText) -> MappedText:
    lines = _lines(mt.text)
    if sum(line.node is not None for line in lines) < MIN_NODES:
        return mt
    cuts: list[tuple[int, int, str]] = []
    stack: list[_Line] = []  # the open ancestors of the node read
    previous: _Line | None = None  # the leaf just before, if the node may join its parent's line of leaves
    root = ""  # the plain line before the tree: its title, which its root's details are read with
    owner: _Line | None = None  # the node whose card of details is being read, and its last detail line
    last_detail: _Line | None = None
    for k, line in enumerate(lines):
        if line.node is None:
            if line.bars:
                cuts.append((line.start, min(line.end, len(mt.text)), ""))
            elif line.detail is not None and (owners := [n for n in stack if n.column < len(line.detail.group("lead"))]):
                # A node's details are one card, read with the node they are drawn under and the nodes above
                # it: "… > 詹一苇 分机6232 > 技术经理人先锋榜（学校名额3人），校内条件：…，对口初评机构：…".
                if owner is owners[-1] and last_detail is not None:
                    said = last_detail.start + last_detail.detail.end("text")  # type: ignore[union-attr]
                    joint = "" if mt.text[said - 1] in DETAIL_END else DETAIL_JOIN
                    cuts.append((said, line.start + line.detail.start("text"), joint))
                else:
                    cuts.append((line.start, line.start + line.detail.start("text"), _path(owners) + PATH))
                owner, last_detail, previous = owners[-1], line, None
            elif not stack and line.detail is not None and _root_details(lines, k):
                # The root's: read with the title line drawn above them.
                cuts.append((line.start, line.start + line.detail.start("text"), root + PATH if root else ""))
            else:
                stack, previous = [], None  # the tree has ended
                root = mt.text[line.start : line.end].strip()
            if owner is not None and last_detail is not line:
                owner = last_detail = None
            continue
        owner = last_detail = None
        while stack and stack[-1].column >= line.column:
            stack.pop()
        after = _next_node(lines, k)
        if (after is not None and after.column > line.column) or _has_details(lines, k):
            # A parent is read in its children's lines, a node with details in theirs.
            cuts.append((line.start, min(line.end, len(mt.text)), ""))
            previous = None
        elif previous is not None and previous.column == line.column and lines[k - 1] is previous:
            cuts.append((line.start - 1, line.body, LEAF[1]))  # the next leaf of the same parent
            previous = line
        else:
            path = _path(stack)
            cuts.append((line.start, line.body, path + LEAF[0] if path else ""))
            previous = line
        stack.append(line)
    return mt.splice(cuts)


def tree_path(line: str) -> tuple[str, str]:
    """A tree's line as read, split into the nodes above and its own text ("研究院 > 宋知微 分机6215 > 平台账号管理"
    -> "研究院 > 宋知微 分机6215", "平台账号管理"); any other line: "", the line."""
    if not TREE_LINE.match(line):
        return "", line
    cut = line.rfind(">")
    return line[:cut].strip(), line[cut + 1 :].strip()


def leaf_path(line: str) -> tuple[list[str], str]:
    """A leaf's line as read: the nodes above it, and the leaf's own node with what it holds
    ("总体安排 > 终评评审：2057年1月" -> ["总体安排"], "终评评审：2057年1月"); no path: [], the line."""
    m = PATH_LINE.match(line)
    if not m:
        return [], line
    *path, last = re.split(r" ?> ?", m.group(0)[:-1])
    return path, last + line[m.end() - 1 :]

