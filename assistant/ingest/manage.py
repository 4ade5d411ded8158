"""Managing the notices in the corpus: remove, disable, enable, replace. Each change moves files,
rebuilds the index aside and swaps it in (as ingest does), and puts the files back if the rebuild
fails. Nothing is ever deleted: a removed or replaced file is kept in `corpus/.removed/` with a
timestamp, a disabled one waits in `corpus/.disabled/`."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from assistant.config import Settings
from assistant.ingest import index
from assistant.ingest.chunking import Chunk
from assistant.ingest.identity import Identity
from assistant.ingest.importer import IngestError, read_checked
from assistant.ingest.notices import MANIFEST, Notice, NoticeMeta, load_manifest, make_notice
from assistant.model import Fact, NoticeKind
from assistant.staff.selftest import status as selftest_status

DISABLED = ".disabled"
REMOVED = ".removed"


@dataclass(kw_only=True)
class NoticeRow(Identity):
    """A notice as `notices`, the API and the console list it: its identity as read (the same fields
    `inspect` and the review show), where it stands, and its self-test."""

    file: str
    issuer_shown: str  # the issuer, or what kind of unsigned notice it is
    chunks: int | None  # None for a disabled notice: it is not in the index
    facts: int | None
    enabled: bool
    selftest: str = ""  # "自测 5/6", "未自测"

    @classmethod
    def of(cls, settings: Settings, n: NoticeMeta, chunks: int | None, facts: int | None, enabled: bool) -> NoticeRow:
        ident = n.identity()
        return cls(file=n.id, issuer_shown=ident.issuer_label, chunks=chunks, facts=facts, enabled=enabled,
                   selftest=selftest_status(settings.corpus_dir, n), **asdict(ident))


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
    rows = [NoticeRow.of(settings, n, chunk_count[n.id], fact_count[n.id], True)
            for n in sorted(notices.values(), key=lambda n: n.id)]
    manifest = load_manifest(settings.corpus_dir)
    for path in sorted((settings.corpus_dir / DISABLED).glob("*.txt")):
        rows.append(NoticeRow.of(settings, _read_disabled(path, manifest), None, None, False))
    return rows


def _read_disabled(path: Path, manifest: Mapping[str, dict[str, object]]) -> Notice:
    return make_notice(path.name, path.read_text(encoding="utf-8"), manifest.get(path.name))


def disabled_notice(settings: Settings, name: str) -> Notice:
    """A disabled notice, parsed (it is not in the index), for its review."""
    path = settings.corpus_dir / DISABLED / _checked_name(name)
    if not path.is_file():
        raise IngestError(f"没有已停用的通知 {name}")
    return _read_disabled(path, load_manifest(settings.corpus_dir))


CORRECTABLE = ("issuer", "year", "kind")


def correct(settings: Settings, name: str, changes: Mapping[str, object]) -> None:
    """Staff's correction of what was read of a notice (issuer, year, kind): written to the manifest
    (aside, then swapped in), the index rebuilt; on any failure the manifest is as it was."""
    _in_corpus(settings, name)
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key not in CORRECTABLE:
            raise IngestError(f"不能更正的项目：{key}")
        if key == "year":
            try:
                year = int(str(value).strip().removesuffix("年"))
            except ValueError:
                raise IngestError(f"年份应为四位数字：{value!r}") from None
            if not 2000 <= year <= 2100:
                raise IngestError(f"年份超出范围：{year}")
            values[key] = year
        elif key == "kind":
            if str(value) not in set(NoticeKind):
                raise IngestError(f"通知类型应为 {'、'.join(NoticeKind)} 之一：{value!r}")
            values[key] = str(value)
        else:
            issuer = str(value).strip()
            if len(issuer) > 60 or "\n" in issuer:
                raise IngestError("发文单位名称过长或含换行")
            values[key] = issuer
    manifest = load_manifest(settings.corpus_dir)
    manifest[name] = {**manifest.get(name, {}), **values}
    target = settings.corpus_dir / MANIFEST
    staged = settings.corpus_dir / f".{MANIFEST}.{os.getpid()}.new"
    staged.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=True), encoding="utf-8")
    moves = [(staged, target)]
    kept = settings.corpus_dir / f".{MANIFEST}.{os.getpid()}.old"
    if target.exists():
        moves.insert(0, (target, kept))  # undone in reverse: the old manifest comes back
    try:
        _move_and_rebuild(settings, moves)
    finally:
        staged.unlink(missing_ok=True)
        kept.unlink(missing_ok=True)
