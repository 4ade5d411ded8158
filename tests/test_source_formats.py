"""Notices saved in a tool's source format (a manual page's troff, a unified diff between draft and
final, an Excel XML workbook) read as what the tool would show."""

from __future__ import annotations

from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import normalize_for_match, verbatim

TROFF = "\n".join([
    '.\\" 初稿截止为11月6日，已作废',
    '.TH KCZG 7 "2071-10-11" "岭东省科协"',
    ".SH 名称",
    "岭东省科协关于推荐2071年榜单的通知",
    ".SH 名额",
    ".TP",
    ".B 先导技术榜",
    "每个领域不超过\\fB2个\\fR",
    ".SH 时间",
    "省内截止：2071年11月13日17时前，",
    "将汇总表发送至省科协邮箱。",
    ".IP 1. 4",
    "初评评审：2071年12月。",
])


def test_a_manual_pages_source_reads_as_the_page() -> None:
    lines = clean_text(TROFF).text.split("\n")
    assert "先导技术榜：每个领域不超过2个" in lines  # a tagged paragraph: its tag and text, fonts gone
    assert "省内截止：2071年11月13日17时前，将汇总表发送至省科协邮箱。" in lines  # source lines filled
    assert "1. 初评评审：2071年12月。" in lines and "名额" in lines
    assert "11月6日" not in "\n".join(lines) and not any(line.startswith(".") for line in lines)


DIFF = "\n".join([
    "--- 初稿.txt\t2071-10-14 09:12:33 +0800",
    "+++ 定稿.txt\t2071-10-17 16:05:41 +0800",
    "@@ -1,4 +1,4 @@",
    " 岭东研究院关于组织申报2071年榜单的通知",
    "-院内截止：2071年11月3日",
    "+院内截止：2071年11月6日",
    " 联系人：祁川",
    "@@ -9,2 +9,2 @@",
    "-电话：0571-1230001",
    "+电话：0571-1230002",
])


def test_a_unified_diff_reads_as_its_final_text() -> None:
    lines = clean_text(DIFF).text.split("\n")
    assert lines[:3] == ["岭东研究院关于组织申报2071年榜单的通知", "院内截止：2071年11月6日", "联系人：祁川"]
    assert "电话：0571-1230002" in lines and "11月3日" not in "\n".join(lines) and "1230001" not in "\n".join(lines)


GIT_LOG = "\n".join([
    "commit 7dc75fac77e7b8f128bc2b99a3630f96172d79ab",
    "Author: 岑立 <cenl@example.edu.cn>",
    "Date:   Sun Oct 18 09:14:27 2076 +0800",
    "",
    "    更正学院报送截止时间",
    "",
    "diff --git a/notice.md b/notice.md",
    "index 1111111..2222222 100644",
    "--- a/notice.md",
    "+++ b/notice.md",
    "@@ -2,3 +2,3 @@",
    " 一、时间安排",
    "-学院报科研院：2076年11月15日17:00前",
    "+学院报科研院：2076年11月12日17:00前",
    " 二、联系人",
    "",
    "commit 7d385dc3f0007448a49c56769f874d8c3617ce01",
    "Author: 钟岚 <zhongl@example.edu.cn>",
    "Date:   Sat Oct 10 16:22:05 2076 +0800",
    "",
    "    新建通知",
    "",
    "diff --git a/notice.md b/notice.md",
    "new file mode 100644",
    "--- /dev/null",
    "+++ b/notice.md",
    "@@ -0,0 +1,5 @@",
    "+江澄大学关于组织推荐2076年榜单的通知",
    "+一、时间安排",
    "+学院报科研院：2076年11月15日17:00前",
    "+二、联系人",
    "+科研院 岑立，电话0736-5821974",
])


