"""A throwaway PostgreSQL server for tests and the load test: Debian's `postgresql` binaries, a
cluster in a temporary folder listening on a free loopback port, removed when the block ends.

    with throwaway_cluster() as pg:
        url = pg.new_database("kczg")   # postgresql://postgres@127.0.0.1:PORT/kczg

The server refuses to run as root, so as root it runs as the `postgres` user the Debian package
creates (runuser)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.tools.deployment import free_port

SERVER_USER = "postgres"


class ClusterUnavailable(RuntimeError):
    """PostgreSQL's server binaries are not on this machine (the message says how to install them)."""


def server_bin() -> Path:
    """The folder of initdb/pg_ctl: Debian keeps them out of PATH, under /usr/lib/postgresql/N/bin."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
                   if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ClusterUnavailable("未找到 PostgreSQL 服务器程序：请安装 Debian 的 postgresql 包（make postgres）。")


@dataclass
class Cluster:
    folder: Path
    port: int
    as_user: list[str]  # the command prefix that runs a server program as its user

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self, name: str) -> str:
        """An empty database of this name (dropped first if it exists); its URL."""
        import psycopg

        if not name.replace("_", "").isalnum():
            raise ValueError(f"bad database name {name!r}")
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    bindir = server_bin()
    folder = Path(tempfile.mkdtemp(prefix="kczg-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise ClusterUnavailable(f"以 root 运行时需要系统用户 {SERVER_USER}（Debian 的 postgresql 包会创建）。") from None
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", SERVER_USER, "--"]
    data = folder / "data"
    port = free_port()
    run = [*as_user]
    try:
        subprocess.run([*run, str(bindir / "initdb"), "-D", str(data), "-U", SERVER_USER, "--auth=trust",
                        "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        # A throwaway server: durability is traded for speed; it only ever listens on loopback.
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        subprocess.run([*run, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
                        "-w", "-t", "60", "start"], check=True, capture_output=True, timeout=90)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(exc, "stderr", b"") or b""
        raise ClusterUnavailable(f"PostgreSQL 测试实例启动失败：{detail.decode(errors='replace')[-500:]} {log[-500:]}") from None
    try:
        yield Cluster(folder, port, as_user)
    finally:
        subprocess.run([*run, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
