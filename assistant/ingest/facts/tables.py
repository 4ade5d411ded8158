"""Quotas, deadlines and contacts read from a table by its header: a column headed 名额 holds each
row's quota, one headed 截止 or 时限 each row's deadline, one headed 联系人 or 责任人 (with the phone
columns beside it) each row's contact, for the list (and field) the row names. Tables are lines
of cells split by " | " (tabs, pipes, rebuilt PDF cells and comma-separated rows all come to this,
ingest/notices.py and ingest/layout.py), the first one a header.

Clause reading (quotas.py, schedule.py) needs the words a sentence says a limit or a deadline with
("不超过3个", "…前"); a table's cell says "3个" or "2025年11月3日17:00" and its header says what it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from assistant.ingest.chunking import Line, Section
from assistant.ingest.dates import DATE, parse_date
from assistant.ingest.facts.common import (
    EMAIL,
    PHONE,
    TIME,
    Span,
    find_fields,
    find_list_names,
    make_fact,
    phone_text,
    section_lines,
    spoken_digits,
)
from assistant.ingest.facts.contacts import org_and_persons
from assistant.ingest.facts.quotas import EACH_FIELD, read_limit
from assistant.ingest.facts.schedule import NOTE, date_and_time
from assistant.ingest.layout import CELL
from assistant.ingest.notices import CJK, Notice
from assistant.ingest.textmap import row_cells, spanned_header
from assistant.model import (
    Category,
    ContactFact,
    DeadlineFact,
    DeadlineForm,
    EligibilityFact,
    Fact,
    NoticeKind,
    QuotaFact,
    Role,
    Scope,
    StageFact,
)

QUOTA_HEADER = re.compile(r"名额|限额|数量|推荐数|限报|上限")
DEADLINE_HEADER = re.compile(r"截止|时限|期限")
LIST_HEADER = re.compile(r"榜单|类别|榜")
FIELD_HEADER = re.compile(r"领域|方向")
QUOTA_CELL = re.compile(r"^(?P<each>每个?领域|各领域)?\s*(?:各)?(?:不超过|限报|限推)?\s*(\d{1,3})\s*(个|项|家|人|名)")
DATE_CELL = re.compile(rf"(?P<date>{DATE})\s*{NOTE}\s*{TIME}")
PLATFORM = re.compile(r"平台|线上|系统")
NEW_NOTE = re.compile(r"\s*[（(](?:今年)?(?:新增|新设)(?:领域)?[）)]$")  # "未来产业（新增）": the field is 未来产业
WHOLE_LIST = re.compile(r"不分领域|—|-|/|^$")
LIST_COLUMNS = 2  # list names a header needs to be a table turned on its side
PERSON_ROW = re.compile(r"联系人|负责人|对接人|联络人")
# A row table's columns of whom to contact: one headed by a person starts a contact ("学会责任人",
# "对口初评机构及联系人"); one of phones or e-mails only adds to the contact on its left.
PERSON_COLUMN = re.compile(r"联系人|负责人|责任人|对接人|联络人")
REACH_COLUMN = re.compile(r"电话|手机|联系方式|邮箱|分机|E-?mail", re.I)
# A contact column or cell naming a review body: the list's review contact, not the unit's own.
REVIEW_CELL = re.compile(r"初评|评审|对口|联合体")
PHONE_ROW = re.compile(r"电话|手机")
EXTENSION = re.compile(r"\d{3,5}")
EXTENSION_HEADER = re.compile(r"分机")
EMAIL_ROW = re.compile(r"邮箱|邮件|E-?mail", re.I)


@dataclass(frozen=True)
class Table:
    section: Section
    header: list[str]
    rows: list[Line]
    head: Line  # the header's (first) line
    merged: bool = False  # a numbered spreadsheet's blank cells are merged with the filled one above
    outer: bool = True  # its lines are drawn with outer bars ("| a | b |"), not only between cells

    def column(self, pattern: re.Pattern[str]) -> int | None:
        return next((i for i, h in enumerate(self.header) if pattern.search(h)), None)

    def cells(self, row: Line) -> list[str]:
        """A row's cells, one per header (an export drops a row's empty last cells); in a merged
        table, a blank cell holds what the filled cell above it holds (a remark column aside)."""
        return self._filled.get(row.start) or self._own(row)

    def _own(self, row: Line) -> list[str]:
        cells = row_cells(row.text, self.outer)
        return cells + [""] * (len(self.header) - len(cells))

    @cached_property
    def _filled(self) -> dict[int, list[str]]:
        """Each numbered row's cells with its merged blanks filled (worked out once per table)."""
        if not self.merged:
            return {}
        filled: dict[int, list[str]] = {}
        above: list[str] = [""] * len(self.header)
        for row in self.rows:
            cells = self._own(row)
            if not _numbered_row(cells):
                continue  # a note under the table ("说明： | 1. …"), not one of its numbered rows
            cells = [c or (above[i] if i < len(above) and not REMARK_HEADER.search(self.header[i]) else "")
                     for i, c in enumerate(cells)]
            filled[row.start] = above = cells
        return filled


