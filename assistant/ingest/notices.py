"""Notices: reading files (UTF-8/GBK text, .docx, .pdf), cleaning with an offset map, metadata."""

from __future__ import annotations

import hashlib
import html
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from assistant.ingest.boxtables import read_box_tables
from assistant.ingest.bundles import set_aside_other_items
from assistant.ingest.dates import DATE, DATE_LINE
from assistant.ingest.encodings import decode_bytes, decoded
from assistant.ingest.identity import DOC_NUMBER, ORG_LINE, Identity, IssuerSource, identify
from assistant.ingest.layout import (
    LEADERS,
    break_wall_of_text,
    display_width,
    drop_page_furniture,
    drop_printed_heads,
    open_drawn_boxes,
    read_form_fields,
    read_leader_fields,
    read_tab_tables,
    read_two_columns,
    rebuild_aligned_tables,
    rebuild_cell_tables,
    rebuild_column_tables,
    rebuild_csv_tables,
    rebuild_wrapped_tables,
    void_rows_dropped,
)
from assistant.ingest.longtables import read_long_tables
from assistant.ingest.markup import merged_fields, source_text
from assistant.ingest.outline import TREE_LINE, read_outline_tree
from assistant.ingest.textmap import CELL, MappedText, normalize_for_match, to_simplified
from assistant.ingest.timelines import read_drawn_timelines
from assistant.tokenizer import plain_words

# A spreadsheet exported as text (.csv, .tsv) is read as text: its rows become a table (layout.py).
TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".tsv", ""}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".xlsx"}
SUPPORTED_NAMES = ".txt、.md、.csv、.tsv、.docx、.xlsx、.pdf"
MANIFEST = "manifest.yaml"

CJK = "\u4e00-\u9fff"
# Full-width and CJK punctuation that sits next to Chinese text without spaces.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u201c\u201d\u2018\u2019\u2014\u2026"

HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]|^第[一二三四五六七八九十]{1,3}(?:点|部分)(?=[\s：:、]|$)")),  # ("第五点 条件把关")
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d{1,2}[.．、])")),
    (4, re.compile(r"^(?:[（(]\d{1,2}[）)]|\d{1,2}[）)])")),
]
ATTACHMENT = re.compile(r"^附件\s*(\d{1,2})\s*[:：]?\s*$")
# Contact labels and what each labels; LABEL (a line that starts with one) is built from this table,
# so the cleaner and the contact extractor cannot disagree about which labels exist.
LABEL_KINDS = {
    "联系人及电话": "person",  # "联系人及电话：王敏 0571-…；李强 137…": people with their phones
    "联系人及联系方式": "person",
    "联系人和电话": "person",
    "联系人": "person",
    "联系": "person",  # "联系：学院科研办 王老师 137…"
    "对接人": "person",  # a record's or a sheet's person in charge
    "联络人": "person",
    "负责人": "person",
    "姓名": "person",  # a record's "- 姓名: 柯雨桐" in an office system's export
    "部门": "org",
    "职务": "title",  # a person's post, beside their name in a contact card
    "负责": "duty",  # "负责: 新锐企业榜、技术经理人先锋榜": the lists the person above handles
    "负责榜单": "duty",
    "联系方式": "phone",
    "联系电话": "phone",
    "电话": "phone",
    "手机": "phone",
    "传真": "phone",
    "技术支持": "phone",
    "客服电话": "phone",
    "咨询电话": "phone",
    "邮寄地址": "address",
    "通讯地址": "address",
    "地址": "address",
    "电子邮箱": "email",
    "邮箱": "email",
    "email": "email",
    "e-mail": "email",
    "初评机构": "body",
    "评审机构": "body",
}
LABEL = re.compile(
    "^(" + "|".join(re.escape(k) for k in sorted(LABEL_KINDS, key=len, reverse=True)) + r")\s*[:：]", re.I
)
TITLE_END = re.compile(r"(通知|公告|通告|函|决定|意见|办法|纪要|请示|批复|细则)$")
TERMINAL = "。；;！!？?：:"
# A line that is a field, "key：value", with a short key: a metadata block, a registration sheet.
KEY_VALUE = re.compile(rf"^[{CJK}]{{2,6}}[:：]\s*\S")
# Not 联合体/联盟/公司: a PDF line broken before "能源学会联合体" must still be joined.
SIGN_OFF_ORG = re.compile(rf"[{CJK}（）()“”\"]{{2,20}}(?:办公厅|办公室|协会|学会|委员会|科协|研究会|秘书处|促进会|联合会|大学|学院|研究院|研究所|中心|处|部)")
# Notices pasted from web pages and WeChat posts come in Markdown: "## 一、…", "- 先导技术榜：…", "**…**".
MD_TABLE_RULE = re.compile(r"(?m)^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
MD_TABLE_EDGE = re.compile(r"(?m)^\|[ \t]*(?=[^|\n]*\|)|(?<=\S)[ \t]*\|[ \t]*$")
MD_TABLE_CELLS = re.compile(f"{MD_TABLE_EDGE.pattern}|(?P<inner>(?<=[^\\s|])\\|+(?=[^\\s|]))", re.M)
MD_HEADING = re.compile(r"(?m)^#{1,6}[ \t]+")
MARKUP_ESCAPE = re.compile(r"\\(?=[@_*#$<>`~])")  # (Markdown's and Typst's backslash before a mark)
# A Textile page (a Redmine wiki's "h2. 二、名额", "bq. 联系人…"): its block signatures (a class, style or
# language in brackets allowed), table header and span marks ("|_. 榜单", "|/2. "), macros ("{{toc}}") and
# *strong* or _emphasised_ words are marks, not words; read only in a text headed the Textile way.
TEXTILE_HEADING = re.compile(r"(?m)^h[1-6](?:\([^)\n]*\)|\{[^}\n]*\}|\[[^\]\n]*\])*\.[ \t]")
TEXTILE_MARKS = re.compile(
    r"(?m)^(?:h[1-6]|bq|p|fn\d+)(?:\([^)\n]*\)|\{[^}\n]*\}|\[[^\]\n]*\])*\.[ \t]+"
    r"|(?<=\|)(?:_|[\\/]\d+|[<>=^~])+\.[ \t]|^\{\{\w+\}\}[ \t]*$"
    r"|(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])|(?<![\w_\\])_(?=[^\s_])|(?<=[^\s_\\])_(?![\w_])")
TEXTILE_ITEM = re.compile(r"(?m)^[#*]+[ \t]+")
# Textile's struck text, "-2077年11月8日-": between spaces or brackets (never a phone's or a date's hyphens,
# "010-6835", "2077-10-16", nor a list's "- "), holding a digit or a Chinese character.
TEXTILE_STRUCK = re.compile(r"(?m)(?:(?<=[ \t（(：:])|^)-(?=[^\s-])(?=[^-\n]{0,40}[\d\u4e00-\u9fff])[^-\n]{1,40}(?<=[^\s-])-"
                            r"(?=[ \t）)，,。；;]|$)")
TEXTILE_LINK = re.compile(r'"(?P<label>[^"\n]{1,60})":(?P<url>https?://\S+?)(?=[\s，。；）)]|$)', re.M)


# Confluence's wiki markup, Textile's sibling: "||榜单||名额||" header cells, macros ("{info:title=…}",
# "{panel:title=联系方式}" read as the title they give, "{status:colour=Red|title=已作废}" as its title,
# "{color:red}…{color}" and the closing "{info}" gone), links "[文字|https://…]".
CONFLUENCE_MACRO = re.compile(r"(?<!\{)\{(?P<name>info|note|warning|tip|panel|status|color|colour|code|noformat|expand|quote|anchor|toc)"
                              r"(?::(?P<params>[^{}\n]*))?\}(?!\})")  # (Confluence's macros; not Textile's "{{toc}}")
CONFLUENCE_LINK = re.compile(r"\[(?P<label>[^\[\]|\n]{1,60})\|(?P<url>https?://[^\]\s]+)\]")
CONFLUENCE_HEADER = re.compile(r"(?m)^\|\|(?=.*\|\|[ \t]*$)|(?<=\S)\|\|(?=\S|[ \t]*$)")


def _macro(m: re.Match[str]) -> str:
    """A macro as the page shows it: its title (a panel's, a status lozenge's), else nothing."""
    title = re.search(r"(?:^|\|)title=([^|}]*)", m.group("params") or "")
    return title.group(1).strip() if title else ""


def textile_marks(mt: MappedText) -> MappedText:
    """A Textile page's text without its marks (a link "文字":https://… reads "文字（https://…）"), and
    a Confluence page's (its macros and "||" header cells too)."""
    if len(TEXTILE_HEADING.findall(mt.text)) < 2:
        return mt
    if CONFLUENCE_MACRO.search(mt.text):  # (a Textile table's empty cell, "||", is no Confluence header)
        mt = mt.sub(CONFLUENCE_LINK, lambda m: f"{m.group('label')}（{m.group('url')}）")
        mt = mt.sub(CONFLUENCE_MACRO, _macro).sub(CONFLUENCE_HEADER, "|")
    mt = mt.sub(TEXTILE_LINK, lambda m: f"{m.group('label')}（{m.group('url')}）")
    mt = mt.sub(TEXTILE_STRUCK, "").sub(TEXTILE_ITEM, "- ")  # (a numbered item's "# " is no Markdown heading)
    return mt.sub(TEXTILE_MARKS, "")
BULLET_MARKS = "-*+•●▪◆■·"
BULLET = re.compile(rf"^[{re.escape(BULLET_MARKS)}][ \t]+")
# An item's number: "5. ", "5、", "（2）", "2）" (not "9.5亿").
# A Western outline's lowest items ("a) …", "(ii) 联系人：…"): marks like a bullet's, gone where a bullet's go (after
# the joins), so that a contact's lines under their heading read as one block.
ITEM_LETTER = re.compile(r"(?m)^(?:[a-z][)）]|[（(](?:[ivx]{1,4}|[a-z])[)）])[ \t]*(?=[\u4e00-\u9fff“《（(])")
ENUMERATED = re.compile(r"^(?:\d{1,2}[.．、](?![\d.．])|[（(]\d{1,2}[）)]|\d{1,2}[）)]|\d{1,2}(?:\.\d{1,2}){1,2}(?=\s*[\u4e00-\u9fff])"
                        # a Western outline's numbers: "I." "A." "a)" "(i)" "(b)", before the item's Chinese text
                        r"|(?:[IVX]{1,4}\.|[A-Z]\.|[a-z][)）]|[（(](?:[ivx]{1,4}|[a-z])[)）])[ \t]*(?=[\u4e00-\u9fff“《（(]))")
# Marks that say something (★ organised, ☆ not, ✓, ☐) are kept; other leading emoji are decoration.
LEADING_EMOJI = re.compile(r"(?m)^(?:(?![★☆✓✔✗✘☑☐])[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])+[ \t]*")
BRACKET_LABEL = re.compile(r"(?m)^【(?=[^】\n]{2,10}】)")
TITLE = re.compile(r"[^。；;]{0,40}关于[^。；;]{2,80}(?:通知|公告|通告|函)")
FORM_TITLE = re.compile(r"(申报表|推荐表|样表|登记表)\s*([（(][^）)]*[）)])*$")


class NoticeError(ValueError):
    """A file that cannot become a notice; the message is for the user, in Chinese."""


MARKUP_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>")


@dataclass(kw_only=True)
class NoticeMeta(Identity):
    """A notice's identity (read by `identity.identify`, or set in the manifest) under its stable key."""

    id: str  # file name in corpus/, the stable key citations use
    sha256: str = ""

    if TYPE_CHECKING:  # each subclass provides it: a field of Notice, read lazily by NoticeRecord
        original: str

    @cached_property
    def normalized(self) -> str:
        """The original as quotes are compared with it (see textmap.normalize_for_match); a source in markup
        also with its tags gone and its entities read, so that a paragraph its runs split ("推荐单</a:t></a:r>
        <a:r><a:t>位同时…") is quoted as it reads, every character still the notice's own."""
        plain = normalize_for_match(self.original)
        if not MARKUP_TAG.search(self.original):
            return plain
        return f"{plain}\x00{normalize_for_match(html.unescape(MARKUP_TAG.sub('', self.original)))}"

    def meta(self) -> dict[str, object]:
        return {"source": self.id, **{f.name: getattr(self, f.name) for f in fields(NoticeMeta) if f.name not in ("id", "sha256")}}


@dataclass(kw_only=True)
class Notice(NoticeMeta):
    original: str
    clean: MappedText

    @property
    def text(self) -> str:
        return self.clean.text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.clean.original_span(start, end)


@dataclass(kw_only=True)
class NoticeRecord(NoticeMeta):
    """What answering needs of a notice once the index is built: its metadata, and its original
    text read from the corpus only when a citation is checked or shown."""

    path: str

    @cached_property
    def original(self) -> str:  # type: ignore[override]
        return Path(self.path).read_text(encoding="utf-8")

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def of(cls, notice: Notice, path: Path) -> NoticeRecord:
        meta = {k: v for k, v in notice.meta().items() if k != "source"}
        return cls(id=notice.id, path=str(path), sha256=notice.sha256, **meta)  # type: ignore[arg-type]


# ---------------------------------------------------------------- reading


MAX_NOTICE_CHARS = 500_000


def _utf16(data: bytes) -> str | None:
    """UTF-16 text (Windows Notepad's "Unicode"): by its byte-order mark, or, without one, by the
    zero bytes of its ASCII characters all on one side."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        head = data[:4096]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if len(data) % 2 or max(even, odd) < 4 * min(even, odd) + 1:
            return None
        encoding = "utf-16-be" if even > odd else "utf-16-le"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:2000]
    odd_chars = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0xE000 <= ord(c) <= 0xF8FF)
    return text.lstrip("\ufeff") if odd_chars <= len(sample) // 50 else None


def decode_text(data: bytes) -> str:
    if not data.strip():
        raise NoticeError("文件为空。")
    if b"\x00" in data[:4096]:  # UTF-16 text, or not text at all
        text = _utf16(data)
        if text is None:
            raise NoticeError("文件看起来是二进制文件，不是文本、.docx 或 .pdf 通知。")
    else:
        text = decode_bytes(data)
    if text is None:
        raise NoticeError("无法识别文件编码（支持 UTF-8、GBK/GB18030）。")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text) // 100):
        raise NoticeError("文件内容含大量控制字符，不像是通知文本。")
    if len(text) > MAX_NOTICE_CHARS:
        # A notice runs to tens of thousands of characters; millions take minutes of index build.
        raise NoticeError(f"文本超过 {MAX_NOTICE_CHARS:,} 字（本文件 {len(text):,} 字），不像是一份通知，未导入。")
    return text


def read_document(path: Path) -> str:
    """The text of a notice file, whatever its format."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise NoticeError(f"不支持的文件类型：{suffix}（支持 {SUPPORTED_NAMES}）。")
    data = path.read_bytes()
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    elif suffix == ".xlsx":
        text = _read_xlsx(path)
    elif suffix == ".csv":
        # Its rows as tab-separated cells: quoted cells (with commas or line breaks in them) kept whole.
        import csv

        rows = csv.reader(decode_text(data).splitlines())
        return "\n".join("\t".join(cell.replace("\n", " ").strip() for cell in row) for row in rows)
    else:
        return decoded(decode_text(data))  # a mail saved whole, an RTF source: what its reader sees
    if not text.strip():
        raise NoticeError("未能从文件中提取到文字（可能是扫描件或空文档）。")
    return text


MAX_UNPACKED = 50 * 1024 * 1024  # what a .docx may inflate to
MAX_PDF_PAGES = 300
MAX_TEXT_CHARS = 2_000_000  # far beyond any notice


def _check_docx(path: Path) -> None:
    """Refuse a .docx (or an .xlsx: a zip package too) whose parts would inflate beyond MAX_UNPACKED,
    before anything is inflated."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise NoticeError(f"无法解析 {path.suffix.lower()} 文件：{type(exc).__name__}") from exc
    if len(infos) > 5000 or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise NoticeError(f"文件解压后超过 {MAX_UNPACKED // 2**20} MB，不像是一份通知，未导入。")


def _read_docx(path: Path) -> str:
    _check_docx(path)
    try:
        import docx  # python-docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types on bad files
        raise NoticeError(f"无法解析 .docx 文件：{type(exc).__name__}") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


def _read_xlsx(path: Path) -> str:
    """A workbook's sheets, each row a line of tab-separated cells (a sheet's name above it when there
    are several); a merged cell's value stands in its first cell, the others stay empty."""
    _check_docx(path)  # an .xlsx is a zip package too: the same limit on what it inflates to
    try:
        from openpyxl import load_workbook

        book = load_workbook(str(path), read_only=True, data_only=True)
        lines: list[str] = []
        for sheet in book.worksheets:
            if len(book.worksheets) > 1:
                lines.append(str(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    lines.append("\t".join(cells))
                if sum(map(len, lines)) > MAX_TEXT_CHARS:
                    raise NoticeError("表格中的文字远超一份通知的长度，未导入。")
            lines.append("")
        book.close()
        return "\n".join(lines)
    except NoticeError:
        raise
    except Exception as exc:  # openpyxl raises several unrelated types on bad files
        raise NoticeError(f"无法解析 .xlsx 文件：{type(exc).__name__}") from exc


def _cell_text(value: object) -> str:
    """A cell as a notice would write it: a date as 2037年10月29日 (with its time when it has one)."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        day = f"{value.year}年{value.month}月{value.day}日"
        return f"{day} {value:%H:%M}" if (value.hour, value.minute) != (0, 0) else day
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\n", " ").strip()


def _read_pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise NoticeError(f"PDF 超过 {MAX_PDF_PAGES} 页，不像是一份通知，未导入。")
        texts: list[str] = []
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            if sum(map(len, texts)) > MAX_TEXT_CHARS:
                raise NoticeError("PDF 中的文字远超一份通知的长度，未导入。")
        return "\n".join(texts)
    except NoticeError:
        raise
    except Exception as exc:
        raise NoticeError(f"无法解析 .pdf 文件：{type(exc).__name__}") from exc


# ---------------------------------------------------------------- cleaning


def heading_level(line: str) -> int | None:
    """The official-document heading level of a line, or None for body text."""
    s = line.strip()
    if ATTACHMENT.match(s):
        return 0
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        rest = s[m.end() :].strip()
        if level <= 2:
            # 一、/（一） are headings unless a whole sentence follows on the same line.
            return level if len(re.sub(r"[（(][^）)]*[）)]", "", rest)) <= 30 and "。" not in rest else None
        bare = re.sub(r"[（(][^）)]*[）)]", "", rest)
        if len(bare) <= 20 and not re.search(r"[，,。；;]", bare):
            return level
        return None
    return None


def _is_table_row(line: str) -> bool:
    return "\t" in line.strip() or " | " in line


RULE_DRAWN = re.compile(r"[━─═\-_=~·]{5,}")
DECORATED = re.compile(r"[━─═—\-_=~·*]{2,}\s*[^━─═—\-_=~·*]{2,20}?\s*[━─═—\-_=~·*]{2,}")  # "—— 联系方式 ——": a title of its own
CONTACT_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?!\d)")
DATE_LEAD = re.compile(rf"^(?:{DATE})")
STAMP_LEAD = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}")
DATE_TIME_LINE = re.compile(rf"^(?:{DATE})\s*(?:\d{{1,2}}[:：]\d{{2}}|\d{{1,2}}时)?$")
FIGURE_LINE = re.compile(r"^[+＋]?\d{1,3}$")  # a poster's big figure ("2", "+1"), its unit and caption below it


def value_line(line: str) -> bool:
    """A value set alone on its line, as a poster or a timeline sets it: a figure, a date (and time)."""
    return bool(FIGURE_LINE.match(line) or DATE_TIME_LINE.match(line))


# A chat export's message header: who spoke and when ("张岚（市科协）2028/09/21 09:14").
SPEAKER_LINE = re.compile(r"^\S{1,24}?\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$")
# A transcript's turn: "[00:03:12] 王老师：…", "（14:05）主持人：…".
TURN = re.compile(r"^[\[【(（]?\d{1,2}:\d{2}(?::\d{2})?[\]】)）]?\s*[^\s：:]{1,12}[：:]")


# A notice's metadata field ("发布机构：…", "文号：…") is a line of its own, whatever follows it.
META_FIELD = re.compile(r"(?:标题|发布机构|发布时间|发布日期|文号|来源|发文单位|成文日期)[:：]")
DATED_FIELD = re.compile(rf"^[{CJK}]{{2,8}}[:：]\s*(?:{DATE})\s*(?:\d{{1,2}}[:：]\d{{2}}|\d{{1,2}}时)?$")  # "拟稿日期：2029年9月19日"


# A line led by the word that bounds the date or time ending the line before ("…11月12日17:00" / "前，将…").
NUMBER_ALONE = re.compile(r"[\d(（+][\d()（）+\-/ ]{6,}")  # a phone number on its own line: a contact's line of its own
BROKEN_NUMBER = re.compile(r"(?<![\d:：.-])\d{1,4}$")
NUMBER_UNIT = re.compile(r"[年月日时号个项家人名周岁]")
BOUND_AFTER = re.compile(r"(?:之前|以前|前|为止|止|以后|之后|后|起)(?=[，,。；;、]|$)")


CHECK_BOXES = "☑☐☒□■"
HEADING_CHARS = 20  # a heading's line is no longer than this; a longer numbered line is an item's text


def _should_join(prev: str, nxt: str, narrow: bool = False) -> bool:
    """PDF extraction breaks lines (and words) mid-sentence; join those, keep real line ends. (In a
    narrow text, a phone screenshot's, a short line is as likely broken as a long one.)"""
    p, n = prev.strip(), nxt.strip()
    if p and n and BROKEN_NUMBER.search(p) and NUMBER_UNIT.match(n) and not value_line(p):
        return True  # "成立年限不超过8" / "年（…": a number and its unit are never two lines
    if p and n and n[0] in "）)" and p.count("（") + p.count("(") > p.count("）") + p.count(")"):
        return True  # "四、申报条件（摘要" / "）": a bracket closed on the next line
    if not p or not n or len(p) < (2 if narrow else 8) or SPEAKER_LINE.match(p) or SPEAKER_LINE.match(n) or TURN.match(n):
        return False
    if (DATE_LEAD.match(p) and DATE_LEAD.match(n)) or STAMP_LEAD.match(n):
        # a timeline ("10月25日  非会员入会截止", then "11月1日 18:00  学会内部材料截止"); a log's record
        # led by its time stamp ("2048-10-15 11:31 芯岚半导体-林若帆 收到…")
        return False
    if RULE_DRAWN.fullmatch(p) or RULE_DRAWN.fullmatch(n) or value_line(n) or value_line(p) or NUMBER_ALONE.fullmatch(n):
        return False  # a drawn rule; a figure or a date (and time) alone on its line, as a poster or a timeline sets it
    if n[0] in CHECK_BOXES and sum(p.count(c) for c in CHECK_BOXES) >= 2:
        return True  # a form's row of boxes wrapped ("☑ 先导技术榜 | ☑ 新锐企业榜" / "☐ 技术经理人先锋榜 ☑ …")
    if LEADERS.search(n) or (LEADERS.search(p) and p[-1] not in "，,、（(“《"):
        return False  # a printed form's field ("联系人……钱启明"), a contents page's line: lines of their own
    if DECORATED.fullmatch(p) or DECORATED.fullmatch(n) or (CONTACT_PHONE.search(p) and CONTACT_PHONE.search(n)):
        return False  # a title set between rules; a contact list's lines, each with its own phone
    if p[-1] in TERMINAL or (p[-1] == "." and re.match(rf"[{CJK}]", p[-2])) or _is_table_row(prev) or _is_table_row(nxt):
        return False
    if BYLINE.match(n) or BYLINE.match(p) or MARK_LEAD.match(n) or TREE_LINE.match(n) or TREE_LINE.match(p):
        return False  # a byline; a line led by a mark (★ 新锐企业榜) is an item of its own
    if BULLET.match(n) or BULLET.match(p) or BRACKET_LABEL.match(n) or LEADING_EMOJI.match(n) or ENUMERATED.match(n):
        return False  # list items ("5. …", "（2）…"), 【…】 labels and lines led by an emoji are lines of their own
    if (SIGN_OFF_ORG.fullmatch(p) and (n.startswith("关于") or TITLE_END.search(n))) or TITLE.fullmatch(n):
        return False  # a letterhead (in Chinese or not) above the title
    if len(n) <= 20 and SIGN_OFF_ORG.fullmatch(n):
        return False  # "科学技术处" above the date: the sign-off, not the end of the line before it
    if prev.startswith("\t") and nxt.startswith("\t"):
        return False  # cells of a form flattened one per line, each indented by a tab
    if heading_level(n) is not None or LABEL.match(n) or n.startswith("附件"):
        return False
    if heading_level(p) is not None and not ((len(p) > HEADING_CHARS or narrow) and _mid_phrase(p, n)):
        return False  # (a numbered item's first line, stopped mid-phrase, runs on: "（一）各单位于…申报材料纸质" / "版（一式两份）…")
    if KEY_VALUE.match(n) and p[-1] not in "，,、（(“《":
        return False  # "成文日期：2026-09-08", "时间：…": a field of its own, unless the line before stops mid-phrase
    if DATE_LINE.match(n) or re.match(r"(?:主办|承办|协办|指导|支持)单位\s*[:：]|发布(?:时间|日期)\s*[:：]", n):
        return False  # a sign-off's date, an organiser line: real line ends
    if re.match(r"[0-9A-Za-z]", p[-1]) and re.match(rf"[{CJK}]", n[0]) and not BOUND_AFTER.match(n):
        return False  # "…13810377984" then the next body's name: a real line end ("…17:00" / "前，…" runs on)
    ends_with_number = (m := DOC_NUMBER.search(p)) is not None and m.end() == len(p)  # "文号：…〔2036〕31号"
    if TITLE_END.search(p) or DATE_LINE.match(p) or ends_with_number or DOC_NUMBER.fullmatch(n) or FORM_TITLE.search(n):
        return False
    if re.fullmatch(r"[（(][^（()）]*[）)]|【[^【】]*】", p):
        return False  # a whole parenthetical note, e.g. "(以下表单仅为样表…)"; a bracketed letterhead "【…·成果转化办公室】"
    # "中国科协学会学术部：" introduces a block; a wrapped list of recipients ends in ：too but has commas.
    return not (n[-1] in "：:" and len(n) <= 20 and not re.search(r"[，,、。]", n))


SHORT_LABEL = re.compile(rf"[{CJK}]{{2,10}}")


def _set_apart_label(lines: list[str], i: int) -> bool:
    """A short label set apart by a blank line, its content under it ("实施主体", "办理对象"): a
    service guide's or a form's field name, never the end of the sentence above it."""
    label = lines[i].strip()
    return bool(SHORT_LABEL.fullmatch(label)) and not ORG_LINE.match(label) and i > 0 and not lines[i - 1].strip()


# "6联系方式", "5.1材料格式", "3.2.4技术经理人领航榜": a Word outline's decimal numbers (no Chinese numerals).
DECIMAL = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}(?![\d.．、)）])\s*(?=[\u4e00-\u9fff])")
DECIMAL_SUB = re.compile(r"^\d{1,2}\.\d{1,2}(?![\d.．])\s*[\u4e00-\u9fff]")
DECIMAL_LINES = 3  # numbered sub-items ("1.1…") a text needs for its numbers to be its outline
DECIMAL_TITLE = 16  # characters of a numbered title


def outlined(lines: Iterable[str]) -> bool:
    """Whether a text is numbered as a Word outline (1 / 1.1 / 1.1.1)."""
    return sum(1 for line in lines if DECIMAL_SUB.match(line.strip())) >= DECIMAL_LINES


def outline_level(line: str) -> int | None:
    """A Word outline's numbered title ("1总则" 1, "5.1材料清单" 2), not a numbered sentence."""
    m = DECIMAL.match(line)
    if m is None or len(line) - m.end() > DECIMAL_TITLE or re.search(r"[。；;，,：:]", line):
        return None
    return m.group(0).count(".") + 1


WRAPPED = 0.2  # share of a text's unfinished lines at one width that says an extraction wrapped it
WRAPPED_LINES = 5  # and how many of them at least


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text was wrapped at a fixed width (a PDF's extraction): many of the lines that stop
    mid-sentence have the same display width. Such a text's blank lines say nothing (a page break
    falls anywhere); in any other text a blank line is where its author ended a paragraph."""
    unfinished = [s for line in lines if len(s := line.strip()) >= 8 and s[-1] not in TERMINAL]
    # (A heading, "二、关于…的工作安排", or an item, "第19题 …【填空题】", ends unpunctuated where its
    # author ended it: no evidence of a width, though one of the lines to judge.)
    widths = [display_width(s) for s in unfinished if heading_level(s) is None and not MARK_LEAD.match(s)]
    # (Within a tenth of one another: digits and Latin letters are narrower than the measure says.)
    # (Counted in the sorted widths by bisection: counting every pair was quadratic in a long text's lines.)
    ordered = sorted(widths)
    most = max((bisect_right(ordered, w * 1.1) - bisect_left(ordered, w * 0.9) for w in set(ordered)), default=0)
    return most >= WRAPPED_LINES and most >= WRAPPED * len(unfinished)


NARROW_CHARS, NARROW_SHARE, NARROW_LINES = 14, 0.7, 20


def _narrow(lines: list[str]) -> bool:
    """A text cut at a phone screen's width: most of its lines short, most of those unfinished."""
    said = [s for line in lines if (s := line.strip())]
    short = [s for s in said if len(s) <= NARROW_CHARS]
    unfinished = [s for s in short if s[-1] not in TERMINAL]
    return len(said) >= NARROW_LINES and len(short) >= NARROW_SHARE * len(said) and len(unfinished) >= len(short) / 2


UNFINISHED = "，,、（(“《和与及或的之对向在把被将从由按"  # a line ending in one of these stops mid-phrase


def _mid_phrase(prev: str, nxt: str) -> bool:
    """Whether a line stops mid-phrase, so that a blank line after it is an extraction's page break:
    it ends in a comma or a word that leads on, a word runs on over the break ("…初评工" / "作，"), or a
    title broken over two lines ("…关于征集遴选" / "2022年…的通知")."""
    p, n = prev.strip(), nxt.strip()
    if not p or not n or p[-1] in TERMINAL:
        return False
    if p[-1] in UNFINISHED or ("关于" in p and not TITLE_END.search(p) and TITLE_END.search(n)):
        return True
    tail, head = p[-4:], n[:4]
    at = 0
    for word in plain_words().cut(tail + head, HMM=False):
        if at < len(tail) < at + len(word):
            return True
        at += len(word)
    return False


def _join_broken_lines(mt: MappedText) -> MappedText:
    lines = mt.text.split("\n")
    outline = outlined(lines)
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    nonblank = [k for k, line in enumerate(lines) if line.strip()]
    wrapped = _hard_wrapped(lines)
    narrow = _narrow(lines)
    # For each joined pair, drop the trailing spaces, the newline run and the next line's indent.
    # The first line alone being an organisation's name is a letterhead or an account's name, never
    # the first half of a sentence.
    drops = [
        (starts[a] + len(lines[a].rstrip()), starts[b] + len(lines[b]) - len(lines[b].lstrip()))
        for a, b in zip(nonblank, nonblank[1:], strict=False)
        if (b == a + 1 or wrapped or _mid_phrase(lines[a], lines[b]))
        and _should_join(lines[a], lines[b], narrow) and not (a == nonblank[0] and SIGN_OFF_ORG.fullmatch(lines[a].strip()))
        and not META_FIELD.match(lines[a].strip()) and not DATED_FIELD.match(lines[a].strip())
        and not _set_apart_label(lines, b) and not (outline and (outline_level(lines[b].strip()) is not None or DECIMAL_SUB.match(lines[b].strip())))
    ]
    return mt.splice([(start, end, "") for start, end in drops])


def _fullwidth_alnum(m: re.Match[str]) -> str:
    return chr(ord(m.group(0)) - 0xFEE0)


# A web page's or a WeChat article's chrome around the notice: navigation bars of short items split
# by "|", "you are here" lines, buttons in 【】, and the footer from 上一篇 / 相关文章 / 版权所有 /
# 长按识别二维码 … to the end. Set aside from the text (the original keeps it, nothing cites it).
# (Possessive segments: a long line of ">" or "|" is tried once per place, not in every split of its spaces.)
NAV_LINE = re.compile(r"(?m)^[ \t]*+(?:(?:[^|\n]{1,10}+[ \t]*+\|[ \t]*+){3,}[^|\n]{1,10}+|(?:[^>\n]{1,10}+[ \t]*+>[ \t]*+){2,}[^>\n]{1,10}+"
                      r"|(?:您现在的位置|当前位置|站内搜索|设为首页)[^\n]*)[ \t]*$")
TABLE_ROWS = 3  # lines with one count of "|" that make a table, not a navigation bar
BUTTONS = re.compile(r"(?m)^[ \t]*(?:(?:【[^】\n]{1,10}】[ \t]*){2,}|点击(?:上方)?蓝字[^\n]{0,12}|关注我们)[ \t]*$")
# A WeChat article's byline: "原创 皖北机械工程学会 2024年10月16日 09:12", "中国智慧农业工程学会  智农学会  2047-10-10
# 08:30  发表于北京" (the account, maybe its author, the date and time).
BYLINE = re.compile(rf"^原创\s|^[{CJK}]{{2,30}}[ \t]+(?:\S{{1,12}}?[ \t]*)?20\d{{2}}(?:年|-)\d{{1,2}}(?:月|-)\d{{1,2}}日?[ \t]*\d{{1,2}}:\d{{2}}")
# "★ 新锐企业榜", "① 申报表", "○ 是": an item (or a choice) led by its mark; "第5题 …", "第三条 …": one led by its number.
MARK_LEAD = re.compile(r"^(?:[★☆✓✔✗✘☑☐√×①-⑳○◯●]\s*|第[一二三四五六七八九十百\d]{1,4}[题条项款](?![a-zA-Z\d]))")
FOOTER = re.compile(r"(?m)^[ \t]*(?:上一篇|下一篇|相关文章|相关阅读|相关链接|友情链接|版权所有|Copyright|©|分享到|扫一扫|长按识别|"
                    r"阅读原文|点击蓝字|往期推荐|责任编辑|网站建设)")


# A phrase in single asterisks ("*校内截止*", Slack's bold, Markdown's italic); not a bullet's "* " nor a note's "注*".
EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,80}?)(?<=[^\s*\\])\*(?![\w*])")
SPACED_ROW = re.compile(r"(?m)^[^\n]*?\S {3,}\S[^\n]*?\S {3,}\S[^\n]*$")
# A page's running head repeated on every page of a PDF: the document number or the page count.
RUNNING_HEAD = re.compile(rf"[{CJK}]{{2,10}}[〔\[［(（]\s*\d{{4}}\s*[〕\]］)）]\s*\d+\s*号|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?")


