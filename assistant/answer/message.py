"""A whole message as users write it: greetings, who they are, their situation, one or more
questions, thanks. Split into sentences; set aside courtesies; keep the question sentences (each
answered on its own, in order) and the statements (the asker's situation, read into a profile).

Relevance and intent are judged on the questions only, so a long polite e-mail is not declined for
the words around its question, nor routed by them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.model import Intent

SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
# Opening courtesies ("李老师您好！", "各位老师好，", "您好，") and closing ones.
GREETING = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,3}老师|各位(?:老师|领导|同事)?|老师|领导|您|你|大家)?\s*(?:您好|你们好|好)[，,！!～~\s]*"
)
COURTESY_WORDS = re.compile(
    r"谢谢(?:您|你|老师|大家)?|多谢|感谢|麻烦(?:您|你)?(?:了|告知|指导一下|回复|帮忙看看)?|先谢过|祝(?:您)?(?:工作)?顺利|祝好|"
    r"辛苦了?|拜托了?|盼复|比较急|很急|望回复|期待(?:您的)?回复|打扰了|[\s，,！!。～~、]"
)
ADDRESSEE = re.compile(r"^([\u4e00-\u9fff]{1,2}老师)(?:您好|你好|好)")
SIGN_OFF = re.compile(r"(?:——|--|—)[^。！？!?]{0,24}$")
# 几 that asks ("几号", "能推几个"), not one that counts roughly ("十几项", "几十家", "好几个", "我们几个").
ASKING_JI = r"(?<![好这那们十百千万])几(?![十百千万何乎])"  # 几何 (geometry), 几乎 (almost) ask nothing
QUESTION_WORDS = re.compile(
    r"[？?]|吗|呢|什么|哪|" + ASKING_JI + r"|多少|是否|能否|能不能|可不可以|可否|怎么|怎样|如何|请问|有没有|谁|是啥|啥|多久|何时|"
    r"行不行|够不够|对不对|算不算|要不要|会不会|还有没有|有无|"
    # any verb asked A-not-A ("还用不用寄", "需不需要盖章", "交不交"): a question however it ends ("是不是"
    # leads a sentence's guess, "是不是改名了？", and is read with its question mark: as before)
    # (not 动不动/时不时, nor "不管评不评得上": no question)
    r"(?<!不管)(?<!无论)(?<!管他)(?![是动时])([\u4e00-\u9fff])不\1|"
    # requests are asks too: "联系人电话顺便也发我下", "麻烦告知一下截止时间"; not a word that only
    # ends in 发 ("转发一下通知给大家", "下发", "印发": the asker's own doing)
    r"(?<![转分下印颁收])发(?:给)?我|给我|告诉我|告知|(?:(?<![转分下印颁收])发|给|说|讲|查)一?下|"
    # "麻烦给个电话", "烦请提供一下联系方式": a polite request
    r"(?:麻烦|劳驾|烦请)(?:您|你)?(?:给|提供|留|发|告)"
)
ANNOUNCE = re.compile(r"想问[两二三几]件事|有[两二三几]个问题|问[两二三几]个问题")
# "现有两个问题请教", "有三处拿不准", "几点疑问": asks announced; the items after them are the asks.
ANNOUNCED = re.compile(r"[两二三四几]\s*(?:个问题|件事|处(?:拿不准|不清楚|不明白|疑问)|点(?:疑问|问题))")
# "一是…", "第二，…", "1）…", "（二）…", "②…": an enumerated item.
ENUMERATED_ITEM = re.compile(r"^(?:[一二三四五六]是|其[一二三四五六]|第[一二三四五六][，,、：:是]?|[（(]?[1-6一二三四五六][）)、.．]|[①-⑥])")
# A wish to call or write to someone is a request for their contact.
WANTS_CONTACT = re.compile(r"(?:想|需要|希望|打算|准备)(?:直接)?(?:跟|和|与|找|联系|打电话|致电|电话)[^。！？!?]{0,16}"
                           r"(?:电话|联系|确认|咨询|沟通|核实|问问)")
ASK_MARK = re.compile(r"^(?:想(?:问|确认|咨询)(?:一下|下)?|请问|问一下|咨询一下)[：:，,]?")


@dataclass
class Message:
    text: str
    questions: list[str] = field(default_factory=list)  # in the order asked
    statements: list[str] = field(default_factory=list)  # the asker's situation and context
    asked: bool = True  # False: nothing in the message reads as a question
    addressee: str = ""  # whom it is written to ("俞老师您好"): a notice's contact, maybe

    @property
    def context(self) -> str:
        return "。".join(self.statements)


def _strip(sentence: str) -> str:
    s = sentence.strip()
    s = SIGN_OFF.sub("", s).strip()
    previous = None
    while s and s != previous:
        previous = s
        s = GREETING.sub("", s).strip()
        s = ASK_MARK.sub("", s).strip()
    return s


# Where one sentence may join several asks: commas, 、, and the spaces of a message typed without
# punctuation ("23年终评几月 啥时候发榜").
JOINS = re.compile(r"[，,、]|\s+")
# "新锐呢", "那融通呢", "生物医药领域呢": the same ask of another subject.
ELLIPTICAL = re.compile(r"^(?:那|那么|还有)?[^，,、\s]{1,12}呢$")
# "…所属行业那栏按什么填 还有行业代码要填到哪一级": a piece led by a word that adds an ask, asking itself.
ANOTHER_ASK = re.compile(r"^(?:还有|另外|此外|再有|再就是|顺便问一?下|还想问一?下)")


# "…是这样吗？还是得更早？": the other branch of a yes/no question that names nothing of its own (a
# comparative, a modal: "还是得更早", "还是不行") is one question with it. A branch with a subject of its own
# ("还是对文件格式有要求？", "还是只能用深圳子公司？") or a question word ("还是找谁问一下") asks apart: it is
# answered by what it names (merging those lost two whole-corpus questions).
OTHER_BRANCH = re.compile(r"^(?:还是说?|或者说?|或是)(?!这个|那个|原来|之前|以前)(?P<rest>[\u4e00-\u9fff]{0,4})$")
BRANCH_ASKS = re.compile(r"什么|哪|多少|谁|怎么|怎样|如何|啥|多久|何时|" + ASKING_JI)


# A first part of no known kind that is a whole yes/no question is an ask of its own ("线上报完纸质的还用寄吗");
# one asking what or where ("开的什么会", "初评完结果交到哪") is read with the asks after it.
YES_NO_ASK = re.compile(r"(?:吗|么|不|没有?)[？?]?$")


# "截止时间和推荐名额分别是多少", "名额和联系电话": two asks of different kinds joined by a conjunction.
CONJUNCTION = re.compile(r"(?<=[\u4e00-\u9fff])(?:以及|还有|和|及|与|跟)(?=[\u4e00-\u9fff])")


def _conjoined(question: str) -> list[str] | None:
    """The two asks a conjunction joins when each side asks something of its own kind ("先导榜的联系人
    和截止时间是啥"); None when a side asks nothing ("电子信息和生物医药的名额": two subjects, one ask)."""
    from assistant.answer.understand import detect_intent

    for m in CONJUNCTION.finditer(question):
        left, right = question[: m.start()].strip(), question[m.end() :].strip()
        first, second = detect_intent(left), detect_intent(right)
        if Intent.OTHER not in (first, second) and first != second:
            return [left, right]
    return None


# "从推荐截止到榜单发布隔了多久", "平台上传截止到初评报送截止，中间隔了几天": the time between two events
# asks when each is (the notices give the dates; the gap is the asker's sum).
SPAN_ASK = re.compile(r"从?(?P<a>[^，,从到至]{2,20}?)(?:到|至)(?P<b>[^，,从到至]{2,20}?)[，,]?(?:中间|之间|前后)?"
                      r"(?:大概|大约|一共|总共)?(?:隔|间隔|相隔|相差|差|有|给|留)了?(?:多久|多长时间|几天|多少天|几个月|多少个?工作日|多长)")
NOW = re.compile(r"(?:现在|今天|目前|当前|眼下|此刻)")
DATED = re.compile(r"\d{1,2}\s*[月日号]|[月日号]底|[月日号]初")


def _span_asks(question: str) -> list[str] | None:
    m = SPAN_ASK.search(question)
    if m is None or DATED.search(m.group("a")) or DATED.search(m.group("b")) or NOW.match(m.group("a")):
        return None  # (between two dates given, or from today: a sum, not an ask of two events)
    lead = question[: m.start()]  # ("2020年那份通知，从发文到平台截止…": the round and notice meant)
    return [f"{lead}{m.group('a')}是什么时候", f"{lead}{m.group('b')}是什么时候"]


def _asks(question: str, marked: bool = False) -> list[str]:
    """"平台网址多少，登录不了找谁", "几个名额、截止哪天、初评找谁", "先导榜能推几个 新锐呢": several
    asks in one sentence, split where each part asks something of its own kind (or, elliptically, the
    same of another subject); "截止是哪天，还来得及吗" stays one. `marked`: the sentence ended with a
    question mark, which asks for its last part too ("…设几项，联系人电话？")."""
    from assistant.answer.understand import detect_intent

    pieces = [p.strip() for p in JOINS.split(question) if p.strip()]
    if len(pieces) < 2:
        return _conjoined(question) or [question]
    # Pieces of one ask stay together: one that asks the same kind as the one before ("联系人、电话"),
    # or that asks nothing of its own ("截止是哪天，还来得及吗"), joins it.
    parts: list[tuple[str, Intent, bool]] = []
    for i, piece in enumerate(pieces):
        intent = detect_intent(piece)
        elliptical = bool(ELLIPTICAL.match(piece))
        asks = bool(QUESTION_WORDS.search(piece)) or (marked and i == len(pieces) - 1 and intent != Intent.OTHER)
        another = asks and bool(ANOTHER_ASK.match(piece))  # (of the same kind, or of the kind before it)
        if parts and not elliptical and not another and (intent in (Intent.OTHER, parts[-1][1]) or not asks):
            text, kind, ell = parts[-1]
            parts[-1] = (f"{text}，{piece}", kind if kind != Intent.OTHER else intent, ell)
        else:
            parts.append((piece, intent, elliptical))
    if len(parts) >= 3 and parts[0][1] == Intent.OTHER and not QUESTION_WORDS.search(parts[0][0]):
        # "鹭江那份实施细则，文号是多少，有效期到哪天": a topic first, asking nothing; it leads the first ask
        # (the later ones take its subject from the part before them).
        (topic, _, _), (text, kind, ell) = parts[0], parts[1]
        parts[:2] = [(f"{topic}，{text}", kind, ell)]
    # (A first part of no known kind joins the rest, unless it asks something itself: "线上报完纸质的还用寄吗 终审几月".)
    if len(parts) < 2 or (parts[0][1] == Intent.OTHER and not YES_NO_ASK.search(parts[0][0])) or not all(
            QUESTION_WORDS.search(text) or (marked and i == len(parts) - 1) for i, (text, _, _) in enumerate(parts)):
        return [question]
    return [text for text, _, _ in parts]


def read_message(text: str) -> Message:
    """Questions and statements of a message; a message with no question sentence is one question."""
    msg = Message(text)
    greeted = ADDRESSEE.match(text.strip())
    msg.addressee = greeted.group(1) if greeted else ""
    announced = False
    yes_no = False  # the sentence before asked yes or no
    for m in SENTENCE.finditer(text):
        announced = announced or bool(ANNOUNCED.search(m.group(0)))
        s = _strip(m.group(0))
        core = s.rstrip("。！？!?；;，, ")
        if len(re.sub(r"[^\u4e00-\u9fff\w]", "", core)) < 2 or not COURTESY_WORDS.sub("", s):
            continue
        # "我是…的入选者，想问两件事：今年还能报吗": what comes before the colon is the situation.
        head, colon, tail = core.partition("：") if "：" in core else core.partition(":")
        if colon and tail and not QUESTION_WORDS.search(head):
            head = ANNOUNCE.sub("", head).strip("，, ")
            if head:
                msg.statements.append(head)
            core = tail.strip()
        core = ANNOUNCE.sub("", core).strip("，,：: ")
        if len(core) < 2:
            continue
        marked = bool(re.search(r"[？?]\s*$", s))
        words = [m.group(0) for m in QUESTION_WORDS.finditer(core)]
        if s.rstrip().endswith("。") and words and all(w == "几" for w in words) and (
                re.search(r"有" + ASKING_JI, core) or re.search(r"已经|了$", core)):
            # "有几项实用新型专利。", "现在已经在几家钢厂用上了。": a few of them, told; not asked
            msg.statements.append(core)
            continue
        if yes_no and msg.questions and OTHER_BRANCH.match(core) and not BRANCH_ASKS.search(core):
            msg.questions[-1] = f"{msg.questions[-1]}，{core}"
            continue
        yes_no = bool(YES_NO_ASK.search(core)) and marked
        if words or marked:  # "…联系人和电话？" asks by its mark
            msg.questions.extend(_span_asks(core) or _asks(core, marked))
        elif WANTS_CONTACT.search(core):
            msg.questions.append(core)  # "想直接跟初评那边电话确认": who to call, asked without a question word
        elif announced and ENUMERATED_ITEM.match(core):
            msg.questions.append(core)  # "现有两个问题请教：一是先进材料领域初评的联系人及电话；二是…"
        else:
            msg.statements.append(core)
    if not msg.questions:
        msg.asked = False
        whole = " ".join(msg.statements) or text.strip()
        # "技术经理人先锋榜名额和联系电话": one noun phrase of two asks is two questions.
        conjoined = _conjoined(whole) if len(msg.statements) <= 1 else None
        msg.questions = conjoined or [whole]
    return msg
