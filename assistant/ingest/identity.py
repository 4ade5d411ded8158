"""Who issued a notice, to whom, of which kind, for which round: read from its text.

The issuer comes from the title ("X关于…"), a letterhead line, the sign-off above the date, or an
organiser line (主办单位), in that order; the year from the title (also "2024开源创新榜", fused to
a list name), the document number, a "发布时间" line, the sign-off date, or the dates of the body;
`year_source` says which. `corpus/manifest.yaml` overrides any of it. What is read is one typed
record, `Identity`: the index stores it with each notice (`NoticeMeta` is an `Identity` with an id),
and the pointer, the rules, `inspect` and the console's review read it from there."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, fields
from enum import StrEnum

from assistant.ingest.dates import CN_DATE, CN_YEAR, DATE, DATE_LINE, parse_date, year_number
from assistant.ingest.textmap import row_cells
from assistant.model import NoticeKind

CJK = "\u4e00-\u9fff"
DOC_NUMBER = re.compile(rf"[{CJK}]{{2,10}}[〔\[［(（]\s*(\d{{4}})\s*[〕\]］)）]\s*\d+\s*号")
ORG = (rf"[{CJK}（）()“”\"]{{2,30}}?(?:办公厅|办公室|协会|学会|委员会|管委会|科协|研究会|秘书处|促进会|联合会|联合体|联盟|商会|基金会|"
       r"大学|学院|研究院|研究所|院|所|中心|集团|公司|局|厅|处|部|办)")
ORG_LINE = re.compile(rf"^({ORG})(?:文件)?$")
# "南屿省科学技术协会办公室　2037年10月13日": an organisation and a date on one line (a letterhead, a sign-off);
# "青川省科学技术协会办公室编　2043年10月14日": a bulletin's masthead, who compiles it.
DATED_ORG_LINE = re.compile(rf"^({ORG})\s*(?:编印|编|主办|印发)?\s*(?:{DATE}|{CN_DATE})$")
# "东岭大学科学技术研究院 成果转化办公室": an organisation and its office, the letterhead of a page.
ORG_OFFICE_LINE = re.compile(rf"^({ORG})(?:\s+|\s*[·•・/／]\s*){ORG}$")  # (or "…研究院·成果转化办公室")
BRACKETED = re.compile(r"^[【［\[](.+)[】］\]]$")
# Bodies counted or a scope, not one body's name: "每个省级学会", "各市科协", "集团内部".
QUANTIFIED = re.compile(r"(?:每|各)|.*(?:省|市|县|区|国家)级|.*内部$")
OWNER_AFTER = re.compile(rf"[（(]\s*({ORG})\s*[）)]$")  # a heading's last words, its owner in brackets
BRACKETED_OWNER = re.compile(rf"[（(]\s*({ORG})\s*[·•・|｜]\s*[^）)]{{2,40}}[）)]")  # a letterhead set in brackets: "【…研究院·成果转化办公室】"
PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
AUDIENCE = re.compile(r"^(各[^。]{1,60}?)[：:]$")
INTERNAL_AUDIENCE = re.compile(r"各(?:学院|院系|系(?!列)|部门|课题组|研究室|研究所|处室|二级单位|科室|研究部|研究中心|事业部|二级子企业|子企业|子公司|分公司)"
                               r"|校内|院内|全校|本单位各")
# An issuer that is an office of its organisation ("…研究院科技发展处", "…集团有限公司科技创新部"): what it
# directs to the organisation's own units ("各研究部（中心）向科技发展处报送…") is an internal notice.
OFFICE_ISSUER = re.compile(rf"(?:研究院|研究所|大学|学院|集团|公司|医院)[{CJK}]{{1,8}}?(?:处|部|办公室|科)$")
ORIGINAL_ISSUER = re.compile(r"^中国科协|^中国科学技术协会")
# A WeChat article's byline: "原创 皖北机械工程学会 2024年10月16日 09:12", "中国智慧农业工程学会  智农学会
# 2047-10-10 08:30  发表于北京" (the account, its author, the date).
BYLINE = re.compile(rf"^(?:原创\s*({ORG})\s*|({ORG})[ \t]+(?:[^\s]{{1,12}}?[ \t]*)?)(\d{{4}})(?:年|-)(\d{{1,2}})(?:月|-)(\d{{1,2}})", re.M)
# Short names a notice declares for its issuer: "中国流体机械与泵阀学会（以下简称“泵阀学会”）",
# "EU-China Green Technology Innovation Alliance (ECGTIA)" in its letterhead.
DECLARED_SHORT = re.compile(r"[（(]\s*以下简称\s*[“\"「]([^”\"」]{2,12})[”\"」]")
SELF_WORDS = {"我会", "本会", "我校", "本校", "我院", "本院", "我所", "本所", "我局", "我厅", "我办", "我处", "本通知", "本联盟"}
ACRONYM = re.compile(r"[（(]\s*([A-Z]{3,8})\s*[）)]")
# A red-header document's first line names its issuer whatever the scan made of its last characters:
# "南屏大学科学技术研究阮文件".
RED_HEADER = re.compile(rf"^([{CJK}（）()]{{4,30}})文件$")
# An issuer in a labelled field of a page's header, a registration sheet or a group post:
# "发布单位：岭东省技术市场协会秘书处", "发布人：云溪高新区科技创新服务中心-陆晓帆".
LABELLED = re.compile(rf"(?:发布单位|发文单位|发布部门|发布机构|发布人|发布者|印发单位|来源单位|发件人)\s*[:：]\s*({ORG})")
# The labels that give a person as the publisher ("发布人：褚宏斌（集团科技创新部）"): the organisation follows the name.
PERSON_PUBLISHED = re.compile(r"(?:发布人|发布者|发件人)")
# A page's source line ("来源：南江省科学技术协会"): its publisher, unless it names only a department
# ("来源：学术交流部", of the society the body names).
SOURCE = re.compile(rf"(?:信息来源|来源)\s*[:：]\s*({ORG})")
DEPARTMENT = re.compile(rf"^[{CJK}]{{2,12}}(?:部|处|科|室|办|办公室)$")
# A subject line's label and a reply's marks before a title: "会话主题：关于…", "主题：回复：关于…".
# A mail's header ("Subject: 转发：…") and a transcript's head ("会议名称 …", its label set off by a space) too.
SUBJECT = re.compile(r"^(?:(?:会话|邮件)?主题\s*[:：]|标题\s*[:：]|题目\s*[:：]|Subject\s*:|会议(?:名称|主题)[:：\s])\s*"
                     r"(?:(?:回复|转发|答复|RE|Re|FW|Fw|Fwd)\s*[:：]\s*)*")
# A mail that forwards a notice: its subject says so, and its sender ("From: 华岳能源集团科协秘书处 葛文涛
# <…>") is who passes it on, not the call's issuer its title names.
FORWARDED_SUBJECT = re.compile(r"^(?:Subject|(?:邮件)?主题)\s*[:：]\s*(?:转发|Fwd?|FW)\s*[:：]", re.M | re.I)
SENDER = re.compile(r"^(?:From|发件人)\s*[:：]\s*([^\s<，,]+)", re.M)
# A name a notice declares for an organisation and then calls it by throughout is its own name.
DECLARED = re.compile(rf"({ORG})\s*" + DECLARED_SHORT.pattern)
SELF_REFERENCES = 3  # uses of a declared short name that make it the notice's own voice
# A title's first line when the title runs over two: "关于组织推荐2025年“科创中国”系列榜单" + "候选对象的通知".
TITLE_START = re.compile(r"^#*\s*关于")
TITLE_END = re.compile(r"(?:通知|公告|通告|函|说明)(?:[（(][^）)]{1,10}[）)])?$")
# An issuer named only in its own body: "中国微纳制造学会（以下简称“我会”）…".
# A service guide's labelled block: "实施主体" on its line, the organisation on the next.
LABELLED_BLOCK = re.compile(rf"^(?:实施主体|实施机关|办理机构|发布单位|发文单位)\s*[:：]?\s*\n\s*({ORG})\s*$", re.M)
# "无锡市科协作为“科创中国”试点城市推荐渠道组织全市申报": a unit saying which channel it acts as.
# (Also "X作为全国学会，是本次榜单的推荐单位": what it acts as, then the channel it is.)
ACTING_AS = re.compile(rf"(?:^|[，,。；;：:\s])([{CJK}]{{2,30}}?(?:协会|学会|科协|大学|学院|研究院|委员会|集团|中心|局|高新区|开发区|园区|管委会))"
                       rf"作为[^。；;]{{2,30}}?(?:推荐(?:渠道|单位)|试点(?:城市|园区|单位))",
                       re.M)
# A report's or minutes' first actor: "宁川市科协在市科技会堂召开…部署会".
HELD_MEETING = re.compile(rf"(?:^|[，,。；;：:\s]|下午|上午)([{CJK}]{{2,30}}?(?:协会|学会|科协|大学|学院|研究院|委员会|集团|局))"
                          rf"(?:在[^，,。]{{0,20}})?(?:召开|举办|组织召开|举行)[^，,。]{{0,40}}?(?:部署会|工作会|推进会|宣讲会|培训会|动员会)", re.M)
# A letterhead of an organisation and a system or office beside it: "中国智能传感学会 会员服务系统",
# "东屿大学 科学技术研究院 × 技术转移中心".
# The organisation whose official account published a post ("澄川市科协微信公众号", "XX学会官方微博").
ACCOUNT = re.compile(rf"({ORG})(?:官方)?(?:微信)?(?:公众号|服务号|视频号|微博)")
LETTERHEAD_BESIDE = re.compile(rf"^({ORG})\s+\S")
SELF_NAMED = re.compile(rf"({ORG})\s*[（(]\s*以下简称\s*[“\"「]?(?:我|本)[会校院所局厅办处]")


class IssuerSource(StrEnum):
    """Where a notice's issuer was read; the first four are the notice signing itself."""

    TITLE = "标题"  # "X关于…的通知"
    LETTERHEAD = "版头"  # "X文件" or an organisation alone above the title
    SIGN_OFF = "落款"
    LABELLED = "标注的发布单位"  # "发布单位：X"
    MANIFEST = "corpus/manifest.yaml"  # set by staff
    DECLARED = "正文中反复使用的自称"  # "X（以下简称“Y”）" and Y used throughout
    ORGANISER = "主办单位"
    BYLINE = "文章署名"
    SELF_NAMED = "正文自称"  # "X（以下简称“我会”）"
    NONE = "未找到"


