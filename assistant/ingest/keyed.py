"""A notice kept as keyed records, as an application system keeps it: an INI or properties file
(`[section]`, `key = value`, `;` and `#` remarks, a value continued on indented lines) or a JSON Lines
event stream (`{"type": "field_set", "path": "quota.新锐企业榜", "value": …}` a line). Read as staff
would read it: each value on a line of its own, led by what its key path says in the notices' words
(fieldnames.KEY_WORDS: `deadline.member_submit` reads 截止时间·会员提交), a contact record's keys in a
contact block's labels (联系人, 电话, 邮箱…) under its path, remarks and paragraphs as lines of text;
what is only the file's (brackets, quotes, time stamps, noise events) set aside.

A key set again later is in force where it was first set: its latest value shows there (an
`[override]` section's key, a `field_changed` event's new value), and a key retracted shows nothing,
so the value a reader finds beside its remarks is the one that holds. Parsing (one small function per
format) yields typed `Record`s; one renderer turns them into cuts of the file, so every character
shown still maps to its place in the source."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from assistant.ingest.fieldnames import (
    CONTACT_LABELS,
    COUNTED,
    HAS_CJK,
    KEY_WORDS,
    MEASURE,
    PHONE_KEYS,
    REACHABLE,
)
from assistant.ingest.inforce import void_field
from assistant.ingest.jsonstrings import JsonString, json_strings, read_string
from assistant.ingest.textmap import MappedText


class Kind(Enum):
    HEADING = "heading"  # a section: its path on a line of its own
    VALUE = "value"  # a key's value, led by its path
    TEXT = "text"  # a remark or a paragraph: its words as they are
    RETRACT = "retract"  # a key withdrawn: it shows nothing
    DROP = "drop"  # what only the file says (a rule, a noise event)


@dataclass
class Record:
    kind: Kind
    start: int  # the record's span in the text (its line or lines, the newline after excluded)
    end: int
    path: tuple[str, ...] = ()
    body: tuple[int, int] = (0, 0)  # the value's (or the remark's) span
    body_cuts: list[tuple[int, int, str]] = field(default_factory=list)  # escapes, continued lines inside the body
    shown: str = ""  # the body as read
    tail: list[tuple[int, int, str]] = field(default_factory=list)  # cuts after the body (a reason beside a value)
    inline: bool = False  # a record's later field: on its first field's line
    remark: str = ""  # a remark written after the value on its line ("quota = 3  # 学会推荐不超过3家")


# ---------------------------------------------------------------- key paths in the notices' words

REACHED_BY = {"tel", "phone", "telephone", "mobile", "cell", "email", "mail", "电话", "手机", "邮箱"}
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def said(component: str) -> str:
    """A key's component as the notices say it: its own words when Chinese, else its words read
    through KEY_WORDS ("member_submit" 会员提交, "list_1" 榜单1)."""
    if component.startswith("#"):
        return ""  # a record's own key ("#c-mishu"): an id, nothing a reader is told
    if HAS_CJK.search(component):
        return component.replace("_", "·")
    words = [KEY_WORDS.get(w.lower(), w) for w in re.split(r"[_\-\s]+", CAMEL.sub("_", component)) if w]
    return "".join(w for i, w in enumerate(words) if not i or w != words[i - 1])  # ("DocNumber": 文号, once)


# Sections that name what their keys are (名额, 截止时间, 条件…): Chinese puts that word last, as the
# notices write it ("quota.central.先导技术榜" 中国科协先导技术榜名额, "deadline.member_submit" 会员提交截止时间).
HEAD_NOUNS = {"名额", "截止时间", "条件", "申报条件", "联系方式", "重点", "要求", "限额"}


def path_label(path: tuple[str, ...]) -> str:
    shown: list[str] = []
    for part in (said(c) for c in path):
        if part and (not shown or shown[-1] != part):
            shown.append(part)
    if len(shown) > 1 and shown[0] in HEAD_NOUNS:
        return "".join(p.replace("·", "") for p in shown[1:]) + shown[0]
    return "·".join(shown)


# A contact record's other keys, in a contact block's labels: what the person handles, and the body
# (a list's review body when the record sits under a list's name, else the person's department).
DUTY_KEYS = {"note", "notes", "remark", "duty", "role", "scope", "list", "lists", "topic", "说明", "备注"}
BODY_KEYS_OF_CONTACT = {"body", "org", "organization", "unit", "机构", "单位"}


def _contact_label(path: tuple[str, ...]) -> str:
    key = path[-1].lower()
    if key in DUTY_KEYS:
        return "负责"
    if key in BODY_KEYS_OF_CONTACT:
        return "初评机构" if any("榜" in said(c) for c in path[:-1]) else "部门"
    return CONTACT_LABELS.get(key, said(path[-1]))


def _contact_groups(records: list[Record]) -> set[tuple[str, ...]]:
    """The paths whose keys make a contact record: one of them is a phone or an address to write to."""
    keys: dict[tuple[str, ...], set[str]] = {}
    for r in records:
        if r.kind is Kind.VALUE and len(r.path) > 1:
            keys.setdefault(r.path[:-1], set()).add(r.path[-1].lower())
    return {parent for parent, names in keys.items() if names & REACHED_BY}


# ---------------------------------------------------------------- INI and properties files

SECTION = re.compile(r"^[ \t]*\[(?P<name>[^\[\]\n]{1,80})\][ \t]*$")
ARRAY_SECTION = re.compile(r"^[ \t]*\[\[(?P<name>[^\[\]\n]{1,80})\]\][ \t]*$")  # TOML's [[contacts]]: one more record
REMARK = re.compile(r"^[ \t]*(?:[;#!]+|//+)[ \t]?(?P<body>.*?)[ \t]*$|^[ \t]*/\*+[ \t]?(?P<block>.*?)[ \t]*\*+/[ \t]*$")
# A braced block of a configuration language (HCL's `list "xinrui" {`, `quota_per_unit = {`, nginx's `server {`):
# a section that nests; `}` closes it.
BLOCK_OPEN = re.compile(r"^[ \t]*(?P<name>[A-Za-z_][\w\-]*)(?P<labels>(?:[ \t]+\"[^\"\n]*\")*)[ \t]*(?:=[ \t]*)?\{[ \t]*(?:(?:#|//).*)?$")
BLOCK_CLOSE = re.compile(r"^[ \t]*\}[ \t]*[,;]?[ \t]*$")
# A message written on one line (textproto's `deadline { year: 2072 month: 11 day: 6 text: "…" }`): a value whose
# fields are read in words.
INLINE_BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z_][\w\-]*)[ \t]*:?[ \t]*(?P<value>\{[^{}\n]*\})[ \t]*[,;]?[ \t]*(?:(?:#|//).*)?$")
# A field of a block written "key: value" (textproto, YAML-like configuration inside braces).
COLON_FIELD = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z_][\w\-.]*)[ \t]*:[ \t]*(?P<value>[^\s{].*?)[ \t]*$")
# A block opened by its name alone (textproto's `list {`, `list: {`): one that may be written again.
BARE_BLOCK = re.compile(r"^[ \t]*(?P<name>[A-Za-z_][\w\-]*)[ \t]*:?[ \t]*\{[ \t]*$")
LIST_OPEN = re.compile(r"^[ \t]*(?P<key>[A-Za-z_][\w\-.]*)[ \t]*[=:][ \t]*\[[ \t]*$")
LIST_ITEM = re.compile(r"^[ \t]*(?P<q>[\"'])(?P<item>(?:(?!(?P=q))[^\\]|\\.)*)(?P=q)[ \t]*,?[ \t]*(?:(?:#|//).*)?$")
LIST_CLOSE = re.compile(r"^[ \t]*[\])][ \t]*[,;]?[ \t]*$")
# A program's data literal (JavaScript's `export const notice = {`, TypeScript's, `let x = [`): the declaration's words
# are the program's, the name and its braces a block; `{` alone in a list one more record of it.
DECLARED = re.compile(r"^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+(?=[A-Za-z_$][\w$]*[ \t]*=[ \t]*[\{\[])")
ANONYMOUS_OPEN = re.compile(r"^[ \t]*\{[ \t]*$")
# A key written as a string (Python's and JSON5's `"title": "…"`): read as the bare key, its quotes blanked in place.
QUOTED_KEY = re.compile(r"(?:^|(?<=[{,]))([ \t]*)([\"'])([A-Za-z_][\w\-]{0,40})\2(?=[ \t]*:)")
ASSIGNED_LITERAL = re.compile(r"^[A-Za-z_][\w]*[ \t]*=[ \t]*[\{\[][ \t]*$")  # Python's `NOTICE = {` at the top level
SUBSCRIPT = re.compile(r"\[[ \t]*[\"']?([^\"'\]\n]+?)[\"']?[ \t]*\]")  # NOTICE["schedule"]["x"]: the path notice.schedule.x
INLINE_ITEM = re.compile(r"^[ \t]*(?P<value>\{[^{}\n]*\})[ \t]*,?[ \t]*(?:(?:#|//).*)?$")
# What only the program says: its export of what it declared.
STATEMENT_ONLY = re.compile(r"^[ \t]*(?:export[ \t]+default[ \t]+[\w$.]+|module\.exports[ \t]*=[ \t]*[\w$.]+)[ \t]*;?[ \t]*$")
# A remark holding code (`/* 旧值：quota: 1, quotaNote: '…' */`, `// notice.x = '…'`): a value taken out of force.
CODE_IN_REMARK = re.compile(r"(?<![\w.$])[\"']?[A-Za-z_$][\w$.\[\]]*[\"']?[ \t]*[:=][ \t]*[\"'{\[\d`]")
HEREDOC = re.compile(r"^<<-?[ \t]*(?P<end>[A-Z_]{2,20})[ \t]*$")
ASSIGNED = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[^\s=;#!\[\]，。；：:][^\s=，。；]{0,40}?)[ \t]*=[ \t]*(?P<value>.*?)[ \t]*$")
# A properties file's key (ASCII, dotted) may be followed by ":" or by blanks alone ("notice.email a@b.cn").
PROPERTY = re.compile(r"^(?P<indent>)(?P<key>[A-Za-z_][\w.\-]{0,60})(?:[ \t]*[:=][ \t]*|[ \t]+)(?P<value>\S.*?)[ \t]*$")
RULE_ONLY = re.compile(r"^[=\-—_*~#;·]*$")
OVERRIDING = re.compile(r"(?<![a-z])(?:override|patch|fix)(?![a-z])|修订|更正|覆盖|变更")
MIN_ASSIGNED = 6
MIN_PROPERTIES = 12  # keys of a properties file, which has no sections
MIN_KEYED_SHARE = 0.6  # of a text's non-blank lines: sections, assignments, remarks and continued values
TRIPLE = ('"""', "\'\'\'", "`")  # (a template literal's backquote opens a multi-line text too)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _assigned(line: str, properties: bool) -> re.Match[str] | None:
    return ASSIGNED.match(line) or (PROPERTY.match(line) if properties else None)


