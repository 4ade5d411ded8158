"""Values defined once and referred to by name (ingest/substitutions.py)."""

from __future__ import annotations

from assistant.ingest.notices import clean_text

RST = "\n".join([
    "关于组织推荐2074年“科创中国”系列榜单的通知",
    "=========================================",
    "省内报送截止时间为 |local_deadline| ，逾期不再受理。",
    "联系人：|contact_name| ，电话 |contact_phone| 。",
    "",
    ".. |contact_name| replace:: 聂远舟",
    ".. |contact_phone| replace:: 0518-85326174",
    ".. |local_deadline| replace:: 2074年11月8日17:00",
    ".. 注：以下一条为更正后的值，以此为准",
    ".. |local_deadline| replace:: 2074年11月14日17:00",
])


def test_a_reference_reads_as_the_value_its_last_definition_gives() -> None:
    text = clean_text(RST).text
    assert "省内报送截止时间为 2074年11月14日17:00 ，逾期不再受理。" in text or "省内报送截止时间为2074年11月14日17:00，逾期不再受理。" in text
    assert "聂远舟" in text and "0518-85326174" in text
    assert "11月8日" not in text  # the definition a later one replaces
    assert "|local_deadline|" not in text
