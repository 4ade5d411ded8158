"""Facts extracted by code from every notice: one extractor per kind."""

from __future__ import annotations

import re

from assistant.ingest.facts.common import Fact
from assistant.ingest.facts.contacts import extract_contacts
from assistant.ingest.facts.quotas import extract_quotas
from assistant.ingest.facts.requirements import extract_eligibility, extract_platforms
from assistant.ingest.facts.rounds import extract_lists
from assistant.ingest.facts.schedule import extract_deadlines, extract_stages
from assistant.ingest.notices import Notice

__all__ = ["Fact", "extract_facts", "vocabulary"]


def extract_facts(notice: Notice) -> list[Fact]:
    round_facts = extract_lists(notice)
    list_names = next((f.lists for f in round_facts if f.kind == "lists"), [])
    field_names = [name for f in round_facts if f.kind == "fields" for name in f.fields]
    return [
        *round_facts,
        *extract_stages(notice),
        *extract_deadlines(notice),
        *extract_quotas(notice, list_names),
        *extract_contacts(notice, list_names, field_names),
        *extract_platforms(notice, list_names),
        *extract_eligibility(notice, list_names, field_names),
    ]


def vocabulary(facts: list[Fact]) -> list[str]:
    """Names the notices use (lists, fields, bodies, people): extra words for the tokenizer."""
    terms: set[str] = set()
    for f in facts:
        terms.update(f.lists)
        terms.update(f.fields)
        terms.update(f.attrs.get("persons", []))
        if f.attrs.get("body"):
            terms.update(t for t in re.split(r"[、，]", f.attrs["body"]) if t)
    return sorted(terms)
