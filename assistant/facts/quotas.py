"""Recommendation quotas per list (and per field), and the rules that go with them."""

from __future__ import annotations

import re

from ..notices import Notice, heading_level
from .common import Fact, Span, clauses, find_list_names, make_fact

CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUM = r"(\d+|[一二两三四五六七八九十])"
LIMIT = re.compile(rf"(?:不超过|不多于|最多|至多|限)\s*{NUM}\s*(个|人|项|名|家)")
PER_PERSON = re.compile(rf"(?:每人|每位)\S{{0,4}}?(?:可)?推荐\s*{NUM}\s*(个|人|项|名)")
QUOTA_SECTION = re.compile(r"名额|推荐")


def _in_heading(span: Span) -> bool:
    first = span.section.lines[0]
    return heading_level(first.text) is not None and first.start <= span.start < first.end


def _num(s: str) -> int:
    return int(s) if s.isdigit() else CN_NUM[s]


def extract_quotas(notice: Notice, list_names: list[str]) -> list[Fact]:
    facts: list[Fact] = []
    for span in clauses(notice, "。；;"):
        if span.section.path and span.section.path[0].startswith("附件"):
            continue  # attachments describe forms, not quotas
        m = LIMIT.search(span.text) or PER_PERSON.search(span.text)
        if m and "推荐" in span.text:
            names = [n for n in find_list_names(span.text, list_names) if not n.startswith(("系列", "科创中国"))]
            subject = ""
            if not names:
                head = re.split(r"[，,]?(?:每人|每位|各单位|每个单位|各有关单位)", span.text)[0]
                subject = re.sub(r"^\d{1,2}[.．、]\s*", "", head).strip()
                if len(list_names) == 1 and not PER_PERSON.search(span.text):
                    names = list(list_names)
            facts.append(
                make_fact(
                    notice,
                    "quota",
                    span,
                    value=f"{_num(m.group(1))}{m.group(2)}",
                    lists=names,
                    attrs={
                        "number": _num(m.group(1)),
                        "unit": m.group(2),
                        "per_field": bool(re.search(r"每个(?:技术)?领域", span.text)),
                        "per_person": bool(PER_PERSON.search(span.text)),
                        "in_principle": "原则上" in span.text,
                        "subject": subject,
                    },
                )
            )
        elif not _in_heading(span) and QUOTA_SECTION.search(span.section.path[-1]) and re.search(
            r"名额|不再推荐|叠加", span.text
        ):
            facts.append(make_fact(notice, "quota_rule", span, value=span.text, lists=find_list_names(span.text, list_names)))
    return facts
