"""A web page's source read as the page shows it (ingest/markup.py)."""

from __future__ import annotations

import json

from assistant.ingest.markup import config_text, is_config, is_page_source, page_text
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText

from .conftest import source_of

PAGE = """<!DOCTYPE html>
<html><head><title>关于推荐的通知</title><script>var a = "<p>不显示</p>";</script><style>p {color: red}</style></head>
<body><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/x">通知公告</a></li></ul></div>
<div class="article"><h1>关于组织申报&ldquo;科创中国&rdquo;榜单的通知</h1>
<p>&nbsp;&nbsp;各学院：请于10月24日前报送，
联系人王明。</p>
<table><tr><td>榜单</td><td>截止</td></tr>
<tr><td>新锐企业榜</td>
<td>10月24日17:00</td></tr></table>
<p>成果转化办公室：温若岚，027-87653120，行政楼607室<br>
技术转移中心：石浩然，027-87653128</p><!-- 注释不显示 -->
</div><div class="footer">版权所有 某大学</div></body></html>"""


def test_a_page_source_reads_as_its_page() -> None:
    text = page_text(MappedText.of(PAGE)).text
    assert "“科创中国”" in text and "&ldquo;" not in text
    assert "<" not in text and "不显示" not in text and "color" not in text
    # a row's cells split as tables are read elsewhere; a source line break inside a block is a space
    assert "新锐企业榜 | 10月24日17:00" in text
    assert "请于10月24日前报送， 联系人王明。" in text
    # navigation and footer are the page's chrome, not the notice
    assert "首页" not in text and "版权所有" not in text


def test_a_line_break_tag_keeps_its_lines_apart_after_cleaning() -> None:
    clean = clean_text(PAGE).text
    assert "行政楼607室\n技术转移中心：石浩然" in clean


def test_every_character_maps_back_to_the_source() -> None:
    mt = page_text(MappedText.of(PAGE))
    assert source_of(mt, PAGE, "温若岚") == "温若岚"


def test_text_that_only_mentions_a_tag_is_no_page() -> None:
    plain = "表单中的复选框写作<input>，请勿删除。\n联系人：王明"
    assert not is_page_source(plain)
    assert page_text(MappedText.of(plain)).text == plain


RTF_DOC = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 宋体;}}{\colortbl ;\red0\green0\blue0;}"
           r"{\*\generator Riched20}{\info{\title 不显示的标题}}" "\n"
           r"\pard\qc\f1\fs36\b 东麓理工大学科学技术研究院\b0\par" "\n"
           r"\pard\fi640 各学院：请于10月31日17:00前报送。\par" "\n"
           r"\trowd\cellx2000\cellx4000\intbl 榜单\cell 联系人\cell\row" "\n"
           r"\trowd\cellx2000\cellx4000\intbl 新锐企业榜\cell 柏清远\cell\row" "\n}")


def test_an_rtf_source_reads_as_its_paragraphs_and_table_rows() -> None:
    from assistant.ingest.markup import rtf_text

    text = rtf_text(MappedText.of(RTF_DOC)).text
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert lines == ["东麓理工大学科学技术研究院", "各学院：请于10月31日17:00前报送。", "榜单 | 联系人", "新锐企业榜 | 柏清远"]


JSON_DOC = """{
  "id": "art-1",
  "title": "澜江市科学技术协会关于组织推荐的通知",
  "publisher": "澜江市科学技术协会",
  "views": 1836,
  "tags": ["科创中国", "榜单"],
  "content": "<p>各单位：</p>\\n<p>请于11月7日17:00前报送，联系人林书瑶，电话0736-8825317。</p>\\n<p>澜江市科学技术协会</p><p>2034年9月19日</p><p>附：\\"汇总表\\"</p>"
}"""


