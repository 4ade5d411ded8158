"""Questions in users' own words: situations, abbreviations, homophones, pasted e-mails, two-part
questions, things the notices do not hold. `fixtures/voices.jsonl` is our own set (written for the
kinds of question, not copied from any other); `shared/eval/dev2.jsonl` is run too when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.tools.evaluate import grade, load_questions

from .conftest import SHARED_EVAL

VOICES = Path(__file__).parent / "fixtures" / "voices.jsonl"
DEV2 = SHARED_EVAL.parent / "dev2.jsonl"


@pytest.mark.parametrize("path", [VOICES, DEV2], ids=["voices", "dev2"])
def test_users_own_words(bot, path: Path) -> None:  # noqa: ANN001
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    rows = [grade(item, bot.answer(item["q"]), bot.notices) for item in load_questions(path)]
    accuracy = sum(r["correct"] for r in rows) / len(rows)
    assert accuracy >= 0.95, [r["id"] for r in rows if not r["correct"]]
    assert all(r["valid"] for r in rows), "a quote is not verbatim in its notice"


def test_each_part_of_a_two_part_question_is_answered_in_order(bot) -> None:  # noqa: ANN001
    ans = bot.answer("2023年先导技术榜电子信息领域找谁？截止时间是哪天？")
    text = ans.answer
    assert text.startswith("①") and "②" in text
    assert text.index("郑伯龙") < text.index("11月30日")
    numbers = [int(n) for n in __import__("re").findall(r"\[(\d+)\]", text)]
    assert max(numbers) == len(ans.citations)  # renumbered across the parts


def test_a_typo_says_how_the_name_was_read(bot) -> None:  # noqa: ANN001
    ans = bot.answer("郭天换的电话")
    assert ans.answer.startswith("（“郭天换”按“郭天欢”理解）") and "13681129930" in ans.answer


def test_a_situation_alone_is_kept_for_the_next_question(bot) -> None:  # noqa: ANN001
    first = bot.answer("我们公司2012年在苏州注册的", session_id="voices-profile")
    assert "已记下" in first.answer
    second = bot.answer("今年能报新锐企业榜吗？", session_id="voices-profile")
    assert second.answer.splitlines()[1].startswith("不符合：成立年限不超过10年")


def test_greetings_and_thanks_do_not_make_a_question_off_topic(bot) -> None:  # noqa: ANN001
    plain = bot.answer("2023年新锐企业榜联系人电话")
    polite = bot.answer("李老师您好！冒昧打扰。请问2023年新锐企业榜联系人电话是多少？麻烦您了，谢谢！祝工作顺利！")
    assert polite.kind == plain.kind == "rule" and "18610016188" in polite.answer


def test_an_ask_led_by_another_is_a_part_of_its_own_even_of_the_same_kind() -> None:
    from assistant.answer.message import read_message

    msg = read_message("新锐榜申报表所属行业那一栏按什么填 还有主营业务行业代码那栏要填到哪一级")
    assert msg.questions == ["新锐榜申报表所属行业那一栏按什么填", "还有主营业务行业代码那栏要填到哪一级"]
    assert read_message("联系人、电话多少").questions == ["联系人、电话多少"]


def test_a_few_told_with_ji_in_a_finished_sentence_is_the_askers_story() -> None:
    from assistant.answer.message import read_message

    msg = read_message("这类软件以前一直被国外禁运，现在已经在几家钢厂用上了。报先导技术榜该选哪个领域？")
    assert msg.questions == ["报先导技术榜该选哪个领域"]
    assert read_message("去年报了几项？").questions == ["去年报了几项"]  # asked, with its mark
