"""A notice's text once the encodings it travelled in are read: a mail saved whole (.eml: its header's
encoded words, its quoted-printable or base64 parts), an RTF source whose characters are escapes
(`\\u20013?`, `\\'d6\\'d0` in the document's code page). The notice stored is what a reader of the mail
or the document sees (as for a .docx, whose XML is never the notice), so every quote is found in it;
the format's own structure (a mail's header fields, RTF's paragraphs and table cells) is read after,
as for any notice in that format (markup.source_text)."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

# ---------------------------------------------------------------- a mail saved whole

MAIL_HEAD = re.compile(r"\A(?:[A-Za-z][A-Za-z0-9-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){3,}", re.S)
TRANSFER = re.compile(r"^(?:content-transfer-encoding:\s*(?:quoted-printable|base64)|content-type:\s*multipart/)|=\?[\w-]+\?[BQbq]\?",
                      re.I | re.M)
SHOWN_FIELDS = (("From", "发件人"), ("To", "收件人"), ("Cc", "抄送"), ("Date", "日期"), ("Subject", "主题"))


def is_encoded_mail(text: str) -> bool:
    """A mail saved with its header whose text is encoded for transfer (else it reads as it stands)."""
    head = MAIL_HEAD.match(text.replace("\r\n", "\n"))
    return head is not None and bool(TRANSFER.search(text[:20_000]))


def _parts(msg: EmailMessage) -> list[str]:
    """The text a mail client shows: each text part (of alternatives, the plain one), in order."""
    if msg.is_multipart():
        parts = list(msg.iter_parts())
        if msg.get_content_subtype() == "alternative":
            plain = [p for p in parts if p.get_content_type() == "text/plain"]
            parts = plain[:1] or parts[-1:]
        return [t for p in parts for t in _parts(p)]  # type: ignore[arg-type]
    if msg.get_content_maintype() != "text" or msg.get_content_disposition() == "attachment":
        return []
    if msg.get_content_type() == "text/css":
        return []  # (a saved page's style sheet: nothing a reader sees)
    if msg.get_content_charset() is None:
        # A part that names no charset (a page saved whole: its HTML says it in <meta charset>): its bytes
        # read as that, else as UTF-8 when they are, else as GB18030 (what Chinese pages were written in).
        raw = msg.get_payload(decode=True)
        if isinstance(raw, bytes):
            return [_bytes_read(raw)]
    try:
        return [str(msg.get_content())]
    except (LookupError, ValueError):
        return []


META_CHARSET = re.compile(rb"<meta[^>]{0,80}?charset=[\"']?([\w-]{2,20})", re.I)


def decode_bytes(data: bytes) -> str | None:
    """UTF-8 (with or without a BOM) or GBK/GB18030 text, as Chinese files come; None when neither."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _bytes_read(raw: bytes) -> str:
    if named := META_CHARSET.search(raw[:4000]):
        try:
            return raw.decode(named.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(raw) or raw.decode("utf-8", "replace")


def mail_shown(text: str) -> str:
    """The mail as its reader sees it: 发件人, 收件人, 日期, 主题 (encoded words read) a line each,
    then its text parts, decoded."""
    msg = email.message_from_string(text, policy=email.policy.default)
    head = [f"{label}：{' '.join(str(msg[name]).split())}" for name, label in SHOWN_FIELDS if msg[name] is not None]
    body = "\n\n".join(p.strip("\n") for p in _parts(msg))  # type: ignore[arg-type]
    return "\n".join(head) + "\n\n" + body.replace("\r\n", "\n") + "\n"


# ---------------------------------------------------------------- RTF's escaped characters

RTF_START = re.compile(r"\A\s*\{\\rtf")
CODE_PAGE = re.compile(r"\\ansicpg(\d+)")
UNICODE_SKIP = re.compile(r"\\uc(\d)")
ESCAPE = re.compile(r"\\u(-?\d{1,5}) ?|(?:\\'[0-9a-fA-F]{2})+")
HEX_BYTE = re.compile(r"\\'([0-9a-fA-F]{2})")


def _surrogates_joined(text: str) -> str:
    """A character beyond the BMP escaped as two surrogates, joined into one; a lone surrogate replaced."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def rtf_characters(text: str) -> str:
    """An RTF source with its characters written out: each `\\uN` (signed 16-bit) as its character,
    the fallback after it (`?`, or a `\\'hh` run, as many as `\\ucN` says) dropped, and each run of
    `\\'hh` bytes read in the document's code page (\\ansicpg936: GBK)."""
    page = CODE_PAGE.search(text[:2000])
    codec = f"cp{page.group(1)}" if page else "cp1252"
    skip = int(m.group(1)) if (m := UNICODE_SKIP.search(text[:2000])) else 1
    out: list[str] = []
    pos = 0
    for m in ESCAPE.finditer(text):
        if m.start() < pos:
            continue  # (a fallback already dropped)
        out.append(text[pos : m.start()])
        pos = m.end()
        if m.group(1) is not None:
            out.append(chr(int(m.group(1)) & 0xFFFF))  # (signed 16-bit; a pair of them is one character)
            for _ in range(skip):  # the fallback a reader without Unicode would show
                if text.startswith("\\'", pos):
                    pos += 4
                elif pos < len(text) and text[pos] not in "\\{}\n":
                    pos += 1
            continue
        data = bytes(int(h, 16) for h in HEX_BYTE.findall(m.group(0)))
        try:
            out.append(data.decode(codec, errors="replace"))
        except LookupError:
            out.append(data.decode("gb18030", errors="replace"))
    out.append(text[pos:])
    return _surrogates_joined("".join(out))  # ("\\u-10179?\\u-8704?" 😀)


# A resource file written in ASCII with every other character as "\\u4e2d" (Java's native2ascii, a
# .properties file): read as its characters. (Not JSON: its reader reads its own escapes, and a decoded
# quote would end a string.)
JAVA_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
MIN_JAVA_ESCAPES = 20


def java_characters(text: str) -> str:
    out = JAVA_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _surrogates_joined(out)


def json_characters(text: str) -> str:
    """A JSON text written ASCII-only (an API's ensure_ascii output, "\\u5173\\u4e8e…"): its escapes of
    characters beyond ASCII read as those characters, which a JSON string may hold as they are; ASCII
    escapes ("\\u0022", a control character) stay, as the JSON needs them."""
    out = JAVA_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) >= 0x80 else m.group(0), text)
    return _surrogates_joined(out)


def decoded(text: str) -> str:
    """The notice's text once its transfer encodings are read (unchanged when it has none)."""
    if is_encoded_mail(text):
        return mail_shown(text)
    if RTF_START.match(text) and ("\\u" in text or "\\'" in text):
        return rtf_characters(text)
    if len(JAVA_ESCAPE.findall(text)) >= MIN_JAVA_ESCAPES:
        return json_characters(text) if text.lstrip()[:1] in ("{", "[") else java_characters(text) if text.isascii() else text
    return text