SIGNED = {IssuerSource.TITLE, IssuerSource.LETTERHEAD, IssuerSource.SIGN_OFF, IssuerSource.LABELLED,
          IssuerSource.MANIFEST, IssuerSource.BYLINE}
UNSIGNED_LABELS = {NoticeKind.FORWARDING: "学会转发通知（未署名）", NoticeKind.INTERNAL: "单位内部通知（未署名）"}
ORGANISER_LINE = re.compile(r"(?:主办单位|承办单位|协办单位|联合发文单位|发文单位)\s*[:：]\s*([^\n]{2,120})")


@dataclass(kw_only=True)
class Identity:
    """What a notice is, as read from its text (or set in the manifest), each part with where it was read."""

    title: str = ""
    issuer: str = ""  # "" when neither the notice nor the manifest names one
    issuer_source: IssuerSource = IssuerSource.NONE
    kind: NoticeKind = NoticeKind.ORIGINAL
    year: int | None = None
    year_source: str = ""  # "标题中的“2023”", "文号 …", "发布时间 …", "corpus/manifest.yaml"
    date: str = ""  # as the notice writes it
    date_source: str = ""  # "落款", "发布时间", "文章署名"
    doc_number: str = ""
    parent_doc_number: str = ""  # the number of the call a forwarding notice passes on
    organisers: list[str] = field(default_factory=list)  # every organisation a joint or organised call names
    campaign: str = ""  # 科创中国系列榜单, or a stand-alone list's own call
    audience: str = ""  # 各学会…, 各学院…
    aliases: list[str] = field(default_factory=list)  # short names the notice declares for its issuer
    signer: str = ""  # who signs for the issuer, as the sign-off writes it ("秘书长　罗静怡")

    def __post_init__(self) -> None:  # read back from JSON, kinds come as strings
        self.kind = NoticeKind(self.kind)
        self.issuer_source = IssuerSource(self.issuer_source)

    @property
    def signed(self) -> bool:
        """The notice names its issuer itself (title, letterhead, sign-off, a labelled field)."""
        return bool(self.issuer) and self.issuer_source in SIGNED

    @property
    def issuer_label(self) -> str:
        """The issuer, or what kind of unsigned notice it is."""
        return self.issuer or UNSIGNED_LABELS.get(self.kind, "发文单位未识别")

    def identity(self) -> Identity:
        return Identity(**{f.name: getattr(self, f.name) for f in fields(Identity)})


