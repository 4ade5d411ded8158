"""The command-line contract other tools rely on."""

from __future__ import annotations

import io
import json

import pytest

from assistant.interfaces.cli import main

ANSWER_KEYS = {"id", "answer", "kind", "citations", "latency_ms", "candidates"}
CITATION_KEYS = {"source", "title", "year", "section", "quote", "start", "end"}


@pytest.fixture(autouse=True)
def private_index(monkeypatch: pytest.MonkeyPatch, small_settings) -> None:
    monkeypatch.setenv("CORPUS_DIR", str(small_settings.corpus_dir))
    monkeypatch.setenv("INDEX_DIR", str(small_settings.index_dir))
    monkeypatch.setenv("DENSE", "0")


def test_ask_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "2022年技术经理人先锋榜联系人电话"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(out) == ANSWER_KEYS
    assert out["kind"] in ("rule", "retrieval", "llm", "decline")
    assert out["citations"] and set(out["citations"][0]) == CITATION_KEYS
    assert out["citations"][0]["source"].endswith(".txt")
    # The candidates each part weighed, best first, with their scores (answer/ranker.py).
    weighed = out["candidates"][0]
    assert weighed[0]["source"] == "rule" and {c["source"] for c in weighed} >= {"rule", "decline"}
    assert all(0.0 <= c["score"] <= 1.0 for c in weighed)


def test_ask_jsonl_keeps_order_ids_and_sessions(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"id": "a", "q": "2023年电子信息领域先导技术榜的联系人", "session": "s1"},
        {"id": "b", "q": "那生物医药领域呢？", "session": "s1"},
        {"id": "c", "q": "那生物医药领域呢？"},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["ask", "--jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert [r["id"] for r in rows[:3]] == ["a", "b", "c"]
    assert all(set(r) == ANSWER_KEYS for r in rows)
    assert "生物医药" in rows[1]["answer"] and rows[1]["kind"] == "rule"
    assert rows[2]["answer"] != rows[1]["answer"]  # no session: nothing to inherit
    assert "不是有效的 JSON" in rows[3]["answer"]


def test_ask_jsonl_answers_past_lines_that_are_not_question_objects(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = '[1,2]\n"2023年申报截止时间"\n{"id": 7, "q": 3}\n{"id": 8, "q": "2023年申报截止时间"}\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["ask", "--jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert [r["id"] for r in rows] == [1, 2, 7, 8]
    assert all("不是有效的 JSON 问题对象" in r["answer"] for r in rows[:3])
    assert rows[3]["kind"] == "rule" and "11月30日" in rows[3]["answer"]


def test_ask_without_question_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 2
    assert "请在 ask 后面给出问题" in capsys.readouterr().err


def test_triage_routes_a_technical_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["triage", "--json", "您好，平台登录时一直提示密码错误，无法提交材料，请问找谁？"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["category"] == "tech"
    assert out["route"]["phones"] and out["route"]["citation"]["section"].endswith("申报系统技术咨询")


def test_triage_routes_a_list_question_to_its_review_body(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["triage", "--json", "请问2022年开源创新榜的材料有什么要求？具体问谁"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert "开源创新" in out["route"]["who"]


def test_build_if_stale_is_idempotent(capsys: pytest.CaptureFixture[str]) -> None:
    main(["build", "--if-stale"])
    capsys.readouterr()
    assert main(["build", "--if-stale"]) == 0
    assert "无需重建" in capsys.readouterr().out


def test_check_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--list", "新锐企业榜", "--year", "2023", "--founded", "2012", "--region", "苏州", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert {"list", "year", "notice", "clauses"} <= set(out) and out["year"] == 2023
    first = out["clauses"][0]
    assert set(first) == {"clause", "type", "verdict", "reason", "citation"}
    assert first["verdict"] == "不符合" and "不超过10年" in first["clause"]
    assert {c["verdict"] for c in out["clauses"]} <= {"符合", "不符合", "通知未规定", "需要核实"}


def test_check_of_a_list_without_conditions_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--list", "开源创新榜", "--year", "2022"]) == 1
    assert "没有" in capsys.readouterr().err


def test_ask_imports_neither_langchain_nor_sqlalchemy_nor_pypinyin() -> None:
    """What a cold `ask` would pay for and not use (0.25, 0.23 and 0.3 s): LangChain is imported where
    a vector store is opened, SQLAlchemy where the staff database is, pypinyin where the kept
    syllable table lacks a character."""
    import subprocess
    import sys

    probe = ("import sys; from assistant.interfaces.cli import main; main(['ask', '先导技术榜的申报截止时间']);"
             "print(sorted(m for m in ('langchain_core', 'sqlalchemy', 'pypinyin', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
