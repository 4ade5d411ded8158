"""Assistant: loads the index once and answers questions; the CLI and the app sit on top of it."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer import generate as llm
from assistant.answer.compose import Answer, Citer
from assistant.answer.retrieval import Hit, HybridRetriever
from assistant.answer.rules import FactStore, overlap
from assistant.answer.rules import answer as rule_answer
from assistant.answer.understand import Query, inherit
from assistant.config import Settings, quiet_offline_env
from assistant.ingest import index
from assistant.ingest.facts import Fact, vocabulary
from assistant.ingest.notices import NoticeRecord, heading_level
from assistant.ingest.textmap import locate
from assistant.tokenizer import Tokenizer

log = logging.getLogger(__name__)

LINE_SPLIT = re.compile(r"[^。；;\n]+[。；;]?")
MAX_SESSIONS = 5000
MAX_TURNS = 20


@dataclass
class Turn:
    text: str
    q: Query
    notes: list[str]
    session: Session | None


@dataclass
class Session:
    previous: Query | None = None
    person: str | None = None
    turns: list[tuple[str, str]] = field(default_factory=list)


class Assistant:
    def __init__(self, settings: Settings | None = None, rebuild: bool = False) -> None:
        quiet_offline_env()
        self.settings = settings or Settings()
        self.sessions: dict[str, Session] = {}
        self._lock = threading.RLock()
        self.reload(rebuild=rebuild)

    # ------------------------------------------------------------ loading

    def reload(self, rebuild: bool = False) -> None:
        state = index.ensure(self.settings, rebuild=rebuild)
        store = FactStore(state.facts, state.notices)
        tokenizer = Tokenizer(extra_terms=vocabulary(state.facts))
        vectorstore = None
        if self.settings.dense:
            from langchain_chroma import Chroma

            from assistant.embeddings import get_embeddings

            if not self.settings.chroma_host:
                index.release_local_clients()
            vectorstore = Chroma(
                collection_name=state.meta.get("collection") or index.COLLECTION,
                embedding_function=get_embeddings(self.settings.embedding_model),
                client=index.chroma_client(self.settings, state.path / "chroma"),
            )
        retriever = HybridRetriever(
            chunks=state.chunks,
            tokenizer=tokenizer,
            bm25=state.bm25,
            vectorstore=vectorstore,
            bm25_weight=self.settings.bm25_weight,
            k=self.settings.top_k,
        )
        with self._lock:
            self._stamp = index.stamp(state.path)
            self.notices: dict[str, NoticeRecord] = state.notices
            self.store = store
            self.facts: list[Fact] = state.facts
            self.retriever = retriever
            self.meta = state.meta

    def ingest(self, paths: list[Path]) -> list[dict[str, object]]:
        """Add notices (same path as `python -m assistant ingest`) and serve them without a restart."""
        from assistant.ingest.importer import ingest_files

        with self._lock:
            added = ingest_files(paths, self.settings)
            self.reload()
        return added

    # ------------------------------------------------------------ answering

    def answer(
        self, question: str, session_id: str | None = None, qid: object = None, filters: dict[str, object] | None = None
    ) -> Answer:
        """filters: optional {"year": 2023, "list": "先导技术榜"} chosen in the UI; the question's own
        year or list wins over them."""
        final = Answer("", "decline")
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
            if index.stamp(self.settings.index_dir) != self._stamp:
                self.reload()  # another process (the CLI's ingest, a replica) swapped in a new index
            turn = self._prepare(question, session_id, filters or {})
            if isinstance(turn, Answer):
                result = turn
            else:
                with self._lock:
                    result, hits = self._route(turn.q)
                if hits and llm.configured(self.settings):
                    result = yield from self._generate(turn.q, hits, result)
                self._finish(turn, result)
        except Exception:  # the service keeps serving; the log has the details
            log.exception("answer failed for %r", str(question)[:200])
            result = Answer("抱歉，处理这个问题时出现内部错误，请换个说法再试，或联系工作人员。", "decline")
        result.id = qid
        result.latency_ms = (time.perf_counter() - t0) * 1000
        yield "final", result

    def _prepare(self, question: str, session_id: str | None, filters: dict[str, object]) -> Turn | Answer:
        text = question if isinstance(question, str) else ""
        if not re.search(r"[\w\u4e00-\u9fff]", text):
            return Answer("请输入一个问题，例如：“2023年先导技术榜的申报截止时间是什么时候？”", "decline")
        if not re.search(r"[\u4e00-\u9fff]", text):
            return Answer("目前只支持中文提问（通知均为中文），请用中文重新提问，例如：“2023年先导技术榜的申报截止时间是什么时候？”", "decline")
        notes = []
        limit = self.settings.max_question_chars
        if len(text) > limit:
            text = text[:limit]
            notes.append(f"（问题过长，仅按前{limit}个字回答。）")
        session = self._session(session_id) if session_id else None
        q = self.store.understand(text, self.settings.today)
        if session is not None:
            q = inherit(q, session.previous, session.person)
        year = filters.get("year")
        if not q.years and isinstance(year, int):
            q.years, q.year_source = [year], "filter"
        if q.list_key is None and filters.get("list"):
            q.list_key = q.list_mention = str(filters["list"])
        return Turn(text, q, notes, session)

    def _finish(self, turn: Turn, result: Answer) -> None:
        if turn.notes:
            result.answer = turn.notes[0] + "\n" + result.answer
        result.query = turn.q.to_dict()
        session = turn.session
        if session is not None:
            session.previous = turn.q
            session.person = result.person or turn.q.person or session.person
            session.turns = [*session.turns[-(MAX_TURNS - 1):], (turn.text, result.answer)]

    def _session(self, session_id: str) -> Session:
        """A conversation's state; the least recently used go beyond MAX_SESSIONS."""
        with self._lock:
            session = self.sessions.pop(session_id, None) or Session()
            self.sessions[session_id] = session
            while len(self.sessions) > MAX_SESSIONS:
                self.sessions.pop(next(iter(self.sessions)))
            return session

    def _route(self, q: Query) -> tuple[Answer, list[Hit]]:
        """The rule answer, a decline, or the extractive answer with the passages it came from
        (which a language model, where there is one, may answer from instead)."""
        missing = [y for y in q.years if y not in self.store.years]
        if q.years and len(missing) == len(q.years):
            return self._decline(q, f"通知中未找到{'、'.join(map(str, missing))}年的榜单信息"
                                    f"（现有通知覆盖{'、'.join(map(str, self.store.years))}年），不能用其他年份的信息代替回答。"), []
        citer = Citer(self.notices)
        try:
            ruled = rule_answer(q, self.store, citer, self.settings.today)
        except Exception:  # an odd fact must cost the rule answer, not the answer
            log.exception("rule answer failed for %r; retrieval instead", q.text[:200])
            ruled = None
        if ruled is not None:
            return ruled, []
        return self._retrieve(q)

    def _retrieve(self, q: Query) -> tuple[Answer, list[Hit]]:
        years = {y for y in q.years if y in self.store.years}
        default_year = None
        if not years and self.store.years:
            default_year = self.store.years[-1]
            years = {default_year}
        hits = self.retriever.search(q.text, years=years)
        best = max((h.relevance for h in hits[:3]), default=0.0)
        if best < self.settings.min_relevance and default_year is not None:
            wider = self.retriever.search(q.text)  # no year asked: the answer may sit in an older round
            if max((h.relevance for h in wider[:3]), default=0.0) > best:
                hits, default_year = wider, None
                best = max(h.relevance for h in hits[:3])
        if not hits or best < self.settings.min_relevance:
            return self._decline(q, "通知中未找到与该问题相关的信息。"), []
        answer = self._extract(q, hits, default_year)
        return answer, (hits if answer.kind == "retrieval" else [])

    def _generate(self, q: Query, hits: list[Hit], fallback: Answer) -> Generator[tuple[str, Any], None, Answer]:
        """A language model's answer from the passages, streamed; verified, else the fallback."""
        passages = self._passages(q, hits)
        parts: list[str] = []
        try:
            for piece in llm.stream(self.settings, q.text, passages):
                parts.append(piece)
                yield "delta", piece
        except Exception as exc:  # timeout, connection, server error, malformed reply
            log.warning("language model failed (%s: %s); extractive answer instead", type(exc).__name__, exc)
            return fallback
        text = "".join(parts).strip()
        missing = llm.unsupported(text, passages)
        if not text or missing:
            log.warning("generated answer not supported by its passages (%s); extractive answer instead", missing[:5])
            return fallback
        citer = Citer(self.notices)
        renumber = {}
        for n in dict.fromkeys(int(x) for x in llm.CITE.findall(text)):
            if 1 <= n <= len(passages):
                p = passages[n - 1]
                renumber[n] = citer.cite(p.source, p.section, p.quote, p.start, p.end)
        text = llm.CITE.sub(lambda m: renumber.get(int(m.group(1)), ""), text)
        return Answer(text, "llm", citer.citations)

    def _passages(self, q: Query, hits: list[Hit]) -> list[llm.Passage]:
        """Retrieved chunks, then the rule facts of the same year and list, numbered for the model."""
        passages = [
            llm.Passage(h.chunk.text, h.chunk.notice_id, h.chunk.section, h.chunk.text, h.chunk.orig_start, h.chunk.orig_end)
            for h in hits[:4]
        ]
        years = {h.chunk.year for h in hits[:4]}
        facts = [
            f for f in self.facts
            if f.year in years and f.kind in ("deadline", "quota", "contact", "eligibility", "platform")
            and (q.list_key is None or q.list_key in f.list_keys)
        ]
        facts.sort(key=lambda f: -overlap(q.text, f.quote))
        passages += [llm.Passage(f.quote, f.notice_id, f.section, f.quote, f.start, f.end) for f in facts[:4]]
        return passages

    def _extract(self, q: Query, hits: list[Hit], default_year: int | None) -> Answer:
        """The lines of the best passages that answer the question, best first, each cited."""
        tokens = self.retriever.tokenizer(q.text)
        weights = {t: self.retriever.term_weight(t) for t in set(tokens)}
        total = sum(weights.values()) or 1.0
        candidates: list[tuple[float, Hit, str]] = []
        coverage = 0.0  # the best line's share of the question's weighted terms
        for rank, hit in enumerate(hits[:3]):
            for m in LINE_SPLIT.finditer(hit.chunk.text):
                line = m.group(0).strip()
                if len(line) < 4:
                    continue
                line_tokens = set(self.retriever.tokenizer(line))
                score = sum(w for t, w in weights.items() if t in line_tokens) / total
                if heading_level(line) is not None and len(line) <= 30:
                    score *= 0.5  # a bare heading says where the answer is, not what it is
                coverage = max(coverage, score)
                candidates.append((score + 0.05 * hit.relevance - 0.02 * rank, hit, line))
        candidates.sort(key=lambda c: -c[0])
        if not candidates:
            return self._decline(q, "通知中未找到与该问题相关的信息。")
        top = candidates[0][0]
        chosen = [c for c in candidates[:4] if c[0] >= top * 0.6][:3]
        best_hit, best_line = chosen[0][1], chosen[0][2]
        if best_hit.chunk.text.startswith(best_line) and len(best_hit.chunk.text) > len(best_line) + 10:
            # The best match is the passage's heading (a form's title): its content is the answer.
            body = best_hit.chunk.text[:300].rsplit("\n", 1)[0] if len(best_hit.chunk.text) > 300 else best_hit.chunk.text
            chosen = [(top, best_hit, body)]
        citer = Citer(self.notices)
        lines = []
        for _score, hit, line in chosen:
            chunk = hit.chunk
            notice = self.notices[chunk.notice_id]
            span = locate(notice.original, line, chunk.orig_start, chunk.orig_end) or (chunk.orig_start, chunk.orig_end)
            lines.append(line + citer.cite(notice.id, chunk.section, line, *span))
        year = chosen[0][1].chunk.year
        head = f"根据{year}年通知" + (f"（未指定年份，按最新一轮{year}年通知回答）" if default_year else "") + "："
        if coverage < self.settings.min_line_score:
            head = f"通知中未找到直接回答该问题的内容。{year}年通知中最相关的原文如下，仅供参考："
        return Answer(head + "\n" + "\n".join(lines), "retrieval", citer.citations)

    def _decline(self, q: Query, reason: str) -> Answer:
        citer = Citer(self.notices)
        picked = self.store.pick("contact", [], lambda f: f.attrs.get("role") == "general")
        text = reason
        if picked:
            latest, general = picked
            f = general[0]
            who = " ".join(x for x in [f.attrs.get("org", ""), "、".join(f.attrs.get("persons", []))] if x)
            phones = "、".join(f.attrs.get("phones", []))
            text += f"\n如需进一步咨询，可联系{latest}年通知中的工作咨询联系人：{who}，电话：{phones}{citer.fact(f)}"
        return Answer(text, "decline", citer.citations)
