"""Security, round three (issue 23): client paths in staff file inputs, staff actions from other
sites, limits a forged header dodged, unbounded anonymous input, response headers, weak passwords,
UTF-16 notices, oversized text notices, terminal escapes in reports.

Driven through raw HTTP against `python app.py` on a loopback port."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from assistant.ingest.notices import NoticeError, decode_text

from .conftest import ROOT, AppServer, start_app

PASSWORD = "Kczg-staff-2026"
EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    yield from start_app(tmp_path_factory.mktemp("round3"), ADMIN_PASSWORD=PASSWORD)


def _staff(server: AppServer) -> requests.Session:
    session = requests.Session()
    assert session.post(server.url + "staff/login", data={"username": "admin", "password": PASSWORD}, timeout=30).ok
    return session


def _call(session: requests.Session, base: str, fn_index: int, data: list[object],
          headers: dict[str, str] | None = None) -> tuple[int, list[dict[str, object]]]:
    """One call through Gradio's queue (join, then the event stream): status and the messages."""
    joined = session.post(base + "gradio_api/queue/join", json={"data": data, "fn_index": fn_index, "session_hash": "probe1"},
                          headers=headers or {}, timeout=30)
    if joined.status_code != 200:
        return joined.status_code, []
    messages = []
    with session.get(base + "gradio_api/queue/data", params={"session_hash": "probe1"}, stream=True, timeout=60) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data:"):
                message = json.loads(line[5:])
                messages.append(message)
                if message.get("msg") == "process_completed":
                    break
    return 200, messages


def _fn_index(session: requests.Session, base: str, elem_id: str) -> int:
    """The event a button with this elem_id triggers."""
    config = session.get(base + "config", timeout=30).json()
    ids = {c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id}
    for i, dep in enumerate(config["dependencies"]):
        if any(t[0] in ids for t in dep["targets"]):
            return i
    raise AssertionError(f"no event for {elem_id}")


def test_a_staff_file_input_refuses_a_server_path_alike_whether_it_exists(app: AppServer) -> None:
    session = _staff(app)
    base = app.url + "staff/"
    upload = _fn_index(session, base, "upload-run")
    corpus = app.base / "corpus"
    before = sorted(p.name for p in corpus.iterdir())
    secret = app.base / "secret.txt"
    secret.write_text("关于开展2023年“科创中国”系列榜单征集遴选工作的通知\n机密内容，不应被导入。\n", encoding="utf-8")
    outputs = []
    for path in (secret, app.base / "no-such-file.txt"):
        status, messages = _call(session, base, upload, [[{"path": str(path), "meta": {"_type": "gradio.FileData"}}]])
        done = [{k: v for k, v in m.items() if k != "event_id"} for m in messages if m.get("msg") == "process_completed"]
        outputs.append((status, json.dumps(done, ensure_ascii=False).replace(str(path), "PATH")))
    assert sorted(p.name for p in corpus.iterdir()) == before  # nothing imported
    assert outputs[0] == outputs[1]  # the same refusal: it does not tell whether the path exists
    assert "已导入" not in outputs[0][1] and '"success": false' in outputs[0][1]


