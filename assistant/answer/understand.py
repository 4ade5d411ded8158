"""Question -> Query: year, list, field, person, intent; follow-ups inherit what they leave out."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache

import zhconv

from assistant.answer.message import ASKING_JI
from assistant.answer.pointer import PointedBy
from assistant.answer.profile import Profile
from assistant.answer.spelling import SoundIndex, fuzzy_find, sound
from assistant.ingest.dates import CN_DIGIT, SPOKEN_DIGITS
from assistant.ingest.facts.common import EMAIL, OWN_PLATFORM, PHONE
from assistant.ingest.facts.contacts import SURNAMES
from assistant.model import AnswerType, Intent, YearSource
from assistant.names import Catalogue, list_key, load_aliases, unquote, variants
from assistant.tokenizer import function_word, plain_words

RELATIVE_YEARS = {"今年": 0, "本年": 0, "本年度": 0, "今年度": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1}
# "2022年入选的…" qualifies who, it is not the round being asked about.
QUALIFIER_AFTER_YEAR = re.compile(r"^\s*(?:年度?)?\s*(?:入选|获奖|上榜|当选|评选出|获评|获得|成立|注册|以前|之前)"
                                  r"|^\s*年度?的[^，,。；;？?]{0,12}?(?:先锋人物|入选者|获奖者)")  # "2022年的技术经理人先锋人物": a listing
# "成立时间都在2016年以后", "注册于2019年": a year the clause says the asker was founded in.
FOUNDED_BEFORE_YEAR = re.compile(r"(?:成立|注册|创办|创立|设立|挂牌|出生|毕业)(?:时间|日期)?(?:都|均|是|为|于|在)*\s*$")
# "由谁初评", "谁来受理": asks which body or office; "由谁审定" asks who decides, which no contact answers.
BY_WHOM = r"(?:由谁|谁来|由?哪家(?:单位|机构)?|由哪个(?:单位|部门|机构))来?(?:负责|初评|评审|受理|联系|对接|组织|管)"
ATTRIBUTES = [
    ("email", re.compile(r"邮箱|邮件|e-?mail", re.I)),
    ("address", re.compile(r"地址|收件|邮寄|寄到|寄送|寄哪|寄往|寄给|往哪寄|(?:交|送|报送|提交|递交)(?:到|给|至)?(?:哪里|哪儿|哪(?![些几类种样项份])|什么地方|何处)")),  # (交哪些材料 asks which)
    ("body", re.compile(rf"机构|哪个单位|哪家|谁负责|哪个部门|(?:哪个|哪一个)(?:联合体|学会)|{BY_WHOM}|(?:由谁|谁来)组织评审|谁初评|谁评审")),
    ("phone", re.compile(r"电话|手机|联系方式|号码|座机")),
    ("person", re.compile(r"联系人|找谁|问谁|联系谁|对接人")),
]
# The answer type, first match wins: the more specific asks before the general ones.
ANSWER_TYPES: list[tuple[AnswerType, re.Pattern[str]]] = [
    # ("那封邮件里…最晚哪天": the mail the notice came in is where, not what is asked)
    (AnswerType.CONTACT, re.compile(r"电话|手机|座机|邮箱|(?<![封份])邮件(?![里中上说提写讲])|联系人|联系方式|怎么联系|如何联系|联系谁|找谁|找哪位|问谁|哪位老师|对接人|是谁的|谁(?:来|具体|专门)?负责|由谁")),
    # Why a call or a rule exists: its notice's purpose sentence ("为深入贯彻…，推进…").
    (AnswerType.PURPOSE, re.compile(r"为什么|为啥|为何|目的|出发点|初衷|用意|意义|干嘛|干啥|图啥|想通过.{0,8}(?:干|做|实现)")),
    # A question word says what is asked before a verb does: "几号前要送到学会联合体" asks a date.
    (AnswerType.PLACE, re.compile(r"寄哪|地址|哪(?:里|儿|个平台|个网站|个系统)|网址|网站")),
    (AnswerType.DATE, re.compile(r"几号|哪天|哪一天|什么时候|啥时候|何时|几月")),
    (AnswerType.PLACE, re.compile(r"寄到|寄往|邮寄|交到|送到|报送到|提交到|上传到|(?:发|报|传|递)到哪(?![些个天年月位])")),
    (AnswerType.DATE, re.compile(r"截止|截至|最晚|最迟|期限|日期|时间节点|多久|多长时间")),
    # "我们几个90后" counts the askers, it does not ask a number.
    (AnswerType.NUMBER, re.compile(ASKING_JI + r"(?:个|项|家|人|名|类|页|份|百字)|多少|上限|限多少|多少字|字数")),
    # (The topic word 名额 asks a number unless a yes/no ask does: "是不是也按区县分配名额".)
    (AnswerType.NUMBER, re.compile(r"^(?!.*(?:是不是|是否|要不要|能不能|能否|会不会|有没有|[吗吧][？?]?$)).*名额")),
    (AnswerType.PROCEDURE, re.compile(r"流程|程序|步骤|环节|之后|以后|后续|(?:什么|哪种|何种)(?:形式|方式)")),
    (AnswerType.NAMES, re.compile(r"哪些|哪几|有什么|包括|包含|都有|分为|哪类|什么领域|哪个领域|哪个榜|什么材料|哪些材料|栏目|内容")),
    (AnswerType.YESNO, re.compile(r"是不是|是否|要不要|需不需要|能不能|能否|可不可以|可以.{0,12}吗|可否|有没有|算不算|行不行|会不会|必须|[吗吧][？?]?$")),
    (AnswerType.PROCEDURE, re.compile(r"怎么|怎样|如何|然后")),
]


# A question about one's own situation ("今年还能报吗", "会不会被卡", "够不够").
ELIGIBILITY_ASK = re.compile(
    r"(?:能|可以|可否|能否|能不能)(?:再|拿去|去)?(?:报|申报|参评|参加|推荐)(?!几|多少|(?:[两二三四五六七八九十]|\d{1,2})(?:个|项|家|人|名))|"
    r"(?:报|申报)[^，,。？?]{0,16}(?:有问题吗|有没有问题|行吗|可以吗)|"
    r"(?:能|可以|可否|能否|能不能|还)[^，,。？?]{0,8}再(?:报|申报|推荐|参评)|符合|满足|够不够|够格|够条件|条件够|对得上|对口|(?:合适|适合)(?:吗|不|么)|会.{0,12}(?:被卡|卡住|影响申报|影响评选)|(?:有)?影响吗|影不影响|有没有影响|资格|有没有(?:限制|门槛)|是否允许|允许吗|允不允许"
)
# The words a notice states each kind of fact with: "能报吗" is answered by its 申报条件.
EXPANSION: dict[Intent, tuple[str, ...]] = {
    Intent.ELIGIBILITY: ("申报条件", "应符合以下条件"),
}
# Who may not apply: "哪些企业肯定报不了", "什么样的技术直接不收", "有没有一票否决的情况".
EXCLUSION_ASK = re.compile(r"报不了|不能报|不能申报|不可以报|不收|不受理|不予受理|一票否决|排除|不在[^，,。？?]{0,6}范围|"
                           r"(?:哪些|什么)(?:情况|情形)[^，,。？?]{0,4}不(?:能|可以|予)")
# "哪个联合体初评", "由谁评审": asks which organisation, a contact question whatever stage it names.
# "初评单位是哪家", "评审机构是谁": a review body named by its role and a which-word after it.
REVIEWER = r"(?:初评|初审|评审|终评|复评)(?:单位|机构|方(?![式法面案向]))"
BODY_ASK = re.compile(rf"(?:哪个|哪家|哪一家|什么)(?:联合体|学会|协会|机构|单位|部门)|{REVIEWER}[^，,。？?]{{0,4}}(?:哪家|哪一家|哪个|谁|什么(?!时))|谁(?:负责|初评|评审)|(?:初评|初审|评审|终评|复评)(?:是|归|由)(?:哪家|哪一家|谁)|(?:初评|评审|终评)(?:单位|机构)[^，,。？?]{{0,8}}(?:同一家|一样|换|变)|{BY_WHOM}")
FIELD_REFERRED = re.compile(r"(?:这个|该|此|这一|那个|那)领域")
FIELDS_ASKED = re.compile(r"(?:哪些|哪个|哪几个|什么|几个)[^，,。？?]{0,6}领域|(?:有没有|是否有|有无)[^，,。？?]{0,6}领域")
FIRST_PERSON = re.compile(r"我|咱|本人|本单位|本公司")
# A clause told of the asker's own unit ("公司有一些劳务派遣和实习生", "团队主要做储能"): the unit named bare,
# as one's own, then what it has or is.
OWN_UNIT = re.compile(r"^(?:公司|单位|企业|团队|学校|学院|所里|院里|项目组|课题组)(?:目前|现在|今年|去年|也|还|都)?"
                      r"(?:有|是|在|已|刚|没有|属于|成立|注册|主要)")
# "去年营收三千来万", "员工60来人": a quantity in a clause that does not ask is the asker's own.
ASKER_QUANTITY = re.compile(r"[\d一二两三四五六七八九十百千]+(?:来|多|余)?(?:万|亿|人|名|家|岁)")
CLAUSE = re.compile(r"[^，,；;。！!？?]+[，,；;。！!？?]?")


def asking_clauses(text: str) -> str:
    """The clauses with a question word, or the whole text when none has one."""
    from assistant.answer.message import QUESTION_WORDS

    asking = [c for c in CLAUSE.findall(text) if QUESTION_WORDS.search(c)]
    return "".join(asking) or text


SHORT_ASK = 6  # an asking clause this short, of no kind, asks of the clause before it ("登录密码忘了，怎么找回")


def asked_of(text: str) -> str:
    """What the clauses with a question word ask of: each with the clause before it when it is too short
    to name its own object and asks no kind of its own ("找谁" asks a contact); the asker's other
    statements left out ("换浏览器也不行，技术支持电话多少")."""
    from assistant.answer.message import QUESTION_WORDS

    parts = CLAUSE.findall(text)
    kept = {j for i, c in enumerate(parts) if QUESTION_WORDS.search(c)
            for j in ((i - 1, i) if i and len(c.strip("，,。？?！! ")) <= SHORT_ASK and detect_intent(c) == Intent.OTHER else (i,))}
    return "".join(parts[j] for j in sorted(kept)) or text


def ask_clauses(text: str, today: dt.date) -> str:
    """The clauses of a question sentence that ask ("今年能报新锐企业榜吗"), without the ones that
    say who the asker is or what they have ("我们公司前年在无锡注册，去年营收三千来万，…", "公司有一些实习生"): relevance
    and the reader weigh these. The whole text when no clause asks."""
    from assistant.answer.message import QUESTION_WORDS
    from assistant.answer.profile import read_profile

    clauses = [c for c in CLAUSE.findall(text) if c.strip()]
    if not any(QUESTION_WORDS.search(c) for c in clauses):
        return text
    kept = [c for c in clauses if QUESTION_WORDS.search(c)
            or not (FIRST_PERSON.search(c) or OWN_UNIT.match(c.strip()) or ASKER_QUANTITY.search(c) or read_profile(c, today)
                    or SUBMITTED.search(c))]  # ("今年材料在平台上交完以后，终评谁组织": a step the asker has done)
    asking = [i for i, c in enumerate(clauses) if QUESTION_WORDS.search(c)]
    if all(len(ASK_ONLY.sub("", BARE_ASK.sub("", QUESTION_WORDS.sub("", clauses[i])))) <= BARE_LEFT for i in asking):
        # "我们科技处要给促进会交推荐汇总表，最晚哪天": an ask of question words only asks of what the
        # asker says before it; that is its subject (not a purpose after it: "…，我们好提前订会场").
        before = asking[0] - 1  # the clause just before it
        return "".join(c for i, c in enumerate(clauses) if c in kept or i == before)
    return "".join(kept)


# What is left of an ask without its question words and fillers says whether it adds anything.
FILLER = re.compile(r"[\W_]|请问|要|是|呢|吗|吧|啊|呀|具体|到底|究竟|大概|一下|那|这|个|的|了")


def restates(q: Query, earlier: Query) -> bool:
    """"具体哪天公布？要几月几号": a later part asking the same kind of value and nothing else
    is the part before asked again."""
    pattern = next((p for kind, p in ANSWER_TYPES if kind == q.answer_type), None)
    if pattern is None or q.answer_type != earlier.answer_type or q.list_key or q.field_key or q.person:
        return False
    return len(FILLER.sub("", pattern.sub("", q.ask))) <= 1


# A sentence of ask words alone, naming nothing ("是什么？", "有哪些？", "怎么弄？").
BARE_ASK = re.compile(r"有?(?:什么|啥|哪|哪些|哪里|哪儿|多少|几|怎么|怎么办|怎么弄|如何|谁|为什么|咋办|咋弄)")
SAME_ASK_MAX = 6  # "一共几轮", "几点前": a sentence this short adds to the ask before it


def continues_ask(q: Query, earlier: Query) -> bool:
    """"平台上交完以后谁评？一共几轮？", "截止哪天？几点前？": a short second sentence of the same kind of
    ask, naming nothing of its own (no list, field, person, body, round or stage), is one ask with the
    sentence before it."""
    if BARE_ASK.fullmatch(FILLER.sub("", q.text)):
        return True  # "是什么？", "有哪些？": only the ask words, the subject is the sentence before's
    # (Not a value of its own, "大概各在几月", nor a contact: "联系人是谁" is answered for the subject carried.)
    # (A deadline's hour after its day, "最晚哪天？几点截止？", is the same value asked again.)
    same_deadline = q.intent == earlier.intent == Intent.DEADLINE and q.answer_type == earlier.answer_type == AnswerType.DATE
    if q.intent in (Intent.OTHER, Intent.CONTACT) or q.intent != earlier.intent or q.compare \
            or (q.answer_type != AnswerType.TEXT and not same_deadline):
        return False
    if q.list_key or q.field_key or q.person or q.body or q.years or q.phones or q.emails or q.notice_ids:
        return False
    said = FILLER.sub("", q.text)
    return len(said) <= SAME_ASK_MAX and not (REVIEW_STEP.search(said) and REVIEW_STEP.findall(said) != REVIEW_STEP.findall(earlier.text))


# The value of each of several items: "后面几项又各限多少字", "每一栏分别多少字".
SEVERAL = re.compile(r"各(?:限|是|要)|分别|每(?:一)?(?:项|栏|段|部分)|那几|这几|几大段|几段|后面几|其余|其他几")
# A later part asking the same of the rest ("后面那几大段的呢", "其他几项呢"): the part before, for each item.
REST_OF = re.compile(r"^(?:那|那么|还有)?(?:后面|其余|其他|剩下|别的)(?:的)?(?:那)?(?:几|些)?[^，,。？?]{0,6}?(?:的)?呢?[？?。]*$")


def in_notice_words(text: str, names: Catalogue) -> str:
    """The ask with the words users write for what notices say otherwise ("公布" -> "发布",
    "盖章" -> "公章"), from the alias file's `words`; a word some notice writes is kept."""
    for variant, word in variants("words"):
        if variant in text and variant not in names.written:
            text = text.replace(variant, word)
    return text


