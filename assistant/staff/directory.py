"""Lookup tables built from the extracted facts: schedule and deadlines, quotas, contacts."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from assistant.answer.rules import cn_date
from assistant.ingest.facts import Fact

SCHEDULE_COLUMNS = ["年份", "事项", "时间", "说明", "来源", "章节"]
QUOTA_COLUMNS = ["年份", "榜单", "名额", "说明", "来源", "章节"]
CONTACT_COLUMNS = ["年份", "榜单", "领域", "机构", "联系人", "电话", "邮箱", "邮寄地址", "来源", "章节"]
SCOPES = {"platform": "平台申报", "stage": "阶段要求", "internal": "学会内部"}


@dataclass
class Table:
    columns: list[str]
    rows: list[list[object]]

    def filter(self, text: str = "", year: str | int | None = None, list_name: str | None = None) -> Table:
        rows = self.rows
        if year not in (None, "", "全部"):
            rows = [r for r in rows if str(r[0]) == str(year)]
        if list_name not in (None, "", "全部"):
            rows = [r for r in rows if list_name in str(r[1]) or (list_name == "先导技术榜" and "先导" in str(r[1]))]
        for word in (text or "").split():
            rows = [r for r in rows if any(word.lower() in str(c).lower() for c in r)]
        return Table(self.columns, rows)

    def display(self) -> Table:
        """Without the heading-path column, which makes the table too wide to read; CSV keeps it."""
        keep = [i for i, c in enumerate(self.columns) if c != "章节"]
        return Table([self.columns[i] for i in keep], [[r[i] for i in keep] for r in self.rows])

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return "\ufeff" + buf.getvalue()  # BOM: Excel opens UTF-8 Chinese correctly


def _sorted(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda f: (-(f.year or 0), f.notice_id, f.start))


def schedule_table(facts: list[Fact]) -> Table:
    rows: list[list[object]] = []
    for f in _sorted([f for f in facts if f.kind in ("stage", "deadline")]):
        if f.kind == "stage":
            rows.append([f.year, f.attrs["stage"], f.attrs["period"], "工作阶段", f.notice_id, f.section])
        else:
            what = f.attrs.get("stage") or ("申报截止" if f.attrs["form"] == "截止" else "")
            note = SCOPES.get(f.attrs["scope"], "") + ("：" + f.attrs["action"] if f.attrs.get("action") and f.attrs["form"] == "前" else "")
            rows.append([f.year, f"{what}截止".lstrip(), cn_date(f.attrs["date"], f.attrs.get("time", "")), note, f.notice_id, f.section])
    return Table(SCHEDULE_COLUMNS, rows)


def quota_table(facts: list[Fact]) -> Table:
    rows: list[list[object]] = []
    for f in _sorted([f for f in facts if f.kind in ("quota", "quota_rule")]):
        if f.kind == "quota":
            who = "、".join(f.lists) or f.attrs.get("subject", "")
            per = "每个领域各单位" if f.attrs.get("per_field") else ("每人" if f.attrs.get("per_person") else "各单位")
            rows.append([f.year, who, f"{per}不超过{f.value}" if not f.attrs.get("per_person") else f"每人可推荐{f.value}",
                         "原则上" if f.attrs.get("in_principle") else "", f.notice_id, f.section])
        else:
            rows.append([f.year, "（通用规则）", "", f.quote, f.notice_id, f.section])
    return Table(QUOTA_COLUMNS, rows)


def contact_table(facts: list[Fact]) -> Table:
    rows: list[list[object]] = []
    for f in _sorted([f for f in facts if f.kind == "contact"]):
        a = f.attrs
        address = a.get("address", "")
        if a.get("recipient"):
            address += f"（收件人：{a['recipient']}，{a['recipient_phone']}）"
        rows.append([
            f.year,
            "、".join(f.lists) or a.get("header", ""),
            "、".join(f.fields),
            a.get("body") or a.get("org", ""),
            "、".join(a.get("persons", [])),
            "、".join(a.get("phones", [])),
            "、".join(a.get("emails", [])),
            address,
            f.notice_id,
            f.section,
        ])
    return Table(CONTACT_COLUMNS, rows)
