"""A notice saved as a unified diff between its draft and its final text (`diff -u`: `--- 初稿.txt` /
`+++ 定稿.txt`, `@@ -12,7 +12,8 @@` hunks): read as the final text it shows, the lines the diff keeps
(context, " ") and adds ("+") in order, the draft's lines it removes ("-") gone, as the headers and hunk
markers are; a gap between hunks (lines the diff does not show) is a paragraph break.

Every line kept stays in its place in the file, its marking column cut."""

from __future__ import annotations

import re

from assistant.ingest.textmap import MappedText

FILE_HEADS = re.compile(r"^--- [^\n]*\n\+\+\+ [^\n]*$", re.M)
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@[^\n]*$", re.M)
MIN_HUNKS = 1


def is_unified_diff(text: str) -> bool:
    return bool(FILE_HEADS.search(text[:4000])) and len(HUNK.findall(text)) >= MIN_HUNKS


def diff_text(mt: MappedText) -> MappedText:
    """The final text a unified diff shows. A `git log -p` of one file over several commits (newest
    first) shows it at each: a line a newer commit removes is gone from every older commit's text too,
    and a line shown again (as a newer commit's context, or unchanged since an older one added it) is
    read once, where the oldest commit shows it."""
    text = mt.text
    lines = [m for m in re.finditer(r"[^\n]*(?:\n|$)", text) if m.start() < len(text)]
    commits = [n for n, m in enumerate(lines) if COMMIT.match(m.group(0))]
    stale, last = _history(lines) if len(commits) >= MIN_COMMITS else (set(), {})
    cuts: list[tuple[int, int, str]] = []
    in_hunk = False
    for n, line in enumerate(lines):
        body = line.group(0)
        if HUNK.match(body) or body.startswith(("--- ", "+++ ", "diff ", "index ", "\\ No newline")):
            in_hunk = in_hunk or bool(HUNK.match(body))
            cuts.append((line.start(), line.end(), "\n" if HUNK.match(body) else ""))
        elif COMMIT.match(body):
            in_hunk = False
        elif in_hunk and body.startswith("-"):
            cuts.append((line.start(), line.end(), ""))  # the draft's line, replaced
        elif in_hunk and body[:1] in ("+", " "):
            content = body[1:].strip()
            if content and (content in stale or last.get(content, n) != n):
                cuts.append((line.start(), line.end(), ""))  # removed by a newer commit, or shown again
            else:
                cuts.append((line.start(), line.start() + 1, ""))  # its marking column
    return mt.splice(cuts)


COMMIT = re.compile(r"^commit [0-9a-f]{7,40}\b")
MIN_COMMITS = 2


def _history(lines: list[re.Match[str]]) -> tuple[set[str], dict[str, int]]:
    """Of a log of commits newest first: the lines the latest commit touching them removed, and the
    place (line number) of each line's last showing (the oldest commit's)."""
    latest: dict[str, str] = {}  # a line's content -> its newest commit's marking ("+", "-")
    last: dict[str, int] = {}
    in_hunk = False
    for n, line in enumerate(lines):
        body = line.group(0)
        if COMMIT.match(body):
            in_hunk = False
        elif HUNK.match(body):
            in_hunk = True
        elif in_hunk and body[:1] in ("+", "-", " ") and not body.startswith(("--- ", "+++ ")):
            content = body[1:].strip()
            if not content:
                continue
            if body[0] in "+-":
                latest.setdefault(content, body[0])
            if body[0] != "-":
                last[content] = n
    return {c for c, mark in latest.items() if mark == "-"}, last
