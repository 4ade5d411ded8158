"""Extraction compared with a golden file written by reading the notices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import Notice, make_notice
from assistant.ingest.textmap import normalize_for_match
from assistant.model import ContactFact, Fact

from .conftest import FIXTURES

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "facts.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def facts(notices: dict[str, Notice]) -> dict[str, list[Fact]]:
    return {key: extract_facts(n) for key, n in notices.items()}


def of(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_every_quote_is_verbatim_and_span_points_at_it(key: str, notices, facts) -> None:
    notice = notices[key]
    original = normalize_for_match(notice.original)
    assert facts[key], "no facts extracted"
    for f in facts[key]:
        assert normalize_for_match(f.quote) in original, f
        assert normalize_for_match(f.quote) == normalize_for_match(notice.original[f.start : f.end]), f


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_round_metadata(key: str, notices) -> None:
    gold, notice = GOLDEN[key], notices[key]
    assert notice.year == gold["year"]
    assert notice.kind == gold["kind"]
    for name in ("title", "doc_number", "parent_doc_number", "date"):
        if name in gold:
            assert getattr(notice, name) == gold[name]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_lists_fields_and_counts(key: str, facts) -> None:
    gold = GOLDEN[key]
    lists = of(facts[key], "lists")
    assert len(lists) == 1 and lists[0].lists == gold["lists"]
    fields = of(facts[key], "fields")
    assert fields and fields[0].fields == gold["fields"]
    if "counts" in gold:
        assert of(facts[key], "list_counts")[0].counts == gold["counts"]


@pytest.mark.parametrize("key", [k for k in sorted(GOLDEN) if "stages" in GOLDEN[k]])
def test_stages(key: str, facts) -> None:
    got = {f.stage: f.period for f in of(facts[key], "stage")}
    assert got == GOLDEN[key]["stages"]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_deadlines(key: str, facts) -> None:
    got = {f.date for f in of(facts[key], "deadline")}
    assert got == {str(d) for d in GOLDEN[key]["deadlines"]}
    if "internal_deadline" in GOLDEN[key]:
        internal = [f for f in of(facts[key], "deadline") if f.scope == "internal"]
        assert [f.date for f in internal] == [str(GOLDEN[key]["internal_deadline"])]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_quotas(key: str, facts) -> None:
    got = {}
    for f in of(facts[key], "quota"):
        for name in f.lists:
            got[name] = f.number
    assert got == GOLDEN[key]["quotas"]
    per_person = [f for f in of(facts[key], "quota") if f.per_person]
    if "per_person_quota" in GOLDEN[key]:
        assert [f.number for f in per_person] == [GOLDEN[key]["per_person_quota"]]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_contacts(key: str, facts) -> None:
    gold = GOLDEN[key]
    contacts = of(facts[key], "contact")
    by_person = {p: f for f in contacts for p in f.persons}
    for person, phones in gold["contacts"].items():
        assert person in by_person, person
        assert by_person[person].phones == [str(p) for p in phones], person
    for person, body in gold.get("bodies", {}).items():
        assert by_person[person].body == body
    for person, email in gold.get("emails", {}).items():
        assert email in by_person[person].emails
    for person, address in gold.get("addresses", {}).items():
        assert by_person[person].address == address
    for person, recipient in gold.get("recipients", {}).items():
        assert by_person[person].recipient == recipient
    for f in contacts:
        if f.lists:  # a block about a list is its review contact, whatever the body's name says
            assert f.role == "review", f.header
    if "tech_phones" in gold:
        tech = [f for f in contacts if f.role == "tech"]
        assert tech and tech[0].phones == [str(p) for p in gold["tech_phones"]]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_platforms(key: str, facts) -> None:
    hosts = {f.host for f in of(facts[key], "platform")}
    for wanted in GOLDEN[key]["platforms"]:
        assert any(h.endswith(wanted) for h in hosts), hosts


def test_eligibility_kept_whole_per_list(facts) -> None:
    gold = GOLDEN["000"]["eligibility_lists"]
    elig = of(facts["000"], "eligibility")
    assert {name for f in elig for name in f.lists} == set(gold)
    for f in elig:
        assert all(c in f.quote for c in f.conditions)


def test_new_style_notice_yields_facts_without_code_change() -> None:
    """ASCII punctuation, '一.' headings, another issuer and year: the same extractors work."""
    notice = make_notice("new.txt", (FIXTURES / "new_style_2024.txt").read_text(encoding="utf-8"))
    facts = extract_facts(notice)
    assert notice.year == 2024 and notice.doc_number.endswith("[2024]12号")
    lists = of(facts, "lists")[0].lists
    assert "海洋创新榜" in lists  # a list name no alias file knows
    quotas = {n: f.number for f in of(facts, "quota") for n in f.lists}
    assert quotas["海洋创新榜"] == 1 and quotas["先导技术榜"] == 4
    deadlines = {f.date: f for f in of(facts, "deadline")}
    assert deadlines["2024-10-20"].time == "24时"
    assert deadlines["2024-10-15"].time == "下午16:00"
    contact = next(f for f in of(facts, "contact") if "海洋创新榜" in f.lists)
    assert contact.persons == ["欧阳明"]
    assert contact.emails == ["ouyang@example.org.cn"]


def test_prose_style_notice() -> None:
    """Several quotas in one sentence, labels inside a line, a weekday before 前, 设立: still extracted."""
    notice = make_notice("p.txt", (FIXTURES / "prose_style_2025.txt").read_text(encoding="utf-8"))
    facts = extract_facts(notice)
    assert of(facts, "lists")[0].lists == ["先导技术榜", "新锐企业榜", "科技志愿服务榜"]
    quotas = {n: f.number for f in of(facts, "quota") for n in f.lists}
    assert quotas == {"先导技术榜": 3, "新锐企业榜": 4, "科技志愿服务榜": 2}
    deadlines = of(facts, "deadline")
    assert {f.date for f in deadlines} == {"2025-10-31"}
    assert any(f.time == "17:00" for f in deadlines)
    by_person = {p: f for f in of(facts, "contact") for p in f.persons}
    assert by_person["赵晓明"].lists == ["科技志愿服务榜"]
    assert by_person["赵晓明"].phones == ["010-66667777"]
    assert by_person["赵晓明"].emails == ["zhaoxm@example.cn"]
    assert by_person["钱多多"].role == "tech" and by_person["钱多多"].phones == ["13800001111"]


def _contacts_by_phone(name: str, text: str) -> dict[str, ContactFact]:
    """The contacts a notice's text yields, by each of their phones."""
    return {p: f for f in extract_facts(make_notice(name, text)) if isinstance(f, ContactFact) for p in f.phones}


def test_contacts_are_found_from_their_numbers_wherever_a_notice_writes_them() -> None:
    text = ("东岭高新区管委会科技创新局文件\n关于印发东岭高新区2026年“科创中国”系列榜单推荐工作实施细则的通知\n各有关单位：\n"
            "第二十四条 工作联系方式：\n（一）申报组织、材料受理：科创局成果转化科 许嘉文，0592-5716382；\n"
            "（二）路演答辩安排：园区科协秘书处 方若琳，0592-5716377；\n"
            "主持人：申报组织找我，孙佳怡，电话0532-86057312；政策和名额问题找王启明老师，0532-86057301。\n"
            "集团科协联系人\t邓可欣（集团科协秘书处，申报组织、材料受理），010-63218875，13911820436\n"
            "邮寄地址：东岭市滨江路1号，李小鹏，13810377984\n")
    by_phone = _contacts_by_phone("rules.txt", text)
    assert by_phone["0592-5716377"].persons == ["方若琳"] and by_phone["0592-5716377"].header == "路演答辩安排"
    assert by_phone["0592-5716377"].org == "园区科协秘书处"
    assert by_phone["0592-5716382"].persons == ["许嘉文"]
    assert by_phone["0532-86057312"].persons == ["孙佳怡"] and by_phone["0532-86057301"].persons == ["王启明"]
    assert by_phone["13911820436"].persons == ["邓可欣"] and by_phone["13911820436"].header == "集团科协联系人"
    assert "13810377984" not in by_phone  # a recipient's number on an address line is the address's


