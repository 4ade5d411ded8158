"""The built index: chunks, facts and a Chroma collection, built aside and swapped in atomically."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from .chunking import Chunk, chunk_notice
from .config import Settings
from .facts import Fact, extract_facts
from .notices import MANIFEST, Notice, load_corpus

log = logging.getLogger(__name__)

FORMAT = 1
COLLECTION = "kczg_chunks"
# Code whose output is stored in the index: a change to any of it makes the index stale.
_DERIVING_SOURCES = ["notices.py", "textmap.py", "chunking.py", "tokenizer.py", "facts", "data"]


def corpus_fingerprint(corpus_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(corpus_dir.glob("*.txt")) + sorted(corpus_dir.glob(MANIFEST)):
        h.update(path.name.encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    package = Path(__file__).resolve().parent
    for name in _DERIVING_SOURCES:
        target = package / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".yaml", ".txt"):
                h.update(f.read_bytes())
    return h.hexdigest()


@dataclass
class IndexState:
    notices: list[Notice]
    chunks: list[Chunk]
    facts: list[Fact]
    meta: dict[str, object]
    path: Path


def _meta_path(index_dir: Path) -> Path:
    return index_dir / "meta.json"


def read_meta(index_dir: Path) -> dict[str, object] | None:
    try:
        return json.loads(_meta_path(index_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_stale(settings: Settings) -> str | None:
    """Why the index must be (re)built, or None when it is current."""
    meta = read_meta(settings.index_dir)
    if meta is None:
        return "索引不存在或已损坏"
    for name in ("chunks.json", "facts.json"):
        if not (settings.index_dir / name).exists():
            return f"索引缺少 {name}"
    if meta.get("format") != FORMAT:
        return "索引格式已更新"
    if meta.get("corpus") != corpus_fingerprint(settings.corpus_dir):
        return "通知库或解析代码已变化"
    if meta.get("dense") != settings.dense or (settings.dense and meta.get("model") != settings.embedding_model):
        return "向量模型设置已变化"
    if settings.dense and not (settings.index_dir / "chroma").exists():
        return "向量库缺失"
    return None


def build(settings: Settings) -> dict[str, object]:
    """Build into a temporary folder next to the index, then swap it in; the old index stays
    usable until the swap, and a build killed halfway leaves it untouched."""
    t0 = time.perf_counter()
    notices = load_corpus(settings.corpus_dir)
    chunks = [c for n in notices for c in chunk_notice(n)]
    facts = [f for n in notices for f in extract_facts(n)]
    parent = settings.index_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = parent / f".{settings.index_dir.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        (tmp / "chunks.json").write_text(
            json.dumps([c.to_dict() for c in chunks], ensure_ascii=False), encoding="utf-8"
        )
        (tmp / "facts.json").write_text(
            json.dumps([f.to_dict() for f in facts], ensure_ascii=False, indent=1), encoding="utf-8"
        )
        if settings.dense:
            _build_vectors(settings, tmp / "chroma", chunks)
        meta = {
            "format": FORMAT,
            "corpus": corpus_fingerprint(settings.corpus_dir),
            "model": settings.embedding_model,
            "dense": settings.dense,
            "notices": len(notices),
            "chunks": len(chunks),
            "facts": len(facts),
            "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
            "build_seconds": round(time.perf_counter() - t0, 2),
        }
        # meta.json last: its presence marks a complete build.
        _meta_path(tmp).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        _swap(tmp, settings.index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("index built: %s", meta)
    return meta


def _swap(new: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _build_vectors(settings: Settings, path: Path, chunks: list[Chunk]) -> None:
    from langchain_chroma import Chroma

    from .embeddings import get_embeddings

    store = Chroma(
        collection_name=COLLECTION,
        embedding_function=get_embeddings(settings.embedding_model),
        client=chroma_client(path),
        collection_metadata={"hnsw:space": "cosine"},
    )
    if chunks:
        store.add_texts(
            texts=[c.index_text() for c in chunks],
            metadatas=[{"chunk_id": c.id, "notice_id": c.notice_id, "year": c.year or 0} for c in chunks],
            ids=[c.id for c in chunks],
        )


def chroma_client(path: Path):  # -> chromadb.ClientAPI
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))


def load(settings: Settings) -> IndexState:
    meta = read_meta(settings.index_dir) or {}
    chunks = [Chunk.from_dict(d) for d in json.loads((settings.index_dir / "chunks.json").read_text(encoding="utf-8"))]
    facts = [Fact.from_dict(d) for d in json.loads((settings.index_dir / "facts.json").read_text(encoding="utf-8"))]
    notices = load_corpus(settings.corpus_dir)
    return IndexState(notices=notices, chunks=chunks, facts=facts, meta=meta, path=settings.index_dir)


def ensure(settings: Settings, rebuild: bool = False) -> IndexState:
    """Load the index, building it first when missing, stale or unreadable."""
    reason = "按要求重建" if rebuild else is_stale(settings)
    if reason:
        log.warning("building index: %s", reason)
        build(settings)
    try:
        return load(settings)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.warning("index unreadable (%s), rebuilding", exc)
        build(settings)
        return load(settings)
