"""A notice saved in a data or markup format, read as what it shows (`source_text`): a mail with its
header, a JSON record a publishing system exported, an RTF source, a web page's source, a draft with
its tracked changes, a calendar file, a subtitle file. For a page:
blocks (paragraphs, headings, list items, rows, line breaks) become lines, a row's cells are split by
" | " as tables are read elsewhere, entities become their characters, the page's chrome (navigation,
menus, footer) is set aside (the source keeps it, nothing cites it), what a page never shows (scripts,
styles, comments, tags) goes, and the source's own line breaks are spaces, as on the page, so the lines
left are the page's and none is a broken one. Every cut goes through MappedText, so each quote still
maps back to the stored source."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from assistant.ingest.annotations import annotation_text, is_annotation_export
from assistant.ingest.auditlog import audit_text, is_audit_log
from assistant.ingest.axtree import axtree_text, is_accessibility_tree
from assistant.ingest.bbcode import bbcode_text, is_bbcode
from assistant.ingest.celldump import cell_dump_text, is_cell_dump
from assistant.ingest.chatlog import chat_log_text, is_chat_log
from assistant.ingest.code_literals import code_literal_text, is_code_literal
from assistant.ingest.columns import FIELD_COLUMN, VALUE_COLUMN
from assistant.ingest.copybook import copybook_records, is_copybook_file
from assistant.ingest.dockerfile import dockerfile_text, is_dockerfile
from assistant.ingest.edifact import edifact_text, is_edifact
from assistant.ingest.fieldnames import CONTACT_LABELS, COUNTED, HAS_CJK, JSON_LABELS
from assistant.ingest.form_posts import is_multipart, is_urlencoded, multipart_text, urlencoded_text
from assistant.ingest.gettext import is_po, po_text
from assistant.ingest.graphviz import dot_text, is_dot
from assistant.ingest.htmltables import spanned_tables
from assistant.ingest.inforce import void_field
from assistant.ingest.json_grids import json_grids
from assistant.ingest.jsonstrings import JSON_STRING, escape_cuts, read_string
from assistant.ingest.jsx import is_jsx_page, jsx_text
from assistant.ingest.keyed import is_keyed, keyed_text, said
from assistant.ingest.machine_time import machine_times
from assistant.ingest.pug import is_pug, pug_text
from assistant.ingest.regfile import is_reg_export, reg_text
from assistant.ingest.rst_tables import rst_tables_text
from assistant.ingest.shellscript import is_shell_script, shell_text
from assistant.ingest.sqldump import is_sql_dump, sql_text
from assistant.ingest.substitutions import substitutions_text
from assistant.ingest.textmap import CELL, MappedText, disjoint, joined_lines
from assistant.ingest.troff import is_troff, troff_text
from assistant.ingest.turtle import is_turtle, turtle_text
from assistant.ingest.unified_diff import diff_text, is_unified_diff
from assistant.ingest.vertical import is_vertical_output, vertical_text
from assistant.ingest.wikitext import is_wikitext, wiki_text
from assistant.ingest.workbook_parts import is_workbook_parts, workbook_text
from assistant.ingest.xmldata import XML, xml_text

# A line naming the file of a project's dump that follows it: furniture, never a notice's title.
PART_MARKER = re.compile(r"(?m)^[ \t]*+(?:(?://|#|--|<!--)[ \t]*+)?={3,}[ \t]*+[\w./-]+\.[A-Za-z]{1,5}[ \t]*+={3,}[ \t]*+(?:-->)?[ \t]*+(?:\n|$)")
# A page's source, not text that mentions a tag: a document type or <html>, or several closed blocks.
PAGE = re.compile(r"<!DOCTYPE\s+html|<html[\s>]", re.I)
# (A mini-program's WXML writes its page in <view> and <text>, the div and span of its own.)
CLOSED_BLOCK = re.compile(r"</(?:p|div|td|tr|li|h[1-6]|table|span|view)>", re.I)
MIN_BLOCKS = 5
BLOCK_TAGS = ("p|div|br|li|ul|ol|tr|table|tbody|thead|tfoot|caption|h[1-6]|title|section|article|header|footer|"
              "nav|main|aside|dl|dt|dd|blockquote|pre|hr|body|html|head|form|figure|figcaption|view")
MARKUP = re.compile(
    r"(?P<unseen><(?P<hidden>script|style|noscript|template)\b[^>]*>.*?</(?P=hidden)\s*>|<!--.*?-->|<!DOCTYPE[^>]*>)"
    r"|(?P<cell></t[dh]\s*>\s*<t[dh]\b[^>]*>|</text\s*>\s*<text\b[^>]*>)"  # (a mini-program's texts side by side: cells)
    rf"|(?P<block></?(?:{BLOCK_TAGS})\b[^>]*>)"
    # (A date written only for machines, <time datetime="2075-11-04"/>: the page shows it, so does the text.)
    r"|(?P<time><time\b[^>]*?\bdatetime\s*=\s*[\"'](?P<when>\d{4}-\d{2}-\d{2})[^\"']*[\"'][^>]*?(?:/>|>\s*</time\s*>))"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
    r"|(?P<entity>&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)"
    r"|(?P<space>[ \t]*\n\s*)",
    re.I | re.S,
)


# A page's chrome around the article: navigation, menus, the "you are here" line, sharing buttons,
# side bars and the footer, told by the element's name or by its class or id.
CHROME_OPEN = re.compile(
    r"<(?P<name>nav|footer|aside)\b[^>]*>"
    r"|<(?P<named>div|ul|section|p)\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*"
    r"(?:nav|menu|foot|top-?bar|breadcrumb|crumb|location|position|share|sidebar|side-bar|related|copyright)[^\"']*[\"'][^>]*>",
    re.I,
)


def _element_end(text: str, name: str, start: int) -> int:
    """Where the element opened at `start` closes (elements of its name nested inside counted), or
    the end of the text when it never does."""
    tags = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 0
    for m in tags.finditer(text, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(text)


def _chrome(text: str) -> list[tuple[int, int, str]]:
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    while (m := CHROME_OPEN.search(text, pos)) is not None:
        end = _element_end(text, m.group("name") or m.group("named"), m.start())
        cuts.append((m.start(), end, "\n"))
        pos = end
    return cuts


def is_page_source(text: str) -> bool:
    return bool(PAGE.search(text[:2000])) or len(CLOSED_BLOCK.findall(text)) >= MIN_BLOCKS


def _cdata_bodies(xml: str) -> list[str]:
    """The CDATA bodies, each found by its closing mark once (an unclosed one ends the search)."""
    bodies, at = [], xml.find("<![CDATA[")
    while at >= 0:
        end = xml.find("]]>", at + 9)
        if end < 0:
            break
        bodies.append(xml[at + 9 : end])
        at = xml.find("<![CDATA[", end + 3)
    return bodies


def _holds_page(xml: str) -> bool:
    """Whether an XML text is a page (XHTML) or holds one in its CDATA bodies; a document of its own
    elements (TEI's <div><head><p>) is no page, however many of its tags a page's share."""
    return bool(PAGE.search(xml[:2000])) or is_page_source(" ".join(_cdata_bodies(xml)))


def _replacement(m: re.Match[str]) -> str:
    if m.group("cell"):
        return CELL
    if m.group("block"):
        return "\n"
    if m.group("space"):
        return " "  # a line break in the source is only a space on the page: its lines are the tags'
    if m.group("time"):
        return m.group("when")
    if m.group("entity"):
        # A non-breaking space is a space; an entity html does not know stays as written.
        return html.unescape(m.group(0)).replace("\u00a0", " ")
    return ""  # what the page does not show, and inline tags (<a>, <strong>, <span>…)


def page_text(mt: MappedText) -> MappedText:
    """The text a page's source shows, or the text unchanged when it is no page's source."""
    return _shown_page(mt) if is_page_source(mt.text) else mt


def _shown_page(mt: MappedText) -> MappedText:
    # (A struck value goes before the tags do: "<s>10月31日</s>" is a page's withdrawn date, not text.)
    shown = _linked_data(mt.splice(_chrome(mt.text))).sub(STRUCK_MARKUP, lambda m: "" if m.group("struck") else m.group("kept"))
    return spanned_tables(shown).sub(MARKUP, _replacement)


# A page's facts written for machines (schema.org JSON-LD: an event's dates, its organizer's contact
# points, a list's items, a FAQ's answers), often what the page shows only through a script.
LINKED_DATA = re.compile(r"<script\b[^<>]{0,300}?application/ld\+json[^<>]{0,300}>(?P<body>.*?)</script\s*>", re.S | re.I)


def _linked_data(mt: MappedText) -> MappedText:
    """Each JSON-LD block read as records (as JSON a text holds), in a block of the page's own."""
    cuts: list[tuple[int, int, str]] = []
    for m in LINKED_DATA.finditer(mt.text):
        if not _is_json(m.group("body")):
            continue  # (not JSON: the script stays unseen)
        begin, end = m.span("body")
        begin += len(m.group("body")) - len(m.group("body").lstrip())
        cuts += [(m.start(), begin, "<div>"), *_record_cuts(mt.text, begin, end, "<br>", per_object=True), (end, m.end(), "</div>")]
    return mt.splice(cuts) if cuts else mt


# ---------------------------------------------------------------- RTF

RTF = re.compile(r"^\s*\{\\rtf", re.S)
# Groups a reader never sees: fonts, colours, styles, the document's info, "\*" destinations.
RTF_HIDDEN = re.compile(r"\{\\(?:fonttbl|colortbl|stylesheet|info|\*)")
RTF_MARKUP = re.compile(
    r"(?P<row>\\cell\s*(?:\\[a-z]+-?\d*\s?)*\\row\b ?)"  # a row's last cell ends the row
    r"|(?P<cell>\\cell\b ?)"
    r"|(?P<line>\\(?:par|line|row|sect|page)\b-?\d* ?)"
    r"|(?P<tab>\\tab\b ?)"
    r"|(?P<literal>\\[\\{}])"
    r"|(?P<word>\\[a-zA-Z]+-?\d* ?|\\[~\-_*]|[{}]|\r?\n)"
)


def _rtf_groups(text: str) -> list[tuple[int, int, str]]:
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    while (m := RTF_HIDDEN.search(text, pos)) is not None:
        depth, i = 0, m.start()
        while i < len(text):
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            depth += 1 if ch == "{" else -1 if ch == "}" else 0
            i += 1
            if depth == 0:
                break
        cuts.append((m.start(), i, ""))
        pos = i
    return cuts


def _rtf_replacement(m: re.Match[str]) -> str:
    if m.group("row") or m.group("line"):
        return "\n"
    if m.group("cell"):
        return CELL
    if m.group("tab"):
        return "\t"
    if m.group("literal"):
        return m.group(0)[1]
    return ""  # formatting, braces, and the source's own line breaks (RTF ignores them)


def rtf_text(mt: MappedText) -> MappedText:
    """An RTF document's source ("{\\rtf1 … \\par …}"): its text, paragraphs as lines, a table's
    cells split by " | " and its rows as lines, every control word and hidden group gone."""
    return _shown_rtf(mt) if RTF.match(mt.text) else mt


def _shown_rtf(mt: MappedText) -> MappedText:
    return mt.splice(_rtf_groups(mt.text)).sub(RTF_MARKUP, _rtf_replacement)


# ---------------------------------------------------------------- JSON

BODY_KEYS = ("content", "body", "text", "html")
# Fields whose values are the notice's own lines, with no label: a section's heading, its paragraphs.
LINE_KEYS = ("heading", "headline", "subtitle", "paragraphs", "paragraph", "sections", "items", "lines", "summary",
             "description", "desc")


# Keys that only say a value is a name or a text ("name": "青峦市…服务群"): the value is read alone.
PLAIN_KEYS = {"name", "title", "label", "value", "text", "content", "desc", "description", "caption", "topic", "subject"}


def _is_body(name: str) -> bool:
    """A field holding the notice's text: "content", "body", and compounds of them ("body_html")."""
    return name in BODY_KEYS or bool(set(re.split(r"[_\-.]", name)) & set(BODY_KEYS))


def _bodies(value: object) -> list[str]:
    """Every body field's text in a record, at any depth (an API's {"data": {"body_html": …}})."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if isinstance(v, str) and _is_body(str(k).lower())] + \
            [b for v in value.values() for b in _bodies(v)]
    if isinstance(value, list):
        return [b for v in value for b in _bodies(v)]
    return []



LITERAL = re.compile(r"[ \t]*+(true|false)\b")


def _void_records(mt: MappedText) -> MappedText:
    """Each JSON object a field of which says it is no longer in force (inforce.void_field), emptied ("{}": the JSON
    stays valid), as a table's void rows are dropped (layout.void_rows_dropped); a record inside the
    export, never the export itself."""
    spans = _picked_objects(mt.text, 0, len(mt.text), lambda key, value, depth: value is not None and depth > 1
                            and void_field(key, value))
    outer: list[tuple[int, int]] = []
    for a, b in spans:  # (a void record inside a void one goes with it)
        if not outer or a >= outer[-1][1]:
            outer.append((a, b))
    return mt.splice([(a, b, "{}") for a, b in outer]) if outer else mt


def _picked_objects(text: str, start: int, end: int, picks: Callable[[str, str | None, int], bool]) -> list[tuple[int, int]]:
    """The spans, in order of their start, of the JSON objects in text[start:end] that `picks` chooses by
    one of their own fields: called with each field's name (value None) and with each string value
    after its field's name, and how deep the object holding it is (the outermost is 1)."""
    picked: set[int] = set()
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    key, seen = "", start

    def braces(upto: int) -> None:
        for i in range(seen, upto):
            if text[i] == "{":
                stack.append(i)
            elif text[i] == "}" and stack and (opened := stack.pop()) in picked:
                spans.append((opened, i + 1))

    for m in JSON_TOKEN.finditer(text, start, end):
        braces(m.start())
        seen = m.end()
        if m.group(2):
            key = m.group(1)
            value = None
            if stack and (flag := LITERAL.match(text, m.end())) and picks(key, flag.group(1), len(stack)):
                picked.add(stack[-1])  # ("deleted": true: a literal is no token of its own)
        elif m.group(1) is not None:
            value = read_string(m.group(1))
        else:
            value = m.group("number")
        if stack and picks(key, value, len(stack)):
            picked.add(stack[-1])
    braces(end)
    return sorted(spans)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):  # (a run of brackets nests past what the parser follows)
        return False
    return True


