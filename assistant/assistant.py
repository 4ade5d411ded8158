"""Assistant: answers questions from an immutable snapshot of the index; the CLI and the app sit
on top of it.

A question goes: checks and normalisation -> understanding (follow-ups inherit) -> a rule answer
over the facts -> else hybrid retrieval and an extractive (or, when configured, generated and
verified) answer -> else a decline with the enquiry contact.

Answers never wait for a rebuild: each one reads the snapshot that is current when it starts;
ingest (serialised by its own lock) builds the new index aside and swaps the new snapshot in with
one assignment. A swap made by another process (the CLI's ingest, a replica) is loaded in the
background while answers go on from the old snapshot.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer import generate
from assistant.answer.candidates import Candidate, Source, gather
from assistant.answer.compose import Answer, merge
from assistant.answer.curated import CuratedSource, bearing, curated_first
from assistant.answer.decline import decline
from assistant.answer.eligibility import CheckResult, run_check
from assistant.answer.profile import Profile
from assistant.answer.ranker import Ranking, rank
from assistant.answer.relevance import evidence
from assistant.answer.retrieval import Hit, HybridRetriever
from assistant.answer.sessions import Sessions
from assistant.answer.snapshot import Snapshot, load_snapshot
from assistant.answer.store import FactStore
from assistant.answer.turn import Filters, Turn, read_turn
from assistant.answer.understand import Query
from assistant.answer.years import settle
from assistant.config import Settings, quiet_offline_env
from assistant.ingest import index
from assistant.ingest.notices import NoticeRecord
from assistant.model import AnswerKind, Fact
from assistant.names import field_key, list_key

if TYPE_CHECKING:
    from assistant.answer.explain import Explanation
    from assistant.staff.selftest import SelfTest

log = logging.getLogger(__name__)

# A retired snapshot's vector store is closed this long after the swap: answers that started on
# it finish first.
RETIRE_AFTER_S = 60.0


class Assistant:
    def __init__(self, settings: Settings | None = None, rebuild: bool = False, serve_stale: bool = False) -> None:
        """`serve_stale` (the web app): an index that is only out of date is served at once and
        rebuilt aside, never making start-up wait; the command line waits for a current one."""
        quiet_offline_env()
        self.settings = settings or Settings()
        self.sessions = Sessions()
        self._ingest_lock = threading.Lock()  # one ingest at a time; answers never take it
        self._refresh_lock = threading.Lock()  # one background reload at a time
        self._snapshot = load_snapshot(self.settings, rebuild=rebuild, stale_ok=serve_stale)
        # Staff's curated answers, given first when a question matches one (the web app and the
        # APIs set it to the staff database's store; evaluation and the CLI answer from the notices alone).
        self.curated: CuratedSource | None = None
        if self._snapshot.stale:
            threading.Thread(target=self._rebuild_aside, name="index-rebuild", daemon=True).start()

    def _rebuild_aside(self) -> None:
        try:
            with self._ingest_lock:
                index.build(self.settings)
                self.reload()
        except Exception:  # the stale index keeps serving
            log.exception("rebuilding the index at start-up failed; still answering from the previous one")

    # ------------------------------------------------------------ the current snapshot

    @property
    def store(self) -> FactStore:
        return self._snapshot.store

    @property
    def notices(self) -> dict[str, NoticeRecord]:
        return self._snapshot.notices

    @property
    def facts(self) -> list[Fact]:
        return self._snapshot.facts

    @property
    def retriever(self) -> HybridRetriever:
        return self._snapshot.retriever

    def _swap(self, new: Snapshot) -> None:
        old, self._snapshot = self._snapshot, new
        if old is not new:
            timer = threading.Timer(RETIRE_AFTER_S, old.close)
            timer.daemon = True
            timer.start()

    def reload(self, rebuild: bool = False) -> None:
        """Load the index as it is on disk now (building it first if asked or stale)."""
        self._swap(load_snapshot(self.settings, rebuild=rebuild))

    def refresh(self, wait: bool = False) -> bool:
        """Pick up an index another process swapped in. Without `wait`, in the background; returns
        whether a reload was started (or done)."""
        if index.stamp(self.settings.index_dir) == self._snapshot.stamp:
            return False
        if not self._refresh_lock.acquire(blocking=wait):
            return False  # already reloading

        def run() -> None:
            try:
                if index.stamp(self.settings.index_dir) != self._snapshot.stamp:
                    self.reload()
            except Exception:  # the old snapshot keeps serving
                log.exception("reloading the index failed; still answering from the previous one")
            finally:
                self._refresh_lock.release()

        if wait:
            run()
        else:
            threading.Thread(target=run, name="index-refresh", daemon=True).start()
        return True

    def ingest(self, paths: list[Path]) -> list[dict[str, object]]:
        """Add notices (same path as `python -m assistant ingest`) and serve them without a restart.
        Answers go on from the current snapshot while the new index is built."""
        from assistant.ingest.importer import ingest_files

        with self._ingest_lock:
            added = ingest_files(paths, self.settings)
            self.reload()
        return added

    def correct(self, name: str, changes: dict[str, object]) -> None:
        """Staff's correction of a notice's issuer, year or kind (the manifest), then serve it."""
        from assistant.ingest import manage

        with self._ingest_lock:
            manage.correct(self.settings, name, changes)
            self.reload()

    def self_test(self, notice_id: str) -> SelfTest:
        """Ask the questions made from a notice's facts (staff/selftest.py) and keep the result beside it."""
        from assistant.staff import selftest

        notice = self.notices[notice_id]
        result = selftest.run(self.answer, notice, self.facts)
        selftest.save(self.settings.corpus_dir, result)
        return result

    def manage(self, action: str, name: str, path: Path | None = None) -> object:
        """remove / disable / enable / replace a notice (assistant.ingest.manage), then serve the
        corpus as it now is; answers go on from the current snapshot meanwhile."""
        from assistant.ingest import manage

        with self._ingest_lock:
            if action == "replace":
                if path is None:
                    raise ValueError("replace needs the corrected file")
                result: object = manage.replace(self.settings, name, path)
            elif action in ("remove", "disable", "enable"):
                result = getattr(manage, action)(self.settings, name)
            else:
                raise ValueError(f"unknown action {action!r}")
            self.reload()
        return result

    def check(self, list_name: str, year: int | None, profile: Profile, field: str | None = None) -> CheckResult | None:
        """The eligibility self-check of a list (as any year writes its name) for a profile."""
        key = self._snapshot.names.list_family(list_name)
        return run_check(self._snapshot.store, key, [year] if year else [], field_key(field) if field else None, profile)

    # ------------------------------------------------------------ answering

    def answer(
        self, question: str, session_id: str | None = None, qid: object = None, filters: dict[str, object] | None = None
    ) -> Answer:
        """filters: optional {"year": 2023, "list": "先导技术榜"} chosen in the UI; the question's own
        year or list wins over them."""
        final = Answer("", AnswerKind.DECLINE)
        for event, value in self.stream(question, session_id, qid, filters):
            if event == "final":
                final = value
        return final

    def stream(
        self, question: str, session_id: str | None = None, qid: object = None, filters: dict[str, object] | None = None
    ) -> Iterator[tuple[str, Any]]:
        """("delta", text) while a language model writes, then ("final", Answer): the answer to show,
        which replaces the streamed text (it may be the extractive fallback)."""
        t0 = time.perf_counter()
        try:
            self.refresh()
            snap = self._snapshot  # this answer uses this snapshot throughout
            turn = self._prepare(snap, question, session_id, filters or {})
            if isinstance(turn, Answer):
                result = turn
            else:
                routed = [self._route(snap, ranking) for ranking in self.rankings(snap, turn.parts)]
                result = merge([answer for answer, _, _ in routed])
                result.considered = [considered for _, _, considered in routed]
                hits = routed[0][1] if len(routed) == 1 else []
                if hits and generate.configured(self.settings):
                    q = turn.parts[0]
                    passages = generate.passages_for(q.text, q.list_key, hits, snap.store)
                    result = yield from generate.generate(self.settings, q.text, passages, snap.notices, result)
                result = self._with_curated(snap, turn.text, result)
                self._finish(turn, result)
        except Exception:  # the service keeps serving; the log has the details
            log.exception("answer failed for %r", str(question)[:200])
            result = Answer("抱歉，处理这个问题时出现内部错误，请换个说法再试，或联系工作人员。", AnswerKind.DECLINE)
        result.id = qid
        result.latency_ms = (time.perf_counter() - t0) * 1000
        yield "final", result

    def _prepare(self, snap: Snapshot, question: object, session_id: str | None,
                 filters: dict[str, object]) -> Turn | Answer:
        """The message understood (answer/turn.py), or what to say instead of answering."""
        session = self.sessions.get(session_id) if session_id else None
        turn = read_turn(question, self.settings.today, snap.store, session, Filters.of(filters),
                         self.settings.max_question_chars)
        if turn.reply is None:
            return turn
        if turn.situation_only and session is not None:
            session.record(turn.q, turn.text, "", None)
        return Answer(turn.reply, AnswerKind.DECLINE)

    def _with_curated(self, snap: Snapshot, question: str, own: Answer) -> Answer:
        """Staff's curated answer for this question first, when there is one the notices (as they
        are in this snapshot) still bear out; one they no longer do is flagged for review."""
        if self.curated is None:
            return own
        try:
            found = self.curated.match(question)
            if found is None:
                return own
            state = bearing(found, snap.notices)
            if not state.ok:
                self.curated.flag(found.id, state.reason)
                return own
            return curated_first(found, own, snap.notices)
        except Exception:  # the notices' own answer never waits on the staff database
            log.exception("curated answers unavailable; answering from the notices alone")
            return own

    @staticmethod
    def _finish(turn: Turn, result: Answer) -> None:
        readings = [f"“{written}”按“{meant}”理解" for q in turn.parts for written, meant in q.readings]
        if readings:
            result.answer = f"（{'；'.join(dict.fromkeys(readings))}）\n" + result.answer
        if turn.notes:
            result.answer = turn.notes[0] + "\n" + result.answer
        result.query = turn.q.to_dict()
        if turn.session is not None:
            turn.session.record(turn.q, turn.text, result.answer, result.person)

    def rank(self, snap: Snapshot, q: Query) -> Ranking:
        """Every candidate answer to a part, best first (answer/candidates.py, answer/ranker.py),
        after its years are settled (answer/years.py)."""
        decision = settle(q, snap.store)
        if decision.refusal is not None:
            return Ranking(decision, [Candidate(Source.DECLINE, decline(decision.refusal, snap.store))], None)
        candidates, situation = gather(snap, decision.query, self.settings.today, self.settings.rules)
        return Ranking(decision, rank(decision.query, candidates, situation, snap.reader), situation)

    def rankings(self, snap: Snapshot, parts: list[Query]) -> list[Ranking]:
        """Each part's ranking, in order. A part that goes on from the one before ("…每个领域能报几项？
        新锐企业呢？": its ask or its subject carried over) and names no notice is read in the unit's
        notice the part before was answered from, when that notice answers it."""
        out: list[Ranking] = []
        for q in parts:
            ranking = self.rank(snap, q)
            before = _own_notice_of(out[-1], snap.store) if out and not q.notice_ids and _goes_on(q) else None
            if before is not None:
                there = self.rank(snap, replace(q, notice_ids=[before], inherited=[*q.inherited, "notice"]))
                if there.best.source != Source.DECLINE and _answers(there.best, ranking):
                    ranking = there
            out.append(ranking)
        return out

    def _route(self, snap: Snapshot, ranking: Ranking) -> tuple[Answer, list[Hit], list[tuple[str, float]]]:
        """The best candidate's answer, with the passages it read (which a language model, where
        there is one, may answer from instead) and the candidates weighed."""
        best = ranking.best
        answer = best.shown()
        if ranking.decision.note:
            answer.answer = ranking.decision.note + answer.answer
        answer.answer = _renamed_note(snap.store, ranking.decision.query, answer) + answer.answer
        return answer, best.hits, [(str(c.source), c.score) for c in ranking.candidates]

    def explain(self, question: str) -> Explanation:
        """The answer with what led to it, part by part (answer/explain.py): what was understood,
        every candidate with its signals and score, the reader's best units and the relevance
        evidence."""
        from assistant.answer.explain import CandidateView, Explanation, PartView, UnitView

        snap = self._snapshot
        final = self.answer(question)
        turn = self._prepare(snap, question, None, {})
        views = []
        for ranking in self.rankings(snap, turn.parts) if isinstance(turn, Turn) else []:
            q = ranking.decision.query
            found = ranking.situation.search if ranking.situation is not None else None
            hits = found.hits if found is not None else []
            e = evidence(q, hits, snap.retriever, snap.reader) if hits else None
            units = [UnitView(s.unit.text, str(s.unit.kind), round(s.score, 3), round(s.coverage, 3), s.typed,
                              s.unit.chunk.notice_id, s.unit.chunk.section) for s in snap.reader.score(q, hits)[:5]]
            candidates = [CandidateView(str(c.source), round(c.score, 3), c.shown().answer[:300],
                                        {k: round(v, 3) for k, v in asdict(c.signals).items()} if c.signals else {})
                          for c in ranking.candidates]
            views.append(PartView(
                question=q.text, ask=q.ask, years=list(q.years), year_source=str(q.year_source), intent=str(q.intent),
                answer_type=str(q.answer_type), list_key=q.list_key, field_key=q.field_key, notices_pointed=list(q.notice_ids),
                candidates=candidates, chosen=str(ranking.best.source), why=_why(ranking),
                relevance={"evidence": e.__dict__ if e else None,
                           "probability": round(found.probability, 3) if found else None,
                           "answers": found.answers if found else None},
                reader_units=units,
            ))
        return Explanation(question, views, final.answer, str(final.kind))


