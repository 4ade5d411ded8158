"""A Dockerfile that builds a notice board (a society's site image): what a reader of it is told, read
without building it. Its LABEL and ENV pairs are values under their names in the notices' words
("org.example.notice.title=…" 标题：…, "LOCAL_DEADLINE=…" 本地截止时间：…); a name set again further down
("# 更正，以此为准" above it) holds, the earlier setting goes; a here-document a RUN writes is the
notice's text, a placeholder in it ("__LOCAL_DEADLINE__", "${LOCAL_DEADLINE}") read as the value in
force; comments are lines; the other instructions (FROM, COPY, EXPOSE, a command) say nothing a reader
is told and go. Every character kept stays in its place in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.fieldnames import HAS_CJK
from assistant.ingest.keyed import said
from assistant.ingest.shellscript import HEREDOC
from assistant.ingest.textmap import MappedText, disjoint

FROM = re.compile(r"^FROM\s+[\w./:@${}-]+(?:\s+AS\s+\w+)?\s*$", re.M)  # (uppercase, as Dockerfiles write it: never a mail's "From ")
INSTRUCTION = re.compile(r"^(?P<word>FROM|LABEL|ENV|ARG|RUN|COPY|ADD|EXPOSE|WORKDIR|CMD|ENTRYPOINT|HEALTHCHECK|USER|VOLUME|"
                         r"SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)\b(?!:)")
PAIR = re.compile(r"(?P<key>[A-Za-z_][\w.\-]*)=(?P<value>\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|[^\s\"'\\]+)")
COMMENT = re.compile(r"^\s*#\s?(?P<said>.*)$")
MIN_INSTRUCTIONS = 4


@dataclass(frozen=True)
class _Setting:
    key: str
    start: int  # of the pair
    end: int
    value_start: int  # of the value's text, quotes excluded
    value_end: int


def is_dockerfile(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and bool(FROM.match(lines[0])) and sum(bool(INSTRUCTION.match(line)) for line in lines) >= MIN_INSTRUCTIONS


def _logical(text: str) -> list[tuple[int, int]]:
    """The instructions' spans: a line ending in a backslash goes on, over comment lines inside it."""
    spans, start, pos, going = [], 0, 0, False
    for line in text.split("\n"):
        end = pos + len(line)
        if not (line.rstrip().endswith("\\") or (going and COMMENT.match(line))):
            spans.append((start, end))
            start = end + 1
        going = line.rstrip().endswith("\\") or (going and bool(COMMENT.match(line)))
        pos = end + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


LEGACY = re.compile(r"(?:ENV|LABEL)[ \t]+(?P<key>[A-Za-z_][\w.\-]*)[ \t]+(?P<value>[^=\n]+?)[ \t]*$")  # "ENV KEY value"


def _settings(text: str, start: int, end: int) -> list[_Setting]:
    legacy = LEGACY.match(text, start, end)
    if legacy and "=" not in text[start:end]:
        return [_Setting(legacy.group("key"), legacy.start("key"), legacy.end(), legacy.start("value"), legacy.end("value"))]
    out = []
    for m in PAIR.finditer(text, start, end):
        quoted = m.group("value")[:1] in "\"'"
        vs, ve = m.start("value") + quoted, m.end("value") - quoted
        out.append(_Setting(m.group("key"), m.start(), m.end(), vs, ve))
    return out


def _label(key: str) -> str:
    return said(key.rsplit(".", 1)[-1])


def dockerfile_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    settings: list[_Setting] = []
    bodies: list[tuple[int, int]] = []
    spans = _logical(text)
    i = 0
    while i < len(spans):
        start, end = spans[i]
        head = text[start:end]
        word = INSTRUCTION.match(head)
        comment = COMMENT.match(head)
        if comment and not word:
            cuts.append((start, start + comment.start("said"), ""))
        elif word and word.group("word") in ("LABEL", "ENV"):
            found = _settings(text, start, end)
            settings += found
            if found:
                cuts.append((start, found[0].start, ""))
                for a, b in zip(found, found[1:], strict=False):
                    cuts.append((a.end, b.start, "\n"))
                cuts.append((found[-1].end, end, ""))
            else:
                cuts.append((start, end, ""))
        elif word and word.group("word") == "RUN" and (doc := HEREDOC.search(head)):
            # the here-document's lines up to its end word: the text it writes
            j = i + 1
            while j < len(spans) and text[spans[j][0]:spans[j][1]].strip() != doc.group("end"):
                j += 1
            body_start = spans[i + 1][0] if i + 1 < len(spans) else end
            body_end = spans[j - 1][1] if j - 1 > i else body_start
            cuts.append((start, body_start, ""))
            bodies.append((body_start, body_end))
            if j < len(spans):
                cuts.append((spans[j][0], spans[j][1], ""))
            i = j + 1
            continue
        elif word:
            cuts.append((start, end, ""))
        i += 1
    last = {s.key: s for s in settings}  # a name set again further down: the later setting holds
    for s in settings:
        if last[s.key] is not s:
            cuts.append((s.start, s.end, ""))
        else:
            label = _label(s.key)
            shown = label if HAS_CJK.search(label) else s.key
            cuts.append((s.start, s.value_start, f"{shown}："))
            if s.value_end < s.end:
                cuts.append((s.value_end, s.end, ""))
    names = {s.key: text[s.value_start:s.value_end] for s in last.values()}
    if names:
        ref = re.compile(r"__(?P<a>{0})__|\$\{{(?P<b>{0})\}}".format("|".join(re.escape(k) for k in names)))
        for a, b in bodies:
            for m in ref.finditer(text, a, b):
                cuts.append((m.start(), m.end(), names[m.group("a") or m.group("b")]))
    return mt.splice(disjoint(cuts))  # (a setting's own cuts inside a line cut whole: the line's cut holds)
