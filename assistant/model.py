"""The typed records passed between the stages: facts (one dataclass per kind) and the enums that
name kinds, roles, scopes, intents and answer kinds. Plain data, no behaviour beyond (de)serializing."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, ClassVar


class FactKind(StrEnum):
    LISTS = "lists"
    LIST_COUNTS = "list_counts"
    FIELDS = "fields"
    STAGE = "stage"
    DEADLINE = "deadline"
    QUOTA = "quota"
    QUOTA_RULE = "quota_rule"
    CONTACT = "contact"
    PLATFORM = "platform"
    ELIGIBILITY = "eligibility"
    ORGANISER = "organiser"


class Role(StrEnum):
    """What a contact block is for."""

    REVIEW = "review"  # a list's (or field's) review body
    GENERAL = "general"  # the round's enquiry contact
    TECH = "tech"  # the platform's technical support
    SOCIETY = "society"  # a forwarding society's own secretariat
    OTHER = "other"


class Scope(StrEnum):
    """Whose deadline it is."""

    PLATFORM = "platform"  # the CAST platform's
    STAGE = "stage"  # a stage of the round's schedule
    INTERNAL = "internal"  # a forwarding society's own, for its members


class Category(StrEnum):
    SUBMISSION = "submission"
    REVIEW = "review"  # review bodies reporting their results
    TOLD = "told"  # the organiser telling applicants back ("11月18日前告知初审结果"): no one's materials are due
    OTHER = "other"


class DeadlineForm(StrEnum):
    CUTOFF = "截止"  # "截止时间为…"
    BEFORE = "前"  # "…前报送"


class NoticeKind(StrEnum):
    ORIGINAL = "original"  # a call of its own: CAST's, or a stand-alone list's organisers'
    FORWARDING = "forwarding"  # a society or association passing a call on, with its own rules
    INTERNAL = "internal"  # a unit's notice to its own departments (a university's, an institute's)


class Intent(StrEnum):
    CONTACT = "contact"
    DEADLINE = "deadline"
    SCHEDULE = "schedule"
    QUOTA = "quota"
    LISTS = "lists"
    PLATFORM = "platform"
    ELIGIBILITY = "eligibility"
    FORM = "form"
    COMPARE = "compare"
    NOTICE = "notice"  # what a notice is: title, issuer, doc number, date
    ORGANISER = "organiser"  # who hosts, organises, guides a call
    LOOKUP = "lookup"  # whose is this phone / e-mail, what does this person handle
    OTHER = "other"


class AnswerType(StrEnum):
    """What a sentence must hold to answer the question (the reader's answer type)."""

    DATE = "date"  # 几号, 什么时候, 截止
    CONTACT = "contact"  # 找谁, 电话, 邮箱
    PLACE = "place"  # 寄到哪, 交到哪, 哪个平台
    NUMBER = "number"  # 几个, 多少, 限多少字
    NAMES = "names"  # 哪些, 哪几, 包括
    YESNO = "yesno"  # 是不是, 要不要, 能不能
    PROCEDURE = "procedure"  # 怎么, 如何, 流程
    PURPOSE = "purpose"  # 为什么, 目的, 出发点
    TEXT = "text"  # anything else: the best matching sentence


class YearSource(StrEnum):
    """Why a question part is answered for its years (answer/years.py settles them)."""

    EXPLICIT = "explicit"  # written in the question (2023年, 23年)
    RELATIVE = "relative"  # 今年, 去年, 明年 against today
    INHERITED = "inherited"  # the conversation's previous question
    CONTEXT = "context"  # an earlier part of the same message, or the asker's own context
    NOTICE = "notice"  # the latest year of the notices the question points at
    LATEST = "latest"  # a relative year whose call is not in yet: the latest round whose call is
    NONE = ""  # none: the latest round, widened to every round when it does not answer


class RuleBasis(StrEnum):
    """Which fact rule gave an answer."""

    INTENT = "intent"  # the answerer of the question's own intent
    FALLBACK = "fallback"  # a neighbouring intent's (a deadline asked, the schedule answered)
    STATUS = "status"  # the list asked is not set up that year, or handled separately


class AnswerKind(StrEnum):
    RULE = "rule"
    RETRIEVAL = "retrieval"
    LLM = "llm"
    DECLINE = "decline"
    CURATED = "curated"  # staff's answer for this question, shown first (answer/curated.py)


@dataclass(kw_only=True)
class Fact:
    """One fact with the exact passage it comes from."""

    kind: ClassVar[FactKind]
    notice_id: str
    year: int | None
    section: str  # heading path, " > "-joined
    quote: str  # the passage, verbatim from the notice
    start: int  # span in the original file
    end: int
    value: str = ""
    lists: list[str] = field(default_factory=list)  # names as the notice writes them
    list_keys: list[str] = field(default_factory=list)  # canonical families (names.py)
    fields: list[str] = field(default_factory=list)
    field_keys: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": str(self.kind), **asdict(self)}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Fact:
        data = dict(data)
        cls = FACT_TYPES[FactKind(data.pop("kind"))]
        return cls(**data)


@dataclass(kw_only=True)
class ListsFact(Fact):
    """The lists a round sets up, with planned counts where the notice gives them."""

    kind: ClassVar[FactKind] = FactKind.LISTS
    counts: dict[str, int] = field(default_factory=dict)
    total: int | None = None


@dataclass(kw_only=True)
class ListCountsFact(ListsFact):
    kind: ClassVar[FactKind] = FactKind.LIST_COUNTS


@dataclass(kw_only=True)
class FieldsFact(Fact):
    kind: ClassVar[FactKind] = FactKind.FIELDS
    industry: list[str] = field(default_factory=list)
    special: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class StageFact(Fact):
    kind: ClassVar[FactKind] = FactKind.STAGE
    stage: str = ""
    period: str = ""


@dataclass(kw_only=True)
class DeadlineFact(Fact):
    kind: ClassVar[FactKind] = FactKind.DEADLINE
    date: str = ""  # YYYY-MM-DD (MM-DD when the notice gives no year)
    time: str = ""  # as written: "24时", "下午17:00"
    written: str = ""
    action: str = ""  # what is due
    stage: str = ""
    scope: Scope = Scope.STAGE
    category: Category = Category.OTHER
    form: DeadlineForm = DeadlineForm.BEFORE

    def __post_init__(self) -> None:
        self.scope, self.category, self.form = Scope(self.scope), Category(self.category), DeadlineForm(self.form)


@dataclass(kw_only=True)
class QuotaFact(Fact):
    kind: ClassVar[FactKind] = FactKind.QUOTA
    number: int = 0
    unit: str = ""
    per_field: bool = False
    per_person: bool = False
    in_principle: bool = False
    subject: str = ""  # who the quota is for when no list is named
    column: str = ""  # the header of its table column, when a row sets several ("各区县科协报送上限")


@dataclass(kw_only=True)
class QuotaRuleFact(Fact):
    """A rule about quotas ("可叠加推荐名额", "不再推荐")."""

    kind: ClassVar[FactKind] = FactKind.QUOTA_RULE


@dataclass(kw_only=True)
class ContactFact(Fact):
    kind: ClassVar[FactKind] = FactKind.CONTACT
    header: str = ""
    body: str = ""  # the review body or office
    org: str = ""
    persons: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    phone_labels: dict[str, str] = field(default_factory=dict)
    emails: list[str] = field(default_factory=list)
    address: str = ""
    recipient: str = ""
    recipient_phone: str = ""
    role: Role = Role.OTHER

    def __post_init__(self) -> None:
        self.role = Role(self.role)


@dataclass(kw_only=True)
class PlatformFact(Fact):
    kind: ClassVar[FactKind] = FactKind.PLATFORM
    url: str = ""
    host: str = ""
    name: str = ""


@dataclass(kw_only=True)
class EligibilityFact(Fact):
    kind: ClassVar[FactKind] = FactKind.ELIGIBILITY
    conditions: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    heading: str = ""
    from_prose: bool = False  # read from one sentence of running text: the notice may set others elsewhere


@dataclass(kw_only=True)
class OrganiserFact(Fact):
    """"主办单位：…", "承办单位：…": who runs a call (a stand-alone list's organisers)."""

    kind: ClassVar[FactKind] = FactKind.ORGANISER
    role: str = ""  # 主办, 承办, 协办, 指导, 支持
    names: list[str] = field(default_factory=list)


FACT_TYPES: dict[FactKind, type[Fact]] = {
    cls.kind: cls
    for cls in (ListsFact, ListCountsFact, FieldsFact, StageFact, DeadlineFact, QuotaFact, QuotaRuleFact,
                ContactFact, PlatformFact, EligibilityFact, OrganiserFact)
}
