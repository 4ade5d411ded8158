"""A wiki page's source read as the page shows it: hidden comments never read, an infobox's fields,
tables with spanning cells in every row, a footnote that corrects its value in force."""

from __future__ import annotations

from assistant.ingest.notices import clean_text
from assistant.ingest.wikitext import is_wikitext

PAGE = """<!-- 维护说明 -->
{{Infobox 通知
| 标题 = 关于申报2070年“科创中国”榜单的通知
| 截止 = 2070年11月8日<!-- 原截止：2070年11月1日 -->
| 联系人 = [[用户:林舟|林舟]]
}}
== 名额 ==
{| class="wikitable"
|+ 园区名额
! 榜单 !! 领域 !! 名额
|-
| rowspan="2" | [[先导技术榜]] || 电子信息 || 2个
|-
| 装备制造 || 1个
|-
| [[新锐企业榜]] || — || 3家<ref name="a">更正：名额应为2家，以本注为准。</ref>
|}
可叠加推荐<ref>见中国科协原通知。</ref>。
# 须在园区注册满1年。
[[Category:通知]]
"""


def test_a_wiki_page_reads_as_shown_with_its_corrections_in_force() -> None:
    assert is_wikitext(PAGE)
    lines = clean_text(PAGE).text.split("\n")
    assert "截止：2070年11月8日" in lines and "联系人：林舟" in lines
    assert not any("11月1日" in line or "维护说明" in line for line in lines)  # hidden comments are not the page
    assert "先导技术榜 | 装备制造 | 1个" in lines  # the spanning cell in the row it spans
    assert "新锐企业榜 | — | 2家" in lines and not any("3家" in line for line in lines)
    assert "可叠加推荐。" in lines and "见中国科协原通知。" in lines  # a note: a line of its own
    assert "1. 须在园区注册满1年。" in lines and not any("Category" in line for line in lines)


def test_a_run_of_brackets_is_read_in_linear_time() -> None:
    """A link's sign ("[[…]]") holds no bracket inside: a line of 100,000 "[" took 34 s when it could."""
    import time

    from assistant.ingest.notices import clean_text

    started = time.perf_counter()
    clean_text("[" * 100_000)
    assert time.perf_counter() - started < 5
