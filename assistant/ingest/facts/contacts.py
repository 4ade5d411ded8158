"""Contact blocks: a header (list, field or body) followed by labelled lines (联系人、联系方式…)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from assistant.ingest.chunking import Line, Section, sections
from assistant.ingest.facts.common import (
    EMAIL,
    PHONE,
    Span,
    clauses,
    digits,
    find_fields,
    find_list_names,
    form_annex,
    make_fact,
    phone_fixes,
    phones_in,
    spoken_digits,
)
from assistant.ingest.identity import OFFICE
from assistant.ingest.notices import CJK, KEY_VALUE, LABEL, LABEL_KINDS, Notice, heading_level
from assistant.model import ContactFact, Fact, NoticeKind, Role

# A signature's second line: the organisation (and department), then the office held ("…专业委员会 秘书").
SIGNATURE_ORG = re.compile(rf"^(.{{4,50}}?)\s*(?:{OFFICE}|秘书|干事|专员|联络员)$")
ORG_WORDS = re.compile(r"联合体|联盟|学会|协会|研究会|研究所|秘书处|中心|部$|处$|办$|委员会|办公室|网络|科协|大学|研究院")
REVIEWERS = re.compile(r"初评机构|评审机构")
CALENDAR = re.compile(r"周[一二三四五六日天末]|星期[一二三四五六日天]|[上下]午|今天|明天|当天|当日")  # "10月31日（周四）": no one's name
NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、．.]|\d{1,2}\s*[.．、])\s*")


@dataclass
class Block:
    section: Section
    header: str
    header_line: Line | None
    lines: list[Line] = field(default_factory=list)
    values: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # kind -> [(label, value)]
    signer: str = ""  # a signature's name, on the line above its organisation and office

    def has(self, label: str) -> bool:
        kind = LABEL_KINDS[label.lower()]
        if kind in ("person", "body"):
            return kind in self.values
        return any(lab == label for lab, _ in self.values.get(kind, []))


INLINE_LABEL = re.compile(LABEL.pattern.lstrip("^"), re.I)
# A label written straight onto its value in running text, "…学会联合体，联系人邵景行，联系方式010-…":
# after a clause break, and only where what follows is the label's kind of value (a name, a number, a mailbox);
# "秘书处联系人由杜明远变更为俞清禾": the person now.
BARE_LABEL = re.compile(
    rf"(?:(?<=^)|(?<=[，,；;\s])|(?<=[{CJK}])(?=联系人由))(?:(联系人)(?:由[{CJK}]{{2,4}}?(?:变更|调整|更换|改)为)?(?=[{CJK}]{{2,4}}(?:[，,；;。\s（(/]|$))|"
    r"(联系方式|联系电话|电话|手机)(?=\s*[（(]?\d{3,4}[-）)\s]?\d)|(电子邮箱|邮箱)(?=\s*[A-Za-z0-9._-]+@))"
)
# "6.2 会员部 柯启航：会员资格核验、技术经理人领航榜咨询。": who (and their office), then what they handle.
WHO_DUTY = re.compile(rf"^(?:\d+(?:\.\d+)*\s*)?(?:(?P<org>[{CJK}A-Za-z]{{2,24}})\s+)?(?P<name>[{CJK}]{{2,3}})[：:]"
                      rf"(?P<duty>[^。：:]{{2,60}})[。；;]\s*$")


# A line naming a list (or its field) and, after a colon, the body that reviews it; no phone, no sentence.
LIST_AND_BODY = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?[^：:。，,；;\d]{2,24}榜(?:[（(][^）)]{2,20}[）)])?\s*[：:]\s*"
                           r"[“\"]?[^：:。，,；;\d]{2,30}(?:联合体|学会|协会|中心|研究院|委员会|联盟|网络|办公室|秘书处|机构)[”\"]?\s*$")


def _split_labels(text: str) -> tuple[str, list[tuple[str, str]]]:
    """'科技志愿服务榜：联系人：赵晓明，电话：010-…' -> ('科技志愿服务榜', [('联系人', '赵晓明'), ('电话', '010-…')]).
    A line is a label line when it starts with a label, or has one after a short header."""
    # ("初评联系：", "工作联系：" head what follows; "联系：" alone labels a person)
    found = [m for m in INLINE_LABEL.finditer(text) if not (m.group(1) == "联系" and m.start() and re.match(rf"[{CJK}]", text[m.start() - 1]))]
    spans = [(m.start(), m.end(), m.group(1)) for m in found]
    bare = [m for m in BARE_LABEL.finditer(text) if not any(a.start() <= m.start() < a.end() for a in found)]
    if any(m.group(1) for m in bare):  # (a bare 电话 alone is a sentence's number: _entity_contacts reads it)
        spans = sorted([*spans, *((m.start(), m.end(), m.group(m.lastindex or 0)) for m in bare)])
    if not spans or (spans[0][0] > 0 and (spans[0][0] > 30 or "。" in text[: spans[0][0]])):
        return "", []
    pairs = []
    for (_, end, label), nxt in zip(spans, [*spans[1:], None], strict=True):
        value = text[end : nxt[0] if nxt else len(text)].strip().rstrip("，,；;。 ")
        pairs.append((re.sub(r"\s+", "", label), value))
    return text[: spans[0][0]].strip().rstrip("：:，, "), pairs


def _office(org_parts: list[str]) -> str:
    """The office a sentence's words name, not the sentence: "…截止时间为10月31日 请各子公司汇总后报集团科协
    秘书处" -> 集团科协秘书处 (a part holding a date is what happens, not who)."""
    parts = []
    for part in org_parts:
        if re.search(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*年", part):
            continue
        if ORG_WORDS.search(part) and len(part) > 12:
            # (cut where the office begins: the shortest tail after 报/请/向… that still names one)
            tail = part
            for m in re.finditer(r"[报向至到给由与请将]", part):
                if not ORG_WORDS.search(part[m.end() :]):
                    break
                tail = part[m.end() :]
            part = tail
        parts.append(part)
    return " ".join(parts)


def org_and_persons(value: str) -> tuple[str, list[str]]:
    """'“科创中国”联合体秘书处 徐春淼、高辰麒' -> (org, [names])."""
    org_parts: list[str] = []
    names: list[str] = []
    value = PHONE.sub(" ", spoken_digits(EMAIL.sub(" ", value)))  # "周老师0351-5550123": the phone is not part of the name
    value = re.sub(r"[；;，,、（）()|｜]", " ", value)  # "王敏 …；李强 …", "陈思远（0755-…）", "联盟｜联系人 谯文博": several parts
    for token in value.split():
        label, colon, rest = re.sub(r"[:：]", "：", token).partition("：")
        if colon and label.lower() in LABEL_KINDS:
            token = rest  # "（联系人：耿书白，…）": a label, then the person
        elif bare := BARE_LABEL.match(token):
            token = token[bare.end() :]  # "联系人邵景行": the label written onto the person
        if token.endswith("榜") or token == "|" or token.lower() in LABEL_KINDS or token in ("分机", "座机", "办公电话"):
            continue  # a list's name in a contact table's row; "(电话 0431… / 手机 139…)": a label, not a name
        if (written := _name_after_office(token)) is not None:
            org_parts.append(written[0])  # "新区科协严若岚": the office, then the person written onto it
            names.append(written[1])
        elif ORG_WORDS.search(token) or len(re.sub(rf"[^{CJK}]", "", token)) > 6:
            org_parts.append(token)
        else:
            names += [n for n in re.split(r"[、，,/]", token) if re.fullmatch(rf"[{CJK}·]{{2,5}}", n) and not CALENDAR.fullmatch(n)
                      and (_name(n) == n or not SUBJECT_WORDS.search(n))]  # ("阮晓棠（新锐企业）": a scope, not a person)
    return _office(org_parts), names


# Words of what a contact handles, never of a person's name ("新锐企业", "融通创新平台", "电子信息").
SUBJECT_WORDS = re.compile(r"企业|创新|平台|信息|领域|技术|材料|制造|产业|医药|低碳|组织|机构|专项|基础|装备|榜")
OFFICE_END = re.compile(r"^(.{2,20}?(?:科协|学会|协会|研究会|秘书处|办公室|中心|联合体|协作体|联盟|研究院|研究所|[^\W\d_]{2}[部处]))(.{2,4})$")  # ("学术交流部钟雨桐", "…学会协作体邵景行")
RUNNING_TEXT = re.compile(r"联系|请|负责|由|向|找|咨询")


def _name_after_office(token: str) -> tuple[str, str] | None:
    """"新区科协严若岚" -> ("新区科协", "严若岚"): an office's name ending in its kind, then a person's
    name, whole (see _name)."""
    m = OFFICE_END.match(token)
    if m is None or RUNNING_TEXT.search(m.group(1)):
        return None  # (a sentence's words, "请联系省科协信息中心卢佳怡", are read as a sentence is)
    office, name = m.groups()
    return (office, name) if _name(name) == name else None


CENTRAL_OFFICE = re.compile(r"中国科协(?:办公厅)?[\u4e00-\u9fff]{2,12}?(?:部|司|办公室)(?![\u4e00-\u9fff]{0,6}联合体)")


LIST_THEN_BODY = re.compile(r"^[^—|｜：:。，,]{2,24}?(?:榜|领域|专项)(?:[（(][^）)]{1,20}[）)])?\s*(?:[—－|｜-]+|[：:])\s*(?=\S{4})(.+)$")


def _body_from_header(header: str) -> str:
    """"中国科协先进材料学会联合体（先进材料领域）": the body the header starts with; "先导技术榜电子
    信息领域初评机构（中国科协新一代信息技术学会联合体）": a role, and the body in its brackets."""
    named = re.search(r"(?:初评机构|评审机构)(?:为|是|[：:])?\s*(?![（(])([^，,；;。：:]{4,30})$", header)
    if named and ORG_WORDS.search(named.group(1)):
        return named.group(1).strip()  # "县科协：初评联系：新锐榜初评机构“科创中国”企业服务中心": the body it names
    # "场景创新榜——“科创中国”场景创新联合体", "成果转化经理人先锋榜｜中国技术转移服务联盟｜", "技术经理人先锋榜：
    # 全国技术转移服务联盟": the body after its list (or its field).
    after_list = LIST_THEN_BODY.match(header)
    bare = re.split(r"[（(：:]", after_list.group(1) if after_list else header)[0].strip().strip("|｜ ")
    if ORG_WORDS.search(bare) and not bare.endswith("榜"):
        return bare
    inner = re.search(r"[（(]([^（）()]{4,30})[）)]", header)
    if inner and REVIEWERS.search(bare) and ORG_WORDS.search(inner.group(1)):
        return inner.group(1)
    return ""


def _form_template(section: Section) -> bool:
    """An annex whose 联系人 cells are blanks to fill in: a form by its title (facts.common.form_annex), or an
    annex with no number or mailbox in any of its lines; not an annex that lists contacts ("附件5 联系方式")."""
    if not (section.path and section.path[0].startswith("附件")):
        return False
    return form_annex(section) or not any(phones_in(line.text) or EMAIL.search(line.text) for line in section.lines)


def extract_contacts(notice: Notice, list_names: list[str], field_names: list[str],
                     read_rows: list[tuple[int, int]] | None = None) -> list[Fact]:
    """`read_rows`: the table rows whose contacts were read by their header (tables.py), not read again."""
    facts = []
    for section in sections(notice):
        if _form_template(section):
            continue
        facts.extend(_section_contacts(notice, section, list_names, field_names))
    if not facts:
        facts.extend(_prose_contacts(notice) or _unlabelled_contacts(notice))
    else:
        # Labelled lines beside unlabelled ones: "先导技术榜：林朝晖010-…" under the same heading.
        facts.extend(_unlabelled_contacts(notice, by_list_only=True))
    held = {p for f in facts if isinstance(f, ContactFact) for p in [*f.phones, f.recipient_phone] if p}
    facts.extend(_entity_contacts(notice, list_names, field_names, held, read_rows or []))
    return _with_offices(notice, facts)


def with_corrected_phones(notice: Notice, facts: list[Fact]) -> list[Fact]:
    """A contact whose number the notice corrects elsewhere: the corrected number, cited where it is corrected."""
    fixes = phone_fixes(notice.clean.text)
    if not fixes:
        return facts
    out: list[Fact] = []
    for f in facts:
        held = {digits(p) for p in f.phones} if isinstance(f, ContactFact) else set()
        fix = next((x for x in fixes if x.old in held), None)
        if fix is None or not isinstance(f, ContactFact):
            out.append(f)
            continue
        line_start = notice.clean.text.rfind("\n", 0, fix.start) + 1
        line_end = notice.clean.text.find("\n", fix.end)
        line_end = len(notice.clean.text) if line_end < 0 else line_end
        start, end = notice.original_span(line_start, line_end)
        old = next(p for p in f.phones if digits(p) == fix.old)
        phones = [fix.new if digits(p) == fix.old else p for p in f.phones]
        labels = {fix.new if digits(p) == fix.old else p: label for p, label in f.phone_labels.items()}
        out.append(replace(f, phones=phones, phone_labels=labels, quote=notice.clean.text[line_start:line_end].strip(), start=start, end=end,
                           value=f.value.replace(old, fix.new)))
    return out


# "列席：封子墨（企业创新服务处）", "联系人：张三（科技处）": a person the notice names with their office.
PERSON_OFFICE = re.compile(rf"(?<![{CJK}])([{CJK}]{{2,4}})[（(]([^（）()\n]{{2,20}})[）)]")


def _with_offices(notice: Notice, facts: list[Fact]) -> list[Fact]:
    """A contact whose office its own lines leave out, given the office the notice names them with elsewhere."""
    offices: dict[str, str] = {}
    for m in PERSON_OFFICE.finditer(notice.clean.text):
        name, office = m.groups()
        if ORG_WORDS.search(office) and _name(name) == name:
            offices.setdefault(name, office)
    if not offices:
        return facts
    return [replace(f, org=offices[f.persons[0]]) if isinstance(f, ContactFact) and not f.org and f.persons
            and f.persons[0] in offices else f for f in facts]


# What a clause says the contact is for: "路演答辩安排：园区科协秘书处 方若琳，0592-…" (before the
# colon), "政策和名额问题找王启明老师，0532-…" (before 找/联系/咨询).
DUTY = re.compile(r"^(?P<duty>[^：:，,]{2,30})[：:]|^(?P<asked>[^：:]{2,30}?(?:问题|事宜|事项)?)[，,]?(?:请|可以|可)?(?:找|联系|咨询)")
RECORD_HEAD = re.compile(r"^(?:榜单|榜单名称|申报榜单|推荐榜单|所属榜单)\s*[：:]\s*(\S.{1,40})$")
SELF_INTRO = re.compile(r"我(?:是|叫)([^，,。！!；;]{2,30})")
TEACHER = re.compile(rf"([{CJK}]{{2,3}}?)(?:老师|同志|主任)")
# Common surnames: a word that does not start with one is not read as a person's name.
SURNAMES = set("谯王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由凤傅萧贝洪钮荀邴糜宓郗韶鄂赖莘逄郦濮阎庾暨弘禄殳蔚夔訾巢蒯竺桓")


COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐",
                     "夏侯", "端木", "独孤", "南宫", "西门", "呼延", "澹台", "太史", "申屠", "轩辕", "钟离", "闻人")


