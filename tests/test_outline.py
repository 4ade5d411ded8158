"""A tree exported as text read node by node with its path (ingest/outline.py)."""

from __future__ import annotations

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.outline import leaf_path, read_outline_tree, tree_path
from assistant.ingest.textmap import MappedText
from assistant.model import QuotaFact, StageFact

from .conftest import source_of

TREE = """青川市科协 · 2041年“科创中国”榜单导图
├── 总体安排
│   ├── 市内截止
│   │   └── 2041年11月10日17:00
│   └── 终评评审
│       └── 2042年1月
├── 榜单
│   ├── 先导技术榜
│   │   ├── 名额
│   │   │   ├── 市科协向中国科协：每个领域不超过4个
│   │   │   └── 市内各单位：每个领域限报2个
│   │   └── 电子信息领域
│   │       └── 联系人
│   │           ├── 程澜
│   │           └── 010-62830001
│   └── 新锐企业榜
│       └── 名额
│           └── 不超过6个
└── 待办
    └── 11月12日：专家审核
"""


def test_each_leaf_is_read_with_the_nodes_above_it() -> None:
    text = read_outline_tree(MappedText.of(TREE)).text
    assert "榜单 > 先导技术榜 > 电子信息领域 > 联系人：程澜，010-62830001" in text.split("\n")
    assert "榜单 > 新锐企业榜 > 名额：不超过6个" in text.split("\n")
    assert "总体安排 > 终评评审：2042年1月" in text.split("\n")
    assert "├" not in text and "│" not in text
    # a parent is read in its children's lines, not on a line of its own
    assert "名额" not in text.split("\n") and "先导技术榜" not in text.split("\n")


def test_a_leafs_own_text_maps_back_to_its_place() -> None:
    mt = clean_text(TREE)
    assert source_of(mt, TREE, "010-62830001") == "010-62830001"
    assert source_of(mt, TREE, "市内各单位：每个领域限报2个") == "市内各单位：每个领域限报2个"


def test_the_lines_stay_apart_after_cleaning() -> None:
    lines = clean_text(TREE).text.split("\n")
    assert "榜单 > 先导技术榜 > 名额：市科协向中国科协：每个领域不超过4个，市内各单位：每个领域限报2个" in lines


def test_a_table_border_or_a_box_is_no_tree() -> None:
    box = "┌──────┐\n│ 申报 │\n└──────┘\n├──────┼──────┤\n" * 3
    assert read_outline_tree(MappedText.of(box)).text == box


def test_a_leaf_path_splits_into_the_nodes_above_and_the_leaf() -> None:
    assert leaf_path("总体安排 > 终评评审：2042年1月") == (["总体安排"], "终评评审：2042年1月")
    assert leaf_path("终评评审：2042年1月") == ([], "终评评审：2042年1月")


def test_a_trees_quotas_keep_their_list_and_its_stages_are_read() -> None:
    notice = make_notice("tree", TREE)
    facts = extract_facts(notice)
    quotas = {(tuple(f.list_keys), f.number) for f in facts if isinstance(f, QuotaFact)}
    assert (("先导技术榜",), 4) in quotas and (("先导技术榜",), 2) in quotas and (("新锐企业榜",), 6) in quotas
    stages = {(f.stage, f.period) for f in facts if isinstance(f, StageFact)}
    assert ("终评评审", "2042年1月") in stages


ORG_CHART = """清河学院“科创中国”推荐工作组（组长：副院长 钱立）
│  院内截止：2041年11月6日17:00，材料交科研处（明德楼210室）
│  平台截止：2041年11月14日24时
│
├─ 科研处　处长 孙朗　分机6101
│   │
│   ├─ 周岚　分机6118
│   │     先导技术榜：电子信息、装备制造领域
│   │     各系每领域限报1项
│   │
│   └─ 吴桐　分机6119（休假中，由周岚代管）
│         先导技术榜：生物医药领域
│         对口初评机构：医药学会联合体，联系人郑禾，010-62000001
│
├─ 技术转移中心　主任 冯远　分机6201
│   └─ 陈舟　分机6205
│         技术经理人先锋榜（学院名额2人）
│         院内条件：在本院技术转移中心登记备案满3年
│
└─ 院科协　秘书长 卫然　分机6301
      对外行文与盖章
"""


def test_an_org_charts_details_are_one_card_read_with_its_node_and_the_nodes_above() -> None:
    lines = clean_text(ORG_CHART).text.split("\n")
    card = next(line for line in lines if "技术经理人先锋榜" in line)
    # The detail lines are one sentence, led by the person and the office they are drawn under.
    assert card.startswith("技术转移中心 主任 冯远 分机6201 > 陈舟 分机6205 > 技术经理人先锋榜")
    assert "院内条件：在本院技术转移中心登记备案满3年" in card
    assert any(line.startswith("科研处 处长 孙朗 分机6101 > 吴桐 分机6119（休假中，由周岚代管）> 先导技术榜：生物医药领域")
               and "郑禾" in line for line in lines)
    assert "院科协 秘书长 卫然 分机6301 > 对外行文与盖章" in lines
    assert not any("│" in line or "├" in line for line in lines)


def test_a_roots_details_stay_lines_of_their_own_read_with_its_title() -> None:
    lines = clean_text(ORG_CHART).text.split("\n")
    assert "清河学院“科创中国”推荐工作组（组长：副院长 钱立）> 平台截止：2041年11月14日24时" in lines
    assert any(line.endswith("> 院内截止：2041年11月6日17:00，材料交科研处（明德楼210室）") for line in lines)


def test_a_cards_quotes_map_back_to_the_original() -> None:
    mt = clean_text(ORG_CHART)
    assert source_of(mt, ORG_CHART, "各系每领域限报1项") == "各系每领域限报1项"


def test_a_trees_line_splits_into_the_nodes_above_and_what_it_says() -> None:
    assert tree_path("科研处 处长 孙朗 > 周岚 分机6118 > 先导技术榜：电子信息领域") == ("科研处 处长 孙朗 > 周岚 分机6118", "先导技术榜：电子信息领域")
    assert tree_path("先导技术榜：每个领域不超过2个") == ("", "先导技术榜：每个领域不超过2个")
