"""Look-ups from an entity: a phone, an e-mail or a person is answered with whose it is."""

from __future__ import annotations

import datetime as dt

from assistant.answer.compose import Citer
from assistant.answer.rules import reply
from assistant.answer.turn import understand_part
from assistant.model import ContactFact, Intent

TODAY = dt.date(2023, 10, 20)


def _a_contact(store) -> ContactFact:  # noqa: ANN001
    return next(f for f in store.select(ContactFact) if f.persons and f.phones and f.list_keys)


def test_a_phone_number_is_looked_up_in_the_contact_facts(store) -> None:
    f = _a_contact(store)
    phone = f.phones[-1]
    q = understand_part(f"{phone} 这个号码是哪位老师的？", TODAY, store)
    assert q.intent == Intent.LOOKUP
    r = reply(q, store, Citer(store.notices), TODAY)
    assert r is not None and f.persons[0] in r.direct[0] and f.lists[0] in r.direct[0]


def test_an_email_and_a_person_are_looked_up(store) -> None:
    f = next(f for f in store.select(ContactFact) if f.emails and f.persons)
    r = reply(understand_part(f"{f.emails[0]} 是谁的邮箱？", TODAY, store), store, Citer(store.notices), TODAY)
    assert r is not None and f.persons[0] in r.direct[0]
    q = understand_part(f"{f.persons[0]}老师负责哪些榜单？", TODAY, store)
    assert q.intent == Intent.LOOKUP
    r = reply(q, store, Citer(store.notices), TODAY)
    assert r is not None and all(f.persons[0] in line for line in r.direct)


CN = dict(zip("0123456789", "零一二三四五六七八九", strict=True))


def test_the_last_digits_of_a_number_and_an_address_are_looked_up(store) -> None:  # noqa: ANN001
    f = next(f for f in store.select(ContactFact) if f.persons and len(f.phones) >= 1 and len(f.phones[-1]) >= 11)
    tail = "".join(CN[d] for d in f.phones[-1][-4:])  # spoken, as users say it: 尾号四六八七
    q = understand_part(f"通讯录里有个号码尾号是{tail}，这是哪位老师？", TODAY, store)
    assert q.intent == Intent.LOOKUP and q.phone_tail == f.phones[-1][-4:]
    r = reply(q, store, Citer(store.notices), TODAY)
    assert r is not None and f.persons[0] in r.direct[0]
    mailed = next(f for f in store.select(ContactFact) if "路" in f.address and "号" in f.address)
    place = mailed.address[: mailed.address.index("号") + 1].split("市")[-1].split("区")[-1]
    r = reply(understand_part(f"快递寄到{place}，是寄给哪个榜的？", TODAY, store), store, Citer(store.notices), TODAY)
    assert r is not None and place in r.direct[0]  # the end of what was written that the address holds
    assert r is not None and place in r.direct[0] and "收件人" in r.direct[0]


def test_an_unknown_number_is_not_answered_as_someone_elses() -> None:
    from assistant.answer.understand import understand

    q = understand("010-99999999 是谁的电话", TODAY)
    assert q.intent == Intent.LOOKUP and q.phones == ["01099999999"]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def test_a_number_the_asked_year_lacks_gives_the_persons_number_that_year_then_where_it_was(store) -> None:  # noqa: ANN001
    """“X老师的座机我存的是<an older number>，今年还是这个号吗”: X's number this year first."""
    contacts = store.select(ContactFact)
    old, new = next((a, b) for a in contacts for b in contacts
                    if a.persons and b.persons and a.persons[0] in b.persons and a.year and b.year and a.year < b.year
                    and a.phones and b.phones and not {_digits(p) for p in a.phones} & {_digits(p) for p in b.phones})
    person = old.persons[0]
    q = understand_part(f"{person}老师的座机我存的是{old.phones[0]}，{new.year}年通知里还是这个号吗？", TODAY, store)
    r = reply(q, store, Citer(store.notices), TODAY)
    assert r is not None and str(new.year) in r.direct[0] and new.phones[0] in r.direct[0]
    assert any(old.phones[0] in n and str(old.year) in n for n in r.notes)
    # Without the name: the holder is whoever the notices tie the number to.
    q = understand_part(f"那位老师的座机还是{old.phones[0]}吗？{new.year}年的通知里", TODAY, store)
    r = reply(q, store, Citer(store.notices), TODAY)
    assert r is not None and new.phones[0] in r.direct[0] and person in r.direct[0]
    # No round asked: whose the number is comes first, the holder's number in their latest round after.
    r = reply(understand_part(f"{old.phones[0]}是谁的电话", TODAY, store), store, Citer(store.notices), TODAY)
    assert r is not None and old.phones[0] in r.direct[0] and any(new.phones[0] in n for n in r.notes)


def test_a_number_is_given_with_what_the_notice_calls_it(store) -> None:  # noqa: ANN001
    plain = {"电话", "联系电话", "手机", "座机", "联系方式"}  # what any contact line says anyway
    f = next(f for f in store.select(ContactFact) if set(f.phone_labels.values()) - plain - {""})
    phone, label = next((p, lab) for p, lab in f.phone_labels.items() if lab and lab not in plain)
    r = reply(understand_part(f"{phone}这是干嘛的电话", TODAY, store), store, Citer(store.notices), TODAY)
    assert r is not None and label in r.direct[0]