def test_a_label_written_onto_its_value_is_still_a_label() -> None:
    """"联系人邵景行，联系方式010-…": no colon after the labels, in a header line and inside a sentence."""
    from assistant.model import ContactFact

    text = ("某省科协关于转发2031年“科创中国”系列榜单通知的说明\n各有关单位：\n"
            "先导技术榜（电子信息领域）：中国科协某某学会联合体，联系人屈望舒，联系方式010-61234567/13912345678。\n"
            "另外，装备制造领域由中国科协某某装备学会联合体负责初评，联系人蒲映川，联系方式010-67654321/13687654321。\n"
            "主持人：申报组织找我，孙佳怡，电话0532-86057312。\n")
    by_phone = _contacts_by_phone("bare.txt", text)
    assert by_phone["13912345678"].persons == ["屈望舒"] and by_phone["13912345678"].field_keys == ["电子信息"]
    assert by_phone["13687654321"].persons == ["蒲映川"] and by_phone["13687654321"].field_keys == ["装备制造"]
    assert by_phone["0532-86057312"].persons == ["孙佳怡"]
    # One line, several entries each with its own head and bare 联系人: each entry is read by itself.
    sms = ("某县科学技术协会关于2031年“科创中国”系列榜单的短信通知\n"
           "【县科协】初评联系：新锐榜初评机构某企业服务中心，联系人尹可心，010-56231871/18911563028；"
           "融通榜初评机构某融通创新研究院，联系人濮文涛，010-82514067-218/15611873321。退订回T\n")
    facts = [f for f in extract_facts(make_notice("sms.txt", sms)) if isinstance(f, ContactFact)]
    by_person = {p: f for f in facts for p in f.persons}
    assert by_person["尹可心"].list_keys == ["新锐企业榜"] and by_person["尹可心"].phones == ["010-56231871", "18911563028"]
    assert by_person["尹可心"].body == "某企业服务中心"  # the body its head names, not the sender's "县科协"
    assert by_person["濮文涛"].list_keys == ["融通创新组织榜"] and "15611873321" in by_person["濮文涛"].phones


def test_a_date_a_notice_replaces_or_one_of_an_earlier_round_is_not_its_deadline() -> None:
    from assistant.model import DeadlineFact

    text = ("东岭省科学技术协会关于组织推荐2027年“科创中国”系列榜单的通知\n各有关单位：\n一、今年变化\n"
            "平台截止：2023年11月30日24时 → 2027年11月10日24时。\n"
            "二、校内安排\n校内截止时间为10月23日17:00 → 10月30日17:00前。\n")
    dates = sorted(f.date for f in extract_facts(make_notice("d.txt", text)) if isinstance(f, DeadlineFact))
    # Neither the 2023 round's date nor the one replaced; what they were changed to, each a deadline.
    assert dates == ["2027-10-30", "2027-11-10"]


def test_a_corrected_deadline_is_the_old_ones_at_its_new_date_cited_at_the_correction() -> None:
    """A 勘误 at the end ("…“11月18日17:00”更正为“11月24日17:00”") or an edited post ("应为11月14日12:00（原写的
    11月12日…）"): the old deadline is gone, its scope and what is due move to the new date; a reference
    date ("截至…在中心连续工作满3年") is no deadline; a unit's own named system is not the national platform."""
    from assistant.model import DeadlineFact, Scope

    text = ("岚川省科学技术协会关于转发2041年“科创中国”系列榜单通知的解读\n各有关单位：\n"
            "问五：省内报送截止时间是哪天？\n解读：各市科协应于2041年11月18日17:00前，通过“岚川科协综合服务平台”报送候选名单。\n"
            "问六：人员条件？\n解读：截至2041年10月31日在本单位连续工作满3年。\n"
            "勘误\n1．问五中省内报送截止时间“2041年11月18日17:00”更正为“2041年11月24日17:00”。\n"
            "编辑于 2041-10-12：更正：校内截止时间应为2041年11月14日12:00（原写的11月12日是周六），其余不变。\n"
            "校内截止：请于2041年11月12日12:00前提交申报书。\n")
    found = [f for f in extract_facts(make_notice("k.txt", text)) if isinstance(f, DeadlineFact)]
    by_date = {f.date: f for f in found}
    assert sorted(by_date) == ["2041-11-14", "2041-11-24"]
    assert "更正为" in by_date["2041-11-24"].quote and by_date["2041-11-24"].time == "17:00"
    assert "候选名单" in by_date["2041-11-24"].action and by_date["2041-11-24"].scope != Scope.PLATFORM
    assert "应为" in by_date["2041-11-14"].quote


def test_a_deadline_moved_without_naming_the_old_one_replaces_the_earlier_of_its_side() -> None:
    """A group's later announcement: "园区内部截止提前到11月18日": the park's own date stated before is gone
    (what was due by it is due by the new one); the platform's date and another list's stay."""
    from assistant.model import DeadlineFact

    text = ("澄湖高新区2041科创中国申报群\n【群公告】\n发布人：科创局 2041-10-11\n"
            "1. 园区内部截止：11月20日18:00前，把申报表发到园区邮箱。\n2. 科协平台截止是12月5日24时。\n"
            "3. 技术经理人先锋榜园区内部截止：11月22日。\n"
            "【群公告更新】2041-10-18\n1. 园区内部截止提前到11月18日12:00。\n")
    dates = {f.date: f for f in extract_facts(make_notice("g.txt", text)) if isinstance(f, DeadlineFact)}
    assert "2041-11-20" not in dates and "2041-12-05" in dates and "2041-11-22" in dates
    assert dates["2041-11-18"].time == "12:00" and "提前到" in dates["2041-11-18"].quote
    general = ("各单位截止时间：11月20日。\n补充通知：截止时间延长至11月27日。\n")
    found = sorted(f.date[-5:] for f in extract_facts(make_notice("h.txt", "关于2041年“科创中国”系列榜单的通知\n" + general))
                   if isinstance(f, DeadlineFact))
    assert found == ["11-27"]
    # Corrected in so many words, the old date unnamed: "…的截止时间更正为11月7日", "截止时间延后至11月9日".
    for moved in ("※更正：第二条中各市科协报送候选材料的截止时间更正为2041年11月27日，其余不变。\n",
                  "补充：学院汇总的截止时间延后至11月27日。\n"):
        found = sorted(f.date[-5:] for f in extract_facts(make_notice("j.txt", "关于2041年“科创中国”系列榜单的通知\n" + general.split("\n")[0]
                                                                          + "\n" + moved)) if isinstance(f, DeadlineFact))
        assert found == ["11-27"], moved
    # The old date named: "截止时间由11月13日延长至11月21日17:00" corrects it.
    named = "学会内部截止时间为2041年11月13日17:00。\n10月17日 学会将内部截止时间由2041年11月13日延长至2041年11月21日17:00。\n"
    found = sorted(f.date[-5:] for f in extract_facts(make_notice("i.txt", "关于2041年“科创中国”系列榜单的通知\n" + named))
                   if isinstance(f, DeadlineFact))
    assert found == ["11-21"]


def test_a_correction_may_give_one_side_by_its_day_alone() -> None:
    """A margin note "〔手写：12日是周日！改为11月15日（周三）17:00前〕", a text message "“11月6日”有误，应为11月10日",
    a speaker's "11月15号，哦不对，是16号": each moves the deadline it corrects."""
    from assistant.ingest.facts.schedule import corrections_in
    from assistant.model import DeadlineFact

    assert [(c.old, c.new, c.time) for c in corrections_in("〔手写：12日是周日！改为11月15日（周三）17:00前〕")] == [((11, 12), (11, 15), "17:00")]
    assert [(c.old, c.new) for c in corrections_in("更正：县内报送截止“11月6日”有误，应为11月10日（周五）17:00前。")] == [((11, 6), (11, 10))]
    assert [(c.old, c.new) for c in corrections_in("截止是——11月15号，哦不对，是16号")] == [((11, 15), (11, 16))]
    # both sides quoted: "截止时间“11月13日17时”有误，应为“11月16日17时”"
    assert [(c.old, c.new) for c in corrections_in("字幕更正：截止时间“11月13日17时”有误，应为“11月16日17时”。")] == [((11, 13), (11, 16))]
    # a version history's change, each date quoted with its "前"
    assert [(c.old, c.new) for c in corrections_in("截止时间由“2056年11月10日17:00前”调整为“2056年11月13日12:00前”。")] == [((11, 10), (11, 13))]
    assert [(c.old, c.new) for c in corrections_in("更正：截止时间应为2057年11月27日17:00（会上口误说成11月22日）")] == [((11, 22), (11, 27))]
    # the error said in one sentence, the right date in the next
    assert [(c.old, c.new) for c in corrections_in("表中所写的“2069年11月12日17:00前”有误。\n现更正为：各市州于2069年11月14日17:00前报送。")] \
        == [((11, 12), (11, 14))]
    text = ("泽川市科学技术协会关于推荐2041年“科创中国”系列榜单的通知\n各县区科协：\n"
            "一、请各单位于2041年11月12日前完成报送，并同时报送《推荐汇总表》。\n"
            "〔手写：12日是周日！改为11月15日（周三）17:00前，已电话通知各县区〕\n")
    dates = sorted(f.date for f in extract_facts(make_notice("h.txt", text)) if isinstance(f, DeadlineFact))
    assert dates == ["2041-11-15"]