def _json_record(text: str) -> dict[str, object] | None:
    """The record a JSON export holds, or None when the text is no JSON object."""
    stripped = text.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return None
    try:
        record = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


def _json_fields(mt: MappedText, record: dict[str, object]) -> MappedText:
    """A record exported as JSON ({"title": …, "publisher": …, "content": "<p>…"}): each string value
    on lines of its own, led by its field's name (known names in the notices' words: 标题, 发布机构,
    文号, 发布时间…), the body's value alone; escapes become their characters, and what is only
    JSON's (braces, brackets, numbers, commas, field names of lists) goes."""
    text = mt.text
    # When the body is a page's source, the fields are set apart in its markup: the page is read as a
    # whole next, and a line break of the source would be only a space there.
    html_body = any(is_page_source(body) for body in _bodies(record))
    brk = "<br>" if html_body else "\n"
    cuts: list[tuple[int, int, str]] = []
    pos, key, within, line_open = 0, "", "", False
    for m in JSON_TOKEN.finditer(text):
        if m.group("number") is not None:
            # A count the notice names by its field ("limit": 3 is 限额：3); a system's own number is not read.
            label = key if HAS_CJK.search(key) else said(key)
            if COUNTED.search(label):
                cuts.append((pos, m.start("number"), f"{brk}{label}："))
                pos = m.end("number")
            continue
        if m.group(2):  # a field's name; one whose value is a list names what its items are
            key = m.group(1)
            if text[m.end() : m.end() + 8].lstrip().startswith("["):
                within = key.lower()
            line_open = False
            continue
        name = key.lower()
        if not m.group(1).strip():
            continue  # an empty field says nothing
        # (Its characters, not its escapes: an API's "\u5173\u4e8e…" is Chinese.)
        value = read_string(m.group(1))
        if within == name and (m.group(1).endswith("\\n") or line_open):
            # A text kept as a list of its lines (a notebook cell's "source": ["## 一、…\n", "…"]): the
            # lines as they run, no label, each line's own break the only one.
            cuts.append((pos, m.start() + 1, "" if line_open else brk))
            cuts += escape_cuts(m.start(1), m.group(1))
            pos, line_open = m.end(1), m.group(1).endswith("\\n")
            continue
        line_open = False
        if "contact" in within and name in CONTACT_LABELS:
            label = CONTACT_LABELS[name]
        elif name in JSON_LABELS:
            label = JSON_LABELS[name]
        elif _is_body(name) or name in LINE_KEYS or HAS_CJK.search(key):
            label = "" if not HAS_CJK.search(key) else key
        elif not HAS_CJK.search(value):
            continue  # a system's own field ("url", "size", "status"): nothing a reader is told
        else:
            # An English field name over a Chinese value ("local_deadline": "2075年11月14日17:00"): in the
            # notices' words (本地截止时间), as keyed records say their keys.
            label = said(key) if key.lower() not in PLAIN_KEYS and HAS_CJK.search(said(key)) else ""
        cuts.append((pos, m.start() + 1, brk + (f"{label}：" if label else "")))
        cuts += escape_cuts(m.start(1), m.group(1))
        pos = m.end(1)
    cuts.append((pos, len(text), brk))
    return _nested_json(mt.splice(cuts), brk)


