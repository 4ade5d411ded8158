"""The reader: the sentence, table row or form field of the retrieved passages that answers the
question, put first, with what a reader needs around it (a row's header, a field's options), cited.

Passages are split into units (sentences, rows, fields) that keep their heading path. Each unit is
scored by the share of the question's weighted ask terms it holds (its own words, and less its
heading path's), whether it holds what the answer type needs (a date, a phone, a number…), and the
rank of its passage; a bare title, a preamble or a field name alone is never the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from assistant.answer.compose import Answer, Citer
from assistant.answer.crossref import answer_lines, item_line, names_section, only_points, references
from assistant.answer.eligibility import BOUND_DATE, EVENT_BOUND, FOUNDING_AFTER
from assistant.answer.phrasing import year_note
from assistant.answer.pointer import PointedBy, in_series, label
from assistant.answer.retrieval import Hit, HybridRetriever
from assistant.answer.understand import Query
from assistant.ingest.chunking import PREAMBLE, REPLY_LABEL, WORDINGS_LABEL, Chunk
from assistant.ingest.dates import DATE, DATE_GROUPS, DATE_LINE, ymd
from assistant.ingest.facts.common import (
    EMAIL,
    PHONE,
    PHONE_FIXED,
    corrected_phones,
    digits,
    find_fields,
    find_list_names,
    names_calls_side,
    other_call,
)
from assistant.ingest.facts.schedule import (
    CORRECTED,
    RESTATED,
    corrected_dates,
    corrections_in,
    restated_steps,
)
from assistant.ingest.identity import DATED_ORG_LINE, ORG_LINE
from assistant.ingest.notices import (
    FORM_TITLE,
    LABEL,
    SIGN_OFF_ORG,
    NoticeRecord,
    heading_level,
    retired_records,
    value_line,
)
from assistant.ingest.outline import tree_path
from assistant.ingest.textmap import (
    header_like,
    locate,
    names_columns,
    normalize_for_match,
    row_cells,
    spanned_header,
    text_lines,
)
from assistant.model import AnswerKind, AnswerType, Intent, NoticeKind
from assistant.names import field_key, list_key
from assistant.tokenizer import function_word

PASSAGES = 6  # retrieved passages read
WARM_UNITS = 3_000  # units tokenized while loading, at most (about 0.4 s)
SHOWN = 3  # units shown at most
LONG = 150  # a sentence longer than this is shown around its best clause
SENTENCE = re.compile(r"[^。；;？?！!\n]+[。；;？?！!]?")
CLAUSE = re.compile(r"[^，,：:]+[，,：:]?")

# What a unit must hold to be of the answer type asked.
HOLDS: dict[AnswerType, re.Pattern[str]] = {
    # Values, not the words that label them: a form's "联系人 | 电话" row holds no contact.
    AnswerType.DATE: re.compile(DATE + r"|\d{1,2}月(?:\d{1,2}日|[上中下]旬|底|初)|(?<![\d.])\d{1,2}[./]\d{1,2}(?![\d.])"
                                r"|\d{4}\s*年\s*\d{1,2}\s*月"),  # (a step dated by its month: "终评评审（2024年1月）")
    AnswerType.CONTACT: re.compile(PHONE.pattern + "|" + EMAIL.pattern),
    AnswerType.PLACE: re.compile(r"https?://|www\.|[\w-]+\.(?:cn|com|org|net|cloud)\b|[\w.+-]+@|[路街]\d|号楼|号院|\d+室|\d+\s*层|大厦|邮编"),
    # (A count of years, "不超过10年", not a year: "2023年" holds no number asked for.)
    AnswerType.NUMBER: re.compile(r"\d+\s*(?:个|项|家|人|名|类|字|页|份|万|%)|(?<!\d)\d{1,3}\s*年(?!\d)|"
                                  r"[一二两三四五六七八九十百千]+(?:个|项|家|人|名|类|字|页|份)"),
    AnswerType.NAMES: re.compile(r"[^、]{2,}、[^、]{2,}|包括|包含|分为|如下|以下"),
    AnswerType.YESNO: re.compile(r"不得|不能|不可|不予|须|必须|应当|应|可以|可|不超过|不少于|原则上|仅|限|不再|无需|不需要|需|要求"),
    AnswerType.PURPOSE: re.compile(r"为(?:了|深入|全面|进一步|贯彻|落实|推进|加快|促进|发挥|激发|助力|服务)|旨在|目的|意义|推进|助力|推动|促进|引领|激发"),
    AnswerType.PROCEDURE: re.compile(r"组织|开展|报送|提交|上传|发送|寄送|邮寄|推荐|评审|审核|确定|发布|公示|流程|程序|由|经|后|通过"),
}
# A contact ask for one attribute ("他的邮箱是多少") is held only by that attribute's value: a row
# naming the person without an e-mail does not answer it.
ATTRIBUTE_HOLDS: dict[str, re.Pattern[str]] = {"email": EMAIL, "phone": PHONE}


# A quota is a count of what is put forward ("不超过3个", "3项"), not any count ("五大领域和一个专项领域").
# (A table's cell may hold the count alone: "临江市 | 6 | …", shown as "临江市｜新锐企业榜：6".)
QUOTA_HOLDS = re.compile(r"\d+\s*(?:个|项|家|人|名)|(?:不超过|不多于|最多|至多|限|各|推荐|报|推)[一二两三四五六七八九十]+(?:个|项|家|人|名)|"
                         r"(?:^|[|｜\t：:])\s*\d{1,3}(?![\d.．年月日时号点:：%/-])")


VALUE_FIT = 0.3  # a row's cell holding the value asked, whatever its header says: its least fit to the ask
VALUE_FITS = (AnswerType.CONTACT, AnswerType.DATE)  # (not a count: a row's 序号 is a number too)
LONG_LABEL = 24  # a header's label with its note ("各市（州）科协、省级学会向省科协报送上限")
HEADER_COLUMNS = 3  # a table starting in a passage under a line of text: its first row heads it when as wide as the next
PERSON_COLUMN = re.compile(r"联系人|负责人|姓名|经办人|联系人姓名")




@lru_cache(maxsize=16)
def _counted_in(measure: str) -> re.Pattern[str]:
    return re.compile(rf"\d+\s*{measure}|[一二两三四五六七八九十百千]+{measure}")


def value_pattern(q: Query) -> re.Pattern[str] | None:
    """What a unit or an answer must hold to give the value asked."""
    if q.answer_type == AnswerType.CONTACT and q.attribute in ATTRIBUTE_HOLDS:
        return ATTRIBUTE_HOLDS[q.attribute]
    if q.answer_type == AnswerType.NUMBER and q.intent == Intent.QUOTA:
        return QUOTA_HOLDS
    if q.answer_type == AnswerType.NUMBER and q.count_measure:
        return _counted_in(q.count_measure)
    return HOLDS.get(q.answer_type)


ITEM = re.compile(r"[①-⑳]|[-*+•●▪◆■·✔✓√☐☑][ \t]*|(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])(?![\d.．])")
NOTE = re.compile(r"[（(][^）)]+[）)]")  # "技术团队简介 (200字)": a field with its own note
LONG_NOTE = re.compile(r"[（(][^）)]{6,}[，,；;][^）)]{6,}[）)]")  # a note that says something, not a scope
ANNOUNCES = re.compile(r"(?:以下|如下)[^。；;]{0,12}[：:]\s*$|[：:]\s*$")
SPOKEN_MAX, SPOKEN_PAUSES, SPOKEN_CLAUSE = 60, 4, 40  # an unpunctuated sentence read clause by clause
OTHER_SUBJECT = 0.5  # a unit about another field or list than the one asked
QUOTED_WEIGHT = 0.15
TYPE_WEIGHT = 0.25
# The answer types a passage may give by pointing elsewhere in its notice ("名额分配见附件2").
REFERRED_VALUES = (AnswerType.DATE, AnswerType.NUMBER, AnswerType.CONTACT, AnswerType.PLACE, AnswerType.NAMES)
ANNEX_TITLE = re.compile(r"^附件\s*\d{1,2}[：:]?$")
KIND_WORDS = frozenset({"专项", "领域", "榜", "榜单", "方向", "类"})  # what a list or field is called as such
CARRIED_WEIGHT = 0.5  # a list or field a later part took from the part before, against the part's own words
STORY_WEIGHT = 0.5  # an eligibility ask: a word of the asker's story, against one of the ask itself
REPLY_WEIGHT = 0.5  # an entry's wording: an ask's word in the entry's reply only, against one in the wording
EVENT_WEIGHT = 0.25  # an eligibility ask: a unit dating an event the asker dated ("…前签了入驻协议的才行")
UNTYPED = 0.7  # a unit's score when a value is asked and it holds none
ASK_WORD = re.compile(r"时候|时间|多少|几时|哪天|哪里|哪儿|怎么|怎样|如何|是否|能否|可否")  # how a value is asked, not of what
TYPED_ANCHOR = 0.5  # of the ask's weight a unit holding the value asked must hold to show the notices answer it
DATE_RE = re.compile(DATE)
SUPERSEDED = 0.5  # a unit holding a date its notice corrects elsewhere ("…更正为11月24日"): no longer the answer
PATH_WEIGHT = 0.35  # a heading's words count less than the unit's own
RANK_WEIGHT = 0.08
COMPLEMENT_SHARE = 0.2  # of the ask's weight a second unit adds for being shown beside the best
COMPLEMENT_FLOOR = 0.5  # of the best unit's score it must have
COMPLEMENT_TERMS = 2  # of the ask's words left out that it must hold
PROMPT = 30  # a heading longer than this (its notes aside) is a form's prompt, not a part's name
ROW_READ_COLUMNS = 4  # a row this wide is shown by the columns asked, each with its header
ROW_READ_SHARE = 0.75  # of the best column's fit to the ask that another column shown must have
ROW_READ_SHOWN = 3
MEASURED = 2.0  # a rival cell in the measure asked weighs this much more
ROW_NAME = 12  # a row's name cell is no longer than this
CELL_WORDS = 0.5
EMPTY_CELLS = ("", "—", "-", "–")  # a cell that holds nothing
# A table of changes: the column of what was said before (a draft, the old text) and of what holds now.
SUPERSEDED_COLUMN = re.compile(r"征求意见稿|原文|原稿|原定|原为|修改前|调整前|变更前|草案|初稿")
CURRENT_COLUMN = re.compile(r"正式稿|定稿|现改为|改为|修改后|调整后|变更后|现为|最终")
# Asks for a value a table's cell holds (a date, a contact, a number, a place): a row is read by the columns asked.
# A date that bounds who may apply (founded, registered, joined, filed before or after it), not when to act.
# (Not FOUNDING_BEFORE: its "于…前" is any deadline's wording too.)
CONDITION_DATE = re.compile(f"{FOUNDING_AFTER.pattern}|{EVENT_BOUND.pattern}"
                            f"|(?:成立|注册)[^，,；;。]{{0,12}}?{BOUND_DATE}"  # ("成立时间可放宽至2022年9月1日之前")
                            # what has been done on a day ("通知已于9月26日转发各单位"): no step still to meet
                            r"|已(?:于|在)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日")
VALUE_ASKS = (AnswerType.DATE, AnswerType.CONTACT, AnswerType.NUMBER, AnswerType.PLACE)


class UnitKind(StrEnum):
    SENTENCE = "sentence"
    ROW = "row"  # a table row, read with its header
    FIELD = "field"  # a form field, read with what it asks or offers
    BLOCK = "block"  # a contact block's label lines, read with the line that heads it
    HEADING = "heading"
    TITLE = "title"  # the notice's title or its opening lines
    ASKED = "asked"  # a question the notice asks itself (a FAQ, a Q&A turn), read with the reply after it
    WORDING = "wording"  # one of the wordings an entry is asked by (a chatbot's), read with the entry's reply
    CAPTION = "caption"  # a poster's or timeline's label, read with the value set on the lines beside it


ASKS = (UnitKind.ASKED, UnitKind.WORDING)


@dataclass(frozen=True)
class _Corrections:
    """What a notice corrects elsewhere in its own text."""

    dates: set[tuple[int, int]]  # (month, day) of each date replaced
    phones: set[str]  # the digits of each number replaced
    steps: list[tuple[str, tuple[int, int]]]  # a step whose date is changed, the old one unnamed: its words, its new date


@dataclass(frozen=True)
class Unit:
    chunk: Chunk
    rank: int  # of its passage among the hits
    kind: UnitKind
    text: str  # as written in the chunk
    context: str = ""  # a row's header, a field's following line
    step: str = ""  # the heading that names and dates the step a sentence tells of (shown with it, weighed as a heading)


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    coverage: float  # share of the ask's weighted terms in the unit (with its context)
    typed: bool  # holds what the answer type needs


def _is_row(line: str) -> bool:
    return "\t" in line or line.count("|") >= 2 or " | " in line


BORDER = re.compile(r"[─━┌┐└┘├┤┬┴┼═╔╗╚╝╠╣╦╩╬\-+=|│\s]{3,}")


ASKED_LINE = re.compile(r"[？?]\s*$")
# A chatbot's or a knowledge base's entry (ingest/chunking.py keeps one in a passage): each wording users ask
# it by is an ask the notice asks itself, read with the entry's reply.
ANY_LABEL = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,8}\s*[：:]")
# An entry's own fields after its reply ("备注：…", "状态：启用", the next "意图ID：…"), or its rule: the reply ends.
ENTRY_FIELD = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}(?:备注|状态|说明|更新|版本|意图|编号|分类|标签|关键词|创建|来源)|[A-Za-z]{1,8})\s*[：:]"
                         r"|^[=\-—_*#]{3,}$")


def _wordings(lines: list[str], i: int) -> tuple[list[str], str] | None:
    """The wordings under the label on line i and the reply under the label after them, if it is one."""
    if not WORDINGS_LABEL.match(lines[i]):
        return None
    j = i + 1
    while j < len(lines) and not ANY_LABEL.match(lines[j]):
        j += 1
    reply = REPLY_LABEL.match(lines[j]) if j < len(lines) else None
    if reply is None or j == i + 1:
        return None
    said = [reply.group("said")] if reply.group("said") else []
    k = j + 1
    while k < len(lines) and not ENTRY_FIELD.match(lines[k]) and not WORDINGS_LABEL.match(lines[k]) and not REPLY_LABEL.match(lines[k]):
        said.append(lines[k])
        k += 1
    return lines[i + 1 : j], "\n".join(said)
# "「是/否」若否，则园区不予推荐": what follows from a checklist's item, said of the item above it.
CONSEQUENCE = re.compile(r"^[「“\"]?是\s*/\s*否[」”\"]?\s*|^(?:若|如|如果)(?:否|不是|不符合|未)[，,]?\s*则")
CONTINUED = re.compile(r"^[│┃|]?\s*[│┃|]")  # "│ | │ 线上填报 | …": the first cell is empty


def _cells(line: str) -> list[str]:
    return [c for c in row_cells(line) if c]


def _self_described(line: str) -> bool:
    """A two-column row "matter | what about it" says what it is: its table's header adds nothing."""
    cells = _cells(line)
    return len(cells) == 2 and len(cells[0]) <= 12 and not re.search(r"[。；;，,]", cells[0]) \
        and (len(cells[1]) >= 15 or bool(re.search(r"[。；;，,]", cells[1])))


