"""Times a machine wrote, read as the China-time dates a notice means: an ISO 8601 time in UTC or at
another offset ("2083-11-05T16:00:00.000Z" is 2083年11月6日 in Beijing), a Unix timestamp in a field
named for a time ("s_timestamp": "3561120000", "apply_time": 1791234567, milliseconds too), and the
wrappers of extended JSON around them and around numbers ({"$date": …}, {"$numberInt": "2"}).

A time already at +08:00 is left as written: it says the day it means. A bare number is a time only
where its field's name says so; a phone or a count never is."""

from __future__ import annotations

import datetime as dt
import re

from assistant.ingest.textmap import MappedText

CHINA = dt.timezone(dt.timedelta(hours=8))
EARLIEST, LATEST = dt.datetime(2000, 1, 1, tzinfo=CHINA), dt.datetime(2200, 1, 1, tzinfo=CHINA)

# (An offset after a "T" time or after seconds: "2083-11-05 09:00-11:30" is a range of hours, not UTC-11:30.)
ISO_TIME = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
                      r"|[ ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?)[ \t]?(Z|[+-]\d{2}:?\d{2})(?![\d:])")
# A field named for a time, then a number of 10 (seconds) or 13 (milliseconds) digits, quoted or not.
TIME_FIELD = re.compile(r"\"(?P<key>[^\"\\\n]{1,40})\"[ \t]*+:[ \t]*+(?P<q>\"?)(?P<epoch>\d{10}(?:\d{3})?)(?P=q)(?![\d.])")
TIME_KEY = re.compile(r"(?:^|_|\b)(?:time|date|timestamp|deadline|due|at|start|end|until|expires?)$|"
                      r"(?-i:(?:Time|Date|At|Timestamp|Deadline))$|^\$date$|时间|日期|截止|期限|[日时]$", re.I)  # ("截止时间": 1794211200000)
# Extended JSON's typed values: {"$date": "…"}, {"$date": {"$numberLong": "…"}}, {"$numberInt": "2"}, {"$oid": "…"}.
WRAPPED = re.compile(r"\{[ \t]*+\"\$(?P<type>date|numberInt|numberLong|numberDouble|numberDecimal|oid)\"[ \t]*+:[ \t]*+"
                     r"(?:\{[ \t]*+\"\$numberLong\"[ \t]*+:[ \t]*+\"(?P<long>-?\d{1,19})\"[ \t]*+\}|\"(?P<value>[^\"\\\n]{0,64})\")[ \t]*+\}")


def china_time(moment: dt.datetime) -> str:
    """"2083年11月6日17:00"; the start of a day both ways a notice may mean it, "2083年11月6日0时（即11月5日
    24时）": a day's date ("type": "day") and the end of the day before (a deadline's "24时")."""
    local = moment.astimezone(CHINA)
    day = f"{local.year}年{local.month}月{local.day}日"
    if (local.hour, local.minute, local.second) != (0, 0, 0):
        return f"{day}{local:%H:%M}"
    before = local - dt.timedelta(days=1)
    return f"{day}0时（即{before.month}月{before.day}日24时）"


def from_epoch(number: str) -> str | None:
    """A Unix timestamp (seconds, or milliseconds when 13 digits) as a China-time date, None when it
    falls outside the years a notice could mean."""
    seconds = int(number) / (1000 if len(number) == 13 else 1)
    try:
        moment = dt.datetime.fromtimestamp(seconds, CHINA)
    except (OverflowError, OSError, ValueError):
        return None
    return china_time(moment) if EARLIEST <= moment < LATEST else None


def _offset(sign_zone: str) -> dt.timezone:
    if sign_zone == "Z":
        return dt.UTC
    hours, minutes = int(sign_zone[1:3]), int(sign_zone[-2:])
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(delta if sign_zone[0] == "+" else -delta)


def from_iso(m: re.Match[str]) -> str | None:
    """An ISO time with its offset, as the China-time date it is; None when it is China time already."""
    y, mo, d, hh, mm, ss, hh2, mm2, ss2, zone = m.groups()
    if zone in ("+08:00", "+0800"):
        return None
    try:
        moment = dt.datetime(int(y), int(mo), int(d), int(hh or hh2), int(mm or mm2), int(ss or ss2 or 0), tzinfo=_offset(zone))
        if not EARLIEST <= moment < LATEST:
            return None
        return china_time(moment)
    except (ValueError, OverflowError):
        return None  # (not a calendar time: "2083-13-40T…", "9999-12-31T20:00Z")


def _unwrapped(m: re.Match[str]) -> str | None:
    kind, value = m.group("type"), m.group("value")
    if kind == "date":
        if m.group("long") is not None:
            shown = from_epoch(m.group("long")) if len(m.group("long")) in (10, 13) else None
        else:
            iso = ISO_TIME.fullmatch(value or "")
            shown = from_iso(iso) if iso else None  # (China time already, or no calendar time: left as written)
        return f"\"{shown}\"" if shown else None
    if kind == "oid":
        return f"\"{value}\""
    number = m.group("long") if m.group("long") is not None else value
    return number if number and re.fullmatch(r"-?\d+(?:\.\d+)?", number) else None


def machine_times(mt: MappedText) -> MappedText:
    """The text with each machine time read as its China-time date and extended JSON's typed values
    as plain ones (a JSON text stays JSON: a replaced value is a string)."""
    text = mt.text
    if not ("$" in text or "T" in text or "\":" in text or "\" :" in text):
        return mt
    cuts: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in WRAPPED.finditer(text):
        shown = _unwrapped(m)
        if shown is not None:
            cuts.append((m.start(), m.end(), shown))
            taken.append(m.span())
    for m in TIME_FIELD.finditer(text):
        if TIME_KEY.search(m.group("key")) and not any(a <= m.start() < b for a, b in taken):
            shown = from_epoch(m.group("epoch"))
            if shown is not None:
                cuts.append((m.start("q"), m.end(), f"\"{shown}\""))
    for m in ISO_TIME.finditer(text):
        if not any(a <= m.start() < b for a, b in taken) and (shown := from_iso(m)) is not None:
            cuts.append((m.start(), m.end(), shown))
    cuts.sort()
    return mt.splice(cuts) if cuts else mt