def _nested_json(mt: MappedText, brk: str) -> MappedText:
    """JSON inside a text, now on lines of its own: a field's value that is itself JSON (an API's response
    saved in a HAR archive's "text": "{\"code\": 0, \"data\": [{\"list\": …}]}"), a YAML block scalar
    holding a JSON array of contacts ("contacts.json: |" then "[", "{…},", "]"). Read as records, one a
    line for each object of a list, the fields of one object on one line; a field and its value named by
    "item"/"value" keys read "item：value" (columns.py), a contact's keys as a contact line's labels,
    others by their names in the notices' words."""
    text = mt.text
    if "{" not in text:
        return mt  # (records are objects: a text without one holds none)
    cuts: list[tuple[int, int, str]] = []
    segments = [m.span() for m in SEGMENT.finditer(text)]  # (a page's fields are set apart by "<br>" until it is read)
    balance = [_brackets(text, a, b) for a, b in segments]
    i = 0
    while i < len(segments):
        start, end = segments[i]
        opening = JSON_OPENING.match(text, start, end)
        if opening is None:
            i += 1
            continue
        begin, depth = opening.end() - 1, 0
        last = min(len(segments), i + MAX_EMBEDDED_LINES) - 1
        for j in range(i, last + 1):
            depth += _brackets(text, begin, segments[j][1]) if j == i else balance[j]
            if depth > 0:
                if j == last:
                    i = j  # (never closed: the lines it spans open nothing either)
                continue
            stop = segments[j][1]
            try:  # (brackets balanced, strings' own brackets aside: one try)
                value = json.loads(text[begin:stop])
            except (ValueError, RecursionError):
                break
            if "{" in text[begin:stop] and HAS_CJK.search(text[begin:stop]):  # (records, not a list of dates)
                # A tree (a mind map's topics in topics, a document's blocks in blocks): each object a line.
                cuts += _record_cuts(text, begin, stop, brk, per_object=_object_depth(value) >= TREE_DEPTH)
            i = j
            break
        i += 1
    return mt.splice(cuts) if cuts else mt


SEGMENT = re.compile(r"(?:(?<=\n)|(?<=<br>)|^)(?:(?!<br>)[^\n])+", re.S)
# Where embedded JSON opens: a line of it, or a YAML key's block scalar ("contacts.json: |[").
JSON_OPENING = re.compile(r"[ \t]*(?:[\w.\-]+:[ \t]*\|?[-+]?[ \t]*)?[\[{]")
MAX_EMBEDDED_LINES = 400
JSON_TOKEN = re.compile(JSON_STRING.pattern + r"|(?<=:)[ \t]*(?P<number>-?\d+(?:\.\d+)?)(?=[ \t]*[,}\]])")
CONTACT_KEYS = re.compile(r'"(?:phone|mobile|tel|telephone|email)"\s*:', re.I)