# The short unit word a poster sets below its figure ("项/领域", "家").
UNIT_WORD = re.compile(r"[^\d\s。；;，,：:]{1,4}(?:/[^\d\s。；;，,：:]{1,3})?")
CAPTION_MAX = 40


def _caption_values(lines: list[str], i: int) -> list[str]:
    """The value lines a short label line captions: the run of value lines (each with its unit word)
    right above it, else the value line right below it. Empty when the label stands alone."""
    line = lines[i]
    if len(line) > CAPTION_MAX or re.search(r"[。；;]", line) or value_line(line) or UNIT_WORD.fullmatch(line):
        return []
    above: list[str] = []
    j = i - 1
    while j >= 0 and len(above) < 4:
        prev = lines[j]
        if value_line(prev) or (UNIT_WORD.fullmatch(prev) and j > 0 and value_line(lines[j - 1])):
            above.insert(0, prev)
            j -= 1
            continue
        break
    if any(value_line(v) for v in above):
        return above
    if i + 1 < len(lines) and value_line(lines[i + 1]):
        return [lines[i + 1]]
    return []


def _unmarked(item: str) -> str:
    """An item without the mark that leads it ("① 申报表" -> "申报表"); a dash inside stays."""
    m = ITEM.match(item)
    return item[m.end() :].strip() if m else item


def _is_field(line: str, in_attachment: bool) -> bool:
    return in_attachment and len(line) <= 16 and not re.search(r"[。；;，,]", line)


# "…之后/后面/完了以后是什么流程": an ask about what follows a step.
AFTER_ASK = re.compile(r"之后|以后|后面|后续|接下来|然后|完了")
DONE = re.compile(r"完|已经|已|过了|好了|了")  # a step told as done
SUPPOSED = re.compile(r"如果|假如|要是|万一|假设|若")
STEP_SHARE = 0.5  # of the told step's weighted words a unit must hold to be that step
WHEN_TOLD = re.compile(r"\d{1,4}\s*[年月日号]?\s*(?:底|初|中旬|上旬|下旬)?|[上中下]旬|月底|年底|(?:之|以)?前|(?:之|以)?后|上午|下午")

