"""The built index, built aside and swapped in atomically:

- chunks.json, facts.json, notices.json, names.json: what extraction produced (names.json is the
  catalogue of names, which also gives the tokenizer its vocabulary);
- bm25/: the BM25 matrix over jieba tokens (bm25s), so no process re-tokenizes the corpus;
- vectors.npy + vector_keys.json: every chunk embedding, keyed by model and text, so a rebuild
  after adding one notice embeds only that notice's chunks;
- chroma-<build>/ (or a collection on a Chroma server, see CHROMA_HOST): the vector store, in a
  folder named after its build so that a process still reading the previous one never gets it
  confused with the new one (chromadb shares one client per path);
- meta.json, written last: the model, the corpus fingerprint, counts.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.ingest.chunking import Chunk, chunk_notice
from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import MANIFEST, NoticeRecord, load_manifest, make_notice
from assistant.model import Fact
from assistant.names import Catalogue, apply_own_fields, apply_renames
from assistant.tokenizer import Tokenizer

log = logging.getLogger(__name__)

FORMAT = 3
STALE_CORPUS = "通知库或解析代码已变化"
STAGING = ".staging"  # corpus/.staging-<pid>/: an import's corpus as it will be, built from before it is published
COLLECTION = "kczg_chunks"
# Code whose output is stored in the index: a change to any of it makes the index stale.
_DERIVING_SOURCES = ["ingest", "model.py", "names.py", "tokenizer.py", "data"]


def code_fingerprint() -> str:
    """A digest of the code whose output is stored (an import's text, the index)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for name in _DERIVING_SOURCES:
        target = package / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".yaml", ".txt"):
                h.update(f.read_bytes())
    return h.hexdigest()


