"""A notice kept as a Pug (Jade) template, the page's source as a site's developers write it: read as the
page it renders. Tags nest by indentation; a block's own text, its piped lines ("| 文本") and its inline
tags (a, span, strong…) make one line; a list item, a heading, a paragraph each its own; a table's rows
one a line, cells split by " | ", a cell spanning rows (td(rowspan="2")) shown in each; "tag= name" and
"#{name}" read as the value its code line gives ("- var deadline = "2078年10月29日""), an "each c in
contacts" loop once for each object of its array ("- var contacts = [{name: '…', tel: '…'}, …]"), its
"c.tel" the object's value. What the page never shows goes: comments ("//- 旧值：…" with what is
indented under them), code lines, struck text (del, s: a date withdrawn), the head. Every character
shown keeps its place in the template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.jsx import js_records
from assistant.ingest.textmap import CELL, MappedText

Piece = tuple[int, int] | str
Values = dict[str, tuple[int, int]]

DOCTYPE = re.compile(r"^[ \t]*(?:doctype[ \t]+html|html(?:\([^)\n]*\))?)[ \t]*$", re.M)
TAG = re.compile(r"(?P<tag>[a-zA-Z][\w-]*)?(?P<classes>(?:[.#][\w-]+)*)(?:\((?P<attrs>[^)\n]*)\))?(?P<eq>=)?(?P<dot>\.)?"
                 r"(?P<colon>:(?=[ \t]))?(?:[ \t](?P<text>.*))?$")
EACH = re.compile(r"each[ \t]+(?P<item>[\w$]+)(?:[ \t]*,[ \t]*[\w$]+)?[ \t]+in[ \t]+(?P<list>[\w$.]+)[ \t]*$")
VAR = re.compile(r"-[ \t]*(?:var|let|const)[ \t]+(?P<name>[\w$]+)[ \t]*=[ \t]*(?:(?P<q>[\"'`])(?P<value>[^\"'`\n]*)(?P=q)|(?P<array>\[.*\]))[ \t]*;?[ \t]*$")
INTERPOLATION = re.compile(r"[#!]\{[ \t]*(?P<name>[\w$]+(?:\.[\w$]+)?)[ \t]*\}")
ROWSPAN = re.compile(r"\browspan[ \t]*=[ \t]*[\"']?(?P<n>\d+)")
INLINE = {"a", "span", "strong", "em", "b", "i", "u", "small", "code", "sup", "sub", "mark", "ins", "time", "abbr", "label", "br"}
STRUCK = {"del", "s", "strike"}
UNSHOWN = {"doctype", "head", "script", "style", "meta", "link", "title", "noscript", "template"}
MIN_TAG_LINES = 8


@dataclass
class _Node:
    start: int  # where its content starts (after the indentation)
    end: int
    indent: int
    children: list[_Node] = field(default_factory=list)


def is_pug(text: str) -> bool:
    """A template: "doctype html" or a bare "html" line, and lines of nested tags under it."""
    if not DOCTYPE.search(text):
        return False
    tags = sum(1 for line in text.splitlines() if re.match(r"^[ \t]+(?:[a-z][\w-]*|[.#][\w-]+)(?:[.#(= ]|$)", line))
    return tags >= MIN_TAG_LINES and "<" not in text.split("\n", 3)[0]


def _tree(text: str) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for m in re.finditer(r"^([ \t]*)(\S[^\n]*?)[ \t]*$", text, re.M):
        node = _Node(m.start(2), m.end(2), len(m.group(1).expandtabs(2)))
        while stack and stack[-1].indent >= node.indent:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


class _Renderer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.scalars: Values = {}
        self.arrays: dict[str, list[Values]] = {}
        for m in re.finditer(r"^[ \t]*(-[^\n]*)$", text, re.M):
            var = VAR.match(m.group(1))
            if var is None:
                continue
            at = m.start(1)
            if var.group("array"):
                self.arrays[var.group("name")] = js_records(text, at + var.start("array"), at + var.end("array"))
            else:
                self.scalars[var.group("name")] = (at + var.start("value"), at + var.end("value"))

    def value(self, name: str, scope: dict[str, Values]) -> list[Piece]:
        item, _, key = name.partition(".")
        if key and item in scope:
            span = scope[item].get(key)
            return [span] if span else []
        span = self.scalars.get(name)
        return [span] if span else []

    def inline_text(self, start: int, end: int, scope: dict[str, Values]) -> list[Piece]:
        """Text with its "#{name}" read as the value."""
        out: list[Piece] = []
        pos = start
        for m in INTERPOLATION.finditer(self.text, start, end):
            if m.start() > pos:
                out.append((pos, m.start()))
            out += self.value(m.group("name"), scope)
            pos = m.end()
        if end > pos:
            out.append((pos, end))
        return out

    def own(self, node: _Node, scope: dict[str, Values]) -> tuple[str, list[Piece], int]:
        """A node's tag, the text it holds on its own line, and the rows a cell spans."""
        line = self.text[node.start:node.end]
        if line.startswith("|"):
            at = node.start + 1 + (1 if line[1:2] == " " else 0)
            return "|", self.inline_text(at, node.end, scope), 1
        m = TAG.match(line)
        if m is None or not (m.group("tag") or m.group("classes")):
            return "", [], 1
        tag = (m.group("tag") or "div").lower()
        span = int(s.group("n")) if m.group("attrs") and (s := ROWSPAN.search(m.group("attrs"))) else 1
        if m.group("text") is None:
            return tag, [], span
        start = node.start + m.start("text")
        if m.group("colon"):  # "li: a(href=…) 申报平台": the tag's one child on its line
            _, text, _ = self.own(_Node(start, node.end, node.indent + 1), scope)
            return tag, text, span
        if m.group("eq"):
            return tag, self.value(m.group("text").strip(), scope), span
        return tag, self.inline_text(start, node.end, scope), span

    def render(self, nodes: list[_Node], scope: dict[str, Values], out: list[list[Piece]]) -> None:
        """Each block's line appended to `out` (a line: its pieces)."""
        for node in nodes:
            line = self.text[node.start:node.end]
            if line.startswith(("//", "-")):
                continue  # a comment (with what it holds) or code: never shown
            each = EACH.match(line)
            if each is not None:
                for item in self.arrays.get(each.group("list"), []):
                    self.render(node.children, {**scope, each.group("item"): item}, out)
                continue
            tag, text, _ = self.own(node, scope)
            if tag in UNSHOWN or tag in STRUCK:
                continue
            if tag == "table":
                out.extend(self.table(node, scope))
                continue
            if tag in ("|", *INLINE):  # (text at a block's level: on the line before it)
                if not out:
                    out.append([])
                out[-1] += ([" "] if out[-1] and text else []) + text
                self.inline(node.children, scope, out)
                continue
            out.append(list(text))
            self.inline(node.children, scope, out)
            blocks = [c for c in node.children if not self.is_inline(c)]
            self.render(blocks, scope, out)

    def is_inline(self, node: _Node) -> bool:
        line = self.text[node.start:node.end]
        if line.startswith("|"):
            return True
        m = TAG.match(line)
        return bool(m and m.group("tag") and m.group("tag").lower() in INLINE | STRUCK)

    def inline(self, nodes: list[_Node], scope: dict[str, Values], out: list[list[Piece]]) -> None:
        """A block's inline children on its own line (struck text left out)."""
        for node in nodes:
            if not self.is_inline(node):
                continue
            tag, text, _ = self.own(node, scope)
            if tag in STRUCK:
                continue
            if text:
                out[-1] += ([" "] if out[-1] else []) + text
            self.inline(node.children, scope, out)

    def cells(self, node: _Node, scope: dict[str, Values]) -> list[tuple[list[Piece], int]]:
        found: list[tuple[list[Piece], int]] = []
        for child in node.children:
            tag, text, span = self.own(child, scope)
            if tag in ("td", "th"):
                inner: list[list[Piece]] = [list(text)]
                self.inline(child.children, scope, inner)
                found.append((inner[0], span))
        return found

    def rows(self, node: _Node, scope: dict[str, Values]) -> list[list[tuple[list[Piece], int]]]:
        found: list[list[tuple[list[Piece], int]]] = []
        for child in node.children:
            line = self.text[child.start:child.end]
            each = EACH.match(line)
            if each is not None:
                for item in self.arrays.get(each.group("list"), []):
                    found += self.rows(child, {**scope, each.group("item"): item})
                continue
            tag, _, _ = self.own(child, scope)
            if tag == "tr":
                found.append(self.cells(child, scope))
            elif tag in ("thead", "tbody", "tfoot"):
                found += self.rows(child, scope)
        return found

    def table(self, node: _Node, scope: dict[str, Values]) -> list[list[Piece]]:
        """The rows, a cell spanning rows shown in each of them."""
        lines: list[list[Piece]] = []
        carried: dict[int, tuple[list[Piece], int]] = {}  # column -> (cell, rows still to span)
        for row in self.rows(node, scope):
            cells: list[list[Piece]] = []
            queue = list(row)
            col = 0
            while queue or col in carried:
                if col in carried:
                    cell, left = carried.pop(col)
                    cells.append(cell)
                    if left > 1:
                        carried[col] = (cell, left - 1)
                else:
                    cell, span = queue.pop(0)
                    cells.append(cell)
                    if span > 1:
                        carried[col] = (cell, span - 1)
                col += 1
            line: list[Piece] = []
            for n, cell in enumerate(cells):
                line += ([CELL] if n else []) + cell
            lines.append(line)
        return lines


def pug_text(mt: MappedText) -> MappedText:
    renderer = _Renderer(mt.text)
    out: list[list[Piece]] = []
    renderer.render(_tree(mt.text), {}, out)
    pieces: list[Piece] = []
    for line in out:
        if any(isinstance(p, tuple) and p[1] > p[0] for p in line):
            pieces += [*line, "\n"]
    return mt.rearranged(0, len(mt.text), pieces)
