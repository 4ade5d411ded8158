"""A short load test through the app's HTTP API (the full one is `make load`)."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.tools.loadtest import ask, run

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_api_answer_contract(app_server) -> None:  # noqa: ANN001
    import httpx

    with httpx.Client(timeout=60) as client:
        ans = ask(client, app_server.url, "2022年技术经理人先锋榜联系人电话", "")
    assert {"id", "answer", "kind", "citations", "latency_ms", "candidates"} == set(ans)
    assert ans["kind"] == "rule" and ans["citations"]


def test_concurrent_users_get_answers_without_errors(app_server) -> None:  # noqa: ANN001
    users = int(os.environ.get("LOAD_USERS", "10"))
    seconds = float(os.environ.get("LOAD_SECONDS", "8"))
    report = run(app_server.url, users, seconds, app_server.pid)
    print(report)
    assert report["errors"] == 0, report["error_samples"]
    assert report["requests"] >= users
    assert report["p95_ms"] < 5000
    memory = [mb for _, mb in report["rss_mb"]]
    if len(memory) >= 4:  # flat after warm-up: the second half grows by less than 50 MB
        half = memory[len(memory) // 2 :]
        assert max(half) - half[0] < 50, memory


def test_answers_keep_flowing_while_a_notice_is_ingested(small_settings) -> None:  # noqa: ANN001
    from assistant.assistant import Assistant
    from assistant.tools.loadtest import during_ingest

    bot = Assistant(small_settings)
    report = during_ingest(bot, [FIXTURES / "new_style_2024.txt"], users=3, idle_s=1.5)
    assert report["errors"] == 0 and report["added"] == ["new_style_2024.txt"]
    assert report["ingest"]["n"] > 0
    # No answer waited for the whole rebuild (with one lock over both, the first one would).
    assert report["ingest"]["max_ms"] < 0.8 * report["ingest_s"] * 1000, report


def test_answers_flow_while_a_notice_is_imported_through_the_app(tmp_path_factory) -> None:  # noqa: ANN001
    """An import through the staff console (logged in, as a browser would) while users ask over the
    public API: every answer arrives, during the import too."""
    from assistant.tools.loadtest import import_through_app

    from .conftest import start_app

    for server in start_app(tmp_path_factory.mktemp("import-load"), ADMIN_PASSWORD="Kczg-load-2026"):
        report = import_through_app(server.url, FIXTURES / "new_style_2024.txt", "Kczg-load-2026", users=3, idle_s=2.0)
        assert report["errors"] == 0, report["error_samples"]
        assert report["ingest"]["n"] > 0 and report["after"]["n"] > 0 and "已导入" in report["added"]


def test_a_command_line_import_while_the_app_answers_raises_nothing(tmp_path_factory) -> None:  # noqa: ANN001
    """The CLI imports into the app's corpus; the app notices the new index and reloads it in the
    background while answers go on from the old one: no answer fails, and the new notice is served."""
    import subprocess
    import sys
    import time

    import httpx

    from assistant.tools.loadtest import phased

    from .conftest import ROOT, start_app

    app = start_app(tmp_path_factory.mktemp("cli-import"))
    server = next(app)
    try:
        env = {**os.environ, "CORPUS_DIR": str(server.base / "corpus"), "INDEX_DIR": str(server.base / "index"), "DENSE": "0"}
        clients: dict[int, httpx.Client] = {}

        def answer(question: str, seed: int) -> None:
            client = clients.setdefault(seed, httpx.Client(timeout=120))
            ans = ask(client, server.url, question, f"cli-{seed}")
            if str(ans.get("answer", "")).startswith("抱歉，处理这个问题时出现内部错误"):
                raise RuntimeError(ans["answer"])

        def cli_import() -> str:
            done = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(FIXTURES / "new_style_2024.txt")],
                                  env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr
            return done.stdout

        report = phased(answer, cli_import, users=3, idle_s=1.5)
        assert report["errors"] == 0, report["error_samples"]
        with httpx.Client(timeout=60) as client:
            for _ in range(40):  # the reload runs in the background
                if "欧阳明" in ask(client, server.url, "2024年海洋创新榜的联系人是谁？", "after")["answer"]:
                    break
                time.sleep(0.5)
            else:
                raise AssertionError("the imported notice was never served")
    finally:
        app.close()


def test_two_replicas_on_postgresql_serve_every_user_and_log_every_question(postgres) -> None:  # noqa: ANN001
    """A short `make load`: users over the REST API spread over two replicas sharing a PostgreSQL
    (and a Chroma server where its CLI is installed); no error, no question missing from the log."""
    from assistant.tools.loadtest import replica_report

    report = replica_report(replicas=2, users=8, seconds=5)
    print({k: v for k, v in report.items() if k != "rss_mb"})
    assert report["errors"] == 0, report["error_samples"]
    assert report["requests"] >= 8 and report["lost_log_rows"] == 0 and report["log_rows"] == report["requests"]
