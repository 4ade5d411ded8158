"""The service as several processes on loopback, as it runs behind a proxy: one Chroma server for
the vectors, N app processes sharing one corpus folder, one index folder and one staff database
(DATABASE_URL). Used by the replica test and `make load`.

    with chroma_server(folder) as port, replicas(2, base, {"DATABASE_URL": url, ...}) as apps:
        ...  # apps[0].url, apps[1].url
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.config import ROOT
from assistant.tools.loadtest import wait_until_serving

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def chroma_server(folder: Path, port: int | None = None) -> Iterator[int]:
    """`chroma run` on loopback over `folder`; yields its port."""
    port = port or free_port()
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, 60)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@dataclass
class Replica:
    url: str
    pid: int
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@contextmanager
def _app(env: dict[str, str], port: int, log: Path) -> Iterator[Replica]:
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env={**env, "GRADIO_SERVER_PORT": str(port)},
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        replica = Replica(f"http://127.0.0.1:{port}/", proc.pid, log)
        try:
            try:
                wait_until_serving(replica.url, proc, 240)
            except RuntimeError:
                raise RuntimeError(f"{replica.url} did not start:\n{replica.log_text()[-3000:]}") from None
            yield replica
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextmanager
def replicas(n: int, base: Path, env: dict[str, str], ports: list[int] | None = None) -> Iterator[list[Replica]]:
    """N `python app.py` over base/corpus and base/index (the caller fills the corpus) with `env`
    (DATABASE_URL, CHROMA_HOST…). The first starts alone (it builds the index if there is none),
    then the others load it."""
    full = {**os.environ, "CORPUS_DIR": str(base / "corpus"), "INDEX_DIR": str(base / "index"),
            "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_TEMP_DIR": str(base / "gradio-tmp"), **env}
    ports = ports or [free_port() for _ in range(n)]
    with ExitStack() as stack:
        apps = [stack.enter_context(_app(full, port, base / f"app-{port}.log")) for port in ports[:n]]
        yield apps

