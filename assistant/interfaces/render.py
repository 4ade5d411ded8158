"""Answers as safe HTML/Markdown for the web app: everything from users or notices is escaped."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from assistant.answer.compose import Answer

if TYPE_CHECKING:
    from assistant.ingest.review import Review
    from assistant.staff.selftest import SelfTest

KIND_LABELS = {"rule": "规则", "retrieval": "检索", "llm": "生成", "decline": "未找到", "curated": "工作人员审定"}
MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def plain_text(text: str) -> str:
    """User or notice text for a Markdown component, shown as typed: HTML escaped, Markdown marks
    backslash-escaped, and "://" broken so that no address becomes a link."""
    return MARKDOWN.sub(r"\\\1", html.escape(text or "")).replace("://", ":&#47;&#47;")


def terminal_safe(text: str) -> str:
    """User text for a terminal: control characters (escape sequences that retitle a window, clear
    the screen or hide lines) shown as their visible symbols; newlines and tabs kept."""
    return "".join(chr(0x2400 + ord(c)) if ord(c) < 32 and c not in "\n\t" else "␡" if c == "\x7f" else c
                   for c in text)


def answer_markdown(ans: Answer) -> str:
    body = plain_text(ans.answer).replace("\n", "  \n")
    return f"{body}\n\n<sub>答案类型：{KIND_LABELS.get(ans.kind, ans.kind)} · {ans.latency_ms:.0f} ms</sub>"


def sources_markdown(ans: Answer) -> str:
    if not ans.citations:
        return "（本回答没有引用通知原文）"
    parts = []
    for i, c in enumerate(ans.citations, 1):
        parts.append(
            f"**[{i}]** {plain_text(c.title or c.source)}（{c.year}年）  \n"
            f"<sub>{plain_text(c.source)} · {plain_text(c.section)} · 原文位置 {c.start}–{c.end}</sub>  \n"
            f"> {plain_text(c.quote).replace(chr(10), '  ' + chr(10) + '> ')}"
        )
    return "\n\n".join(parts)


def citation_choices(ans: Answer) -> list[tuple[str, str]]:
    """Radio choices: a label per citation, valued by its number."""
    return [
        (f"[{i}] {c.year}年 · {c.section.split(' > ')[-1][:40]}", str(i - 1))
        for i, c in enumerate(ans.citations, 1)
    ]


def identity_line(notice) -> list[str]:  # noqa: ANN001
    """A notice's identity as read, each part with where it was read: for the notice view and the review."""
    from assistant.answer.phrasing import notice_kind

    issuer = notice.issuer_label + (f"（据{notice.issuer_source}）" if notice.issuer else "")
    year = f"{notice.year}年（据{notice.year_source}）" if notice.year else "年度未识别"
    return [f"发文单位：{issuer}", notice_kind(notice.kind), year,
            f"文号：{notice.doc_number}" if notice.doc_number else "",
            f"所转发通知：{notice.parent_doc_number}" if notice.parent_doc_number else "",
            f"日期：{notice.date}" if notice.date else ""]


def review_html(review: Review, selftest: SelfTest | None = None) -> str:
    """The review panel: what was read of a notice, part by part, each with its quote; the warnings;
    the self-test. Everything from the notice is escaped."""
    out = [f'<div class="review" id="review-{html.escape(review.notice_id)}">']
    if review.warnings:
        out.append('<div class="warnings"><b>提醒</b><ul>' + "".join(f"<li>⚠ {html.escape(w)}</li>" for w in review.warnings)
                   + "</ul></div>")
    else:
        out.append('<div class="warnings"><b>提醒</b>：无</div>')
    for part, found in review.parts():
        out.append(f"<h4>{html.escape(str(part))}</h4><table class=\"findings\">")
        for f in found:
            where = f"<sub>（{html.escape(f.where)}）</sub>" if f.where else ""
            quote = f"<br><sub>原文：{html.escape(f.shown_quote)}</sub>" if f.shown_quote else ""
            out.append(f"<tr><td>{html.escape(f.label)}</td><td>{html.escape(f.value)}{where}{quote}</td></tr>")
        out.append("</table>")
    if selftest is not None:
        out.append(f'<h4>自测：<span class="selftest-score">{html.escape(selftest.summary)}</span></h4><ul class="selftest">')
        for r in selftest.results:
            mark = "✓" if r.passed else "✗"
            out.append(f"<li>{mark} {html.escape(r.probe.question)} — 期望含“{html.escape(r.probe.expected)}”"
                       f"<br><sub>{html.escape(r.answer[:160])}</sub></li>")
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def notice_html(notice, start: int | None = None, end: int | None = None, section: str = "") -> str:  # noqa: ANN001
    """A notice's original text, escaped, with the cited span marked (id="hl" to scroll to)."""
    meta = " · ".join(html.escape(x) for x in identity_line(notice) if x)
    text = notice.original
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = (
            html.escape(text[:start])
            + '<mark id="hl" class="cited">'
            + html.escape(text[start:end])
            + "</mark>"
            + html.escape(text[end:])
        )
    else:
        body = html.escape(text)
    where = f'<div class="where">引用位置：{html.escape(section)}（原文第 {start}–{end} 字）</div>' if section else ""
    return (
        f'<div class="notice-view"><h3>{html.escape(notice.title or notice.id)}</h3>'
        f'<div class="meta">{meta} · 文件：{html.escape(notice.id)}</div>{where}'
        f'<div class="notice-text">{body}</div></div>'
    )