MACHINE_ID = re.compile(r"(?=[0-9]*[a-f])[0-9a-f]{16,64}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
TREE_DEPTH = 4  # objects nested this deep are a tree, not a table of records


def _object_depth(value: object) -> int:
    """How deep objects nest in a JSON value (lists between them not counted), walked without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, depth + 1)
            stack += [(v, depth + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, depth) for v in item]
    return deepest


def _brackets(text: str, start: int, end: int) -> int:
    """How many more brackets open than close in text[start:end] (strings' own brackets aside: a guess)."""
    part = text[start:end]
    return part.count("[") + part.count("{") - part.count("]") - part.count("}")


def _contact_objects(text: str, start: int, end: int) -> set[int]:
    """Where each object opens whose own fields include a phone or an e-mail (a contact point)."""
    spans = _picked_objects(text, start, end, lambda key, value, _: value is None and bool(CONTACT_KEYS.match(f'"{key}":')))
    return {opened for opened, _ in spans}


def _record_cuts(text: str, start: int, end: int, brk: str, per_object: bool = False) -> list[tuple[int, int, str]]:
    """The cuts reading one line of JSON as records (see _nested_json); `per_object`: each object on a
    line of its own, its keys a contact line's labels only when it is a contact (linked data: an
    event, its place, its organizer's contact points)."""
    cuts: list[tuple[int, int, str]] = []
    pos = seen = start  # after the last value kept; after the last token scanned
    key, depth, started, opened, listed = "", 0, False, False, False
    line_depth: int | None = None  # the depth of the records: the objects of the first list reached
    item = False  # an "item" (a field's name) just written: the "value" after it follows "："
    contact = bool(CONTACT_KEYS.search(text[start:end]))  # records of people: their keys as a contact line's labels
    contacts = _contact_objects(text, start, end) if per_object else set()
    objects: list[int] = []
    for m in JSON_TOKEN.finditer(text, start, end):
        listed = listed or "[" in text[seen:m.start()]  # (a list opened anywhere before this token)
        for i in range(seen, m.start()):
            ch = text[i]
            depth += {"{": 1, "[": 1, "}": -1, "]": -1}.get(ch, 0)
            if ch == "{":
                opened = True
                objects.append(i)
                if line_depth is None and listed:
                    line_depth = depth
            elif ch == "}" and objects:
                objects.pop()
                opened = opened or per_object  # (what follows an object closed is its parent's: a line again)
        if per_object:
            contact = bool(objects) and objects[-1] in contacts
            line_depth = depth
        seen = m.end()
        listed = listed or "[" in m.group(0)
        if m.group(2):
            key = m.group(1)
            continue
        number = m.group("number") is not None
        value = m.group("number") if number else read_string(m.group(1))
        if not value.strip() or not (HAS_CJK.search(value) or re.search(r"\d|@", value)) or MACHINE_ID.fullmatch(value):
            continue  # (nothing a reader is told: an English word, a hash or a uuid)
        if number and not HAS_CJK.search(key) and not HAS_CJK.search(said(key)):
            continue  # a system's own count ("code": 0, "revision": 2); a count the notice names ("名额": 3) stays
        named = bool(FIELD_COLUMN.fullmatch(key)) or key.lower() == "item"
        if item and VALUE_COLUMN.fullmatch(key):
            joiner = "："
        else:
            joiner = (brk if opened and depth == line_depth else "，") if started else ""
            label = "" if named or (per_object and not contact and key.lower() in PLAIN_KEYS) else key if HAS_CJK.search(key) \
                else (CONTACT_LABELS.get(key.lower()) if contact else None) or (said(key) if HAS_CJK.search(said(key)) else "")
            joiner += f"{label}：" if label else ""
        item, opened = named, False
        if number:
            cuts.append((pos, m.start("number"), joiner))
            pos, started = m.end("number"), True
            continue
        cuts.append((pos, m.start() + 1, joiner))
        cuts += escape_cuts(m.start(1), m.group(1))
        pos, started = m.end(1), True
    cuts.append((pos, end, ""))
    return cuts


# ---------------------------------------------------------------- a mail saved whole

MAIL_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*(?:\n[ \t]+.*)*)", re.M)  # with its folded lines
MAIL_LABELS = {"from": "发件人", "to": "收件人", "cc": "抄送", "date": "日期", "subject": "主题"}
MIN_MAIL_FIELDS = 3


def mail_text(mt: MappedText) -> MappedText:
    """A mail saved with its header ("From: …", "Subject: 转发：…", "Received: …"): the fields a reader
    sees, in the notices' words (发件人, 收件人, 抄送, 日期, 主题), one a line; the transport's fields
    (Received, Message-ID, MIME-Version, Content-*, X-*) set aside; the body as it is."""
    text = mt.text
    end = text.find("\n\n")
    head = text[: end if end >= 0 else len(text)]
    fields = list(MAIL_FIELD.finditer(head))
    if len(fields) < MIN_MAIL_FIELDS or fields[0].start() != 0 \
            or not any(f.group(1).lower() in MAIL_LABELS for f in fields):
        return mt
    cuts: list[tuple[int, int, str]] = []
    for f in fields:
        label = MAIL_LABELS.get(f.group(1).lower())
        if label is None:
            cuts.append((f.start(), min(f.end() + 1, len(head)), ""))
        else:
            cuts.append((f.start(), f.start(2), f"{label}："))
            cuts += [(f.start(2) + m.start(), f.start(2) + m.end(), " ") for m in re.finditer(r"\n[ \t]+", f.group(2))]
    return mt.splice(cuts)


# ---------------------------------------------------------------- a configuration file's records

CONFIG_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<item>-[ \t]+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$",
                         re.M)
MIN_CONFIG_SHARE = 0.4  # of a text's non-blank lines: a YAML file, not a notice quoting a key or two
MIN_CONFIG_LINES = 8
# A contact record's keys, in the labels a notice's contact lines use (notices.LABEL_KINDS).
RECORD_LABELS = {"name": "联系人", "contact": "联系人", "person": "联系人", "tel": "电话", "phone": "电话",
                 "telephone": "电话", "mobile": "手机", "cell": "手机", "mail": "邮箱", "email": "邮箱",
                 "dept": "部门", "department": "部门", "org": "部门", "role": "负责", "duty": "负责",
                 "list": "负责", "body": "初评机构", "address": "地址", "addr": "地址"}
HEADED_BY = {"role", "duty"}
REACHED_BY = {"tel", "phone", "telephone", "mobile", "cell", "mail", "email"}