def answer_type(text: str) -> AnswerType:
    """What the question asks for, read from its ask words."""
    return next((kind for kind, pattern in ANSWER_TYPES if pattern.search(text)), AnswerType.TEXT)


# "同事说平台11月20号就关了，真的假的", "每个领域能推3个，对吗": a value the asker heard, asked to be
# checked, is asked as its question ("平台几月几号关", "能推几个"): the answer gives the right value.
VERIFIED = re.compile(r"真的假的|真假|是真的吗|对吗|对不对|没错吧|没记错吧|是这样吗|确认一下|核实一下|核对一下|"
                      r"没问题吧|没问题吗|有问题吗|行吧|行吗|可以吧|"
                      r"(?:算不算|会不会|是不是|有没有|是否)超|超(?:了|出)?(?:吗|没|名额|额)|超不超|超没超")  # "这么报没问题吧": a plan checked
STATED_VALUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]"), "几月几号"),
    (re.compile(r"(?<![\d月])\d{1,2}\s*[日号](?!\d)"), "几号"),
    (re.compile(r"(?<![\d-])\d{1,3}\s*(个|项|家|人|名|字)"), r"几\1"),
]


def as_asked(text: str) -> tuple[str, str]:
    """A checked value's question: the text with the first value stated before the check as a
    question word (what is asked), and that question word ("" when nothing is checked): what is
    searched leaves it out, the answer need not hold the value heard."""
    check = VERIFIED.search(text)
    if not check:
        return text, ""
    head = text[: check.start()]
    for value, question in STATED_VALUES:
        if m := value.search(head):
            word = m.expand(question)
            return head[: m.start()] + word + head[m.end() :] + text[check.start() :], word
    return text, ""


# A number told before, checked ("是不是换号了", "还是这个号吗"): whose it is, in the round asked.
NUMBER_CHECK = re.compile(r"换(?:了)?号|换(?:了)?人|改号|还是这个(?:号|电话|手机|邮箱)|(?:号码|电话|手机|座机|邮箱)(?:变|改|换)")
# The first round, named by being the first ("第一次搞先导技术榜单那回", "首届", "头一回评").
FIRST_ROUND = re.compile(r"第一次|首次|第一届|首届|第一轮|头一回|头一次|最早(?:那|的)(?:次|回|届|轮)")
# A count the asker puts forward ("再报一个", "各推了3项", "已经推荐了两家") and asks about.
PUT_FORWARD = re.compile(r"(?:报|推|推荐|申报|提交|交)(?:了|上|满|够|完)?了?\s*(?:[0-9０-９]+|[一两二三四五六七八九十])\s*(?:个|项|家|人|名|份)")
YES_NO_END = re.compile(r"(?:吗|行不行|可以不|能不能|可不可以|行吗|可以吗|成吗)[？?。!！]*$")
OVER_QUOTA = re.compile(r"超额|超了|超出|超过名额|超标|多报|多推")
ONE_MORE = re.compile(r"再(?:报|推|推荐|加|多报|多推|申报)|(?:还能|能不能|可不可以|可以)(?:再)?(?:加|添|增加|多报|多推)")
# After a count told: what rule held it, or another way ("当时是有什么规定吗", "还有别的办法吗").
RULE_OR_WAY = re.compile(r"(?:什么|啥|哪些)(?:规定|限制|要求)|(?:别的|其他|其它)(?:办法|渠道|途径)")
# "20年还是21年来着": the asker does not remember which of the years it was.
YEARS_UNSURE = re.compile(r"20\d{2}年?(?:还是|或者?|或是)20\d{2}年?")
# Asking whose something is ("是哪位老师", "哪个单位的", "谁的", "哪个榜的联系人？叫什么").
# "今年打这个还对吗", "这个号码还能用吗": the number told before, asked whether it still holds.
NUMBER_REFERRED = re.compile(r"(?:这个|那个)(?:号码?|电话|手机|座机|邮箱)?(?:还|仍|也|现在)?(?:对|能打|能用|有效|可以|行|是|在用|管用)")
WHOSE_ASK = re.compile(r"是谁|哪位|谁的|叫什么|叫啥|(?:哪个|哪家|什么)(?:单位|机构|部门|榜|领域)")
# The call now open, named by being this one ("这次想报…", "本轮"), not by a year.
THIS_ROUND = re.compile(r"这次|这一次|本次|这回|这一回|本轮|这一轮|本届|这一届|这届")
# What a person handles ("胡志强老师负责哪些榜单", "她管哪个领域").
OWNER_ASK = re.compile(r"(?:负责|(?<!主)管)(?![理人的辖])[^，,。？?]{0,8}?(?:哪|什么|啥)|(?:哪[个些几]|哪几个|什么)(?:榜|领域)|是(?:哪|什么)(?:个)?(?:单位|机构)的")

PERSON_ADDRESSED = re.compile(r"[\u4e00-\u9fff]{2,3}(?:老师|主任|处长|部长|秘书长|同志|女士|先生)")
QUOTED = re.compile(r"[“\"「『‘]([^”\"」』‘’]{2,20})[”\"」』’]")  # (‘’: a quote inside a quoted message)
FOLLOW_UP = re.compile(r"^(?:那|那么|还有|另外|再问|他|她|其|该|这个|同样)|呢[？?。.!！]*$")


@dataclass(frozen=True)
class ListAsk:
    """What a part asks of one of the several lists it names: its own clauses ("先导榜每个领域的名额、
    新锐榜的名额，今年跟去年比有变化吗" -> "新锐榜的名额"), with those naming no list when its own ask no
    kind of answer."""

    list_key: str
    mention: str
    text: str
    answer_type: AnswerType


