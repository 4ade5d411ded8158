"""Fixtures built from the real notices in corpus/ (copied, so tests never touch the real index)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.notices import Notice, load_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "dev.jsonl"
TODAY = dt.date(2023, 11, 25)  # inside the 2023 round: deadlines on both sides of it


@pytest.fixture(scope="session")
def notices() -> dict[str, Notice]:
    return {n.id[:3]: n for n in load_corpus(CORPUS)}


def make_settings(base: Path, dense: bool = True) -> Settings:
    corpus = base / "corpus"
    if not corpus.exists():
        shutil.copytree(CORPUS, corpus)
    return Settings(corpus_dir=corpus, index_dir=base / "index", dense=dense, today=TODAY)


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The full assistant (BM25 + m3e vectors in Chroma) over a copy of the corpus."""
    return Assistant(make_settings(tmp_path_factory.mktemp("full")))


@pytest.fixture()
def small_settings(tmp_path: Path) -> Settings:
    """A private corpus copy and index, BM25 only: for tests that change the corpus."""
    return make_settings(tmp_path, dense=False)
