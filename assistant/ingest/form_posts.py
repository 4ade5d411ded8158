"""A form's submission saved as the HTTP body a browser sent: multipart/form-data (each field a part under
the boundary, named by its Content-Disposition) or application/x-www-form-urlencoded (key=value pairs,
%XX escapes, "+" for a space). Read as the fields a reader would see: each on its own line led by its
name in the notices' words, a field of several lines (the notice's body) as its lines; the fields of one
indexed record ("quota[0][list]", "quota[0][max]") on one line. Not read: the request's own headers, a
file's bytes, a field its name marks as the old value ("deadline_local_prev"), and the earlier value of
a key given twice (the later one is what was saved). Each field maps back to its place in the body."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote_plus

from assistant.ingest.fieldnames import HAS_CJK
from assistant.ingest.inforce import OLD_VALUE_KEY
from assistant.ingest.keyed import path_label, said
from assistant.ingest.textmap import MappedText, joined_lines

BOUNDARY = re.compile(r"boundary=\"?([^\";\s]{1,70})")
DISPOSITION = re.compile(r"Content-Disposition:[ \t]*form-data;[ \t]*name=\"([^\"\n]{1,80})\"([ \t]*;[ \t]*filename=)?", re.I)
PAIR = re.compile(r"([^=&\s]{1,120})=([^&\s]*)")
ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
FORM_LINE = re.compile(r"^[^=&\s]{1,120}=[^&\s]*(?:&[^=&\s]{1,120}=[^&\s]*){4,}$", re.M)
INDEXED = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")
BODY_KEYS = {"body", "content", "text", "html", "正文"}
MIN_ESCAPES = 20


def is_multipart(text: str) -> bool:
    m = BOUNDARY.search(text[:400])
    return m is not None and text.count("--" + m.group(1)) >= 2 and bool(DISPOSITION.search(text))


def is_urlencoded(text: str) -> bool:
    return any(len(ESCAPE.findall(m.group(0))) >= MIN_ESCAPES for m in FORM_LINE.finditer(text))


def _label(key: str) -> str:
    shown = said(key)
    return shown if HAS_CJK.search(shown) else ""


def _led(label: str, value: MappedText) -> MappedText:
    """A field's value led by its label: on one line with it when the value is one line."""
    if not label or not value.text:
        return value
    lead = label + ("：" if "\n" not in value.text.strip() else "：\n")
    at = value.offsets[0] if value.offsets else 0
    return MappedText(lead + value.text, [at] * len(lead) + value.offsets)


def multipart_text(mt: MappedText, read: Callable[[MappedText], MappedText]) -> MappedText:
    """Each part under its name (`read` reads its value in its own format); files and old values left out."""
    boundary = BOUNDARY.search(mt.text[:400])
    assert boundary is not None
    mark = re.compile(rf"(?m)^--{re.escape(boundary.group(1))}(?:--)?[ \t]*\r?$")
    bounds = [m.end() for m in mark.finditer(mt.text)]
    starts = [m.start() for m in mark.finditer(mt.text)] + [len(mt.text)]  # (a body cut before its closing boundary)
    parts: list[MappedText] = []
    for begin, end in zip(bounds, starts[1:], strict=False):
        head_end = mt.text.find("\n\n", begin)
        if head_end < 0 or head_end > end:
            continue
        named = DISPOSITION.search(mt.text, begin, head_end)
        if named is None or named.group(2) or OLD_VALUE_KEY.search(named.group(1)):
            continue  # (a file's bytes; "deadline_local_prev": the value replaced)
        value = MappedText(mt.text[head_end + 2 : end].rstrip("\n"), mt.offsets[head_end + 2 : end][: len(mt.text[head_end + 2 : end].rstrip("\n"))])
        key = named.group(1)
        parts.append(_led("" if key.lower() in BODY_KEYS else _label(key), read(value)))
    return joined_lines(parts)


def urlencoded_text(mt: MappedText) -> MappedText:
    """The pairs of the form's line(s) decoded: a key given twice read once, with its later value."""
    pairs: list[tuple[str, str, tuple[int, int]]] = []  # (key, value, where the pair stands)
    for line in FORM_LINE.finditer(mt.text):
        for m in PAIR.finditer(line.group(0)):
            pairs.append((unquote_plus(m.group(1)), unquote_plus(m.group(2)), (line.start() + m.start(), line.start() + m.end())))
    # (A key given twice is the later value; "lists[]" appends, each value its own.)
    last = {key: i for i, (key, _, _) in enumerate(pairs) if not key.endswith("[]")}
    pieces: list[tuple[str, tuple[int, int]]] = []  # (a line, the span of the pairs it reads)
    record, record_line, record_at = "", "", (0, 0)
    for i, (key, value, at) in enumerate(pairs):
        if last.get(key, i) != i or OLD_VALUE_KEY.search(key) or not value.strip():
            continue
        indexed = INDEXED.match(key)
        group, field_key = (indexed.group(1) + indexed.group(2).rsplit("[", 1)[0], indexed.group(2).rsplit("[", 1)[1].rstrip("]")) \
            if indexed else ("", key)
        if group != record and record_line:
            pieces.append((record_line, record_at))
            record_line = ""
        record = group
        # ("deadline[local]": 本地截止时间, as a key path reads; "quota[0][list]": the record's own field, 榜单)
        base = group.split("[", 1)[0]
        label = _label(field_key) if not group or re.search(r"\[\d+\]$", group) else path_label((base, field_key))
        said_value = f"{label}：{value}" if label and key.lower() not in BODY_KEYS else value
        if group:
            record_line, record_at = (f"{record_line}，{said_value}", (record_at[0], at[1])) if record_line else (said_value, at)
        elif label or HAS_CJK.search(value):  # (a system's own field, "status=1", "_token=…": nothing a reader is told)
            pieces.append((said_value, at))
    if record_line:
        pieces.append((record_line, record_at))
    text: list[str] = []
    offsets: list[int] = []
    for i, (line, (start, end)) in enumerate(pieces):
        shown = line.replace("\r\n", "\n") + ("\n" if i < len(pieces) - 1 else "")
        text.append(shown)
        # (each character to a place of its own in the pairs it reads, in order: a decoded line is no single point)
        offsets.extend(mt.offsets[min(start + k * (end - start) // max(len(shown), 1), len(mt.offsets) - 1)] for k in range(len(shown)))
    return MappedText("".join(text), offsets)
