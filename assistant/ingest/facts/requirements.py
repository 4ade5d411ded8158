"""Where to apply (platform addresses) and who may apply (eligibility conditions per list)."""

from __future__ import annotations

import re

from assistant.ingest.chunking import Line, Section, sections
from assistant.ingest.dates import DATED_EVENTS
from assistant.ingest.facts.common import (
    EMAIL,
    URL,
    Span,
    clauses,
    find_fields,
    find_list_names,
    make_fact,
    section_lines,
)
from assistant.ingest.notices import Notice
from assistant.model import EligibilityFact, Fact, OrganiserFact, PlatformFact
from assistant.names import list_key, variants

CONDITION_TITLE = re.compile(r"条件|要求")
# A part stating conditions: "三、申报条件", "一、园区推荐对象须同时满足：".
BODY_CONDITIONS = re.compile(r"(?:申报|推荐|参评|参选|基本)条件|(?:须|应|需)(?:同时)?(?:满足|具备|符合)[^，,。]{0,8}[：:]?$")
NUMBERED = re.compile(r"^\d{1,2}\s*[.．、]")
# A part under "申报条件与程序" that is about the rest ("（二）申报程序"), not the conditions.
NOT_CONDITIONS = re.compile(r"程序|流程|材料|方式|时间|联系|安排")
EXCLUDES = re.compile(r"不再纳入|不再推荐|不得")  # a line that rules some out, kept beside the conditions


def extract_platforms(notice: Notice, list_names: list[str]) -> list[Fact]:
    facts = []
    seen: set[str] = set()
    for span in clauses(notice, "。"):
        emails = {m.group(0) for m in EMAIL.finditer(span.text)}
        for m in URL.finditer(span.text):
            url = m.group(0).rstrip("/.")
            if any(url in e for e in emails) or "@" in span.text[max(0, m.start() - 1) : m.start() + 1]:
                continue
            if not re.search(r"平台|系统|网站|网址|登录|申报", span.text):
                continue
            host = re.sub(r"^https?://", "", url).split("/")[0]
            key = f"{host}:{span.start}"
            if key in seen:
                continue
            seen.add(key)
            platform = re.search(r"[“\"]([^”\"]{2,12})[”\"]\s*(?:平台|系统)", span.text)
            facts.append(
                make_fact(
                    notice,
                    PlatformFact,
                    span,
                    value=url,
                    lists=find_list_names(span.text, list_names),
                    url=url, host=host, name=(platform.group(1) + "平台") if platform else "",
                )
            )
    return facts


# A line that only leads in ("申报者应符合以下条件：") or titles a box ("所内保密要求"), not a condition.
LEAD_IN = re.compile(r"[：:]$")
BULLET = re.compile(r"^[-*•·●○◆◇▪■□→]+\s*")
CONDITION_LEAST = 8  # characters: a shorter line is a label, not a condition


def _unnumbered(lines: list[Line]) -> list[str]:
    """A conditions section whose items are bullets or plain lines (a wiki's "* ", a page's list items,
    bullets a conversion dropped): each line that says something is a condition."""
    items = [BULLET.sub("", ln.text).strip() for ln in lines]
    said = [t for t in items if len(t) >= CONDITION_LEAST and not LEAD_IN.search(t)]
    return said if len(said) > 1 else []  # one sentence is a standard described ("从…维度进行考量"), not a list


