"""Imports are all or nothing (issue 23): an `ingest` killed at any moment leaves the corpus and the
index exactly as they were, or both with the notice; never the file without its index. A start
after it serves at once, rebuilding aside when the index is out of date."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.ingest import index
from assistant.ingest.importer import IngestError, ingest_files

from .conftest import CORPUS, FIXTURES, ROOT

NEW = FIXTURES / "new_style_2024.txt"


def _env(base: Path) -> dict[str, str]:
    return {**os.environ, "CORPUS_DIR": str(base / "corpus"), "INDEX_DIR": str(base / "index"), "DENSE": "0",
            "ASSISTANT_TODAY": "2024-11-01"}


def _state(base: Path) -> tuple[list[str], str]:
    corpus = sorted(p.name for p in (base / "corpus").iterdir())
    meta = json.loads((base / "index" / "meta.json").read_text(encoding="utf-8"))
    return corpus, meta["corpus"]


@pytest.mark.parametrize("kill_after", [0.3, 0.6, 0.9, 1.2, 1.6])
def test_a_killed_ingest_leaves_everything_as_it_was_or_done(tmp_path: Path, kill_after: float) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = _env(tmp_path)
    subprocess.run([sys.executable, "-m", "assistant", "build"], env=env, cwd=ROOT, capture_output=True, check=True)
    before = _state(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(NEW)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", dense=False)
    index.recover(settings)  # what the next start does first
    after = _state(tmp_path)
    corpus_now = [n for n in after[0] if not n.startswith(".")]
    if NEW.name in corpus_now:  # it finished: the file and its index together
        assert after[1] == index.corpus_fingerprint(tmp_path / "corpus")
    else:
        assert after == before
    assert not list((tmp_path / "corpus").glob(".staging-*"))
    _serves_within(tmp_path, 10.0)


def _serves_within(base: Path, seconds: float) -> None:
    """The next start answers within `seconds` (out of date or not, the last good index at once)."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from assistant.assistant import Assistant; "
                           "a = Assistant(serve_stale=True); print(a.answer('2023年申报截止时间').kind)"],
                          env=_env(base), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and time.perf_counter() - t < seconds, done.stderr[-2000:]


def test_a_failed_build_keeps_the_old_index_and_says_why_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", dense=False)
    index.build(settings)
    before = _state(tmp_path)

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index, "_swap", full_disk)
    with pytest.raises(IngestError, match="磁盘空间不足"):
        ingest_files([NEW], settings)
    assert _state(tmp_path) == before
    assert not list((tmp_path / "corpus").glob(".staging-*"))


def test_a_stale_index_is_served_at_once_and_rebuilt_aside(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", dense=False)
    index.build(settings)
    shutil.copy(NEW, tmp_path / "corpus" / NEW.name)  # added behind the index's back
    from assistant.assistant import Assistant

    bot = Assistant(settings, serve_stale=True)
    assert NEW.name not in bot._snapshot.notices  # the last good index answers first
    deadline = time.time() + 60
    while NEW.name not in bot._snapshot.notices and time.time() < deadline:
        time.sleep(0.2)
    assert NEW.name in bot._snapshot.notices and index.is_stale(settings) is None


def test_the_app_killed_during_a_staff_upload_leaves_the_corpus_and_index_as_they_were_or_done(tmp_path: Path) -> None:
    from .conftest import start_app
    from .test_security_round3 import PASSWORD, _fn_index, _staff

    servers = start_app(tmp_path, ADMIN_PASSWORD=PASSWORD)
    server = next(servers)
    try:
        before = _state(tmp_path)
        session = _staff(server)
        base = server.url + "staff/"
        with NEW.open("rb") as f:
            uploaded = session.post(base + "gradio_api/upload", files={"files": (NEW.name, f)}, timeout=30).json()[0]
        upload = _fn_index(session, base, "upload-run")
        joined = session.post(base + "gradio_api/queue/join", timeout=30, json={
            "data": [[{"path": uploaded, "meta": {"_type": "gradio.FileData"}, "orig_name": NEW.name}]],
            "fn_index": upload, "session_hash": "killme"})
        assert joined.status_code == 200
        time.sleep(0.3)
        os.kill(server.pid, signal.SIGKILL)
    finally:
        with contextlib.suppress(StopIteration, subprocess.TimeoutExpired):  # the server is gone: only clean up
            next(servers)
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", dense=False)
    index.recover(settings)
    after = _state(tmp_path)
    if NEW.name in after[0]:
        assert after[1] == index.corpus_fingerprint(tmp_path / "corpus")
    else:
        assert after == before
    assert not list((tmp_path / "corpus").glob(".staging-*"))
    _serves_within(tmp_path, 10.0)