def test_a_deadline_written_in_characters_is_read() -> None:
    from assistant.model import DeadlineFact

    text = ("江临市科学技术协会关于组织推荐2027年“科创中国”系列榜单的通知\n各有关单位：\n一、时间安排\n"
            "各区县科协于十月十八日下午五点前将初选项目报送学会部。\n")
    found = [f for f in extract_facts(make_notice("m.txt", text)) if isinstance(f, DeadlineFact)]
    assert [(f.date, f.time) for f in found] == [("2027-10-18", "下午5:00")]


def test_a_deadline_that_refers_back_to_two_lists_is_theirs() -> None:
    from assistant.model import DeadlineFact

    text = ("江临市科学技术协会关于组织推荐2027年“科创中国”系列榜单的通知\n各有关单位：\n一、分工\n"
            "会议听取了汇报。中国科协今年设置先导技术榜、新锐企业榜、融通创新机构榜、技术经理人先锋榜四类榜单。\n"
            "四是融通创新机构榜和技术经理人先锋榜由科技服务中心牵头组织。两个榜单材料于10月20日前报科技服务中心。"
            "各区县科协于10月18日前将初选项目报送学会部。\n")
    found = {f.date: f.lists for f in extract_facts(make_notice("m.txt", text)) if isinstance(f, DeadlineFact)}
    assert found == {"2027-10-20": ["融通创新机构榜", "技术经理人先锋榜"], "2027-10-18": []}


def test_a_units_deadline_for_the_list_asked_comes_before_one_for_every_list(tmp_path, small_settings) -> None:  # noqa: ANN001
    from assistant.assistant import Assistant

    bot = Assistant(small_settings)
    src = tmp_path / "jianglin_2027.txt"
    src.write_text("江临市科学技术协会关于组织推荐2027年“科创中国”系列榜单的通知\n各有关单位：\n一、分工\n"
                   "各区县科协于10月18日前将初选项目报送学会部。"
                   "四是融通创新机构榜和技术经理人先锋榜由科技服务中心牵头组织。两个榜单材料于10月20日前报科技服务中心。\n",
                   encoding="utf-8")
    bot.ingest([src])
    ans = bot.answer("江临市科协那边，技术经理人先锋榜材料最晚哪天报？")
    assert "10月20日" in ans.answer.split("\n")[0]
    assert "两处日期不一致" not in ans.answer  # two lists' dates, not one date written twice


def test_a_date_the_notice_corrects_later_is_not_a_deadline() -> None:
    from assistant.model import DeadlineFact

    chat = ("无锡市科学技术协会关于组织推荐2028年“科创中国”系列榜单的通知\n各有关单位：\n一、安排\n"
            "各区科协于10月20日前将推荐汇总表发送至市科协邮箱。\n"
            "更正：上面说的10月20日改为10月24日前报送汇总表。\n"
            "企业于十一月五号下午五点前点提交——不对不对，我看错了，是十一月七号，十一月七号下午五点前。\n")
    dates = sorted({f.date for f in extract_facts(make_notice("c.txt", chat)) if isinstance(f, DeadlineFact)})
    assert dates == ["2028-10-24", "2028-11-07"]


def test_a_correction_note_at_the_end_replaces_the_deadline_it_names() -> None:
    from assistant.model import DeadlineFact

    text = ("鹭港市科学技术协会关于组织推荐2035年“科创中国”系列榜单的通知\n各有关单位：\n三、工作安排\n"
            "请各推荐单位于2035年11月2日17:00前将推荐汇总表报送市科协。\n"
            "修订说明（2035年10月10日）：\n1. 更正：第三条所列截止日期更正为2035年11月6日17:00，原定2035年11月2日17:00的截止时间作废。\n"
            "2. 学会材料报送截止时间延长至2035年11月8日17:00。\n")
    found = [f for f in extract_facts(make_notice("l.txt", text)) if isinstance(f, DeadlineFact)]
    assert sorted({(f.date, f.time) for f in found}) == [("2035-11-06", "17:00"), ("2035-11-08", "17:00")]


def test_a_chat_speaker_line_stays_a_line_and_a_speaker_who_introduces_themselves_is_the_contact() -> None:
    from assistant.ingest.notices import clean_text
    from assistant.model import ContactFact

    chat = ("无锡市科协关于组织推荐2028年“科创中国”系列榜单的通知\n一、对接\n张岚（市科协）2028/10/09 16:40\n"
            "@所有人 汇总表模板已上传群文件，请各区下载填写后在截止前报送市里\n\n朱莉（市科协）2028/10/11 09:05\n"
            "大家好，我是市科协科技经济融合部朱莉，今年新设的科技服务团先锋榜由我对接，电话0510-81826752。\n")
    assert "朱莉（市科协）2028/10/11 09:05\n" in clean_text(chat).text  # never joined to the message above
    found = [f for f in extract_facts(make_notice("w.txt", chat)) if isinstance(f, ContactFact) and "0510-81826752" in f.phones]
    assert found and found[0].persons == ["朱莉"]


def test_a_verb_before_an_enumerated_list_is_not_part_of_its_name() -> None:
    from assistant.ingest.facts.common import find_list_names

    assert find_list_names("本会组织电子信息领域的推荐，同时接受新锐企业榜、融通创新组织榜的申报") == ["新锐企业榜", "融通创新组织榜"]
    # "新设的X榜": the verb's particle is not the name's first character either.
    assert find_list_names("还有今年新设的海岸带治理榜。") == ["海岸带治理榜"]
    # "…、场景创新示范榜五类榜单": the count and its 榜单 after the last name are not part of it.
    assert find_list_names("设置先导技术榜、新锐企业榜、场景创新示范榜三类榜单。")[-1] == "场景创新示范榜"


def test_a_notice_without_a_setup_section_sets_up_its_lists_in_any_sentence() -> None:
    from assistant.model import ListsFact

    report = ("宁川市科协部署2029年“科创中国”系列榜单征集遴选工作\n一、会议情况\n9月24日下午，宁川市科协召开部署会。\n"
              "二、记者了解\n今年设先导技术榜、新锐企业榜、融通创新组织榜、技术经理人先锋榜。\n")
    lists = [f for f in extract_facts(make_notice("r.txt", report)) if type(f) is ListsFact]
    assert lists and lists[0].lists == ["先导技术榜", "新锐企业榜", "融通创新组织榜", "技术经理人先锋榜"]


def test_a_units_own_section_on_the_lists_it_organises_is_its_lists() -> None:
    from assistant.model import ListsFact

    notice = ("北岭研究院关于组织申报2078年榜单的院内通知\n一、2078年榜单设置\n"
              "中国科协今年设先导技术榜、新锐企业榜、融通创新组织榜、数智融合应用榜四类榜单。\n"
              "二、院内组织的榜单\n先导技术榜（先进材料领域）\n新锐企业榜\n融通创新组织榜、数智融合应用榜本院不组织。\n")
    lists = [f for f in extract_facts(make_notice("p.txt", notice)) if type(f) is ListsFact]
    assert lists and lists[0].lists == ["先导技术榜", "新锐企业榜"]


def test_a_records_list_heads_the_contact_of_that_record() -> None:
    from assistant.model import ContactFact

    export = ("中国智能传感学会 会员服务系统\n【数据导出】2029年“科创中国”系列榜单 学会组织申报安排表\n一、记录\n"
              "==========\n记录号：001\n榜单：新锐企业榜\n推荐名额：4家\n内部截止：2029年11月6日17:00\n对接人：沈一鸣\n"
              "电话：010-63315236 / 18811472690\n邮箱：shenym@cisss.org.cn\n----------\n记录号：002\n榜单：融通创新组织榜\n"
              "推荐名额：2家\n对接人：范思琪\n电话：010-63315248\n邮箱：fansq@cisss.org.cn\n")
    contacts = {tuple(f.persons): f.lists for f in extract_facts(make_notice("e.txt", export)) if isinstance(f, ContactFact)}
    assert contacts[("沈一鸣",)] == ["新锐企业榜"] and contacts[("范思琪",)] == ["融通创新组织榜"]


def test_an_email_signature_names_the_person_above_the_organisation_and_office() -> None:
    from assistant.model import ContactFact

    thread = ("主题：Re: 2030年“科创中国”系列榜单学会推荐安排\n\n各位好，\n补充一点：先锋榜材料发我本人邮箱。\n\n"
              "黎振东\n中国智能传感学会 副秘书长\n电话：010-62587302\n邮箱：lizhendong@cists.org.cn\n\n"
              "> -----原始邮件-----\n\n彭博\n中国智能传感学会 传感器与MEMS专业委员会 秘书\n电话：0571-87952618\n\n"
              "签报\n恒岳集团科协办公室\n电话：010-59871436\n")
    contacts = [f for f in extract_facts(make_notice("thread.txt", thread)) if isinstance(f, ContactFact)]
    by_phone = {f.phones[0]: f for f in contacts}
    assert by_phone["010-62587302"].persons == ["黎振东"] and by_phone["010-62587302"].body == "中国智能传感学会"
    assert by_phone["0571-87952618"].persons == ["彭博"]
    assert by_phone["0571-87952618"].body == "中国智能传感学会 传感器与MEMS专业委员会"  # the office is not the body
    assert by_phone["010-59871436"].persons == []  # "签报" names a document, not a person