def extract_eligibility(notice: Notice, list_names: list[str], field_names: list[str]) -> list[Fact]:
    """In an attachment about conditions, each list (and field) section's conditions, kept whole."""
    facts = []
    for section in sections(notice):
        in_attachment = len(section.path) >= 2 and section.path[0].startswith("附件") and CONDITION_TITLE.search(section.path[0])
        # A stand-alone call states its conditions in the body ("三、申报条件" and numbered lines).
        # (Or a list's own section under it: "申报条件要点" > "成果转化经理人榜".)
        in_body = not section.path[0].startswith("附件") and any(BODY_CONDITIONS.search(p) for p in section.path) \
            and not NOT_CONDITIONS.search(section.path[-1])
        if not (in_attachment or in_body):
            facts += _headed_lines(notice, section, list_names, find_fields(section.path[-1], field_names))
            continue
        lines = section.lines[1:]  # the first line is the section's own heading
        if not lines:
            continue
        start, end = lines[0].start, lines[-1].end
        text = notice.text[start:end]
        scope = " ".join(section.path)
        lists = [n for n in find_list_names(scope, list_names) if not n.startswith(("系列", "科创中国"))]
        if not lists and len(list_names) == 1:
            lists = list(list_names)
        fields = find_fields(section.path[-1], field_names)
        if in_body and not lists:
            per_list = _per_list_lines(notice, section, lines, list_names, fields)
            if per_list:
                # "四、申报条件速览" with a line per list ("新锐企业榜：成立年限不超过8年…"): each list's own; the
                # numbered lines before them ("须同时满足：1. 在园区注册…") every list's.
                facts += per_list
                first = min(f.start for f in per_list)
                shared = [ln for ln in lines if NUMBERED.match(ln.text) and ln.end <= first]
                if shared:
                    span = Span(shared[0].start, shared[-1].end, notice.text[shared[0].start : shared[-1].end], section)
                    facts.append(make_fact(notice, EligibilityFact, span, value=section.path[-1], lists=[], fields=fields,
                                           conditions=[ln.text for ln in shared],
                                           exclusions=[ln.text for ln in shared if EXCLUDES.search(ln.text)], heading=section.path[-1]))
                continue
        conditions = [ln.text for ln in lines if NUMBERED.match(ln.text)] or _unnumbered(lines)
        if not conditions and in_attachment and lists:
            # A list's conditions written as one paragraph in an annex about conditions: each sentence one.
            # (Of two sentences at least, as for lines: one is a standard described, "从…维度进行考量".)
            sentences = [c for ln in lines for c in re.findall(r"[^。；;]+[。；;]?", BULLET.sub("", ln.text).strip())
                         if len(c) >= CONDITION_LEAST]
            conditions = sentences if len(sentences) > 1 else []
        exclusions = [ln.text for ln in lines if EXCLUDES.search(ln.text)]
        facts.append(
            make_fact(
                notice,
                EligibilityFact,
                Span(start, end, text, section),
                value=section.path[-1],
                lists=lists,
                fields=fields,
                conditions=conditions, exclusions=exclusions, heading=section.path[-1],
            )
        )
    facts += _self_check(notice, list_names)
    return facts + _bounds_in_prose(notice, list_names, {k for f in facts for k in f.list_keys})


# A self-check's question ("☐ 2. 工商注册成立日期是否在2039年1月1日及以后？", "7a. 申报者…是否满3年？")
# and the answer "no" that rules the applicant out ("若否，则不能申报", "否→不符合申报条件").
CHECK_QUESTION = re.compile(r"是否[^？?]*[？?]")
RULED_OUT = re.compile(r"(?:若否|如否|(?<![是\w])否)\s*[→，,：:]?[^。]{0,12}?(?:不符合|不能|不予|请勿|不可|不得|不受理)")
BRANCH_REACH = 3  # lines after a question its branches stand on


def _self_check(notice: Notice, list_names: list[str]) -> list[Fact]:
    """A self-check's conditions: each question whose "no" rules the applicant out, for the list its
    line or its section names; one fact per list and section, its questions its conditions (a
    question that only routes, "是否由…推举？ 是→…否→经所在单位报", is no condition)."""
    facts: list[Fact] = []
    for section in sections(notice):
        scope = _named_lists(" ".join(section.path), list_names)
        by_list: dict[str, list[Line]] = {}
        lines = section.lines
        for i, ln in enumerate(lines):
            asked = CHECK_QUESTION.search(ln.text)
            if asked is None:
                continue
            branches = " ".join(x.text for x in lines[i + 1 : i + 1 + BRANCH_REACH] if not CHECK_QUESTION.search(x.text))
            if not RULED_OUT.search(ln.text[asked.end() :] + " " + branches):
                continue
            named = _named_lists(ln.text, list_names) or scope
            if len({list_key(n) for n in named}) == 1:
                by_list.setdefault(named[0], []).append(ln)
        for name, questions in by_list.items():
            start, end = questions[0].start, questions[-1].end
            conditions = [re.sub(r"^[☐☑□■✅\s]+", "", ln.text).strip() for ln in questions]
            facts.append(make_fact(notice, EligibilityFact, Span(start, end, notice.text[start:end], section), value=name,
                                   lists=[name], conditions=conditions, exclusions=[], heading=section.path[-1]))
    return facts


# A line that names the list its conditions are for: "新锐企业榜：成立年限不超过8年…", "2. 先导技术榜：…".
LIST_LINE = re.compile(r"^[^\w]*(?:\d{1,2}\s*[.．、])?\s*(?P<name>[^：:，,。]{2,24}?)\s*[：:]\s*(?P<rest>\S.*)$")


