"""Labelled question sets the fitted models learn from, and the assistant each is answered by."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import ROOT, Settings

if TYPE_CHECKING:
    from assistant.assistant import Assistant

SHARED = ROOT.parent / "shared" / "eval"
FIXTURES = ROOT / "tests" / "fixtures"
FALL = dt.date(2023, 10, 20)  # the development sets' 今年 is the 2023 round
# Batches kept out of every fit: measured as first tries of the path they were held out from (ft12-14:
# the ranked path's; ft37-40: the models refitted on every earlier batch; ft47-48: the seventh session's code).
HELD_OUT = ("ft12", "ft13", "ft14", "ft37", "ft38", "ft39", "ft40", "ft47", "ft48", "ft49", "ft50", "ft51", "ft52", "ft53", "ft54", "ft55", "ft56", "ft57", "ft58", "ft59", "ft60", "ft61", "ft62", "ft63", "ft64", "ft65", "ft66", "ft67", "ft68", "ft69", "ft70", "ft71", "ft72", "ft73", "ft74", "ft75", "ft76", "ft77", "ft78", "ft79", "ft80", "ft81", "ft82", "ft83", "ft84", "ft85", "ft86", "ft87", "ft88", "ft89", "ft90", "ft91", "ft92", "ft93", "ft94", "ft95", "ft96", "ft97", "ft98", "ft99", "ft100", "ft101", "ft102", "ft103", "ft104", "ft105", "ft106", "ft107", "ft108", "ft109", "ft111", "ft112", "ft113", "ft114", "ft115", "ft116", "ft117", "ft118", "ft119", "ft120", "ft121", "ft122", "ft123", "ft124", "ft125", "ft126", "ft127", "ft128", "ft129", "ft130", "ft131", "ft132", "ft133", "ft134", "ft135", "ft136", "ft137", "ft138", "ft139", "ft140", "ft141", "ft142")
# A batch's description says which day its questions are asked on ("Run with: ASSISTANT_TODAY=2032-10-20").
RUN_DATE = re.compile(r"ASSISTANT_TODAY=(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class LabelledSet:
    name: str
    questions: Path
    today: dt.date
    notices: Path | None = None  # the set's own notices, imported beside the corpus


def assistant_for(labelled: LabelledSet) -> Assistant:
    """The assistant over the corpus (and the set's own notices), on the set's date."""
    from assistant.assistant import Assistant
    from assistant.tools.evalcorpus import with_notices

    settings = replace(Settings(), today=labelled.today)
    if labelled.notices is not None:
        settings = with_notices(settings, labelled.notices)
    return Assistant(settings)


def batch_date(questions: Path) -> dt.date:
    """The day a first-try batch is asked on, from its description beside it (the fall of 2023 when
    it says none)."""
    described = questions.with_suffix(".md")
    found = RUN_DATE.search(described.read_text(encoding="utf-8")) if described.exists() else None
    return dt.date(*map(int, found.groups())) if found else FALL


def labelled_sets(held_out: tuple[str, ...] = HELD_OUT) -> list[LabelledSet]:
    """Every labelled set the models learn from: the development sets, our fixtures and each
    first-try batch not held out, each with its own notices and day."""
    sets = [LabelledSet("dev", SHARED / "dev.jsonl", FALL), LabelledSet("dev2", SHARED / "dev2.jsonl", FALL),
            LabelledSet("voices", FIXTURES / "voices.jsonl", FALL),
            # Messages about anything else (weather, taxes, other programmes): what the notices never answer.
            LabelledSet("offtopic", FIXTURES / "offtopic.jsonl", FALL),
            LabelledSet("issuers", FIXTURES / "issuers_questions.jsonl", FALL, FIXTURES / "issuers")]
    for path in sorted((FIXTURES / "firsttry").glob("ft*.jsonl")):
        folder = path.with_suffix("")
        sets.append(LabelledSet(path.stem.split("_")[0], path, batch_date(path), folder if folder.is_dir() else None))
    return [s for s in sets if s.questions.exists() and s.name not in held_out]
