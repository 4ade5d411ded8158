"""Who may apply to a list (and field): with the asker's situation, a clause-by-clause check;
without it, the list's conditions, the one closest to the question first."""

from __future__ import annotations

import re

from assistant.answer.eligibility import CHECK, COUNTED_TO, FAIL, PASS, Verdict, check, ordered
from assistant.answer.profile import Profile
from assistant.answer.rules.base import Context, Reply
from assistant.answer.similarity import overlap
from assistant.answer.years import asked_round
from assistant.ingest.textmap import locate
from assistant.model import AnswerType, EligibilityFact, FieldsFact


def answer_eligibility(ctx: Context) -> Reply | None:
    q = ctx.q
    if q.list_key is None:
        return None  # conditions differ per list: without one, retrieval finds the passage asked about
    picked = ctx.pick(EligibilityFact, lambda f: ctx.matches_list(f) and ctx.matches_field(f) and bool(f.conditions))
    if picked is None:
        return None
    year, facts = picked
    if q.profile and len(facts) > 1:
        facts = most_decided(q.profile, facts, year)
    if q.field_key is None:
        facts = closest_groups(q.profile, facts, year)
    if q.profile and q.answer_type != AnswerType.NAMES:  # "有哪些硬性要求" asks for the conditions, not a verdict
        verdicts, unruled = check(facts[0], q.profile, year)
        if unruled or any(v.reason for v in verdicts):  # the situation decides something: check it
            checked = self_check(ctx, facts[0], year)
            checked.direct += _shared(ctx, facts[0], year)
            return checked
    if q.excluding:
        return _exclusions(ctx, facts[:2], year)
    direct: list[str] = []
    for f in facts[:2]:
        conds = sorted(f.conditions, key=lambda c: -overlap(q.text, c))
        best = conds[0] if overlap(q.text, conds[0]) > overlap(q.text, conds[-1]) else None
        head = f"{year}年{'、'.join(f.lists)}（{f.heading}）申报条件"
        cite = ctx.cite(f)
        direct += _scope(ctx, f)
        if best:
            direct.append(f"{head}中与您的问题最相关的一条：{best}{cite}")
            direct.append("全部条件：" + " ".join(f.conditions))
        else:
            direct.append(f"{head}：" + " ".join(f.conditions) + cite)
        direct += f.exclusions[:1]
    direct[0] += ctx.year_note(year)
    return Reply(direct + _shared(ctx, facts[0], year))


def _shared(ctx: Context, f: EligibilityFact, year: int) -> list[str]:
    """The conditions the same notice sets for every list ("园区推荐对象须同时满足：1. 在园区注册…"): they bind
    an applicant to the list asked too."""
    if not f.lists:
        return []
    # (A numbered list of its own, in the part the list's conditions stand in: not a part restating every list's.)
    every = [g for g in ctx.store.select(EligibilityFact, year=year)
             if g.notice_id == f.notice_id and g.section == f.section and not g.lists and g.conditions
             and all(ITEM_NUMBER.match(c) for c in g.conditions)]
    return [f"该通知对所有推荐对象的共同条件（{g.heading}）：" + " ".join(g.conditions) + ctx.cite(g) for g in every[:1]]


ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.．、]")

# A condition that rules some out: "不包括港、澳、台地区", "不属于…淘汰类", "不涉密", "未列入经营异常名录".
EXCLUDING = re.compile(r"不包括|不含|不属于|不得|不能|不予|禁止|限制|淘汰|涉密|失信|异常|未发生|未列入|不再|除外")


def _exclusions(ctx: Context, facts: list[EligibilityFact], year: int) -> Reply:
    """"哪些企业肯定报不了": the conditions that rule applicants out, then the rest."""
    direct: list[str] = []
    for f in facts:
        ruling_out = [c for c in f.conditions if EXCLUDING.search(c)] + [x for x in f.exclusions if x not in f.conditions]
        rest = [c for c in f.conditions if not EXCLUDING.search(c)]
        head = f"{year}年{'、'.join(f.lists)}（{f.heading}）"
        if ruling_out:
            direct.append(f"{head}申报条件中排除的情形：" + " ".join(ruling_out) + ctx.cite(f))
            direct += ["其余条件：" + " ".join(rest)] if rest else []
        else:
            direct.append(f"{head}申报条件：" + " ".join(f.conditions) + ctx.cite(f))
    direct[0] += ctx.year_note(year)
    return Reply(direct)


def _cite_clause(ctx: Context, f: EligibilityFact, text: str) -> str:
    notice = ctx.store.notices.get(f.notice_id)
    span = locate(notice.original, text, f.start, f.end) if notice else None
    return ctx.citer.cite(f.notice_id, f.section, text, *(span or (f.start, f.end)))


