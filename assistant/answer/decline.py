"""Saying plainly that the notices do not answer, with the official contact to ask instead.

Some questions ask for what a call for candidates never holds (who was selected, the experts'
names, fees, rewards for those listed): those get "通知中没有相关信息" up front, never a near-miss passage presented as the
answer."""

from __future__ import annotations

import re

from assistant.answer.compose import Answer, Citer
from assistant.answer.phrasing import contact_who
from assistant.answer.similarity import is_subsequence
from assistant.answer.store import FactStore
from assistant.answer.understand import Query
from assistant.answer.years import asked_round
from assistant.model import AnswerKind, ContactFact, ListCountsFact, Role
from assistant.names import variants

# How an answer says the notices do not hold something (a signal for the ranker, and how grading
# recognises a decline).
DECLINE_MARKERS = re.compile(r"未找到|没有相关|无相关|未涉及|不包含|无法回答|没有找到|未提及")

# (what the question asks for, what a notice that did hold it would say, how to name it)
NOT_IN_A_CALL: list[tuple[re.Pattern[str], re.Pattern[str], str]] = [
    (re.compile(r"(?:都有|有)(?:谁|哪些)(?:人|企业|项目|单位|机构|技术)?(?:入选|获奖|上榜|当选)|(?:入选|获奖|上榜)[^。？?，,]{0,10}名单(?!(?:是)?(?:怎么|如何|由谁|谁)(?:来)?(?:定|确定|产生|评|选))|"
                r"(?:入选|获奖|上榜|当选)了?的(?:人|企业|项目|单位|机构|技术)?(?:都)?(?:有|是)(?:谁|哪些|哪几)|"
                r"(?:给|发|要)(?:个|一下|一份)?名单|评选结果|结果(?:公布|出来)|谁(?:入选|获奖|上榜)了|"
                r"(?:有|入选了?|上了?)几个(?:上了?榜|入选|上榜)|(?:几个|多少(?:个|项)?)(?:上了?|入选了?)(?:\S{0,6}榜)|最后(?:有)?几个(?:上榜|入选)|"
                # "入选先导技术榜的那2项技术分别是什么": what was listed, by name
                r"(?:入选|上榜|获评)[^。？?，,]{0,14}的(?:那)?[\d一二两三四五六七八九十几]*(?:项|个|家|位|名)?[^。？?，,]{0,4}(?:分别|都|各)(?:是|叫)?(?:什么|哪些|哪几|谁)"),
     re.compile(r"入选名单|获奖名单|公示名单|名单如下|评选结果"), "入选名单或评选结果"),
    (re.compile(r"专家(?:都)?(?:有哪些人|有谁|是谁|名单|姓名|都是谁)|哪些专家|评委(?:是谁|有谁|名单)"),
     re.compile(r"专家名单|评审专家[:：]|专家组成员"), "评审专家的名单或姓名"),
    (re.compile(r"(?:交|缴|收|付)(?:纳)?(?:评审|报名|申报|参评)?费|评审费|报名费|申报费|参评费|收费|多少钱|免费"),
     re.compile(r"收费|费用|免费|不收取"), "需要缴纳的任何费用"),
    # What a unit gives those it puts forward once they are listed: some units' notices say it, a call never does.
    # (Asked of, not told: "我们拿过政府补贴" is the asker's story.)
    # Money or points, not support in general ("有什么配套支持" may be answered by a unit's services).
    (re.compile(r"(?:有没有|有无|什么|哪些|多少|能不能|能否|会不会|是否|算不算)[^。？?，,]{0,8}(?:奖励|奖金|补贴|奖补|配套资金|配套奖励|资助|加分)|"
                r"(?:奖励|奖金|补贴|奖补|配套资金|资助|加分)[^。？?，,]{0,6}(?:吗|多少|几|没有)|奖多少|给多少钱"),
     re.compile(r"(?:给予|奖励|奖补|补贴|资助)[^。；;]{0,12}万元|奖励资金|配套资金|配套奖励|一次性奖励|奖补|加分"),
     "入选后的奖励、补贴或其他激励"),
    # A unit's own steps a notice may leave out: when its list is made public, where a meeting sits,
    # whether applicants defend in person.
    (re.compile(r"(?:什么时候|何时|哪天|几号|在哪|在哪里|哪里|怎么)[^。？?，,]{0,4}(?:公示|公布[^。？?，,]{0,4}(?:推荐|评审|评议)?结果)|"
                r"公示(?:期|几天|多久|多长时间|在哪|时间)|(?:会不会|是否|要不要|有没有)[^。？?，,]{0,4}公示"),
     re.compile(r"公示"), "名单公示的安排"),
    (re.compile(r"(?:哪个|哪间|几号)会议室|会议室在|在哪(?:里|儿|个城市|个地方)?(?:开|召开|举行|举办|评审)|"
                r"(?:会议|评审会|答辩会|终评会|初评会|培训会|发布会)(?:的)?地点|会议号|会议链接|入会链接"),
     re.compile(r"会议室|报告厅|路演厅|地点[：:]|(?:在|于)[^。；;，,]{2,20}(?:召开|举行|举办)|\d+楼|\d+室|会议号|会议链接"),
     "会议或评审的地点、方式"),
    # How the review scores: calls name the criteria, not their weights or a pass mark.
    (re.compile(r"评分(?:细则|标准|办法|规则)|打分(?:细则|标准|规则|怎么)|怎么打分|权重|各占(?:多少|几)(?:分)?|分数线|打多少分|多少分(?:能|才|可以)"),
     re.compile(r"评分细则|评分标准|权重|分值|满分|\d+\s*分(?!钟)"), "评审的评分细则、权重或分数线"),
    (re.compile(r"国籍|外籍|外国人|外国籍|(?:非|不是)中国(?:国籍|公民)"),
     re.compile(r"国籍|外籍|外国"), "对申报人国籍的要求"),
    (re.compile(r"密码|找回(?:账号|帐号)|(?:账号|帐号)(?:被)?(?:锁|冻结|找不回)|忘(?:了|记)(?:账号|帐号)"),
     re.compile(r"密码|找回"), "平台账号、密码的找回办法"),
    (re.compile(r"浏览器"), re.compile(r"浏览器"), "使用哪种浏览器"),
    (re.compile(r"报销|差旅费"), re.compile(r"报销|差旅"), "费用的报销"),
    (re.compile(r"撤回|撤销(?:推荐|提交|申报)"), re.compile(r"撤回|撤销"), "提交后撤回的办法"),
    (re.compile(r"(?:算不算|给不给|能不能算|计不计|计入|认不认|认定)[^。？?，,]{0,8}(?:绩效|工作量|职称)|(?:绩效|工作量)[^。？?，,]{0,4}(?:吗|不|没)"),
     re.compile(r"绩效|工作量|职称"), "入选后在单位的绩效或工作量认定"),
    (re.compile(r"(?:证书|牌匾|奖牌|铭牌)[^。？?，,]{0,8}(?:发|寄|领|颁)|(?:发|寄|领|颁)[^。？?，,]{0,6}(?:证书|牌匾|奖牌)"),
     re.compile(r"证书|牌匾|奖牌"), "证书或牌匾的发放"),
    (re.compile(r"(?:要不要|需不需要|需要|用不用|是否|会不会|有没有)[^。？?，,]{0,6}(?:现场)?答辩|答辩(?:吗|么|不|没)"),
     re.compile(r"答辩"), "是否需要答辩"),
]


