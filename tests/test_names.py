"""The catalogue of names learns from each notice (names.py): a list a notice says was renamed is
the old one's family under its new name, in that notice and in every other."""

from __future__ import annotations

import datetime as dt

from assistant.answer.understand import understand
from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import make_notice
from assistant.model import ListsFact
from assistant.names import Catalogue, apply_renames, read_renames

HEAD = "东岭市科学技术协会关于组织推荐2026年“科创中国”系列榜单的通知\n各有关单位：\n一、榜单设置\n"


def test_the_ways_a_notice_says_a_list_was_renamed() -> None:
    for text in ("原技术经理人先锋榜调整为成果转化先锋榜，申报对象扩展", "技术经理人先锋榜更名为“成果转化先锋榜”",
                 "成果转化先锋榜（原技术经理人先锋榜）", "成果转化先锋榜由原技术经理人先锋榜更名设立。",
                 "榜单名称：成果转化先锋榜\n原榜单名称：技术经理人先锋榜", "原来的技术经理人先锋榜，今年改成了成果转化先锋榜"):
        assert read_renames(text) == {"成果转化先锋榜": "技术经理人先锋榜"}, text
    assert read_renames("先导技术榜调整为每个领域2项，新锐企业榜改为4个") == {}  # a quota changed, no list renamed


def test_a_renamed_list_is_the_old_family_and_the_round_lists_only_the_new_name() -> None:
    text = HEAD + "2026年设置先导技术榜、新锐企业榜、融通创新组织榜、成果转化先锋榜四类。二是原技术经理人先锋榜调整为成果转化先锋榜。\n"
    facts = extract_facts(make_notice("a.txt", text))
    lists = next(f for f in facts if type(f) is ListsFact)
    assert lists.lists == ["先导技术榜", "新锐企业榜", "融通创新组织榜", "成果转化先锋榜"]
    assert lists.list_keys[-1] == "技术经理人先锋榜"
    catalogue = Catalogue.from_facts(facts)
    q = understand("成果转化先锋榜每个单位能推荐几人？", dt.date(2026, 10, 20), catalogue)
    assert q.list_key == "技术经理人先锋榜" and q.list_mention == "成果转化先锋榜"


def test_a_rename_one_notice_states_holds_in_the_others() -> None:
    says = extract_facts(make_notice("a.txt", HEAD + "2026年设置先导技术榜、成果转化先锋榜两类。技术经理人先锋榜更名为成果转化先锋榜。\n"))
    silent = extract_facts(make_notice("b.txt", HEAD + "2026年设置先导技术榜、成果转化先锋榜两类。\n二、推荐名额\n成果转化先锋榜不超过2人。\n"))
    assert not any("技术经理人先锋榜" in f.list_keys for f in silent)
    apply_renames([*says, *silent])
    lists = next(f for f in silent if type(f) is ListsFact)
    assert lists.list_keys == ["先导技术榜", "技术经理人先锋榜"]


def test_an_old_name_asked_for_the_renaming_round_is_answered_by_the_new_name_and_says_so(tmp_path, small_settings) -> None:
    from assistant.assistant import Assistant

    bot = Assistant(small_settings)
    src = tmp_path / "dongling_2024.txt"
    src.write_text(HEAD.replace("2026", "2024") + "2024年设置先导技术榜、新锐企业榜、成果转化先锋榜三类，其中成果转化先锋榜由原技术经理人先锋榜更名设立。\n"
                   "二、推荐名额\n各单位推荐成果转化先锋榜不超过3人。\n", encoding="utf-8")
    bot.ingest([src])
    ans = bot.answer("2024年技术经理人先锋榜每个单位能推荐几人？")
    assert ans.answer.startswith("（“技术经理人先锋榜”在2024年已更名为“成果转化先锋榜”。）")
    assert "3人" in ans.answer[:300]


def test_a_former_name_written_beside_the_new_one_is_no_list_of_the_round() -> None:
    text = HEAD + "2026年设置先导技术榜、融通创新机构榜（原融通创新组织榜）、新锐企业榜三类榜单。\n"
    lists = next(f for f in extract_facts(make_notice("a.txt", text)) if type(f) is ListsFact)
    assert "原融通创新组织榜" not in lists.lists and "原融通创新组织榜" not in lists.value
    assert lists.list_keys[lists.lists.index("融通创新机构榜")] == "融通创新组织榜"


def test_comparing_two_rounds_lists_says_a_renamed_list_was_renamed(tmp_path, small_settings) -> None:
    from assistant.assistant import Assistant

    bot = Assistant(small_settings)
    src = tmp_path / "dongling_2026.txt"
    src.write_text(HEAD + "2026年设置先导技术榜、新锐企业榜、融通创新机构榜（原融通创新组织榜）、技术经理人先锋榜四类榜单。\n",
                   encoding="utf-8")
    bot.ingest([src])
    ans = bot.answer("2026年跟2023年比，榜单设置有啥变化？")
    assert "融通创新组织榜更名为融通创新机构榜" in ans.answer
    assert "不再设融通创新组织榜" not in ans.answer


def test_a_field_a_round_lists_beside_the_one_the_aliases_fold_it_into_is_a_field_of_its_own(tmp_path, small_settings) -> None:
    from assistant.assistant import Assistant

    bot = Assistant(small_settings)
    src = tmp_path / "dongling_2028.txt"
    src.write_text(HEAD.replace("2026", "2028") + "2028年设置先导技术榜、新锐企业榜两类。其中，先导技术榜设电子信息、人工智能、"
                   "生物医药等三个领域。\n二、联系方式\n先导技术榜（人工智能领域）：联系人：欧阳楠，电话：010-62781934\n"
                   "先导技术榜（电子信息领域）：联系人：邵启明，电话：010-68761152\n", encoding="utf-8")
    bot.ingest([src])
    q = understand("2028年先导技术榜人工智能领域初评找谁", dt.date(2028, 10, 20), bot._snapshot.store.names)
    assert q.field_key == "人工智能"
    ans = bot.answer("2028年先导技术榜人工智能领域初评找谁，电话多少")
    assert "欧阳楠" in ans.answer[:200] and "邵启明" not in ans.answer[:200]


def test_a_short_name_of_a_lists_inner_words_is_the_one_list_of_the_round_that_holds_them() -> None:
    """"场景榜" for 场景创新应用榜, "领航榜" for 技术转移领航榜 (as the round writes it, a renamed list's
    new name); "创新榜" names two lists and settles nothing."""
    catalogue = Catalogue(by_year={"2047": ["先导技术榜", "融通创新组织榜", "技术转移领航榜", "场景创新应用榜"]},
                          lists={"技术转移领航榜": "技术经理人先锋榜"})
    assert catalogue.round_list("场景榜", None) == "场景创新应用榜"
    assert catalogue.round_list("领航榜", 2047) == "技术转移领航榜"
    assert catalogue.round_list("创新榜", 2047) is None
    # …unless the message writes the rest of one name: "跟“融通”有关的创新榜"
    assert catalogue.round_list("创新榜", 2047, "跟“融通”有关的那个创新榜") is None  # (融通 is not all the rest)
    two = Catalogue(by_year={"2022": ["创业就业先锋榜", "技术经理人先锋榜"]})
    assert two.round_list("先锋榜", 2022) is None
    assert two.round_list("先锋榜", 2022, "去年报过一个跟“创业就业”有关的先锋榜") == "创业就业先锋榜"
    q = understand("领航榜初评机构联系人是谁", dt.date(2047, 10, 20), catalogue)
    assert q.list_key == "技术经理人先锋榜" and "技术转移领航榜" in q.text