def _name(token: str) -> str:
    """A person's name at the end of a word ("人叫易骁" -> "易骁", "欧阳静姝"), or ""."""
    for size in (4, 3):
        tail = token[-size:]
        if len(token) >= size and re.fullmatch(rf"[{CJK}]{{{size}}}", tail) and tail.startswith(COMPOUND_SURNAMES):
            return tail
    for size in (3, 2):
        tail = token[-size:]
        if len(token) >= size and re.fullmatch(rf"[{CJK}]{{{size}}}", tail) and tail[0] in SURNAMES:
            return tail
    return ""


def _entity_contacts(notice: Notice, list_names: list[str], field_names: list[str], held: set[str],
                     read_rows: list[tuple[int, int]]) -> list[Fact]:
    """Contacts found from the phone numbers themselves, wherever a notice writes them (an article,
    a table's row, a speaker's words): each number no labelled block holds, with the person, office,
    lists and duty of its own clause."""
    facts: list[Fact] = []
    forms: dict[int, bool] = {}  # (once per section: a clause at a time would read the section's lines each time)
    for span in clauses(notice, "。；;"):
        form = forms.setdefault(id(span.section), _form_template(span.section))
        if form or any(start <= span.start < end for start, end in read_rows):
            continue
        phones = [p for p in phones_in(span.text) if len(re.sub(r"\D", "", p)) >= 10]
        new = [p for p in dict.fromkeys(phones) if p not in held]
        label = LABEL.match(span.text)
        if not new or (label and LABEL_KINDS[label.group(1).lower()] == "address"):
            continue  # a recipient's number on an address line belongs to the address
        if BARE_NUMBERS.fullmatch(span.text) and (above := _line_above(notice, span)) is not None:
            # "市科协科技服务部房依依" over "0796-3357218": a number on its own line is the name's above it
            # (a card's, a poster's block), cited with it.
            span = Span(above.start, span.end, notice.text[above.start : span.end], span.section)
        text = NUMBERING.sub("", re.sub(r"\s*\|\s*|\t", "：", span.text, count=1))
        duty = DUTY.match(text)
        rest = text[duty.end() :] if duty else text
        # "我是市科协科技经济融合部朱莉，…电话…": a speaker introducing themselves.
        intro = [m.group(1) for m in SELF_INTRO.finditer(rest)]
        org, tokens = org_and_persons(TEACHER.sub(lambda m: " " + m.group(1) + " ", SELF_INTRO.sub("", rest) if intro else rest))
        persons = [n for n in dict.fromkeys(_name(t) for t in [*TEACHER.findall(rest), *tokens, *intro]) if n]
        lists = [n for n in find_list_names(span.text, list_names) if not n.startswith(("系列", "科创中国"))]
        fields = find_fields(span.text, field_names)
        reviewer = bool(re.search(r"初评|评审机构", span.text + " ".join(span.section.path)))
        reviews = bool(lists or fields) or reviewer
        if re.search(r"技术支持|系统|客服|平台技术", span.text):
            role = Role.TECH
        elif notice.kind != NoticeKind.ORIGINAL and not (lists or fields and reviewer):
            # (a unit's own office for a field, "医学部科研办公室（生物医药领域）", is not the field's review body)
            # A forwarding or internal notice's own contact (as labelled blocks are read), unless the call's office.
            role = Role.GENERAL if CENTRAL_OFFICE.match(org) else Role.SOCIETY
        else:
            role = Role.REVIEW if reviews else Role.OTHER
        what = (duty.group("duty") or duty.group("asked") or "").strip("，, ") if duty else ""
        facts.append(make_fact(
            notice, ContactFact, span, value="、".join(persons) or "、".join(new), lists=lists, fields=fields,
            header=what or org or "联系方式", body="", org=org, persons=persons, phones=new,
            phone_labels=dict.fromkeys(new, "电话"), emails=[e.group(0) for e in EMAIL.finditer(span.text)], role=role))
        held.update(new)
    return facts


