"""Adding notices to the corpus: all-or-nothing, and the corpus and index stay as they were on error."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
from pathlib import Path

import zhconv

from assistant.answer.phrasing import notice_kind
from assistant.config import Settings
from assistant.ingest import index
from assistant.ingest.notices import (
    MANIFEST,
    SUPPORTED_NAMES,
    SUPPORTED_SUFFIXES,
    Notice,
    NoticeError,
    load_corpus,
    load_manifest,
    make_notice,
    read_document,
)
from assistant.ingest.textmap import normalize_for_match

MAX_BYTES = 20 * 1024 * 1024


class IngestError(ValueError):
    """Why a file could not be added; in Chinese, for the user."""


def _fingerprint(text: str) -> str:
    return hashlib.sha256(normalize_for_match(text).encode("utf-8")).hexdigest()


def safe_name(path: Path, taken: set[str]) -> str:
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", path.stem).strip("._") or "notice"
    stem = stem[:80]
    name = f"{stem}.txt"
    n = 2
    while name in taken:
        name = f"{stem}_{n}.txt"
        n += 1
    return name


def to_simplified(text: str) -> str:
    """Traditional-character notices are stored (and so cited) in simplified characters."""
    simplified = zhconv.convert(text, "zh-cn")
    return simplified if simplified != text else text


def read_notice(path: Path, name: str, manifest: dict[str, dict[str, object]]) -> Notice:
    """One file as the notice it would be stored as under `name`, whatever it lacks (`inspect` shows
    what it lacks); an IngestError when it cannot be read at all."""
    label = path.name
    if not path.is_file():
        raise IngestError(f"找不到文件：{label}")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise IngestError(f"{label}：不支持的文件类型（支持 {SUPPORTED_NAMES}）")
    if path.stat().st_size > MAX_BYTES:
        raise IngestError(f"{label}：文件过大（超过 20 MB）")
    try:
        text = to_simplified(read_document(path))
        notice = make_notice(name, text, manifest.get(name) or manifest.get(path.name))
    except NoticeError as exc:
        raise IngestError(f"{label}：{exc}") from exc
    return notice


def read_checked(path: Path, name: str, manifest: dict[str, dict[str, object]]) -> Notice:
    """One file as the notice it would be stored as under `name`, or an IngestError saying why not."""
    label = path.name
    notice = read_notice(path, name, manifest)
    if notice.year is None:
        raise IngestError(
            f"{label}：未能从标题、文号、发布时间、落款或正文日期中识别年份；请确认这是一份榜单通知，"
            f"或在 corpus/manifest.yaml 中为它写明 year 后再导入（例如 {name}: {{year: 2024}}）。"
        )
    return notice


def prepare(paths: list[Path], corpus_dir: Path) -> list[Notice]:
    """Read and check every file before anything is written."""
    existing = load_corpus(corpus_dir) if corpus_dir.exists() else []
    manifest = load_manifest(corpus_dir) if corpus_dir.exists() else {}
    seen = {_fingerprint(n.original): n.id for n in existing}
    taken = {n.id for n in existing}
    prepared: list[Notice] = []
    for path in paths:
        name = safe_name(path, taken)
        notice = read_checked(path, name, manifest)
        text = notice.original
        fp = _fingerprint(text)
        if fp in seen:
            raise IngestError(f"{path.name}：与已有通知 {seen[fp]} 内容相同，未重复导入")
        seen[fp] = name
        taken.add(name)
        prepared.append(notice)
    if not prepared:
        raise IngestError("没有要导入的文件")
    return prepared


def ingest_files(paths: list[Path], settings: Settings) -> list[dict[str, object]]:
    """All or nothing: the corpus as it will be is staged (links to the notices there, the new
    files written), the index built from it aside; then the new files move into the corpus and the
    index is swapped in, together. Killed before that, both stay as they were (the staged folder
    is removed at the next start); a failure says why in Chinese and keeps the old index."""
    notices = prepare(paths, settings.corpus_dir)
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    staged = settings.corpus_dir / f"{index.STAGING}-{os.getpid()}"
    shutil.rmtree(staged, ignore_errors=True)
    try:
        staged.mkdir()
        for existing in list(settings.corpus_dir.glob("*.txt")) + list(settings.corpus_dir.glob(MANIFEST)):
            _link(existing, staged / existing.name)
        for notice in notices:
            (staged / notice.id).write_text(notice.original, encoding="utf-8")

        def publish() -> None:
            for notice in notices:
                os.replace(staged / notice.id, settings.corpus_dir / notice.id)

        index.build(settings, source=staged, publish=publish)
    except OSError as exc:
        for notice in notices:  # published but the swap failed: take the files back out
            if not (staged / notice.id).exists() and (settings.corpus_dir / notice.id).exists():
                os.replace(settings.corpus_dir / notice.id, staged / notice.id)
        why = "磁盘空间不足" if exc.errno == errno.ENOSPC else f"写入失败（{exc.strerror or exc}）"
        raise IngestError(f"导入未完成：{why}；通知库和索引保持导入前的状态。") from exc
    except Exception as exc:  # the vector store's own errors (a full disk among them)
        raise IngestError(f"导入未完成：建立索引失败（{type(exc).__name__}）；通知库和索引保持导入前的状态。") from exc
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return [n.meta() for n in notices]


def _link(source: Path, target: Path) -> None:
    """A hard link where the file system allows one (no copy of the corpus), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def describe(meta: dict[str, object]) -> str:
    """What was read from an imported notice, for the ingest message: issuer, kind, year and where
    the year came from, so a wrong guess is seen at once (and corrected in corpus/manifest.yaml)."""
    year = f"{meta.get('year')}年" + (f"，年份取自{meta['year_source']}" if meta.get("year_source") else "")
    kind = notice_kind(str(meta.get("kind")))
    return f"{meta['source']}（{year}；发文单位：{meta.get('issuer') or '未识别'}；类型：{kind}；{meta.get('title')}）"