NUMBER_COLUMN = ("序号", "编号", "No", "No.", "#")
REMARK_HEADER = re.compile(r"备注|说明|附注|^注")
ROW_NUMBER = re.compile(r"\d{1,3}")


def _numbered_row(cells: list[str]) -> bool:
    """A row of a numbered table: its first cell is its number."""
    return bool(cells) and ROW_NUMBER.fullmatch(cells[0]) is not None


def _header_row(cells: list[str]) -> bool:
    """A header's cells are labels: its first holds no figure, and no more than a third of them do
    (a ledger's week columns "W37 9/12" are labels too)."""
    if not cells or re.search(r"\d", cells[0]):
        return False
    figured = sum(bool(re.search(r"\d", c)) for c in cells)
    return figured * 3 <= len(cells) or cells[0] in NUMBER_COLUMN  # a numbered table's header names its columns


def _outer(line: Line) -> bool:
    return line.text.strip().startswith(("|", "│", "┃"))


def _second_header(head: list[str], line: Line, outer: bool) -> list[str] | None:
    """A spreadsheet's second header row under merged header cells ("推荐名额 |  | 时间节点 |  |" over
    " |  |  | 科协规定 | 校内上限 | 学院报送截止 | …"): its first cell is empty and its cells are
    labels. The header it makes: each lower label under the upper one it stands below, an upper
    cell left empty belonging to the merged cell on its left ("推荐名额/校内上限")."""
    lower = row_cells(line.text, outer)
    lower += [""] * (len(head) - len(lower))
    if lower[0] or not any(lower) or any(re.search(r"\d", c) for c in lower):
        return None
    merged, upper = [], ""
    for top, below in zip(head, lower, strict=False):
        upper = top or (upper if below else "")
        merged.append(f"{upper}/{below}" if upper and below else upper or below)
    return merged


def _numbered(head: list[str], rows: list[Line], outer: bool) -> bool:
    """A numbered table ("序号 | 榜单 | …" over "1 | 先导技术榜 | …"): a row whose number stands
    beside a blank name cell is one of a merged block, not a wrapped line."""
    cells = [c for c in (row_cells(r.text, outer) for r in rows) if _numbered_row(c)]
    return head[0] in NUMBER_COLUMN and len(cells) * 3 >= len(rows) * 2 and any(len(c) > 1 and not c[1] for c in cells)


