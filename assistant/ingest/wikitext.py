"""A notice saved as a wiki page's source (MediaWiki markup), read as the page shows it:

- hidden comments (`<!-- 原截止：… -->`) are not shown: set aside, never read as the notice's word;
- an infobox template (`{{Infobox 通知 | 截止 = … }}`) is its fields, "截止：…" a line each;
- a table (`{| … |}`) is its rows, cells split by " | ", a cell spanning rows (`rowspan="3" | …`)
  in each row it spans, its caption (`|+ …`) above it;
- a footnote (`<ref>…</ref>`) is read beside what it notes, in brackets; one that corrects the
  value it notes ("…推荐名额应为4家，以本注为准") replaces that value;
- links show their text (`[[目标|文字]]`, `[网址 文字]`), headings (`== 标题 ==`) their title,
  bold and italic quotes go, list marks (`*`, `#`) become items, categories and `<references />` go.

Every shown character keeps its place in the file (textmap.MappedText)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.htmltables import spanned_grid
from assistant.ingest.textmap import MappedText

SIGNS = [re.compile(p, re.M) for p in (r"^\{\|", r"^\|\}", r"\[\[[^\[\]\n]+\]\]", r"^=={1,4}[^=\n]+=={1,4}\s*$", r"<ref[ >]", r"^\{\{")]
MIN_SIGNS = 3  # kinds of wiki markup a text needs to be read as a wiki page's source
HIDDEN = re.compile(r"<!--.*?-->", re.S)
# (Its fields are one run of text without braces: no nested repetition, so an infobox never closed
# costs one scan, not a search through every way of splitting its fields.)
TEMPLATE = re.compile(r"\{\{\s*(?:Infobox|信息框)[^|}\n]*\s*((?:\|[^{}]*)?)\}\}", re.S | re.I)
TEMPLATE_FIELD = re.compile(r"\|\s*([^=|\n]+?)\s*=[ \t]*((?:\[\[[^\]\n]*\]\]|[^|\n])*?)[ \t]*(?=\n|\||$)")
TABLE = re.compile(r"^\{\|[^\n]*\n(.*?)^\|\}[ \t]*$", re.S | re.M)
SPAN = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?(\d{1,2})[\"']?", re.I)
REF = re.compile(r"<ref(?:\s+name\s*=\s*[\"']?[^\"'>/]*[\"']?)?\s*>(.*?)</ref>|<ref\s+name\s*=\s*[\"']?[^\"'>/]*[\"']?\s*/>", re.S | re.I)
# "…名额应为4家，以本注为准", "更正为11月20日": what a footnote says the value it notes is.
CORRECTS = re.compile(r"(?:应为|更正为|改为|调整为|修改为)\s*(\S{1,16}?)(?:[，,。；;）)]|$)")
VALUE_END = re.compile(r"(\d{1,4}\s*[个项家人名位]|\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?|\d{1,2}月\d{1,2}日)\s*$")
LINK = re.compile(r"\[\[(?:[^|\]\n]*\|)?([^\]\n]*)\]\]")
CATEGORY = re.compile(r"^\[\[(?:Category|分类|Image|File|文件):[^\]\n]*\]\][ \t]*$", re.M | re.I)
EXTERNAL = re.compile(r"\[(https?://[^\s\]]+)\s+([^\]\n]+)\]")
HEADING = re.compile(r"^(={1,6})[ \t]*(.+?)[ \t]*\1[ \t]*$", re.M)
QUOTES = re.compile(r"'{2,5}")
ITEM = re.compile(r"^([*#]+)[ \t]*", re.M)
REFERENCES = re.compile(r"^[ \t]*<references\s*/?>[ \t]*$|<references\s*/>", re.M | re.I)
USER_LINK = re.compile(r"\[\[(?:用户|User):[^|\]\n]*\|([^\]\n]*)\]\]", re.I)


def is_wikitext(text: str) -> bool:
    return sum(1 for sign in SIGNS if sign.search(text)) >= MIN_SIGNS


@dataclass(frozen=True)
class _Cell:
    start: int  # the cell's text in the page (its attributes left out)
    end: int
    rows: int = 1
    columns: int = 1


def _cells(line: str, at: int) -> list[_Cell]:
    """The cells of one line of a table ("! 榜单 !! 领域", "| rowspan="3" | 先导技术榜 || 空天海洋"),
    `at` where the line starts in the page."""
    out = []
    bounds = [1, *(x for m in re.finditer(r"!!|\|\|", line) for x in (m.start(), m.end())), len(line)]
    for a, b in zip(bounds[::2], bounds[1::2], strict=False):
        piece = line[a:b]
        attrs = re.match(r"\s*([^|\[\]]*?=[^|\[\]]*?)\s*\|(?!\|)", piece)  # 'rowspan="3" | text'
        spans = {k.lower(): int(v) for k, v in SPAN.findall(attrs.group(1))} if attrs else {}
        text_at = a + (attrs.end() if attrs else 0)
        text = line[text_at:b]
        start = text_at + len(text) - len(text.lstrip())
        end = max(start, text_at + len(text.rstrip()))
        out.append(_Cell(at + start, at + end, spans.get("rowspan", 1), spans.get("colspan", 1)))
    return out


def _table_parts(table: re.Match[str]) -> list[tuple[int, int] | str]:
    """A table's rows as lines, its cells split by " | " and each spanning cell in every row it spans."""
    rows: list[list[_Cell]] = [[]]
    caption: tuple[int, int] | None = None
    at = table.start(1)
    for line in table.group(1).split("\n"):
        stripped = line.strip()
        if stripped.startswith("|-"):
            rows.append([])
        elif stripped.startswith("|+"):
            caption = (at + line.index("|+") + 2, at + len(line.rstrip()))
        elif stripped.startswith(("|", "!")):
            rows[-1].extend(_cells(stripped, at + line.index(stripped[0])))
        at += len(line) + 1
    grid = spanned_grid(r for r in rows if r)  # (a cell spanning columns in each, so that the row keeps its header's width)
    parts: list[tuple[int, int] | str] = ["\n"]
    if caption is not None:
        parts += [caption, "\n"]
    for row in grid:
        for k, cell in enumerate(row):
            parts += ([" | "] if k else []) + [(cell.start, cell.end)]
        parts.append("\n")
    return parts