def _is_properties(lines: list[str]) -> bool:
    dotted = sum(1 for line in lines if (m := PROPERTY.match(line)) and "." in m.group("key") and not REMARK.match(line))
    return dotted >= MIN_PROPERTIES


def _opens(line: str) -> bool:
    return bool(SECTION.match(line) or ARRAY_SECTION.match(line) or BLOCK_OPEN.match(line))


def _undeclared(line: str) -> str:
    """A program's declaration with its words blanked (`export const notice = {` reads `notice = {`) and its
    keys written as strings bare (`"title": …` reads ` title : …`), each character in its place."""
    m = DECLARED.match(line)
    line = " " * m.end() + line[m.end() :] if m else line
    return QUOTED_KEY.sub(lambda k: f"{k.group(1)} {k.group(3)} ", line)


@dataclass(frozen=True)
class _Syntax:
    """How a keyed file writes its keys, read once for its detection and its parsing alike."""

    sections: int  # lines opening a section or a block
    properties: bool  # no sections: a properties file (":" or blanks may separate a key from its value)
    braced: bool  # blocks closed by "}": a field inside may be "key: value" or a message on one line
    blocks: Counter[str]  # how many blocks each name opens (a name opening several: each its own record)
    literal: bool = False  # a program's data literal: "key: {" and "key: [" open blocks too, code in a remark is out of force

    def field(self, line: str) -> re.Match[str] | None:
        return _assigned(line, self.properties) or (COLON_FIELD.match(line) if self.braced else None)


