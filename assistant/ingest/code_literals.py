"""A notice kept as a program's data: a PHP file returning an array (`'deadlines' => ['college' =>
'…'], // 学院汇总`) or a Lua file returning a table (`deadlines = { { stage = "…", at = "…" } }`,
`["先导技术榜"] = { max = 2, unit = "项" }`). Read as the page that program shows: each record on a line,
led by its key in the notices' words, its fields apart ("阶段：…，at：…": one sentence), a record of many fields one
line a field; long strings (Lua's [[…]], PHP's heredoc) as the prose they are; a comment that is prose
kept where it stands (after a value, in brackets), a comment holding code (an old value kept "for the
record") not read. Every kept character stays where it is in the source (MappedText), so quotes map back."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from enum import Enum

from assistant.ingest.fieldnames import CONTACT_LABELS, COUNTED, HAS_CJK, MEASURE, PHONE_KEYS, REACHABLE
from assistant.ingest.inforce import void_field
from assistant.ingest.keyed import said
from assistant.ingest.textmap import MappedText

PHP = re.compile(r"\A\s*<\?php\b")
LUA = re.compile(r"(?m)^[ \t]*(?:local[ \t]+[A-Za-z_]\w*[ \t]*=[ \t]*\{|return[ \t]*\{)")
LUA_REMARK = re.compile(r"(?m)^[ \t]*--(?!>)")
SHORT_RECORD = 90  # a record whose fields run to this many characters in all is one line
RECORD_FIELDS = 6
# A comment holding code: a key given a value ("'college_submit' => '…'", "{ stage = …, at = … }").
CODE = re.compile(r"=>|[\w\]\"'][ \t]*=[ \t]*[\"'{\[\d]|^[ \t]*[{\[]|[}\]][ \t,]*+$")
FLAGS = {"true": "是", "false": "否"}
STARS = re.compile(r"(?m)(?<=\n)[ \t]*\*+[ \t]?")


class Kind(Enum):
    STRING = "string"
    NUMBER = "number"
    NAME = "name"
    TABLE = "table"


@dataclass
class Node:
    kind: Kind
    span: tuple[int, int]  # the whole value in the source
    inner: tuple[int, int] = (0, 0)  # a string's characters (its quotes or brackets excluded)
    items: list[Item] = field(default_factory=list)
    note: tuple[int, int] | None = None  # a prose comment after it on its line


@dataclass
class Item:
    key: str
    value: Node | None  # None: a comment standing alone in the table (its span in `remark`)
    remark: tuple[int, int] | None = None


class _Unread(Exception):
    pass


# What a data literal is written with, each matched where it starts; the strings and comments that run
# on (Lua's [[…]], a heredoc, a block comment) are found by their closing mark, once: an unclosed one ends
# the reading (no file of this kind), so the whole text is read in one pass.
SIMPLE = re.compile(r"(?P<space>\s+)|(?P<num>-?\d+(?:\.\d+)?)|(?P<name>\$?[A-Za-z_][\w$]*)|(?P<arrow>=>)|(?P<punct>[{}\[\]();,=:.])"
                    r"|(?P<tagopen><\?php|\?>)")
QUOTED = re.compile(r"\"((?:[^\"\\]|\\.)*+)\"|'((?:[^'\\]|\\.)*+)'", re.S)
LONG_OPEN = re.compile(r"\[(=*)\[")
HEREDOC_OPEN = re.compile(r"<<<[ \t]*(['\"]?)([A-Za-z_]\w*)\1[ \t]*\n")


@dataclass(frozen=True)
class Token:
    kind: str
    start: int
    end: int
    inner: tuple[int, int]
    text: str


def _closed(text: str, mark: str, at: int) -> int:
    end = text.find(mark, at)
    if end < 0:
        raise _Unread
    return end


def _lex(text: str, lua: bool) -> tuple[list[Token], list[tuple[int, int, int, int]]]:
    """The tokens, and each comment's span with its words' span (Lua's `--[[…]]` and `--`; PHP's `/*…*/`,
    `//`, `#`)."""
    tokens: list[Token] = []
    remarks: list[tuple[int, int, int, int]] = []
    pos = 0
    while pos < len(text):
        c = text[pos]
        if lua and text.startswith("--", pos):
            if (block := LONG_OPEN.match(text, pos + 2)) is not None:
                close = "]" + block.group(1) + "]"
                end = _closed(text, close, block.end())
                remarks.append((pos, end + len(close), block.end(), end))
                pos = end + len(close)
            else:
                end = text.find("\n", pos)
                end = len(text) if end < 0 else end
                remarks.append((pos, end, pos + 2, end))
                pos = end
            continue
        if not lua and text.startswith("/*", pos):
            end = _closed(text, "*/", pos + 2)
            remarks.append((pos, end + 2, pos + 2, end))
            pos = end + 2
            continue
        if not lua and (text.startswith("//", pos) or c == "#"):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            remarks.append((pos, end, pos + (1 if c == "#" else 2), end))
            pos = end
            continue
        if c in "\"'":
            m = QUOTED.match(text, pos)
            if m is None:
                raise _Unread
            group = 1 if c == '"' else 2
            tokens.append(Token("str", pos, m.end(), m.span(group), m.group(0)))
            pos = m.end()
            continue
        if lua and (long := LONG_OPEN.match(text, pos)) is not None:
            close = "]" + long.group(1) + "]"
            end = _closed(text, close, long.end())
            tokens.append(Token("str", pos, end + len(close), (long.end(), end), text[pos : end + len(close)]))
            pos = end + len(close)
            continue
        if not lua and (here := HEREDOC_OPEN.match(text, pos)) is not None:
            closing = re.compile(rf"\n[ \t]*{here.group(2)}\b").search(text, here.end() - 1)
            if closing is None:
                raise _Unread
            tokens.append(Token("str", pos, closing.end(), (here.end(), closing.start()), text[pos : closing.end()]))
            pos = closing.end()
            continue
        m = SIMPLE.match(text, pos)
        if m is None:
            raise _Unread  # (a character no data literal writes: not a file of this kind)
        kind = m.lastgroup or ""
        if kind not in ("space", "tagopen"):
            tokens.append(Token(kind, m.start(), m.end(), m.span(), m.group(0)))
        pos = m.end()
    return tokens, remarks


class _Parser:
    def __init__(self, text: str, tokens: list[Token], remarks: list[tuple[int, int, int, int]]) -> None:
        self.text, self.tokens, self.i = text, tokens, 0
        self.remarks = remarks

    def peek(self, k: int = 0) -> Token | None:
        return self.tokens[self.i + k] if self.i + k < len(self.tokens) else None

    def take(self) -> Token:
        t = self.peek()
        if t is None:
            raise _Unread
        self.i += 1
        return t

    def program(self) -> Node:
        """The file's statements as one table: `local notice = {…}`, `$x = […];`, `return {…}`."""
        items: list[Item] = []
        while (t := self.peek()) is not None:
            if t.kind == "name" and t.text in ("local", "return"):
                self.take()
                continue
            if t.kind == "name" and (n := self.peek(1)) is not None and n.text == "=":
                self.i += 2
                items.append(Item(t.text.lstrip("$"), self.value()))
            elif t.text in ("{", "[") or (t.kind == "name" and t.text == "array"):
                items.append(Item("", self.value()))
            else:
                self.take()  # (a statement no data is in: `namespace`, `use`, `;`)
        start = self.tokens[0].start if self.tokens else 0
        return Node(Kind.TABLE, (start, len(self.text)), items=items)

    def value(self) -> Node:
        t = self.take()
        if t.kind == "str":
            return Node(Kind.STRING, (t.start, t.end), t.inner)
        if t.kind == "num":
            return Node(Kind.NUMBER, (t.start, t.end), (t.start, t.end))
        if t.kind == "name" and t.text == "array" and (p := self.peek()) is not None and p.text == "(":
            self.take()
            return self.table(t.start, ")")
        if t.text in ("{", "["):
            return self.table(t.start, "}" if t.text == "{" else "]")
        if t.kind == "name":
            return Node(Kind.NAME, (t.start, t.end), (t.start, t.end))
        raise _Unread

    def table(self, start: int, close: str) -> Node:
        items: list[Item] = []
        while True:
            t = self.peek()
            if t is None:
                raise _Unread
            if t.text == close:
                self.take()
                return Node(Kind.TABLE, (start, t.end), items=items)
            if t.text in (",", ";"):
                self.take()
                continue
            key = ""
            n1, n2, n3 = self.peek(1), self.peek(2), self.peek(3)
            if t.text == "[" and n1 is not None and n1.kind == "str" and n2 is not None and n2.text == "]" and n3 is not None and n3.text == "=":
                key = self.text[n1.inner[0] : n1.inner[1]]  # Lua's ["先导技术榜"] = …
                self.i += 4
            elif t.kind in ("name", "str") and n1 is not None and n1.text in ("=", "=>", ":"):
                key = self.text[t.inner[0] : t.inner[1]]
                self.i += 2
            items.append(Item(key, self.value()))