def test_a_contact_line_saying_who_handles_what_before_the_numbers() -> None:
    from assistant.model import ContactFact

    text = ("某学会2031年榜单推荐工作方案\n1总则\n1.1依据\n据通知制定。\n1.2范围\n适用于会员。\n6联系方式\n"
            "6.1学术部 郑雨桐：总体协调、材料接收。电话010-62385417，手机13911620387。\n"
            "6.2会员部 柯启航：会员资格核验、技术经理人先锋榜咨询。电话010-62385422，手机13701148569。\n")
    contacts = [f for f in extract_facts(make_notice("plan.txt", text)) if isinstance(f, ContactFact)]
    member = next(f for f in contacts if "13701148569" in f.phones)
    assert member.persons == ["柯启航"] and member.org == "会员部"
    assert "会员资格核验" in member.header and member.lists == ["技术经理人先锋榜"]  # what they handle


def test_an_office_exports_contact_records_give_each_person_their_office_and_lists() -> None:
    from assistant.model import ContactFact

    text = ("标题: 关于组织申报2032年“科创中国”系列榜单的通知\n发文单位: 远航集团科协\n正文: |\n  今年设先导技术榜、新锐企业榜。\n"
            "contacts:\n  - 姓名: 谢铭\n    部门: 集团科协秘书处\n    负责: 先导技术榜\n    电话: 010-68523417\n"
            "  - 姓名: 柯雨桐\n    部门: 集团科协秘书处\n    负责: 新锐企业榜\n    手机: 18601137745\n    email: keyt@yhzb.com.cn\n")
    contacts = {f.persons[0]: f for f in extract_facts(make_notice("oa.txt", text)) if isinstance(f, ContactFact) and f.persons}
    assert contacts["柯雨桐"].phones == ["18601137745"] and contacts["柯雨桐"].lists == ["新锐企业榜"]
    assert contacts["谢铭"].phones == ["010-68523417"] and contacts["谢铭"].org == "集团科协秘书处"


PLAN = """某某学会关于做好2033年“科创中国”系列榜单推荐工作的通知
各单位会员：分工见下表。
序号 | 榜单 | 领域 | 学会名额 | 会员提交截止 | 学会责任人 | 对口初评机构及联系人
1 | 先导技术榜 | 电子信息 | 3 | 2033年10月27日17:00 | 韦晨曦 010-63358417 | 中国科协信息科技学会联合体 沈嘉禾 010-68734152
2 | 先导技术榜 | 装备制造 | 3 | 2033年10月27日17:00 | 韦晨曦 010-63358417 | 中国科协智能制造学会联合体 宋立峰 010-68792216
3 | 新锐企业榜 | — | 4 | 2033年10月24日17:00 | 司马越 010-63358420 | “科创中国”联合体秘书处 贺晓棠 010-56059218
4 | 综合协调（秘书处） | — | — | — | 黎国栋 0757-83362501 | —
5 | 技术经理人先锋榜 | 技术经理人先锋榜 | 3 | 2033年10月30日17:00 | 阮清妍 18911362705 | 全国技术转移服务联盟 蒲静怡 010-84359027
五、联系方式
学会秘书处：韦晨曦010-63358417 13601152389
某某学会
2033年10月9日
"""


def test_a_row_table_s_contact_columns_give_each_row_s_contacts() -> None:
    from assistant.model import ContactFact, Role

    facts = [f for f in extract_facts(make_notice("plan.txt", PLAN)) if isinstance(f, ContactFact)]
    by = {(tuple(f.lists), tuple(f.fields), tuple(f.persons)): f for f in facts}
    review = by[(("先导技术榜",), ("装备制造",), ("宋立峰",))]
    assert review.phones == ["010-68792216"] and review.role == Role.REVIEW and "智能制造学会联合体" in review.org
    own = by[(("新锐企业榜",), (), ("司马越",))]
    assert own.phones == ["010-63358420"] and own.role == Role.SOCIETY
    # a row read by its header is not also one contact of every name and number on it
    assert not any(len(f.persons) > 1 for f in facts)
    # a field cell that names the list is no field: the row is the whole list's
    assert by[(("技术经理人先锋榜",), (), ("蒲静怡",))].role == Role.REVIEW
    # a row naming no list is a contact for what its first cell names
    assert any(f.persons == ["黎国栋"] and f.header == "综合协调（秘书处）" and not f.lists for f in facts)
    # a contact line below the table keeps the numbers the table's rows also hold
    assert any(f.persons == ["韦晨曦"] and "13601152389" in f.phones for f in facts)


def test_without_a_year_a_rule_never_answers_from_an_older_round_than_the_one_being_run(tmp_path, small_settings) -> None:  # noqa: ANN001
    """A round whose units' notices are in but whose call is not: its stages are not last round's."""
    from dataclasses import replace

    from assistant.assistant import Assistant

    bot = Assistant(replace(small_settings, today=dt.date(2037, 10, 20)))
    src = tmp_path / "nanyu_2037.txt"
    src.write_text("南屿省科学技术协会关于组织推荐2037年“科创中国”系列榜单的通知\n各设区市科协：\n"
                   "一、请于2037年10月28日前将推荐材料报省科协科技创新部。\n二、终评安排在2038年1月，2038年3月发布推介。\n",
                   encoding="utf-8")
    bot.ingest([src])
    ans = bot.answer("终评啥时候？")
    assert "2038年1月" in ans.answer[:300] and "2024年1月" not in ans.answer


def test_a_table_row_missing_its_empty_last_cells_is_read_by_the_header() -> None:
    """A spreadsheet export drops a row's empty last cells: the row is still the table's, and each of
    its contact column pairs (the review body's, the unit's own) is a contact of its own."""
    text = ("西岭重工集团科协2031年“科创中国”系列榜单推荐工作台账\n\n"
            "序号\t榜单\t领域\t初评联系人\t初评电话\t集团对接人\t集团对接电话\t备注\n"
            "1\t先导技术榜\t电子信息\t宁远舟\t010-61110001\t柯以安\t010-62220002\t\n"
            "2\t先导技术榜\t未来产业（新增）\t陆星河\t010-61110003\t柯以安\t010-62220002\t今年新设\n"
            "3\t新锐企业榜\t—\t杜若衡\t010-61110004\t沈青禾\t010-62220005\t\n")
    facts = [f for f in extract_facts(make_notice("t.tsv", text)) if isinstance(f, ContactFact)]
    by_person = {p: f for f in facts for p in f.persons}
    assert by_person["宁远舟"].field_keys == ["电子信息"] and by_person["宁远舟"].persons == ["宁远舟"]
    assert by_person["陆星河"].fields == ["未来产业"]
    assert by_person["沈青禾"].list_keys == ["新锐企业榜"] and by_person["沈青禾"].phones == ["010-62220005"]


def test_a_work_plans_month_day_rows_are_its_stages_and_hand_in_days() -> None:
    """A ledger's stages dated month/day ("9/19–10/31"), its week columns in the header: each row a
    stage; one that hands something in (报名, 推荐确认) a deadline on its last day, in the notice's year."""
    from assistant.model import DeadlineFact, StageFact

    text = ("北岸高新区科技创新局\n2031年“科创中国”系列榜单组织推荐工作台账\n\n"
            "| 序号 | 工作阶段 | 责任人 | 起止 | W37 9/12 | W38 9/19 | 状态 |\n"
            "| 1 | 企业线上报名（北岸企服通） | 简清 | 9/19–10/31 | ■ | ■ | 进行中 |\n"
            "| 2 | 申报辅导 | 简清 | 9/29–10/27 |  | ■ | 进行中 |\n"
            "| 3 | 平台推荐确认 | 韦然 | 11/18–11/22 |  |  | 未开始 |\n")
    facts = extract_facts(make_notice("ledger.txt", text))
    stages = {f.stage: f.period for f in facts if isinstance(f, StageFact)}
    assert stages["申报辅导"] == "9月29日—10月27日"
    due = {f.action: f.date for f in facts if isinstance(f, DeadlineFact)}
    assert due == {"企业线上报名（北岸企服通）": "2031-10-31", "平台推荐确认": "2031-11-22"}