@dataclass
class Query:
    text: str
    years: list[int] = field(default_factory=list)
    year_source: YearSource = YearSource.NONE
    list_key: str | None = None
    list_mention: str = ""
    field_key: str | None = None
    field_mention: str = ""
    # The field what the asker works on falls in, when the field is what they ask ("做污水处理的，该选哪个
    # 领域"): (key, their words).
    story_field: tuple[str, str] | None = None
    person: str | None = None
    body: str | None = None  # a review body or office named in the question
    other_lists: list[tuple[str, str]] = field(default_factory=list)  # (key, mention) of further lists named
    intent: Intent = Intent.OTHER
    attribute: str | None = None
    compare: bool = False
    excluding: bool = False  # asks who or what may not apply (the conditions that exclude)
    inherited: list[str] = field(default_factory=list)
    readings: list[tuple[str, str]] = field(default_factory=list)  # (as written, the name read) for typos
    quoted: list[str] = field(default_factory=list)  # the words the question puts in quotation marks
    profile: Profile = field(default_factory=Profile)  # what the asker says about themselves
    notice_ids: list[str] = field(default_factory=list)  # the notices the question points at (pointer.py)
    notice_mention: str = ""  # how it named them ("江北省电子学会", "学校的通知")
    notice_kind_named: bool = False  # named by their kind ("学会转的那个通知"): words of where to read, not of what
    notice_by: PointedBy = PointedBy.NONE  # how the question itself pointed at them
    answer_type: AnswerType = AnswerType.TEXT  # what a sentence must hold to answer it
    ask: str = ""  # the clauses that ask, without what the asker says of themselves
    asking: str = ""  # what the clauses with a question word ask of ("换浏览器也不行，技术支持电话多少": the phone)
    expansion: str = ""  # words of what is asked that passages say it with (the intent's own words)
    phones: list[str] = field(default_factory=list)  # phone numbers in the question, digits only
    phone_tail: str = ""  # the last digits of a number ("尾号四六八七" -> "4687")
    place: str = ""  # an address written in the question ("气象路9号")
    name_asked: bool = False  # the name a list went by ("融通榜21年那会儿叫啥"): rules/lists.py answers it
    first_round: bool = False  # "第一次搞先导榜那回": the earliest round, whatever year the asker remembers
    years_unsure: bool = False  # "20年还是21年来着": one of the years named, the asker is not sure which
    current_round: bool = False  # "这次", "本轮": the call now open (no year named): the latest round, never an older one
    story_years: list[int] = field(default_factory=list)  # "21年榜单线上报完了": the round of a step the asker told of
    emails: list[str] = field(default_factory=list)  # e-mail addresses in the question
    by_list: list[ListAsk] = field(default_factory=list)  # each list named, when several are
    own_step: bool = False  # asks about a unit's own step: its members, secretariat, internal deadline
    platform_side: bool = False  # names the call's side (its platform, CAST, both dates): see PLATFORM_SIDE
    several: bool = False  # asks the value of each of several items ("后面几项各限多少字")
    story: str = ""  # the asker's statements around the ask ("转到园区纳税才8个月"), as written
    addressee: str = ""  # whom the message is written to ("龚老师好！…"): their contact block first

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def words(self) -> str:
        """The question without the names it uses ("江北省电子学会" is a name, not 学会's own step)."""
        text = self.text
        for name in (self.list_mention, *self.notice_names):
            text = text.replace(name, " ") if name else text
        return text

    @property
    def notice_names(self) -> list[str]:
        """Each name of the notices it points at (one mention may name several: "东屿大学、云溪科学城")."""
        return [name for name in self.notice_mention.split("、") if name]

    @property
    def count_measure(self) -> str:
        """The measure a count is asked in ("往上报多少项", "报几家": 项, 家), "" when none: "5个领域" is no count of 项."""
        return _measure(self.ask or self.text)

    @property
    def carried(self) -> str:
        """The list and field a part took from the part or turn before ("联系人电话多少" after "先导榜
        产业基础专项…"): its subject, which its own words do not say."""
        told = [("list", self.list_mention), ("field", self.field_mention), *(("quoted", t) for t in self.quoted)]
        return " ".join(m for kind, m in told if kind in self.inherited and m and m not in self.text)

    @property
    def asks_of_told(self) -> bool:
        """"【转自工作群】“…”——这个口径现在还有效吗": the ask is about what the message passed on."""
        return bool(self.story) and bool(POINTS_TO_TOLD.search(self.ask or self.text))

    @property
    def asks_to_apply(self) -> bool:
        """"我们单位是学会会员，会费还没交…能通过学会报概念验证中心榜吗": whether the asker, having told their
        case, may apply to the list named (an eligibility ask the rules could not take up)."""
        return bool(self.story) and self.answer_type == AnswerType.YESNO and bool(self.list_key) \
            and bool(APPLYING.search(self.ask or self.text))

    @property
    def speaks_for(self) -> str:
        """The part of a recommending unit the asker speaks for ("我们学院", "我们单位是学会单位会员"), if any."""
        m = ASKER_PARTY.search(f"{self.story} {self.text}")
        return m.group(1) if m else ""

    @property
    def asker(self) -> str:
        """Who the asker says they are ("我们是澜江省下面一个州科协"): which of a notice's routes is theirs."""
        return " ".join(m.group(0) for m in SAYS_WHO.finditer(f"{self.story} {self.text}"))

    @property
    def after_submitting(self) -> bool:
        """"交完以后是什么流程", "材料都交齐了。之后怎么走": the steps after the one the asker says they have
        done (in the ask or in what they said before it)."""
        told = f"{self.story} {self.text}"  # ("已经在平台上提交了。想了解后面的流程：谁来评、分几轮？")
        return bool(AFTER_ASKED.search(told) and SUBMITTED.search(told))

    @property
    def search_text(self) -> str:
        """What retrieval searches with: the question, the subject it carries, and the words its ask is
        written with in notices (and what was passed on, when that is what it asks about)."""
        told = self.story if self.asks_of_told else ""
        return f"{self.text} {self.carried} {self.expansion} {told}".strip()


# "我是…科研处的陈晓", "我们是澜江省下面一个州科协": who the asker says they are.
SAYS_WHO = re.compile(r"(?:我|我们|本人|我院|我校|我单位)(?:是|系|来自|在)[^，,。；;！!？?]{0,24}")


# Cantonese function words as Mandarin writes them ("可唔可以", "我嘅公司喺深圳註冊"): a Hong Kong or Macao
# asker's question read by the same patterns. Only words with no other reading (係 as 是, not 關係's or 係數's).
CANTONESE = {"係": "是", "唔": "不", "冇": "没有", "喺": "在", "嘅": "的", "咗": "了", "佢哋": "他们", "佢": "他", "乜嘢": "什么",
             "點樣": "怎样", "幾時": "什么时候", "邊個": "谁", "邊度": "哪里", "啲": "些", "嗰": "那"}
CANTONESE_WORD = re.compile("|".join(sorted(CANTONESE, key=len, reverse=True)).replace("係", "(?<![關关聯联])係(?!數)"))


def normalize_question(text: str) -> str:
    """NFKC (full-width digits), Cantonese function words and traditional characters as Mandarin and
    simplified Chinese, printable characters only."""
    text = unicodedata.normalize("NFKC", text or "")
    text = CANTONESE_WORD.sub(lambda m: CANTONESE[m.group(0)], text)
    text = zhconv.convert(text, "zh-cn")
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    return re.sub(r"\s+", " ", text).strip()


def _find_alias(text: str, group: str) -> tuple[str | None, str]:
    best: tuple[str | None, str] = (None, "")
    for key, names in load_aliases()[group].items():
        for v in [key, *names]:
            if v and v in text and len(v) > len(best[1]):
                best = (key, v)
    return best


CN_YEAR = re.compile(r"([二][〇零○一二三四五六七八九]{3})(?=年)")
# A count asked in its measure ("往上报多少项", "限几个字").
COUNT_MEASURE = re.compile(r"(?:多少|几)\s*([项家人名类字页份])")


@lru_cache(maxsize=256)
def _measure(ask: str) -> str:
    """(Asked of every unit a question's answer reads: once per wording.)"""
    m = COUNT_MEASURE.search(ask)
    return m.group(1) if m else ""
# "21年", "23年度": a round year written short; not "不超过10年", "工作8年了", "成立15年".
# ("做了22年" is a span of years; "到了22年" is a round.)
SHORT_YEAR = re.compile(r"(?<![\d.])(?<!超过)(?<!满)(?<!近)(?<!约)(?<!(?<!到)了)(?<!工作)(?<!从业)(?<!成立)(?<!经营)(?<!已)(\d{2})(?=年度?(?!以上|以内|左右|多|来(?!着)|之内|内|后|前|间))")
# A year followed in its clause by what happened to the asker then ("2012年3月在苏州注册的",
# "2021年上过…榜", "2022年…的入选者") describes the asker, not the round asked about.
PROFILE_VERB = re.compile(
    r"^\s*年度?(?:\d{1,2}月(?:\d{1,2}日)?)?[^，。；？！,;?!]{0,12}?"
    r"(?:成立(?!年限|时间|日期)|注册(?!时间|地|资本)|组建|创办|创立|挂牌|揭牌|设立|建立|开业|投产|上市|出过|发生过?|入选|上过|上榜|获评|获奖|当选|评选出|获得|上线(?!上)|投运|投入运行|建成|落地|批设|入职|毕业|(?:开始|起)(?:专职|全职|兼职|从事|做|干|担任|负责|在)|"
    r"入会|入的会|加入|搬进|搬到|搬入|迁入|迁到|入驻|入园|进驻|备案|签约|签的|取得|考取|认定)"
)


SHORT_YEARS_BACK, SHORT_YEARS_AHEAD = 8, 5  # the rounds a year written short can mean, around today's
MONTH_AFTER = re.compile(r"年(?:1[0-2]|0?[1-9])月")


def normalize_years(text: str, today: dt.date) -> str:
    """二〇二三年 -> 2023年; 21年 / 23年度 -> 2021年 / 2023年度: a year written short is a round's near
    today (on 2078-10-20, "78年" is 2078) or one of the series' early rounds (2015-2039); other two
    digits are no year ("50年的老企业")."""
    text = CN_YEAR.sub(lambda m: "".join(str(CN_DIGIT[c]) for c in m.group(1)), text)

    def year(m: re.Match[str]) -> str:
        full = today.year // 100 * 100 + int(m.group(1))
        if full > today.year + SHORT_YEARS_AHEAD:
            full -= 100  # ("99年" asked in 2101)
        if today.year - SHORT_YEARS_BACK <= full <= today.year + SHORT_YEARS_AHEAD:
            return str(full)
        if MONTH_AFTER.match(m.string, m.end()):
            return str(full)  # "76年12月在园区注册的": a date told, however long ago
        return f"20{m.group(1)}" if 15 <= int(m.group(1)) <= 39 else m.group(1)  # (the series' early rounds, from 2020)

    return SHORT_YEAR.sub(year, text)


# A question about what changed between rounds.
CHANGE_ASK = re.compile(r"变化|变了|变成|变为|改了|改成|改为|改名|区别|不同|对比|比较|相比|(?:跟|和|与).{0,8}比|新增|新设|多了|多出|少了|不设了|不再设|取消了|去掉了|砍掉了|没有了|没了|不见了|保留(?:了|下来)|以前|原来|现在叫|换人|换了|换(?:成)?(?:平台|网址|网站|系统|联系人|号)|"
                        r"(?:跟|和|与|同)[^，,。？?]{0,12}(?:一样|同一|相同|一致)|(?:什么|啥|哪些|哪里|哪儿)不(?:一样|同)")
# "网址跟21年是同一个吗", "和2021年比变了没": one round named and compared, the other being this one.
ONE_YEAR_COMPARED = re.compile(r"(?:跟|和|与|同|比)\s*20\d{2}年?(?:的|那会|那次|那年)?[^，,。？?]{0,12}(?:一样|同一|相同|一致|变|区别|不同|比)")


_RELATIVE = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))
RELATIVE_PAIR = re.compile(rf"(?:{_RELATIVE})(?:和|与|跟|及|、|还是)(?:{_RELATIVE})")
# "2021年和今年", "今年跟21年": a year written out and a relative one, joined.
MIXED_PAIR = re.compile(rf"20\d{{2}}年?(?:的)?(?:和|与|跟|及|、|还是|比)(?:{_RELATIVE})|(?:{_RELATIVE})的?(?:和|与|跟|及|、|还是|比)20\d{{2}}")
# "21年的产学研融通组织榜今年还有吗": what a round had, asked of this one.
YEAR_THEN_NOW = re.compile(rf"(?:20\d{{2}}年?|{_RELATIVE})的[^，,。？?]{{2,16}}(?:{_RELATIVE})(?:还有|还在|还设|还叫|还是|也有|有没有)")
# "2020年用的网站，跟今年的是同一个吗": a round named, then compared with a relative one.
RELATIVE_COMPARED = re.compile(rf"(?:跟|和|与|同|比)(?:{_RELATIVE})[^，,。？?]{{0,14}}(?:比|一样|同一|相同|不同|区别|变)|"
                               rf"比(?:{_RELATIVE})[^，,。？?]{{0,4}}?(?:多|少|早|晚|提前|推迟|延后)")


CLAUSE_END = re.compile(r"[，。；？！,;?!\n]")
# (and an A-not-A ask: "能不能原样照搬过去", "要不要寄")
CLAUSE_ASKS = re.compile(r"[吗呢么？?谁]|是否|能否|可否|有没有|没有|了没|哪|" + ASKING_JI + r"|多少|什么|啥|怎么|如何|是不是|([\u4e00-\u9fff])不\1")
# What the asker did or measured: "2024年和导师开了家公司", "去年研发投入150万左右".
# The perfective particles, not 通过/了解, nor a courtesy's ("麻烦了", "辛苦了", "打扰了").
DONE = re.compile(r"(?<!麻烦)(?<!辛苦)(?<!打扰)(?<!多谢)(?<!除)(?<!为)了(?!解)|(?<![通经超不越难度路错])过")
MEASURED = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:多|来|余)?\s*(?:万|亿|千|百)?(?:元|块)?(?:左右)?"
                      r"(?:$|[，。；,;])|\d+\s*%")