def _in(spans: list[tuple[int, int, int, int]], a: int, b: int) -> list[tuple[int, int, int, int]]:
    return [r for r in spans if a <= r[0] and r[1] <= b]


class _Renderer:
    def __init__(self, text: str, remarks: list[tuple[int, int, int, int]]) -> None:
        self.text = text
        self.remarks = remarks
        self.starts = [r[0] for r in remarks]
        self.cuts: list[tuple[int, int, str]] = []
        self.pos = 0  # what is cut up to

    def keep(self, a: int, b: int, lead: str) -> None:
        """Everything from the last kept span to `a` goes (replaced by `lead`); a..b stays."""
        self.cuts.append((self.pos, a, lead))
        self.pos = b

    def label(self, key: str, contact: bool = False) -> str:
        if contact and key.lower() in CONTACT_LABELS:
            return CONTACT_LABELS[key.lower()]
        shown = said(key) if key else ""
        return shown if HAS_CJK.search(shown) else ""

    def remark_after(self, end: int) -> tuple[int, int, int, int] | None:
        """A prose comment on the line a value ends (after its comma): said of that value."""
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        k = bisect_left(self.starts, end)  # (the first comment from there on: comments are in order)
        r = self.remarks[k] if k < len(self.remarks) else None
        if r is not None and r[0] < line_end and not self.text[end : r[0]].strip(" \t,;") and "\n" not in self.text[r[0] : r[1]].strip():
            return r
        return None

    def scalar(self, node: Node, key: str, lead: str, contact: bool, measure: str = "") -> bool:
        """A value shown after `lead`, with its remark in brackets; False when it tells a reader nothing."""
        a, b = node.inner
        words = self.text[a:b]
        label = self.label(key, contact)
        if node.kind == Kind.NUMBER:
            if not COUNTED.search(label):
                return False
        elif node.kind == Kind.NAME:
            if words not in FLAGS or not label:
                return False
        elif not (HAS_CJK.search(words) or REACHABLE.search(words)) or not words.strip():
            return False
        self.keep(a, b, lead + (f"{label}：" if label else ""))
        if node.kind == Kind.NAME:
            self.cuts.append((a, b, FLAGS[words]))
        if measure:
            self.cuts.append((b, b, measure))
        self.noted(node.span[1])
        return True

    def noted(self, end: int) -> None:
        """The prose comment after a value or a record on its line, in brackets after it."""
        remark = self.remark_after(end)
        words = self.text[remark[2] : remark[3]] if remark is not None else ""
        if remark is not None and words.strip() and not CODE.search(words):
            self.keep(remark[2] + len(words) - len(words.lstrip()), remark[3], "（")
            self.cuts.append((remark[3], remark[3], "）"))

    def standalone_remarks(self, a: int, b: int) -> None:
        """Prose comments on lines of their own between two items: lines of text."""
        for r in self.remarks[bisect_left(self.starts, max(a, self.pos)) :]:
            if r[1] > b:
                break
            if not CODE.search(self.text[r[2] : r[3]]):
                words = self.text[r[2] : r[3]].strip(" \t\n*")
                if words and HAS_CJK.search(words):
                    start = r[2] + self.text[r[2] : r[3]].index(words)
                    self.keep(start, start + len(words), "\n")
                    # (a block comment's lines each led by " * ": the words only)
                    self.cuts += [(start + m.start(), start + m.end(), "") for m in STARS.finditer(words)]

    def record_line(self, node: Node) -> bool:
        """A table of values only, short enough to read on one line."""
        scalars = [it for it in node.items if it.value is not None and it.value.kind != Kind.TABLE]
        if len(scalars) != len(node.items) or not scalars or len(scalars) > RECORD_FIELDS:
            return False
        noted = [r for it in scalars if it.value and (r := self.remark_after(it.value.span[1])) is not None]
        return sum(it.value.inner[1] - it.value.inner[0] for it in scalars if it.value) + sum(r[3] - r[2] for r in noted) <= SHORT_RECORD

    def void(self, node: Node) -> bool:
        """A record one of whose own fields says it is out of force ("status = '已作废'", "deleted = true")."""
        return any(it.value is not None and it.value.kind != Kind.TABLE
                   and void_field(it.key, self.text[it.value.inner[0] : it.value.inner[1]]) for it in node.items)

    def table(self, node: Node, key: str, heading: bool) -> None:
        if self.void(node):
            return
        contact = any(it.key.lower() in PHONE_KEYS for it in node.items)
        name = self.label(key) if not HAS_CJK.search(key) else key
        if self.record_line(node):
            measure_item = next((it for it in node.items if it.value is not None and it.value.kind == Kind.STRING
                                 and self.label(it.key) == "单位" and MEASURE.fullmatch(self.text[it.value.inner[0]:it.value.inner[1]])), None)
            measure = self.text[measure_item.value.inner[0]:measure_item.value.inner[1]] if measure_item and measure_item.value else ""
            lead = "\n" + (f"{name}：" if name else "")
            for it in node.items:
                if it is measure_item or it.value is None:
                    continue
                counted = it.value.kind == Kind.NUMBER
                if self.scalar(it.value, it.key, lead, contact, measure if counted else ""):
                    lead = "，"
            if lead == "，":
                self.noted(node.span[1])  # ("{ stage = …, at = … }, -- 以此为准")
            return
        if heading and name:
            self.cuts.append((self.pos, self.pos, f"\n{name}"))
        for it in node.items:
            if it.value is None:
                continue
            self.standalone_remarks(self.pos, it.value.span[0])
            if it.value.kind == Kind.TABLE:
                self.table(it.value, it.key, heading=True)
            else:
                self.scalar(it.value, it.key, "\n", contact)


def is_code_literal(text: str) -> bool:
    # (Not a page whose script returns a table and whose comment ends "-->": a Lua remark is "--" not closing one.)
    return bool(PHP.match(text)) or (not text.lstrip().startswith("<") and bool(LUA.search(text)) and bool(LUA_REMARK.search(text)))


def code_literal_text(mt: MappedText) -> MappedText | None:
    """The text a program's data literal shows, or None when the program is not read (not one of ours)."""
    text = mt.text
    lua = not PHP.match(text)
    try:
        tokens, remarks = _lex(text, lua)
        tree = _Parser(text, tokens, remarks).program()
    except (_Unread, RecursionError):
        return None
    renderer = _Renderer(text, remarks)
    renderer.table(tree, "", heading=False)
    renderer.standalone_remarks(renderer.pos, len(text))
    renderer.cuts.append((renderer.pos, len(text), "\n"))
    cuts = sorted((c for c in renderer.cuts if c[1] >= c[0]), key=lambda c: (c[0], c[1]))
    return mt.splice(cuts)
