"""A notice written as the troff source of a manual page (`.TH`, `.SH 名称`, `.TP` with its tag line,
`.IP 1. 4`, `.B`, `\\fB…\\fR`, `.\\"` comments): read as the page man shows. Each section's and
subsection's name a line of its own; a tagged paragraph one line, its tag first ("先导技术榜：每个领域…");
an item its mark and text; a paragraph's source lines filled into one line, as troff fills them;
comments (a draft's stale value may sit in one), requests and font escapes gone.

Every character shown stays in its place in the file."""

from __future__ import annotations

import re

from assistant.ingest.textmap import MappedText, disjoint

REQUEST = re.compile(r"^\.(?P<name>[A-Za-z]{1,3})\b[ \t]*(?P<args>[^\n]*)$", re.M)
COMMENT = re.compile(r'^\.?[ \t]*\\"[^\n]*(?:\n|$)|^\.\\#[^\n]*(?:\n|$)', re.M)
ESCAPE = re.compile(r"\\f(?:[BIRP]|\(\w\w|\[\w*\])|\\\(\w\w|\\-|\\e|\\ |\\&|\\c")
ESCAPED = {"\\(em": "—", "\\(en": "–", "\\(bu": "•", "\\(lq": "“", "\\(rq": "”", "\\-": "-", "\\e": "\\", "\\ ": " "}
HEADINGS = {"SH", "SS"}
BREAKS = {"PP", "LP", "P", "br", "sp", "RS", "RE", "nf", "fi", "in", "ti", "ne", "HP", "TH", "ad", "na", "hy", "nh"}
FONTS = {"B", "I", "BR", "RB", "BI", "IB", "IR", "RI", "SM", "SB"}
MIN_REQUESTS = 5


def is_troff(text: str) -> bool:
    requests = [m.group("name") for m in REQUEST.finditer(text)]
    return len(requests) >= MIN_REQUESTS and ("TH" in requests or "SH" in requests)


def troff_text(mt: MappedText) -> MappedText:
    mt = mt.sub(COMMENT, "")
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    tag_next = False  # the line after .TP is its paragraph's tag
    for line in re.finditer(r"[^\n]*", text):
        body, start, end = line.group(0), line.start(), line.end()
        if start == end and start > 0 and text[start - 1 : start] != "\n":
            continue
        m = REQUEST.match(body)
        newline_end = min(end + 1, len(text))
        if m is None:
            if not body.strip():
                continue
            # a text line: filled with the next text line, unless a request follows
            after = text[end + 1 : end + 2]
            joined = after and after != "." and after != "\n"
            cuts.append((end, newline_end, ("：" if tag_next else "") if joined or tag_next else "\n"))
            tag_next = False
            continue
        name, args_at = m.group("name"), start + m.start("args")
        if name in HEADINGS:
            cuts += [(start, args_at, "\n"), (end, newline_end, "\n")]
        elif name == "TP":
            cuts.append((start, newline_end, "\n"))
            tag_next = True
        elif name == "IP":
            mark = m.group("args").split()
            shown = mark[0] + " " if mark and not mark[0].isdigit() or (mark and len(mark) > 1) else ""
            cuts.append((start, newline_end, "\n" + (shown if mark else "")))
        elif name in FONTS:
            cuts.append((start, args_at, ""))
            cuts.append((end, newline_end, "：" if tag_next else "\n" if text[end + 1 : end + 2] in (".", "\n", "") else ""))
            tag_next = False
        elif name in BREAKS or len(name) <= 2:
            cuts.append((start, newline_end, "\n"))
    cuts += [(m.start(), m.end(), ESCAPED.get(m.group(0), "")) for m in ESCAPE.finditer(text)]
    return mt.splice(disjoint(cuts))