def _syntax(lines: list[str]) -> _Syntax:
    # (Keys written as strings make a program's literal only where a name is assigned one: JSON assigns none.)
    literal = any(DECLARED.match(line) for line in lines) or sum(1 for line in lines if QUOTED_KEY.match(line)) >= MIN_ASSIGNED \
        and any(ASSIGNED_LITERAL.match(line) for line in lines)
    lines = [_undeclared(line) for line in lines] if literal else lines
    sections = sum(1 for line in lines if _opens(line) or (literal and (BARE_BLOCK.match(line) or LIST_OPEN.match(line))))
    return _Syntax(sections, sections < 2 and _is_properties(lines), sum(1 for line in lines if BLOCK_CLOSE.match(line)) >= 2,
                   Counter(m.group("name") for line in lines if (m := BARE_BLOCK.match(line))), literal)


def is_ini(text: str) -> bool:
    lines = [line for _, line in _lines(text) if line.strip()]
    syntax = _syntax(lines)
    lines = [_undeclared(line) for line in lines] if syntax.literal else lines

    def field(line: str) -> bool:
        return bool(syntax.field(line) or (syntax.braced and INLINE_BLOCK.match(line)))

    assigned = sum(1 for line in lines if field(line) and not REMARK.match(line))
    keyed = sum(1 for line in lines if _opens(line) or field(line) or BLOCK_CLOSE.match(line)
                or LIST_CLOSE.match(line) or REMARK.match(line) or line[:1] in " \t")
    return (syntax.sections >= 2 or syntax.properties) and assigned >= MIN_ASSIGNED and keyed >= MIN_KEYED_SHARE * len(lines)


INLINE_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w\-]*)[ \t]*[=:][ \t]*")
INLINE_CONTACT = {"body": "机构", "office": "部门", "unit": "单位"}
FLAGS = {"true": "是", "false": "否", "True": "是", "False": "否", "None": "无"}
TRAILING_REMARK = re.compile(r"[ \t]+(?:#|//)[ \t]?(?P<note>.*)$")


class _Value(NamedTuple):
    body: tuple[int, int]  # the value's span
    shown: str  # the value as read
    cuts: list[tuple[int, int, str]]  # inside it (an inline table's keys in words)
    tail: list[tuple[int, int, str]]  # after it (its closing quote, its remark in brackets)
    remark: str  # the remark written after it on its line ("quota = 3  # 学会推荐不超过3家")