META_LINE = re.compile(rf"^>?\s*[{CJK}]{{2,6}}\s*[:：]")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# A web page's title line: the article's title, then the site it is on ("关于…的通知-江城理工大学科学技术研究院").
# (The site may add when it was posted: "…通知 | 青梧湾科技园管理委员会科技创新局 发布时间：2079-10-11".)
PAGE_TITLE = re.compile(rf"^(关于.{{2,80}}?(?:通知|公告|通告|函))\s*[-–—_|｜]\s*({ORG})(?:\s+(?:发布|发文)?(?:时间|日期)[：:]\s*[\d年月日./-]+(?:\s+\d{1,2}:\d{2})?)?$")


def _joined_titles(head: list[str]) -> list[str]:
    """The head's lines, a title broken over two lines joined back, Markdown heading marks dropped."""
    out: list[str] = []
    skip = False
    for i, line in enumerate(head):
        if skip:
            skip = False
            continue
        line = re.sub(r"^(?:#+\s*|[━─═—_=~·\s]{3,})", "", line)  # heading marks, a rule drawn above the title
        if page := PAGE_TITLE.match(line):  # the site's name is no part of the title
            line = page.group(1)
        elif TITLE_START.match(line) and not TITLE_END.search(line) and i + 1 < len(head) and TITLE_END.search(head[i + 1]):
            line, skip = line + head[i + 1], True
        out.append(line)
    return out


