"""A notice's self-test: questions made from the facts extracted from it (each list's deadline,
quota and contact, asked the way users ask and naming the notice's issuer), answered by the
assistant over the index that holds it, graded as `eval` grades (the expected value in the answer's
first 300 characters). The result is kept beside the notice, in corpus/.selftest/NAME.json, with the
notice's SHA-256: a result for another text of the notice is not shown as its own."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.files import write_aside
from assistant.ingest.notices import NoticeMeta
from assistant.ingest.textmap import normalize_for_match
from assistant.model import ContactFact, DeadlineFact, Fact, NoticeKind, QuotaFact, Role, Scope

if TYPE_CHECKING:
    from assistant.answer.compose import Answer

FOLDER = ".selftest"
MAX_PROBES = 9
HEAD = 300  # the part of an answer that is graded, as in eval


@dataclass(frozen=True)
class Probe:
    question: str
    expected: str  # a value the fact holds, as the notice writes it
    source: str  # which fact it was made from ("名额 · 新锐企业榜")


@dataclass(frozen=True)
class ProbeResult:
    probe: Probe
    answer: str
    passed: bool


@dataclass
class SelfTest:
    notice_id: str
    sha256: str
    results: list[ProbeResult] = field(default_factory=list)
    when: str = ""

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def summary(self) -> str:
        return f"{self.passed}/{len(self.results)}" if self.results else "无可自测的事实"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> SelfTest:
        results = [ProbeResult(Probe(**r["probe"]), r["answer"], r["passed"]) for r in data.get("results", [])]  # type: ignore[union-attr, index]
        return cls(str(data["notice_id"]), str(data["sha256"]), results, str(data.get("when", "")))


def _who(notice: NoticeMeta) -> str:
    """How a user names the notice in a question: its issuer, or the round for CAST's own call."""
    if notice.kind == NoticeKind.ORIGINAL or not notice.issuer:
        return f"{notice.year}年" if notice.year else ""
    return f"{notice.issuer}这次"


def _month_day(iso: str) -> str:
    parts = iso.split("-")
    return f"{int(parts[-2])}月{int(parts[-1])}日" if len(parts) >= 2 and all(p.isdigit() for p in parts[-2:]) else ""


def probes(notice: NoticeMeta, facts: list[Fact]) -> list[Probe]:
    """Questions about one notice made from its facts: deadlines (the unit's own first, for a
    forwarding or internal notice), quotas per list, contacts with a phone."""
    who = _who(notice)
    own = [f for f in facts if f.notice_id == notice.id]
    made: list[Probe] = []
    deadlines = [f for f in own if isinstance(f, DeadlineFact) and _month_day(f.date)]
    wanted = Scope.INTERNAL if notice.kind != NoticeKind.ORIGINAL else Scope.PLATFORM
    for f in sorted(deadlines, key=lambda f: f.scope != wanted)[:2]:
        about = "、".join(f.lists) or ""
        ask = {Scope.PLATFORM: "平台上最晚哪天提交", Scope.INTERNAL: "材料最晚哪天要交上去"}.get(
            f.scope, f"{f.stage or '这一步'}截止到哪天")
        made.append(Probe(f"{who}{about}{ask}？", _month_day(f.date), f"截止时间 · {about or '全部榜单'}"))
    for f in [f for f in own if isinstance(f, QuotaFact) and f.lists and f.number][:4]:
        per = "每个领域" if f.per_field else ""
        made.append(Probe(f"{who}{f.lists[0]}{per}能推荐几个？", f"{f.number}", f"名额 · {f.lists[0]}"))
    for f in [f for f in own if isinstance(f, ContactFact) and f.phones and f.role != Role.TECH][:3]:
        about = f.lists[0] if f.lists else (f.body or "申报")
        made.append(Probe(f"{who}{about}有问题找谁？电话多少？", f.phones[0], f"联系人 · {about}"))
    unique: dict[str, Probe] = {}
    for p in made:
        unique.setdefault(p.question, p)  # the first fact asked so is the one the notice leads with
    return list(unique.values())[:MAX_PROBES]


def grade(probe: Probe, answer: Answer) -> bool:
    return normalize_for_match(probe.expected) in normalize_for_match(answer.answer[:HEAD])


def run(answer: Callable[[str], Answer], notice: NoticeMeta, facts: list[Fact]) -> SelfTest:
    """`answer`: the assistant's answering function over an index holding the notice."""
    results = []
    for p in probes(notice, facts):
        got = answer(p.question)
        results.append(ProbeResult(p, got.answer[:HEAD], grade(p, got)))
    return SelfTest(notice.id, notice.sha256, results, time.strftime("%Y-%m-%d %H:%M"))


def _path(corpus_dir: Path, notice_id: str) -> Path:
    if Path(notice_id).name != notice_id or notice_id.startswith("."):
        raise ValueError(f"无效的通知文件名：{notice_id!r}")
    return corpus_dir / FOLDER / f"{notice_id}.json"


def save(corpus_dir: Path, result: SelfTest) -> None:
    """Written aside, then swapped in: a reader never sees half a result."""
    path = _path(corpus_dir, result.notice_id)
    write_aside(path, json.dumps(result.to_dict(), ensure_ascii=False, indent=1).encode("utf-8"))


def load(corpus_dir: Path, notice: NoticeMeta) -> SelfTest | None:
    """The stored result for this text of the notice (None when there is none, or it was for another text)."""
    try:
        data = json.loads(_path(corpus_dir, notice.id).read_text(encoding="utf-8"))
        result = SelfTest.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return result if result.sha256 == notice.sha256 else None


def status(corpus_dir: Path, notice: NoticeMeta) -> str:
    """What `notices` shows: "自测 5/6", or that there is none for this text."""
    result = load(corpus_dir, notice)
    return f"自测 {result.summary}" if result else "未自测"


def lines(result: SelfTest) -> list[str]:
    out = [f"自测：{result.summary}（{result.when}）"]
    for r in result.results:
        mark = "✓" if r.passed else "✗"
        shown = re.sub(r"\s+", " ", r.answer)[:80]
        out.append(f"  {mark} {r.probe.question}  期望含“{r.probe.expected}”  答：{shown}")
    return out