def tables(notice: Notice) -> Iterator[Table]:
    """Each run of " | " lines with one cell count, its first line a header (no digits), and its
    second too where header cells were merged over two rows."""
    run: list[Line] = []
    head: list[str] = []  # the run's first line's cells
    section: Section | None = None
    for sec, line in [*section_lines(notice), (None, None)]:
        cells = row_cells(line.text) if line is not None and CELL in line.text else None
        # (A row may be shorter than the header by its empty last cells, as a spreadsheet exports it;
        # its bars still count them: "2 | | 生物医药 | 4个 | | | |" is a row of a merged block.)
        if cells and run and sec is section and len(head) // 2 < max(len(cells), line.text.count("|") + 1) \
                and len(cells) <= len(head):
            run.append(line)
            continue
        if len(run) >= 3 and section is not None and _header_row(head):
            outer = _outer(run[0])
            two = _second_header(head, run[1], outer)
            header, rows = (two, run[2:]) if two else (head, run[1:])
            if header[0] in NUMBER_COLUMN:
                # A numbered table ends with its last numbered row: the notes under it ("说明： | 1. …") are not rows.
                numbered = [i for i, r in enumerate(rows) if _numbered_row(row_cells(r.text, outer))]
                rows = rows[: numbered[-1] + 1] if numbered else rows
            yield Table(section, header, rows, run[0], merged=_numbered(header, rows, outer), outer=outer)
        run, head, section = ([line], cells, sec) if cells else ([], [], None)


# A work plan's table: a row per stage, its dates in a column ("工作阶段 | 责任人 | 起止").
STAGE_HEADER = re.compile(r"阶段|环节|事项|节点|工作内容|任务")
WHEN_HEADER = re.compile(r"起止|时间|日期|时限|期限|截止")
# A day written month/day ("10/31", "9/19–10/31", "◆11/22"): a ledger's short form, its year the notice's.
SLASH_DAY = re.compile(r"(?<![\d/.])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/])")
SUBMITTING = re.compile(r"报名|申报(?!辅导|培训|动员)|提交|报送|上传|推荐确认|确认推荐|截止")


def _stage_rows(notice: Notice, table: Table) -> list[Fact]:
    """A work plan's rows whose dates are written month/day: each stage and, for a stage that hands
    something in (报名, 提交, 推荐…), its last day as a deadline. (Full dates are read as any clause's.)"""
    stage_at, when_at = table.column(STAGE_HEADER), table.column(WHEN_HEADER)
    if stage_at is None or when_at is None or stage_at == when_at or notice.year is None:
        return []
    facts: list[Fact] = []
    for row in table.rows:
        cells = table.cells(row)
        stage, when = cells[stage_at], cells[when_at]
        days = [(int(m.group(1)), int(m.group(2))) for m in SLASH_DAY.finditer(when)]
        if not stage or not days or re.search(DATE, when):
            continue
        span = Span(row.start, row.end, row.text, table.section)
        period = "—".join(f"{month}月{day}日" for month, day in days[:2])
        facts.append(make_fact(notice, StageFact, span, value=period, stage=stage, period=period))
        if SUBMITTING.search(stage):
            month, day = days[-1]
            facts.append(make_fact(notice, DeadlineFact, span, value=f"{notice.year}-{month:02d}-{day:02d}",
                                   date=f"{notice.year}-{month:02d}-{day:02d}", time="", written=f"{month}/{day}",
                                   action=stage, stage=stage,
                                   scope=Scope.INTERNAL if notice.kind != NoticeKind.ORIGINAL else Scope.STAGE,
                                   category=Category.SUBMISSION, form=DeadlineForm.BEFORE))
    return facts


