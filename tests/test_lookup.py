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


def test_an_unknown_number_is_not_answered_as_someone_elses() -> None:
    from assistant.answer.understand import understand

    q = understand("010-99999999 是谁的电话", TODAY)
    assert q.intent == Intent.LOOKUP and q.phones == ["01099999999"]
