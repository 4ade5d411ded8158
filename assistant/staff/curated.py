"""Curated answers in the staff database: written by staff for a group of questions from the
question log, each resting on passages of the notices chosen by searching them (stored verbatim,
with their span and the notice's SHA-256). Answering finds one by the similarity the log groups
by (answer/curated.py shows it); one whose notice was removed, disabled or replaced is flagged for
review and not used until staff approve it again. Export and import as CSV or Excel."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Connection, delete, insert, select, update

from assistant.answer.curated import CuratedAnswer, CuratedQuote, bearing
from assistant.answer.similarity import SAME_QUESTION, closeness, question_grams
from assistant.ingest.notices import NoticeRecord
from assistant.staff.batch import BatchError, read_sheet
from assistant.staff.database import Store
from assistant.staff.export import FORMULA_START
from assistant.staff.schema import curated_answers, curated_quotes

if TYPE_CHECKING:
    from assistant.answer.retrieval import HybridRetriever

ACTIVE, REVIEW = "active", "review"
MAX_ANSWER = 4000
MAX_QUESTION = 500
MAX_VARIANTS = 20
COLUMNS = ["编号", "问题", "其他问法", "审定答案", "引用（JSON）", "状态", "复核原因", "更新时间"]
LIST_COLUMNS = ["编号", "问题", "审定答案", "引用通知", "状态", "更新时间"]


class CuratedRefused(ValueError):
    """A curated answer that cannot be saved as given (the message is for staff, in Chinese)."""


def _now() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


def anchored(quote: CuratedQuote, notices: dict[str, NoticeRecord]) -> CuratedQuote:
    """The quote checked against the notice as it is now: verbatim at its span, or found elsewhere
    in the same notice (its span and SHA-256 brought up to date). Raises CuratedRefused."""
    notice = notices.get(quote.notice)
    if notice is None:
        raise CuratedRefused(f"通知库中没有 {quote.notice}（已删除或停用）")
    text = quote.quote.strip()
    if not text:
        raise CuratedRefused("引文不能为空")
    original = notice.original
    start = quote.start if original[quote.start : quote.end] == text else original.find(text)
    if start < 0:
        raise CuratedRefused(f"引文不是通知 {quote.notice} 的原文：{text[:40]}")
    return CuratedQuote(quote.notice, notice.sha256, quote.section, start, start + len(text), text)


def passages(retriever: HybridRetriever, notices: dict[str, NoticeRecord], query: str, limit: int = 12) -> list[CuratedQuote]:
    """What staff choose quotes from: the lines of the passages retrieval finds for `query`, each
    verbatim from the notice's original text with its span, the lines sharing most with the query
    first."""
    query = (query or "").strip()[:200]
    if not query:
        return []
    asked = question_grams(query)
    found: list[tuple[float, int, CuratedQuote]] = []
    for rank, hit in enumerate(retriever.search(query, k=6)):
        chunk = hit.chunk
        notice = notices.get(chunk.notice_id)
        if notice is None:
            continue
        offset = chunk.orig_start
        for line in notice.original[chunk.orig_start : chunk.orig_end].splitlines(keepends=True):
            text = line.strip()
            if len(text) >= 4:
                start = offset + line.index(text)
                quote = CuratedQuote(notice.id, notice.sha256, chunk.section, start, start + len(text), text)
                found.append((len(asked & question_grams(text)) / len(asked), rank, quote))
            offset += len(line)
    found.sort(key=lambda f: (-f[0], f[1]))
    seen: set[tuple[str, int]] = set()
    out = []
    for _, _, q in found:
        if (q.notice, q.start) not in seen:
            seen.add((q.notice, q.start))
            out.append(q)
    return out[:limit]


@dataclass(frozen=True)
class _Row:
    """A curated answer checked and ready to write."""

    question: str
    answer: str
    quotes: list[CuratedQuote]
    variants: list[str]
    author: str


def _checked(question: str, answer: str, quotes: Sequence[CuratedQuote], notices: dict[str, NoticeRecord],
             variants: Sequence[str], author: str) -> _Row:
    question = " ".join(str(question or "").split())[:MAX_QUESTION]
    answer = str(answer or "").strip()
    if not question:
        raise CuratedRefused("请填写它回答的问题。")
    if not answer:
        raise CuratedRefused("请填写审定的答案。")
    if len(answer) > MAX_ANSWER:
        raise CuratedRefused(f"答案最长 {MAX_ANSWER} 字。")
    if not quotes:
        raise CuratedRefused("请至少选择一段通知原文作为依据。")
    checked = [anchored(q, notices) for q in quotes]
    wordings = [w for w in dict.fromkeys(" ".join(str(v).split())[:MAX_QUESTION] for v in variants)
                if w and w != question][:MAX_VARIANTS]
    return _Row(question, answer, checked, wordings, str(author or "")[:80])


class CuratedStore(Store):
    """The curated answers; implements answer.curated.CuratedSource."""

    # ------------------------------------------------------------ writing

    def save(self, question: str, answer: str, quotes: Sequence[CuratedQuote], notices: dict[str, NoticeRecord],
             variants: Sequence[str] = (), author: str = "", curated_id: int | None = None) -> CuratedAnswer:
        """A new curated answer, or `curated_id` rewritten (and approved again); every quote is
        checked verbatim against the notices as they are now."""
        row = _checked(question, answer, quotes, notices, variants, author)
        with self.db.begin() as conn:
            saved = self._write(conn, row, curated_id)
        return self.get(saved)  # type: ignore[return-value]

    @staticmethod
    def _write(conn: Connection, row: _Row, curated_id: int | None) -> int:
        now = _now()
        head = {"question": row.question, "variants": json.dumps(row.variants, ensure_ascii=False), "answer": row.answer,
                "status": ACTIVE, "review_reason": "", "updated": now, "author": row.author}
        if curated_id is None:
            curated_id = int(conn.execute(insert(curated_answers).values(created=now, **head)
                                          .returning(curated_answers.c.id)).scalar_one())
        else:
            done = conn.execute(update(curated_answers).where(curated_answers.c.id == int(curated_id)).values(**head))
            if not done.rowcount:
                raise CuratedRefused(f"没有编号为 {curated_id} 的审定答案。")
            conn.execute(delete(curated_quotes).where(curated_quotes.c.curated_id == int(curated_id)))
        conn.execute(insert(curated_quotes), [
            {"curated_id": curated_id, "position": i, "notice": q.notice, "sha256": q.sha256, "section": q.section,
             "start_at": q.start, "end_at": q.end, "quote": q.quote} for i, q in enumerate(row.quotes)])
        return curated_id

    def delete(self, curated_id: int) -> bool:
        with self.db.begin() as conn:
            conn.execute(delete(curated_quotes).where(curated_quotes.c.curated_id == int(curated_id)))
            return bool(conn.execute(delete(curated_answers).where(curated_answers.c.id == int(curated_id))).rowcount)

    def flag(self, curated_id: int, reason: str) -> None:
        """Out of use until staff approve it again (a no-op when it is already flagged)."""
        with self.db.begin() as conn:
            conn.execute(update(curated_answers)
                         .where(curated_answers.c.id == int(curated_id), curated_answers.c.status == ACTIVE)
                         .values(status=REVIEW, review_reason=str(reason)[:500], updated=_now()))

    def approve(self, curated_id: int, notices: dict[str, NoticeRecord]) -> CuratedAnswer:
        """Back in use after review: its quotes are looked for again in the notices as they are."""
        current = self.get(curated_id)
        if current is None:
            raise CuratedRefused(f"没有编号为 {curated_id} 的审定答案。")
        return self.save(current.question, current.answer, current.quotes, notices, current.variants, current.author,
                         curated_id)

    def sweep(self, notices: dict[str, NoticeRecord]) -> list[CuratedAnswer]:
        """Flag every active answer the notices no longer bear out; the ones flagged now."""
        flagged = []
        for c in self.all(status=ACTIVE):
            found = bearing(c, notices)
            if not found.ok:
                self.flag(c.id, found.reason)
                flagged.append(c)
        return flagged

    # ------------------------------------------------------------ reading

    def all(self, status: str | None = None) -> list[CuratedAnswer]:
        return self._read(curated_answers.c.status == status) if status else self._read()

    def get(self, curated_id: int) -> CuratedAnswer | None:
        found = self._read(curated_answers.c.id == int(curated_id))
        return found[0] if found else None

    def _read(self, *where: ColumnElement[bool]) -> list[CuratedAnswer]:
        """The answers the conditions select, each with its quotes in order (two queries)."""
        with self.db.read() as conn:
            heads = conn.execute(select(curated_answers).where(*where).order_by(curated_answers.c.id)).mappings().all()
            quotes = conn.execute(select(curated_quotes).where(curated_quotes.c.curated_id.in_([h["id"] for h in heads]))
                                  .order_by(curated_quotes.c.curated_id, curated_quotes.c.position)).mappings().all()
        by_answer: dict[int, list[CuratedQuote]] = {}
        for q in quotes:
            by_answer.setdefault(q["curated_id"], []).append(
                CuratedQuote(q["notice"], q["sha256"], q["section"], q["start_at"], q["end_at"], q["quote"]))
        return [CuratedAnswer(h["id"], h["question"], h["answer"], tuple(by_answer.get(h["id"], [])),
                              tuple(json.loads(h["variants"] or "[]")), h["status"], h["review_reason"], h["created"],
                              h["updated"], h["author"]) for h in heads]

    def match(self, question: str) -> CuratedAnswer | None:
        """The active curated answer written for this question or one worded close to it."""
        asked = question_grams(question)
        best, score = None, SAME_QUESTION
        for c in self.all(status=ACTIVE):
            close = max(closeness(asked, question_grams(w)) for w in c.wordings)
            if close >= score:
                best, score = c, close
        return best

    def list_rows(self) -> list[list[object]]:
        rows = []
        for c in self.all():
            status = "使用中" if c.status == ACTIVE else f"需复核：{c.review_reason}"
            cited = "、".join(dict.fromkeys(q.notice for q in c.quotes))
            rows.append([c.id, c.question, c.answer, cited, status, c.updated])
        return rows

    # ------------------------------------------------------------ export and import

    def export_rows(self) -> list[list[object]]:
        return [[c.id, c.question, "\n".join(c.variants), c.answer,
                 json.dumps([q.__dict__ for q in c.quotes], ensure_ascii=False), c.status, c.review_reason, c.updated]
                for c in self.all()]

    def import_file(self, path: Path, notices: dict[str, NoticeRecord], author: str = "") -> list[CuratedAnswer]:
        """Rows of an export (CSV or Excel, edited or from another installation): a row whose 编号
        exists rewrites that answer, others are added. Every row is checked first; one bad row and
        nothing is imported (the error names each bad row)."""
        try:
            sheet = read_sheet(path)
        except BatchError as exc:
            raise CuratedRefused(str(exc)) from None
        except OSError as exc:
            raise CuratedRefused(f"无法读取文件 {path.name}：{exc.strerror or exc}") from None
        missing = [c for c in ("问题", "审定答案", "引用（JSON）") if c not in sheet.columns]
        if missing:
            raise CuratedRefused(f"缺少列：{'、'.join(missing)}（请用导出的文件作模板）")
        col = {name: sheet.columns.index(name) for name in sheet.columns}
        existing = {c.id for c in self.all()}
        staged: list[tuple[int | None, _Row]] = []
        errors: list[str] = []
        for n, row in enumerate(sheet.rows, start=2):
            def cell(name: str, row: list[object] = row) -> str:
                value = str(row[col[name]]) if name in col else ""
                return value[1:] if value.startswith("'") and value[1:2] in FORMULA_START else value
            try:
                raw = json.loads(cell("引用（JSON）") or "[]")
                quotes = [CuratedQuote(str(q["notice"]), str(q.get("sha256", "")), str(q.get("section", "")),
                                       int(q["start"]), int(q["end"]), str(q["quote"])) for q in raw]
                checked = _checked(cell("问题"), cell("审定答案"), quotes, notices, cell("其他问法").splitlines(), author)
                ident = cell("编号").strip()
                curated_id = int(float(ident)) if ident and int(float(ident)) in existing else None
                staged.append((curated_id, checked))
            except CuratedRefused as exc:
                errors.append(f"第 {n} 行：{exc}")
            except (ValueError, KeyError, TypeError, AttributeError):
                errors.append(f"第 {n} 行：引用（JSON）格式不对")
        if errors:
            raise CuratedRefused("未导入任何内容。" + "；".join(errors[:10]))
        with self.db.begin() as conn:  # all rows or none
            ids = [self._write(conn, checked, curated_id) for curated_id, checked in staged]
        return self._read(curated_answers.c.id.in_(ids))