# How many a round means to list ("先导技术榜全国一共评多少项"): only some calls plan a count.
PLANNED_ASK = re.compile(r"(?:一共|总共|全国|最终|最后|计划|打算|准备)[^。？?，,]{0,10}(?:评出|评选出|遴选出|选出|评|发布|入选)"
                         r"[^。？?，,]{0,4}(?:多少|几)(?:项|个|家|人|名)?")


# A list's name as users write one ("科技服务团榜"): a run of characters ending in 榜, not a phrase ("上了榜").
LIST_LIKE = re.compile(r"[\u4e00-\u9fff]{3,12}榜(?!单)")
# (a phrase about a list, "之前报榜", "什么时候能出榜", "企业上了榜": a verb, a question word, a demonstrative)
NOT_IN_A_NAME = re.compile(r"[了过吗呢入进该这那哪各每个上报出评选打能么什时候几前后在是都要想去有]")
LEADING = re.compile(r"^.*的|^(?:今年|去年|明年|前年|本次|这次|本轮|\d{2,4}年)")
# The series the lists make up, as users name it ("上了科创中国榜" for the “科创中国”系列榜单 the notices'
# titles call for): no list of its own, and no list missing.
SERIES = r"[”\"」』]?(?:系列)?榜单"


def unknown_list(q: Query, store: FactStore) -> str | None:
    """A list the question names that no notice sets up, nor any name it may be a slip for ("科技服务团榜"
    in a corpus without one; "新锐企榜" is 新锐企业榜 short of a character, never unknown)."""
    if q.list_key or q.other_lists:
        return None
    known = [*store.names.lists, *(v for v, _ in variants("lists"))]
    for run in LIST_LIKE.findall(q.text):
        name = LEADING.sub("", run)
        if len(name) < 4 or NOT_IN_A_NAME.search(name):
            continue
        if any(is_subsequence(name, k) or is_subsequence(k, name) for k in known):
            continue
        series = re.compile(re.escape(name[:-1]) + SERIES)
        if not any(series.search(n.title) for n in store.notices.values()):
            return name
    return None