# A part this short, or one that carried the ask of the part before, goes on from it.
GOES_ON_CHARS = 12


def _answers(best: Candidate, ranking: Ranking) -> bool:
    """Whether the answer from the notice a part before was answered from answers this part: it
    says as much of the ask as any answer from the notices at large ("省级学会呢" is not answered by
    a line on another unit's share), or it is that notice's fact of the kind asked ("现在该找谁": its
    contact, in the rule's own words)."""
    if best.signals is None:
        return False
    elsewhere = max((c.signals.cover for c in ranking.candidates if c.source != Source.DECLINE and c.signals), default=0.0)
    return best.signals.cover >= elsewhere or (best.source == Source.RULE and best.signals.fits_type > 0)


def _goes_on(q: Query) -> bool:
    return "intent" in q.inherited or len(q.text) <= GOES_ON_CHARS


def _own_notice_of(ranking: Ranking, store: FactStore) -> str | None:
    """The unit's own notice (not an original call) a part's chosen answer leads with, in a round
    whose call is not in, if any."""
    cited = ranking.best.answer.citations
    if ranking.best.source == Source.DECLINE or not cited or store.is_original_notice(cited[0].source):
        return None
    # Where the round's call is in, a part answered by itself has the call's own words to go by.
    return None if store.notices[cited[0].source].year in store.called else cited[0].source