def _drop_running_heads(mt: MappedText) -> MappedText:
    """A line that is only a document number (or a page count) and recurs: every repeat after the
    first is a page's running head, not the notice's text."""
    seen: set[str] = set()

    def repeat(m: re.Match[str]) -> str:
        line = m.group(0).strip()
        if line in seen:
            return ""
        seen.add(line)
        return m.group(0)

    return mt.sub(re.compile(rf"(?m)^[ \t]*(?:{RUNNING_HEAD.pattern})[ \t]*$"), repeat)


def _set_aside_chrome(mt: MappedText) -> MappedText:
    footer = next((m.start() for m in FOOTER.finditer(mt.text) if m.start() >= len(mt.text) // 2), None)
    if footer is not None:
        mt = mt.without(footer, len(mt.text))
    bars = Counter(line.count("|") for line in mt.text.split("\n"))  # lines by how many "|" they hold

    def nav(m: re.Match[str]) -> str:
        # A table's row has rows beside it with as many cells ("项目 | 先导技术榜 | 新锐企业榜 | …"); a
        # navigation bar stands alone.
        return m.group(0) if "|" in m.group(0) and bars[m.group(0).count("|")] >= TABLE_ROWS else ""

    return _set_aside_screen(mt.sub(NAV_LINE, nav).sub(BUTTONS, ""))


# A phone screenshot's chrome: the status bar ("09:41 ⚡ 5G 87%"), "展开全文", an article's read counts.
STATUS_BAR = re.compile(r"^[ \t]*\d{1,2}:\d{2}[ \t]+[^\n]{0,24}?\d{1,3}%[ \t]*$", re.M)
SCREEN_LINE = re.compile(r"^[ \t]*(?:展开全文|收起全文|写留言|阅读(?:原文)?[ \t]*\d*[ \t]*(?:在看|赞)[ \t]*\d+[^\n]{0,12}|赞[ \t]*\d+[ \t]*分享|发表于[\u4e00-\u9fff]{1,8}"
                         r"|<[ \t|]+[^\n]{1,20}?[ \t|]+(?:···|\.\.\.|…))[ \t]*$", re.M)
OVERLAP = 40  # characters before a screenshot's status bar a line repeated after it may come from


def _set_aside_screen(mt: MappedText) -> MappedText:
    """A phone screenshot's status bars and buttons set aside, with the line a scrolled screenshot
    repeats from the one before it (the end of the text above its status bar)."""
    cuts: list[tuple[int, int, str]] = []
    for m in [*STATUS_BAR.finditer(mt.text), *SCREEN_LINE.finditer(mt.text)]:
        cuts.append((m.start(), m.end(), ""))
        if m.re is not STATUS_BAR:
            continue
        before = re.sub(r"\s|展开全文", "", mt.text[max(0, m.start() - OVERLAP * 2) : m.start()])[-OVERLAP:]
        nxt = re.match(r"\n([^\n]+)", mt.text[m.end() :])
        if nxt and nxt.group(1).strip() and before.endswith(nxt.group(1).strip()):
            cuts.append((m.end() + 1, m.end() + nxt.end(), ""))
    return mt.splice(sorted(set(cuts))) if cuts else mt


def _markdown_edges(mt: MappedText) -> MappedText:
    """A Markdown table's rows without their outer pipes; only where the table's first line starts
    with one: in a table drawn without outer pipes, a row that starts with a bar starts with an
    empty cell (a spreadsheet's second header row under merged cells, " |  | 科协规定 | 校内上限")."""
    text = mt.text
    edged: set[int] = set()  # where the lines of Markdown tables start
    start, in_table, markdown = 0, False, False
    for line in text.split("\n"):
        barred = "|" in line
        if barred and not in_table:
            markdown = line.startswith("|")
        if barred and markdown:
            edged.add(start)
        in_table = barred
        start += len(line) + 1

    def read(m: re.Match[str]) -> str:
        if text.rfind("\n", 0, m.start()) + 1 not in edged:
            return m.group(0)
        # (an inner bar written tight, "|4项|2079年…|", splits cells too; "||" keeps its empty cell)
        return CELL * len(m.group("inner")) if m.group("inner") else ""

    return mt.sub(MD_TABLE_CELLS, read)


FIGURE_UNIT = r"(?=[个家人项年月类名天周%％])"
BOUND_THEN_FIGURE = re.compile(r"(不超过|不少于|不低于|超过|已运行满|满|不足|达到)[ \t]*\n[ \t]*(\d{1,4})[ \t]*\n[ \t]*" + FIGURE_UNIT)


# A Markdown link: inline "[text](address "title")", by reference "[text][label]" or "[text][]" with the label's
# definition "[label]: address "title"" on a line of its own (where a page's source keeps its addresses).
MD_INLINE_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,80})\]\((?P<url>[^\s()]+)(?:[ \t]+\"[^\"\n]*\")?\)")
MD_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,80})\]\[(?P<label>[^\[\]\n]{0,40})\]")
MD_LINK_DEFINITION = re.compile(r"(?m)^[ \t]{0,3}\[(?P<label>[^\[\]\n]{1,40})\]:[ \t]*<?(?P<url>[^\s>]+)>?(?:[ \t]+[\"'(][^\n]*)?[ \t]*$\n?")