def not_in_notices(q: Query, store: FactStore) -> str | None:
    """Why the notices cannot answer `q`, when it asks for something a call for candidates does not
    hold and no notice in the corpus holds it either."""
    name = unknown_list(q, store)
    if name:
        return f"通知中没有相关信息：已收录的通知中没有“{name}”。"
    # What is asked, not what the asker tells ("换浏览器也不行，技术支持电话多少" asks for a phone).
    asked = q.asking or q.ask or q.text
    for asks, holds, what in NOT_IN_A_CALL:
        # (Of the notices the question points at, when it points at some: another unit's rewards are not theirs.)
        if asks.search(asked) and not store.holds(holds, q.notice_ids or None):
            return f"通知中没有相关信息：已收录的通知未写明{what}。"
    year = asked_round(q, store)
    if PLANNED_ASK.search(q.text) and year is not None and not store.select(ListCountsFact, year=year):
        return f"通知中没有相关信息：已收录的{year}年通知未写明计划评出的数量。"
    return None


def warm(store: FactStore) -> None:
    """Whether the notices hold each of those things, worked out while loading."""
    for _, holds, _ in NOT_IN_A_CALL:
        store.holds(holds)


def decline(reason: str, store: FactStore, q: Query | None = None) -> Answer:
    """The reason, then whom to ask: the review body of the list (and field) asked about, else the
    round's enquiry contact."""
    citer = Citer(store.notices)
    text = reason
    picked = None
    if q is not None and (q.list_key or q.field_key):
        picked = store.pick(ContactFact, q.years, lambda f: f.role == Role.REVIEW and (q.list_key is None or q.list_key in f.list_keys)
                            and (q.field_key is None or q.field_key in f.field_keys))
    label = "该榜单的联系人"
    if picked is None and q is not None and q.notice_ids:
        # The notice asked about names its own contact: whoever wrote it can say what it leaves out.
        picked = store.pick(ContactFact, q.years, lambda f: bool(f.phones), q.notice_ids)
        label = "该通知的联系人"
    if picked is None:
        picked = store.pick(ContactFact, [], lambda f: f.role == Role.GENERAL)
        label = "工作咨询联系人"
    notes = []
    if picked:
        year, found = picked
        f = found[0]
        # A note: after the direct answers of every part of the message (compose.merge).
        where = f"{store.label(f.notice_id)}所列联系人" if label == "该通知的联系人" else f"{year}年通知中的{label}"
        notes.append(f"如需进一步咨询，可联系{where}：{contact_who(f, body_first=label != '工作咨询联系人')}，"
                     f"电话：{'、'.join(f.phones)}{citer.fact(f)}")
    return Answer(text, AnswerKind.DECLINE, citer.citations, notes=notes)