# "当年的邮寄地址": the ask points back at the year of the story.
REFERS_BACK = re.compile(r"当年|那年|那一年|当时|那届|那一届|那次|那一轮")
# "按更名那年算": the year of the asker's own event, a figure for the ask, not a round pointed back at
# ("改名那年的截止日期" points back at that round).
EVENT_YEAR = re.compile(r"(?:按|以|从)(?:成立|注册|更名|改名|改制|创办|创立|毕业|入职|上市|挂牌)(?:的)?(?:那年|当年|那一年)(?:算|计|起)")
# A count asked or told ("能推几个", "名额", "还能再推一个吗"): a quota's question, not whether one may apply.
COUNT_ASKED = re.compile(r"几|多少|上限|名额|不超过|限报|最多|[一二两三四五六七八九十\d]\s*(?:个|项|家|人|名|位)")
CARRIES_QUOTE = 16  # a later part this short, naming nothing, is still about the item quoted before
# "今年换人了吗？新的那位电话多少": of the rounds compared before, the later one's.
REFERS_TO_NEW = re.compile(r"新的|新换|新来|换来的|现在的|现任|目前的|如今的")
# The call's side asked ("学会截止和平台截止分别是哪天"): the platform's, CAST's or every list's deadline;
# not a unit's own platform ("园区企业服务平台"), nor the platform as where a step is done ("院里在平台把推荐做完").
PLATFORM_SIDE = re.compile(r"(?<!在)平台|中国科协|全国|分别|两个(?:时间|日期|截止)|最终截止|总截止|(?:哪个|以哪个)为准")


def asks_platform_side(text: str) -> bool:
    return bool(PLATFORM_SIDE.search(OWN_PLATFORM.sub(" ", text)))