def test_a_json_export_reads_as_its_fields_and_its_body() -> None:
    from assistant.ingest.markup import source_text

    mt, own_lines = source_text(MappedText.of(JSON_DOC))
    lines = [line.strip() for line in mt.text.split("\n") if line.strip()]
    assert own_lines
    assert "标题：澜江市科学技术协会关于组织推荐的通知" in lines and "发布机构：澜江市科学技术协会" in lines
    assert "请于11月7日17:00前报送，联系人林书瑶，电话0736-8825317。" in lines and '附："汇总表"' in lines
    assert not any("1836" in line or "{" in line for line in lines)
    assert source_of(mt, JSON_DOC, "林书瑶") == "林书瑶"


CMS_DOC = """{
  "title": "某学会关于组织推荐2041年科创中国榜单的通知",
  "sections": [
    {"heading": "一、申报条件", "paragraphs": ["本会附加要求：须为本会单位会员。", "其余条件见附件1。"]}
  ],
  "attachments": [{"name": "附件1：申报条件.docx", "url": "/uploads/fj1.docx", "size": "88KB"}],
  "contacts": [{"role": "学会秘书处（材料报送）", "name": "符嘉言", "tel": "010-68315520", "email": ""}]
}"""


def test_a_cms_exports_sections_are_its_lines_and_its_contacts_are_labelled() -> None:
    """A CMS's sections ({"heading": …, "paragraphs": […]}) are the notice's heading and paragraphs, with no
    field names; a contact record's fields read as a contact block's labels; a system's own fields go."""
    from assistant.ingest.markup import source_text

    mt, _ = source_text(MappedText.of(CMS_DOC))
    lines = [line.strip() for line in mt.text.split("\n") if line.strip()]
    assert "一、申报条件" in lines and "本会附加要求：须为本会单位会员。" in lines
    assert "附件1：申报条件.docx" in lines and not any("uploads" in line or "88KB" in line for line in lines)
    labelled = [line for line in lines if line.startswith(("部门", "联系人", "电话", "邮箱"))]
    assert labelled == ["部门：学会秘书处（材料报送）", "联系人：符嘉言", "电话：010-68315520"]


MAIL = """Return-Path: <ge@example.cn>
Received: from mail.example.cn
\tby mail.example.cn with ESMTP id 7F3A21C0
From: 华岳能源集团科协秘书处 葛文涛 <ge@example.cn>
To: 各二级单位科协联络员 <kx@example.cn>
Subject: 转发：中国科协办公厅关于征集遴选2034年“科创中国”系列榜单的通知
Message-ID: <1@mail.example.cn>
Content-Type: text/plain; charset=utf-8

各二级单位科协：
现转发中国科协通知，请于10月24日12:00前报送。
"""


def test_a_mail_saved_whole_reads_its_header_in_the_notices_words() -> None:
    from assistant.ingest.identity import IssuerSource, identify
    from assistant.ingest.markup import mail_text

    text = mail_text(MappedText.of(MAIL)).text
    assert text.startswith("发件人：华岳能源集团科协秘书处 葛文涛")
    assert "主题：转发：中国科协办公厅" in text and "Received" not in text and "Message-ID" not in text
    found = identify(clean_text(MAIL).text)
    # the mail passes the call on: its sender is the issuer, not the call's
    assert found.issuer == "华岳能源集团科协秘书处" and found.issuer_source == IssuerSource.LABELLED


DRAFT = """说明：[删除:…]为已删除内容，[插入:…]为新插入内容。
各单位于[删除: 2035年10月31日17:00前][插入: 2035年11月7日17:00前]报送。[批注 张XX: 10月31日太紧。]
联系人：[删除: 邢晓川，电话0538-6628115][插入: 宁若岚，电话0538-6628127]
"""


def test_a_draft_with_tracked_changes_reads_as_accepted() -> None:
    mt = clean_text(DRAFT)
    assert "各单位于2035年11月7日17:00前报送。" in mt.text
    assert "10月31日" not in mt.text and "张XX" not in mt.text and "邢晓川" not in mt.text
    assert "联系人：宁若岚，电话0538-6628127" in mt.text
    assert source_of(mt, DRAFT, "宁若岚，电话0538-6628127") == "宁若岚，电话0538-6628127"  # an insertion maps to itself


def test_two_bracketed_words_are_no_tracked_changes() -> None:
    text = "附件：[插入: 见下]，其余照旧。"
    assert clean_text(text).text.startswith("附件：[插入: 见下]")


CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:x1@example.org\r\nDTSTART;TZID=Asia/Shanghai:20351105T170000\r\n"
    "SUMMARY:学会内部截止：榜单申报材料提\r\n 交\r\n"
    "ORGANIZER;CN=秘书处 温若溪:mailto:wenrx@example.org\r\n"
    "DESCRIPTION:请于2035年11月5日17:00前发送材料\\n联系电话010-628\r\n 87514\\, 手机13511086723\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_calendar_file_reads_as_its_events() -> None:
    mt = clean_text(CALENDAR)
    text = mt.text
    assert "开始时间：2035年11月5日17:00" in text
    assert "事项：学会内部截止：榜单申报材料提交" in text  # a folded line joined
    assert "联系人：秘书处 温若溪，邮箱：wenrx@example.org" in text  # the organizer, as contacts are read
    assert "请于2035年11月5日17:00前发送材料\n联系电话010-62887514, 手机13511086723" in text
    assert "UID" not in text and "TZID" not in text and "BEGIN" not in text
    assert source_of(mt, CALENDAR, "13511086723") == "13511086723"


CAPTIONS = """1
00:00:00,800 --> 00:00:04,000
［片头字幕］东滨市科学技术协会
2061年榜单解读

2
00:00:04,500 --> 00:00:08,000
依据是中国科协办公厅9月20日印发的

3
00:00:08,200 --> 00:00:12,000
科协办函创字〔2061〕58号通知。

4
00:00:12,300 --> 00:00:15,000
政策方面的问题，可以找秘书处

5
00:00:15,100 --> 00:00:19,000
冉书白，电话010-
55820193。

6
00:00:19,500 --> 00:00:22,000
好，谢谢大家。
"""


def test_a_subtitle_file_reads_as_the_speakers_sentences() -> None:
    mt = clean_text(CAPTIONS)
    lines = mt.text.split("\n")
    assert "依据是中国科协办公厅9月20日印发的科协办函创字〔2061〕58号通知。" in lines  # one sentence across two cues
    assert "政策方面的问题，可以找秘书处冉书白，电话010-55820193。" in lines
    assert lines[0] == "［片头字幕］东滨市科学技术协会2061年榜单解读"  # a tagged cue stands alone
    assert "-->" not in mt.text and "00:00" not in mt.text
    assert source_of(mt, CAPTIONS, "58号通知") == "58号通知"


SITE = """---
title: "关于组织申报2036年“科创中国”系列榜单的通知"
date: 2036-09-27
author: 科学技术研究院成果转化办公室
layout: notice
doc_no: "东岳理工科研字〔2036〕31号"
---

<!-- 初稿：电话0538-8249310（已调岗，勿用） -->
各学院：
<details><summary>联系方式</summary>
成果转化办公室 邵亦衡 0538-8249316
</details>
"""


def test_a_static_site_page_reads_its_front_matter_and_shows_no_comment() -> None:
    mt = clean_text(SITE)
    lines = mt.text.split("\n")
    assert lines[:4] == ["标题：关于组织申报2036年“科创中国”系列榜单的通知", "发布时间：2036-09-27",
                         "发布机构：科学技术研究院成果转化办公室", "文号：东岳理工科研字〔2036〕31号"]
    assert "layout" not in mt.text and "---" not in mt.text
    assert "8249310" not in mt.text and "<details>" not in mt.text and "成果转化办公室 邵亦衡0538-8249316" in mt.text
    assert source_of(mt, SITE, "东岳理工科研字〔2036〕31号") == "东岳理工科研字〔2036〕31号"


LATEX_NOTICE = r"""% 排版说明：本行是注释，不是正文
\documentclass{ctexart}
\newcommand{\jzsj}{2031年10月9日12:00}
\begin{document}
{\zihao{2}\bfseries 东屿省测绘学会}\\[1em]
\section*{一、报送}
请于\jzsj{}前发送至\href{mailto:a@b.cn}{a@b.cn}，逾期不收~（含\%附件）。
\begin{tabular}{>{\raggedright}p{3cm}p{2cm}}
\toprule
事项 & 联系人 \\
\midrule
学会办公室 & 沈一帆 \\
\bottomrule
\end{tabular}
\end{document}
"""