def extract_table_facts(notice: Notice, list_names: list[str], field_names: list[str]) -> list[Fact]:
    facts: list[Fact] = []
    for table in tables(notice):
        facts += _stage_rows(notice, table)
        columns = _list_columns(table, list_names)
        if columns:
            facts += _column_facts(notice, table, columns, field_names)
            continue
        quota_at, deadline_at = table.column(QUOTA_HEADER), table.column(DEADLINE_HEADER)
        reach = _contact_columns(table)
        if quota_at is None and deadline_at is None and not reach:
            continue
        list_at, field_at = table.column(LIST_HEADER), table.column(FIELD_HEADER)
        for row in table.rows:
            cells = table.cells(row)
            lists = find_list_names(cells[list_at] if list_at is not None else row.text, list_names)
            span = Span(row.start, row.end, row.text, table.section)
            if not lists:  # "综合协调（秘书处） | — | 黎国栋 | …": a contact for what its first cell names
                facts += _row_contacts(notice, table, span, cells, reach, [], [], label=cells[list_at or 0])
                continue
            if field_at is not None:
                # The field column names the row's field, in words the notice's field list may not have.
                field_cell = cells[field_at]
                named = find_fields(field_cell, field_names)
                # A cell naming a list ("技术经理人领航榜", "先导技术榜（装备制造）") names no other field.
                fields = [] if WHOLE_LIST.search(field_cell) else (
                    named or ([] if find_list_names(field_cell, list_names) else [NEW_NOTE.sub("", field_cell)]))
            else:  # "先导技术榜（电子信息、人工智能） | 每个领域3项": the fields the list's cell names
                fields = _cell_fields(cells[list_at] if list_at is not None else cells[0], field_names)
            facts += _row_quotas(notice, table, row, span, cells, lists[:1], fields)
            if deadline_at is not None and (d := _deadline(notice, span, cells[deadline_at], table.header[deadline_at],
                                                            lists[:1], fields)):
                facts.append(d)
            facts += _row_contacts(notice, table, span, cells, reach, lists, fields)
            facts += _stage_cells(notice, table, span, cells, lists, fields, deadline_at)
    return facts


# A column of a stage's dates ("时间节点/科研院评审 | 11月10日—11月12日"): when that stage is, per row.
STAGE_COLUMN = re.compile(r"评审|公示|答辩|审核|初审|复审|遴选|推荐确认|论证")
STAGE_DAYS = re.compile(r"\d{1,2}月\d{1,2}日(?:\s*[—–\-~至到]\s*(?:\d{1,2}月)?\d{1,2}日)?")


def _stage_cells(notice: Notice, table: Table, span: Span, cells: list[str], lists: list[str], fields: list[str],
                 deadline_at: int | None) -> list[Fact]:
    facts: list[Fact] = []
    for i, header in enumerate(table.header):
        leaf = header.rsplit("/", 1)[-1]
        if i == deadline_at or i >= len(cells) or not STAGE_COLUMN.search(leaf) or DEADLINE_HEADER.search(leaf):
            continue
        days = STAGE_DAYS.search(cells[i])
        if days:
            facts.append(make_fact(notice, StageFact, span, value=days.group(0), lists=lists, fields=fields,
                                   stage=leaf, period=days.group(0)))
    return facts


def contact_rows(notice: Notice, list_names: list[str]) -> list[tuple[int, int]]:
    """Where (in the clean text) the rows of the tables whose contacts are read by their header lie
    (as extract_table_facts tells them): contacts.py does not read them again as lines or clauses."""
    return [(row.start, row.end) for table in tables(notice)
            if not _list_columns(table, list_names) and _contact_columns(table) for row in table.rows]


OFFICE_COLUMN = re.compile(r"部门|处室|科室|单位|机构")


def _contact_columns(table: Table) -> list[list[int]]:
    """The columns of each contact a row holds: a person's column, with the phone and e-mail columns
    right of it (before the next person's)."""
    groups: list[list[int]] = []
    for i, header in enumerate(table.header):
        if "/" in header and REACH_COLUMN.search(header.rsplit("/", 1)[1]) and groups:
            groups[-1].append(i)  # "校内联系人/分机" under a merged header: the person's on its left
        elif PERSON_COLUMN.search(header):
            groups.append([i])
        elif REACH_COLUMN.search(header) and groups:
            groups[-1].append(i)
    return groups


def _office_of(table: Table, cells: list[str], person: int) -> str:
    """The office a row's person works in, from the column just left of theirs that names offices
    ("事项 | 部门 | 联系人 | 电话": "会员部")."""
    k = person - 1
    if k >= 0 and k < len(cells) and OFFICE_COLUMN.search(table.header[k]) and not PERSON_COLUMN.search(table.header[k]):
        return cells[k].strip()
    return ""


