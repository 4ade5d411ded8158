"""A notice exported as XML data by a publishing system (<notice><title>…</title><contacts><contact
role="…"><name>…</name><tel>…</tel></contact>…</contacts>, a body in CDATA): each element that holds
text on a line of its own, led by what its attributes say of it ("先导技术榜 每个领域 省科协向中国科协推荐：
不超过4个") or by its field's name in the notices' words (联系人, 电话…); a record of such fields (a
contact) on one line; the body's text as it is (a page's source in it is read as a page next). Every
cut goes through MappedText, so each quote still maps back to the stored source."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from assistant.ingest.fieldnames import CONTACT_LABELS, JSON_LABELS
from assistant.ingest.textmap import MappedText


def _key(name: str) -> str:
    """A field's name however an export writes it: "docNo", "doc_no", "doc-no" -> "docno"."""
    return name.lower().replace("_", "").replace("-", "")


XML = re.compile(r"^\s*<\?xml\b")
TOKEN = re.compile(
    r"(?P<cdata><!\[CDATA\[)(?P<inner>.*?)(?P<cdata_end>\]\]>)"
    r"|(?P<unseen><!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>)"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][\w.:-]*)(?P<attrs>(?:\s+[\w.:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
    r"|(?P<entity>&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)",
    re.S,
)
ATTR = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# An attribute value a reader is told: words, a web address, an e-mail, a phone; not an id or a size.
TOLD_VALUE = re.compile(r"[\u4e00-\u9fff]|^[\w.-]+\.(?:cn|com|org|net|cloud|gov|edu)(?:/\S*)?$|@|^\+?[\d-]{7,}$")
# A field's name as the notices say it: a contact record's and a publishing system's (as JSON exports name
# them too), then what only XML exports were seen to write, or write for another meaning ("org" is the contact's
# unit, as a contact record's "department" is its department, not the publishing department).
LABELS = {**{_key(k): v for k, v in JSON_LABELS.items()}, **CONTACT_LABELS,
          "fax": "传真", "address": "地址", "org": "单位", "issuer": "发布机构",
          "publishdate": "发布日期", "pubdate": "发布日期"}


MAX_DEPTH = 64  # elements nested deeper are no export's record (and reading them is recursive)


class _TooDeep(Exception):
    pass


@dataclass
class _Element:
    tag: str
    told: str  # what its attributes tell a reader
    open: tuple[int, int]
    close: tuple[int, int] | None = None
    children: list[_Element] = field(default_factory=list)
    text: bool = False  # it holds text of its own (or a CDATA body)
    attrs: dict[str, str] = field(default_factory=dict)  # by local name ("ss:Index" -> "index")

    @property
    def name(self) -> str:
        return self.tag.rsplit(":", 1)[-1].lower()


def _told(attrs: str) -> str:
    values = [(a or b).strip() for _, a, b in ATTR.findall(attrs)]
    return " ".join(html.unescape(v) for v in values if v and TOLD_VALUE.search(v))


def _label(e: _Element) -> str:
    return e.told or LABELS.get(_key(e.tag), "")


def _parse(text: str) -> tuple[list[_Element], list[tuple[int, int, str]]]:
    """The elements (outermost first) and the cuts of what is no element (declarations, comments,
    CDATA's brackets, entities)."""
    roots: list[_Element] = []
    stack: list[_Element] = []
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    for m in TOKEN.finditer(text):
        if text[pos : m.start()].strip():
            if stack:
                stack[-1].text = True
        elif m.start() > pos:
            cuts.append((pos, m.start(), ""))  # the source's indenting between tags: the elements set the lines
        pos = m.end()
        if m.group("cdata"):
            cuts += [(m.start(), m.start("inner"), "\n"), (m.end("inner"), m.end(), "\n")]
            if stack:
                stack[-1].text = True
        elif m.group("unseen"):
            cuts.append((m.start(), m.end(), ""))
        elif m.group("entity"):
            cuts.append((m.start(), m.end(), html.unescape(m.group(0)).replace("\u00a0", " ")))
            if stack:
                stack[-1].text = True  # (text of its element, however it is written)
        elif m.group("close"):
            while stack:
                e = stack.pop()
                if e.tag == m.group("tag"):
                    e.close = (m.start(), m.end())
                    break
        else:
            attrs = {k.rsplit(":", 1)[-1].lower(): a or b for k, a, b in ATTR.findall(m.group("attrs"))}
            e = _Element(m.group("tag"), _told(m.group("attrs")), (m.start(), m.end()), attrs=attrs)
            (stack[-1].children if stack else roots).append(e)
            if m.group("empty"):
                e.close = (m.end(), m.end())
            else:
                stack.append(e)
                if len(stack) > MAX_DEPTH:
                    raise _TooDeep
    return roots, cuts


def _record(e: _Element) -> bool:
    """A record: fields, each holding text, and nothing else (a contact: its name, phone, e-mail);
    not a list of items of one kind (<quotas><quota …>…</quota><quota …>…</quota>)."""
    tags = [c.tag for c in e.children]
    return bool(tags) and len(set(tags)) == len(tags) and not e.text and all(c.text and not c.children for c in e.children)


def _closing(e: _Element, new: str) -> list[tuple[int, int, str]]:
    return [(e.close[0], e.close[1], new)] if e.close else []


# A sheet's or a table's row of cells, however its markup names them (SpreadsheetML's <Row><Cell>, a
# page's <tr><td>, a Word table's <w:tr><w:tc>): one line, its cells split by " | " in their columns.
ROW_TAGS = {"row", "tr"}
MAX_COLUMNS = 16_384  # a sheet's (Excel's) widest
CELL_TAGS = {"cell", "td", "th", "tc", "c"}
# What a workbook or a document says of its look, never of the notice: fonts, styles, column widths.
LOOKS = {"styles", "style", "font", "fonts", "column", "documentproperties", "officedocumentsettings",
         "excelworkbook", "worksheetoptions", "fonttable", "lists", "docpr", "rpr", "ppr", "sectpr", "tblpr", "tcpr", "trpr"}


def _is_row(e: _Element) -> bool:
    return e.name in ROW_TAGS and any(c.name in CELL_TAGS for c in e.children)


def _inner_text(e: _Element, text: str) -> str:
    inner = text[e.open[1] : e.close[0]] if e.close else ""
    return html.unescape(re.sub(r"<[^>]*>", "", inner)).strip()


def _row_cuts(e: _Element, brk: str, down: dict[int, list[object]], text: str) -> list[tuple[int, int, str]]:
    """A row's cuts: its cells in their columns (a cell's Index says which; a cell above that merges
    down over a column fills it here), a cell's inner tags gone, a cell's comment in brackets."""
    cuts: list[tuple[int, int, str]] = [(e.open[0], e.open[1], brk)]
    column, shown = 0, False

    def filled(upto: int) -> str:
        nonlocal column, shown
        said = ""
        while column < upto or (column in down and int(down[column][0]) > 0):  # type: ignore[call-overload]
            merged = down.get(column)
            said += (" | " if shown else "") + (str(merged[1]) if merged and int(merged[0]) > 0 else "")  # type: ignore[call-overload]
            shown, column = True, column + 1
        return said

    for c in e.children:
        if c.name not in CELL_TAGS:
            cuts += [(s, t, "") for s, t in _spans(c)]
            continue
        wanted = min(int(c.attrs["index"]) - 1, MAX_COLUMNS) if c.attrs.get("index", "").isdigit() else column
        lead = filled(wanted) + (" | " if shown else "")
        cuts.append((c.open[0], c.open[1], lead))
        for k in c.children:
            if k.name == "comment":  # a note on the cell: its text in brackets after the value
                cuts += [(k.open[0], k.open[1], "（"), *[(s, t, "") for g in k.children for s, t in _spans(g)], *_closing(k, "）")]
            else:
                cuts += [(s, t, "") for s, t in _spans(k)]
        cuts += _closing(c, "")
        if c.attrs.get("mergedown", "").isdigit():
            down[column] = [min(int(c.attrs["mergedown"]), MAX_COLUMNS) + 1, _inner_text(c, text)]
        shown, column = True, column + 1 + (int(c.attrs["mergeacross"]) if c.attrs.get("mergeacross", "").isdigit() else 0)
    trailing = filled(max((k + 1 for k, v in down.items() if int(v[0]) > 0), default=0))  # type: ignore[call-overload]
    for merged in down.values():
        merged[0] = int(merged[0]) - 1  # type: ignore[call-overload]
    return cuts + _closing(e, trailing + brk)


def _cuts(e: _Element, brk: str, text: str, within: _Element | None = None) -> list[tuple[int, int, str]]:
    # (a workbook's or a Word document's own: "<lists>" of a publishing system's record holds its lists)
    if e.name in LOOKS and (":" in e.tag or e.name not in {"lists", "column", "style", "font"}):
        return [(e.open[0], (e.close or e.open)[1], "")]
    if any(_is_row(c) for c in e.children):  # a table: its rows in order, a merged cell carried down
        down: dict[int, list[object]] = {}
        parts = [(e.open[0], e.open[1], brk)]
        for c in e.children:
            parts += _row_cuts(c, brk, down, text) if _is_row(c) else _cuts(c, brk, text)
        return parts + _closing(e, brk)
    label = _label(e)
    lead = f"{label}：" if label else ""
    if within is not None:  # a record's field, on the record's line
        return [(e.open[0], e.open[1], lead if e is within.children[0] else f"，{lead}"), *_closing(e, "")]
    if _record(e):
        parts = [(e.open[0], e.open[1], brk + lead)]
        for c in e.children:
            parts += _cuts(c, brk, "", e)
        return parts + _closing(e, brk)
    if e.text or not e.children:
        if not e.text and not e.told:
            return [(e.open[0], e.open[1], ""), *_closing(e, "")]  # an empty element that tells nothing
        # (one without text of its own says what its attributes do: <platform url="…"/>)
        inline = [(s, t, "") for c in e.children for s, t in _spans(c)]  # <strong> in a paragraph
        return [(e.open[0], e.open[1], brk + (lead if e.text else e.told)), *inline, *_closing(e, brk)]
    parts = [(e.open[0], e.open[1], brk)]
    for c in e.children:
        parts += _cuts(c, brk, text)
    return parts + _closing(e, brk)


def _spans(e: _Element) -> list[tuple[int, int]]:
    """Every tag of an element inside text (<strong> in a paragraph): it goes, its text stays."""
    spans = [e.open] + ([e.close] if e.close else [])
    return spans + [s for c in e.children for s in _spans(c)]


def xml_text(mt: MappedText, page_break: bool) -> MappedText:
    """The text an XML export shows, or the text unchanged when it is none; `page_break`: the body is
    a page's source, so lines are set apart as its markup does (a source's line break is a space there)."""
    if not XML.match(mt.text):
        return mt
    try:
        roots, cuts = _parse(mt.text)
    except _TooDeep:
        return mt  # no record a publishing system writes: its tags are read as a page's are, or left
    brk = "<br>" if page_break else "\n"
    for root in roots:
        cuts += _cuts(root, brk, mt.text)
    cuts = sorted({(s, t): (s, t, new) for s, t, new in cuts if t >= s}.values())
    kept: list[tuple[int, int, str]] = []
    for cut in cuts:  # (an element's tags, once each)
        if not kept or cut[0] >= kept[-1][1]:
            kept.append(cut)
    return mt.splice(kept)

