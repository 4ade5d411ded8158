"""Where to apply: the platform's name and address."""

from __future__ import annotations

from assistant.answer.rules.base import Context, Reply
from assistant.model import PlatformFact


def answer_platform(ctx: Context) -> Reply | None:
    picked = ctx.pick(PlatformFact)
    if picked is None:
        return None
    year, in_year = picked
    f = in_year[0]
    return Reply([f"{year}年通过{f.name or '申报平台'}申报，网址：{f.value}{ctx.cite(f)}{ctx.year_note(year)}"])
