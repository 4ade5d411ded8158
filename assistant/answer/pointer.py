"""Which notice a question points at: by issuer (full or short name), by kind (学校的通知, 学会转发的
通知, 中国科协的通知), by document number, by a stand-alone list's own call, or by its publication date.

The corpus holds many notices per round (the original call and the forwarding and internal notices
of societies, universities, institutes); a staff member asking about *their* notice must be answered
from it, never from another notice of the same year."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from assistant.ingest.notices import NoticeMeta
from assistant.model import NoticeKind
from assistant.names import unquote

# Words an issuer's name shares with many others: a match made only of them points at nothing.
GENERIC = re.compile(
    r"科创中国|榜单|中国|中华|全国|科学技术|科技|协会|学会|委员会|办公厅|办公室|秘书处|促进会|联合会|联合体|研究会|研究院|研究所|"
    r"大学|学院|中心|省|市|区|处|部|的|有限公司|公司|集团|科协"
)
# The kind of notice a question names ("学校的通知里…", "学会转发的通知", "科协的原通知").
KIND_WORDS: list[tuple[NoticeKind, re.Pattern[str]]] = [
    (NoticeKind.INTERNAL, re.compile(
        r"(?:学校|高校|校内|我校|本校|院里|所里|院内|所内|单位内部)(?:的|发的|下发的|里的?)?(?:通知|文件|安排|要求)?|校内通知|内部通知")),
    (NoticeKind.FORWARDING, re.compile(
        r"(?:学会|协会|本会|我会|我们学会|我们协会|促进会)(?:的|发的|下发的|转发的|里的?)?(?:通知|文件|转发)|转发(?:的)?通知|学会内部|会员单位的通知")),
    (NoticeKind.ORIGINAL, re.compile(r"(?:中国)?科协(?:办公厅)?(?:的|发的|原)?(?:原)?通知|原通知|总通知|科协原文")),
]
DOC_REF = re.compile(r"[〔\[［(（]\s*(20\d{2})\s*[〕\]］)）]\s*(\d+)\s*号")
PUBLISHED_ASK = re.compile(r"(\d{1,2})月(\d{1,2})日(?:发布|印发|下发|发的|发出|的通知)")


@dataclass
class Pointer:
    """The notices a question points at, and how it named them (for the answer's label)."""

    ids: list[str] = field(default_factory=list)
    mention: str = ""
    by: str = ""  # issuer, kind, doc number, campaign, date

    def __bool__(self) -> bool:
        return bool(self.ids)


def issuer_names(issuer: str) -> list[str]:
    """The ways a question may write an issuer: the full name, without 中国/中华, without 省/市."""
    name = unquote(issuer)
    names = {name, re.sub(r"^(?:中国|中华)", "", name)}
    names |= {re.sub(r"(?<=[\u4e00-\u9fff]{2})[省市](?=[\u4e00-\u9fff]{2})", "", n) for n in set(names)}
    return sorted((n for n in names if len(n) >= 4), key=len, reverse=True)


def _distinctive(match: str) -> bool:
    return len(GENERIC.sub("", match)) >= 2


ORG_END = re.compile(r"(?:学会|协会|促进会|联合会|研究会|联合体|委员会|大学|学院|研究院|研究所|科协|中心)$")


def _is_subsequence(short: str, name: str) -> bool:
    chars = iter(name)
    return all(ch in chars for ch in short)


def _longest_shared(text: str, name: str) -> str:
    """The longest run of `name` (at least four characters) that `text` contains; else a shortened
    name in `text` that keeps the name's ending ("新材料学会" for "中国新材料应用学会")."""
    for size in range(len(name), 3, -1):
        for i in range(len(name) - size + 1):
            if name[i : i + size] in text:
                return name[i : i + size]
    end = ORG_END.search(name)
    if end:
        for m in re.finditer(re.escape(end.group(0)), text):
            for size in range(min(len(name) - 1, m.end()), 3, -1):
                window = text[m.end() - size : m.end()]
                if re.fullmatch(r"[\u4e00-\u9fff]+", window) and _is_subsequence(window, name) and window[0] in name[:3]:
                    return window
    return ""


def by_issuer(text: str, notices: Iterable[NoticeMeta], avoid: Iterable[str] = ()) -> Pointer:
    best: dict[str, list[str]] = {}
    longest = ""
    avoid = [a for a in avoid if a]
    for n in notices:
        if not n.issuer or n.issuer.startswith("转发单位"):
            continue
        shared = max((_longest_shared(text, name) for name in issuer_names(n.issuer)), key=len, default="")
        if not shared or not _distinctive(shared) or len(shared) < len(longest) or any(shared in a for a in avoid):
            continue
        if len(shared) > len(longest):
            best, longest = {}, shared
        best.setdefault(n.issuer, []).append(n.id)
    if not best:
        return Pointer()
    return Pointer([i for ids in best.values() for i in ids], longest, "issuer")


def find_notices(
    text: str, notices: Mapping[str, NoticeMeta], years: list[int] | None = None, names: Iterable[str] = ()
) -> Pointer:
    """The notices `text` points at (of the years asked, when it asks some), or an empty Pointer.
    `names` are the list, field and body names the question uses: an issuer read inside one of them
    ("智能制造" of the review body "智能制造学会联合体") is not a pointer, and kind words are looked
    for outside them."""
    text = unquote(text)
    names = [unquote(n) for n in names if n]
    plain = text
    for name in names:
        plain = plain.replace(name, " ")
    pool = [n for n in notices.values() if not years or n.year in years] or list(notices.values())
    m = DOC_REF.search(text)
    if m:
        ids = [n.id for n in pool if (d := DOC_REF.search(n.doc_number)) and d.groups() == m.groups()]
        ids = ids or [n.id for n in pool if (d := DOC_REF.search(n.parent_doc_number)) and d.groups() == m.groups()
                      and n.kind == NoticeKind.ORIGINAL]
        if ids:
            return Pointer(ids, m.group(0), "doc number")
    for n in pool:
        if n.campaign and not n.campaign.startswith("科创中国") and n.campaign in text:
            return Pointer([x.id for x in pool if x.campaign == n.campaign], n.campaign, "campaign")
    pointer = by_issuer(text, pool, names)
    if pointer:
        return pointer
    for kind, pattern in KIND_WORDS:
        km = pattern.search(plain)
        if km:
            ids = [n.id for n in pool if n.kind == kind and (kind != NoticeKind.ORIGINAL or _is_series(n))]
            if ids:
                return Pointer(ids, km.group(0), "kind")
    m = PUBLISHED_ASK.search(text)
    if m:
        day = f"{int(m.group(1))}月{int(m.group(2))}日"
        ids = [n.id for n in pool if n.date.endswith(day)]
        if ids:
            return Pointer(ids, m.group(0), "date")
    return Pointer()


def _is_series(n: NoticeMeta) -> bool:
    return not n.campaign or n.campaign.startswith("科创中国")


UNSIGNED = {NoticeKind.FORWARDING: "学会转发通知（未署名）", NoticeKind.INTERNAL: "单位内部通知（未署名）"}


def label(n: NoticeMeta) -> str:
    """How an answer names a notice: "江北省电子学会通知", "中国科协办公厅通知"."""
    if not n.issuer or n.issuer.startswith("转发单位"):
        return UNSIGNED.get(NoticeKind(n.kind), f"《{n.title}》")
    return f"{n.issuer}通知"
