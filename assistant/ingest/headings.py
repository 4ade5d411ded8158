"""The outline a notice's markup gives its lines: "## 申报条件", "h3. 联系方式", "=== 名额 ===", "<h2>",
an rST title over "-----", an Org "** 先导技术榜". The cleaner drops the marks; this reads them back from
the original around each clean line, so that a heading without a number ("申报条件要点" over
"成果转化经理人榜") still heads its part (chunking.sections)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.notices import Notice

# What stands before a heading's words on its original line, and the depth it gives.
PREFIXES: list[tuple[str, re.Pattern[str]]] = [
    ("md", re.compile(r"^[ \t]*+(#{1,6})[ \t]*+$")),
    ("textile", re.compile(r"^[ \t]*+h([1-6])\.[ \t]*+$")),
    ("wiki", re.compile(r"^[ \t]*+(={1,6})[ \t]*+$")),
    ("org", re.compile(r"^(\*{1,5})[ \t]++$")),
    # (an HTML heading: its tag and any inline tags opened inside it before the words)
    ("html", re.compile(r"<[hH]([1-6])\b[^<>]{0,300}>(?:[ \t]*+<(?![hH]\d)[a-zA-Z][^<>]{0,300}>)*[ \t]*+$")),
]
# A line of code or configuration ("name: \"栾启航\"", "ENV DEADLINE=…", "resource \"x\" {", "}"): in a file of
# them "# …" is a comment, not a Markdown heading.
CODE_LINE = re.compile(r"^[ \t]*+(?:(?!https?:)[A-Za-z_@][\w.\-]*+[ \t]*+(?:[:=(]|\{|\"|<)|[{}\[\]()<>][ \t,;]*+$|//|--(?![-\s]*$)"
                       r"|[A-Z][A-Z_]++[ \t])")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.{0,4000}?\n---[ \t]*\n", re.S)  # a page's YAML head: data, not the page
CODE_SHARE = 0.2
ORG_FILE = re.compile(r"(?m)^#\+[A-Z_]{2,20}:")  # "#+TITLE:": an Org file, where "* " heads a part, not a bullet
# A reStructuredText source, told by a directive or a field (".. note::", ":联系人:"): elsewhere a line ruled
# under a table's header or a label is no title.
RST_FILE = re.compile(r"(?m)^\.\. [\w-]{1,30}::|^:[^:\n]{1,20}:[ \t]")
RST_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}[ \t]*$")
TITLE_MAX = 40  # characters: a longer line with a mark is a paragraph, not a title
PREFIX_MAX = 400  # characters of the original line looked at before the words


@dataclass(frozen=True)
class Marked:
    start: int  # the clean line's start
    style: str
    depth: int  # as the markup counts it


def _depth(style: str, mark: str) -> int:
    return int(mark) if mark.isdigit() else len(mark)


def _marked(notice: Notice) -> list[Marked]:
    original, out = notice.original, []
    org = bool(ORG_FILE.search(original))
    lines = [ln for ln in FRONT_MATTER.sub("", original).split("\n") if ln.strip()]
    code = original.startswith("#!") or sum(1 for ln in lines if CODE_LINE.match(ln)) > CODE_SHARE * max(len(lines), 1)
    rst = bool(RST_FILE.search(original))
    underlines: dict[str, int] = {}  # rST: each underline character's depth, in order of first use
    pos = 0
    for line in notice.text.split("\n"):
        start, text = pos, line.strip()
        pos += len(line) + 1
        if not text or len(text) > TITLE_MAX or "。" in text or text[-1] in "；;，," or start >= len(notice.clean.offsets):
            continue
        at = notice.clean.offsets[start + len(line) - len(line.lstrip())]
        line_start = original.rfind("\n", 0, at) + 1
        prefix = original[max(line_start, at - PREFIX_MAX) : at]
        for style, pattern in PREFIXES:
            if (style == "org" and not org) or (style in ("md", "org") and code):
                continue
            m = pattern.search(prefix)
            if m:
                out.append(Marked(start, style, _depth(style, m.group(1))))
                break
        else:
            line_end = original.find("\n", at)
            nxt_end = original.find("\n", line_end + 1) if line_end >= 0 else -1
            nxt = original[line_end + 1 : nxt_end if nxt_end >= 0 else len(original)] if line_end >= 0 else ""
            u = RST_UNDERLINE.match(nxt.strip()) if rst and prefix.strip() == "" else None
            if u:
                depth = underlines.setdefault(u.group(1), len(underlines) + 1)
                out.append(Marked(start, "rst", depth))
    return out


def marked_levels(notice: Notice) -> dict[int, float]:
    """Each marked heading line's start in the clean text with its level on the notice's scale
    (一、 = 1, （一） = 2, …): the shallowest depth the markup uses more than once is level 1; a depth
    above it (the document's one title) heads nothing."""
    marked = _marked(notice)
    if not marked:
        return {}
    # One markup per notice: Confluence's "# " numbers an item where Markdown's heads a part.
    dominant = Counter(m.style for m in marked).most_common(1)[0][0]
    marked = [m for m in marked if m.style == dominant]
    if any(m.style == "wiki" for m in marked):
        wiki = [m for m in marked if m.style == "wiki"]
        if wiki[0].depth == max(m.depth for m in wiki) and wiki[0].depth > min(m.depth for m in wiki):
            # DokuWiki counts the other way: "====== 标题 ======" is the top.
            marked = [Marked(m.start, m.style, 7 - m.depth) if m.style == "wiki" else m for m in marked]
    counts = Counter(m.depth for m in marked)
    repeated = [d for d, c in counts.items() if c > 1]
    if not repeated:
        return {}
    # (A depth used once above the repeated one is the document's title, wherever a letterhead puts it:
    # "## 申报条件要点" alone over its "###" lists is read as one too, a gap the tests record.)
    top = min(repeated)
    return {m.start: float(min(1 + m.depth - top, 4)) for m in marked if m.depth >= top}
