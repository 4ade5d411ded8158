"""reStructuredText's list-table and csv-table directives read as rows (ingest/rst_tables.py)."""

from __future__ import annotations

import time

from assistant.ingest.notices import clean_text
from assistant.ingest.rst_tables import rst_tables_text
from assistant.ingest.textmap import MappedText

SOURCE = """前文。

.. list-table:: 各榜单限额
   :header-rows: 1
   :widths: 30 70

   * - 榜单
     - 每个学院限报
   * - 新锐企业榜
     - 2家（限学校参股
       企业）

.. csv-table:: 时间安排
   :header: "阶段", "时间"

   "学院报送", "2080年11月6日17:00前"
   "校内评审", "11月9日, 周一"

后文。
"""


def test_list_table_and_csv_table_rows_are_lines_of_cells() -> None:
    text = clean_text(SOURCE).text
    assert "榜单 | 每个学院限报" in text
    assert "新锐企业榜 | 2家（限学校参股企业）" in text  # a cell's text running on joins it
    assert "阶段 | 时间" in text and "学院报送 | 2080年11月6日17:00前" in text
    assert "校内评审 | 11月9日, 周一" in text  # a comma inside quotes is the cell's own
    assert ":widths:" not in text and "list-table" not in text


def test_every_cell_maps_back_to_its_place_in_the_source() -> None:
    mt = rst_tables_text(MappedText.of(SOURCE))
    i = mt.text.index("2080年11月6日17:00前")
    start, end = mt.original_span(i, i + len("2080年11月6日17:00前"))
    assert SOURCE[start:end] == "2080年11月6日17:00前"


def test_a_long_directive_reads_in_linear_time() -> None:
    big = ".. csv-table:: x\n" + '   "a", "' + "字" * 40000 + '"\n' + ".. list-table:: y\n" + "   * - a\n     - b\n" * 5000
    started = time.perf_counter()
    rst_tables_text(MappedText.of(big))
    assert time.perf_counter() - started < 2.0
