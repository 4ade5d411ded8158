"""A layout's leftovers in text: the page furniture between a PDF's pages (page numbers, the running
head repeated under each of them), tables a PDF flattened to one cell per line, and a spreadsheet's
sheets exported as comma- or tab-separated rows (their merged cells read as the sheet shows them). Each is undone on the MappedText, so every quote still maps
back to the original."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.columns import (
    IN_FORCE_COLUMN,
    NOT_IN_FORCE,
    ROW_NUMBER_CELL,
    UNMERGED_COLUMN,
    long_header,
)
from assistant.ingest.identity import DOC_NUMBER
from assistant.ingest.inforce import VOID_STATUS
from assistant.ingest.textmap import CELL, HEADER_CELL, MappedText, TextLine, names_columns, text_lines

PAGE_NUMBER = re.compile(r"^[ \t]*(?:[—\-–]+[ \t]*\d{1,3}[ \t]*[—\-–]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?)[ \t]*$")
# A running head is short and no sentence: "中国智能传感学会", "XX大学科研院文件".
HEAD_LIKE = re.compile(r"^[^。；;，,：:！？!?]{2,30}$")
# The words a table's header cells are made of.
# A column whose header names a phone holds one in every row: a row whose does not is misaligned.
PHONE_COLUMN = re.compile(r"电话|手机|联系方式")
PHONE_CELL = re.compile(r"\d[\d\- /]{5,}\d")
MIN_COLUMNS = 3
MIN_ROWS = 2


def drop_page_furniture(mt: MappedText) -> MappedText:
    """Page numbers ("— 2 —", "第2页 共5页") and the running head printed beside each of them: a short
    line found next to two page numbers or more, or next to one and heading the first page as well.
    The first page's letterhead itself stays (it names the issuer)."""
    lines = text_lines(mt.text)
    filled = [i for i, line in enumerate(lines) if line.bare]
    if not filled:
        return mt
    pages = {i for i in filled if PAGE_NUMBER.match(lines[i].text)}
    if not pages:
        return mt
    order = {i: n for n, i in enumerate(filled)}
    beside: dict[str, set[int]] = {}
    for i in pages:
        for step in (-1, 1):
            n = order[i] + step
            if 0 <= n < len(filled) and filled[n] not in pages and HEAD_LIKE.match(GAP.sub(" ", lines[filled[n]].bare)):
                beside.setdefault(lines[filled[n]].bare, set()).add(filled[n])
    first = filled[0]
    drop = set(pages)
    for text, where in beside.items():
        # Beside two page numbers, or one when it is the first page's head again or carries the
        # document's number ("华夏装备集团科协      华装科协〔2033〕9号" atop page 2).
        if len(where) >= 2 or text == lines[first].bare or DOC_NUMBER.search(text):
            drop |= where - {first}
    return mt.splice([(lines[i].start, lines[i].end, "") for i in sorted(drop)])


# A page mark inside a printout's running head or foot: "页码: 2/3", "第2页共3页", "Page 2 of 3".
PAGE_MARK = re.compile(r"页码\s*[:：]?\s*\d+\s*/\s*\d+|第\s*\d+\s*页\s*[/，,]?\s*共\s*\d+\s*页|Page\s+\d+\s+of\s+\d+", re.I)


def drop_printed_heads(mt: MappedText) -> MappedText:
    """A printout's running head and foot ("XX省科协  文件打印  页码: 2/3  打印时间: …", "操作员: …  第1页共3页"):
    a line holding a page mark that recurs, its figures aside, on other pages. Every repeat goes; the first
    page's head stays (it names the issuer), its foot goes too."""
    lines = text_lines(mt.text)
    shapes = Counter(re.sub(r"\d+", "0", line.bare) for line in lines if line.bare and PAGE_MARK.search(line.bare))
    recurring = {shape for shape, n in shapes.items() if n >= 2}
    if not recurring:
        return mt
    seen: set[str] = set()
    cuts = []
    for line in lines:
        shape = re.sub(r"\d+", "0", line.bare) if line.bare else ""
        if shape in recurring:
            if shape in seen or line.start > len(mt.text) // 4:  # (a foot, or a head after the first page's)
                cuts.append((line.start, line.end, ""))
            seen.add(shape)
    return mt.splice(cuts)


# A text flowchart's drawing: boxes of ┌─┐│└─┘, the arrows between them. A line of drawing only goes;
# a boxed line loses its frame; a boxed line indented under the one above continues it (the box wrapped it).
DRAWING_LINE = re.compile(r"(?m)^[ \t]*(?=[┌└├┏┗┣╔╚╠─━═┬┴┼↓↑→←▼▲⬇│┃║])[┌┐└┘├┤┬┴┼┏┓┗┛┣┫╔╗╚╝╠╣─━═↓↑→←▼▲⬇│┃║ \t]*$")
BOX_WRAP = re.compile(r"[ \t]*[│┃║][ \t]*\n[ \t]*[│┃║][ \t]{2,}")
BOX_EDGE = re.compile(r"(?m)^[ \t]*[│┃║][ \t]?|[ \t]*[│┃║][ \t]*$")


