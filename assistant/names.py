"""The catalogue of names: lists, fields, review bodies and people as the notices write them, with
their canonical families (aliases.yaml) and which lists have fields. Built with the index and
stored in it; understanding, the fact store, the tokenizer and the staff tables all read it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from assistant.config import DATA_DIR
from assistant.model import ContactFact, Fact, FieldsFact, ListsFact


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load((DATA_DIR / "aliases.yaml").read_text(encoding="utf-8"))
    return {k: {name: list(v or []) for name, v in (data.get(k) or {}).items()} for k in data}


@lru_cache(maxsize=4)
def variants(group: str) -> list[tuple[str, str]]:
    """(variant, canonical name) pairs of an alias group, longest variant first."""
    pairs = [(v, key) for key, vs in load_aliases()[group].items() for v in [key, *vs]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def list_key(name: str) -> str:
    """The family a list name belongs to: "产学研融通组织榜" -> "融通创新组织榜"."""
    name = re.sub(r"榜单$", "榜", name)
    for variant, key in variants("lists"):
        if name == variant:
            return key
    for variant, key in variants("lists"):
        if variant.endswith("榜") and variant in name:
            return key
    return name


def field_key(name: str) -> str:
    name = re.sub(r"领域$", "", name)
    for variant, key in variants("fields"):
        if name == variant:
            return key
    return name


def unquote(text: str) -> str:
    """Without quotation marks: "“科创中国”联合体秘书处" and "科创中国联合体秘书处" are one name."""
    return re.sub(r"[“”\"'「」‘’]", "", text)


def body_names(f: ContactFact) -> list[str]:
    """The review bodies or offices a contact block names, unquoted."""
    return [unquote(b) for b in re.split(r"[、，]", f.body or f.org or "") if len(b) >= 4]


@dataclass
class Catalogue:
    lists: dict[str, str] = field(default_factory=dict)  # name as written -> family key
    fields: dict[str, str] = field(default_factory=dict)
    bodies: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    fielded_lists: list[str] = field(default_factory=list)  # keys of the lists that have fields
    mentions: list[str] = field(default_factory=list)  # list and field names any fact mentions

    @classmethod
    def from_facts(cls, facts: Iterable[Fact]) -> Catalogue:
        cat = cls()
        bodies: set[str] = set()
        people: set[str] = set()
        mentions: set[str] = set()
        for f in facts:
            mentions.update(f.lists, f.fields)
            if isinstance(f, ListsFact) and f.kind == ListsFact.kind:
                cat.lists.update(zip(f.lists, f.list_keys, strict=True))
            elif isinstance(f, FieldsFact):
                cat.fields.update(zip(f.fields, f.field_keys, strict=True))
                for key in f.list_keys:
                    if key not in cat.fielded_lists:
                        cat.fielded_lists.append(key)
            elif isinstance(f, ContactFact):
                people.update(f.persons)
                bodies.update(body_names(f))
        cat.bodies, cat.people, cat.mentions = sorted(bodies), sorted(people), sorted(mentions)
        return cat

    def has_fields(self, key: str | None) -> bool:
        return key is not None and key in self.fielded_lists

    def list_names(self) -> list[str]:
        """Every list family the notices use, by its canonical name."""
        return sorted(set(self.lists.values()))

    def terms(self) -> list[str]:
        """Extra words for the tokenizer: every name the notices use, and every body's parts."""
        terms = set(self.lists) | set(self.fields) | set(self.people) | set(self.mentions)
        for body in self.bodies:
            terms.update(t for t in re.split(r"[、，]", body) if t)
        return sorted(terms)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Catalogue:
        return cls(**data)


# ---------------------------------------------------------------- names as users mistype them


@lru_cache(maxsize=20000)
def _syllable(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


def sound(text: str) -> str:
    """Toneless pinyin: "胡智强" and "胡志强" sound the same."""
    return " ".join(_syllable(ch) for ch in text)


def _one_edit(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def fuzzy_find(text: str, names: Iterable[str], min_len: int = 2) -> tuple[str, str] | None:
    """(as written in `text`, the name meant) for a name written with a homophone ("新蕊企业榜",
    "胡智强") or, for names of four characters or more, one wrong character ("先锋企业榜" is not
    matched against two names at once). None when nothing, or more than one name, fits."""
    by_sound: dict[tuple[int, str], set[str]] = {}
    long_names = []
    for name in names:
        if len(name) >= min_len:
            by_sound.setdefault((len(name), sound(name)), set()).add(name)
            if len(name) >= 4:
                long_names.append(name)
    best: tuple[str, str] | None = None
    for size in sorted({n for n, _ in by_sound}, reverse=True):
        hits: dict[str, str] = {}
        for i in range(len(text) - size + 1):
            window = text[i : i + size]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", window):
                continue
            meant = by_sound.get((size, sound(window)), set())
            if size >= 4 and not meant:
                meant = {n for n in long_names if n[-1] == window[-1] and _one_edit(n, window)}
            meant -= {window}
            if len(meant) == 1:
                hits[window] = next(iter(meant))
            elif len(meant) > 1:
                return None  # two names fit: never guess
        if len(set(hits.values())) == 1:
            best = next(iter(hits.items()))
            break
        if len(set(hits.values())) > 1:
            return None
    return best
