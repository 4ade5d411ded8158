"""The eligibility self-check: a list's conditions split into atomic clauses with a type (and, where
the text gives one, a computable bound), each checked against the asker's profile:
符合 / 不符合 / 需要核实, with the clause quoted; what the profile says and no clause rules on is
reported as 通知未规定. Nothing is declared eligible while a clause is unchecked."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.answer.profile import Profile
from assistant.answer.similarity import overlap
from assistant.ingest.dates import DATED_EVENTS, cn_number
from assistant.model import EligibilityFact

PASS, FAIL, UNSET, CHECK = "符合", "不符合", "通知未规定", "需要核实"
NUMBER = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*")
DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
# "成立年限不超过10年", "注册成立不满8年", "成立时间不超过五年", "成立10年以内".
FOUNDING_YEARS = re.compile(
    r"(?:成立|注册)(?:成立)?(?:年限|时间)?(?P<op>不超过|不满|未满|不足|少于)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]+)\s*年"
    r"|(?:成立|注册)(?P<n2>\d{1,2}|[一二三四五六七八九十]+)\s*年(?:以内|之内)"
)
# "成立时间在2020年6月30日之前", "于2021年1月1日前注册成立", "成立时间早于…".
FOUNDING_BEFORE = re.compile(rf"(?:成立时间(?:须|应|需|要|是否)?(?:在|早于)|于|(?:须|应|需)在)\s*{DATE}\s*(?:之前|以前|前)(?:注册)?(?:成立)?")
# "工商注册成立时间在2014年1月1日（含）以后", "工商登记日期须为2014年1月1日及以后", "2020年1月1日及以后成立的企业".
FOUNDING_AFTER = re.compile(
    rf"(?:成立|注册|登记)(?:成立)?(?:时间|日期)?(?:须|应|需|要|是否)?(?:在|于|为|是)?\s*{DATE}\s*(?:[（(]含[）)])?\s*(?:及|或)?(?:以后|之后|后)"
    rf"|{DATE}\s*(?:[（(]含[）)])?\s*(?:及|或)?(?:以后|之后)(?:在[^，,。；;]{{1,8}}?)?(?:注册|登记)?成立"  # "…及以后在工商部门注册成立"
)

# "即2059年12月31日前完成备案", "须于2061年6月30日前入会", "2060年1月1日以后入驻": another event bounded by a date.
BOUND_DATE = rf"{DATE}\s*(?:[（(]含[）)])?\s*(?:及)?(以前|之前|前|以后|之后|后)"  # groups: year, month, day, side
EVENT_BOUND = re.compile(rf"(?:{DATED_EVENTS})[^，,；;。]{{0,16}}?{BOUND_DATE}|{BOUND_DATE}[^，,；;。]{{0,8}}?(?:{DATED_EVENTS})")


@dataclass
class Clause:
    text: str  # verbatim from the notice
    type: str
    fact: EligibilityFact
    number: int  # the condition's number in the notice (0 for an exclusion)


@dataclass
class Verdict:
    clause: Clause
    verdict: str
    reason: str = ""


def _split_top(text: str) -> list[str]:
    """Split at commas and semicolons outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in "，,；;" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    parts = [re.sub(r"^(?:且|并且|同时|以及)", "", p.strip()).rstrip("。.") for p in parts]
    return [p for p in parts if p]


# Years in the work: "从事技术转移相关工作满3年", "从业3年以上", "工作经历不少于三年".
EXPERIENCE = re.compile(r"(?:工作|从业|从事)[^，,；;。]{0,12}?(?:满|不少于|不低于)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*年(?:以上|及以上)?")


# R&D spending against revenue: "上一年度研发经费投入强度不低于5%".
RD_SHARE = re.compile(r"研发(?:经费)?(?:投入|费用|支出)[^，,；;。]{0,8}?(?:不低于|不少于|达到|≥|>=)\s*(\d{1,2}(?:\.\d+)?)\s*[%％]")


