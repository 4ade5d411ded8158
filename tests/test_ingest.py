"""Adding notices: new styles work with no code change; bad files leave corpus and index as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.ingest import index
from assistant.ingest.importer import IngestError, ingest_files

from .conftest import FIXTURES


def snapshot(settings) -> tuple[list[str], str]:
    return sorted(p.name for p in settings.corpus_dir.iterdir()), (settings.index_dir / "meta.json").read_text()


def test_gbk_notice_in_a_new_style_is_ingested_and_answered(tmp_path: Path, small_settings) -> None:
    bot = Assistant(small_settings)
    src = tmp_path / "未来学会 2024 通知.txt"
    src.write_bytes((FIXTURES / "new_style_2024.txt").read_text(encoding="utf-8").encode("gbk"))
    added = bot.ingest([src])
    assert added[0]["year"] == 2024 and (small_settings.corpus_dir / added[0]["source"]).exists()
    ans = bot.answer("2024年海洋创新榜联系人")
    assert ans.kind == "rule" and "欧阳明" in ans.answer
    assert ans.citations[0].source == added[0]["source"]
    ans = bot.answer("2024年申报截止时间")
    assert "2024年10月20日24时" in ans.answer.splitlines()[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("empty.txt", b"", "为空"), ("binary.txt", bytes(range(256)) * 4, "二进制"), ("broken.docx", b"PK\x03\x04junk", "docx"),
     ("broken.pdf", b"%PDF-1.7\n%%EOF", "pdf"), ("notes.txt", "这是一段没有任何年份信息的普通文字，用来说明一些事情，并不是一份榜单通知。".encode(), "年份")],
)
def test_bad_files_change_nothing(tmp_path: Path, small_settings, name: str, data: bytes, message: str) -> None:
    index.build(small_settings)
    before = snapshot(small_settings)
    bad = tmp_path / name
    bad.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        ingest_files([bad], small_settings)
    assert snapshot(small_settings) == before


def test_duplicate_notice_is_refused(tmp_path: Path, small_settings) -> None:
    index.build(small_settings)
    before = snapshot(small_settings)
    dup = tmp_path / "copy.txt"
    shutil.copy(small_settings.corpus_dir / "002_fb583755716e2dea.txt", dup)
    with pytest.raises(IngestError, match="内容相同"):
        ingest_files([dup], small_settings)
    assert snapshot(small_settings) == before


def test_failed_build_rolls_back_the_corpus(tmp_path: Path, small_settings, monkeypatch: pytest.MonkeyPatch) -> None:
    index.build(small_settings)
    before = snapshot(small_settings)

    def boom(settings, source=None, publish=None):  # noqa: ANN001, ANN202
        raise RuntimeError("disk full")

    monkeypatch.setattr(index, "build", boom)
    src = tmp_path / "n.txt"
    shutil.copy(FIXTURES / "new_style_2024.txt", src)
    with pytest.raises(IngestError, match="建立索引失败"):  # said in Chinese, never a traceback
        ingest_files([src], small_settings)
    assert snapshot(small_settings) == before


def test_odd_file_names_are_made_safe(tmp_path: Path, small_settings) -> None:
    index.build(small_settings)
    src = tmp_path / "..;rm -rf ..通知<2024>.txt"  # a real file whose name starts with ".."
    shutil.copy(FIXTURES / "new_style_2024.txt", src)
    added = ingest_files([src], small_settings)
    name = added[0]["source"]
    assert "/" not in name and ";" not in name and "<" not in name and not name.startswith(".")
    assert (small_settings.corpus_dir / name).resolve().parent == small_settings.corpus_dir.resolve()


def test_stale_index_is_rebuilt_when_corpus_changes(small_settings) -> None:
    index.build(small_settings)
    assert index.is_stale(small_settings) is None
    (small_settings.corpus_dir / "manifest.yaml").write_text("000_bdf3f020075b1a4d.txt: {issuer: 测试}\n", encoding="utf-8")
    assert index.is_stale(small_settings)


def test_half_written_index_is_detected(small_settings) -> None:
    index.build(small_settings)
    (small_settings.index_dir / "meta.json").write_text("{broken", encoding="utf-8")
    assert index.is_stale(small_settings)
    state = index.ensure(small_settings)
    assert state.facts and index.is_stale(small_settings) is None
