"""A notice drawn as a Graphviz DOT file (`digraph g { a [label="市内申报截止\\n11月25日"]; a -> b
[label="…"]; subgraph cluster_x { label="先导技术榜"; … } }`): read as what the drawing shows. Each
node's, edge's and cluster's label a line of its own (its `\\n` breaks read as spaces, so one box is one
line); a record node's fields (`{名称|截止时间|联系人|电话}`) split by " | " as a table row's cells; the
comments' words kept (a flow chart's header comment names its issuer and document number); attribute
lists, ids, arrows and braces gone.

Every character kept stays in its place in the file."""

from __future__ import annotations

import re

from assistant.ingest.textmap import MappedText

GRAPH = re.compile(r"^\s*(?:/\*.*?\*/\s*|//[^\n]*\n\s*)*(?:strict\s+)?(?:di)?graph\b[^{\n]*\{", re.S | re.I)
PIECE = re.compile(r"/\*(?P<block>.*?)\*/|//(?P<line>[^\n]*)|\blabel\s*=\s*\"(?P<label>(?:[^\"\\]|\\.)*)\"", re.S)
LABEL_ESCAPE = re.compile(r"\\[nlr]|\\(?P<kept>[\"\\{}|<>])|(?P<field>[{}|])")
COMMENT_MARGIN = re.compile(r"(?m)^[ \t]*\*+[ \t]?|^[ \t]+|[ \t]*[=\-]{3,}[ \t]*")
MIN_LABELS = 5


def is_dot(text: str) -> bool:
    return bool(GRAPH.match(text)) and len(re.findall(r"\blabel\s*=\s*\"", text)) >= MIN_LABELS


def _label_cuts(at: int, raw: str) -> list[tuple[int, int, str]]:
    cuts = []
    for m in LABEL_ESCAPE.finditer(raw):
        if m.group("kept"):
            new = m.group("kept")
        elif m.group("field"):
            new = " | " if m.group("field") == "|" else ""
        else:
            new = " "
        cuts.append((at + m.start(), at + m.end(), new))
    return cuts


def dot_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    for m in PIECE.finditer(text):
        group = "block" if m.group("block") is not None else "line" if m.group("line") is not None else "label"
        start, end = m.start(group), m.end(group)
        cuts.append((pos, start, "\n" if pos else ""))
        if group == "label":
            cuts += _label_cuts(start, m.group("label"))
        else:
            cuts += [(start + c.start(), start + c.end(), "") for c in COMMENT_MARGIN.finditer(m.group(group))]
        pos = end
    cuts.append((pos, len(text), "\n"))
    return mt.splice(sorted(c for c in cuts if c[1] >= c[0]))
