"""Who to contact: a person named, a body named, a list's (and field's) review body, technical
support, a society's secretariat, or the round's enquiry contact."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.phrasing import contact_details, contact_scope
from assistant.answer.pointer import PointedBy
from assistant.answer.rules.base import Context, Reply
from assistant.answer.similarity import bigrams, overlap
from assistant.answer.store import FactStore
from assistant.answer.understand import Query
from assistant.ingest.facts.common import EMAIL
from assistant.model import ContactFact, DeadlineFact, Role, Scope
from assistant.names import unquote

ATTRIBUTE_FIELDS = {"email": "emails", "address": "address", "body": "body"}
ATTRIBUTE_LABELS = {"emails": "邮箱", "address": "邮寄地址", "body": "初评机构"}


# A block headed by an office ("省科协学会学术部：联系人…") names the body that handles it.
OFFICE_HEADER = re.compile(r"(?:部|处|科|中心|办公室|办|秘书处|学会|协会|研究会|联合体|研究院|研究所|委员会)(?:[（(][^）)]*[）)])?$")


def _gives(f: ContactFact, wanted: str) -> bool:
    """Whether a contact block gives the detail asked: a body may be named by the block's header."""
    if wanted == "body":
        return bool(f.body or f.org or OFFICE_HEADER.search(f.header.strip("：: ")))
    return bool(getattr(f, wanted))


def _describe(ctx: Context, f: ContactFact) -> str:
    return f"{contact_scope(f) or '联系方式'}：" + "；".join(contact_details(f, ctx.q.attribute)) + ctx.cite(f)


# The words of asking for a contact; what is left of the ask is its topic ("会籍核验、缴会费证明").
CONTACT_ASK = re.compile(r"找谁|找哪位|哪位老师|联系谁|问谁|咨询谁|给谁|电话|手机号?|座机|邮箱|联系方式|联系人|是多少|多少|"
                         r"老师|处理|请问|该|要|的|[？?，,。、\s]")
# What follows a name in a greeting ("龚老师", "欧阳主任"): the surname (or the name) is left.
TITLE_WORDS = re.compile(r"(?:老师|同志|主任|处长|科长|部长|秘书长|书记|院长|女士|先生|经理|总|工)$")
TOPIC_SHARE = 0.4  # of the topic's character pairs a contact's own lines must hold to be its contact
TOPIC_PAIRS = 3


def _topic(ctx: Context) -> Callable[[ContactFact], bool] | None:
    """The contacts whose own lines (header, what they handle) say what the ask is about, when no list,
    person or body is named: "会籍核验、缴会费证明找谁" -> the card whose note says 会籍与会费核验."""
    topic = CONTACT_ASK.sub(" ", ctx.q.ask or ctx.q.text)
    pairs = bigrams(topic)
    if len(pairs) < TOPIC_PAIRS:
        return None

    judged: dict[int, bool] = {}  # (each block judged once: the round is searched, then picked from)

    def about(f: ContactFact) -> bool:
        if id(f) not in judged:
            shared = len(pairs & bigrams(f"{f.header} {f.body} {f.org} {f.quote}"))
            judged[id(f)] = shared >= TOPIC_PAIRS and shared >= TOPIC_SHARE * len(pairs)
        return judged[id(f)]

    # (In the round asked, else the one being run: another round's contact on the same topic is not it.)
    years = set(ctx.q.years) or set(ctx.store.rounds[-1:])
    return about if any(ctx.store.select(ContactFact, about, year=y) for y in years) else None


REVIEW_NAMED = re.compile(r"初评|初审|评审|终评|机构|联合体")
# A problem with the online system itself (not "平台上最晚几号交", an ask of the round's own steps).
# (Not a system the asker makes: "我们是做高端数控系统的".)
SYSTEM_ASK = re.compile(r"系统(?:填报|申报|操作|登录|登陆|问题|故障|报错|打不开|进不去|上)|技术支持|技术问题|登录|登陆|客服|报错|"
                        r"无法(?:登|上传|提交|打开)|密码|账号")


