"""The extractive answer: the lines of the best retrieved passages that answer the question, best
first, each cited at its exact place in the notice."""

from __future__ import annotations

import re

from assistant.answer.compose import Answer, Citer
from assistant.answer.pointer import in_series, label
from assistant.answer.retrieval import Hit, HybridRetriever
from assistant.ingest.notices import NoticeRecord, heading_level
from assistant.ingest.textmap import locate
from assistant.model import AnswerKind

LINE_SPLIT = re.compile(r"[^。；;\n]+[。；;]?")


def extract(
    question: str,
    hits: list[Hit],
    retriever: HybridRetriever,
    notices: dict[str, NoticeRecord],
    default_year: int | None,
    min_line_score: float,
) -> Answer | None:
    """None when the passages have no line to show."""
    tokens = retriever.tokenizer(question)
    weights = {t: retriever.term_weight(t) for t in set(tokens)}
    total = sum(weights.values()) or 1.0
    candidates: list[tuple[float, Hit, str]] = []
    coverage = 0.0  # the best line's share of the question's weighted terms
    for rank, hit in enumerate(hits[:3]):
        for m in LINE_SPLIT.finditer(hit.chunk.text):
            line = m.group(0).strip()
            if len(line) < 4:
                continue
            line_tokens = set(retriever.tokenizer(line))
            score = sum(w for t, w in weights.items() if t in line_tokens) / total
            if heading_level(line) is not None and len(line) <= 30:
                score *= 0.5  # a bare heading says where the answer is, not what it is
            coverage = max(coverage, score)
            candidates.append((score + 0.05 * hit.relevance - 0.02 * rank, hit, line))
    candidates.sort(key=lambda c: -c[0])
    if not candidates:
        return None
    top = candidates[0][0]
    chosen = [c for c in candidates[:4] if c[0] >= top * 0.6][:3]
    best_hit, best_line = chosen[0][1], chosen[0][2]
    if best_hit.chunk.text.startswith(best_line) and len(best_hit.chunk.text) > len(best_line) + 10:
        # The best match is the passage's heading (a form's title): its content is the answer.
        text = best_hit.chunk.text
        body = text[:300].rsplit("\n", 1)[0] if len(text) > 300 else text
        chosen = [(top, best_hit, body)]
    citer = Citer(notices)
    lines = []
    for _score, hit, line in chosen:
        chunk = hit.chunk
        notice = notices[chunk.notice_id]
        span = locate(notice.original, line, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
        lines.append(line + citer.cite(notice.id, chunk.section, line, *span))
    year = chosen[0][1].chunk.year
    first = notices[chosen[0][1].chunk.notice_id]
    # A society's, a unit's or a stand-alone call's passage says whose it is.
    whose = f"{year}年{label(first)}" if first.kind != "original" or not in_series(first) else f"{year}年通知"
    head = f"根据{whose}" + (f"（未指定年份，按最新一轮{year}年通知回答）" if default_year else "") + "："
    # A weak match that leaves out a word the notices never use ("高新技术企业认定…") answers a
    # question about something else: show it as the closest text, not as the answer.
    unseen = [t for t in weights if len(t) >= 2 and not retriever.known(t)]
    misses = unseen and not any(t in line for _s, _h, line in chosen for t in unseen)
    if coverage < min_line_score or (misses and coverage < 0.5):
        head = f"通知中未找到直接回答该问题的内容。{whose}中最相关的原文如下，仅供参考："
    return Answer(head + "\n" + "\n".join(lines), AnswerKind.RETRIEVAL, citer.citations)
