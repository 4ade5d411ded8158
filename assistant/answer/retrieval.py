"""Hybrid retrieval: BM25 (bm25s, over jieba tokens) + dense vectors (the index's matrix, or Chroma
at scale), fused by weighted reciprocal rank, filtered by year; with a normalized relevance score."""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.ingest.chunking import Chunk
from assistant.tokenizer import function_word

log = logging.getLogger(__name__)

RRF_K = 60
COVERAGE_WEIGHT = 0.005  # about the RRF gap between rank 1 and rank 8
CANDIDATES = 20
# Up to this many chunks, unfiltered dense search is exact over the vector matrix (a few ms); above
# it, Chroma's HNSW index (1-4 ms at 234,000 chunks, where the exact product takes about 27 ms).
EXACT_MAX = 50_000


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused
    relevance: float  # share of the question's weighted terms found in this chunk, 0..1
    similarity: float = 0.0  # cosine of the question's and the chunk's vectors (0 without vectors)
    bm25_rank: int | None = None
    dense_rank: int | None = None


class HybridRetriever:
    """BM25 and dense search fused; `search` gives scores and filters. (LangChain is used where it
    serves: the embeddings interface, the Chroma vector store, the optional model's chat client.)"""

    def __init__(
        self, chunks: list[Chunk], tokenizer: Any, bm25: Any, embeddings: Any = None, vectors: Any = None,
        open_vectorstore: Callable[[], Any] | None = None, bm25_weight: float = 0.6, k: int = 5,
    ) -> None:
        """embeddings: the query encoder (None: BM25 only). vectors: the chunks' unit vectors in chunk
        order (index/vectors.npy, memory-mapped). open_vectorstore: opens the Chroma store, when a
        search needs it (an unfiltered search over more than EXACT_MAX chunks)."""
        self.chunks = chunks
        self.tokenizer = tokenizer
        self.bm25 = bm25
        self.embeddings = embeddings
        self.bm25_weight = bm25_weight
        self.k = k
        self._open_vectorstore = open_vectorstore
        self._vectorstore: Any = None
        self._store_lock = threading.Lock()
        self._embedded: dict[str, np.ndarray] = {}
        self._years = np.array([c.year or 0 for c in chunks], dtype=np.int32)
        rows: dict[str, list[int]] = {}
        for i, c in enumerate(chunks):
            rows.setdefault(c.notice_id, []).append(i)
        self._notice_rows = {nid: np.array(r, dtype=np.int64) for nid, r in rows.items()}
        if vectors is not None and len(vectors) != len(chunks):
            log.warning("vector matrix does not match the chunks; dense search goes to Chroma")
            vectors = None
        self.vectors = vectors
        n = max(len(chunks), 1)
        df = np.diff(bm25.scores["indptr"])
        self._idf = {t: math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5)) for t, i in bm25.vocab_dict.items() if t}
        self._max_idf = max(self._idf.values(), default=1.0)
        self._position = {c.id: i for i, c in enumerate(chunks)}

    def position(self, chunk_id: str) -> int | None:
        """A chunk's place in the index (chunks of a notice are in its order)."""
        return self._position.get(chunk_id)

    @property
    def dense(self) -> bool:
        return self.embeddings is not None

    @property
    def vectorstore(self) -> Any:
        """The Chroma store, opened on first use (importing chromadb costs most of a second)."""
        if self._vectorstore is None and self._open_vectorstore is not None:
            with self._store_lock:
                if self._vectorstore is None:
                    self._vectorstore = self._open_vectorstore()
        return self._vectorstore

    def close(self) -> None:
        store = self._vectorstore
        client = getattr(store, "_client", None)
        if client is not None and hasattr(client, "close"):
            try:
                client.close()
            except Exception as exc:  # a retired store that will not close costs a file handle
                log.warning("closing a retired vector store failed: %s", exc)

    # ------------------------------------------------------------ scoring

    def term_weight(self, token: str) -> float:
        # A term the corpus never uses weighs like the rarest one: it must be matched to count; unless
        # it only says how the question is put ("要是评上了，后面还有啥"), which weighs nothing.
        found = self._idf.get(token)
        if found is not None:
            return found
        return 0.0 if function_word(token) else self._max_idf

    def known(self, token: str) -> bool:
        """Whether any chunk uses the term."""
        return token in self._idf

    def relevance(self, query_tokens: list[str], chunk_indices: list[int]) -> dict[int, float]:
        """Each chunk's share of the query's weighted terms: read from the BM25 index's postings
        (a term's chunks, sorted), never by tokenizing the chunks again."""
        terms = set(query_tokens)
        total = sum(self.term_weight(t) for t in terms)
        if total == 0 or not chunk_indices:
            return dict.fromkeys(chunk_indices, 0.0)
        ids = np.asarray(chunk_indices)
        indices, indptr = self.bm25.scores["indices"], self.bm25.scores["indptr"]
        have = np.zeros(len(ids))
        for t in terms:
            col = self.bm25.vocab_dict.get(t)
            if col is None:
                continue
            postings = indices[indptr[col] : indptr[col + 1]]
            if len(postings) == 0:
                continue
            pos = np.minimum(np.searchsorted(postings, ids), len(postings) - 1)
            have += (postings[pos] == ids) * self.term_weight(t)
        return {int(i): float(v) / total for i, v in zip(ids, have, strict=True)}

    def _mask(self, years: set[int] | None, notices: set[str] | None) -> np.ndarray | None:
        """The chunks the filters let through (None: all of them)."""
        mask = np.isin(self._years, list(years)) if years else None
        if notices:
            of_notices = np.zeros(len(self.chunks), dtype=bool)
            for nid in notices:
                of_notices[self._notice_rows.get(nid, [])] = True
            mask = of_notices if mask is None else mask & of_notices
        return mask

    def _bm25_top(self, tokens: list[str], mask: np.ndarray | None, n: int) -> list[int]:
        scores = self.bm25.get_scores(tokens, weight_mask=None if mask is None else mask.astype(np.float32))
        top = np.argpartition(-scores, n)[:n] if len(scores) > n else np.arange(len(scores))
        return [int(i) for i in sorted(top, key=lambda i: -scores[i]) if scores[i] > 0]

    def embed(self, query: str) -> np.ndarray:
        """The question's unit vector, encoded once per question text (search and similarity share it)."""
        found = self._embedded.get(query)
        if found is None:
            if len(self._embedded) > 1024:
                self._embedded.clear()
            found = self._embedded[query] = np.asarray(self.embeddings.embed_query(query), dtype=np.float32)
        return found

    def similarity(self, query: str, chunk_indices: list[int]) -> dict[int, float]:
        """Cosine of the question to each chunk, from the index's own vector matrix."""
        if self.vectors is None or not self.dense or not chunk_indices:
            return dict.fromkeys(chunk_indices, 0.0)
        try:
            q = self.embed(query)
        except Exception as exc:  # an encoder that fails costs the dense evidence, not the answer
            log.warning("encoding the question failed: %s", exc)
            return dict.fromkeys(chunk_indices, 0.0)
        rows = np.asarray(chunk_indices)
        return {int(i): float(v) for i, v in zip(rows, self.vectors[rows] @ q, strict=True)}

    def _dense_top(self, query: str, years: set[int] | None, notices: set[str] | None, mask: np.ndarray | None,
                   n: int) -> list[int]:
        """Nearest chunks by cosine. Unfiltered: Chroma's HNSW index (1-4 ms at 234,000 chunks). Filtered
        by year or notice: exact search over the index's own vector matrix, restricted to the chunks
        the filter keeps (4 ms for a year at 234,000 chunks), where Chroma's metadata pre-filter
        took 120-250 ms (docs/bench/full)."""
        try:
            if self.vectors is not None and (mask is not None or len(self.vectors) <= EXACT_MAX):
                rows = np.flatnonzero(mask) if mask is not None else np.arange(len(self.vectors))
                if len(rows) == 0:
                    return []
                q = self.embed(query)
                scores = self.vectors[rows] @ q
                top = np.argpartition(-scores, n)[:n] if len(rows) > n else np.arange(len(rows))
                return [int(rows[i]) for i in sorted(top, key=lambda i: -scores[i])]
            docs = self.vectorstore.similarity_search_by_vector_with_relevance_scores(
                self.embed(query).tolist(), k=n, filter=_chroma_filter(years, notices))
        except Exception as exc:  # a vector store that is down costs the dense half, not the answer
            log.warning("vector search failed, BM25 only: %s", exc)
            return []
        found = (self._position.get(str(doc.metadata.get("chunk_id", doc.id or ""))) for doc, _ in docs)
        return [i for i in found if i is not None]

    def search(
        self, query: str, years: set[int] | None = None, k: int | None = None, mode: str = "hybrid",
        notices: set[str] | None = None, ask: str = "",
    ) -> list[Hit]:
        """Top-k chunks (of the `notices` given only, when given). mode: hybrid (default), bm25 or
        dense alone (for measuring each half). `ask`: the words relevance is judged on (the clauses
        that ask), when not the whole query."""
        k = k or self.k
        w_bm25 = {"hybrid": self.bm25_weight, "bm25": 1.0, "dense": 0.0}[mode]
        tokens = self.tokenizer(query)
        if not tokens or not self.chunks:
            return []
        n = max(CANDIDATES, k)
        fused: dict[int, float] = {}
        mask = self._mask(years, notices)
        bm25_rank = {i: r for r, i in enumerate(self._bm25_top(tokens, mask, n))} if w_bm25 > 0 else {}
        for i, r in bm25_rank.items():
            fused[i] = fused.get(i, 0.0) + w_bm25 / (RRF_K + r + 1)
        dense_rank: dict[int, int] = {}
        if self.dense and w_bm25 < 1.0:
            dense_rank = {i: r for r, i in enumerate(self._dense_top(query, years, notices, mask, n))}
            for i, r in dense_rank.items():
                fused[i] = fused.get(i, 0.0) + (1 - w_bm25) / (RRF_K + r + 1)
        relevance = self.relevance(self.tokenizer(ask) if ask else tokens, list(fused))
        similarity = self.similarity(query, list(fused)) if self.dense and w_bm25 < 1.0 else {}
        if mode == "hybrid":
            # Rank fusion alone ties a short chunk that matches one term with the passage that
            # matches them all; the normalized term coverage (0..1) breaks such ties.
            fused = {i: v + COVERAGE_WEIGHT * relevance[i] for i, v in fused.items()}
        order = sorted(fused, key=lambda i: -fused[i])[:k]
        return [Hit(self.chunks[i], fused[i], relevance[i], similarity.get(i, 0.0), bm25_rank.get(i), dense_rank.get(i))
                for i in order]

    def warm(self) -> None:
        """One search of each half while loading: the vector index is read into memory and the
        encoder's session started then, not in the first user's answer."""
        if self.chunks:
            self.search("科创中国", k=1)
        if self.vectors is not None:
            # Read the memory-mapped matrix once: the first filtered search would otherwise wait on
            # page faults (386 ms for the first question of a year at 234,000 chunks).
            for start in range(0, len(self.vectors), 8192):
                self.vectors[start : start + 8192].max()


def _chroma_filter(years: set[int] | None, notices: set[str] | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if years:
        clauses.append({"year": {"$in": sorted(years)}})
    if notices:
        clauses.append({"notice_id": {"$in": sorted(notices)}})
    return clauses[0] if len(clauses) == 1 else ({"$and": clauses} if clauses else None)