# A line of numbers only ("010-58836120 / 13810562247"), its owner not named on it.
BARE_NUMBERS = re.compile(r"[\d\s/、,，()（）+\-—转]+")


SERVICE = re.compile(r"技术支持|咨询|热线|客服|服务电话")
SERVICE_LABEL = 12


def _line_above(notice: Notice, span: Span) -> Line | None:
    """The line just above a clause that starts its line, when it names someone (or labels a service)
    and gives no number."""
    start = notice.text.rfind("\n", 0, span.start)
    if start <= 0 or notice.text[start + 1 : span.start].strip():
        return None
    begin = notice.text.rfind("\n", 0, start) + 1
    text = notice.text[begin:start]
    if not text.strip() or phones_in(text) or EMAIL.search(text):
        return None
    if not (org_and_persons(text)[1] or (len(text.strip()) <= SERVICE_LABEL and SERVICE.search(text))):
        return None  # (a name, or a short label of a service: "平台申报技术支持")
    return Line(begin, start, text)


CONTACT_HEADING = re.compile(r"联系")


def _unlabelled_contacts(notice: Notice, by_list_only: bool = False) -> list[Fact]:
    """"市科协学会部 陈思远（0755-2688 1234，chen@…）" under a 联系方式 heading: a contact line with
    no label at all, read as office, person, phones and mailbox; "新锐企业榜、…：宋佳怡 010-…": the
    lists it is for, then the person (the only kind read when `by_list_only`)."""
    facts: list[Fact] = []
    for section in sections(notice):
        if not any(CONTACT_HEADING.search(h) for h in section.path) or _form_template(section):
            continue
        for line in section.lines:
            if LABEL.match(line.text) or heading_level(line.text) is not None:
                continue
            phones = phones_in(line.text)
            head, colon, rest = line.text.partition("：") if "：" in line.text else line.text.partition(":")
            named = find_list_names(head) if colon else []
            org, persons = org_and_persons(rest if named else line.text)
            duty = WHO_DUTY.match(line.text.split("。")[0] + "。")
            what = ""
            if duty and duty.group("name")[0] in SURNAMES:
                # "6.2会员部 柯启航：会员资格核验、领航榜咨询。电话…": who (and their office), then what they handle.
                org, persons, named = (duty.group("org") or "").lstrip("0123456789. "), [duty.group("name")], \
                    find_list_names(duty.group("duty"))
                what = f"{org} {duty.group('name')}：{duty.group('duty')}".strip()
            if not phones or not persons or (by_list_only and not named):
                continue
            lists = named or (find_list_names(line.text) if re.search(r"[|｜]", line.text) else [])  # a row's cells
            facts.append(_loose_contact(notice, Span(line.start, line.end, line.text, section), org, persons, phones, lists, what,
                                        # (the body its head names, else the office its line names after the colon)
                                        body=(_named_body(head, named) or org) if colon else org if lists else ""))
    return facts