NAMED_OPEN = 3  # open clauses named in a line; more are only cited, a long list would bury a second ask
OPEN_SHOWN = 16  # an open clause named: "县内另要求在本县注册纳税" whole, a long one's start
PASSED_SHOWN = 48  # a founding clause with its relaxation fits; a long list of unit types does not
# Shared character bigrams that make an open clause bear on the message ("研发投入" in both).
BEARS = 3
# A domain is a few words ("国产CAE仿真软件"): two shared bigrams tie it to a description.
DOMAIN_BEARS = 2
# What a list or field group is for, before its conditions: "绿色低碳领域面向能源、交通…遴选…技术。"
SCOPE = re.compile(r"(?:遴选|面向|征集)[^。]*。")


def _unnamed(text: str, f: EligibilityFact, fields: bool = True) -> str:
    """The message without the names of the list (and fields) it asks about: sharing those says nothing."""
    for name in sorted([*f.lists, *(f.fields if fields else []), "科创中国", "申报条件"], key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def _wording(f: EligibilityFact) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """What check() reads of a field group: its conditions, its exclusions, and the day its quote counts
    experience to ("计算截至2031年6月30日")."""
    to = COUNTED_TO.search(f.quote)
    return tuple(f.conditions), tuple(f.exclusions), to.group(0) if to else ""


def _ranked(profile: Profile, facts: list[EligibilityFact], year: int) -> list[tuple[EligibilityFact, list[Verdict]]]:
    """Each field group with the conditions the asker's situation is seen to meet (what it fails is
    said where it is checked, not weighed here: the groups word the same condition apart), most met
    first, then the one whose description is closest to what the asker works on."""
    # (Checked once per wording: the notices restating a call word its groups alike.)
    met: dict[tuple[str, ...], list[Verdict]] = {}
    keys = [_wording(f) for f in facts]
    for f, key in zip(facts, keys, strict=True):
        if key not in met:
            met[key] = [v for v in check(f, profile, year)[0] if v.verdict == PASS]
    passed = [(f, met[key]) for f, key in zip(facts, keys, strict=True)]
    return sorted(passed, key=lambda fp: (-len(fp[1]), -overlap(profile.domain or "", fp[0].quote)))


def most_decided(profile: Profile, facts: list[EligibilityFact], year: int) -> list[EligibilityFact]:
    """Several notices of the round set conditions for the list (the call restated in full, a society's
    one local rule) and the asker names none of them: the set on which the asker's situation decides
    most clauses first ("2077年4月起做技术转移" rules on "满3年", not on "须为本学会个人会员")."""
    return sorted(facts, key=lambda f: -sum(1 for v in check(f, profile, year)[0] if v.reason))


def closest_groups(profile: Profile, facts: list[EligibilityFact], year: int) -> list[EligibilityFact]:
    """"我们做RV减速器，原创，国内一直依赖进口…先导榜能报吗": the field groups, the one whose conditions the
    asker is seen to meet first (原始创新, 依赖进口: the 产业基础 group), then the one whose description is
    closest to what the asker works on."""
    if len(facts) < 2:
        return facts
    ranked = _ranked(profile, facts, year)
    return [f for f, _ in ranked] if profile.domain or ranked[0][1] else facts


def fitting_group(ctx: Context, year: int) -> list[str]:
    """"我们做国产CAE仿真软件，该报哪个领域": the field group whose conditions the asker meets, else whose
    description is closest to what the asker works on, with the sentence that says so; nothing when
    neither tells one group from the others."""
    profile, domain = ctx.q.profile, ctx.q.profile.domain
    named = _story_field(ctx, year)
    if named:
        return [named]
    facts = ctx.store.select(EligibilityFact, lambda f: ctx.matches_list(f) and bool(f.field_keys), year=year)
    if len(facts) < 2:
        return []
    if domain:
        # What the asker works on, where a group's description says it ("生态修复" -> 绿色低碳).
        near = sorted(facts, key=lambda f: -overlap(domain, f.quote))[0]
        scope = _scope(ctx, near, domain, least=DOMAIN_BEARS)
        if scope:
            return [f"按您所做的“{domain}”，最接近的是{near.heading}。", *scope]
    (best, met), (_, second) = _ranked(profile, facts, year)[:2]
    if len(met) > len(second):
        # Else the conditions the asker is seen to meet ("原创", "依赖进口" -> 产业基础).
        said = "；".join(v.clause.text + _cite_clause(ctx, best, v.clause.text) for v in met)
        return [f"按您所述，符合的是{best.heading}的条件：{said}"]
    return []


def _story_field(ctx: Context, year: int) -> str:
    """"做城镇污水处理的，该选哪个领域": the round's field that what the asker works on falls in, by the
    field's other names (data/aliases.yaml), as the round names it."""
    if ctx.q.story_field is None:
        return ""
    key, said = ctx.q.story_field
    facts = ctx.store.select(FieldsFact, ctx.matches_list, year=year)
    for f in facts:
        if key in f.field_keys:
            name = f.fields[f.field_keys.index(key)]
            return f"按您所述的“{said}”，对应{year}年{'、'.join(f.lists)}的“{name}”领域{ctx.cite(f)}。"
    if facts:  # the round sets up no such field: said, with the fields it does set up after it
        return f"{year}年{'、'.join(facts[0].lists)}未设与“{said}”对应的领域{ctx.cite(facts[0])}。"
    return ""


def _scope(ctx: Context, f: EligibilityFact, said: str | None = None, least: int = BEARS) -> list[str]:
    """The sentence of the fact's passage saying what its fields take, closest to the message, when
    the message shares words with it (a technology described: "做光伏加储能…报绿色低碳方向合适吗")."""
    lead = f.quote.split("应符合以下条件")[0]
    said = said or _unnamed(ctx.q.text, f, fields=False)  # (a field's name says which sentence is its own)
    scored = sorted(((overlap(said, s), s.strip()) for s in re.findall(r"[^。]*。", lead) if SCOPE.search(s)), reverse=True)
    if not scored or scored[0][0] < least:
        return []
    return [f"{'、'.join(f.lists)}：{scored[0][1]}{_cite_clause(ctx, f, scored[0][1])}"]


def _short(text: str, size: int = 10) -> str:
    return text if len(text) <= size else text[:size] + "…"


def self_check(ctx: Context, f: EligibilityFact, year: int) -> Reply:
    # A round whose notices restate no conditions is checked against the latest that do, its years
    # reckoned from the round asked ("以2023年反推" of 2023's call is 以2039年反推 in 2039).
    asked = asked_round(ctx.q, ctx.store) or year
    verdicts, unruled = check(f, ctx.q.profile, max(year, asked))
    older = f"（{asked}年的通知未列出这些条件，按{year}年的条件核对，年限按{asked}年计）" if asked > year else ""
    direct = [f"按{year}年{'、'.join(f.lists)}（{f.heading}）申报条件逐条核对{older or ctx.year_note(year)}："]
    direct += _scope(ctx, f)
    decided = [v for v in ordered(verdicts) if v.reason]
    for v in decided:
        # A clause met is named short (its reason says how), save the kinds of unit it lists (what the
        # asker may be); one failed or open is quoted whole.
        shown = _short(v.clause.text, PASSED_SHOWN) if v.verdict == PASS and v.clause.type != "org_type" else v.clause.text
        direct.append(f"{v.verdict}：{shown}{_cite_clause(ctx, f, v.clause.text)}——{v.reason}")
    if unruled:
        direct.append(f"通知未规定：{'、'.join(unruled)}（申报条件中没有这方面的门槛）。")
    unchecked = [v for v in verdicts if v.verdict == CHECK and not v.reason]
    open_count = len(unchecked)
    notes = []
    # The open clauses that share words with the message are quoted whole (the asker may not have said
    # enough to check them, but they bear on the case); the rest only named, a long list would bury the verdicts.
    said = _unnamed(ctx.q.text, f)
    bearing = sorted((v for v in unchecked if overlap(said, v.clause.text) >= BEARS), key=lambda v: -overlap(said, v.clause.text))[:2]
    for v in bearing:
        direct.append(f"{CHECK}：{v.clause.text}{_cite_clause(ctx, f, v.clause.text)}")
    unchecked = [v for v in unchecked if v not in bearing]
    if unchecked:
        marks = "".join(_cite_clause(ctx, f, v.clause.text) for v in unchecked)
        named = f"（{'、'.join(_short(v.clause.text, OPEN_SHOWN) for v in unchecked)}）" if len(unchecked) <= NAMED_OPEN else "（见引文）"
        notes.append(f"需要核实：其余{len(unchecked)}项条件{named}{marks}")
    failed = [v for v in verdicts if v.verdict == FAIL]
    passed = [v for v in verdicts if v.verdict == PASS]
    if f.from_prose and not failed:
        # Read from one sentence of the notice, not a conditions section: it may set others elsewhere.
        notes.append("（以上条件摘自通知正文的一句话，通知其他段落可能另有要求，请对照原文。）")
    if failed:
        notes.append(f"结论：有{len(failed)}条不符合，按通知条件不能申报；如有疑问请向该榜单联系人确认。")
    elif passed:
        notes.append(f"结论：已核对的{len(passed)}条符合；其余{open_count}条请逐条自行核实后再确定能否申报。")
    else:
        notes.append("结论：您提供的情况不足以判断，请对照以上条件逐条核实。")
    return Reply(direct, notes)
