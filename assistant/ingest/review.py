"""What was understood of a notice, before anyone asks: its identity and its facts, each with the
passage it was read from, and warnings for what a notice of its kind normally has but this one
lacks. `python -m assistant inspect FILE` prints it; the console's review panel shows it after an
upload, beside the self-test (staff/selftest.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from assistant.ingest.facts import extract_facts
from assistant.ingest.identity import Identity, IssuerSource
from assistant.ingest.notices import Notice, NoticeMeta
from assistant.model import (
    ContactFact,
    DeadlineFact,
    EligibilityFact,
    Fact,
    FieldsFact,
    ListsFact,
    NoticeKind,
    OrganiserFact,
    PlatformFact,
    QuotaFact,
    QuotaRuleFact,
    Role,
    Scope,
    StageFact,
)


class Part(StrEnum):
    """The parts of a review, in the order they are shown."""

    IDENTITY = "身份"
    LISTS = "榜单"
    FIELDS = "领域"
    QUOTAS = "名额"
    DEADLINES = "截止时间"
    STAGES = "阶段"
    CONTACTS = "联系人"
    CONDITIONS = "申报条件"
    PLATFORM = "平台"
    ORGANISERS = "主办单位"


@dataclass(frozen=True)
class Finding:
    part: Part
    label: str  # "发文单位", "先导技术榜"
    value: str  # what was read
    quote: str = ""  # the passage it was read from, verbatim ("" when set by staff or inferred)
    where: str = ""  # how it was read ("标题", "落款") or the section it is in

    @property
    def shown_quote(self) -> str:
        """The quote, when it says more than the value read from it."""
        return self.quote if self.quote != self.value else ""


@dataclass
class Review:
    notice_id: str
    identity: Identity
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def part(self, part: Part) -> list[Finding]:
        return [f for f in self.findings if f.part == part]

    def parts(self) -> list[tuple[Part, list[Finding]]]:
        """The parts something was read for, in the order they are shown, each with its findings."""
        return [(part, found) for part in Part if (found := self.part(part))]

    def to_dict(self) -> dict[str, object]:
        return {"notice": self.notice_id, "identity": asdict(self.identity),
                "findings": [asdict(f) for f in self.findings], "warnings": self.warnings}

    def text(self) -> str:
        lines = [f"通知：{self.notice_id}"]
        for part, found in self.parts():
            lines.append(f"【{part}】")
            for f in found:
                where = f"（{f.where.strip('（）()')}）" if f.where else ""
                quote = f"\n    原文：“{f.shown_quote}”" if f.shown_quote else ""
                lines.append(f"  {f.label}：{f.value}{where}{quote}")
        lines.append("【提醒】" if self.warnings else "【提醒】无")
        lines += [f"  ⚠ {w}" for w in self.warnings]
        return "\n".join(lines)


def _line_with(notice: NoticeMeta, value: str, last: bool = False) -> str:
    """The original line a value was read from (identity values are read from lines): the last
    such line for what a sign-off says."""
    if not value:
        return ""
    lines = notice.original.splitlines()
    for line in reversed(lines) if last else lines:
        if value in line:
            return line.strip()
    return ""


def _year_quote(ident: Identity) -> str:
    """What the year was read from, when it is a part of the identity shown with its own line."""
    if ident.year_source.startswith("标题"):
        return ident.title
    if ident.year_source.startswith("文号"):
        return ident.doc_number
    return ident.date if ident.year_source.startswith(("落款", "发布")) else ""


def _identity(notice: NoticeMeta) -> list[Finding]:
    ident = notice.identity()
    rows = [
        ("标题", ident.title, ident.title, ""),
        ("发文单位", ident.issuer_label, ident.issuer, str(ident.issuer_source)),
        ("通知类型", {NoticeKind.ORIGINAL: "原始通知（自行征集）", NoticeKind.FORWARDING: "转发通知",
                   NoticeKind.INTERNAL: "单位内部通知"}[ident.kind], "", ""),
        ("年度", f"{ident.year}年" if ident.year else "未识别", _year_quote(ident), ident.year_source),
        ("日期", ident.date or "未找到", ident.date, ident.date_source),
        ("文号", ident.doc_number, ident.doc_number, ""),
        ("所转发通知的文号", ident.parent_doc_number, ident.parent_doc_number, ""),
        ("发送对象", ident.audience, ident.audience, ""),
        ("简称", "、".join(ident.aliases), "", ""),
        ("署名", ident.signer, ident.signer, ""),
        ("系列", ident.campaign, "", ""),
    ]
    signed_off = ident.issuer_source == IssuerSource.SIGN_OFF
    found = [Finding(Part.IDENTITY, label, value, _line_with(notice, quote, last=signed_off and quote == ident.issuer), where)
             for label, value, quote, where in rows if value]
    found += [Finding(Part.IDENTITY, "联合/主办单位", name, _line_with(notice, name)) for name in ident.organisers]
    return found


def _lists(facts: list[Fact]) -> list[str]:
    return next((f.lists for f in facts if type(f) is ListsFact), [])


def _finding(f: Fact) -> Finding | None:
    who = "、".join(f.lists + f.fields) or "全部榜单"
    if type(f) is ListsFact:
        counts = "；".join(f"{k}{v}" for k, v in f.counts.items())
        return Finding(Part.LISTS, "本轮榜单", "、".join(f.lists) + (f"（{counts}）" if counts else ""), f.quote, f.section)
    if isinstance(f, FieldsFact):
        return Finding(Part.FIELDS, "领域", "、".join(f.fields), f.quote, f.section)
    if isinstance(f, QuotaFact):
        subject = who if (f.lists or f.fields) else (f.subject or "每个推荐单位")
        subject += f"（{f.column}）" if f.column else ""
        per = "每个领域" if f.per_field else ("每人" if f.per_person else "")
        return Finding(Part.QUOTAS, subject, f"{per}{f.number}{f.unit}" + ("（原则上）" if f.in_principle else ""), f.quote, f.section)
    if isinstance(f, QuotaRuleFact):
        return Finding(Part.QUOTAS, "名额规则", f.value or f.quote, f.quote, f.section)
    if isinstance(f, DeadlineFact):
        scope = {Scope.PLATFORM: "平台截止", Scope.INTERNAL: "内部截止", Scope.STAGE: "阶段截止"}[f.scope]
        when = f.written or f"{f.date} {f.time}".strip()
        return Finding(Part.DEADLINES, f"{scope}（{who}）", f"{when}{f.action}", f.quote, f.section)
    if isinstance(f, StageFact):
        return Finding(Part.STAGES, f.stage or "阶段", f.period, f.quote, f.section)
    if isinstance(f, ContactFact):
        who_for = f.body or f.org or who
        parts = ["、".join(f.persons), "、".join(f.phones), "、".join(f.emails), f.address]
        return Finding(Part.CONTACTS, who_for, "；".join(p for p in parts if p) or "（只有单位）", f.quote, f.section)
    if isinstance(f, EligibilityFact):
        return Finding(Part.CONDITIONS, f.heading or who, f"{len(f.conditions)}条条件、{len(f.exclusions)}条排除情形", f.quote, f.section)
    if isinstance(f, PlatformFact):
        return Finding(Part.PLATFORM, f.name or "申报平台", f.url or f.host, f.quote, f.section)
    if isinstance(f, OrganiserFact):
        return Finding(Part.ORGANISERS, f.role or "主办", "、".join(f.names), f.quote, f.section)
    return None


def _warnings(notice: NoticeMeta, facts: list[Fact]) -> list[str]:
    ident = notice.identity()
    out: list[str] = []
    if not ident.issuer:
        out.append("未找到发文单位：标题、版头、落款和标注字段中都没有；请更正。")
    elif not ident.signed:
        out.append(f"发文单位“{ident.issuer}”是从{ident.issuer_source}推断的，通知本身没有署名；请核对。")
    if ident.year is None:
        out.append("未识别年度：标题、文号、发布时间和落款中都没有年份。")
    if not ident.date:
        out.append("未找到发布或落款日期。")
    deadlines = [f for f in facts if isinstance(f, DeadlineFact)]
    if not deadlines:
        out.append("未找到任何截止时间。")
    elif ident.kind != NoticeKind.ORIGINAL and not any(f.scope == Scope.INTERNAL for f in deadlines):
        out.append("转发或内部通知，但未找到本单位自己的截止时间（只有平台或阶段的）。")
    elif ident.kind == NoticeKind.ORIGINAL and not any(f.scope == Scope.PLATFORM for f in deadlines):
        out.append("原始通知，但未找到平台的截止时间。")
    contacts = [f for f in facts if isinstance(f, ContactFact)]
    if not contacts:
        out.append("未找到联系人或联系电话。")
    for f in contacts:
        if (f.persons or f.body) and not f.phones and not f.emails and f.role != Role.TECH:
            out.append(f"联系人“{'、'.join(f.persons) or f.body}”没有电话或邮箱。")
    if ident.campaign.startswith("科创中国") and not _lists(facts) and not any(f.lists for f in facts):
        out.append("未识别出任何榜单名称。")
    if ident.kind == NoticeKind.ORIGINAL and not any(isinstance(f, QuotaFact) for f in facts):
        out.append("原始通知，但未找到推荐名额。")
    return out


def review(notice: NoticeMeta, facts: list[Fact] | None = None) -> Review:
    """The review of a notice: a parsed one (its facts extracted here unless given), or an indexed
    one with its facts from the index."""
    if facts is None:
        if not isinstance(notice, Notice):
            raise TypeError("an indexed notice is reviewed with its facts from the index")
        facts = extract_facts(notice)
    facts = [f for f in facts if f.notice_id == notice.id]
    found = _identity(notice) + [x for f in facts if (x := _finding(f)) is not None]
    order = list(Part)
    found.sort(key=lambda f: order.index(f.part))  # stable: within a part, in the notice's order
    return Review(notice.id, notice.identity(), found, _warnings(notice, facts))
