"""Chinese wording of facts, shared by the rule answers, the staff tables and triage."""

from __future__ import annotations

import datetime as dt
import re

from assistant.model import ContactFact, DeadlineFact, NoticeKind, QuotaFact

NOTICE_KINDS = {NoticeKind.ORIGINAL: "原始通知", NoticeKind.FORWARDING: "转发通知", NoticeKind.INTERNAL: "单位内部通知"}


def notice_kind(kind: str) -> str:
    """"转发通知" for "forwarding"."""
    return NOTICE_KINDS.get(NoticeKind(kind), kind) if kind in set(NoticeKind) else kind


def cn_date(iso: str, time: str = "") -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        s = f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    elif len(parts) == 2:
        s = f"{int(parts[0])}月{int(parts[1])}日"
    else:
        s = iso
    return s + time


def cn_count(n: int) -> str:
    """七, 十二: counts as notices write them ("共七类榜单")."""
    digits = "零一二三四五六七八九"
    if n == 2:
        return "两"  # 两类, never 二类
    if 0 <= n < 10:
        return digits[n]
    if n < 100:
        return ("" if n // 10 == 1 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def deadline_text(f: DeadlineFact, today: dt.date | None = None, days_left: bool = False) -> str:
    """The date and time in Chinese, the notice's own form beside it when that is "2024.04.12",
    "（已截止）" when it is before `today`; with `days_left`, how long is left when it is not."""
    s = cn_date(f.date, f.time)
    if f.written and "月" not in f.written:
        s += f"（原文“{f.written}”）"
    try:
        left = (dt.date.fromisoformat(f.date) - today).days if today is not None else None
    except ValueError:
        left = None
    if left is not None and left < 0:
        s += "（已截止）"
    elif left is not None and days_left:
        s += f"（距截止还有{left}天）" if left > 0 else "（今天截止）"
    return s


def year_note(asked: list[int], year: int) -> str:
    return "" if asked else f"（未指定年份，按最新一轮{year}年通知回答）"


# year_note as it stands beside a value; compose.merge gathers them into one note at the end.
YEAR_NOTE = re.compile(r"（未指定年份，按最新一轮(\d{4})年通知回答）")


def round_note(years: list[str]) -> str:
    """The one note a whole answer ends with, for the rounds its values were read in."""
    return f"（未指定年份，以上按最新一轮{'、'.join(years)}年通知回答。）"


def quota_per(f: QuotaFact) -> str:
    return "每个领域各单位" if f.per_field else ("每人" if f.per_person else "各单位")


def quota_limit(f: QuotaFact) -> str:
    """"每个领域各单位推荐不超过3个" / "每人可推荐1人"."""
    return quota_per(f) + (f"可推荐{f.value}" if f.per_person else f"推荐不超过{f.value}")


def address_text(f: ContactFact) -> str:
    if f.recipient:
        return f"{f.address}（收件人：{f.recipient}，{f.recipient_phone}）"
    return f.address


def contact_who(f: ContactFact, body_first: bool = False) -> str:
    """"机构 联系人": the body (when asked first) or the organisation, and the people."""
    org = (f.body or f.org or f.header) if body_first else f.org
    return " ".join(x for x in [org, "、".join(f.persons)] if x)


def contact_scope(f: ContactFact) -> str:
    """What a contact block is about: its lists and fields, else its own header."""
    parts = []
    if f.lists:
        parts.append("、".join(dict.fromkeys(f.lists)))
    if f.fields:
        parts.append("（" + "、".join(f.fields) + "领域）")
    return "".join(parts) or f.header


def contact_details(f: ContactFact, attribute: str | None = None) -> list[str]:
    """The parts of a contact worth saying, the asked attribute included."""
    bits = []
    if f.body and (attribute == "body" or f.role == "review"):
        bits.append(f"初评/评审机构：{f.body}")
    who = "、".join(f.persons)
    if f.org and who:
        who = f"{f.org} {who}"
    if who:
        bits.append(f"联系人：{who}")
    if f.phones:
        labels = f.phone_labels
        if len(set(labels.values())) > 1:
            bits.append("，".join(f"{labels.get(p, '电话')}：{p}" for p in f.phones))
        else:
            bits.append("电话：" + "、".join(f.phones))
    if f.emails:
        bits.append("邮箱：" + "、".join(f.emails))
    if f.address and (attribute == "address" or not f.phones):
        bits.append(f"邮寄地址：{address_text(f)}")
    return bits
