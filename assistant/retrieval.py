"""Hybrid retrieval: BM25 over jieba tokens + dense vectors in Chroma, fused by weighted RRF,
filtered by year; with a normalized relevance score so that a threshold means something."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict
from rank_bm25 import BM25Okapi

from .chunking import Chunk
from .tokenizer import Tokenizer

RRF_K = 60
COVERAGE_WEIGHT = 0.005  # about the RRF gap between rank 1 and rank 8


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused
    relevance: float  # share of the question's weighted terms found in this chunk, 0..1
    bm25_rank: int | None = None
    dense_rank: int | None = None


class HybridRetriever(BaseRetriever):
    """A LangChain retriever, so chains can use it; `search` gives scores and filters."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    chunks: list[Chunk]
    tokenizer: Any
    bm25: Any
    chunk_tokens: list[set[str]]
    idf: dict[str, float]
    vectorstore: Any = None
    bm25_weight: float = 0.6
    k: int = 5

    @classmethod
    def create(
        cls,
        chunks: list[Chunk],
        tokenizer: Tokenizer,
        chroma_path: Path | None = None,
        embeddings: Any = None,
        bm25_weight: float = 0.6,
        k: int = 5,
    ) -> HybridRetriever:
        corpus_tokens = [tokenizer(c.index_text()) for c in chunks] or [[""]]
        bm25 = BM25Okapi(corpus_tokens)
        n = len(corpus_tokens)
        df: dict[str, int] = {}
        for toks in corpus_tokens:
            for t in set(toks):
                df[t] = df.get(t, 0) + 1
        idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        vectorstore = None
        if chroma_path is not None and embeddings is not None:
            from langchain_chroma import Chroma

            from .index import COLLECTION, chroma_client

            vectorstore = Chroma(
                collection_name=COLLECTION, embedding_function=embeddings, client=chroma_client(chroma_path)
            )
        return cls(
            chunks=chunks,
            tokenizer=tokenizer,
            bm25=bm25,
            chunk_tokens=[set(t) for t in corpus_tokens],
            idf=idf,
            vectorstore=vectorstore,
            bm25_weight=bm25_weight,
            k=k,
        )

    # ------------------------------------------------------------ scoring

    def term_weight(self, token: str) -> float:
        # A term the corpus never uses weighs like the rarest one: it must be matched to count.
        return self.idf.get(token, max(self.idf.values(), default=1.0))

    def relevance(self, query_tokens: list[str], chunk_index: int) -> float:
        terms = set(query_tokens)
        total = sum(self.term_weight(t) for t in terms)
        if total == 0:
            return 0.0
        found = sum(self.term_weight(t) for t in terms if t in self.chunk_tokens[chunk_index])
        return found / total

    def search(
        self, query: str, years: set[int] | None = None, k: int | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        """Top-k chunks. mode: hybrid (default), bm25 or dense alone (for measuring each half)."""
        k = k or self.k
        w_bm25 = {"hybrid": self.bm25_weight, "bm25": 1.0, "dense": 0.0}[mode]
        tokens = self.tokenizer(query)
        allowed = [i for i, c in enumerate(self.chunks) if not years or (c.year in years)]
        if not allowed or not tokens:
            return []
        scores = self.bm25.get_scores(tokens)
        bm25_order = sorted((i for i in allowed if scores[i] > 0), key=lambda i: -scores[i])[: max(20, k)]
        fused: dict[int, float] = {}
        bm25_rank = {i: r for r, i in enumerate(bm25_order)}
        for i, r in bm25_rank.items():
            fused[i] = fused.get(i, 0.0) + w_bm25 / (RRF_K + r + 1)
        dense_rank: dict[int, int] = {}
        if self.vectorstore is not None and w_bm25 < 1.0:
            position = {c.id: i for i, c in enumerate(self.chunks)}
            flt = {"year": {"$in": sorted(years)}} if years else None
            docs = self.vectorstore.similarity_search_with_score(query, k=max(20, k), filter=flt)
            for r, (doc, _distance) in enumerate(docs):
                i = position.get(str(doc.metadata.get("chunk_id", doc.id or "")))
                if i is None:
                    continue
                dense_rank[i] = r
                fused[i] = fused.get(i, 0.0) + (1 - w_bm25) / (RRF_K + r + 1)
        fused = {i: v for i, v in fused.items() if v > 0}
        relevance = {i: self.relevance(tokens, i) for i in fused}
        if mode == "hybrid":
            # Rank fusion alone ties a short chunk that matches one term with the passage that
            # matches them all; the normalized term coverage (0..1) breaks such ties.
            fused = {i: v + COVERAGE_WEIGHT * relevance[i] for i, v in fused.items()}
        order = sorted(fused, key=lambda i: -fused[i])[:k]
        return [Hit(self.chunks[i], fused[i], relevance[i], bm25_rank.get(i), dense_rank.get(i)) for i in order]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                page_content=h.chunk.text,
                metadata={"source": h.chunk.notice_id, "year": h.chunk.year, "section": h.chunk.section,
                          "score": h.score, "relevance": h.relevance},
                id=h.chunk.id,
            )
            for h in self.search(query)
        ]
