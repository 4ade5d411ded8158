"""The asker's situation, read from what they say about themselves ("我们公司2012年3月在苏州注册的，
现在60来人", "还没有样品", "不是试点城市，但主要给试点城市的企业做服务"). Each attribute is None
when the message does not say; the eligibility check then says the clause needs checking."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.ingest.dates import DATED_EVENTS, cn_number
from assistant.names import list_key

CLAUSE = r"[^，。；,;？?！!]"
# No condition rules on these; and "我们公司", "我是医学院的" alone say who is asking, not a situation to check.
UNRULED_ATTRIBUTES = {"staff", "revenue", "listed", "org_type", "employer", "domain"}
RELATIVE = {"今年": 0, "去年": -1, "前年": -2}
RELATIVE_DATED = re.compile(rf"(今年|去年|前年)(?=\d{{1,2}}月|{CLAUSE}{{0,8}}?(?:注册|成立|组建|创办|创立|挂牌))")

ORG_TYPES = [
    "创新联合体", "新型研发机构", "大学科技园", "专业化众创空间", "众创空间", "专业孵化器", "孵化器", "技术转移中心",
    "技术转移机构", "专业技术转移机构", "科研院所", "研究院", "研究所", "高校", "大学", "课题组", "企业", "公司",
    "行业协会", "商会", "产业联盟",
]


@dataclass
class Profile:
    founded: tuple[int, int | None] | None = None  # (year, month)
    region: str | None = None
    overseas: bool | None = None  # registered outside the mainland (HK, Macao, Taiwan, abroad)
    listed: str | None = None  # where listed ("北交所"), "上市" when not said; "" when not listed
    staff: int | None = None
    revenue: str | None = None
    prior: list[tuple[str, int | None]] = field(default_factory=list)  # (list family, year) already won
    validated: bool | None = None
    trl: int | None = None
    secret: bool | None = None
    original: bool | None = None  # original innovation (not imported and absorbed)
    import_dependent: bool | None = None
    org_type: str | None = None
    in_pilot: bool | None = None  # located in a pilot city
    serves_pilot: bool | None = None
    accident_year: int | None = None
    certified: bool | None = None  # passed the technology-manager training/exam
    trained: bool | None = None
    teaches: bool | None = None  # teaches technology-transfer courses
    experience_years: float | None = None  # years in the work a condition counts ("两年半" is 2.5)
    experience_since: tuple[int, int] | None = None  # (year, month) the asker began the work ("2057年11月开始干这行")
    rd_share: float | None = None  # R&D spending as a percentage of revenue ("研发投入占营收4%左右")
    restricted: bool | None = None  # its products are of a restricted, eliminated or banned category
    employer: str | None = None  # the kind of unit a person works at, as conditions name it ("高等院校")
    employed: bool | None = None  # False: resigned, on their own, attached to no unit
    transfer: bool | None = None  # False: to be used in-house only, not transferred or licensed
    domain: str | None = None  # what the asker works on ("国产CAE仿真软件", "文创和电商类企业")
    # (event, year, month) of what the asker tells the date of besides a founding ("2060年3月登记备案")
    events: list[tuple[str, int, int | None]] = field(default_factory=list)

    def known(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "")} | (
            {"listed": ""} if self.listed == "" else {}
        )

    def updated(self, newer: Profile) -> Profile:
        """This profile with what `newer` says over it (a conversation's situation, corrected)."""
        merged = Profile(**asdict(self))
        for name, value in asdict(newer).items():
            if value not in (None, []) or (name == "listed" and value == ""):
                setattr(merged, name, list(value) if isinstance(value, list) else value)
        merged.prior = [tuple(x) for x in merged.prior]  # type: ignore[misc]
        merged.events = [tuple(x) for x in merged.events]  # type: ignore[misc]
        merged.founded = tuple(merged.founded) if merged.founded else None  # type: ignore[assignment]
        return merged

    def rules_on(self) -> bool:
        """Whether it says something a list's conditions rule on (not only its size or revenue)."""
        return any(k not in UNRULED_ATTRIBUTES for k in self.known())

    def __bool__(self) -> bool:
        return bool(self.known())


# The kinds of unit a person may work at, as the conditions name them, and how people say them.
EMPLOYERS = {
    "高等院校": ("高等院校", "高校", "大学", "学院"),
    "科研院所": ("科研院所", "研究所", "研究院", "科学院"),
    "新型研发机构": ("新型研发机构",),
    "企事业单位": ("企事业单位", "企业", "公司", "事业单位"),
    "政府机关": ("政府机关", "政府", "机关", "科技局", "科委"),
}


# What the asker works on, told of their own unit: "我们做国产CAE仿真软件", "主要孵化文创和电商类企业",
# "一家做工业软件的公司". Not a person's job ("做成果转化干了6年") nor a step done ("做过示范").
DOMAIN = re.compile(
    rf"(?:^|[，,]|我们|公司|团队|孵化器|众创空间|实验室|课题组|一家|主要|主营|专门|专注)"
    rf"(?:主要|专门|是)?(?:做|从事|研发|研制|生产|孵化(?!器|载体)|主营|专注于?)"
    rf"(?:了?(?:一款|一种|一套|一项|一个|一批)|的是)?(?!过|完|了|成果转化|技术转移)({CLAUSE}{{2,20}}?)(?=的(?:公司|企业|团队)|[，。；,;？?！!]|$)"
)
PERSON_AT = re.compile(r"(?:本人|我)(?!们)(?:[^。？?，,]{0,8}[，,])?(?:目前|现在|之前)?(?:在|于|是|就职于|任职于)")


def _first_employer(text: str) -> str | None:
    """The kind of unit of the first employer word written in the text."""
    found = [(at, kind) for kind, words in EMPLOYERS.items() for word in words if (at := text.find(word)) >= 0]
    return min(found)[1] if found else None


def _year(text: str, today: dt.date) -> int | None:
    m = re.search(r"(20\d{2})年", text)
    if m:
        return int(m.group(1))
    for word, delta in RELATIVE.items():
        if word in text:
            return today.year + delta
    return None


# A clause that supposes rather than tells ("入选先导技术榜的话，…给奖励吗", "如果明年注册…"): not the asker's situation.
SUPPOSING = re.compile(rf"(?:如果|假如|要是|万一|假设){CLAUSE}*|{CLAUSE}*的话")


WORK_SINCE = re.compile(rf"(20\d{{2}})年(\d{{1,2}})月(?:份)?{CLAUSE}{{0,4}}?(?:开始|起|调到|调入|转岗|转到|入职|加入|进入)((?:(?!20\d{{2}}年){CLAUSE}){{0,24}})")
# The work whose years a condition counts ("从事技术转移工作满3年").
WORK = re.compile(r"^(?:专职|全职)?(?:干|做|从事|搞)|技术转移|成果转化|技术经理|技转")


def read_profile(text: str, today: dt.date) -> Profile:
    """What the message says about the asker (years written short are already 20YY), its supposing
    clauses aside."""
    text = SUPPOSING.sub("，", text)
    # "前年8月正式挂牌成立", "去年成立的": the year the asker means, written out as the rules read it.
    text = RELATIVE_DATED.sub(lambda m: f"{today.year + RELATIVE[m.group(1)]}年", text)
    p = Profile()
    m = re.search(rf"(20\d{{2}})年(?:(\d{{1,2}})月)?{CLAUSE}{{0,12}}?(?:注册|成立(?!年限|时间)|组建|创办|创立|挂牌)", text) or re.search(
        r"成立于(20\d{2})年(?:(\d{1,2})月)?", text
    )
    if m:
        p.founded = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    m = re.search(r"在([\u4e00-\u9fff]{2,6}?)(?:注册|成立)|注册(?:地)?(?:在|于)([\u4e00-\u9fff]{2,10})", text)
    if m:
        p.region = m.group(1) or m.group(2)
    if re.search(r"香港|澳门|台湾|境外|海外|国外注册|开曼", text):
        p.overseas = True
    elif p.region:
        p.overseas = False
    if re.search(r"未上市|没(?:有)?上市|非上市|不是上市", text):
        p.listed = ""
    else:
        board = re.search(rf"(北交所|创业板|科创板|主板|新三板|港股|港交所|纳斯达克){CLAUSE}{{0,6}}上市", text)
        if board or re.search(r"上市", text):
            p.listed = board.group(1) if board else "上市"
    m = re.search(r"(\d{1,6})\s*(?:来|多|余)?\s*(?:名|个)?(?:员工|职工|人)(?![次才])", text)
    if m and not re.match(r"\d+后", text[m.start():]):
        p.staff = int(m.group(1))
    m = re.search(rf"(?:营收|营业收入|年收入|销售额){CLAUSE}{{0,6}}?(\d[\d.]*\s*(?:万|亿)?元?)", text)
    if m:
        p.revenue = m.group(1)
    for m in re.finditer(rf"(?:(20\d{{2}})年|去年|前年|今年)?{CLAUSE}{{0,4}}?(?:上过|入选(?:过)?|获评|上榜)(?:了)?{CLAUSE}{{0,16}}?"
                         rf"([\u4e00-\u9fff“”\"]{{2,16}}榜)", text):
        p.prior.append((list_key(m.group(2).strip("“”\"")), _year(m.group(0), today)))
    for m in re.finditer(r"(20\d{2})年的?“?([\u4e00-\u9fff]{2,14}榜)”?的?(?:入选者|入选企业|入选项目|入选机构|入选人物|获奖者)", text):
        p.prior.append((list_key(m.group(2)), int(m.group(1))))
    for m in re.finditer(rf"((?:20\d{{2}})年|去年|前年)?{CLAUSE}{{0,4}}?“?([\u4e00-\u9fff]{{2,14}}榜)”?(?:上)?(?:的)?入选(?:的|了|者)", text):
        key = (list_key(m.group(2)), _year(m.group(0), today))
        if key[0] not in {k for k, _ in p.prior}:
            p.prior.append(key)  # "我是去年技术经理人先锋榜入选的"
    if re.search(rf"(?:没|未|还没|尚未)(?:有)?(?:做过|进行过|通过|开展)?{CLAUSE}{{0,6}}?(?:验证|试验|测试)|只(?:做完了|做了|完成了|有)"
                 rf"{CLAUSE}{{0,4}}(?:理论|仿真|计算|设计)|还没有样品|没有样机", text):
        p.validated = False
    elif re.search(rf"(?:已|已经)(?:通过|完成){CLAUSE}{{0,8}}(?:验证|中试|试验)|样机|示范应用|小批量|量产|中试", text):
        p.validated = True
    m = re.search(r"TRL\s*(\d)", text, re.I)
    if m:
        p.trl = int(m.group(1))
    if re.search(r"不涉密|非涉密|不涉及秘密", text):
        p.secret = False
    elif re.search(r"涉密|保密项目|密级|不能对外公开|不可公开", text):
        p.secret = True
    if re.search(r"原始创新|自主研发|自研|首创|原创", text):
        p.original = True
    if re.search(r"引进|消化吸收|仿制", text):
        p.original = False
    if re.search(rf"不依赖进口|国内{CLAUSE}{{0,8}}(?:稳定供货|能生产|可供应|都能)|已(?:经)?国产化|国产替代", text):
        p.import_dependent = False
    elif re.search(rf"依赖(?:进口|国外)|靠(?:进口|国外)|(?:还是|都是|全是|主要是|基本是)进口|只能(?:用|买){CLAUSE}{{0,2}}国外|被禁运|卡脖子|禁运|限制出口", text):
        p.import_dependent = True
    if re.search(r"我|本单位|本公司|本机构|咱", text) or p.founded:
        # (Not a kind the asker says they are not: "我们是家技术转移机构…不是创新联合体".)
        p.org_type = next((t for t in ORG_TYPES if re.search(rf"(?<!不是)(?<!不属于)(?<!并非)(?<!而非){t}", text)), None)
    if re.search(rf"不(?:是|在|属于){CLAUSE}{{0,6}}试点城市", text):
        p.in_pilot = False
    elif re.search(rf"(?:在|就在|位于|属于){CLAUSE}{{0,10}}试点城市|试点城市(?:里|内)", text):
        p.in_pilot = True
    if re.search(rf"(?:给|为|服务于?|面向){CLAUSE}{{0,16}}试点城市", text):
        p.serves_pilot = True
    m = re.search(rf"((?:20\d{{2}})年|去年|今年|前年){CLAUSE}{{0,6}}?(?:出过|发生过?|有过){CLAUSE}{{0,10}}?事故", text)
    # "2022年12月…被生态环境局认定为严重环境违法": the other incidents the same condition names, when found against one
    m = m or re.search(rf"((?:20\d{{2}})年|去年|今年|前年){CLAUSE}{{0,24}}?(?:认定为|被罚|受到处罚|被处罚|列入|被列为){CLAUSE}{{0,8}}?"
                       r"(?:环境违法|违法|失信|事故)", text)
    # "去年8月因为偷排被环保部门顶格处罚": a penalty for what the same condition names (pollution, safety, quality)
    m = m or re.search(rf"((?:20\d{{2}})年|去年|今年|前年){CLAUSE}{{0,24}}?(?:偷排|排污|超标排放|环保|生态环境|安全生产|质量){CLAUSE}{{0,12}}?"
                       r"(?:处罚|罚款|查处|通报)", text)
    if m:
        p.accident_year = _year(m.group(1), today)
    if re.search(rf"没(?:有)?(?:考|拿|取得)?(?:过)?{CLAUSE}{{0,8}}?证书|没有证书|无证", text):
        p.certified = False
    elif re.search(rf"(?:考|拿|取得)(?:过|了|到){CLAUSE}{{0,8}}证书|持证", text):
        p.certified = True
    if re.search(rf"没(?:有)?(?:参加|参与|接受)过?{CLAUSE}{{0,10}}培训", text):
        p.trained = False
    elif re.search(rf"(?:参加|参与|接受)(?:过|了){CLAUSE}{{0,10}}培训", text):
        p.trained = True
    if re.search(r"没(?:有)?讲过|没(?:有)?授过|没(?:有)?上过课", text):
        p.teaches = False
    elif re.search(rf"(?<!没)讲{CLAUSE}{{0,14}}课|授课|讲授", text):
        p.teaches = True
    if re.search(rf"(?:属于|算|是|列为|列入){CLAUSE}{{0,6}}?(?:限制类|淘汰类|禁止类)", text):
        p.restricted = True
    at = PERSON_AT.search(text)  # a person telling where they work ("本人在…高校", "我是区科技局的")
    if at:
        p.employer = _first_employer(text[at.end() :])
    if re.search(r"辞职|离职|单干|自由职业|(?:没|不)(?:有)?(?:挂靠|任职|单位)", text):
        p.employed = False
    if re.search(rf"(?:不打算|没打算|不想|不准备|没有?计划|不愿意?)(?:对外)?{CLAUSE}{{0,4}}(?:转让|许可|转化|推广|交易)"
                 rf"|只(?:想|打算|准备)?(?:在|给){CLAUSE}{{0,10}}内部(?:用|使用|转化)", text):
        p.transfer = False
    m = re.search(rf"研发(?:经费)?(?:投入|费用|支出){CLAUSE}{{0,10}}?(\d{{1,2}}(?:\.\d+)?)\s*[%％]", text)
    if m:
        p.rd_share = float(m.group(1))
    m = DOMAIN.search(text)
    if m:
        p.domain = re.sub(r"(?:的|类|方面的|领域的)?(?:公司|企业|项目|团队|技术)$", "", m.group(1)) or m.group(1)
    m = re.search(rf"(?:工作|做|从事|干){CLAUSE}{{0,12}}?(\d{{1,2}}|[一二两三四五六七八九十]{{1,2}})\s*年(半)?(?:多)?了?", text)
    if m and (years := cn_number(m.group(1))) is not None:
        p.experience_years = years + (0.5 if m.group(2) else 0.0)
    # "是2057年11月开始干这行的": the work counted from the month it began.
    # "2050年3月调到学校技术转移中心专职做成果转化", "2047年7月起在…全职做技术经理人": the month a move
    # into the work is dated (a month that begins something else, "2044年9月到2047年6月在读博", is not).
    m = next((m for m in WORK_SINCE.finditer(text) if WORK.search(m.group(3))), None)
    if m and p.experience_years is None:
        p.experience_since = (int(m.group(1)), int(m.group(2)))
    # (Each word of a run: "登记备案" is dated for a bound on 登记 and for one on 备案.)
    p.events = [(event, int(m.group(1)), int(m.group(2)) if m.group(2) else None)
                for m in re.finditer(rf"(20\d{{2}})年(?:(\d{{1,2}})月)?(?:份)?{CLAUSE}{{0,16}}?((?:{DATED_EVENTS})+)", text)
                for event in re.findall(DATED_EVENTS, m.group(3))]
    return p


def situation_profile(situation: str, founded: str | None, today: dt.date) -> Profile:
    """The self-check's input: a situation read like a user's message, then an explicit founding
    date ("2016", "2016-03", "2016年3月") over what the text says."""
    from assistant.answer.understand import (  # (understand imports this module)
        normalize_question,
        normalize_years,
    )

    profile = read_profile(normalize_years(normalize_question(situation), today), today)
    m = re.fullmatch(r"\s*(\d{4})(?:\D+(\d{1,2}))?\D*", founded or "")
    if m:
        profile.founded = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    return profile
