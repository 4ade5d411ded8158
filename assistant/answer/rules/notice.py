"""What a notice is: its title, issuer, document number and date, quoted from the notice itself
("这份通知是谁发的", "文号是多少", "学会的通知哪天发的")."""

from __future__ import annotations

from assistant.answer.rules.base import Context, Reply
from assistant.ingest.dates import cn_written, parse_date
from assistant.ingest.notices import NoticeRecord
from assistant.ingest.textmap import locate

MAX_NOTICES = 4


def _cited(ctx: Context, n: NoticeRecord, text: str, last: bool = False) -> str:
    """`text` as it stands in the notice, cited; "" when it cannot be found there."""
    original = n.original
    at = original.rfind(text) if last else original.find(text)
    span = (at, at + len(text)) if at >= 0 else locate(original, text)
    return ctx.citer.cite(n.id, "", original[span[0] : span[1]], *span) if span else ""


def answer_notice(ctx: Context) -> Reply | None:
    q, store = ctx.q, ctx.store
    ids = q.notice_ids
    if not ids:  # the round's original call
        year = q.years[0] if q.years else (store.years[-1] if store.years else None)
        ids = store.originals(year) if year else []
    lines = []
    for nid in ids[:MAX_NOTICES]:
        n = store.notices[nid]
        title = _cited(ctx, n, n.title)
        if not title:
            continue
        parts = [f"《{n.title}》{title}"]
        if n.issuer:
            parts.append(f"发文单位：{n.issuer}")
        if n.doc_number:
            parts.append(f"文号：{n.doc_number}{_cited(ctx, n, n.doc_number)}")
        if n.audience:
            parts.append(f"发送对象：{n.audience}{_cited(ctx, n, n.audience)}")
        if n.parent_doc_number:
            parts.append(f"转发的通知文号：{n.parent_doc_number}")
        if n.date:
            parsed = parse_date(n.date)
            shown = cn_written(parsed) if parsed else n.date
            written = "" if shown == n.date else f"（原文“{n.date}”）"
            parts.append(f"落款日期：{shown}{written}{_cited(ctx, n, n.date, last=True)}")
        else:
            parts.append("通知未写明落款日期")
        lines.append("；".join(parts))
    return Reply(lines) if lines else None