# Words that mean a unit's own step (its members, its secretariat, its internal deadline); not CAST's
# review bodies ("学会联合体", "联合体秘书处").
OWN_STEP = re.compile(r"材料[^，,。；;？?]{0,6}(?:发|交|报|送)(?:给|到)谁|学会(?!联合体)|会员|内部|(?<!联合体)秘书处|(?<!中国)(?:省|市|区|县)科协|集团|校内|院内|科研院|科研处")
# "那个榜是哪家初评的": the list the asker named before.
LIST_REFERRED = re.compile(r"(?:那|这|该|此)(?:个|一)?(?:榜单|榜)")
# Whom a list's review is run by: the list's body, whatever step of their own unit the asker told of.
REVIEW_STEP = re.compile(r"初评|终评|评审")


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause around text[start:end] (with its own ？), and what follows the span in it."""
    before = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    after = CLAUSE_END.search(text, end)
    return text[before : after.end() if after else len(text)], text[end : after.start() if after else len(text)]


def in_story(text: str, start: int, end: int) -> bool:
    """A year in a clause of the asker's own story (something done, a figure of theirs), which is not
    the round asked: the clause tells and does not ask, and the ask does not point back at it."""
    if REFERS_BACK.search(EVENT_YEAR.sub("", text)):
        return False
    clause, rest = _clause(text, start, end)
    return not CLAUSE_ASKS.search(clause) and bool(DONE.search(rest) or MEASURED.search(rest + "，"))


# A step of a round the asker told of ("21年科创中国榜单线上报完了", "2020年帮所里填过一次推荐表"), and an
# ask whether to apply (again), which is about the round now open whatever the story's year.
ROUND_STEP = re.compile(r"榜|推荐|申报|填|报|提交|上传|寄")
APPLY_AGAIN = re.compile(r"(?:还|能|可以|能不能|可不可以|能否)(?:再|重新)?(?:报|申报|参评|参选|申请|推荐)")


def story_years(text: str) -> list[int]:
    """The years of steps of a round the asker told of (not of their unit's profile): the round the
    ask is about when nothing else dates it (years.settle decides)."""
    if APPLY_AGAIN.search(text) or any(word in text for word in RELATIVE_YEARS):
        return []  # (a relative year the ask leaves out is the asker's own: "去年报完了…")
    found: list[int] = []
    for m in re.finditer(r"(?<!\d)(20\d{2})(?!\d)", text):
        if PROFILE_VERB.match(text[m.end() :]) or QUALIFIER_AFTER_YEAR.match(text[m.end() :]) \
                or not in_story(text, m.start(), m.end()) or not ROUND_STEP.search(_clause(text, m.start(), m.end())[1]):
            continue
        if int(m.group(1)) not in found:
            found.append(int(m.group(1)))
    return found


NEXT_YEARS_MONTH = re.compile(r"\s*(?:的)?(?:\d{1,2}|[一二三四五六七八九十]{1,2}|正)\s*月|初|年初|春节")
# A round is not dated by its month: "我是2060年12月从企业跳到学校…的" dates the asker's own step.
MONTH_AFTER_YEAR = re.compile(r"\s*年\s*\d{1,2}\s*月")
ROUND_WORDS = re.compile(r"榜|通知|申报|推荐|截止|评审|公示|发布")


def dated_event(text: str, start: int, end: int) -> bool:
    """A year with its month in a clause that tells and does not ask, naming no step of a round:
    the date of something the asker did, not the round asked."""
    clause, _ = _clause(text, start, end)
    return bool(MONTH_AFTER_YEAR.match(text, end)) and not CLAUSE_ASKS.search(clause) and not ROUND_WORDS.search(clause)


def find_years(text: str, today: dt.date) -> tuple[list[int], YearSource]:
    """The round years asked about: explicit years that do not describe the asker, else 今年/去年…"""
    years: list[int] = []
    for m in re.finditer(r"(?<!\d)(20\d{2})(?!\d)", text):
        if PROFILE_VERB.match(text[m.end() :]) or QUALIFIER_AFTER_YEAR.match(text[m.end() :]) \
                or FOUNDED_BEFORE_YEAR.search(text[max(0, m.start() - 12) : m.start()]) or in_story(text, m.start(), m.end()) \
                or dated_event(text, m.start(), m.end()):
            continue
        y = int(m.group(1))
        if y not in years:
            years.append(y)
    if len(years) == 1 and years[0] != today.year and ONE_YEAR_COMPARED.search(text):
        return sorted({years[0], today.year}), YearSource.EXPLICIT
    if years and not (MIXED_PAIR.search(text) or RELATIVE_COMPARED.search(text) or YEAR_THEN_NOW.search(text)
                      or CHANGE_ASK.search(text)):  # "21年的电话我存着，去年换了没有": both rounds
        return years, YearSource.EXPLICIT
    found = [(text.find(word), word) for word in RELATIVE_YEARS if word in text]
    relative: list[int] = []
    for _pos, word in sorted(found):
        # "去年在北交所上市了…今年还能报吗": the relative year of a profile clause is not the round.
        at = text.find(word) + len(word)
        if PROFILE_VERB.match("年" + text[at:]) or in_story(text, at - len(word), at):
            continue
        if RELATIVE_YEARS[word] > 0 and NEXT_YEARS_MONTH.match(text, at):
            continue  # "明年一月终评结束了没有": a month of this round's schedule, which runs into the next year

        year = today.year + RELATIVE_YEARS[word]
        if year not in relative:
            relative.append(year)
        if not (CHANGE_ASK.search(text) or RELATIVE_PAIR.search(text) or YEAR_THEN_NOW.search(text)
                or RELATIVE_COMPARED.search(text)):
            break  # one round, unless the question compares ("今年…跟去年比", "去年和今年…分别")
    if years:  # "21年的和今年的…一样吗": an explicit year and a relative one, compared
        return sorted(set(years) | set(relative)), YearSource.EXPLICIT
    return (sorted(relative), YearSource.RELATIVE) if relative else ([], YearSource.NONE)


# What a notice is ("通知是哪天发的", "文号是多少", "这份文件是谁发的"), not what it says.
NOTICE_ASK = re.compile(
    r"(?:通知|文件|函|公告)(?:是|在)?(?:哪天|哪一天|什么时候|啥时候|何时|几号|几月几号)(?:发|印发|下发|发布|出)|"
    r"(?:通知|文件|函|公告)的?(?:发布|印发|发文|落款)(?:时间|日期)|文号|发文字号|发文单位|"
    r"(?:^|[，,从])(?:发文|印发|下发)(?:的)?(?:日期|时间)?(?:是|在)?(?:哪天|哪一天|什么时候|啥时候|何时|几号)|"
    r"是(?:哪个|哪份|哪一份|什么|啥)(?:文件|通知|文)|"
    r"(?:通知|文件|函|公告)是(?:谁|哪个单位|哪家单位|哪个部门)(?:发|印发|下发)|"
    r"(?:通知|文件|函|公告)(?:是)?(?:发给|下发给|面向)(?:谁|哪些|哪里)|"
    r"号(?:文件|文)?(?:是)?(?:哪天|哪一天|什么时候|何时)(?:发|印发|下发|发布)|"
    r"(?:谁|哪个单位|哪位)(?:署名|签发|落款)|署名|落款(?:是|在)?(?:哪天|哪一天|什么时候|日期|时间|是谁)"
)


# How many a stage passes on to the next ("初评完之后…报送多少项"), not how many a unit may put forward.
STAGE_OUTPUT = re.compile(r"(?:初评|评审|终评|遴选)(?:完|后|结束)[^。？?]{0,12}?(?:报送|推荐|报|上报)[^。？?]{0,6}?(?:多少|几)")
# Who receives what a stage produces ("初评完了结果报给谁", "评审方案报到哪个部门备案"): the stage's
# sentence says it ("报送至中国科协学会学术部"); not whom to call.
RECIPIENT_ASK = re.compile(r"(?:结果|方案|名单)[^，,。？?]{0,8}?(?:报|交|送|提交|报送|上报)(?:上去)?(?:给|到|至)?了?(?:科协|中国科协)?的?(?:谁|哪)")
PROCESS_ASK = re.compile(r"流程|环节|步骤|程序")  # the steps of the round, each with its body and dates
# "交完以后谁评", "一共评几轮": who reviews and in how many rounds, the stages of the round.
REVIEW_ROUNDS = re.compile(r"(?:之后|以后|后面|后续|接下来)[^，,。？?]{0,4}谁(?:来)?(?:评|审)|(?:评|审)?(?:几|多少)轮")
AFTER_STEP = re.compile(r"(?:之后|以后|后面|后续|接下来)")  # "交完以后…是怎么个流程": the steps after one
AFTER_ASKED = re.compile(rf"{AFTER_STEP.pattern}|然后")
SUBMITTED = re.compile(r"(?:交|提交|上传|报|申报|传|填报)(?:完|好|了|齐|上去)")  # a step of the asker's done
# Who within a recommending unit may put forward how many: its colleges, members, branches, firms.
PARTY = r"学院|院系|单位会员|会员单位|个人会员|会员|分支机构|专委会|二级单位|子公司|成员单位|区县|园区"
ASKER_PARTY = re.compile(rf"(?:我们|咱们|我|本)(?:是|的|这个|这边|单位是)?[^，,。？?！!]{{0,8}}?({PARTY})")
# A step past the round's own schedule done ("校内评审完之后还有哪些步骤"): the notice's text tells what follows it.
STAGE_DONE = re.compile(r"(?:评审|初评|终评|公示|答辩|评)(?:完|结束)")
# Words that ask for a way to reach someone (a phone, a mailbox, an address, a name).
CONTACT_WORDS = re.compile(r"电话|座机|手机|邮箱|联系人|联系|找谁|是谁|地址|号码|收件人")


ORGANISER_ASK = re.compile(r"(?:主办|承办|协办|指导|支持)(?:单位|方|机构)|谁(?:主办|承办|组织|牵头)|(?:哪家|哪个单位|谁)(?:主办|承办)|由谁(?:主办|承办|组织)")


# What a count is of: recommendations (a quota) or something else ("哪几个方案", "几个阶段").
COUNTED = re.compile(r"(?:几个|几项|多少个|几家|几人|几位)([\u4e00-\u9fff]{0,4})")
RECOMMENDED = re.compile(r"^(?:$|项目|单位|名额|人|企业|技术|成果|候选|组织|机构|[吗呢啊了？?]|推荐|申报|报|推|领域)")
# What an ask is made of besides its subject ("现在分别是多少", "那是几号"): with it removed, little is left.
BARE_ASK = re.compile(rf"现在|目前|{'|'.join(RELATIVE_YEARS)}|那|这|分别|各|都|又|还|是|为|有|多少|几|哪|什么|啥|呢|吗|[个项家人名号天\s，,？?。]")
BARE_LEFT = 1
# An ask's words that name no subject ("最晚哪天", "该找谁", "要多久"): what is left of it says what it is about.
ASK_ONLY = re.compile(r"最晚|最迟|最早|截止|截至|到|时间|日期|几点|月份|要|得|能|可以|该|应该|需要|找谁|多久|怎么办|怎么")
QUOTA_WORDS = re.compile(r"名额|推荐几|报几|推几|不超过|上限|限额|限报")
WORD_LIMIT = re.compile(r"字数|多少字|几个字|字以内|字以下")
SEGMENT_LIMIT = re.compile(r"每(?:一)?(?:段|部分|栏|节)[^，,。？?]{0,4}(?:上限|最多|多少|几)")


# "那会儿叫啥", "以前叫什么名字", "叫法不一样吧": the name a list went by (rules/lists.py answers it).
LIST_NAME_ASK = re.compile(r"叫(?:啥|什么|法)|什么名字|啥名|原名|改名|更名")
POINTED_LIST = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:那个|这个|那一个|这一个)榜单?")
# An ask about what the message passed on ("这个口径还有效吗", "上述说法对吗").
POINTS_TO_TOLD = re.compile(r"(?:这个|这条|这种|这样的|此|上述|该|以上)(?:口径|说法|要求|规定|消息|安排|做法|通知|意思)")
# "10月30号晚上十点多才在平台上点的提交，当时算按时交了吗": when the asker did it, asked yes or no.
TOLD_WHEN = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号][^，,。？?]{0,12}?(?:提交|交|报送|上传|申报|报)")
# "这个口径现在还有效吗": whether a rule still holds, not whether a submission is late.
RULE_STILL_VALID = re.compile(r"(?:口径|说法|规定|要求|安排|做法|政策|精神)[^，,。？?]{0,6}(?:还有效|还算数|还适用)")
# Filling in something named: "‘所属行业’怎么填", "“技术简介”填多少字" (not 填报 a list, 填完 a step).
# (and "“所在地区”写注册地还是…": a named field's value written)
FILLED = re.compile(r"填(?!报|完|好了|过)|(?:”|栏|格)(?:里|中)?(?:要|应该?|该|就|是)?写")
# Whether a time still counts: a deadline asked, whatever else the sentence names (平台, 材料).
LATE_ASK = re.compile(r"算数|算不算|还有效|来得及|赶得上|赶不赶得上|赶趟|还收不收|还能交|还能提交|会不会晚|算晚|晚了吗|晚不晚|迟了吗|超时了?吗|过期了?吗")


def detect_intent(text: str) -> Intent:
    scores: dict[str, int] = {}
    # ("后面那几项呢" points at items already named; it counts nothing.)
    pointed = re.sub(r"[这那]几", " ", text).lower()
    for intent, keywords in load_aliases()["intents"].items():
        score = sum(len(k) for k in keywords if k.lower() in pointed)
        if score:
            scores[intent] = score
    if "quota" in scores and not QUOTA_WORDS.search(text):
        # "需要制定哪几个方案": a count of something other than what units recommend is no quota.
        objects = [m.group(1) for m in COUNTED.finditer(text)]
        if objects and not any(RECOMMENDED.match(o) for o in objects):
            del scores["quota"]
    if "quota" in scores and (("form" in scores and WORD_LIMIT.search(text)) or SEGMENT_LIMIT.search(text)):
        del scores["quota"]  # "字数上限是多少", "那五段每段上限多少": a form's limit of words, not how many may be put forward
        scores.setdefault("form", 1)
    if NOTICE_ASK.search(text):
        return Intent.NOTICE
    if ORGANISER_ASK.search(text):
        return Intent.ORGANISER
    # "能推几个", "最多能塞几家": how many may be put forward, however said.
    # (几条: conditions; 哪几: names, "组织推荐哪几类榜单")
    counted = re.search(r"(?:推荐|报送|申报|限报)(?![表样书])[^。？?]{0,10}?(?:(?<!哪)几|多少|上限|不超过)(?![字条])"
                        r"|(?:塞|推|报)(?:上去|进去|上)?(?:几|多少)(?!字)|(?:最多|上限|上限是|顶多)(?:能|可以|可)?(?:(?:报|推)(?:到|给)?[^，,。？?\d几]{0,4}?)?(?:几|多少)(?:个|家|项|人|名)"
                        r"|再(?:塞|加|推)(?:进去|上去|一个|一项|一家|一位|一名|一人|个|位)"
                        r"|(?:能|可以)(?:报|推|推荐|申报)(?:[两二三四五六七八九十]|\d{1,2})(?:个|项|家|人|名)", text)  # "攒了3个，还能再塞进去吗": one more than the quota?
    if LATE_ASK.search(text) and not counted and not RULE_STILL_VALID.search(text):
        return Intent.DEADLINE  # "30号晚上十一点半提交还算数不": whether a time is before the deadline
    if (REVIEW_ROUNDS.search(text) or PROCESS_ASK.search(text) and ("schedule" in scores or AFTER_STEP.search(text))) \
            and not CONTACT_WORDS.search(text) and not STAGE_DONE.search(text):
        return Intent.SCHEDULE  # "交完以后是什么流程，哪个环节谁负责": the stages and who runs each, not a phone
    if not scores:
        if not counted and LIST_NAME_ASK.search(text) and "榜" in text:
            return Intent.LISTS  # "融通创新组织榜21年的时候叫什么名字": the name a round gave a list
        return Intent.QUOTA if counted else Intent.OTHER
    # Specific beats generic where both fire: "初评结果哪天前报送" is a deadline, not a schedule.
    # ("之前" bounds a time, "11月20日之前"; "之前通知上的号码" is only earlier)
    if re.search(r"最晚|最迟|截止|截至|截到|期限|(?<=[\d日号点时天])之前|前报送|前提交|前上传|逾期|关闭|关了|关门", text) \
            and "deadline" in scores:
        return Intent.DEADLINE
    if CONTACT_WORDS.search(text) and "contact" in scores:
        return Intent.CONTACT  # "申报系统的技术支持电话是多少" asks for a phone, not a count
    if RECIPIENT_ASK.search(text):
        return Intent.OTHER  # "初评结果报给谁": who receives a stage's result, said in its sentence, no contact
    when = re.search(r"阶段|几个?月|几号|哪天|何时|什么时候|时间", text)
    if when and max(scores, key=lambda k: scores[k]) == "contact":
        # "初评机构那边结果又是哪天报上去的": a body named and a day asked; no phone or person asked.
        return Intent.SCHEDULE
    if re.search(r"名额", text) or (counted and not when):
        return Intent.QUOTA
    if re.search(r"设(?:置)?(?:了)?(?:多少|几)项|多少项|哪些领域|哪几类|哪些榜|几类|多少类|什么领域|几个领域|多少个领域"
                 r"|(?:计划)?(?:发布|遴选)(?:多少|几)(?:项|家|个|人|名)", text):
        return Intent.LISTS
    return Intent(max(scores, key=lambda k: scores[k]))


def _find_known(text: str, names: Collection[str], longest: int = 14) -> str:
    """The longest of `names` inside `text`, by looking its substrings up (names may be many)."""
    if not names:
        return ""
    for size in range(min(longest, len(text)), 1, -1):
        for i in range(len(text) - size + 1):
            if text[i : i + size] in names:
                return text[i : i + size]
    return ""


def understand(text: str, today: dt.date, names: Catalogue | None = None) -> Query:
    """`names` is the catalogue of the names the notices use, so that a list no alias file knows
    yet (a new notice's) is still recognised. A list or person name written with a homophone or one
    wrong character is read as the name it sounds like, when only one fits (q.readings says so)."""
    names = names or Catalogue()
    q = _understand(normalize_years(normalize_question(text), today), today, names)
    q.quoted = QUOTED.findall(q.text)
    readings = []
    subject = _elliptical_subject(q.text)
    if q.list_key is None and (subject or TOPIC_WORD.search(q.text)):
        # "…能推几个 新锐呢", "新锐那块推了5家": the subject of an elliptical ask, or what 那块/这边 points at,
        # may be a list's first characters.
        heads = names.derived("list heads", lambda: _list_heads(names))
        head = subject if subject in heads else _topic_head(q.text, heads)
        if head:
            q = _understand(q.text.replace(head, heads[head], 1), today, names)
            q.quoted = QUOTED.findall(q.text)
    # A list written with a homophone, also beside lists written right ("融通榜、经里人榜分别能推几个").
    tails = names.derived("list tails", lambda: _list_tails(names))
    rest = q.text
    for mention in (q.list_mention, *(m for _, m in q.other_lists)):
        rest = rest.replace(mention, " ") if mention else rest
    # (A window starting inside a word is no name: "高新区企业" holds 新区企业, one character off 新锐企业.)
    sounds = names.derived("list sounds", lambda: SoundIndex(tails, min_len=3))
    hit = fuzzy_find(rest, sounds)
    if hit and not _likely_name(rest, hit, tails.values()):
        # (set aside, the rest read again: "高新区企业报新蕊企业榜" still holds 新蕊企业榜)
        hit = fuzzy_find(rest.replace(hit[0], " " * len(hit[0])), sounds)
        hit = hit if hit and _likely_name(rest, hit, tails.values()) else None
    if hit and hit[0][1:] == hit[1][1:] and hit[0][1:] in tails:
        hit = None  # "报经理人先锋榜": a name written right after another word, no misspelling (read below)
    if hit and (hit[0].endswith("榜") or not hit[1].endswith("榜")) and hit[0] != hit[1]:
        # "融通平台榜" matched as "通平台榜": the characters before it that the name has are written too.
        meant, at = tails[hit[1]], rest.find(hit[0])
        while at > 0 and rest[at - 1] in meant[: meant.find(hit[1][:1]) + 1] and rest[at - 1] not in hit[0]:
            at -= 1
        readings.append((rest[at : rest.find(hit[0]) + len(hit[0])], meant))
    if q.list_key is None and (typed := _bang_typed(q.text, names)):
        readings.append(typed)  # "融通那个棒", "先导帮": 榜 typed as a character that sounds like it
    if q.field_key is None:
        # "绿色底碳那个方向": a field written with a homophone (not one wrong character: "先审材料" is 先 审 材料).
        fields = names.derived("field names", lambda: sorted({*names.fields, *(v for v, _ in variants("fields"))}))
        hit = fuzzy_find(q.text, names.derived("field sounds", lambda: SoundIndex(fields, min_len=3, one_edit=False)))
        if hit and hit[0] != hit[1]:
            readings.append(hit)
    if q.person is None and (CONTACT_WORDS.search(q.text) or OWNER_ASK.search(q.text) or PERSON_ADDRESSED.search(q.text)):
        # "何兵老师负责的是哪个榜": a person asked about, written with a homophone.
        hit = fuzzy_find(q.text, people_sounds(names), accept=lambda written: _on_word_bounds(q.text, written))
        if hit:
            readings.append(hit)
    # "连系人", "截至时间": an ask word written with a homophone.
    hit = fuzzy_find(q.text, keyword_sounds())
    if hit and not _function_word_swapped(*hit):
        readings.append(hit)
    if readings:
        corrected = q.text
        for written, meant in readings:
            corrected = corrected.replace(written, meant)
        q = _understand(corrected, today, names)
        q.readings = readings
    if q.list_key is None:
        named, mention = _round_list(q.text, q.years, names)
        if named:  # "今年先锋榜我还能报吗": read with the round's list it names, as the round names it
            readings = q.readings
            q = _understand(q.text.replace(mention, named, 1), today, names)
            q.readings = readings
    q.by_list = _by_list(q)
    return q


def _by_list(q: Query) -> list[ListAsk]:
    """Each list a part names with the clauses that ask of it, when it names several."""
    named = [(q.list_key, q.list_mention), *q.other_lists]
    if len(named) < 2 or not all(key and mention for key, mention in named):
        return []
    clauses = [c for c in re.split(r"[，,、；;]", q.text) if c.strip()]
    asks = []
    shared = [c for c in clauses if not any(m in c for _, m in named)]
    for key, mention in named:
        mine = [c for c in clauses if mention in c]
        # its own clauses say what is asked of it; the shared ones only how ("跟去年比有变化吗")
        kind = answer_type("，".join(mine))
        text = "，".join(mine) if kind != AnswerType.TEXT else "，".join(mine + shared)
        asks.append(ListAsk(key or "", mention, text, kind if kind != AnswerType.TEXT else q.answer_type))
    return asks


def _function_word_swapped(written: str, meant: str) -> bool:
    """Whether a homophone differs from the word it sounds like only by a function word for another
    ("工作咨询那里有位老师": 那里 is there, not a mistyped 哪里): a word chosen, not a typo."""
    return any(written[j : j + 2] != meant[j : j + 2] and function_word(written[j : j + 2]) and function_word(meant[j : j + 2])
               for j in range(len(written) - 1))


@cache
def keyword_sounds() -> SoundIndex:
    """The intent words of three characters or more (data/aliases.yaml), by sound."""
    words = {k for ws in load_aliases()["intents"].values() for k in ws if len(k) >= 3}
    return SoundIndex(words, min_len=3, one_edit=False)  # "多少类榜单" is not a typo of 多少个榜单


NAME_BEFORE = set("，,。：:；;！!？? 找问给请联系叫是和与跟个位")  # ("那个裴沛电话多少", "那位…")
NAME_AFTER = re.compile(r"$|[，,。；;！!？?\s]|是|老师|同志|主任|的|电话|手机|负责|管|在|吗|呢")


def _likely_name(text: str, hit: tuple[str, str], names: Iterable[str]) -> bool:
    """A name written with a homophone ("新蕊企业榜") is one; one written with a wrong character only
    where a word starts ("高新区企业" holds 新区企业, one character off 新锐企业, inside 高新区)."""
    return sound(hit[0]) == sound(hit[1]) or _starts_a_word(text, hit[0], names)


def _starts_a_word(text: str, written: str, names: Iterable[str]) -> bool:
    """Whether `written` starts where a word does, or inside a word that is part of a name ("融通平台榜":
    its 通平台榜 starts inside 融通, which 融通创新平台榜 holds)."""
    at = text.find(written)
    if at <= 0:
        return True
    covering = next(((word, start) for word, start, end in plain_words().tokenize(text) if start <= at < end), ("", at))
    return covering[1] == at or any(covering[0] in name for name in names)


def _on_word_bounds(text: str, written: str) -> bool:
    """Whether `written` starts and ends where the text's words do: "柜里那份" holds 里那 (李娜's
    sound) across two words, never a name."""
    at = text.find(written)
    bounds = {b for _, start, end in plain_words().tokenize(text) for b in (start, end)}
    if at in bounds and at + len(written) in bounds:
        return True
    # A name the segmenter split wrongly ("阙海凝是…" as 阙 / 海凝是): a surname first, set apart as a name is.
    return written[0] in SURNAMES and (at == 0 or text[at - 1] in NAME_BEFORE) and bool(NAME_AFTER.match(text[at + len(written) :]))


def people_sounds(names: Catalogue) -> SoundIndex:
    return names.derived("people sounds", lambda: SoundIndex(names.people, given_names=True))


def _list_tails(names: Catalogue) -> dict[str, str]:
    """Every list name (as the notices and aliases write it) and its tails of four characters or
    more ("经理人先锋榜"), each mapped to the full name; a tail two names share is left out."""
    full = _written_list_names(names)
    tails: dict[str, set[str]] = {}
    for name in full:
        for i in range(max(1, len(name) - 3)):
            tails.setdefault(name[i:], set()).add(name)
    # (Of the names one list is written with, the same one every run: a notice's own name first, then the shortest;
    # a set's order changes with the process's hash seed.)
    found = {tail: min(owners, key=lambda o: (o not in names.lists, len(o), o))
             for tail, owners in tails.items() if len({list_key(o) for o in owners}) == 1}
    # A short name of four characters or more without 榜 ("突破短板", "技术经理人"): "突破短版那个榜".
    found.update({v: v for v, _ in variants("lists") if not v.endswith("榜") and len(v) >= 4 and v not in found})
    return found


SHORT_LIST = re.compile(r"([\u4e00-\u9fff]{2,8})榜")


def _round_list(text: str, years: list[int], names: Catalogue) -> tuple[str | None, str]:
    """"今年先锋榜我还能报吗", "能报经理人先锋榜吗": a list's short name that the round's lists settle,
    with the mention."""
    for m in SHORT_LIST.finditer(text):
        for start in range(m.start(1), m.end(1) - 1):  # the longest tail first ("年先锋榜" names no list)
            tail = text[start : m.end()]
            key = names.round_list(tail, years[-1] if years else None, text)
            if key:
                return key, tail
    return None, ""


BANG_SOUNDS = "棒帮邦傍磅膀绑"  # what an input method offers for bang before 榜


def _bang_typed(text: str, names: Catalogue) -> tuple[str, str] | None:
    """榜 typed as a character that sounds the same, where only a list can be meant: after a list's
    first characters ("先导帮", "融通那个棒") or its last ones ("领航帮": 技术经理人领航榜), or after
    那个/这个 in a message that names a list's head."""
    heads = names.derived("list heads", lambda: _list_heads(names))
    ends = names.derived("list ends", lambda: _list_ends(names))
    for m in re.finditer(rf"(?:(?:那|这|该|此)(?:个|一)?)?[{BANG_SOUNDS}](?![忙我你您他她助着手])", text):
        before = text[max(0, m.start() - 8) : m.start()]
        if any(before.endswith(h) for h in heads if len(h) >= 2) or any(before.endswith(e) for e in ends) or (
                m.group(0)[0] in "那这该此" and any(h in text[: m.start()] for h in heads if len(h) >= 2)):
            return m.group(0), m.group(0)[:-1] + "榜"
    return None


def _written_list_names(names: Catalogue) -> set[str]:
    """Every list name as the notices and the aliases write it, 榜 and all."""
    return {n for n in (*names.lists, *names.mentions, *(v for v, _ in variants("lists"))) if n.endswith("榜")}


def _list_initials(names: Catalogue) -> dict[str, str]:
    """A list named by the first characters of two of its words ("创就榜" 创业就业先锋榜, "国合榜" 国际创新合作榜),
    each such short name mapped to its family when only one family gives it."""
    owners: dict[str, set[str]] = {}
    written = _written_list_names(names)
    for name in written:
        words = [w for w in plain_words().lcut(name.removesuffix("榜")) if w.strip()]
        for i in range(len(words)):
            for j in range(i + 1, len(words)):
                if len(words[i]) > 1 and len(words[j]) > 1:
                    owners.setdefault(f"{words[i][0]}{words[j][0]}榜", set()).add(names.list_family(name) or name)
    # (Not one a name writes itself: "先锋榜" is in 技术经理人先锋榜 as written.)
    return {short: next(iter(found)) for short, found in owners.items()
            if len(found) == 1 and not any(short in n for n in written)}


def _abbreviated(text: str, names: Catalogue) -> tuple[str, str] | None:
    """(family, as written) of a list named by its words' first characters, not by any name's own characters."""
    initials = names.derived("list initials", lambda: _list_initials(names))
    return next(((initials[m.group(0)], m.group(0)) for m in re.finditer(r"[\u4e00-\u9fff]{2}榜", text)
                 if m.group(0) in initials), None)


def _list_ends(names: Catalogue) -> list[str]:
    """The last two to four characters before 榜 of every list name ("领航" of 技术经理人领航榜), each one only
    one list family ends with."""
    full = _written_list_names(names)
    ends: dict[str, set[str]] = {}
    for name in full:
        for k in range(2, min(5, len(name))):
            ends.setdefault(name[-k - 1 : -1], set()).add(names.list_family(name))
    return sorted(end for end, families in ends.items() if len(families) == 1)


def _list_heads(names: Catalogue) -> dict[str, str]:
    """The first two characters or more of every list name ("新锐", "融通创新"), each mapped to the
    full name when only one list family starts so."""
    full = _written_list_names(names)
    heads: dict[str, set[str]] = {}
    for name in full:
        for i in range(2, len(name)):
            heads.setdefault(name[:i], set()).add(name)
    return {head: max(owners, key=len) for head, owners in heads.items()
            if len({names.list_family(o) for o in owners}) == 1}


ELLIPTICAL_SUBJECT = re.compile(r"^(?:那|那么|还有|另外)?(?:\d{4}年)?(?:的)?(.{2,8}?)(?:的)?呢[？?。.!！]*$")


# "新锐那块", "融通这边", "先导方面": a subject named by a word that points at a part of the business.
TOPIC_WORD = re.compile(r"(?:那|这)一?(?:块|边|部分|类|项)|方面")


def _topic_head(text: str, heads: dict[str, str]) -> str:
    """The list's first characters written just before a pointing word ("新锐那块推了5家呢"), else ""."""
    for m in TOPIC_WORD.finditer(text):
        before = text[max(0, m.start() - 6) : m.start()]
        for start in range(len(before) - 1):  # the longest first
            if before[start:] in heads and len(before[start:]) >= 2:
                return before[start:]
    return ""


def _find_field(text: str, fields: dict[str, str]) -> tuple[str | None, str]:
    """The field a text names, and how: the notices' own reading of a name beats the alias file's (a
    round's 人工智能 field)."""
    key, mention = _find_alias(text, "fields")
    known = _find_known(text, fields)
    if known and (len(known) > len(mention) or (known == mention and fields[known] != key)):
        key, mention = fields[known], known
    return key, mention


def _elliptical_subject(text: str) -> str:
    """"新锐呢", "那22年融通的呢": the subject an elliptical ask names, else ""."""
    m = ELLIPTICAL_SUBJECT.match(text.strip())
    return m.group(1) if m else ""


def _understand(text: str, today: dt.date, names: Catalogue) -> Query:
    lists, fields = names.lists, names.fields
    q = Query(text=text)
    t, checked = as_asked(q.text)  # a checked value is read as its question…
    ask = ask_clauses(t, today)
    searched = ask.replace(checked, "", 1) if checked else ask  # …and searched without it
    # The years of the clauses that ask ("21年评了100项，今年要评多少项？" asks about 今年); the
    # other clauses' years only when those name none.
    q.years, q.year_source = find_years(asking_clauses(t), today)
    if not q.years or RELATIVE_COMPARED.search(t) or CHANGE_ASK.search(asking_clauses(t)):
        # "21年的领域跟今年比有啥不一样", "20年是5个领域，到21年变成几个了": a comparison asks
        # about every year it names, the one the asker states too.
        q.years, q.year_source = find_years(t, today)
    if not q.years:
        q.story_years = story_years(t)
    q.list_key, q.list_mention = _find_alias(t, "lists")
    known = _find_known(t, lists)
    if known and len(known) > len(q.list_mention):
        q.list_key, q.list_mention = names.list_family(known), known
    if q.list_key is None and (short := _abbreviated(t, names)):
        q.list_key, q.list_mention = short  # "创就榜": the first characters of its words ("创业就业先锋榜")
    pointed = POINTED_LIST.search(t) if q.list_key is None else None
    if pointed:
        # "融通组织那个榜", "新锐这个榜单": a list's name with the pointing word inside it.
        key, _ = _find_alias(POINTED_LIST.sub(r"\1榜", t), "lists")
        if key:
            q.list_key, q.list_mention = key, pointed.group(0)
    if q.list_key:
        # "先导技术榜和新锐企业榜各推荐几个": every list named, in the order written.
        rest = t.replace(q.list_mention, " ")
        while True:
            key, mention = _find_alias(rest, "lists")
            known = _find_known(rest, lists)
            if known and len(known) > len(mention):
                key, mention = names.list_family(known), known
            if not key or key == q.list_key or any(key == k for k, _ in q.other_lists):
                break
            q.other_lists.append((key, mention))
            rest = rest.replace(mention, " ")
        q.other_lists.sort(key=lambda km: t.find(km[1]))
    # "电子信息领域已经报满3个了，生物医药领域还能再报吗": the field the ask names, before one the asker tells of.
    q.field_key, q.field_mention = _find_field(ask, fields)
    if q.field_key is None:
        q.field_key, q.field_mention = _find_field(t, fields)
    # (The asker's work named in the ask itself is still theirs: "做的是水稻育种技术，有没有对应的领域";
    # a field named as one, "电子信息领域有哪些…", is the subject.)
    described = q.field_mention not in ask or (q.field_mention not in fields and f"{q.field_mention}领域" not in t)
    if q.field_key and described and FIELDS_ASKED.search(ask):
        # "我是新材料企业…要聚焦哪些领域": the fields are the answer, the asker's one among them.
        q.story_field = (q.field_key, q.field_mention)
        q.field_key, q.field_mention = None, ""
    if q.list_key and q.field_key and names.fielded_lists and not names.has_fields(q.list_key):
        # "我是一家新材料企业…投资机构榜联系人": a list without fields is not qualified by one; the
        # field describes the asker.
        q.field_key, q.field_mention = None, ""
    q.person = _find_known(t, set(names.people), longest=6) or None
    q.body = _find_known(unquote(t), set(names.bodies), longest=30) or None
    # What the clauses with a question word ask: not the asker's situation ("负责申报的"), nor the
    # context before the ask ("之前报榜都是在…上弄的，今年还是这个网址吗").
    asking = asking_clauses(ask)
    q.asking = asked_of(ask)
    # A quoted name is the ask's subject, not its kind: "“企业所处阶段”有哪几个选项" asks a form field's
    # options, not the schedule's stages.
    # A list's own name is not what is asked of it either: "融通创新平台榜" asks nothing of the platform.
    unnamed = asking
    for mention in sorted({q.list_mention, *(m for _, m in q.other_lists)} - {""}, key=len, reverse=True):
        unnamed = unnamed.replace(mention, "榜单")
    q.intent = detect_intent(QUOTED.sub("“”", unnamed))
    if q.story_field and q.intent == Intent.QUOTA and not re.search(r"几|多少|上限", asking):
        q.intent = Intent.LISTS  # "有没有对应的领域可以推荐": whether a field is set up, not how many
    if q.intent == Intent.QUOTA and STAGE_OUTPUT.search(ask):
        q.intent = Intent.OTHER  # "联合体初评完之后，每个领域要报送多少项": what a stage passes on, said in its sentence
    if QUOTED.search(asking) and FILLED.search(QUOTED.sub("“”", asking)):
        q.intent = Intent.FORM  # "‘所在地区’填注册地还是哪里": what a named field takes, whatever the words of its value
    if q.intent == Intent.OTHER and asking != ask and _bare(asking):
        # "…名额跟23年比变了，现在分别是多少": an ask without a subject asks of the clause before it.
        q.intent = detect_intent(ask)
    q.name_asked = bool(q.list_key and LIST_NAME_ASK.search(t))
    q.first_round = bool(FIRST_ROUND.search(t))
    q.years_unsure = bool(YEARS_UNSURE.search(t))
    q.current_round = bool(THIS_ROUND.search(t))
    if q.intent == Intent.OTHER and q.list_key and LIST_NAME_ASK.search(asking):
        q.intent = Intent.LISTS  # "融通榜21年那会儿叫啥": the name it went by, from the rounds' lists
    # About one's own situation: 今年还能报吗, 会不会被卡, 够不够; also where the asker's story only
    # names what they do ("主要负责成果转化对接…能报技术经理人先锋榜吗"), no contact asked.
    own_case = q.intent in (Intent.OTHER, Intent.ELIGIBILITY) or (
        q.intent == Intent.CONTACT and not CONTACT_WORDS.search(asking) and not BODY_ASK.search(asking)) or (
        q.intent == Intent.QUOTA and not COUNT_ASKED.search(asking))  # ("学校能推荐它报新锐企业榜吗": no count asked)
    if own_case and ELIGIBILITY_ASK.search(t):
        q.intent = Intent.ELIGIBILITY
    if EXCLUSION_ASK.search(t) and q.intent in (Intent.OTHER, Intent.ELIGIBILITY):
        q.intent, q.excluding = Intent.ELIGIBILITY, True
    q = asked_of_time(asked_of_count(q, t), t)
    q.expansion = " ".join(EXPANSION.get(q.intent, ()))
    q.ask = in_notice_words(searched, names)
    reworded = q.ask != searched
    q.answer_type = answer_type(ask)
    if q.answer_type == AnswerType.TEXT and RECIPIENT_ASK.search(ask):
        q.answer_type = AnswerType.PROCEDURE  # "结果报给了哪个部门": the step's sentence says who receives it
    q.several = bool(SEVERAL.search(ask))
    if q.answer_type == AnswerType.DATE and q.intent == Intent.PLATFORM:
        # "平台几号关的": a date is asked of the platform; its answer is the platform's deadline, not its address.
        q.intent = Intent.DEADLINE
        q.expansion = " ".join(EXPANSION.get(q.intent, ()))
    if reworded:  # the notices' words are searched for too
        q.expansion = " ".join([q.expansion, *(w for _, w in variants("words") if w in q.ask and w not in searched)]).strip()
    q.compare = q.intent == Intent.COMPARE or (len(q.years) >= 2 and bool(re.search(r"和|与|及", t) or CHANGE_ASK.search(t)
                                                                         or YEAR_THEN_NOW.search(t) or RELATIVE_COMPARED.search(t)))
    if q.compare:
        q.intent = Intent.COMPARE
    plain = t.replace(q.list_mention, "") if q.list_mention else t  # "投资机构榜" is a name, not 机构
    for name, pattern in ATTRIBUTES:
        if pattern.search(plain):
            q.attribute = name
            break
    # Phones and mailboxes as notices write them (ingest reads both; "156 0077 7267" too), by digits.
    q.phones = [d for m in PHONE.finditer(EMAIL.sub(" ", t)) if len(d := re.sub(r"\D", "", m.group(0))) >= 7]
    q.emails = EMAIL.findall(t)
    tail = PHONE_TAIL.search(t)
    if tail and not q.phones:
        q.phone_tail = "".join(SPOKEN_DIGITS.get(c, c) for c in tail.group(1))
    place = PLACE.search(t)
    q.place = place.group(0) if place else ""
    if q.phones or q.emails or q.phone_tail or q.place or (q.person and OWNER_ASK.search(t)):
        q.intent = Intent.LOOKUP  # whose it is, what they handle
        return q
    # The ask keeps its subject wherever the message names it: the lists, fields and quoted terms
    # ("“从业人数”这栏…应该按什么口径填").
    named = [n for n in (q.list_mention, q.field_mention, *QUOTED.findall(t)) if n and n not in q.ask]
    q.ask = " ".join([q.ask, *dict.fromkeys(named)]).strip()
    if (q.person or q.body or BODY_ASK.search(asking)) and q.intent in (Intent.OTHER, Intent.SCHEDULE) \
            and not (q.intent == Intent.SCHEDULE and PROCESS_ASK.search(asking) and not q.person):
        q.intent = Intent.CONTACT  # (who runs each step of a process is in the schedule's sentences)
    # "机构" alone is too common ("融通创新组织榜的机构需要…") to make a question a contact query.
    if q.attribute and q.attribute != "body" and q.intent == Intent.OTHER:
        q.intent = Intent.CONTACT
    return q


def is_follow_up(q: Query) -> bool:
    return bool(FOLLOW_UP.search(q.text)) or len(q.text) <= 8


def inherit(q: Query, previous: Query | None, previous_person: str | None = None, names: Catalogue | None = None) -> Query:
    """Fill what a follow-up leaves out ("那生物医药领域呢？", "2022年呢？", "他的电话呢？")."""
    names = names or Catalogue()
    if previous is None or not is_follow_up(q):
        return q
    if not q.years and previous.years:
        q.years, q.year_source = list(previous.years), YearSource.INHERITED
        q.inherited.append("year")
    if q.list_key is None and previous.list_key and (q.field_key is None or names.has_fields(previous.list_key)):
        q.list_key, q.list_mention = previous.list_key, previous.list_mention
        q.inherited.append("list")
    if q.field_key is None and previous.field_key and q.list_key in (None, previous.list_key) and not q.person:
        q.field_key, q.field_mention = previous.field_key, previous.field_mention
        q.inherited.append("field")
    if not q.notice_ids and previous.notice_ids:
        q.notice_ids, q.notice_mention = list(previous.notice_ids), previous.notice_mention
        q.inherited.append("notice")
    if q.person is None and re.search(r"他|她|此人|该联系人|这个人", q.text):
        q.person = previous_person or previous.person
        if q.person:
            q.inherited.append("person")
    if q.intent == Intent.OTHER or (q.intent == Intent.CONTACT and previous.intent == Intent.CONTACT):
        q.intent = previous.intent if q.intent == Intent.OTHER else q.intent
        q.inherited.append("intent")
    if q.attribute is None and previous.attribute and q.intent == previous.intent:
        q.attribute = previous.attribute
    return _compares(q)


def asked_of_count(q: Query, told: str) -> Query:
    """"先导榜报一个、新锐榜再报一个，可以吗", "各推了3项…当时是不是超额了": a count the asker puts
    forward (in the ask or in what they told before it), asked about, is checked against the quota."""
    # (The ask itself is of the count: "还能再推这一家吗", not "样表还用重新填吗" after "准备报3个".)
    asking = asking_clauses(q.text)
    clauses = CLAUSE.findall(q.text)
    before = next((clauses[i - 1] for i, c in enumerate(clauses) if i and c in asking), "")
    # ("…新锐榜再报一个，可以吗": a short ask asks of the clause before it)
    of_count = any(PUT_FORWARD.search(c) or ONE_MORE.search(c) for c in (asking, before if len(asking) <= 6 else ""))
    if q.intent in (Intent.OTHER, Intent.ELIGIBILITY) and PUT_FORWARD.search(told) \
            and ((of_count and YES_NO_END.search(asking)) or OVER_QUOTA.search(asking) or RULE_OR_WAY.search(asking)):
        q.intent = Intent.QUOTA
        q.expansion = " ".join(EXPANSION.get(q.intent, ()))
    return q


def asked_of_time(q: Query, told: str) -> Query:
    """"10月30号晚上十点多才在平台上点的提交，当时算按时交了吗": when the asker did it, asked yes or no,
    is checked against the deadline."""
    if q.intent == Intent.OTHER and YES_NO_END.search(asking_clauses(q.text)) and TOLD_WHEN.search(told):
        q.intent = Intent.DEADLINE
        q.expansion = " ".join(EXPANSION.get(q.intent, ()))
    return q


APPLYING = re.compile(r"报|参评|参选|申请|够格|有戏")


def asked_of_situation(q: Query, profile: Profile) -> Query:
    """"我们公司2019年在香港注册…想报新锐企业榜，行不行？": a yes/no ask of a list by an asker who
    told their situation (what the conditions rule on) is whether they may apply."""
    # (Of applying: "另外材料要不要交纸质版" after such an ask is another yes/no, about materials.)
    applying = "list" not in q.inherited or APPLYING.search(q.text)
    if q.intent in (Intent.OTHER, Intent.LISTS) and q.answer_type == AnswerType.YESNO and q.list_key and applying \
            and profile.rules_on():
        q.intent = Intent.ELIGIBILITY
        q.expansion = " ".join(EXPANSION.get(q.intent, ()))
    return q


# "尾号四六八七", "后四位是8942": the end of a number the asker remembers.
PHONE_TAIL = re.compile(r"(?:尾号|尾数|后[三四]位)(?:是|为)?\s*([\d〇零一幺二两三四五六七八九]{3,4})")
# An address: a road and its number ("气象路9号"), a building and its room ("科技大厦9楼912室").
PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:路|街|大道|大街|巷|里|村|庄|胡同|弄)(?:甲|乙)?\d{1,4}号(?:院|楼)?(?:\d{1,3}号楼)?(?:\d{1,2}单元)?(?:\d{1,5}室)?"
                   r"|[\u4e00-\u9fff]{2,8}(?:大厦|大楼|会堂)\d{1,4}室")


