"""A timeline drawn in text read one milestone a line (ingest/timelines.py)."""

from __future__ import annotations

from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText
from assistant.ingest.timelines import read_drawn_timelines

from .conftest import source_of

ROADMAP = """清河学院 2041年榜单路线图

            10月12日  10月26日  11月8日         11月16日
校内 ───────●─────────●─────────●───────────────●──────►
            通知发布  学院推荐  校内材料截止    学校评审会
                                （延后，见说明）

      10月8日                          11月25日24时
平台 ─●────────────────────────────────●─────────────►
      平台开放                         平台申报截止

说明：校内材料截止延后至11月14日。
"""


def test_each_milestone_is_read_with_its_lane_date_and_stage() -> None:
    lines = read_drawn_timelines(MappedText.of(ROADMAP)).text.split("\n")
    assert "校内：11月16日 学校评审会" in lines
    assert "校内：11月8日 校内材料截止 （延后，见说明）" in lines
    assert "平台：11月25日24时 平台申报截止" in lines
    assert not any("●" in line for line in lines)


def test_a_milestones_pieces_map_back_to_the_drawing() -> None:
    mt = clean_text(ROADMAP)
    assert source_of(mt, ROADMAP, "学校评审会") == "学校评审会"
    assert "说明：校内材料截止延后至11月14日。" in mt.text


def test_a_line_of_dots_or_a_rule_is_no_timeline() -> None:
    text = "目录 ● 第一章 ● 第二章\n————————————\n"
    assert read_drawn_timelines(MappedText.of(text)).text == text
