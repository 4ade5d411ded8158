"""Where a question is understood: one function reads a message with its conversation, the UI's
filters and the corpus's names and notices, and returns a typed Turn — its parts (each a Query with
years, list, field, person, body, notice pointers, what is asked and the answer type), the asker's
situation, and the readings made (typos, homophones, 21年). Nothing after it parses the question:
the answerers, the ranker and the years read the Turn (a test checks the imports).

The words are read by `understand.py` (one part), `message.py` (a message's parts and the asker's
own statements), `profile.py` (the asker's situation); the notices a part points at by `pointer.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from assistant.answer.message import read_message
from assistant.answer.pointer import ORIGINAL_NAMED, PointedBy, Pointer
from assistant.answer.profile import Profile, read_profile
from assistant.answer.sessions import Session
from assistant.answer.store import FactStore
from assistant.answer.understand import (
    CHANGE_ASK,
    LIST_REFERRED,
    OWN_STEP,
    REST_OF,
    REVIEW_STEP,
    SAYS_WHO,
    Query,
    asked_of_count,
    asked_of_situation,
    asks_platform_side,
    continue_from,
    continues_ask,
    inherit,
    normalize_question,
    normalize_years,
    restates,
    understand,
)
from assistant.answer.years import pointed_years
from assistant.model import Intent, YearSource

EXAMPLE = "“2023年先导技术榜的申报截止时间是什么时候？”"
MAX_PARTS = 4  # questions answered from one message


@dataclass(frozen=True)
class Filters:
    """A year or a list picked in the UI: the same as naming it in the question, which wins."""

    year: int | None = None
    list_name: str | None = None

    @staticmethod
    def of(given: dict[str, object] | None) -> Filters:
        given = given or {}
        year, name = given.get("year"), given.get("list")
        return Filters(year if isinstance(year, int) else None, str(name) if name else None)

    def prefix(self) -> str:
        return (f"{self.year}年" if self.year else "") + (self.list_name or "")


@dataclass
class Turn:
    text: str  # the message as answered (cut to the length limit)
    parts: list[Query]  # its questions, in order, each understood with its context
    profile: Profile  # the asker's situation, the conversation's corrected by this message
    session: Session | None
    notes: list[str] = field(default_factory=list)  # said before the answer ("问题过长…")
    reply: str | None = None  # said instead of answering: no question in it, or only a situation
    situation_only: bool = False  # the message only describes the asker: keep it for what follows

    @property
    def q(self) -> Query:
        return self.parts[-1]


# A sentence in English: where a notice has some (a bilingual notice), a question in English is read.
ENGLISH = re.compile(r"(?:[A-Za-z]+[ ,;]+){6,}[A-Za-z]+")


def understand_part(text: str, today: dt.date, store: FactStore) -> Query:
    """One question, with the notices it points at: an issuer, a kind of notice, a document number,
    a category only a stand-alone list's call sets up. A pointer with no year asked brings its
    notices' latest year (answer/years.py)."""
    q = understand(text, today, store.names)
    named = (q.list_mention, q.field_mention, q.body or "", *(m for _, m in q.other_lists))
    pointer = store.pointers.find(q.text, q.years, named)
    if not pointer and q.field_key and store.series:
        # "开源项目…": a category only a stand-alone list's call sets up points at that call.
        owners = sorted(store.field_owners.get(q.field_key, set()))
        if owners and not set(owners) & store.series:
            pointer = Pointer(owners, q.field_mention, PointedBy.CATEGORY)
    if pointer:
        q.notice_ids, q.notice_mention, q.notice_by = pointer.ids, pointer.mention, pointer.by
        # ("学会转的那个榜单通知" names a document; "学会内部", "以学校名义" say something of the ask too.)
        q.notice_kind_named = pointer.by == PointedBy.KIND and bool(re.search(r"(?:通知|文件|公告|通告)$", pointer.mention))
        if not q.years:  # the latest round of the notices pointed at ("学会的通知", an issuer's)
            q.notice_ids, q.years = pointed_years(pointer, store)
            if q.years:
                q.year_source = YearSource.NOTICE
        if CHANGE_ASK.search(q.text) and ORIGINAL_NAMED.search(q.text.replace(pointer.mention, " ")) \
                and not any(store.is_original_notice(i) for i in q.notice_ids):
            q.intent = Intent.COMPARE  # "学会转发的通知跟科协原文比多了哪些内容": the unit's notice beside the call
    # Its words, not the names it uses, nor a pasted chat message's furniture ("@秘书处", "[转发自“会员服务群”]"),
    # nor who the asker is ("我是…科研处的陈晓", "我们是学会会员": no step of theirs; what they did is).
    q.own_step = bool(OWN_STEP.search(IDENTITY.sub(" ", CHAT_FURNITURE.sub(" ", q.words))))
    q.platform_side = asks_platform_side(q.text)
    return q


# Who the asker is: "我是…科研处的陈晓", and a letter's signature after 此致 ("陈晓 / 科研处").
IDENTITY = re.compile(SAYS_WHO.pattern + r"|此致[\s\S]*$")
CHAT_FURNITURE = re.compile(r"@[^\s，,。；;：:！!？?]{1,12}|\[[^\]]{1,30}\]")


