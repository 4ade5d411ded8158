"""`python -m assistant bench --embedding`: every encoder backend on the same chunks, in one run.

For each backend: chunks/s over the real corpus's chunks, cosine agreement with torch's vectors,
and the retriever's R@1/R@5/MRR on the development set (dense alone and hybrid) over an index built
with that backend. The default backend is the fastest whose hybrid R@5 is within 0.02 of torch's.
Ends with one JSON line.

Speed is measured in rounds: every backend encodes the same chunks once per round, in an order that
rotates from round to round, so a slow minute of a shared host falls on all of them alike; the
figure is the median round, the speed-up the median of the rounds' own ratios. The report names the
processor, since the int8 kernels' gain depends on its instructions (VNNI)."""

from __future__ import annotations

import json
import os
import platform
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


ROUNDS = 5


def _rounds(models: dict[str, LocalEmbeddings], texts: list[str], rounds: int) -> tuple[dict[str, list[float]], dict[str, np.ndarray]]:
    """chunks/s of every backend in every round, and each backend's vectors."""
    names = list(models)
    for model in models.values():
        model.encode(texts[:16])  # warm-up: first-call allocations and thread start
    runs: dict[str, list[float]] = {b: [] for b in names}
    vectors: dict[str, np.ndarray] = {}
    for r in range(rounds):
        for b in names[r % len(names):] + names[: r % len(names)]:
            t = time.perf_counter()
            vectors[b] = models[b].encode(texts)
            runs[b].append(len(texts) / (time.perf_counter() - t))
    return runs, vectors


def processor() -> dict[str, Any]:
    """The processor's name, core count and the vector instructions the encoders can use."""
    info: dict[str, Any] = {"cores": os.cpu_count() or 1, "model": platform.processor() or platform.machine(), "flags": []}
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return info
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name" and value.strip():
            info["model"] = value.strip()
        elif key.strip() == "flags":
            have = set(value.split())
            info["flags"] = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8") if f in have]
            break
    return info


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


def run(out_dir: Path, rounds: int = ROUNDS) -> dict[str, Any]:
    from assistant.ingest.index import parse_corpus

    settings = Settings()
    _, chunks, _ = parse_corpus(settings.corpus_dir)
    texts = [c.index_text() for c in chunks]
    work = Path(tempfile.mkdtemp(prefix="kczg-embed-"))
    quality: dict[str, dict[str, float]] = {}
    print(f"speed: {rounds} rounds of {len(texts)} chunks per backend …", flush=True)
    runs, vectors = _rounds({b: LocalEmbeddings(settings.embedding_model, b) for b in BACKENDS}, texts, rounds)
    speeds = {b: float(np.median(v)) for b, v in runs.items()}
    ratios = [d / t for d, t in zip(runs[DEFAULT_BACKEND], runs["torch"], strict=True)]
    try:
        for backend in BACKENDS:
            print(f"quality: {backend} …", flush=True)
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
        "speedup_vs_torch": round(float(np.median(ratios)), 2),
        "rounds": rounds,
        "chunks_per_s_runs": {b: [round(x, 1) for x in v] for b, v in runs.items()},
        "speedup_runs": [round(x, 2) for x in ratios],
        "processor": processor(),
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
        f"Processor: {r['processor']['model']}, {r['processor']['cores']} cores, "
        f"{', '.join(r['processor']['flags']) or 'no AVX2/AVX-512/VNNI'}. chunks/s is the median of {r['rounds']} rounds "
        "(every backend once per round, the order rotating); the spread is the slowest and fastest round.",
        "",
        "| backend | chunks/s (spread) | cosine to torch (mean / min) | dense R@1 / R@5 / MRR | hybrid R@1 / R@5 / MRR | dev accuracy |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for b in BACKENDS:
        q, c = r["quality"][b], r["cosine_to_torch"][b]
        lines.append(
            f"| {b}{' (default)' if b == r['default'] else ''} | {r['chunks_per_s'][b]} "
            f"({min(r['chunks_per_s_runs'][b])}–{max(r['chunks_per_s_runs'][b])}) | {c['mean']} / {c['min']} | "
            f"{q.get('dense_R@1', 0):.2f} / {q.get('dense_R@5', 0):.2f} / {q.get('dense_MRR', 0):.2f} | "
            f"{q.get('R@1', 0):.2f} / {q.get('R@5', 0):.2f} / {q.get('MRR', 0):.2f} | {q.get('accuracy', 0):.0%} |"
        )
    lines += ["", f"Default `{r['default']}`: {r['speedup_vs_torch']}× torch's chunks/s (median of the rounds' own ratios: "
              f"{', '.join(f'{x}×' for x in r['speedup_runs'])}); the fastest backend whose hybrid "
              f"R@5 is within {MAX_R5_LOSS} of torch's and whose dev accuracy is not lower: `{r['fastest_keeping_quality']}`.", ""]
    return "\n".join(lines)
