"""A shell script that writes or publishes a notice (a site's publishing script, a deployment job): what a
reader of it is told, read without running it. Its comments are lines; an assignment ("export
LOCAL_DEADLINE=…") is its value under its name in the notices' words (keyed.said: 本地截止时间); an
associative array's entries ("declare -A QUOTA=( ["新锐企业榜"]=4 … )") are each a line under its key; a
here-document is the text it writes, its variables read as assigned by then (a later reassignment,
"# 更正，以此为准", is the one in force for what is written after it); a printf or echo line is what it
prints. Commands (tests, loops, installs, uploads) say nothing a reader is told, and go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.fieldnames import HAS_CJK
from assistant.ingest.keyed import path_label, said
from assistant.ingest.textmap import MappedText

SHEBANG = re.compile(r"^#!\s*/\S*(?:sh|bash|zsh|ksh|dash)\b|^#!\s*/usr/bin/env\s+(?:sh|bash|zsh|ksh)\b")
MIN_SCRIPT_LINES = 5  # assignments and commands, without a #! line: a script, not a notice quoting one
ASSIGN = re.compile(r"^\s*(?:export\s+|readonly\s+|local\s+|declare\s+(?:-[a-zA-Z]+\s+)*)?(?P<name>[A-Za-z_]\w*)="
                    r"(?P<value>\"(?:[^\"\\]|\\.)*\"|'[^']*'|\((?P<array>.*?)\)|[^\s;#]*)(?P<rest>.*)$", re.S)
ARRAY_ITEM = re.compile(r"\[\s*(?P<key>\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*\]\s*=\s*(?P<value>\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^\s)]+)")
OPEN_ARRAY = re.compile(r"^\s*(?:declare\s+(?:-[a-zA-Z]+\s+)*|local\s+|readonly\s+)?[A-Za-z_]\w*=\(")
HEREDOC = re.compile(r"<<-?\s*(?P<quote>['\"]?)(?P<end>[A-Za-z_]\w*)(?P=quote)")
COMMENT = re.compile(r"^\s*#(?!!)\s?(?P<said>.*)$")
TRAILING_COMMENT = re.compile(r"\s+#\s?(?P<said>.*)$")
PRINTF = re.compile(r"^\s*printf\s+(?P<args>.+)$", re.S)
ECHO = re.compile(r"^\s*echo\s+(?:-[neE]+\s+)?(?P<args>.+?)\s*(?:>>?\s*\S+)?$", re.S)
WORD = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'([^']*)'|(\S+)")
# ${NAME}, ${NAME[key]}, $NAME; $(…) runs a command: what it prints is not known without running it.
EXPANSION = re.compile(r"\$\{(?P<braced>[A-Za-z_]\w*)(?:\[(?P<key>[^\]]+)\])?(?::-[^}]*)?\}|\$(?P<bare>[A-Za-z_]\w*)|\$\((?P<command>[^()]*)\)")
# A command: control flow and tests (whatever words they compare), a function's head, a program run.
CONTROL = re.compile(r"^\s*(?:(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function)\b|\[\[?\s|[A-Za-z_]\w*\s*\(\)\s*\{?\s*$|[{}])")
SCRIPT_LINE = re.compile(r"^\s*(?:set|source|\.|export|local|readonly|declare|[a-z][\w.-]*(?:\s|$))")


def is_shell_script(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    if SHEBANG.match(lines[0]):
        return True
    assigned = sum(1 for line in lines if ASSIGN.match(line) and not HAS_CJK.search(line.split("=", 1)[0]))
    return assigned >= MIN_SCRIPT_LINES and any(HEREDOC.search(line) for line in lines)


@dataclass
class _Reading:
    text: str
    cuts: list[tuple[int, int, str]] = field(default_factory=list)
    scalars: dict[str, str] = field(default_factory=dict)
    arrays: dict[str, dict[str, str]] = field(default_factory=dict)

    def line(self, start: int, end: int, shown: str) -> None:
        self.cuts.append((start, end, shown))

    def known(self, body: str) -> bool:
        """Whether every variable in a text has a value by now (a loop's "$k" has none without running it)."""
        for m in EXPANSION.finditer(body):
            name = m.group("braced") or m.group("bare")
            if m.group("command") is None and (name not in self.arrays if m.group("key") is not None else name not in self.scalars):
                return False
        return True

    def expanded(self, body: str) -> str:
        def value(m: re.Match[str]) -> str:
            if m.group("command") is not None:
                return ""
            name = m.group("braced") or m.group("bare")
            if m.group("key") is not None:
                return self.arrays.get(name, {}).get(_unquoted(m.group("key")), "")
            return self.scalars.get(name, m.group(0))
        return EXPANSION.sub(value, body)


def _unquoted(word: str) -> str:
    word = word.strip()
    if len(word) >= 2 and word[0] == word[-1] and word[0] in "\"'":
        return word[1:-1].replace('\\"', '"') if word[0] == '"' else word[1:-1]
    return word


def _words(args: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in WORD.finditer(args)]


def _printed(fmt: str, args: list[str]) -> str:
    """printf's output for %s (and %d) conversions, its escapes read; arguments reused as printf does."""
    fmt = fmt.replace("\\n", "\n").replace("\\t", "\t")
    slots = len(re.findall(r"%[-0-9.]*[sd]", fmt))
    if not slots:
        return fmt.strip()
    out = []
    for i in range(0, max(len(args), 1), slots):
        given = iter(args[i : i + slots])
        out.append(re.sub(r"%[-0-9.]*[sd]", lambda _, given=given: next(given, ""), fmt).strip())  # type: ignore[misc]
    return "\n".join(out)


Cut = tuple[int, int, str]


def shell_text(mt: MappedText) -> MappedText:
    text = mt.text
    r = _Reading(text)
    lines = list(re.finditer(r"[^\n]*(?:\n|$)", text))
    i = 0
    while i < len(lines):
        start = lines[i].start()
        end = start + len(lines[i].group(0).rstrip("\n"))
        # (A command continued on the next lines, "printf '…' \" and its arguments; an array written over
        # several lines, "declare -A QUOTA=(" to its ")": one command, read where each word stands.)
        first = text[start:end]
        open_array = bool(OPEN_ARRAY.search(first)) and ")" not in first.split("=(", 1)[1]
        last = first
        while i + 1 < len(lines) and (last.endswith("\\") or open_array):
            i += 1
            last = lines[i].group(0).rstrip("\n")
            end = lines[i].start() + len(last)
            open_array = open_array and ")" not in last  # (each line looked at once: a long array stays linear)
        region = text[start:end]
        heredoc = HEREDOC.search(region)
        if heredoc:
            i = _read_heredoc(r, lines, i, start, end, heredoc)
            continue
        r.cuts += [(start + s, start + e, new) for s, e, new in _cuts(r, region)]
        i += 1
    return mt.splice(r.cuts)


def _read_heredoc(r: _Reading, lines: list[re.Match[str]], i: int, start: int, end: int, heredoc: re.Match[str]) -> int:
    """The here-document opened on line i: its lines as written (its variables read, unless its word is
    quoted), the line opening it and the one closing it gone. The next line's index."""
    r.line(start, end, "")
    j = i + 1
    while j < len(lines):
        body = lines[j]
        said_line = body.group(0).rstrip("\n")
        b_start, b_end = body.start(), body.start() + len(said_line)
        if said_line.strip() == heredoc.group("end"):
            r.line(b_start, b_end, "")
            return j + 1
        if not heredoc.group("quote"):
            r.cuts += _expansions(r, said_line, b_start)
        j += 1
    return j


def _expansions(r: _Reading, text: str, at: int) -> list[Cut]:
    """Each variable in a text, read as assigned so far (cuts at `at` in the script)."""
    return [(at + e.start(), at + e.end(), r.expanded(e.group(0))) for e in EXPANSION.finditer(text)]


def _content(m: re.Match[str], group: str) -> tuple[int, int]:
    """A word's characters without its quotes."""
    s, e = m.span(group)
    word = m.group(group)
    return (s + 1, e - 1) if len(word) >= 2 and word[0] == word[-1] and word[0] in "\"'" else (s, e)


def _cuts(r: _Reading, region: str) -> list[Cut]:
    """What one command of the script tells a reader (its variables read as assigned so far), as cuts of
    its text: a value stays where it is written, so that a fact read from it is cited there."""
    whole = [(0, len(region), "")]
    if not region.strip() or SHEBANG.match(region):
        return whole
    if comment := COMMENT.match(region):
        shown = comment.group("said").strip(" =-#")
        return [(0, len(region), shown)] if shown != comment.group("said") else [(0, comment.start("said"), "")]
    assigned = ASSIGN.match(region)
    if assigned and not HAS_CJK.search(assigned.group("name")):
        return _assignment(r, region, assigned)
    if printed := PRINTF.match(region):
        return _printf(r, region, printed)
    if echoed := ECHO.match(region):
        words = [w for w in WORD.finditer(region, echoed.start("args")) if w.group(0) != "\\" and not w.group(0).startswith(">")]
        if not words or not r.known(region):
            return whole
        first, last = _content(words[0], 0), _content(words[-1], 0)
        return [(0, first[0], ""), *_expansions(r, region[first[0] : last[1]], first[0]), (last[1], len(region), "")]
    if CONTROL.match(region) or (SCRIPT_LINE.match(region) and not HAS_CJK.search(region)) or not HAS_CJK.search(region):
        return whole
    return []


def _assignment(r: _Reading, region: str, m: re.Match[str]) -> list[Cut]:
    name, note = m.group("name"), TRAILING_COMMENT.search(m.group("rest") or "")
    if m.group("array") is not None:
        items = list(ARRAY_ITEM.finditer(region, m.start("array"), m.end("array")))
        r.arrays[name] = {_unquoted(k.group("key")): r.expanded(_unquoted(k.group("value"))) for k in items}
        if not items:
            return [(0, len(region), "")]
        cuts: list[Cut] = []
        pos = 0
        for k in items:  # each entry a line, under its key in the notices' words ("新锐企业榜名额：4")
            v_start, v_end = _content(k, "value")
            cuts += [(pos, k.start(), "\n" if pos else ""), (k.start(), v_start, f"{path_label((name, _unquoted(k.group('key'))))}：")]
            pos = v_end
        return [*cuts, (pos, len(region), "")]
    value = r.expanded(_unquoted(m.group("value")))
    r.scalars[name] = value
    if not HAS_CJK.search(value) and not re.search(r"\d{4}|@|\.(?:cn|com|org|net)\b", value):
        return [(0, len(region), "")]  # a path, a flag, a switch: the script's own
    v_start, v_end = _content(m, "value")
    after = f"（{note.group('said').strip()}）" if note else ""
    return [(0, v_start, f"{said(name)}："), *_expansions(r, region[v_start:v_end], v_start), (v_end, len(region), after)]


def _printf(r: _Reading, region: str, m: re.Match[str]) -> list[Cut]:
    """printf's output: its format's words between its arguments, each argument where it is written."""
    words = [w for w in WORD.finditer(region, m.start("args")) if w.group(0) != "\\"]
    if not words or not r.known(region):
        return [(0, len(region), "")]  # (what a loop prints is not known without running it)
    fmt = _unquoted(words[0].group(0)).replace("\\n", "\n").replace("\\t", "\t")
    pieces = re.split(r"%[-0-9.]*[sd]", fmt)
    args = words[1:]
    if len(pieces) - 1 != len(args):  # (a format reused over more arguments, or given fewer: printed whole)
        printed = _printed(fmt, [r.expanded(_unquoted(w.group(0))) for w in args])
        return [(0, len(region), printed)]
    cuts: list[Cut] = []
    pos, lead = 0, pieces[0]
    for w, after in zip(args, pieces[1:], strict=True):
        a_start, a_end = _content(w, 0)
        cuts += [(pos, a_start, lead.strip("\n")), *_expansions(r, region[a_start:a_end], a_start)]
        pos, lead = a_end, after
    return [*cuts, (pos, len(region), lead.strip("\n"))]