# A later part pointing back at the person asked about: "那回也是他吗", "现在还是她负责吗".
REFERS_TO_PERSON = re.compile(r"(?:也|还|仍|依然|一直)?是(?:他|她)(?:吗|吧|呢|嘛|么)|(?:他|她)(?:还|也|仍)?(?:在|负责|管)")
# A member's step with its society (what a later part of the message still asks about), and what points
# a later part elsewhere: the national platform, CAST itself.
MEMBERS_STEP = re.compile(r"学会(?!联合体)|会员")
ELSEWHERE_STEP = re.compile(r"平台|中国科协|国家|科协(?:这边|那边)")


# Pointers that name the notices' issuer or document, not only a level or a kind of notice.
NAMED = (PointedBy.ISSUER, PointedBy.DOC_NUMBER, PointedBy.ENTITY, PointedBy.CAMPAIGN)


def continue_from(q: Query, earlier: Query, with_list: bool = True, with_intent: bool = False, with_step: bool = False) -> Query:
    """A later part of one message, or a question after the asker's own context, keeps the year,
    list and field it leaves out ("22年国际创新合作榜的评审机构是谁？这个榜也是…推荐报送吗？")."""
    if not q.years and earlier.years:
        q.years, q.year_source = list(earlier.years), YearSource.CONTEXT
        if earlier.compare and len(q.years) > 1 and REFERS_TO_NEW.search(q.text):
            q.years = [max(q.years)]
        q.first_round = q.first_round or earlier.first_round  # the round it meant, as it said it
        q.years_unsure = q.years_unsure or earlier.years_unsure
        q.inherited.append("year")
    elif not q.years and earlier.current_round:
        q.current_round = True  # "这次想报先导榜…联系人是谁": the call now open, for every part
    elif not q.years and not q.story_years and earlier.story_years:
        q.story_years = list(earlier.story_years)  # "21年线上报完了，纸质材料还寄吗？初评在几月？": that round, for every part
    elif earlier.years and REFERS_BACK.search(q.text) and not set(earlier.years) & set(q.years):
        # "那年的初评单位跟23年是同一家吗": the year pointed back at, and the one named.
        q.years = [*earlier.years, *q.years]
        q.inherited.append("year")
    if not (q.phones or q.phone_tail or q.emails) and (earlier.phones or earlier.phone_tail or earlier.emails) \
            and q.intent in (Intent.CONTACT, Intent.OTHER, Intent.LOOKUP) and (WHOSE_ASK.search(q.text) or NUMBER_REFERRED.search(q.text)):
        # "尾号7984的手机打来…是哪位老师、哪个单位": the number told is whose the ask asks.
        q.phones, q.phone_tail, q.emails = list(earlier.phones), earlier.phone_tail, list(earlier.emails)
        q.intent = Intent.LOOKUP
        q.inherited.append("number")
    if with_step and earlier.own_step and MEMBERS_STEP.search(earlier.words) and not ELSEWHERE_STEP.search(q.words) \
            and not (q.own_step or q.list_key or q.field_key or q.person or q.body or LIST_REFERRED.search(q.text)):
        # "申报样表…发给学会，来得及吗？来不及的话该找谁商量": still the unit's own step (an earlier part's; the
        # asker's story of their own unit, "我是某省科协的", is not a step asked about).
        q.own_step = True
        q.inherited.append("own step")
    # (Whom to call about the unit's own step is the unit's contact, whatever list the part before named.)
    with_list = with_list and not (q.intent == Intent.CONTACT and q.own_step)
    # "“技术水平介绍”500字写不下，能另附吗？另附的最多多少字": the item quoted before is still the subject of a
    # short part naming nothing of its own (not a name quoted inside another: "“科创中国”联合体秘书处").
    items = [t for t in earlier.quoted if not any(t in name for name in (earlier.body or "", earlier.list_mention,
                                                                        earlier.field_mention, "科创中国") if name)]
    if with_list and items and len(q.text) <= CARRIES_QUOTE and not (
            q.quoted or q.list_mention or q.field_mention or q.person or q.body or q.phones):
        q.quoted = items
        q.inherited.append("quoted")
    if with_list and q.list_key is None and earlier.list_key:
        q.list_key, q.list_mention = earlier.list_key, earlier.list_mention
        q.other_lists = list(earlier.other_lists)  # "先导榜各推了3项，新锐企业推了5家…是不是超额了": each of them
        q.inherited.append("list")
    # "电子信息领域的联系人一直是郑伯龙吧？2020年先导技术榜那回也是他吗": whose contact it was then, for the
    # field named before (whatever list the part names), to compare with the person named.
    same_person = bool(earlier.person and q.intent == Intent.OTHER and REFERS_TO_PERSON.search(q.text))
    # (A field is a list's: where the list is not carried, a unit's own step asked, neither is its field.)
    if q.field_key is None and earlier.field_key and (same_person or (with_list and q.list_key in (None, earlier.list_key))):
        q.field_key, q.field_mention = earlier.field_key, earlier.field_mention
        q.inherited.append("field")
    elif q.field_key is None and earlier.field_key and FIELDS_ASKED.search(q.text):
        # "我们做烟气二氧化碳捕集…该选哪个领域": the field asked is the one the asker's story falls in.
        q.story_field = (earlier.field_key, earlier.field_mention)
    elif q.field_key is None and earlier.story_field and (FIELD_REFERRED.search(q.text) or (
            q.intent == Intent.CONTACT and q.list_key in (None, earlier.list_key))):
        # "该选哪个领域？这个领域初评找谁", "…初评是哪家": the field the asker's work falls in, named in the
        # answer before.
        q.field_key, q.field_mention = earlier.story_field
        q.inherited.append("field")
    if same_person:
        q.intent, q.answer_type = Intent.CONTACT, AnswerType.CONTACT
        q.inherited.append("person asked")
    # (A level the part sends its ask to, "是不是要先报市科协", does not outweigh the issuer the message
    # named before it, "我们公司在临江省…": that issuer's notice says what goes to the 市科协.)
    if earlier.notice_ids and (not q.notice_ids or (q.notice_by == PointedBy.LEVEL and earlier.notice_by in NAMED)):
        q.notice_ids, q.notice_mention, q.notice_by = list(earlier.notice_ids), earlier.notice_mention, earlier.notice_by
        q.inherited.append("notice")
    subjectless_contact = q.intent == Intent.CONTACT and not (q.field_key or q.body) and _bare(CONTACT_WORDS.sub("", q.text))
    if q.person is None and earlier.person and not q.list_key and (OWNER_ASK.search(q.text) or subjectless_contact):
        # "何冰老师负责哪个榜？是哪个单位的", "…是哪个部门的？手机多少": the person the part before asked about.
        q.person, q.intent = earlier.person, Intent.LOOKUP
        q.ask = f"{q.ask} {earlier.person}"  # the ask's subject, as a named list is kept in it
        q.inherited.append("person")
    names_nothing = not (q.person or q.place or q.list_key or q.field_key or q.body or q.phones)
    if earlier.place and earlier.intent == Intent.LOOKUP and names_nothing and (
            subjectless_contact or OWNER_ASK.search(q.text) or q.intent == Intent.CONTACT):
        # "…红联南村54号那个邮寄地址，是寄哪个领域材料的？收件人电话多少": the address asked about before.
        q.place, q.intent = earlier.place, Intent.LOOKUP
        q.inherited.append("place")
    if not (q.person or q.phones or q.emails) and (earlier.person or earlier.phones) and NUMBER_CHECK.search(q.text):
        # "胡志强老师的座机，我记的是010-68799040。21年的通知里是不是换号了？": whose number, told before.
        q.person, q.phones, q.emails = earlier.person, list(earlier.phones), list(earlier.emails)
        q.intent = Intent.LOOKUP
        q.inherited.append("person")
    bare = _subjectless(q.text)
    # "新锐企业几家": another list, and question words only besides its name: the ask before, of it.
    another = bool(q.list_mention) and q.list_key != earlier.list_key and _bare(q.text.replace(q.list_mention, ""))
    if with_intent and earlier.intent != Intent.OTHER and (
            (bare and (q.intent == Intent.OTHER or q.answer_type == earlier.answer_type)) or (q.intent == Intent.OTHER and (q.text.rstrip("？?。 ").endswith("呢") or another))):
        # "…每个领域能推几个 新锐呢": the same ask as the part before, of another subject; "今年平台截止是几号？
        # 23年那次是几号", "…截止时间变了吗？去年是哪天，今年是哪天": of another round, in the words of the part
        # before (a part that names nothing asks what the part before asked; "…谁组织？几月" asks a time of its own).
        q.intent, q.attribute = earlier.intent, q.attribute or earlier.attribute
        q.answer_type = earlier.answer_type if q.answer_type == AnswerType.TEXT else q.answer_type
        q.expansion = q.expansion or earlier.expansion
        if bare:
            q.ask = f"{earlier.ask} {q.ask}"
        q.inherited.append("intent")
    return _compares(q)


def _bare(ask: str) -> bool:
    """An ask of question words only ("现在分别是多少", "那是几号"): it names nothing it asks about."""
    return len(BARE_ASK.sub("", ask)) <= BARE_LEFT


def _subjectless(text: str) -> bool:
    """"23年那次是几号", "那22年的呢": a part that names a round or points back, and asks nothing of its own."""
    return _bare(REFERS_BACK.sub("", re.sub(r"(?:20)?\d{2}\s*年(?:的)?", "", text)))


def _compares(q: Query) -> Query:
    """A part that asks what changed ("多出来的是哪个") compares the years it took from before."""
    if not q.compare and len(q.years) >= 2 and CHANGE_ASK.search(q.text):
        q.compare, q.intent = True, Intent.COMPARE
    return q
