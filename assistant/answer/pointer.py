"""Which notice a question points at: by issuer (full or short name), by kind (学校的通知, 学会转发的
通知, 中国科协的通知), by document number, by a stand-alone list's own call, or by its publication date.

The corpus holds many notices per round (the original call and the forwarding and internal notices
of societies, universities, institutes); a staff member asking about *their* notice must be answered
from it, never from another notice of the same year."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.answer.similarity import is_subsequence
from assistant.ingest.dates import parse_date
from assistant.ingest.identity import ORIGINAL_ISSUER, UNSIGNED_LABELS
from assistant.ingest.notices import NoticeMeta
from assistant.model import NoticeKind
from assistant.names import unquote

# Words an issuer's name shares with many others: a match made only of them points at nothing.
GENERIC = re.compile(
    r"科创中国|榜单|中国|中华|全国|科学技术|科技|协会|学会|委员会|办公厅|办公室|秘书处|促进会|联合会|联合体|研究会|研究院|研究所|"
    r"大学|学院|中心|省|市|区|处|部|的|有限公司|公司|集团|科协|联盟|商会|产业"
)
# The kind of notice a question names ("学校的通知里…", "学会转发的通知", "科协的原通知").
KIND_WORDS: list[tuple[NoticeKind, re.Pattern[str]]] = [
    (NoticeKind.INTERNAL, re.compile(
        r"(?:学校|高校|校内|我校|本校|院里|所里|院内|所内|单位内部)(?:的|发的|下发的|里的?)?(?:通知|文件|安排|要求)?|校内通知|内部通知"
        r"|(?:我们|咱们|我|本)(?:学院|院系|系里)"
        r"|(?:学校|院里|所里)(?:发来的|下发的)?(?:那份|这份|那个|这个|那条|这条)[^，,。；;？?]{0,12}?(?:通知|文件)")),  # "我们学院先导榜能报几项": a school of the university whose notice it is
    (NoticeKind.FORWARDING, re.compile(
        r"(?:学会|协会|本会|我会|我们学会|我们协会|促进会)(?:的|发的|下发的|转发的|里的?)?(?:通知|文件|转发)|转发(?:的)?通知|学会内部|会员单位的通知"
        # "学会那份2023年榜单通知", "协会发来的那个文件"
        r"|(?:学会|协会|本会|我会|促进会)(?!联合体)(?:发来的|转来的|转过来的|下发的|转发的|转的|发的)?(?:那份|这份|那个|这个|那条|这条)[^，,。；;？?]{0,12}?(?:通知|文件)")),
    (NoticeKind.ORIGINAL, re.compile(r"(?:中国)?科协(?:办公厅)?(?:的|发的|原)?(?:原)?通知|原通知|总通知|科协原文")),
]
# The call a unit's notice passes on, named beside it ("跟中国科协办公厅的原文比", "和原通知比").
ORIGINAL_NAMED = re.compile(r"科协(?:办公厅)?(?:的|发的)?(?:原文|原通知|通知原文|通知)|原通知|原文|总通知")
# The level of issuer a question sends its ask to ("省科协这边谁管", "往省里推几个", "集团内部几号截止"), read
# from the issuer's own name; the asker's own ("我们市", "我是绵阳市科协的") is who asks, not whom.
LEVELS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [  # (what an ask says, what the issuer's name says)
    (re.compile(r"省科协|省里|省级(?!学会)|全省|省科学技术协会"), re.compile(r"省(?:科学技术协会|科协)")),
    (re.compile(r"市科协|市里|市级(?!学会)|全市|市科学技术协会"), re.compile(r"市(?:科学技术协会|科协)")),
    (re.compile(r"学会|协会(?!会员)|研究会"), re.compile(r"(?<!科学技术)(?:学会|协会|研究会)|(?<!科学技术)联合会")),
    (re.compile(r"学校|校内|校里|我校|本校|学院"), re.compile(r"大学|学院")),
    # "院里能推荐吗": an institute's own office, not a university's 科学研究院 (its office is the school's).
    (re.compile(r"(?<![学医])院(?:里|内)|本院|我院|全院"), re.compile(r"^(?:(?!大学|学院).)*(?:研究院|科学院|设计院)")),
    (re.compile(r"集团|二级单位|子公司|总部"), re.compile(r"集团|公司")),
    (re.compile(r"园区|管委会|高新区|开发区|经开区"), re.compile(r"园区|管委会|管理委员会|高新区|开发区|科学城|科技城")),
]
THERE = re.compile(r"(?:那边|那里|那儿|那头)")
# ("我们是园区里的一家企业": in the park, whose notice it is, not the park asking; "我们市里已经盖好章了" is.)
ASKER_OWN = re.compile(r"(?:我们|咱们|我|本|我是)(?:(?![里内]的)[^，,。；;？?！!]){0,12}?(?:省|市|区|县|学会|协会|学院|集团|园区|公司|单位)(?![里内]的)")
DOC_REF = re.compile(r"[〔\[［(（]\s*(20\d{2})\s*[〕\]］)）]\s*(\d+)\s*号")
PUBLISHED_ASK = re.compile(r"(\d{1,2})月(\d{1,2})日(?:发布|印发|下发|发的|发出|的通知)")


class PointedBy(StrEnum):
    """How a question names the notices it points at."""

    NONE = ""
    ISSUER = "issuer"  # "江北省电子学会", "电子学会"
    KIND = "kind"  # "学会转发的通知", "学校的通知"
    DOC_NUMBER = "doc number"
    CAMPAIGN = "campaign"  # a stand-alone list's own call
    DATE = "date"  # "10月16日发的通知"
    CATEGORY = "category"  # a category only some notices set up
    ENTITY = "entity"  # a unit, place or system only one issuer's notices name ("海州分到的名额", "MEMS分会")
    LEVEL = "level"  # the one issuer of a level the ask is sent to ("省科协这边", "集团内部")


@dataclass
class Pointer:
    """The notices a question points at, and how it named them (for the answer's label)."""

    ids: list[str] = field(default_factory=list)
    mention: str = ""
    by: PointedBy = PointedBy.NONE

    def __bool__(self) -> bool:
        return bool(self.ids)


# One organisation of a joint issuer ("东川省科学技术协会东川省科学技术厅东川省工业和信息化厅").
ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,}?(?:科学技术协会|科协|厅|局|委员会|办公室|学会|协会|研究会|促进会|联合会|大学|学院|研究院|研究所|中心|联盟)")
PLACE = re.compile(r"^[\u4e00-\u9fff]{2}[省市]")
DEPARTMENT_OF = re.compile(r"^([\u4e00-\u9fff]{2,}(?:研究院|研究所|大学|学院|学会|协会|研究会|科学技术协会|集团有限公司|集团))"
                           r"[\u4e00-\u9fff]{2,8}?(?:处|部|办|科)$")
