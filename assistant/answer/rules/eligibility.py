"""Who may apply to a list (and field): its conditions, the one closest to the question first."""

from __future__ import annotations

from assistant.answer.rules.base import Context, Reply
from assistant.answer.similarity import overlap
from assistant.model import EligibilityFact


def answer_eligibility(ctx: Context) -> Reply | None:
    q = ctx.q
    if q.list_key is None:
        return None  # conditions differ per list: without one, retrieval finds the passage asked about
    picked = ctx.pick(EligibilityFact, lambda f: ctx.matches_list(f) and ctx.matches_field(f) and bool(f.conditions))
    if picked is None:
        return None
    year, facts = picked
    direct: list[str] = []
    for f in facts[:2]:
        conds = sorted(f.conditions, key=lambda c: -overlap(q.text, c))
        best = conds[0] if overlap(q.text, conds[0]) > overlap(q.text, conds[-1]) else None
        head = f"{year}年{'、'.join(f.lists)}（{f.heading}）申报条件"
        cite = ctx.cite(f)
        if best:
            direct.append(f"{head}中与您的问题最相关的一条：{best}{cite}")
            direct.append("全部条件：" + " ".join(f.conditions))
        else:
            direct.append(f"{head}：" + " ".join(f.conditions) + cite)
        direct += f.exclusions[:1]
    direct[0] += ctx.year_note(year)
    return Reply(direct)
