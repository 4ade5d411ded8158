"""A box-drawn table read as its reader sees it (ingest/boxtables.py)."""

from __future__ import annotations

from assistant.ingest.boxtables import read_box_tables
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.textmap import MappedText

TABLE = """表1 推荐安排
┌──────────┬────────┬──────────┬────────────┐
│ 榜单     │ 领域   │ 推荐名额 │ 联系人     │
├──────────┼────────┼──────────┼────────────┤
│ 先导技术 │ 电子信 │ 每个领域 │ 雷佩珊     │
│ 榜       │ 息     │ 不超过2项│ 0851-86213 │
│          ├────────┤          │ 347        │
│          │ 生物医 │          │            │
│          │ 药     │          │            │
│          ├────────┼──────────┤            │
│          │ 产业基 │ 不超过1项│            │
│          │ 础     │          │            │
├──────────┼────────┼──────────┼────────────┤
│ 新锐企业 │ —      │ 不超过3家│ 葛润东     │
│ 榜       │        │          │ 13885017462│
└──────────┴────────┴──────────┴────────────┘
注：表后说明。"""


def test_rows_are_read_whole_with_wrapped_and_merged_cells_in_every_row_they_span() -> None:
    mt = read_box_tables(MappedText.of(TABLE))
    rows = mt.text.split("\n")[1:6]
    assert rows[0] == "榜单 | 领域 | 推荐名额 | 联系人"
    assert rows[1] == "先导技术榜 | 电子信息 | 每个领域不超过2项 | 雷佩珊 0851-86213347"
    assert rows[2] == "先导技术榜 | 生物医药 | 每个领域不超过2项 | 雷佩珊 0851-86213347"  # merged down: the list, the quota, the contact
    assert rows[3] == "先导技术榜 | 产业基础 | 不超过1项 | 雷佩珊 0851-86213347"
    assert rows[4] == "新锐企业榜 | — | 不超过3家 | 葛润东 13885017462"
    assert mt.text.endswith("注：表后说明。")
    # Every character of a cell maps back to the drawing.
    at = mt.text.index("不超过1项")
    start, end = mt.original_span(at, at + 5)
    assert TABLE[start:end] == "不超过1项"


def test_a_flowchart_box_is_no_table() -> None:
    chart = "┌──────────────┐\n│ 学院推荐     │\n└──────────────┘\n       ↓\n┌──────────────┐\n│ 科研院汇总   │\n└──────────────┘"
    assert read_box_tables(MappedText.of(chart)).text == chart


def test_a_notices_box_table_gives_each_lists_contact_and_quota() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.model import ContactFact, QuotaFact

    notice = make_notice("box.txt", "西澜省科协关于做好2041年“科创中国”系列榜单推荐工作的通知\n" + TABLE)
    facts = extract_facts(notice)
    contacts = {(tuple(f.list_keys), tuple(f.field_keys)): f for f in facts if isinstance(f, ContactFact)}
    assert "0851-86213347" in contacts[(("先导技术榜",), ("生物医药",))].phones
    assert contacts[(("新锐企业榜",), ())].persons == ["葛润东"]
    quotas = {tuple(f.field_keys): f.value for f in facts if isinstance(f, QuotaFact) and f.list_keys == ["先导技术榜"]}
    assert quotas[("生物医药",)] == "2项" and quotas[("产业基础",)] == "1项"


RST_GRID = """表1 推荐名额
+--------------+------------+------------------+
| 榜单（领域） | 本会名额   | 初评机构及联系人 |
+==============+============+==================+
| 先导技术榜   | 2项        | 中国科协高端装备 |
| （装备制造） |            | 学会协作体       |
|              |            | 邵景行           |
|              |            | 13693057218      |
+--------------+------------+------------------+
| 新锐企业榜   | 3家        | 见科协通知原文   |
+--------------+------------+------------------+
"""


def test_an_ascii_grid_is_read_as_a_drawn_table_one_line_per_row() -> None:
    lines = clean_text(RST_GRID).text.split("\n")
    assert "先导技术榜（装备制造） | 2项 | 中国科协高端装备学会协作体邵景行13693057218" in lines
    assert "新锐企业榜 | 3家 | 见科协通知原文" in lines
    assert not any("+--" in line or "==" in line for line in lines)


def test_a_person_written_onto_a_review_bodys_name_is_read_apart() -> None:
    from assistant.ingest.facts.contacts import org_and_persons

    assert org_and_persons("中国科协高端装备学会协作体邵景行 13693057218") == ("中国科协高端装备学会协作体", ["邵景行"])
    assert org_and_persons("中国科协智能制造学会联合体") == ("中国科协智能制造学会联合体", [])
