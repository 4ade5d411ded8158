"""A reviewer's annotations of a notice, exported from a PDF reader (`[第2页] 高亮：“…”` with a
`批注：…` under it): read as the passages they quote, each a line of the notice, its comment under it.
A comment that corrects a value of its passage ("此处应为11月8日17:00前", "已改为每个学院不超过2项",
"应为010-68579124") puts the corrected value in force where the passage states it: the value
replaced is of the same kind (a date, a phone number, a count), so the passage reads as corrected.
The export's own lines (its banner, each note's author and time) go.

Every character kept stays in its place in the file; a corrected value is the comment's own."""

from __future__ import annotations

import re

from assistant.ingest.textmap import MappedText

NOTE = re.compile(r"^[ \t]*[\[【]第?\s*(?P<page>\d{1,4})\s*页[\]】][ \t]*(?P<kind>高亮|下划线|删除线|波浪线|注释|文本|Highlight|Underline|Note)"
                  r"[ \t]*[:：][ \t]*(?P<open>[“\"「]?)(?P<passage>[^\n]*?)(?P<close>[”\"」]?)[ \t]*$", re.M)
COMMENT = re.compile(r"^[ \t]*(?:批注|评论|意见|Comment)[ \t]*[:：][ \t]*(?P<body>[^\n]*)$", re.M)
AUTHOR = re.compile(r"^[ \t]*[（(](?:作者|Author)[:：][^\n]*[）)][ \t]*$", re.M)
MIN_NOTES = 3

# What a correction says the value is: the words after its cue.
CUE = re.compile(r"(?:应为|应是|应改为|改为|更正为|修改为|调整为|改成)[：:]?")
VALUE_SHAPES = (
    re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\s*\d{1,2}[:：]\d{2}|\s*\d{1,2}时)?"),  # a date (and time)
    re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9})(?!\d)"),  # a phone number
    re.compile(r"(?:不超过|不少于|最多|限报?)?\d{1,3}\s*(?:项|个|家|人|名|类)"),  # a count
)


def is_annotation_export(text: str) -> bool:
    return len(NOTE.findall(text)) >= MIN_NOTES


def _correction(passage: str, comment: str) -> tuple[int, int, str] | None:
    """The value of the passage a comment corrects and what it corrects it to (the last value of a
    kind after a cue: "原通知为11月25日，此处应改为11月25日24时"), or None."""
    cues = list(CUE.finditer(comment))
    if not cues:
        return None
    after = comment[cues[-1].end() :]
    for shape in VALUE_SHAPES:
        new = shape.search(after)
        old = list(shape.finditer(passage))
        if new is not None and len(old) == 1 and old[0].group(0) != new.group(0):
            # (a date corrected without its year keeps the passage's: "2067年11月3日" to "11月8日")
            year = re.match(r"\d{4}年", old[0].group(0)) if not re.match(r"\d{4}年", new.group(0)) else None
            return old[0].start() + (year.end() if year else 0), old[0].end(), new.group(0)
    return None


def annotation_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    notes = list(NOTE.finditer(text))
    first = notes[0].start() if notes else 0
    head_end = text.rfind("\n", 0, first)
    for line in re.finditer(r"[^\n]+", text[: max(head_end, 0)]):
        if not re.search(r"[\u4e00-\u9fff]{4}", line.group(0)) or re.match(r"\s*-{3,}", line.group(0)):
            cuts.append((line.start(), line.end(), ""))  # the export's banner: rules, counts, tool names
    for i, note in enumerate(notes):
        cuts.append((note.start(), note.start("passage"), ""))
        cuts.append((note.end("passage"), note.end(), ""))
        limit = notes[i + 1].start() if i + 1 < len(notes) else len(text)
        comment = COMMENT.search(text, note.end(), limit)
        if comment is None:
            continue
        fix = _correction(note.group("passage"), comment.group("body"))
        if fix is not None:
            at = note.start("passage")
            cuts.append((at + fix[0], at + fix[1], fix[2]))
    cuts += [(m.start(), m.end(), "") for m in AUTHOR.finditer(text)]
    return mt.splice(sorted(cuts))
