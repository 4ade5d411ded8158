"""What a notice is: its title, issuer, document number and date, quoted from the notice itself
("这份通知是谁发的", "文号是多少", "学会的通知哪天发的")."""

from __future__ import annotations

import re
from collections import Counter

from assistant.answer.rules.base import Context, Reply
from assistant.ingest.dates import DATE, cn_written, parse_date
from assistant.ingest.notices import NoticeRecord
from assistant.ingest.textmap import locate

MAX_NOTICES = 4
# What a question about a notice asks of it.
ASKED = {
    "number": re.compile(r"文号|字号|编号|发文号"),
    "date": re.compile(r"哪天|日期|什么时候|啥时候|何时|落款|几号|几月|印发时间|发布时间"),
    "issuer": re.compile(r"谁发|谁印发|哪个单位|哪家|发文单位|发文机关|署名|谁的"),
    "audience": re.compile(r"发给谁|发给哪|发送对象|主送|抄送|面向谁"),
    "title": re.compile(r"标题|题目|全称|叫什么"),
}
# "2026年9月8日，中国科协办公厅印发《…》": the date a unit's notice says the call was issued.
ISSUED = re.compile(rf"({DATE})[，,]?\s*[^，,。《]{{0,20}}(?:印发|发布|下发|出台|发出)")


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
        if year and not ids:
            return _call_as_cited(ctx, year)
    lines = []
    for nid in ids[:MAX_NOTICES]:
        n = store.notices[nid]
        title = _cited(ctx, n, n.title)
        if not title:
            continue
        parts = [("title", f"《{n.title}》{title}")]
        if n.issuer:
            parts.append(("issuer", f"发文单位：{n.issuer}"))
        if n.signer:
            parts.append(("issuer", f"署名：{n.signer}{_cited(ctx, n, n.signer, last=True)}"))
        if n.doc_number:
            parts.append(("number", f"文号：{n.doc_number}{_cited(ctx, n, n.doc_number)}"))
        if n.audience:
            parts.append(("audience", f"发送对象：{n.audience}{_cited(ctx, n, n.audience)}"))
        if n.parent_doc_number:
            parts.append(("parent", f"转发的通知文号：{n.parent_doc_number}"))
        if n.date:
            parsed = parse_date(n.date)
            shown = cn_written(parsed) if parsed else n.date
            written = "" if shown == n.date else f"（原文“{n.date}”）"
            parts.append(("date", f"落款日期：{shown}{written}{_cited(ctx, n, n.date, last=True)}"))
        else:
            parts.append(("date", "通知未写明落款日期"))
        asked = {key for key, pattern in ASKED.items() if pattern.search(q.text)}
        parts.sort(key=lambda p: p[0] not in asked)  # what is asked first ("文号多少，哪天发的"), then the rest
        parts = [text for _, text in parts]
        lines.append("；".join(parts))
    return Reply(lines) if lines else None


def _call_as_cited(ctx: Context, year: int) -> Reply | None:
    """A round whose own call is not in: the call as its units' notices cite it, the number most of
    them pass on, with the sentence that names it (and the date, where one says when it was issued)."""
    store = ctx.store
    cited = Counter(n.parent_doc_number for i in store.own_notices(year) if (n := store.notices[i]).parent_doc_number)
    if not cited:
        return None
    number = cited.most_common(1)[0][0]
    said = store.sentences(year, re.compile(re.escape(number)))
    if not said:
        return None
    # The sentence that also says when it was issued, else the first that names it.
    issued, best = next(((m, p) for p in said if (m := ISSUED.search(p.text))), (None, said[0]))
    span = locate(store.notices[best.notice_id].original, best.text, best.start, best.end) or (best.start, best.end)
    title = re.search(r"《([^》]+)》[^《]{0,6}" + re.escape(number), best.text) or re.search(r"《([^》]+)》", best.text)
    parts = [f"{year}年的原始征集通知未收录，据{store.label(best.notice_id)}转述："]
    if title:
        parts.append(f"《{title.group(1)}》")
    parts.append(f"文号：{number}")
    if issued:
        parts.append(f"印发日期：{issued.group(1)}")
    return Reply([parts[0] + "；".join(parts[1:]) + ctx.citer.cite(best.notice_id, best.section, best.text, *span)])
