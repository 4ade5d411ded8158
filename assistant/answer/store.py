"""The fact store: typed facts bucketed by kind and year, with the catalogue of names.

Answerers ask it for the facts of one kind in the year asked (`pick`) or across years (`select`);
the CAST notice's facts come before a forwarding notice's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from assistant.answer.pointer import NoticeIndex, in_series
from assistant.answer.pointer import label as notice_label
from assistant.ingest.chunking import Chunk
from assistant.ingest.notices import NoticeRecord, heading_level
from assistant.model import ContactFact, Fact, FactKind, FieldsFact, NoticeKind
from assistant.names import Catalogue
from assistant.names import list_key as family_of

F = TypeVar("F", bound=Fact)
T = TypeVar("T")
SENTENCE = re.compile(r"[^。；;\n]+(?:[。；;]|$)")


@dataclass(frozen=True)
class Passage:
    notice_id: str
    section: str
    text: str
    start: int  # a span of the original file that holds the text
    end: int


ROUND_DATES = (FactKind.STAGE, FactKind.DEADLINE)  # a round's own dates: never another round's for it


class FactStore:
    def __init__(
        self, facts: list[Fact], notices: dict[str, NoticeRecord], names: Catalogue | None = None, chunks: list[Chunk] | None = None
    ) -> None:
        self.facts = facts
        self.notices = notices
        self.chunks = chunks or []
        self.names = names if names is not None else Catalogue.from_facts(facts)
        self.years = sorted({f.year for f in facts if f.year} | {n.year for n in notices.values() if n.year})
        # The 科创中国 series' notices: a stand-alone list's own call (its campaign) answers only
        # questions that point at it, never a question about "the round".
        self.series = {n.id for n in notices.values() if in_series(n)}
        if len(self.series) == len(notices):
            self.series = set()  # nothing stands alone: no filter
        self.rounds = sorted({n.year for n in notices.values() if n.year and (not self.series or n.id in self.series)}) or self.years
        # Rounds whose call itself is in ("今年" with only units' notices says so: answer/years.py).
        self.called = {n.year for n in notices.values() if n.year and n.kind == NoticeKind.ORIGINAL
                       and (not self.series or n.id in self.series)}
        # kind -> year -> facts, the CAST notice's first: answerers look at one year at a time.
        self._buckets: dict[FactKind, dict[int, list[Fact]]] = {}
        self._list_years: dict[str, set[int]] = {}  # list family -> years with a fact about it
        self._derived: dict[object, object] = {}  # see derived()
        self._by_notice: dict[str, list[Fact]] = {}
        for f in sorted(facts, key=lambda f: f.start):
            self._by_notice.setdefault(f.notice_id, []).append(f)
        for f in sorted(facts, key=lambda f: not self.is_original(f)):
            self._buckets.setdefault(f.kind, {}).setdefault(f.year or 0, []).append(f)
            for key in f.list_keys:
                self._list_years.setdefault(key, set()).add(f.year or 0)

    def sentences(self, year: int, pattern: re.Pattern[str]) -> list[Passage]:
        """Sentences of that year's notices matching `pattern`, each with its section and the span
        of the chunk it lies in (textmap.locate narrows it to the words quoted). Worked out once per
        year and pattern."""
        def scan() -> list[Passage]:
            found = []
            for chunk in self._chunks_by_year.get(year, []):
                if chunk.notice_id not in self.notices or not pattern.search(chunk.text):
                    continue
                for m in SENTENCE.finditer(chunk.text):
                    text = re.sub(r"\s+", "", m.group(0)).strip()
                    if pattern.search(text):
                        found.append(Passage(chunk.notice_id, chunk.section, text, chunk.orig_start, chunk.orig_end))
            return found

        return self.derived(("sentences", year, pattern.pattern), scan)

    def line_after(self, f: Fact) -> Passage | None:
        """The first sentence of the line after a fact's own line (a stage's heading, "（四）发布推介
        （2023年1月）", then what happens in it), with the span of the chunk it lies in."""
        by_notice = self.derived("chunks_by_notice", self._chunks_by_notice)
        for chunk in by_notice.get(f.notice_id, []):
            if f.quote not in chunk.text:
                continue
            rest = chunk.text[chunk.text.index(f.quote) + len(f.quote) :].lstrip("\n")
            line = rest.split("\n", 1)[0].strip()
            if not line or heading_level(line) is not None:
                return None
            first = SENTENCE.match(line)
            text = (first.group(0) if first else line).strip()
            return Passage(chunk.notice_id, chunk.section, text, chunk.orig_start, chunk.orig_end)
        return None

    def _chunks_by_notice(self) -> dict[str, list[Chunk]]:
        found: dict[str, list[Chunk]] = {}
        for chunk in self.chunks:
            found.setdefault(chunk.notice_id, []).append(chunk)
        return found

    def derived(self, key: object, make: Callable[[], T]) -> T:
        """A value answers work out from the store, once per snapshot (the store never changes)."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]  # type: ignore[no-any-return]

    def warm(self) -> None:
        """Build the lookups answers would otherwise build on first use (seconds at 10,000 notices)."""
        for name in ("pointers", "field_owners", "_notices_by_year", "_chunks_by_year", "original_ids"):
            getattr(self, name)

    def holds(self, pattern: re.Pattern[str], notice_ids: list[str] | None = None) -> bool:
        """Whether any notice (of `notice_ids`, when given) has a sentence matching `pattern`."""
        return any(not notice_ids or p.notice_id in notice_ids for y in self._chunks_by_year for p in self.sentences(y, pattern))

    @cached_property
    def _chunks_by_year(self) -> dict[int, list[Chunk]]:
        by_year: dict[int, list[Chunk]] = {}
        for chunk in self.chunks:
            by_year.setdefault(chunk.year or 0, []).append(chunk)
        return by_year

    @cached_property
    def field_owners(self) -> dict[str, set[str]]:
        owners: dict[str, set[str]] = {}
        for f in self.facts:
            if isinstance(f, FieldsFact):
                for key in f.field_keys:
                    owners.setdefault(key, set()).add(f.notice_id)
        return owners

    @cached_property
    def pointers(self) -> NoticeIndex:
        persons = ((f.notice_id, p) for f in self.facts if isinstance(f, ContactFact) for p in f.persons)
        return NoticeIndex(self.notices, ((c.notice_id, c.text) for c in self.chunks), persons)

    @cached_property
    def _notices_by_year(self) -> dict[int, list[NoticeRecord]]:
        by_year: dict[int, list[NoticeRecord]] = {}
        for n in sorted(self.notices.values(), key=lambda n: n.id):
            by_year.setdefault(n.year or 0, []).append(n)
        return by_year

    @cached_property
    def original_ids(self) -> frozenset[str]:
        """The original calls (CAST's, a stand-alone list's organisers'), not forwarding notices."""
        return frozenset(i for i, n in self.notices.items() if n.kind == NoticeKind.ORIGINAL)

    def of_notice(self, notice_id: str) -> list[Fact]:
        """Every fact of one notice, in the notice's order."""
        return self._by_notice.get(notice_id, [])

    def mentions(self, list_key: str, year: int) -> bool:
        """Whether any notice of that year has a fact about the list."""
        return year in self._list_years.get(list_key, set())

    def label(self, notice_id: str) -> str:
        notice = self.notices.get(notice_id)
        return notice_label(notice) if notice is not None else notice_id

    def is_original(self, f: Fact) -> bool:
        return self.is_original_notice(f.notice_id)

    def is_original_notice(self, notice_id: str) -> bool:
        notice = self.notices.get(notice_id)
        return notice is None or notice.kind == NoticeKind.ORIGINAL

    def stands_alone(self, notice_id: str) -> bool:
        """A stand-alone list's own call, outside the 科创中国 series' rounds."""
        return bool(self.series) and notice_id not in self.series

    def originals(self, year: int) -> list[str]:
        """The original calls of a round (CAST's, a stand-alone list's organisers')."""
        return [n.id for n in self._notices_by_year.get(year, []) if n.kind == NoticeKind.ORIGINAL]

    def own_notices(self, year: int) -> list[str]:
        """The forwarding and internal notices of a round, in file order."""
        return [n.id for n in self._notices_by_year.get(year, []) if n.kind != NoticeKind.ORIGINAL]

    def pick(
        self, cls: type[F], years: list[int], where: Callable[[F], bool] | None = None, notices: list[str] | None = None
    ) -> tuple[int, list[F]] | None:
        """The facts of one year: the first asked year that has some, else the latest that has;
        of the `notices` given only, when given."""
        buckets = self._buckets.get(cls.kind, {})
        # Without a year: the latest round first (answer/years.py: default_round). A round being run
        # whose notices hold no stage or deadline at all (its units' notices restate the call's in their
        # own words) is read by the reader, never answered with an older round's dates; a subject only
        # an older round has (a list since dropped) is answered from that round, and so are conditions
        # and contacts a new round's notices do not restate (said to be of that round).
        current = self.rounds[-1] if self.rounds and not notices else None
        if years:
            order = [y for y in years if y in buckets]
        elif cls.kind in ROUND_DATES and current is not None and current not in buckets \
                and current in self._notices_by_year:
            order = []
        else:
            order = sorted(buckets, reverse=True)
        for year in order:
            found = [f for f in buckets[year] if (where is None or where(f)) and self._in(f, notices)]  # type: ignore[arg-type]
            if found and year:
                return year, found  # type: ignore[return-value]
        return None

    def renamed(self, family: str, year: int) -> str | None:
        """The name a round gives a list it renamed ("成果转化先锋榜" for 技术经理人先锋榜 in 2026), or None."""
        for f in self._buckets.get(FactKind.LISTS, {}).get(year, []):
            for name, key in zip(f.lists, f.list_keys, strict=True):
                if key == family and family_of(name) != family:
                    return name
        return None

    def _in(self, f: Fact, notices: list[str] | None) -> bool:
        """Of the notices given; without any, of the series (when some notices stand alone)."""
        if notices:
            return f.notice_id in notices
        return not self.series or f.notice_id in self.series

    def select(self, cls: type[F], where: Callable[[F], bool] | None = None, latest: int | None = None,
               year: int | None = None) -> list[F]:
        """Facts of every year (or of the `latest` few, or of one `year`), the CAST notice's before a
        forwarding notice's."""
        buckets = self._buckets.get(cls.kind, {})
        if year is not None:
            years = [year] if year in buckets else []
        else:
            years = sorted(buckets, reverse=True)[:latest] if latest else list(buckets)
        found = [f for y in years for f in buckets[y] if (where is None or where(f)) and self._in(f, None)]  # type: ignore[arg-type]
        return sorted(found, key=lambda f: not self.is_original(f))  # type: ignore[return-value]
