"""Sentence-transformers behind LangChain's Embeddings interface, loaded once, queries cached."""

from __future__ import annotations

import threading
from functools import lru_cache

from langchain_core.embeddings import Embeddings

from assistant.config import quiet_offline_env, resolve_model


class LocalEmbeddings(Embeddings):
    def __init__(self, model: str) -> None:
        quiet_offline_env()
        from sentence_transformers import SentenceTransformer  # heavy import, only when dense is on

        self.name = model
        self._model = SentenceTransformer(resolve_model(model), device="cpu")
        self._lock = threading.Lock()
        self._cached = lru_cache(maxsize=2048)(self._embed_one)

    def _embed_one(self, text: str) -> tuple[float, ...]:
        with self._lock:
            vec = self._model.encode([text], normalize_embeddings=True, show_progress_bar=False)[0]
        return tuple(float(x) for x in vec)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            vecs = self._model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return [[float(x) for x in v] for v in vecs]

    def embed_query(self, text: str) -> list[float]:
        return list(self._cached(text))


_shared: dict[str, LocalEmbeddings] = {}
_shared_lock = threading.Lock()


def get_embeddings(model: str) -> LocalEmbeddings:
    """One model per process: loading it costs seconds and hundreds of MB."""
    with _shared_lock:
        if model not in _shared:
            _shared[model] = LocalEmbeddings(model)
        return _shared[model]
