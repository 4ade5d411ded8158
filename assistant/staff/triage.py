"""Help-desk triage: an enquiry's category, the answer from the notices, and whom to route it to."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.answer.compose import Answer, Citation, Citer
from assistant.answer.phrasing import contact_who
from assistant.answer.turn import understand_part
from assistant.answer.understand import Query
from assistant.model import AnswerKind, ContactFact, Intent, Role

if TYPE_CHECKING:
    from assistant.assistant import Assistant

CATEGORIES = {
    "tech": "申报系统技术问题",
    "deadline": "截止时间",
    "quota": "推荐名额",
    "eligibility": "申报条件",
    "forms": "材料与表格",
    "contact": "联系方式",
    "other": "其他",
}
TECH = re.compile(r"登录|登陆|密码|账号|帐号|验证码|报错|打不开|上传失败|无法上传|无法提交|提交不了|系统.{0,6}(问题|故障|异常)|页面|卡住|网页|浏览器")
FORMS = re.compile(r"申报表|推荐表|样表|表格|填写|填报|字数|附件|盖章|公章|材料")
INTENT_TO_CATEGORY = {
    Intent.DEADLINE: "deadline",
    Intent.SCHEDULE: "deadline",
    Intent.QUOTA: "quota",
    Intent.ELIGIBILITY: "eligibility",
    Intent.FORM: "forms",
    Intent.CONTACT: "contact",
    Intent.PLATFORM: "tech",
}


@dataclass
class Route:
    who: str
    phones: list[str]
    emails: list[str]
    reason: str
    citation: Citation | None = None

    def contact(self) -> str:
        parts = ["电话：" + "、".join(self.phones) if self.phones else "", "邮箱：" + "、".join(self.emails) if self.emails else ""]
        return "，".join(x for x in parts if x)


@dataclass
class TriageResult:
    category: str
    label: str
    answer: Answer
    route: Route | None
    query: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "label": self.label,
            "answer": self.answer.to_dict(),
            "route": asdict(self.route) if self.route else None,
        }

    def render(self) -> str:
        lines = [f"类别：{self.label}", "", self.answer.answer, ""]
        if self.route:
            r = self.route
            lines.append(f"转交：{r.who}（{r.contact()}）— {r.reason}")
            if r.citation:
                lines.append(f"依据：{r.citation.source} {r.citation.section}：“{r.citation.quote}”")
        else:
            lines.append("转交：通知中没有合适的联系人，请人工处理。")
        return "\n".join(lines)


def categorize(text: str, q: Query) -> str:
    if TECH.search(text):
        return "tech"
    category = INTENT_TO_CATEGORY.get(q.intent)
    if category:
        return category
    if FORMS.search(text):
        return "forms"
    return "other"


def triage(bot: Assistant, text: str) -> TriageResult:
    text = (text or "").strip()
    if not text:
        empty = Answer("工单内容为空，请粘贴咨询内容。", AnswerKind.DECLINE)
        return TriageResult("other", CATEGORIES["other"], empty, None)
    q = understand_part(text[: bot.settings.max_question_chars], bot.settings.today, bot.store)
    category = categorize(text, q)
    answer = bot.answer(text)
    route = _route(bot, q, category)
    return TriageResult(category, CATEGORIES[category], answer, route, q.to_dict())


def _route(bot: Assistant, q: Query, category: str) -> Route | None:
    store = bot.store
    years = [y for y in q.years if y in store.years] or store.years[-1:]
    if not years:
        return None
    year = years[0]

    def pick(role: Role, where: Callable[[ContactFact], bool] | None = None) -> list[ContactFact]:
        """Contacts of that role in the year asked, else in any year."""
        def ok(f: ContactFact) -> bool:
            return f.role == role and (where is None or where(f))

        return store.select(ContactFact, ok, year=year) or store.select(ContactFact, ok)

    general = "综合性问题由工作咨询联系人解答"
    own = [i for i in q.notice_ids if not store.is_original_notice(i) or store.stands_alone(i)]
    if category == "tech":
        facts, reason = pick(Role.TECH), "申报系统的技术问题由技术支持处理"
    elif own:
        # An enquiry about a society's or a unit's own notice goes to that notice's contact.
        facts = [f for i in own for f in store.of_notice(i) if isinstance(f, ContactFact) and f.role != Role.TECH]
        reason = f"咨询针对{store.label(own[0])}，由该通知的联系人解答"
    elif q.person:
        facts, reason = store.select(ContactFact, lambda f: q.person in f.persons), f"咨询中提到{q.person}"
    elif q.list_key or q.field_key:
        facts = pick(
            Role.REVIEW,
            lambda f: (q.list_key is None or q.list_key in f.list_keys) and (q.field_key is None or q.field_key in f.field_keys),
        )
        reason = "具体榜单/领域的问题由对应初评机构联系人解答"
    else:
        facts, reason = pick(Role.GENERAL), general
    if not facts:
        facts, reason = pick(Role.GENERAL), general
    if not facts:
        return None
    f = sorted(facts, key=lambda f: -(f.year or 0))[0]
    citer = Citer(bot.notices)
    citer.fact(f)
    source = "" if store.is_original(f) else f" {store.label(f.notice_id)}"
    return Route(who=f"{f.year}年{source} {contact_who(f, body_first=True)}", phones=f.phones, emails=f.emails, reason=reason,
                 citation=citer.citations[0])
