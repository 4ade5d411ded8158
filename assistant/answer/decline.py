"""Saying plainly that the notices do not answer, with the enquiry contact to ask instead."""

from __future__ import annotations

from assistant.answer.compose import Answer, Citer
from assistant.answer.phrasing import contact_who
from assistant.answer.store import FactStore
from assistant.model import AnswerKind, ContactFact, Role


def decline(reason: str, store: FactStore) -> Answer:
    citer = Citer(store.notices)
    text = reason
    picked = store.pick(ContactFact, [], lambda f: f.role == Role.GENERAL)
    if picked:
        latest, general = picked
        f = general[0]
        text += f"\n如需进一步咨询，可联系{latest}年通知中的工作咨询联系人：{contact_who(f)}，电话：{'、'.join(f.phones)}{citer.fact(f)}"
    return Answer(text, AnswerKind.DECLINE, citer.citations)
