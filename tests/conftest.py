"""Fixtures built from the real notices in corpus/ (copied, so tests never touch the real index)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.answer.store import FactStore
from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import Notice, NoticeRecord, load_corpus
from assistant.ingest.textmap import MappedText
from assistant.model import Fact
from assistant.names import Catalogue
from assistant.tools.deployment import free_port
from assistant.tools.loadtest import wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def source_of(mt: MappedText, original: str, text: str) -> str:
    """What of `original` the first `text` of a cleaned text maps back to (the offset map's test)."""
    at = mt.text.index(text)
    start, end = mt.original_span(at, at + len(text))
    return original[start:end]
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "dev.jsonl"
TODAY = dt.date(2023, 11, 25)  # inside the 2023 round: deadlines on both sides of it


@pytest.fixture(scope="session")
def notices() -> dict[str, Notice]:
    return {n.id[:3]: n for n in load_corpus(CORPUS)}


@pytest.fixture(scope="session")
def facts(notices: dict[str, Notice]) -> list[Fact]:
    """Every fact extracted from the real notices, straight from the extractors (no index)."""
    return [f for n in notices.values() for f in extract_facts(n)]


@pytest.fixture(scope="session")
def catalogue(facts: list[Fact]) -> Catalogue:
    return Catalogue.from_facts(facts)


@pytest.fixture(scope="session")
def store(notices: dict[str, Notice], facts: list[Fact], catalogue: Catalogue) -> FactStore:
    """A fact store over the real notices, built without an index or vectors: the rules' input."""
    records = {n.id: NoticeRecord.of(n, CORPUS / n.id) for n in notices.values()}
    return FactStore(facts, records, catalogue)


def make_settings(base: Path, dense: bool = True) -> Settings:
    corpus = base / "corpus"
    if not corpus.exists():
        shutil.copytree(CORPUS, corpus)
    return Settings(corpus_dir=corpus, index_dir=base / "index", dense=dense, today=TODAY)


def with_notice(settings: Settings, folder: Path, name: str, text: str, today: dt.date | None = None) -> Assistant:
    """An assistant over the corpus copy with one more notice written and imported (`today` as given)."""
    from dataclasses import replace

    bot = Assistant(replace(settings, today=today) if today else settings)
    src = folder / name
    src.write_text(text, encoding="utf-8")
    bot.ingest([src])
    return bot


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The full assistant (BM25 + m3e vectors in Chroma) over a copy of the corpus."""
    return Assistant(make_settings(tmp_path_factory.mktemp("full")))


@pytest.fixture()
def small_settings(tmp_path: Path) -> Settings:
    """A private corpus copy and index, BM25 only: for tests that change the corpus."""
    return make_settings(tmp_path, dense=False)


@dataclass
class AppServer:
    url: str
    pid: int
    base: Path


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """`python app.py` on a free loopback port over a copy of the corpus (BM25 only, to start fast)."""
    yield from start_app(tmp_path_factory.mktemp("app"))


def start_app(base: Path, **extra_env: str) -> Iterator[AppServer]:
    shutil.copytree(CORPUS, base / "corpus")
    port = free_port()
    env = {**os.environ, "CORPUS_DIR": str(base / "corpus"), "INDEX_DIR": str(base / "index"),
           "FEEDBACK_DB": str(base / "feedback.sqlite3"), "DENSE": "0", "GRADIO_SERVER_PORT": str(port),
           "ASSISTANT_TODAY": "2023-11-25", "APP_CONCURRENCY": "8", "GRADIO_TEMP_DIR": str(base / "gradio-tmp"), **extra_env}
    for name in ("ADMIN_PASSWORD", "LLM_BASE_URL", "LLM_MODEL"):
        if name not in extra_env:
            env.pop(name, None)
    log = open(base / "app.log", "w")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}/"
    try:
        try:
            wait_until_serving(url, proc, 120)
        except RuntimeError:
            raise RuntimeError((base / "app.log").read_text()) from None
        yield AppServer(url, proc.pid, base)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@dataclass
class ApiServer:
    """The app with its HTTP APIs, a page origin allowed to embed the widget, and how to run the
    command line against the same corpus, index and key store."""

    url: str
    base: Path
    widget_origin: str  # a site allowed to embed the widget (nothing serves it until a test does)
    env: dict[str, str]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "assistant", *args], env=self.env, capture_output=True, text=True,
                              timeout=120, cwd=ROOT)

    def new_key(self, name: str, *options: str) -> str:
        done = self.cli("apikey", "create", name, *options)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()


@pytest.fixture(scope="session")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    base = tmp_path_factory.mktemp("api")
    host_port = free_port()
    widget = f"http://127.0.0.1:{host_port}"
    for server in start_app(base, WIDGET_ORIGINS=widget):
        env = {**os.environ, "CORPUS_DIR": str(base / "corpus"), "INDEX_DIR": str(base / "index"),
               "FEEDBACK_DB": str(base / "feedback.sqlite3"), "DENSE": "0", "ASSISTANT_TODAY": "2023-11-25"}
        yield ApiServer(server.url, base, widget, env)


# ---------------------------------------------------------------- the staff database


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """A throwaway PostgreSQL server (Debian's package) for the whole run. Skipped, with the
    reason, only where the server cannot be installed; `make test` sets REQUIRE_POSTGRES=1 and
    installs it, so there a missing server fails."""
    from assistant.tools.pgcluster import ClusterUnavailable, throwaway_cluster

    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except ClusterUnavailable as exc:
        if os.environ.get("REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"PostgreSQL 不可用：{exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def staff_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """An empty staff database of each kind the service runs on."""
    from assistant.staff.database import Database

    if request.param == "sqlite":
        db = Database.open(tmp_path / "staff.sqlite3")
    else:
        cluster = request.getfixturevalue("postgres")
        db = Database.open(cluster.new_database(f"t{abs(hash(request.node.name)) % 10**8}"))
    yield db
    db.dispose()
