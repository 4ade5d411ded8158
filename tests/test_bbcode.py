"""A forum post's BBCode source read as the post shows it (ingest/bbcode.py)."""

from __future__ import annotations

from assistant.ingest.bbcode import is_bbcode
from assistant.ingest.notices import clean_text

POST = """[size=5][b]关于推荐2080年“科创中国”系列榜单的通知[/b][/size]
[list]
[*]先导技术榜；
[*]概念验证中心榜（[color=Red]今年新设[/color]）。
[/list]
[table=98%]
[tr][td][b]榜单[/b][/td][td][b]限额[/b][/td][/tr]
[tr][td]新锐企业榜[/td][td]6家[/td][/tr]
[/table]
[*]市科协报送截止：[s]2080年11月8日[/s] [color=Red]2080年11月13日17:00前[/color]
[url=https://bang.example.cn]申报平台[/url]
"""


def test_a_post_reads_as_shown_rows_apart_and_the_struck_value_gone() -> None:
    assert is_bbcode(POST)
    text = clean_text(POST).text
    assert "新锐企业榜 | 6家" in text
    assert "概念验证中心榜（今年新设）。" in text
    assert "2080年11月13日17:00前" in text and "11月8日" not in text
    assert "[" not in text and "申报平台" in text


def test_text_with_a_bracket_or_two_is_no_post() -> None:
    assert not is_bbcode("附件[1]：申报表[/b]")


def test_cells_written_a_line_each_are_one_row() -> None:
    post = "[table]\n[tr]\n[td]榜单[/td]\n[td]名额[/td]\n[/tr]\n[tr]\n[td]新锐企业榜[/td]\n[td]2家[/td]\n[/tr]\n[/table]\n[b]一[/b][b]二[/b][b]三[/b]"
    assert "新锐企业榜 | 2家" in clean_text(post).text