def _config_records(lines: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The mappings of a YAML file, each its own key lines: an item ("- role: …" and the lines under
    it) or a named mapping ("secretariat:" and the lines under it)."""
    records: list[list[re.Match[str]]] = []
    for i, line in enumerate(lines):
        opens = line.group("item") or (not line.group("value") and i + 1 < len(lines)
                                       and len(lines[i + 1].group("indent")) > len(line.group("indent")))
        if opens:
            # (an item's keys line up after its "- "; a named mapping's under its first key)
            item = len(line.group("item") or "")
            depth = len(line.group("indent")) + item if item else len(lines[i + 1].group("indent"))
            record = [line] if line.group("value") else []
            for below in lines[i + 1 :]:
                indent = len(below.group("indent"))
                if indent < depth:
                    break
                if indent == depth and not below.group("item"):
                    record.append(below)
            records.append(record)
    return records


def is_config(text: str) -> bool:
    """A configuration file: most of its lines are "key: value" with a bare key."""
    keyed = len(CONFIG_LINE.findall(text))
    return keyed >= MIN_CONFIG_LINES and keyed >= MIN_CONFIG_SHARE * sum(1 for line in text.splitlines() if line.strip())


def config_text(mt: MappedText) -> MappedText:
    """A configuration file (YAML) of an application system: each record a contact is reached by (a
    tel, phone or mail key) read as a contact block, its keys in the notices' labels (联系人, 电话,
    邮箱, 部门, 初评机构 for its body, 负责 for its role, or its role as its heading when it leads),
    its values unquoted, a paragraph of its own.
    Other keys stay as they are: their comments and values are read as any line is."""
    lines = list(CONFIG_LINE.finditer(mt.text))
    cuts: list[tuple[int, int, str]] = []
    for record in _config_records(lines):
        if not record or not REACHED_BY & {m.group("key").lower() for m in record}:
            continue
        for k, m in enumerate(record):
            label = RECORD_LABELS.get(m.group("key").lower())
            if label is None:
                continue
            value = m.group("value") or ""
            quoted = re.match(r"""(["'])(.*?)\1""", value)
            value = f"{quoted.group(2)}{value[quoted.end():]}" if quoted else value
            # A record led by its role is a contact block under that heading, as notices write them
            # ("先导技术榜电子信息领域初评机构（…联合体）" above 联系人 and 电话).
            shown = value if k == 0 and m.group("key").lower() in HEADED_BY else f"{label}：{value}"
            cuts.append((m.start(), m.end(), ("\n" if k == 0 else "") + shown + ("\n" if k == len(record) - 1 else "")))
    return mt.splice(sorted(cuts)) if cuts else mt


# ---------------------------------------------------------------- a calendar exported as iCalendar

CALENDAR = re.compile(r"\s*BEGIN:VCALENDAR", re.I)
CAL_LINE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<params>(?:;[^:\n]*)?):(?P<value>.*)$", re.M)
CAL_LABELS = {"summary": "事项", "dtstart": "开始时间", "dtend": "结束时间", "location": "地点",
              "organizer": "联系人", "x-wr-calname": "日历", "description": "", "comment": "说明", "contact": "联系人"}
CAL_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}Z?)?")
CAL_ESCAPE = re.compile(r"\\([nN,;\\])")


def _cal_value(name: str, params: str, value: str) -> str | None:
    """What a property's value reads as, or None for the value kept character for character."""
    if name in ("dtstart", "dtend"):
        m = CAL_TIME.fullmatch(value.strip())
        if m:
            y, mo, d, hh, mm = m.groups()
            return f"{y}年{int(mo)}月{int(d)}日" + (f"{hh}:{mm}" if hh else "")
    if name == "organizer":
        who = re.search(r"CN=\"?([^;:\"]+)", params)
        mail = re.sub(r"^mailto:", "", value, flags=re.I)
        return f"{who.group(1)}，邮箱：{mail}" if who else mail
    return None


def calendar_text(mt: MappedText) -> MappedText:
    """A calendar file (.ics): its folded lines joined, each event a paragraph of what a calendar
    shows (事项, 开始时间 and 结束时间 as dates, 地点, the organizer as 联系人, the description as text with its escapes
    read), the rest (time zones, ids, stamps, BEGIN/END) set aside."""
    mt = mt.sub(r"\r?\n[ \t]", "")  # RFC 5545 folding: a line break and one space are nothing
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    zone = False
    for m in CAL_LINE.finditer(text):
        name, value = m.group("name").lower(), m.group("value")
        end = min(m.end() + 1, len(text))
        if name in ("begin", "end") and value.upper() in ("VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM"):
            zone = name == "begin" if value.upper() == "VTIMEZONE" else zone
        if zone or name not in CAL_LABELS:
            separator = "\n" if name == "begin" and value.upper() == "VEVENT" else ""
            cuts.append((m.start(), end, separator))
            continue
        label = CAL_LABELS[name]
        shown = _cal_value(name, m.group("params"), value)
        if shown is not None:
            cuts.append((m.start(), m.start("value") + len(value), f"{label}：{shown}"))
            continue
        cuts.append((m.start(), m.start("value"), f"{label}：" if label else ""))
        base = m.start("value")
        for e in CAL_ESCAPE.finditer(value):
            cuts.append((base + e.start(), base + e.end(), "\n" if e.group(1) in "nN" else e.group(1)))
    return mt.splice(cuts)


# ---------------------------------------------------------------- timed captions (SRT, WebVTT)

CUE_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
CUE_HEAD = re.compile(rf"(?m)^[ \t]*(?:\d+[ \t]*\n[ \t]*)?{CUE_TIME}[ \t]*-->[ \t]*{CUE_TIME}[^\n]*(?:\n|$)")
VTT_HEAD = re.compile(r"\A\s*WEBVTT[^\n]*\n")
MIN_CUES = 5
SENTENCE_END = "。！？!?；;”」』）)】］"  # a cue that ends on one of these ends its sentence
CUE_TAG = re.compile(r"[［\[【（(♪]")  # a cue the editor tagged: a caption, a sound, a speaker's note


def is_captions(text: str) -> bool:
    return len(CUE_HEAD.findall(text)) >= MIN_CUES


def caption_text(mt: MappedText) -> MappedText:
    """A subtitle file (SRT, WebVTT): cue numbers and time codes go, and the spoken text runs on as
    the speaker said it: a cue's lines and the cues after it join until a sentence ends, so a
    sentence split across cues ("…印发的" | "…117号通知。") is one line again. A cue the editor
    tagged (［片头字幕］…, [音乐]) stands on its own line."""
    mt = mt.sub(VTT_HEAD, "")
    text = mt.text
    heads = list(CUE_HEAD.finditer(text))
    ends = [h.start() for h in heads[1:]] + [len(text)]
    bodies = [text[head.end() : end].rstrip() for head, end in zip(heads, ends, strict=True)]  # each cue's text
    cuts: list[tuple[int, int, str]] = [(0, heads[0].end(), "")]
    for i, (head, body) in enumerate(zip(heads, bodies, strict=True)):
        stop = head.end() + len(body)
        for m in re.finditer(r"[ \t]*\n[ \t]*", body):  # a cue's own lines run on
            latin = body[m.start() - 1 : m.start()].isascii() and body[m.end() : m.end() + 1].isascii()
            cuts.append((head.end() + m.start(), head.end() + m.end(), " " if latin else ""))
        if i + 1 < len(heads):
            after = bodies[i + 1].lstrip()
            ends_here = not body or body[-1] in SENTENCE_END or CUE_TAG.match(body) or CUE_TAG.match(after)
            cuts.append((stop, heads[i + 1].end(), "\n" if ends_here else ""))
        else:
            cuts.append((stop, len(text), ""))
    return mt.splice(cuts)


