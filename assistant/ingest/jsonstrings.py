"""The string literals of a JSON text, found where they stand: every export reader that reads JSON
(a record, an event stream) cuts values out of the file itself, so each keeps its place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

JSON_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"(\s*:)?')
JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(.))')
ESCAPED = {"n": "\n", "t": "\t", "r": "", "b": "", "f": ""}


@dataclass(frozen=True)
class JsonString:
    start: int  # the literal's characters (quotes excluded) in the text
    end: int
    raw: str
    is_key: bool  # a field's name ("…":), not a value

    def escape_cuts(self) -> list[tuple[int, int, str]]:
        return escape_cuts(self.start, self.raw)


def escape_cuts(start: int, raw: str) -> list[tuple[int, int, str]]:
    """The cuts that read a literal's escapes (its characters from `start` in the text) as their characters."""
    return [(start + e.start(), start + e.end(), unescaped(e)) for e in JSON_ESCAPE.finditer(raw)]


def unescaped(e: re.Match[str]) -> str:
    return chr(int(e.group(1), 16)) if e.group(1) else ESCAPED.get(e.group(2), e.group(2))


def json_strings(text: str, start: int = 0, end: int | None = None) -> Iterator[JsonString]:
    for m in JSON_STRING.finditer(text, start, len(text) if end is None else end):
        yield JsonString(m.start(1), m.end(1), m.group(1), bool(m.group(2)))


def read_string(raw: str) -> str:
    return JSON_ESCAPE.sub(unescaped, raw)