def open_drawn_boxes(mt: MappedText) -> MappedText:
    """A flowchart drawn in text: its boxes' lines as lines of text, a box's wrapped line whole again
    ("…将《学院   │ / │    推荐汇总表》…" -> "…将《学院推荐汇总表》…"), the drawing itself gone."""
    if not re.search(r"[┌└╔┏][─━═]", mt.text):
        return mt
    return mt.sub(DRAWING_LINE, "").sub(BOX_WRAP, "").sub(BOX_EDGE, "")


# A page set in two columns (a poster, a photographed board) transcribed line by line: the left
# column's line and the right column's side by side, a run of spaces between them, the right one
# starting at the same display column on every line.
COLUMN_GAP = re.compile(r"(?<=\S) {2,}(?=[^ \n])")  # (the right column may open with wide spaces)
MIN_SPLIT = 30  # display columns: a right column starts at least this far in
MIN_COLUMN_LINES = 6  # lines split at that column for a block to be read as two columns
LONG_RUN = 50  # lines of a run that splits at one column but is no page's two columns
FILLED_LEFT = 0.8  # share of its width most lines of a page's column run to


def _split_at(line: str) -> tuple[int, int] | None:
    """Where a line's right half starts after a run of spaces: its display column and its offset."""
    column, at = 0, 0
    for m in COLUMN_GAP.finditer(line):
        column += display_width(line[at : m.end()])  # (running: a long line's gaps are measured once)
        at = m.end()
        if column >= MIN_SPLIT:
            return column, m.end()
    return None


def _halves(line: str, column: int) -> tuple[str, int] | None:
    """A line of a two-column block as (left text, offset the right text starts at), or None when
    it runs across both columns."""
    split = _split_at(line)
    if split is not None and abs(split[0] - column) <= 2:
        return line[: split[1]].rstrip(), split[1]
    text = line.rstrip()
    if display_width(text) <= column:
        return text, len(text)
    indent = len(text) - len(text.lstrip())
    if display_width(text[:indent]) >= column - 2:
        return "", indent
    return None


def _page_column(lefts: list[str]) -> bool:
    """Whether the left halves of a block's split lines are a page's column: enough of them, no gap
    inside any (a table's row has gaps between its cells), and most filled to one width (a column's
    text is wrapped at its edge; a table's cells are as long as what they hold)."""
    if len(lefts) < MIN_COLUMN_LINES or any(GAP.search(left) for left in lefts):
        return False
    widths = [display_width(left) for left in lefts]
    return sum(w >= FILLED_LEFT * max(widths) for w in widths) * 2 >= len(widths)


def read_two_columns(mt: MappedText) -> MappedText:
    """A page set in two columns and transcribed row by row, each line the left column's text, a run
    of spaces, then the right column's: within a run of lines where many split at one display column
    and the left halves fill their column, the left column's lines come first, then the right's, so
    each column reads as the text it is. The run ends at a line across both columns."""
    lines = text_lines(mt.text)
    moves: list[tuple[int, int, list[tuple[int, int] | str]]] = []
    i = 0
    while i < len(lines):
        split = _split_at(lines[i].text)
        if split is None:
            i += 1
            continue
        column = split[0]
        halves: list[tuple[str, int]] = []
        while i + len(halves) < len(lines) and (half := _halves(lines[i + len(halves)].text, column)) is not None:
            halves.append(half)
        block = lines[i: i + len(halves)]
        split_lefts = [left.strip() for (left, at), line in zip(halves, block, strict=True)
                       if at < len(line.text.rstrip()) and left.strip()]
        if not _page_column(split_lefts):
            # (a long run rejected is not tried again from each of its lines: that took minutes on thousands)
            i += len(halves) if len(halves) > LONG_RUN else 1
            continue
        left: list[tuple[int, int] | str] = []
        right: list[tuple[int, int] | str] = []
        for (head, at), line in zip(halves, block, strict=True):
            tail = line.text[at:].rstrip()
            if head.strip():
                left += [(line.start, line.start + len(head)), "\n"]
            if tail.strip():
                right += [(line.start + at, line.start + at + len(tail)), "\n"]
        moves.append((block[0].start, block[-1].end, [*left, "\n", *right]))
        i += len(halves)
    for start, end, parts in reversed(moves):
        mt = mt.rearranged(start, end, parts)
    return mt


