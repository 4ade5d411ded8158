"""A content system's audit log read as the notice it records, every later edit made."""

from __future__ import annotations

from assistant.ingest.auditlog import is_audit_log
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import normalize_for_match, verbatim

LOG = "\n".join([
    "2070-10-09 08:57:40 INFO  [auth] login ok user=lin",
    "2070-10-09 09:00:02 INFO  [cache] refresh /index ok",
    '2070-10-09 09:12:03 INFO  [notice] N70-9 set 标题 = "关于组织会员申报2070年“科创中国”榜单的通知"',
    '2070-10-09 09:12:04 INFO  [notice] N70-9 set 文号 = "云学秘〔2070〕3号"',
    '2070-10-09 09:12:05 INFO  [notice] N70-9 para 1 = "一、名额。专委会向学会推荐先导技术榜每个领域不超过2项，新锐企业榜不超过2家。"',
    '2070-10-09 09:12:06 INFO  [notice] N70-9 para 2 = "二、联系方式。联系人：林舟，电话：010-61110000。"',
    "2070-10-09 10:00:00 INFO  [backup] snapshot ok",
    "2070-10-10 10:00:00 INFO  [cache] refresh /index ok",
    '2070-10-10 11:00:00 INFO  [notice] N70-12 set 标题 = "青年论坛征文"',
    "2070-10-11 09:00:00 EDIT by user admin: N70-9 para 1 专委会推荐名额（先导技术榜每个领域） 不超过2项 -> 不超过3项",
    "2070-10-11 09:00:01 EDIT by user admin: N70-9 para 2 电话 010-61110000 -> 010-61110099",
    '2070-10-12 09:00:00 EDIT by user admin: N70-9 para 2 追加 "邮箱不变。"',
    "2070-10-12 09:00:01 INFO  [notice] N70-9 republished (v3)",
])


def test_an_audit_log_reads_as_its_notice_with_every_edit_made() -> None:
    assert is_audit_log(LOG)
    lines = clean_text(LOG).text.split("\n")
    assert lines[0] == "关于组织会员申报2070年“科创中国”榜单的通知" and "文号：云学秘〔2070〕3号" in lines
    assert "一、名额。专委会向学会推荐先导技术榜每个领域不超过3项，新锐企业榜不超过2家。" in lines  # only the edited 2项
    assert "二、联系方式。联系人：林舟，电话：010-61110099。" in lines and "邮箱不变。" in lines
    assert not any(w in "\n".join(lines) for w in ("login", "backup", "青年论坛"))  # the system's events, other records
    # The amended passage is the notice's own text, piece by piece.
    assert verbatim("先导技术榜每个领域不超过3项，新锐企业榜不超过2家", normalize_for_match(LOG))
    assert not verbatim("先导技术榜每个领域不超过9项", normalize_for_match(LOG))