def test_our_own_check_refuses_a_path_outside_the_upload_folder_whatever_gradio_does(tmp_path: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.interfaces.uploads import REFUSED, UploadRefused, received

    folder = tmp_path / "uploads"
    (folder / "abc").mkdir(parents=True)
    inside = folder / "abc" / "notice.txt"
    inside.write_text("通知", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("机密", encoding="utf-8")
    link = folder / "abc" / "link.txt"
    link.symlink_to(outside)
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(folder))
    assert received([str(inside)]) == [inside]
    for bad in ([str(outside)], [str(tmp_path / "missing.txt")], [str(link)], [str(folder / ".." / "secret.txt")], [{}]):
        with pytest.raises(UploadRefused, match=REFUSED):
            received(bad)


def test_staff_calls_from_another_site_are_refused(app: AppServer) -> None:
    session = _staff(app)
    base = app.url + "staff/"
    questions = _fn_index(session, base, "ql-refresh")
    status, _ = _call(session, base, questions, ["2000-01-01"], headers={"Origin": EVIL})
    assert status == 403
    cors = session.options(base + "gradio_api/queue/join", headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"},
                           timeout=30)
    assert cors.headers.get("access-control-allow-credentials") != "true"
    assert cors.headers.get("access-control-allow-origin") not in (EVIL, "*")
    # Our own origin still works.
    assert _call(session, base, questions, ["2000-01-01"], headers={"Origin": app.url.rstrip("/")})[0] == 200


def test_staff_exports_are_served_by_the_staff_app_only(app: AppServer) -> None:
    session = _staff(app)
    base = app.url + "staff/"
    status, messages = _call(session, base, _fn_index(session, base, "fb-csv"), [])
    done = next(m for m in messages if m.get("msg") == "process_completed")
    path = done["output"]["data"][0]["path"]
    assert status == 200 and Path(path).name.startswith("staff-")
    assert requests.get(app.url + f"gradio_api/file={path}", timeout=30).status_code == 404  # the public app
    assert session.get(base + f"gradio_api/file={path}", timeout=30).status_code == 200


def test_session_cookies_are_lax_and_logout_ends_the_session(app: AppServer) -> None:
    login = requests.post(app.url + "staff/login", data={"username": "admin", "password": PASSWORD}, timeout=30,
                          allow_redirects=False)
    cookies = login.headers.get("set-cookie", "")
    assert cookies and "samesite=none" not in cookies.lower() and "samesite=lax" in cookies.lower()
    session = _staff(app)
    assert session.get(app.url + "staff/config", timeout=30).status_code == 200
    session.get(app.url + "staff/logout", timeout=30)
    assert session.get(app.url + "staff/config", timeout=30).status_code == 401


def test_a_forged_forwarded_header_does_not_dodge_the_login_limit(app: AppServer) -> None:
    codes = [requests.post(app.url + "staff/login", data={"username": "admin", "password": f"wrong-{i}"},
                           headers={"X-Forwarded-For": f"10.0.0.{i}"}, timeout=30).status_code for i in range(12)]
    assert 429 in codes, codes


def test_a_forged_forwarded_header_does_not_dodge_the_question_log_limit(app: AppServer) -> None:
    import sqlite3

    def logged() -> int:
        with sqlite3.connect(app.base / "feedback.sqlite3") as db:
            return int(db.execute("SELECT COUNT(*) FROM questions").fetchone()[0])

    before = logged()
    for i in range(75):
        started = requests.post(app.url + "gradio_api/call/answer", json={"data": [f"第{i}个问题：截止时间？", ""]},
                                headers={"X-Forwarded-For": f"10.1.{i}.1"}, timeout=30)
        requests.get(app.url + f"gradio_api/call/answer/{started.json()['event_id']}", timeout=60)
    assert logged() - before <= 60  # one client, whatever it says it forwards for


def test_bodies_are_bounded_and_the_public_app_takes_no_uploads(app: AppServer) -> None:
    big = requests.post(app.url + "gradio_api/queue/join", data=b"[" + b"1," * (3 * 1024 * 1024) + b"1]",
                        headers={"Content-Type": "application/json"}, timeout=60)
    assert big.status_code == 413 and "过大" in big.text
    tiny = requests.post(app.url + "gradio_api/upload", files={"files": ("x.txt", b"x" * 100)}, timeout=30)
    assert tiny.status_code in (403, 413)
    tmp = app.base / "gradio-tmp"
    assert not any(f.name == "x.txt" for f in tmp.rglob("*")) if tmp.exists() else True


def test_a_question_of_another_type_gets_an_answer_and_the_app_keeps_serving(app: AppServer) -> None:
    def ask(question: object) -> str:
        started = requests.post(app.url + "gradio_api/call/answer", json={"data": [question, ""]}, timeout=30)
        assert started.status_code == 200, started.text
        event = started.json()["event_id"]
        stream = requests.get(app.url + f"gradio_api/call/answer/{event}", timeout=60).text
        return stream.encode().decode("unicode_escape") if "\\u" in stream else stream

    odd = ask({"q": "截止时间"})
    assert "event: complete" in odd and "问题须为一段文字" in odd  # said in Chinese, not guessed at
    assert "AttributeError" not in (app.base / "app.log").read_text(encoding="utf-8")
    assert "11月30日" in ask("2023年申报截止时间是什么时候？")


def test_every_page_carries_security_headers(app: AppServer) -> None:
    for path in ("", "staff/", "config"):
        headers = requests.get(app.url + path, timeout=30).headers
        assert "frame-ancestors" in headers.get("content-security-policy", ""), path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy"), path


def test_a_weak_admin_password_stops_the_start_with_a_clear_message(tmp_path: Path) -> None:
    env = {"ADMIN_PASSWORD": "s3cret", "CORPUS_DIR": str(tmp_path), "INDEX_DIR": str(tmp_path / "index"), "DENSE": "0",
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, str(ROOT / "app.py")], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode != 0 and "ADMIN_PASSWORD" in done.stderr and "至少" in done.stderr


def test_a_utf16_notice_is_read() -> None:
    text = "关于开展2024年“科创中国”系列榜单推荐工作的通知\n截止时间：2024年11月30日。\n"
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        assert decode_text(text.encode(encoding)).strip().endswith("2024年11月30日。"), encoding


def test_a_text_notice_far_beyond_any_notice_is_refused_with_its_limit() -> None:
    with pytest.raises(NoticeError, match="字"):
        decode_text(("通知正文。" * 200_000).encode("utf-8"))


def test_an_idle_or_old_staff_session_must_log_in_again() -> None:
    from assistant.interfaces.shield import Shield, ShieldSettings

    now = [0.0]
    shield = Shield(lambda *a: None, ShieldSettings(1024, 1024, idle_seconds=100, absolute_seconds=1000),  # type: ignore[arg-type, return-value]
                    clock=lambda: now[0])
    headers = {"cookie": "access-token-abc=tok1"}
    assert not shield.expired(headers)
    now[0] = 90
    assert not shield.expired(headers)  # active: the idle clock restarts
    now[0] = 195
    assert shield.expired(headers)  # idle 105 s
    other = {"cookie": "access-token-abc=tok2"}
    for t in range(200, 1300, 50):
        now[0] = t
        if shield.expired(other):
            break
    assert now[0] > 1000 + 200 - 50  # open too long, however active
    assert not shield.expired({"cookie": "theme=dark"})


def test_report_neutralises_terminal_escapes(tmp_path: Path) -> None:
    from assistant.interfaces.render import terminal_safe

    assert terminal_safe("正常\x1b]0;pwned\x07问题\x1b[2J") == "正常␛]0;pwned␇问题␛[2J"
    assert terminal_safe("换行\n保留\t制表") == "换行\n保留\t制表"


def test_cookies_are_secure_over_https_and_allowed_origins_may_act() -> None:
    from assistant.interfaces.shield import Shield, ShieldSettings, _lax

    assert _lax(b"access-token-x=abc; HttpOnly; Path=/; SameSite=none; Secure", https=True).endswith(b"SameSite=Lax; Secure")
    assert b"Secure" not in _lax(b"access-token-unsecure-x=abc; HttpOnly; Path=/; SameSite=lax", https=False)
    shield = Shield(lambda *a: None, ShieldSettings(1024, 1024, allowed_origins=("https://www.society.example",)))  # type: ignore[arg-type, return-value]
    scope = {"scheme": "https"}
    own = {"host": "kczg.example"}
    assert not shield.foreign(scope, {**own, "origin": "https://kczg.example"})
    assert not shield.foreign(scope, {**own, "origin": "https://www.society.example"})
    assert shield.foreign(scope, {**own, "origin": "https://evil.example"})
    assert shield.foreign(scope, {**own, "referer": "https://evil.example/page"})
    assert shield.foreign(scope, {**own, "origin": "null"})
    assert "https://www.society.example" in dict(shield.security_headers())[b"content-security-policy"].decode()
