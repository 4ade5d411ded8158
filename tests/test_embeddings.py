"""The encoder backends: ONNX export cached and reused, int8 vectors close to torch's, the backend
part of the index's identity (vectors of one are never mixed with another's)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.embeddings import LocalEmbeddings
from assistant.ingest import index

TEXTS = ["2023年先导技术榜的申报截止时间是什么时候？", "一、榜单设置\n先导技术榜设电子信息、生物医药等领域。", "联系人：张三"]


@pytest.fixture(scope="module")
def torch_vectors() -> np.ndarray:
    return LocalEmbeddings("m3e-small", "torch").encode(TEXTS)


def test_onnx_backends_agree_with_torch_and_reuse_the_export(tmp_path: Path, torch_vectors: np.ndarray) -> None:
    fp32 = LocalEmbeddings("m3e-small", "onnx", cache_dir=tmp_path)
    exported = next(tmp_path.rglob("encoder.onnx"))
    stamp = exported.stat().st_mtime_ns
    assert float((fp32.encode(TEXTS) * torch_vectors).sum(axis=1).min()) > 0.9999
    int8 = LocalEmbeddings("m3e-small", "onnx-int8", cache_dir=tmp_path)
    vectors = int8.encode(TEXTS)
    assert vectors.shape == torch_vectors.shape and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * torch_vectors).sum(axis=1).min()) > 0.97
    assert exported.stat().st_mtime_ns == stamp  # exported once, then read from the cache
    assert len(int8.embed_query(TEXTS[0])) == vectors.shape[1]


def test_an_unknown_backend_is_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match="EMBEDDING_BACKEND 只能是"):
        LocalEmbeddings("m3e-small", "tensorrt")


def test_the_backend_is_part_of_the_index_identity(small_settings: Settings) -> None:
    dense = replace(small_settings, dense=True, embedding_backend="onnx-int8")
    index.build(dense)
    assert index.is_stale(dense) is None and index.read_meta(dense.index_dir)["model"] == "m3e-small|onnx-int8"
    assert index.is_stale(replace(dense, embedding_backend="torch")) == "向量模型设置已变化"


class _Clock:
    """A fake encoder whose speed is set per call, recording the order it was called in."""

    def __init__(self, name: str, calls: list[str]) -> None:
        self.name, self.calls = name, calls

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(self.name)
        return np.ones((len(texts), 2), dtype=np.float32)


def test_speed_rounds_rotate_the_order_and_time_every_backend_each_round() -> None:
    from assistant.tools.embedbench import _rounds

    calls: list[str] = []
    models = {b: _Clock(b, calls) for b in ("torch", "onnx", "onnx-int8")}
    runs, vectors = _rounds(models, ["甲", "乙"], rounds=3)  # type: ignore[arg-type]
    timed = calls[3:]  # after one warm-up call each
    assert timed == ["torch", "onnx", "onnx-int8", "onnx", "onnx-int8", "torch", "onnx-int8", "torch", "onnx"]
    assert {b: len(v) for b, v in runs.items()} == {"torch": 3, "onnx": 3, "onnx-int8": 3}
    assert all(x > 0 for v in runs.values() for x in v) and vectors["onnx"].shape == (2, 2)


def test_the_report_names_the_processor() -> None:
    from assistant.tools.embedbench import processor

    info = processor()
    assert info["cores"] >= 1 and info["model"]
    assert set(info["flags"]) <= {"avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8"}