def _which(ctx: Context) -> Callable[[ContactFact], bool]:
    """Which contact blocks the question is about."""
    q = ctx.q
    text = ctx.q.words
    if q.person:
        return lambda f: q.person in f.persons
    if q.body and not (q.list_key or q.field_key):
        return lambda f: q.body in unquote(f.body + f.org)
    if (q.list_key or q.field_key) and SYSTEM_ASK.search(text) and ctx.store.select(ContactFact, lambda f: f.role == Role.TECH):
        return lambda f: f.role == Role.TECH  # "先导榜…系统填报遇到问题找谁": the platform's support, whatever list
    if q.list_key or q.field_key:
        if q.notice_ids:  # a notice's own contact serves every list it calls for or recommends to
            return lambda f: (ctx.matches_list(f) and ctx.matches_field(f) and f.role == Role.REVIEW) or f.role != Role.TECH
        return lambda f: ctx.matches_list(f) and ctx.matches_field(f) and f.role == Role.REVIEW
    topical = _topic(ctx)
    if topical is not None:
        return topical
    if re.search(r"系统|技术支持|技术问题|平台|登录|客服|报错|无法", text):
        return lambda f: f.role == Role.TECH
    if ctx.own_notice:
        return lambda f: f.role != Role.TECH
    if q.notice_ids:  # an original call named ("开源创新榜的征集通知"): its enquiry contact, whatever its role
        return lambda f: f.role in (Role.GENERAL, Role.OTHER)
    # (A unit's own step asked before in the same message counts: "…发给学会，来得及吗？来不及该找谁商量")
    if ("own step" in q.inherited or re.search(r"学会|会员|秘书处", text)) \
            and ctx.store.select(ContactFact, lambda f: f.role == Role.SOCIETY):
        return lambda f: f.role == Role.SOCIETY
    return lambda f: f.role == Role.GENERAL


# "报送至学会学术部邮箱…", "纸质材料…送达科研院": where a notice says to send things.
SEND_TO = re.compile(r"(?:送达|送至|送交|报送至|报送到|交至|交到|提交至|提交到|寄至|寄送至|寄到)([^，,。；;（(]{2,30})")


ADDRESS_LIKE = re.compile(r"[路街巷道]\S{0,6}\d+号|\d+\s*室|号楼|号院|邮编")  # a place one can post to, not a body's name


def _destination(ctx: Context, contacts: list[ContactFact], wanted: str) -> tuple[str, str] | None:
    """The mailbox or place the same notice names where it says what to send, when its contact
    lines give none, and its citation: a deadline's sentence first, else any sentence of the notice
    that sends things to an address ("纸质材料一式两份寄送至…路77号…1203室")."""
    for nid in dict.fromkeys(f.notice_id for f in contacts):
        # (A unit's own step first: where its members send things, not where the call it restates sends them.)
        for f in sorted((f for f in ctx.store.of_notice(nid) if isinstance(f, DeadlineFact)), key=lambda f: f.scope != Scope.INTERNAL):
            m = EMAIL.search(f.quote) if wanted == "emails" else SEND_TO.search(f.quote)
            if m:
                place = m.group(m.lastindex or 0)
                mailbox = EMAIL.match(f.quote[m.end() :].lstrip(" （(")) if wanted != "emails" else None
                return (f"{place.rstrip('：: ')}（{mailbox.group(0)}）" if mailbox else place), ctx.cite(f)  # "…邮箱: (x@…)"
    if wanted != "address":
        return None
    for nid in dict.fromkeys(f.notice_id for f in contacts):
        notice = ctx.store.notices.get(nid)
        sent = ctx.store.sentences(notice.year, SEND_TO) if notice is not None and notice.year else []
        for p in (p for p in sent if p.notice_id == nid):
            m = SEND_TO.search(p.text)
            if m and ADDRESS_LIKE.search(m.group(1)):
                return m.group(1), ctx.cite_passage(p, p.text)
    return None


# "原联系人耿书白已调任…，不再负责榜单工作": a person a notice hands the work away from.
HANDED_OVER = re.compile(r"原联系人[:：]?\s*([\u4e00-\u9fff]{2,3}?)(?=已|将|因|，|,|同志|老师)|([\u4e00-\u9fff]{2,3}?)(?:同志|老师)?(?:已|将)(?:调任|调离|离职|退休)"
                         r"|联系人由([\u4e00-\u9fff]{2,3}?)(?:变更|调整|更换|改)为([\u4e00-\u9fff]{2,3})?")  # "联系人由杜明远变更为俞清禾"


