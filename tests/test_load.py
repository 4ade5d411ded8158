"""A short load test through the app's HTTP API (the full one is `make load`)."""

from __future__ import annotations

import os

from assistant.tools.loadtest import ask, run


def test_api_answer_contract(app_server) -> None:  # noqa: ANN001
    import httpx

    with httpx.Client(timeout=60) as client:
        ans = ask(client, app_server.url, "2022年技术经理人先锋榜联系人电话", "")
    assert {"id", "answer", "kind", "citations", "latency_ms"} == set(ans)
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