BARE_PLACE = re.compile(r"[\u4e00-\u9fff]{2}")
# (Its place first, maybe a few words of its own between: "秀湖智造产业园" is "秀湖园区".)
PARK = re.compile(r"^([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,4}?(?:高新区|经开区|开发区|新区|园区|产业园|科技园|科学城)")
BRAND_GROUP = re.compile(r"^([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{1,8}?集团")
# "东屿校内…" for 东屿大学: a university is called by the name before its kind (not a 学院: "材料学院" is a department).
UNIVERSITY = re.compile(r"^(([\u4e00-\u9fff]{2,4}?)(?:理工|科技|工业)?)大学")


def issuer_names(issuer: str) -> list[str]:
    """The ways a question may write an issuer: the full name, without 中国/中华, without 省/市."""
    name = unquote(issuer)
    # "西湖省科学技术协会办公室" is written "西湖省科协": the office stands for its organisation.
    name = re.sub(r"(?<=[会协所院校学盟体])(?:办公室|办公厅|秘书处)$", "", name)
    names = {name, re.sub(r"^(?:中国|中华)", "", name), name.replace("科学技术协会", "科协")}
    names |= {n.replace("科学技术协会", "科协") for n in set(names)}
    names |= {re.sub(r"(?<=[\u4e00-\u9fff]{2})[省市](?=[\u4e00-\u9fff]{2})", "", n) for n in set(names)}
    # "北岭先进材料研究院科技发展处": a department's notice is its organisation's ("北岭材料院里的…").
    department = DEPARTMENT_OF.match(name)
    if department and not ORIGINAL_ISSUER.match(department.group(1)):
        names |= set(issuer_names(department.group(1)))
    parts = [m.group(0) for m in ORGANISATION.finditer(name)]
    if len(parts) > 1:  # a joint notice: each organiser's own names point at it too
        names |= {n for part in parts for n in issuer_names(part)}
    # "东川省这次的通知": the province or city an issuer is named after points at its notices.
    names |= {m.group(0) for m in PLACE.finditer(name)}
    names |= {m.group(0)[:-1] for m in PLACE.finditer(name)}  # "澄州高新区…": the place without 市
    # "东岳集团" for 东岳装备集团有限公司…: a group is called by its brand and 集团.
    brand = re.sub(r"^(?:中国|中华)", "", name)  # (the brand is what follows 中国: "中国北辰装备集团" is "北辰集团")
    names |= {n for m in BRAND_GROUP.finditer(brand) for n in (m.group(1) + "集团", m.group(1))}  # "恒岳那个请示"
    names |= {g for m in UNIVERSITY.finditer(name) for g in m.groups()}
    # "云溪那边" for 云溪高新区…: a park is called by its place.
    names |= {n for m in PARK.finditer(name) for n in (m.group(1), m.group(1) + "园区")}
    return sorted((n for n in names if len(n) >= 4 or PLACE.fullmatch(n) or BARE_PLACE.fullmatch(n)), key=len, reverse=True)