# A fillable form's fields exported one a line ("字段名: 推荐单位联系人 | 值: 严若岚", "下拉: 申报榜单 |
# 选项: A/B | 值: A"): each is its label and value, as a form's printed "label：value" would be.
FORM_FIELD = re.compile(r"(?m)^[ \t]*(?:字段名|字段|下拉|下拉框|文本框|域名)[ \t]*[:：][ \t]*(?P<label>[^|\n]+?)[ \t]*"
                        r"(?:\|[ \t]*选项[ \t]*[:：][ \t]*(?P<options>[^|\n]*?)[ \t]*)?\|[ \t]*值[ \t]*[:：][ \t]*(?P<value>[^\n]*)$")


# Its check boxes ("复选框[√] 成长期") as the marks a printed form has, and its printed text's tag gone.
FIELD_STATE = re.compile(r"[（(](?:只读|必填|选填|可选|已锁定|不可编辑)[）)]")  # the field's state, not its value
CHECK_BOX = re.compile(r"复选框[ \t]*\[[ \t]*([√✓✔xX×]?)[ \t]*\][ \t]*")
PRINTED_TAG = re.compile(r"(?m)^[ \t]*\[(?:固定文本|静态文本|印刷文字|说明文字)\][ \t]*")


def read_form_fields(mt: MappedText) -> MappedText:
    """A form's field dump: each field's line as "label：value。" (a drop-down's choices after it in
    brackets; a field is a line of its own, never the start of the next), its check boxes as ☑/☐."""
    if not FORM_FIELD.search(mt.text):
        return mt

    def field(m: re.Match[str]) -> str:
        options = f"（选项：{m.group('options')}）" if m.group("options") else ""
        value = FIELD_STATE.sub("", m.group("value")).strip()
        return f"{m.group('label')}：{value}{options}。"

    return mt.sub(FORM_FIELD, field).sub(CHECK_BOX, lambda m: "☑ " if m.group(1) else "☐ ").sub(PRINTED_TAG, "")


# A printed form's or leaflet's field: its label and value joined by dot leaders or a line to write on
# ("联系人…………………钱启明", "截止时间______2066年11月9日17:00"). Longer than one Chinese ellipsis ("……"); a
# contents page's leaders before a page number, and a blank still to fill in, are no field's value.
LEADERS = re.compile(r"[ \t]*(?:…{3,}|\.{4,}|·{4,}|_{3,}|＿{2,}|－{3,}|-{4,})[ \t]*")
LEADER_FIELD = re.compile(r"(?m)(?<=[^\s…\.·_＿－:：-])" + LEADERS.pattern + r"(?=[^\s…\.·_＿－-])(?!\d{1,3}[ \t]*$)")


def read_leader_fields(mt: MappedText) -> MappedText:
    """A form's "label……value" fields as "label：value", two on a line each its own."""
    return mt.sub(LEADER_FIELD, "：")


# A spreadsheet's rows exported with tabs or commas: a merged cell's value is written once, in its first row
# (columns.py says which columns' blanks never are).


def merged_down(values: list[str], above: list[str], header: list[str], empty: frozenset[int]) -> list[str]:
    """A row's cells as the sheet shows them: a blank cell before the row's last filled one is a
    merged cell exported into its first row only, and takes the value of the cell above (remarks
    and a form's column to fill in excepted; a row number is never merged). A column blank in the
    sheet's first row (`empty`, empty_columns) has cells left empty, not merged: a merged cell's
    value is written in its first row, so no merge leaves the first row blank (a long export's
    "名额 | | 叠加规则" row applies to no list, not to the list of the row above)."""
    last = max((n for n, v in enumerate(values) if v), default=-1)
    return [above[n] if not v and n < last and n < len(above) and above[n] and n < len(header) and n not in empty
            and not UNMERGED_COLUMN.search(header[n]) and not ROW_NUMBER_CELL.match(header[n]) else v
            for n, v in enumerate(values)]


def empty_columns(first_row: list[str], header: list[str]) -> frozenset[int]:
    """The columns whose blanks are never merged cells: those blank in a sheet's first row below its
    header, and every column of a long export (a records system writes each fact's row whole)."""
    if long_header(header) is not None:
        return frozenset(range(max(len(header), len(first_row))))
    return frozenset(n for n, v in enumerate(first_row) if not v)


def _tab_header(line: str) -> list[str] | None:
    """A sheet's header: short labels in every column (a form's row, "技术团队基本情况\t联系人\t\t电话",
    leaves blanks to fill between its labels)."""
    cells = [c.strip() for c in line.rstrip().split("\t")]
    if len(cells) >= MIN_COLUMNS and all(cells) and sum(bool(HEADER_CELL.search(c)) for c in cells) >= 2 \
            and all(len(c) <= 12 for c in cells):
        return cells
    return None