def _row_contacts(notice: Notice, table: Table, span: Span, cells: list[str], groups: list[list[int]],
                  lists: list[str], fields: list[str], label: str = "") -> list[Fact]:
    """Each contact a row's contact columns give, for the row's list and field: the person and the
    body their cell names, the phones and e-mails of their columns."""
    label = label or "、".join(lists) + (f"（{'、'.join(fields)}）" if fields else "")  # what the contacts are for
    facts: list[Fact] = []
    for group in groups:
        text = " ".join(cells[i] for i in group if i < len(cells))
        phones = [phone_text(p.group(0)) for p in PHONE.finditer(spoken_digits(text))]
        # An extension in its own column ("分机 | 6284"): the number as the notice gives it.
        phones += [f"分机{cells[i]}" for i in group if i < len(cells) and EXTENSION.fullmatch(cells[i])
                   and EXTENSION_HEADER.search(table.header[i])]
        emails = [e.group(0) for e in EMAIL.finditer(text)]
        if not (phones or emails):
            continue
        org, persons = org_and_persons(text)
        org = org or _office_of(table, cells, group[0]) or _bracketed_body(cells[0])
        column = table.header[group[0]]
        # (A review body's contact: so its column says, or its body, or the row's name: "新锐企业榜（初评机构）".)
        review = bool(REVIEW_CELL.search(column) or REVIEW_CELL.search(org) or REVIEW_CELL.search(cells[0])) \
            or notice.kind == NoticeKind.ORIGINAL
        facts.append(make_fact(notice, ContactFact, span, value="、".join(persons) or "、".join(phones), lists=lists,
                               fields=fields, header=label, body=org, org=org, persons=persons, phones=phones,
                               phone_labels=dict.fromkeys(phones, "电话"), emails=emails,
                               role=Role.REVIEW if review else Role.SOCIETY))
    return facts


ROLE_ONLY = re.compile(r"^(?:初评|评审|终评)?(?:机构|单位|部门)?$")


def _bracketed_body(name: str) -> str:
    """The body a row's name cell gives in brackets ("技术经理人先锋榜初评（国际技术转移服务联盟）"), not a role
    ("新锐企业榜（初评机构）")."""
    inner = re.search(r"[（(]([^（）()]{2,30})[）)]\s*$", name)
    return inner.group(1).strip() if inner and REVIEW_CELL.search(name[: inner.start()] + inner.group(1)) \
        and not ROLE_ONLY.match(inner.group(1).strip()) and not find_fields(inner.group(1), []) and "领域" not in inner.group(1) else ""


def _cell_fields(cell: str, field_names: list[str]) -> list[str]:
    """The fields a list's cell names in its brackets ("先导技术榜（电子信息、人工智能）"): those the
    notices' field list knows, and a new one as the cell writes it (a round's new field)."""
    inner = re.search(r"[（(]([^）)]+)[）)]", cell)
    return _named_fields(inner.group(1), field_names) if inner else find_fields(cell, field_names)


def _named_fields(text: str, field_names: list[str]) -> list[str]:
    """The fields a list of them names ("电子信息、空天海洋领域及产业基础专项"): those the notices'
    field list knows, then each other short name as written (a round's new field)."""
    named = find_fields(text, field_names)
    for piece in re.split(r"[、，,/]|及|和", text):
        piece = re.sub(r"领域$", "", NEW_NOTE.sub("", piece).strip())
        if re.fullmatch(r"[\u4e00-\u9fff]{2,8}", piece) and not find_fields(piece, field_names) and piece not in named:
            named.append(piece)
    return named