def _inside(run: str, names: list[str]) -> bool:
    """Part of a longer name the question uses (a review body's): then not the issuer's."""
    return any(run in n and len(run) < len(n) for n in names)


def _distinctive(match: str) -> bool:
    return len(GENERIC.sub("", match)) >= 2


ORG_END = re.compile(r"(?:学会|协会|促进会|联合会|研究会|联合体|委员会|大学|学院|研究院|研究所|科协|中心|联盟|商会)$")


# How an organisation's kind is shortened in speech: "北山所" for 北山精密机械研究所.
SHORT_END = {"研究所": "所", "研究院": "院", "大学": "大", "科协": "科协"}


def _endings(name: str) -> list[tuple[str, int]]:
    """The endings a shortened form of `name` keeps, with the fewest characters such a form has:
    its own ending ("学会", 4) and the spoken short form ("所" for 研究所, 3)."""
    end = ORG_END.search(name)
    if not end:
        return []
    ending = end.group(0)
    short = SHORT_END.get(ending, ending)
    return [(ending, 4)] + ([(short, 3)] if short != ending else [])


def _shortened_with(text: str, name: str, suffix: str, least: int) -> str:
    for m in re.finditer(re.escape(suffix), text):
        for size in range(min(len(name) - 1, m.end()), least - 1, -1):
            at = m.end() - size
            window = text[at : m.end()]
            if re.fullmatch(r"[\u4e00-\u9fff]+", window) and window[0] in name[:3] and is_subsequence(window, name) \
                    and (window[0] == name[0] or not _name_goes_on(text, at)):
                return window
    return ""


def _name_goes_on(text: str, at: int) -> bool:
    """The character before `at` belongs to the name written there ("市机械工程学会": 械 before 工程学会),
    not to the words around it ("找电子学会", "市电子学会")."""
    before = text[at - 1] if at else ""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]", before)) and before not in FUNCTION_CHARS and before not in ASKING_CHARS


