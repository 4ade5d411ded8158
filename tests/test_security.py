"""The staff console behind a real login, bounded input, exports safe to open in Excel.

Driven through raw HTTP and gradio_client against `python app.py` on a loopback port."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from assistant.interfaces.guard import LoginGuard, Throttle

from .conftest import CORPUS, ROOT, AppServer, start_app

PASSWORD = "Kczg-s3cret-42"
FORMULA = '=HYPERLINK("http://evil.example","点我")'


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    yield from start_app(tmp_path_factory.mktemp("guarded"), ADMIN_PASSWORD=PASSWORD)


def _login(server: AppServer, password: str = PASSWORD, address: str = "") -> requests.Response:
    return requests.post(server.url + "staff/login", data={"username": "admin", "password": password}, timeout=30)


def test_no_staff_endpoint_answers_without_a_session(guarded: AppServer) -> None:
    assert requests.get(guarded.url + "config", timeout=30).json()["run_history"] is False
    for path in ("staff/config", "staff/gradio_api/info", "staff/gradio_api/upload"):
        method = requests.post if path.endswith("upload") else requests.get
        assert method(guarded.url + path, timeout=30).status_code == 401, path
    from gradio_client import Client

    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own types for a refused app
        Client(guarded.url + "staff/", verbose=False)
    public = Client(guarded.url, verbose=False).view_api(return_format="dict", print_info=False)
    names = " ".join(public["named_endpoints"]) + " ".join(str(k) for k in public["unnamed_endpoints"])
    for staff_only in ("upload", "manage", "feedback", "questions", "batch"):
        assert staff_only not in names, names
    assert "/answer" in public["named_endpoints"]
    assert requests.get(guarded.url + "gradio_api/runs", timeout=30).status_code in (403, 404)


def test_a_logged_in_session_reaches_the_console_and_a_30mb_upload_is_refused(guarded: AppServer) -> None:
    session = requests.Session()
    assert session.post(guarded.url + "staff/login", data={"username": "admin", "password": PASSWORD}, timeout=30).ok
    assert session.get(guarded.url + "staff/config", timeout=30).status_code == 200
    big = b"0" * (30 * 1024 * 1024)
    refused = session.post(guarded.url + "staff/gradio_api/upload", files={"files": ("big.txt", big)}, timeout=120)
    assert refused.status_code == 413
    tmp = guarded.base / "gradio-tmp"
    assert not any(f.stat().st_size >= len(big) for f in tmp.rglob("*") if f.is_file()) if tmp.exists() else True
    anonymous = requests.post(guarded.url + "gradio_api/upload", files={"files": ("x.txt", b"x" * 4096)}, timeout=30)
    assert anonymous.status_code == 403  # the public app takes no files at all (refused before Gradio)


def test_wrong_logins_are_slowed_and_logged(guarded: AppServer) -> None:
    codes = [_login(guarded, f"wrong-{i}").status_code for i in range(20)]
    assert codes[:5] == [400] * 5 and set(codes[5:]) == {429}
    assert _login(guarded).status_code == 429  # even the right password waits its turn
    log = (guarded.base / "app.log").read_text(encoding="utf-8")
    assert log.count("staff login failed from 127.0.0.1") >= 5 and "refused" in log


def test_the_guard_grows_the_wait_and_forgets_after_a_success() -> None:
    now = [1000.0]
    guard = LoginGuard(lambda *a: None, "/staff", allowed=5, clock=lambda: now[0])  # type: ignore[arg-type, return-value]
    for _ in range(5):
        guard.failed("a")
    first = guard.wait("a")
    now[0] += first + 0.1
    guard.failed("a")
    assert guard.wait("a") > first and guard.wait("b") == 0
    guard.succeeded("a")
    assert guard.wait("a") == 0
    throttle = Throttle(2, 60, clock=lambda: now[0])
    assert [throttle.allow("x") for _ in range(3)] == [True, True, False] and throttle.allow("y")
    now[0] += 61
    assert throttle.allow("x")


def _bomb(path: Path, inflated_mb: int = 300) -> Path:
    """Our own decompression bomb: a .docx whose document part inflates to hundreds of MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"<w:t>" + b"0" * (1024 * 1024) + b"</w:t>"
            for _ in range(inflated_mb):
                part.write(block)
    return path


def test_a_decompression_bomb_is_refused_quickly_and_cheaply(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    code = ("import sys, time; from pathlib import Path; from assistant.ingest.notices import read_document, NoticeError\n"
            "t = time.perf_counter()\n"
            "try:\n    read_document(Path(sys.argv[1])); print('ACCEPTED')\n"
            "except NoticeError as e:\n    print('REFUSED', e)\n"
            "print('SECONDS', time.perf_counter() - t)\n"
            # VmHWM: this process's own peak (ru_maxrss would include the forking pytest's pages)
            "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
            "print('MAXRSS_MB', int(hwm.split()[1]) / 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, cwd=ROOT, timeout=60).stdout
    assert "REFUSED" in out and "解压后超过" in out, out
    seconds = float(out.split("SECONDS")[1].split()[0])
    rss = float(out.split("MAXRSS_MB")[1].split()[0])
    assert seconds < 5 and rss < 500, out


def test_formulas_in_questions_comments_and_notices_come_out_neutralised(tmp_path: Path) -> None:
    import shutil

    from assistant.assistant import Assistant
    from assistant.config import Settings
    from assistant.interfaces.pages import Ui
    from assistant.staff.feedback import FeedbackStore
    from assistant.staff.questions import QuestionLog

    shutil.copytree(CORPUS, tmp_path / "corpus")
    (tmp_path / "corpus" / "formula_2023.txt").write_text(
        "关于推荐2023年“科创中国”系列榜单的通知\n各会员单位：\n请于2023年11月1日前报送材料。\n"
        f"{FORMULA}\n联系人：张三\n电话：010-12345678\n", encoding="utf-8")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", dense=False)
    db = tmp_path / "fb.sqlite3"
    ui = Ui(Assistant(settings), FeedbackStore(db), QuestionLog(db))
    *_, last = ui.ask(FORMULA + "2023年申报截止时间", [], "s", "全部", "全部")
    ui.rate(last[4], "+1+1 @SUM(A1) -2", -1)
    exports = [ui.export_feedback(), ui.export_questions(""), ui.export("联系人", "", "全部", "全部")]
    for path in exports:
        text = Path(path).read_text(encoding="utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row if not re.fullmatch(r"-?\d+(?:\.\d+)?", c)]
        assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), path  # numbers stay numbers
        assert any(c.startswith("'=") or c.startswith("'+") for c in cells) or "联系人" not in path
    xlsx = ui.export_feedback("xlsx")
    from openpyxl import load_workbook

    values = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("'+1+1") for v in values)
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)


def test_markdown_in_user_and_notice_text_is_shown_as_text() -> None:
    from assistant.interfaces.render import plain_text

    shown = plain_text("[点我](http://evil.example) **粗** <script>x</script> https://x.example")
    assert "](" not in shown.replace("\\]\\(", "") and "<script>" not in shown and "://" not in shown


def test_exports_older_than_an_hour_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.staff import export

    monkeypatch.setattr(export, "EXPORT_ROOT", tmp_path / "exports")
    first = export.export_file("a", ["x"], [["1"]])
    old = time.time() - 2 * 3600
    os.utime(first.parent, (old, old))
    export.export_file("b", ["x"], [["2"]])
    assert not first.parent.exists()
