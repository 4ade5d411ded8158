"""Facts extracted by code from every notice: one extractor per kind."""

from __future__ import annotations

from assistant.ingest.facts.contacts import extract_contacts
from assistant.ingest.facts.quotas import extract_quotas
from assistant.ingest.facts.requirements import extract_eligibility, extract_organisers, extract_platforms
from assistant.ingest.facts.rounds import extract_lists
from assistant.ingest.facts.schedule import extract_deadlines, extract_stages
from assistant.ingest.notices import Notice
from assistant.model import Fact, FieldsFact, ListsFact

__all__ = ["extract_facts"]


def extract_facts(notice: Notice) -> list[Fact]:
    round_facts = extract_lists(notice)
    list_names = next((f.lists for f in round_facts if type(f) is ListsFact), [])
    field_names = [name for f in round_facts if isinstance(f, FieldsFact) for name in f.fields]
    return [
        *round_facts,
        *extract_stages(notice),
        *extract_deadlines(notice),
        *extract_quotas(notice, list_names),
        *extract_contacts(notice, list_names, field_names),
        *extract_platforms(notice, list_names),
        *extract_eligibility(notice, list_names, field_names),
        *extract_organisers(notice),
    ]
