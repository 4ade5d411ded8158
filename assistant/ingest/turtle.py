"""A notice saved as a knowledge graph's export in Turtle (`@prefix …`, `:subject :predicate "object" ;`),
read as statements: each subject a line of its own, each predicate with its objects a line
"谓词：宾语、宾语" (an entity written by its local name, its kind's prefix dropped: `:领域_电子信息` is
电子信息; a literal without its quotes and datatype), a blank node's statements lines under its
predicate (`:初评联系 [ a :联系人 ; rdfs:label "祁若溪" ; :手机 "…" ]` reads 初评联系： / 联系人：祁若溪 /
手机：…), the comments a person wrote ("# 说明…") lines of text, prefixes and rules set aside.

The shown words keep their places in the file (a line's predicate and objects are its own
characters); a quote that does not read verbatim is cited by the file's own words (compose.Citer)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.textmap import MappedText

PREFIX_LINE = re.compile(r"^[ \t]*@?prefix\s", re.M | re.I)
STATEMENT_END = re.compile(r"[\"\w>\]][ \t]*[;.][ \t]*$", re.M)
MIN_STATEMENTS = 8
TOKEN = re.compile(r"(?P<comment>#[^\n]*)|(?P<iri><[^>\s]*>)|(?P<str>\"(?:[^\"\\\n]|\\.)*\"(?:\^\^[^\s;,.\]]+|@[\w-]+)?)"
                   r"|(?P<punct>[;,.\[\]])|(?P<name>[^\s;,\[\]\"<>#]*[^\s;,.\[\]\"<>#])|(?P<ws>\s+)")
KIND_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,4}_")  # ":榜单_先导技术榜": the kind of entity, before its name
RULE_COMMENT = re.compile(r"^[#\s=\-*~_]*$")
Part = tuple[int, int] | str


def is_turtle(text: str) -> bool:
    return bool(PREFIX_LINE.search(text)) and len(STATEMENT_END.findall(text)) >= MIN_STATEMENTS


@dataclass
class _Frame:
    inner: bool = False  # a blank node's: its type is how its label reads, not a line of its own
    kind: str = ""  # a blank node's type ("联系人")
    predicate: list[Part] = field(default_factory=list)
    objects: list[list[Part]] = field(default_factory=list)


def _shown(m: re.Match[str]) -> tuple[int, int]:
    """An object or a subject as words: a literal's text, an IRI's address, a name's local part."""
    start, end = m.span()
    if m.lastgroup == "str":
        return start + 1, start + m.group(0).rfind('"')
    if m.lastgroup == "iri":
        return start + 1, end - 1
    local = m.group(0).split(":", 1)[-1]
    kind = KIND_PREFIX.match(local)
    return (end - len(local) + (kind.end() if kind else 0), end) if local else (start, end)


def _predicate(m: re.Match[str], frame: _Frame) -> list[Part]:
    word = m.group(0)
    if word == "a":
        return ["类型"]
    if word.endswith(":label"):
        return [frame.kind or "名称"]
    return [_shown(m)]


def turtle_text(mt: MappedText) -> MappedText:
    text = mt.text
    parts: list[Part] = []
    frames: list[_Frame] = []
    expect = "subject"
    skipping = False  # inside a prefix declaration, to its full stop
    line_start = True

    def flush(frame: _Frame) -> None:
        if frame.predicate and frame.objects and not (frame.inner and frame.predicate == ["类型"]):
            parts.extend([*frame.predicate, "：", *_joined(frame.objects), "\n"])
        frame.predicate, frame.objects = [], []

    for m in TOKEN.finditer(text):
        kind, word = m.lastgroup, m.group(0)
        if kind == "ws":
            line_start = line_start or "\n" in word
            continue
        at_line_start, line_start = line_start, False
        if kind == "comment":
            said = word.lstrip("#").strip(" -=~*\t")
            if at_line_start and said and not RULE_COMMENT.match(word):
                lead = word.index(said[0])
                parts.extend(["\n", (m.start() + lead, m.start() + lead + len(said)), "\n"])
            line_start = True
            continue
        if skipping:
            skipping = word != "."
            continue
        if kind == "name" and word.lower() in ("@prefix", "@base", "prefix", "base") and expect == "subject":
            skipping = True
            continue
        frame = frames[-1] if frames else None
        if kind == "punct":
            if word == "[" and frame is not None and expect == "object":
                parts.extend([*frame.predicate, "：\n"])
                frame.predicate = []
                frames.append(_Frame(inner=True))
                expect = "predicate"
            elif word == "]" and len(frames) > 1:
                flush(frames.pop())
                expect = "after"
            elif word == "," and frame is not None:
                expect = "object"
            elif word == ";" and frame is not None:
                flush(frame)
                expect = "predicate"
            elif word == "." and frames:
                for f in reversed(frames):
                    flush(f)
                frames, expect = [], "subject"
            continue
        if expect == "subject":
            frames = [_Frame()]
            parts.extend(["\n", _shown(m), "\n"])
            expect = "predicate"
        elif expect == "predicate" and frame is not None:
            frame.predicate = _predicate(m, frame)
            expect = "object"
        elif expect in ("object", "after") and frame is not None:
            shown = _shown(m)
            if frame.inner and frame.predicate == ["类型"]:
                frame.kind = text[shown[0] : shown[1]]
            frame.objects.append([shown])
            expect = "after"
    for f in reversed(frames):
        flush(f)
    return mt.rearranged(0, len(text), parts)


def _joined(objects: list[list[Part]]) -> list[Part]:
    out: list[Part] = []
    for k, obj in enumerate(objects):
        out.extend((["、"] if k else []) + obj)
    return out
