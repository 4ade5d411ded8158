"""Recommendation quotas per list (and per field), and the rules that go with them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assistant.ingest.dates import cn_number
from assistant.ingest.facts.common import Span, clauses, find_list_names, form_annex, make_fact
from assistant.ingest.notices import Notice, heading_level
from assistant.model import Fact, QuotaFact, QuotaRuleFact

NUM = r"(\d+|[一二两三四五六七八九十])"
LIMIT = re.compile(
    rf"(?:不超过|不多于|最多|至多|限报|限推荐?|限)\s*(?:报送|推荐|申报|可报|报)?\s*{NUM}\s*(个|人|项|名|家)|(?:推荐|报送|申报)\s*{NUM}\s*(个|人|项|名|家)以内"
    rf"|名额(?:为|是|共|：|:)\s*{NUM}\s*(个|人|项|名|家)"  # "联盟推荐名额为两家"
)
# "先导技术榜 | 3项": a row of a 名额分配 table.
TABLE_ROW = re.compile(rf"^[“\"]?(?P<name>[\u4e00-\u9fff]{{2,14}}榜)[”\"]?\s*\|\s*{NUM}\s*(个|人|项|名|家)\s*$")
PER_PERSON = re.compile(rf"(?:每人|每位)\S{{0,4}}?(?:可)?推荐\s*{NUM}\s*(个|人|项|名)")
QUOTA_SECTION = re.compile(r"名额|推荐")
QUOTAS_INTRODUCED = re.compile(r"(?:名额|推荐)[^。；;：:]{0,12}[：:]")
EACH_FIELD = re.compile(r"每个(?:技术)?领域")


def read_limit(text: str) -> tuple[int, str, str] | None:
    """A limit a clause sets ("各区（县）报送不超过1个"): its number, its unit, and who it is set
    for, the words before it ("各区（县）报送")."""
    m = LIMIT.search(text)
    if m is None:
        return None
    who = re.sub(r"(?:推荐|报送|申报|可报|每个?领域|各领域)+$", "", text[: m.start()])
    return _number(m), _unit(m), re.sub(r"^(?:每个?领域|各领域)", "", who).strip("，,：: ")


def _named(text: str, list_names: list[str]) -> list[str]:
    return [n for n in find_list_names(text, list_names) if not n.startswith(("系列", "科创中国"))]


def _in_heading(span: Span) -> bool:
    first = span.section.lines[0]
    return heading_level(first.text) is not None and first.start <= span.start < first.end


def _number(m: re.Match[str]) -> int:
    return cn_number(next(g for g in m.groups()[0::2] if g)) or 0


def _unit(m: re.Match[str]) -> str:
    return next(g for g in m.groups()[1::2] if g)


def _limit_parts(spans: Iterable[Span]) -> Iterator[tuple[Span, str]]:
    """A clause with several limits ("先导技术榜限报3项，新锐企业榜限报4家") split at its commas,
    so that each limit goes with the list named beside it; each part comes with its whole clause
    (whose "推荐" governs every part: "学会推荐先导技术榜不超过2项，融通创新组织榜不超过1个")."""
    for span in spans:
        if len(LIMIT.findall(span.text)) < 2:
            yield span, span.text
            continue
        pos = 0
        for piece in re.split(r"(?<=[，,、])", span.text):
            if piece.strip():
                part = Span(span.start + pos, span.start + pos + len(piece.rstrip("，,、")), piece.rstrip("，,、"), span.section, span.before)
                yield part, span.text
            pos += len(piece)


def extract_quotas(notice: Notice, list_names: list[str]) -> list[Fact]:
    facts: list[Fact] = []
    for span, whole in _limit_parts(clauses(notice, "。；;")):
        if form_annex(span.section):
            continue  # a form's 名额 field is a blank to fill in
        m = LIMIT.search(span.text) or PER_PERSON.search(span.text)
        row = TABLE_ROW.match(span.text) if QUOTA_SECTION.search(span.section.path[-1]) else None
        if row and not m:
            number = cn_number(row.group(2)) or 0
            facts.append(make_fact(notice, QuotaFact, span, value=f"{number}{row.group(3)}", lists=[row.group("name")],
                                   number=number, unit=row.group(3), per_field=False, per_person=False,
                                   in_principle=False, subject=""))
            continue
        # (A line that introduces its limits, "园区合计推荐名额为：先导技术榜…；新锐企业榜不超过8个；…", governs each.)
        if m and (re.search(r"推荐|限报|限推|报送|申报|名额", whole) or QUOTAS_INTRODUCED.search(span.before)):
            names = _named(span.text, list_names)
            if not names and whole != span.text and len(_named(whole, list_names)) == 1:
                # "先导技术榜：每家会员单位限报1项，联盟择优推荐不超过三项": both limits are the list's.
                names = _named(whole, list_names)
            subject = ""
            if not names:
                head = re.split(r"[，,]?(?:每人|每位|各单位|每个单位|各有关单位)", span.text)[0]
                subject = re.sub(r"^\d{1,2}[.．、]\s*", "", head).strip()
                if len(list_names) == 1 and not PER_PERSON.search(span.text):
                    names = list(list_names)
            facts.append(
                make_fact(
                    notice,
                    QuotaFact,
                    span,
                    value=f"{_number(m)}{_unit(m)}",
                    lists=names,
                    number=_number(m),
                    unit=_unit(m),
                    per_field=bool(EACH_FIELD.search(span.text)),
                    per_person=bool(PER_PERSON.search(span.text)),
                    in_principle="原则上" in span.text,
                    subject=subject,
                )
            )
        elif not _in_heading(span) and QUOTA_SECTION.search(span.section.path[-1]) and re.search(
            r"名额|不再推荐|叠加", span.text
        ):
            facts.append(make_fact(notice, QuotaRuleFact, span, value=span.text, lists=find_list_names(span.text, list_names)))
    return facts
