"""Where a question part's years are settled, once, after it is understood: the years it asks
(written, or relative to today), or its pointed notices' latest year, or the latest round whose call
is in when a relative year ("今年") has no call yet; and whether the notices cover them at all.

`understand.find_years` reads what the words say; this decides what is answered for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from assistant.answer.pointer import PointedBy, Pointer
from assistant.answer.understand import Query
from assistant.ingest.notices import NoticeRecord
from assistant.model import Intent, YearSource


@dataclass(frozen=True)
class YearDecision:
    query: Query  # the part with its years settled
    note: str  # what the answer says about the years chosen ("尚未收录2024年的…")
    refusal: str | None  # why it cannot be answered: the asked years have no notice


class Rounds(Protocol):
    """What the corpus holds by year (the fact store is one)."""

    years: list[int]  # every year with a notice or a fact
    rounds: list[int]  # the series' rounds
    called: set[int]  # rounds whose original call is in
    notices: dict[str, NoticeRecord]

    def mentions(self, list_key: str, year: int) -> bool: ...


def settle(q: Query, rounds: Rounds) -> YearDecision:
    """The years a part is answered for, and what is said about them."""
    told = [y for y in q.story_years if y in rounds.rounds]
    if not q.years and told and not (q.current_round or q.notice_ids) and q.intent != Intent.ELIGIBILITY:
        # "21年榜单线上报完了，纸质材料还要寄吗": nothing else dates the ask; the round of the step told of.
        note = f"（按您提到的{'、'.join(map(str, told))}年那一轮回答。）\n"
        return YearDecision(replace(q, years=told, year_source=YearSource.CONTEXT), note, None)
    covered = rounds.years if q.notice_ids else rounds.rounds  # a stand-alone call's year counts only for it
    missing = [y for y in q.years if y not in covered]
    uncalled = [y for y in q.years if y not in rounds.called] if rounds.called and not q.notice_ids else missing
    if q.years and len(uncalled) == len(q.years) and q.year_source == YearSource.RELATIVE:
        asked = "、".join(map(str, uncalled))
        if not missing:
            # "今年" in a year whose call is not in but whose units' notices are: they restate the
            # call with their own rules, so they answer for it.
            return YearDecision(q, f"（尚未收录{asked}年的原始征集通知，以下据该年各单位的通知回答。）\n", None)
        if rounds.years:
            # "今年" in a year with no notice of the series: the latest round whose call is in, said to be that.
            latest = default_round(rounds) or rounds.years[-1]
            what = "通知" if len(missing) == len(q.years) else "原始征集通知"
            note = f"（尚未收录{asked}年的{what}，以下按最新一轮{latest}年通知回答。）\n"
            return YearDecision(replace(q, years=[latest], year_source=YearSource.LATEST), note, None)
    if q.years and len(missing) == len(q.years) and q.first_round and covered:
        # "我记得是19年吧，第一次搞先导技术榜单那回": the first round is meant, not the year remembered.
        first = min(covered)
        note = f"（通知中没有{'、'.join(map(str, missing))}年的；第一次征集是{first}年，以下按{first}年通知回答。）\n"
        return YearDecision(replace(q, years=[first], year_source=YearSource.NOTICE), note, None)
    if q.years_unsure and q.list_key and len(q.years) > 1:
        # "20年还是21年来着…有个给投资机构上的榜": the year the list was set up in, of those named.
        held = [y for y in q.years if rounds.mentions(q.list_key, y)]
        if held and len(held) < len(q.years):
            note = f"（{'、'.join(str(y) for y in q.years if y not in held)}年未设此榜，以下按{'、'.join(map(str, held))}年通知回答。）\n"
            return YearDecision(replace(q, years=held, year_source=YearSource.NOTICE), note, None)
    if not q.years and q.current_round and not q.notice_ids and (latest := default_round(rounds)):
        # "这次想电子信息推3个": the call now open, though its words ("先导技术") may be an older round's.
        return YearDecision(replace(q, years=[latest], year_source=YearSource.LATEST), "", None)
    if q.years and len(missing) == len(q.years):
        return YearDecision(q, "", f"通知中未找到{'、'.join(map(str, missing))}年的榜单信息"
                                   f"（现有通知覆盖{'、'.join(map(str, covered))}年），不能用其他年份的信息代替回答。")
    return YearDecision(q, "", None)


def pointed_years(pointer: Pointer, rounds: Rounds) -> tuple[list[str], list[int]]:
    """A question that points at notices without a year: the notices of the latest year pointed
    at, for each issuer named ("东江联盟和浙东协会", one 2024 notice and one 2023), and their years.
    A kind of notice ("学会转发的通知") is read in the round being run, else the latest whose call is in."""
    notices = rounds.notices
    groups: dict[str, list[str]] = {}
    for i in pointer.ids:
        groups.setdefault(notices[i].issuer if pointer.by == PointedBy.ISSUER else "", []).append(i)
    keep: set[str] = set()
    for ids in groups.values():
        years = {y for i in ids if (y := notices[i].year)}
        if pointer.by == PointedBy.KIND and years & rounds.called and default_round(rounds) not in years:
            years &= rounds.called  # (the round being run is read even before its call is loaded: default_round)
        latest = max(years, default=None)
        keep |= {i for i in ids if latest is None or notices[i].year == latest}
    ids = [i for i in pointer.ids if i in keep]
    return ids, sorted({y for i in ids if (y := notices[i].year)}, reverse=True)


def asked_round(q: Query, rounds: Rounds) -> int | None:
    """The round a settled part is answered for: the latest year it asks, else the default round."""
    return max(q.years) if q.years else default_round(rounds)


def default_round(rounds: Rounds) -> int | None:
    """The round a part with no year is answered in first: the latest the notices hold. A round
    with only units' notices in (a society's forwarding of a call not yet loaded) is still the round
    being run: its notices restate the call with their own rules, and the previous round's call
    would answer with last year's quotas and dates."""
    return rounds.rounds[-1] if rounds.rounds else None  # (a called round is a round: none without them)