# ---------------------------------------------------------------- contact cards (vCard) inside a notice

VCARD = re.compile(r"^BEGIN:VCARD[ \t]*\r?\n(?P<body>.*?)^END:VCARD[ \t]*$", re.M | re.S | re.I)
# What a phone book shows for each property; the rest (N, VERSION, UID, REV, …) is the card's bookkeeping.
# (in the labels a notice's contact lines use, notices.LABEL_KINDS: a card's note says what its person handles)
CARD_LABELS = {"fn": "联系人", "org": "部门", "title": "职务", "role": "职务", "email": "邮箱", "adr": "地址",
               "note": "负责"}
CARD_FOLD = re.compile(r"\r?\n[ \t]")
CARD_PHONE_KINDS = {"cell": "手机", "mobile": "手机", "fax": "传真"}


def _card_label(name: str, params: str) -> str | None:
    if name == "tel":
        kinds = re.findall(r"[a-z]+", params.lower())
        return next((CARD_PHONE_KINDS[k] for k in kinds if k in CARD_PHONE_KINDS), "电话")
    return CARD_LABELS.get(name)


def card_text(mt: MappedText) -> MappedText:
    """Contact cards (vCard blocks, as a phone book exports them) read as a contact list shows them:
    each card a paragraph of labelled lines (联系人, 部门, 职务, 电话 or 手机 by the phone's type, 邮箱,
    负责: what its note says the person handles), its fields' ";" as spaces and its escapes read;
    BEGIN/END and bookkeeping lines (N, VERSION, UID, URL…) set aside."""
    if not VCARD.search(mt.text):
        return mt
    # RFC 6350 folding (a line break and one space are nothing), inside the cards only: an indented line
    # elsewhere in the notice is its own, and a look ahead to the next END:VCARD from every line break
    # costs the length of the text each.
    mt = mt.splice([(card.start() + m.start(), card.start() + m.end(), "")
                    for card in VCARD.finditer(mt.text) for m in CARD_FOLD.finditer(card.group(0))])
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    for card in VCARD.finditer(text):
        cuts.append((card.start(), card.start("body"), "\n"))
        base = card.start("body")
        for m in CAL_LINE.finditer(card.group("body")):
            start, end = base + m.start(), base + m.end()
            label = _card_label(m.group("name").lower(), m.group("params"))
            if label is None:
                cuts.append((start, min(end + 1, card.end()), ""))
                continue
            cuts.append((start, base + m.start("value"), f"{label}："))
            value_at = base + m.start("value")
            for e in re.finditer(r"\\([nN,;\\])|;+", m.group("value")):
                escaped = e.group(1)
                shown = "\n" if escaped in ("n", "N") else escaped if escaped else " "
                cuts.append((value_at + e.start(), value_at + e.end(), shown))
        end_line = text.rfind("END:", card.start(), card.end())
        cuts.append((end_line, card.end(), ""))
    return mt.splice(sorted(cuts))


# ---------------------------------------------------------------- a draft exported with its tracked changes

# "[删除: 10月31日]", "[插入: 11月7日]", "【批注 张XX：名额按去年口径？】", "[Deleted: …]".
REVISION = re.compile(
    r"[\[【](?:(?P<deleted>删除|删去|Deleted|Deletion)|(?P<inserted>插入|新增|Inserted|Insertion)"
    r"|(?P<comment>批注|评论|Comment)[^:：\]】]{0,20})\s*[:：]\s*(?P<body>[^\]】]*)[\]】]"
)
MIN_REVISIONS = 2


# "交材料：10月27日（已划掉）　10月24日": a value struck out on a board or a printout, its replacement beside it.
# (Not the mark named in quotes: "划掉的内容标注“（已划掉）”".)
STRUCK = re.compile(r"(?P<body>[^\s：:，,；;。→←（(“”\"]{1,20})\s*[（(](?:已划掉|划掉|已删去|已作废)[）)](?![”\"])")


# A correction in a page's markup: "<del>11月3日</del><ins>11月6日</ins>", "<s>…</s>", Markdown's "~~…~~",
# Typst's "#strike[11月12日]" (Textile's "-…-": notices.textile_marks, in a Textile page only).
# (A chat's single tildes strike a phrase set apart by spaces, " ~11月10日~ "; "10月8日~11月25日" is a range.)
STRUCK_MARKUP = re.compile(r"(?P<struck><(?P<tag>del|s|strike)\b[^>]*>.*?</(?P=tag)\s*>|~~[^~\n]{1,60}~~"
                           r"|(?:(?<=\s)|^)~(?=[^\s~])[^~\n]{1,60}?(?<=[^\s~])~(?=\s|$|[，。,.；;）)])"
                           r"|#strike\[[^\]\n]{1,60}\]|\[(?P<bb>s|strike|del)\][^\[\n]{0,200}\[/(?P=bb)\])"
                           r"|<ins\b[^>]*>(?P<kept>.*?)</ins\s*>", re.I | re.S)


def accepted_changes(mt: MappedText) -> MappedText:
    """A draft exported with its revisions shown inline: what it says once they are accepted. A
    deletion goes, an insertion is kept (its characters still map to where they stand in the
    source), a reviewer's comment goes: it is a remark on the draft, not the notice's text. A value
    marked struck out ("10月27日（已划掉）", "<del>…</del>", "~~…~~") goes with its mark; an inserted one
    ("<ins>…</ins>") stays without its tags."""
    mt = mt.sub(STRUCK_MARKUP, lambda m: "" if m.group("struck") else m.group("kept"))
    found = list(REVISION.finditer(mt.text))
    cuts: list[tuple[int, int, str]] = [(m.start(), m.end(), "") for m in STRUCK.finditer(mt.text)]
    if sum(1 for m in found if m.group("deleted") or m.group("inserted")) < MIN_REVISIONS:
        return mt.splice(cuts) if cuts else mt
    for m in found:
        if m.group("inserted"):
            cuts += [(m.start(), m.start("body"), ""), (m.end("body"), m.end(), "")]
        else:
            cuts.append((m.start(), m.end(), ""))
    return mt.splice(disjoint(cuts))  # (a struck mark and a revision's: in order, none inside another)


