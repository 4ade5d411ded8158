"""Names as users mistype them: a homophone ("新蕊企业榜", "胡智强") or, in a long name, one wrong
character, read as the one name of the catalogue it can be. Answer-time only: nothing here is
stored in the index."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib.metadata import version

from assistant.config import CACHE_DIR
from assistant.files import write_aside

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
CJK_BASIC = range(0x4E00, 0xA000)


@cache
def _syllables() -> dict[str, str]:
    """Toneless pinyin of CJK's basic block, read once by pypinyin and kept as a table keyed by its
    version: importing pypinyin costs a cold start 0.3 s, reading the table 10 ms."""
    path = CACHE_DIR / f"syllables-pypinyin-{version('pypinyin')}.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    from pypinyin import lazy_pinyin

    table = {chr(code): lazy_pinyin(chr(code))[0] for code in CJK_BASIC}
    with contextlib.suppress(OSError):  # (a read-only cache: the table is rebuilt in each process)
        write_aside(path, json.dumps(table, ensure_ascii=False).encode("utf-8"))
    return table


@lru_cache(maxsize=20000)
def _syllable(ch: str) -> str:
    known = _syllables().get(ch)
    if known is not None:
        return known
    if ch < "\u3400":  # below the CJK blocks pypinyin gives the character back
        return ch
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


def sound(text: str) -> str:
    """Toneless pinyin: "胡智强" and "胡志强" sound the same."""
    return " ".join(_syllable(ch) for ch in text)


def _one_edit(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


class SoundIndex:
    """Names by length and toneless pinyin, and those of four characters or more by length and last
    character: built once per catalogue, so that reading a mistyped name against 50,000 people costs
    a question a few windows' lookups, not a pass over every name."""

    def __init__(self, names: Iterable[str], min_len: int = 2, one_edit: bool = True, given_names: bool = False) -> None:
        """one_edit: names of four characters or more also match with one wrong character.
        given_names: people's names of three characters match with one wrong character of the given
        name, the surname written right ("岑立君" for 岑立群)."""
        self.by_sound: dict[tuple[int, str], set[str]] = {}
        self.by_tail: dict[tuple[int, str], list[str]] = {}
        self.by_surname: dict[str, list[str]] = {}
        for name in names:
            if len(name) >= min_len:
                self.by_sound.setdefault((len(name), sound(name)), set()).add(name)
                if len(name) >= 4 and one_edit:
                    self.by_tail.setdefault((len(name), name[-1]), []).append(name)
                if len(name) == 3 and given_names:
                    self.by_surname.setdefault(name[0], []).append(name)
        self.sizes = sorted({n for n, _ in self.by_sound}, reverse=True)

    def meant(self, window: str) -> set[str]:
        """The names `window` may be a mistyping of (itself excluded)."""
        size = len(window)
        found = set(self.by_sound.get((size, sound(window)), set()))
        if size >= 4 and not found:
            found = {n for n in self.by_tail.get((size, window[-1]), []) if _one_edit(n, window)}
        if size == 3 and not found:
            found = {n for n in self.by_surname.get(window[0], []) if _one_edit(n, window)}
        return found - {window}


def fuzzy_find(text: str, index: SoundIndex, accept: Callable[[str], bool] | None = None) -> tuple[str, str] | None:
    """(as written in `text`, the name meant) for a name written with a homophone ("新蕊企业榜",
    "胡智强") or, for names of four characters or more, one wrong character ("先锋企业榜" is not
    matched against two names at once). None when nothing, or more than one name, fits. `accept`: which
    windows may be a name at all (a person's name is a word: "那个裴沛" holds 里那 across two)."""
    for size in index.sizes:
        hits: dict[str, str] = {}
        for i in range(len(text) - size + 1):
            window = text[i : i + size]
            if not CJK_RUN.fullmatch(window):
                continue
            meant = index.meant(window)
            if meant and accept is not None and not accept(window):
                continue
            if len(meant) == 1:
                hits[window] = next(iter(meant))
            elif len(meant) > 1:
                return None  # two names fit: never guess
        if len(set(hits.values())) == 1:
            return next(iter(hits.items()))
        if len(set(hits.values())) > 1:
            return None
    return None
