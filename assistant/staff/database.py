"""The staff database: where the question log, the feedback, the API keys and the curated answers
live. SQLite (one file, the default) or PostgreSQL (`DATABASE_URL=postgresql://…`, shared by
several app processes), through SQLAlchemy; the schema is brought to the newest Alembic revision
when a process first opens it.

One transaction per write (`begin()`): a crash or a failed write leaves nothing half-written."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from assistant.staff.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Two processes starting at once on one PostgreSQL must not both migrate: they queue on this lock.
MIGRATION_LOCK = 0x6B637A67  # "kczg"


def normalise_url(raw: str | Path) -> URL:
    """A path is a SQLite file; `postgresql://` and `postgres://` use psycopg 3."""
    if isinstance(raw, Path):
        return URL.create("sqlite", database=str(raw))
    try:
        url = make_url(raw.strip())
    except Exception as exc:
        raise DatabaseError(f"DATABASE_URL 无法解析：{exc}") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(f"不支持的数据库：{url.get_backend_name()}（可用 SQLite 或 PostgreSQL）")
    return url


class Database:
    """One engine per database URL in a process; every store on that URL shares it."""

    _open: dict[str, Database] = {}
    _open_lock = threading.Lock()

    def __init__(self, url: URL) -> None:
        self.url = url
        self.kind = url.get_backend_name()
        if self.kind == "sqlite" and url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {"future": True}
        if self.kind == "sqlite":
            options["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            options.update(pool_size=5, max_overflow=10, pool_pre_ping=True, pool_recycle=1800)
        self.engine: Engine = create_engine(url, **options)
        if self.kind == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        # SQLite takes one writer at a time; within a process, writers queue here instead of
        # retrying on "database is locked".
        self._write_lock = threading.Lock() if self.kind == "sqlite" else None
        self.migrate()

    @classmethod
    def open(cls, raw: str | Path) -> Database:
        url = normalise_url(raw)
        key = url.render_as_string(hide_password=False)
        with cls._open_lock:
            if key not in cls._open:
                cls._open[key] = cls(url)
            return cls._open[key]

    @property
    def label(self) -> str:
        """For logs and the console: never the password."""
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        if self._write_lock is None:
            with self.engine.begin() as conn:
                yield conn
            return
        with self._write_lock, self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def migrate(self) -> None:
        """The schema at the newest revision (tables that an older version made are kept as they are)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                if self.kind == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except OperationalError as exc:  # unreachable, refused, a file that cannot be written
            self.engine.dispose()
            raise DatabaseError(f"无法连接或升级员工数据库 {self.label}：{str(exc.orig or exc).strip()[:300]}") from None

    def revision(self) -> str | None:
        with self.read() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except Exception:
                return None

    def dispose(self) -> None:
        self.engine.dispose()
        with self._open_lock:
            for key, db in list(self._open.items()):
                if db is self:
                    del self._open[key]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL: readers never wait for the writer; a crash loses nothing committed.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """A store over the staff database: given the database, or a path (a SQLite file there)."""

    def __init__(self, db: Database | Path | str) -> None:
        self.db = db if isinstance(db, Database) else Database.open(db)
