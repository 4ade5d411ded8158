"""Helpers every extractor shares: spans with their section, clauses, name finding, patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from assistant.ingest.chunking import Line, Section, sections
from assistant.ingest.dates import SPOKEN_DIGITS
from assistant.ingest.notices import CJK, Notice
from assistant.ingest.textmap import CELL, verbatim
from assistant.model import Fact
from assistant.names import field_key, list_key, variants

# A unit's own platform or system, not the call's "科创中国" one: quoted with its own name ("通过“青澜科协综合
# 服务平台”报送"), named for the service it gives ("园区政务服务平台", "科研管理系统"), or owned by the unit
# itself ("园区平台", "校内系统"). One decision for the facts read and the questions asked.
OWN_PLATFORM = re.compile(r"“(?![^”]*科创中国)[^”]{2,30}(?:平台|系统)[^”]{0,12}”"
                          r"|(?:政务服务|企业服务|综合服务|公共服务|科研管理|科技管理|成果管理|办公|OA)(?:平台|系统)"
                          r"|(?:园区|学校|校内|院内|院里|学院|集团)(?:(?![和跟与及或、])[\u4e00-\u9fff]){0,2}(?:平台|系统)")  # (not "学院和平台")

# The call's side of a deadline (CAST, its platform, the country's round) as a unit's notice restates it, a
# unit's own platform aside: one decision for the rules (is this date fact the call's cut-off?) and the reader
# (does this line give the call's date rather than the unit's own step?). ("学会于11月25日前在平台完成推荐确认",
# "请在此之前完成“科创中国”平台填报" are the unit's own steps online: a platform named is not the call's side,
# the platform closing is.)
CALLS_SIDE = re.compile(r"科协平台|中国科协|全国|国家平台"
                        r"|平台(?:申报|填报|提交|上传)?(?:的)?(?:截止|截至)|平台[^，,。；;]{0,16}关闭")  # ("平台申报截止时间为…": when the platform closes)


def names_calls_side(text: str) -> bool:
    return bool(CALLS_SIDE.search(OWN_PLATFORM.sub(" ", text)))


F = TypeVar("F", bound=Fact)

# Another call named as such ("省青年科技奖的推荐工作", "集团科技进步奖申报"), in a sentence naming no list.
# (Not "年度工作计划推荐": a plan is no call; a prize, a fund or a project's call is.)
OTHER_CALL = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:奖|基金|课题)(?:的)?(?:推荐|申报|评审|评选|征集)")
SERIES = re.compile(r"科创中国|榜")
CONTRAST = re.compile(r"(?:与|和|跟)本次榜单[^，,。；;]{0,12}")  # "与本次榜单申报分别报送": the lists named to set them apart


def other_call(text: str) -> bool:
    """Whether a sentence is about another call than the series ("集团科技进步奖申报正在同步进行，截止…，与本次
    榜单申报分别报送"); one that names the lists' own step too ("…请于11月7日前将榜单推荐材料报送") is theirs."""
    return bool(OTHER_CALL.search(text)) and not SERIES.search(CONTRAST.sub("", text))

# An annex that is a form to fill in ("附件2 申报样表", "附件3 推荐汇总表"): its 名额/联系人 are fields, not facts.
# (An annex of content, "附件3 推荐名额和内部遴选办法", "附件5 联系方式", states them.)
FORM_ANNEX = re.compile(r"样表|申报表|推荐表|申报书|推荐书|登记表|汇总表|报名表|申请表|信息表|回执|承诺书|模板|示例")


def form_annex(section: Section) -> bool:
    """Whether a section belongs to an annex that is a form, or to one whose title is not given."""
    if not (section.path and section.path[0].startswith("附件")):
        return False
    title = re.sub(r"^附件\s*[\d一二三四五六七八九十]*\s*[：:]?", "", section.path[0]).strip()
    return not title or bool(FORM_ANNEX.search(title))


@dataclass
class Span:
    """A piece of a notice's clean text with the section it sits in."""

    start: int
    end: int
    text: str
    section: Section
    before: str = ""  # its line's text before it: what "两个榜单" refers back to


# "两个榜单材料于10月20日前报…", "上述榜单由…负责": the lists the line named before.
REFERS_TO_LISTS = re.compile(r"(?:两个|两类|这两个|上述|以上|该|本|这些|前述)(?:两个?|两类)?榜单?|两榜")


def lists_of(span: Span, known: list[str] | None = None) -> list[str]:
    """The lists a clause names, or those of its line before it when it refers back to them."""
    return find_list_names(span.text, known) or (
        find_list_names(span.before, known) if REFERS_TO_LISTS.search(span.text) else [])


def make_fact(notice: Notice, cls: type[F], span: Span, **kw: Any) -> F:
    start, end = notice.original_span(span.start, span.end)
    quote = span.text
    if not verbatim(quote, notice.normalized):
        # A line a reading gathered from a data file's values ("榜单：新锐企业榜，名额：6家"): its values as
        # cells; else the original's own words.
        cells = CELL.join(p for p in notice.clean.source_pieces(notice.original, span.start, span.end)
                          if len(p) > 1 or p.isalnum())
        quote = cells if CELL in cells and verbatim(cells, notice.normalized) \
            else re.sub(r"\s+", " ", notice.original[start:end])
    lists = kw.pop("lists", [])
    fields = kw.pop("fields", [])
    return cls(
        notice_id=notice.id,
        year=notice.year,
        section=" > ".join(span.section.path),
        quote=quote,
        start=start,
        end=end,
        lists=lists,
        list_keys=[list_key(n) for n in lists],
        fields=fields,
        field_keys=[field_key(f) for f in fields],
        **kw,
    )


def section_lines(notice: Notice) -> Iterator[tuple[Section, Line]]:
    for section in sections(notice):
        for line in section.lines:
            yield section, line


def clauses(notice: Notice, separators: str = "。；;") -> Iterator[Span]:
    """Sentences (or clauses, with ；) of every line, with clean-text offsets. An ASCII full stop
    after Chinese text ends a sentence too (notices typed with ASCII punctuation)."""
    pattern = re.compile(rf"(?:[^{separators}.]|(?<![{CJK}）)”\"])\.|\.(?=[0-9A-Za-z]))+(?:[{separators}.]|$)")
    for section, line in section_lines(notice):
        for m in pattern.finditer(line.text):
            text = m.group(0).strip()
            if text:
                lead = len(m.group(0)) - len(m.group(0).lstrip())
                start = line.start + m.start() + lead
                yield Span(start, start + len(text), text, section, line.text[: m.start() + lead])


# ---------------------------------------------------------------- names


def find_list_names(text: str, known: list[str] | None = None) -> list[str]:
    """List names (…榜) in a passage, in order: quoted names, names this notice uses, and aliases."""
    found: list[tuple[int, str]] = []
    for m in re.finditer(rf"[“\"「]([{CJK}]{{2,14}}榜)(?:单)?[”\"」]", text):
        found.append((m.start(1), m.group(1)))
    for name in known or []:
        for m in re.finditer(re.escape(name), text):
            found.append((m.start(), name))
    for variant, _key in variants("lists"):
        if variant.endswith("榜"):
            for m in re.finditer(re.escape(variant), text):
                found.append((m.start(), variant))
    # Unquoted enumerations: "设置先导技术榜、新锐企业榜、海洋创新榜".
    for m in re.finditer(r"[^、，,。．.；;：:“”\"「」（）()\s—|｜]+", text):
        piece = re.sub(r"^.*(?:设置|设立|包括|分为|设|和|及|与)", "", m.group(0))
        piece = re.sub(r"^(?:的|之|了|为|是)+", "", piece)  # "还有今年新设的数智融合应用榜": a name never opens with a particle
        piece = re.sub(r"(?:等)?[一二三四五六七八九十两\d]+(?:类|个|项)(?:榜单)?$", "", piece)  # "…、成果转化先锋榜四类（榜单）"
        # "本会将择优推荐先导技术榜": what comes before the verb is not the list's name.
        shorter = re.sub(r"^.*(?:推荐|申报|报送|参评|参加|限报|择优|征集|上报|其中|拟报|围绕|针对|面向|组织|接受|受理|开展)", "", piece)
        if len(shorter) >= 4:
            piece = shorter
        if re.fullmatch(rf"[{CJK}]{{2,12}}榜", piece) and not piece.startswith(("系列", "科创中国")):
            found.append((m.end() - len(piece), piece))
    # Keep the longest name at each place, drop names inside a longer one.
    found.sort(key=lambda p: (p[0], -len(p[1])))
    result: list[str] = []
    covered_until = -1
    for pos, name in found:
        if pos < covered_until:
            continue
        covered_until = pos + len(name)
        if name not in result:
            result.append(name)
    return result


def find_fields(text: str, known: list[str] | None = None) -> list[str]:
    """Field names in a passage: the notice's own field names first, then the alias table."""
    found: list[tuple[int, str]] = []
    for name in known or []:
        for m in re.finditer(re.escape(name), text):
            found.append((m.start(), name))
    if not found:
        for variant, key in variants("fields"):
            if variant == key:
                for m in re.finditer(re.escape(variant), text):
                    found.append((m.start(), variant))
    found.sort()
    result: list[str] = []
    for _, name in found:
        if name not in result:
            result.append(name)
    return result


TIME = r"(?:(上午|下午|晚上|中午)?\s*(\d{1,2}|十[一二三四五六七八九]?|二十[一二三四]?|[一二三四五六七八九])\s*[:：时点]\s*(\d{2})?\s*(?:分)?)?"
# Phones as notices write them: 010-68571234, 0571 8765 4321, (010)6857-1234, 020—8321 6655, an
# extension -801, a mobile 13812345678 or 138 2600 1234. The local number may be split once.
PHONE = re.compile(
    r"(?<![\d-])[48]00[ -]?\d{3}[ -]?\d{4}(?!\d)"  # a 400/800 service line
    r"|(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)"
    r"|(?<![\d-])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}\s?[-—–－]?\s?)?\d{3,4}[ -]?\d{4}(?:\s?(?:-|转)\s?\d{1,4})?(?![\d])"
)


# "0739-5521806已停用，请改拨0739-5521860，以此为准", "电话有误，更正为…": a number the notice itself replaces.
PHONE_FIXED = re.compile(rf"(?P<old>{PHONE.pattern})[^。\n]{{0,24}}?(?:有误|错误|笔误|已停用|停用|作废|不再使用|已更换|更换)"
                         rf"[^。\n]{{0,16}}?(?:改拨|改为|更正为|请拨打?|新号码为?|现为|换为|换成)[：:\s]*(?P<new>{PHONE.pattern})")


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


# A value its notice declares in force over what it said before, without naming the old one: "以本次修订为准",
# "以本更正为准", "# 更正，以此为准" after a script's assignment, "注：以下一条为更正后的值" on the line above
# (not "以科协通知为准").
IN_FORCE = re.compile(r"以(?:此|本次[^，,。；;\n]{0,6}|本条|本备注|这一?[条个次项]|下[^，,。；;\n]{0,10}|修订后?|本?更正后?)"
                      r"[^，,。；;\n]{0,4}为准|更正(?:后的值|，|,|：|:|$)", re.M)
# (the words a contact line says with any phone: no sign two lines speak of the same person or office)
CONTACT_LABELS = re.compile(r"联系人|负责人|对接人|联系方式|联系电话|联系|电话|手机|座机|邮箱|方式|号码|办公|固话|更正|为准|备注")
RESTATED_TAIL = 3  # a restated number differs from the one it replaces in its last digits only
NAME_REACH = 8  # how far before a number its person's name is written
MAX_NUMBERS = 20  # numbers one person is given across a notice (more: a list of numbers, not of corrections)


@dataclass(frozen=True)
class PhoneFix:
    """A number a notice replaces, the number replacing it as written, and where it says so (the
    text's offsets of the saying)."""

    old: str  # digits
    new: str  # as written
    start: int
    end: int


def phone_fixes(text: str) -> list[PhoneFix]:
    """Every number a text replaces: named as replaced ("…有误，请改拨…"), or restated on a line declared
    in force (_restated); a number that also replaces one is no old number."""
    fixes = [PhoneFix(digits(m.group("old")), m.group("new").strip(), m.start(), m.end()) for m in PHONE_FIXED.finditer(text)]
    if IN_FORCE.search(text):  # (no line declared in force, no number restated: most notices)
        fixes += _restated(text)
    replacing = {digits(f.new) for f in fixes}
    return [f for f in fixes if f.old not in replacing]


def _restated(text: str) -> list[PhoneFix]:
    """Numbers restated on a line declared in force ("科技创新局联系电话：符嘉禾，0436-87653320…以本更正为准"),
    each replacing the number another line gives the same person (a name written just before both
    numbers) that differs from it only in its last digits."""
    written: dict[tuple[str, str], list[tuple[int, str]]] = {}  # numbers by all but their last digits and a name
    restating: list[tuple[int, int, re.Match[str], set[str]]] = []
    pos = 0
    for line in text.split("\n"):
        declared = bool(IN_FORCE.search(line)) and not PHONE_FIXED.search(line)  # (one naming its old number says so itself)
        for p in PHONE.finditer(line):
            number, names = digits(p.group(0)), _names_before(line, p.start())
            for name in names:
                written.setdefault((number[:-RESTATED_TAIL], name), []).append((pos, number))
            if declared:
                restating.append((pos, pos + len(line), p, names))
        pos += len(line) + 1
    fixes: list[PhoneFix] = []
    seen: set[tuple[str, str]] = set()
    for start, end, p, names in restating:
        new = digits(p.group(0))
        for name in names:
            for line_start, was in written.get((new[:-RESTATED_TAIL], name), [])[:MAX_NUMBERS]:
                if line_start != start and was != new and len(was) == len(new) and (was, new) not in seen:
                    seen.add((was, new))
                    fixes.append(PhoneFix(was, p.group(0).strip(), start, end))
    return fixes


def _names_before(line: str, at: int) -> set[str]:
    """The two-character runs of the Chinese words just before a number (a person's name, "符嘉禾，电话…"),
    the labels any contact line writes left out."""
    near = re.sub(rf"[^{CJK}]", " ", CONTACT_LABELS.sub(" ", line[max(0, at - NAME_REACH):at]))
    return {g for run in near.split() for g in (run[i:i + 2] for i in range(len(run) - 1))}


def corrected_phones(text: str) -> set[str]:
    """The digits of every number a text says is replaced (unless also a replacing one)."""
    return {f.old for f in phone_fixes(text)}


# A phone read out digit by digit ("电话：零五七一，六四八二，七三一五", a broadcast's or an interview's
# transcript): read as its digits, the groups apart by a space; the text quoted stays as written.
_SPOKEN = "".join(SPOKEN_DIGITS)
SPOKEN_PHONE = re.compile(rf"(?<=[：:是])[{_SPOKEN}]{{3,4}}(?:[，,、 ][{_SPOKEN}]{{3,4}}){{1,3}}(?![{_SPOKEN}])")
MIN_PHONE_DIGITS = 7


def spoken_digits(text: str) -> str:
    """The text with each phone read out in characters as digits, character for character (so
    offsets into it are offsets into the text)."""
    def digits(m: re.Match[str]) -> str:
        if sum(ch in SPOKEN_DIGITS for ch in m.group(0)) < MIN_PHONE_DIGITS:
            return m.group(0)
        return "".join(SPOKEN_DIGITS.get(ch, " ") for ch in m.group(0))

    return SPOKEN_PHONE.sub(digits, text)


def phones_in(text: str) -> list[str]:
    """The phones a text writes (as answers show them), read out in characters or not; none read
    inside a mailbox's name."""
    return [phone_text(m.group(0)) for m in PHONE.finditer(spoken_digits(EMAIL.sub(" ", text)))]


def phone_text(written: str) -> str:
    """A phone as answers show it: 020-83216655, 13826001234 (the notice's own form is in the quote)."""
    number = re.sub(r"^(0\d{2,3})\s+(?=\d)", r"\1-", written.strip())
    number = re.sub(r"^[(（](0\d{2,3})[)）]", r"\1-", re.sub(r"\s", "", number))
    number = re.sub(r"[—–－]", "-", number)
    if re.fullmatch(r"[48]00[\d-]+", number):
        return number
    if re.fullmatch(r"1[3-9][\d-]+", number):
        return number.replace("-", "")
    m = re.fullmatch(r"(0\d{2,3}-)?(\d{3,4})-?(\d{4})((?:-|转)\d{1,4})?", number)
    return "".join(g or "" for g in m.groups()) if m else number


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
URL = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:cn|com|cloud|org|net|gov|edu)(?:\.cn)?(?:/[\w./?=&%-]*)?", re.I)
