"""Dates as notices write them: 2024年4月12日, 2024.04.12, 2024-4-12, 2024/4/12, and in a sign-off
二〇二四年三月二十八日. One place reads them all, so the extractors, the notice's identity and the
answers agree on what a written date means."""

from __future__ import annotations

import datetime as dt
import re

# "O" too: a sign-off typed 二O二四年 (cleaning turns a full-width Ｏ into it).
CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
# Digits read out one by one, as a phone is ("零五七一", "幺三八…"): 幺 for 一.
SPOKEN_DIGITS = {ch: str(d) for ch, d in CN_DIGIT.items() if not ch.isascii()} | {"幺": "1"}
_CN = "".join(CN_DIGIT) + "十"  # what a date in characters is written with: the digits read above

# Year, month and day in Chinese characters or digits with separators. A numeric date needs its
# four-digit year, so "3.5" or "1-2" in a body is never read as a date. Groups: (year, month, day)
# of the 年月日 form, then (year, month, day) of the separated form.
# A month and day may be written in characters in prose ("十月十八日前", "十一月五日").
CN_MONTH = "十[一二]?|[一二三四五六七八九]"
CN_DAY = "三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
CN_YEAR = "[" + "".join(ch for ch in CN_DIGIT if ch != "两") + "]{4}"  # 二〇三三: digit by digit (never 两)
DATE = (rf"(?:(?:(\d{{4}}|{CN_YEAR})\s*年\s*)?(\d{{1,2}}|{CN_MONTH})\s*月\s*(\d{{1,2}}|{CN_DAY})\s*[日号](?!楼|院|线|码)"
        r"|(?<![\d.．/-])(\d{4})\s*[./．-]\s*(1[0-2]|0?[1-9])\s*[./．-]\s*(3[01]|[12]\d|0?[1-9])(?!\d|[.．]\d))")
DATE_GROUPS = 6
CN_DATE = rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日"
# What a condition may bound by its date besides a founding ("2059年12月31日前完成备案", "须于…前入会"), and
# what an asker tells the date of ("2060年3月在中心登记备案的"): read with the same words on both sides.
DATED_EVENTS = "备案|登记|认定|入会|入驻|加入|聘任|聘用|入职|建成"

# A whole line that is only a date: a sign-off.
DATE_LINE = re.compile(rf"^(?:{DATE}|{CN_DATE})$")


def cn_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十八 → 28, 三十一 → 31; digits as they are."""
    if s.isdigit():
        return int(s)
    if not s or any(ch not in CN_DIGIT and ch != "十" for ch in s):
        return None
    if "十" not in s:
        return int("".join(str(CN_DIGIT[ch]) for ch in s))
    tens, _, ones = s.partition("十")
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)


def year_number(s: str) -> int | None:
    """2033 → 2033, 二〇三三 → 2033 (a year is read digit by digit)."""
    return int(s) if s.isdigit() else cn_number("".join(str(CN_DIGIT.get(ch, ch)) for ch in s))


def ymd(groups: tuple[str | None, ...]) -> tuple[int | None, int, int]:
    """(year or None, month, day) from the DATE_GROUPS groups of a DATE match."""
    if groups[2] is not None:
        return (year_number(groups[0]) if groups[0] else None), cn_number(groups[1]) or 0, cn_number(groups[2] or "") or 0  # type: ignore[arg-type]
    return int(groups[3]), int(groups[4]), int(groups[5])  # type: ignore[arg-type]


_ANY_DATE = re.compile(rf"{DATE}|{CN_DATE}")


def parse_date(text: str) -> tuple[int | None, int, int] | None:
    """The first date written in `text` as (year or None, month, day); None when there is none or
    it is no calendar day."""
    m = _ANY_DATE.search(text)
    if not m:
        return None
    if m.group(DATE_GROUPS + 1):
        year = year_number(m.group(DATE_GROUPS + 1))
        month, day = cn_number(m.group(DATE_GROUPS + 2)), cn_number(m.group(DATE_GROUPS + 3))
        if year is None or month is None or day is None:
            return None
        parts: tuple[int | None, int, int] = (year, month, day)
    else:
        parts = ymd(m.groups()[:DATE_GROUPS])
    try:
        dt.date(parts[0] or 2000, parts[1], parts[2])
    except ValueError:
        return None
    return parts


def cn_written(parts: tuple[int | None, int, int]) -> str:
    """2024年3月28日, or 3月28日 without a year."""
    year, month, day = parts
    return f"{year}年{month}月{day}日" if year else f"{month}月{day}日"