def test_latex_source_reads_as_the_typeset_page() -> None:
    from assistant.ingest.markup import source_text

    mt, structured = source_text(MappedText.of(LATEX_NOTICE))
    lines = [line.strip() for line in mt.text.splitlines() if line.strip()]
    assert structured
    assert lines[0] == "东屿省测绘学会" and "一、报送" in lines
    assert "请于2031年10月9日12:00前发送至a@b.cn，逾期不收 （含%附件）。" in lines  # the macro read as its value
    assert "事项 | 联系人" in lines and "学会办公室 | 沈一帆" in lines
    assert "注释" not in mt.text and "documentclass" not in mt.text and "2cm" not in mt.text
    at = mt.text.index("沈一帆")
    assert LATEX_NOTICE[mt.offsets[at] : mt.offsets[at] + 3] == "沈一帆"  # quotes map back to the source


CONFIG = """# 某大学科研系统配置（示例）
system:
  name: 成果申报
  platform: example.edu.cn
rounds:
  - year: 2050
    deadline: "2050-10-20 17:00"   # 校内截止
    publicity_days: 5              # 校内公示5个工作日
contacts:
  - role: 校内总协调（科研院）
    name: 甘若川
    tel: "0571-88880001 / 13900000001"
    mail: ganrc@example.edu.cn
  office:
    name: 冉可心
    dept: 科研院成果科
    phone: "0571-88880002"
"""


def test_a_configuration_files_contact_records_read_as_contact_blocks() -> None:
    """Each record reached by a phone or a mail: its keys in the notices' labels, its role leading as
    the block's heading, a paragraph of its own; the other keys stay as they are, one a line."""
    assert is_config(CONFIG) and not is_config("联系人：王明\n电话：010-1\n正文一段。")
    text = config_text(MappedText(CONFIG, list(range(len(CONFIG))))).text
    assert "\n校内总协调（科研院）\n联系人：甘若川\n电话：0571-88880001 / 13900000001\n邮箱：ganrc@example.edu.cn\n" in text
    assert "\n联系人：冉可心\n部门：科研院成果科\n电话：0571-88880002\n" in text
    assert "    publicity_days: 5              # 校内公示5个工作日" in text  # not a contact record: as it was
    clean = clean_text(CONFIG).text
    assert "\npublicity_days: 5 # 校内公示5个工作日\n" in clean  # its lines its own, none joined as a broken one


def test_a_value_marked_struck_out_goes_with_its_mark_but_the_mark_named_in_quotes_stays() -> None:
    from assistant.ingest.markup import accepted_changes

    text = ("说明：白板上划掉的内容标注“（已划掉）”。\n"
            "① 企业 → 园区交材料：10月27日（已划掉）　10月24日 ← 提前3天\n")
    shown = accepted_changes(MappedText.of(text)).text
    assert "10月27日" not in shown and "10月24日 ← 提前3天" in shown
    assert "标注“（已划掉）”" in shown


def test_a_mail_merged_letter_reads_its_placeholders_from_the_merge_data() -> None:
    from assistant.ingest.markup import merged_fields

    letter = ("«单位名称»：\n请«单位名称»于«截止»前报送预推荐材料，名额为«名额»。«未合并»\n"
              "合并数据：单位名称=澄江市科学技术协会；截止=2047年10月31日17:00；名额=3项\n")
    text = merged_fields(MappedText.of(letter)).text
    assert "请澄江市科学技术协会于2047年10月31日17:00前报送预推荐材料，名额为3项。«未合并»" in text
    assert "截止：2047年10月31日17:00；\n" in text  # the data block: a "字段：值" line per field
    assert merged_fields(MappedText.of("请«单位名称»报送。\n")).text == "请«单位名称»报送。\n"  # no data: as written