def test_a_line_a_newer_commit_changes_goes_from_its_place_only() -> None:
    """Two sections say the same deadline; the newer commit changes the first one's: the second stays."""
    log = "\n".join([
        "commit 2222222222222222222222222222222222222222", "Author: 岑立 <c@example.cn>", "", "    改一、的截止", "",
        "diff --git a/n.md b/n.md", "--- a/n.md", "+++ b/n.md", "@@ -1,3 +1,3 @@",
        " 一、新锐企业榜", "-截止：11月12日", "+截止：11月20日", " 二、先导技术榜", "",
        "commit 1111111111111111111111111111111111111111", "Author: 钟岚 <z@example.cn>", "", "    新建", "",
        "diff --git a/n.md b/n.md", "--- /dev/null", "+++ b/n.md", "@@ -0,0 +1,5 @@",
        "+一、新锐企业榜", "+截止：11月12日", "+二、先导技术榜", "+截止：11月12日", "+联系人：张三",
    ])
    lines = clean_text(log).text.split("\n")
    body = lines[lines.index("一、新锐企业榜"):]
    assert body == ["一、新锐企业榜", "截止：11月20日", "二、先导技术榜", "截止：11月12日", "联系人：张三"]


def test_a_git_log_of_one_file_reads_as_its_latest_text() -> None:
    text = clean_text(GIT_LOG).text
    assert "学院报科研院：2076年11月12日17:00前" in text
    assert "11月15日" not in text  # removed by the newer commit: gone from the older one's text too
    assert text.count("一、时间安排") == 1 and "电话0736-5821974" in text  # a line shown twice is read once


SHEET = "\n".join([
    '<?xml version="1.0"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
    ' <Styles><Style ss:ID="t"><Font ss:FontName="宋体"/></Style></Styles>',
    ' <Worksheet ss:Name="名额"><Table>',
    '  <Row><Cell><Data ss:Type="String">榜单</Data></Cell><Cell><Data ss:Type="String">领域</Data></Cell>'
    '<Cell><Data ss:Type="String">上限</Data></Cell></Row>',
    '  <Row><Cell ss:MergeDown="1"><Data ss:Type="String">先导技术榜</Data></Cell><Cell><Data ss:Type="String">电子信息</Data></Cell>'
    '<Cell><Data ss:Type="String">2项</Data></Cell></Row>',
    '  <Row><Cell ss:Index="2"><Data ss:Type="String">生物医药</Data></Cell><Cell><Data ss:Type="String">1项</Data>'
    '<Comment><Data>附属医院计入医学院</Data></Comment></Cell></Row>',
    ' </Table></Worksheet>',
    '</Workbook>',
])


def test_an_excel_xml_workbook_reads_as_its_rows_merged_cells_carried_down() -> None:
    lines = clean_text(SHEET).text.split("\n")
    assert "榜单 | 领域 | 上限" in lines and "先导技术榜 | 电子信息 | 2项" in lines
    assert "先导技术榜 | 生物医药 | 1项（附属医院计入医学院）" in lines  # merged down; a cell's comment in brackets
    assert "宋体" not in "\n".join(lines)  # what the workbook says of its look
    assert verbatim("生物医药 | 1项", normalize_for_match(SHEET))


def test_a_json_field_holding_an_apis_json_reads_as_records_one_a_line() -> None:
    """A HAR archive's response "text" that is itself JSON: each object of its list a line, "item"/"value"
    pairs as labelled values, so a later revision's corrected value is read like any notice's."""
    import json as _json

    from assistant.ingest.notices import clean_text

    quotas = {"code": 0, "data": {"items": [{"list": "新锐企业榜", "max": "6家", "remark": "园区初筛入围不超过12家"},
                                            {"list": "协同创新平台榜", "max": "3个", "remark": "优先推荐新型研发机构"}]}}
    revision = {"data": {"status": "生效", "title": "关于申报通知的更正",
                         "changes": [{"item": "园区报送截止时间", "value": "2077年11月18日17:00"}],
                         "remark": "以本更正为准"}}
    har = {"log": {"version": "1.2", "entries": [
        {"request": {"url": "https://example.org/api/quota"},
         "response": {"status": 200, "content": {"mimeType": "application/json", "text": _json.dumps(quotas, ensure_ascii=False)}}},
        {"request": {"url": "https://example.org/api/revision"},
         "response": {"status": 200, "content": {"mimeType": "application/json", "text": _json.dumps(revision, ensure_ascii=False)}}},
    ]}}
    lines = clean_text(_json.dumps(har, ensure_ascii=False, indent=2)).text.split("\n")
    assert any("新锐企业榜" in line and "6家" in line and "12家" in line and "协同创新平台榜" not in line for line in lines)
    assert any(line.startswith("园区报送截止时间：2077年11月18日17:00") for line in lines)
    assert not any('"list"' in line or "{" in line for line in lines)


