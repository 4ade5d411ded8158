"""Deadlines: the platform's, a stage's, the review bodies', or a forwarding society's own; when
one notice gives two dates for one thing, both are shown."""

from __future__ import annotations

import re

from assistant.answer.phrasing import deadline_text
from assistant.answer.rules.base import Context, Reply
from assistant.answer.similarity import bigrams, overlap
from assistant.ingest.facts.common import names_calls_side
from assistant.ingest.textmap import CELL
from assistant.model import Category, DeadlineFact, DeadlineForm, NoticeKind, Scope

STILL_TIME = re.compile(r"过了|来得及|赶得上|还能(?:交|报|申报|提交)|晚了|还有几天|还剩")


# The first round's results are what is due ("初评结果哪天前报", "评完的结果哪天前交"), not applications.
REVIEW_RESULTS = re.compile(r"初评|评(?:审|完|好|出)?(?:的|后的)?结果|评(?:审|完|好)[^，,。？?]{0,8}结果")


def _piece(f: DeadlineFact) -> str:
    """The part of the deadline's sentence that holds its date."""
    pieces = [re.sub(r"^\d{1,2}[.．、]\s*", "", p).strip() for p in re.split(r"[，,；;。]", f.quote)]
    return next((p for p in pieces if f.written and f.written.split("（")[0] in p), f.written)


# A unit's notice restating the call's own date: "中国科协平台申报截止时间为…" is not the unit's deadline.
CALLS_OWN = re.compile(r"中国科协|全国|国家")


# A body's own step: "平台推荐：市科协于11月24日前在平台完成推荐确认" is when the body acts, not when
# materials are due to it (the notice's audience acting, "各设区市科协…于10月28日前…报省科协", is the asker's step).
BODY_ACTS = re.compile(r"^(?:[^，,：:]{0,12}[：:])?\s*(?!各)[\u4e00-\u9fff]{0,10}(?:科协|学会|协会|学校|科研院|研究院|秘书处|联合体|主管部门)"
                       r"(?:将|于|应|须|统一)")


def _restated(ctx: Context, f: DeadlineFact) -> bool:
    return not ctx.store.is_original(f) and bool(CALLS_OWN.search(_piece(f)))


def _same_step(a: DeadlineFact, b: DeadlineFact) -> bool:
    """Whether two deadlines are for one thing: a cut-off ("申报截止时间：…") is for whatever is due; two
    "…前" dates are when what is due reads alike ("提交材料" / "材料提交"), not "在平台点击提交…" beside
    "在平台完成推荐确认"."""
    if DeadlineForm.CUTOFF in (a.form, b.form):
        return True
    shorter = min(len(bigrams(a.action)), len(bigrams(b.action)))
    return overlap(a.action, b.action) * 2 >= shorter


def _fit(ctx: Context, f: DeadlineFact) -> int:
    """How much of the question a deadline's sentence and what it says is due share (the step it names;
    a corrected deadline's sentence is the correction, what is due is the corrected sentence's)."""
    return max(overlap(ctx.q.words, f.quote), overlap(ctx.q.words, f.action))


def _best(ctx: Context, facts: list[DeadlineFact]) -> int:
    return max((_fit(ctx, f) for f in facts), default=0)


ONLINE_ASKED = re.compile(r"线上|网上|在线")  # (a platform named is understand.asks_platform_side's to decide)


def calls_cutoff(f: DeadlineFact) -> bool:
    """The call's own platform cut-off as a unit's notice restates it (not a unit's step done online)."""
    return f.form == DeadlineForm.CUTOFF and names_calls_side(f.quote)


