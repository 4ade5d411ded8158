"""`python -m assistant bench --embedding`: every encoder backend on the same chunks, in one run.

For each backend: chunks/s over the real corpus's chunks (after a warm-up, best of two passes),
cosine agreement with torch's vectors, and the retriever's R@1/R@5/MRR on the development set
(dense alone and hybrid) over an index built with that backend. The default backend is the
fastest whose hybrid R@5 is within 0.02 of torch's. Ends with one JSON line."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import DEFAULT_BACKEND, Settings
from assistant.embeddings import BACKENDS, LocalEmbeddings
from assistant.tools.bench import DEV
from assistant.tools.evaluate import grade, load_questions, retrieval_recall

MAX_R5_LOSS = 0.02


def _speed(model: LocalEmbeddings, texts: list[str]) -> tuple[float, np.ndarray]:
    model.encode(texts[:16])  # warm-up: first-call allocations and thread start
    best, vectors = float("inf"), np.zeros(0)
    for _ in range(2):
        t = time.perf_counter()
        vectors = model.encode(texts)
        best = min(best, time.perf_counter() - t)
    return len(texts) / best, vectors


def _quality(settings: Settings, work: Path, backend: str) -> dict[str, float]:
    from assistant.assistant import Assistant

    local = replace(settings, index_dir=work / f"index-{backend}", embedding_backend=backend, dense=True)
    bot = Assistant(local, rebuild=True)
    items = load_questions(DEV) if DEV.exists() else []
    if not items:
        return {}
    dense, hybrid = retrieval_recall(bot, items, "dense"), retrieval_recall(bot, items, "hybrid")
    rows = [grade(item, bot.answer(item["q"]), bot.notices) for item in items]
    return {"dense_R@1": dense["R@1"], "dense_R@5": dense["R@5"], "dense_MRR": dense["MRR"],
            "R@1": hybrid["R@1"], "R@5": hybrid["R@5"], "MRR": hybrid["MRR"],
            "accuracy": sum(r["correct"] for r in rows) / len(rows)}


def run(out_dir: Path) -> dict[str, Any]:
    from assistant.ingest.index import parse_corpus

    settings = Settings()
    _, chunks, _ = parse_corpus(settings.corpus_dir)
    texts = [c.index_text() for c in chunks]
    work = Path(tempfile.mkdtemp(prefix="kczg-embed-"))
    speeds: dict[str, float] = {}
    vectors: dict[str, np.ndarray] = {}
    quality: dict[str, dict[str, float]] = {}
    try:
        for backend in BACKENDS:
            print(f"{backend} …", flush=True)
            speeds[backend], vectors[backend] = _speed(LocalEmbeddings(settings.embedding_model, backend), texts)
            quality[backend] = _quality(settings, work, backend)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cosine = {b: {"mean": round(float((vectors[b] * vectors["torch"]).sum(axis=1).mean()), 4),
                  "min": round(float((vectors[b] * vectors["torch"]).sum(axis=1).min()), 4)} for b in BACKENDS}
    torch_r5 = quality["torch"].get("R@5", 0.0)
    keeps = [b for b in BACKENDS if quality[b].get("R@5", 0.0) >= torch_r5 - MAX_R5_LOSS
             and quality[b].get("accuracy", 1.0) >= quality["torch"].get("accuracy", 1.0)]
    fastest = max(keeps, key=lambda b: speeds[b])
    result = {
        "chunks": len(texts),
        "default": DEFAULT_BACKEND,
        "fastest_keeping_quality": fastest,
        "chunks_per_s": {b: round(v, 1) for b, v in speeds.items()},
        "speedup_vs_torch": round(speeds[DEFAULT_BACKEND] / speeds["torch"], 2),
        "cosine_to_torch": cosine,
        "r5": {b: round(quality[b].get("R@5", 0.0), 3) for b in BACKENDS},
        "quality": {b: {k: round(v, 3) for k, v in q.items()} for b, q in quality.items()},
        "date": time.strftime("%Y-%m-%d"),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "embedding.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / "embedding.md").write_text(render(result), encoding="utf-8")
    return result


def render(r: dict[str, Any]) -> str:
    lines = [
        f"# Encoder backends ({r['date']}, {r['chunks']} chunks of the real corpus, CPU only)",
        "",
        "Made by `python -m assistant bench --embedding` (each backend on the same chunks, one run).",
        "",
        "| backend | chunks/s | cosine to torch (mean / min) | dense R@1 / R@5 / MRR | hybrid R@1 / R@5 / MRR | dev accuracy |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for b in BACKENDS:
        q, c = r["quality"][b], r["cosine_to_torch"][b]
        lines.append(
            f"| {b}{' (default)' if b == r['default'] else ''} | {r['chunks_per_s'][b]} | {c['mean']} / {c['min']} | "
            f"{q.get('dense_R@1', 0):.2f} / {q.get('dense_R@5', 0):.2f} / {q.get('dense_MRR', 0):.2f} | "
            f"{q.get('R@1', 0):.2f} / {q.get('R@5', 0):.2f} / {q.get('MRR', 0):.2f} | {q.get('accuracy', 0):.0%} |"
        )
    lines += ["", f"Default `{r['default']}`: {r['speedup_vs_torch']}× torch's chunks/s; the fastest backend whose hybrid "
              f"R@5 is within {MAX_R5_LOSS} of torch's and whose dev accuracy is not lower: `{r['fastest_keeping_quality']}`.", ""]
    return "\n".join(lines)
