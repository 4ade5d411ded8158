"""A chat channel's saved log (IRC, Slack or a client's export): `[2069-10-09 10:02] <nick> 消息`,
`[10:02] nick: 消息`, `* nick 动作`, `*** nick joined` / `changed the topic to: …`, `--- Log opened …`.

Read as what was said: each message a line of its own without its stamp and nick (the first message of
a day led by that day's date, so a date written without its year has one near it); a topic set is the
channel's 主题; joins, quits and the log's own lines go. A sed-style correction a speaker sends after a
message (`s/11月3日/11月6日/`) reads as the correction it is ("11月3日改为11月6日"), so the notices'
correction reading (facts/schedule.corrections_in) holds the new value in force.

Every character kept stays in its place in the file."""

from __future__ import annotations

import re

from assistant.ingest.textmap import MappedText

_DAY = r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
STAMP = re.compile(rf"^[ \t]*\[(?:{_DAY}[ T])?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\][ \t]*")
SPEAKER = re.compile(r"<[@+%~&]?[\w.\-|\[\]^`]{1,32}>[ \t]*|(?P<plain>[A-Za-z_][\w.\-]{0,31}):[ \t]+")
# What the channel's software writes, not a person: joins, parts, quits, modes, a log's own markers.
SYSTEM = re.compile(r"^(?:\*{2,3}|-!-|-->|<--)[ \t]*\S+[ \t]+(?:has[ \t]+)?(?:joined|left|quit|parted|is now known as|sets mode|set mode)\b"
                    r"|^---[ \t]")
TOPIC = re.compile(r"^(?:\*{1,3}|-!-)[ \t]*\S+[ \t]+(?:changed|set|sets)[ \t]+the[ \t]+topic[ \t]+(?:to|for \S+ to)[ \t]*:?[ \t]*")
ACTION = re.compile(r"^\*[ \t]+\S+[ \t]+")  # "/me" as logged: "* nick 把名额分配那条设为置顶"
SED = re.compile(r"^s/(?P<old>[^/\n]{1,40})/(?P<new>[^/\n]{1,40})/g?[ \t]*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_STAMPED = 5
MIN_SHARE = 0.5


def is_chat_log(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    stamped = sum(1 for line in lines if STAMP.match(line) or line.startswith("--- "))
    spoken = sum(1 for line in lines if (m := STAMP.match(line)) and SPEAKER.match(line, m.end()))
    return spoken >= MIN_STAMPED and stamped >= MIN_SHARE * len(lines)


def chat_log_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    day = ""
    for line in re.finditer(r"[^\n]*\n?", text):
        start, body = line.start(), line.group(0)
        if not body:
            break
        stamp = STAMP.match(body)
        if stamp is None:
            if body.startswith("--- "):  # "--- Log opened …" goes; "--- Channel: #… (鹭洲市科协 · 工作群)" names the channel
                cuts.append((start, line.end(), "") if not CJK.search(body) else (start, start + 4, ""))
            continue  # a message's second line, as it was sent
        rest = body[stamp.end() :]
        if SYSTEM.match(rest):
            cuts.append((start, line.end(), ""))
            continue
        lead = ""
        if stamp.group("y") and (said := f"{int(stamp.group('y'))}年{int(stamp.group('m'))}月{int(stamp.group('d'))}日") != day:
            day, lead = said, f"{said}\n"
        at = start + stamp.end()
        if (topic := TOPIC.match(rest)) is not None:
            cuts.append((start, at + topic.end(), f"{lead}频道主题："))
            continue
        speaker = SPEAKER.match(rest) or ACTION.match(rest)
        said_at = at + (speaker.end() if speaker else 0)
        cuts.append((start, said_at, lead))
        sed = SED.match(text[said_at : line.end()].rstrip("\n"))
        if sed is not None:
            base = said_at
            cuts += [(base, base + 2, ""), (base + sed.end("old"), base + sed.start("new"), "改为"),
                     (base + sed.end("new"), base + sed.end(), "")]
    return mt.splice(sorted(cuts))
