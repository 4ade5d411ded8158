"""The development question set, graded as shared/eval/README.md describes."""

from __future__ import annotations

import pytest

from assistant.tools.evaluate import grade, load_questions, retrieval_recall

from .conftest import SHARED_EVAL

pytestmark = pytest.mark.skipif(not SHARED_EVAL.exists(), reason="shared/eval is not beside this checkout")


def test_dev_set_accuracy_and_citations(bot) -> None:
    items = load_questions(SHARED_EVAL)
    rows = [grade(item, bot.answer(item["q"]), bot.notices) for item in items]
    accuracy = sum(r["correct"] for r in rows) / len(rows)
    assert accuracy >= 0.95, [r["id"] for r in rows if not r["correct"]]
    assert all(r["valid"] for r in rows), "a quote is not verbatim in its notice"
    by_type = {r["type"] for r in rows}
    for kind in ("deadline", "schedule", "quota", "contact", "list", "platform"):
        if kind in by_type:
            assert all(r["correct"] for r in rows if r["type"] == kind), kind


def test_hybrid_retrieval_at_least_as_good_as_bm25(bot) -> None:
    items = load_questions(SHARED_EVAL)
    hybrid, bm25 = retrieval_recall(bot, items, "hybrid"), retrieval_recall(bot, items, "bm25")
    assert hybrid["R@5"] >= 0.91 and hybrid["MRR"] >= bm25["MRR"]
