"""A Windows registry export (.reg: "Windows Registry Editor Version 5.00", keys in brackets, values as
"名称"="值" or dword:…) holding a notice, as a kiosk or a program keeps one. Each key is a heading named
by its path below what all keys share ("Notice2076 Contacts 1"); each value a line "名称：值" (a dword
as its number); a key deleted by the export ("[-HKEY_…\\OldContact]") goes with its values. A key that
says it overrides ("Override", "覆盖", "更正", or "以…为准" in the comment above it) is in force: each of
its values replaces the value it names elsewhere, by the same name ("区县预推荐截止") or by the key's
path and name ("Contacts1_手机" for 手机 under Contacts\\1)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.fieldnames import HAS_CJK
from assistant.ingest.keyed import said
from assistant.ingest.textmap import MappedText, text_lines

HEADER = re.compile(r"^\ufeff?(?:Windows Registry Editor Version \d+\.\d+|REGEDIT4)\s*$")
KEY = re.compile(r"^\[(?P<deleted>-)?(?P<path>HKEY_[^\]\n]+)\]\s*$")
VALUE = re.compile(r'^(?:"(?P<name>(?:[^"\\]|\\.)*)"|(?P<default>@))=(?:"(?P<text>(?:[^"\\]|\\.)*)"|dword:(?P<dword>[0-9a-fA-F]{8})|(?P<other>.*))\s*$')
COMMENT = re.compile(r"^;\s?")
ESCAPE = re.compile(r"\\[\\\"]")  # a value's escaped backslash or quote
OVERRIDES = re.compile(r"override|覆盖|更正|修订", re.I)
IN_FORCE_NOTE = re.compile(r"以[^。；;\n]{0,12}为准")


@dataclass(frozen=True)
class _Value:
    path: tuple[str, ...]  # the key's path below what all keys share
    name: str
    line_start: int
    line_end: int
    value_start: int  # the value's text (its quotes excluded)
    value_end: int
    shown: str  # what it reads as


def is_reg_export(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return bool(HEADER.match(first))


def _unescaped(text: str) -> str:
    return ESCAPE.sub(lambda m: m.group(0)[1], text)


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]", "", text.lower())


def reg_text(mt: MappedText) -> MappedText:
    text = mt.text
    lines = text_lines(text)
    paths = [m.group("path").split("\\") for line in lines if (m := KEY.match(line.text))]
    shared = 0
    while paths and all(len(p) > shared and p[shared] == paths[0][shared] for p in paths):
        shared += 1
    cuts: list[tuple[int, int, str]] = []
    values: list[_Value] = []
    overriding: list[_Value] = []
    path: tuple[str, ...] = ()
    deleted, overrides, continued = False, False, False
    previous = ""
    for line in lines:
        body = line.text.rstrip("\r")
        if key := KEY.match(body):
            full = key.group("path").split("\\")
            path = tuple(full[shared:] or full[-1:])
            deleted = bool(key.group("deleted"))
            overrides = bool(OVERRIDES.search(path[-1]) or IN_FORCE_NOTE.search(previous))
            heading = " ".join(said(c) or c for c in path)
            cuts.append((line.start, line.end, "" if deleted else heading))
        elif comment := COMMENT.match(body):
            cuts.append((line.start, line.start + comment.end(), ""))
        elif continued or ((value := VALUE.match(body)) and (deleted or value.group("other") is not None)):
            # a deleted key's value, a binary or expandable value (hex(2):…, with its continued lines): nothing told
            cuts.append((line.start, min(line.end + 1, len(text)), ""))
            continued = body.rstrip().endswith("\\")
        elif value:
            name = value.group("name") or "默认"
            label = name if HAS_CJK.search(name) else said(name) if HAS_CJK.search(said(name)) else name
            label = label.replace("_", "·")
            if value.group("dword"):  # a number: shown as one (the line's characters are no words of the notice)
                cuts.append((line.start, line.end, f"{label}：{int(value.group('dword'), 16)}"))
                previous = body
                continue
            vs, ve = line.start + value.start("text"), line.start + value.end("text")
            found = _Value(path, name, line.start, line.end, vs, ve, _unescaped(value.group("text")))
            (overriding if overrides else values).append(found)
            cuts += [(line.start, vs, f"{label}："), (ve, line.end, "")]
            cuts += [(vs + m.start(), vs + m.end(), m.group(0)[1]) for m in ESCAPE.finditer(value.group("text"))]
        elif HEADER.match(body):
            cuts.append((line.start, line.end, ""))
        if body.strip():
            previous = body
    named: dict[str, list[_Value]] = {}  # each value by its name, and by its key's path and name
    for v in values:
        for key in {_compact(v.name), _compact("".join(v.path[-1:]) + v.name), _compact("".join(v.path[-2:]) + v.name)}:
            named.setdefault(key, []).append(v)
    in_force = {v.value_start: (v, o.shown) for o in overriding for v in named.get(_compact(o.name), [])}  # (the last holds)
    cuts += [(v.value_start, v.value_end, shown) for v, shown in in_force.values()]  # the value in force, where it was
    return mt.splice(sorted(cuts))
