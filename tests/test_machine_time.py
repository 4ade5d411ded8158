"""Machine times read as the China-time dates a notice means; extended JSON's wrappers as plain values."""

from __future__ import annotations

import json

from assistant.ingest.machine_time import from_epoch, machine_times
from assistant.ingest.textmap import MappedText


def _read(text: str) -> str:
    return machine_times(MappedText.of(text)).text


def test_a_utc_time_is_the_china_day_it_falls_on_both_ways_a_notice_may_say_its_midnight() -> None:
    shown = _read('{"at": "2083-11-14T16:00:00.000Z", "from": "2083-11-05T09:00:00Z"}')
    assert "2083年11月15日0时（即11月14日24时）" in shown and "2083年11月5日17:00" in shown
    assert json.loads(shown)  # (still JSON for the readers after this one)


def test_a_time_at_china_offset_and_a_plain_date_are_left_as_written() -> None:
    text = "发布：2083-10-13T09:30:00+08:00；截止：2083-11-20"
    assert _read(text) == text


def test_a_timestamp_is_read_only_in_a_field_named_for_a_time() -> None:
    stamp = "3561120000"  # 2082-11-06 00:00 in China
    shown = _read(f'{{"s_timestamp": "{stamp}", "apply_time": {stamp}, "phone": "{stamp}", "count": {stamp}}}')
    assert shown.count("2082年11月6日0时") == 2 and f'"phone": "{stamp}"' in shown and f'"count": {stamp}' in shown
    assert from_epoch("3561120000000") == from_epoch(stamp)  # (milliseconds too)
    assert from_epoch("1234567") is None and from_epoch("9999999999999") is None  # (no year a notice means)


def test_extended_json_wrappers_read_as_their_values() -> None:
    shown = _read('{"_id": {"$oid": "66b50ea2"}, "max": {"$numberInt": "6"}, "at": {"$date": {"$numberLong": "3561120000000"}}}')
    assert json.loads(shown) == {"_id": "66b50ea2", "max": 6, "at": "2082年11月6日0时（即11月5日24时）"}


def test_a_timestamp_in_a_field_named_in_chinese_is_a_date() -> None:
    shown = _read('{"fields": {"截止时间": 3561120000000, "阶段": "省内报送", "联系电话": "13561120000"}}')
    assert "2082年11月6日0时" in shown and '"联系电话": "13561120000"' in shown


def test_a_range_of_hours_a_far_year_and_a_word_ending_in_at_are_no_machine_times() -> None:
    assert "09:00-11:30" in _read("答辩时间：2083-11-05 09:00-11:30，请携带PPT。")
    text = '{"wechat": "1794211200", "at": "9999-12-31T20:00:00Z", "b": "0001-01-01T00:00:00+09:00"}'
    assert _read(text) == text  # (no crash, nothing read: no year a notice means, no field named for a time)
