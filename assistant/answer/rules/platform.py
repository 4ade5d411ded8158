"""Where to apply: the platform's name and address (each year's, when a question asks several)."""

from __future__ import annotations

from assistant.answer.rules.base import Context, Reply
from assistant.model import PlatformFact


def _line(ctx: Context, year: int, f: PlatformFact) -> str:
    return f"{year}年通过{f.name or '申报平台'}申报，网址：{f.value}{ctx.cite(f)}"


def answer_platform(ctx: Context) -> Reply | None:
    picked = ctx.pick(PlatformFact)
    if picked is None:
        return None
    year, in_year = picked
    f = in_year[0]
    lines = [_line(ctx, year, f) + ctx.year_note(year)]
    # "21年是在哪个网站上报的？想确认和今年是不是同一个平台": every year asked, each with its own.
    for other in sorted(set(ctx.q.years) - {year}, reverse=True):
        found = ctx.store.pick(PlatformFact, [other], None, ctx.q.notice_ids or None)
        if found is not None and found[0] == other:
            g = found[1][0]
            lines.append(_line(ctx, other, g) + ("（与上一条相同）" if g.value == f.value else ""))
    return Reply(lines)