# A line of conditions for every list the unit recommends to: "（三）本会附加要求：通过学会推荐的单位须为本会单位会员…".
FOR_EVERY_LIST = re.compile(r"附加要求|另外要求|其他要求|统一要求|共同要求|通用要求|本会要求|学会要求|本单位要求|校内要求|集团要求|地方要求")


def _per_list_lines(notice: Notice, section: Section, lines: list[Line], list_names: list[str],
                    fields: list[str]) -> list[Fact]:
    """A conditions section's lines that each name a list, one fact per line, its clauses its conditions;
    a line of the unit's requirements for every list adds its clauses to each list's (its span with them)."""
    facts: list[Fact] = []
    labelled = [(ln, m) for ln in lines if (m := LIST_LINE.match(ln.text))]
    every = [ln for ln, m in labelled if FOR_EVERY_LIST.search(m.group("name")) and not _labelled_list(m.group("name"), list_names)]
    added = [c for ln, m in labelled if ln in every for c in _clauses_of(m.group("rest"))]
    for ln, m in labelled:
        named = _labelled_list(m.group("name"), list_names)
        if not named:
            continue
        conditions = _clauses_of(m.group("rest")) + added
        start, end = min([ln.start, *(e.start for e in every)]), max([ln.end, *(e.end for e in every)])
        facts.append(make_fact(notice, EligibilityFact, Span(start, end, notice.text[start:end], section), value=m.group("name"),
                               lists=named[:1], fields=fields, conditions=conditions,
                               exclusions=[c for c in conditions if EXCLUDES.search(c)],
                               heading=m.group("name")))
    return facts


def _clauses_of(rest: str) -> list[str]:
    return [c.strip() for c in re.split(r"[；;]", rest.rstrip("。")) if c.strip()]


def _labelled_list(label: str, list_names: list[str]) -> list[str]:
    """The list a line's label names: a list's name in it, or the label being a list's short form
    ("新锐企业：…", "先导技术：…"; in running text such a form is no list, as a label it is)."""
    named = find_list_names(label, list_names)
    if named:
        return named
    bare = label.strip()
    short = [n for n in list_names if n.rstrip("榜") == bare or n.startswith(bare) and len(bare) >= 4]
    return short[:1] or [n for variant, n in variants("lists") if variant == bare][:1]


# A condition a sentence sets with a date or a count of years, wherever it stands: "成立年限不超过10年，即
# 2033年1月1日及以后在工商部门注册成立", "须于2041年12月31日前建成运行", "从事技术转移工作满3年".
EVENTS = rf"注册|成立|出生|从事|组建|运行|{DATED_EVENTS}"
BOUND = re.compile(rf"(?:{EVENTS})[^。；;]{{0,30}}?(?:\d{{4}}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?)(?:及)?(?:以后|之后|以前|之前|前)"
                   rf"|(?:\d{{4}}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?)(?:及)?(?:以后|之后|以前|之前|前)[^。；;]{{0,12}}?(?:{EVENTS})"
                   r"|(?:成立|注册)(?:年限|时间)?[^。；;]{0,6}不超过\d+年|(?:从事|工作|任职)[^。；;]{0,12}满\d+年")


def _named_lists(text: str, list_names: list[str]) -> list[str]:
    """The lists a sentence names, by name or by short form ("经省科协推荐的新锐企业须…")."""
    named = [n for n in find_list_names(text, list_names) if not n.startswith(("系列", "科创中国"))]
    return named + [key for variant, key in variants("lists") if variant in text and not variant.endswith("榜")]