def _tab_row(line: str) -> bool:
    """A sheet's row: at least two cells filled (a form's "\t请阐述每一段工作经历…\t\t" is one field's prompt)."""
    return "\t" in line and sum(bool(c.strip()) for c in line.split("\t")) >= 2


def _tab_run(lines: list[TextLine], i: int, header: list[str]) -> tuple[list[int], int]:
    """The lines of the tab table headed at line i, the header first, and the line after its last: its
    rows, across a page break (blank lines where the page's furniture was, then its header repeated
    atop the next page)."""
    rows, j = [i], i + 1
    while j < len(lines):
        if _new_header(lines[j].text, header):
            break  # a second table under the first, with a header of its own
        if _tab_row(lines[j].text):
            rows.append(j)
            j += 1
            continue
        k = j
        while k < len(lines) and not lines[k].bare:
            k += 1
        if k + 1 < len(lines) and _tab_header(lines[k].text) == header and _tab_row(lines[k + 1].text):
            j = k + 1  # the header repeated on the next page: not a row
            continue
        break
    return rows, j


def _new_header(line: str, header: list[str]) -> bool:
    """Another table's header under the first one's rows (not the header repeated)."""
    cells = _tab_header(line)
    return cells is not None and cells != header and names_columns(cells)


def _broken(before: list[str], values: list[str], width: int) -> bool:
    """A row the page break cut in two: the part after it starts with blanks, and the two parts'
    filled cells make one row's worth."""
    filled = [v for v in before if v]
    return not values[0] and len(filled) < width and len(filled) + sum(1 for v in values if v) == width


def read_tab_tables(mt: MappedText) -> MappedText:
    """A table exported with tabs under a header row: its cells split by " | " in their places (an
    empty cell keeps its column: "\t\t产业基础" is not a row of 产业基础 as its college), a merged
    cell's blanks read as the sheet shows them (merged_down). A table across a page break is one: the
    header repeated atop the next page goes, and a row the break cut in two is joined."""
    text = mt.text
    lines = text_lines(text)
    cuts: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        header = _tab_header(lines[i].text)
        if header is None:
            i += 1
            continue
        run, j = _tab_run(lines, i, header)
        if len(run) - 1 < MIN_ROWS:
            i = j
            continue
        above: list[str] = []
        empty: frozenset[int] = frozenset()
        previous = None
        in_force, remark = _status_column(header), _remark_column(header)
        for n in run:
            line = lines[n]
            cells = line.text.split("\t")
            values = [c.strip() for c in cells]
            if n != i and _void(values, in_force, remark):
                # A row the sheet marks as no longer in force ("状态：作废", a later row replaces it): not read.
                cuts.append((line.start, min(line.end + 1, len(text)), ""))
                previous = n
                continue
            first = 0
            if previous is not None and n > previous + 1:
                if _broken(above, values, len(header)):
                    # The row goes on across the break: its last cell, then the cells after the break.
                    first = next(k for k, v in enumerate(values) if v)
                    at = line.start + sum(len(c) + 1 for c in cells[:first])
                    cuts.append((lines[previous].end, at, CELL))
                    values = [v for v in above if v] + [v for v in values if v]
                else:
                    cuts.append((lines[previous].end, line.start - 1, ""))  # the break and the header repeated
            if n == run[1]:  # (a run has rows below its header: MIN_ROWS)
                empty = empty_columns(values, header)
            shown = merged_down(values, above, header, empty) if n != i and not first else values
            last = max((k for k, v in enumerate(shown) if v), default=0) if not first else len(cells) - 1
            pos = line.start
            for k, cell in enumerate(cells):
                if k < first:
                    pos += len(cell) + 1  # (cut with the break)
                    continue
                if k > last:  # the blank cells at the row's end, with their tabs
                    cuts.append((pos - 1, pos + len(cell), ""))
                    pos += len(cell) + 1
                    continue
                if k > first:
                    cuts.append((pos - 1, pos, CELL))  # the tab before this cell
                if not first and shown[k] != values[k]:
                    cuts.append((pos, pos + len(cell), shown[k]))
                pos += len(cell) + 1
            above, previous = shown, n
        i = j
    return mt.splice(cuts)


def _status_column(header: list[str]) -> int | None:
    """The column saying whether a row is in force ("状态", "是否有效"); none in a long table, whose rows
    longtables.py reads one fact each, its void ones dropped there."""
    if long_header(header) is not None:
        return None
    return next((k for k, h in enumerate(header) if IN_FORCE_COLUMN.fullmatch(h)), None)


REMARK_COLUMN = re.compile(r"备注|说明|附注|状态说明")


