"""A page written in MDX (Markdown with JSX, as documentation sites keep their pages): what the page
shows, not its code. Its imports go; a JSX comment ("{/* 注释：初稿写的是5家… */}") is never shown and
goes; a component's tags go and the text between them stays ("<Callout type="warning">…</Callout>");
a component given its data as a JavaScript array of objects ("<Table rows={[{ list: '新锐企业榜', quota:
'6家' }, …]} />", "<Contacts items={[{ name: '…', tel: '…' }]} />") shows one record a line, each value
led by its key in the notices' words (a record of people's keys as a contact line's labels: 联系人, 电话,
邮箱); an exported object ("export const meta = { deadline: '…' }") is read as its values, each under
its name, and "{meta.deadline}" in the text as the value (substitutions.py). Every value keeps its
characters and their place in the stored text."""

from __future__ import annotations

import re

from assistant.ingest.fieldnames import CONTACT_LABELS, HAS_CJK
from assistant.ingest.keyed import said
from assistant.ingest.substitutions import substitutions_text
from assistant.ingest.textmap import MappedText, disjoint

IMPORT = re.compile(r"^[ \t]*import[ \t]+[^\n]*?\bfrom[ \t]+['\"][^'\"\n]+['\"][ \t]*;?[ \t]*(?:\n|$)", re.M)
EXPORT_OPEN = re.compile(r"^[ \t]*export[ \t]+const[ \t]+[A-Za-z_$][\w$]*[ \t]*=[ \t]*\{[ \t]*$", re.M)
EXPORT_CLOSE = re.compile(r"^[ \t]*\}[ \t]*;?[ \t]*$", re.M)
COMMENT = re.compile(r"\{/\*.{0,2000}?\*/\}[ \t]*(?:\n)?", re.S)  # (bounded: an unclosed one is looked for once)
# A component's tag: <Name …> or </Name> or <Name … /> (a capitalised name: HTML's own tags are a page's).
TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Z][\w.]*)(?P<attrs>(?:[^<>{}\"']|\"[^\"]*\"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*?)(?P<self>/)?>")
DATA_PROP = re.compile(r"\b[\w$]+=\{\s*\[")
JS_PAIR = re.compile(r"(?P<key>[A-Za-z_$][\w$]*|\"[^\"\n]+\"|'[^'\n]+')[ \t]*:[ \t]*"
                     r"(?:(?P<q>['\"`])(?P<value>(?:\\.|(?!(?P=q))[^\\\n])*)(?P=q)|(?P<number>-?\d+(?:\.\d+)?)(?=[ \t]*[,}\n]))")
OBJECT = re.compile(r"\{(?P<body>[^{}]*)\}")
CONTACT_KEYS = {"tel", "phone", "mobile", "telephone", "email", "mail"}
MIN_SIGNS = 2


def value_span(pair: re.Match[str]) -> tuple[int, int]:
    """Where a JS_PAIR's value stands: a string's characters inside its quotes, or the number."""
    return pair.span("value") if pair.group("q") else pair.span("number")


def js_records(text: str, start: int, end: int) -> list[dict[str, tuple[int, int]]]:
    """The objects of a JavaScript array literal between start and end, each a key -> its value's place
    (read by this module's data props, pug.py's each-loops and substitutions.py's template loops)."""
    return [{p.group("key").strip("'\""): value_span(p) for p in JS_PAIR.finditer(text, o.start("body"), o.end("body"))}
            for o in OBJECT.finditer(text, start, end)]


def is_jsx_page(text: str) -> bool:
    """Markdown with JSX: an import from a module, or an exported object, and a component's tag."""
    signs = bool(IMPORT.search(text)) + bool(EXPORT_OPEN.search(text)) + bool(re.search(r"^[ \t]*<[A-Z]\w*[\s>/]", text, re.M))
    return signs >= MIN_SIGNS


def _label(key: str, contact: bool) -> str:
    key = key.strip("'\"")
    if HAS_CJK.search(key):
        return key
    if contact and key.lower() in CONTACT_LABELS:
        return CONTACT_LABELS[key.lower()]
    named = said(key)
    return named if HAS_CJK.search(named) else ""


def _records(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Cuts reading the data between start and end (an array of objects) as one record a line."""
    cuts: list[tuple[int, int, str]] = []
    pos = start
    lines: list[str] = []
    for obj in OBJECT.finditer(text, start, end):
        pairs = list(JS_PAIR.finditer(text, obj.start("body"), obj.end("body")))
        contact = any(p.group("key").strip("'\"").lower() in CONTACT_KEYS for p in pairs)
        line_start = True
        for p in pairs:
            value_start, value_end = value_span(p)
            label = _label(p.group("key"), contact)
            joiner = ("\n" if lines else "") if line_start else "，"
            cuts.append((pos, value_start, joiner + (f"{label}：" if label else "")))
            pos, line_start = value_end, False
        if pairs:
            lines.append(text[obj.start():obj.end()])
    cuts.append((pos, end, "\n" if lines else ""))
    return cuts


def _component(text: str, tag: re.Match[str]) -> list[tuple[int, int, str]]:
    """A component's tag gone; its data prop read as records."""
    data = DATA_PROP.search(text, tag.start("attrs"), tag.end("attrs"))
    if data is None:
        end = tag.end() + (1 if text[tag.end():tag.end() + 1] == "\n" and text[tag.start() - 1:tag.start()] in ("\n", "") else 0)
        return [(tag.start(), end, "")]
    return [(tag.start(), data.end() - 1, "")] + _records(text, data.end() - 1, tag.end())


def jsx_cuts(text: str) -> list[tuple[int, int, str]]:
    cuts = [(m.start(), m.end(), "") for m in (*IMPORT.finditer(text), *COMMENT.finditer(text))]
    for m in EXPORT_OPEN.finditer(text):
        close = EXPORT_CLOSE.search(text, m.end())
        cuts.append((m.start(), m.end() + 1, ""))  # (its values stay, each under its name: substitutions.py)
        if close is not None:
            cuts.append((close.start(), min(close.end() + 1, len(text)), ""))
    cuts += [c for tag in TAG.finditer(text) for c in _component(text, tag)]
    return disjoint(sorted(cuts))


def jsx_text(mt: MappedText) -> MappedText:
    """The page as shown: its exported values in place of their references first, then its code gone."""
    mt = substitutions_text(mt)
    return mt.splice(jsx_cuts(mt.text))