def test_a_line_break_inside_a_markdown_tables_cell_parts_its_values() -> None:
    from assistant.ingest.notices import clean_text

    page = ("## 五、联系方式\n\n| 事项 | 单位／联系人 | 电话 |\n|---|---|---|\n"
            "| 生物医药领域初评 | 中国科协某学会联合体<br>裘思远 | 010-64410000<br/>13811560000 |\n"
            "截止：<del>2071年11月3日</del><ins>2071年11月6日</ins>&nbsp;&amp;&#x4E2D;午\n")
    lines = clean_text(page).text.split("\n")
    assert "生物医药领域初评 | 中国科协某学会联合体 裘思远 | 010-64410000 13811560000" in lines
    assert "截止：2071年11月6日 &中午" in lines  # the struck date gone, the inserted one kept, entities read


def test_a_notebooks_cells_read_as_their_lines_not_as_labelled_strings() -> None:
    """A text kept as a list of its lines ("source": ["## 一、…\\n", "…"]): the lines as they run, no label."""
    import json as _json

    from assistant.ingest.markup import source_text
    from assistant.ingest.textmap import MappedText

    nb = _json.dumps({"cells": [{"cell_type": "markdown", "metadata": {},
                                 "source": ["# 岚江省科协关于2069年榜单的说明\n", "\n", "## 一、时间\n", "省内报送：11月12日前\n"]}],
                      "metadata": {"kernelspec": {"name": "python3"}}}, ensure_ascii=False, indent=1)
    text, _ = source_text(MappedText.of(nb))
    lines = [line for line in text.text.splitlines() if line.strip()]
    assert "# 岚江省科协关于2069年榜单的说明" in lines and "省内报送：11月12日前" in lines
    assert not any(line.startswith("来源") for line in lines)


def test_an_api_response_reads_its_body_at_any_depth_and_its_english_keys_in_words() -> None:
    import json

    from assistant.ingest.encodings import decoded

    record = {"code": 0, "data": {"title": "关于组织推荐2075年“科创中国”系列榜单的通知", "status": "published",
                                  "body_html": "<h3>四、时间安排</h3>\n<p>1. 各区于2075年11月12日17:00前报送市科协。</p>"
                                               "<table><tr><th>榜单</th><th>上限</th></tr><tr><td>新锐企业榜</td><td>5家</td></tr></table>",
                                  "revisions": [{"rev": 2, "note": "截止时间顺延，以本次修订为准",
                                                 "changes": {"local_deadline": "2075年11月14日17:00"}}]}}
    lines = [line.strip() for line in clean_text(decoded(json.dumps(record, ensure_ascii=True, indent=2))).text.split("\n")]
    assert "1. 各区于2075年11月12日17:00前报送市科协。" in lines  # the HTML body two levels down, its escapes read
    assert "新锐企业榜 | 5家" in lines
    assert "本地截止时间：2075年11月14日17:00" in lines  # an English key over a Chinese value, in the notices' words
    assert not any("published" in line for line in lines)  # a system's own field


def test_a_date_written_only_for_machines_is_shown() -> None:
    page = "<html><body>" + "<p>第一段。</p>" * 5 + '<p>企业提交材料，截止 <time datetime="2075-11-04" /> 17:00</p></body></html>'
    assert "企业提交材料，截止2075-11-04 17:00" in clean_text(page).text


def test_a_textile_pages_marks_go_and_its_items_stay_lines_of_their_own() -> None:
    from assistant.ingest.notices import clean_text

    page = "\n".join([
        "{{toc}}", "", "h1. 东湖大学2077年“科创中国”系列榜单校内申报指南", "",
        "h2. 一、今年设哪些榜", "", "# *先导技术榜*：六大产业领域", "# *新锐企业榜*", "",
        "h2. 二、名额", "", "|_. 榜单 |_. 名额 |", "| 先导技术榜 | 每个领域4项 |", "| 新锐企业榜 | 6家 |", "",
        "* \"“科创中国”平台（申报入口）\":https://bangdan.example.cn",
        "bq. 校内联系人 _聂书衡_，cgzh\\_office\\@dhu.edu.cn",
    ])
    lines = clean_text(page).text.split("\n")
    assert "东湖大学2077年“科创中国”系列榜单校内申报指南" in lines and "一、今年设哪些榜" in lines
    assert "先导技术榜：六大产业领域" in lines and "新锐企业榜" in lines  # each item its own line
    assert any(line.startswith("榜单 |") for line in lines) and not any("_." in line for line in lines)
    assert "“科创中国”平台（申报入口）（https://bangdan.example.cn）" in lines
    assert "校内联系人 聂书衡，cgzh_office@dhu.edu.cn" in lines  # (an escaped mark is the character)