def _link_shown(text: str, url: str | None) -> str:
    """A link as a reader of the page sees it, with where it leads when that is an address or a mailbox
    (a page's own path, "/u/fj1.pdf", says nothing): "科技创新局邮箱（kjcxj@qxhz.gov.cn）"."""
    if url is None:
        return text
    address = url.removeprefix("mailto:")
    return text if not re.match(r"https?://|www\.|[^@\s]+@", address) or address in text else f"{text}（{address}）"


def _markdown_links(mt: MappedText) -> MappedText:
    defined = {m.group("label").lower(): m.group("url") for m in MD_LINK_DEFINITION.finditer(mt.text)}
    mt = mt.sub(MD_INLINE_LINK, lambda m: _link_shown(m.group("text"), m.group("url")))
    if not defined:
        return mt
    mt = mt.sub(MD_REFERENCE_LINK, lambda m: _link_shown(m.group("text"), defined.get((m.group("label") or m.group("text")).lower()))
                if (m.group("label") or m.group("text")).lower() in defined else m.group(0))
    return mt.sub(MD_LINK_DEFINITION, "")


def clean_text(original: str) -> MappedText:
    mt = MappedText.of(original)
    mt = mt.sub(r"\r\n?", "\n")
    mt, page = source_text(mt)  # a JSON export, an RTF or a web page's source: the text it shows, its lines its own
    mt = merged_fields(mt)  # a mail-merged letter: its «字段» filled from the merge data printed with it
    mt = _set_aside_chrome(mt)
    mt = set_aside_other_items(mt)  # a digest's, a newsletter's or a work plan's items about something else
    mt = read_outline_tree(mt)  # a mind map's tree: each node with the nodes above it
    mt = read_drawn_timelines(mt)  # a drawn timeline: a line per milestone, its date and stage (before wide spaces go)
    mt = break_wall_of_text(mt)  # one wall of text: a line per heading and item (before wide spaces go)
    mt = read_two_columns(mt)  # a page in two columns read row by row: each column whole (before wide spaces go)
    mt = read_form_fields(mt)  # a form's field dump: "label：value" lines
    mt = to_simplified(mt)  # Traditional characters read as Simplified, each in its place
    mt = mt.sub(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]", _fullwidth_alnum)
    mt = mt.sub("„", "〔").sub("‟", "〕")
    # An OCR's letters inside a number ("2O55年", "415O00", "1l月"): the digits they were printed as.
    mt = mt.sub(r"(?<=\d)[OoIl](?=\d)", lambda m: "0" if m.group(0) in "Oo" else "1")
    mt = mt.sub(r"<input\s+type=[\"']checkbox[\"']\s*/?>", "□")  # form check boxes exported as HTML
    mt = mt.sub("\f", "\n")  # (a printout's page break: the next page starts on a line of its own)
    mt = mt.sub(r"[\u00a0\u3000\u2002\u2003\u200b\v]", " ")
    mt = drop_page_furniture(mt)  # "— 2 —" and the running head printed beside it
    mt = drop_printed_heads(mt)  # "XX省科协  文件打印  页码: 2/3" atop every page, "第1页共3页" at its foot
    mt = read_tab_tables(mt)  # a sheet exported with tabs: cells in their columns, merged cells filled, across pages
    mt = read_box_tables(mt)  # a table drawn with box characters: a line per row, wrapped and merged cells whole
    mt = open_drawn_boxes(mt)  # a text flowchart's boxes: their lines, whole
    mt = rebuild_wrapped_tables(mt)  # a PDF's table whose cells wrap: one line per row
    mt = rebuild_aligned_tables(mt)  # columns aligned with spaces: split where the header's columns start
    mt = mt.sub(r"(?m)^ +|[ \t]+$", "")
    mt = textile_marks(mt).sub(MD_HEADING, "").sub(r"(?m)^>[ \t]?", "").sub(r"(?<!\\)\*\*|(?<![_\\])__(?!_)", "")
    mt = mt.sub(EMPHASIS, lambda m: m.group(1))  # "*校内截止*": a chat's bold or a page's italic, the words kept
    mt = mt.sub(MARKUP_ESCAPE, "")  # "chuyingxue\@…", "qfkx\_cx": a markup's escaped character is the character
    mt = _markdown_links(mt)  # "[科技创新局邮箱][mail]" with "[mail]: mailto:…" below: the address where it is named
    # A Markdown table: its rule row goes, its rows lose their outer pipes ("| 榜单 | 名额 |" -> "榜单 | 名额").
    mt = void_rows_dropped(_markdown_edges(mt.sub(MD_TABLE_RULE, "")))  # (and the rows its status column voids)
    mt = mt.sub(r"(?<=\S)\t+(?=\S)", " | ")  # form tables flattened to tab-separated rows
    # Columns a PDF's extraction kept apart with runs of spaces ("先导技术榜        每领域1项   …"): a
    # table's row, when at least two such gaps split the line.
    mt = mt.sub(SPACED_ROW, lambda m: re.sub(r" {3,}", " | ", m.group(0)))
    mt = _drop_running_heads(mt)
    # Stray spaces inside Chinese text: "联 系 人", "丁  波", "2023 年", "组织、 人才".
    mt = mt.sub(rf"(?<=[{CJK}{CJK_PUNCT}]) +(?=[0-9A-Za-z])", "")
    mt = mt.sub(rf"(?<=[0-9A-Za-z]) +(?=[{CJK}{CJK_PUNCT}])", "")
    mt = mt.sub(rf"(?<=[{CJK_PUNCT}]) +(?!\|)", "")  # (a cell's edge " | " stays: "（AI） | 3项")
    mt = mt.sub(rf"(?m)(?<!\|)(?<!^[{re.escape(BULLET_MARKS)}]) +(?=[{CJK_PUNCT}])", "")  # (a bullet keeps its space: "- “科创中国”平台…")
    # Between two single characters ("联 系 人", "祝  翠"), never between words ("秘书处 徐春淼").
    mt = mt.sub(rf"(?<=[{CJK}])(?<![{CJK}][{CJK}]) +(?=[{CJK}](?![{CJK}]))", "")
    mt = mt.sub(r"(?<=\d-) +(?=\d)", "")  # "010- 62174951"
    mt = mt.sub(r" {2,}", " ")
    mt = rebuild_cell_tables(mt)  # a table flattened to one cell per line: its rows, cells split by " | "
    mt = rebuild_column_tables(mt)  # a table read column by column, one cell per line: its rows
    mt = rebuild_csv_tables(mt)  # a spreadsheet's sheet exported as comma-separated rows
    if not page:  # a page's lines are its blocks, never broken ones
        mt = _join_broken_lines(mt)  # leading tabs still mark table cells here
    mt = read_long_tables(mt)  # a table of one fact a row ("字段 | 值"): each row "字段：值" (after the joins)
    mt = read_leader_fields(mt)  # a printed form's "label……value" (after the joins: its lines are its own)
    # A poster's big figure on its own line inside a sentence ("成立不超过" / "10" / "年"): one line. (A figure
    # heading its own caption, "3" / "个推荐名额", stays: the reader reads a caption's lines together.)
    mt = mt.sub(BOUND_THEN_FIGURE, r"\1\2")
    mt = mt.sub(r"(?m)^[ \t]+", "")
    mt = mt.sub(re.compile(BULLET.pattern, re.M), "").sub(LEADING_EMOJI, "").sub(ITEM_LETTER, "")  # "📅 校内截止：…" in a chat-group post
    # "【联系方式】协会秘书处…": a bracketed label is a label ("联系方式：…"), each character kept in place.
    mt = mt.sub(BRACKET_LABEL, "").sub(r"(?m)^([^【】\n：:]{2,10})】", lambda m: m.group(1) + "：")
    mt = mt.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n")
    mt = mt.sub(r"^\n+|\n+$", "")
    return mt