# "有关问题请与学会秘书处王磊联系，电话：0351-…": a contact written in a sentence, not in labelled lines.
PROSE_CONTACT = re.compile(
    rf"(?:请|可|敬请)?(?:与|联系)(?P<org>[{CJK}]{{2,14}}?(?:秘书处|办公室|处|部|中心|科))?(?P<name>[{CJK}]{{1,3}}(?:老师|同志)|[{CJK}]{{2,3}})联系"
)


def _prose_contacts(notice: Notice) -> list[Fact]:
    facts: list[Fact] = []
    for span in clauses(notice, "。"):
        m = PROSE_CONTACT.search(span.text)
        phones = phones_in(span.text)
        if not m or not phones or _form_template(span.section):
            continue
        facts.append(_loose_contact(notice, span, m.group("org") or "", [m.group("name")], phones))
    return facts


def _named_body(head: str, lists: list[str]) -> str:
    """"技术转移领航榜（全国技术转移人才发展联盟）": the body a line's head names beside its lists."""
    rest = head
    for name in lists:
        rest = rest.replace(name, " ")
    rest = re.sub(r"[（）()\s、，,]+", " ", NUMBERING.sub("", rest)).strip()
    if re.search(r"领域|专项", rest):
        return ""  # "先导技术榜（先进材料领域）": the list's field, not a body
    return rest if lists and re.fullmatch(rf"[{CJK}“”\"]{{4,30}}", rest) else ""