class NoticeIndex:
    """The notices' identities, indexed for pointing: runs of issuer names, doc numbers, campaigns.
    Built once per snapshot; a question is matched by looking its substrings up, so the cost does
    not grow with the number of notices."""

    def __init__(self, notices: Mapping[str, NoticeMeta], texts: Iterable[tuple[str, str]] = (),
                 persons: Iterable[tuple[str, str]] = ()) -> None:
        """`texts`: (notice id, text) of the notices' passages, for the entities they name; `persons`:
        (notice id, name) of the people they give as contacts ("俞老师您好" writes to one of them)."""
        self.notices = notices
        self.by_issuer: dict[str, list[str]] = {}
        self.runs: dict[str, set[str]] = {}  # every run of 4+ characters of an issuer's names -> issuers
        self.names: dict[str, list[str]] = {}
        self.docs: dict[tuple[str, str], list[str]] = {}
        self.campaigns: dict[str, list[str]] = {}
        for n in notices.values():
            if n.issuer:
                self.by_issuer.setdefault(n.issuer, []).append(n.id)
            if (d := DOC_REF.search(n.doc_number)) is not None:
                self.docs.setdefault((d.group(1), d.group(2)), []).append(n.id)
            if n.campaign and not in_series(n):
                self.campaigns.setdefault(n.campaign, []).append(n.id)
        declared: dict[str, list[str]] = {}
        for n in notices.values():
            declared.setdefault(n.issuer, []).extend(a for a in n.aliases if a)
        for issuer in self.by_issuer:
            self.names[issuer] = issuer_names(issuer) + [a for a in dict.fromkeys(declared.get(issuer, []))
                                                         if a not in ("学会", "协会", "联盟")]
            for name in self.names[issuer]:
                for size in range(len(name) if len(name) <= 3 else 4, len(name) + 1):
                    for i in range(len(name) - size + 1):
                        self.runs.setdefault(name[i : i + size], set()).add(issuer)
        self.longest = max((len(r) for r in self.runs), default=0)
        self.entities = _entities(notices, texts, persons)
        # ending -> (issuer, name, fewest characters): shortened names are tried only for the endings
        # a question contains, so the cost does not grow with the number of issuers.
        self.by_ending: dict[str, list[tuple[str, str, int]]] = {}
        for issuer, names in self.names.items():
            for name in names:
                for ending, least in _endings(name):
                    self.by_ending.setdefault(ending, []).append((issuer, name, least))

    def _issuers_in(self, text: str, avoid: list[str]) -> tuple[list[str], list[str]]:
        """The issuers `text` names (several: "江北省电子学会和南粤协会…") in the order written, and
        the runs that named them; longest runs are taken first."""
        found: list[tuple[int, str, str]] = []  # (position, issuer, run)
        original = text
        while run := self._longest_run(text, avoid):
            found += [(original.find(run), issuer, run) for issuer in sorted(self.runs[run])]
            text = text.replace(run, " " * len(run))  # keeps the positions of what is left
        named = {issuer for _, issuer, _ in found}
        for ending, entries in self.by_ending.items():
            if ending not in text:
                continue
            for issuer, name, least in entries:
                if issuer in named or not any(c in text for c in name[:3]):
                    continue
                short = _shortened_with(text, name, ending, least)
                if short and _distinctive(short) and not _inside(short, avoid):
                    found.append((original.find(short), issuer, short))
                    named.add(issuer)
                    text = text.replace(short, " " * len(short))
        found.sort()
        return list(dict.fromkeys(i for _, i, _ in found)), list(dict.fromkeys(r for _, _, r in found))

    def _longest_run(self, text: str, avoid: list[str]) -> str:
        for size in range(min(self.longest, len(text)), 1, -1):
            for i in range(len(text) - size + 1):
                run = text[i : i + size]
                if run in self.runs and _distinctive(run) and not _inside(run, avoid) and not self._of_another(text, i, run):
                    return run
        return ""

    def _of_another(self, text: str, at: int, run: str) -> bool:
        """The run ends another organisation's name the question writes: "市机械工程学会" holds the
        "工程学会" of 中国深海工程学会, preceded by what that name does not have there (the longest
        run is taken first, so a name sharing the character before would have matched longer)."""
        if not _name_goes_on(text, at):
            return False
        return all(name.find(run) > 0 for issuer in self.runs[run] for name in self.names[issuer] if run in name)

    def find(self, text: str, years: list[int] | None = None, names: Iterable[str] = ()) -> Pointer:
        """The notices `text` points at, of the years asked when it names notices of them, or an
        empty Pointer. `names` are the list, field and body names the question uses: an issuer read
        inside one of them ("智能制造" of the body "智能制造学会联合体") is not a pointer, and kind
        words are looked for outside them."""
        text = unquote(text)
        avoid = [unquote(n) for n in names if n]
        plain = text
        for name in avoid:
            plain = plain.replace(name, " ")

        def of_years(ids: list[str]) -> list[str]:
            return [i for i in ids if self.notices[i].year in years] or ids if years else ids

        m = DOC_REF.search(text)
        if m:
            ids = self.docs.get((m.group(1), m.group(2))) or []
            if ids:
                return Pointer(ids, m.group(0), PointedBy.DOC_NUMBER)
        for campaign, ids in self.campaigns.items():
            # "2021年开源创新榜…" is the series' list of 2021, not the stand-alone call of later years.
            in_years = [i for i in ids if not years or self.notices[i].year in years]
            if campaign in text and in_years:
                return Pointer(in_years, campaign, PointedBy.CAMPAIGN)
        issuers, runs = self._issuers_in(text, avoid)
        if issuers:
            ids = [i for issuer in issuers for i in of_years(self.by_issuer[issuer])]
            return Pointer(ids, "、".join(runs), PointedBy.ISSUER)
        pool = [n for n in self.notices.values() if not years or n.year in years]
        for kind, pattern in KIND_WORDS:
            km = pattern.search(plain)
            if km:
                ids = [n.id for n in pool if n.kind == kind and (kind != NoticeKind.ORIGINAL or in_series(n))]
                # "学会内部几号截止" among a province's, a university's and a society's forwarding notices:
                # the society's (and any whose issuer is not read: it may be one).
                # (Read with the character before: "学院里的通知" is a school's, whose 院里 is no institute's.)
                said = plain[max(0, km.start() - 1) : km.end()]
                level = next((issuer_of for cue, issuer_of in LEVELS if cue.search(said)), None)
                if level is not None:
                    ids = [i for i in ids if not self.notices[i].issuer or level.search(self.notices[i].issuer)] or ids
                if ids:
                    return Pointer(ids, km.group(0), PointedBy.KIND)
        level = self._level_in(plain, pool)
        if level:
            return level
        m = PUBLISHED_ASK.search(text)
        if m:
            day = (int(m.group(1)), int(m.group(2)))
            ids = [n.id for n in pool if (d := parse_date(n.date)) and d[1:] == day]
            if ids:
                return Pointer(ids, m.group(0), PointedBy.DATE)
        return self._entity_in(plain, years)

    def _level_in(self, text: str, pool: list[NoticeMeta]) -> Pointer:
        """The notices of the one level of issuer the ask names, when the round's notices are of
        several levels (a province's, a society's, a group's…) and just one issuer is of that level."""
        asked = ASKER_OWN.sub(" ", text)
        found = [(issuer_of, m) for cue, issuer_of in LEVELS if (m := cue.search(asked))]
        if len(found) > 1:
            # "市科协这边在收…，省科协那边要求最晚哪天": the level over there is the one asked of.
            there = [(o, m) for o, m in found if THERE.match(asked, m.end())]
            found = there if len(there) == 1 else found
        if len(found) != 1:
            return Pointer()
        issuer_of, m = found[0]
        ids = [n.id for n in pool if n.issuer and issuer_of.search(n.issuer) and not ORIGINAL_ISSUER.match(n.issuer)]
        # "协会开会时说…" among a 学会's and a 协会's notices: the one whose name ends as the ask says.
        exact = [i for i in ids if self.notices[i].issuer.endswith(m.group(0)) and not ORIGINAL_ISSUER.match(self.notices[i].issuer)]
        if len({self.notices[i].issuer for i in exact}) == 1:
            ids = exact
        if not ids or len({self.notices[i].issuer for i in ids}) != 1 or len(ids) == len(pool):
            return Pointer()
        return Pointer(ids, m.group(0), PointedBy.LEVEL)

    def _entity_in(self, text: str, years: list[int] | None) -> Pointer:
        """The notices of the one issuer that names a unit, place or system the question names (the
        longest such name in it)."""
        for size in range(min(ENTITY_MAX, len(text)), 1, -1):
            for i in range(len(text) - size + 1):
                ids = self.entities.get(text[i : i + size])
                if ids:
                    in_years = [n for n in ids if not years or self.notices[n].year in years]
                    if in_years:
                        return Pointer(sorted(in_years), text[i : i + size], PointedBy.ENTITY)
        return Pointer()