ROUND_TITLE = re.compile(r"^20\d{2}\s*年?\s*度?[“\"「]?科创中国")


def _row(line: str) -> bool:
    """A table's row, not a line of prose: three cells or more."""
    return len([c for c in row_cells(line) if c]) >= 3


PERSON_LABEL = re.compile(r"^[^：:]{0,4}(?:负责人|联系人|导出人|经办人|发起人|提问人|作者)[：:]")
ORG_LED_REST = 8  # what may follow the organisation leading a system's or a file's name: "工作日历", "咨询工单系统"


def _org_led(line: str) -> str:
    """The organisation a system's, an export's or a bulletin's name leads with ("陕西省…学会秘书处工作日历",
    "之江科技社团服务中心 · 咨询工单系统 · 数据导出", "中国功能涂层学会《会员通讯》2049年第10期…"), or ""."""
    if PERSON_LABEL.match(line):
        return ""
    segments = re.split(r"\s*[·•|｜]\s*|\s+[-–—_]\s+", re.sub(r"^[^：:]{1,6}[：:]", "", line).strip())
    # (Or a page title's site, last: "2053年…常见问题 - 中国感知与测控学会".)
    for part in (segments[0], segments[-1]):
        if "关于" in part or GENERIC_ORG.match(part):
            continue
        org = next((part[:end] for end in range(len(part), 3, -1) if (len(part) - end <= ORG_LED_REST or part[end] == "《")
                    and re.fullmatch(ORG, part[:end]) and part[:end].count("（") == part[:end].count("）")), "")
        if org:
            return org
    return ""


def _unbracketed(line: str) -> str:
    return b.group(1) if (b := BRACKETED.match(line)) else line


# A line that only labels what follows as the document cited ("📢 依据", "政策依据："): the line after it
# is another's title, not this one's.
CITING_LABEL = re.compile(r"^\W*(?:依据|根据|政策依据|文件依据|参照|原文)\s*[:：]?\s*$")


def _uncited(lines: list[str]) -> list[str]:
    return [line for i, line in enumerate(lines) if not (i and CITING_LABEL.match(lines[i - 1]))]


def _title(head: list[str], longer: list[str]) -> str:
    """The title: a "关于…的通知" line among the first lines (a page's metadata block may come before
    it), else a line naming a notice, else the first line that is not an audience or an organisation;
    never the title a labelled citation gives ("📢 依据" over the call's title)."""
    head = _uncited([SUBJECT.sub("", line) for line in _joined_titles(head)])
    longer = _uncited([SUBJECT.sub("", line) for line in _joined_titles(longer)])
    title = next((line for line in longer if re.search(r"关于.{2,80}(?:通知|公告|通告|函|说明|提醒|安排|指南|方案|纪要|请示|报告|批复|细则)"
                                                       r"(?:[（(][^）)]{1,10}[）)])?$", line)
                  and not re.search(r"[。；;]", line)), "")
    # (Not a page's metadata line, "所属空间：… / 申报通知"; nor a line that cites another's title, "通报了《…通知》".)
    title = title or next((line for line in head if "通知" in line and len(line) <= 90 and not re.search(r"[。；;]", line) and not _row(line)
                           and not META_LINE.match(line) and not re.search(r"《[^》]*通知》", line)), "")
    # A line that names the round and what the document is ("2039年“科创中国”系列榜单组织推荐工作台账"),
    # never a table's row: a row may name a step "转发科协通知".
    # (Its note in brackets may say more: "…校内申报跟踪表（内部工作用，请勿外传）".)
    title = title or next((line for line in head if ROUND_TITLE.search(line) and len(line) <= 60 and not _row(line)
                           and not re.search(r"[。；;，,：:]", re.sub(r"[（(][^（()）]*[）)]$", "", line))), "")
    if not title:
        # (Words, not an issue's number: "〔2027〕第9期".)
        title = next((line for line in head if len(line) >= 8 and len(re.findall(rf"[{CJK}]", line)) >= 6 and not AUDIENCE.match(line)
                      and not _row(line)
                      and not ORG_LINE.match(_unbracketed(line)) and not DATED_ORG_LINE.match(line)),
                     head[0] if head else "")
    return title