def _loose_contact(notice: Notice, span: Span, org: str, persons: list[str], phones: list[str], lists: list[str] | None = None,
                   what: str = "", body: str = "") -> Fact:
    """A contact read from a sentence or an unlabelled line: its people, phones and mailboxes, the
    list a contact table's row names, and what the line says they handle."""
    role = Role.SOCIETY if notice.kind != NoticeKind.ORIGINAL else Role.GENERAL
    if lists or REVIEWERS.search(" ".join(span.section.path[-2:])):
        # "技术转移领航榜（…联盟）：岑晓岚，010-…" under "初评机构联系方式（转录自科协通知）": a list's
        # review body restated by a forwarding notice, not the notice's own office.
        role = Role.REVIEW
    # "先导技术榜（先进材料领域）：…": the fields its list is named with
    fields = re.findall(rf"([{CJK}]{{2,8}}?)领域", span.text.split("：")[0]) if lists else []
    return make_fact(
        notice, ContactFact, span, value="、".join(persons), header=what or org or "、".join(lists or []) or "联系方式", body=body, org=org,
        lists=lists or [], fields=fields,
        persons=persons, phones=phones, phone_labels=dict.fromkeys(phones, "电话"),
        emails=[e.group(0) for e in EMAIL.finditer(span.text)], role=role,
    )