def test_confluence_wiki_markup_reads_its_macros_header_cells_and_void_rows() -> None:
    from assistant.ingest.notices import clean_text

    page = ("h1. 所内申报指南\n\n{info:title=页面说明}\n本页供所内使用。\n{info}\n\nh2. 名额\n\n"
            "||榜单||所内名额||状态||\n|先导技术榜|4项|{status:colour=Green|title=有效}|\n"
            "|先导技术榜|3项|{status:colour=Red|title=已作废}|\n|新锐企业榜|2家|{status:colour=Green|title=有效}|\n\n"
            "{panel:title=联系方式}\n科研处 阮嘉禾，电话 0574-87653218\n{panel}\n平台：[“科创中国”平台|https://bang.kczg79.cn]\n")
    text = clean_text(page).text
    assert "榜单 | 所内名额 | 状态" in text and "先导技术榜 | 4项 | 有效" in text
    assert "3项" not in text  # (the row its status voids)
    assert "{" not in text and "页面说明" in text and "联系方式" in text
    assert "“科创中国”平台（https://bang.kczg79.cn）" in text


def test_a_dumps_part_marker_is_no_line_of_the_notice() -> None:
    from assistant.ingest.notices import clean_text

    text = clean_text("// ===== pages/notice/notice.wxml =====\n关于组织申报的通知\n请于11月3日前报送。\n").text
    assert "=====" not in text and text.startswith("关于组织申报的通知")



def test_a_textile_tables_empty_cell_is_no_confluence_header() -> None:
    from assistant.ingest.notices import clean_text

    page = "h1. 名额\n\nh2. 表\n\n|_. 榜单 |_. 领域 |_. 名额 |\n|新锐企业榜||6家|\n|先导技术榜|电子信息|4项|\n"
    assert "新锐企业榜 | 6家" not in clean_text(page).text


LINKED = """<!DOCTYPE html><html><head><title>申报通知</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Event", "name": "园区榜单申报受理",
 "startDate": "2080-10-10T09:00:00+08:00", "previousStartDate": "2080-10-16T09:00:00+08:00",
 "organizer": {"@type": "Organization", "name": "园区科技创新局",
   "contactPoint": [{"@type": "ContactPoint", "name": "甘露薇", "telephone": "0756-3387214", "contactType": "申报受理咨询"}]}}
</script>
<script>var hidden = "不显示";</script></head>
<body><p>受理时间详见本页活动信息。</p><p>第二段。</p><p>第三段。</p><p>第四段。</p><p>第五段。</p></body></html>"""


def test_a_pages_linked_data_reads_as_records_and_other_scripts_stay_unseen() -> None:
    text = clean_text(LINKED).text
    assert "联系人：甘露薇，电话：0756-3387214，负责：申报受理咨询" in text  # a contact point, a contact line
    assert "园区榜单申报受理" in text and "联系人：园区榜单" not in text  # an event's name is no person
    assert "原定开始日期：2080-10-16" in text
    assert "不显示" not in text and "@context" not in text


MIND_MAP = """[{"id": "d8686fcf54147b83fa818dc7fe", "class": "sheet", "title": "2081科创中国榜单",
 "rootTopic": {"id": "b7126018f0f0f8c10afafab229", "title": "院内申报工作",
  "children": {"attached": [
   {"id": "75de17eccd05dc20e67e483671", "title": "时间节点",
    "children": {"attached": [{"id": "074cb3c222ab697f9bc80ede95", "title": "各所报送截止：2081年11月12日17:00",
      "notes": {"plain": {"content": "报送申报样表Word版。"}}}]}}]}}}]"""


