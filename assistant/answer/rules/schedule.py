"""The round's stages and their periods: the stage asked about, or the whole schedule."""

from __future__ import annotations

import re

from assistant.answer.rules.base import Context, Reply
from assistant.answer.similarity import overlap
from assistant.answer.understand import Query
from assistant.ingest.textmap import locate
from assistant.model import StageFact

# A day asked for ("具体哪天公布", "几月几号"): a stage given only by its month does not say it.
DAY_ASKED = re.compile(r"哪天|哪一天|几号|几月几[号日]|具体(?:日期|哪天|时间|日子)")
MONTH_ONLY = re.compile(r"^[^日]*月$")


SAID = 2  # stages shown with what happens in them; more are listed by their periods only
CALL_STAGE = re.compile(r"征集|申报|推荐|报送")  # the round's first stage: what applicants and units do
WHO_ASKED = re.compile(r"谁|哪家|哪个(?:机构|单位|部门)|负责")
EACH_ASKED = re.compile(r"各|分别|每个|都")
STAGE_NAMED = re.compile(r"发布|终评|初评|公示|推介|宣传|遴选|答辩|会评")


def _steps_asked(q: Query) -> bool:
    """"谁先评、谁定最终名单，各在什么时候": who takes more than one step, so every step is shown."""
    return len(re.findall("谁", q.text)) >= 2 or bool(WHO_ASKED.search(q.text) and EACH_ASKED.search(q.text))


def _what_happens(ctx: Context, f: StageFact) -> str:
    """"——举办“科创中国”年度会议发布榜单…": the sentence under a stage's heading, cited, so that
    "以什么形式发布", "评完交给谁" are answered with its period."""
    said = ctx.store.line_after(f)
    if said is None:
        return ""
    notice = ctx.store.notices[said.notice_id]
    span = locate(notice.original, said.text, said.start, said.end)
    return f"——{said.text}{ctx.citer.cite(said.notice_id, said.section, said.text, *span)}" if span else ""


def answer_schedule(ctx: Context) -> Reply | None:
    q = ctx.q
    picked = ctx.pick_original(StageFact)
    if picked is None:
        return None
    year, stages = picked
    asked = re.sub(r"阶段|评审|时间|安排", " ", re.sub(r"公布|揭晓|出炉|公开", "发布", q.text))

    def score(f: StageFact) -> int:
        # Word pairs, not single characters: "上传" must not match "宣传推广".
        name = re.sub(r"阶段|评审", " ", f.stage)
        return 2 * overlap(asked, name) + (len(set(name) & set(asked) - {" "}) >= 2)

    best = max((score(f) for f in stages), default=0)
    if best > 0 and not _steps_asked(q):
        shown = [f for f in stages if score(f) == best]
        # A stage a table's rows each give ("科研院评审" of every list): the list asked's row, once.
        shown = [f for f in shown if ctx.matches_list(f) or not f.lists] or shown
        firsts: dict[tuple[str, str], StageFact] = {}
        for f in shown:
            firsts.setdefault((f.stage, f.period), f)
        shown = list(firsts.values())
        direct = [f"{year}年{f.stage}：{f.period}{ctx.cite(f)}{_what_happens(ctx, f) if len(shown) <= SAID else ''}"
                  for f in shown]
        direct[0] += ctx.year_note(year)
        if DAY_ASKED.search(q.text) and all(MONTH_ONLY.match(f.period.strip()) for f in shown):
            direct.insert(0, "通知只写到月份，没有写具体日期：")
        return Reply(direct)
    if re.search(r"截止|前", q.text) or (best == 0 and STAGE_NAMED.search(asked)):
        return None  # (a stage asked that these stages lack, "几月份发布": not the schedule of other steps)
    if q.after_submitting and len(stages) > 2 and CALL_STAGE.search(stages[0].stage):
        stages = stages[1:]  # "交完以后是什么流程": the steps after the one the asker has done
    who = WHO_ASKED.search(q.text)  # "哪个环节谁负责": each step with the sentence that says who runs it
    return Reply([f"{year}年工作安排{ctx.year_note(year)}：",
                  *(f"{f.stage}：{f.period}{ctx.cite(f)}{_what_happens(ctx, f) if who and i < SAID + 1 else ''}"
                    for i, f in enumerate(stages))])