def test_a_json_array_of_contacts_inside_a_yaml_block_scalar_reads_as_contact_lines() -> None:
    manifest = "\n".join([
        "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: kczg-notice-2076", "data:",
        "  notice.md: |", "    # 东岭材料研究院关于组织申报2076年“科创中国”系列榜单的通知", "    请于2076年11月13日前报送。",
        "  contacts.json: |", "    [",
        '      {"role": "院内联系人", "org": "科技发展处", "name": "闻笛", "phone": "0551-62837095", "email": "kjc@example.cn"},',
        '      {"role": "初评机构：技术经理人先锋榜", "org": "国际技术转移服务联盟", "name": "褚嘉懿", "phone": "010-84726053"}',
        "    ]",
        '  review_days: ["2076-11-04", "2076-11-08"]',
    ])
    lines = clean_text(manifest).text.split("\n")
    first = next(line for line in lines if "闻笛" in line)
    assert "联系人：闻笛" in first and "电话：0551-62837095" in first and "kjc@example.cn" in first and "褚嘉懿" not in first
    assert any("联系人：褚嘉懿" in line and "010-84726053" in line for line in lines)
    assert not any('"name"' in line for line in lines)
    assert any("2076-11-04" in line for line in lines)  # a list of dates is no records: left as written


def test_a_json_records_counts_are_kept_and_a_systems_own_numbers_go() -> None:
    text = clean_text('名额表：\n[{"榜单": "新锐企业榜", "名额": 3, "code": 0, "截止": "11月20日"}, {"榜单": "先导技术榜", "名额": 2}]').text
    assert "榜单：新锐企业榜，名额：3，截止：11月20日" in text.split("\n") and "榜单：先导技术榜，名额：2" in text.split("\n")


TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
 <teiHeader><fileDesc><titleStmt><title>某市科协关于组织申报2090年榜单的通知</title></titleStmt></fileDesc></teiHeader>
 <text><body>
  <div type="section"><head>一、时间安排</head>
   <p>各单位于<choice><sic>2090年11月2日</sic><corr>2090年11月9日</corr></choice>17:00前提交材料。</p>
   <p>融通创新平台榜<note place="foot" n="1">即往年的融通创新组织榜。</note>由市科协统一推荐。</p>
   <p>另见<del>11月1日</del>公告。</p>
  </div>
  <div type="section"><head>二、名额</head>
   <table><row role="label"><cell>榜单</cell><cell>名额</cell></row><row><cell>新锐企业榜</cell><cell>4个</cell></row></table>
  </div>
 </body></text>
</TEI>
"""


def test_a_tei_text_reads_as_its_paragraphs_the_editors_reading_in_force_a_note_in_brackets() -> None:
    text = clean_text(TEI).text
    lines = text.split("\n")
    assert "一、时间安排" in lines and "二、名额" in lines  # (a document's own <div><head><p>: no page's lines)
    assert "各单位于2090年11月9日17:00前提交材料。" in lines and "11月2日" not in text  # (<sic> is what <corr> corrects)
    assert "融通创新平台榜（即往年的融通创新组织榜。）由市科协统一推荐。" in lines
    assert "11月1日" not in text and "新锐企业榜 | 4个" in lines


LUA = """-- 某园区 · 2090年榜单申报 · 站点配置
local notice = {
  title = "关于组织申报2090年“科创中国”系列榜单的通知",
  issuer = "某园区管理委员会",
}
return {
  notice = notice,
  deadlines = {
    --[[ 调整前的原值，保留备查：
    { stage = "企业向管委会提交材料", at = "2090年11月3日17:00" },
    ]]
    { stage = "企业向管委会提交材料", at = "2090年11月8日17:00" }, -- 以此为准
    { stage = "园区初筛", at = "2090年11月15日" },
  },
  quotas = {
    ["新锐企业榜"] = { max = 4, unit = "家" },
  },
  contacts = {
    { name = "陆之遥", tel = "0592-6738152", role = "管委会科技创新局" },
  },
  conditions = [[
一、须在园区注册。
二、入驻满1年。]],
}
"""

PHP = """<?php
/**
 * 某大学专题页配置
 */