def _entry_lines(lines: list[Line]) -> Iterator[Line]:
    """The lines, a line of several entries each with its own bare 联系人 ("新锐榜初评机构X，联系人闫可欣，010-…；
    融通榜初评机构Y，联系人濮文韬，010-…") split into one line per entry, so each is read with its own head."""
    for line in (sentence for whole in lines for sentence in _own_contact_sentences(whole)):
        # ("…联系人雷芷萱，电话010-…。政策问题可咨询某部钮思远，电话010-…。": each sentence its own, then each entry)
        if sum(1 for m in BARE_LABEL.finditer(line.text) if m.group(1)) < 2:
            yield line
            continue
        pos = 0
        for m in re.finditer(r"[^；;]+[；;]?", line.text):
            part = m.group(0).strip()
            if part:
                at = line.text.index(part, pos)
                yield Line(line.start + at, line.start + at + len(part), part)
                pos = at + len(part)


def _own_contact_sentences(line: Line) -> list[Line]:
    """A line's sentences when more than one of them gives a number of its own (each then names its own
    person and office); else the line whole."""
    parts = [(m.start(), m.group(0)) for m in re.finditer(r"[^。]+。?", line.text) if m.group(0).strip()]
    if sum(1 for _, text in parts if phones_in(text)) < 2:
        return [line]
    return [Line(line.start + at, line.start + at + len(text), text) for at, text in parts]