# A person signing for an organisation: the organisation, the office held, the name.
OFFICE = r"(?:常务副|副)?(?:秘书长|理事长|会长|主任|院长|所长|局长|主席|执行主任|部长|处长|科长)"
SIGNED_BY_OFFICER = re.compile(rf"^({ORG})\s*{OFFICE}\s*[{CJK}·]{{2,4}}$")
# A speech's speaker: the organisation, the offices held (party posts first), the name.
SPEAKER_LINE = re.compile(rf"^({ORG})\s*(?:(?:党组|党委)(?:书记|副书记|成员)[、，,]?\s*)*{OFFICE}\s+[{CJK}·]{{2,4}}"
                          r"(?:\s*[（(][^）)]{4,20}[）)])?$")  # (the speech's date in brackets after the name)
# An e-mail's signature: the sender's name, then the organisation and the office they hold.
SIGNATURE = re.compile(rf"^[{CJK}·]{{2,4}}\n({ORG})\s*{OFFICE}$", re.M)
# How a text calls its issuer ("学校以…身份推荐", "我会", "集团科协") and what such an issuer's name ends with.
SELF_KINDS = ((re.compile(r"我校|本校|学校|校内"), "大学|学院"), (re.compile(r"我会|本会|学会"), "学会|协会|研究会"),
              (re.compile(r"集团"), "集团|公司"))
NAMED_AT_LEAST = 2
VERB_PHRASE = re.compile(r"通过|经由|报送|推荐|申报|联系|咨询")  # "能通过学会报吗": what is done through a body, not its name
GENERIC_ORG = re.compile(r"[各请本我全该此其]|(?:省|市|县|区|国家)级|有关|相关|所属|下属|一流|重点|高水平")  # "省级学会", "各高校"


@dataclass(frozen=True)
class SignOff:
    """What a notice's sign-off says: the organisation above the date, who signs for it, the date."""

    org: str = ""
    signer: str = ""  # "秘书长　罗静怡", when a person signs with the office they hold
    date: str = ""


def _sign_off(lines: list[str]) -> SignOff:
    """The sign-off: a date line and the organisation line just above it, or a person signing for
    the organisation with the office they hold ("中国生物医药转化学会秘书长　罗静怡")."""
    # The body ends where the first attachment starts ("附件1" alone on its line).
    body_end = next((i for i, line in enumerate(lines) if re.fullmatch(r"附件\s*1?\s*[:：]?", line) and i > 3), len(lines))
    for i in range(body_end - 1, 0, -1):
        if (dated := DATED_ORG_LINE.match(lines[i])) is not None and i > len(lines) // 2:
            # ("澄江国际科创园管理委员会科技创新局2071年10月9日": an export that set the two lines as one)
            return SignOff(dated.group(1), "", lines[i][dated.end(1):].strip())
        if DATE_LINE.match(lines[i]):
            above = lines[i - 1]
            if ORG_LINE.match(above):
                return SignOff(above, "", lines[i])
            signed = SIGNED_BY_OFFICER.match(above)
            if signed:
                return SignOff(signed.group(1), above[signed.end(1):].strip(), lines[i])
            return SignOff(date=lines[i])
    return SignOff()


def _longest_org_ending(words: str) -> str:
    """The longest organisation name ending `words` (a sentence may lead up to it)."""
    return next((words[i:] for i in range(len(words)) if re.fullmatch(ORG, words[i:])
                 and not re.search(r"[，,。；;《》：:]", words[i:])), words)


def _organisers(text: str, title: str) -> list[str]:
    """The organisations an organised or joint call names: its organiser lines, or a title's "A、B关于"."""
    names: list[str] = []
    for m in ORGANISER_LINE.finditer(text):
        names += [x.strip() for x in re.split(r"[、，,；;/]|\s{2,}", m.group(1)) if re.fullmatch(ORG, x.strip())]
    joint = re.match(rf"^([{CJK}、]{{4,80}}?)关于", title)  # "A、B关于…的通知"
    if joint and "、" in joint.group(1):
        names += [x for x in joint.group(1).split("、") if re.fullmatch(ORG, x)]
    return list(dict.fromkeys(names))


