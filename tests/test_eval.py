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


def test_a_fixture_folder_is_imported_again_when_the_import_code_changes(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """The eval's import of a folder of notices is kept by what it read and the code that read it: an
    import made by older code (a mail decoded as ASCII) is not measured again as if it were today's."""
    from assistant.config import Settings
    from assistant.tools import evalcorpus

    corpus, folder = tmp_path / "corpus", tmp_path / "notices"
    corpus.mkdir()
    folder.mkdir()
    (folder / "n.txt").write_text("关于推荐2071年“科创中国”榜单的通知\n岭东学会\n2071年9月28日\n", encoding="utf-8")
    base = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", dense=False)
    monkeypatch.setattr(evalcorpus, "code_fingerprint", lambda: "older")
    first = evalcorpus.with_notices(base, folder, cache=tmp_path / "cache")
    assert evalcorpus.with_notices(base, folder, cache=tmp_path / "cache").corpus_dir == first.corpus_dir
    monkeypatch.setattr(evalcorpus, "code_fingerprint", lambda: "newer")
    assert evalcorpus.with_notices(base, folder, cache=tmp_path / "cache").corpus_dir != first.corpus_dir
