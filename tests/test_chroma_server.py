"""The vector store on a real `chroma run` server on loopback, shared by several app processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.ingest import index
from assistant.tools.deployment import CHROMA, chroma_server

from .conftest import FIXTURES, make_settings

pytestmark = pytest.mark.skipif(not CHROMA.exists(), reason="the chroma CLI is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as port:
        yield port


@pytest.fixture()
def settings(tmp_path: Path, server: int) -> Settings:
    return replace(make_settings(tmp_path), chroma_host="127.0.0.1", chroma_port=server)


def collections(settings: Settings) -> set[str]:
    return {c.name for c in index.chroma_client(settings).list_collections()}


def test_retrieval_uses_the_server(settings: Settings) -> None:
    bot = Assistant(settings)
    meta = index.read_meta(settings.index_dir)
    assert meta["vector_store"] == f"http://127.0.0.1:{settings.chroma_port}"
    assert meta["collection"] in collections(settings)
    assert not list(settings.index_dir.glob("chroma*"))  # nothing local
    hits = bot.retriever.search("生物医药领域纸质材料邮寄地址", years={2020})
    assert any(h.dense_rank is not None for h in hits)
    assert all(h.chunk.year == 2020 for h in hits)


def test_second_process_loads_without_rebuilding(settings: Settings) -> None:
    Assistant(settings)
    built = index.read_meta(settings.index_dir)["built_at"]
    proc = subprocess.run(
        [sys.executable, "-c", "from assistant.assistant import Assistant; import sys; "
         "b = Assistant(); print(b.answer(sys.argv[1]).kind)", "先导技术申报表的技术团队简介限多少字？"],
        env={"PATH": "/usr/bin:/bin", "CORPUS_DIR": str(settings.corpus_dir), "INDEX_DIR": str(settings.index_dir),
             "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(settings.chroma_port), "HF_HUB_OFFLINE": "1"},
        capture_output=True, text=True, timeout=180, cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "retrieval"
    assert index.read_meta(settings.index_dir)["built_at"] == built


def test_ingest_switches_collection_and_drops_the_old_one(tmp_path: Path, settings: Settings) -> None:
    bot = Assistant(settings)
    old = index.read_meta(settings.index_dir)["collection"]
    src = tmp_path / "n2024.txt"
    shutil.copy(FIXTURES / "new_style_2024.txt", src)
    bot.ingest([src])
    meta = index.read_meta(settings.index_dir)
    assert meta["collection"] != old and meta["collection"] in collections(settings)
    assert old not in collections(settings)
    assert meta["timings"]["embedded_chunks"] < meta["chunks"] // 4  # only the new notice was embedded
    hits = bot.retriever.search("海洋创新榜 联系电话", years={2024})
    assert hits and any(h.dense_rank is not None for h in hits)