def answer_deadline(ctx: Context) -> Reply | None:
    q, store = ctx.q, ctx.store
    internal_asked = q.own_step or ctx.own_notice
    if REVIEW_RESULTS.search(q.text):
        picked = ctx.pick(DeadlineFact, lambda f: f.category == Category.REVIEW)
    elif ctx.own_notice and "平台" in q.text:  # "学校什么时候在平台统一提交": the unit's own platform date
        picked = ctx.pick(DeadlineFact, lambda f: f.scope == Scope.PLATFORM)
    elif internal_asked:
        # (Not a date results are told by: nothing is due then, "预审意见于11月3日前反馈科技创新部".)
        picked = ctx.pick(DeadlineFact, lambda f: f.scope == Scope.INTERNAL and f.category != Category.TOLD)
        # (The call's own cut-off the unit restates, "科协平台的截止时间为12月5日24时", only when the ask names
        # the online side: "市里的截止时间" is the unit's own date, however much more of its words it holds.)
        online_asked = q.platform_side or bool(ONLINE_ASKED.search(q.words))  # (understand's side, or its online step)
        online = ctx.pick(DeadlineFact, lambda f: f.scope == Scope.PLATFORM and (online_asked or not calls_cutoff(f))) \
            if ctx.own_notice else None
        if online and (picked is None or _best(ctx, online[1]) > _best(ctx, picked[1]) + 1):
            picked = online  # "学会什么时候完成线上推荐": the notice's own step online, named by the question
    elif re.search(r"终评|终审|发布|宣传", q.text):
        return None  # a stage, not a deadline: the schedule answers it
    else:
        picked = ctx.pick(DeadlineFact, lambda f: f.category == Category.SUBMISSION and f.scope != Scope.INTERNAL)
    if picked is None:
        return None
    year, in_year = picked
    chosen = [f for f in in_year if ctx.matches_list(f) or not f.lists]
    if not chosen:
        return None
    # Most specific first: an explicit "截止时间为…" line, then a stage's "…前" sentence.
    # In a society's or a unit's own notice, the step the question names ("联盟报送中国科协是哪天").
    # A date given for the list asked comes before one given for every list. A date results are told
    # by ("11月18日前告知初审结果") comes last: nothing is due by it.
    # A unit's own step asked with no notice named ("材料最晚哪天交到省科协"): the step the question
    # names first, whichever unit's notice it is in.
    # A unit's step asked ("材料最迟哪天交给市科协"): the call's date its notice restates comes after its own.
    own_side = internal_asked and not q.platform_side
    chosen.sort(key=lambda f: (f.category == Category.TOLD,  # no one's materials are due by it
                               own_side and _restated(ctx, f),
                               q.own_step and bool(BODY_ACTS.match(_piece(f))),  # the asker's step, not a body's after it
                               not store.is_original(f) and not internal_asked,
                               -_fit(ctx, f) if internal_asked and not ctx.own_notice else 0,
                               not (q.list_key and f.lists),
                               -_fit(ctx, f) if ctx.own_notice else 0,
                               f.category != Category.SUBMISSION,  # materials' date before 入会截止's
                               f.form != DeadlineForm.CUTOFF, f.start))
    first = chosen[0]
    if first.scope == Scope.INTERNAL:
        internal = store.notices.get(first.notice_id)
        if internal is not None and internal.kind == NoticeKind.INTERNAL:
            what = "单位内部材料报送截止时间"
        elif internal is not None and (not internal.issuer or re.search(r"(?:学会|研究会)(?:秘书处|办公室)?$", internal.issuer)):
            what = "学会内部材料报送截止时间"  # a society's (or an unsigned forwarding notice's) date for its members
        else:
            what = "本通知规定的材料报送截止时间"  # not a society: its own date for what it passes on
    else:
        what = "初评结果报送截止时间" if first.category == Category.REVIEW else "申报截止时间"
    # A date every list shares, asked of one list: said of that list (the answer is about what was asked).
    shared = name if not first.lists and first.scope != Scope.INTERNAL and (name := ctx.list_name(year)) else ""
    head = f"{year}年{shared}{what}：{deadline_text(first, ctx.today, days_left=bool(STILL_TIME.search(q.text)))}{ctx.cite(first)}{ctx.year_note(year)}"
    if shared:
        head += "（各榜单统一）"
    if first.action and first.form == DeadlineForm.BEFORE:
        head += f"，需{first.action}"
    direct, notes = [head], []
    # Another scope's date (the platform's beside a unit's own) only when the asker names that side.
    side = [f for f in chosen[1:] if f.scope == first.scope or q.platform_side]
    for f in side:
        if f.date != first.date and f.notice_id == first.notice_id and f.start == first.start:
            # "11月6日下班前完成网上填报，纸质材料最迟不晚于11月8日送达": two steps of one sentence.
            direct.append(f"同一句另有：{_piece(f)}（{deadline_text(f, ctx.today)}）{ctx.cite(f)}")
    # The other side of "society vs CAST platform" deadlines, when the asker names it: a unit's own
    # date asked alone ("学会内部几号截止") is answered alone; the platform's date beside it misleads.
    if internal_asked and q.platform_side:
        platform = store.select(DeadlineFact, lambda f: f.scope == Scope.PLATFORM and f.form == DeadlineForm.CUTOFF, year=year)
        # The call's own platform date, else the one the same notice gives; never another unit's by chance.
        platform = [f for f in platform if store.is_original(f) or f.notice_id == first.notice_id]
        platform.sort(key=lambda f: (not store.is_original(f), f.notice_id != first.notice_id))
        if platform:
            direct.append(f"{store.label(platform[0].notice_id)}规定的“科创中国”平台申报截止时间为"
                          f"{deadline_text(platform[0], ctx.today)}{ctx.cite(platform[0])}。")
    same_notice = [f for f in chosen if f.notice_id == first.notice_id]  # "两处日期不一致" is about one notice
    for f in side:
        # Two dates for one thing; "材料提交截止 4月12日" and "报送中国科协 4月26日" are two things, and
        # so are two steps of one sentence, and the dates of two lists ("两个榜单材料于10月20日前").
        if f.date != first.date and f in same_notice and f.category == first.category and f.start != first.start \
                and _restated(ctx, f) == _restated(ctx, first) and _same_step(f, first) \
                and set(f.list_keys) == set(first.list_keys) and not (CELL in f.quote and CELL in first.quote):
            # (Two rows of one table are two items: a work plan's stages each have their own day.)
            notes.append(f"注意：同一通知另处写的是{deadline_text(f, ctx.today)}{ctx.cite(f)}，两处日期不一致，请以较早者为准或向联系人确认。")
    support = [f for f in chosen[1:] if (f.notice_id, f.start) != (first.notice_id, first.start)][:2]
    if len({f.date for f in same_notice}) == 1 and support:  # other passages saying the same date
        notes.append("依据：" + "".join(ctx.cite(f) for f in support))
    return Reply(direct, notes)