def corpus_fingerprint(corpus_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(corpus_dir.glob("*.txt")) + sorted(corpus_dir.glob(MANIFEST)):
        h.update(path.name.encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(code_fingerprint().encode())
    return h.hexdigest()


@dataclass
class IndexState:
    notices: dict[str, NoticeRecord]
    chunks: list[Chunk]
    facts: list[Fact]
    catalogue: Catalogue
    meta: dict[str, Any]
    path: Path
    bm25: Any  # bm25s.BM25
    stamp: int = 0  # stamp() when loading began: a swap during the load is noticed later
    stale: bool = False  # served out of date (ensure's stale_ok): the caller rebuilds it aside


def stamp(index_dir: Path) -> int:
    """Changes whenever a build is swapped in (another process's included)."""
    try:
        return (index_dir / "meta.json").stat().st_mtime_ns
    except OSError:
        return 0


def read_meta(index_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((index_dir / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _siblings(target: Path, what: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{what}-*"), key=lambda p: p.stat().st_mtime, reverse=True)


def _alive(folder: Path) -> bool:
    try:
        os.kill(int(folder.name.rsplit("-", 1)[1]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def recover(settings: Settings) -> None:
    """Undo what a build killed halfway left behind: a swap cut between its two renames leaves
    the previous index under its ".old" name (put it back); dead builds leave temporary folders."""
    target = settings.index_dir
    if not target.parent.exists():
        return
    olds = [p for p in _siblings(target, "old") if not _alive(p)]
    if not target.exists() and olds:
        log.warning("恢复上一次完整的索引：%s", olds[0].name)
        os.replace(olds.pop(0), target)
    for leftover in olds + [p for p in _siblings(target, "building") if not _alive(p)]:
        shutil.rmtree(leftover, ignore_errors=True)
    # An import killed before it published leaves its staged corpus: the import did not happen.
    for staged in settings.corpus_dir.glob(f"{STAGING}-*") if settings.corpus_dir.exists() else []:
        if not _alive(staged):
            shutil.rmtree(staged, ignore_errors=True)


def is_stale(settings: Settings) -> str | None:
    """Why the index must be (re)built, or None when it is current."""
    recover(settings)
    meta = read_meta(settings.index_dir)
    if meta is None:
        return "索引不存在或已损坏"
    for name in ("chunks.json", "facts.json", "notices.json", "names.json", "bm25"):
        if not (settings.index_dir / name).exists():
            return f"索引缺少 {name}"
    if meta.get("format") != FORMAT:
        return "索引格式已更新"
    if meta.get("corpus") != corpus_fingerprint(settings.corpus_dir):
        return STALE_CORPUS
    if meta.get("dense") != settings.dense or (settings.dense and meta.get("model") != settings.encoder):
        return "向量模型设置已变化"
    if settings.dense and meta.get("vector_store") != vector_store_id(settings):
        return "向量库位置已变化"
    if settings.dense and settings.chroma_host is None and not (settings.index_dir / meta.get("chroma_dir", "")).is_dir():
        return "向量库缺失"
    return None


def vector_store_id(settings: Settings) -> str:
    return f"http://{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else "local"


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def build(settings: Settings, source: Path | None = None, publish: Callable[[], None] | None = None) -> dict[str, Any]:
    """Build into a temporary folder next to the index, then swap it in; the old index keeps
    serving until the swap, and a build killed halfway leaves it untouched.

    `source`: a staged copy of the corpus as it will be (an import's, importer.py) to build from;
    `publish`, called just before the swap, makes the corpus so (moves the staged files in). Killed
    before that, the corpus and the index are as they were."""
    settings.index_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = open(settings.index_dir.parent / f".{settings.index_dir.name}.lock", "w")  # noqa: SIM115
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time, across processes
        recover(settings)
        return _build(settings, source or settings.corpus_dir, publish)
    finally:
        lock.close()


def _build(settings: Settings, source: Path, publish: Callable[[], None] | None) -> dict[str, Any]:
    import bm25s

    t0 = time.perf_counter()
    # Taken before reading: a notice or the code changed during a long build makes it stale.
    fingerprint = corpus_fingerprint(source)
    records, chunks, facts = parse_corpus(source, settings.corpus_dir)
    apply_renames(facts)
    apply_own_fields(facts)
    timings = {"parse": time.perf_counter() - t0}
    tmp = settings.index_dir.parent / f".{settings.index_dir.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        _write_json(tmp / "chunks.json", [c.to_dict() for c in chunks])
        _write_json(tmp / "facts.json", [f.to_dict() for f in facts])
        _write_json(tmp / "notices.json", [r.to_dict() for r in records])
        catalogue = Catalogue.from_facts(facts)
        catalogue.learn_words(c.text for c in chunks)
        _write_json(tmp / "names.json", catalogue.to_dict())
        t = time.perf_counter()
        tokenizer = Tokenizer(extra_terms=catalogue.terms())
        bm25 = bm25s.BM25()
        bm25.index([tokenizer(c.index_text()) or [""] for c in chunks] or [[""]], show_progress=False)
        bm25.save(str(tmp / "bm25"), show_progress=False)
        timings["bm25"] = time.perf_counter() - t
        collection = ""
        chroma_dir = f"chroma-{time.time_ns():x}"
        if settings.dense:
            from assistant.embeddings import get_embeddings

            t = time.perf_counter()
            get_embeddings(settings.embedding_model, settings.embedding_backend)  # once per process; timed apart
            timings["model_load"] = time.perf_counter() - t
            t = time.perf_counter()
            vectors, embedded = _vectors(settings, tmp, chunks)
            timings["embed"] = time.perf_counter() - t
            timings["embedded_chunks"] = embedded
            t = time.perf_counter()
            collection = _store_vectors(settings, tmp / chroma_dir, chunks, vectors)
            timings["vector_store"] = time.perf_counter() - t
        meta = {
            "format": FORMAT,
            "corpus": fingerprint,
            "model": settings.encoder,
            "dense": settings.dense,
            "vector_store": vector_store_id(settings) if settings.dense else "",
            "collection": collection,
            "chroma_dir": chroma_dir if settings.dense and not settings.chroma_host else "",
            "notices": len(records),
            "chunks": len(chunks),
            "facts": len(facts),
            "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
            "build_seconds": round(time.perf_counter() - t0, 2),
            "timings": {k: round(v, 2) if isinstance(v, float) else v for k, v in timings.items()},
        }
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        old_collection = (read_meta(settings.index_dir) or {}).get("collection", "")
        if publish is not None:
            publish()
        _swap(tmp, settings.index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if settings.chroma_host and old_collection and old_collection != collection:
        _drop_collection(settings, old_collection)
    log.info("index built: %s", meta)
    return meta


def _parse_one(path: Path, overrides: dict[str, object] | None,
               home: Path | None = None) -> tuple[NoticeRecord, list[Chunk], list[Fact]] | None:
    """One notice; a file that breaks an extractor costs its facts (or itself), never the build."""
    try:
        notice = make_notice(path.name, path.read_text(encoding="utf-8", errors="replace"), overrides)
        chunks = chunk_notice(notice)
    except Exception:
        log.exception("notice %s skipped: it could not be read or chunked", path.name)
        return None
    try:
        facts = extract_facts(notice)
    except Exception:
        log.exception("no facts from %s: an extractor failed; it is still searchable", path.name)
        facts = []
    return NoticeRecord.of(notice, home or path), chunks, facts


def parse_corpus(corpus_dir: Path, home: Path | None = None) -> tuple[list[NoticeRecord], list[Chunk], list[Fact]]:
    """Every notice cleaned, chunked and its facts extracted; in parallel for a large corpus.
    `home`: where the files will live (a staged corpus is read from elsewhere)."""
    manifest = load_manifest(corpus_dir)
    paths = sorted(corpus_dir.glob("*.txt"))
    overrides = [manifest.get(p.name) for p in paths]
    homes = [(home or corpus_dir) / p.name for p in paths]
    if len(paths) > 200 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor() as pool:
            parsed = list(pool.map(_parse_one, paths, overrides, homes, chunksize=64))
    else:
        parsed = [_parse_one(p, o, h) for p, o, h in zip(paths, overrides, homes, strict=True)]
    kept = [p for p in parsed if p is not None]
    return [p[0] for p in kept], [c for p in kept for c in p[1]], [f for p in kept for f in p[2]]


def _swap(new: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------- vectors


def _key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\n{text}".encode()).hexdigest()


def _vectors(settings: Settings, tmp: Path, chunks: list[Chunk]) -> tuple[np.ndarray, int]:
    """Every chunk's embedding; those of the previous index are reused, only new texts are embedded."""
    from assistant.embeddings import get_embeddings

    cache: dict[str, np.ndarray] = {}
    old = settings.index_dir
    try:
        keys = json.loads((old / "vector_keys.json").read_text(encoding="utf-8"))
        vecs = np.load(old / "vectors.npy")
        cache = dict(zip(keys, vecs, strict=True))
    except (OSError, ValueError):
        pass
    keys = [_key(settings.encoder, c.index_text()) for c in chunks]
    missing = sorted({k for k in keys if k not in cache})
    if missing:
        texts = {k: c.index_text() for k, c in zip(keys, chunks, strict=True)}
        model = get_embeddings(settings.embedding_model, settings.embedding_backend)
        for start in range(0, len(missing), 256):
            batch = missing[start : start + 256]
            for k, v in zip(batch, model.encode([texts[k] for k in batch]), strict=True):
                cache[k] = v
    dim = next(iter(cache.values())).shape[0] if cache else 0
    matrix = np.stack([cache[k] for k in keys]) if keys else np.zeros((0, dim), dtype=np.float32)
    np.save(tmp / "vectors.npy", matrix)
    _write_json(tmp / "vector_keys.json", keys)
    return matrix, len(missing)


def chroma_client(settings: Settings, path: Path | None = None):  # noqa: ANN201 (chromadb.ClientAPI)
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    return chromadb.PersistentClient(path=str(path or settings.index_dir / "chroma"), settings=chroma_settings)


def _store_vectors(settings: Settings, folder: Path, chunks: list[Chunk], vectors: np.ndarray) -> str:
    """Write the vectors to a new collection: local in the build folder, or, on a Chroma server,
    a collection named after this build, which becomes current when meta.json swaps in."""
    if settings.chroma_host:
        name = f"{COLLECTION}-{hashlib.sha1(str(folder).encode()).hexdigest()[:8]}-{int(time.time())}"
        client = chroma_client(settings)
    else:
        name = COLLECTION
        client = chroma_client(settings, folder)
    collection = client.create_collection(name, metadata={"hnsw:space": "cosine"}, embedding_function=None)
    step = max(1, min(5000, client.get_max_batch_size()))
    for start in range(0, len(chunks), step):
        part = chunks[start : start + step]
        collection.add(
            ids=[c.id for c in part],
            embeddings=vectors[start : start + step],
            documents=[c.index_text() for c in part],
            metadatas=[{"chunk_id": c.id, "notice_id": c.notice_id, "year": c.year or 0} for c in part],
        )
    if not settings.chroma_host:
        client.close()  # release the folder before it is renamed into place
    return name


def _drop_collection(settings: Settings, name: str) -> None:
    try:
        chroma_client(settings).delete_collection(name)
    except Exception as exc:  # an old collection left behind costs space, not correctness
        log.warning("could not drop old collection %s: %s", name, exc)


# ---------------------------------------------------------------- loading


def load(settings: Settings) -> IndexState:
    import bm25s

    d = settings.index_dir
    loaded_stamp = stamp(d)
    meta = read_meta(d) or {}
    chunks = [Chunk.from_dict(x) for x in json.loads((d / "chunks.json").read_text(encoding="utf-8"))]
    facts = [Fact.from_dict(x) for x in json.loads((d / "facts.json").read_text(encoding="utf-8"))]
    records = [NoticeRecord(**x) for x in json.loads((d / "notices.json").read_text(encoding="utf-8"))]
    catalogue = Catalogue.from_dict(json.loads((d / "names.json").read_text(encoding="utf-8")))
    bm25 = bm25s.BM25.load(str(d / "bm25"), show_progress=False)
    return IndexState({r.id: r for r in records}, chunks, facts, catalogue, meta, d, bm25, loaded_stamp)


def ensure(settings: Settings, rebuild: bool = False, stale_ok: bool = False) -> IndexState:
    """Load the index, building it first when missing, stale or unreadable. `stale_ok`: a stale
    index that still loads is served as it is (the caller rebuilds it aside)."""
    reason = "按要求重建" if rebuild else is_stale(settings)
    if reason == STALE_CORPUS and stale_ok:
        try:
            state = load(settings)
            state.stale = True
            return state
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("stale index unreadable (%s), rebuilding first", exc)
    if reason:
        log.warning("building index: %s", reason)
        build(settings)
    try:
        return load(settings)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.warning("index unreadable (%s), rebuilding", exc)
        build(settings)
        return load(settings)