@pytest.mark.parametrize("body", [
    "2031年“科创中国”系列榜单共四类：\n\n1. 先导技术榜：电子信息等领域；\n2. 新锐企业榜；\n3. 融通创新平台榜（原融通创新组织榜）；\n4. 技术经理人先锋榜。\n",
    "今年共四类：先导技术榜、新锐企业榜、融通创新平台榜、技术经理人先锋榜。\n",
])
def test_the_lists_a_notice_announces_by_their_count_are_the_rounds(body: str) -> None:
    from assistant.model import ListsFact

    text = f"南湖市科协办事指南\n2031年“科创中国”系列榜单市级推荐\n\n一、事项说明\n{body}二、受理时间\n工作日受理。\n"
    facts = [f for f in extract_facts(make_notice("g.txt", text)) if isinstance(f, ListsFact)]
    assert facts and facts[0].lists == ["先导技术榜", "新锐企业榜", "融通创新平台榜", "技术经理人先锋榜"]


def test_a_deadline_is_the_platforms_only_where_its_own_clause_says_so() -> None:
    """"…前将纸质材料报送市科协…，同时在平台完成填报" is the unit's own date; each date of an article's
    ⏰ list is what its own line says; "登录平台…，申报截止时间为…" is the platform's."""
    from assistant.model import DeadlineFact, Scope

    text = ("青石市科学技术协会关于组织推荐2041年“科创中国”系列榜单的通知\n各有关单位：\n一、时间安排\n"
            "请各单位于2041年11月12日17:00前将纸质材料报送市科协科技服务中心，同时在平台完成填报。\n"
            "⏰ 会员向学会提交截止：2041年11月10日18:00⏰ 中国科协平台申报截止：2041年11月28日24时\n"
            "由申报单位登录“科创中国”平台完成线上申报，申报截止时间为2041年11月25日24时。\n")
    scopes = {f.date: f.scope for f in extract_facts(make_notice("q.txt", text)) if isinstance(f, DeadlineFact)}
    assert scopes == {"2041-11-12": Scope.INTERNAL, "2041-11-10": Scope.INTERNAL,
                      "2041-11-28": Scope.PLATFORM, "2041-11-25": Scope.PLATFORM}
    # Whose date it is the words before it say first: the platform named after it is where the work is done.
    said = ("平台申报截止时间是2041年11月25日24时，但园区内部的截止时间是2041年11月15日18:00——在这之前必须在平台上填完。\n")
    scopes = {f.date: f.scope for f in extract_facts(make_notice("r.txt", text.split("\n")[0] + "\n" + said))
              if isinstance(f, DeadlineFact)}
    assert scopes == {"2041-11-25": Scope.PLATFORM, "2041-11-15": Scope.INTERNAL}


def test_a_spreadsheet_with_merged_cells_is_read_by_its_two_header_rows() -> None:
    """An export whose header cells were merged over two rows, and whose merged body cells keep their
    value in the first cell only: each row's deadline and contact are those of the block it is in."""
    from assistant.model import ContactFact, DeadlineFact, StageFact

    text = ("东屿大学2041年“科创中国”系列榜单校内推荐任务表\n"
            "序号 | 榜单 | 领域 | 推荐名额 |  | 时间节点 |  |  | 校内联系人 |  | 备注\n"
            " |  |  | 科协规定 | 校内上限 | 学院报送截止 | 科研院评审 | 平台申报截止 | 姓名 | 分机 | \n"
            "1 | 先导技术榜 | 电子信息 | 4个 | 2个 | 11月5日17:00 | 11月10日—11月12日 | 2041年11月28日24时 | 吕静怡 | 6281 | 须达到TRL4\n"
            "2 |  | 生物医药 | 4个 | 2个 |  |  |  |  |  | \n"
            "3 |  | 先进材料 | 4个 | 1个 |  |  |  | 宋柏川 | 6284 | \n"
            "4 | 新锐企业榜 | 校办企业 | 6个 | 2个 | 11月7日17:00 |  |  | 鲍书宁 | 6307 | \n"
            "说明： | 1. 校内分机外线请拨0371-6728加分机号。 |  |  |  |  |  |  |  |  | \n")
    facts = extract_facts(make_notice("t.txt", text))
    internal = {(f.lists[0], *f.fields): f.date for f in facts if isinstance(f, DeadlineFact) and f.date.startswith("2041-11-0")}
    assert internal == {("先导技术榜", "电子信息"): "2041-11-05", ("先导技术榜", "生物医药"): "2041-11-05",
                        ("先导技术榜", "先进材料"): "2041-11-05", ("新锐企业榜", "校办企业"): "2041-11-07"}
    contacts = {f.fields[0]: (f.persons, f.phones) for f in facts if isinstance(f, ContactFact) and f.fields}
    assert contacts["生物医药"] == (["吕静怡"], ["分机6281"]) and contacts["先进材料"] == (["宋柏川"], ["分机6284"])
    stages = {(f.lists[0], f.stage, f.period) for f in facts if isinstance(f, StageFact)}
    assert ("新锐企业榜", "科研院评审", "11月10日—11月12日") in stages  # a stage column, merged down to the last row


def test_a_markdown_tables_outer_pipes_go_but_a_bare_tables_leading_empty_cell_stays() -> None:
    from assistant.ingest.notices import clean_text

    assert clean_text("| 榜单 | 名额 |\n| --- | --- |\n| 先导技术榜 | 3个 |\n").text.strip() == "榜单 | 名额\n先导技术榜 | 3个"
    bare = clean_text("序号 | 榜单 | 名额 |  | 备注\n |  |  | 上限 | \n1 | 先导技术榜 | 3个 | 2个 | \n").text
    from assistant.ingest.textmap import row_cells

    assert row_cells(bare.split("\n")[1], outer=False)[:4] == ["", "", "", "上限"]  # under 推荐名额's second column


def test_a_conditions_section_with_a_line_per_list_gives_each_list_its_own() -> None:
    from assistant.model import EligibilityFact

    text = ("中国智能感知学会关于推荐2041年“科创中国”系列榜单的通知\n各会员单位：\n四、申报条件速览\n"
            "🔹 新锐企业榜：成立年限不超过8年（2033年1月1日及以后注册）；上一年度研发经费投入强度不低于5%\n"
            "🔹 技术转移先锋榜：从事技术转移相关工作满3年\n")
    found = {tuple(f.lists): f.conditions for f in extract_facts(make_notice("e.txt", text)) if isinstance(f, EligibilityFact)}
    assert found == {("新锐企业榜",): ["成立年限不超过8年（2033年1月1日及以后注册）", "上一年度研发经费投入强度不低于5%"],
                     ("技术转移先锋榜",): ["从事技术转移相关工作满3年"]}


FORWARD = "华川能源集团科协关于组织推荐2047年“科创中国”系列榜单的通知\n各子公司：\n"


def test_a_forwarding_notices_restated_review_contacts_are_the_lists_review_bodies() -> None:
    """Unlabelled lines under "初评机构联系方式": each list's review body (from the line's brackets)
    and person, not the notice's own office; the notice's own contact stays its own."""
    text = FORWARD + ("一、联系方式\n本通知联系人：冉可心，0571-88880002\n二、中国科协初评机构联系方式（转录自科协通知）\n"
                      "技术转移领航榜（全国技术转移人才联盟）：岑晓川，010-62870000/13700000001\n")
    contacts = {f.value: f for f in extract_facts(make_notice("g.txt", text)) if isinstance(f, ContactFact)}
    assert contacts["岑晓川"].role.value == "review" and contacts["岑晓川"].body == "全国技术转移人才联盟"
    assert contacts["岑晓川"].lists == ["技术转移领航榜"]


def test_a_role_heading_names_its_body_in_brackets_and_any_common_surname_is_a_person() -> None:
    text = FORWARD + ("一、联系方式\n先导技术榜电子信息领域初评机构（中国科协新一代信息技术学会联合体）\n联系人：阎予舟\n"
                      "电话：010-58820000\n")
    contact = next(f for f in extract_facts(make_notice("g.txt", text)) if isinstance(f, ContactFact))
    assert contact.body == "中国科协新一代信息技术学会联合体" and contact.persons == ["阎予舟"]


def test_a_timelines_date_first_line_is_the_deadline_it_names_and_a_units_own_is_not_the_platforms() -> None:
    """"11月1日（周五）18:00  学会内部材料截止": a cutoff of what the line names after the date;
    "学会内部截止：11月1日18:00，比全国平台早两周" is the unit's own date, whatever else the sentence says."""
    text = ("中国农机智能学会关于组织推荐2047年“科创中国”系列榜单的通知\n各会员单位：\n一、时间线\n"
            "10月25日  非会员入会截止\n11月1日（周五）18:00  学会内部材料截止\n二、划重点\n学会内部截止：11月1日18:00，比全国平台早两周\n")
    deadlines = [f for f in extract_facts(make_notice("s.txt", text)) if f.kind == "deadline"]
    line = next(f for f in deadlines if f.action == "学会内部材料截止")
    assert line.date == "2047-11-01" and line.time == "18:00" and line.written == "11月1日（周五）18:00"
    assert line.scope.value == "internal" and line.category.value == "submission"
    assert next(f for f in deadlines if f.action == "非会员入会截止").category.value == "other"
    said = next(f for f in deadlines if "比全国平台" in f.quote)
    assert said.scope.value == "internal"


