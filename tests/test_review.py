"""What was understood of a notice before anyone asks (ingest/review.py), its self-test
(staff/selftest.py), staff's corrections (ingest/manage.correct) and `inspect`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.assistant import Assistant
from assistant.ingest import index, manage
from assistant.ingest.facts import extract_facts
from assistant.ingest.identity import IssuerSource
from assistant.ingest.importer import IngestError
from assistant.ingest.notices import make_notice
from assistant.ingest.review import Part, review
from assistant.ingest.textmap import normalize_for_match
from assistant.model import ContactFact, DeadlineFact, QuotaFact
from assistant.staff import selftest

from .conftest import FIXTURES, ROOT

ISSUERS = FIXTURES / "issuers"
PARTS_OF = {QuotaFact: Part.QUOTAS, DeadlineFact: Part.DEADLINES, ContactFact: Part.CONTACTS}


@pytest.mark.parametrize("path", sorted(ISSUERS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_fixture_notice_is_reviewed_with_its_identity_and_quotes(path: Path) -> None:
    notice = make_notice(path.name, path.read_text(encoding="utf-8"))
    facts = extract_facts(notice)
    found = review(notice, facts)
    labels = {f.label for f in found.part(Part.IDENTITY)}
    assert {"标题", "发文单位", "通知类型", "年度", "日期"} <= labels
    for kind, part in PARTS_OF.items():  # each kind of fact read is shown
        if any(isinstance(f, kind) for f in facts):
            assert found.part(part), (path.name, part)
    original = normalize_for_match(notice.original)
    for f in found.findings:  # every quote is the notice's own text
        assert normalize_for_match(f.quote) in original, (f.label, f.quote)
    if not notice.issuer:
        assert any("发文单位" in w for w in found.warnings)


def test_warnings_name_what_a_notice_lacks() -> None:
    bare = make_notice("bare.txt", "关于组织推荐2025年“科创中国”系列榜单的通知\n各会员单位：\n请踊跃申报新锐企业榜。联系人：王明。\n")
    warnings = " ".join(review(bare).warnings)
    assert "未找到发文单位" in warnings and "未找到任何截止时间" in warnings and "未找到联系人" in warnings
    signed = make_notice("signed.txt", (ISSUERS / "jiangbei_electronics_2023.txt").read_text(encoding="utf-8"))
    assert not any("发文单位" in w for w in review(signed).warnings)


def test_probes_are_made_from_the_notice_facts_and_graded_like_eval() -> None:
    notice = make_notice("js.txt", (ISSUERS / "jiangbei_electronics_2023.txt").read_text(encoding="utf-8"))
    made = selftest.probes(notice, extract_facts(notice))
    assert made and all(notice.issuer in p.question for p in made)
    assert any(p.source.startswith("截止时间") for p in made) and any(p.source.startswith("名额") for p in made)
    from assistant.answer.compose import Answer
    from assistant.model import AnswerKind

    p = made[0]
    assert selftest.grade(p, Answer(f"截止：{p.expected}。", AnswerKind.RULE))
    assert not selftest.grade(p, Answer("通知中未找到相关信息。", AnswerKind.DECLINE))
    assert not selftest.grade(p, Answer("x" * 300 + p.expected, AnswerKind.RULE))  # only the first 300 characters count


def test_self_test_is_kept_with_the_notice_and_forgotten_when_its_text_changes(tmp_path: Path, small_settings) -> None:
    bot = Assistant(small_settings)
    src = tmp_path / "jiangbei.txt"
    src.write_text((ISSUERS / "jiangbei_electronics_2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    name = str(bot.ingest([src])[0]["source"])
    result = bot.self_test(name)
    assert result.results and result.passed >= len(result.results) - 1, selftest.lines(result)
    rows = {r.file: r for r in manage.list_notices(small_settings, bot.notices, bot.store.chunks, bot.facts)}
    assert rows[name].selftest == f"自测 {result.summary}"
    assert selftest.load(small_settings.corpus_dir, bot.notices[name]).summary == result.summary
    changed = tmp_path / "changed.txt"
    changed.write_text(src.read_text(encoding="utf-8") + "\n补充：请各单位按时报送。\n", encoding="utf-8")
    bot.manage("replace", name, changed)
    assert selftest.load(small_settings.corpus_dir, bot.notices[name]) is None  # a result for the old text
    rows = {r.file: r for r in manage.list_notices(small_settings, bot.notices, bot.store.chunks, bot.facts)}
    assert rows[name].selftest == "未自测"


def test_a_corrected_issuer_is_written_to_the_manifest_and_answered(tmp_path: Path, small_settings) -> None:
    bot = Assistant(small_settings)
    src = tmp_path / "unsigned.txt"
    src.write_text("关于组织推荐2024年“科创中国”系列榜单的通知\n各会员单位：\n根据《中国科协办公厅关于征集遴选2024年“科创中国”系列榜单的通知》"
                   "（科协办函创字〔2024〕51号），请于2024年11月8日前将新锐企业榜申报材料报送秘书处。\n联系人：顾青，电话：025-84460011。\n",
                   encoding="utf-8")
    name = str(bot.ingest([src])[0]["source"])
    assert bot.notices[name].issuer == ""
    bot.correct(name, {"issuer": "江东省未来产业学会"})
    corrected = bot.notices[name]
    assert corrected.issuer == "江东省未来产业学会" and corrected.issuer_source == IssuerSource.MANIFEST
    manifest = yaml.safe_load((small_settings.corpus_dir / "manifest.yaml").read_text(encoding="utf-8"))
    assert manifest[name]["issuer"] == "江东省未来产业学会"
    ans = bot.answer("江东省未来产业学会新锐企业榜材料哪天截止？")
    assert "11月8日" in ans.answer and ans.citations[0].source == name


def test_a_bad_or_failed_correction_leaves_the_manifest_as_it_was(small_settings, monkeypatch: pytest.MonkeyPatch) -> None:
    name = sorted(p.name for p in small_settings.corpus_dir.glob("*.txt"))[1]
    manifest = small_settings.corpus_dir / "manifest.yaml"
    before = manifest.read_bytes() if manifest.exists() else None
    for changes in ({"year": "明年"}, {"kind": "other"}, {"title": "x"}, {"issuer": "x" * 80}):
        with pytest.raises(IngestError):
            manage.correct(small_settings, name, changes)
    with pytest.raises(IngestError):
        manage.correct(small_settings, "../secret.txt", {"year": 2023})

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(index, "build", broken)
    with pytest.raises(OSError):
        manage.correct(small_settings, name, {"year": 2021})
    assert (manifest.read_bytes() if manifest.exists() else None) == before
    assert not list(small_settings.corpus_dir.glob(".manifest.yaml.*"))


def test_inspect_shows_what_would_be_read_before_import(tmp_path: Path) -> None:
    path = ISSUERS / "jiangbei_electronics_2023.txt"
    run = subprocess.run([sys.executable, "-m", "assistant", "inspect", str(path), "--json", "--no-selftest"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["identity"]["issuer"] and data["identity"]["year"] == 2023
    assert {f["part"] for f in data["findings"]} >= {"身份", "名额", "截止时间", "联系人"}
    missing = subprocess.run([sys.executable, "-m", "assistant", "inspect", str(tmp_path / "none.txt")],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
