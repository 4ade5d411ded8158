"""Who runs a call: its 主办, 承办, 协办, 指导 and 支持 units, as its organiser lines name them."""

from __future__ import annotations

import re

from assistant.answer.rules.base import Context, Reply
from assistant.model import OrganiserFact

ROLES = ("联合主办", "主办", "承办", "协办", "指导", "支持")


def answer_organiser(ctx: Context) -> Reply | None:
    picked = ctx.pick(OrganiserFact)
    if picked is None:
        return None
    year, found = picked
    asked = [r for r in ROLES if r in ctx.q.text]
    chosen = [f for f in found if f.role in asked] or found
    if not re.search(r"哪些|都有|分别", ctx.q.text) and asked:
        chosen = chosen[:1] if len({f.role for f in chosen}) == 1 else chosen
    lines = [f"{f.role}单位：{'、'.join(f.names)}{ctx.cite(f)}" for f in chosen]
    lines[0] = f"{year}年" + lines[0] + ctx.year_note(year)
    return Reply(lines)