def test_a_weekday_is_no_ones_name_and_a_label_inside_brackets_names_the_person() -> None:
    text = FORWARD + ("一、要求\n1. 集团内部申报材料截止时间为10月31日（周四）17:00，请各子公司汇总后报集团科协秘书处"
                      "（联系人：耿书川，0571-87309000）。\n")
    contact = next(f for f in extract_facts(make_notice("g.txt", text)) if isinstance(f, ContactFact))
    assert contact.persons == ["耿书川"]
    from assistant.ingest.facts.contacts import org_and_persons

    assert org_and_persons("10月31日（周四）17:00前 报集团科协秘书处 联系人：耿书川")[1] == ["耿书川"]
    # the office a sentence names, not the sentence; a name holding 向 is no place to cut
    assert org_and_persons("申报材料截止时间为10月31日，请各子公司汇总后报集团科协秘书处（联系人：耿书川）")[0] == "集团科协秘书处"
    assert org_and_persons("答：综合事项请联系集团科协秘书处武向东，电话：010-59683214")[0].endswith("秘书处武向东")


def test_the_clauses_after_a_lists_condition_in_its_sentence_are_its_conditions_too() -> None:
    """"新锐榜条件：成立年限不超过8年；县内另要求在本县注册纳税，且已入库科技型中小企业。融通榜：…": the two
    clauses after the bound name no list, so they are 新锐's conditions; the next sentence's list is another."""
    from assistant.model import EligibilityFact

    text = ("某县科学技术协会关于2041年“科创中国”榜单的短信\n"
            "【县科协】新锐榜条件：成立年限不超过8年（工商注册时间以2041年反推）；县内另要求在本县注册纳税，且已入库科技型中小企业。"
            "融通榜：机构须2039年9月1日前成立。退订回T\n")
    facts = [f for f in extract_facts(make_notice("e.txt", text)) if isinstance(f, EligibilityFact)]
    new = next(f for f in facts if f.list_keys == ["新锐企业榜"])
    assert any("本县注册纳税" in c for c in new.conditions) and any("入库科技型中小企业" in c for c in new.conditions)
    assert not any("2039年9月1日" in c for c in new.conditions)


def test_a_phone_read_out_in_characters_is_read_as_its_digits_and_quoted_as_said() -> None:
    """A broadcast's script: "电话：零五七一，六四八二，七三一五" is 0571-64827315 to look up, and the quote
    is the script's own words."""
    text = ("桐川县广播电台《科技之窗》节目稿\n主持人A：有问题找谁呢？县科协企业服务科，葛春燕，电话：零五七一，六四八二，七三一五。\n"
            "主持人B：今年是二〇五三年的榜单，地址是振兴路一百八十八号科技大楼三楼三零二室。\n")
    found = _contacts_by_phone("radio.txt", text)
    assert set(found) == {"0571-64827315"}  # (a year and a room number read out are no phones)
    assert found["0571-64827315"].persons == ["葛春燕"] and "零五七一" in found["0571-64827315"].quote


def test_an_office_and_the_person_written_onto_it_are_read_apart() -> None:
    """"填报咨询：新区科协严若岚，0532-86793318": the office 新区科协, the person 严若岚; an office's
    own name that runs on ("中国科协学会学术部") stays whole."""
    found = _contacts_by_phone("form.txt", "临港新区科协通知\n填表说明\n7. 填报咨询：新区科协严若岚，0532-86793318；\n"
                                           "8. 政策咨询：中国科协学会学术部，010-65133926。\n")
    assert (found["0532-86793318"].org, found["0532-86793318"].persons) == ("新区科协", ["严若岚"])
    assert (found["010-65133926"].org, found["010-65133926"].persons) == ("中国科协学会学术部", [])


def test_a_contact_tables_office_column_names_the_persons_office() -> None:
    """"事项 | 部门 | 联系人 | 电话": the office of the row's person is the 部门 cell."""
    text = ("中国感知与测控学会通知\n学会秘书处联系方式\n事项 | 部门 | 联系人 | 电话\n"
            "榜单申报材料 | 学术与科技服务部 | 郗梦琪 | 010-62158830\n会籍、会费查询 | 会员部 | 司马骏 | 010-62158826\n")
    found = _contacts_by_phone("faq.txt", text)
    assert found["010-62158826"].org == "会员部" and found["010-62158826"].persons == ["司马骏"]


def test_a_contacts_office_is_the_one_the_notice_names_them_with_elsewhere() -> None:
    """Minutes list "列席：封子墨（企业创新服务处）"; the contact line "责任处室联系人：封子墨，…" leaves the
    office out: it is that office's contact."""
    text = ("江屿省科协会议纪要\n出席：甘楚宁（企业创新服务处）　封子墨（企业创新服务处）　闵若川（学会学术部）\n三、责任分工\n"
            "（一）企业创新服务处牵头负责榜单组织推荐。责任处室联系人：封子墨，电话0791-86215037，手机13970248561。\n")
    found = _contacts_by_phone("minutes.txt", text)
    assert found["13970248561"].persons == ["封子墨"] and found["13970248561"].org == "企业创新服务处"


def test_a_lists_name_before_a_dash_is_the_contacts_list_and_the_body_after_it_its_body() -> None:
    """"场景创新榜——“科创中国”场景创新联合体，联系人谭亦舒，…": a new list's contact, by a body the dash names."""
    text = ("临港新区科协通知\n填表说明\n6. 初评机构：新锐企业榜——“科创中国”企业服务联合体，联系人戚韶华，010-57302168；"
            "场景创新榜——“科创中国”场景创新联合体，联系人谭亦舒，010-59382716/17710356028。\n")
    found = _contacts_by_phone("form.txt", text)
    assert found["010-59382716"].lists == ["场景创新榜"] and found["010-59382716"].persons == ["谭亦舒"]
    assert found["010-59382716"].body == "“科创中国”场景创新联合体"


def test_a_contact_line_of_cells_split_by_bars_gives_its_list_body_and_person() -> None:
    """"- 成果转化经理人先锋榜｜中国技术转移服务联盟｜联系人 谯文博｜010-…": the list, the body (a 联盟) and the
    person (a rarer surname) of a wiki's bulleted row."""
    text = ("工程学院通知\n2052年共设先导技术榜、成果转化经理人先锋榜两类榜单。\n6. 联系人\n"
            "- 成果转化经理人先锋榜｜中国技术转移服务联盟｜联系人 谯文博｜010-84627719 / 15810375526\n")
    found = _contacts_by_phone("wiki.txt", text)["010-84627719"]
    assert found.persons == ["谯文博"] and found.lists == ["成果转化经理人先锋榜"]


def test_a_bodys_date_for_receiving_materials_is_due_and_a_membership_date_is_a_condition() -> None:
    from assistant.model import Category, DeadlineFact

    text = ("澄州市智能传感学会关于转发2041年“科创中国”系列榜单通知的通知\n"
            "二、截止时间。市学会受理截止时间为2041年10月31日17:00，逾期不予受理。\n"
            "四、申报资格。申报单位须为2041年9月30日前已登记在册并缴清2041年度会费的本会会员单位。\n")
    found = {f.date: f for f in extract_facts(make_notice("c.txt", text)) if isinstance(f, DeadlineFact)}
    assert list(found) == ["2041-10-31"] and found["2041-10-31"].category == Category.SUBMISSION


def test_a_number_on_its_own_line_is_the_name_or_service_above_it() -> None:
    """A poster's "☎️ 找谁" block: the office and person on one line, the phone on the next; a service's
    label over its number."""
    from assistant.model import ContactFact, Role

    text = ("澄江市科协关于组织推荐2047年“科创中国”系列榜单的通知\n找谁\n市科协科技服务部 房依依\n📞 0796-3357218\n"
            "新锐企业榜初评 中国科协创新企业服务联合体 覃若溪\n📞 010-58836120 / 13810562247\n平台申报技术支持\n📞 010-53910682\n")
    found = {f.phones[0]: f for f in extract_facts(make_notice("p.txt", text)) if isinstance(f, ContactFact) and f.phones}
    assert found["0796-3357218"].persons == ["房依依"] and "房依依" in found["0796-3357218"].quote
    assert found["010-58836120"].persons == ["覃若溪"] and found["010-58836120"].lists == ["新锐企业榜"]
    assert found["010-53910682"].role == Role.TECH


