"""Managing the notices in the corpus: remove, disable, enable, replace. Each change moves files,
rebuilds the index aside and swaps it in (as ingest does), and puts the files back if the rebuild
fails. Nothing is ever deleted: a removed or replaced file is kept in `corpus/.removed/` with a
timestamp, a disabled one waits in `corpus/.disabled/`."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.ingest import index
from assistant.ingest.chunking import Chunk
from assistant.ingest.importer import IngestError, read_checked
from assistant.ingest.notices import NoticeMeta, load_manifest, make_notice
from assistant.model import Fact

DISABLED = ".disabled"
REMOVED = ".removed"


@dataclass
class NoticeRow:
    file: str
    issuer: str
    kind: str
    year: int | None
    title: str
    chunks: int | None  # None for a disabled notice: it is not in the index
    facts: int | None
    enabled: bool


def _checked_name(name: str) -> str:
    """A notice's file name as given by a user: a bare name, never a path."""
    name = (name or "").strip()
    if not name or Path(name).name != name or name.startswith("."):
        raise IngestError(f"无效的通知文件名：{name!r}")
    return name


def _in_corpus(settings: Settings, name: str) -> Path:
    path = settings.corpus_dir / _checked_name(name)
    if not path.is_file():
        raise IngestError(f"通知库中没有 {name}（可用 notices 命令查看已有通知）")
    return path


def _move_and_rebuild(settings: Settings, moves: list[tuple[Path, Path]]) -> None:
    """Apply the moves, rebuild; on any failure undo the moves (in reverse) and re-raise."""
    done: list[tuple[Path, Path]] = []
    try:
        for src, dst in moves:
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
            done.append((src, dst))
        index.build(settings)
    except BaseException:
        for src, dst in reversed(done):
            os.replace(dst, src)
        raise


def _stamped(settings: Settings, name: str) -> Path:
    return settings.corpus_dir / REMOVED / f"{time.strftime('%Y%m%d-%H%M%S')}_{time.time_ns() % 10**9:09d}_{name}"


def remove(settings: Settings, name: str) -> Path:
    """Take a notice out of the corpus (enabled or disabled); returns where it is kept."""
    name = _checked_name(name)
    src = settings.corpus_dir / name
    if not src.is_file():
        src = settings.corpus_dir / DISABLED / name
        if not src.is_file():
            raise IngestError(f"通知库中没有 {name}（可用 notices 命令查看已有通知）")
        kept = _stamped(settings, name)
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, kept)  # a disabled notice is not in the index: nothing to rebuild
        return kept
    kept = _stamped(settings, name)
    _move_and_rebuild(settings, [(src, kept)])
    return kept


def disable(settings: Settings, name: str) -> None:
    src = _in_corpus(settings, name)
    _move_and_rebuild(settings, [(src, settings.corpus_dir / DISABLED / src.name)])


def enable(settings: Settings, name: str) -> None:
    name = _checked_name(name)
    src = settings.corpus_dir / DISABLED / name
    if not src.is_file():
        raise IngestError(f"没有已停用的通知 {name}")
    if (settings.corpus_dir / name).exists():
        raise IngestError(f"通知库中已有同名通知 {name}，请先删除或改名")
    _move_and_rebuild(settings, [(src, settings.corpus_dir / name)])


def replace(settings: Settings, name: str, path: Path) -> dict[str, object]:
    """A corrected text for a notice, under the same name (so citations and links keep working);
    the old text is kept in corpus/.removed/."""
    old = _in_corpus(settings, name)
    notice = read_checked(path, old.name, load_manifest(settings.corpus_dir))
    staged = settings.corpus_dir / f".{old.name}.new"
    staged.write_text(notice.original, encoding="utf-8")
    try:
        _move_and_rebuild(settings, [(old, _stamped(settings, old.name)), (staged, old)])
    finally:
        staged.unlink(missing_ok=True)
    return notice.meta()


def list_notices(settings: Settings, notices: Mapping[str, NoticeMeta], chunks: Iterable[Chunk], facts: Iterable[Fact]) -> list[NoticeRow]:
    """Every notice, enabled (with its chunk and fact counts from the index) and disabled."""
    chunk_count = Counter(c.notice_id for c in chunks)
    fact_count = Counter(f.notice_id for f in facts)
    rows = [
        NoticeRow(n.id, n.issuer, n.kind, n.year, n.title, chunk_count[n.id], fact_count[n.id], True)
        for n in sorted(notices.values(), key=lambda n: n.id)
    ]
    manifest = load_manifest(settings.corpus_dir)
    for path in sorted((settings.corpus_dir / DISABLED).glob("*.txt")):
        n = make_notice(path.name, path.read_text(encoding="utf-8"), manifest.get(path.name))
        rows.append(NoticeRow(n.id, n.issuer, n.kind, n.year, n.title, None, None, False))
    return rows