def test_a_tree_of_json_objects_reads_an_object_a_line_its_machine_ids_gone() -> None:
    lines = [ln for ln in clean_text(MIND_MAP).text.split("\n") if ln.strip()]
    assert "各所报送截止：2081年11月12日17:00" in lines
    assert "报送申报样表Word版。" in lines
    assert not any("d8686fcf" in ln for ln in lines)


def test_a_diagrams_commented_line_is_no_part_of_the_notice() -> None:
    page = "# 校内安排\n\n```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    %% 学院报送截止 :crit, a0, 2081-10-13, 2081-11-03\n" \
           "    学院报送截止 :crit, a1, 2081-10-13, 2081-11-10\n```\n"
    text = clean_text(page).text
    assert "2081-11-10" in text and "2081-11-03" not in text


GRAPHQL = """{"data": {"notice": {"title": "关于组织推荐2082年“科创中国”系列榜单的通知", "quotas": {"edges": [
  {"node": {"id": "Q1", "list": {"name": "融通创新平台榜"}, "limit": 2, "status": "SUPERSEDED"}},
  {"node": {"id": "Q2", "list": {"name": "融通创新平台榜"}, "limit": 3, "status": "ACTIVE"}},
  {"node": {"id": "Q3", "list": {"name": "新锐企业榜"}, "limit": 6, "status": "ACTIVE", "revision": 7}}]}}}}"""


def test_a_json_exports_counts_are_read_by_their_field_and_its_void_records_are_not() -> None:
    text = clean_text(GRAPHQL).text
    assert "限额：3" in text and "限额：6" in text
    assert "限额：2" not in text  # the record its status says is superseded
    assert "7" not in text  # a system's own number, not a count the notice names


def test_a_pages_struck_value_goes_with_its_tags() -> None:
    page = ("<html><body><p>一、时间</p><p>各单位于<s>2082年10月31日</s>2082年11月4日17:00前报送。</p>"
            "<p>二、</p><p>三、</p><p>四、</p></body></html>")
    text = clean_text(page).text
    assert "2082年11月4日17:00前报送" in text and "10月31日" not in text



def test_an_exports_own_status_never_empties_it_and_a_long_number_is_no_machine_id() -> None:
    whole = '{"title": "关于组织申报的通知", "status": "SUPERSEDED", "content": "各单位：申报截止时间为2081年11月2日。"}'
    assert "2081年11月2日" in clean_text(whole).text
    account = '[{"名称": "学会", "开户账号": "6222021234567890123", "id": "d8686fcf54147b83fa818dc7fe"}]'
    text = clean_text(account).text
    assert "6222021234567890123" in text and "d8686fcf" not in text


def test_json_nested_deeper_than_the_parser_follows_is_read_as_text_not_a_crash() -> None:
    for text in ('{"a":' * 5000 + "1" + "}" * 5000, '[{"a":' * 3000 + "1" + "}]" * 3000, "[" * 30000):
        clean_text(text)  # (a RecursionError from json once stopped the import)


def test_a_nested_record_flagged_deleted_is_emptied_wherever_the_flag_stands() -> None:
    from assistant.ingest.notices import clean_text

    export = json.dumps({"data": {"deadlines": [
        {"stage": "园区受理", "deleted": True, "date": "2090年11月3日"},
        {"stage": "园区受理", "deleted": False, "date": "2090年11月8日"},
    ]}}, ensure_ascii=False, indent=1)
    text = clean_text(export).text
    assert "11月8日" in text and "11月3日" not in text


def test_a_chats_single_tildes_strike_a_phrase_but_a_range_of_dates_stays() -> None:
    from assistant.ingest.notices import clean_text

    text = clean_text("通知\n校内截止调整为2090年11月16日17:00，原定 ~2090年11月10日17:00~ 不再适用。\n征集时间：10月8日~11月25日~12月1日之间。\n").text
    assert "11月10日" not in text and "11月16日" in text and "10月8日~11月25日~12月1日" in text
