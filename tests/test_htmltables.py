"""A web page's table with spanning cells read as the page shows it (ingest/htmltables.py)."""

from __future__ import annotations

from assistant.ingest.htmltables import spanned_tables
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText

PAGE = """<!DOCTYPE html><html><body><h1>关于推荐榜单的通知</h1>
<table>
<tr><th>榜单</th><th>名额</th><th>承办部门</th><th>联系电话</th></tr>
<tr><td>先导技术榜</td><td>每领域1个</td><td rowspan="2">创新服务中心</td><td rowspan="2">0743-8265190<br>13907435186</td></tr>
<tr><td>新锐企业榜</td><td>每单位2个</td></tr>
<tr><td>技术经理人先锋榜</td><td>每单位1人</td><td>学会学术部</td><td>0743-8265237</td></tr>
<tr><td colspan="4">注：企业科协不单独分配名额。</td></tr>
</table></body></html>"""


def test_a_cell_spanning_rows_stands_in_each_row_it_spans() -> None:
    lines = clean_text(PAGE).text.split("\n")
    assert "新锐企业榜 | 每单位2个 | 创新服务中心 | 0743-8265190 13907435186" in lines
    assert "先导技术榜 | 每领域1个 | 创新服务中心 | 0743-8265190 13907435186" in lines
    assert "技术经理人先锋榜 | 每单位1人 | 学会学术部 | 0743-8265237" in lines
    assert "注：企业科协不单独分配名额。" in lines  # a note across the row's columns, once


def test_a_repeated_cell_maps_back_to_the_cell_in_the_source() -> None:
    mt = clean_text(PAGE)
    row = next(line for line in mt.text.split("\n") if line.startswith("新锐企业榜"))
    at = mt.text.index(row) + row.index("创新服务中心")
    start, end = mt.original_span(at, at + len("创新服务中心"))
    assert PAGE[start:end] == "创新服务中心" and PAGE.index("创新服务中心") == start


def test_a_table_without_spanning_rows_is_left_as_written() -> None:
    plain = "<table><tr><td>a</td><td>b</td></tr></table>"
    assert spanned_tables(MappedText.of(plain)).text == plain
