"""Curated answers: saved only on verbatim passages, given first to the same question worded
apart, flagged and dropped when their notice goes, exported and imported; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answer.compose import Answer, quote_found
from assistant.answer.curated import CURATED_MARK, OWN_LABEL, CuratedQuote, bearing, curated_first
from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.model import AnswerKind
from assistant.staff.curated import COLUMNS, CuratedRefused, CuratedStore, passages
from assistant.staff.database import Database
from assistant.staff.export import export_file

from .conftest import ROOT

QUESTION = "获奖的证书什么时候寄出来？"
ANSWER = "证书由组织单位在榜单发布后统一寄送。"


def _quote(bot: Assistant, query: str = "发布推介") -> CuratedQuote:
    found = passages(bot.retriever, bot.notices, query)
    assert found, query
    return found[0]


@pytest.fixture()
def curated_bot(small_settings: Settings, staff_db: Database) -> tuple[Assistant, CuratedStore]:
    bot = Assistant(small_settings)
    store = CuratedStore(staff_db)
    bot.curated = store
    return bot, store


def test_passages_are_verbatim_lines_with_their_spans(curated_bot) -> None:  # noqa: ANN001
    bot, _ = curated_bot
    found = passages(bot.retriever, bot.notices, "终评评审")
    assert found and all(bot.notices[q.notice].original[q.start : q.end] == q.quote for q in found)
    assert "终评" in found[0].quote
    assert passages(bot.retriever, bot.notices, "   ") == []


def test_only_verbatim_passages_are_accepted(curated_bot) -> None:  # noqa: ANN001
    bot, store = curated_bot
    real = _quote(bot)
    forged = CuratedQuote(real.notice, "", real.section, real.start, real.end, "评审费为每项五千元")
    with pytest.raises(CuratedRefused, match="不是通知"):
        store.save(QUESTION, ANSWER, [forged], bot.notices)
    with pytest.raises(CuratedRefused, match="至少选择"):
        store.save(QUESTION, ANSWER, [], bot.notices)
    with pytest.raises(CuratedRefused, match="答案"):
        store.save(QUESTION, " ", [real], bot.notices)
    with pytest.raises(CuratedRefused, match="没有"):
        store.save(QUESTION, ANSWER, [CuratedQuote("nope.txt", "", "", 0, 4, "abcd")], bot.notices)
    # A right quote at a wrong span is found where it is; the notice's digest is recorded.
    moved = CuratedQuote(real.notice, "", real.section, 0, 3, real.quote)
    saved = store.save(QUESTION, ANSWER, [moved], bot.notices)
    assert saved.quotes[0].start == real.start and saved.quotes[0].sha256 == bot.notices[real.notice].sha256
    assert store.all() == [saved]


def test_the_same_question_worded_apart_gets_the_curated_answer_first(curated_bot) -> None:  # noqa: ANN001
    bot, store = curated_bot
    quote = _quote(bot)
    store.save(QUESTION, ANSWER, [quote], bot.notices, variants=["证书啥时候寄"])
    for asked in (QUESTION, "获奖证书什么时候寄出？", "证书啥时候寄"):
        ans = bot.answer(asked)
        assert ans.kind == AnswerKind.CURATED and ans.answer.startswith(CURATED_MARK + ANSWER), asked
        assert ans.citations[0].quote == quote.quote and quote_found(ans.citations[0], bot.notices)
    other = bot.answer("2023年先导技术榜申报截止时间")
    assert other.kind != AnswerKind.CURATED and CURATED_MARK not in other.answer


def test_the_assistants_own_answer_follows_when_it_differs(curated_bot) -> None:  # noqa: ANN001
    bot, _ = curated_bot
    quote = _quote(bot)
    from assistant.answer.curated import CuratedAnswer

    curated = CuratedAnswer(1, QUESTION, ANSWER, (quote,))
    own = bot.answer("2023年终评评审什么时候")
    shown = curated_first(curated, own, bot.notices)
    assert shown.answer.startswith(CURATED_MARK) and OWN_LABEL in shown.answer
    assert len(shown.citations) == 1 + len({(c.source, c.start) for c in own.citations} - {(quote.notice, quote.start)})
    declined = curated_first(curated, Answer("通知中未找到相关内容。", AnswerKind.DECLINE), bot.notices)
    assert OWN_LABEL not in declined.answer and declined.kind == AnswerKind.CURATED


def test_a_disabled_or_replaced_notice_flags_the_answer_and_it_is_no_longer_used(curated_bot, tmp_path: Path) -> None:  # noqa: ANN001
    bot, store = curated_bot
    quote = _quote(bot)
    saved = store.save(QUESTION, ANSWER, [quote], bot.notices)
    bot.manage("disable", quote.notice)
    ans = bot.answer(QUESTION)
    assert ans.kind != AnswerKind.CURATED and CURATED_MARK not in ans.answer
    flagged = store.get(saved.id)
    assert flagged.status == "review" and "停用" in flagged.review_reason
    with pytest.raises(CuratedRefused):
        store.approve(saved.id, bot.notices)
    bot.manage("enable", quote.notice)
    assert bot.answer(QUESTION).kind != AnswerKind.CURATED  # flagged stays flagged until approved
    store.approve(saved.id, bot.notices)
    assert bot.answer(QUESTION).kind == AnswerKind.CURATED
    # Replaced (a corrected text under the same name): the digest differs, so it is flagged again.
    corrected = tmp_path / quote.notice
    corrected.write_text(bot.notices[quote.notice].original + "\n（更正：补充说明一句。）\n", encoding="utf-8")
    bot.manage("replace", quote.notice, corrected)
    assert not bearing(store.get(saved.id), bot.notices).ok
    assert store.sweep(bot.notices) and store.get(saved.id).status == "review"
    assert bot.answer(QUESTION).kind != AnswerKind.CURATED


def test_a_broken_store_never_costs_the_answer(small_settings: Settings) -> None:
    class Broken:
        def match(self, question: str) -> None:
            raise RuntimeError("database down")

        def flag(self, curated_id: int, reason: str) -> None:
            raise AssertionError

    bot = Assistant(small_settings)
    bot.curated = Broken()  # type: ignore[assignment]
    ans = bot.answer("2023年先导技术榜申报截止时间")
    assert ans.kind == AnswerKind.RULE and "11月30日" in ans.answer


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_and_import_round_trip_and_a_bad_row_imports_nothing(curated_bot, fmt: str, tmp_path: Path) -> None:  # noqa: ANN001
    bot, store = curated_bot
    saved = store.save("=HYPERLINK(问题)", ANSWER, [_quote(bot), _quote(bot, "终评评审")], bot.notices, ["另一种问法"])
    path = export_file("curated", COLUMNS, store.export_rows(), fmt)
    store.delete(saved.id)
    assert store.all() == []
    again = store.import_file(path, bot.notices)
    assert [(c.question, c.answer, c.quotes, c.variants) for c in again] == \
        [(saved.question, saved.answer, saved.quotes, saved.variants)]
    rows = store.export_rows()
    bad = json.loads(rows[0][4])
    bad[0]["quote"] = "通知里没有的话"
    broken = export_file("broken", COLUMNS, [rows[0], [None, "新问题", "", "新答案", json.dumps(bad, ensure_ascii=False),
                                                         "active", "", ""]], fmt)
    with pytest.raises(CuratedRefused, match="第 3 行"):
        store.import_file(broken, bot.notices)
    assert len(store.all()) == 1  # nothing of the file was imported


def test_cli_lists_exports_and_imports(small_settings: Settings, tmp_path: Path) -> None:
    bot = Assistant(small_settings)
    db = tmp_path / "staff.sqlite3"
    CuratedStore(db).save(QUESTION, ANSWER, [_quote(bot)], bot.notices)
    env = {"CORPUS_DIR": str(small_settings.corpus_dir), "INDEX_DIR": str(small_settings.index_dir),
           "FEEDBACK_DB": str(db), "DENSE": "0", "PATH": "/usr/bin:/bin"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "assistant", "curated", *args], env=env, capture_output=True,
                              text=True, timeout=120, cwd=ROOT)

    listed = cli("list", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["问题"] == QUESTION
    out = tmp_path / "审定.xlsx"
    assert cli("export", str(out)).returncode == 0 and out.exists()
    done = cli("import", str(out))
    assert done.returncode == 0 and "已导入 1 条" in done.stdout
    assert len(CuratedStore(db).all()) == 1  # rewritten in place (same 编号), not duplicated
    bad = tmp_path / "bad.csv"
    bad.write_text("问题,审定答案\n只有两列,没有引用\n", encoding="utf-8")
    failed = cli("import", str(bad))
    assert failed.returncode == 1 and "缺少列" in failed.stderr
    missing = cli("import", str(tmp_path / "没有这个文件.csv"))
    assert missing.returncode == 1 and "无法读取文件" in missing.stderr and "Traceback" not in missing.stderr
