"""The reader: units keep their structure, the answering sentence comes first, titles never do."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.answer.reader import UnitKind, units
from assistant.answer.understand import answer_type, ask_clauses, understand
from assistant.ingest.chunking import Chunk
from assistant.model import AnswerType

TODAY = dt.date(2023, 10, 20)


def _chunk(text: str, path: list[str]) -> Chunk:
    return Chunk("c1", "n.txt", 2024, path, 0, len(text), 0, len(text), text)


def test_table_rows_are_read_with_their_header_and_fields_with_their_note() -> None:
    text = "单位\t联系人\t电话\n甲市科协\t王敏\t010-61234567\n知识产权情况\n仅限发明专利，请附证明。\n邮箱\n技术团队简介 (200字)"
    found = units(_chunk(text, ["附件1 申报表"]), 0)
    row = next(u for u in found if u.kind == UnitKind.ROW)
    assert row.context == "单位\t联系人\t电话" and "王敏" in row.text
    field = next(u for u in found if u.text == "知识产权情况")
    assert field.kind == UnitKind.FIELD and field.context == "仅限发明专利，请附证明。"
    mail = next(u for u in found if u.text == "邮箱")
    assert mail.context == ""  # the next line is the next field, not what 邮箱 asks


def test_a_run_in_heading_is_read_with_the_sentence_it_heads() -> None:
    text = "（三）校内公示。推荐名单于11月13日至11月16日在信息公开网公示。逾期不再受理。\n特此通知。"
    sentences = [u.text for u in units(_chunk(text, ["四、时间安排"]), 0) if u.kind == UnitKind.SENTENCE]
    assert sentences[0] == "（三）校内公示。推荐名单于11月13日至11月16日在信息公开网公示。"
    assert "逾期不再受理。" in sentences and "特此通知。" in sentences


def test_what_follows_a_step_the_asker_has_done_is_read_after_that_step(bot) -> None:  # noqa: ANN001
    ans = bot.answer("我们已经在科创中国平台把先导技术榜材料都传完了，后面是什么流程？")
    assert "未找到" not in ans.answer
    head = ans.answer[:200]
    assert "初评" in head and "终评" in ans.answer  # the stages after the upload, in order
    assert head.index("初评") < ans.answer.index("终评")


def test_a_quoted_field_is_answered_from_its_unit_whatever_the_ask_s_other_words(bot) -> None:  # noqa: ANN001
    ans = bot.answer("表里“企业所处阶段”有哪几个选项？")
    assert "未找到" not in ans.answer and "成长期" in ans.answer.split("\n")[1]  # not the schedule's stages (阶段)


def test_several_items_asked_alike_show_their_names_and_values_each_cited_at_its_own_place(bot) -> None:  # noqa: ANN001
    ans = bot.answer("融通榜申报表“组织机构简介”后面那几大段，每段最多写多少字？")
    lines = ans.answer.split("\n")
    compact = [line for line in lines if re.match(r"[二三四五六]、[^（]+\[\d+\]：1000字以内\[\d+\]$", line)]
    assert len(compact) >= 4  # "二、创新资源集聚情况：1000字以内", not its whole description
    values = [c for c in ans.citations if c.quote == "1000字以内"]
    assert len({(c.start, c.end) for c in values}) == len(values) >= 4  # each item's own value, not the first one's


def test_the_reader_puts_the_answering_sentence_first(bot) -> None:
    ans = bot.answer("上榜以后有哪些落地推广服务？")
    first = ans.answer.splitlines()[1]
    assert "落地推广" in first and ans.citations
    assert "关于征集遴选" not in first  # never the title


def test_the_words_naming_the_notice_pointed_at_do_not_weigh_as_the_ask(bot) -> None:  # noqa: ANN001
    """"学会转的那个榜单通知，会员先要交个什么表给学会": the society's notice is where to read; its
    opening sentence (学会…会员…榜单…通知) does not answer what to hand in."""
    ans = bot.answer("学会转的那个榜单通知，会员先要交个什么表给学会？")
    first = ans.answer.splitlines()[1]
    assert "申报样表" in first and "Word" in first


def test_answer_type_and_ask_are_read_from_the_asking_clauses() -> None:
    assert answer_type("截止是几号") == AnswerType.DATE
    assert answer_type("找谁咨询") == AnswerType.CONTACT
    assert answer_type("推荐几个") == AnswerType.NUMBER
    ask = ask_clauses("我们公司前年在无锡注册，去年营收三千来万，今年能报新锐企业榜吗？", TODAY)
    assert "无锡" not in ask and "营收" not in ask and "新锐企业榜" in ask
    # what the asker's unit has, told bare ("公司有…"), is their situation too; the field asked about stays
    # A step the asker has done, before the ask, is their situation too.
    assert ask_clauses("今年材料在平台上交完以后，终评是谁来组织、大概什么时候？", TODAY) == "终评是谁来组织、大概什么时候？"
    ask = ask_clauses("“从业人数”这栏拿不准，公司有一些劳务派遣和实习生，应该按什么口径填？", TODAY)
    assert "劳务派遣" not in ask and "从业人数" in ask


def test_years_come_from_the_clause_that_asks() -> None:
    q = understand("21年先导技术榜评了100项，今年先导技术榜一共要评出多少项？", TODAY)
    assert q.years == [2023]
    q = understand("去年联系人是张三，今年换人了吗？", TODAY)
    assert q.years == [2023]
    q = understand("2021年和2023年的先导技术榜领域有什么变化？", TODAY)
    assert q.years == [2021, 2023]


def test_without_rules_the_reader_answers_contacts_and_conditions(tmp_path_factory) -> None:
    """Rules off (RULES=0): a contact block is read whole with its heading, and a sentence that
    announces the conditions brings them."""
    from dataclasses import replace

    from assistant.assistant import Assistant
    from tests.conftest import make_settings

    reader_only = Assistant(replace(make_settings(tmp_path_factory.mktemp("reader"), dense=False), rules=False))
    ans = reader_only.answer("2022年技术经理人先锋榜联系人电话")
    block = ans.answer.splitlines()[1]
    assert "联系人" in block and re.search(r"\d{7,}", block) and "技术经理人先锋榜" in ans.answer
    ans = reader_only.answer("我们公司2012年在苏州注册的，今年还能报新锐企业榜吗？")
    assert "以下条件" in ans.answer and "10年" in ans.answer[:300]


def test_a_count_of_something_else_is_no_quota() -> None:
    from assistant.answer.understand import detect_intent
    from assistant.model import Intent

    assert detect_intent("初评前需要制定哪几个方案？") != Intent.QUOTA
    assert detect_intent("先导技术榜每个领域能报几个？") == Intent.QUOTA
    assert detect_intent("新锐企业榜推几家") == Intent.QUOTA


def test_a_relative_year_that_describes_the_asker_is_not_the_round() -> None:
    from assistant.answer.understand import find_years

    assert find_years("去年在北交所上市了", TODAY) == ([], "")
    assert find_years("去年的截止时间是哪天", TODAY) == ([2022], "relative")


def test_two_relative_years_joined_are_both_asked() -> None:
    from assistant.answer.understand import find_years

    assert find_years("去年和今年的申报截止日期分别是哪天", TODAY) == ([2022, 2023], "relative")


def test_a_written_year_and_a_relative_one_compared_are_both_asked_and_phones_in_groups_are_read() -> None:
    q = understand("申报系统的客服电话，21年的和今年的是同一个吗", TODAY)
    assert q.years == [2021, 2023] and q.compare
    assert understand("156 0077 7267 是谁的号码", TODAY).phones == ["15600777267"]
    assert understand("2023年11月30日24时截止", TODAY).phones == []


def test_a_line_that_is_only_the_notices_title_is_never_read_as_the_answer(bot) -> None:  # noqa: ANN001
    """Where the layout did not mark it as a title (a forwarding notice's body), the title line
    still says nothing the question asks."""
    from assistant.answer.reader import Unit, _is_title

    notice = next(n for n in bot.notices.values() if n.title)
    chunk = Chunk("c1", notice.id, notice.year, ["正文"], 0, 10, 0, 10, notice.title)
    assert _is_title(Unit(chunk, 0, UnitKind.SENTENCE, notice.title), bot.notices)
    assert _is_title(Unit(chunk, 0, UnitKind.SENTENCE, f"“{notice.title}”"), bot.notices)
    said = "各推荐单位于截止日前完成线上申报并上传盖章材料。"
    assert not _is_title(Unit(chunk, 0, UnitKind.SENTENCE, said), bot.notices)
    for n in bot.notices.values():  # no answer of the reader starts with a notice's bare title
        q = understand(f"{n.year}年{n.title}里说了什么", TODAY)
        hits = bot.retriever.search(q.text)
        read = bot._snapshot.reader.read(q, hits, bot.notices, n.year)
        first = read.answer.split("\n")[1] if read and "\n" in read.answer else ""
        assert not re.fullmatch(r"[“\"]?" + re.escape(n.title) + r"[”\"]?\[\d+\]", first), first


def test_one_round_named_and_compared_is_compared_with_this_one() -> None:
    from assistant.answer.understand import find_years, normalize_years

    today = dt.date(2023, 10, 20)
    for text in ("申报平台网址跟21年是同一个吗", "联系人和2022年的一样吗", "领域跟2021年比变了没"):
        assert find_years(normalize_years(text, today), today)[0] == [int("20" + re.search(r"(\d\d)年", text).group(1)), 2023], text
    assert find_years(normalize_years("2021年的申报截止时间", today), today)[0] == [2021]
    assert find_years(normalize_years("2023年和今年一样吗", today), today)[0] == [2023]
    q = understand("申报平台网址跟21年是同一个吗", today)
    assert q.compare and q.years == [2021, 2023]


def test_a_passage_that_starts_inside_a_table_has_no_made_up_header() -> None:
    # A two-column "matter | what about it" table cut by the chunker: its first row here is a row.
    text = "保密要求\t申报内容须经保密审查。\n内部截止时间\t2026年10月16日17:00前报集团科协。\n联系人\t邓可欣，010-63218875"
    found = units(_chunk(text, ["正文"]), 0)
    rows = [u for u in found if u.kind == UnitKind.ROW]
    assert [u.text.split("\t")[0] for u in rows] == ["保密要求", "内部截止时间", "联系人"]
    assert all(u.context == "" for u in rows)  # each row says what it is
    headed = units(_chunk("榜单\t名额\t截止\n新锐企业榜\t2家\t11月8日", ["正文"]), 0)
    assert headed[0].kind == UnitKind.HEADING and headed[1].context == "榜单\t名额\t截止"


def test_a_second_table_under_the_first_reads_its_rows_by_its_own_header() -> None:
    text = ("榜单 | 名额 | 备注\n新锐企业榜 | 6 | 须为会员\n先导技术榜 | 4 | 重点领域\n"
            "事项 | 时间 | 状态\n会员材料截止 | 2078年11月3日 | 现行")
    found = units(_chunk(text, ["正文"]), 0)
    row = next(u for u in found if u.text.startswith("会员材料截止"))
    assert row.context == "事项 | 时间 | 状态"
    # A row of names only ("榜单 | 领域" over "先导技术榜 | 电子信息") is no header.
    listed = units(_chunk("榜单 | 领域\n先导技术榜 | 电子信息\n新锐企业榜 | 不分领域", ["正文"]), 0)
    assert [u.context for u in listed if u.kind == UnitKind.ROW] == ["榜单 | 领域", "榜单 | 领域"]


def test_a_drawn_tables_wrapped_cell_goes_on_with_its_row() -> None:
    text = ("┌────┬────┐\n│ 时间节点 | │ 工作内容 | │\n├────┼────┤\n│ 11月27日前 | │ 入选项目在平台完成 │\n"
            "│ | │ 线上填报 | │\n├────┼────┤")
    found = units(_chunk(text, ["正文"]), 0)
    wrapped = next(u for u in found if "线上填报" in u.text)
    assert wrapped.kind == UnitKind.ROW and "11月27日前" in wrapped.context
    assert next(u for u in found if "11月27日前" in u.text).context.startswith("│ 时间节点")


def test_a_question_the_notice_asks_is_read_with_its_reply_and_never_alone() -> None:
    text = "提问（科技园）：我们是2025年3月挂牌的，能报融通创新组织榜吗？\n王老师：成立时间须在2024年9月1日之前，今年报不了。\n1. 还不是会员能报吗？\n2. 样表用哪个？"
    found = units(_chunk(text, ["答疑"]), 0)
    asked = found[0]
    assert asked.kind == UnitKind.ASKED and asked.context.startswith("王老师：成立时间须在2024年9月1日之前")
    from assistant.answer.reader import _penalty

    alone = next(u for u in found if u.text.startswith("1."))
    assert _penalty(alone) < 0.5 and _penalty(asked) == 1.0


def test_a_year_in_the_askers_story_is_not_the_round() -> None:
    from assistant.answer.understand import find_years, in_story

    today = dt.date(2026, 10, 20)
    story = "我是博士生，2024年和导师开了家公司，还没登记，能报新锐企业榜吗？"
    assert in_story(story, story.find("2024"), story.find("2024") + 4) and find_years(story, today)[0] == []
    assert find_years("去年研发投入150万左右，今年能报吗？", today)[0] == [2026]
    assert find_years("去年营收三千来万，今年能报新锐企业榜吗？", today)[0] == [2026]
    assert find_years("2023年的截止时间改了吗？", today)[0] == [2023]  # a clause that asks
    assert find_years("2020年我们公司想通过学会推荐报新锐企业榜，可以吗？", today)[0] == [2020]  # 通过 is no perfective
    assert find_years("20年报过先导技术榜，当年的邮寄地址是哪里？".replace("20年", "2020年"), today)[0] == [2020]  # pointed back at



def test_a_heading_with_its_own_note_says_what_its_part_asks() -> None:
    from assistant.answer.reader import _penalty

    text = ("三、技术知识产权情况（仅限具有发明专利的技术，或技术成果关键功能相关论文的发表情况）\n"
            "3. 先导技术榜（装备制造领域、产业基础领域）")
    noted, scoped = [u for u in units(_chunk(text, ["附件1 申报表"]), 0) if u.kind == UnitKind.HEADING]
    assert _penalty(noted) == 1.0 and _penalty(scoped) == 0.5  # a scope in brackets is no note


def test_a_year_the_asker_was_founded_in_is_not_the_round() -> None:
    from assistant.answer.understand import find_years

    assert find_years("我们是大学的技术转移中心，2019年挂牌，融通榜能报吗？", dt.date(2023, 10, 20))[0] == []


def test_asked_why_the_call_exists_the_reader_gives_its_purpose_sentence(bot) -> None:  # noqa: ANN001
    assert answer_type("21年征集榜单的出发点是什么") == AnswerType.PURPOSE
    assert answer_type("科协为啥要搞这个系列榜单") == AnswerType.PURPOSE
    ans = bot.answer("2021年征集榜单的出发点是什么")
    assert "为深入贯彻" in ans.answer[:200]  # the preamble's purpose sentence, not the schedule


def test_asked_the_value_of_each_item_the_reader_shows_the_items_after_the_first_with_theirs(bot) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    parts = read_turn("融通榜申报表组织机构简介那栏限多少字？后面那几大段的呢", TODAY, bot._snapshot.store, None).parts
    assert len(parts) == 1 and parts[0].several  # "the rest" asks the part before, for each item
    assert not understand("四川省科协和宁波科技局各自的评审会哪天开", TODAY).several  # each unit, not each item
    ans = bot.answer("2023年融通创新组织榜申报表组织机构简介那栏限多少字？后面那几大段的呢")
    assert "500字以内" in ans.answer and ans.answer.count("1000字以内") >= 3


def test_a_posters_values_are_read_with_the_label_set_beside_them() -> None:
    text = "关键时间\n10月26日 17:00\n校内报名截止\n2\n项/领域\n先导技术榜 学校推荐上限\n项目联系人\n姚启明"
    found = {u.text: u for u in units(_chunk(text, ["关键时间"]), 0)}
    assert found["校内报名截止"].kind == UnitKind.CAPTION and found["校内报名截止"].context == "10月26日 17:00"
    assert found["先导技术榜 学校推荐上限"].context == "2\n项/领域"  # the figure and its unit word above it
    assert found["项目联系人"].kind != UnitKind.CAPTION  # a name is no value set apart


def test_a_heading_between_drawn_rules_is_read_with_its_items() -> None:
    from assistant.answer.reader import Reader
    from assistant.ingest.chunking import chunk_notice
    from assistant.ingest.notices import make_notice

    poster = make_notice("p.txt", "东湖大学 科研院\n2030 校内征集\n━━━━━━━━\n准 备 材 料\n━━━━━━━━\n① 申报表（Word版）\n"
                         "② 知识产权证明\n③ 应用场景图片\n━━━━━━━━\n咨 询\n━━━━━━━━\n张三｜0592-2186734\n")
    chunks = chunk_notice(poster)
    assert [c.path for c in chunks][1:] == [["准备材料"], ["咨询"]]  # (letter-spaced words closed up by clean_text)
    heading = units(chunks[1], 0)[0]
    assert heading.kind == UnitKind.HEADING
    assert [u.text for u in Reader._members(heading)] == ["① 申报表（Word版）", "② 知识产权证明", "③ 应用场景图片"]


def test_a_second_thing_asked_in_one_sentence_gets_its_own_unit(bot) -> None:
    answer = bot.answer("新锐企业榜申报表里 所在地区怎么填 从业人数按啥算").answer
    head = answer[:300]
    assert "纳税所在地区" in head and "缴纳社会保险的人数" in head  # the best row, then the row for the other ask


def test_a_faq_tables_row_is_read_as_its_question_and_reply() -> None:
    text = "序号 | 问题 | 回答\n1 | 学校一共有多少推荐名额？ | 先导技术榜每个领域2项。\n2 | 技术成熟度有要求吗？ | 原则上达到TRL4及以上。"
    found = units(_chunk(text, ["常见问题"]), 0)
    asked = [u for u in found if u.kind == UnitKind.ASKED]
    assert [(u.text, u.context) for u in asked] == [("学校一共有多少推荐名额？", "先导技术榜每个领域2项。"),
                                                  ("技术成熟度有要求吗？", "原则上达到TRL4及以上。")]


def test_a_unit_about_another_field_or_list_is_not_read_for_the_one_asked() -> None:
    from assistant.answer.reader import _about_another

    q = understand("先导榜产业基础专项对口哪个初评机构", TODAY)
    assert q.field_key == "产业基础"
    assert _about_another("1 | 先导技术榜 | 电子信息 | 3 | 中国科协信息科技学会联合体 沈嘉禾", q)
    assert not _about_another("3 | 先导技术榜 | 产业基础（专项） | 2 | 中国科协智能制造学会联合体 宋立峰", q)
    # a sentence naming every field names the one asked too
    assert not _about_another("先导技术榜设电子信息、生物医药、装备制造、先进材料、绿色低碳和产业基础专项领域。", q)
    assert _about_another("新锐企业榜：“科创中国”联合体秘书处 贺晓棠", understand("先导技术榜找谁", TODAY))


def test_a_part_that_carries_its_subject_from_the_part_before_searches_with_it(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    first, second = read_turn("先导榜产业基础专项对口哪个初评机构？联系人电话多少？", TODAY, store, None).parts
    assert second.field_key == "产业基础" and "field" in second.inherited
    assert "产业基础" in second.search_text and "产业基础" not in second.text


def test_a_transcript_s_turns_are_lines_and_its_unpunctuated_speech_is_read_clause_by_clause() -> None:
    from assistant.ingest.notices import clean_text

    said = ("[00:08:31] 王老师：平台这个要说一下 科协平台的截止时间是十一月二十八号下午五点 注意啊今年是下午五点 "
            "不是往年那种晚上十二点 到点系统就关了 大家一定要提前 别卡着点交")
    text = clean_text("语音转文字记录\n[00:00:05] 赵老师：喂喂 大家能听到吗 那我们就开始吧\n" + said + "\n").text
    assert text.split("\n")[1].startswith("[00:00:05]") and text.split("\n")[2].startswith("[00:08:31]")
    chunk = Chunk(id="c", notice_id="n", year=2034, path=["说明会"], start=0, end=len(said), orig_start=0, orig_end=len(said), text=said)
    read = [u.text for u in units(chunk, 0)]
    assert any("科协平台的截止时间是十一月二十八号下午五点" in u for u in read) and all(len(u) < 60 for u in read)
    # a line of cells set apart by bars is no speech: it stays whole
    row = "————东海储能联盟秘书处 ｜ 联系人 钱晓岚 ｜ 电话 0571-63907415 ｜ 邮箱 kczg2024@desa-example.cn ｜ 地址 滨海新区储能大厦"
    chunk = Chunk(id="r", notice_id="n", year=2024, path=["联系"], start=0, end=len(row), orig_start=0, orig_end=len(row), text=row)
    assert [u.text for u in units(chunk, 0)] == [row]


def test_a_wide_tables_row_is_shown_by_the_columns_asked_each_with_its_header(bot) -> None:  # noqa: ANN001
    from assistant.answer.reader import Scored, Unit

    header = "序号 | 榜单 | 中国科协名额 | 集团内部截止 | 科协平台截止 | 初评联系人"
    row = "8 | 新锐企业榜 | 不超过6个 | 2037年10月22日17:00 | 2037年11月15日24时 | 葛晓棠"
    unit = Unit(_chunk(f"{header}\n{row}", ["台账"]), 0, UnitKind.ROW, row, header)
    q = understand("集团内部新锐企业榜的材料截止是哪天？", TODAY)
    cells = bot._snapshot.reader._asked_cells(unit, q)
    assert cells == "新锐企业榜｜集团内部截止：2037年10月22日17:00"
    assert Scored(unit, 1.0, 1.0, True).unit.text == row  # what is cited is the row as written


def test_asked_for_a_value_a_unit_holding_one_outranks_one_that_only_shares_words(bot) -> None:  # noqa: ANN001
    from assistant.answer.retrieval import Hit

    text = ("分会这边先导技术榜每个领域的项目都要往学会推送材料。\n"
            "学会内部分配给每个分支机构的是：每个领域不超过2项。")
    q = understand("分会这边，先导技术榜每个领域能往学会推几项？", TODAY)
    scored = bot._snapshot.reader.score(q, [Hit(_chunk(text, ["正文"]), 1.0, 1.0)])
    assert "不超过2项" in scored[0].unit.text


def test_an_eligibility_ask_weighs_the_askers_story_below_its_own_words(bot) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    snap = bot._snapshot
    q = read_turn("我们公司转到园区纳税才8个月，技术团队是外聘的。能报新锐企业榜吗？", TODAY, snap.store, None).parts[0]
    weights = snap.reader.ask_weights(q)
    story = snap.reader.tokens("纳税")
    assert story and all(0 < weights[t] < snap.retriever.term_weight(t) for t in story if t in weights)
    assert any(t in weights for t in story)
    plain = read_turn("能报新锐企业榜吗？", TODAY, snap.store, None).parts[0]
    assert not any(t in snap.reader.ask_weights(plain) for t in story)


CHANGES = """临川市科协关于组织推荐2043年“科创中国”系列榜单的通知

一、报送要求
各区县科协于2043年11月10日17:00前将推荐材料报市科协学会部。

附：征求意见采纳情况说明
序号\t条款\t征求意见稿\t正式稿\t意见来源\t处理情况
1\t单位报送截止\t2043年11月3日17:00前\t2043年11月10日17:00前\t区县科协\t采纳
2\t纸质材料\t一式三份\t一式两份\t市级学会\t部分采纳
"""


def test_a_table_of_changes_is_read_by_what_now_holds_not_the_draft(small_settings) -> None:  # noqa: ANN001
    from dataclasses import replace

    from assistant.assistant import Assistant

    (small_settings.corpus_dir / "changes.txt").write_text(CHANGES, encoding="utf-8")
    bot = Assistant(replace(small_settings, today=dt.date(2043, 10, 20)))
    first = bot.answer("2043年临川市单位报送截止，征求意见稿写的11月3号，正式稿是哪天？").answer.split("\n")[0]
    # (The row read by its current column; the deadline rule still reads the row's first date: left open.)
    assert "正式稿：2043年11月10日" in first and "11月3日" not in first


def test_only_a_notices_own_first_lines_are_its_title_not_a_later_passages() -> None:
    """A configuration file has no headings: every passage is in its opening section, and a later
    passage's first lines ("publicity_days: 5  # 校内公示5个工作日") are what it says, not a title."""
    from assistant.ingest.chunking import PREAMBLE

    text = "publicity_days: 5 # 校内公示5个工作日\nschool_deadline: 11月7日"
    first = Chunk("c0", "n.txt", 2047, [PREAMBLE], 0, len(text), 0, len(text), text)
    later = Chunk("c1", "n.txt", 2047, [PREAMBLE], 900, 900 + len(text), 900, 900 + len(text), text)
    assert units(first, 0)[0].kind == UnitKind.TITLE
    assert units(later, 0)[0].kind != UnitKind.TITLE


def test_a_checklists_consequence_answers_with_its_item_and_says_nothing_alone() -> None:
    """"☐ 3. 入驻协议签订日期是否在2046年10月31日之前？" then "「是/否」若否，则园区不予推荐": the item holds
    the condition; the consequence without it answers nothing."""
    from assistant.answer.reader import _penalty

    text = "☐ 3. 入驻协议签订日期是否在2046年10月31日之前？\n「是/否」若否，则园区不予推荐。"
    found = units(_chunk(text, ["一、基本资格"]), 0)
    item = next(u for u in found if u.kind == UnitKind.ASKED)
    assert "2046年10月31日" in item.text and "若否" in item.context
    alone = next(u for u in found if u.kind != UnitKind.ASKED and "若否" in u.text)
    assert _penalty(alone) < 1


def _answered_over(settings, folder, notice: str, question: str) -> str:  # noqa: ANN001
    """The answer to `question` with one more notice imported (2023-10-20)."""
    from .conftest import with_notice

    return with_notice(settings, folder, "extra_2023.txt", notice, today=dt.date(2023, 10, 20)).answer(question).answer


CHECKLIST = ("青溪湾科创园区2023年“科创中国”新锐企业榜申报自查清单\n青溪湾科创园区管理委员会\n\n一、新锐企业榜基本资格\n\n"
             "☐ 1. 企业是否在中国境内注册？\n「是/否」若否，则不能申报。\n\n"
             "☐ 2. 是否已入驻园区，且入驻协议签订日期在2022年10月31日之前（入驻满1年）？\n"
             "「是/否」若否，则园区不予推荐，可通过注册地科协申报。\n")
MINUTES = ("云岭省科协2023年“科创中国”榜单工作第二次协调会议纪要\n\n一、议定事项\n"
           "1. 先导技术榜由省科协统一组织推荐，各单位于10月31日前报送。\n"
           "2. 撤销第一次协调会议定事项第4项（“场景应用榜由各区县自行在平台申报”），场景应用榜改由省科协统一推荐。\n"
           "3. 新锐企业榜推荐名额为每个市州3个。\n")


def test_a_checklist_item_is_answered_with_its_condition(tmp_path, small_settings) -> None:  # noqa: ANN001
    ans = _answered_over(small_settings, tmp_path, CHECKLIST, "青溪湾园区的清单，我们今年3月才搬进园区，能通过园区报新锐企业榜吗？")
    assert "2022年10月31日之前" in ans[:300]


def test_an_ask_about_what_the_message_passed_on_reads_what_was_passed_on(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"【转自工作群】“…由各区县自行在平台申报…”——这个口径现在还有效吗": the decision that changed it."""
    asked = "【转自市科协工作群】“按上次协调会精神，场景应用榜由各区县自行在平台申报。”——请问省里这个口径现在还有效吗？"
    assert "撤销" in _answered_over(small_settings, tmp_path, MINUTES, asked)[:300]


ERRATUM = ("岚川省科学技术协会关于2023年“科创中国”系列榜单推荐工作的政策解读\n岚川省科学技术协会\n\n"
           "问五：省内报送截止时间是哪天？\n解读：各市科协应于2023年11月8日17:00前，通过“岚川科协综合服务平台”报送候选名单和排序表。\n\n"
           "问六：新锐企业榜有什么地方条件？\n解读：须在本省纳税满2年。\n\n"
           "勘误（2023年10月13日）\n本解读发布后发现一处错误，现更正如下：\n"
           "1．问五中省内报送截止时间“2023年11月8日17:00”更正为“2023年11月15日17:00”。\n")


def test_a_date_the_notice_corrects_is_read_with_its_correction_first(tmp_path, small_settings) -> None:  # noqa: ANN001
    """The passage that answers holds a date the notice's 勘误 corrects: the correction answers, the old
    passage is not shown beside it."""
    ans = _answered_over(small_settings, tmp_path, ERRATUM, "岚川省的各市科协往省科协报候选名单，省内最晚哪天？")
    assert "11月15日" in ans[:120]
    assert "各市科协应于2023年11月8日" not in ans  # (the superseded passage is not shown beside it)


SOCIETY_CONDITIONS = ("中国某某材料学会关于组织推荐2023年“科创中国”系列榜单的通知\n各会员单位：\n"
                      "一、申报条件\n（一）融通创新组织榜：机构应在2021年9月1日前成立，近两年服务企业不少于30家，有专职管理团队。\n"
                      "（二）本会附加要求：通过学会推荐的单位须为本会单位会员且已缴纳2023年度会费。\n"
                      "二、材料报送\n请于11月10日前将材料发送至学会秘书处。\n")


def test_a_condition_bearing_on_the_askers_case_is_shown_beside_the_lists_own(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"我们是学会会员，今年会费还没交…能通过学会报融通创新组织榜吗": the list's conditions, and the unit's own
    requirement that bears on what the asker told (会费), though the ask's own words are the list's."""
    ans = _answered_over(small_settings, tmp_path, SOCIETY_CONDITIONS,
                         "我们单位是材料学会会员，今年会费还没交，有专职团队。能报融通创新组织榜吗？")
    assert "会费" in ans[:400] and "2021年9月1日" in ans[:400], ans


def test_an_ask_for_one_contact_attribute_is_held_only_by_that_attribute() -> None:
    """"戴宏远老师的邮箱是多少": a row giving her phone and no e-mail holds no value asked."""
    from assistant.answer.reader import value_pattern

    today = dt.date(2037, 10, 20)
    email = value_pattern(understand("资产公司戴宏远老师的邮箱是多少？", today))
    assert email is not None and not email.search("资产公司 | 戴宏远 | 0745-86219902 | （暂缺）")
    assert email.search("科研院 | 柏子谦 | kyy@jlut.edu.cn")
    phone = value_pattern(understand("戴宏远老师的手机多少", today))
    assert phone is not None and phone.search("0745-86219902") and not phone.search("kyy@jlut.edu.cn")
    general = value_pattern(understand("新锐企业榜找谁？", today))
    assert general is not None and general.search("0745-86219902") and general.search("kyy@jlut.edu.cn")


def test_a_long_unpunctuated_line_is_read_by_pauses_but_a_trees_line_whole() -> None:
    spoken = "那个 先导技术榜 今年 每个领域 还是 两个 名额 然后 学会 这边 十一月 五号 之前 要把 材料 交上来 大家 抓紧 时间 准备 一下 吧 谢谢"
    assert len([u for u in units(_chunk(spoken, ["正文"]), 0) if u.kind == UnitKind.SENTENCE]) > 1
    # A tree's card: its nodes and its details one unit, so each detail is read with who it is of.
    card = "科研处 处长 孙朗 分机6101 > 周岚 分机6118 > 先导技术榜 电子信息 装备制造领域 各系每领域限报1项 校内评审后择优推荐"
    read = [u.text for u in units(_chunk(card, ["正文"]), 0) if u.kind == UnitKind.SENTENCE]
    assert read == [card]


ENTRY = """意图ID：KC-07
意图名称：申报材料
示例问法：
要交哪些材料
材料格式要求
标准答复：
请提交：1. 申报样表（Word版）；2. 近两年纳税证明。
备注：无"""


def test_an_entrys_wordings_are_asks_read_with_its_reply() -> None:
    read = units(_chunk(ENTRY, ["正文"]), 0)
    asked = [u for u in read if u.kind == UnitKind.WORDING]
    assert [u.text for u in asked] == ["要交哪些材料", "材料格式要求"]
    assert all(u.context == "请提交：1. 申报样表（Word版）；2. 近两年纳税证明。" for u in asked)
    assert not any(u.kind == UnitKind.SENTENCE and u.text == "要交哪些材料" for u in read)


def test_a_passage_is_not_cut_between_an_entrys_wordings_and_its_reply() -> None:
    from assistant.ingest.chunking import chunk_notice
    from assistant.ingest.notices import make_notice

    filler = "\n".join(f"第{i}条说明：园区按有关规定办理相关事项，具体以通知为准。" for i in range(30))
    notice = make_notice("e.txt", "园区客服意图导出\n" + filler + "\n" + ENTRY + "\n")
    # A passage's room ends inside the entry's wordings.
    chunks = chunk_notice(notice, max_chars=len("园区客服意图导出\n" + filler + "\n" + ENTRY.split("材料格式要求")[0]) + 2)
    holding = [c for c in chunks if "要交哪些材料" in c.text]
    assert holding and "标准答复" in holding[0].text


RECORDS = """客服意图导出
==========
意图ID：KC-02
示例问法：
材料最晚哪天交
标准答复：
园区内部截止时间为2063年11月2日17:00。
备注：本条答复已过期，以意图KC-10为准。
状态：停用
==========
意图ID：KC-10
示例问法：
截止时间调整了吗
标准答复：
园区内部截止时间调整为2063年11月13日17:00。
状态：启用
=========="""


def test_a_record_that_says_it_no_longer_holds_is_not_read_nor_its_facts() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import DeadlineFact

    read = units(_chunk(RECORDS, ["正文"]), 0)
    assert not any("11月2日" in f"{u.text} {u.context}" for u in read)
    assert any("11月13日" in u.context for u in read)
    dates = {f.date for f in extract_facts(make_notice("r.txt", RECORDS)) if isinstance(f, DeadlineFact)}
    assert "2063-11-13" in dates and "2063-11-02" not in dates


def test_an_enumeration_s_items_are_read_with_the_words_that_lead_them() -> None:
    text = "省内名额。各市州科协、省级学会向省科协推荐的名额为：先导技术榜每个领域不超过2个；新锐企业榜不超过3个；概念验证中心榜不超过1个。新锐企业榜 省科协推荐：不超过6个；新锐企业榜 各市报送：每市不超过3家。"
    found = {u.text: u.context for u in units(_chunk(text, ["三、推荐名额"]), 0) if u.kind == UnitKind.SENTENCE}
    assert found["新锐企业榜不超过3个；"] == "各市州科协、省级学会向省科协推荐的名额为："
    assert found["概念验证中心榜不超过1个。"] == "各市州科协、省级学会向省科协推荐的名额为："
    # A pair of its own is no item of the pair before it.
    assert found["新锐企业榜 各市报送：每市不超过3家。"] == ""


def test_a_quota_is_a_count_put_forward_not_any_count() -> None:
    from assistant.answer.reader import QUOTA_HOLDS

    held = ["不超过3个", "只能报一项", "临江市 | 6 | 含高新区", "临江市｜新锐企业榜：6[1]"]
    assert all(QUOTA_HOLDS.search(t) for t in held)
    assert not any(QUOTA_HOLDS.search(t) for t in ["五大产业领域和产业基础一个专项领域", "截止时间：10月31日", "电话：010-6123"])


def test_an_older_round_is_not_searched_when_the_latest_one_holds_the_value_asked(tmp_path) -> None:  # noqa: ANN001
    from assistant.answer.candidates import search
    from assistant.answer.turn import understand_part
    from assistant.assistant import Assistant
    from assistant.tools.evalcorpus import with_notices
    from tests.conftest import make_settings

    folder = Path(__file__).parent / "fixtures" / "firsttry" / "ft101_styles"
    settings = with_notices(replace(make_settings(tmp_path, dense=False), today=dt.date(2064, 10, 20)), folder, tmp_path / "eval")
    snap = Assistant(settings)._snapshot
    found = search(snap, understand_part("生物医药领域的先导技术我们院能报几个", dt.date(2064, 10, 20), snap.store))
    # (Without the check, the 2020 call's "5个领域先导技术的推荐工作" wins the search of every round.)
    assert found.default_year == 2064 and {h.chunk.year for h in found.hits[:3]} == {2064}


def test_a_step_s_first_sentence_is_read_with_the_heading_that_dates_the_step() -> None:
    text = "（三）终评评审（2024年1月）\n秘书处组织开展榜单终评工作，经综合评议确定入榜名单。择机公布结果。"
    found = [u for u in units(_chunk(text, ["三、工作安排"]), 0) if u.kind == UnitKind.SENTENCE]
    assert found[0].step == "（三）终评评审（2024年1月）" and found[0].context == ""
    assert found[1].step == ""  # (the first sentence under it only)
    undated = units(_chunk("（三）终评评审\n秘书处组织开展榜单终评工作。", ["三、工作安排"]), 0)
    assert all(u.step == "" for u in undated)  # a heading that names a step without dating it adds nothing


def test_who_runs_a_step_and_when_is_answered_from_the_step_and_its_dated_heading(bot) -> None:  # noqa: ANN001
    ans = bot.answer("今年材料在平台上交完以后，终评是谁来组织、大概什么时候？")
    head = ans.answer[:200]
    assert "未找到" not in head and "联合体秘书处" in head and "2024年1月" in head


def test_a_count_asked_in_its_measure_is_answered_by_a_count_in_that_measure(bot) -> None:  # noqa: ANN001
    ans = bot.answer("2020年先导技术推荐上去以后，学会联合体初评完要往上报多少项？")
    # The count in its measure, from the sentence after the step's (whose own count is "5个技术领域"), shown next to it.
    assert "25-30项" in "".join(ans.answer.split("\n")[:3])



def test_a_date_asked_of_a_list_is_not_a_date_under_that_list_about_something_else(bot) -> None:  # noqa: ANN001
    # "成立时间在2021年9月1日之前" stands under the list's heading, but says nothing of handing in.
    ans = bot.answer("2023年融通创新组织榜平台上最晚什么时候交")
    assert "11月30日" in ans.answer[:120] and "9月1日" not in ans.answer[:120]
    best = bot.explain("2023年融通创新组织榜平台上最晚什么时候交").parts[0].reader_units[0]
    assert "成立时间" not in best.text  # the reader's own first unit, whatever the rule says


def test_a_later_part_is_read_by_its_own_words_more_than_the_subject_it_carries(bot) -> None:  # noqa: ANN001
    ans = bot.answer("先导技术榜装备制造领域学会内部几号截止？平台那边最晚到什么时候？")
    assert "11月30日" in ans.answer
    from assistant.answer.turn import read_turn

    snap = bot._snapshot
    turn = read_turn("先导技术榜装备制造领域学会内部几号截止？平台那边最晚到什么时候？", bot.settings.today, snap.store, None)
    later = turn.parts[-1]
    assert "list" in later.inherited
    weights = snap.reader.ask_weights(later)
    own = weights["平台"] / snap.retriever.term_weight("平台")
    carried = weights["先导"] / snap.retriever.term_weight("先导") if "先导" in weights else \
        next(w / snap.retriever.term_weight(t) for t, w in weights.items() if t in later.carried)
    assert carried < own  # whose it is weighs less than what the part itself asks


def test_a_told_step_on_the_platform_points_at_its_round(bot) -> None:  # noqa: ANN001
    ans = bot.answer("2021年在平台上线上申报提交完了，纸质的推荐材料还要不要寄给初评机构？")
    assert "保留纸质推荐材料" in ans.answer[:200]


def test_a_deadline_asked_is_not_a_conditions_cut_off(bot) -> None:  # noqa: ANN001
    ans = bot.answer("我是学会单位会员XX科技的小陈。我们准备报融通创新组织榜，样表还在改。想问一下学会这边最晚哪天交？")
    first = ans.answer.split("\n")[0]
    assert "11月20日" in first and "9月1日" not in first


def test_a_steps_date_changed_without_the_old_one_replaces_the_steps_other_date(small_settings, tmp_path) -> None:  # noqa: ANN001
    from tests.conftest import with_notice

    notice = ("松江高新区管委会关于组织推荐2041年“科创中国”系列榜单的通知\n一、报送安排\n"
              "1. 园区报送：请于2041年11月18日17:00前将申报材料报园区产业服务科。\n"
              "2. 平台截止：申报截止时间为2041年12月5日24时。\n二、其他\n联系人：郜明，电话：021-57731234。\n"
              "手写更正：园区报送截止改为2041年11月21日17:00，以此为准。\n")
    bot = with_notice(small_settings, tmp_path, "songjiang_2041.txt", notice, today=dt.date(2041, 10, 20))
    snap = bot._snapshot
    q = understand("申报材料报园区产业服务科最晚哪天？", dt.date(2041, 10, 20))
    hits = snap.retriever.search(q.search_text, notices={"songjiang_2041.txt"}, ask=q.ask)
    read = snap.reader.read(q, hits, bot.notices, 2041)
    assert read is not None
    shown = [line for line in read.answer.split("\n") if "日" in line]
    assert "11月21日" in shown[0] and not any("11月18日" in line for line in shown)  # the changed step's old date not shown
    # A step named too commonly ("申报截止时间延长至…") says no step: nothing else is replaced by it.
    from assistant.ingest.facts.schedule import restated_steps

    assert restated_steps("经研究，申报截止时间延长至2041年11月25日。") == []


def test_a_plain_deadline_is_still_a_deadline() -> None:
    from assistant.answer.reader import CONDITION_DATE

    assert CONDITION_DATE.search("且成立时间可放宽至2022年9月1日之前")
    assert not CONDITION_DATE.search("请各单位于2041年11月20日前将推荐汇总表和申报材料报送市科协科技服务部。")


def test_a_correction_is_shown_as_its_subject_and_the_value_now_in_force() -> None:
    from assistant.answer.reader import _as_corrected

    said = "更正：园区内部材料报送截止时间由11月14日17:00改为11月21日17:00，报送邮箱不变；"
    assert _as_corrected(said) == ["更正：园区内部材料报送截止时间", "改为11月21日17:00，报送邮箱不变；"]
    assert _as_corrected("11月3日改为11月6日") == ["改为11月6日"]
    assert _as_corrected("截止时间为11月6日") == ["截止时间为11月6日"]  # no correction: the line whole


def test_the_issuer_named_says_which_notice_not_what_is_asked_of_its_value(bot) -> None:  # noqa: ANN001
    from dataclasses import replace as with_

    from assistant.answer.pointer import PointedBy
    from assistant.model import Intent

    snap = bot._snapshot
    q = understand("学会内部截止是几号", TODAY)
    q = with_(q, notice_mention="学会", notice_by=PointedBy.ISSUER, intent=Intent.DEADLINE)
    named = snap.reader.tokens("学会")
    assert named and not any(t in snap.reader.ask_weights(q) for t in named)
    # whose a contact is: the issuer is what is asked
    assert any(t in snap.reader.ask_weights(with_(q, intent=Intent.CONTACT)) for t in named)


PARK = """云溪科学城管委会科技创新局关于组织申报2029年“科创中国”系列榜单的通知
各入园企业：
一、园区受理
园区受理开始时间为2029年10月10日，受理截止时间为2029年11月14日17:00。
中国科协“科创中国”平台申报截止时间为2029年11月25日24时。
二、推荐名额
榜单 | 园区推荐上限 | 各片区报送上限
新锐企业榜 | 6个 | 2个
先导技术榜 | 4个 | 1个
三、联系方式
园区科技创新局 林晓舟 0571-86012345
云溪科学城管委会科技创新局
2029年9月28日
"""


@pytest.fixture(scope="module")
def park_bot(tmp_path_factory):  # noqa: ANN001, ANN201
    from assistant.assistant import Assistant
    from assistant.tools.evalcorpus import with_notices
    from tests.conftest import make_settings

    base = tmp_path_factory.mktemp("park")
    folder = base / "notices"
    folder.mkdir()
    (folder / "park.txt").write_text(PARK, encoding="utf-8")
    return Assistant(with_notices(replace(make_settings(base, dense=False), today=dt.date(2029, 10, 20)), folder, base / "eval"))


def test_a_units_own_date_asked_is_not_shown_beside_the_calls_platform_date(park_bot) -> None:  # noqa: ANN001
    head = park_bot.answer("云溪科学城园区受理申报材料截止到几号？").answer[:300]
    assert "11月14日" in head and "11月25日" not in head
    both = park_bot.answer("园区受理截止和平台截止分别是哪天？").answer[:300]
    assert "11月14日" in both and "11月25日" in both  # the call's side named: both dates


def test_a_rows_limits_for_several_parties_are_read_by_their_columns_headers(park_bot) -> None:  # noqa: ANN001
    head = park_bot.answer("每个片区新锐企业榜最多能往园区报几个？").answer[:300]
    assert "2个" in head and "6个" not in head
    whole = park_bot.answer("园区新锐企业榜一共能推荐几个？").answer[:300]
    assert "6个" in whole



TIPS = ("东屿省科学技术协会工作提示单\n2023年第9期\n\n更正说明：第8期提示单将省科协汇总截止时间写为“11月10日”，系编校错误。省科协汇总截止时间以本期为准。\n\n"
        "提示一　通知转发\n中国科协办公厅通知已于9月26日转发各单位。\n\n"
        "提示二　报送时间\n各市（州）科协、省级学会须于2023年11月14日17:00前，将推荐函和候选对象汇总表报省科协科技服务部。\n")


def test_a_date_asked_is_not_a_line_calling_its_own_date_wrong_nor_a_day_something_was_done(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"汇总报省科协最晚几号": the line that says the date it writes was an error, and "已于9月26日转发", give no deadline."""
    ans = _answered_over(small_settings, tmp_path, TIPS, "我们是市科协，东屿省科协那边汇总截止最晚几号？")
    assert ans.find("11月14日") >= 0 and ans.find("11月14日") < min(i for i in (ans.find("11月10日"), ans.find("9月26日"), 10**6) if i >= 0)
    from assistant.answer.reader import ERRATUM

    assert not ERRATUM.search("请于11月14日17:00前报送，逾期或填写错误的不予受理") and not ERRATUM.search("请核对是否有误")

