"""A notice known only by a content system's audit log: its lines stamped with a time, the notice's
fields and paragraphs set in some (`N65-0117 set 标题 = "…"`, `N65-0117 para 7 = "…"`), edits made
later in others (`EDIT by user …: N65-0117 para 7 学会内部截止时间 2065年10月30日17:00 -> 2065年11月6日17:00`,
`… para 7 追加 "…"`), and the system's own events (logins, caches, backups) in the rest.

Read as the notice as it now stands: its title, its other fields ("文号：…"), its paragraphs in
order with every later edit made (the old value replaced by the new where the paragraph says it; an
addition after the paragraph), its attachments; the system's events and other records set aside.
Every shown character keeps its place in the log (textmap.MappedText)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.ingest.textmap import MappedText

STAMPED = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?\S*[ \t]+", re.M)
MIN_STAMPED, STAMPED_SHARE = 10, 0.6
SET = re.compile(r"(?P<id>[A-Za-z]*\d[\w-]*)\s+(?:para\s*(?P<n>\d+)|set\s+(?P<field>[^=\"\n]+?)|attach\s+(?P<att>[^=\"\n]+?))"
                 r"\s*=\s*\"(?P<value>[^\n]*)\"[ \t]*$", re.M)
EDIT = re.compile(r"EDIT\b[^\n]*?:\s*(?P<id>[A-Za-z]*\d[\w-]*)\s+para\s*(?P<n>\d+)\s+(?:(?P<added>追加|append)\s*\"(?P<value>[^\n]*)\""
                  r"|(?P<label>[^\n]*?)\s*(?P<old>[^\s>]+)\s*(?:->|→|=>)\s*(?P<new>\S+))[ \t]*$", re.M | re.I)
NEAR = 30  # characters before an edited value that its label's words are looked for in


def is_audit_log(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    stamped = len(STAMPED.findall(text))
    return stamped >= MIN_STAMPED and stamped >= STAMPED_SHARE * len(lines) and bool(SET.search(text))


@dataclass
class _Paragraph:
    spans: list[tuple[int, int]]  # the paragraph's text as pieces of the log (edits cut into it)
    added: list[tuple[int, int]] = field(default_factory=list)


def _edit(mt: MappedText, para: _Paragraph, edit: re.Match[str]) -> None:
    """The old value replaced by the new in the paragraph: where its label's words stand nearest."""
    old, new = edit.group("old"), edit.span("new")
    label = set(edit.group("label") or "")
    best: tuple[int, int, int] | None = None  # (score, piece, offset)
    for k, (a, b) in enumerate(para.spans):
        piece = mt.text[a:b]
        for m in re.finditer(re.escape(old), piece):
            score = len(label & set(piece[max(0, m.start() - NEAR) : m.start()]))
            if best is None or score > best[0]:
                best = (score, k, m.start())
    if best is None:
        return
    _, k, at = best
    a, b = para.spans[k]
    para.spans[k : k + 1] = [(a, a + at), new, (a + at + len(old), b)]


def audit_text(mt: MappedText) -> MappedText:
    text = mt.text
    sets = list(SET.finditer(text))
    main = Counter(m.group("id") for m in sets).most_common(1)[0][0]
    fields: list[tuple[tuple[int, int], tuple[int, int]]] = []
    paragraphs: dict[int, _Paragraph] = {}
    attachments: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for m in sets:
        if m.group("id") != main:
            continue
        if m.group("n"):
            paragraphs[int(m.group("n"))] = _Paragraph([m.span("value")])
        elif m.group("field"):
            fields.append((m.span("field"), m.span("value")))
        else:
            attachments.append((m.span("att"), m.span("value")))
    for e in EDIT.finditer(text):
        para = paragraphs.get(int(e.group("n"))) if e.group("id") == main else None
        if para is None:
            continue
        if e.group("added"):
            para.added.append(e.span("value"))
        else:
            _edit(mt, para, e)
    parts: list[tuple[int, int] | str] = []
    for name, value in fields:
        # The title alone on the first line, as a notice sets it; the other fields "名称：值".
        parts += [value, "\n"] if text[name[0] : name[1]].strip() in ("标题", "title") else [name, "：", value, "\n"]
    for n in sorted(paragraphs):
        para = paragraphs[n]
        parts += [*(s for s in para.spans if s[1] > s[0]), "\n"]
        parts += [p for span in para.added for p in (span, "\n")]
    for name, value in attachments:
        parts += [name, "：", value, "\n"]
    # (The system's own events and the log's header are left out: the notice is what the records set.)
    return mt.rearranged(0, len(text), parts)