def _section_contacts(notice: Notice, section: Section, list_names: list[str], field_names: list[str]) -> list[Fact]:
    facts: list[Fact] = []
    first = section.lines[0]
    heading = NUMBERING.sub("", first.text) if heading_level(first.text) is not None else ""
    header, header_line = heading, first if heading else None
    block: Block | None = None
    previous: Line | None = None
    in_record = False  # inside a record headed by "榜单：…"
    signer = ""

    def close() -> None:
        nonlocal block
        if block and block.lines and ({"person", "phone", "email"} & set(block.values)):
            facts.extend(_block_fact(notice, entry, list_names, field_names) for entry in _entries(block))
        block = None

    for line in _entry_lines(section.lines):
        if line is not first or heading_level(line.text) is None:
            prefix, pairs = _split_labels(line.text)
        else:  # "3. 联系人：孙悦 139…": a numbered line that is itself a label line
            rest = NUMBERING.sub("", line.text)
            prefix, pairs = ("", _split_labels(rest)[1]) if LABEL.match(rest) else ("", [])
            if pairs:
                header, header_line = "", None
        if prefix:  # the line names what its labels are about
            close()
            header, header_line = NUMBERING.sub("", prefix), line
            previous = line
        if not pairs:
            if line is not first:
                close()
                # A header names what follows ("先导技术榜（装备制造领域）"); "协会截止时间：请于…" says something;
                # a record's "榜单：先导技术榜（电子信息领域）" names what its other fields are about.
                record = RECORD_HEAD.match(line.text)
                if record:
                    header, header_line = record.group(1).strip(), line
                    in_record = True
                elif re.fullmatch(r"[-=─━_*]{5,}", line.text.strip()):
                    header, header_line, in_record = heading, None, False  # the record ends
                elif in_record and KEY_VALUE.match(line.text):
                    pass  # the record's other fields ("推荐名额：3项") keep its head
                elif LIST_AND_BODY.match(line.text):
                    # "先导技术榜（电子信息领域）：“科创中国”数字技术产学联合体": the list and its body head what follows
                    header, header_line = NUMBERING.sub("", line.text), line
                elif len(line.text) <= 60 and "。" not in line.text and not re.search(r"[：:](?!//).{6,}", line.text):
                    header, header_line = NUMBERING.sub("", line.text).rstrip("：:"), line
                    # An e-mail's signature: "黎振东" above "中国智能传感学会 副秘书长", its phones below.
                    signed = SIGNATURE_ORG.match(line.text)
                    named = previous is not None and re.fullmatch(rf"[{CJK}]{{2,4}}", previous.text) \
                        and previous.text[0] in SURNAMES and not ORG_WORDS.search(previous.text)
                    signer = previous.text if (signed or ORG_WORDS.search(line.text)) and named and previous is not None else ""
                    if signer and signed:
                        header = signed.group(1)
                else:
                    header, header_line = heading, None
            previous = line
            continue
        if block is not None and "person" in block.values and any(LABEL_KINDS[label.lower()] == "person" for label, _ in pairs):
            close()  # a line of its own person is its own record, its body and duty before the person included
        for label, value in pairs:
            if block is None or block.has(label):
                close()
                adjacent = header_line if header_line is not None and previous is header_line else None
                block = Block(section, header, adjacent, signer=signer if adjacent is not None else "")
            if not block.lines or block.lines[-1] is not line:
                block.lines.append(line)
            block.values.setdefault(LABEL_KINDS[label.lower()], []).append((label, value))
        previous = line
    close()
    return facts


def _entries(block: Block) -> list[Block]:
    """The block, or one block per entry when its one 联系人 line holds several, each with its own
    phone ("联系人：先导技术榜（装备制造领域）柏志恒，010-…；先导技术榜（绿色低碳领域）宁海川，010-…"):
    each entry's person, phones and what it names (lists, fields) are its own."""
    people = block.values.get("person", [])
    if len(people) != 1:
        return [block]
    label, value = people[0]
    entries = [e.strip() for e in re.split(r"[；;]", value) if e.strip()]
    if len(entries) < 2 or not all(PHONE.search(e) for e in entries):
        return [block]
    return [Block(block.section, block.header, block.header_line, block.lines,
                  {**block.values, "person": [(label, e)], "duty": [*block.values.get("duty", []), ("负责", e)]},
                  block.signer) for e in entries]


