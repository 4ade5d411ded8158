"""Values a text writes once and refers to by name: reStructuredText's substitutions ("截止时间为
|local_deadline|" with ".. |local_deadline| replace:: 2074年11月14日17:00" at the foot), a Liquid page's
variables ("{% assign paper_deadline = "2077年11月26日" %}", "{{ paper_deadline }}") and its front
matter ("{{ page.deadline_local }}"), a Typst document's ("#let deadline = "…"", "#deadline"), an MDX
page's exported object ("{meta.deadline}"), and any template's ("{{ deadline }}", "<%= deadline %>",
"${deadline}") set once as a string. A template's comments are never shown. Each
reference reads as the value in force, the last definition of its name (a later one corrects an
earlier: "{% comment %}更正，以此为准{% endcomment %}"); a definition line is the value under its name
in the notices' words, the one it replaces dropped."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.keyed import said
from assistant.ingest.textmap import MappedText, disjoint


@dataclass(frozen=True)
class Syntax:
    """How one kind of source defines a value under a name and refers to it."""

    definition: re.Pattern[str]  # groups: name, value
    reference: str  # a reference to one of `{names}` (group: name)
    labelled: bool = True  # a definition line reads as "name：value" (front matter is read as data already)
    within: re.Pattern[str] | None = None  # where definitions may stand (a page's front matter)
    once: bool = False  # only a name defined once is read (a key of many records, "list: '…'", names none)


SYNTAXES = (
    Syntax(re.compile(r"^\.\.[ \t]+\|(?P<name>[^|\n]+)\|[ \t]+replace::[ \t]*(?P<value>.*?)[ \t]*$", re.M),
           r"\|(?P<name>{names})\|"),
    Syntax(re.compile(r"\{%-?[ \t]*assign[ \t]+(?P<name>\w+)[ \t]*=[ \t]*([\"'])(?P<value>[^\"'\n]*)\2[ \t]*-?%\}"),
           r"\{\{-?[ \t]*(?P<name>{names})[ \t]*-?\}\}"),
    Syntax(re.compile(r"^(?P<name>\w+):[ \t]*([\"']?)(?P<value>[^\"'\n]*?)\2[ \t]*$", re.M),
           r"\{\{-?[ \t]*page\.(?P<name>{names})[ \t]*-?\}\}", labelled=False,
           within=re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n---[ \t]*$", re.S | re.M)),
    Syntax(re.compile(r"^#let[ \t]+(?P<name>[\w-]+)[ \t]*=[ \t]*\"(?P<value>[^\"\n]*)\"[ \t]*$", re.M),
           r"#(?P<name>{names})(?![\w-])"),
    # Any template's value set once and written in by name, when no syntax above reads it: Jinja's
    # "{% set deadline = "…" %}" / "{{ deadline }}", ERB's "<% deadline = "…" %>" / "<%= deadline %>", a
    # script's "deadline: '…'" / "${deadline}", "{{ site.deadline }}". Only names written in by one of
    # these forms are read; the definitions stay as they are.
    Syntax(re.compile(r"(?:^|(?<=[{%<\s,;(]))(?:(?:set|assign|var|let|const)[ \t]+)?(?P<name>[A-Za-z_$][\w$]*)[ \t]*[:=][ \t]*"
                      r"([\"'`])(?P<value>[^\"'`\n{}]*[\u4e00-\u9fff\d][^\"'`\n{}]*)\2", re.M),
           r"(?:\{\{-?|\$\{|#\{|<%=|\{)[ \t]*(?:[A-Za-z_$][\w$]*\.)?(?P<name>{names})[ \t]*(?:-?\}\}|\}|%>)",
           labelled=False, once=True),
    # An MDX page's exported object ("export const meta = {", "  deadline: '2078年10月30日',"), "{meta.deadline}"
    Syntax(re.compile(r"^[ \t]*(?P<name>[A-Za-z_$][\w$]*)[ \t]*:[ \t]*([\"'`])(?P<value>[^\"'`\n]*)\2[ \t]*,?[ \t]*$", re.M),
           r"\{[ \t]*[A-Za-z_$][\w$]*\.(?P<name>{names})[ \t]*\}",
           within=re.compile(r"^[ \t]*export[ \t]+const[ \t]+[A-Za-z_$][\w$]*[ \t]*=[ \t]*\{[ \t]*\n.*?^[ \t]*\}", re.S | re.M)),
)
MIN_DEFINITIONS = 2  # (one could be a text quoting the syntax)


def _definitions(text: str, syntax: Syntax) -> list[re.Match[str]]:
    if syntax.within is None:
        return list(syntax.definition.finditer(text))
    block = syntax.within.search(text)
    return list(syntax.definition.finditer(text, block.start(), block.end())) if block else []


def _cuts(text: str, syntax: Syntax) -> list[tuple[int, int, str]]:
    definitions = [d for d in _definitions(text, syntax) if d.group("value").strip()]
    if len(definitions) < MIN_DEFINITIONS:
        return []
    values = {d.group("name"): d for d in definitions}  # the last definition of each name holds
    if syntax.once:
        counts = Counter(d.group("name") for d in definitions)
        values = {name: d for name, d in values.items() if counts[name] == 1}
        if not values:
            return []
    cuts: list[tuple[int, int, str]] = []
    for d in definitions:
        if not syntax.labelled:
            continue
        if values[d.group("name")] is d:
            cuts += [(d.start(), d.start("value"), f"{said(d.group('name'))}："), (d.end("value"), d.end(), "")]
        else:
            cuts.append((d.start(), d.end(), ""))  # replaced by a later definition
    names = "|".join(re.escape(n) for n in sorted(values, key=len, reverse=True))
    for m in re.finditer(syntax.reference.replace("{names}", names), text):
        if not any(d.start() <= m.start() < d.end() for d in definitions):
            cuts.append((m.start(), m.end(), values[m.group("name")].group("value")))
    return cuts


# A template's comment, never shown on its page: Jinja's {# … #}, ERB's <%# … %>, Handlebars' {{!-- … --}}
# and {{! … }}, JSX's {/* … */} ("{# 旧值：11月3日 #}": a value withdrawn is kept there).
TEMPLATE_COMMENT = re.compile(r"\{#.{0,2000}?#\}|<%#.{0,2000}?%>|\{\{!--.{0,2000}?--\}\}|\{\{![^}]{0,2000}\}\}|\{/\*.{0,2000}?\*/\}", re.S)
# (Each bounded: a comment never closed, "{#" written 20,000 times, was looked for to the text's end from each.)


# A template's element repeated for each record of an array its script defines: a mini-program's
# <view wx:for="{{quotas}}"> (wx:for-item names the record, "item" when it does not), Vue's
# v-for="q in quotas"; "{{item.list}}" inside it is the record's value.
LOOP = re.compile(r"<(?P<tag>[A-Za-z][\w-]*)\b(?P<attrs>[^<>]*?\b(?:wx:for=\"\{\{\s*(?P<wx>[\w$]+)\s*\}\}\"|"
                  r"v-for=\"\(?\s*(?P<vitem>[\w$]+)(?:\s*,\s*[\w$]+)?\s*\)?\s+(?:in|of)\s+(?P<vlist>[\w$]+)\s*\")[^>]*)>")
MAX_LOOPS = 200  # (no page loops more: a text of thousands is no template)
LOOP_ITEM = re.compile(r"\bwx:for-item=\"(?P<item>[\w$]+)\"")


def _array(text: str, name: str) -> list[dict[str, tuple[int, int]]]:
    """The records of the array a script defines under `name` ("quotas: [{ list: '…', max: '…' }, …]")."""
    from assistant.ingest.jsx import js_records

    m = re.search(rf"(?<![\w$.]){re.escape(name)}\s*[:=]\s*\[", text)
    if m is None:
        return []
    depth, end = 0, len(text)
    for i in range(m.end() - 1, len(text)):
        depth += {"[": 1, "]": -1}.get(text[i], 0)
        if depth == 0:
            end = i + 1
            break
    return js_records(text, m.end(), end)


def loops_text(mt: MappedText) -> MappedText:
    """Each looped element once for each record, its references to the record read as the record's values."""
    arrays: dict[str, list[dict[str, tuple[int, int]]]] = {}
    for m in reversed(list(LOOP.finditer(mt.text))[:MAX_LOOPS]):
        text = mt.text  # (loops are expanded last first: the text before each is still the original's)
        name = m.group("wx") or m.group("vlist")
        if name not in arrays:
            arrays[name] = _array(text, name)
        records = arrays[name]
        if not records:
            continue
        named = LOOP_ITEM.search(m.group("attrs"))
        item = m.group("vitem") or (named.group("item") if named else "item")
        close = re.compile(rf"<(/?){re.escape(m.group('tag'))}\b[^>]*?(/?)>")
        depth, end = 0, len(text)
        for t in close.finditer(text, m.start()):
            depth += 0 if t.group(2) else (-1 if t.group(1) else 1)
            if depth == 0:
                end = t.end()
                break
        refs = list(re.compile(rf"\{{\{{\s*{re.escape(item)}\.(?P<key>[\w$]+)\s*\}}\}}").finditer(text, m.end(), end))
        parts: list[tuple[int, int] | str] = []
        for record in records:
            pos = m.end()  # (the looping tag itself shows nothing)
            for r in refs:
                parts += [(pos, r.start()), record.get(r.group("key"), (r.start(), r.start()))]
                pos = r.end()
            parts += [(pos, end), "\n"]
        mt = mt.rearranged(m.start(), end, parts)
    return mt


def substitutions_text(mt: MappedText) -> MappedText:
    # (two syntaxes never claim one span; should they, the cut starting first holds; the syntaxes
    # listed first, the generic one last)
    mt = loops_text(mt)
    cuts = [(m.start(), m.end(), "") for m in TEMPLATE_COMMENT.finditer(mt.text)]
    cuts += [c for syntax in SYNTAXES for c in _cuts(mt.text, syntax)]
    return mt.splice(disjoint(cuts))
