"""The staff database on SQLite and on a real PostgreSQL: migrations, the stores' round trips,
concurrent writers, and a failed write leaving nothing behind."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from assistant.answer.compose import Answer
from assistant.model import AnswerKind
from assistant.staff.api_keys import KeyStore
from assistant.staff.database import Database, DatabaseError, normalise_url
from assistant.staff.feedback import FeedbackStore
from assistant.staff.questions import QuestionLog
from assistant.staff.schema import questions

HEAD = "0002"


def _answer(kind: AnswerKind = AnswerKind.DECLINE) -> Answer:
    return Answer("回答", kind, latency_ms=2.0)


def test_schema_is_at_the_newest_revision_and_migrating_again_changes_nothing(staff_db: Database) -> None:
    assert staff_db.revision() == HEAD
    log = QuestionLog(staff_db)
    log.record("今年的申报截止时间？", _answer())
    staff_db.migrate()
    assert staff_db.revision() == HEAD and log.count() == 1


def test_stores_round_trip(staff_db: Database) -> None:
    log, feedback, keys = QuestionLog(staff_db), FeedbackStore(staff_db), KeyStore(staff_db)
    first = log.record("评审费是多少？", _answer())
    log.record("评审费是多少呢", _answer())
    log.rate(first, -1)
    assert log.count() == 2 and log.unanswered()[0].count == 2
    assert feedback.add("问题", {"answer": "答", "kind": "rule", "citations": [{"q": "引文"}]}, 1, "好") > 0
    assert feedback.rows()[0][2:4] == ["问题", "答"] and feedback.count() == 1
    key, secret = keys.create("学会网站", rate=5)
    keys.count(key.id)
    assert keys.verify(secret, dt.date.today()) == keys.get(key.id) and keys.get(key.id).requests == 1
    keys.revoke(key.id)
    assert keys.verify(secret, dt.date.today()) is None


def test_a_failed_write_leaves_nothing(staff_db: Database) -> None:
    with pytest.raises(RuntimeError), staff_db.begin() as conn:
        conn.execute(insert(questions).values(created="2026-01-01 00:00:00", question="半截", kind="rule",
                                              notices="[]", latency_ms=1.0, channel="app"))
        raise RuntimeError("the process dies mid-write")
    assert QuestionLog(staff_db).count() == 0


def test_concurrent_writers_lose_no_row(staff_db: Database) -> None:
    log = QuestionLog(staff_db)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(40):
                log.record(f"用户{n}的第{i}个问题", _answer(AnswerKind.RULE), channel="api")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and log.count() == 320
    with staff_db.read() as conn:
        assert conn.execute(select(func.count(func.distinct(questions.c.id)))).scalar_one() == 320


def test_an_older_sqlite_file_keeps_its_rows(tmp_path: Path) -> None:
    """A file the SQLite-only versions wrote (no migration table) is brought to the newest
    revision with its rows."""
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE questions (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, "
                    "question TEXT NOT NULL, kind TEXT NOT NULL, relevance REAL, notices TEXT NOT NULL, "
                    "latency_ms REAL NOT NULL, channel TEXT NOT NULL, weak INTEGER NOT NULL DEFAULT 0, rating INTEGER)")
        old.execute("INSERT INTO questions (created, question, kind, notices, latency_ms, channel) "
                    "VALUES ('2026-11-30 10:00:00', '旧问题', 'decline', '[]', 3.0, 'app')")
    db = Database.open(path)
    try:
        assert db.revision() == HEAD
        assert [r[2] for r in QuestionLog(db, retention_days=10_000).rows()] == ["旧问题"]
        assert KeyStore(db).all() == []  # the tables it lacked were created
    finally:
        db.dispose()


def test_two_processes_migrating_one_postgresql_at_once(postgres) -> None:  # noqa: ANN001
    """Replicas starting together: the migration lock makes the second wait, not fail."""
    import subprocess
    import sys

    url = postgres.new_database("racing")
    code = "import sys; from assistant.staff.database import Database; print(Database.open(sys.argv[1]).revision())"
    procs = [subprocess.Popen([sys.executable, "-c", code, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err[-400:] for _, err in outs]
    assert {out.strip() for out, _ in outs} == {HEAD}


def test_database_urls() -> None:
    assert normalise_url("postgresql://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url(Path("/tmp/x.sqlite3")).get_backend_name() == "sqlite"
    with pytest.raises(DatabaseError, match="不支持"):
        normalise_url("mysql://u@h/db")
    with pytest.raises(DatabaseError, match="无法解析"):
        normalise_url("::not a url::")


def test_an_unreachable_database_is_said_in_chinese_without_its_password() -> None:
    import subprocess
    import sys

    from tests.conftest import free_port

    url = f"postgresql://kczg:s3cret@127.0.0.1:{free_port()}/kczg"
    with pytest.raises(DatabaseError, match="无法连接") as caught:
        Database.open(url)
    assert "s3cret" not in str(caught.value)
    done = subprocess.run([sys.executable, "-m", "assistant", "apikey", "list"], capture_output=True, text=True,
                          env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 2 and "无法连接" in done.stderr and "Traceback" not in done.stderr
