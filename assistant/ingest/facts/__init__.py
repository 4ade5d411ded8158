"""Facts extracted by code from every notice: one extractor per kind."""

from __future__ import annotations

from assistant.ingest.facts.common import find_list_names
from assistant.ingest.facts.contacts import extract_contacts, with_corrected_phones
from assistant.ingest.facts.quotas import extract_quotas
from assistant.ingest.facts.requirements import extract_eligibility, extract_organisers, extract_platforms
from assistant.ingest.facts.rounds import extract_lists
from assistant.ingest.facts.schedule import extract_deadlines, extract_stages
from assistant.ingest.facts.tables import contact_rows, extract_table_facts
from assistant.ingest.notices import Notice, retired_records
from assistant.model import ContactFact, Fact, FieldsFact, ListsFact, QuotaFact
from assistant.names import read_renames

__all__ = ["extract_facts"]


def extract_facts(notice: Notice) -> list[Fact]:
    renames = read_renames(notice.text)
    round_facts = extract_lists(notice, list(renames))
    list_names = next((f.lists for f in round_facts if type(f) is ListsFact), [])
    field_names = [name for f in round_facts if isinstance(f, FieldsFact) for name in f.fields]
    tabled = extract_table_facts(notice, list_names, field_names)
    # A table's phones read column by column (each list's own) are not also one contact of them all.
    held = {p for f in tabled if isinstance(f, ContactFact) for p in f.phones}
    # A table's row read by its header is not read again as a line of names and numbers: contacts.py
    # skips its clauses, and what its line readers made of a row that gave contacts goes.
    rows = {(f.start, f.end) for f in tabled if isinstance(f, ContactFact)}
    contacts = [f for f in extract_contacts(notice, list_names, field_names, contact_rows(notice, list_names))
                if not (isinstance(f, ContactFact) and not f.persons and f.phones and set(f.phones) <= held)
                and not any(start < f.end and f.start < end for start, end in rows)]
    # A quota read from a table's cell is not read again from its row as a clause of cells (a row's
    # other cell may set another limit, "各二级单位每个领域限报1项": that one is kept).
    cells = [(f.start, f.end, f.value) for f in tabled if isinstance(f, QuotaFact)]
    quotas = [f for f in extract_quotas(notice, list_names)
              if not any(start < f.end and f.start < end and value == f.value for start, end, value in cells)]
    facts = [
        *round_facts,
        *extract_stages(notice),
        # (Without a round's lists sentence, the lists the notice names anywhere: "两个榜单" refers to them.)
        *extract_deadlines(notice, list_names or find_list_names(notice.text)),
        *quotas,
        # (A number the notice corrects elsewhere, "…已停用，请改拨…", in whichever reading found the contact.)
        *with_corrected_phones(notice, [*tabled, *contacts]),
        *extract_platforms(notice, list_names),
        *extract_eligibility(notice, list_names, field_names),
        *extract_organisers(notice),
    ]
    # A list the notice says was renamed is the old one's family under its new name ("成果转化先锋榜",
    # formerly 技术经理人先锋榜): questions by either name find it, and the catalogue learns the name.
    for f in facts:
        f.list_keys = [renames.get(name, key) for name, key in zip(f.lists, f.list_keys, strict=True)]
        if isinstance(f, ListsFact):  # the round's lists: the new name, not the old one beside it
            # ("融通创新机构榜（原融通创新组织榜）": the former name written beside it is no list of the round.)
            kept = [(n, k) for n, k in zip(f.lists, f.list_keys, strict=True)
                    if n in renames or (k not in renames.values() and not n.startswith("原"))]
            if len(kept) < len(f.lists) and f.value == "、".join(f.lists):
                f.value = "、".join(n for n, _ in kept)
            f.lists, f.list_keys = [n for n, _ in kept], [k for _, k in kept]
    retired = retired_records(notice.text)
    return [f for f in facts if not any(start <= f.start < end for start, end in retired)]