# A run-in heading: an item's number and a few words ending in "。" before its body on the same line.
RUN_IN = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])\s*[\u4e00-\u9fff“”\w]{2,14}。")


def units(chunk: Chunk, rank: int) -> list[Unit]:
    """A passage's sentences, table rows (with the header row) and form fields (with the line that
    follows them), in order."""
    retired = retired_records(chunk.text)  # (an export's record that says it no longer holds is not read)
    lines = [ln.text.strip() for ln in text_lines(chunk.text) if ln.text.strip() and not any(a <= ln.start < b for a, b in retired)]
    preamble = chunk.path[:1] == [PREAMBLE] and chunk.start == 0  # (the notice's own first lines, not a later passage's)
    out: list[Unit] = []
    header, in_table = chunk.table_header, bool(chunk.table_header)
    in_attachment = any(p.startswith("附件") for p in chunk.path)
    worded: set[int] = set()  # lines read as the wordings of an entry's ask
    step = _dated_step(chunk.path[-1]) if chunk.path else ""
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if i in worded:
            continue
        if (entry := _wordings(lines, i)) is not None:
            wordings, reply = entry
            out.extend(Unit(chunk, rank, UnitKind.WORDING, wording, reply) for wording in wordings)
            worded.update(range(i + 1, i + 1 + len(wordings)))
            continue
        if BORDER.fullmatch(line):
            continue  # a drawn table's rule: still inside the table
        if _is_row(line):
            # A passage may start inside a table: its first row is the header only when it reads as one,
            # or when the table starts in the passage.
            if (not in_table and (header_like(line) or _heads_table(lines, i))) \
                    or (line != header and names_columns(_cells(line))):  # (or a second table's, under the first)
                header, in_table = line, True
                out.append(Unit(chunk, rank, UnitKind.HEADING, line))
                continue
            in_table = True
            cells = _cells(line)
            asked = next((k for k, c in enumerate(cells[:-1]) if ASKED_LINE.search(c)), None)
            if asked is not None:
                # "4 | 学校一共有多少推荐名额？ | 安徽省科协分配给我校的…": a FAQ table's row is its question and reply.
                out.append(Unit(chunk, rank, UnitKind.ASKED, cells[asked], " ".join(cells[asked + 1 :])))
                continue
            if CONTINUED.match(line) and out and out[-1].kind in (UnitKind.ROW, UnitKind.HEADING):
                # A drawn table's wrapped cells: a row with an empty first cell goes on with the one above.
                out.append(Unit(chunk, rank, UnitKind.ROW, line, out[-1].text))
                continue
            out.append(Unit(chunk, rank, UnitKind.ROW, line, "" if _self_described(line) else header))
            continue
        header, in_table = "", False
        if LABEL.match(line):
            # A contact block: its label lines are one unit, read with the line that heads it.
            # (A label it already has starts the next block: a contact list's or a card's next person.)
            label = LABEL.match(line).group(1)  # type: ignore[union-attr]
            if out and out[-1].kind == UnitKind.BLOCK and lines[i - 1] == out[-1].text.split("\n")[-1] \
                    and not any((m := LABEL.match(held)) and m.group(1) == label for held in out[-1].text.split("\n")):
                last = out.pop()
                out.append(Unit(chunk, rank, UnitKind.BLOCK, f"{last.text}\n{line}", last.context))
            else:
                above = lines[i - 1] if i > 0 and not LABEL.match(lines[i - 1]) else ""
                out.append(Unit(chunk, rank, UnitKind.BLOCK, line, above))
            continue
        if ASKED_LINE.search(line) and nxt and not ASKED_LINE.search(nxt) and not _is_row(nxt):
            # "问：…能报吗？" then "答：…": the question is how it is found, the reply is what it says.
            out.append(Unit(chunk, rank, UnitKind.ASKED, line, nxt))
            continue
        if heading_level(line) is not None or (i == 0 and chunk.path and line == chunk.path[-1]):
            out.append(Unit(chunk, rank, UnitKind.HEADING, line))
            step = _dated_step(line)
            continue
        if (preamble and i < 3 and not re.search(r"[。；;]", line)) or (FORM_TITLE.search(line) and len(line) <= 50
                                                                          and not ITEM.match(line)) \
                or SIGN_OFF_ORG.fullmatch(line) or ORG_LINE.match(line) or DATE_LINE.match(line) or DATED_ORG_LINE.match(line):
            # A title, a letterhead or sign-off's organisation, a date line: where, not what.
            out.append(Unit(chunk, rank, UnitKind.TITLE, line))
            continue
        if _is_field(line, in_attachment):
            # A form's field name: what the next line asks or offers is what it means (when that
            # line is not the next field).
            about = nxt if nxt and not _is_row(nxt) and heading_level(nxt) is None and not _is_field(nxt, True) else ""
            out.append(Unit(chunk, rank, UnitKind.FIELD, line, about))
            continue
        values = _caption_values(lines, i)
        if values:
            out.append(Unit(chunk, rank, UnitKind.CAPTION, line, "\n".join(values)))
            continue
        sentences = [m.group(0).strip() for m in SENTENCE.finditer(line)]
        if len(sentences) >= 2 and RUN_IN.fullmatch(sentences[0]):
            # "（三）校内公示。推荐名单于…公示。": a run-in heading is read with the sentence it heads.
            sentences[:2] = [line[: line.index(sentences[1]) + len(sentences[1])].strip()]
        lead = ""
        for sentence in sentences:
            for text in _spoken_clauses(sentence):
                if len(re.sub(r"\W", "", text)) >= 4:
                    # (A pair of its own, "…向省科协报送：每市不超过3家；", is no item of the lead before it.)
                    item = lead and lead not in text and not re.search(r"[：:](?!\d)", text)
                    # A step's first sentence is read with the heading that dates the step ("（三）终评评审（2024年1月）"
                    # over "…秘书处组织开展榜单终评工作"): what is done and when are one answer.
                    # (Only a sentence that does not date itself: "…于2023年11月30日前…" needs no heading's month.)
                    dated = "" if HOLDS[AnswerType.DATE].search(text) else step
                    out.append(Unit(chunk, rank, UnitKind.SENTENCE, text, lead if item else "", dated))
                    step = ""  # (the first sentence under it: the others are read as they are)
            lead = _enumeration_lead(sentence, lead)
    return out


def _dated_step(heading: str) -> str:
    """A heading that names a step and dates it (a part's name, not a form's prompt), else ""."""
    return heading if len(heading) <= PROMPT and HOLDS[AnswerType.DATE].search(heading) else ""


def _heads_table(lines: list[str], i: int) -> bool:
    """A table's first row under a line of text, as wide as the row below it, its cells short labels
    with no figure (a label may carry its note: "各市（州）科协、省级学会向省科协报送上限")."""
    if i == 0 or i + 1 >= len(lines) or _is_row(lines[i - 1]) or not _is_row(lines[i + 1]) or re.search(r"\d", lines[i]):
        return False
    cells = _cells(lines[i])
    return len(cells) == len(_cells(lines[i + 1])) >= HEADER_COLUMNS and all(
        len(c) <= LONG_LABEL and not re.search(r"[。；;，,□☐]", c) for c in cells)


ENUMERATION_LEAD = re.compile(r"^[^：]{4,50}：(?!\d)")


def _same_enumeration(unit: Unit, picked: list[Scored]) -> bool:
    """An item of an enumeration one of whose items (or its lead) is picked already: it says the same
    of another item, its lead's words matched once more."""
    return unit.kind == UnitKind.SENTENCE and bool(unit.context) and any(
        p.unit.context == unit.context or unit.context in p.unit.text for p in picked)


def _enumeration_lead(sentence: str, lead: str) -> str:
    """"…向省科协推荐的名额为：先导技术榜…不超过2个；新锐企业榜不超过3个；…。": the words before the
    colon lead every item the semicolons set apart, to the sentence's full stop; the lead the next
    item is read with."""
    if not sentence.endswith(("；", ";")):
        return ""
    m = ENUMERATION_LEAD.match(sentence)
    return m.group(0) if m else lead


def _spoken_clauses(sentence: str) -> list[str]:
    """A long sentence written without punctuation, its pauses as spaces (a speech-to-text transcript):
    runs of its words up to about a clause's length, split where the speaker paused. Any other
    sentence as it is."""
    if len(sentence) <= SPOKEN_MAX:
        return [sentence]  # (most sentences: no pattern run on the hot path)
    said = re.sub(r"^.{0,24}?[：:](?!\d)", "", sentence)  # what follows the speaker's name and time
    # (Not a line of cells or items set apart by bars or marks: "联盟秘书处 ｜ 联系人 钱晓岚 ｜ …".)
    if len(said) <= SPOKEN_MAX or re.search(r"[，,、：:|｜/·•●◆▶→>]", said) or said.count(" ") < SPOKEN_PAUSES:
        return [sentence]
    out: list[str] = []
    for word in sentence.split(" "):
        if out and len(out[-1]) + len(word) < SPOKEN_CLAUSE:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


