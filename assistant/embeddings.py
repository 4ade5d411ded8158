"""Text -> vectors with LangChain's Embeddings methods: the sentence-transformers model run by
torch, or its encoder exported to ONNX and run by onnxruntime (fp32, or int8 by dynamic
quantisation). Loaded once per process; queries cached.

sentence-transformers' own ONNX backend needs optimum, whose release pins an older transformers, so
the export is done here: the BERT encoder through `torch.onnx.export` (a wrapper taking the three
input tensors), mean pooling and normalisation by hand, exactly as the model's pooling config says.
The exported files are cached (ENCODER_CACHE) and reused; nothing is downloaded."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import quiet_offline_env, resolve_model

log = logging.getLogger(__name__)

BACKENDS = ("torch", "onnx", "onnx-int8")
# Batch sizes measured best on these 2 cores (138 real chunks, median of 3): torch 36/37/39/34/27
# chunks/s at 1/4/8/16/32; ONNX fp32 91/87/84/73 and int8 190/173/158/135 at 1/2/4/8. Padding a
# batch to its longest text costs more than larger batches gain, most of all for the int8 kernels.
BATCH = {"torch": 8, "onnx": 1, "onnx-int8": 1}


def _threads() -> int:
    return max(1, os.cpu_count() or 1)


class LocalEmbeddings:
    def __init__(self, model: str, backend: str = "torch", cache_dir: Path | None = None) -> None:
        quiet_offline_env()
        if backend not in BACKENDS:
            raise ValueError(f"EMBEDDING_BACKEND 只能是 {'、'.join(BACKENDS)}，而不是 {backend!r}")
        self.name = model
        self.backend = backend
        self._lock = threading.Lock()
        self._cached = lru_cache(maxsize=2048)(self._embed_one)
        self._onnx: OnnxEncoder | None = None
        self._st: Any = None
        path = resolve_model(model)
        if backend == "torch":
            self._st = _sentence_transformer(path)
            return
        from assistant.config import Settings

        cache = cache_dir or Settings().encoder_cache
        int8 = backend == "onnx-int8"
        exported = OnnxEncoder.cached(path, cache, int8)
        if exported is None or not (Path(path) / "tokenizer.json").exists():
            # The export needs the model in torch once; later starts read the ONNX file and the
            # tokenizer's own file, and import neither torch nor sentence-transformers.
            self._st = _sentence_transformer(path)
            exported = OnnxEncoder.exported(self._st, path, cache, int8)
        self._onnx = OnnxEncoder(exported, path, self._st)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            if self._onnx is not None:
                return self._onnx.encode(texts, BATCH[self.backend])
            return np.asarray(self._st.encode(texts, batch_size=BATCH["torch"], normalize_embeddings=True, show_progress_bar=False),
                              dtype=np.float32)

    @property
    def dimension(self) -> int:
        if self._st is not None:
            return int(self._st.get_sentence_embedding_dimension() or 0)
        return int(json.loads((Path(resolve_model(self.name)) / "config.json").read_text(encoding="utf-8"))["hidden_size"])

    def _embed_one(self, text: str) -> tuple[float, ...]:
        return tuple(float(x) for x in self.encode([text])[0])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in v] for v in self.encode(texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(self._cached(text))


def _sentence_transformer(path: str) -> Any:
    import torch
    from sentence_transformers import SentenceTransformer  # heavy: only for torch, or to export once

    torch.set_num_threads(_threads())
    return SentenceTransformer(path, device="cpu")


def _exportable(bert: Any) -> Any:
    """The transformer of a sentence-transformers model as a module of three plain tensors."""
    import torch

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    return Encoder().eval()


class OnnxEncoder:
    def __init__(self, path: Path, model_path: str, st_model: Any = None) -> None:
        """`path`: the exported (and maybe quantised) file. The tokenizer is read from the model's
        own tokenizer.json when there is one (no torch, no transformers), else taken from the
        sentence-transformers model."""
        import onnxruntime as ort

        config = json.loads((Path(model_path) / "config.json").read_text(encoding="utf-8"))
        self.max_length = min(int(config.get("max_position_embeddings", 512)), 512)
        if st_model is not None:
            pooling = st_model[1] if len(st_model) > 1 else None
            if pooling is not None and not getattr(pooling, "pooling_mode_mean_tokens", True):
                raise RuntimeError("ONNX backend supports mean-pooling models only; use EMBEDDING_BACKEND=torch")
            self.max_length = int(st_model.max_seq_length or self.max_length)
        self.tokenizer = _fast_tokenizer(Path(model_path), self.max_length) or st_model.tokenizer
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # parallel across batches instead (see encode)
        options.inter_op_num_threads = 1
        self.workers = _threads()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    @staticmethod
    def _folder(model_path: str, cache_dir: Path) -> Path:
        return cache_dir / hashlib.sha1(str(Path(model_path).resolve()).encode()).hexdigest()[:12]

    @staticmethod
    def cached(model_path: str, cache_dir: Path, int8: bool) -> Path | None:
        """The exported file, when an earlier run made it."""
        path = OnnxEncoder._folder(model_path, cache_dir) / ("encoder-int8.onnx" if int8 else "encoder.onnx")
        return path if path.exists() else None

    @staticmethod
    def exported(st_model: Any, model_path: str, cache_dir: Path, int8: bool) -> Path:
        """The ONNX file for this model (exported and quantised once, then read from the cache)."""
        folder = OnnxEncoder._folder(model_path, cache_dir)
        fp32, quantised = folder / "encoder.onnx", folder / "encoder-int8.onnx"
        folder.mkdir(parents=True, exist_ok=True)
        if not fp32.exists():
            import torch

            log.warning("exporting the encoder to ONNX (once): %s", fp32)
            encoded = st_model.tokenizer(["导出示例文本", "第二个"], padding=True, return_tensors="pt")
            args = (encoded["input_ids"], encoded["attention_mask"], encoded.get("token_type_ids", torch.zeros_like(encoded["input_ids"])))
            tmp = folder / f".encoder-{os.getpid()}.onnx"
            torch.onnx.export(
                _exportable(st_model[0].auto_model), args, str(tmp), input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                dynamic_axes={n: {0: "batch", 1: "sequence"} for n in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")},
            )
            os.replace(tmp, fp32)
        if int8 and not quantised.exists():
            from onnxruntime.quantization import QuantType, quantize_dynamic

            tmp = folder / f".encoder-int8-{os.getpid()}.onnx"
            quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8)
            os.replace(tmp, quantised)
        return quantised if int8 else fp32

    def encode(self, texts: list[str], batch: int = 4) -> np.ndarray:
        # Sorted by length, so each batch pads only to its own longest text.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[start : start + batch] for start in range(0, len(order), batch)]
        # Tokenized here, in one thread (a fast tokenizer must not be called from two at once); the
        # batches then run in one thread per core on a single-threaded session: at batch 1 that
        # measured 80 chunks/s against 65 for one session using both cores.
        feeds = [self._feed([texts[i] for i in idx]) for idx in batches]
        if len(feeds) > 1 and self.workers > 1:
            with ThreadPoolExecutor(self.workers) as pool:
                pooled = list(pool.map(self._pool, feeds))
        else:
            pooled = [self._pool(feed) for feed in feeds]
        rows = {i: v for idx, out in zip(batches, pooled, strict=True) for i, v in zip(idx, out, strict=True)}
        return np.stack([rows[i] for i in range(len(texts))])

    def _feed(self, texts: list[str]) -> dict[str, np.ndarray]:
        if isinstance(self.tokenizer, FastTokenizer):
            enc = self.tokenizer(texts)
        else:
            enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="np")
        feed = {k: v.astype(np.int64) for k, v in enc.items() if k in self.inputs}
        if "token_type_ids" in self.inputs and "token_type_ids" not in feed:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        return feed

    def _pool(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        """Mean pooling over the real tokens, then unit length."""
        hidden = self.session.run(None, feed)[0]
        mask = feed["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return pooled.astype(np.float32)


class FastTokenizer:
    """The model's tokenizer.json run by the `tokenizers` library: the same ids, mask and type ids as
    the transformers tokenizer built from that file, without importing transformers or torch."""

    def __init__(self, path: Path, max_length: int) -> None:
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(path))
        self._tok.enable_truncation(max_length)
        pad = self._tok.token_to_id("[PAD]")
        self._tok.enable_padding(pad_id=pad if pad is not None else 0, pad_token="[PAD]")

    def __call__(self, texts: list[str]) -> dict[str, np.ndarray]:
        encoded = self._tok.encode_batch(texts)
        return {
            "input_ids": np.array([e.ids for e in encoded]),
            "attention_mask": np.array([e.attention_mask for e in encoded]),
            "token_type_ids": np.array([e.type_ids for e in encoded]),
        }


def _fast_tokenizer(model_path: Path, max_length: int) -> FastTokenizer | None:
    path = model_path / "tokenizer.json"
    return FastTokenizer(path, max_length) if path.exists() else None


_shared: dict[tuple[str, str], LocalEmbeddings] = {}
_shared_lock = threading.Lock()


def as_langchain(embeddings: LocalEmbeddings) -> LocalEmbeddings:
    """The encoder as LangChain's Embeddings, for a LangChain vector store. Registered here, where a
    store is opened, not by subclassing: importing langchain_core costs an answer's cold start 0.25 s."""
    from langchain_core.embeddings import Embeddings

    Embeddings.register(LocalEmbeddings)
    return embeddings


def get_embeddings(model: str, backend: str = "torch") -> LocalEmbeddings:
    """One model per process and backend: loading it costs seconds and hundreds of MB."""
    with _shared_lock:
        if (model, backend) not in _shared:
            _shared[(model, backend)] = LocalEmbeddings(model, backend)
        return _shared[(model, backend)]
