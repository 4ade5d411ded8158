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
from assistant.ingest.inforce import void_field
from assistant.ingest.keyed import said
from assistant.ingest.textmap import MappedText


def _key(name: str) -> str:
    """A field's name however an export writes it: "docNo", "doc_no", "doc-no" -> "docno"."""
    return name.lower().replace("_", "").replace("-", "")


XML = re.compile(r"^\s*(?:<!--.*?-->\s*)*<\?xml\b", re.S)  # (after a comment: an export naming each part it holds)
TOKEN = re.compile(
    r"(?P<cdata><!\[CDATA\[)(?P<inner>.*?)(?P<cdata_end>\]\]>)"
    r"|(?P<unseen><!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>)"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][\w.:-]*)(?P<attrs>(?:\s+[\w.:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
    r"|(?P<entity>&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)",
    re.S,
)
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")
ATTR = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# An attribute value a reader is told: words, a web address, an e-mail, a phone; not an id or a size.
# (A phone has its area code's dash or a mobile's 11 digits; a slide's "7886700" is a size in EMUs.)
TOLD_VALUE = re.compile(r"[\u4e00-\u9fff]|^[\w.-]+\.(?:cn|com|org|net|cloud|gov|edu)(?:/\S*)?$|@|^\+?\d{2,4}-[\d-]{5,}$|^\+?1[3-9]\d{9}$")
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
            # (An OCR's word written in its attribute, ALTO's <String CONTENT="…"/>: what it says, figures too.)
            told = html.unescape(attrs["content"]) if "content" in attrs and m.group("empty") \
                and m.group("tag").lower() != "meta" else _told(m.group("attrs"))  # (a page's <meta content> describes it)
            if m.group("empty") and ISO_DAY.match(attrs.get("datetime", "")):
                told = attrs["datetime"]  # a date written only as the machine's (<time datetime="2075-11-04"/>)
            e = _Element(m.group("tag"), told, (m.start(), m.end()), attrs=attrs)
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


CONTACT_WORDS = set(CONTACT_LABELS.values()) - {"部门", "负责"}


def _is_contact(e: _Element) -> bool:
    """A record read on one line: a contact's (a person, a phone, an e-mail), not a header's fields
    (an outline's <head>: its title, dates and owner, each a line of its own)."""
    return any(_label(c) in CONTACT_WORDS for c in e.children)


FLAG_VALUES = {"true", "false"}


def _closing(e: _Element, new: str) -> list[tuple[int, int, str]]:
    return [(e.close[0], e.close[1], new)] if e.close else []


# A sheet's or a table's row of cells, however its markup names them (SpreadsheetML's <Row><Cell>, a
# page's <tr><td>, a Word table's <w:tr><w:tc>, an OpenDocument sheet's <table:table-row><table:table-cell>):
# one line, its cells split by " | " in their columns.
ROW_TAGS = {"row", "tr", "table-row"}
MAX_COLUMNS = 16_384  # a sheet's (Excel's) widest
MAX_SHOWN_EMPTY = 16  # empty cells written out in a run (a sheet's row ends in a thousand empty ones)
CELL_TAGS = {"cell", "td", "th", "tc", "c", "table-cell", "covered-table-cell"}
# What a workbook or a document says of its look, never of the notice: fonts, styles, column widths.
LOOKS = {"styles", "style", "font", "fonts", "column", "documentproperties", "officedocumentsettings",
         "excelworkbook", "worksheetoptions", "fonttable", "lists", "docpr", "rpr", "ppr", "sectpr", "tblpr", "tcpr", "trpr"}


# Text a document marks as taken out: a tracked deletion (Word's <w:del>, a page's <del>), a run struck
# through (<w:strike/> in its look, an SVG's text-decoration="line-through"). What replaces it stands beside it.
STRUCK_TAGS = {"del", "deltext", "delinstrtext", "s", "strike", "movefrom",
               "deletion", "tracked-changes"}  # (ODF keeps deleted text, with who deleted it when, in its change log)
STRUCK_LOOKS = {"strike", "dstrike"}
OFF = {"0", "false", "off", "none"}


def _struck(e: _Element) -> bool:
    if e.name in STRUCK_TAGS or any("line-through" in v for v in e.attrs.values()):
        return True
    looks = [k for c in e.children if c.name in LOOKS for k in c.children]
    return any(k.name in STRUCK_LOOKS and k.attrs.get("val", "on").lower() not in OFF for k in looks)


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
        repeated = c.attrs.get("number-columns-repeated", "")  # (OpenDocument: the same cell n times, an empty run most often)
        empty_run = min(int(repeated), MAX_COLUMNS) - 1 if repeated.isdigit() and int(repeated) > 1 and not _inner_text(c, text) else 0
        lead = filled(wanted) + (" | " if shown else "") + " | " * min(empty_run, MAX_SHOWN_EMPTY)
        cuts.append((c.open[0], c.open[1], lead))
        for k in c.children:
            if k.name == "comment":  # a note on the cell: its text in brackets after the value
                cuts += [(k.open[0], k.open[1], "（"), *[(s, t, "") for g in k.children for s, t in _spans(g)], *_closing(k, "）")]
            else:
                cuts += [(s, t, "") for s, t in _spans(k)]
        cuts += _closing(c, "")
        if c.attrs.get("mergedown", "").isdigit():
            down[column] = [min(int(c.attrs["mergedown"]), MAX_COLUMNS) + 1, _inner_text(c, text)]
        across = c.attrs.get("mergeacross") or c.attrs.get("number-columns-spanned", "")
        more = (int(across) - (0 if "mergeacross" in c.attrs else 1) if across.isdigit() else 0) + empty_run
        shown, column = True, column + 1 + max(more, 0)
    trailing = filled(max((k + 1 for k, v in down.items() if int(v[0]) > 0), default=0))  # type: ignore[call-overload]
    for merged in down.values():
        merged[0] = int(merged[0]) - 1  # type: ignore[call-overload]
    return cuts + _closing(e, trailing + brk)


def _cuts(e: _Element, brk: str, text: str, within: _Element | None = None) -> list[tuple[int, int, str]]:
    if e.name in TEXT_OF_OBJECT:  # the words of the object it is in, on that object's line
        return [(e.open[0], e.open[1], ""), *_closing(e, "")]
    # (a workbook's or a Word document's own: "<lists>" of a publishing system's record holds its lists)
    if e.name in LOOKS and (":" in e.tag or e.name not in {"lists", "column", "style", "font"}) or _struck(e):
        return [(e.open[0], (e.close or e.open)[1], "")]
    if any(_is_row(c) for c in e.children):  # a table: its rows in order, a merged cell carried down
        down: dict[int, list[object]] = {}
        parts = [(e.open[0], e.open[1], brk)]
        for c in e.children:
            parts += _row_cuts(c, brk, down, text) if _is_row(c) else _cuts(c, brk, text)
        return parts + _closing(e, brk)
    if e.name == "dict" and e.children and e.children[0].name == "key":
        return _dict_cuts(e, brk, text)
    if (unsaid := _untranslated(e)):
        # A translation unit (XLIFF's <source>/<target>, TMX's <tuv xml:lang>): the Chinese is the published
        # text; the source language and a target not yet approved (state="needs-review-translation", "new")
        # are not read.
        return [(c.open[0], (c.close or c.open)[1], "") for c in unsaid] + \
            _cuts(_Element(e.tag, e.told, e.open, e.close, [c for c in e.children if c not in unsaid], e.text, e.attrs), brk, text, within)
    label = _label(e)
    lead = f"{label}：" if label else ""
    if within is not None:  # a record's field, on the record's line
        return [(e.open[0], e.open[1], lead if e is within.children[0] else f"，{lead}"), *_closing(e, "")]
    if e.text and not e.children and within is None and _inner_text(e, text).lower() in FLAG_VALUES and not e.told:
        return [(e.open[0], (e.close or e.open)[1], "")]  # ("<IsVoid>false</IsVoid>" alone: a system's flag, no words)
    if _record(e) and any(void_field(c.tag.rsplit(":", 1)[-1], _inner_text(c, text)) for c in e.children):
        return [(e.open[0], (e.close or e.open)[1], "")]  # a record its own field marks as out of force
    if _record(e) and _is_contact(e):
        parts = [(e.open[0], e.open[1], brk + lead)]
        for c in e.children:
            parts += _cuts(c, brk, text, e)
        return parts + _closing(e, brk)
    if not e.text and _runs_only(e, text):
        # A paragraph written as runs (a slide's <a:p><a:r><a:t>…, Word's <w:p><w:r><w:t>…, a <p> of <span>s):
        # one line, its runs' text joined as written (a run may end mid-word), a run's line break a line's.
        inline = [cut for c in e.children for cut in _run_cuts(c, brk)]  # (a look, struck text: gone whole)
        return [(e.open[0], e.open[1], brk), *inline, *_closing(e, brk)]
    if e.text or not e.children:
        if not e.text and not e.told:
            return [(e.open[0], e.open[1], ""), *_closing(e, "")]  # an empty element that tells nothing
        # (one without text of its own says what its attributes do: <platform url="…"/>)
        inline = [cut for c in e.children for cut in _inline_cuts(c)]  # <strong> in a paragraph
        return [(e.open[0], e.open[1], brk + (lead if e.text else e.told)), *inline, *_closing(e, brk)]
    if _words(e):  # a line of an OCR's words (ALTO's <TextLine>): one line, its words as written
        return [(e.open[0], e.open[1], brk), *((c.open[0], c.open[1], shown) for c, shown in zip(e.children, _line_words(e), strict=True)),
                *_closing(e, brk)]
    # (A container's own attributes head what it holds: an outline's <outline text="五、联系方式"> over its items.)
    parts = [(e.open[0], e.open[1], brk + e.told + (brk if e.told else ""))]
    row: tuple[float, int] | None = None  # the last placed text's height on the page, and its closing cut
    wrapped: str | None = None  # the words of the OCR's line before, when a paragraph's line may go on in the next
    for c in e.children:
        cs = _cuts(c, brk, text)
        if _words(c):
            said = "".join(_line_words(c))
            if wrapped is not None and " | " not in said and parts[-1][2] == brk and cs[0][2] == brk:
                # A paragraph's line wrapped on the page ("成立不超过8" / "年（以2074年反推…"): one line again.
                parts[-1] = (*parts[-1][:2], "")
                cs[0] = (*cs[0][:2], "")
            wrapped = said if " | " not in said and not SENTENCE_END.search(said) else None
        else:
            wrapped = None
        y = _placed_at(c)
        if y is not None and row is not None and abs(y - row[0]) <= SAME_ROW and parts[row[1]][2] == brk \
                and cs[0][2].startswith(brk) and c.close is not None:
            # Texts placed side by side on one row (an SVG's <text x y>, a PDF export's <text top left>):
            # one line, split by " | " as a table's cells (a grid of boxes is a table).
            parts[row[1]] = (*parts[row[1]][:2], "")
            cs[0] = (*cs[0][:2], " | " + cs[0][2][len(brk):])
        parts += cs
        if y is not None:
            row = (y, len(parts) - 1)
    return parts + _closing(e, brk)


# An element that is only the text of the placed object holding it (OFD's <ofd:TextCode> in a <ofd:TextObject>).
TEXT_OF_OBJECT = {"textcode"}


# A property list's values (<key>…</key> then <string>, <integer>, <date>, <true/>…; <dict> and <array> nest).
PLIST_LEAVES = {"string", "integer", "real", "date", "data", "true", "false"}
SHOWN_FLAGS = {"true": "是", "false": "否"}
# A key that says its value no longer holds ("PreviousSuperseded", "deprecated_deadline", "作废日期").
SUPERSEDED_KEY = re.compile(r"supersed|deprecat|obsolete|outdated|void|作废|废止|已取消", re.I)


SOURCE_TAGS = {"source", "seg-source"}
DRAFT_STATES = {"new", "needs-translation", "needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
                "needs-adaptation", "needs-l10n", "fuzzy", "draft", "initial"}


def _untranslated(e: _Element) -> list[_Element]:
    """A translation unit's children that are not its published Chinese: the source's, a draft target."""
    targets = [c for c in e.children if c.name == "target"]
    if targets and any(c.name in SOURCE_TAGS for c in e.children):
        return [c for c in e.children if c.name in SOURCE_TAGS
                or (c.name == "target" and c.attrs.get("state", "").lower() in DRAFT_STATES)]
    langs = [c for c in e.children if c.name == "tuv" and c.attrs.get("lang")]
    if len(langs) > 1 and any(c.attrs["lang"].lower().startswith("zh") for c in langs):
        return [c for c in langs if not c.attrs["lang"].lower().startswith("zh")]
    return []


def _dict_cuts(e: _Element, brk: str, text: str) -> list[tuple[int, int, str]]:
    """A property list's <dict>: each key and its value on one line ("通知标题：…"), a nested dict's or an
    array's key a heading over what it holds, an array of values on one line ("a、b"), a flag 是/否; a
    value its key says is superseded not shown."""
    parts: list[tuple[int, int, str]] = [(e.open[0], e.open[1], brk)]
    children = e.children
    i = 0
    while i < len(children):
        k = children[i]
        v = children[i + 1] if i + 1 < len(children) and children[i + 1].name != "key" else None
        if k.name != "key" or v is None:
            parts += _cuts(k, brk, text)
            i += 1
            continue
        i += 2
        key = _inner_text(k, text)
        if SUPERSEDED_KEY.search(key):
            parts.append((k.open[0], (v.close or v.open)[1], ""))
            continue
        shown = said(key)  # (a key name in the notices' words, as keyed records read theirs)
        leaves = v.name == "array" and v.children and all(c.name in PLIST_LEAVES for c in v.children)
        if v.name in PLIST_LEAVES or leaves:
            parts.append((k.open[0], v.open[1], f"{brk}{shown}："))
            if v.name in SHOWN_FLAGS:
                parts[-1] = (k.open[0], v.open[1], f"{brk}{shown}：{SHOWN_FLAGS[v.name]}")
            for n, c in enumerate(v.children if leaves else []):
                parts += [(c.open[0], c.open[1], "、" if n else ""), *_closing(c, "")]
            parts += _closing(v, brk)
        else:
            parts.append((k.open[0], k.close[1] if k.close else k.open[1], f"{brk}{shown}{brk}"))
            parts += _cuts(v, brk, text)
    return parts + _closing(e, brk)


SAME_ROW = 3.0  # texts placed this close in height are on one row
PLACED = re.compile(r"-?\d+(?:\.\d+)?")


def _placed_at(e: _Element) -> float | None:
    """The height a text is placed at on its page (its "y", "top" or "vpos"), when it holds text and is shown."""
    at = e.attrs.get("y") or e.attrs.get("top") or e.attrs.get("vpos")
    held = e.text or _words(e)
    if not at and len(box := e.attrs.get("boundary", "").split()) == 4:
        # An OFD page's text object: its box "x y width height", its text in the codes it holds.
        at, held = box[1], held or any(c.text for c in e.children)
    if not at or not held or _struck(e) or not (m := PLACED.fullmatch(at.strip())):
        return None
    return float(m.group(0))


def _is_word(e: _Element) -> bool:
    """An OCR's word or the space after it (ALTO's <String CONTENT="…"/>, <SP/>): text of the line it is in."""
    return not e.children and not e.text and e.name != "meta" and ("content" in e.attrs or e.name in ("sp", "hyp"))


def _words(e: _Element) -> bool:
    return bool(e.children) and all(_is_word(c) for c in e.children)


SENTENCE_END = re.compile(r"[。；;！!？?：:]\s*$")
CJK_EDGE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CELL_GAP = 2.0  # a gap between two words this many times the line's height apart: a table's next cell


def _at(e: _Element, name: str) -> float | None:
    m = PLACED.fullmatch(e.attrs.get(name, "").strip())
    return float(m.group(0)) if m else None


def _line_words(e: _Element) -> list[str]:
    """Each word of an OCR's line as shown: its content; a space between Chinese words none (the OCR cut
    them, not the writer); two words far apart with no space between, a table's cells (" | ")."""
    shown: list[str] = []
    height = _at(e, "height") or 0.0
    for i, c in enumerate(e.children):
        if c.name != "sp":
            before = next((p for p in reversed(e.children[:i]) if p.name != "sp"), None)
            left = (_at(before, "hpos") or 0.0) + (_at(before, "width") or 0.0) if before is not None else None
            x = _at(c, "hpos")
            far = before is not None and e.children[i - 1].name != "sp" and left is not None and x is not None \
                and height > 0 and x - left >= CELL_GAP * height
            shown.append((" | " if far else "") + c.told)
            continue
        prev = next((p.told for p in reversed(e.children[:i]) if p.name != "sp"), "")
        nxt = next((n.told for n in e.children[i + 1 :] if n.name != "sp"), "")
        shown.append("" if CJK_EDGE.match(prev[-1:]) and CJK_EDGE.match(nxt[:1]) else " ")
    return shown


# The elements a paragraph's text is written in, however a format names them: a run and its text (OOXML's
# r/t, ODF's span), a tracked insertion, a link, a field; a line break inside a run.
RUN_TAGS = {"r", "t", "run", "span", "ins", "hyperlink", "smarttag", "fldsimple", "a", "b", "i", "u", "strong",
            "em", "sub", "sup", "font", "tab", "br", "s"}
BREAK_TAGS = {"br", "cr"}


def _runs_only(e: _Element, text: str) -> bool:
    """Whether an element is a paragraph of runs: what it holds beside its look (and runs struck out) is
    runs only, some holding text, written one after another (the source's lines between them would set
    apart lines of their own: an OCR's <span class="ocr_line">s in a paragraph)."""
    runs = [c for c in e.children if c.name not in LOOKS and not _struck(c) and (c.text or c.children or c.told)]
    if not runs or not all(c.name in RUN_TAGS and _within_run(c) for c in runs) or not any(_has_text(c) for c in runs):
        return False
    return not any("\n" in text[a.close[1] : b.open[0]] for a, b in zip(runs, runs[1:], strict=False) if a.close)


def _within_run(e: _Element) -> bool:
    """A run holds one text (<a:r><a:rPr/><a:t>…</a:t></a:r>); an OCR's line of words (hOCR's <span
    class="ocr_line"> of <span>s) holds several, and is a line of its own."""
    if sum(1 for c in e.children if c.name not in LOOKS and not _struck(c) and _has_text(c)) > 1:
        return False
    return all(c.name in LOOKS or _struck(c) or (c.name in RUN_TAGS and _within_run(c)) or (not c.children and not c.text)
               for c in e.children)


def _has_text(e: _Element) -> bool:
    return e.text or any(_has_text(c) for c in e.children if c.name not in LOOKS and not _struck(c))


def _run_cuts(e: _Element, brk: str) -> list[tuple[int, int, str]]:
    """A run's cuts: its tags go and its text stays; its look and what it strikes out go whole; a break, a line's."""
    if e.name in LOOKS or _struck(e):
        return [(e.open[0], (e.close or e.open)[1], "")]
    if e.name in BREAK_TAGS:
        return [(e.open[0], (e.close or e.open)[1], brk)]
    cuts = [(e.open[0], e.open[1], "")] + _closing(e, "")
    for c in e.children:
        cuts += _run_cuts(c, brk)
    return cuts


def _spans(e: _Element) -> list[tuple[int, int]]:
    """Every tag of an element inside text (<strong> in a paragraph): it goes, its text stays."""
    spans = [e.open] + ([e.close] if e.close else [])
    return spans + [s for c in e.children for s in _spans(c)]


# An editor's alternatives for one passage (TEI's <choice>): the reading (<corr>, <reg>, <expan>) is the
# text; what it corrects, regularises or abbreviates (<sic>, <orig>, <abbr>) is not read.
READINGS = {"corr": "sic", "reg": "orig", "expan": "abbr"}
NOTE_TAGS = {"note", "footnote", "fn"}  # a note attached where it stands: read there, in brackets


def _inline_cuts(e: _Element) -> list[tuple[int, int, str]]:
    """An element inside text: its tags go and its text stays; what it strikes out, and an alternative
    its <choice> does not read, go whole; a note's text in brackets."""
    if _struck(e):
        return [(e.open[0], (e.close or e.open)[1], "")]
    if e.name in NOTE_TAGS and e.close is not None:
        return [(e.open[0], e.open[1], "（"), *(cut for c in e.children for cut in _inline_cuts(c)), (e.close[0], e.close[1], "）")]
    names = {c.name for c in e.children}
    replaced = {READINGS[n] for n in names if n in READINGS} if e.name == "choice" else set()
    cuts = [(e.open[0], e.open[1], "")] + _closing(e, "")
    for c in e.children:
        cuts += [(c.open[0], (c.close or c.open)[1], "")] if c.name in replaced else _inline_cuts(c)
    return cuts


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

