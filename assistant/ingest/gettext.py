"""A bilingual page kept as a gettext catalogue (.po): `#.`/`#:` comments, `msgid "English…"` and
`msgstr "中文…"`, strings continued on quoted lines. Read as the published translation: each entry's
msgstr its own line (its continued strings joined, escapes read), the source text, the comments and the
header entry gone. An entry flagged `#, fuzzy` is a translation not yet reviewed against its changed source:
not the page's text, so it is not read (its value may be the outdated one).

Every character kept stays in its place in the file."""

from __future__ import annotations

import re

from assistant.ingest.textmap import MappedText

ENTRY_KEY = re.compile(r"^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+\"", re.M)
QUOTED = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"")
ESCAPE = re.compile(r"\\(.)")
ESCAPED = {"n": "\n", "t": " ", "\"": "\"", "\\": "\\"}
FUZZY = re.compile(r"^#,.*\bfuzzy\b", re.M)
HEADER = re.compile(r"^msgid[ \t]+\"\"[ \t]*\nmsgstr", re.M)
MIN_ENTRIES = 5


def is_po(text: str) -> bool:
    return len(re.findall(r"^msgid[ \t]+\"", text, re.M)) >= MIN_ENTRIES and len(re.findall(r"^msgstr", text, re.M)) >= MIN_ENTRIES


def _entries(text: str) -> list[tuple[int, int]]:
    """Each entry's span: blocks of non-blank lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"(?:^[^\n]*\S[^\n]*(?:\n|$))+", text, re.M)]


def po_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    for start, end in _entries(text):
        block = text[start:end]
        msgstr = re.search(r"^msgstr(?:\[0\])?[ \t]+", block, re.M)
        header = HEADER.search(block)  # (msgid "" with no strings after it: the catalogue's own header)
        if msgstr is None or FUZZY.search(block) or header:
            cuts.append((start, end, ""))
            continue
        # the msgstr's strings, up to the next key (a plural's other forms are left out)
        after = ENTRY_KEY.search(block, msgstr.end())
        stop = after.start() if after else len(block)
        pieces = list(QUOTED.finditer(block, msgstr.end(), stop))
        if not pieces or not "".join(p.group(1) for p in pieces).strip():
            cuts.append((start, end, ""))  # not translated: nothing published
            continue
        pos = start
        for p in pieces:
            cuts.append((pos, start + p.start(1), ""))
            cuts += [(start + p.start(1) + e.start(), start + p.start(1) + e.end(), ESCAPED.get(e.group(1), e.group(1)))
                     for e in ESCAPE.finditer(p.group(1))]
            pos = start + p.end(1)
        cuts.append((pos, end, "\n"))
    return mt.splice(sorted(cuts))
