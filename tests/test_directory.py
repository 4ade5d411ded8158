"""Directory tables and feedback storage, the data behind two of the app's tabs."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import yaml

from assistant.staff.directory import contact_table, quota_table, schedule_table
from assistant.staff.feedback import FeedbackStore

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "facts.yaml").read_text(encoding="utf-8"))


def test_contact_table_search_and_filters(bot) -> None:
    table = contact_table(bot.facts)
    for gold in GOLDEN.values():
        for person, phones in gold["contacts"].items():
            rows = table.filter(person, year=gold["year"]).rows
            assert rows and all(str(p) in rows[0][5] for p in phones), person
    assert all(r[0] == 2021 for r in table.filter(year="2021").rows)
    assert table.filter("没有这个人").rows == []


def test_schedule_and_quota_tables_cover_every_year(bot) -> None:
    for table in (schedule_table(bot.facts), quota_table(bot.facts)):
        assert {r[0] for r in table.rows} >= {g["year"] for g in GOLDEN.values()}


def test_csv_export_opens_in_excel(bot) -> None:
    text = quota_table(bot.facts).filter(year=2022).to_csv()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["年份", "榜单", "名额"] and len(rows) > 2


def test_feedback_is_transactional_and_exported(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    answer = {"answer": "回答", "kind": "rule", "citations": [{"source": "x.txt"}]}
    first = store.add("问题一", answer, 1, "好")
    store.add("问题二" * 5000, answer, -1)  # over-long text is cut, not refused
    # A second connection sees both rows at once: each add committed on its own.
    with sqlite3.connect(tmp_path / "fb.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 2
    reopened = FeedbackStore(tmp_path / "fb.sqlite3")
    assert [r[0] for r in reopened.rows()] == [first + 1, first]
    assert "问题一" in reopened.to_csv()
    assert reopened.summary()[1][2] == "有帮助"


def test_list_filter_keeps_every_years_name_of_a_list(bot) -> None:  # noqa: ANN001
    """The 2021 name 产学研融通组织榜 and the later 融通创新组织榜 are one list: one filter finds both."""
    from assistant.names import list_key

    family = list_key("产学研融通组织榜")
    rows = contact_table(bot.facts).filter(list_key=family).rows
    assert {r[0] for r in rows} >= {2021, 2022, 2023}
    assert any("产学研融通组织榜" in str(r[1]) for r in rows) and any("融通创新组织榜" in str(r[1]) for r in rows)
