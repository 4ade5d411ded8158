"""A forum post saved as its BBCode source (Discuz!, phpBB): "[b]…[/b]", "[color=Red]…[/color]",
"[list][*]…[/list]", "[table][tr][td]…[/td][/tr][/table]", "[s]…[/s]". Read as the post shows it: items
and rows on lines of their own, cells apart, the struck value gone (markup.accepted_changes)."""

from __future__ import annotations

import re

from assistant.ingest.textmap import CELL, MappedText

CLOSING = re.compile(r"\[/(?:b|i|u|s|color|size|font|url|table|tr|td|list|quote|align|hide|code)\]", re.I)
MIN_TAGS = 5
INLINE = r"b|i|u|color|size|font|url|email|img|hide|align|backcolor|indent|p|code|float|media|attach"
BBCODE = re.compile(
    r"(?P<cell>\[/td\]\s*+\[td(?:=[^\]\n]{0,40})?\])"
    r"|(?P<line>\[(?:\*|tr|/tr|list(?:=[^\]\n]{0,10})?|/list|table(?:=[^\]\n]{0,20})?|/table|quote(?:=[^\]\n]{0,80})?|/quote)\])"
    rf"|(?P<tag>\[/?(?:{INLINE}|td)(?:=[^\]\n]{{0,200}})?\])",
    re.I,
)


def is_bbcode(text: str) -> bool:
    return len(CLOSING.findall(text[:20000])) >= MIN_TAGS


def bbcode_text(mt: MappedText) -> MappedText:
    return mt.sub(BBCODE, lambda m: CELL if m.group("cell") else "\n" if m.group("line") else "")
