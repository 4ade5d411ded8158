"""A tree exported as text read node by node with its path (ingest/outline.py)."""

from __future__ import annotations

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.outline import leaf_path, read_outline_tree
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