def read_turn(question: object, today: dt.date, store: FactStore, session: Session | None,
              filters: Filters = Filters(), max_chars: int = 200) -> Turn:  # noqa: B008
    """The message understood once: its parts, each with what earlier parts, the asker's own
    statements and the conversation supply; the asker's situation; or what to say instead."""
    text = question if isinstance(question, str) else ""
    if not re.search(r"[\w\u4e00-\u9fff]", text):
        return Turn(text, [], Profile(), session, reply=f"请输入一个问题，例如：{EXAMPLE}")
    if not re.search(r"[\u4e00-\u9fff]", text) and not store.derived(
            "english", lambda: any(ENGLISH.search(c.text) for c in store.chunks)):
        return Turn(text, [], Profile(), session,
                    reply=f"目前只支持中文提问（通知均为中文），请用中文重新提问，例如：{EXAMPLE}")
    notes = []
    if len(text) > max_chars:
        text = text[:max_chars]
        notes.append(f"（问题过长，仅按前{max_chars}个字回答。）")
    msg = read_message(normalize_question(text))
    said_profile = read_profile(normalize_years(msg.text, today), today)
    profile = said_profile
    if session is not None and session.previous is not None:
        profile = session.previous.profile.updated(profile)  # the conversation's situation, corrected
    said = understand_part(msg.text, today, store) if not msg.asked else None
    if said is not None and said_profile and said.list_key is None \
            and said.intent in (Intent.OTHER, Intent.ELIGIBILITY) and said.attribute is None:
        # Only a situation ("我们公司2012年在苏州注册的"): kept for the questions to come.
        return Turn(text, [replace(understand_part("", today, store), profile=profile)], profile, session,
                    reply="已记下您介绍的情况。请问想了解哪个榜单？例如：“今年能报新锐企业榜吗？”我会按申报条件逐条核对。",
                    situation_only=True)
    if not msg.asked:
        msg.statements = []
    # What the asker says of themselves, and whom they write to ("俞老师您好": a contact of one notice).
    told = "。".join(s for s in (msg.addressee, msg.context) if s)
    context = understand_part(told, today, store) if msg.statements or msg.addressee else None
    prefix = filters.prefix()
    parts: list[Query] = []
    for part in msg.questions[:MAX_PARTS]:
        q = understand_part(part, today, store)
        if parts and continues_ask(q, parts[-1]):
            # "平台上交完以后谁评？一共几轮？": one ask in two sentences, read as one.
            part = f"{parts.pop().text}，{part}"
            q = understand_part(part, today, store)
        if prefix and (not q.years or q.list_key is None):
            first = understand_part(prefix, today, store)
            if (first.years and not q.years) or (first.list_key and q.list_key is None):
                q = understand_part(f"{prefix} {part}", today, store)
        if not parts and session is not None:  # the message's first part (or the one it merged into)
            q = inherit(q, session.previous, session.person, store.names)
        if parts and restates(q, parts[-1]):
            continue  # "具体哪天公布？要几月几号": the same question again
        if parts and REST_OF.match(part.strip()) and not (q.list_key or q.field_key or q.person):
            parts[-1].several = True  # "组织机构简介限多少字？后面那几大段的呢": each item's
            continue
        if parts:  # "设多少项？" after "2021年的突破短板关键技术榜限定哪个领域？"; "新锐呢" after "先导榜能推几个"
            continue_from(q, parts[-1], with_intent=True, with_step=True)
        if context is not None:
            # The list the asker's story names is what they ask about ("想报开源创新榜…寄到哪里？联系人
            # 是谁"), but not for a contact of their unit's own step ("我们是学会会员…发到哪个邮箱"),
            # unless the ask refers back to it ("那个榜是哪家初评的").
            continue_from(q, context, with_list=not (q.intent == Intent.CONTACT and (q.own_step or context.own_step))
                          or bool(LIST_REFERRED.search(part) or REVIEW_STEP.search(part)))
        q.profile, q.story, q.addressee = profile, msg.context, msg.addressee
        parts.append(asked_of_situation(asked_of_count(q, f"{msg.context} {q.text}"), profile))
    _field_named_later(parts)
    return Turn(text, parts, profile, session, notes)


def _field_named_later(parts: list[Query]) -> None:
    """"…报先导榜，归哪个领域？初评找谁？——好像是装备制造？": the one field a later part of the message
    names (a pasted chat's reply) is the field of an earlier contact ask of the same list."""
    named = {(p.list_key, p.field_key, p.field_mention) for p in parts if p.field_key}
    if len(named) != 1:
        return
    list_key, field_key, mention = next(iter(named))
    seen_field = False
    for p in reversed(parts):
        seen_field = seen_field or p.field_key is not None
        if seen_field and p.field_key is None and p.intent == Intent.CONTACT and p.list_key in (None, list_key) and not p.person:
            p.field_key, p.field_mention = field_key, mention
            p.inherited.append("field")