def _remark_column(header: list[str]) -> int | None:
    return next((k for k, h in enumerate(header) if REMARK_COLUMN.fullmatch(h.strip())), None)


def _void(cells: list[str], in_force: int | None, remark: int | None = None) -> bool:
    """A row its status column marks as no longer in force ("已作废", "否"), or its remark column says only
    that (a 备注 of "已作废": inforce.VOID_STATUS; a "否" there says nothing of the row)."""
    return (in_force is not None and in_force < len(cells) and bool(NOT_IN_FORCE.fullmatch(cells[in_force]))) \
        or (remark is not None and remark < len(cells) and bool(VOID_STATUS.fullmatch(cells[remark])))


def void_rows_dropped(mt: MappedText) -> MappedText:
    """A table read into " | " rows whose header has a status column ("状态", "是否有效"): the rows it
    marks as no longer in force ("已作废", a later row replaces them) are not read (as a tab table's
    and a CSV sheet's are not: read_tab_tables, _sheet_cuts)."""
    lines = text_lines(mt.text)
    cuts: list[tuple[int, int, str]] = []
    in_force: int | None = None
    remark: int | None = None
    for line, above in zip(lines, [None, *lines[:-1]], strict=True):
        if CELL not in line.text:
            in_force = None
            continue
        cells = [c.strip() for c in line.text.split(CELL)]
        if above is None or CELL not in above.text:  # a table's first row: its header
            in_force, remark = _status_column(cells), _remark_column(cells)
        elif _void(cells, in_force, remark):
            cuts.append((line.start, min(line.end + 1, len(mt.text)), ""))
    return mt.splice(cuts) if cuts else mt


# A notice pasted as one wall of text keeps its structure in its markers: a line starts before each.
WALL_CHARS = 600  # a text this long with no line break in it is a wall
WALL_BREAK = re.compile(
    r"\u3000+"  # the wide spaces a document's parts were set apart by (title, number, addressee)
    # (A break starts where a run of spaces does, never inside one, and takes the run whole: a line of
    # thousands of spaces was read in quadratic time.)
    r"|(?<=[。：:；;！!？?）)\s])(?<!\s\s)\s*+(?=(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|附件[：:\d]))"
    r"|(?<=[。：:；;！!？?）)\s\u4e00-\u9fff])(?<!\s\s)\s*+(?=[（(][一二三四五六七八九十]{1,3}[）)])"
)


def break_wall_of_text(mt: MappedText) -> MappedText:
    """A notice pasted as one wall of text (no line breaks at all): a line break where a heading or
    an item begins ("一、", "（二）", "3.", "附件：") after a sentence ends, and where wide spaces set
    its parts apart, so that its title, headings and items are lines as in any notice."""
    longest = max((len(line) for line in mt.text.split("\n")), default=0)
    if longest < WALL_CHARS or mt.text.count("\n") * WALL_CHARS > len(mt.text):
        return mt
    return mt.splice([(m.start(), m.end(), "\n") for m in WALL_BREAK.finditer(mt.text)])


def rebuild_cell_tables(mt: MappedText) -> MappedText:
    """A table a PDF's extraction flattened to one cell per line: a header of short cells led by 序号,
    then rows of as many lines, each led by its number (1, 2, 3…). Each row becomes one line of
    cells split by " | ", as tables are read elsewhere. A row whose cells do not line up (a cell
    wrapped over two lines: its number or its phone is not where the header says) ends the table."""
    lines = [line for line in text_lines(mt.text) if line.bare]
    joins: list[tuple[int, int]] = []  # (end of a cell, start of the next) to become " | "
    i = 0
    while i < len(lines):
        if not ROW_NUMBER_CELL.match(lines[i].bare):
            i += 1
            continue
        k = i + 1
        while k < len(lines) and len(lines[k].bare) <= 12 and HEADER_CELL.search(lines[k].bare) \
                and not re.search(r"\d", lines[k].bare):
            k += 1
        width = k - i
        rows = [list(range(i, k))]
        number = 1
        phones = [c for c in range(width) if PHONE_COLUMN.search(lines[i + c].bare)]
        while k + width <= len(lines) and lines[k].bare == str(number) \
                and all(PHONE_CELL.search(lines[k + c].bare) for c in phones):
            rows.append(list(range(k, k + width)))
            number += 1
            k += width
        if width < MIN_COLUMNS or len(rows) - 1 < MIN_ROWS:
            i += 1
            continue
        for row in rows:
            joins += [(lines[a].end, lines[b].start) for a, b in zip(row, row[1:], strict=False)]
        i = k
    # The separator stands where the line break was.
    return mt.splice([(end, start, CELL) for end, start in joins]) if joins else mt