# A record of an export (a chatbot's intent, a knowledge base's entry, a ticket) that says it no longer holds:
# "状态：停用", "备注：本条答复已过期，以意图KC-10为准". Its facts are not the notice's.
RETIRED = re.compile(r"状态\s*[:：]\s*(?:停用|已停用|作废|已作废|失效|已失效|过期|已过期)|本条[^。\n]{0,6}(?:已过期|已失效|已作废|已停用|作废)")
RECORD_RULE = re.compile(r"(?m)^[ \t]*[=\-—_*#~]{3,}[ \t]*$")  # between records


def retired_records(text: str) -> list[tuple[int, int]]:
    """The spans of the records (between rule lines) that say they no longer hold."""
    rules = [m.end() for m in RECORD_RULE.finditer(text)]
    if len(rules) < 2:
        return []  # (a text not divided into records: its "本条…" speaks of one clause, not of the whole)
    cuts = [0, *rules, len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if RETIRED.search(text[a:b])]


# ---------------------------------------------------------------- metadata


def with_overrides(identity: Identity, overrides: dict[str, object] | None) -> Identity:
    """The identity with what staff set in the manifest (issuer, year, kind…); each says it came from there."""
    known = {f.name for f in fields(Identity)}
    values = {k: v for k, v in (overrides or {}).items() if k in known}
    if not values:
        return identity
    if "issuer" in values:
        values["issuer_source"] = IssuerSource.MANIFEST if values["issuer"] else IssuerSource.NONE
    if "year" in values:
        values["year_source"] = str(IssuerSource.MANIFEST)  # "corpus/manifest.yaml", as for the issuer
    return replace(identity, **values)  # type: ignore[arg-type]


def load_manifest(corpus_dir: Path) -> dict[str, dict[str, object]]:
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): dict(v or {}) for k, v in data.items()}


def make_notice(notice_id: str, original: str, overrides: dict[str, object] | None = None) -> Notice:
    clean = clean_text(original)
    if len(clean.text.strip()) < 20:
        raise NoticeError("文件内容过短，不像是一份通知。")
    identity = with_overrides(identify(clean.text), overrides)
    return Notice(
        id=notice_id,
        original=original,
        clean=clean,
        sha256=hashlib.sha256(original.encode("utf-8")).hexdigest(),
        **asdict(identity),
    )


def load_corpus(corpus_dir: Path) -> list[Notice]:
    manifest = load_manifest(corpus_dir)
    notices = []
    for path in sorted(corpus_dir.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        notices.append(make_notice(path.name, original, manifest.get(path.name)))
    return notices