# Asks of a value the notice sets, for which the issuer named only says which notice.
WHERE_NAMED = frozenset({Intent.DEADLINE, Intent.QUOTA, Intent.SCHEDULE, Intent.ELIGIBILITY, Intent.LISTS, Intent.PLATFORM,
                         Intent.FORM})

# The words that change a value ("由11月14日17:00改为11月21日17:00"): what follows them is in force.
CHANGED_TO = re.compile(r"改为|更正为|调整为|变更为|改成|延长至|推迟至|延期至|顺延至|→|->")
CHANGED_FROM = re.compile(r"(?:由|从|原定|原为|原)\s*$")
CLAUSE_MARK = re.compile(r"[，,；;（(]")


def _as_corrected(text: str) -> list[str]:
    """"更正：园区内部材料报送截止时间由11月14日17:00改为11月21日17:00": shown as what it is about and
    what it now is ("…截止时间" "改为11月21日17:00"), each the notice's own words, the value replaced
    left out: a reader glancing at the line must not take the old date."""
    m = next((m for m in CORRECTED.finditer(text) if m.group("old") and m.group("new")), None)
    if m is None:
        # "截止时间调整为11月16日17:00，原定11月10日17:00不再适用": the value in force first, then the one it
        # replaces, in a clause of its own: shown up to that clause.
        fixed = next((m for m in CORRECTED.finditer(text) if m.group("void") and m.group("fixed")), None)
        cut = max((k.start() for k in CLAUSE_MARK.finditer(text, fixed.end("fixed"), fixed.start("void"))), default=-1) if fixed else -1
        return [text[:cut].rstrip("，,；;（( ")] if cut > 0 else [text]
    verb = CHANGED_TO.search(text, m.end("old"), m.start("new") + 1)
    if verb is None:
        return [text]
    lead = CHANGED_FROM.sub("", text[: m.start("old")]).rstrip("“\"「（( ")
    return [p for p in (lead, text[verb.start() :]) if p.strip()]


def _is_title(unit: Unit, notices: dict[str, NoticeRecord]) -> bool:
    """The unit says no more than its notice's title."""
    notice = notices.get(unit.chunk.notice_id)
    if notice is None or unit.kind != UnitKind.SENTENCE:
        return False
    text = normalize_for_match(unit.text)
    title = normalize_for_match(notice.title)
    return bool(text and title) and (text in title or (title in text and len(text) <= len(title) + 4))


def _head(text: str) -> str:
    """A reply's first sentences, as written, up to about a short answer's length."""
    out = ""
    for m in SENTENCE.finditer(text):
        if out and len(out) + len(m.group(0)) > LONG:
            break
        out += m.group(0)
    return out.strip() or text[:LONG]


