"""Values a text writes once and refers to by name: reStructuredText's substitutions ("截止时间为
|local_deadline|" with ".. |local_deadline| replace:: 2074年11月14日17:00" at the foot). Each reference reads as
the value in force, the last definition of its name (a later one corrects an earlier: "以下一条为更正后的值");
a definition line is the value under its name in the notices' words, the one it replaces dropped."""

from __future__ import annotations

import re

from assistant.ingest.keyed import said
from assistant.ingest.textmap import MappedText

DEFINITION = re.compile(r"^\.\.[ \t]+\|(?P<name>[^|\n]+)\|[ \t]+replace::[ \t]*(?P<value>.*?)[ \t]*$", re.M)
MIN_DEFINITIONS = 2  # (one could be a text quoting the syntax)


def substitutions_text(mt: MappedText) -> MappedText:
    definitions = list(DEFINITION.finditer(mt.text))
    if len(definitions) < MIN_DEFINITIONS:
        return mt
    values = {d.group("name"): d for d in definitions}  # the last definition of each name holds
    cuts: list[tuple[int, int, str]] = []
    for d in definitions:
        if values[d.group("name")] is d:
            cuts += [(d.start(), d.start("value"), f"{said(d.group('name'))}：")]
        else:
            cuts.append((d.start(), d.end(), ""))  # replaced by a later definition
    names = "|".join(re.escape(n) for n in sorted(values, key=len, reverse=True))
    for m in re.finditer(rf"\|(?:{names})\|", mt.text):
        if not any(d.start() <= m.start() < d.end() for d in definitions):
            value = values[m.group(0)[1:-1]]
            cuts.append((m.start(), m.end(), value.group("value")))
    return mt.splice(sorted(cuts))