def _value_parts(value: str, start: int) -> _Value:
    """A value's span, as read, its inner cuts and its tail: quotes off, a trailing "# 备注" in brackets
    after it, a TOML inline table ({ name = "…", phone = "…" }) as "名称：…，电话：…", an array as "a、b"."""
    quoted = re.match(r"([\"'])((?:[^\\\"']|\\.|(?!\1)[\"'])*)\1", value)
    end = quoted.end() if quoted else len(value)
    comment = TRAILING_REMARK.search(value, end if quoted else 0)
    if quoted is None and comment is not None:
        end = comment.start()
    after = start + end - (1 if quoted else 0)  # (a quoted value's closing quote goes with what follows it)
    remark = comment.group("note").strip() if comment is not None else ""
    tail = [(after, start + comment.start("note"), "（"), (start + comment.end("note"), start + len(value), "）")] \
        if comment is not None and remark else ([(after, start + len(value), "")] if comment is not None else [])
    if quoted is not None:
        return _Value((start + 1, start + end - 1), quoted.group(2), [], tail, remark)
    body = value[:end].rstrip()
    if body[-1:] in (",", ";") and len(body) > 1:  # (a literal's item ends with ","; what follows goes with the tail)
        body = body[:-1].rstrip()
        tail = [(start + len(body), *tail[0][1:]), *tail[1:]] if tail else tail
    if body in FLAGS:
        return _Value((start, start + len(body)), FLAGS[body], [(start, start + len(body), FLAGS[body])], tail, remark)
    if body[:1] in "{[" and body[-1:] in "}]":
        inner = body[1:-1]
        lead, trail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip())
        cuts = [(start, start + 1 + lead, ""), (start + len(body) - 1 - trail, start + len(body), "")]
        fields = INLINE_FIELD.findall(body[1:-1])
        contact = any(k.lower() in REACHED_BY for k in fields)  # ({ name = "…", phone = "…" }: its name follows the key's label)
        for m in re.finditer(INLINE_FIELD.pattern + r"|(?P<sep>[ \t]*,[ \t]*)|(?P<quote>[\"'])", inner.strip()):
            at = start + 1 + lead + m.start()
            if m.group("key"):
                key = m.group("key").lower()
                label = ("" if key == "name" else CONTACT_LABELS.get(key) or INLINE_CONTACT.get(key) or said(key)) \
                    if contact else said(m.group("key"))
                cuts.append((at, at + len(m.group(0)), f"{label}：" if label else ""))
            elif m.group("sep"):
                cuts.append((at, at + len(m.group(0)), "，" if body[0] == "{" else "、"))
            else:
                cuts.append((at, at + 1, ""))
        return _Value((start, start + len(body)), body, sorted(cuts), tail, remark)
    return _Value((start, start + len(body)), body, [], tail, remark)


