"""What every answerer gets (the query, the store, the citer) and gives back (a Reply)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from assistant.answer.compose import Citer
from assistant.answer.phrasing import year_note
from assistant.answer.store import FactStore, Passage
from assistant.answer.understand import Query
from assistant.answer.years import default_round
from assistant.ingest.textmap import locate
from assistant.model import Fact, ListsFact, RuleBasis

F = TypeVar("F", bound=Fact)


@dataclass
class Reply:
    """A rule answer before it is joined: the direct answer lines, then notes that support or
    qualify them (other years, a second date, the society's deadline). Several replies merge by
    concatenating their direct lines, then their notes."""

    direct: list[str]
    notes: list[str] = field(default_factory=list)
    person: str | None = None  # what a follow-up can refer to ("他的电话呢？")
    basis: RuleBasis = RuleBasis.INTENT  # which rule answered (a signal for the ranker)
    # It says what the notices lack, having found what they hold ("通知中未找到邮箱。已列出的联系方式：…"):
    # an answer, not a failed search.
    states_absence: bool = False

    def lines(self) -> list[str]:
        return [line for line in [*self.direct, *self.notes] if line]


@dataclass
class Context:
    q: Query
    store: FactStore
    citer: Citer
    today: dt.date

    def pick(self, cls: type[F], where: Callable[[F], bool] | None = None) -> tuple[int, list[F]] | None:
        """The facts of `cls` in the year asked (else the latest year that has some), of the notices
        the question points at when it points at some."""
        return self.store.pick(cls, self.q.years, where, self.q.notice_ids or None)

    @property
    def own_notice(self) -> bool:
        """The question points at a forwarding or internal notice (a society's, a university's)."""
        return bool(self.q.notice_ids) and not any(self.store.is_original_notice(i) for i in self.q.notice_ids)

    def in_scope(self, f: Fact) -> bool:
        """For supporting notes: a fact of the notices pointed at, else of an original call."""
        return f.notice_id in self.q.notice_ids if self.q.notice_ids else self.store.is_original(f)

    def pick_original(self, cls: type[F]) -> tuple[int, list[F]] | None:
        """Like pick, keeping the CAST notice's facts when it has some: a forwarding notice restates
        its schedule and quotas, sometimes less precisely."""
        picked = self.pick(cls)
        if picked is None:
            return None
        year, found = picked
        return year, [f for f in found if self.store.is_original(f)] or found

    def cite(self, f: Fact) -> str:
        return self.citer.fact(f)

    def cite_passage(self, p: Passage, text: str) -> str:
        """A sentence (or the words of one) of a passage, cited at its own span where it is found there."""
        span = locate(self.store.notices[p.notice_id].original, text, p.start, p.end) or (p.start, p.end)
        return self.citer.cite(p.notice_id, p.section, text, *span)

    def year_note(self, year: int) -> str:
        # No year asked, and the value only in an older round's notices: said so, not "the latest round".
        latest = default_round(self.store)
        if not self.q.years and latest is not None and year < latest:
            return f"（{latest}年的通知中未写明，以上为{year}年通知所列）"
        return year_note(self.q.years, year)

    def matches_list(self, f: Fact) -> bool:
        return self.q.list_key is None or self.q.list_key in f.list_keys

    def list_name(self, year: int) -> str | None:
        """The list asked, as the round's notices name it (its lists fact), else None."""
        if self.q.list_key is None:
            return None
        for f in self.store.select(ListsFact, year=year):
            for name, key in zip(f.lists, f.list_keys, strict=False):
                if key == self.q.list_key:
                    return name
        return None

    def matches_field(self, f: Fact) -> bool:
        return self.q.field_key is None or self.q.field_key in f.field_keys


Answerer = Callable[[Context], Reply | None]