# A cell read alone on its line: short, no sentence in it.
CELL_LINE = re.compile(r"^[^。；;，,！？!?:：]{1,24}$")  # (a "key: value" line is a record, not a cell)
MAX_COLUMN_ROWS = 12
MAX_COLUMNS = 12
TABLE_LEAD = 4  # short lines (a heading, a caption) a column-read table may follow in one run


def _column_header(line: str) -> bool:
    return len(line) <= 10 and bool(HEADER_CELL.search(line)) and not re.search(r"\d", line)


def _column_layout(lines: list[TextLine], start: int, end: int) -> tuple[int, int] | None:
    """(rows, columns) when the run of cell lines lines[start:end] reads column by column from its
    first line: a header, then as many values under it, for every column alike; the layout using most
    of the run. (Indices, not a slice: every start of a long run is tried.)"""
    best: tuple[int, int] | None = None
    for n in range(MIN_ROWS, MAX_COLUMN_ROWS + 1):
        columns = 0
        while columns < MAX_COLUMNS and start + (columns + 1) * (n + 1) <= end \
                and _column_header(lines[start + columns * (n + 1)].bare):
            columns += 1
        if columns >= 2 and (best is None or columns * (n + 1) > (best[0] + 1) * best[1]):
            best = (n, columns)
    return best


def rebuild_column_tables(mt: MappedText) -> MappedText:
    """A table a scan's or a PDF's extraction read column by column, one cell per line: a header
    ("榜单", "联系人", "电话"…) and its values, then the next column's header and as many values. Each
    row becomes one line of cells split by " | " (the header's first), as tables are read elsewhere;
    every cell keeps its place in the source."""
    lines = text_lines(mt.text)
    tables: list[tuple[int, int, list[tuple[int, int] | str]]] = []
    i = j = 0
    while i < len(lines):
        if j <= i:  # the run of cell lines from i, found once however many of its starts are tried
            j = i
            while j < len(lines) and CELL_LINE.match(lines[j].bare or "。"):
                j += 1
        # The run may begin with a heading or a caption of a few short lines: the table starts at the
        # header, among the next few, whose layout reads most of the run. (A few starts at a time and
        # a bounded table: a long run of short lines costs its length, not its square.)
        last = min(i + TABLE_LEAD, j - 2 * (MIN_ROWS + 1))
        layouts = [(s, layout) for s in range(i, last + 1) if (layout := _column_layout(lines, s, j)) is not None]
        found = max(layouts, key=lambda x: (x[1][1] * (x[1][0] + 1), -x[0]), default=None)
        if found is None:
            i = last + 1 if last >= i else max(j, i + 1)
            continue
        i, (n, columns) = found
        grid = [lines[i + c * (n + 1) : i + (c + 1) * (n + 1)] for c in range(columns)]
        parts: list[tuple[int, int] | str] = []
        for r in range(n + 1):
            if r:
                parts.append("\n")
            for c in range(columns):
                if c:
                    parts.append(CELL)
                cell = grid[c][r]
                lead = len(cell.text) - len(cell.text.lstrip())
                parts.append((cell.start + lead, cell.start + lead + len(cell.bare)))
        end = i + columns * (n + 1)
        tables.append((lines[i].start, lines[end - 1].end, parts))
        i = end
    for start, end, parts in reversed(tables):
        mt = mt.rearranged(start, end, parts)
    return mt


def _record(text: str, pos: int, sep: str = ",") -> tuple[list[tuple[int, int]], int] | None:
    """The cells (spans, quotes included) of the `sep`-separated record starting at `pos`, and where
    it ends (its newline or the text's end); a cell in double quotes may hold commas, doubled quotes
    and line breaks. None when a quote is never closed."""
    cells, start, i, quoted = [], pos, pos, False
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text.startswith('""', i):
                i += 2
                continue
            quoted = ch != '"'
        elif ch == '"' and i == start:
            quoted = True
        elif ch == sep:
            cells.append((start, i))
            start = i + 1
        elif ch == "\n":
            break
        i += 1
    if quoted:
        return None
    cells.append((start, i))
    return cells, i


def _value(text: str, span: tuple[int, int]) -> str:
    raw = text[span[0]:span[1]]
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1].replace('""', '"')
    return raw.replace("\n", " ").strip()


def _is_header(values: list[str]) -> bool:
    filled = [v for v in values if v]
    return len(filled) >= MIN_COLUMNS and all(len(v) <= 12 for v in filled) \
        and 2 * sum(bool(HEADER_CELL.search(v)) for v in filled) >= len(filled)


@dataclass(frozen=True)
class _Sheet:
    records: list[tuple[list[tuple[int, int]], int]]  # each record's cell spans and where it ends
    values: list[list[str]]  # each record's cells as they read
    header: int  # the header record's place

    @property
    def end(self) -> int:
        return self.records[-1][1]