def _ini_records(text: str) -> list[Record]:
    records: list[Record] = []
    section: tuple[str, ...] = ()
    lines = _lines(text)
    syntax = _syntax([line for _, line in lines if line.strip()])
    blocks: list[tuple[str, ...]] = []  # the braced blocks open, outermost first (each its section's path)
    in_list = False
    lists: list[tuple[str, ...]] = []  # the lists open (a literal's `lists: [` holding `{ … }` records)
    arrays: dict[tuple[str, ...], int] = {}
    in_text: str | None = None  # a multi-line string's closing quotes, while inside it
    for pos, line in lines:
        end = pos + len(line)
        if in_text is not None:  # a TOML multi-line string: its lines as text, its closing quotes gone
            close = (0 if line.strip() == in_text else -1) if in_text.isalpha() else line.find(in_text)  # (a heredoc's end: its own line)
            if close >= 0:
                in_text = None
                records.append(Record(Kind.TEXT, pos, end, section, (pos, pos + close), shown=line[:close],
                                      tail=[(pos + close, end, "")]))
            elif line.strip():
                records.append(Record(Kind.TEXT, pos, end, section, (pos, end), shown=line.strip()))
            continue
        if not line.strip():
            continue
        if syntax.literal:
            line = _undeclared(line)
            if STATEMENT_ONLY.match(line):
                records.append(Record(Kind.DROP, pos, end, section))
                continue
        if in_list:  # a list written one item a line: each item a line of text
            if LIST_CLOSE.match(line):
                in_list = False
                lists.pop()
                records.append(Record(Kind.DROP, pos, end, section))
            elif (m := INLINE_ITEM.match(line)) is not None and lists:  # `{ name: '…', url: '…' },`: a record on one line
                arrays[lists[-1]] = arrays.get(lists[-1], 0) + 1
                value = _value_parts(m.group("value"), pos + m.start("value"))
                records.append(Record(Kind.VALUE, pos, end, (*lists[-1], f"#{arrays[lists[-1]]}"), value.body, value.cuts,
                                      shown=value.shown, tail=value.tail))
            elif ANONYMOUS_OPEN.match(line) and lists:  # `{` alone: one more record of the list
                arrays[lists[-1]] = arrays.get(lists[-1], 0) + 1
                blocks.append((*lists[-1], f"#{arrays[lists[-1]]}"))
                section, in_list = blocks[-1], False
                records.append(Record(Kind.HEADING, pos, end, section))
            elif (m := LIST_ITEM.match(line)) is not None:
                records.append(Record(Kind.TEXT, pos, end, section, (pos + m.start("item"), pos + m.end("item")),
                                      shown=m.group("item"), tail=[(pos + m.end("item"), end, "")]))
            else:
                records.append(Record(Kind.TEXT, pos, end, section, (pos, end), shown=line.strip()))
            continue
        if (m := INLINE_BLOCK.match(line)) is not None:
            value = _value_parts(m.group("value"), pos + m.start("value"))
            records.append(Record(Kind.VALUE, pos, end, (*section, m.group("key")), value.body, value.cuts, shown=value.shown,
                                  tail=value.tail))
            continue
        if (m := BLOCK_OPEN.match(line.replace(":", "", 1) if re.match(r"^[ \t]*[A-Za-z_][\w\-]*[ \t]*:[ \t]*\{", line) else line)) is not None \
                and not SECTION.match(line):
            labels = tuple(re.findall(r"\"([^\"\n]*)\"", m.group("labels")))
            path = (*(blocks[-1] if blocks else ()), m.group("name"), *labels)
            if not labels:  # a block written again under the same name (textproto's repeated `list { … }`): one more record
                arrays[path] = arrays.get(path, 0) + 1
                path = (*path, f"#{arrays[path]}") if arrays[path] > 1 or syntax.blocks[m.group("name")] > 1 else path
            blocks.append(path)
            section = blocks[-1]
            records.append(Record(Kind.HEADING, pos, end, section))
            continue
        if BLOCK_CLOSE.match(line) and blocks:
            closed = blocks.pop()
            section = blocks[-1] if blocks else ()
            in_list = bool(lists) and closed[:-1] == lists[-1]  # (a list's record closed: the list goes on)
            records.append(Record(Kind.DROP, pos, end, section))
            continue
        if (m := LIST_OPEN.match(line)) is not None:
            in_list = True
            lists.append((*section, m.group("key")))
            records.append(Record(Kind.HEADING, pos, end, lists[-1]))
            continue
        if (m := ARRAY_SECTION.match(line)) is not None:
            name = tuple(p.strip() for p in m.group("name").split(".") if p.strip())
            arrays[name] = arrays.get(name, 0) + 1
            section = (*name, f"#{arrays[name]}")  # (each its own record: a later one replaces none)
            records.append(Record(Kind.HEADING, pos, end, section))
        elif (m := SECTION.match(line)) is not None:
            section = tuple(p.strip() for p in m.group("name").split(".") if p.strip())
            records.append(Record(Kind.HEADING, pos, end, section))
        elif (m := REMARK.match(line)) is not None:
            group = "body" if m.group("body") is not None else "block"
            body = m.group(group)
            commented_out = bool(ASSIGNED.match(body)) and body.split("=", 1)[0].strip().isascii() \
                or syntax.literal and bool(CODE_IN_REMARK.search(body))
            kind = Kind.DROP if RULE_ONLY.match(body.replace(" ", "")) or commented_out else Kind.TEXT
            records.append(Record(kind, pos, end, section, (pos + m.start(group), pos + m.end(group)), shown=body))
        elif line[:1] in " \t" and records and records[-1].kind is Kind.VALUE and not _assigned(line.strip(), syntax.properties) \
                and not (blocks and (COLON_FIELD.match(line) or BLOCK_CLOSE.match(line) or INLINE_BLOCK.match(line))):
            last = records[-1]  # a value continued on an indented line (a properties file's after its "\")
            cont = last.body[1] - 1 if last.shown.endswith("\\") else last.body[1]
            last.shown = last.shown.removesuffix("\\")
            joint = " " if last.shown[-1:].isascii() and line.strip()[:1].isascii() else ""
            continued = line.rstrip().removesuffix("\\")
            last.body_cuts.append((cont, pos + len(line) - len(line.lstrip()), joint))
            last.body, last.end = (last.body[0], pos + len(continued.rstrip())), end
            if line.rstrip().endswith("\\"):
                last.body_cuts.append((pos + len(continued.rstrip()), end, ""))
                last.body, last.end = (last.body[0], end), end
            last.shown += joint + continued.strip()
        elif (m := syntax.field(line)) is not None:
            value = m.group("value")
            start = pos + m.start("value")
            path = section + tuple(p for p in SUBSCRIPT.sub(r".\1", m.group("key")).split(".") if p)
            if not path:
                continue  # (". = x" names no key)
            if syntax.literal and value.rstrip(",") in ("(", "["):  # ("intro": ( …strings… ),): its strings a line each
                in_list = True
                lists.append(path)
                records.append(Record(Kind.HEADING, pos, end, path))
                continue
            if (doc := HEREDOC.match(value)) is not None:  # a heredoc (<<EOT … EOT): its lines as text
                in_text = doc.group("end")
                records.append(Record(Kind.VALUE, pos, end, path, (end, end), shown="", body_cuts=[(start, end, "")]))
                continue
            if value.startswith(TRIPLE):  # a multi-line string opens: its lines follow as text
                quotes = next(q for q in TRIPLE if value.startswith(q))
                rest = value[len(quotes) :]
                if quotes in rest:
                    records.append(Record(Kind.VALUE, pos, end, path, (start + len(quotes), start + len(quotes) + rest.index(quotes)),
                                          shown=rest[: rest.index(quotes)], tail=[(start + len(quotes) + rest.index(quotes), end, "")]))
                else:
                    in_text = quotes
                    records.append(Record(Kind.VALUE, pos, end, path, (start + len(quotes), end), shown=rest.strip() or "",
                                          body_cuts=[(start, start + len(quotes), "")]))
                continue
            read = _value_parts(value, start)
            records.append(Record(Kind.VALUE, pos, end, path, read.body, read.cuts, shown=read.shown, tail=read.tail,
                                  remark=read.remark))
        else:
            records.append(Record(Kind.TEXT, pos, end, section, (pos, end), shown=line.strip()))
    _resolve_overrides(records)
    return records


def _resolve_overrides(records: list[Record]) -> None:
    """A key in an overriding section ([override], [修订]…) is the key of that name set before: it
    takes that key's path, so it is in force there."""
    seen: list[tuple[str, ...]] = []
    for r in records:
        if r.kind is not Kind.VALUE:
            continue
        section = r.path[:-1]
        if section and OVERRIDING.search(".".join(section).lower()):
            # (an override block naming the key's whole path, `override { list "xinrui" { quota = 3 } }`: that key)
            bare = tuple(c for c in r.path if not OVERRIDING.search(c.lower()))
            earlier = [bare] if bare in seen else [p for p in seen if p[-1] == r.path[-1] and p != r.path]
            if len(set(earlier)) == 1:
                r.path = earlier[0]
        seen.append(r.path)


