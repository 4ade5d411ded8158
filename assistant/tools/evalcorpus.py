"""A corpus for evaluating a question batch about notices of its own: the shipped corpus plus the
batch's notices, imported the way staff import them (`ingest`), kept under .cache/eval by content so
a rerun only rebuilds the index when the code or the notices changed."""

from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from assistant.config import ROOT, Settings
from assistant.ingest.importer import IngestError, ingest_files, prepare
from assistant.ingest.index import code_fingerprint
from assistant.ingest.notices import SUPPORTED_SUFFIXES


def notice_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)


def with_notices(base: Settings, folder: Path, cache: Path = ROOT / ".cache" / "eval") -> Settings:
    """Settings whose corpus is `base`'s plus the notices in `folder`."""
    files = [p for p in sorted(base.corpus_dir.iterdir()) if p.is_file()] + notice_files(folder)
    digest = hashlib.sha256(code_fingerprint().encode())  # (an import stores what the code read: new code, new import)
    for p in files:
        digest.update(p.name.encode())
        digest.update(p.read_bytes())
    root = cache / digest.hexdigest()[:16]
    settings = replace(base, corpus_dir=root / "corpus", index_dir=root / "index")
    ready = root / "ready"
    if not ready.exists():  # a run stopped half-way starts again
        shutil.rmtree(root, ignore_errors=True)
        settings.corpus_dir.mkdir(parents=True)
        for p in base.corpus_dir.iterdir():
            if p.is_file():
                shutil.copy2(p, settings.corpus_dir / p.name)
        readable, seen = [], set()
        for p in notice_files(folder):
            try:
                prepare([p], settings.corpus_dir)
            except IngestError as exc:  # (what staff would be told; the notice's questions go unanswered)
                print(f"未导入：{exc}", file=sys.stderr)
                continue
            if (digest_of := hashlib.sha256(p.read_bytes()).hexdigest()) not in seen:  # (a copy is one notice)
                seen.add(digest_of)
                readable.append(p)
        if readable:
            ingest_files(readable, settings)
        ready.touch()
    return settings