def _list_columns(table: Table, list_names: list[str]) -> list[str] | None:
    """"项目 | 先导技术榜 | 新锐企业榜 | …": a table turned on its side, the lists as its columns and
    what is said of them (名额, 截止, 联系人…) as its rows. The list each column is for, "" for none;
    an empty header cell right of a list's is that list's too, its header cell merged over both
    ("先导技术榜 |  | 新锐企业榜": two columns of 先导技术榜, told apart by the fields they cover)."""
    named = [(find_list_names(h, list_names) or [""])[0] for h in spanned_header(table.header)[1:]]
    return named if len({n for n in named if n}) >= LIST_COLUMNS else None


# A turned table's rows: the fields each column covers, the office that receives its candidates.
SCOPE_ROW = re.compile(r"^(?:适用|申报|覆盖|所属)?(?:范围|领域|方向)$")  # (not "推荐名额（每个领域）")
OFFICE_ROW = re.compile(r"受理|部门|处室|科室")
# A remark that sets a condition ("须为…在库企业", "满3年", "2058年1月1日之后").
CONDITION_CELL = re.compile(r"须|应当|满\d|不少于|不低于|不超过\d+年|之前|之后|以后|以前")


def _cell_span(row: Line, cells: list[str], j: int, section: Section) -> Span:
    """The j-th cell of a row as a span of its own (a turned table's cell says one list's value)."""
    at = row.start
    for k, cell in enumerate(cells[: j + 1]):
        found = row.text.find(cell, at - row.start) if cell else -1
        if found < 0:
            continue
        if k == j:
            return Span(row.start + found, row.start + found + len(cell), cell, section)
        at = row.start + found + len(cell)
    return Span(row.start, row.end, row.text, section)


def _column_facts(notice: Notice, table: Table, columns: list[str], field_names: list[str]) -> list[Fact]:
    """Each list column's quota, deadline and contact, read row by row; a quota or a deadline cites its
    cell, a contact the table from its header to its last row. A list over two columns (its header
    merged) has each column's fields, from the row that says what each column covers."""
    facts: list[Fact] = []
    scope = next((table.cells(r) for r in table.rows if SCOPE_ROW.search(table.cells(r)[0])), None)
    for j, name in enumerate(columns, start=1):
        if not name:
            continue
        fields = _named_fields(scope[j], field_names) if scope and columns.count(name) > 1 and len(scope) > j else []
        persons: list[str] = []
        phones: list[str] = []
        emails: list[str] = []
        office = ""
        last: Line | None = None
        for row in table.rows:
            cells = table.cells(row)
            if len(cells) <= j:
                continue
            what, value = cells[0], cells[j]
            span = _cell_span(row, cells, j, table.section)  # the cell says it; the header says for which list
            if QUOTA_HEADER.search(what):
                facts += _quota_parts(notice, span, [name], fields or find_fields(value, field_names))
            elif DEADLINE_HEADER.search(what) and (d := _deadline(notice, span, value, what, [name], fields)):
                facts.append(d)
            elif PERSON_ROW.search(what):
                persons += [p for p in re.split(r"[、，,/\s]+", value) if re.fullmatch(rf"[{CJK}·]{{2,4}}", p)]
                last = row
            elif PHONE_ROW.search(what):
                phones += [phone_text(p.group(0)) for p in PHONE.finditer(spoken_digits(value))]
                last = row
            elif EMAIL_ROW.search(what):
                emails += [e.group(0) for e in EMAIL.finditer(value)]
                last = row
            elif OFFICE_ROW.search(what) and re.fullmatch(rf"[{CJK}（）()]{{2,20}}", value):
                office = value
            elif REMARK_HEADER.search(what) and CONDITION_CELL.search(value):
                # "备注 | … | 须在云屏市登记注册，或在云屏市设立实体运营机构满1年": the column's list's conditions.
                stated = [c.strip() for c in re.split(r"[；;。]", value) if c.strip()]
                facts.append(make_fact(notice, EligibilityFact, span, value=name, lists=[name], fields=fields,
                                       conditions=stated, exclusions=[], heading=what, from_prose=True))
        if last is not None and (phones or emails):
            span = Span(table.head.start, last.end, notice.text[table.head.start : last.end], table.section)
            role = Role.SOCIETY if notice.kind != NoticeKind.ORIGINAL else Role.REVIEW
            facts.append(make_fact(notice, ContactFact, span, value="、".join(persons) or "、".join(phones), lists=[name],
                                   fields=fields, header=name + (f"（{'、'.join(fields)}）" if fields else ""),
                                   body=office, org=office, persons=persons, phones=phones,
                                   phone_labels=dict.fromkeys(phones, "电话"), emails=emails, role=role))
    return facts


