"""The catalogue of names: lists, fields, review bodies and people as the notices write them, with
their canonical families (aliases.yaml) and which lists have fields. Built with the index and
stored in it; understanding, the fact store, the tokenizer and the staff tables all read it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

import yaml

from assistant.config import DATA_DIR
from assistant.model import ContactFact, Fact, FieldsFact, ListsFact

T = TypeVar("T")


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


LIST_NAME = r"[\u4e00-\u9fff]{2,12}榜"
# How a notice says a list was renamed: "技术经理人先锋榜更名为“成果转化先锋榜”", "原技术经理人先锋榜调整为
# 成果转化先锋榜", "成果转化先锋榜（原技术经理人先锋榜）", a sheet's "榜单名称：…" above "原榜单名称：…".
RENAMED = [
    re.compile(rf"(?:原|原来的)?[“\"「]?(?P<old>{LIST_NAME})[”\"」]?(?:单)?[^。；;\n榜]{{0,10}}?"
               rf"(?:更名为|改名为|调整为|改为|改成了?|更名|改称|升级为|变为|变成了?)[“\"「]?(?P<new>{LIST_NAME})"),
    re.compile(rf"[“\"「]?(?P<new>{LIST_NAME})[”\"」]?[（(](?:原|原名|原名称|原称|原为)[：:]?[“\"「]?(?P<old>{LIST_NAME})"),
    re.compile(rf"(?P<new>{LIST_NAME})[^。；;\n榜]{{0,4}}?由(?:原)?[“\"「]?(?P<old>{LIST_NAME})[”\"」]?(?:更名|改名|调整|改设|升级)"),
    re.compile(rf"榜单名称\s*[：:]\s*(?P<new>{LIST_NAME})[^\n]{{0,6}}\n?\s*原(?:榜单)?名称\s*[：:]\s*(?P<old>{LIST_NAME})"),
]


def _bare_name(name: str) -> str:
    """A list's name without the words a sentence led up to it with: "其中成果转化先锋榜" -> "成果转化先锋榜"."""
    return re.sub(r"^(?:其中|另外|此外|同时|今年|本年度|本轮|将|把|即|原来的|原)+", "", name)


def read_renames(text: str) -> dict[str, str]:
    """The lists a notice says were renamed: new name -> the family of the old one."""
    found: dict[str, str] = {}
    for pattern in RENAMED:
        for m in pattern.finditer(text):
            old, new = _bare_name(m.group("old")), _bare_name(m.group("new"))
            if new != old and list_key(new) != list_key(old):
                found.setdefault(new, list_key(old))
    return found


def apply_renames(facts: Iterable[Fact]) -> None:
    """A rename one notice states holds for every notice: a list written by its new name is the old
    one's family wherever it appears (a unit's notice may use the new name without saying so)."""
    facts = list(facts)
    renamed = {n: k for f in facts for n, k in zip(f.lists, f.list_keys, strict=True) if list_key(n) != k}
    if renamed:
        for f in facts:
            f.list_keys = [renamed.get(n, k) for n, k in zip(f.lists, f.list_keys, strict=True)]


def apply_own_fields(facts: Iterable[Fact]) -> None:
    """A field a round lists beside the one the alias file folds it into ("电子信息、…、人工智能等六大
    产业领域") is a field of its own, in every notice: its facts are keyed by its own name."""
    facts = list(facts)
    own: set[str] = set()
    for f in facts:
        if isinstance(f, FieldsFact):
            bare = [bare_field(n) for n in f.fields]
            own |= {b for b, k in zip(bare, f.field_keys, strict=True) if b != k and k in bare}
    if own:
        for f in facts:
            f.field_keys = [b if (b := bare_field(n)) in own else k
                            for n, k in zip(f.fields, f.field_keys, strict=True)]


def bare_field(name: str) -> str:
    """A field's name without 领域 ("人工智能领域" -> "人工智能")."""
    return re.sub(r"领域$", "", name)


def field_key(name: str) -> str:
    name = bare_field(name)
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
    # The alias file's user words (`words`) that notices write themselves ("盖章"): read as written.
    written: list[str] = field(default_factory=list)
    # Each round's list names as written (JSON keys: the year as text): a short name settled by the round.
    by_year: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._derived: dict[str, Any] = {}  # not a field: never stored with the index

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """A value worked out from the catalogue once (a catalogue does not change once built)."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

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
                if f.year is not None:
                    named = cat.by_year.setdefault(str(f.year), [])
                    named += [n for n in f.lists if n not in named]
            elif isinstance(f, FieldsFact):
                cat.fields.update(zip(f.fields, f.field_keys, strict=True))
                for key in f.list_keys:
                    if key not in cat.fielded_lists:
                        cat.fielded_lists.append(key)
            elif isinstance(f, ContactFact):
                people.update([*f.persons, *([f.recipient] if f.recipient else [])])  # a mailing address's recipient too
                bodies.update(body_names(f))
        cat.bodies, cat.people, cat.mentions = sorted(bodies), sorted(people), sorted(mentions)
        return cat

    def learn_words(self, texts: Iterable[str]) -> None:
        """Which of the user words the notices themselves write."""
        words = [v for v, w in variants("words") if v != w]
        self.written = sorted({v for text in texts for v in words if v in text})

    def has_fields(self, key: str | None) -> bool:
        return key is not None and key in self.fielded_lists

    def list_family(self, name: str) -> str:
        """The family key of a list as a user or a client names it: any year's name, a short name."""
        name = name.strip()
        return self.lists.get(name) or list_key(name)

    def round_list(self, short: str, year: int | None, text: str = "") -> str | None:
        """The one list of a round (the year asked, else the latest) that a short name "X榜" names, as
        the round writes it: one whose name ends with it ("先锋榜" in 2023: 技术经理人先锋榜; in 2022
        two lists end so, and it settles nothing, unless the message writes the rest of one's name:
        "跟“创业就业”有关的先锋榜") or holds X before its 榜 ("场景榜": 场景创新应用榜)."""
        rounds = sorted(int(y) for y in self.by_year)
        if not rounds:
            return None
        year = year if year in rounds else rounds[-1]
        inner = short[:-1] if short.endswith("榜") and len(short) >= 3 else None
        owners = {n for n in self.by_year[str(year)]
                  if n != short and (n.endswith(short) or (inner and n.endswith("榜") and inner in n[:-1]))}
        if len({self.list_family(n) for n in owners}) > 1 and text:
            owners = {n for n in owners if n.endswith(short) and len(rest := n[: -len(short)]) >= 2 and rest in text} or owners
        # The name the round writes (a renamed list's new name, as its passages say it), of one family.
        return max(owners, key=len) if len({self.list_family(n) for n in owners}) == 1 else None

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