# (type, what the clause says) in the order they are tried; the first that fits names the type.
TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("prior_listing", re.compile(r"入选历年.*不再纳入候选|不再推荐")),
    ("founding_years", FOUNDING_YEARS),
    ("founding_date", re.compile(rf"{FOUNDING_BEFORE.pattern}|可放宽至{DATE}之前")),  # (its relaxation joins it)
    ("founding_after", FOUNDING_AFTER),
    ("event_date", EVENT_BOUND),
    ("org_type", re.compile(r"机构类型为")),
    ("region", re.compile(r"境内.{0,20}注册|注册.{0,10}境内")),
    ("record_window", re.compile(r"上一年及当年内未发生|未发生.{0,10}事故")),
    ("credit", re.compile(r"经营异常名录|失信企业名单")),
    ("catalogue", re.compile(r"禁止、限制和淘汰类|禁止类|淘汰类")),
    ("maturity", re.compile(r"成熟度|早期验证")),
    ("secrecy", re.compile(r"不涉密|公开宣传")),
    ("original", re.compile(r"原始创新")),
    ("import", re.compile(r"禁运|依赖进口")),
    ("five_basics", re.compile(r"五基")),
    ("pilot_city", re.compile(r"试点城市|示范市")),
    ("experience", EXPERIENCE),
    ("rd_share", RD_SHARE),
    ("training", re.compile(r"培训")),
    ("role", re.compile(r"任职于|工作岗位")),
    ("field_focus", re.compile(r"聚焦|重点产业领域")),
    ("size", re.compile(r"中小型|中小企业")),
    ("willingness", re.compile(r"意愿")),
    ("transferable", re.compile(r"可转化|可转移|可交易")),
]


def clause_type(text: str) -> str:
    return next((name for name, pattern in TYPES if pattern.search(text)), "other")


def clauses(f: EligibilityFact) -> list[Clause]:
    """The fact's conditions and exclusions as atomic clauses; neighbours of one type are one clause."""
    out: list[Clause] = []
    for number, condition in enumerate(f.conditions, 1):
        body = NUMBER.sub("", condition)
        for atom in _split_top(body):
            kind = clause_type(atom)
            explains = re.match(r"即|包括|包含|例如|如", atom)  # "属于“五基”领域，即基础零部件…" is one clause
            if out and out[-1].number == number and (out[-1].type == kind or explains):
                kind = out[-1].type if out[-1].type != "other" else kind
                previous = out[-1]
                joined = body[body.find(previous.text) : body.find(atom) + len(atom)]
                out[-1] = Clause(joined, kind, f, number)
            else:
                out.append(Clause(atom, kind, f, number))
    for exclusion in f.exclusions:
        if exclusion in f.conditions:
            continue  # a conditions line that rules some out is a condition already
        out.append(Clause(exclusion.rstrip("。"), clause_type(exclusion), f, 0))
    return out


# ---------------------------------------------------------------- checks: (verdict, reason) or None when the profile is silent

Check = Callable[[Clause, Profile, int], tuple[str, str] | None]