def test_the_number_of_whoever_receives_a_block_s_mail_is_theirs(store) -> None:  # noqa: ANN001
    f = next(f for f in store.select(ContactFact) if f.recipient and f.recipient_phone)
    q = understand_part(f"寄件单上写了个{f.recipient_phone}，这是谁的号？对应哪个领域", TODAY, store)
    r = reply(q, store, Citer(store.notices), TODAY)
    assert r is not None and f.recipient in r.direct[0] and "收件人" in r.direct[0]


def test_a_number_told_before_the_ask_is_checked_in_the_round_asked(bot) -> None:  # noqa: ANN001
    store = bot._snapshot.store
    facts = [f for f in store.select(ContactFact) if f.persons and f.phones and f.year]
    old, new = next((a, b) for a in facts for b in facts if a.persons[0] in b.persons and (b.year or 0) > (a.year or 0)
                    and not set(a.phones) & set(b.phones))
    person = old.persons[0]
    ans = bot.answer(f"{person}老师的座机，我本子上记的是{old.phones[0]}，是从{old.year}年通知上抄的。{new.year}年的通知里是不是换号了？")
    assert f"{person}：{new.year}年" in ans.answer[:300] and new.phones[0] in ans.answer[:300]


def test_of_several_people_listed_together_a_number_is_the_one_written_before_it() -> None:
    from assistant.answer.rules.lookup import _owner

    f = ContactFact(notice_id="n", year=2030, section="", start=0, end=0,
                    quote="联系：办公室 甘一禾 0571-5550101；企业专员 苏念 15500001111；热线 0571-5550000",
                    persons=["甘一禾", "苏念"], phones=["0571-5550101", "15500001111", "0571-5550000"])
    assert _owner(f, "15500001111") == ("苏念", "企业专员 苏念 15500001111")
    assert _owner(f, "0571-5550101")[0] == "甘一禾"  # type: ignore[index]
    assert _owner(f, "0571-5550000") is None  # a number no one's name stands before in its segment


def test_a_number_told_in_the_story_is_whose_the_ask_asks(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    f = _a_contact(store)
    tail = "".join(ch for ch in f.phones[-1] if ch.isdigit())[-4:]
    turn = read_turn(f"刚才有个尾号{tail}的电话打到办公室，没接上。谁知道是哪位老师吗？", TODAY, store, None)
    q = turn.parts[0]
    assert q.intent == Intent.LOOKUP and q.phone_tail == tail
    told = read_turn(f"刚才打了尾号{tail}的电话没人接。截止时间是哪天？", TODAY, store, None).parts[0]
    assert told.intent != Intent.LOOKUP  # another ask: the number is only the story


def test_asking_which_list_or_what_name_after_a_number_told_is_a_look_up(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    f = _a_contact(store)
    tail = "".join(ch for ch in f.phones[-1] if ch.isdigit())[-4:]
    for ask in ("这是哪个榜的联系人？叫什么？", "这个人叫啥"):
        q = read_turn(f"有个未接来电，手机尾号{tail}，对方说是科创中国榜单那边的。{ask}", TODAY, store, None).parts[-1]
        assert q.intent == Intent.LOOKUP and q.phone_tail == tail, ask


def test_a_number_of_a_contact_the_notice_later_replaces_names_who_took_over(small_settings, tmp_path) -> None:  # noqa: ANN001
    """"010-68935402 打了几次都没人接，这是谁的号": the holder ("学术交流部钟雨桐", the office written onto
    the name), and the one a later entry hands the work to, with their number."""
    from tests.conftest import with_notice

    chronicle = ("中国海工与船舶技术学会2041年工作大事记\n中国海工与船舶技术学会\n"
                 "10月9日 学会印发《关于组织推荐2041年“科创中国”系列榜单的通知》。联系人：学术交流部钟雨桐，电话010-68935402。\n"
                 "10月13日 因工作调整，学会“科创中国”榜单推荐工作联系人由钟雨桐改为岑思远，电话010-68935417。\n")
    bot = with_notice(small_settings, tmp_path, "chronicle_2041.txt", chronicle, today=dt.date(2041, 10, 20))
    answer = bot.answer("010-68935402 打了几次都没人接，这是谁的号").answer
    assert "钟雨桐" in answer and "岑思远" in answer and "010-68935417" in answer


def test_a_person_listed_second_is_answered_with_the_blocks_numbers_not_as_the_first_persons(store) -> None:  # noqa: ANN001
    f = next(f for f in store.select(ContactFact) if len(f.persons) >= 2 and f.phones and f.quote.find(f.persons[1]) > f.quote.find(f.persons[0]) >= 0)
    r = reply(understand_part(f"{f.persons[1]}老师是负责哪个榜的？怎么联系？", TODAY, store), store, Citer(store.notices), TODAY)
    assert r is not None
    assert f.phones[0] in r.direct[0] and f"{f.persons[0]}的联系方式" not in r.direct[0]