def _sheet(text: str, pos: int, sep: str = ",") -> tuple[_Sheet | None, int]:
    """The records from `pos` on with as many cells as the first, when they hold a header and at
    least two rows after it (else None); and where that run of records ends (-1: no record here). A
    run that is no sheet holds none from any later record of it either (a sheet's header and rows would
    be among its records): the caller goes on after it, not one line on (that was quadratic in the run)."""
    first = _record(text, pos, sep)
    if first is None or len(first[0]) < MIN_COLUMNS:
        return None, -1
    records, width = [first], len(first[0])
    while records[-1][1] < len(text):
        nxt = _record(text, records[-1][1] + 1, sep)
        if nxt is None or len(nxt[0]) != width:
            break
        records.append(nxt)
    values = [[_value(text, c) for c in cells] for cells, _ in records]
    header = next((n for n, v in enumerate(values) if _is_header(v)), None)
    found = header is not None and len(records) - header - 1 >= MIN_ROWS
    return (_Sheet(records, values, header) if found else None), records[-1][1]


def _sheet_cuts(text: str, sheet: _Sheet) -> list[tuple[int, int, str]]:
    """Each record as one line of cells split by " | ": its quotes gone (a doubled one kept once), the
    line breaks inside a cell spaces, the blank cells at its end dropped. Below the header, a blank
    cell between filled ones is a merged cell exported into its first row only: it takes the value
    of the cell above, as the sheet shows it (merged_down)."""
    cuts: list[tuple[int, int, str]] = []
    header = sheet.values[sheet.header]
    above: list[str] = []
    empty: frozenset[int] = frozenset()
    in_force = next((n for n, h in enumerate(header) if IN_FORCE_COLUMN.fullmatch(h)), None)
    for k, ((cells, end), values) in enumerate(zip(sheet.records, sheet.values, strict=True)):
        if k == sheet.header + 1:  # (the first row below the header, in force or not, says which columns merge)
            empty = empty_columns(values, header)
        if k > sheet.header and in_force is not None and NOT_IN_FORCE.fullmatch(values[in_force]):
            # A record the export marks as no longer in force ("生效：否", replaced by a later row): not read.
            cuts.append((cells[0][0], min(end + 1, len(text)), ""))
            continue
        last = max((n for n, v in enumerate(values) if v), default=-1)
        shown = list(values)
        if k > sheet.header:
            shown = above = merged_down(values, above, header, empty)
        if last < len(cells) - 1:  # the blank cells at the record's end
            cuts.append((cells[last][1] if last >= 0 else cells[0][0], cells[-1][1], ""))
        for n, (start, end) in enumerate(cells[: last + 1]):
            if n:
                cuts.append((cells[n - 1][1], start, CELL))
            if shown[n] != values[n]:
                cuts.append((start, end, shown[n]))
                continue
            raw = text[start:end]
            if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
                cuts.append((start, start + 1, ""))
                inner = start + 1
                for m in re.finditer(r'""|\n', raw[1:-1]):
                    cuts.append((inner + m.start(), inner + m.end(), '"' if m.group(0) == '""' else " "))
                cuts.append((end - 1, end, ""))
    return cuts


SEPARATORS = (",", ";")


def rebuild_csv_tables(mt: MappedText) -> MappedText:
    """A sheet exported as comma-separated records ("先导技术榜,装备制造,3个,2025年11月3日17:00,…"), its
    cells quoted where they hold commas or line breaks: each record becomes one line of cells split by
    " | ", as tables are read elsewhere (_sheet_cuts); commas outside a sheet stay. (A semicolon separates a
    spreadsheet's cells where the comma is a decimal mark: such an export is read the same way.)"""
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        sheet, run_end = None, -1
        for sep in SEPARATORS:
            if sep in text[pos:line_end]:
                sheet, ends = _sheet(text, pos, sep)
                run_end = max(run_end, ends)
                if sheet is not None:
                    break
        if sheet is not None:
            cuts += _sheet_cuts(text, sheet)
            pos = sheet.end + 1
        else:
            pos = max(line_end, run_end) + 1
    return mt.splice(sorted(cuts)) if cuts else mt


GAP = re.compile(r" {2,}")
RULE_LINE = re.compile(r"^[ \t]*[-─━=_]{10,}[ \t]*$")