def _founding_years(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if not p.founded:
        return None
    m = FOUNDING_YEARS.search(c.text)
    assert m is not None
    written = m.group("n") or m.group("n2")
    limit = int(written) if written.isdigit() else (cn_number(written) or 0)
    strict = m.group("op") in ("不满", "未满", "不足", "少于")  # under N years, not N itself
    base_m = re.search(r"以(\d{4})年反推", c.text)
    base = max(int(base_m.group(1)), year) if base_m else year  # (an older call's base, in a later round: the later)
    age = base - p.founded[0]
    if age < limit or (age == limit and not strict):
        return PASS, f"{p.founded[0]}年注册成立，按{base}年反推为{age}年，{'不满' if strict else '不超过'}{limit}年"
    return FAIL, f"{p.founded[0]}年注册成立，按{base}年反推已{age}年，{'已满' if strict else '超过'}{limit}年"


def _founding_date(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if not p.founded:
        return None
    m = FOUNDING_BEFORE.search(c.text)
    if m is None:
        return None  # (a relaxation alone, "可放宽至…之前": the bound it relaxes is another clause's)
    bound = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # "创新联合体的成立时间可放宽至…之前", "…，创新联合体可放宽至…之前"
    relaxed = re.search(rf"([\u4e00-\u9fff]{{2,10}}?)(?:的成立时间)?可放宽至{DATE}之前", c.text)
    who = ""
    if relaxed and p.org_type and (p.org_type in relaxed.group(1) or relaxed.group(1) in p.org_type):
        bound = dt.date(int(relaxed.group(2)), int(relaxed.group(3)), int(relaxed.group(4)))
        who = f"（{relaxed.group(1)}可放宽至此）"
    y, mth = p.founded
    when = f"{y}年{mth}月" if mth else f"{y}年"
    if (y, mth or 1) < (bound.year, bound.month) and (mth or y < bound.year):
        return PASS, f"{when}成立，在{bound.year}年{bound.month}月{bound.day}日之前{who}"
    if y > bound.year or (mth and (y, mth) >= (bound.year, bound.month)):
        return FAIL, f"{when}成立，不在{bound.year}年{bound.month}月{bound.day}日之前{who}"
    return CHECK, f"{when}成立，请核对是否早于{bound.year}年{bound.month}月{bound.day}日"


def _founding_after(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if not p.founded:
        return None
    m = FOUNDING_AFTER.search(c.text)
    assert m is not None
    by, bm, bd = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    y, mth = p.founded
    when, bound = (f"{y}年{mth}月" if mth else f"{y}年"), f"{by}年{bm}月{bd}日"
    if y < by or (mth and (y, mth) < (by, bm)):
        return FAIL, f"{when}成立，早于{bound}"
    if y > by or (mth and (y, mth) > (by, bm)) or (mth and (y, mth) == (by, bm) and bd == 1) or (bm, bd) == (1, 1):
        return PASS, f"{when}成立，在{bound}以后"
    return CHECK, f"{when}成立，请核对是否在{bound}以后"


def _event_date(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    """An event the asker dates ("2060年3月登记备案") against the bound a clause sets on the same event
    ("2059年12月31日前完成备案")."""
    said = [(event, y, m) for event, y, m in p.events if event in c.text]
    bound = re.search(BOUND_DATE, c.text)
    if not said or bound is None:
        return None
    event, y, mth = said[0]
    by, bm, bd = (int(g) for g in bound.groups()[:3])
    before = "前" in bound.group(4)
    when, limit = (f"{y}年{mth}月" if mth else f"{y}年"), f"{by}年{bm}月{bd}日"
    # A month wholly on the bound's side: one before it, or its own month when the bound is its last day (for
    # 以前) or its first (for 以后).
    edge = bd == calendar.monthrange(by, bm)[1] if before else bd == 1
    told = (y, mth) if mth else (y, bm if y == by else (12 if before else 1))
    inside = told < (by, bm) if before else told > (by, bm)
    if inside or (told == (by, bm) and mth and edge):
        return PASS, f"{when}{event}，在{limit}{'之前' if before else '以后'}"
    if (told > (by, bm)) if before else (told < (by, bm)):
        return FAIL, f"{when}{event}，不在{limit}{'之前' if before else '以后'}"
    return CHECK, f"{when}{event}，请核对是否在{limit}{'之前' if before else '以后'}"


def _listed_items(text: str) -> list[str]:
    """The items a clause lists: "聚焦于新一代信息技术、生物医药…等重点产业领域" -> its names."""
    m = re.search(r"(?:即|聚焦于?|包括|包含|面向)(.+?)(?:等|领域的|中的|$)", text)
    return [i for i in re.split(r"[、，,和及与或]", m.group(1) if m else text) if len(i) >= 2]


def _domain(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    """What the asker works on against the fields a clause lists: met when it names one of them
    ("生物医药企业孵化"), else the closest item pointed at, else that none is written. Closeness
    cannot rule (光伏储能 is 新能源), so it only points."""
    if not p.domain:
        return None
    items = _listed_items(c.text)
    named = next((item for item in items if item in p.domain), None)
    if named:
        return PASS, f"属于所列的“{named}”"
    scored = sorted(((overlap(p.domain, item), item) for item in items), reverse=True)
    if scored and scored[0][0]:
        return CHECK, f"您所做的“{p.domain}”与所列的“{scored[0][1]}”相近，请核实是否属于"
    return CHECK, f"所列领域中没有直接写到“{p.domain}”，请核实是否属于其中一种"


def _org_type(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if not p.org_type:
        return None
    m = re.search(r"机构类型为(.+?)中的一类", c.text)
    listed = m.group(1) if m else c.text
    if p.org_type in listed:
        group = re.search(rf"([\u4e00-\u9fff]{{2,10}})（包含[^）]*{re.escape(p.org_type)}", listed)
        return PASS, f"{p.org_type}属于{group.group(1)}" if group else f"{p.org_type}在所列类型中"
    if p.org_type in ("企业", "公司", "高校", "大学", "课题组", "行业协会", "商会", "产业联盟"):
        return FAIL, f"{p.org_type}不在所列机构类型中"
    return CHECK, f"请核对{p.org_type}是否属于所列类型"


def _region(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.overseas is None:
        return None
    return (FAIL, "注册地不在境内（或在港澳台）") if p.overseas else (PASS, f"注册地{p.region}在境内")


def _record_window(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.accident_year is None:
        return None
    if p.accident_year >= year - 1:
        return FAIL, f"{p.accident_year}年的事故在填报上一年及当年（{year - 1}—{year}年）内"
    return PASS, f"{p.accident_year}年的事故不在填报上一年及当年（{year - 1}—{year}年）内，本条不构成障碍"


def _flag(attribute: str, yes: str, no: str) -> Check:
    """A clause met when the profile's attribute is True, failed when False."""

    def check(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
        value = getattr(p, attribute)
        if value is None:
            return None
        return (PASS, yes) if value else (FAIL, no)

    return check


def _secrecy(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.secret is None:
        return None
    return (FAIL, "技术涉密、不能公开") if p.secret else (PASS, "技术不涉密")


def _maturity(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.validated is not None:
        return (PASS, "技术已经过验证") if p.validated else (FAIL, "技术尚未经过任何验证")
    if p.trl is not None:
        return CHECK, f"通知未规定最低技术成熟度等级（TRL{p.trl}），只要求“达到一定成熟度且通过早期验证”"
    return None


def _pilot(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.serves_pilot:
        return PASS, "服务于“科创中国”试点城市" + ("（虽不在试点城市）" if p.in_pilot is False else "")
    if p.in_pilot is not None:
        return (PASS, "位于“科创中国”试点城市") if p.in_pilot else (FAIL, "既不在也不服务于试点城市（园区）")
    return None


def _training(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.teaches:
        return PASS, "持续讲授技术转移相关培训课程即可，不必持证"
    if p.certified or p.trained:
        return PASS, "经过技术经理人培训/认证"
    if p.certified is False or p.trained is False or p.teaches is False:
        return FAIL, "未经过技术经理人培训、考试或认证，也未讲授培训课程"
    return None


def _role(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    """"任职于…高等院校、科研院所…": where the asker works, against the kinds of unit listed."""
    if p.employed is False:
        return CHECK, "目前未在任何单位任职，本条要求任职于所列单位，请向联系人确认"
    if not p.employer:
        return None
    if p.employer in c.text:
        return PASS, f"任职单位属于{p.employer}"
    return CHECK, f"任职单位（{p.employer}）是否属于所列单位，请核实"


# The day a condition counts years of work to ("截至2060年9月30日满3年").
COUNTED_TO = re.compile(rf"(?:截至|计算至|算至){DATE}")


def _experience(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    m = EXPERIENCE.search(c.text)
    need = cn_number(m.group(1)) if m else None
    if need is None:
        return None
    if p.experience_since is not None and p.experience_years is None:
        # Begun in a month: its full months to the day the condition counts to (else the round's 9月30日).
        to = COUNTED_TO.search(c.text) or COUNTED_TO.search(c.fact.quote)
        end = (int(to.group(1)), int(to.group(2))) if to else (year, 9)
        months = (end[0] - p.experience_since[0]) * 12 + end[1] - p.experience_since[1]
        since = f"{p.experience_since[0]}年{p.experience_since[1]}月起"
        upto = f"至{end[0]}年{end[1]}月" if to else f"至{year}年"
        if months >= need * 12:
            return PASS, f"{since}从事，{upto}满{need}年"
        return FAIL, f"{since}从事，{upto}约{months // 12}年{months % 12}个月，不满{need}年"
    if p.experience_years is None:
        return None
    told = f"{p.experience_years:g}年"
    if p.experience_years >= need:
        return PASS, f"已从事{told}，满{need}年"
    return FAIL, f"从事{told}，不满{need}年"


def _rd_share(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    m = RD_SHARE.search(c.text)
    if p.rd_share is None or m is None:
        return None
    need = float(m.group(1))
    if p.rd_share >= need:
        return PASS, f"研发投入约占{p.rd_share:g}%，不低于{need:g}%"
    return FAIL, f"研发投入约占{p.rd_share:g}%，低于{need:g}%"


def _catalogue(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.restricted is None:
        return None
    return (FAIL, "按您所说，产品属于限制、淘汰或禁止类") if p.restricted else (PASS, "产品不属于限制、淘汰或禁止类")


def _size(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    if p.listed is None and p.staff is None:
        return None
    return CHECK, "通知未对上市与否、员工人数设具体门槛，只要求为中小型科技企业"


CHECKS: dict[str, Check] = {
    "founding_years": _founding_years,
    "founding_date": _founding_date,
    "founding_after": _founding_after,
    "event_date": _event_date,
    "field_focus": _domain,
    "five_basics": _domain,
    "org_type": _org_type,
    "region": _region,
    "record_window": _record_window,
    "maturity": _maturity,
    "secrecy": _secrecy,
    "original": _flag("original", "属于原始创新", "引进消化吸收的技术不属于原始创新"),
    "catalogue": _catalogue,
    "import": _flag("import_dependent", "属于被禁运或长期依赖进口的技术", "国内已可稳定供货、不依赖进口"),
    "pilot_city": _pilot,
    "willingness": _flag("transfer", "有转化、推广应用的打算", "只在内部使用、不打算对外转让或许可推广"),
    "transferable": _flag("transfer", "技术准备对外转化、交易", "不打算对外转让、许可或交易"),
    "training": _training,
    "experience": _experience,
    "rd_share": _rd_share,
    "role": _role,
    "size": _size,
}


def _prior(c: Clause, p: Profile, year: int) -> tuple[str, str] | None:
    families = set(c.fact.list_keys)
    won = [(k, y) for k, y in p.prior if k in families]
    if won:
        k, y = won[0]
        return FAIL, f"已于{y}年入选{k}" if y else f"已入选{k}"
    return None


CHECKS["prior_listing"] = _prior

# What a profile may say that the conditions may not rule on, and how to say it.
UNRULED = {"staff": "员工人数", "listed": "是否上市", "revenue": "营业收入", "experience_years": "从业年限"}
RULED_BY = {"staff": "size", "listed": "size", "revenue": "size", "experience_years": "experience"}


def check(f: EligibilityFact, profile: Profile, year: int) -> tuple[list[Verdict], list[str]]:
    """Every clause's verdict, and what the profile says that no clause rules on."""
    verdicts = []
    for clause in clauses(f):
        fn = CHECKS.get(clause.type)
        result = fn(clause, profile, year) if fn else None
        verdicts.append(Verdict(clause, *(result or (CHECK, ""))))
    types = {c.clause.type for c in verdicts}
    known = profile.known()
    unruled = [label for attr, label in UNRULED.items() if attr in known and RULED_BY[attr] not in types]
    if "size" in types and any(a in known for a in ("staff", "listed")):
        unruled += [label for attr, label in UNRULED.items() if attr in ("staff", "listed") and attr in known]
    return verdicts, list(dict.fromkeys(unruled))


ORDER = {FAIL: 0, CHECK: 1, PASS: 2}


def ordered(verdicts: list[Verdict]) -> list[Verdict]:
    """Failed clauses first, then those the asker's situation leaves in doubt with a reason (what
    they do is not among the fields listed), then those it meets, then those it says nothing of."""
    return sorted(verdicts, key=lambda v: (ORDER[v.verdict] if v.reason else 3, v.clause.number or 99))


@dataclass
class CheckResult:
    """A self-check of one list (and field) of one round: every clause with its verdict."""

    fact: EligibilityFact
    year: int
    verdicts: list[Verdict]
    unruled: list[str]

    def to_dict(self, notices: dict[str, Any]) -> dict[str, Any]:
        from assistant.ingest.textmap import locate

        notice = notices.get(self.fact.notice_id)
        clauses_out = []
        for v in ordered(self.verdicts):
            span = locate(notice.original, v.clause.text, self.fact.start, self.fact.end) if notice else None
            start, end = span or (self.fact.start, self.fact.end)
            clauses_out.append({
                "clause": v.clause.text, "type": v.clause.type, "verdict": v.verdict, "reason": v.reason,
                "citation": {"source": self.fact.notice_id, "section": self.fact.section, "quote": v.clause.text,
                             "start": start, "end": end},
            })
        return {"list": "、".join(self.fact.lists), "year": self.year, "notice": self.fact.notice_id,
                "heading": self.fact.heading, "not_ruled": self.unruled, "clauses": clauses_out}


def run_check(store: Any, list_key: str, years: list[int], field_key: str | None, profile: Profile) -> CheckResult | None:
    """The self-check of a list in the year asked (else the latest with conditions)."""
    picked = store.pick(
        EligibilityFact, years,
        lambda f: list_key in f.list_keys and (field_key is None or field_key in f.field_keys) and bool(f.conditions),
    )
    if picked is None:
        return None
    year, facts = picked
    verdicts, unruled = check(facts[0], profile, year)
    return CheckResult(facts[0], year, verdicts, unruled)
