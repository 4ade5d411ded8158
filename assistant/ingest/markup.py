"""A web page's source saved as the notice ("<html>…<p>…</p>…<table><tr><td>…"): its text, as a
reader of the page sees it. Blocks (paragraphs, headings, list items, rows, line breaks) become lines,
a row's cells are split by " | " as tables are read elsewhere, entities become their characters, the
page's chrome (navigation, menus, footer) is set aside (the source keeps it, nothing cites it), and
what a page never shows (scripts, styles, comments, tags) goes; the source's own line breaks are
spaces, as on the page, so the lines left are the page's and none is a broken one. Every cut goes through MappedText, so
each quote still maps back to the page's source."""

from __future__ import annotations

import html
import re

from assistant.ingest.textmap import MappedText

# A page's source, not text that mentions a tag: a document type or <html>, or several closed blocks.
PAGE = re.compile(r"<!DOCTYPE\s+html|<html[\s>]", re.I)
CLOSED_BLOCK = re.compile(r"</(?:p|div|td|tr|li|h[1-6]|table|span)>", re.I)
MIN_BLOCKS = 5
CELL = " | "
BLOCK_TAGS = ("p|div|br|li|ul|ol|tr|table|tbody|thead|tfoot|caption|h[1-6]|title|section|article|header|footer|"
              "nav|main|aside|dl|dt|dd|blockquote|pre|hr|body|html|head|form|figure|figcaption")
MARKUP = re.compile(
    r"(?P<unseen><(?P<hidden>script|style|noscript|template)\b[^>]*>.*?</(?P=hidden)\s*>|<!--.*?-->|<!DOCTYPE[^>]*>)"
    r"|(?P<cell></t[dh]\s*>\s*<t[dh]\b[^>]*>)"
    rf"|(?P<block></?(?:{BLOCK_TAGS})\b[^>]*>)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
    r"|(?P<entity>&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)"
    r"|(?P<space>[ \t]*\n\s*)",
    re.I | re.S,
)


# A page's chrome around the article: navigation, menus, the "you are here" line, sharing buttons,
# side bars and the footer, told by the element's name or by its class or id.
CHROME_OPEN = re.compile(
    r"<(?P<name>nav|footer|aside)\b[^>]*>"
    r"|<(?P<named>div|ul|section|p)\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*"
    r"(?:nav|menu|foot|top-?bar|breadcrumb|crumb|location|position|share|sidebar|side-bar|related|copyright)[^\"']*[\"'][^>]*>",
    re.I,
)


def _element_end(text: str, name: str, start: int) -> int:
    """Where the element opened at `start` closes (elements of its name nested inside counted), or
    the end of the text when it never does."""
    tags = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 0
    for m in tags.finditer(text, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(text)


def _chrome(text: str) -> list[tuple[int, int, str]]:
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    while (m := CHROME_OPEN.search(text, pos)) is not None:
        end = _element_end(text, m.group("name") or m.group("named"), m.start())
        cuts.append((m.start(), end, "\n"))
        pos = end
    return cuts


def is_page_source(text: str) -> bool:
    return bool(PAGE.search(text[:2000])) or len(CLOSED_BLOCK.findall(text)) >= MIN_BLOCKS


def _replacement(m: re.Match[str]) -> str:
    if m.group("cell"):
        return CELL
    if m.group("block"):
        return "\n"
    if m.group("space"):
        return " "  # a line break in the source is only a space on the page: its lines are the tags'
    if m.group("entity"):
        # A non-breaking space is a space; an entity html does not know stays as written.
        return html.unescape(m.group(0)).replace("\u00a0", " ")
    return ""  # what the page does not show, and inline tags (<a>, <strong>, <span>…)


def page_text(mt: MappedText) -> MappedText:
    """The text a page's source shows, or the text unchanged when it is no page's source."""
    if not is_page_source(mt.text):
        return mt
    return mt.splice(_chrome(mt.text)).sub(MARKUP, _replacement)
