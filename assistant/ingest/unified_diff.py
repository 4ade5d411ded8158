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
    """The final text a unified diff shows."""
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    in_hunk = False
    for line in re.finditer(r"[^\n]*(?:\n|$)", text):
        if line.start() >= len(text):
            break
        body = line.group(0)
        if HUNK.match(body) or body.startswith(("--- ", "+++ ", "diff ", "index ", "\\ No newline")):
            in_hunk = in_hunk or bool(HUNK.match(body))
            cuts.append((line.start(), line.end(), "\n" if HUNK.match(body) else ""))
        elif in_hunk and body.startswith("-"):
            cuts.append((line.start(), line.end(), ""))  # the draft's line, replaced
        elif in_hunk and body[:1] in ("+", " "):
            cuts.append((line.start(), line.start() + 1, ""))  # its marking column
    return mt.splice(cuts)