# ---------------------------------------------------------------- JSON Lines event streams

PATH_KEYS = ("path", "key", "field")
NEW_KEYS = ("new", "value", "new_value", "to")
SUPERSEDED_KEYS = (*NEW_KEYS, "old", "old_value", "from")
WITHDRAWN = re.compile(r"retract|delete|remove|withdraw|revoke|unset|撤")
BODY_KEYS = {"text", "content", "body", "paragraph", "html", "message", "msg"}
NUMBER_VALUE = re.compile(r'"[ \t]*+:[ \t]*+(-?\d{1,9}(?:\.\d{1,6})?)(?=[ \t]*+[,}\]])')
SHORT_FIELDS = 60  # a record whose shown values are all this short reads as one line (one sentence), its fields apart by "，"
MIN_EVENTS = 5
MIN_EVENT_SHARE = 0.8


def _json_line(line: str) -> dict[str, object] | None:
    s = line.strip()
    if not (s.startswith("{") and s.endswith("}")):
        return None
    try:
        obj = json.loads(s)
    except (ValueError, RecursionError):  # (nesting deeper than the parser follows: no record)
        return None
    return obj if isinstance(obj, dict) else None


def is_json_lines(text: str) -> bool:
    lines = [line for _, line in _lines(text) if line.strip()]
    events = sum(1 for line in lines if _json_line(line) is not None)
    return events >= MIN_EVENTS and events >= MIN_EVENT_SHARE * len(lines)


def _labelled_strings(text: str, start: int, end: int) -> list[tuple[str, JsonString]]:
    """The line's string values, each with the name of its field."""
    out, key = [], ""
    for s in json_strings(text, start, end):
        if s.is_key:
            key = read_string(s.raw)
            number = NUMBER_VALUE.match(text, s.end, end)
            if number and COUNTED.search(said(key)):  # ("max": 2: a count the notice names by its field)
                out.append((key, JsonString(number.start(1), number.end(1), number.group(1), False)))
        else:
            out.append((key, s))
    return out


def _shown_strings(values: list[tuple[str, JsonString]], start: int, lead: str, sep: str) -> tuple[list[tuple[int, int, str]], int]:
    """Cuts from `start` showing a line's Chinese strings, each led by its field's name (a body's
    field by nothing), the first after `lead`, the others after `sep`; and where the last one ends."""
    cuts: list[tuple[int, int, str]] = []
    prev = start
    # A record holding a phone or a mailbox is a contact: its keys read as a contact block's labels, and
    # its numbers and addresses are shown, though written without Chinese.
    contact = any(key.lower() in PHONE_KEYS for key, _ in values)
    # A count's measure in a field of its own ("max": 2, "unit": "项"): said with the count, "上限：2项".
    measure = next((s for key, s in values if said(key) == "单位" and MEASURE.fullmatch(s.raw)), None)
    for key, s in values:
        counted = s.raw[:1].isdigit() and COUNTED.search(said(key))
        if s is measure or not (HAS_CJK.search(s.raw) or counted or (contact and REACHABLE.search(read_string(s.raw)))):
            continue
        label = "" if key.lower() in BODY_KEYS else (CONTACT_LABELS.get(key.lower(), "") if contact else "") or said(key)
        cuts.append((prev, s.start, lead + (f"{label}：" if label else "")))
        cuts.extend(s.escape_cuts())
        prev, lead = s.end, sep
        if counted and measure is not None:
            cuts.append((s.end, s.end, measure.raw))
    return cuts, prev


def _event_records(text: str) -> list[Record]:
    records: list[Record] = []
    for pos, line in _lines(text):
        end = pos + len(line)
        if not line.strip():
            continue
        obj = _json_line(line)
        if obj is None:
            records.append(Record(Kind.TEXT, pos, end, body=(pos, end), shown=line.strip()))
            continue
        withdrawal = bool(WITHDRAWN.search(str(obj.get("type") or obj.get("event") or obj.get("op") or "").lower()))
        if not withdrawal and any(void_field(k, str(v).lower() if isinstance(v, bool) else str(v)) for k, v in obj.items()
                                  if isinstance(v, str | int | bool)):
            records.append(Record(Kind.DROP, pos, end))  # ("deleted": true: a record out of force says nothing)
            continue
        values = _labelled_strings(text, pos, end)
        where = next((obj[k] for k in PATH_KEYS if isinstance(obj.get(k), str)), None)
        kind = str(obj.get("type") or obj.get("event") or obj.get("op") or "")
        if isinstance(where, str):
            path = tuple(p for p in where.split(".") if p)
            if WITHDRAWN.search(kind.lower()):
                records.append(Record(Kind.RETRACT, pos, end, path))
                continue
            named = {k.lower(): s for k, s in values}
            value = next((named[k] for k in NEW_KEYS if k in named), None)
            if value is not None:
                # beside the value, what the event says of it (its reason); the old value and the path set aside
                after = [(k, s) for k, s in values if s.start > value.end and k.lower() not in SUPERSEDED_KEYS]
                tail, last = _shown_strings(after, value.end, "（", "；")
                tail.append((last, end, "）" if tail else ""))
                records.append(Record(Kind.VALUE, pos, end, path, (value.start, value.end), value.escape_cuts(),
                                      read_string(value.raw), tail))
                continue
        short = all(len(read_string(v.raw)) <= SHORT_FIELDS for _, v in values)
        cuts, last = _shown_strings(values, pos, "", "，" if short else "\n")
        if not cuts:
            records.append(Record(Kind.DROP, pos, end))
            continue
        records.append(Record(Kind.TEXT, pos, end, body=(pos, pos), body_cuts=cuts, tail=[(last, end, "")]))
    return records


