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

from assistant.ingest.fieldnames import HAS_CJK
from assistant.ingest.textmap import MappedText

_YMD = r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
_MDY = r"(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{2}|\d{4})"
# A message's stamp however a client writes it: "[2069-10-09 10:02]", "2071/10/9 上午10:02 -", "[10/9/71, 10:02:15]".
STAMP = re.compile(rf"^[ \t]*+\[?(?:(?:{_YMD}|{_MDY})[ ,T]+)?(?:上午|下午|晚上|中午|凌晨|早上)?[ \t]*\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
                   r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:[-–—][ \t]*)?")
SPEAKER = re.compile(r"<[@+%~&]?[\w.\-|\[\]^`]{1,32}>[ \t]*|(?P<plain>[^\s:：<>\[\]\"“][^:：\n<>\[\]\"“]{0,23}?)[:：][ \t]+")
# What the channel's software writes, not a person: joins, parts, quits, modes, a log's own markers.
SYSTEM = re.compile(r"^(?:\*{2,3}|-!-|-->|<--)[ \t]*\S+[ \t]+(?:has[ \t]+)?(?:joined|left|quit|parted|is now known as|sets mode|set mode)\b"
                    r"|^---[ \t]")
# A client's own line with no speaker (joins, the group made, encryption): never a message.
CLIENT_LINE = re.compile(r"端到端加密|(?:加入|退出|离开)了?(?:群组|群聊)|通过邀请链接加入|添加了|移除了|创建了群")
# A message that is no longer there, or only a file: "<媒体文件已省略>", "此消息已删除".
GONE = re.compile(r"^(?:<媒体文件已省略>|<Media omitted>|<附件[^>]*>|此消息已删除|该消息已删除|This message was deleted|消息已撤回)[ \t]*$")
TOPIC = re.compile(r"^(?:\*{1,3}|-!-)[ \t]*\S+[ \t]+(?:changed|set|sets)[ \t]+the[ \t]+topic[ \t]+(?:to|for \S+ to)[ \t]*:?[ \t]*")
ACTION = re.compile(r"^\*[ \t]+\S+[ \t]+")  # "/me" as logged: "* nick 把名额分配那条设为置顶"
SED = re.compile(r"^s/(?P<old>[^/\n]{1,40})/(?P<new>[^/\n]{1,40})/g?[ \t]*$")
# A one-word correction sent after one's own message ("*11月9日"): the like value of that message replaced.
STARRED = re.compile(r"^\*[ \t]?(?P<new>[^*\s][^*\n]{0,19}?)[ \t]*$")
MONTH_DAY = re.compile(r"(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*[日号]")
MIN_STAMPED = 5
MIN_SHARE = 0.5


def is_chat_log(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    stamped = sum(1 for line in lines if STAMP.match(line) or line.startswith("--- "))
    spoken = sum(1 for line in lines if (m := STAMP.match(line)) and SPEAKER.match(line, m.end()))
    return spoken >= MIN_STAMPED and stamped >= MIN_SHARE * len(lines)


def _day_of(stamp: re.Match[str]) -> str:
    if stamp.group("y"):
        return f"{int(stamp.group('y'))}年{int(stamp.group('m'))}月{int(stamp.group('d'))}日"
    if stamp.group("y2"):
        year = int(stamp.group("y2"))
        return f"{year + 2000 if year < 100 else year}年{int(stamp.group('m2'))}月{int(stamp.group('d2'))}日"
    return ""


def _starred(new: str, said_before: str) -> str | None:
    """The value of one's previous message a "*11月9日" replaces: a date of the same month, else its last date."""
    fixed = MONTH_DAY.fullmatch(new.strip())
    if fixed is None:
        return None
    dates = list(MONTH_DAY.finditer(said_before))
    picked = [d for d in dates if d.group("month") and d.group("month") == fixed.group("month")] or dates
    return picked[-1].group(0) if picked else None


def chat_log_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    day = ""
    last_said: dict[str, list[str]] = {}  # each speaker's latest message, line by line
    speaking = ""
    for line in re.finditer(r"[^\n]*\n?", text):
        start, body = line.start(), line.group(0)
        if not body:
            break
        stamp = STAMP.match(body)
        if stamp is None:
            if body.startswith("--- "):  # "--- Log opened …" goes; "--- Channel: #… (鹭洲市科协 · 工作群)" names the channel
                cuts.append((start, line.end(), "") if not HAS_CJK.search(body) else (start, start + 4, ""))
            elif speaking:
                last_said[speaking].append(body)  # a message's later line, as it was sent
            continue
        rest = body[stamp.end() :]
        speaker = SPEAKER.match(rest) or ACTION.match(rest)
        if SYSTEM.match(rest) or (speaker is None and CLIENT_LINE.search(rest)) \
                or GONE.match(rest[speaker.end() if speaker else 0 :].rstrip("\n")):
            cuts.append((start, line.end(), ""))
            speaking = ""
            continue
        lead = ""
        if (said := _day_of(stamp)) and said != day:
            day, lead = said, f"{said}\n"
        at = start + stamp.end()
        if (topic := TOPIC.match(rest)) is not None:
            cuts.append((start, at + topic.end(), f"{lead}频道主题："))
            continue
        said_at = at + (speaker.end() if speaker else 0)
        cuts.append((start, said_at, lead))
        who = speaker.group(0).strip(" \t:：<>") if speaker else ""
        message = text[said_at : line.end()].rstrip("\n")
        if (sed := SED.match(message)) is not None:
            base = said_at
            cuts += [(base, base + 2, ""), (base + sed.end("old"), base + sed.start("new"), "改为"),
                     (base + sed.end("new"), base + sed.end(), "")]
        elif (star := STARRED.match(message)) is not None and (old := _starred(star.group("new"), "".join(last_said.get(who, [])))):
            cuts.append((said_at, said_at + star.start("new"), f"{old}改为"))
        if who:
            speaking, last_said[who] = who, [message + "\n"]
    return mt.splice(sorted(cuts))