# ---------------------------------------------------------------- a mail-merged letter with its data

# "合并数据：单位名称=峤南市科学技术协会；截止=2062年10月31日17:00；…": the values a mail merge put in the
# letter's «字段» placeholders, printed with it.
MERGE_DATA = re.compile(r"(?m)^[ \t]*(?:邮件)?合并(?:数据|字段)[：:](?P<body>[^\n]+)$")
PLACEHOLDER = re.compile(r"«([^«»\n]{1,20})»")


def merged_fields(mt: MappedText) -> MappedText:
    """A mail-merged letter as its recipient reads it: each «字段» its value from the merge data, and
    the data block one "字段：值" line per field."""
    m = MERGE_DATA.search(mt.text)
    if m is None:
        return mt
    pairs = [(piece, piece.group(0).find("=")) for piece in re.finditer(r"[^；;]+", m.group("body"))]
    values = {piece.group(0)[:eq].strip(): piece.group(0)[eq + 1 :].strip() for piece, eq in pairs if eq > 0}
    if not values:
        return mt
    cuts = [(p.start(), p.end(), values[p.group(1)]) for p in PLACEHOLDER.finditer(mt.text) if p.group(1) in values]
    at = m.start("body")
    cuts += [(at + piece.start() + eq, at + piece.start() + eq + 1, "：") for piece, eq in pairs if eq > 0]
    cuts += [(at + sep.end(), at + sep.end(), "\n") for sep in re.finditer(r"[；;]", m.group("body"))]  # a line each
    return mt.splice(sorted(cuts))


# ---------------------------------------------------------------- a static site's page: front matter, comments

FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<body>(?:.*\n){1,40}?)---[ \t]*\n")
FRONT_LABELS = {"title": "标题", "date": "发布时间", "author": "发布机构", "publisher": "发布机构", "doc_no": "文号",
                "docno": "文号", "number": "文号", "source": "来源"}
# What a page never shows, whatever the rest of its markup: comments (a draft's outdated value), and
# the tags of a block a Markdown page writes in HTML (<details>, <summary>, <br>).
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
INLINE_TAG = re.compile(r"</?(?:details|summary|br|span|div|p|b|strong|em|i|u|sup|sub|font|center)\b[^>]*>", re.I)


def page_markdown(mt: MappedText) -> MappedText:
    """A static site's page: its front matter's fields a reader would see (标题, 发布时间, 发布机构, 文号)
    as labelled lines, the rest of it (layout, draft, tags) and its --- lines set aside; HTML comments
    and the few HTML tags a Markdown page uses go, their text stays."""
    m = FRONT_MATTER.match(mt.text)
    if m:
        cuts: list[tuple[int, int, str]] = [(m.start(), m.start("body"), "")]
        for line in re.finditer(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$", m.group("body"), re.M):
            at = m.start("body")
            label = FRONT_LABELS.get(line.group("key").lower())
            if label is None:
                cuts.append((at + line.start(), at + line.end() + 1, ""))
                continue
            value = line.group("value")
            quoted = re.fullmatch(r"\s*[\"'](.*)[\"']\s*", value)
            start = at + line.start("value") + (quoted.start(1) if quoted else 0)
            cuts.append((at + line.start(), start, f"{label}："))
            if quoted:
                cuts.append((start + len(quoted.group(1)), at + line.end(), ""))
        cuts.append((m.end("body"), m.end(), "\n\n"))  # (a paragraph of its own: never joined to the text)
        mt = mt.splice(cuts)
    # (a <br> breaks a line, and inside a table's cell it parts two values: "联合体<br>裘思远", "…937<br>138…")
    return mt.sub(HTML_COMMENT, "").sub(LINE_BREAK_TAG, " ").sub(INLINE_TAG, "").sub(ENTITY, _entity)


LINE_BREAK_TAG = re.compile(r"(?<![ \t])[ \t]*+<br\s*/?>[ \t]*", re.I)  # (from a run's start: linear in its length)


ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")


def _entity(m: re.Match[str]) -> str:
    return html.unescape(m.group(0)).replace("\u00a0", " ")


# ---------------------------------------------------------------- LaTeX

LATEX = re.compile(r"\\documentclass|\\begin\{document\}")
NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\{?\\([a-zA-Z]+)\}?(?:\[\d\])?\{([^{}\n]*)\}")
LATEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
LATEX_HEADING_END = re.compile(r"(\\(?:sub)*section\*?\{[^{}\n]*\})[ \t]*\n")  # a heading ends its paragraph
LATEX_SOFT_BREAK = re.compile(r"(?<=[^\n])[ \t]*\n(?=[ \t]*[^\n \t])")  # one newline is a space, a blank line a paragraph
# Arguments a reader never sees: lengths, sizes, labels, pictures.
LATEX_HIDDEN = re.compile(r"\\(?:vspace|hspace|label|zihao|setlength|addtolength|includegraphics|fontsize|linespread|"
                          r"pagestyle|thispagestyle|geometry|usepackage|ref|pageref)\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})*")
LATEX_MARKUP = re.compile(
    r"(?P<begin>\\begin\{(?:tabularx?|longtable|array)\*?\}(?:\[[^\]]*\])?(?:\{[^{}]*\})?\{(?:[^{}]|\{[^{}]*\})*\}"
    r"|\\(?:begin|end)\{[a-zA-Z*]+\}(?:\[[^\]]*\])?)"
    r"|(?P<line>\\\\(?:\[[^\]]*\])?|\\(?:item|par|newline)\b(?:\[[^\]]*\])?|\\(?:sub)*section\*?\{?)"
    r"|(?P<rule>\\(?:toprule|midrule|bottomrule|hline|cline\{[^{}]*\}))"
    r"|(?P<href>\\href\{[^{}]*\})"
    r"|(?P<escaped>\\[%&_#$])"
    r"|(?P<cell>[ \t]*(?<!\\)&[ \t]*)"
    r"|(?P<dash>--+)"
    r"|(?P<tie>~)"
    r"|(?P<word>\\[a-zA-Z]+\*?(?:\[[^\]]*\])?(?:\{\})?|[{}])"
)


def _latex_replacement(m: re.Match[str]) -> str:
    if m.group("begin") or m.group("line"):
        return "\n"
    if m.group("cell"):
        return CELL
    if m.group("escaped"):
        return m.group(0)[1]
    if m.group("dash"):
        return "—"
    if m.group("tie"):
        return " "
    return ""  # rules, a link's address, formatting commands and braces


def latex_text(mt: MappedText) -> MappedText:
    """A notice's LaTeX source, read as the typeset page shows it: the preamble and comments gone,
    each macro the source defines (a \\newcommand of \\jiezhi as 2039年11月7日17:00) read as its value where
    it is used, headings, items and table rows as lines, a row's cells split by " | "."""
    macros = {name: value for name, value in NEWCOMMAND.findall(mt.text)}
    begin = mt.text.find("\\begin{document}")
    if begin >= 0:
        mt = mt.without(0, begin + len("\\begin{document}"))
    end = mt.text.find("\\end{document}")
    if end >= 0:
        mt = mt.without(end, len(mt.text))
    mt = mt.sub(LATEX_COMMENT, "").sub(LATEX_HEADING_END, r"\1\n\n").sub(LATEX_SOFT_BREAK, " ")
    if macros:
        used = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![a-zA-Z])(?:\{\})?")
        mt = mt.sub(used, lambda m: macros[m.group(1)])
    mt = mt.sub(LATEX_HIDDEN, "").sub(LATEX_MARKUP, _latex_replacement)
    return mt.sub(re.compile(r"[ \t]+\n"), "\n").sub(re.compile(r"\n[ \t]+"), "\n")


