"""Staff and help-desk workflows: managing the notices, triaging a spreadsheet, deadlines as a
calendar, the question log, and exports that are safe to open in Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
import yaml

from assistant.answer.compose import Answer
from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.ingest import index, manage
from assistant.ingest.importer import IngestError
from assistant.model import AnswerKind
from assistant.staff.batch import ADDED, read_sheet, triage_file
from assistant.staff.calendar import select, to_ics
from assistant.staff.export import safe_cell, to_csv, to_xlsx
from assistant.staff.questions import QuestionLog

from .conftest import ROOT, make_settings

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "facts.yaml").read_text(encoding="utf-8"))
FORMULAS = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """BM25 only, over a private copy of the corpus."""
    return Assistant(make_settings(tmp_path_factory.mktemp("staff"), dense=False))


# ---------------------------------------------------------------- notice management


def _cited_sources(bot: Assistant, question: str) -> set[str]:
    return {c.source for c in bot.answer(question).citations}


def test_disable_enable_remove_round_trip(small_settings: Settings) -> None:
    bot = Assistant(small_settings)
    name = next(n for n in bot.notices if n.startswith("001"))
    corpus = small_settings.corpus_dir
    original = (corpus / name).read_text(encoding="utf-8")
    assert name in _cited_sources(bot, "通过学会申报的会员，学会内部的材料截止时间是什么时候？")

    bot.manage("disable", name)
    assert name not in bot.notices and (corpus / manage.DISABLED / name).is_file()
    assert all(f.notice_id != name for f in bot.facts) and all(c.notice_id != name for c in bot.store.chunks)
    assert index.is_stale(small_settings) is None  # the index on disk is the corpus as it now is
    rows = {r.file: r for r in manage.list_notices(small_settings, bot.notices, bot.store.chunks, bot.facts)}
    assert rows[name].enabled is False and rows[name].chunks is None

    bot.manage("enable", name)
    assert name in bot.notices and any(f.notice_id == name for f in bot.facts)

    bot.manage("remove", name)
    assert name not in bot.notices and not (corpus / name).exists()
    (kept,) = (corpus / manage.REMOVED).glob(f"*_{name}")
    assert kept.read_text(encoding="utf-8") == original  # recoverable, byte for byte
    assert name not in _cited_sources(bot, "通过学会申报的会员，学会内部的材料截止时间是什么时候？")


def test_replace_keeps_the_name_and_the_old_text(small_settings: Settings, tmp_path: Path) -> None:
    bot = Assistant(small_settings)
    name = next(n for n in bot.notices if n.startswith("000"))
    old = (small_settings.corpus_dir / name).read_text(encoding="utf-8")
    person = next(iter(GOLDEN["000"]["contacts"]))
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(old.replace(person, "更正人"), encoding="utf-8")
    bot.manage("replace", name, corrected)
    assert "更正人" in bot.answer("2023年新锐企业榜联系人是谁？").answer or "更正人" in bot.notices[name].original
    assert (small_settings.corpus_dir / name).read_text(encoding="utf-8") != old
    assert any(p.read_text(encoding="utf-8") == old for p in (small_settings.corpus_dir / manage.REMOVED).iterdir())


def test_a_failed_rebuild_puts_the_files_back(small_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sorted(p.name for p in small_settings.corpus_dir.glob("*.txt"))
    name = before[0]

    def broken(settings: Settings) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(index, "build", broken)
    with pytest.raises(RuntimeError):
        manage.remove(small_settings, name)
    assert sorted(p.name for p in small_settings.corpus_dir.glob("*.txt")) == before
    assert not list((small_settings.corpus_dir / manage.REMOVED).glob("*")) if (small_settings.corpus_dir / manage.REMOVED).exists() else True


@pytest.mark.parametrize("bad", ["../etc/passwd", "", ".hidden.txt", "nope.txt"])
def test_bad_names_are_refused_in_chinese(small_settings: Settings, bad: str) -> None:
    with pytest.raises(IngestError, match="通知"):
        manage.remove(small_settings, bad)


# ---------------------------------------------------------------- batch triage

ENQUIRIES = [
    "2023年先导技术榜的申报截止时间是什么时候？",
    "老师好，平台登录不上，提示验证码错误，怎么办？",
    "我们单位新锐企业榜能推荐几个？谢谢",
    "2023年电子信息领域先导技术榜的联系人是谁？",
    "申报表里的技术简介限多少字？",
    "学会会员内部报送材料的截止时间？",
    "2022年融通创新组织榜的初评机构是哪家",
]


def _inbox(rows: int = 200) -> list[list[object]]:
    """Our own inbox: enquiries in several voices, with blank and non-Chinese rows among them."""
    out: list[list[object]] = []
    for i in range(rows):
        if i % 17 == 5:
            text = ""
        elif i % 23 == 7:
            text = "Hello, when is the deadline?"
        elif i % 31 == 3:
            text = "   "
        else:
            text = ENQUIRIES[i % len(ENQUIRIES)] + ("" if i % 3 else f"（第{i}封邮件）")
        out.append([f"T{i:04d}", f"user{i}@example.org", text])
    return out


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_200_row_inbox_is_triaged_row_by_row(plain: Assistant, tmp_path: Path, suffix: str) -> None:
    rows = _inbox()
    src = tmp_path / f"inbox{suffix}"
    columns = ["编号", "来信邮箱", "内容"]
    if suffix == ".xlsx":
        to_xlsx(columns, rows, src)
    else:
        src.write_text(to_csv(columns, rows), encoding="utf-8")
    dst = tmp_path / f"routed{suffix}"
    seen: list[int] = []

    def progress(it, n):  # noqa: ANN001, ANN202
        for i in it:
            seen.append(i)
            yield i

    triage_file(plain, src, dst, progress)
    routed = read_sheet(dst)
    assert routed.columns == [*columns, *ADDED] and len(seen) == 200
    assert [r[0] for r in routed.rows] == [r[0] for r in rows]  # every row, in order, other columns kept
    status = {r[0]: r[3] for r in routed.rows}
    for r in rows:
        text = str(r[2]).strip()
        if not text:
            assert status[r[0]].startswith("空白")
        elif "Hello" in text:
            assert status[r[0]].startswith("不含中文")
        else:
            assert status[r[0]] == "已处理"
    done = [r for r in routed.rows if r[3] == "已处理"]
    assert all(r[5] and r[9] for r in done)  # a contact to route to and an answer, every time
    tech = next(r for r in done if "登录" in str(r[2]))
    assert tech[4] == "申报系统技术问题"


# ---------------------------------------------------------------- calendar


def test_calendar_holds_every_deadline_of_every_year(plain: Assistant) -> None:
    cal = icalendar.Calendar.from_ical(to_ics(select(plain.facts, plain.notices), plain.notices))
    events = list(cal.walk("VEVENT"))
    starts: dict[dt.date, list[object]] = {}
    for e in events:
        start = e.decoded("dtstart")
        starts.setdefault(start.date() if isinstance(start, dt.datetime) else start, []).append(start)
        assert str(e.get("summary")).startswith(("2020年", "2021年", "2022年", "2023年"))
        assert "来源：" in str(e.get("description"))
    for key, gold in GOLDEN.items():
        for day in gold["deadlines"]:
            assert day in starts, (key, day)
    # "2023年11月30日24时" is the end of that day, Shanghai time; a date alone is an all-day event.
    platform = [s for s in starts[dt.date(2023, 11, 30)] if isinstance(s, dt.datetime)]
    assert platform and platform[0].hour == 23 and platform[0].minute == 59 and str(platform[0].tzinfo) == "Asia/Shanghai"
    internal = [s for s in starts[dt.date(2023, 11, 20)] if isinstance(s, dt.datetime)]
    assert internal and internal[0].hour == 17


def test_calendar_filters_by_year_and_issuer(plain: Assistant) -> None:
    facts = select(plain.facts, plain.notices, year=2022)
    assert facts and {f.year for f in facts} == {2022}
    assert select(plain.facts, plain.notices, issuer="没有这个单位") == []


# ---------------------------------------------------------------- question log


def _answer(kind: AnswerKind, relevance: float | None = None, text: str = "回答") -> Answer:
    return Answer(text, kind, relevance=relevance, latency_ms=3.0)


def test_question_log_groups_what_was_not_answered(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "log.sqlite3")
    log.record("2023年的评审费是多少？", _answer(AnswerKind.DECLINE, 0.1))
    log.record("2023年评审费多少钱", _answer(AnswerKind.DECLINE, 0.1))
    log.record("2023年评审费是多少", _answer(AnswerKind.DECLINE, 0.2))
    log.record("获奖证书什么时候寄？", _answer(AnswerKind.RETRIEVAL, 0.4))
    log.record("附件怎么盖章", _answer(AnswerKind.RETRIEVAL, 0.9, "通知中未找到直接回答该问题的内容。"))
    good = log.record("2023年申报截止时间", _answer(AnswerKind.RULE))
    disliked = log.record("新锐企业榜名额", _answer(AnswerKind.RULE))
    log.rate(disliked, -1)
    groups = log.unanswered()
    assert groups[0].count == 3 and "评审费" in groups[0].question and groups[0].reasons == {"未能回答"}
    reasons = {g.question: g.reasons for g in groups}
    assert reasons["获奖证书什么时候寄？"] == {"相关度低"} and reasons["附件怎么盖章"] == {"相关度低"}
    assert reasons["新锐企业榜名额"] == {"用户点了👎"}
    assert all(g.question != "2023年申报截止时间" for g in groups) and good
    assert "3 次" in log.report() and log.count() == 7


def test_question_log_honours_retention(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "log.sqlite3", retention_days=30)
    now = dt.datetime(2023, 12, 1, 12, 0)
    log.record("很久以前的问题", _answer(AnswerKind.DECLINE), now=now - dt.timedelta(days=31))
    log.record("最近的问题", _answer(AnswerKind.DECLINE), now=now - dt.timedelta(days=29))
    assert log.purge(now=now) == 1
    assert [r[2] for r in log.rows()] == ["最近的问题"]
    assert [r[2] for r in log.rows(since="2023-11-15")] == []


# ---------------------------------------------------------------- exports


def test_exports_neutralise_formulas(tmp_path: Path) -> None:
    rows = [[f, 1, None] for f in FORMULAS]
    text = to_csv(["问题", "数", "空"], rows)
    cells = [r[0] for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))][1:]
    assert all(c.startswith("'") for c in cells), cells
    path = to_xlsx(["问题", "数", "空"], rows, tmp_path / "x.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    values = [sheet.cell(row=i + 2, column=1).value for i in range(len(FORMULAS))]
    assert all(v.startswith("'") for v in values) and sheet.cell(row=2, column=1).data_type == "s"
    assert safe_cell("2023年") == "2023年" and safe_cell(-1) == -1


def test_directory_csv_of_notice_text_is_safe(plain: Assistant) -> None:
    from assistant.staff.directory import quota_table

    text = quota_table(plain.facts, plain.notices).to_csv()
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        assert not any(c.startswith(("=", "+", "-", "@")) for c in row), row


# ---------------------------------------------------------------- command line


def _cli(base: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CORPUS_DIR": str(base / "corpus"), "INDEX_DIR": str(base / "index"), "DENSE": "0",
           "FEEDBACK_DB": str(base / "fb.sqlite3"), "ASSISTANT_TODAY": "2023-11-25"}
    return subprocess.run([sys.executable, "-m", "assistant", *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=300)


def test_cli_notices_calendar_and_report(tmp_path: Path) -> None:
    make_settings(tmp_path, dense=False)
    listed = _cli(tmp_path, "notices", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 5 and all(r["enabled"] and r["facts"] > 0 for r in rows)
    ics = _cli(tmp_path, "calendar", "--year", "2022")
    assert ics.returncode == 0 and "BEGIN:VCALENDAR" in ics.stdout
    assert all(str(e.get("summary")).startswith("2022年") for e in icalendar.Calendar.from_ical(ics.stdout).walk("VEVENT"))
    log = QuestionLog(tmp_path / "fb.sqlite3")
    log.record("评审费多少", _answer(AnswerKind.DECLINE))
    report = _cli(tmp_path, "report", "--since", "2000-01-01")
    assert report.returncode == 0 and "评审费多少" in report.stdout
    name = rows[0]["file"]
    assert _cli(tmp_path, "disable", name).returncode == 0
    assert json.loads(_cli(tmp_path, "notices", "--json").stdout)[-1] == {**rows[0], "enabled": False, "chunks": None, "facts": None}
    failed = _cli(tmp_path, "remove", "../../etc/passwd")
    assert failed.returncode == 1 and "无效的通知文件名" in failed.stderr


def test_cli_triage_file(tmp_path: Path) -> None:
    make_settings(tmp_path, dense=False)
    src = tmp_path / "inbox.csv"
    src.write_text(to_csv(["内容"], [[ENQUIRIES[0]], [""], ["no chinese"]]), encoding="utf-8")
    done = _cli(tmp_path, "triage", "--file", str(src), "--out", str(tmp_path / "out.xlsx"))
    assert done.returncode == 0, done.stderr
    assert "已分流 1 条" in done.stdout and "分流" in done.stderr  # tqdm's bar goes to stderr
    assert [r[1] for r in read_sheet(tmp_path / "out.xlsx").rows] == ["已处理", "空白，未处理", "不含中文，未处理（请用中文描述问题）"]


def test_the_app_logs_every_question_and_its_rating(plain: Assistant, tmp_path: Path) -> None:
    from assistant.interfaces.pages import Ui
    from assistant.staff.feedback import FeedbackStore

    questions = QuestionLog(tmp_path / "fb.sqlite3")
    ui = Ui(plain, FeedbackStore(tmp_path / "fb.sqlite3"), questions)
    ui.answer_api("明天北京天气怎么样？")
    *_, last = ui.ask("2023年新锐企业榜的评审费是多少？", [], "s1", "全部", "全部")
    record = last[4]
    assert ui.rate(record, "没用", -1).startswith("已记录")
    rows = {r[2]: r for r in questions.rows()}
    assert rows["明天北京天气怎么样？"][7] == "api" and rows["明天北京天气怎么样？"][3] == "decline"
    assert rows["2023年新锐企业榜的评审费是多少？"][7] == "app" and rows["2023年新锐企业榜的评审费是多少？"][8] == -1
    note, table = ui.list_questions("")
    assert "共记录 2 个问题" in note and {r[1] for r in table} == set(rows)