def _block_fact(notice: Notice, block: Block, list_names: list[str], field_names: list[str]) -> Fact:
    start_line = block.header_line or block.lines[0]
    end_line = block.lines[-1]
    text = notice.text[start_line.start : end_line.end]
    span = Span(start_line.start, end_line.end, text, block.section)
    org, persons = "", []
    # "联系方式：协会秘书处 沈一舟 0574-…": with no 联系人 line, the people are in the phone line.
    for _, value in block.values.get("person") or block.values.get("phone", []):
        o, names = org_and_persons(value)
        org = org or o
        persons += names
    persons = persons or ([block.signer] if block.signer else [])
    org = org or next((v for _, v in block.values.get("org", [])), "")  # "部门: 集团科协秘书处"
    prose = PROSE_CONTACT.search(block.header) if not persons else None
    if prose:  # "有关问题请与学会办公室张敏同志联系，电话：…": the person is in the words before the labels
        org, persons = org or prose.group("org") or "", [prose.group("name")]
    header = (prose.group("org") or "联系方式") if prose else block.header
    phones: list[str] = []
    phone_labels: dict[str, str] = {}
    # Phones written into a 联系人 line ("张三，电话010-…") count too; addresses keep theirs.
    for kind in ("phone", "person", "body"):
        for label, value in block.values.get(kind, []):
            for number in phones_in(value):
                if number not in phone_labels:
                    phones.append(number)
                    phone_labels[number] = label if kind == "phone" else "电话"
    emails = list(dict.fromkeys(m.group(0) for vals in block.values.values() for _, v in vals for m in EMAIL.finditer(v)))
    address, recipient, recipient_phone = "", "", ""
    for _, value in block.values.get("address", []):
        address = value
        parts = [p.strip() for p in re.split(r"[，,]", value)]
        if len(parts) >= 3 and PHONE.fullmatch(parts[-1]) and re.fullmatch(rf"[{CJK}]{{2,4}}", parts[-2]):
            address, recipient, recipient_phone = "，".join(parts[:-2]), parts[-2], parts[-1]
    bodies = [v for _, v in block.values.get("body", [])]
    body = bodies[0] if bodies else _body_from_header(block.header)
    # "负责: 新锐企业榜、青年科创先锋榜", a card's "职务：成果转化先锋榜初评机构联系人": what the person handles
    duties = " ".join(v for kind in ("duty", "title") for _, v in block.values.get(kind, []))
    scope_text = f"{block.header} {duties} " + " ".join(block.section.path[-2:])
    lists = [n for n in find_list_names(scope_text, list_names) if not n.startswith(("系列", "科创中国"))]
    fields = find_fields(f"{block.header} {duties}", field_names)
    if not lists and fields and len(list_names) == 1:
        lists = list(list_names)  # a one-list notice (2020) names only the field in its contact blocks
    labels = " ".join(lab for vals in block.values.values() for lab, _ in vals)
    if re.search(r"系统|技术支持|客服", block.header + labels) and not lists:
        role = Role.TECH
    elif lists or fields:
        role = Role.REVIEW  # "长城企业战略咨询研究所（产学研融通组织榜）" reviews a list, whatever its name says
    elif re.search(r"咨询", block.header):
        role = Role.GENERAL
    elif bodies:
        role = Role.REVIEW
    else:
        role = Role.OTHER
    if notice.kind != NoticeKind.ORIGINAL and not lists and role != Role.TECH:
        # A forwarding or internal notice's own contact, whatever its header says; but the call's own
        # office it restates ("中国科协科技成果转化部 联系人：…") is still the round's enquiry contact.
        central = CENTRAL_OFFICE.match(f"{block.header} {body}".strip()) or CENTRAL_OFFICE.match(org)
        role = Role.GENERAL if central else Role.SOCIETY
    return make_fact(
        notice,
        ContactFact,
        span,
        value="、".join(persons) or "、".join(phones),
        lists=lists,
        fields=fields,
        header=header,
        body=body,
        org=org,
        persons=persons,
        phones=phones,
        phone_labels=phone_labels,
        emails=emails,
        address=address,
        recipient=recipient,
        recipient_phone=recipient_phone,
        role=role,
    )