def _most_named_self(text: str) -> str:
    """A text that calls its issuer "学校" (or "我会", "集团") and never signs: the organisation of that
    kind it names most often ("东江理工大学" in its forms' and units' names), when named at least twice."""
    for calls, ends in SELF_KINDS:
        if not calls.search(text):
            continue
        # Each name's every ending of four characters or more: "联系东江理工大学" also counts for 东江理工大学.
        names: Counter[str] = Counter()
        for m in re.finditer(rf"([{CJK}]{{2,8}})(?:{ends})", text):
            for start in range(m.start(), m.end(1) - 1):
                said = text[start : m.end()]
                if not GENERIC_ORG.match(said) and not QUANTIFIED.match(said) and not VERB_PHRASE.search(said):
                    names[text[start : m.end()]] += 1
        if names:
            # the most named, and the longest of those (not its shorter endings)
            name, count = max(names.items(), key=lambda kv: (kv[1], len(kv[0])))
            if count >= NAMED_AT_LEAST:
                return name
    return ""


CALL_TITLE = re.compile(r"中国科(?:学技术)?协(?:会)?办公厅关于[^。\n《》]{4,60}?通知")


def _cites_call(text: str, title: str) -> bool:
    """It names the call by its title and is not that call (a chat group's post passing it on, signed by no
    one): a notice passing the call on, not a call of its own."""
    return any(m.group(0) not in title for m in CALL_TITLE.finditer(text))


# A round named by its year ("2075年“科创中国”系列榜单", "2075年度科创中国榜单").
ROUND_NAMED = re.compile(r"(20\d{2})\s*年度?\s*[“\"「]?\s*科创中国")


