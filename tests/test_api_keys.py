"""The key store and the API's own pieces, without a server: keys kept only as digests, expiry and
revocation, the per-key window's Retry-After, the Chinese messages for malformed requests, the
OpenAI endpoint's text with its sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.answer.compose import Answer, Citation
from assistant.interfaces.api_errors import explain_invalid
from assistant.interfaces.guard import Throttle
from assistant.interfaces.openai_compat import _pieces, with_sources
from assistant.model import AnswerKind
from assistant.staff.api_keys import KeyRefused, KeyStore

TODAY = dt.date(2026, 12, 2)


def test_a_key_is_shown_once_and_stored_only_as_its_digest(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "staff.sqlite3")
    key, secret = keys.create("学会官网", rate=30, today=TODAY)
    assert keys.verify(secret, TODAY) == key and key.rate == 30 and key.prefix == secret[:12]
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert secret.encode() not in stored and secret[12:30].encode() not in stored
    assert keys.verify(secret + "x", TODAY) is None and keys.verify("", TODAY) is None
    other, other_secret = keys.create("工单系统", today=TODAY)
    assert other_secret != secret and keys.verify(other_secret, TODAY) == other


def test_expiry_and_revocation(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "staff.sqlite3")
    key, secret = keys.create("短期", expires=TODAY + dt.timedelta(days=1), today=TODAY)
    assert keys.verify(secret, TODAY + dt.timedelta(days=1)) is not None  # the last day still works
    assert keys.verify(secret, TODAY + dt.timedelta(days=2)) is None
    assert keys.get(key.id).status(TODAY + dt.timedelta(days=2)) == "已过期"
    revoked = keys.revoke(key.id)
    assert revoked is not None and revoked.status(TODAY) == "已吊销" and keys.verify(secret, TODAY) is None
    assert keys.revoke(999) is None


@pytest.mark.parametrize(("name", "expires", "rate"), [("", None, 60), ("  ", None, 60), ("x", None, 0),
                                                        ("x", TODAY - dt.timedelta(days=1), 60)])
def test_keys_that_cannot_work_are_refused_with_a_reason(tmp_path: Path, name: str, expires: dt.date | None, rate: int) -> None:
    with pytest.raises(KeyRefused):
        KeyStore(tmp_path / "staff.sqlite3").create(name, expires, rate, TODAY)


def test_requests_are_counted(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "staff.sqlite3")
    key, _ = keys.create("计数", today=TODAY)
    for _ in range(3):
        keys.count(key.id)
    counted = keys.get(key.id)
    assert counted is not None and counted.requests == 3 and counted.last_used


def test_retry_after_is_when_the_oldest_request_leaves_the_window() -> None:
    now = [100.0]
    throttle = Throttle(2, 60, clock=lambda: now[0])
    assert throttle.allow("k") and throttle.retry_after("k") == 0
    now[0] = 110.0
    assert throttle.allow("k") and not throttle.allow("k")
    assert throttle.retry_after("k") == pytest.approx(50.0)
    now[0] = 160.5
    assert throttle.allow("k")


def test_malformed_requests_are_told_what_is_wrong_in_chinese() -> None:
    assert explain_invalid([{"type": "json_invalid", "loc": ("body", 1)}])[:2] == (400, "invalid_json")
    status, code, message = explain_invalid([{"type": "string_too_long", "loc": ("body", "question"),
                                              "ctx": {"max_length": 5000}}, {"type": "missing", "loc": ("body", "list")}])
    assert (status, code) == (422, "invalid_request")
    assert "question：过长（至多 5000 个字符）" in message and "list：缺少此项" in message


def test_the_chat_text_keeps_markers_and_lists_its_sources() -> None:
    cite = Citation("000.txt", "某通知", 2023, "五、工作联系", "联系人：张三 电话：010-60000000" + "。" * 200, 10, 240)
    text = with_sources(Answer("联系人：张三[1]", AnswerKind.RULE, [cite]))
    assert text.startswith("联系人：张三[1]") and "来源：\n[1] 《某通知》·五、工作联系：“联系人：张三 电话：010-60000000" in text
    assert text.endswith("…”")  # a long quote is cut in the text (the citations field keeps it whole)
    assert with_sources(Answer("通知中未找到。", AnswerKind.DECLINE)) == "通知中未找到。"
    long = "2023年申报截止时间：2023年11月30日24时[1]\n依据：[2][3]" * 3
    assert "".join(_pieces(long)) == long and len(list(_pieces(long))) > 3


def test_the_staff_console_creates_shows_once_lists_and_revokes(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from assistant.config import Settings
    from assistant.interfaces.pages import Ui

    keys = KeyStore(tmp_path / "staff.sqlite3")
    ui = Ui(SimpleNamespace(settings=Settings()), None, None, keys)  # type: ignore[arg-type]
    message, secret, rows, _ = ui.create_key("区科协网站", "", 30)
    assert "只显示这一次" in message and keys.verify(secret, dt.date.today()) is not None
    assert rows[0][1] == "区科协网站" and rows[0][5] == 30 and secret not in str(rows)
    assert ui.create_key("x", "明年", 30)[1] == "" and ui.create_key("", "", 30)[1] == ""
    assert "确认" in ui.revoke_key(rows[0][0], False)[0] and keys.verify(secret, dt.date.today()) is not None
    done, rows, _ = ui.revoke_key(str(rows[0][0]), True)
    assert "已吊销" in done and rows[0][6] == "已吊销" and keys.verify(secret, dt.date.today()) is None


def _request(headers: dict[str, str], client: str = "10.0.0.1"):  # noqa: ANN202
    from starlette.requests import Request

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "POST", "path": "/api/v1/ask", "headers": raw, "client": (client, 1234)})


def test_without_required_keys_each_client_is_held_to_its_own_rate(tmp_path: Path) -> None:
    from assistant.interfaces.api_access import Access
    from assistant.interfaces.api_errors import ApiError

    keys = KeyStore(tmp_path / "staff.sqlite3")
    open_api = Access(keys, require_key=False, client_rate=2)
    assert open_api(_request({})).key is None and open_api(_request({})).name == "client:10.0.0.1"
    with pytest.raises(ApiError) as limited:
        open_api(_request({}))
    assert limited.value.status == 429 and int(limited.value.headers["Retry-After"]) >= 1
    assert open_api(_request({}, client="10.0.0.2")).key is None  # another client, its own window
    with pytest.raises(ApiError) as wrong:  # a key given is still checked
        open_api(_request({"Authorization": "Bearer kczg-wrong"}, client="10.0.0.3"))
    assert wrong.value.status == 401
    closed = Access(keys, require_key=True, client_rate=2)
    with pytest.raises(ApiError) as missing:
        closed(_request({}))
    assert missing.value.code == "missing_key"
    _, secret = keys.create("x", today=dt.date.today())
    assert closed(_request({"X-API-Key": secret})).key is not None