def _quota_parts(notice: Notice, cell: Span, lists: list[str], fields: list[str]) -> list[Fact]:
    """A turned table's quota cell, which may set a limit for each party ("市科协推荐不超过2个，
    各区（县）报送不超过1个"): each limit with its own words, or the cell's one figure ("4家")."""
    facts: list[Fact] = []
    at = 0
    for piece in re.split(r"(?<=[，,；;])", cell.text):
        part = piece.rstrip("，,；; ")
        span = Span(cell.start + at, cell.start + at + len(part), part, cell.section)
        at += len(piece)
        limit = read_limit(part)
        if limit is not None:
            number, unit, subject = limit
            facts.append(make_fact(notice, QuotaFact, span, value=f"{number}{unit}", lists=lists, fields=fields,
                                   number=number, unit=unit, per_field=bool(fields or EACH_FIELD.search(part)),
                                   per_person=False, in_principle="原则上" in part, subject=subject))
    if facts:
        return facts
    q = _quota(notice, cell, cell.text, lists, fields)
    return [q] if q else []


def _row_quotas(notice: Notice, table: Table, row: Line, span: Span, cells: list[str], lists: list[str],
                fields: list[str]) -> list[Fact]:
    """A row's quota: its quota column's cell, the row cited. A row with several quota columns sets a
    limit for each party its header names ("全市推荐上限 | 各区县科协报送上限"): each cell cited alone,
    with its header."""
    at = [k for k, h in enumerate(table.header) if QUOTA_HEADER.search(h) and k < len(cells)]
    if len(at) == 1:
        q = _quota(notice, span, cells[at[0]], lists, fields)
        return [q] if q else []
    facts: list[Fact] = []
    for k in at:
        q = _quota(notice, _cell_span(row, cells, k, table.section), cells[k], lists, fields)
        if isinstance(q, QuotaFact):
            q.column = table.header[k].strip()
            facts.append(q)
    return facts


def _quota(notice: Notice, span: Span, cell: str, lists: list[str], fields: list[str]) -> Fact | None:
    """A quota cell ("每个领域不超过3项", "4家") for the row's or the column's list."""
    m = QUOTA_CELL.match(cell)
    if m is None:
        return None
    number, unit = int(m.group(2)), m.group(3)
    return make_fact(notice, QuotaFact, span, value=f"{number}{unit}", lists=lists, fields=fields, number=number, unit=unit,
                     per_field=bool(fields or m.group("each")), per_person=False, in_principle=False, subject="")


def _deadline(notice: Notice, span: Span, cell: str, header: str, lists: list[str], fields: list[str]) -> Fact | None:
    m = DATE_CELL.search(cell)
    if m is None or parse_date(m.group("date")) is None:  # a calendar day, as written
        return None
    iso, when = date_and_time(m, notice.year)
    platform = bool(PLATFORM.search(header))
    scope = Scope.PLATFORM if platform else (Scope.INTERNAL if notice.kind != NoticeKind.ORIGINAL else Scope.STAGE)
    return make_fact(notice, DeadlineFact, span, value=f"{iso} {when}".strip(), lists=lists, fields=fields, date=iso,
                     time=when, written=m.group(0), action=header, stage="", scope=scope,
                     category=Category.SUBMISSION, form=DeadlineForm.CUTOFF)