# ---------------------------------------------------------------- BibTeX-style records

ENTRY = re.compile(r"^[ \t]*@(?P<type>[A-Za-z]\w*)[ \t]*\{[ \t]*(?P<key>[^,\s{}]+)[ \t]*,", re.M)
BIB_FIELD = re.compile(r"(?P<name>[A-Za-z]\w*)[ \t]*=[ \t]*")
BIB_PIECE = re.compile(r"\{|\"((?:[^\"\\]|\\.)*)\"|([A-Za-z]\w*)|(\d+)")
MIN_ENTRIES = 4
ERRATA = {"erratum", "errata", "correction", "更正"}


def is_bibtex(text: str) -> bool:
    return len(ENTRY.findall(text)) >= MIN_ENTRIES


def _braced(text: str, at: int) -> int:
    """Where the brace group opened at `at` closes (past it), or the end of the text."""
    depth = 0
    for i in range(at, len(text)):
        depth += 1 if text[i] == "{" else -1 if text[i] == "}" else 0
        if depth == 0:
            return i + 1
    return len(text)


def _bib_value(text: str, at: int, macros: dict[str, str]) -> tuple[int, list[tuple[int, int, str]], str]:
    """A field's value from `at` (pieces joined by #): where it ends, the cuts that show it, and it as read."""
    cuts: list[tuple[int, int, str]] = []
    shown = ""
    pos = at
    while True:
        m = BIB_PIECE.match(text, pos)
        if m is None:
            break
        if m.group(0) == "{":
            end = _braced(text, pos)
            inner = text[pos + 1 : end - 1]
            cuts += [(pos, pos + 1, ""), (end - 1, end, "")]
            cuts += [(pos + 1 + w.start(), pos + 1 + w.end(), "") for w in re.finditer(r"\n[ \t]+", inner)]
            shown += re.sub(r"\n[ \t]+", "", inner)
        elif m.group(1) is not None:
            end = m.end()
            cuts += [(pos, pos + 1, ""), (end - 1, end, "")]
            shown += m.group(1)
        else:
            end = m.end()
            value = macros.get(m.group(2) or "", m.group(0))
            cuts.append((pos, end, value))
            shown += value
        joint = re.match(r"[ \t]*#[ \t]*", text[end:])
        if joint is None:
            return end, cuts, shown
        cuts.append((end, end + joint.end(), ""))
        pos = end + joint.end()
    return pos, cuts, shown


STRING_DEF = re.compile(r"^[ \t]*@string[ \t]*\{[ \t]*(?P<name>\w+)[ \t]*=[ \t]*", re.M | re.I)
BIB_REMARK = re.compile(r"^[ \t]*%+[ \t]*[-=]*[ \t]*(?P<body>.*?)[ \t]*[-=]*[ \t]*$", re.M)


def _bib_records(text: str) -> list[Record]:
    records: list[Record] = []
    macros: dict[str, str] = {}
    for d in STRING_DEF.finditer(text):  # @string{plat = "…"}: a macro, said where it is used
        end, _, shown = _bib_value(text, d.end(), macros)
        macros[d.group("name")] = shown
        records.append(Record(Kind.DROP, d.start(), _braced(text, text.index("{", d.start()))))
    found = list(ENTRY.finditer(text))
    entries = [(e.start(), _braced(text, text.index("{", e.start()))) for e in found]
    types = {e.group("key"): e.group("type").lower() for e in found}  # (an erratum may come first)
    for r in BIB_REMARK.finditer(text):
        if any(a < r.start() < b for a, b in entries):
            continue  # a remark inside a record: part of its value's source, cut with it
        kind = Kind.TEXT if HAS_CJK.search(r.group("body")) else Kind.DROP
        records.append(Record(kind, r.start(), r.end(), body=(r.start("body"), r.end("body")), shown=r.group("body")))
    pos = 0
    for entry, (_, close) in zip(found, entries, strict=True):
        if entry.start() < pos:
            continue
        kind, key = entry.group("type").lower(), entry.group("key")
        records.append(Record(Kind.DROP, entry.start(), entry.end()))  # "@quota{q-xd,"
        at, fields = entry.end(), []
        while (f := BIB_FIELD.search(text, at, close)) is not None:
            end, cuts, shown = _bib_value(text, f.end(), macros)
            fields.append((f, end, cuts, shown))
            at = max(end, f.end() + 1)
        named = {f.group("name").lower(): (f, end, cuts, shown) for f, end, cuts, shown in fields}
        prev = entry.end()
        for f, end, cuts, shown in fields:
            name = f.group("name").lower()
            path: tuple[str, ...] = (kind, "#" + key, name)
            if kind in ERRATA:
                target = named.get("field")
                if name != "now" or target is None or "." not in target[3]:
                    records.append(Record(Kind.DROP, prev, end))
                    prev = end
                    continue
                tkey, tfield = target[3].split(".", 1)
                path = (types.get(tkey, ""), "#" + tkey, tfield.lower())
            body = (f.end(), end)
            records.append(Record(Kind.VALUE, prev, end, path, body, cuts, shown, inline=prev != entry.end() and kind not in ERRATA))
            prev = end
        records.append(Record(Kind.DROP, prev, close))  # the entry's last comma and brace
        pos = close
    return sorted(records, key=lambda r: r.start)