@lru_cache(maxsize=65536)
def _subjects(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The fields and the lists a unit's text names (read once per text: units recur across questions)."""
    return frozenset(field_key(f) for f in find_fields(text)), frozenset(list_key(n) for n in find_list_names(text))


def _about_another(text: str, q: Query, asks_other_call: bool = False) -> bool:
    """A unit that names another field (or list) than the one asked and not that one: a table's row
    for 电子信息 when 产业基础 is asked answers for the wrong subject, however many words it shares; or
    another call than the lists, unless the ask is about one (`asks_other_call`, worked out once per ask)."""
    if not asks_other_call and other_call(text):
        return True  # another call the notice mentions beside ("省青年科技奖的推荐…截止时间是10月31日")
    if not (q.field_key or q.list_key):
        return False
    fields, lists = _subjects(text)
    return bool(q.field_key and fields and q.field_key not in fields) or bool(q.list_key and lists and q.list_key not in lists)


def _told(q: Query) -> str:
    """What the asker told that is weighed beside the ask: their story, where it counts; for a quota or
    a deadline, who they are too ("我们是省级学会，往省科协推荐…几家": a provincial society's quota, not a
    county's; "我们是…州科协，材料最晚哪天交到省科协": the cities' deadline)."""
    if _story_counts(q):
        return q.story
    if q.intent == Intent.QUOTA:
        return f"{q.story} {q.text}"
    return q.asker if q.intent == Intent.DEADLINE else ""


def _story_counts(q: Query) -> bool:
    """Whether what the asker told around the ask is weighed too (less than the ask's own words): an
    eligibility ask ("转到园区纳税才8个月，能报吗": the deciding condition is about the story), or an ask
    about what the message passed on ("【转自工作群】“…自行在平台申报…”——这个口径现在还有效吗")."""
    return bool(q.story) and (q.intent == Intent.ELIGIBILITY or q.asks_of_told or q.asks_to_apply)


# A line that says a value it writes was wrong ("将截止时间写为“11月10日”，系编校错误"), and an ask about such a line.
ERRATUM = re.compile(r"(?:系|属)[^。；;，,]{0,6}(?:错误|笔误|有误)|误写为|错写为")
ERRATUM_ASK = re.compile(r"更正|勘误|错误|写错|笔误|改了")


def _penalty(unit: Unit, purpose: bool = False) -> float:
    if unit.kind == UnitKind.TITLE:
        return 0.3
    if unit.kind not in ASKS and (ASKED_LINE.search(unit.text) or CONSEQUENCE.search(unit.text)):
        return 0.3  # a question the notice quotes without its reply, or a consequence without its item, answers nothing
    if unit.kind == UnitKind.HEADING and not LONG_NOTE.search(unit.text) and len(NOTE.sub("", unit.text)) <= PROMPT:
        # A heading names a part; one with its own note ("三、X情况（仅限…）") or a prompt's length of
        # words ("二、参与…相关工作情况，包括但不限于…【非必填】") says what the part asks.
        return 0.5
    if unit.kind == UnitKind.FIELD and not unit.context and not NOTE.search(unit.text):
        return 0.4  # a bare field name: what it asks is elsewhere
    if unit.chunk.path[:1] == [PREAMBLE] and unit.rank > 0 and not purpose:
        return 0.8  # a preamble sentence says why the call exists, seldom what is asked (unless asked why)
    return 1.0


class Reader:
    def __init__(self, retriever: HybridRetriever) -> None:
        self.retriever = retriever
        self._tokens: dict[str, frozenset[str]] = {}
        self._units: dict[tuple[str, int], list[Unit]] = {}
        self._scored: dict[tuple[object, ...], list[Scored]] = {}
        self._read: dict[tuple[object, ...], Answer | None] = {}
        self._corrected: dict[str, _Corrections] = {}

    def warm(self, limit: int = WARM_UNITS) -> None:
        """Tokenize the passages' units (and their headings) before questions need them."""
        done = 0
        for chunk in self.retriever.chunks:
            self._toks(" ".join(chunk.path))
            for unit in self.units(chunk, 0):
                self._toks(f"{unit.text} {unit.context}")
                _subjects(unit.text)
                done += 1
            if done >= limit:
                return

    def units(self, chunk: Chunk, rank: int) -> list[Unit]:
        """A passage's units (cached: a passage is read for many questions)."""
        key = (chunk.id, rank)
        found = self._units.get(key)
        if found is None:
            if len(self._units) > 50_000:
                self._units.clear()
            found = self._units[key] = units(chunk, rank)
        return found

    def tokens(self, text: str) -> frozenset[str]:
        """The terms of a text as the ask is weighed (cached)."""
        return self._toks(text)

    def _toks(self, text: str) -> frozenset[str]:
        found = self._tokens.get(text)
        if found is None:
            if len(self._tokens) > 200_000:
                self._tokens.clear()
            found = self._tokens[text] = frozenset(self.retriever.tokenizer(text))
        return found

    def ask_weights(self, q: Query, whose_full: bool = False) -> dict[str, float]:
        """The ask's terms (understand.py keeps the subject in it) and their weights; terms no notice
        uses cannot be matched by any unit and are left out of the ranking."""
        ask = q.ask or q.text
        # Words naming the notice pointed at say where, not what: its kind ("学会转的那个榜单通知"), or its
        # issuer when a value of the notice is asked ("青梧湾高新区企业…园区内部截止几号"; not whose a contact is).
        if q.notice_kind_named or (q.notice_by == PointedBy.ISSUER and q.intent in WHERE_NAMED):
            for name in q.notice_names:
                ask = ask.replace(name, " ")
        ask = f"{ask} {q.expansion}"  # the words notices state such an answer with
        weights = {t: self.retriever.term_weight(t) for t in self._toks(ask) if self.retriever.known(t)}
        # Its subject taken from the part before ("平台那边最晚到什么时候" after "先导榜人工智能…校内截止"):
        # whose it is, weighed below what the part itself asks of it (full where the part says nothing else).
        # (A table's row is read by the columns of what is asked and of whose it is: `whose_full`.)
        says_more = any(not function_word(t) and not ASK_WORD.fullmatch(t) for t in weights)
        carried = CARRIED_WEIGHT if says_more and not whose_full else 1.0
        for t in self._toks(q.carried) - set(weights):
            if self.retriever.known(t):
                weights[t] = carried * self.retriever.term_weight(t)
        if told := _told(q):
            for t in self._toks(told) - set(weights):
                if self.retriever.known(t):
                    weights[t] = STORY_WEIGHT * self.retriever.term_weight(t)
        return weights

    def score(self, q: Query, hits: list[Hit]) -> list[Scored]:
        """Every unit of the passages, best first (worked out once per ask and passages: relevance
        and the answer both read it)."""
        key = (q.ask, q.text, _told(q), q.expansion, q.answer_type, q.list_key, q.field_key, tuple(h.chunk.id for h in hits[:PASSAGES]))
        found = self._scored.get(key)
        if found is None:
            if len(self._scored) > 512:
                self._scored.clear()
            found = self._scored[key] = self._score(q, hits)
        return found

    def _score(self, q: Query, hits: list[Hit]) -> list[Scored]:
        weights = self.ask_weights(q)
        total = sum(weights.values()) or 1.0
        pattern = value_pattern(q)
        purpose = q.answer_type == AnswerType.PURPOSE
        valued = q.answer_type in VALUE_ASKS
        # What the asker dated ("2061年12月才签入驻协议"): a unit that dates the same event is the condition deciding it.
        dated = {event for event, _, _ in q.profile.events} if q.intent == Intent.ELIGIBILITY and q.profile else set()
        # A date asked of a list or field: a unit's date is the one asked only when the unit says some of
        # what is asked of it ("…在平台完成申报"), not only whose it is ("(融通创新组织榜) 成立时间在…之前").
        # (Weighing down every unit that names only whose it is, whatever the answer type, was tried: on the
        # whole fixture corpus it lost more than it won.)
        said_of = self._said_of(q, weights) if q.answer_type == AnswerType.DATE else set()
        deadline = q.intent == Intent.DEADLINE and pattern is not None
        asks_other_call = other_call(q.text)  # (once per ask, not once per unit)
        erratum_asked = bool(ERRATUM_ASK.search(q.text))
        scored = []
        for rank, hit in enumerate(hits[:PASSAGES]):
            heads = self._toks(" ".join(hit.chunk.path))
            for unit in self.units(hit.chunk, rank):
                # A tree's line: the nodes above it are its headings, its own text what it says.
                above, said = tree_path(unit.text) if unit.kind == UnitKind.SENTENCE else ("", unit.text)
                path = heads | self._toks(above) if above else heads
                own = self._toks(f"{said} {unit.context}")
                coverage = sum(w for t, w in weights.items() if t in own) / total
                if unit.kind == UnitKind.WORDING:
                    # An entry is found by its wordings (every one of them holds its reply): the ask's words only
                    # the reply holds count less.
                    asked = self._toks(said)
                    coverage -= (1 - REPLY_WEIGHT) * sum(w for t, w in weights.items() if t in own and t not in asked) / total
                heading = sum(w for t, w in weights.items() if t in path and t not in own) / total
                typed = bool(pattern and pattern.search(f"{unit.text} {unit.context} {unit.step}"))
                if typed and said_of and not said_of & (own | path | self._toks(unit.step)):
                    typed = False
                if typed and deadline and not pattern.search(CONDITION_DATE.sub("", f"{unit.text} {unit.context} {unit.step}")):
                    typed = False  # a deadline asked: a condition's cut-off ("成立时间在2021年9月1日之前") is none
                value = (coverage + PATH_WEIGHT * heading + (TYPE_WEIGHT if typed else 0.0)) * _penalty(unit, purpose)
                if valued and not typed:
                    value *= UNTYPED  # asked for a date, a number, a contact or a place: a unit holding none says less
                if _about_another(unit.text, q, asks_other_call):
                    value *= OTHER_SUBJECT
                if self._superseded(unit) or self._stale_phone(unit) or (valued and not erratum_asked and ERRATUM.search(unit.text)):
                    value *= SUPERSEDED  # (a line saying the value it writes is wrong gives no value: the right one is elsewhere)
                value += RANK_WEIGHT / (1 + rank) + 0.02 * hit.relevance
                if any(t in unit.text for t in q.quoted):
                    value += QUOTED_WEIGHT  # the field, list or phrase the user quotes, as the notice writes it
                if dated and any(event in said for event in dated) and DATE_RE.search(said):
                    value += EVENT_WEIGHT
                scored.append(Scored(unit, value, coverage, typed))
        scored.sort(key=lambda s: -s.score)
        return scored

    def _said_of(self, q: Query, weights: dict[str, float]) -> set[str]:
        """The ask's known words that say what is asked of its list or field, not which one it is nor how
        it is asked (empty when it names none, or says nothing else)."""
        if not (q.list_mention or q.field_mention):
            return set()
        subject = self._toks(f"{q.list_mention} {q.field_mention}") | KIND_WORDS
        # (A year says which round, as the list says whose: neither is what is asked.)
        return {t for t in weights if t not in subject and len(t) > 1 and not function_word(t) and not ASK_WORD.fullmatch(t)
                and not re.search(r"\d", t)}

    def unseen_weight(self, q: Query, content_only: bool = False) -> float:
        """The weight of the ask's terms no notice uses (weighted like the rarest); `content_only`: of
        its words that say what about, not how it is asked ("谁", "来", "时候")."""
        return sum(self.retriever.term_weight(t) for t in self._toks(q.ask or q.text) if not self.retriever.known(t)
                   and not (content_only and (len(t) == 1 or function_word(t) or ASK_WORD.fullmatch(t))))

    def sentence_coverage(self, q: Query, hits: list[Hit]) -> float:
        """The share of the ask's weight that the unit shown first holds, terms no notice uses
        counted (weighted like the rarest): evidence for relevance.py."""
        scored = self.score(q, hits)
        if not scored:
            return 0.0
        shown = self._titled(q, scored) or scored[0]
        return self.ask_share(q, shown.coverage)

    def ask_share(self, q: Query, coverage: float, content_only: bool = False) -> float:
        """A unit's coverage of the ask's known words as a share of the whole ask, the words no notice
        uses counted (weighted like the rarest; `content_only`: not those that only say how it is asked)."""
        known = sum(self.ask_weights(q).values())
        return coverage * known / ((known + self.unseen_weight(q, content_only)) or 1.0)

    def read(self, q: Query, hits: list[Hit], notices: dict[str, NoticeRecord], default_year: int | None,
             direct: bool = True, alone: bool = True) -> Answer | None:
        """The extractive answer, or None when the passages hold no unit worth showing. Not `direct`
        (the notices do not answer it, answer/relevance.py): the closest text, labelled as such. Not
        `alone` (a rule's value follows it): no second unit for what the best one leaves out.
        Read once per ask, passages and form (the answerers of a part share readings); each caller
        gets its own copy to add to."""
        key = (q.ask, q.text, q.expansion, q.answer_type, q.several, q.list_key, q.field_key, tuple(q.years),
               tuple(h.chunk.id for h in hits[:PASSAGES]),
               default_year, direct, alone, id(notices))
        if key not in self._read:
            if len(self._read) > 512:
                self._read.clear()
            self._read[key] = self._read_once(q, hits, notices, default_year, direct, alone)
        found = self._read[key]
        return None if found is None else replace(found, citations=list(found.citations), notes=list(found.notes))

    def _read_once(self, q: Query, hits: list[Hit], notices: dict[str, NoticeRecord], default_year: int | None,
                   direct: bool, alone: bool) -> Answer | None:
        scored = self.score(q, hits)
        titled = self._titled(q, scored)
        if titled is not None:
            citer = Citer(notices)
            return self._answer(q, titled, [self._contents(titled, citer, notices)], citer, notices, default_year, direct)
        # A title, a letterhead or a sign-off is never the answer by itself; nor is a line that is
        # only the notice's own title where the layout did not mark it as one.
        bodies = [s for s in scored if s.unit.kind != UnitKind.TITLE and not _is_title(s.unit, notices)]
        if not bodies:
            return None
        best = bodies[0]
        done = self._step_done(q, bodies)
        if done is not None:
            # "材料都传完了，后面是什么流程": the steps after the one the asker has done, not the one
            # that best matches the words of the ask.
            steps = self._after(done.unit, n=SHOWN)
            if steps:
                citer = Citer(notices)
                answer = self._answer(q, done, [self._show(Scored(u, 0.0, 0.0, False), q, citer, notices) for u in steps],
                                      citer, notices, default_year, direct)
                answer.anchored = True
                return answer
        picked = [best]
        for s in bodies[1:]:
            if len(picked) >= SHOWN or s.score < best.score * 0.75:
                break
            if s.unit.text not in {c.unit.text for c in picked} and s.unit.kind != UnitKind.TITLE \
                    and not _same_enumeration(s.unit, picked):
                picked.append(s)
        pattern = value_pattern(q)
        if q.answer_type in VALUE_ASKS and not best.typed and pattern is not None:
            # "…将初评结果报送至学会学术部。每个技术领域报送25-30项技术。": the value asked in the sentence
            # right after the one that matches it, shown beside it.
            beside = next((u for u in self._after(best.unit, n=2)
                           if u.kind == UnitKind.SENTENCE and pattern.search(f"{u.text} {u.context} {u.step}")), None)
            if beside is not None:
                held = next((c for c in picked if c.unit.text == beside.text), None)
                if held is not None:
                    picked.remove(held)
                picked.insert(1, held or Scored(beside, 0.0, 0.0, True))
        other = self._complement(q, picked, bodies) if alone else None
        if other is not None:
            picked.append(other)  # "所在地区怎么填 从业人数按啥算": the unit for what the others leave out
        if q.intent == Intent.DEADLINE and q.answer_type == AnswerType.DATE and not (q.several or q.platform_side) and best.typed \
                and not names_calls_side(best.unit.text):
            # A unit's own date asked ("园区受理截止到几号"): the call's platform date beside it is another
            # deadline, the one a hurried reader must not take; it is shown when the asker names that side.
            picked = [best, *(s for s in picked[1:] if not (s.typed and names_calls_side(s.unit.text)))]
        if q.several and best.typed:
            # "组织机构简介限多少字？后面那几大段的呢": the items after it that hold such a value too.
            more = [u for u in self._after(best.unit, n=8) if pattern and pattern.search(f"{u.text} {u.context}")]
            picked = [best, *(Scored(u, 0.0, 0.0, True) for u in more[:6])]
        for term in q.quoted:  # each field or phrase the user quotes gets the unit that names it
            if not any(term in s.unit.text for s in picked):
                named = next((s for s in bodies if term in s.unit.text), None)
                if named is not None:
                    picked.append(named)
        if q.answer_type == AnswerType.DATE and not q.several:
            # Asked for a date: a unit holding one first ("两个榜单材料于10月20日前报…" before the sentence
            # naming the two lists it refers to). (Not another value: a phone, an address or a count
            # such as "五类" stands in many lines that do not answer.)
            picked.sort(key=lambda s: not s.typed)
        chosen: list[Scored] = []
        for i, s in enumerate(picked):
            chosen.append(s)
            if ANNOUNCES.search(s.unit.text):
                # "申报技术应符合以下条件：": what it announces follows it.
                chosen += [Scored(u, 0.0, 0.0, False) for u in self._after(s.unit, n=4)]
            elif i == 0 and q.answer_type == AnswerType.PROCEDURE and other is None:
                # "评审完之后还有哪些步骤": the sentence that matches and the steps after it.
                chosen += [Scored(u, 0.0, 0.0, False) for u in self._after(s.unit)]
        # A date the notice corrects elsewhere: the correction with what it corrects (marked as such), first
        # when a date is asked, else after it (the passage answers; its date has changed).
        fixes = {c.unit.text: u for c in chosen if (dates := self._superseded(c.unit))
                 and (u := self._correction(c.unit, dates)) is not None}
        if q.answer_type == AnswerType.DATE:
            # Asked for the date: the correction, not the date it replaces (a hurried reader takes the first
            # date seen; the superseded line stays in its notice, one click away in the quote).
            with_fixes = [*(Scored(u, 0.0, 0.0, True) for u in fixes.values()),
                          *(c for c in chosen if c.unit.text not in fixes)]
        else:
            with_fixes = [s for c in chosen for s in (c, *([Scored(fixes[c.unit.text], 0.0, 0.0, True)] if c.unit.text in fixes else []))]
        # A passage pointing elsewhere in its notice for the value asked ("截止时间按本指南第二部分第（一）条第3项执行"),
        # not holding it: what it points to, after it.
        with_fixes = [s for c in with_fixes for s in (c, *(Scored(u, 0.0, 0.0, True) for u in (
            self._referred(c.unit) if (q.answer_type in REFERRED_VALUES and not c.typed) or only_points(c.unit.text)
            or only_points(c.unit.context) else [])))]
        seen: set[str] = set()
        chosen = [c for c in with_fixes if not (c.unit.text in seen or seen.add(c.unit.text))]
        # (An enumeration's item is shown alone where the sentence holding its lead is shown too.)
        chosen = [replace(c, unit=replace(c.unit, context="")) if c.unit.kind == UnitKind.SENTENCE and c.unit.context
                  and any(c.unit.context in t for t in seen) else c for c in chosen]
        chosen = [replace(c, unit=replace(c.unit, step="")) if c.unit.step and c.unit.step in seen else c for c in chosen]
        citer = Citer(notices)
        several = q.several and best.typed
        marked = "（其中日期已更正，见下条）"  # (a date asked shows the correction alone, above)
        lines = [(marked if s.unit.text in fixes else "")
                 + (self._compact(s, q, citer, notices) if several and i else self._show(s, q, citer, notices))
                 for i, s in enumerate(chosen)]
        answer = self._answer(q, best, lines, citer, notices, default_year, direct)
        # Every name the user quotes ("“企业所处阶段”有哪几个选项") stands in the first unit shown: the
        # notices hold what is asked, however few of the ask's other words its passages share.
        answer.anchored = bool(q.quoted) and all(term in f"{chosen[0].unit.text} {chosen[0].unit.context}" for term in q.quoted)
        # So does a unit holding a value of the type asked with most of the ask's words beside it ("终评是谁来组织、
        # 大概什么时候": the step's sentence under its dated heading), whatever the passages' overall match.
        # (Its share counts the ask's words no notice uses: "周末去哪里爬山" is no ask of a place the notices hold.)
        if not answer.anchored and q.answer_type in VALUE_ASKS and best.typed:
            answer.anchored = self.ask_share(q, best.coverage, content_only=True) >= TYPED_ANCHOR
        return answer

    def _complement(self, q: Query, picked: list[Scored], bodies: list[Scored]) -> Scored | None:
        """A unit that holds a good share of the ask's weight the units picked do not (a second thing
        asked in one sentence), among the well-scored ones: the one holding most of it."""
        weights = self.ask_weights(q)
        total = sum(weights.values()) or 1.0
        best = picked[0]
        have = frozenset().union(*(self._toks(f"{p.unit.text} {p.unit.context}") for p in picked))
        left = {t: w for t, w in weights.items() if t not in have}
        # (An asker's case weighs at STORY_WEIGHT: a condition bearing on it adds that much less.)
        share = COMPLEMENT_SHARE * (STORY_WEIGHT if _story_counts(q) else 1.0)
        if sum(left.values()) / total < share:
            return None

        def adds(s: Scored) -> float:
            own = self._toks(f"{s.unit.text} {s.unit.context}")
            added = [w for t, w in left.items() if t in own]
            # (One heavy word alone is a chance match: "内部截止" is not "在内部进行转化".)
            return sum(added) / total if len(added) >= COMPLEMENT_TERMS else 0.0

        shown = {p.unit.text for p in picked}
        pool = [s for s in bodies[1:PASSAGES * 8] if s.score >= best.score * COMPLEMENT_FLOOR and s.unit.text not in shown]
        found = max(pool, key=lambda s: (adds(s), s.score), default=None)
        return found if found is not None and adds(found) >= share else None

    def _answer(self, q: Query, best: Scored, lines: list[str], citer: Citer, notices: dict[str, NoticeRecord],
                default_year: int | None, direct: bool) -> Answer:
        first = notices[best.unit.chunk.notice_id]
        year = best.unit.chunk.year
        whose = f"{year}年{label(first)}" if first.kind != NoticeKind.ORIGINAL or not in_series(first) else f"{year}年通知"
        head = f"根据{whose}" + (year_note([], year) if default_year else "") + "："
        kind = AnswerKind.RETRIEVAL
        if not direct:  # relevance.py decided that the notices do not answer it
            head = f"通知中未找到直接回答该问题的内容。{whose}中最相关的原文如下，仅供参考："
            kind = AnswerKind.DECLINE
        return Answer(head + "\n" + "\n".join(lines), kind, citer.citations)

    def _titled(self, q: Query, scored: list[Scored]) -> Scored | None:
        """"新锐企业榜申报表要填哪些内容": a title or heading that holds the ask better than any
        sentence, asked for what it holds: its section's fields and rows are the answer."""
        if q.answer_type not in (AnswerType.NAMES, AnswerType.TEXT):
            return None
        quoted = q.quoted
        if any(t in s.unit.text for t in quoted for s in scored if s.unit.kind != UnitKind.TITLE):
            return None  # "“技术成熟度”那一栏填啥": the field the question quotes is the subject, not the form
        titles = [s for s in scored if s.unit.kind in (UnitKind.TITLE, UnitKind.HEADING)]
        if not titles:
            return None
        top = max(titles, key=lambda s: s.coverage)
        others = max((s.coverage for s in scored if s.unit.kind not in (UnitKind.TITLE, UnitKind.HEADING)), default=0.0)
        if top.coverage < 0.5 or top.coverage <= others or len(self._members(top.unit)) < 2:
            return None
        return top

    def _step_done(self, q: Query, bodies: list[Scored]) -> Scored | None:
        """For "…之后/后面是什么流程", "后面还要过几道评审" after the asker tells what they have done ("材料都传完了"), the
        unit of the passages that says that step, when one shares enough words with it."""
        if q.answer_type in (AnswerType.CONTACT, AnswerType.PLACE) or not AFTER_ASK.search(q.ask):
            return None  # (whom to ask or where to send, after a step: a contact, not the steps)
        told = q.text[: q.text.find(q.ask.split()[0])] if q.ask.split() and q.ask.split()[0] in q.text else ""
        told = told or q.story  # "材料都交齐了。之后是怎么个流程": the step told before the ask's sentence
        if not DONE.search(told) or SUPPOSED.search(told):
            return None  # "如果真上榜了，之后有什么支持": a supposition, not a step done
        # The clause that tells the step ("材料…都交齐了"), not who the asker is ("我是高校科研院的，").
        told = next((c for c in reversed(re.split(r"[，,。；;！!]", told)) if DONE.search(c) and len(c) >= 4), told)
        told = WHEN_TOLD.sub(" ", told)  # (when it was done, "11月底之前", names no step)
        for name in (q.list_mention, q.list_key, q.field_mention, q.field_key, "科创中国"):
            told = told.replace(name, " ") if name else told  # the step, not whose it is
        weights = self.ask_weights(replace(q, ask=told)) if len(told) >= 4 else {}
        if not weights:
            return None
        total = sum(weights.values())
        # The step is looked for in the whole notice the best passage is from: the passages found for
        # the ask ("流程") need not hold the step told ("材料上传至平台").
        best: tuple[float, Unit | None] = (0.0, None)
        for chunk in self._notice_chunks(bodies[0].unit.chunk):
            for unit in self.units(chunk, bodies[0].unit.rank):
                if unit.kind == UnitKind.SENTENCE:
                    own = self._toks(unit.text)
                    share = sum(w for t, w in weights.items() if t in own) / total
                    best = max(best, (share, unit), key=lambda x: x[0])
        share, found = best
        return Scored(found, 0.0, share, False) if found is not None and share >= STEP_SHARE else None

    def _corrections(self, chunk: Chunk) -> _Corrections:
        """What the chunk's notice corrects (a 勘误, an edited post, "不对，是…", "…已停用，请改拨…"), read once per notice."""
        notice = chunk.notice_id
        if notice not in self._corrected:
            text = "\n".join(c.text for c in self._notice_chunks(chunk))
            self._corrected[notice] = _Corrections(corrected_dates(text), corrected_phones(text), restated_steps(text))
        return self._corrected[notice]

    def _superseded(self, unit: Unit) -> set[tuple[int, int]]:
        """The corrected dates a unit writes (with a Q&A turn's reply), unless it is the correction itself;
        and the other dates of a step whose date a line changes ("园区报送截止改为…"), unless the unit is that line."""
        corrections = self._corrections(unit.chunk)
        corrected, steps = corrections.dates, corrections.steps
        text = f"{unit.text} {unit.context}"
        if not (corrected or steps) or corrections_in(text) or RESTATED.search(text):
            return set()
        dates = {ymd(m.groups()[:DATE_GROUPS])[1:] for m in DATE_RE.finditer(text)}
        named = f"{text} {' '.join(unit.chunk.path)}"  # (the step named by the heading it stands under: "三、校内安排")
        return {md for md in dates if md in corrected or any(step in named and md != new for step, new in steps)}

    def _stale_phone(self, unit: Unit) -> bool:
        """A unit giving a number its notice says is replaced ("…已停用，请改拨…"), unless it is the correction."""
        stale = self._corrections(unit.chunk).phones
        text = f"{unit.text} {unit.context}"
        return bool(stale) and not PHONE_FIXED.search(text) and any(digits(p) in stale for p in PHONE.findall(text))

    def _correction(self, unit: Unit, dates: set[tuple[int, int]]) -> Unit | None:
        """The unit of the same notice that corrects one of those dates, or that changes the date of a
        step the unit names ("园区报送截止改为…")."""
        before = ""  # (an error said in one sentence, the right date in the next: the pair is read as one)
        text = f"{unit.text} {unit.context} {' '.join(unit.chunk.path)}"
        for chunk in self._notice_chunks(unit.chunk):
            for other in self.units(chunk, unit.rank):
                if any(c.old in dates for c in corrections_in(f"{before}{other.text}")) \
                        or any(step in text and new not in dates for step, new in restated_steps(other.text)):
                    return other
                before = other.text
        return None

    def _referred(self, unit: Unit) -> list[Unit]:
        """The part of the unit's notice it points to (answer/crossref.py): the item it names, else the
        part's first lines."""
        found: list[Unit] = []
        for ref in references(f"{unit.text}\n{unit.context}"):  # (a FAQ's question is shown with its answer)
            for chunk in self._notice_chunks(unit.chunk):
                if ref.question:  # "答8：见问7第二段": the units of that answer's lines
                    wanted = answer_lines(ref, chunk.text)
                    picked = [u for u in self.units(chunk, unit.rank) if u.text != unit.text
                              and any(u.text.strip("；;。 ") in line for line in wanted)]
                    if picked:
                        found += picked[:4]  # (an answer's paragraph, its clauses each a unit)
                        break
                    continue
                if not names_section(ref, chunk.path):
                    continue
                lines = [u for u in self.units(chunk, unit.rank) if u.kind != UnitKind.TITLE and u.text != unit.text
                         and not ANNEX_TITLE.match(u.text) and re.search(r"[\u4e00-\u9fff]{2}", u.text)]
                picked = [u for u in lines if item_line(ref, u.text)][: 1 if ref.item else SHOWN - 1]
                if picked:
                    found += picked
                    break
        return found

    def _notice_chunks(self, chunk: Chunk) -> list[Chunk]:
        """Every passage of a chunk's notice, in order (a notice's chunks stand together in the index)."""
        chunks = self.retriever.chunks
        at = self.retriever.position(chunk.id)
        if at is None:
            return [chunk]
        lo, hi = at, at
        while lo > 0 and chunks[lo - 1].notice_id == chunk.notice_id:
            lo -= 1
        while hi + 1 < len(chunks) and chunks[hi + 1].notice_id == chunk.notice_id:
            hi += 1
        return chunks[lo : hi + 1]

    def _after(self, unit: Unit, n: int = SHOWN - 1) -> list[Unit]:
        """What follows a unit in its notice: the rest of its passage, then the next passages (a
        procedure's next steps are often the next sections, headed by their stage and dates)."""
        chunk = unit.chunk
        found = self.units(chunk, unit.rank)
        at = next((i for i, u in enumerate(found) if u.text == unit.text), len(found))
        following = found[at + 1 :]
        i = self.retriever.position(chunk.id)
        while len(following) < n and i is not None and i + 1 < len(self.retriever.chunks):
            i += 1
            nxt = self.retriever.chunks[i]
            if nxt.notice_id != chunk.notice_id:
                break
            following += units(nxt, unit.rank)
        # (A step's dated heading is shown with the sentence under it, not again on its own.)
        headed = {u.step for u in following if u.step}
        return [u for u in following if u.kind != UnitKind.TITLE and not (u.kind == UnitKind.HEADING and u.text in headed)][:n]

    @staticmethod
    def _members(title: Unit) -> list[Unit]:
        """The fields and rows under a title, up to the next title or heading of its passage."""
        found = units(title.chunk, title.rank)
        at = next((i for i, u in enumerate(found) if u.text == title.text), len(found))
        members = []
        for u in found[at + 1 :]:
            if u.kind == UnitKind.TITLE or (u.kind == UnitKind.HEADING and not _is_row(u.text)):
                break
            if u.kind in (UnitKind.FIELD, UnitKind.ROW, UnitKind.HEADING) or ITEM.match(u.text):
                members.append(u)  # a heading here is a table's first row; an item is led by its mark
        return members

    def _contents(self, title: Scored, citer: Citer, notices: dict[str, NoticeRecord]) -> str:
        """The title, then the names its fields and rows give (a row by its first cell), cited at the
        passage from the title to the last of them."""
        members = self._members(title.unit)
        names = list(dict.fromkeys(_unmarked(re.split(r"\t|\s*\|\s*", m.text.strip())[0].strip()) for m in members))
        chunk = title.unit.chunk
        start = chunk.text.find(title.unit.text)
        end = chunk.text.find(members[-1].text, max(start, 0)) + len(members[-1].text)
        quote = chunk.text[start:end] if 0 <= start < end else title.unit.text
        notice = notices[chunk.notice_id]
        span = locate(notice.original, quote, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
        return f"{title.unit.text}包括：{'、'.join(n for n in names if n)}{citer.cite(notice.id, chunk.section, quote, *span)}"

    def _show(self, s: Scored, q: Query, citer: Citer, notices: dict[str, NoticeRecord]) -> str:
        """The unit as shown: a long sentence around its best clause; a row after its header; a
        field with its following line; each part cited at its place."""
        unit = s.unit
        chunk = unit.chunk
        notice = notices[chunk.notice_id]
        text = unit.text
        if unit.kind == UnitKind.SENTENCE and len(text) > LONG:
            text = self._window(text, q)
        parts = [text]
        if unit.kind == UnitKind.BLOCK:
            parts = ([unit.context] if unit.context else []) + unit.text.split("\n")
        elif unit.kind == UnitKind.ROW and unit.context:
            cells = self._asked_cells(unit, q)
            if cells:
                # "新锐企业榜｜集团内部截止：2037年10月22日17:00": the row's name and the columns asked,
                # each with its header; the row itself is what is cited.
                span = locate(notice.original, text, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
                return cells + citer.cite(notice.id, chunk.section, text, *span)
            parts = [unit.context, text]
        elif unit.kind == UnitKind.FIELD and unit.context:
            parts = [text, unit.context]
        elif unit.kind == UnitKind.SENTENCE and (unit.context or unit.step):
            parts = [unit.context or unit.step, text]  # an item after the words that lead it; a step's sentence after its heading
        elif unit.kind == UnitKind.CAPTION:
            # The value lines and their label as one passage, in the order the notice sets them.
            at = chunk.text.find(text)
            first = unit.context.split("\n")[0]
            below = chunk.text.find(first, at) if at >= 0 else -1
            start = chunk.text.rfind(first, 0, at) if at >= 0 else -1
            if below >= 0 and (start < 0 or below - at < at - start):
                quote = chunk.text[at : below + len(unit.context)]
            else:
                quote = chunk.text[start : at + len(text)] if start >= 0 else text
            span = locate(notice.original, quote, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
            return " ".join(quote.split()) + citer.cite(notice.id, chunk.section, quote, *span)
        elif unit.kind in ASKS:
            # The reply answers, its verdict first: a long one up to the sentences that fill a short answer.
            # A checklist's consequence ("若否，则…") answers with its item: the item holds the condition.
            parts = [unit.text, unit.context] if CONSEQUENCE.search(unit.context) else [_head(unit.context)]
        shown = []
        for part in (p for whole in parts for p in _as_corrected(whole)):
            span = locate(notice.original, part, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
            shown.append(part + citer.cite(notice.id, chunk.section, part, *span))
        return " ".join(shown)

    def _asked_cells(self, unit: Unit, q: Query) -> str:
        """A wide table's row read by its header: its name (the first cells that are words, not
        figures) and the cells under the headers that hold most of the ask ("…截止" for a deadline),
        as "名称｜表头：值；表头：值". Empty when no header holds any of the ask."""
        header, cells = spanned_header(row_cells(unit.context)), row_cells(unit.text)
        pattern = value_pattern(q)
        # A narrow row holding two values of the kind asked ("新锐企业榜 | 6个 | 2个"): its header says which
        # is the one asked ("全市推荐上限" or "各区县科协报送上限"); read it as a wide one.
        rival_values = pattern is not None and sum(bool(pattern.search(c)) for c in cells) >= 2
        if q.answer_type not in VALUE_ASKS or (len(cells) < ROW_READ_COLUMNS and not rival_values) or len(cells) > len(header):
            return ""  # (a yes/no or how-to ask reads the whole row: its conditions may be in any cell)
        weights = self.ask_weights(q, whose_full=True)
        # Of two values, the one in the measure the count is asked in ("往省里报几家": "3家", not "4个").
        measured = _counted_in(q.count_measure) if q.count_measure and rival_values else None

        def fit(k: int) -> float:
            # The header says what a column holds; the cell's own words count half. A cell holding the
            # value asked (a phone under "办公电话" for "电话多少") fits at least VALUE_FIT of the ask.
            head, cell = self._toks(header[k]), self._toks(cells[k])
            held = sum(w if t in head else CELL_WORDS * w if t in cell else 0.0 for t, w in weights.items())
            valued = bool(pattern and pattern.search(cells[k]))
            least = VALUE_FIT * sum(weights.values()) if valued and q.answer_type in VALUE_FITS else 0.0
            if rival_values and measured and measured.search(cells[k]):
                valued, least = True, max(least, VALUE_FIT * sum(weights.values()))  # ("报几家": the cell in 家)
            return max(held * (1.5 if valued else 1.0) * (MEASURED if measured and measured.search(cells[k]) else 1.0), least)

        # (A name is a short label: the first cells before any value, a figure or a sentence.)
        names = []
        for k in range(min(3, len(cells))):
            if re.search(r"\d", cells[k]) and not names:
                continue  # a row's number
            if re.search(r"\d|[，,。；;]", cells[k]) or len(cells[k]) > ROW_NAME or cells[k] in EMPTY_CELLS:
                break
            names.append(k)
        fits = {k: fit(k) for k in range(len(cells)) if k not in names and cells[k] not in EMPTY_CELLS}
        current = [k for k in fits if CURRENT_COLUMN.search(header[k])]
        for k in [k for k in fits if SUPERSEDED_COLUMN.search(header[k])] if current else []:
            # A table of changes: what the draft or the old text said is no answer, what it now says is.
            carried = fits.pop(k)
            for c in current:
                fits[c] = max(fits[c], carried)
        best = max(fits.values(), default=0.0)
        if best <= 0 or not names:
            return ""
        asked = [k for k, v in fits.items() if v >= best * ROW_READ_SHARE][:ROW_READ_SHOWN]
        if q.answer_type == AnswerType.CONTACT:
            # A phone asked is whose: the person's column with it.
            asked = sorted({*asked, *(k for k in fits if PERSON_COLUMN.fullmatch(header[k].strip()))})
        return "｜".join(cells[k] for k in names) + "｜" + "；".join(f"{header[k]}：{cells[k]}" for k in asked)

    def _compact(self, s: Scored, q: Query, citer: Citer, notices: dict[str, NoticeRecord]) -> str:
        """One of several items asked alike ("后面那几大段每段多少字"): its name and the clause holding
        the value asked, each cited ("二、创新资源集聚情况：1000字以内"), not its whole description."""
        text, pattern = s.unit.text, value_pattern(q)
        head = re.match(r"[^（(：:]{2,30}(?=[（(：:])", text)
        value = next((c.strip("，,；;。）) ") for c in re.split(r"[，,；;（(]", text)[1:] if pattern and pattern.search(c)), "")
        if s.unit.kind not in (UnitKind.SENTENCE, UnitKind.FIELD, UnitKind.HEADING) or not head or not value:
            return self._show(s, q, citer, notices)
        chunk, notice = s.unit.chunk, notices[s.unit.chunk.notice_id]
        # Both parts are looked for in the item's own span: "1000字以内" ends several items.
        whole = locate(notice.original, text, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
        shown = []
        for part in (head.group(0), value):
            span = locate(notice.original, part, *whole) or whole
            shown.append(part + citer.cite(notice.id, chunk.section, part, *span))
        return "：".join(shown)

    def _window(self, sentence: str, q: Query) -> str:
        """The best clause of a long sentence with its neighbours, as written."""
        clauses = CLAUSE.findall(sentence)
        weights = {t: self.retriever.term_weight(t) for t in self._toks(q.ask or q.text)}
        pattern = value_pattern(q)

        def value(c: str) -> float:
            toks = self._toks(c)
            return sum(w for t, w in weights.items() if t in toks) + (2.0 if pattern and pattern.search(c) else 0.0)

        i = max(range(len(clauses)), key=lambda j: value(clauses[j]))
        lo, hi = max(0, i - 1), min(len(clauses), i + 2)
        while hi < len(clauses) and sum(map(len, clauses[lo:hi])) < 60:
            hi += 1
        return "".join(clauses[lo:hi]).strip("，,：: ")
