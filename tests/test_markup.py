"""A web page's source read as the page shows it (ingest/markup.py)."""

from __future__ import annotations

from assistant.ingest.markup import is_page_source, page_text
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText

PAGE = """<!DOCTYPE html>
<html><head><title>关于推荐的通知</title><script>var a = "<p>不显示</p>";</script><style>p {color: red}</style></head>
<body><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/x">通知公告</a></li></ul></div>
<div class="article"><h1>关于组织申报&ldquo;科创中国&rdquo;榜单的通知</h1>
<p>&nbsp;&nbsp;各学院：请于10月24日前报送，
联系人王明。</p>
<table><tr><td>榜单</td><td>截止</td></tr>
<tr><td>新锐企业榜</td>
<td>10月24日17:00</td></tr></table>
<p>成果转化办公室：温若岚，027-87653120，行政楼607室<br>
技术转移中心：石浩然，027-87653128</p><!-- 注释不显示 -->
</div><div class="footer">版权所有 某大学</div></body></html>"""


def test_a_page_source_reads_as_its_page() -> None:
    text = page_text(MappedText.of(PAGE)).text
    assert "“科创中国”" in text and "&ldquo;" not in text
    assert "<" not in text and "不显示" not in text and "color" not in text
    # a row's cells split as tables are read elsewhere; a source line break inside a block is a space
    assert "新锐企业榜 | 10月24日17:00" in text
    assert "请于10月24日前报送， 联系人王明。" in text
    # navigation and footer are the page's chrome, not the notice
    assert "首页" not in text and "版权所有" not in text


def test_a_line_break_tag_keeps_its_lines_apart_after_cleaning() -> None:
    clean = clean_text(PAGE).text
    assert "行政楼607室\n技术转移中心：石浩然" in clean


def test_every_character_maps_back_to_the_source() -> None:
    mt = page_text(MappedText.of(PAGE))
    at = mt.text.index("温若岚")
    start, end = mt.original_span(at, at + 3)
    assert PAGE[start:end] == "温若岚"


def test_text_that_only_mentions_a_tag_is_no_page() -> None:
    plain = "表单中的复选框写作<input>，请勿删除。\n联系人：王明"
    assert not is_page_source(plain)
    assert page_text(MappedText.of(plain)).text == plain
