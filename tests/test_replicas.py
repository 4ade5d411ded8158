"""Two app processes behind one (imagined) proxy: one PostgreSQL, one Chroma server, one corpus
folder. What one replica writes, the other serves: API keys, curated answers, imported notices."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from assistant.tools.deployment import CHROMA, Replica, chroma_server, replicas

from .conftest import CORPUS, FIXTURES

PASSWORD = "Kczg-replica-2026"
# A notice imported through one replica is answered by the other within this many seconds (the
# other notices the new index on its next question and loads it in the background).
IMPORT_VISIBLE_S = 30


@dataclass
class Deployment:
    a: Replica
    b: Replica
    database_url: str
    index_dir: Path
    chroma_port: int  # 0: no chroma CLI here, vectors off


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory, postgres) -> Iterator[Deployment]:  # noqa: ANN001
    base = tmp_path_factory.mktemp("replicas")
    shutil.copytree(CORPUS, base / "corpus")
    url = postgres.new_database("replicas")
    env = {"DATABASE_URL": url, "ADMIN_PASSWORD": PASSWORD, "ASSISTANT_TODAY": "2023-11-25", "APP_CONCURRENCY": "8",
           "API_REQUIRE_KEY": "1", "FEEDBACK_DB": str(base / "unused.sqlite3")}
    with chroma_server(base / "chroma") if CHROMA.exists() else contextlib.nullcontext(0) as port:
        if port:
            env.update(CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(port), DENSE="1")
        else:
            env["DENSE"] = "0"
        with replicas(2, base, env) as (a, b):
            yield Deployment(a, b, url, base / "index", port)


def desk(replica: Replica):  # noqa: ANN201
    from gradio_client import Client

    return Client(replica.url + "staff/", auth=("admin", PASSWORD), verbose=False)


def ask(replica: Replica, key: str, question: str) -> httpx.Response:
    return httpx.post(replica.url + "api/v1/ask", json={"question": question},
                      headers={"Authorization": f"Bearer {key}"}, timeout=120)


def new_key(replica: Replica, name: str) -> tuple[str, str]:
    """A key created in the replica's console: the key and its number."""
    status, secret, *_ = desk(replica).predict(name, "", 1000, api_name="/create_key")
    assert secret.startswith("kczg-"), status
    return secret, re.search(r"已创建密钥 (\d+)", status).group(1)


def test_one_index_and_one_chroma_server_serve_both(deployment: Deployment) -> None:
    from assistant.ingest import index

    if not deployment.chroma_port:
        pytest.skip("the chroma CLI is not installed: replicas ran BM25 only")
    meta = index.read_meta(deployment.index_dir)
    assert meta["vector_store"] == f"http://127.0.0.1:{deployment.chroma_port}"
    assert not list(deployment.index_dir.glob("chroma*"))  # no local vectors


def test_a_key_created_in_one_works_in_the_other_and_a_revocation_in_both(deployment: Deployment) -> None:
    key, key_id = new_key(deployment.a, "学会网站")
    assert ask(deployment.b, key, "2023年先导技术榜申报截止时间").status_code == 200
    assert ask(deployment.b, "kczg-not-a-key", "2023年先导技术榜申报截止时间").status_code == 401
    # Revoked from the command line of a third process on the same database: refused at once by both.
    done = subprocess.run([sys.executable, "-m", "assistant", "apikey", "revoke", key_id], capture_output=True, text=True,
                          env={**os.environ, "DATABASE_URL": deployment.database_url}, timeout=60)
    assert done.returncode == 0, done.stderr
    for replica in (deployment.a, deployment.b):
        assert ask(replica, key, "2023年先导技术榜申报截止时间").status_code == 401


def test_a_curated_answer_written_in_one_is_used_by_the_other(deployment: Deployment) -> None:
    key, _ = new_key(deployment.b, "客服系统")
    question = "入选以后有没有奖金？"
    first = ask(deployment.b, key, question).json()
    assert first["kind"] == "decline"
    staff_a = desk(deployment.a)
    found = staff_a.predict("发布推介", api_name="/find_passages")
    choice = next(value for label, value in found["choices"] if "发布推介" in label)
    status = staff_a.predict(question, "", "通知没有写奖金；入选榜单统一发布推介。", [choice], "", api_name="/save_curated")[0]
    assert "已保存" in status, status
    again = ask(deployment.b, key, "入选以后有奖金吗？").json()
    assert again["kind"] == "curated" and again["answer"].startswith("【工作人员审定】通知没有写奖金")
    assert "发布推介" in again["citations"][0]["quote"]


def test_a_notice_imported_through_one_is_answered_by_the_other(deployment: Deployment) -> None:
    from gradio_client import handle_file

    key, _ = new_key(deployment.a, "导入检查")
    question = "2024年海洋创新榜的联系人是谁？"
    assert "欧阳明" not in ask(deployment.b, key, question).json()["answer"]
    status = desk(deployment.a).predict([handle_file(str(FIXTURES / "new_style_2024.txt"))], api_name="/upload")[0]
    assert "已导入" in str(status), status
    imported = time.perf_counter()
    while True:
        answer = ask(deployment.b, key, question).json()["answer"]
        if "欧阳明" in answer:
            break
        assert time.perf_counter() - imported < IMPORT_VISIBLE_S, answer
        time.sleep(0.5)
    print(f"imported through A, answered by B after {time.perf_counter() - imported:.1f} s")
