"""Answers as safe HTML/Markdown for the web app: everything from users or notices is escaped."""

from __future__ import annotations

import html

from .compose import Answer

KIND_LABELS = {"rule": "规则", "retrieval": "检索", "llm": "生成", "decline": "未找到"}


def answer_markdown(ans: Answer) -> str:
    body = html.escape(ans.answer).replace("\n", "  \n")
    return f"{body}\n\n<sub>答案类型：{KIND_LABELS.get(ans.kind, ans.kind)} · {ans.latency_ms:.0f} ms</sub>"


def sources_markdown(ans: Answer) -> str:
    if not ans.citations:
        return "（本回答没有引用通知原文）"
    parts = []
    for i, c in enumerate(ans.citations, 1):
        parts.append(
            f"**[{i}]** {html.escape(c.title or c.source)}（{c.year}年）  \n"
            f"<sub>{html.escape(c.source)} · {html.escape(c.section)} · 原文位置 {c.start}–{c.end}</sub>  \n"
            f"> {html.escape(c.quote).replace(chr(10), '  ' + chr(10) + '> ')}"
        )
    return "\n\n".join(parts)