def test_an_article_amending_another_by_quoting_its_date_corrects_that_deadline() -> None:
    """A 实施细则's later article: "第五条第二款中的“11月10日”修改为“11月3日”" moves the article's deadline."""
    from assistant.ingest.facts.schedule import corrections_in
    from assistant.model import DeadlineFact

    assert [(c.old, c.new) for c in corrections_in("（一）第五条第二款中的“11月10日”修改为“11月3日”；")] == [((11, 10), (11, 3))]
    text = ("中国微纳学会关于组织推荐2062年“科创中国”系列榜单的实施细则\n第五条 申报材料应于2062年11月10日17:00前发送至学会秘书处邮箱。\n"
            "第十一条 对本细则作如下修改：（一）第五条中的“11月10日”修改为“11月3日”。\n")
    dates = {f.date for f in extract_facts(make_notice("x.txt", text)) if isinstance(f, DeadlineFact)}
    assert "2062-11-10" not in dates and "2062-11-03" in dates


def test_a_line_that_introduces_its_quotas_governs_each_clause() -> None:
    from assistant.model import QuotaFact

    notice = make_notice("q.txt", "2063年某园区通知\n园区合计推荐名额为：先导技术榜每个领域不超过4个；新锐企业榜不超过8个；融通创新组织榜不超过6个。\n")
    quotas = {(tuple(f.list_keys), f.number) for f in extract_facts(notice) if isinstance(f, QuotaFact)}
    assert {(("先导技术榜",), 4), (("新锐企业榜",), 8), (("融通创新组织榜",), 6)} <= quotas
    plain = make_notice("p.txt", "2063年某园区通知\n新锐企业榜成立不超过8年；融通创新组织榜运行满6个月。\n")
    assert not [f for f in extract_facts(plain) if isinstance(f, QuotaFact)]


def test_a_line_naming_a_list_and_its_body_heads_the_contact_below_it() -> None:
    """"先导技术榜（电子信息领域）：“科创中国”数字技术产学联合体" then "联系人：…": the list, field and body it names."""
    from assistant.model import ContactFact

    notice = ("江岚省科学技术协会关于组织推荐2071年“科创中国”系列榜单的通知\n六、联系方式\n（二）中国科协通知所列联系人（摘录）\n"
              "先导技术榜（电子信息领域）：“科创中国”数字技术产学联合体\n联系人：蒲某远 联系方式：010-63417752/13720458816\n"
              "新锐企业榜：“科创中国”企业发展服务中心\n联系人：韦某彤 联系方式：010-56170482/18501163279\n")
    contacts = {tuple(f.persons): f for f in extract_facts(make_notice("n.txt", notice)) if isinstance(f, ContactFact)}
    assert contacts[("蒲某远",)].lists == ["先导技术榜"] and contacts[("蒲某远",)].fields == ["电子信息"]
    assert contacts[("韦某彤",)].lists == ["新锐企业榜"]


def test_a_date_declared_in_force_replaces_the_earlier_one_of_its_side() -> None:
    """"以本次修订为准" on the line above, "（更正，以此为准）" after it: the later date holds, the platform's stays."""
    from assistant.model import DeadlineFact

    text = ("鹭洲市科协关于组织推荐2075年“科创中国”系列榜单的通知\n1. 各区（园区）于2075年11月12日17:00前报送市科协。\n"
            "2. 申报单位须在2075年11月21日24时前在“科创中国”平台完成填报。\n说明：截止时间顺延，以本次修订为准，正文未改\n"
            "本地截止时间：2075年11月14日17:00\n")
    dates = {f.date for f in extract_facts(make_notice("x.txt", text)) if isinstance(f, DeadlineFact)}
    assert dates == {"2075-11-14", "2075-11-21"}
    # (deferring to another notice is no correction of its own)
    deferred = text.replace("说明：截止时间顺延，以本次修订为准，正文未改\n本地截止时间：2075年11月14日17:00\n",
                            "各区截止时间：2075年11月14日17:00，以科协通知为准\n")
    assert "2075-11-12" in {f.date for f in extract_facts(make_notice("y.txt", deferred)) if isinstance(f, DeadlineFact)}


def test_a_phone_the_notice_corrects_is_given_corrected_and_cited_where_corrected() -> None:
    text = ("鹤汀高新区管委会关于组织推荐2075年“科创中国”系列榜单的通知\n四、联系人\n事项 | 单位 | 联系人 | 电话\n"
            "园区申报组织 | 科技创新局 | 温致远 | 0739-5521806\n"
            "更正：上表中温致远的座机号码有误，0739-5521806已停用，请改拨0739-5521860，以此为准。\n")
    notice = make_notice("x.txt", text)
    person = next(f for f in extract_facts(notice) if isinstance(f, ContactFact) and "温致远" in f.persons)
    assert person.phones == ["0739-5521860"]
    assert "0739-5521860" in notice.original[person.start : person.end]


def test_a_number_restated_on_a_line_declared_in_force_replaces_the_one_a_digit_or_two_off() -> None:
    from assistant.ingest.facts.common import corrected_phones, phone_fixes

    text = ("园区咨询：管委会科技创新局 符嘉禾，电话0436-87653302，邮箱bwkjj@example.cn\n"
            "园区服务中心 顾晓岚，电话0436-87653411\n"
            "科技创新局联系电话，联系方式：符嘉禾，0436-87653320，备注：其余内容不变，以本更正为准\n")
    assert corrected_phones(text) == {"043687653302"}
    fix = phone_fixes(text)[0]
    assert fix.new == "0436-87653320" and "以本更正为准" in text[fix.start:fix.end]  # cited where it is restated
    # a colleague's number on a line with no name in common stays; no line in force, nothing replaced
    assert corrected_phones(text.replace("以本更正为准", "请知悉")) == set()


def test_another_persons_number_a_digit_off_on_a_line_in_force_replaces_nothing() -> None:
    from assistant.ingest.facts.common import corrected_phones

    text = ("科技创新局联系人：张三，0436-87653320\n"
            "更正：截止时间改为11月20日。科技创新局材料接收：李四，0436-87653325\n")
    assert corrected_phones(text) == set()


def test_a_date_for_a_units_own_platform_is_not_the_calls_platform_date() -> None:
    from assistant.model import DeadlineFact, Scope

    text = ("某园区管委会关于组织申报2090年“科创中国”系列榜单的通知\n各企业：\n"
            "一、企业于2090年11月8日17:00前在园区政务服务平台提交申报材料。\n"
            "二、“科创中国”平台申报截止时间为2090年11月25日24时。\n某园区管委会\n2090年10月10日\n")
    found = {f.date: f.scope for f in extract_facts(make_notice("park_2090.txt", text)) if isinstance(f, DeadlineFact)}
    assert found.get("2090-11-08") not in (None, Scope.PLATFORM) and found.get("2090-11-25") == Scope.PLATFORM


def test_per_list_conditions_under_a_short_requirements_line_after_a_lead_in_are_each_lists() -> None:
    from assistant.model import EligibilityFact

    text = ("东岭大学关于组织2090年“科创中国”系列榜单校内申报的通知\n各学院：\n"
            "*校内申报要求*\n本次学校组织先导技术榜、新锐企业榜两类申报。\n"
            "先导技术榜：第一完成人须为我校在职教职工；技术不涉密。\n"
            "新锐企业榜：仅推荐学校参股的企业；企业须在中国境内（不包括港澳台地区）注册。\n东岭大学科研院\n2090年10月9日\n")
    found = {tuple(f.lists): f for f in extract_facts(make_notice("dongling_2090.txt", text)) if isinstance(f, EligibilityFact)}
    assert ("新锐企业榜",) in found and "不包括港澳台" in found[("新锐企业榜",)].quote
    assert "*" not in make_notice("dongling_2090.txt", text).text  # (a chat's bold: its words)


def test_a_deadline_under_a_line_titled_as_a_correction_replaces_the_earlier_one() -> None:
    from assistant.model import DeadlineFact

    text = ("北湾管委会关于组织申报2090年“科创中国”系列榜单的通知\n四、时间安排\n1. 园区报送：请于2090年11月15日17:00前提交申报材料。\n"
            "\n关于《关于组织申报2090年“科创中国”系列榜单的通知》的更正\n\n园区报送截止时间：2090年11月18日17:00\n\n北湾管委会\n2090年10月10日\n")
    dates = {f.date for f in extract_facts(make_notice("beiwan_2090.txt", text)) if isinstance(f, DeadlineFact)}
    assert "2090-11-18" in dates and "2090-11-15" not in dates