def _bounds_in_prose(notice: Notice, list_names: list[str], have: set[str]) -> list[Fact]:
    """The conditions a notice sets in running prose for a list it gives no conditions section (a
    bulletin's "经省科协推荐的新锐企业须…2033年1月1日及以后在工商部门注册成立"): each sentence holding such a
    bound and naming one list, all its clauses that list's conditions."""
    facts: list[Fact] = []
    found: list[tuple[Span, str, list[str]]] = []
    spans = list(clauses(notice, "。；;"))
    for i, sentence in enumerate(spans):
        # A bound by a date or a count of years, or, under a conditions heading, what a list's applicant
        # must be ("申报新锐企业榜的企业须在江淮省内注册"): a condition wherever it stands.
        obliged = OBLIGED.search(sentence.text) and any(CONDITIONS_HEADING.search(h) for h in sentence.section.path)
        if not (BOUND.search(sentence.text) or obliged) or " | " in sentence.text:
            continue  # (a table's row is read by its header, answer/reader.py)
        named = _named_lists(sentence.text, list_names)
        keys = {list_key(n) for n in named}
        if len(keys) != 1 or keys & have:
            continue
        # "新锐榜条件：成立年限不超过8年；县内另要求在本县注册纳税，且…": the clauses after it in its sentence
        # that name no list are its conditions too.
        end = i + 1
        while end < len(spans) and spans[end - 1].text.endswith(("；", ";")) and "\n" not in notice.text[spans[end - 1].end : spans[end].start] \
                and not _named_lists(spans[end].text, list_names):
            end += 1
        if end > i + 1:
            sentence = Span(sentence.start, spans[end - 1].end, notice.text[sentence.start : spans[end - 1].end], sentence.section)
        # Every clause the sentence sets, the bound among them: "须为集团控股的科技型企业，2016年及以后在境内注册，
        # 上一年度研发投入占营业收入比例不低于5%" is three conditions, one of them checkable by a date.
        stated = [c.strip() for c in re.findall(r"[^，,；;。]+", sentence.text) if c.strip()]
        found.append((sentence, named[0], stated))
    # A list's conditions said in several sentences of one section (a local one in item 1, the call's
    # restated in item 4) are one set of conditions, quoted from the first sentence to the last.
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[Span, str, list[str]]]] = {}
    for sentence, name, stated in found:
        groups.setdefault((list_key(name) or name, tuple(sentence.section.path)), []).append((sentence, name, stated))
    for group in groups.values():
        first, last = group[0][0], group[-1][0]
        span = Span(first.start, last.end, notice.text[first.start : last.end], first.section) if len(group) > 1 else first
        stated = list(dict.fromkeys(c for _, _, said in group for c in said))
        facts.append(make_fact(notice, EligibilityFact, span, value=group[0][1], lists=[group[0][1]], conditions=stated,
                               exclusions=[c for c in stated if EXCLUDES.search(c)], heading="正文所述条件", from_prose=True))
    return facts


OBLIGED = re.compile(r"(?:须|必须|应当|需|要求)(?:为|在|是|经|具有|具备|满|由|已|于|按|有)")
CONDITIONS_HEADING = re.compile(r"条件|资格|申报要求")  # ("工作要求" asks work of units, not of applicants)
HEADING_MAX = 20  # "🔶 申报条件划重点": a short line that heads conditions inside a section of another name


# A short line heading per-list conditions: "申报条件划重点", "校内申报要求".
HEADS_CONDITIONS = re.compile(f"{BODY_CONDITIONS.pattern}|(?:申报|推荐|参评)(?:要求|资格)")
LEAD_IN_LINES = 2  # lines between a heading and the per-list lines it heads


def _headed_lines(notice: Notice, section: Section, list_names: list[str], fields: list[str]) -> list[Fact]:
    """Per-list condition lines under a line that heads them without being a section's heading (a post's
    "🔶 申报条件划重点", then "✅ 新锐企业：…注册…"): the lines that each name a list, up to the first that names none."""
    facts: list[Fact] = []
    lines = section.lines
    for i, ln in enumerate(lines):
        head = re.sub(r"[^\w\u4e00-\u9fff]", "", ln.text)
        if not (HEADS_CONDITIONS.search(head) and len(head) <= HEADING_MAX and "。" not in ln.text):
            continue
        run: list[Line] = []
        lead_in = 0  # ("本次学校组织四类申报；…" before the lists' lines: the lines the heading heads come after it)
        for nxt in lines[i + 1 :]:
            m = LIST_LINE.match(nxt.text)
            if not (m and _labelled_list(m.group("name"), list_names)):
                if run or lead_in >= LEAD_IN_LINES:
                    break
                lead_in += 1
                continue
            run.append(nxt)
        facts += _per_list_lines(notice, section, run, list_names, fields)
    return facts


ORGANISER = re.compile(r"^(?P<role>主办|承办|协办|指导|支持|联合主办)单位\s*[:：]\s*(?P<names>.+?)[。；;]?$")


def extract_organisers(notice: Notice) -> list[Fact]:
    """Organiser lines ("主办单位：…", "承办单位：…"), one fact each, the names split at 、，."""
    facts: list[Fact] = []
    for section, line in section_lines(notice):
        m = ORGANISER.match(line.text.strip())
        if m:
            names = [n.strip() for n in re.split(r"[、，,]", m.group("names")) if n.strip()]
            span = Span(line.start, line.end, line.text, section)
            facts.append(make_fact(notice, OrganiserFact, span, value="、".join(names), role=m.group("role"), names=names))
    return facts
