"""Triage of a whole inbox: a spreadsheet of enquiries (CSV or Excel), one a row, routed in one go.

The enquiry is the column named 内容 (or 咨询内容, 问题, 正文), else the first column holding text;
every other column is kept. Each row gains its status, category, the contact it goes to, the answer
and the answer's first citation. A row that is empty or has no Chinese gets a status saying so."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.ingest.encodings import decode_bytes
from assistant.staff.export import to_csv, to_xlsx
from assistant.staff.triage import triage

if TYPE_CHECKING:
    from assistant.assistant import Assistant

TEXT_COLUMNS = ("内容", "咨询内容", "问题", "正文", "邮件正文", "工单内容")
ADDED = ["处理状态", "类别", "转交联系人", "电话", "邮箱", "转交原因", "回答", "引用"]
MAX_ROWS = 5000


class BatchError(ValueError):
    """Why a spreadsheet cannot be triaged; in Chinese, for the user."""


@dataclass
class Sheet:
    columns: list[str]
    rows: list[list[object]]


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        try:
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            values = [list(r) for r in book.active.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises several unrelated types on bad files
            raise BatchError(f"无法读取 Excel 文件：{type(exc).__name__}") from exc
    elif suffix == ".csv":
        text = decode_bytes(path.read_bytes())
        if text is None:
            raise BatchError("无法识别 CSV 编码（支持 UTF-8、GBK）")
        values = [list(r) for r in csv.reader(io.StringIO(text))]
    else:
        raise BatchError(f"不支持的文件类型：{suffix}（支持 .csv、.xlsx）")
    while values and not any(c not in (None, "") for c in values[-1]):
        values.pop()  # trailing empty rows are the sheet's end; an empty row inside is an enquiry to report
    if not values:
        raise BatchError("文件中没有内容")
    header = ["" if c is None else str(c).strip() for c in values[0]]
    width = max(len(r) for r in values)
    header += [f"列{i + 1}" for i in range(len(header), width)]
    rows = [[("" if c is None else c) for c in r] + [""] * (width - len(r)) for r in values[1:]]
    if len(rows) > MAX_ROWS:
        raise BatchError(f"一次最多处理 {MAX_ROWS} 行，文件有 {len(rows)} 行")
    return Sheet(header, rows)


def text_column(sheet: Sheet) -> int:
    for name in TEXT_COLUMNS:
        if name in sheet.columns:
            return sheet.columns.index(name)
    for i in range(len(sheet.columns)):
        if any(re.search(r"[\u4e00-\u9fff]{4,}", str(r[i])) for r in sheet.rows[:50]):
            return i
    raise BatchError("找不到咨询内容所在的列（请把该列命名为“内容”）")


def route_rows(bot: Assistant, sheet: Sheet, progress: Callable[[Iterator[int], int], Iterator[int]] | None = None) -> Sheet:
    """The sheet with the triage columns added; `progress` wraps the row loop (tqdm, gr.Progress)."""
    at = text_column(sheet)
    out: list[list[object]] = []
    indices: Iterator[int] = iter(range(len(sheet.rows)))
    if progress is not None:
        indices = progress(indices, len(sheet.rows))
    for i in indices:
        row = sheet.rows[i]
        text = str(row[at] or "").strip()
        if not text:
            out.append([*row, "空白，未处理", "", "", "", "", "", "", ""])
            continue
        if not re.search(r"[\u4e00-\u9fff]", text):
            out.append([*row, "不含中文，未处理（请用中文描述问题）", "", "", "", "", "", "", ""])
            continue
        try:
            result = triage(bot, text)
        except Exception as exc:  # one bad row must not stop the batch
            out.append([*row, f"处理出错：{type(exc).__name__}", "", "", "", "", "", "", ""])
            continue
        route = result.route
        first = result.answer.citations[0] if result.answer.citations else None
        cite = f"{first.source}｜{first.section}｜{first.quote}" if first else ""
        out.append([
            *row, "已处理", result.label,
            route.who if route else "（无合适联系人，请人工处理）",
            "、".join(route.phones) if route else "", "、".join(route.emails) if route else "",
            route.reason if route else "", result.answer.answer, cite,
        ])
    return Sheet([*sheet.columns, *ADDED], out)


def write_sheet(sheet: Sheet, path: Path) -> Path:
    if path.suffix.lower() == ".xlsx":
        return to_xlsx(sheet.columns, sheet.rows, path, "分流结果")
    path.write_text(to_csv(sheet.columns, sheet.rows), encoding="utf-8")
    return path


def triage_file(bot: Assistant, src: Path, dst: Path, progress: Callable[[Iterator[int], int], Iterator[int]] | None = None) -> Sheet:
    routed = route_rows(bot, read_sheet(src), progress)
    write_sheet(routed, dst)
    return routed
