"""Many notices from many issuers: fixture notices we wrote in the styles real forwarding, internal
and stand-alone notices use (ASCII punctuation, a one-line contact, an issuer only in the sign-off,
a Traditional-character text, a text cut mid-sentence, a year fused to a list name, one society's
notices of two years, Markdown pasted from a web page with dot dates and a sign-off in Chinese
numerals, a city 科协's file with an unlabelled contact line, an association's letter with 【】
labels, a university's notice with a contact table, a society's file with a quota table and a contact in
a sentence, an ASCII-punctuated notice under an English letterhead, a college's
post to a chat group with emoji-led lines), imported with one `ingest` beside the real notices."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.ingest.importer import describe, ingest_files
from assistant.tools.evaluate import grade, load_questions

from .conftest import CORPUS, FIXTURES

ISSUERS = FIXTURES / "issuers"
QUESTIONS = FIXTURES / "issuers_questions.jsonl"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, list[dict[str, object]]]:
    base = tmp_path_factory.mktemp("issuers")
    shutil.copytree(CORPUS, base / "corpus")
    settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index", dense=False, today=dt.date(2023, 10, 20))
    added = ingest_files(sorted(ISSUERS.glob("*.txt")), settings)
    return Assistant(settings), added


@pytest.fixture(scope="module")
def many(imported: tuple[Assistant, list[dict[str, object]]]) -> Assistant:
    return imported[0]


def test_every_fixture_notice_ingests_with_its_identity(imported: tuple[Assistant, list[dict[str, object]]]) -> None:
    _, added = imported
    by_file = {str(a["source"]): a for a in added}
    assert len(by_file) == len(list(ISSUERS.glob("*.txt")))
    expected = {  # (issuer, kind, year) as each notice states them
        "jiangbei_electronics_2023.txt": ("江北省电子学会", "forwarding", 2023),
        "jiangbei_electronics_2022.txt": ("江北省电子学会", "forwarding", 2022),
        "nanhu_university_2023.txt": ("南湖大学科学技术处", "internal", 2023),
        "nanyue_traditional_2023.txt": ("南粤智能制造协会", "forwarding", 2023),
        "dongfang_signoff_2023.txt": ("东方数字经济促进会", "forwarding", 2023),
        "new_materials_society_2023_partial.txt": ("中国新材料应用学会", "forwarding", 2023),
        "open_source_list_2024.txt": ("“科创中国”开源创新联合体", "original", 2024),
        "dongjiang_alliance_2024.txt": ("东江智能制造产业联盟秘书处", "forwarding", 2024),
        "qinghe_city_kexie_2024.txt": ("青河市科学技术协会", "forwarding", 2024),
        "zhedong_equipment_2023.txt": ("浙东装备制造行业协会", "forwarding", 2023),
        "xishan_university_2023.txt": ("西山理工大学科研院", "internal", 2023),
        "donghai_society_2023.txt": ("东海省机械工程学会", "forwarding", 2023),
        "beiling_ascii_2023.txt": ("北岭省自动化学会", "forwarding", 2023),
        "nanxi_college_chat_2023.txt": ("南溪大学材料学院科研办", "internal", 2023),
    }
    for name, (issuer, kind, year) in expected.items():
        meta = by_file[name]
        assert (meta["issuer"], meta["kind"], meta["year"]) == (issuer, kind, year), name
        message = describe(meta)
        assert issuer in message and f"{year}年" in message and "年份取自" in message
    assert by_file["open_source_list_2024.txt"]["campaign"] == "开源创新榜"
    assert by_file["nanhu_university_2023.txt"]["audience"].startswith("各学院")


def test_a_traditional_notice_is_stored_and_cited_in_simplified(many: Assistant) -> None:
    stored = many.notices["nanyue_traditional_2023.txt"].original
    assert "智能制造协会" in stored and "製造" not in stored


def test_fixture_questions(many: Assistant) -> None:
    rows = [grade(item, many.answer(item["q"]), many.notices) for item in load_questions(QUESTIONS)]
    accuracy = sum(r["correct"] and r["right_doc"] is not False for r in rows) / len(rows)
    assert len(rows) >= 90
    # Rules and BM25 only: deterministic, so every question is pinned (one wrong answer is a regression).
    assert accuracy == 1.0, [r["id"] for r in rows if not (r["correct"] and r["right_doc"] is not False)]
    assert all(r["valid"] for r in rows), "a quote is not verbatim in its notice"


@pytest.mark.parametrize("notice", sorted(p.name for p in ISSUERS.glob("*.txt")))
def test_a_named_notice_is_answered_from_itself(many: Assistant, notice: str) -> None:
    """Every deadline, quota and contact of a named notice: the answer cites that notice first, and
    cites another notice only on a line that names it."""
    record = many.notices[notice]
    name = record.issuer.strip("“”")
    for ask in ("的截止时间是哪天", "推荐名额是多少", "的联系人电话"):
        ans = many.answer(f"{record.year}年{name}{ask}")
        assert ans.citations, (notice, ask, ans.answer)
        assert ans.citations[0].source == notice or "未写明" in ans.answer.splitlines()[0], (notice, ask, ans.answer)
        for line in ans.answer.splitlines():
            cited = {c.source for c in ans.citations if f"[{ans.citations.index(c) + 1}]" in line}
            for other in cited - {notice}:
                assert many.store.label(other) in line or "未写明" in line or "平台" in line, (notice, ask, line)


def test_without_a_pointer_the_original_call_answers_and_the_others_are_named(many: Assistant) -> None:
    ans = many.answer("2023年申报截止时间是什么时候？")
    first = ans.answer.splitlines()[0]
    assert "11月30日" in first and ans.citations[0].source.startswith("000")
    note = next(line for line in ans.answer.splitlines() if line.startswith("另：本轮"))
    own = [i for i in many.notices if not many.store.is_original_notice(i) and many.notices[i].year == 2023]
    named = [i for i in own if many.store.label(i) in note]
    assert len(named) == 3 and note.rstrip("。").endswith("份")  # three named, then how many set their own date


def test_a_notice_without_the_fact_says_so_and_labels_the_original(many: Assistant) -> None:
    ans = many.answer("东方数字经济促进会的申报平台网址是什么")
    said = next(line for line in ans.answer.splitlines() if "未写明申报平台" in line)
    assert said.startswith("东方数字经济促进会通知未写明申报平台") and "中国科协办公厅通知" in said
    assert any(c.source.startswith("000") for c in ans.citations)
    # The society's own sentence, if one leads, is the society's (cited from its notice).
    assert ans.answer.index(said) == 0 or ans.citations[0].source.startswith("dongfang")


def test_follow_ups_keep_the_notice(many: Assistant) -> None:
    many.answer("江北省电子学会的联系人是谁？", session_id="issuer-follow-up")
    ans = many.answer("那截止时间呢？", session_id="issuer-follow-up")
    assert "10月25日" in ans.answer.splitlines()[0]


def test_an_issuer_with_two_years_answers_the_latest_unless_asked(many: Assistant) -> None:
    assert "10月25日" in many.answer("江北省电子学会的截止时间").answer.splitlines()[0]
    assert "10月28日" in many.answer("江北省电子学会2022年的截止时间").answer.splitlines()[0]


def test_retrieval_searches_the_named_notice_first(many: Assistant) -> None:
    ans = many.answer("开源创新榜对申报人物有什么要求")
    assert ans.citations and ans.citations[0].source == "open_source_list_2024.txt"


def test_a_year_fused_to_a_list_name_dates_the_notice(tmp_path: Path) -> None:
    from assistant.ingest.identity import identify

    meta = identify("关于开展2025开源创新榜征集活动的通知\n报名截至5月31日。")
    assert meta.year == 2025
    undated = identify("关于开展开源创新榜征集活动的通知\n发布时间:2026-03-02 10:00\n报名截至5月31日。")
    assert undated.year == 2026 and "发布时间" in str(undated.year_source)
    signed = identify("关于推荐候选的通知\n各会员单位：\n请按时报送。\n某某学会\n2027年4月1日")
    assert (signed.year, signed.issuer) == (2027, "某某学会")


UNDATED = "关于推荐候选项目的通知\n各会员单位：\n请于月底前将推荐材料报送本会秘书处。\n联系人：钱老师，电话：027-88886666\n"


def test_a_notice_nothing_dates_is_refused_and_the_manifest_dates_it(small_settings: Settings, tmp_path: Path) -> None:
    from assistant.ingest.importer import IngestError

    path = tmp_path / "undated.txt"
    path.write_text(UNDATED, encoding="utf-8")
    before = sorted(p.name for p in small_settings.corpus_dir.iterdir())
    with pytest.raises(IngestError, match="未能从标题、文号、发布时间、落款或正文日期中识别年份"):
        ingest_files([path], small_settings)
    assert sorted(p.name for p in small_settings.corpus_dir.iterdir()) == before
    (small_settings.corpus_dir / "manifest.yaml").write_text(
        "undated.txt: {year: 2023, issuer: 华中某某学会, kind: forwarding}\n", encoding="utf-8")
    (meta,) = ingest_files([path], small_settings)
    assert (meta["year"], meta["issuer"], meta["kind"]) == (2023, "华中某某学会", "forwarding")
    assert "manifest" in describe(meta)
    bot = Assistant(small_settings)
    ans = bot.answer("华中某某学会的联系电话")
    assert "027-88886666" in ans.answer and ans.citations[0].source == "undated.txt"


def test_organisers_are_facts(many: Assistant) -> None:
    ans = many.answer("开源创新榜的承办单位是哪家")
    assert ans.kind == "rule" and "北辰开源软件促进中心" in ans.answer.splitlines()[0]


def test_directory_shows_and_filters_issuer_and_kind(many: Assistant) -> None:
    from assistant.staff.directory import contact_table, schedule_table

    contacts = contact_table(many.facts, many.notices)
    jiangbei = contacts.filter(issuer="江北省电子学会")
    assert {r[jiangbei.columns.index("来源")] for r in jiangbei.rows} == {
        "jiangbei_electronics_2022.txt", "jiangbei_electronics_2023.txt"}
    internal = schedule_table(many.facts, many.notices).filter(kind="单位内部通知")
    assert internal.rows and {r[internal.columns.index("发文单位")] for r in internal.rows} == {
        "南湖大学科学技术处", "北山精密机械研究所", "西山理工大学科研院", "南溪大学材料学院科研办"}


def test_triage_routes_an_enquiry_about_a_notice_to_its_contact(many: Assistant) -> None:
    from assistant.staff.triage import triage

    result = triage(many, "老师好，我们是南粤智能制造协会的会员单位，推荐材料交给谁？谢谢")
    assert result.route is not None and "南粤智能制造协会" in result.route.who
    assert "0755-26660000" in result.route.phones


@pytest.mark.xfail(strict=True, reason="ranker: for a round question with no year, a forwarding notice's quota row outscores the original call's rule value by more than the fitted margin")
def test_a_year_with_only_forwarding_notices_is_not_the_default_round(many: Assistant) -> None:
    """2024 has an alliance's and a city 科协's forwarding notices but no call of CAST's own."""
    unasked = many.answer("先导技术榜名额是多少")
    assert unasked.answer.startswith("2023年") and unasked.citations[0].source.startswith("000")
    asked = many.answer("2024年先导技术榜推荐名额是多少")
    first = asked.answer.splitlines()[0]
    assert first.startswith(many.store.label("dongjiang_alliance_2024.txt")) and "未收录2024年的原始征集通知" in asked.answer
    later = Assistant(replace(many.settings, today=dt.date(2024, 4, 1)))
    this_year = later.answer("今年有哪些榜单")
    assert this_year.answer.startswith("（尚未收录2024年的原始征集通知，以下按最新一轮2023年通知回答。）")
    assert this_year.kind == "rule" and this_year.citations[0].source.startswith("000")


def test_two_issuers_of_different_years_are_each_answered_from_their_latest_notice(many: Assistant) -> None:
    ans = many.answer("东江联盟和浙东装备协会的联系电话分别是多少")
    lines = ans.answer.splitlines()
    assert "020-83216655" in lines[0] and "0574-87663210" in lines[1]
    assert [c.source for c in ans.citations[:2]] == ["dongjiang_alliance_2024.txt", "zhedong_equipment_2023.txt"]


def test_two_steps_of_one_sentence_are_shown_together_and_not_called_inconsistent(many: Assistant) -> None:
    ans = many.answer("西山理工大学校内截止时间")
    assert "11月8日" in ans.answer.splitlines()[0] and "同一句另有" in ans.answer and "11月6日" in ans.answer
    assert "不一致" not in ans.answer