def display_width(text: str) -> int:
    """Display columns: a Chinese or full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _aligned_header(line: str) -> list[int] | None:
    """The display column each cell of a space-aligned header starts at ("榜单      负责部门    联系人…"):
    three short cells or more split by runs of spaces, most of them header words."""
    bare = line.rstrip()
    cells = [c for c in GAP.split(bare.strip()) if c]
    if len(cells) < MIN_COLUMNS or not all(len(c) <= 10 for c in cells) \
            or 2 * sum(bool(HEADER_CELL.search(c)) for c in cells) < len(cells):
        return None
    starts, pos = [], 0
    for cell in cells:
        at = bare.index(cell, pos)
        starts.append(display_width(bare[:at]))
        pos = at + len(cell)
    return starts


CHUNK = re.compile(r"\S+(?: \S+)*")  # a run of text; two spaces or more part one run from the next


def _next_header(lines: list[TextLine], i: int) -> tuple[int, list[int]] | None:
    """The next space-aligned table header at or after line `i`, with its columns' starts."""
    for k in range(i, len(lines)):
        starts = _aligned_header(lines[k].text)
        if starts is not None:
            return k, starts
    return None


def _block(lines: list[TextLine], i: int) -> tuple[int, int]:
    """The lines from the first filled one at or after `i` to the blank line after it."""
    while i < len(lines) and not lines[i].bare:
        i += 1
    end = i
    while end < len(lines) and lines[end].bare:
        end += 1
    return i, end


def _cells_of(block: list[TextLine], starts: list[int]) -> list[list[tuple[int, int]]]:
    """The spans of a block's text in each column: each run goes to the column whose start is at or
    before where the run starts (one display column of slack), line after line."""
    cells: list[list[tuple[int, int]]] = [[] for _ in starts]
    for line in block:
        for m in CHUNK.finditer(line.text):
            column = display_width(line.text[: m.start()])
            n = max((k for k, s in enumerate(starts) if s <= column + 1), default=0)
            cells[n].append((line.start + m.start(), line.start + m.end()))
    return cells


def rebuild_wrapped_tables(mt: MappedText) -> MappedText:
    """A PDF's table copied as text, its cells wrapped over several lines: a header of short cells
    split by runs of spaces (itself maybe wrapped), then rows as blocks of lines between blank lines,
    each line's runs of text in the columns the header's start. Each block becomes one line, each
    column's pieces joined in order and the cells split by " | ", as tables are read elsewhere; a
    header repeated on a later page goes. The table ends at a block with no line of two runs."""
    lines = text_lines(mt.text)
    tables: list[tuple[int, int, list[tuple[int, int] | str]]] = []
    i = 0
    while (found := _next_header(lines, i)) is not None:
        i, starts = found
        _, head_end = _block(lines, i)
        blocks, j = [], head_end
        while True:
            first, end = _block(lines, j)
            block = lines[first:end]
            if not block or not any(len(CHUNK.findall(line.text)) >= 2 for line in block):
                break
            blocks.append(block)
            j = end
        if len(blocks) < MIN_ROWS or all(len(b) == 1 for b in blocks):
            i += 1
            continue
        header = _cells_of(lines[i:head_end], starts)
        key = ["".join(mt.text[a:b] for a, b in cell) for cell in header]
        parts: list[tuple[int, int] | str] = []
        for block in [lines[i:head_end], *blocks]:
            cells = _cells_of(block, starts)
            if parts and ["".join(mt.text[a:b] for a, b in cell) for cell in cells] == key:
                continue  # the header printed again on the next page
            if parts:
                parts.append("\n")
            for n, cell in enumerate(cells):
                if n:
                    parts.append(CELL)
                parts.extend(cell)
        tables.append((lines[i].start, blocks[-1][-1].end, parts))
        i = j
    for start, end, parts in reversed(tables):
        mt = mt.rearranged(start, end, parts)
    return mt


def rebuild_aligned_tables(mt: MappedText) -> MappedText:
    """A table aligned with spaces in a fixed-width font (a plain-text export, an e-mail): a header of
    short cells split by runs of spaces, then rows up to the next blank line. Each row is split where
    the header's columns start (a gap of one space or more at that display column), the gaps becoming
    " | ", as tables are read elsewhere; the header's own gaps too."""
    lines = text_lines(mt.text)
    cuts: list[tuple[int, int, str]] = []
    i = 0
    while (found := _next_header(lines, i)) is not None:
        i, starts = found
        table = [lines[i]]
        k = i + 1
        while k < len(lines) and lines[k].bare:
            if not RULE_LINE.match(lines[k].text):
                table.append(lines[k])
            k += 1
        if len(table) - 1 < MIN_ROWS:
            i += 1
            continue
        for line in table:
            for m in re.finditer(r" +", line.text.rstrip()):
                column = display_width(line.text[: m.end()])
                if m.start() > 0 and any(abs(column - s) <= 1 for s in starts[1:]):
                    cuts.append((line.start + m.start(), line.start + m.end(), CELL))
        i = k
    return mt.splice(sorted(cuts)) if cuts else mt
