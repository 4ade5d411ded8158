"""Every staff table as CSV (UTF-8 with BOM, for Excel) and as Excel (openpyxl), through one helper.

A cell that Excel would read as a formula (a user's question "=HYPERLINK(…)", a notice line starting
with "-") is prefixed with an apostrophe, so opening an export never runs anything."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return "\ufeff" + buf.getvalue()  # BOM: Excel opens UTF-8 Chinese correctly


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[object]], path: Path, title: str = "数据") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(columns))
    for row in rows:
        sheet.append([safe_cell(c) if isinstance(c, str | int | float) or c is None else str(c) for c in row])
    for i, column in enumerate(columns, start=1):
        width = max([len(str(column)), *(len(str(r[i - 1])) for r in rows[:200] if i - 1 < len(r))], default=8)
        sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = min(60, max(8, width * 1.6))
    book.save(path)
    return path


EXPORT_ROOT = Path(tempfile.gettempdir()) / "kczg-exports"
KEEP_EXPORTS_S = 3600


def export_dir(now: float | None = None) -> Path:
    """A fresh folder for one export; exports older than an hour are removed first."""
    EXPORT_ROOT.mkdir(parents=True, exist_ok=True)
    cutoff = (now if now is not None else time.time()) - KEEP_EXPORTS_S
    for old in EXPORT_ROOT.iterdir():
        try:
            if old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
        except OSError:
            continue
    return Path(tempfile.mkdtemp(dir=EXPORT_ROOT))


def export_file(name: str, columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str = "csv") -> Path:
    """The table written to a file of its own temporary folder, for a download button."""
    path = export_dir() / f"{name}.{fmt}"
    if fmt == "xlsx":
        return to_xlsx(columns, rows, path, name)
    path.write_text(to_csv(columns, rows), encoding="utf-8")
    return path