HANDED_OVER_WORDS = re.compile(r"原联系人|调任|调离|离职|退休|联系人由")


def handed_over(store: FactStore) -> dict[tuple[str, str], str]:
    """(notice, person) for each person a notice says no longer handles the work, to whoever it names
    in their place ("" when it names no one there); once per store (snapshot.warm reads it while loading:
    0.5 s at 234,000 chunks)."""
    def scan() -> dict[tuple[str, str], str]:
        # (The words every hand-over names looked for first: the pattern over 234,000 chunks took 2.7 s.)
        return {(c.notice_id, m.group(1) or m.group(2) or m.group(3)): m.group(4) or ""
                for c in store.chunks if HANDED_OVER_WORDS.search(c.text) for m in HANDED_OVER.finditer(c.text)}
    return store.derived("handed over", scan)


def _issuer(ctx: Context, f: ContactFact) -> str:
    notice = ctx.store.notices.get(f.notice_id)
    return notice.issuer if notice is not None and notice.issuer else f.notice_id


def _asks_of_unit(q: Query) -> bool:
    """Whom to ask is asked of the unit itself: its subject carried from the part before ("想报新锐榜，
    …有问题找哪位老师"), or the unit pointed at by its level and nothing else named ("院里谁具体负责对接")."""
    carried = "list" in q.inherited or "field" in q.inherited
    return carried or (q.notice_by in (PointedBy.KIND, PointedBy.LEVEL) and not (q.list_mention or q.field_mention))


