"""A knowledge graph's Turtle export read as statements: a predicate and its objects a line, a
blank node's statements under it, a contact's label as its person."""

from __future__ import annotations

from assistant.ingest.notices import clean_text
from assistant.ingest.turtle import is_turtle

GRAPH = """@prefix : <https://kg.example.cn/tz/> .
@prefix org: <https://kg.example.cn/org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
# 说明：本图谱由科研处维护。
:通知_科研处_2070_5
    a :转发通知 ;
    rdfs:label "关于申报2070年“科创中国”榜单的通知" ;
    :文号 "云科研〔2070〕5号" ;
    :学院报送截止 "2070年11月2日17:00" ;
    :发布日期 "2070-10-09"^^<http://www.w3.org/2001/XMLSchema#date> .
:领域_绿色低碳
    rdfs:label "绿色低碳" ;
    :初评机构 org:中国科协低碳学会协作体 ;
    :初评联系 [
        a :联系人 ;
        rdfs:label "秦望舒" ;
        :手机 "13900001111"
    ] .
:榜单_先导技术榜 :产业领域 :领域_电子信息 , :领域_绿色低碳 ; :校内名额 "每个学院不超过2项" .
:阶段_终评 rdfs:label "终评评审" ; :时间 "2071年1月" .
"""


def test_a_graph_reads_as_statements_with_its_contacts_as_blocks() -> None:
    assert is_turtle(GRAPH)
    lines = clean_text(GRAPH).text.split("\n")
    assert "说明：本图谱由科研处维护。" in lines and not any("@prefix" in line for line in lines)
    assert "名称：关于申报2070年“科创中国”榜单的通知" in lines and "学院报送截止：2070年11月2日17:00" in lines
    assert "发布日期：2070-10-09" in lines  # a literal without its datatype
    assert "初评机构：中国科协低碳学会协作体" in lines  # an entity by its local name
    at = lines.index("初评联系：")
    assert lines[at + 1 : at + 3] == ["联系人：秦望舒", "手机：13900001111"]  # the blank node's label is its person
    assert "产业领域：电子信息、绿色低碳" in lines and "校内名额：每个学院不超过2项" in lines
