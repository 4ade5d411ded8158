"""eval --perturb N: for each question, N variants made by general transformations that keep its
answer (shared/design.md, "Perturbations"); the vocabularies are data (data/perturb.yaml)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
import zhconv

from assistant.config import DATA_DIR


@cache
def vocab() -> dict[str, list]:
    return yaml.safe_load(Path(DATA_DIR / "perturb.yaml").read_text(encoding="utf-8"))


def _intro(q: str, rng: random.Random) -> str | None:
    return rng.choice(vocab()["intro"]) + q


def _courtesy(q: str, rng: random.Random) -> str | None:
    return rng.choice(vocab()["greeting"]) + q + rng.choice(vocab()["thanks"])


def _replace_one(pairs: list[list[str]], q: str, rng: random.Random) -> str | None:
    found = [(a, b) for a, b in pairs if a in q]
    if not found:
        return None
    a, b = rng.choice(found)
    return q.replace(a, b, 1)


def _colloquial(q: str, rng: random.Random) -> str | None:
    return _replace_one(vocab()["colloquial"], q, rng)


def _abbreviation(q: str, rng: random.Random) -> str | None:
    return _replace_one(vocab()["abbreviation"], q, rng)


def _homophone(q: str, rng: random.Random) -> str | None:
    return _replace_one(vocab()["homophone"], q, rng)


def _joined(q: str, rng: random.Random) -> str | None:
    return q.rstrip() + ("" if re.search(r"[？?。！!]$", q.rstrip()) else "？") + rng.choice(vocab()["second"])


def _reordered(q: str, rng: random.Random) -> str | None:
    """"X，Y？" -> "Y？X。": the ask first, what leads up to it after."""
    m = re.match(r"^([^，,？?]{4,}?)[，,](.+[？?])$", q.strip())
    return f"{m.group(2)}{m.group(1)}。" if m else None


def _width(q: str, rng: random.Random) -> str | None:
    """Half-width digits and punctuation as full-width, or the other way round."""
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in q)
    return wide if wide != q else unicodedata.normalize("NFKC", q)


def _traditional(q: str, rng: random.Random) -> str | None:
    t = zhconv.convert(q, "zh-tw")
    return t if t != q else None


TRANSFORMS: dict[str, Callable[[str, random.Random], str | None]] = {
    "intro": _intro, "courtesy": _courtesy, "colloquial": _colloquial, "abbreviation": _abbreviation,
    "homophone": _homophone, "joined": _joined, "reordered": _reordered, "width": _width, "traditional": _traditional,
}
# A decline must stay a decline: a second, answerable question joined to it changes that.
NOT_FOR_DECLINES = {"joined"}


@dataclass(frozen=True)
class Variant:
    transform: str
    q: str


def variants(q: str, n: int, rng: random.Random, decline: bool = False) -> list[Variant]:
    """Up to n variants, each by a different transformation that applies to the question."""
    names = [t for t in TRANSFORMS if not (decline and t in NOT_FOR_DECLINES)]
    rng.shuffle(names)
    out: list[Variant] = []
    for name in names:
        text = TRANSFORMS[name](q, rng)
        if text and text != q:
            out.append(Variant(name, text))
        if len(out) == n:
            break
    return out