def _renamed_note(store: FactStore, q: Query, answer: Answer) -> str:
    """A list asked by its old name, answered for a round that renamed it: the answer says so first."""
    if not q.list_key or not q.list_mention or list_key(q.list_mention) != q.list_key:
        return ""
    for year in sorted({c.year for c in answer.citations if c.year}, reverse=True) or q.years:
        if name := store.renamed(q.list_key, year):
            return f"（“{q.list_mention}”在{year}年已更名为“{name}”。）\n"
    return ""


def _why(ranking: Ranking) -> str:
    """Why the chosen candidate won, in a line."""
    if ranking.situation is None:
        return f"年份：{ranking.decision.refusal}"
    best, rest = ranking.candidates[0], ranking.candidates[1:]
    if not rest:
        return f"只有 {best.source} 一个候选"
    if best.source == Source.DECLINE:
        return "decline：相关性模型判定通知不回答该问题"
    others = [c for c in rest if c.source != Source.DECLINE]
    if not others:
        return f"只有 {best.source} 一个回答候选"
    top = max(others, key=lambda c: c.score)
    if top.score <= best.score:
        return f"{best.source} 得分 {best.score:.3f}，高于 {top.source} 的 {top.score:.3f}"
    return f"{best.source} 由固定次序给出，{top.source} 得分 {top.score:.3f} 未超出所需差值"