def test_a_review_contact_row_names_its_body_in_brackets() -> None:
    from assistant.model import ContactFact, Role

    text = ("某学会关于转发2090年“科创中国”系列榜单通知的通知\n五、联系方式\n事项 | 联系人 | 电话\n"
            "技术经理人先锋榜初评（国际技术转移服务联盟） | 雍思远 | 010-84629517\n学会秘书处 | 王敏 | 010-61234567\n某学会\n2090年10月10日\n")
    contacts = {f.persons[0]: f for f in extract_facts(make_notice("society_2090.txt", text)) if isinstance(f, ContactFact) and f.persons}
    assert contacts["雍思远"].role == Role.REVIEW and contacts["雍思远"].org == "国际技术转移服务联盟"
    assert contacts["王敏"].role != Role.REVIEW


ANNEXED = """青禾高新技术产业开发区管理委员会
关于组织园区企业申报2031年“科创中国”系列榜单的通知
一、推荐名额
园区推荐名额见附件3。
二、联系方式
联系方式见附件5。
附件3
园区推荐名额及遴选办法
新锐企业榜推荐不超过6家；先导技术榜其他领域各推荐不超过2项。
附件4
申报样表
推荐名额：____个
联系人：________ 电话：________
附件5
联系方式
园区科技创新局企业服务科：桑宁远，电话0593-6618420，邮箱kjcxj@qinghe.gov.cn。
技术经理人先锋榜：全国技术转移服务联盟，联系人庞子谦，办公电话010-84673125。
协同创新平台榜的初评机构为北京华研研究院，联系人雷芷宣，电话010-82156047。政策性问题可咨询中国科协科技经济融合部钮思源，电话010-68571206。
"""


def test_an_annex_of_contacts_and_quotas_is_read_a_forms_blanks_are_not() -> None:
    """"附件5 联系方式" lists real contacts and "附件3 推荐名额" real quotas; "附件4 申报样表" only has blanks."""
    facts = extract_facts(make_notice("annexed.txt", ANNEXED))
    contacts = {p: f for f in facts if isinstance(f, ContactFact) for p in f.phones}
    assert contacts["0593-6618420"].persons == ["桑宁远"]
    quotas = [f for f in facts if type(f).__name__ == "QuotaFact"]
    assert {f.number for f in quotas} >= {6, 2} and all("样表" not in f.section for f in quotas)


def test_a_contacts_body_after_its_list_and_a_colon_and_each_sentences_own_person() -> None:
    """"技术经理人先锋榜：全国技术转移服务联盟，联系人…": the body after the list; a line's second sentence
    with its own person and number is that person's, the call's office a general enquiry contact."""
    contacts = {p: f for f in extract_facts(make_notice("annexed.txt", ANNEXED)) if isinstance(f, ContactFact) for p in f.phones}
    assert contacts["010-84673125"].body == "全国技术转移服务联盟"
    assert contacts["010-82156047"].persons == ["雷芷宣"]
    central = contacts["010-68571206"]
    assert central.persons == ["钮思源"] and "科技经济融合部" in central.org and central.role.value == "general"


def test_a_date_materials_are_sent_to_an_office_by_is_the_units_own_step() -> None:
    """"…于11月19日前将汇总表报市科协科技服务部；…12月3日前在平台完成报送": the first is the unit's
    own date (materials go to an office), the second the platform's."""
    text = FORWARD + "时间节点：各区科协于11月19日前将推荐汇总表报市科协科技服务部；12月3日前在“科创中国”平台完成报送。\n"
    deadlines = {f.written: f for f in extract_facts(make_notice("city.txt", text)) if type(f).__name__ == "DeadlineFact"}
    assert deadlines["11月19日"].scope.value != "platform" and deadlines["12月3日"].scope.value == "platform"


def test_a_lists_conditions_written_as_one_paragraph_in_a_conditions_annex() -> None:
    text = ANNEXED + ("附件2\n榜单设置及申报条件\n二、新锐企业榜\n"
                      "在中国境内注册，成立年限不超过8年的中小型科技企业。企业产品和服务不属于国家禁止类。\n")
    facts = [f for f in extract_facts(make_notice("annexed.txt", text)) if type(f).__name__ == "EligibilityFact" and f.list_keys == ["新锐企业榜"]]
    assert facts and len(facts[0].conditions) == 2 and "不超过8年" in facts[0].conditions[0]


def test_another_calls_date_mentioned_beside_is_no_deadline_of_the_lists() -> None:
    """"集团科技进步奖申报正在同步进行，截止时间为11月30日，与本次榜单申报分别报送": another call's date."""
    text = FORWARD + ("1. 各二级单位于2047年11月9日前将推荐汇总表提交集团科技创新部。\n"
                      "集团2047年度科技进步奖申报正在同步进行，截止时间为11月30日，与本次榜单申报分别报送。\n"
                      "还要提醒一句，省青年科技奖的推荐工作也在同步进行，截止时间是10月31日。\n")
    dates = {f.written for f in extract_facts(make_notice("g.txt", text)) if type(f).__name__ == "DeadlineFact"}
    assert any("11月9日" in d for d in dates) and not any("11月30日" in d or "10月31日" in d for d in dates)


def test_review_findings_on_contacts_deadlines_and_other_calls() -> None:
    """Each sentence's entries each their own; a 回执 annex's blanks are no contact; a plan is no other
    call and a sentence naming the lists' own step is theirs; "申报书及全部附件" sends nothing to an office."""
    text = FORWARD + ("三、联系方式\n新锐企业榜初评机构“科创中国”企业服务中心，联系人闫可欣，010-68881234；"
                      "融通创新组织榜初评机构中国技术转移联盟，联系人濮文韬，010-68885678。平台技术支持：400-800-1234。\n"
                      "四、时间安排\n请各学院按照年度工作计划推荐，于2047年11月7日前将推荐材料报送科研院。\n"
                      "今年省科技奖的推荐与本次榜单推荐同步开展，请于2047年11月8日前将榜单推荐材料报送科研院。\n"
                      "请登录“科创中国”平台在线填报，申报书及全部附件须于2047年11月10日前完成上传。\n"
                      "附件2\n参会回执\n单位名称：\n联系人：          手机：\n")
    facts = extract_facts(make_notice("g.txt", text))
    contacts = {p: f for f in facts if isinstance(f, ContactFact) for p in f.phones}
    assert contacts["010-68885678"].persons == ["濮文韬"] and contacts["010-68885678"].body == "中国技术转移联盟"
    assert contacts["010-68881234"].body == "“科创中国”企业服务中心"
    assert all(f.persons or f.phones or f.emails for f in facts if isinstance(f, ContactFact))
    deadlines = {f.written: f for f in facts if type(f).__name__ == "DeadlineFact"}
    assert {"2047年11月7日", "2047年11月8日"} <= set(deadlines)
    assert deadlines["2047年11月10日"].scope.value == "platform"


def test_the_calls_side_of_a_deadline_is_decided_in_one_place() -> None:
    """One decision for the rules and the reader: the call's cut-off a unit restates, not its own step online."""
    from assistant.answer.rules.deadline import calls_cutoff
    from assistant.ingest.facts.common import names_calls_side
    from assistant.model import DeadlineFact, DeadlineForm, Scope

    assert names_calls_side("科协平台的截止时间为12月5日24时") and names_calls_side("中国科协规定的截止时间")
    assert not names_calls_side("园区初审截止时间为11月18日17:00，请在此之前完成“科创中国”平台填报")
    assert not names_calls_side("学会于11月25日前在平台完成推荐确认")  # the unit's own step online
    assert names_calls_side("平台申报截止时间为11月18日24时")  # when the platform closes
    assert not names_calls_side("通过“青澜科协综合服务平台”报送")  # the unit's own platform

    def fact(quote: str) -> DeadlineFact:
        return DeadlineFact(notice_id="n.txt", year=2031, section="", quote=quote, start=0, end=1, date="2031-12-05",
                            scope=Scope.PLATFORM, form=DeadlineForm.CUTOFF)

    assert calls_cutoff(fact("科协平台的截止时间为12月5日24时")) and not calls_cutoff(fact("学会于12月5日前在平台完成推荐确认"))


def test_each_step_of_a_sentence_is_due_by_its_own_date() -> None:
    """"10月24日前…报送拟申报项目清单；11月12日前提交申报书及佐证材料": what is due by the first date stops
    where the next step's date begins."""
    from assistant.model import DeadlineFact

    text = ("北屿材料研究院科技发展处\n2041年第四季度工作安排\n根据《中国科协办公厅关于征集遴选2041年“科创中国”系列榜单的通知》，"
            "现安排如下。\n5.时间节点。2041年10月24日前各研究部（中心）向科技发展处报送拟申报项目清单；2041年11月12日前提交申报书及佐证材料。\n")
    due = {f.date: f.action for f in extract_facts(make_notice("s.txt", text)) if isinstance(f, DeadlineFact)}
    assert "拟申报项目清单" in due["2041-10-24"] and "申报书" not in due["2041-10-24"]
    assert "申报书及佐证材料" in due["2041-11-12"]
