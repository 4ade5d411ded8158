"""A timeline drawn in text (a roadmap, a swim-lane chart): a line of milestones ("校内 ───●────●──►"),
the dates written above its marks and the stages below them, each set in the mark's column as the
eye reads it (a Chinese character two columns wide). Read as a reader reads it: one line per
milestone, "校内：11月16日 学校评审会", the lane's name, the date and the stage (with a note written
under it); every piece keeps its offsets, so a quote maps back to the drawing."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.ingest.textmap import MappedText, TextLine, text_lines

MARKS = "●◆◇○◎■□▲△★☆"
RULE_CHARS = "─━═—=→►▶>·.\\-"  # (the hyphen last: a class never reads it as a range)
# A lane: its name (maybe none), then a rule holding two marks or more, to its end.
LANE = re.compile(rf"^(?P<name>[ \t]*[^\s{MARKS}{RULE_CHARS}][^{MARKS}─━═]{{0,10}}?)?[ \t]*(?=[{RULE_CHARS}{MARKS}])"
                  rf"[{RULE_CHARS}{MARKS} \t]*$")
TOKEN = re.compile(r"\S+(?: \S+)*")  # a piece of a line, set apart by two spaces or more
NEAR = 3  # columns a piece may start away from its mark
ABOVE, BELOW = 1, 3  # lines of dates over a lane, of stages (and their notes) under it


@dataclass(frozen=True)
class _Piece:
    column: int  # where it starts, in display columns
    start: int  # its offsets in the text
    end: int


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(line: TextLine) -> list[_Piece]:
    return [_Piece(_width(line.text[: m.start()]), line.start + m.start(), line.start + m.end())
            for m in TOKEN.finditer(line.text)]


def _marks(line: TextLine) -> list[int]:
    return [_width(line.text[:k]) for k, ch in enumerate(line.text) if ch in MARKS]


def _at(pieces: list[_Piece], column: int) -> _Piece | None:
    near = [p for p in pieces if abs(p.column - column) <= NEAR]
    return min(near, key=lambda p: abs(p.column - column)) if near else None


def _lane(line: TextLine) -> re.Match[str] | None:
    m = LANE.match(line.text)
    return m if m and len(_marks(line)) >= 2 and re.search(r"[─━═\-]{3,}", line.text) else None


def read_drawn_timelines(mt: MappedText) -> MappedText:
    """Each drawn lane rewritten one line per milestone: its name, the date above its mark, the stage below."""
    if not any(mark in mt.text for mark in MARKS):
        return mt
    lines = text_lines(mt.text)
    regions: list[tuple[int, int, list[tuple[int, int] | str]]] = []
    for i, line in enumerate(lines):
        lane = _lane(line)
        if lane is None:
            continue
        above = [lines[j] for j in range(max(0, i - ABOVE), i) if lines[j].text.strip() and _lane(lines[j]) is None]
        below: list[TextLine] = []
        for j in range(i + 1, min(len(lines), i + 1 + BELOW)):
            if not lines[j].text.strip() or _lane(lines[j]) is not None:
                break
            below.append(lines[j])
        dated = [p for row in above for p in _pieces(row)]
        staged = [_pieces(row) for row in below]
        parts: list[tuple[int, int] | str] = []
        name = (lane.group("name") or "").strip()
        for column in _marks(line):
            date = _at(dated, column)
            said = [p for row in staged if (p := _at(row, column)) is not None]
            if date is None and not said:
                continue
            if parts:
                parts.append("\n")
            if name:
                at = line.start + line.text.index(name)
                parts += [(at, at + len(name)), "："]
            if date is not None:
                parts.append((date.start, date.end))
            for piece in said:
                parts += [" ", (piece.start, piece.end)]
        if parts:
            start = above[0].start if above else line.start
            end = (below[-1] if below else line).start + len((below[-1] if below else line).text)
            regions.append((start, end, parts))
    kept: list[tuple[int, int, list[tuple[int, int] | str]]] = []
    for region in regions:  # (a line of dates between two lanes is the lower lane's: the upper's stages end above it)
        if kept and region[0] < kept[-1][1]:
            continue
        kept.append(region)
    for start, end, parts in reversed(kept):
        mt = mt.rearranged(start, end, parts)
    return mt