def _keyed(mt: MappedText) -> MappedText:
    return keyed_text(mt) or mt


# The formats a whole notice is saved in, each read by its own reader, tried in order (a calendar's lines
# may look like a mail's; a dump's statements like keyed records): (detects, reads, its lines its own).
# A diff's lines are the text's own, broken or not.
WHOLE_FORMATS: tuple[tuple[Callable[[str], bool], Callable[[MappedText], MappedText], bool], ...] = (
    (lambda text: bool(CALENDAR.match(text)), lambda mt: accepted_changes(calendar_text(mt)), True),
    (is_sql_dump, sql_text, True),
    (is_bbcode, lambda mt: accepted_changes(bbcode_text(mt)), True),
    (is_workbook_parts, workbook_text, True),
    (is_edifact, edifact_text, True),
    (is_pug, pug_text, True),
    (is_copybook_file, copybook_records, True),
    (is_wikitext, wiki_text, True),
    (is_turtle, turtle_text, True),
    (is_troff, troff_text, True),
    (is_dot, dot_text, True),
    (is_po, po_text, True),
    (is_unified_diff, diff_text, False),
    (is_annotation_export, lambda mt: accepted_changes(annotation_text(mt)), True),
    (is_cell_dump, cell_dump_text, True),
    (is_vertical_output, vertical_text, True),
    (is_audit_log, audit_text, True),
    (is_captions, caption_text, True),
    (is_chat_log, chat_log_text, True),
    (is_dockerfile, dockerfile_text, True),
    (is_reg_export, reg_text, True),
    (is_shell_script, shell_text, True),
    (is_accessibility_tree, axtree_text, True),
    (is_code_literal, lambda mt: code_literal_text(mt) or _keyed(mt), True),
    (is_keyed, _keyed, True),
    (lambda text: bool(LATEX.search(text)), latex_text, True),
)


MERMAID = re.compile(r"```\s*mermaid")
MERMAID_COMMENT = re.compile(r"(?m)^[ \t]*+%%[^\n]*+\n?")


# A dump of several files one after another, each under its name as `head`/`tail` print it ("==> OEBPS/
# chapter1.xhtml <=="): each file is read alone, in its own format (an EPUB's pages, an OFD's page XMLs).
DUMP_PART = re.compile(r"(?m)^==> [^\n<>]{1,200} <==[ \t]*$")


def _dump_parts(mt: MappedText) -> list[MappedText]:
    marks = list(DUMP_PART.finditer(mt.text))
    if len(marks) < 2 or mt.text[: marks[0].start()].strip():
        return []
    ends = [m.start() for m in marks[1:]] + [len(mt.text)]
    return [MappedText(mt.text[m.end() + 1 : end], mt.offsets[m.end() + 1 : end]) for m, end in zip(marks, ends, strict=True)
            if m.end() + 1 < end]


def source_text(mt: MappedText) -> tuple[MappedText, bool]:
    """The text a notice saved in a data or markup format shows, and whether it was one of the structured
    formats (_source_text); a dump of several files, each file's (their lines their own)."""
    parts = _dump_parts(mt)
    if parts:
        return joined_lines([_source_text(part)[0] for part in parts]), True
    if is_multipart(mt.text):  # (a form's submission: each field read in its own format)
        return multipart_text(mt, lambda value: _source_text(value)[0]), True
    if is_urlencoded(mt.text):
        return urlencoded_text(mt), True
    return _source_text(mt)


def _source_text(mt: MappedText) -> tuple[MappedText, bool]:
    """The text a notice saved in a data or markup format shows (a calendar's events; else a mail's
    header read, then a JSON export, an RTF source, a web page's source, in that order: a JSON body may
    be HTML; a plain text may be a static site's Markdown page; a configuration file's contact records
    read as contact blocks), revisions accepted, and whether it was one of the structured formats: its
    lines are then its own paragraphs, never broken ones."""
    mt = machine_times(mt)  # (a UTC time or a Unix timestamp: the China-time date it is, for every format)
    mt = json_grids(mt)  # (a JSON export's table kept as arrays of cells: rows)
    for detects, reads, own_lines in WHOLE_FORMATS:
        if detects(mt.text):
            return reads(mt), own_lines
    mt = mt.sub(PART_MARKER, "")  # ("// ===== pages/notice/notice.wxml =====": which file of a dump follows)
    mt = rst_tables_text(mt)  # (reStructuredText's list-table and csv-table directives: rows)
    if MERMAID.search(mt.text):
        mt = mt.sub(MERMAID_COMMENT, "")  # (a diagram's line kept out of it with "%%": an old task, a note to self)
    # (Names of values defined elsewhere, read as their values first; an MDX page's code gone, its data as records.)
    mt = jsx_text(mt) if is_jsx_page(mt.text) else substitutions_text(mt)
    config = is_config(mt.text)
    mt = card_text(mt)
    if config:
        mt = config_text(mt)
    xml = bool(XML.match(mt.text))
    if xml:  # (its body may be a page's source: then its lines are set apart as the page's are)
        mt = xml_text(mt, page_break=_holds_page(mt.text))
    if mt.text.lstrip()[:1] in ("{", "["):
        mt = _void_records(mt)
    record = _json_record(mt.text)
    rtf = record is None and bool(RTF.match(mt.text))
    mt = mail_text(mt)
    if record is not None:
        mt = _json_fields(mt, record)
    elif rtf:
        mt = _shown_rtf(mt)
    page = is_page_source(mt.text)  # (once, on what the JSON or RTF reading left)
    data = False  # a file that is one JSON value (a list at its top): its lines are its records'
    if not (page or rtf or record is not None):
        data = mt.text.lstrip().startswith("[") and _is_json(mt.text)
        mt = _nested_json(page_markdown(mt), "\n")  # (JSON a text holds: a block scalar's contacts)
    return accepted_changes(_shown_page(mt) if page else mt), record is not None or rtf or page or config or xml or data
