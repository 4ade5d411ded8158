"""A notice drawn as a Graphviz DOT file read as what the drawing shows (assistant/ingest/graphviz.py)."""

from assistant.ingest.graphviz import dot_text, is_dot
from assistant.ingest.textmap import MappedText

DOT = (
    "/*\n * 岚川市科学技术协会\n * 文号：岚科协发〔2070〕41号\n */\n"
    "digraph flow {\n  graph [rankdir=TB, label=\"岚川市榜单申报流程\"];\n"
    "  node [shape=box];\n"
    "  a [label=\"市内申报截止\\n2070年11月25日17:00前\"];\n"
    "  b [label=\"专家书面评审\\n12月1日—12月3日\"];\n"
    "  a -> b [label=\"11月25日后\"];  // 形式审查\n"
    "  subgraph cluster_x { label=\"先导技术榜\";\n"
    "    r [shape=record, label=\"{先导技术榜|市内截止：11月25日|邹某|0794-8213460}\"]; }\n}\n"
)


def test_a_drawing_reads_as_its_labels_and_comments() -> None:
    assert is_dot(DOT)
    lines = [line.strip() for line in dot_text(MappedText.of(DOT)).text.splitlines() if line.strip()]
    assert "岚川市科学技术协会" in lines and "文号：岚科协发〔2070〕41号" in lines  # the header comment's words
    assert "市内申报截止 2070年11月25日17:00前" in lines  # one box, one line
    assert "先导技术榜 | 市内截止：11月25日 | 邹某 | 0794-8213460" in lines  # a record's fields as cells
    assert "形式审查" in lines and "先导技术榜" in lines
    assert not any("->" in line or "rankdir" in line or "shape" in line for line in lines)


def test_a_text_mentioning_a_graph_is_no_drawing() -> None:
    assert not is_dot("各单位：\n请按 graph 流程图 { 办理 }。\n")
