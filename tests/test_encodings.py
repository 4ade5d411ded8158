"""A notice that travelled encoded (a mail saved whole, an RTF source of escapes) is stored as what its
reader sees, so its facts can be read and every quote found in it."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from assistant.ingest.encodings import decoded, is_encoded_mail, rtf_characters
from assistant.ingest.notices import clean_text, read_document

BODY = "各会员单位：\n请于2071年11月3日17:00前将申报表发送至学会邮箱。\n联系人：苗清和，电话：010-61230000\n"


def _mail() -> str:
    msg = EmailMessage()
    msg["From"] = "岭东学会秘书处 <office@example.org>"
    msg["To"] = "全体会员 <all@example.org>"
    msg["Subject"] = "关于推荐2071年“科创中国”榜单的通知"
    msg["Date"] = "Mon, 28 Sep 2071 10:00:00 +0800"
    msg.set_content(BODY, cte="quoted-printable")
    msg.add_alternative("<p>" + BODY.replace("\n", "<br>") + "</p>", subtype="html", cte="base64")
    return msg.as_string()


def test_a_mail_saved_whole_is_read_as_its_reader_sees_it() -> None:
    raw = _mail()
    assert "苗清和" not in raw and is_encoded_mail(raw)  # (quoted-printable: no character readable as it stands)
    shown = decoded(raw)
    assert "主题：关于推荐2071年“科创中国”榜单的通知" in shown.split("\n")
    assert "请于2071年11月3日17:00前将申报表发送至学会邮箱。" in shown
    assert shown.count("苗清和") == 1  # the plain part of the alternatives, not the HTML one too
    assert "Content-Transfer-Encoding" not in shown


def test_a_plain_mail_or_a_plain_notice_is_left_as_it_is() -> None:
    plain = "From: a@example.org\nTo: b@example.org\nSubject: 通知\n\n请于11月3日前报送。\n"
    assert decoded(plain) == plain
    assert decoded(BODY) == BODY


def test_rtf_escapes_are_read_in_the_documents_code_page() -> None:
    source = ("{\\rtf1\\ansi\\ansicpg936\\uc1 \\pard \\u20013?\\u22269?\\u31185?\\u21327? "
              "\\'d6\\'d0\\'b9\\'fa\\par \\u-244?\\par}")
    shown = rtf_characters(source)
    assert "中国科协 中国" in shown and "\uff0c" in shown  # \u-244 is "，" (65292), its "?" fallback dropped
    assert "?" not in shown
    assert clean_text(shown).text.split("\n")[:2] == ["中国科协 中国", "，"]


def test_an_encoded_mail_file_is_stored_decoded(tmp_path: Path) -> None:
    path = tmp_path / "mail.txt"
    path.write_text(_mail(), encoding="utf-8")
    assert "联系人：苗清和，电话：010-61230000" in read_document(path)


def test_an_rtf_character_beyond_the_bmp_or_out_of_range_does_not_stop_the_import() -> None:
    shown = clean_text(rtf_characters("{\\rtf1\\ansicpg936 关于2071年通知\\u-10179?\\u-8704?\\u-99999?\\par}")).text
    assert shown.startswith("关于2071年通知😀")  # a surrogate pair read as its one character


def _saved_page(html: str) -> str:
    """A page saved whole by a browser (MHTML): its HTML part quoted-printable, naming no charset in
    its header (the page says it in <meta charset>), a style sheet and an image beside it."""
    import base64
    import quopri

    boundary = "----MultipartBoundary--abc----"
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return (f"From: <Saved by Blink>\nSnapshot-Content-Location: https://example.org/n.html\nSubject: =?utf-8?B?"
            f"{base64.b64encode('岭东学会通知'.encode()).decode()}?=\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="{boundary}"\n\n'
            f"--{boundary}\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n{body}\n"
            f"--{boundary}\nContent-Type: text/css\nContent-Transfer-Encoding: quoted-printable\n\nbody{{margin:0}}\n"
            f"--{boundary}\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--{boundary}--\n")


def test_a_page_saved_whole_is_read_in_the_charset_its_html_names() -> None:
    html = '<html><head><meta charset="utf-8"></head><body><p>' + BODY.replace("\n", "</p><p>") + "</p></body></html>"
    shown = decoded(_saved_page(html))
    assert "苗清和" in shown and "2071年11月3日17:00" in shown  # (read as ASCII before: every character lost)
    assert "margin" not in shown and "iVBOR" not in shown  # its style sheet and image are no text a reader sees
    assert "主题：岭东学会通知" in shown


def test_an_api_json_written_ascii_only_reads_as_its_characters_and_stays_json() -> None:
    import json

    record = {"data": {"title": "关于组织推荐2075年“科创中国”系列榜单的通知", "note": 'a "quoted" word\n' * 3,
                       "body_html": "<p>各区于2075年11月12日前报送。</p>" * 5}}
    raw = json.dumps(record, ensure_ascii=True)
    text = decoded(raw)
    assert "关于组织推荐2075年“科创中国”系列榜单的通知" in text
    assert json.loads(text) == record  # (a quote or a line break stays escaped: still the same JSON)
