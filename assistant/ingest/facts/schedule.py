"""Stages with their periods, and deadlines with their time of day and what is due."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from assistant.ingest.dates import DATE, DATE_GROUPS, cn_number, parse_date, ymd
from assistant.ingest.facts.common import (
    IN_FORCE,
    OWN_PLATFORM,
    TIME,
    Span,
    clauses,
    lists_of,
    make_fact,
    other_call,
    section_lines,
)
from assistant.ingest.notices import CJK, Notice, heading_level
from assistant.ingest.outline import leaf_path
from assistant.model import Category, DeadlineFact, DeadlineForm, Fact, NoticeKind, Scope, StageFact

STAGE_HEADING = re.compile(
    rf"^(?:[（(][一二三四五六七八九十]+[）)]|\d{{1,2}}[.．、])?\s*(?P<name>[{CJK}]{{2,12}})\s*[（(](?P<period>[^（）()]*\d[^（）()]*)[）)]\s*$"
)
# "（周三）", "（星期五）", "（含）" between a date and its time of day.
NOTE = r"(?:[（(][^）)]{1,6}[）)])?"
DEADLINE_BEFORE = re.compile(rf"(?P<date>{DATE})\s*{NOTE}\s*{TIME}\s*{NOTE}\s*(?:下班|当天|当日)?(?:前|之前|以前)")
# How a deadline is moved ("截止时间延长至…", "提前到…"): see MOVED.
_MOVE = r"(?:调整|改|变更|更正|延长|顺延|延后|推迟|提前)(?:为|至|到)"
DEADLINE_IS = re.compile(
    # "截止时间为…", "截止日期更正为…", "截止时间延长至…"
    rf"(?:截[止至](?:时间|日期|日)?(?:更正(?:为|至|到)|{_MOVE}|为|是|到|：|:)?|不晚于|最迟(?:于|在|为)?)"
    rf"\s*(?P<date>{DATE})\s*{NOTE}\s*{TIME}"
    # (not a reference date: "截至2050年10月31日在中心连续工作满3年")
    r"(?!\s*(?:在|已|仍|连续|满|累计|持续|为止|止))"
)
# "11月1日（周五）18:00  学会内部材料截止": a timeline's line, the date first and what closes after it.
DEADLINE_FIRST = re.compile(rf"^\s*(?P<date>{DATE})\s*{NOTE}\s*{TIME}\s*(?P<what>[{CJK}][^，,。；;：:]{{0,20}}?截[止至])\s*$")

NUMERIC_DATE = r"\d{4}[./．-]\d{1,2}[./．-]\d{1,2}"
HAS_MONTH = re.compile(rf"\d{{1,2}}\s*月|{NUMERIC_DATE}")
HAS_DATE = re.compile(rf"\d{{4}}\s*年|{HAS_MONTH.pattern}")


def _year_of(text: str, default: int | None) -> int | None:
    m = re.search(r"(\d{4})\s*年", text)
    return int(m.group(1)) if m else default


def _stage_name(path: list[str]) -> str:
    for heading in reversed(path):
        m = STAGE_HEADING.match(heading)
        if m:
            return m.group("name")
    return ""


def extract_stages(notice: Notice) -> list[Fact]:
    facts = []
    for section, line in section_lines(notice):
        if line is not section.lines[0] or len(section.path) < 2:
            continue  # stage headings are sub-headings with a period in brackets
        m = STAGE_HEADING.match(line.text)
        if not m or not HAS_DATE.search(m.group("period")):
            continue
        span = Span(line.start, line.end, line.text, section)
        period = re.sub(r"\s+", "", m.group("period"))
        facts.append(
            make_fact(notice, StageFact, span, value=period, stage=m.group("name"), period=period)
        )
    return facts or _inline_stages(notice)


SCHEDULE_SECTION = re.compile(r"时间安排|进度安排|日程|工作安排|时间节点|活动安排")
# "报名征集截至4月30日；专家评审：5月；结果发布：6月": stages written on one line.
INLINE_STAGE = re.compile(rf"^(?P<name>[{CJK}]{{2,10}}?)\s*(?P<sep>[：:]|截[至止](?:到)?)\s*(?P<period>[^；;。]*\d[^；;。]*?)[；;。]?$")


STAGE_WORDS = re.compile(r"评审|推荐|征集|报名|发布|公示|遴选|答辩|初评|终评|上报")
WHEN = re.compile(
    r"(?:\d{4}\s*年)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:上旬|中旬|下旬|底|初|中)?(?:\s*[—–-至到]\s*(?:\d{4}\s*年)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
    rf"|{NUMERIC_DATE}(?:\s*[—–~～至到]\s*{NUMERIC_DATE})?"
)
NUMBERED_STAGE = re.compile(rf"^\s*\d{{1,2}}\s*[、.．]\s*(?P<name>[{CJK}]{{2,8}})\s*[：:]")


def _inline_stages(notice: Notice) -> list[Fact]:
    facts = []
    for span in clauses(notice, "；;。"):
        text = span.text.strip()
        numbered = NUMBERED_STAGE.match(text)
        if numbered and STAGE_WORDS.search(numbered.group("name")) and "截止" not in numbered.group("name"):
            # "3、所内评审：科研处于11月上旬组织专家评审": a numbered line naming a stage and its time.
            when = WHEN.search(text[numbered.end() :])
            if when:
                period = re.sub(r"\s+", "", when.group(0))
                facts.append(make_fact(notice, StageFact, span, value=period, stage=numbered.group("name"), period=period))
            continue
        # A mind map's leaf carries its path: "总体安排 > 终评评审：2057年1月" is a stage named as one.
        path, text = leaf_path(text)
        if not (any(SCHEDULE_SECTION.search(h) for h in [*span.section.path, *path]) or path) or heading_level(text) is not None:
            continue
        m = INLINE_STAGE.match(text)
        if not m or not HAS_MONTH.search(m.group("period")) or (path and not STAGE_WORDS.search(m.group("name"))):
            continue
        sep = m.group("sep")
        period = (sep if sep.startswith("截") else "") + re.sub(r"\s+", "", m.group("period"))
        facts.append(make_fact(notice, StageFact, span, value=period, stage=m.group("name"), period=period))
    return facts


def date_and_time(m: re.Match[str], fallback_year: int | None) -> tuple[str, str]:
    """(YYYY-MM-DD, or MM-DD without a year; the time of day as written) for a match of a DATE
    group named `date` followed by TIME (DEADLINE_IS, DEADLINE_BEFORE, a table's date cell)."""
    groups = m.groups()
    written_year, month, day = ymd(groups[1 : 1 + DATE_GROUPS])
    year = written_year or fallback_year
    iso = f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
    return iso, _time_of(groups[1 + DATE_GROUPS : 4 + DATE_GROUPS])


def _time_of(groups: tuple[str | None, ...]) -> str:
    """The time of day from TIME's three groups (part of day, hour, minute), as written ("下午5:00", "24时")."""
    ampm, hour, minute = groups
    hour = str(cn_number(hour)) if hour else hour  # "下午五点"
    if not hour:
        return ""
    return f"{ampm or ''}{hour}:{minute or '00'}" if minute or ampm else f"{hour}时"


# What is due goes back to the applicants ("11月18日前告知初审结果", "秘书处反馈联盟内部评审结果"): the
# organiser's step, whatever material the sentence names.
TOLD_BACK = re.compile(r"^(?:告知|反馈|公布|公示|答复|回复)|(?:告知|通知|反馈|公布|公示)[^，,；;。]{0,10}(?:结果|名单)")


def _category(text: str, action: str = "") -> Category:
    if TOLD_BACK.search(action):
        return Category.TOLD
    if "初评结果" in text or "初评工作" in text:
        return Category.REVIEW
    if re.search(r"申报|推荐材料|上传|推荐至|推荐工作|样表|材料|线上|报名|征集|提交|填报|报送|受理|接收", text):
        return Category.SUBMISSION
    return Category.OTHER


# "平台截止：2023年11月30日24时 → 2027年11月10日24时", "由10月23日调整为10月30日": the date before
# the change is the old value, not a deadline of this notice.
CHANGED_TO = re.compile(r"^[\s）)]*(?:[，,]\s*(?:今年|本年度?|本轮|现已?|已))?(?:→|->|⇒|调整为|(?:修|修订)?改为|变更为|变为|延期至|延长至|推迟至|提前至|提前到|推迟到)")
# "往年平台截止时间为11月30日24时": a past round's date, told to show what changed.
PAST_ROUND = re.compile(r"(?:往年|去年|以往|历年|上一?年度?|上届|上一轮)[^，,。；;！!？?\d]{0,12}$")


# "更正：上面说的10月20日改为10月24日", "十一月五号下午五点前——不对不对，是十一月七号": a date the
# notice itself corrects, wherever else it is written.
# A date may be quoted and carry its time: "截止时间“2050年11月18日17:00”更正为“2050年11月24日17:00”"; one side
# of a correction may give the day alone ("12日是周日！改为11月15日", "11月15号，哦不对，是16号").
_OPEN, _CLOSE = r"[“\"「『]?", r"[”\"」』]?"
_CHANGE = r"(?:修|修订|更)?改为|改成|调整为|更正为|变更为|(?:延长|推迟|顺延|延期|提前)(?:至|到)"  # ("由11月13日延长至11月21日": the old date named)
_DAY = r"(?<![月\d])\d{1,2}\s*[日号]"
_WAS = rf"(?:{DATE}|{_DAY})"
_NOW = rf"(?:{DATE}|{_DAY})\s*{NOTE}\s*{TIME}"
# A speaker's slip, said of a date said just before; a written date's error, said of the date itself (not
# of a post's date: "9月28日博文中的截止时间有误").
_SPOKEN_SLIP = r"不对|说错|看错|口误"
_WRITTEN_SLIP = r"有误|错误|笔误|是周[一二三四五六日天]|是星期[一二三四五六日天]"
CORRECTED = re.compile(rf"(?P<old>{_WAS})\s*{TIME}(?:之?前)?{_CLOSE}\s*(?:{_CHANGE}|→|->)\s*{_OPEN}(?P<new>{_NOW})"
                       rf"|(?P<slip>{_WAS})[^。\n]{{0,40}}?(?:{_SPOKEN_SLIP})[^。\n]{{0,20}}?(?:是|为)\s*{_OPEN}(?P<right>{_NOW})"
                       # (the error said in one sentence, the right date in the next: "“11月12日17:00前”有误。现更正为：各市州于11月14日…")
                       rf"|(?P<error>{_WAS})\s*{TIME}(?:之?前)?{_CLOSE}\s*(?:{_WRITTEN_SLIP})(?:[^。\n]{{0,20}}?|[。；;]\s*[^。\n]{{0,8}}?)"
                       rf"(?:是|为)\s*[：:]?[^。\n\d]{{0,16}}?{_OPEN}(?P<amended>{_NOW})"
                       # "截止日期更正为11月6日17:00，原定11月2日17:00的截止时间作废", "应为11月14日12:00（原写的11月12日…）",
                       # "应为11月27日17:00（会上口误说成11月22日）"
                       rf"|(?:{_CHANGE}|应为|应是)\s*[：:]?[^。\n\d]{{0,16}}?{_OPEN}(?P<fixed>{_NOW}){_CLOSE}[^。\n]{{0,30}}?"
                       rf"(?:原(?:写的|定|为|来|先|发布为|公布为|通知为|写为)?的?|(?:口误|误|错)(?:说成|写成|写为|说为))\s*{_OPEN}(?P<void>{_WAS})")
# What each kind of correction replaces, and with what.
_REPLACED = (("old", "new"), ("slip", "right"), ("error", "amended"), ("void", "fixed"))
# A word every correction above (and RESTATED below) writes: a text without one corrects nothing.
CORRECTION_WORDS = re.compile(rf"{_CHANGE}|→|->|{_SPOKEN_SLIP}|{_WRITTEN_SLIP}|应为|应是")
_NEW_TIME = re.compile(rf"^(?:{DATE}|{_DAY})\s*{NOTE}\s*{TIME}")


@dataclass(frozen=True)
class Correction:
    old: tuple[int, int]  # the (month, day) replaced
    new: tuple[int, int]  # the (month, day) it is replaced with
    time: str  # the new time of day, as date_and_time gives it ("" when none is written)
    year: int | None  # the new date's year, when written
    written: str  # the new date as written


def _month_day(text: str) -> tuple[int, int] | None:
    parts = parse_date(text)
    if parts:
        return parts[1:]
    day = re.search(r"\d{1,2}", text)
    return (0, int(day.group(0))) if day else None


def corrections_in(text: str) -> list[Correction]:
    """Every correction a text writes, the month a side leaves out taken from the other side."""
    found: list[Correction] = []
    if not CORRECTION_WORDS.search(text):
        return found  # (most notices correct nothing: the pattern itself is slow over a whole notice)
    for m in CORRECTED.finditer(text):
        for was, now in _REPLACED:
            if not (m.group(was) and m.group(now)):
                continue
            old, new = _month_day(m.group(was)), _month_day(m.group(now))
            if old is None or new is None or not (old[0] or new[0]):
                continue
            old, new = (old[0] or new[0], old[1]), (new[0] or old[0], new[1])
            timed = _NEW_TIME.match(m.group(now))
            when = _time_of(timed.groups()[-3:]) if timed else ""
            year = (parse_date(m.group(now)) or (None,))[0]
            found.append(Correction(old, new, when, year, m.group(now).strip()))
    return found


# "园区报送截止改为2074年11月21日17:00，以此为准": a step's date changed, the old one not written there;
# every other date the notice gives that step is the one replaced.
RESTATED = re.compile(rf"(?P<subject>[\u4e00-\u9fff]{{2,8}}?)(?:截止时间|截止日期|截止|时间|日期)?\s*"
                      rf"(?:调整为|(?:修|更正|更)?改为|更正为|变更为|改成|延长至|推迟至|延期至)\s*(?P<date>{DATE})")


# A step's name too common to say which step ("申报截止时间延长至…": every line of the notice is about 申报).
GENERIC_STEP = re.compile(r"(?:申报|报送|提交|材料|推荐|截止|本次|今年|统一|全部|所有|通知)+")


def restated_steps(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Each step whose date a line changes without writing the old one: (the step's words, the new (month, day))."""
    found: list[tuple[str, tuple[int, int]]] = []
    if not CORRECTION_WORDS.search(text):
        return found
    for m in RESTATED.finditer(text):
        new = _month_day(m.group("date"))
        subject = m.group("subject").split("的")[-1]  # ("上文第三条第1项的校内截止时间改为…": 校内)
        if new is not None and new[0] and len(subject) >= 2 and not GENERIC_STEP.fullmatch(subject):
            found.append((subject, (new[0], new[1])))
    return found


def corrected_dates(text: str) -> set[tuple[int, int]]:
    """The (month, day) of every date the notice says it corrected, unless it is also a corrected-to date."""
    found = corrections_in(text)
    return {c.old for c in found} - {c.new for c in found}


def _corrections(notice: Notice) -> dict[tuple[int, int], tuple[Span, Correction]]:
    """Each corrected (month, day): the clause that corrects it, and the correction."""
    return {c.old: (span, c) for span in clauses(notice, "。") for c in corrections_in(span.text)}


def _superseded(m: re.Match[str], text: str, iso: str, year: int | None, corrected: set[tuple[int, int]]) -> bool:
    """A date the clause replaces or the notice corrects, or one of an earlier round than the notice's."""
    if CHANGED_TO.match(text[m.end() :]) or (year is not None and iso[:4].isdigit() and int(iso[:4]) < year):
        return True
    if PAST_ROUND.search(text[max(0, m.start() - 24) : m.start()]):
        return True
    return _month_day_of(iso) in corrected


def _month_day_of(iso: str) -> tuple[int, int]:
    """(month, day) of a deadline's date, "2050-11-18" or "11-18"."""
    month, day = iso.split("-")[-2:]
    return int(month), int(day)


ONLINE = re.compile(r"平台|线上|系统")
# The date's own clause sends something somewhere else ("前将纸质材料报送市科协", "会员向学会提交截止").
ELSEWHERE = re.compile(r"报送|报至|报到|交至|交到|送至|送达|寄至|寄到|发送至|发至|发到|提交至|提交到|邮箱|向[^，,；;]{1,12}(?:提交|报送|推荐|报)"
                       # "…前将汇总表报市科协科技服务部" (not "申报书及全部附件…", "填报", "报名处")
                       r"|(?<![申填上预汇])报(?:给)?[^，,；;。名]{0,6}?(?:科协|学会|协会|秘书处|办公室|[^\W\d_](?<![全局内])[部处局](?![分门]))")
CLAUSE_BOUND = re.compile(r"[，,；;。！!？?\n]")
OWN_UNIT = re.compile(r"内部|校内|院内|所内|会内|本单位")
# A unit's own deadline named as such ("园区内部的截止时间是…"), not a step inside it ("通过校内遴选的项目须于…").
OWN_DEADLINE = re.compile(rf"(?:{OWN_UNIT.pattern})的?(?:报送|提交|材料)?(?:截止|时间|期限|日期)")


def _own_clause(text: str, m: re.Match[str]) -> str:
    """The clause a date stands in: from the last mark before it (a comma, or a symbol such as the ⏰
    that starts each line of an article's list) to the next one after it."""
    start = m.start()
    while start > 0 and not CLAUSE_BOUND.match(text[start - 1]) and unicodedata.category(text[start - 1]) != "So":
        start -= 1
    after = CLAUSE_BOUND.search(text, m.end())
    end = after.start() if after else len(text)
    symbol = next((i for i in range(m.end(), end) if unicodedata.category(text[i]) == "So"), end)
    return text[start:symbol]


def _scope(text: str, m: re.Match[str]) -> Scope:
    """The platform's date when its own clause says so; a date whose clause sends materials elsewhere
    ("…前将纸质材料报送市科协…，同时在平台完成填报") is not the platform's, whatever the sentence adds;
    else as its sentence says ("登录平台完成线上申报，申报截止时间为…")."""
    own = _own_clause(text, m)
    if OWN_PLATFORM.search(own):
        return Scope.STAGE
    # Whose date it is the words before it say first: "但园区内部的截止时间是11月15日18:00——在这之前
    # 必须在平台上填完" is the park's own date, the platform only where its work is done.
    head = own[: max(0, own.find(m.group("date")))]
    if OWN_DEADLINE.search(head) and not ONLINE.search(head):
        return Scope.STAGE
    if ONLINE.search(own):
        return Scope.PLATFORM
    if ELSEWHERE.search(own) or OWN_UNIT.search(own):
        return Scope.STAGE  # ("学会内部截止：11月1日18:00，比全国平台早两周": the unit's own, not the platform's)
    return Scope.PLATFORM if ONLINE.search(OWN_PLATFORM.sub("", text)) else Scope.STAGE


def extract_deadlines(notice: Notice, list_names: list[str] | None = None) -> list[Fact]:
    facts: list[DeadlineFact] = []
    corrected_to: list[DeadlineFact] = []
    moved_to: list[DeadlineFact] = []  # deadlines written as moved, the date they replace unnamed
    corrected = corrected_dates(notice.text)
    corrections = _corrections(notice) if corrected else {}
    for span in clauses(notice, "。"):
        if re.search(r"成立|注册|出生|已登记|在册|缴清", span.text) or (span.section.path[0].startswith("附件") and "条件" in span.section.path[0]):
            continue  # dates in eligibility conditions are not deadlines
        if other_call(span.text):
            continue  # another call's date the notice mentions beside ("省青年科技奖的推荐…截止时间是10月31日")
        for pattern, kind in ((DEADLINE_IS, DeadlineForm.CUTOFF), (DEADLINE_BEFORE, DeadlineForm.BEFORE),
                              (DEADLINE_FIRST, DeadlineForm.CUTOFF)):
            for m in pattern.finditer(span.text):
                found = _deadline(notice, span, m, pattern, kind, list_names)
                if not _superseded(m, span.text, found.date, notice.year, corrected):
                    facts.append(found)
                    if MOVED.search(m.group(0)) or IN_FORCE.search(_lines_around(notice.clean.text, span.start + m.start(), span.start + m.end())):
                        moved_to.append(found)
                elif fix := corrections.get(_month_day_of(found.date)):
                    corrected_to.append(_corrected(notice, found, *fix))
    # A correction that reads as a deadline itself ("…更正为：市级材料报送截止时间为11月14日17:00") is one
    # deadline with the corrected one: the corrected one's, which says what is due.
    moved = {(f.start, f.date) for f in corrected_to}
    return _dedupe(corrected_to + _unmoved([f for f in facts if (f.start, f.date) not in moved], moved_to))


# "园区内部截止提前到11月18日", "截止时间延长至…": a deadline moved without naming the date it replaces.
MOVED = re.compile(rf"截[止至](?:时间|日期|日)?{_MOVE}")




def _lines_around(text: str, begin: int, stop: int) -> str:
    """The line a date is written on (`begin`-`stop` in the notice's text), and the line before it (a note
    heading what follows)."""
    start = text.rfind("\n", 0, begin)
    start = text.rfind("\n", 0, start) + 1 if start > 0 else 0
    end = text.find("\n", stop)
    return text[start : end if end >= 0 else len(text)]


def _same_lists(moved: DeadlineFact, was: DeadlineFact) -> bool:
    """A moved date for some lists replaces theirs; one for none replaces every general date (of no
    list, or of several named together), not one list's own."""
    return bool(set(moved.lists) & set(was.lists)) if moved.lists else len(was.lists) != 1


def _unmoved(facts: list[DeadlineFact], moved_to: list[DeadlineFact]) -> list[DeadlineFact]:
    """The deadlines left once each moved one replaces those its notice stated before it of the same
    side (a unit's own, the platform's) and of its lists; it says what was due, as the one it replaces did."""
    out = list(facts)
    for f in moved_to:
        if f not in out or f.category in (Category.REVIEW, Category.TOLD):
            continue
        before = [g for g in out if g.start < f.start and g.scope == f.scope and g.date != f.date
                  and g.category not in (Category.REVIEW, Category.TOLD) and _same_lists(f, g)]
        if before:
            out = [g for g in out if g not in before]
            was = before[-1]
            out[out.index(f)] = replace(f, action=was.action, category=was.category, form=was.form)
    return out


def _corrected(notice: Notice, was: DeadlineFact, at: Span, correction: Correction) -> DeadlineFact:
    """The corrected deadline: what the old one was for, at the new date, cited where it is corrected."""
    month, day = correction.new
    year = correction.year or notice.year
    iso = f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
    when = correction.time or was.time
    return make_fact(notice, DeadlineFact, at, value=f"{iso} {when}".strip(), lists=was.lists, date=iso, time=when,
                     written=correction.written, action=was.action, stage=was.stage, scope=was.scope,
                     category=was.category, form=was.form)


STEP_BOUND = re.compile(r"[；;]")
DATE_IN_STEP = re.compile(rf"[^；;]{{0,12}}?{DATE}")  # a step's own date, near its start


def _own_step(after: str) -> str:
    """What is due by a date: up to the next step's own date ("10月24日前报送拟申报项目清单；11月12日前提交
    申报书及佐证材料": the list, not the application too), else the rest of the sentence."""
    for bound in STEP_BOUND.finditer(after):
        if DATE_IN_STEP.match(after, bound.end()):
            return after[: bound.start()]
    return after


def _deadline(notice: Notice, span: Span, m: re.Match[str], pattern: re.Pattern[str], kind: DeadlineForm,
              list_names: list[str] | None) -> DeadlineFact:
    """The deadline a match in a clause writes: its date and time, what is due and where (its scope)."""
    iso, when = date_and_time(m, _year_of(span.text, notice.year))
    scope = _scope(span.text, m)
    action = _own_step(span.text[m.end() :]).strip("，,。 ") if kind == DeadlineForm.BEFORE else \
        m.group("what") if pattern is DEADLINE_FIRST else "申报截止"
    category = _category(span.text, action)
    if notice.kind != NoticeKind.ORIGINAL and scope != Scope.PLATFORM and category != Category.REVIEW:
        # A forwarding or internal notice's own deadline for its members; the review
        # bodies' dates it restates are the original call's.
        scope = Scope.INTERNAL
    return make_fact(
        notice,
        DeadlineFact,
        span,
        value=f"{iso} {when}".strip(),
        lists=lists_of(span, list_names),
        date=iso,
        time=when,
        written=span.text[m.start("date") : m.start("what") if pattern is DEADLINE_FIRST else m.end()].rstrip("前之以").strip(),
        action=action,
        stage=_stage_name(span.section.path),
        scope=scope,
        category=category,
        form=kind,
    )


def _dedupe(facts: list[DeadlineFact]) -> list[DeadlineFact]:
    seen = set()
    out = []
    for f in facts:
        key = (f.start, f.date, f.form)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