def _template_parts(mt: MappedText, m: re.Match[str]) -> list[tuple[int, int] | str]:
    """An infobox's fields, "名称：值" a line each (empty ones left out)."""
    parts: list[tuple[int, int] | str] = ["\n"]
    for f in TEMPLATE_FIELD.finditer(mt.text, m.start(1), m.end(1)):
        if f.group(2).strip():
            parts += [(f.start(1), f.end(1)), "：", (f.start(2), f.end(2)), "\n"]
    return parts


def _footnote(mt: MappedText, m: re.Match[str]) -> MappedText:
    """A footnote where the page shows it: one that corrects the value it notes ("5家<ref>…应为4家，以本注
    为准</ref>") puts its value in that one's place; any other is read as a line of its own after the
    line it notes (outside a table's row, whose cells it would break). Quoted, each stays verbatim."""
    note = (m.group(1) or "").strip()
    fix = CORRECTS.search(m.group(1) or "")
    before = VALUE_END.search(mt.text, max(0, m.start() - 24), m.start())
    if fix and before and before.end() == m.start() and VALUE_END.fullmatch(fix.group(1)):
        start = m.start(1) + fix.start(1)
        return mt.rearranged(before.start(1), m.end(), [(start, start + len(fix.group(1)))])
    line_end = mt.text.find("\n", m.end())
    line_end = len(mt.text) if line_end < 0 else line_end
    in_row = " | " in mt.text[mt.text.rfind("\n", 0, m.start()) + 1 : line_end]
    if not note or in_row:
        return mt.rearranged(m.start(), m.end(), [])
    lead = len(m.group(1)) - len(m.group(1).lstrip())
    at = m.start(1) + lead
    return mt.rearranged(m.start(), line_end, [(m.end(), line_end), "\n", (at, at + len(note))])


def wiki_text(mt: MappedText) -> MappedText:
    mt = mt.sub(HIDDEN, "")
    for m in reversed(list(TEMPLATE.finditer(mt.text))):
        mt = mt.rearranged(m.start(), m.end(), _template_parts(mt, m))
    for m in reversed(list(TABLE.finditer(mt.text))):
        mt = mt.rearranged(m.start(), m.end(), _table_parts(m))
    for m in reversed(list(REF.finditer(mt.text))):
        mt = _footnote(mt, m)
    mt = mt.sub(CATEGORY, "").sub(REFERENCES, "").sub(USER_LINK, r"\1").sub(LINK, r"\1")
    mt = mt.sub(EXTERNAL, r"\2（\1）").sub(HEADING, r"\2").sub(QUOTES, "")
    counters: dict[int, int] = {}

    def item(m: re.Match[str]) -> str:
        marks = m.group(1)
        if marks.endswith("#"):
            depth = len(marks)
            counters[depth] = counters.get(depth, 0) + 1
            return f"{counters[depth]}. "
        counters.clear()
        return "• "

    return mt.sub(ITEM, item)