def answer_contact(ctx: Context) -> Reply | None:
    q = ctx.q
    where = _which(ctx)
    picked = ctx.pick(ContactFact, where)
    if picked is None:
        return None
    year, chosen = picked
    current = ctx.store.rounds[-1] if ctx.store.rounds else None
    if not q.years and current is not None and year < current and (q.list_key or q.field_key) \
            and (q.list_key is None or ctx.store.mentions(q.list_key, current)) \
            and ctx.store.select(ContactFact, lambda f: f.year == current and f.role != Role.TECH):
        # The round being run sets the list up and names its contacts, none under the list or field
        # asked as read: its passages say whose it is (a field new this round, a line read loosely), not
        # an older round's. (A list since dropped is answered from the last round that had it.)
        return None
    own = [f for f in chosen if f.role == Role.SOCIETY]
    if ctx.own_notice and (q.own_step or "内部" in q.notice_mention) and own:  # "学会内部" points and says
        # "学会内部材料交给谁", "找学会负责这件事的老师": the unit's own step, so the unit's own contact,
        # not the bodies it restates (whatever list the asker applies to).
        chosen = own
    elif ctx.own_notice and own and _asks_of_unit(q) and q.attribute is None and not REVIEW_NAMED.search(q.text):
        # "想报新锐企业榜…有问题找哪位老师" asked of one unit: the list is the asker's, carried from the part
        # before; whom to ask is the unit's own contact (a review body answers of its review). ("…初审是哪位
        # 老师？电话多少": a number asked after is the same person's.)
        # (Its own contact for the list first; one for a field only when a field is asked.)
        general = [f for f in own if (ctx.matches_field(f) if q.field_key else not f.fields)]
        chosen = [f for f in general if f.lists and ctx.matches_list(f)] or general or own
    elif q.notice_ids and (q.list_key or q.field_key):
        # A notice asked about with a list: the list's own contact there, else the notice's.
        review = [f for f in chosen if (f.role == Role.REVIEW or f.lists) and ctx.matches_list(f) and ctx.matches_field(f)]
        if q.field_key is None and "list" in q.inherited:
            # (One field's review body is no answer for a list carried from the part before: the asker named none.)
            review = [f for f in review if not f.fields]
        chosen = review or chosen
    if q.person is None:
        # The person who took the work over, not the one the notice says no longer handles it.
        gone = handed_over(ctx.store)
        chosen = [f for f in chosen if not any((f.notice_id, p) in gone for p in f.persons)] or chosen
    wanted = ATTRIBUTE_FIELDS.get(q.attribute or "")
    if wanted and any(_gives(f, wanted) for f in chosen):
        chosen = [f for f in chosen if _gives(f, wanted)]
    # One block per (list, field, header): the CAST notice's, unless only the other has the detail.
    seen: set[tuple[str, ...]] = set()
    unique = []
    for f in chosen:
        key = (*f.list_keys, *f.field_keys, f.header if not f.list_keys else "", *f.persons)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    if len(unique) > 1:
        # Several offices: the one whose block says most of what the asker says of themselves and asks
        # ("我们是省级学会…交给哪个部门" -> "省科协学会学术部：省级学会报送") first.
        # The person the message is written to ("龚老师好！") before them all.
        said = f"{q.words} {q.story}"
        greeted = TITLE_WORDS.sub("", q.addressee)
        unique.sort(key=lambda f: (not (greeted and any(p.startswith(greeted) for p in f.persons)),
                                   -overlap(said, f"{f.header} {f.quote}")))
    lacking = ""
    if wanted and not any(_gives(f, wanted) for f in unique) and not q.years:
        # "章普的邮箱": a year that gives it, when the latest round does not (no year was asked).
        issuers = {_issuer(ctx, f) for f in unique}
        # (Of a unit's own contacts, only the same unit's: another round's society is another society.)
        given = [f for f in ctx.store.select(ContactFact, where, latest=6) if _gives(f, wanted) and f.year != year
                 and (f.role != Role.SOCIETY or _issuer(ctx, f) in issuers)]
        if given:
            latest = max(f.year or 0 for f in given)
            lacking = f"（{year}年通知中未列出{ATTRIBUTE_LABELS[wanted]}，以上为{latest}年通知所列）"
            year, unique = latest, [f for f in given if f.year == latest][:8]
    body = [_describe(ctx, f) for f in unique[:8]]
    # Asked for what the contacts do not give (an e-mail, an address): that is the answer, said first.
    missing = ""
    place = _destination(ctx, unique, wanted) if wanted in ("emails", "address") and not any(_gives(f, wanted) for f in unique) else None
    if place is not None and (wanted == "emails" or ADDRESS_LIKE.search(place[0]) or EMAIL.search(place[0])):
        missing = f"联系方式中未列出{ATTRIBUTE_LABELS[wanted]}；通知写明材料报送至 {place[0]}{place[1]}。已列出的联系方式："
    elif place is not None:
        # (Sent to a body, no address of it: what was asked is not in the notice.)
        missing = f"通知中未找到{ATTRIBUTE_LABELS[wanted]}；通知只写明材料报送至 {place[0]}{place[1]}。已列出的联系方式："
    elif wanted and not any(_gives(f, wanted) for f in unique):
        # Said plainly, in the words of every not-found answer; the contacts that are listed follow.
        missing = f"通知中未找到{ATTRIBUTE_LABELS[wanted]}。已列出的联系方式："
    if len(unique) == 1:
        direct = [f"{missing}{year}年" + body[0] + (lacking or ctx.year_note(year))]
    else:
        direct = [f"{missing}{year}年相关联系方式如下{lacking or ctx.year_note(year)}：", *body]
    notes = []
    if q.person and not q.years:  # the same person in other years, where their details differ
        cands = ctx.store.select(ContactFact, where, latest=6)
        other = sorted({f.year for f in cands if f.year and f.year != year}, reverse=True)
        for y in other[:2]:
            f = next(f for f in cands if f.year == y)
            if set(f.phones) != set(unique[0].phones):
                notes.append(f"另：{y}年通知中{_describe(ctx, f)}")
    # The person a follow-up ("他的邮箱呢？") means: the one asked about, else the block's first.
    person = q.person if q.person in unique[0].persons else next(iter(unique[0].persons), None)
    # What the notices lack is an answer only of what was asked about (a list, a field, a person, a
    # notice): "终评谁来组织" names none, and the enquiry desk's lack of a review body says nothing of it.
    named = bool(q.list_key or q.field_key or q.person or q.notice_ids)
    return Reply(direct, notes, person=person, states_absence=bool(missing) and named)
