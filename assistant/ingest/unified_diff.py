"""A notice saved as a unified diff between its draft and its final text (`diff -u`: `--- 初稿.txt` /
`+++ 定稿.txt`, `@@ -12,7 +12,8 @@` hunks): read as the final text it shows, the lines the diff keeps
(context, " ") and adds ("+") in order, the draft's lines it removes ("-") gone, as the headers and hunk
markers are; a gap between hunks (lines the diff does not show) is a paragraph break.

Every line kept stays in its place in the file, its marking column cut."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.textmap import MappedText

FILE_HEADS = re.compile(r"^--- [^\n]*\n\+\+\+ [^\n]*$", re.M)
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@[^\n]*$", re.M)
MIN_HUNKS = 1


def is_unified_diff(text: str) -> bool:
    return bool(FILE_HEADS.search(text[:4000])) and len(HUNK.findall(text)) >= MIN_HUNKS


def diff_text(mt: MappedText) -> MappedText:
    """The final text a unified diff shows; of a `git log -p` of one file over several commits (newest
    first), the file as the newest commit left it (history_text)."""
    text = mt.text
    lines = [m for m in re.finditer(r"[^\n]*(?:\n|$)", text) if m.start() < len(text)]
    if sum(1 for m in lines if COMMIT.match(m.group(0))) >= MIN_COMMITS:
        latest = history_text(mt, lines)
        if latest is not None:
            return latest
    cuts: list[tuple[int, int, str]] = []
    in_hunk = False
    for line in lines:
        body = line.group(0)
        if HUNK.match(body) or body.startswith(("--- ", "+++ ", "diff ", "index ", "\\ No newline")):
            in_hunk = in_hunk or bool(HUNK.match(body))
            cuts.append((line.start(), line.end(), "\n" if HUNK.match(body) else ""))
        elif in_hunk and body.startswith("-"):
            cuts.append((line.start(), line.end(), ""))  # the draft's line, replaced
        elif in_hunk and body[:1] in ("+", " "):
            cuts.append((line.start(), line.start() + 1, ""))  # its marking column
    return mt.splice(cuts)


COMMIT = re.compile(r"^commit [0-9a-f]{7,40}\b")
HUNK_RANGE = re.compile(r"^@@ -(?P<start>\d+)(?:,(?P<count>\d+))? \+\d+(?:,\d+)? @@")
FILE_HEAD = ("--- ", "+++ ", "diff ", "index ", "new file mode", "deleted file mode", "similarity ", "rename ", "\\ No newline")
MIN_COMMITS = 2


@dataclass
class _Hunk:
    start: int  # the first line it changes, in the file before its commit (1-based; 0: an empty file)
    lines: list[tuple[str, int, int]] = field(default_factory=list)  # marking, and the line's span without it


def _commits(lines: list[re.Match[str]]) -> tuple[list[list[_Hunk]], list[tuple[int, int]]]:
    """Each commit's hunks (newest first, as the log lists them), and the spans of what the log says
    besides them (commit, author, date, message)."""
    commits: list[list[_Hunk]] = []
    said: list[tuple[int, int]] = []
    hunk: _Hunk | None = None
    for m in lines:
        body = m.group(0).rstrip("\n")
        if COMMIT.match(body):
            commits.append([])
            hunk = None
            said.append((m.start(), m.start() + len(body)))
        elif (r := HUNK_RANGE.match(body)) and commits:
            hunk = _Hunk(int(r.group("start")))
            commits[-1].append(hunk)
        elif body.startswith(FILE_HEAD):
            hunk = None
        elif hunk is not None and body[:1] in ("+", "-", " "):
            hunk.lines.append((body[0], m.start() + 1, m.start() + len(body)))
        elif body.strip():
            hunk = None
            said.append((m.start(), m.start() + len(body)))
    return commits, said


def history_text(mt: MappedText, lines: list[re.Match[str]]) -> MappedText | None:
    """The file a log of commits ends with, each commit's hunks applied in turn from the oldest (a line
    removed goes from its place only, whatever other line says the same), then what the log says of the
    commits; None when a hunk does not fit the file it applies to (the log is not one file's history)."""
    text = mt.text
    commits, said = _commits(lines)
    content: list[tuple[int, int]] = []  # the file's lines, as spans of the "+" lines that wrote them
    for hunks in reversed(commits):
        offset = 0
        for hunk in hunks:
            at = max(hunk.start - 1, 0) + offset
            for mark, a, b in hunk.lines:
                if mark == "+":
                    content.insert(at, (a, b))
                    at += 1
                    offset += 1
                    continue
                if at >= len(content) or text[content[at][0]:content[at][1]].strip() != text[a:b].strip():
                    return None
                if mark == "-":
                    del content[at]
                    offset -= 1
                else:
                    at += 1
    parts: list[tuple[int, int] | str] = []
    for span in [*said, *content]:
        parts += [span, "\n"]
    return mt.rearranged(0, len(text), parts)
