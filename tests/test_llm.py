"""Generative answers against a scripted OpenAI-compatible server on loopback.

What these tests prove: the request/streaming protocol works through langchain-openai, the answer is
shown only when every date, number, phone and e-mail in it is in the passages it cites, and every
kind of failure (invented fact, no citation, malformed reply, slow reply, server error) falls back to
the extractive answer. What they cannot prove: that a real model writes good answers; that is for
a deployment with a model to judge (see README).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.answer.compose import verify
from assistant.answer.generate import Passage, unsupported
from assistant.assistant import Assistant

from .conftest import free_port, make_settings

QUESTION = "先导技术申报表的技术团队简介限多少字？"


def scripted_reply(model: str, prompt: str) -> str:
    first = re.search(r"^\[1\] （[^）]*）(.+)$", prompt, re.M)
    passage = first.group(1) if first else ""
    if model == "invent":
        return f"{passage[:30]}。联系电话为13912345678[1]。"
    if model == "nocite":
        return "技术团队简介限200字。"
    return f"根据通知：{passage[:60]}[1]"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        model = body["model"]
        prompt = "\n".join(m["content"] for m in body["messages"] if isinstance(m.get("content"), str))
        if model == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "boom"}}')
            return
        if model == "slow":
            time.sleep(5)
        if model == "malformed":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"this is not json")
            return
        text = scripted_reply(model, prompt)
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for i in range(0, len(text), 8):
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": model,
                         "choices": [{"index": 0, "delta": {"content": text[i : i + 8]}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            end = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": model,
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
            return
        reply = {"id": "x", "object": "chat.completion", "created": 0, "model": model,
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(reply, ensure_ascii=False).encode())


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


@pytest.fixture(scope="module")
def llm_bot(tmp_path_factory: pytest.TempPathFactory, endpoint: str) -> Assistant:
    settings = make_settings(tmp_path_factory.mktemp("llm"), dense=False)
    return Assistant(replace(settings, llm_base_url=endpoint, llm_model="good", llm_timeout=1.5))


def using(bot: Assistant, model: str) -> Assistant:
    bot.settings = replace(bot.settings, llm_model=model)
    return bot


def test_grounded_answer_streams_and_cites(llm_bot: Assistant) -> None:
    events = list(using(llm_bot, "good").stream(QUESTION))
    deltas = [v for e, v in events if e == "delta"]
    final = events[-1][1]
    assert len(deltas) > 1 and final.kind == "llm"
    assert final.answer.startswith("根据通知") and "[1]" in final.answer
    assert final.citations and not verify(final, llm_bot.notices)


@pytest.mark.parametrize("model", ["invent", "nocite", "malformed", "error"])
def test_unsupported_or_failed_replies_fall_back(llm_bot: Assistant, model: str, caplog: pytest.LogCaptureFixture) -> None:
    ans = using(llm_bot, model).answer(QUESTION)
    assert ans.kind == "retrieval" and ans.citations
    assert "13912345678" not in ans.answer
    assert "extractive answer instead" in caplog.text


def test_slow_endpoint_times_out_and_falls_back(llm_bot: Assistant) -> None:
    t = time.perf_counter()
    ans = using(llm_bot, "slow").answer(QUESTION)
    assert ans.kind == "retrieval"
    assert time.perf_counter() - t < 4.5


def test_rule_answers_and_declines_never_go_to_the_model(llm_bot: Assistant) -> None:
    assert using(llm_bot, "invent").answer("2022年技术经理人先锋榜联系人电话").kind == "rule"
    assert using(llm_bot, "invent").answer("上海今天限行吗？").kind == "decline"
    # A yes/no ask a rule answers is led by the reader's sentence, and still never rewritten.
    led = using(llm_bot, "good").answer("2021年纸质推荐材料还要寄给初评机构吗？")
    assert led.kind == "rule" and led.answer.startswith("通知原文：")


def test_without_settings_nothing_changes(llm_bot: Assistant) -> None:
    configured = llm_bot.settings
    llm_bot.settings = replace(configured, llm_base_url="", llm_model="")
    try:
        assert llm_bot.answer(QUESTION).kind == "retrieval"
    finally:
        llm_bot.settings = configured


def test_checker_finds_invented_facts() -> None:
    passages = [Passage("于2023年11月30日前上传，联系电话010-68767227", "a.txt", "s", "q", 0, 1)]
    assert unsupported("截止日期为2023年11月30日[1]，电话010-68767227[1]", passages) == []
    assert unsupported("截止日期为2023年11月20日[1]", passages) == ["2023年11月20日"]
    assert unsupported("邮箱 a@b.cn[1]", passages) == ["a@b.cn"]
    assert unsupported("没有引用", passages)
    assert unsupported("引用不存在的片段[7]", passages)
