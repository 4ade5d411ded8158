"""Lookup tables built from the extracted facts: schedule and deadlines, quotas, contacts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from assistant.answer.phrasing import address_text, cn_date, notice_kind, quota_limit
from assistant.ingest.notices import NoticeMeta
from assistant.model import (
    ContactFact,
    DeadlineFact,
    DeadlineForm,
    Fact,
    QuotaFact,
    QuotaRuleFact,
    Scope,
    StageFact,
)
from assistant.staff.export import to_csv

SOURCE_COLUMNS = ["发文单位", "通知类型", "来源", "章节"]
SCHEDULE_COLUMNS = ["年份", "事项", "时间", "说明", *SOURCE_COLUMNS]
QUOTA_COLUMNS = ["年份", "榜单", "名额", "说明", *SOURCE_COLUMNS]
CONTACT_COLUMNS = ["年份", "榜单", "领域", "机构", "联系人", "电话", "邮箱", "邮寄地址", *SOURCE_COLUMNS]
SCOPES = {Scope.PLATFORM: "平台申报", Scope.STAGE: "阶段要求", Scope.INTERNAL: "单位内部"}
Notices = Mapping[str, NoticeMeta]
F = TypeVar("F", bound=Fact)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[object]]
    # The list families (names.list_key) each row is about: a filter on a list matches every
    # year's name of it ("产学研融通组织榜" in 2021 is "融通创新组织榜" later).
    row_keys: list[list[str]] | None = None

    def filter(
        self, text: str = "", year: str | int | None = None, list_key: str | None = None,
        issuer: str | None = None, kind: str | None = None,
    ) -> Table:
        """kind: as the 通知类型 column writes it ("转发通知")."""
        keys = self.row_keys or [[] for _ in self.rows]
        pairs = list(zip(self.rows, keys, strict=True))
        if year not in (None, "", "全部"):
            pairs = [(r, k) for r, k in pairs if str(r[0]) == str(year)]
        for column, wanted in (("发文单位", issuer), ("通知类型", kind)):
            if wanted not in (None, "", "全部") and column in self.columns:
                at = self.columns.index(column)
                pairs = [(r, k) for r, k in pairs if r[at] == wanted]
        if list_key not in (None, "", "全部"):
            pairs = [(r, k) for r, k in pairs if list_key in k]
        for word in (text or "").split():
            pairs = [(r, k) for r, k in pairs if any(word.lower() in str(c).lower() for c in r)]
        return Table(self.columns, [r for r, _ in pairs], [k for _, k in pairs])

    def display(self) -> Table:
        """Without the heading-path column, which makes the table too wide to read; CSV keeps it."""
        keep = [i for i, c in enumerate(self.columns) if c != "章节"]
        return Table([self.columns[i] for i in keep], [[r[i] for i in keep] for r in self.rows], self.row_keys)

    def to_csv(self) -> str:
        return to_csv(self.columns, self.rows)


def _sorted(facts: list[F]) -> list[F]:
    return sorted(facts, key=lambda f: (-(f.year or 0), f.notice_id, f.start))


def _source(f: Fact, notices: Notices | None) -> list[object]:
    """发文单位, 通知类型, 来源, 章节 of a fact's row."""
    n = notices.get(f.notice_id) if notices else None
    issuer = n.issuer_label if n is not None else ""
    return [issuer, notice_kind(n.kind) if n is not None else "", f.notice_id, f.section]


def schedule_table(facts: list[Fact], notices: Notices | None = None) -> Table:
    rows: list[list[object]] = []
    chosen = _sorted([f for f in facts if isinstance(f, StageFact | DeadlineFact)])
    keys = [f.list_keys for f in chosen]
    for f in chosen:
        if isinstance(f, StageFact):
            rows.append([f.year, f.stage, f.period, "工作阶段", *_source(f, notices)])
        else:
            what = f.stage or ("申报截止" if f.form == DeadlineForm.CUTOFF else "")
            note = SCOPES.get(f.scope, "") + ("：" + f.action if f.action and f.form == DeadlineForm.BEFORE else "")
            rows.append([f.year, f"{what}截止".lstrip(), cn_date(f.date, f.time), note, *_source(f, notices)])
    return Table(SCHEDULE_COLUMNS, rows, keys)


def quota_table(facts: list[Fact], notices: Notices | None = None) -> Table:
    rows: list[list[object]] = []
    chosen = _sorted([f for f in facts if isinstance(f, QuotaFact | QuotaRuleFact)])
    keys = [f.list_keys for f in chosen]
    for f in chosen:
        if isinstance(f, QuotaFact):
            rows.append([f.year, ("、".join(f.lists) or f.subject) + (f"（{f.column}）" if f.column else ""), quota_limit(f), "原则上" if f.in_principle else "",
                         *_source(f, notices)])
        else:
            rows.append([f.year, "（通用规则）", "", f.quote, *_source(f, notices)])
    return Table(QUOTA_COLUMNS, rows, keys)


def contact_table(facts: list[Fact], notices: Notices | None = None) -> Table:
    rows: list[list[object]] = []
    chosen = _sorted([f for f in facts if isinstance(f, ContactFact)])
    keys = [f.list_keys for f in chosen]
    for f in chosen:
        rows.append([
            f.year,
            "、".join(f.lists) or f.header,
            "、".join(f.fields),
            f.body or f.org,
            "、".join(f.persons),
            "、".join(f.phones),
            "、".join(f.emails),
            address_text(f),
            *_source(f, notices),
        ])
    return Table(CONTACT_COLUMNS, rows, keys)