# ---------------------------------------------------------------- one renderer for every format


def is_keyed(text: str) -> bool:
    return is_ini(text) or is_json_lines(text) or is_bibtex(text)


def keyed_text(mt: MappedText) -> MappedText | None:
    """The text a keyed-records file shows, or None when the text is none."""
    if is_ini(mt.text):
        records = _ini_records(mt.text)
    elif is_json_lines(mt.text):
        records = _event_records(mt.text)
    elif is_bibtex(mt.text):
        records = _bib_records(mt.text)
    else:
        return None
    return mt.splice(sorted(_cuts(mt.text, records)))


UP = re.compile(r"^[ \t]*(?:↑|\^|上行|同上)[ \t:：]*")


def _pointed_at(records: list[Record], remark: Record, text: str) -> int | None:
    """Where the value a remark points up at ends, when the remark follows it directly."""
    if remark.body[0] != remark.body[1] and UP.match(remark.shown) and remark.shown[UP.match(remark.shown).end():]:  # type: ignore[union-attr]
        i = records.index(remark)
        above = records[i - 1] if i else None
        if above is not None and above.kind is Kind.VALUE and not above.tail and not text[above.end : remark.start].strip():
            return above.end
    return None


NAME_KEYS = {"name", "list", "名称"}  # (not a title: a notice's title names the notice, not a block of it)


def _named(records: list[Record]) -> dict[tuple[str, ...], str]:
    """A block called by a code (`list "xinrui" {`, `[quota.xd]`) whose own name field says what it is in words
    (`name = "新锐企业榜"`): the words head its keys' labels instead of the code."""
    names: dict[tuple[str, ...], str] = {}
    for r in records:
        if r.kind is Kind.VALUE and len(r.path) > 1 and r.path[-1].lower() in NAME_KEYS and HAS_CJK.search(r.shown) \
                and len(r.shown) <= 30 and "通知" not in r.shown and not HAS_CJK.search(r.path[-2]):
            names.setdefault(r.path[:-1], r.shown)
    return names


def _label_path(path: tuple[str, ...], names: dict[tuple[str, ...], str]) -> tuple[str, ...]:
    for n in range(len(path), 0, -1):
        if path[:n] in names:
            return (names[path[:n]], *path[n:])
    return path


def _cuts(text: str, records: list[Record]) -> list[tuple[int, int, str]]:
    names = _named(records)
    final: dict[tuple[str, ...], Record] = {}
    first: dict[tuple[str, ...], Record] = {}
    for r in records:
        if r.kind in (Kind.VALUE, Kind.RETRACT):
            final[r.path] = r
            if r.kind is Kind.VALUE:
                first.setdefault(r.path, r)
    contacts = _contact_groups(records)
    cuts: list[tuple[int, int, str]] = []
    heading: tuple[str, ...] | None = None
    for r in records:
        line_end = min(r.end + 1, len(text))
        if r.kind is Kind.HEADING:
            # (a contact record's path heads its block, just above its first key, past any remark)
            cuts.append((r.start, r.end, "" if r.path in contacts else "\n" + path_label(_label_path(r.path, names))))
            continue
        if r.kind is Kind.TEXT and (above := _pointed_at(records, r, text)) is not None:
            # "; ↑ 2066年新设榜单": a remark on the line above, read with it
            cuts.append((above, r.body[0] + len(UP.match(r.shown).group(0)), "（"))  # type: ignore[union-attr]
            cuts.append((r.body[1], r.end, "）"))
            continue
        if r.kind is Kind.TEXT:
            cuts.append((r.start, r.body[0], "\n" if r.start else ""))  # (a line of its own, whatever went before)
            cuts.extend(r.body_cuts)
            cuts.extend(r.tail or [(r.body[1], r.end, "")])
            continue
        last = final.get(r.path)
        if r.kind is not Kind.VALUE or last is None or last.kind is Kind.RETRACT or (r is not first[r.path] and r is not last):
            cuts.append((r.start, line_end, ""))  # a value withdrawn, or one a later value of its key replaced
            continue
        parent = r.path[:-1]
        at_line_start = r.start == 0 or text[r.start - 1] == "\n"
        if parent in contacts:
            label = _contact_label(r.path)
            lead = ("" if at_line_start else "\n") if heading == parent else "\n" + path_label(_label_path(parent, names)) + "\n"
            heading = parent
        else:
            # (a record's field, "#key" in its path: its own name; its later fields on its first's line)
            label = said(r.path[-1]) if any(c.startswith("#") for c in r.path) else path_label(_label_path(r.path, names))
            lead = "，" if r.inline else "" if at_line_start else "\n"
        cuts.append((r.start, r.body[0], f"{lead}{label}：" if label else lead))
        if last is not r:  # set again later: the value in force shows here, with its remark (not the old one's)
            cuts.append((r.body[0], r.body[1], last.shown))
            cuts.append((r.body[1], r.end, f"（{last.remark}）" if last.remark else ""))
            continue
        cuts.extend(r.body_cuts)
        cuts.extend(r.tail or [(r.body[1], r.end, "")])
    return cuts
