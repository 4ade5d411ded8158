"""Grading a question file in the format of shared/eval/README.md."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

from assistant.answer.compose import Answer, quote_found
from assistant.answer.decline import DECLINE_MARKERS
from assistant.answer.turn import understand_part
from assistant.ingest.notices import NoticeRecord
from assistant.ingest.textmap import normalize_for_match


def load_questions(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def grade(item: dict[str, Any], ans: Answer, notices: dict[str, NoticeRecord]) -> dict[str, Any]:
    head = normalize_for_match(ans.answer[:300])
    if item.get("decline"):
        correct = bool(DECLINE_MARKERS.search(ans.answer[:300]))
    else:
        correct = all(normalize_for_match(s) in head for s in item.get("all", []))
        if item.get("any"):
            correct = correct and any(normalize_for_match(s) in head for s in item["any"])
        if item.get("none"):
            correct = correct and not any(normalize_for_match(s) in head for s in item["none"])
    valid = all(quote_found(c, notices) for c in ans.citations)
    doc = item.get("doc")
    right_doc = None
    if doc:
        right_doc = any(c.source.startswith(doc) and quote_found(c, notices) for c in ans.citations)
    declined = bool(DECLINE_MARKERS.search(ans.answer[:300]))
    return {"id": item.get("id"), "type": item.get("type", "?"), "correct": correct, "valid": valid,
            "declined": declined, "should_decline": bool(item.get("decline")),
            "right_doc": right_doc, "latency_ms": ans.latency_ms, "kind": ans.kind}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def report(rows: list[dict[str, Any]]) -> str:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r)
    lines = [f"{'type':<12}{'n':>4}{'correct':>10}"]
    for t, rs in sorted(by_type.items()):
        lines.append(f"{t:<12}{len(rs):>4}{sum(r['correct'] for r in rs) / len(rs):>10.0%}")
    n = len(rows) or 1
    with_doc = [r for r in rows if r["right_doc"] is not None]
    lat = [r["latency_ms"] for r in rows]
    lines += [
        f"{'overall':<12}{len(rows):>4}{sum(r['correct'] for r in rows) / n:>10.1%}",
        f"citation validity (every quote verbatim in its notice): {sum(r['valid'] for r in rows) / n:.1%}",
        f"right notice cited: {sum(bool(r['right_doc']) for r in with_doc) / (len(with_doc) or 1):.1%} of {len(with_doc)}",
        f"latency ms: p50 {statistics.median(lat) if lat else 0:.1f}  p95 {percentile(lat, 0.95):.1f}",
    ]
    said = [r for r in rows if r.get("declined")]
    truth = [r for r in rows if r.get("should_decline")]
    hit = sum(1 for r in said if r["should_decline"])
    lines.append(f"declines (said not found / should be): precision {hit / (len(said) or 1):.1%} of {len(said)}, "
                 f"recall {hit / (len(truth) or 1):.1%} of {len(truth)}")
    wrong = [r["id"] for r in rows if not r["correct"]]
    if wrong:
        lines.append("wrong: " + ", ".join(map(str, wrong)))
    return "\n".join(lines)


def retrieval_recall(bot: Any, items: list[dict[str, Any]], mode: str = "hybrid") -> dict[str, float]:
    """Recall@k and MRR of the retriever alone: a hit is a top-k chunk holding every expected string."""

    ranks: list[int | None] = []
    for item in items:
        if item.get("decline") or not item.get("all"):
            continue
        q = understand_part(item["q"], bot.settings.today, bot.store)
        years = {y for y in q.years if y in bot.store.years} or None
        hits = bot.retriever.search(q.text, years=years, k=10, mode=mode)
        wanted = [normalize_for_match(s) for s in item["all"]]
        rank = next((r for r, h in enumerate(hits) if all(w in normalize_for_match(h.chunk.index_text()) for w in wanted)), None)
        ranks.append(rank)
    n = len(ranks) or 1
    out = {f"R@{k}": sum(1 for r in ranks if r is not None and r < k) / n for k in (1, 3, 5)}
    out["MRR"] = sum(1 / (r + 1) for r in ranks if r is not None) / n
    out["n"] = float(len(ranks))
    return out
