"""`python -m assistant bench`: build time, cold start, memory, latency by kind, and a scale series
on synthetic corpora; BM25 alone is measured in the same run as the baseline.

Each measurement that needs a clean process (cold start, memory, a scale point) runs in a
subprocess of its own, so one measurement's caches and memory never flatter the next.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.config import ROOT, Settings
from assistant.tools.evaluate import load_questions, percentile

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
FALLBACK_QUESTIONS = [
    "2023年先导技术榜的申报截止时间是什么时候？", "2022年技术经理人先锋榜联系人电话", "2021年新锐企业榜每个单位的推荐名额",
    "先导技术申报表的技术团队简介限多少字？", "新锐企业榜对企业信用有什么要求？", "上海今天限行吗？",
]


def questions() -> list[str]:
    return [q["q"] for q in load_questions(DEV)] if DEV.exists() else FALLBACK_QUESTIONS


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def stats(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "p50": round(statistics.median(values), 2) if values else 0.0,
            "p95": round(percentile(values, 0.95), 2), "p99": round(percentile(values, 0.99), 2)}


# ---------------------------------------------------------------- in a fresh process


def measure_point(corpus: str, index_dir: str, dense_flag: str, repeats_arg: str) -> dict[str, Any]:
    """Build (timed), then load and answer in this process: latency by kind, BM25 baseline, memory."""
    from assistant.assistant import Assistant
    from assistant.ingest import index

    dense, repeats = dense_flag == "1", int(repeats_arg)
    settings = replace(Settings(), corpus_dir=Path(corpus), index_dir=Path(index_dir), dense=dense)
    # A kept work folder (bench --work) holds indexes of earlier runs: a current one is measured as
    # it is, its build figures those of the run that built it.
    meta = index.read_meta(settings.index_dir) if index.is_stale(settings) is None else None
    meta = meta or index.build(settings)
    base = rss_mb()
    t = time.perf_counter()
    bot = Assistant(settings)
    load_s = time.perf_counter() - t
    qs = questions()
    by_kind: dict[str, list[float]] = {}
    bm25: list[float] = []
    every: list[float] = []
    first: list[float] = []  # the first pass: nothing of these questions cached yet
    for n in range(repeats):
        for q in qs:
            ans = bot.answer(q)
            by_kind.setdefault(ans.kind, []).append(ans.latency_ms)
            every.append(ans.latency_ms)
            if n == 0:
                first.append(ans.latency_ms)
            t = time.perf_counter()
            bot.retriever.search(q, mode="bm25")
            bm25.append((time.perf_counter() - t) * 1000)
    return {
        "notices": meta["notices"], "chunks": meta["chunks"], "facts": meta["facts"], "dense": dense, "model": meta.get("model", ""),
        "build_s": meta["build_seconds"], "timings": meta["timings"], "index_mb": round(dir_mb(Path(index_dir)), 1),
        "load_s": round(load_s, 2), "rss_mb": round(rss_mb(), 1), "rss_after_build_mb": round(base, 1),
        "latency_ms": stats(every), "first_pass_ms": stats(first), "by_kind": {k: stats(v) for k, v in by_kind.items()}, "bm25_ms": stats(bm25),
    }


def cold_start(corpus: str, index_dir: str) -> dict[str, Any]:
    """Import, load the built index, answer one retrieval question."""
    t = time.perf_counter()
    from assistant.assistant import Assistant

    settings = replace(Settings(), corpus_dir=Path(corpus), index_dir=Path(index_dir))
    bot = Assistant(settings)
    ans = bot.answer("先导技术申报表的技术团队简介限多少字？")
    return {"cold_start_s": round(time.perf_counter() - t, 2), "kind": ans.kind,
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _child(func: str, *args: str) -> dict[str, Any]:
    code = f"import json, sys; from assistant.tools.bench import {func}; print('@@' + json.dumps({func}(*sys.argv[1:])))"
    argv = [sys.executable, "-c", code, *args]
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    line = next((x for x in out.stdout.splitlines() if x.startswith("@@")), None)
    if line is None:
        raise RuntimeError(f"{func} failed:\n{out.stderr[-3000:]}")
    return json.loads(line[2:])


def _measure(corpus: Path, index_dir: Path, dense: bool, repeats: int) -> dict[str, Any]:
    return _child("measure_point", str(corpus), str(index_dir), "1" if dense else "0", str(repeats))


# ---------------------------------------------------------------- the run


def run(out_dir: Path, sizes: list[int], dense_max: int, repeats: int, work: Path | None = None,
        command: str = "python -m assistant bench") -> dict[str, Any]:
    """The whole series; with `work`, its corpora and indexes are kept there and reused by the
    next run with the same folder (a 10,000-notice index with vectors takes 40 minutes to build)."""
    from assistant.tools.synth import generate

    settings = Settings()
    keep = work is not None
    work = work or Path(tempfile.mkdtemp(prefix="kczg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": f"{os.cpu_count()} cores", "date": time.strftime("%Y-%m-%d"), "command": command}
    try:
        corpus = work / "real"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(work / "real-index", ignore_errors=True)
        shutil.copytree(settings.corpus_dir, corpus)
        print("real corpus …", flush=True)
        real = _measure(corpus, work / "real-index", True, repeats)
        results["real"] = real
        results["cold"] = _child("cold_start", str(corpus), str(work / "real-index"))
        # One added notice: only its chunks are embedded again.
        generate(1, settings.corpus_dir, corpus, seed=99)
        t = time.perf_counter()
        from assistant.ingest import index

        meta = index.build(replace(settings, corpus_dir=corpus, index_dir=work / "real-index"))
        results["add_one"] = {"seconds": round(time.perf_counter() - t, 2), "embedded_chunks": meta["timings"].get("embedded_chunks"),
                              "chunks": meta["chunks"]}
        results["scale"] = []
        for n in sizes:
            print(f"{n} synthetic notices …", flush=True)
            synth = work / f"synth-{n}"
            if not (keep and len(list(synth.glob("*.txt"))) == n):
                shutil.rmtree(synth, ignore_errors=True)
                generate(n, settings.corpus_dir, synth, seed=n)
            # The same corpus without and (when small enough to embed in time) with vectors.
            for dense in (False, True) if n <= dense_max else (False,):
                results["scale"].append(_measure(synth, work / f"index-{n}-{int(dense)}", dense, max(2, repeats // 4)))
                if not keep:
                    shutil.rmtree(work / f"index-{n}-{int(dense)}", ignore_errors=True)
            if not keep:
                shutil.rmtree(synth, ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    table = render(results)
    (out_dir / "README.md").write_text(table, encoding="utf-8")
    plot(results, out_dir / "scale.png")
    return results


def render(r: dict[str, Any]) -> str:
    real, cold, add = r["real"], r["cold"], r["add_one"]
    lines = [
        f"# Benchmark ({r['machine']}, {r['date']}, CPU only, no LLM)",
        "",
        f"Produced by `{r.get('command', 'python -m assistant bench')}`; figures from `results.json` beside this file. "
        "Each scale point: a fresh process loads the index (warm-up included in load s), then answers the "
        "development questions in passes; the first pass meets nothing cached.",
        "",
        "## Real corpus",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| notices / chunks / facts | {real['notices']} / {real['chunks']} / {real['facts']} |",
        f"| index build, from nothing (with embeddings) | {real['build_s']} s ({json.dumps(real['timings'], ensure_ascii=False)}) |",
        f"| rebuild after adding one notice | {add['seconds']} s, {add['embedded_chunks']} of {add['chunks']} chunks embedded |",
        f"| cold start to first answer (imports, model, index) | {cold['cold_start_s']} s, max RSS {cold['max_rss_mb']} MB |",
        f"| index on disk | {real['index_mb']} MB |",
        f"| answer latency, all (ms) | p50 {real['latency_ms']['p50']} · p95 {real['latency_ms']['p95']} · p99 {real['latency_ms']['p99']} (n={real['latency_ms']['n']}) |",
    ]
    for kind, s in sorted(real["by_kind"].items()):
        lines.append(f"| answer latency, {kind} (ms) | p50 {s['p50']} · p95 {s['p95']} · p99 {s['p99']} (n={s['n']}) |")
    b = real["bm25_ms"]
    ratio = real["latency_ms"]["p95"] / b["p95"] if b["p95"] else 0
    lines += [
        f"| BM25 search alone, same questions (ms) | p50 {b['p50']} · p95 {b['p95']} · p99 {b['p99']} |",
        f"| answer p95 / BM25 p95 | {ratio:.1f}× |",
        "",
        "## Scale series (synthetic notices generated from the real ones' structure)",
        "",
        "| notices | chunks | facts | vectors | build s | index MB | load s | RSS MB | answer p50 ms | answer p95 ms | first pass p95 ms | BM25 p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in r["scale"]:
        lines.append(
            f"| {p['notices']} | {p['chunks']} | {p['facts']} | {'yes' if p['dense'] else 'no (BM25 + facts)'} | {p['build_s']} | "
            f"{p['index_mb']} | {p['load_s']} | {p['rss_mb']} | {p['latency_ms']['p50']} | {p['latency_ms']['p95']} | "
            f"{p.get('first_pass_ms', p['latency_ms'])['p95']} | {p['bm25_ms']['p95']} |"
        )
    lines += ["", "Answer latency by kind at each scale point (ms, all passes):", ""]
    for p in r["scale"]:
        kinds = "; ".join(f"{k} p50 {v['p50']} · p95 {v['p95']} (n={v['n']})" for k, v in sorted(p["by_kind"].items()))
        lines.append(f"- {p['notices']} notices, {'with vectors' if p['dense'] else 'BM25 + facts'}: {kinds}")
    built = [p for p in r["scale"] if p["dense"] and p["timings"].get("embedded_chunks")]
    for p in built:
        t = p["timings"]
        lines += ["", f"Vectors at {p['notices']} notices: {t['embedded_chunks']} distinct chunk texts (of {p['chunks']}) embedded in "
                  f"{t['embed']} s ({t['embedded_chunks'] / t['embed']:.0f} chunks/s, encoder {p.get('model', 'as configured')}), "
                  f"written to Chroma in {t.get('vector_store')} s; a rebuild embeds only texts the previous index lacks."]
    dense_points = [p for p in [real, *r["scale"]] if p["dense"] and p["timings"].get("embed")]
    if dense_points and not built:
        rate = max(p["timings"].get("embedded_chunks", 0) / p["timings"]["embed"] for p in dense_points)
        lines += ["", f"Embedding throughput measured: {rate:.0f} chunks/s on this machine; building vectors for the "
                  f"largest corpus above would take about {max(p['chunks'] for p in r['scale']) / rate / 60:.0f} min "
                  "(batched, proportional to the number of new chunks; cached by text across rebuilds)."]
    return "\n".join(lines) + "\n"


def plot(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sparse = [p for p in r["scale"] if not p["dense"]]
    dense = [p for p in r["scale"] if p["dense"]]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for ax, key, label in (
        (axes[0], lambda p: p["build_s"], "build (s)"),
        (axes[1], lambda p: p["latency_ms"]["p95"], "answer p95 (ms)"),
        (axes[2], lambda p: p["rss_mb"], "resident memory (MB)"),
    ):
        ax.plot([p["notices"] for p in sparse], [key(p) for p in sparse], marker="o", label="BM25 + facts")
        if dense:
            ax.plot([p["notices"] for p in dense], [key(p) for p in dense], marker="s", linestyle="none",
                    label="with m3e vectors")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("notices")
        ax.set_title(label)
        ax.grid(True, which="both", alpha=0.3)
    axes[1].plot([p["notices"] for p in sparse], [p["bm25_ms"]["p95"] for p in sparse], marker="x", linestyle="--",
                 label="BM25 search alone")
    for ax in axes:
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