ENTITY_MAX = 16
# What may stand before an organisation's name in a question without being part of it ("找电子学会", "咱电子学会").
ASKING_CHARS = "找问给跟是去送交咱俺您"
# What a notice names that a question may point at it by: an organisation ("屿北市科协", "MEMS与微纳制造分会"),
# a place's unit ("海州市"), a Latin name (MEMS); each read from where a name starts (a line's start, a mark),
# never from inside a phrase ("…汇总表报省科协").
NAME_START = r"(?:^|(?<=[\s，,。；;：:、（(“\"》|]))"
FUNCTION_CHARS = "其他各但到设全每本该此我你们市省区县等和与及或的了在对由向将把个些一余前后报至经按请如也仅占详逾这那"
PHRASE = re.compile(r"榜|我们|推荐|不|由|以|向|的|每个|领域|联合")
COMMON_PLACES = {"直辖", "自治", "高新", "经开", "开发", "保税", "城区", "郊区", "辖区", "园区", "社区", "地区", "校区", "片区"}
ENTITY = re.compile(NAME_START + r"([\u4e00-\u9fffA-Za-z]{2,10}?(?:科协|学会|协会|分会|研究会|促进会|联合会|大学|学院|研究院|"
                    r"研究所|联盟|集团|公司|委员会|管委会)|[\u4e00-\u9fff]{2}(?:市|区|县))", re.M)
LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z]{3,8}(?![A-Za-z])")
# A person named after their office ("副部长邬清禾"): (title, surname).
TITLED = re.compile(r"(?:副)?(部长|主任|处长|科长|秘书长|主席|院长|所长|局长|书记)([\u4e00-\u9fff])")
ENTITY_YEAR_NOTICES = 100  # a round with more notices than this is not pointed at by names in them


def _entities(notices: Mapping[str, NoticeMeta], texts: Iterable[tuple[str, str]],
              persons: Iterable[tuple[str, str]] = ()) -> dict[str, list[str]]:
    """Each distinctive name a unit's notice uses, to that notice's issuer's notices, when no other
    notice of its round (the call's included) uses it; and each contact's name and "X老师" (their
    surname), when no other issuer of the round gives a contact of that surname."""
    named: dict[str, set[str]] = {}
    addressed: dict[str, set[str]] = {}
    for notice_id, person in persons:
        if notice_id in notices and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", person):
            addressed.setdefault(f"{person[0]}老师", set()).add(notice_id)
            addressed.setdefault(person, set()).add(notice_id)
    text_of: dict[str, list[str]] = {}
    for notice_id, text in texts:
        meta = notices.get(notice_id)
        if meta is None:
            continue
        text_of.setdefault(notice_id, []).append(text)
        if meta.kind == NoticeKind.ORIGINAL:
            continue
        # "市科协副部长邬清禾表示…": a message may be written to her ("邬部长好") though she is no contact.
        for title, surname in TITLED.findall(text):
            addressed.setdefault(f"{surname}{title}", set()).add(notice_id)
        for name in [m.group(1) for m in ENTITY.finditer(text)] + LATIN_NAME.findall(text):
            for form in {name, re.sub(r"[市区县]$", "", name), re.sub(r"^(?:中国|中华)", "", name)}:
                if len(form) >= 2 and form[0] not in FUNCTION_CHARS and form[:2] not in COMMON_PLACES \
                        and not PHRASE.search(form) and _distinctive(form):
                    named.setdefault(form, set()).add(notice_id)
    by_year: dict[int | None, list[str]] = {}
    for n in notices.values():
        by_year.setdefault(n.year, []).append(n.id)
    whole = {i: "\n".join(parts) for i, parts in text_of.items()}

    def issuers(ids: Iterable[str]) -> set[str]:
        return {notices[i].issuer or i for i in ids}

    def writers(ids: set[str], word: str) -> set[str]:
        """The issuers of the round of `ids` whose notices write `word`."""
        return issuers(i for i in by_year.get(notices[next(iter(ids))].year, []) if word in whole.get(i, ""))

    out: dict[str, list[str]] = {}
    for name, ids in addressed.items():
        # "邵老师": no other issuer's notice of the round writes that surname at all (a chat's poster
        # is nobody's contact, yet may be the one written to).
        own = issuers(ids)
        if len(own) == 1 and not any(notices[i].kind == NoticeKind.ORIGINAL for i in ids) and writers(ids, name[0]) <= own:
            out[name] = sorted(ids)
    for name, ids in named.items():
        own = issuers(ids)
        if len(own) == 1 and len(by_year.get(notices[next(iter(ids))].year, [])) <= ENTITY_YEAR_NOTICES \
                and writers(ids, name) == own:
            out[name] = sorted(ids)
    return out


def in_series(n: NoticeMeta) -> bool:
    """Part of the 科创中国 series (not a stand-alone list's own call)."""
    return not n.campaign or n.campaign.startswith("科创中国")


def label(n: NoticeMeta) -> str:
    """How an answer names a notice: "江北省电子学会通知", "中国科协办公厅通知"."""
    if not n.issuer:
        return UNSIGNED_LABELS.get(n.kind, f"《{n.title}》")
    return f"{n.issuer}通知"