def identify(text: str) -> Identity:
    lines = _lines(text)
    head = lines[:8]
    title = _title(head, lines[:16])
    doc_number = ""
    # A document number stands by the title, above or below it; the title may come after a calendar's
    # or an export's own lines, so look by the title as well as at the head.
    at = next((i for i, line in enumerate(lines[:16]) if title and title in line), 0)
    # (Not the number of the document a labelled citation gives: the two lines after "依据".)
    cited = {i + k for i, line in enumerate(lines[:16]) if CITING_LABEL.match(line) for k in (1, 2)}
    for n in [*range(len(head)), *range(max(0, at - 3), min(len(lines), at + 4))]:
        line = lines[n]
        m = DOC_NUMBER.search(line) if len(line) <= 30 and n not in cited else None
        if m:
            doc_number = m.group(0).replace(" ", "")
            break
    parent = ""
    ref = re.search(r"《([^》]{4,80}通知)》\s*[(（]?\s*(" + DOC_NUMBER.pattern + r")", text)
    if ref and ref.group(2).replace(" ", "") != doc_number:
        parent = ref.group(2).replace(" ", "")
    sign_off = _sign_off(lines)
    signed_by, signed_on = sign_off.org, sign_off.date
    issuer, issuer_source = "", IssuerSource.NONE
    header = "\n".join(lines[:16])
    forwarded = FORWARDED_SUBJECT.search(header)
    sender = SENDER.search(header) if forwarded else None
    m = re.match(rf"^([{CJK}“”\"]{{2,30}}?)关于", title)
    # (or "岭东省科协转发《…》": an organisation passing the call on names itself first)
    m = m or (re.match(rf"^({ORG})转发《", title) if "关于" not in title.split("转发")[0] else None)
    # (Only where the title names the call's issuer: the mail passes on a call it did not write.)
    if sender and m and ORIGINAL_ISSUER.match(m.group(1)) and re.fullmatch(ORG, sent_by := _longest_org_ending(sender.group(1))):
        issuer, issuer_source = sent_by, IssuerSource.LABELLED
    elif m:
        issuer, issuer_source = m.group(1), IssuerSource.TITLE
    # A title led by its organisation and the round: "东海理工大学2026年“科创中国”系列榜单申报宣讲会文字实录".
    m = None if issuer else re.match(rf"^({ORG})(?=\s*20\d{{2}}\s*年)", title)
    if m and "关于" not in m.group(1):
        issuer, issuer_source = m.group(1), IssuerSource.TITLE
    if not issuer:
        tops = [_unbracketed(line) for line in head[:3]]
        issuer = next((m.group(1) for line in tops if (m := ORG_LINE.match(line) or RED_HEADER.match(line)
                                                            or DATED_ORG_LINE.match(line) or ORG_OFFICE_LINE.match(line))
                       and line != title), "")
        # or the site a web page's title line names: the page's letterhead
        issuer = issuer or next((site.group(2) for line in head[:3] if (site := PAGE_TITLE.match(line))), "")
        # or the organisation a channel's or a group's name line brackets ("Channel: #kc (鹭洲市科协 · 榜单工作群)")
        issuer = issuer or next((m.group(1) for line in head[:3] if (m := BRACKETED_OWNER.search(line))), "")
        # or the one a round's heading line names after it ("2081年“科创中国”榜单 院内申报工作（衡川精密机械研究院）")
        issuer = issuer or next((m.group(1) for line in head[:3] if ROUND_NAMED.search(line) and (m := OWNER_AFTER.search(line))
                                 and not QUANTIFIED.match(m.group(1))), "")
        issuer_source = IssuerSource.LETTERHEAD
    labelled = LABELLED.search("\n".join(lines[:12]))
    source = SOURCE.search("\n".join(lines[:12]))
    labelled = labelled or LABELLED_BLOCK.search("\n".join(lines[:16]))
    if not issuer and labelled:
        # ("发布人：褚宏斌（集团科技创新部 / 集团科协秘书处）": a person, the organisation in brackets after the name)
        line_end = labelled.string.find("\n", labelled.start(1))
        value = labelled.string[labelled.start(1) : line_end if line_end >= 0 else None]
        # (Only of a person's label: "发布单位：中国科协（科学技术普及部）" names the organisation first.)
        person = re.match(rf"^[{CJK}]{{2,4}}[（(]\s*([^）)/／|｜、，,]{{2,30}})", value) if PERSON_PUBLISHED.match(labelled.group(0)) else None
        issuer, issuer_source = (person.group(1).strip() if person else labelled.group(1)), IssuerSource.LABELLED
    elif not issuer and source and not DEPARTMENT.match(source.group(1)):
        issuer, issuer_source = source.group(1), IssuerSource.LABELLED
    if not issuer:
        issuer = next((m.group(1) for m in DECLARED.finditer(text) if text.count(m.group(2)) > SELF_REFERENCES
                       and m.group(2) not in SELF_WORDS), "")
        issuer, issuer_source = (_longest_org_ending(issuer) if issuer else ""), IssuerSource.DECLARED
    if not issuer:
        issuer, issuer_source = signed_by, IssuerSource.SIGN_OFF
    # ("主办：中华储能技术协会 会员服务部", a meeting app's summary: the organisation, not its office after it)
    organiser = re.search(r"主办(?:单位|方)?\s*[:：]\s*([^\n，,；;]{2,40})", text)
    if not issuer and organiser:
        issuer, issuer_source = organiser.group(1).strip().split()[0], IssuerSource.ORGANISER
    byline = BYLINE.search("\n".join(lines[:6]))
    account = ACCOUNT.search("\n".join(lines[:3]))
    if not issuer and account:  # "澄川市科协微信公众号“澄川科协”…推送": the account's owner publishes it
        issuer, issuer_source = _longest_org_ending(account.group(1)), IssuerSource.BYLINE
    if not issuer and byline:
        issuer, issuer_source = byline.group(1) or byline.group(2), IssuerSource.BYLINE
    speaker = next((m for line in lines[:8] if (m := SPEAKER_LINE.match(line))), None)
    if not issuer and speaker:  # a speech's speaker under its title: "澄江省科协党组成员、副主席  温启航"
        issuer, issuer_source = speaker.group(1), IssuerSource.BYLINE
    if not issuer and head and (beside := LETTERHEAD_BESIDE.match(head[0])) and "关于" not in beside.group(1):
        issuer, issuer_source = beside.group(1), IssuerSource.LETTERHEAD
    self_named = SELF_NAMED.search(text) or ACTING_AS.search(text) or HELD_MEETING.search(text) or SIGNATURE.search(text)
    if not issuer and self_named and not QUANTIFIED.match(self_named.group(1)):
        issuer, issuer_source = _longest_org_ending(self_named.group(1)), IssuerSource.SELF_NAMED
    if not issuer:
        issuer, issuer_source = _most_named_self(text), IssuerSource.SELF_NAMED
    if not issuer:  # "日历：陕西省…学会秘书处工作日历", "之江科技社团服务中心 · 咨询工单系统 · 数据导出"
        issuer = next((org for line in [title, *head[:3]] if (org := _org_led(line))), "")
        issuer_source = IssuerSource.LETTERHEAD
    if issuer and QUANTIFIED.match(issuer):
        issuer = ""  # bodies counted, not one body: better none than "每个省级学会"
    if not issuer:
        issuer_source = IssuerSource.NONE

    year, source = None, ""
    m = re.search(r"(20\d{2})(?=\s*(?:年|[“\"「]|[" + CJK + r"]))", title)
    published = PUBLISHED.search("\n".join(lines[:10]))
    if m:
        year, source = int(m.group(1)), f"标题中的“{m.group(1)}”"
    elif doc_number:
        year, source = int(DOC_NUMBER.search(doc_number).group(1)), f"文号 {doc_number}"  # type: ignore[union-attr]
    elif published:
        year, source = int(published.group(1)), f"发布时间 {published.group(1)}-{published.group(2)}-{published.group(3)}"
    elif signed_on and (signed := parse_date(signed_on)) and signed[0]:
        year, source = signed[0], f"落款日期 {signed_on}"
    elif parent:  # a unit's notice implements the call it cites: that call's round
        year, source = int(DOC_NUMBER.search(parent).group(1)), f"所转发通知的文号 {parent}"  # type: ignore[union-attr]
    elif campaign_years := Counter(int(y) for y in ROUND_NAMED.findall(text)):
        # "2075年“科创中国”系列榜单": the round the body names, not its latest date (a final review next January)
        year = campaign_years.most_common(1)[0][0]
        source = f"正文中的“{year}年“科创中国”系列榜单”"
    else:
        # (a year written in characters too: a transcript's "科协办函创字二〇四五年一百一十七号")
        found = Counter(int(y) for y in re.findall(r"(20\d{2})\s*年", text))
        found.update(y for w in re.findall(rf"({CN_YEAR})\s*年", text) if (y := year_number(w)) and 2000 <= y < 2100)
        if found:
            year = max(found)  # the latest round the body's dates point to
            source = f"正文中的日期（最晚为{year}年）"
    date, date_source = signed_on, "落款" if signed_on else ""
    if not date and published:
        date, date_source = f"{published.group(1)}年{int(published.group(2))}月{int(published.group(3))}日", "发布时间"
    if not date and byline:
        date, date_source = f"{byline.group(3)}年{int(byline.group(4))}月{int(byline.group(5))}日", "文章署名"

    audience = next((m.group(1) for line in lines[1:8] if (m := AUDIENCE.match(line))), "")
    campaign = "科创中国系列榜单"
    standalone = re.search(rf"(?:20\d{{2}}\s*年?)?\s*[“\"「]?([{CJK}]{{2,12}}榜)(?:单)?[”\"」]?(?:征集|评选|遴选|申报)", title)
    if standalone and "科创中国" not in title and "系列" not in title:
        campaign = standalone.group(1)
    if ORIGINAL_ISSUER.match(issuer):
        kind = NoticeKind.ORIGINAL
    elif INTERNAL_AUDIENCE.search(audience) or re.search(r"校内|院内|所内", title) \
            or (not audience and OFFICE_ISSUER.search(issuer) and INTERNAL_AUDIENCE.search(text)):
        kind = NoticeKind.INTERNAL
    elif parent or forwarded or re.search(r"转发|推荐工作|组织推荐|组织申报", title) or (issuer and campaign == "科创中国系列榜单") \
            or _cites_call(text, title):
        # The series' calls are CAST's own; a city 科协 or a society "征集" for it is passing it on.
        kind = NoticeKind.FORWARDING
    else:
        kind = NoticeKind.ORIGINAL  # a call of its own (a stand-alone list's organisers)
    # Only the issuer's own short name: "东岭流体学会（以下简称“流体学会”）" names another organisation.
    own = [m.group(1) for m in DECLARED_SHORT.finditer(text)
           if issuer and (text[max(0, m.start() - len(issuer)) : m.start()].endswith(issuer)
                          or re.sub(r"(?:办公室|办公厅|秘书处)$", "", issuer) in text[max(0, m.start() - 30) : m.start()])]
    aliases = [a for a in dict.fromkeys(own) if a not in SELF_WORDS]
    aliases += [a for a in dict.fromkeys(ACRONYM.findall("\n".join(lines[:6]))) if a not in aliases]
    return Identity(title=title, issuer=issuer, issuer_source=issuer_source, kind=kind, year=year, year_source=source,
                    date=date, date_source=date_source, doc_number=doc_number, parent_doc_number=parent,
                    organisers=_organisers(text, title), campaign=campaign, audience=audience, aliases=aliases,
                    signer=sign_off.signer if issuer_source == IssuerSource.SIGN_OFF else "")
