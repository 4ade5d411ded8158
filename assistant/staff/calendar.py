"""Deadlines and stages as an iCalendar file (icalendar), for anyone's calendar.

One event per deadline and per stage. A deadline with a time of day is a timed event (Asia/Shanghai;
"24时" is the end of that day, 23:59); without one it is an all-day event. A stage spans its period
("2023年10月7日—2023年11月30日", "2024年1月") as all-day dates. Each event names year, list and
issuer in its summary, and quotes the notice with its source in its description."""

from __future__ import annotations

import calendar as month_days
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from assistant.answer.pointer import label
from assistant.ingest.notices import NoticeMeta
from assistant.model import DeadlineFact, Fact, StageFact

TZ = ZoneInfo("Asia/Shanghai")
DATE_PART = re.compile(r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
CLOCK = re.compile(r"(上午|下午|晚上)?\s*(\d{1,2})(?::(\d{2})|时)")


def deadline_start(f: DeadlineFact) -> dt.datetime | dt.date | None:
    """When a deadline falls: a local datetime when the notice gives a time, else the date."""
    parts = f.date.split("-")
    try:
        year, month, day = (int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else (f.year or 0, int(parts[0]), int(parts[1]))
        date = dt.date(year, month, day)
    except (ValueError, IndexError):
        return None
    m = CLOCK.search(f.time or "")
    if not m:
        return date
    hour, minute = int(m.group(2)), int(m.group(3) or 0)
    if m.group(1) in ("下午", "晚上") and hour < 12:
        hour += 12
    if hour >= 24:
        return dt.datetime.combine(date, dt.time(23, 59), TZ)  # 24时: the end of that day
    return dt.datetime.combine(date, dt.time(hour, minute), TZ)


def stage_span(period: str, year: int | None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a stage's period, as written."""
    found = list(DATE_PART.finditer(period))
    if not found:
        return None
    dates = []
    current = year
    for i, m in enumerate(found):
        current = int(m.group(1)) if m.group(1) else current
        if current is None:
            return None
        month = int(m.group(2))
        last = i == len(found) - 1 and len(found) > 1 or (len(found) == 1 and not m.group(3))
        day = int(m.group(3)) if m.group(3) else (month_days.monthrange(current, month)[1] if last else 1)
        try:
            dates.append(dt.date(current, month, day))
        except ValueError:
            return None
    if len(found) == 1 and not found[0].group(3):
        first = dates[0].replace(day=1)
        return first, dates[0]
    if len(found) == 1 and re.match(r"\s*截[至止]", period):
        return dates[0], dates[0]
    return dates[0], dates[-1]


def _uid(f: Fact) -> str:
    return hashlib.sha1(f"{f.notice_id}:{f.start}:{f.end}:{f.kind}".encode()).hexdigest()[:20] + "@kczg-assistant"


def _summary(f: Fact, what: str, notices: Mapping[str, NoticeMeta]) -> str:
    n = notices.get(f.notice_id)
    issuer = label(n).removesuffix("通知") if n is not None else f.notice_id
    lists = "、".join(dict.fromkeys(f.lists)) or (n.campaign if n is not None and n.campaign else "科创中国系列榜单")
    return f"{f.year}年 {lists} {what}（{issuer}）"


def _description(f: Fact) -> str:
    return f"{f.quote}\n——来源：{f.notice_id}｜{f.section}"


def events(facts: Iterable[Fact], notices: Mapping[str, NoticeMeta]) -> list[Event]:
    out = []
    for f in facts:
        event = Event()
        if isinstance(f, DeadlineFact):
            start = deadline_start(f)
            if start is None:
                continue
            due = f.action or "申报截止"
            due = due if len(due) <= 40 else due[:40] + "…"
            event.add("summary", _summary(f, f"{f.stage + ' ' if f.stage else ''}截止：{due}", notices))
            event.add("dtstart", start)
            if not isinstance(start, dt.datetime):
                event.add("dtend", start + dt.timedelta(days=1))
        elif isinstance(f, StageFact):
            span = stage_span(f.period, f.year)
            if span is None:
                continue
            event.add("summary", _summary(f, f.stage, notices))
            event.add("dtstart", span[0])
            event.add("dtend", span[1] + dt.timedelta(days=1))  # all-day DTEND is exclusive
        else:
            continue
        event.add("uid", _uid(f))
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add("description", _description(f))
        out.append(event)
    return out


def select(facts: Iterable[Fact], notices: Mapping[str, NoticeMeta], year: int | None = None,
           list_key: str | None = None, issuer: str | None = None) -> list[Fact]:
    """Deadlines and stages, of a year, a list family and an issuer (a part of its name) when given."""
    chosen = []
    for f in facts:
        if not isinstance(f, DeadlineFact | StageFact):
            continue
        n = notices.get(f.notice_id)
        if (year and f.year != year) or (list_key and f.list_keys and list_key not in f.list_keys):
            continue
        if issuer and (n is None or issuer not in n.issuer):
            continue
        chosen.append(f)
    return sorted(chosen, key=lambda f: (f.year or 0, f.notice_id, f.start))


def to_ics(facts: Iterable[Fact], notices: Mapping[str, NoticeMeta]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//kczg-assistant//科创中国榜单通知问答//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "科创中国榜单截止时间")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    for event in events(facts, notices):
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
