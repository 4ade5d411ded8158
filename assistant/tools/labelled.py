"""Labelled question sets the fitted models learn from, and the assistant each is answered by."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import ROOT, Settings

if TYPE_CHECKING:
    from assistant.assistant import Assistant

SHARED = ROOT.parent / "shared" / "eval"
FIXTURES = ROOT / "tests" / "fixtures"


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