$conditions = <<<EOT
一、学校只推荐我校师生创办的企业。
EOT;
return [
    'notice' => ['title' => '关于组织申报2090年榜单的通知', 'issuer' => '某大学科研院'],
    'deadlines' => [
        // 'college_submit' => '2090年10月27日17:00',
        'college_submit' => '2090年11月3日17:00', // 各学院汇总报科研院
    ],
    'quotas' => [
        ['list' => '先导技术榜', 'max' => 2, 'unit' => '项'],
    ],
];
"""


def test_a_lua_or_php_data_file_reads_as_its_records_an_old_value_in_a_comment_not_read() -> None:
    lua = clean_text(LUA).text
    lines = lua.split("\n")
    assert "阶段：企业向管委会提交材料，2090年11月8日17:00（以此为准）" in lines and "11月3日" not in lua
    assert "新锐企业榜：上限：4家" in lines and "一、须在园区注册。" in lines
    assert any("陆之遥" in line and "0592-6738152" in line for line in lines)
    assert "local" not in lua and "{" not in lua and "--" not in lua
    php = clean_text(PHP).text
    assert "2090年11月3日17:00（各学院汇总报科研院）" in php and "10月27日" not in php
    assert "榜单：先导技术榜，上限：2项" in php.split("\n") and "一、学校只推荐我校师生创办的企业。" in php
    assert "<?php" not in php and "=>" not in php and "*" not in php


def test_a_dump_of_several_files_reads_each_file_in_its_own_format() -> None:
    dump = ("==> META-INF/container.xml <==\n<?xml version=\"1.0\"?>\n<container><rootfiles/></container>\n"
            "==> Doc_0/Pages/Page_0/Content.xml <==\n<?xml version=\"1.0\"?>\n<ofd:Page xmlns:ofd=\"http://www.ofdspec.org\">"
            "<ofd:TextObject ID=\"1\" Boundary=\"20 30 170 6\"><ofd:TextCode X=\"0\" Y=\"4\">一、推荐名额</ofd:TextCode></ofd:TextObject>"
            "<ofd:TextObject ID=\"2\" Boundary=\"20 40 170 6\"><ofd:TextCode X=\"0\" Y=\"4\">新锐企业榜每个区县限报4家。</ofd:TextCode></ofd:TextObject></ofd:Page>\n"
            "==> OEBPS/chapter1.xhtml <==\n<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
            "<h1>第一章 要点</h1><p>初评在2090年12月进行。</p><p>终评在2091年2月。</p></body></html>\n")
    lines = clean_text(dump).text.split("\n")
    assert "新锐企业榜每个区县限报4家。" in lines and any("初评在2090年12月进行。" in x for x in lines)
    assert not any("TextObject" in line or "==>" in line for line in lines)


def test_a_forms_submission_reads_as_its_fields_old_values_files_and_headers_not_read() -> None:
    from urllib.parse import quote

    pairs = [("title", "关于组织申报2090年“科创中国”系列榜单的通知"), ("deadline[local]", "2090年11月12日17:00"),
             ("quota[0][list]", "新锐企业榜"), ("quota[0][max]", "4"), ("body", "一、园区企业须在园区注册。\n二、材料报园区科技局。"),
             ("status", "1"), ("deadline[local]", "2090年11月19日17:00")]
    body = "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs)
    text = clean_text("POST /cms/save HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\n" + body + "\n").text
    assert "本地截止时间：2090年11月19日17:00" in text and "11月12日" not in text  # (the key given again: its later value)
    assert "一、园区企业须在园区注册。" in text.split("\n") and "榜单：新锐企业榜" in text and "POST" not in text
    b = "----WebKitFormBoundaryX1"
    multipart = (f"Content-Type: multipart/form-data; boundary={b}\n\n--{b}\nContent-Disposition: form-data; name=\"issuer\"\n\n某省科协\n"
                 f"--{b}\nContent-Disposition: form-data; name=\"deadline_local\"\n\n2090-11-20 17:00\n"
                 f"--{b}\nContent-Disposition: form-data; name=\"deadline_local_prev\"\n\n2090-11-15 17:00\n"
                 f"--{b}\nContent-Disposition: form-data; name=\"body\"\n\n<p>一、推荐名额</p><p>新锐企业榜每个设区市不超过3个。</p><p>二、时间安排</p>"
                 f"<p>各单位于11月20日前报送。</p><p>三、联系方式</p><p>省科协科技服务处。</p>\n"
                 f"--{b}\nContent-Disposition: form-data; name=\"file\"; filename=\"附件1.docx\"\nContent-Type: application/octet-stream\n\n(二进制内容)\n--{b}--\n")
    text = clean_text(multipart).text
    assert "发布机构：某省科协" in text and "2090-11-20 17:00" in text and "11-15" not in text and "二进制" not in text
    assert "新锐企业榜每个设区市不超过3个。" in text.split("\n")


def test_an_accessibility_tree_reads_as_the_page_without_its_chrome_and_a_deletion() -> None:
    tree = "\n".join([
        'RootWebArea "某市科协关于做好2090年榜单推荐工作的通知"', '  navigation "主导航"', '    link "首页" url=https://x.cn/',
        '  main', '    heading "三、时间安排" level=2', '    list', '      listitem', '        ListMarker "1."',
        '        StaticText "各区县科协于"', '        deletion', '          StaticText "2090年11月18日"', '        insertion',
        '          StaticText "2090年11月25日"', '        StaticText "前报送市科协。"', '    table "推荐名额"', '      row',
        '        columnheader "榜单"', '        columnheader "名额"', '      row', '        cell "新锐企业榜"', '        cell "不超过2个"',
        '  contentinfo', '    StaticText "版权所有"'])
    lines = clean_text(tree + "\n").text.split("\n")
    assert "1. 各区县科协于2090年11月25日前报送市科协。" in lines and "三、时间安排" in lines
    assert "新锐企业榜 | 不超过2个" in lines and not any("首页" in x or "版权所有" in x or "11月18日" in x for x in lines)


def test_an_xml_record_its_own_field_voids_is_not_read_nor_a_lone_flag() -> None:
    soap = ("<?xml version=\"1.0\"?>\n<Envelope><Body><Deadlines>"
            "<Deadline><Stage>会员材料提交学会</Stage><Due>2090年11月24日</Due><IsVoid>false</IsVoid></Deadline>"
            "<Deadline><Stage>会员材料提交学会（原定）</Stage><Due>2090年11月16日</Due><IsVoid>true</IsVoid></Deadline>"
            "</Deadlines></Body></Envelope>\n")
    text = clean_text(soap).text
    assert "2090年11月24日" in text and "11月16日" not in text and "false" not in text


def test_an_accessibility_trees_repeated_name_is_read_once() -> None:
    tree = "\n".join(['RootWebArea "某通知"', '  main', '    heading "三、时间安排" level=2', '      StaticText "三、时间安排"',
                      '    paragraph', '      StaticText "各单位于11月25日前报送。"'] + ['    paragraph', '      StaticText "说明。"'] * 4)
    lines = clean_text(tree + "\n").text.split("\n")
    assert "三、时间安排" in lines and "三、时间安排三、时间安排" not in lines and "某通知" in lines
