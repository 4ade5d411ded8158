"""One immutable view of the built index that answers are computed from: notices, typed facts,
the catalogue of names, and the retriever. A rebuild makes a new snapshot; the assistant swaps it
in with one assignment, so answers in flight finish on the snapshot they started with."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from assistant.answer import decline
from assistant.answer.reader import Reader
from assistant.answer.retrieval import HybridRetriever
from assistant.answer.rules.contact import handed_over
from assistant.answer.store import FactStore
from assistant.answer.understand import people_sounds
from assistant.config import Settings
from assistant.ingest import index
from assistant.ingest.notices import NoticeRecord
from assistant.model import Fact
from assistant.names import Catalogue
from assistant.tokenizer import Tokenizer, function_word

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    store: FactStore
    retriever: HybridRetriever
    meta: dict[str, Any]
    stamp: int  # index.stamp() of the index it was loaded from
    stale: bool = False  # an out-of-date index served while a current one is built aside

    @cached_property
    def reader(self) -> Reader:
        return Reader(self.retriever)

    @property
    def notices(self) -> dict[str, NoticeRecord]:
        return self.store.notices

    @property
    def facts(self) -> list[Fact]:
        return self.store.facts

    @property
    def names(self) -> Catalogue:
        return self.store.names

    def close(self) -> None:
        """Retired: its vector store (if one was opened) is closed."""
        self.retriever.close()


def load_snapshot(settings: Settings, rebuild: bool = False, stale_ok: bool = False) -> Snapshot:
    """Load (building first when missing or stale; `stale_ok`: a stale one that loads as it is)
    the index into a new snapshot."""
    state = index.ensure(settings, rebuild=rebuild, stale_ok=stale_ok)
    store = FactStore(state.facts, state.notices, state.catalogue, state.chunks)
    embeddings = vectors = opener = None
    if settings.dense:
        from assistant.embeddings import as_langchain, get_embeddings

        embeddings = get_embeddings(settings.embedding_model, settings.embedding_backend)

        def opener() -> Any:
            from langchain_chroma import Chroma

            client = index.chroma_client(settings, state.path / state.meta.get("chroma_dir", "chroma"))
            return Chroma(collection_name=state.meta.get("collection") or index.COLLECTION,
                          embedding_function=as_langchain(embeddings), client=client)

        if (state.path / "vectors.npy").exists():
            # Memory-mapped: pages are read as searches touch them and stay reclaimable.
            vectors = np.load(state.path / "vectors.npy", mmap_mode="r")
    retriever = HybridRetriever(
        chunks=state.chunks,
        tokenizer=Tokenizer(extra_terms=state.catalogue.terms()),
        bm25=state.bm25,
        embeddings=embeddings,
        vectors=vectors,
        open_vectorstore=opener,
        bm25_weight=settings.bm25_weight,
        k=settings.top_k,
    )
    snapshot = Snapshot(store, retriever, state.meta, index.stamp(state.path), state.stale)
    warm(snapshot)
    return snapshot


def warm(snapshot: Snapshot) -> None:
    """Pay while loading for what the first answers would otherwise pay for: at 10,000 notices,
    before this, the first pass over the development questions had a p95 of 566 ms against 41 ms for
    the second (BM25 + facts, profiled by hand); docs/bench/full has the first pass now."""
    t = time.perf_counter()
    snapshot.store.warm()
    people_sounds(snapshot.names)
    decline.warm(snapshot.store)
    handed_over(snapshot.store)
    snapshot.retriever.warm()
    function_word("")
    # The passages' own words as the reader weighs them (60 ms for the seeds' 440 units); a larger
    # corpus's first units only, the rest as questions read them.
    snapshot.reader.warm()
    log.info("snapshot warmed in %.2f s", time.perf_counter() - t)
