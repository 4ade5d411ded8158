"""Keyed records (an INI file, a JSON Lines event stream) read as staff read them: each value led by
what its key path says, a contact record as a contact block, the latest value of a key in force."""

from __future__ import annotations

import json

from assistant.ingest.keyed import is_ini, is_json_lines, keyed_text, path_label
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText, normalize_for_match, verbatim

INI = "\n".join([
    "; 岭东市科协榜单推荐系统配置",
    "; 约定：文末 [override] 节的取值为现行有效值",
    "[notice]",
    "title = 岭东市科协关于推荐2071年“科创中国”榜单的通知",
    "issuer = 岭东市科学技术协会",
    "summary = 各单位先在市科协系统填报，",
    "    由市科协统一在平台提交。",
    "[quota.新锐企业榜]",
    "区县科协 = 每个区县科协不超过2家",
    "[deadline]",
    "city_submit = 2071年11月3日17:00",
    "; ↑ 各单位在市科协系统提交材料的截止时间",
    "[contact.秘书处]",
    "person = 沈望舒",
    "tel = 0733-61230000",
    "note = 名额与条件咨询",
    "[override]",
    "; 系统升级，截止顺延",
    "city_submit = 2071年11月6日17:00",
])


def test_an_ini_file_reads_as_labelled_lines_in_the_notices_words() -> None:
    assert is_ini(INI)
    lines = clean_text(INI).text.split("\n")
    assert "新锐企业榜区县科协名额：每个区县科协不超过2家" in lines
    assert "通知·摘要：各单位先在市科协系统填报，由市科协统一在平台提交。" in lines  # a value continued on an indented line
    assert "联系人：沈望舒" in lines and "电话：0733-61230000" in lines and "负责：名额与条件咨询" in lines
    assert "约定：文末 [override] 节的取值为现行有效值" in lines  # a remark is text, its marker gone
    # a remark pointing up is read with the value above it
    assert "市提交截止时间：2071年11月6日17:00（各单位在市科协系统提交材料的截止时间）" in lines
    assert not any(line.startswith("[") or line.startswith(";") for line in lines)


def test_an_override_section_puts_its_value_in_force_where_the_key_was_first_set() -> None:
    text = clean_text(INI).text
    assert "市提交截止时间：2071年11月6日17:00" in [line[:23] for line in text.split("\n")]
    assert "11月3日" not in text  # the value overridden shows nowhere
    # The value in force, shown in the first key's place, is still a quote of the file.
    assert verbatim("2071年11月6日17:00", normalize_for_match(INI))


def _event(kind: str, **fields: object) -> str:
    return json.dumps({"ts": "2071-10-09T09:00:00+08:00", "type": kind, **fields}, ensure_ascii=False)


EVENTS = "\n".join([
    _event("heartbeat", seq=1),
    _event("notice_created", title="岭东学会关于推荐2071年“科创中国”榜单的通知"),
    _event("field_set", path="deadline.member_submit", value="2071年11月2日17:00"),
    _event("paragraph", text="各会员单位请按时报送材料。"),
    _event("field_set", path="contact.secretariat.person", value="苗清和"),
    _event("field_set", path="contact.secretariat.mobile", value="13800000001"),
    _event("view_count", count=12),
    _event("field_changed", path="deadline.member_submit", old="2071年11月2日17:00", new="2071年11月5日17:00",
           reason="应会员要求顺延"),
    _event("retracted", path="contact.secretariat.mobile", value="13800000001", reason="号码有误"),
    _event("field_set", path="contact.secretariat.mobile", value="13800000002"),
])


def test_an_event_stream_reads_as_its_notice_with_every_change_made() -> None:
    assert is_json_lines(EVENTS) and not is_ini(EVENTS)
    lines = clean_text(EVENTS).text.split("\n")
    assert lines[0] == "标题：岭东学会关于推荐2071年“科创中国”榜单的通知"
    assert "会员提交截止时间：2071年11月5日17:00" in lines  # the changed value, where the key was first set
    assert "各会员单位请按时报送材料。" in lines
    text = "\n".join(lines)
    assert "秘书处联系方式\n联系人：苗清和\n手机：13800000002" in text  # the retracted number replaced in its block
    assert "13800000001" not in text and "11月2日" not in text  # withdrawn and old values show nowhere
    assert "heartbeat" not in text and "12" not in text.replace("2071", "")  # noise events set aside


def test_text_that_only_quotes_keys_is_not_read_as_keyed_records() -> None:
    prose = "\n".join(["一、名额", "先导技术榜 = 每个领域不超过2项（见附件）", "二、时间", "请于11月5日前报送。",
                       "三、联系方式", "联系人：王敏"])
    assert keyed_text(MappedText.of(prose)) is None
    assert not is_json_lines('{"a": 1}\n正文一行\n正文二行')


def test_key_paths_read_in_the_notices_words() -> None:
    assert path_label(("quota", "central", "先导技术榜")) == "中国科协先导技术榜名额"
    assert path_label(("notice", "title")) == "通知·标题"
    assert path_label(("lists", "list_1")) == "榜单·榜单1"


BIB = "\n".join([
    "% ---- 岭东学会榜单记录 ----",
    '@string{soc = "岭东学会"}',
    "@notice{n1, title = {关于推荐2071年榜单的通知}, issuer = soc # \"秘书处\"}",
    "@quota{q1, list = {先导技术榜}, limit = {每个领域不超过2个}}",
    "@deadline{d1,",
    "  stage = {会员向学会提交申报表},",
    "  date  = {2071年11月20日17:00}",
    "}",
    "@contact{c1, person = {岑雨川}, tel = {010-62710035}, list = {会员申报咨询}}",
    "@erratum{e1, field = {d1.date}, was = {2071年11月20日17:00}, now = {2071年11月26日17:00}}",
])


def test_bibtex_style_records_read_one_line_each_an_erratum_in_force() -> None:
    lines = clean_text(BIB).text.split("\n")
    assert "标题：关于推荐2071年榜单的通知，发布机构：岭东学会秘书处" in lines  # a macro said where it is used
    assert "榜单：先导技术榜，限额：每个领域不超过2个" in lines
    assert "阶段：会员向学会提交申报表，日期：2071年11月26日17:00" in lines  # the erratum's value, in its place
    assert "联系人：岑雨川" in lines and "电话：010-62710035" in lines and "负责：会员申报咨询" in lines
    assert "11月20日" not in "\n".join(lines) and not any(line.startswith(("@", "%")) for line in lines)


TOML = (
    "# 岚山大学科研院\n"
    'title = "岚山大学关于组织申报2070年榜单的通知"\n\n'
    "[notice]\n"
    'docno = "岚大科研字〔2070〕27号"\n'
    "# deadline = 2070-10-30\n"
    "deadline = 2070-11-06  # 校长办公会后调整\n"
    'renamed = { old = "融通创新组织榜", new = "融通创新平台榜" }\n'
    'lists = ["先导技术榜", "新锐企业榜"]\n\n'
    "[[quotas]]\n"
    'list = "先导技术榜"\n'
    'limit = "每个领域不超过4个"\n\n'
    "[[quotas]]\n"
    'list = "新锐企业榜"\n'
    'limit = "不超过6个"\n\n'
    "[conditions]\n"
    'text = """\n一、新锐企业榜：成立年限不超过8年。\n"""\n'
    "[[contacts]]\n"
    'person = { name = "鞠某", phone = "0538-6627315" }\n'
)


def test_a_toml_files_arrays_of_tables_inline_tables_and_comments() -> None:
    """Each [[quotas]] its own record (a later one replaces none), an inline table's fields in words, a
    value commented out not in force, a multi-line string's lines as text."""
    text = keyed_text(MappedText.of(TOML)).text  # type: ignore[union-attr]
    assert "先导技术榜" in text and "每个领域不超过4个" in text and "不超过6个" in text
    assert "2070-10-30" not in text and "2070-11-06（校长办公会后调整）" in text
    assert "原：融通创新组织榜，新设：融通创新平台榜" in text
    assert "先导技术榜、新锐企业榜" in text
    assert "一、新锐企业榜：成立年限不超过8年。" in text and '"""' not in text
    assert "联系人：鞠某，电话：0538-6627315" in text


PROPERTIES = "".join(f"central.quota.k{i}=名额{i}\n" for i in range(12)) + (
    "notice.local.deadline=2070年11月11日17:00前\n"
    "notice.local.email bangdan@example.cn\n"
    "notice.basis=根据中国科协通知，\\\n    学会现组织申报。\n"
    "! 更正：上一行日期有误\n"
    "notice.local.deadline=2070年11月18日17:00前\n"
)


def test_a_properties_file_later_key_in_force_and_continued_lines() -> None:
    from assistant.ingest.encodings import decoded

    escaped = PROPERTIES.encode("ascii", "backslashreplace").decode("ascii")  # native2ascii: \\uXXXX
    assert escaped.isascii() and decoded(escaped) == PROPERTIES
    text = keyed_text(MappedText.of(PROPERTIES)).text  # type: ignore[union-attr]
    assert "11月18日" in text and "11月11日" not in text
    assert "bangdan@example.cn" in text
    assert "根据中国科协通知，学会现组织申报。" in text and "\\" not in text


HCL = (
    "# 岚空学会 · 2071年榜单推荐工作配置\n"
    "notice {\n  title = \"关于组织推荐2071年榜单的通知\"\n  issuer = \"岚空学会\"\n}\n\n"
    "list \"xinrui\" {\n  name     = \"新锐企业榜\"\n  enabled  = true\n  quota    = 5   # 学会推荐不超过5家\n"
    "  deadline = \"2071年11月6日17:00\"   // 报学会秘书处\n}\n\n"
    "list \"rongtong\" {\n  name    = \"融通创新载体榜\"\n  enabled = false   # 学会不组织本榜单推荐\n  quota   = 0\n}\n\n"
    "conditions \"member\" {\n  text = <<EOT\n1. 申报单位须为本学会会员单位。\nEOT\n}\n\n"
    "materials = [\n  \"推荐汇总表（盖章PDF）\",\n  \"申报书Word版\",\n]\n\n"
    "override {\n  list \"xinrui\" {\n    quota = 3   # 学会推荐不超过3家\n  }\n}\n"
)


def test_braced_blocks_nest_and_an_override_block_puts_its_value_in_force() -> None:
    """HCL's labelled blocks as sections, flags in words, heredocs and one-item-a-line lists as text,
    and `override { list "xinrui" { quota = 3 } }` in force where the quota was first set, with its remark."""
    assert is_ini(HCL)
    text = keyed_text(MappedText.of(HCL)).text  # type: ignore[union-attr]
    assert "新锐企业榜·名额：3（学会推荐不超过3家）" in text and "不超过5家" not in text  # (the block's name, not its code)
    assert "启用：否（学会不组织本榜单推荐）" in text
    assert "2071年11月6日17:00（报学会秘书处）" in text and '"' not in text
    assert "1. 申报单位须为本学会会员单位。" in text and "EOT" not in text
    assert "推荐汇总表（盖章PDF）" in text and "申报书Word版" in text
    assert "{" not in text and "}" not in text


TEXTPROTO = (
    "# proto-message: Notice\n"
    'title: "岚大关于组织申报2072年榜单的校内通知"\n'
    "issuer {\n  name: \"岚大科研院\"\n}\n"
    'internal_deadline { year: 2072 month: 10 day: 30 text: "2072年10月30日17:00前" }\n'
    "# 修订：以下一条为准\n"
    'internal_deadline { year: 2072 month: 11 day: 4 text: "2072年11月4日17:00前" }\n'
    "list {\n  name: \"先导技术榜\"\n  status: ORGANISED\n  school_quota { value: 3 unit: \"项/领域\" }\n}\n"
    "list {\n  name: \"新锐企业榜\"\n  status: NOT_ORGANISED\n}\n"
)


def test_a_textproto_reads_its_colon_fields_one_line_messages_and_repeated_blocks() -> None:
    """Fields written "key: value" inside braces, a message on one line read in words, a block written again
    under one name each its own record (labelled by its own name field), a field set again later in force."""
    assert is_ini(TEXTPROTO)
    text = keyed_text(MappedText.of(TEXTPROTO)).text  # type: ignore[union-attr]
    assert "2072年11月4日17:00前" in text and "10月30日" not in text
    assert "先导技术榜" in text and "新锐企业榜" in text and "NOT_ORGANISED" in text
    assert "学院名额：3" in text or "名额：3" in text
    assert "岚大科研院" in text


JS_MODULE = """// 自动生成：页面数据，请勿手工修改
export const notice = {
  title: '关于组织申报2071年“科创中国”系列榜单的通知',
  issuer: '岭东大学科研院',
  lists: [
    {
      name: '先导技术榜',
      quota: 2,
      contact: { name: '甘若溪', dept: '成果转化办', tel: '0771-5890021' },
    },
    {
      name: '技术经理人先锋榜',
      /* 旧值（9月29日版）：quota: 1, note: '全校推荐不超过1人' */
      quota: 2,
      note: '全校推荐不超过2人',
      isNew: true, // 今年新设
    },
  ],
  attachments: [
    { name: '推荐汇总表.xlsx', url: '/u/fj2.xlsx' },
  ],
  schedule: {
    localDeadline: '2071年11月7日17:00',
  },
  body: `各学院：
请于2071年11月2日前将材料提交所在学院。`,
};

// 更正（10月9日）：学院汇总报送科研院的截止时间延后，以下赋值为准
notice.schedule.localDeadline = '2071年11月9日17:00'; // 更正
/* 旧值 notice.lists[0].contact = { name: '甘若希', tel: '0771-5890020' } */
export default notice;
"""


def test_a_programs_data_literal_reads_as_records_its_later_assignment_in_force() -> None:
    """A JavaScript module's `export const notice = {…}`: its blocks and lists of records (each headed by its
    name), values without quotes or commas, a template literal's lines as text; code in a remark (an old value)
    not read; a property assigned again after the literal in force where it was first set; the export gone."""
    assert is_ini(JS_MODULE)
    text = keyed_text(MappedText.of(JS_MODULE)).text  # type: ignore[union-attr]
    lines = text.split("\n")
    assert "先导技术榜" in lines and "技术经理人先锋榜" in lines  # (each record headed by its own name)
    assert "甘若溪，部门：成果转化办，电话：0771-5890021" in text.replace("联系方式：", "")
    assert "全校推荐不超过2人" in text and "全校推荐不超过1人" not in text and "甘若希" not in text
    assert "2071年11月9日17:00" in text.split("更正（10月9日）")[0] and "11月7日" not in text  # (in force where first set)
    assert "请于2071年11月2日前将材料提交所在学院。" in lines
    assert "export" not in text and "const" not in text and "'" not in text and "`" not in text
    assert any("推荐汇总表.xlsx" in line and "/u/fj2.xlsx" in line for line in lines)


PY_SETTINGS = '''# -*- coding: utf-8 -*-
"""岭东市科协门户网站：通知公告后台配置。"""

NOTICE = {
    "title": "岭东市科协关于转发2071年“科创中国”系列榜单通知的通知",
    "issuer": "岭东市科学技术协会",
    "show_on_homepage": True,
    "banner_image": None,  # 暂不配置
    "intro": (
        "根据中国科协办公厅通知要求，"
        "组织全市推荐工作。"
    ),
    "lists": [
        {"name": "新锐企业榜", "quota": 6, "district_quota": "每个区（县）限报3家"},
    ],
    "schedule": {
        # "local_deadline": "2071年11月3日",  # 旧
        "local_deadline": "2071年11月10日",
        "platform_deadline": "2071年12月5日24时",
    },
}

NOTICE["schedule"]["local_deadline"] = "2071年11月17日17:00"  # 更正，以此为准
'''


def test_a_python_modules_dict_literal_reads_like_a_programs_literal() -> None:
    """Keys written as strings, a parenthesised string over several lines, True/None, a commented-out old
    value, and a subscripted assignment after the dict in force where the key was first set."""
    assert is_ini(PY_SETTINGS)
    text = keyed_text(MappedText.of(PY_SETTINGS)).text  # type: ignore[union-attr]
    lines = text.split("\n")
    assert "根据中国科协办公厅通知要求，" in lines and "组织全市推荐工作。" in lines
    assert "通知·日程·本地截止时间：2071年11月17日17:00（更正，以此为准）" in lines[: lines.index("通知·日程·平台截止时间：2071年12月5日24时")]
    assert "11月3日" not in text and "11月10日" not in text and '"' not in text.split("通知·标题")[1]  # (the docstring keeps its own)
    assert any("每个区（县）限报3家" in line for line in lines)
    assert not is_ini('{\n' + ''.join(f'  "k{i}": "值{i}",\n' for i in range(8)) + '  "end": 1\n}\n')  # (JSON assigns no name)


def test_json_lines_records_void_ones_dropped_short_ones_on_a_line_contacts_and_counts_shown() -> None:
    rows = [
        {"kind": "deadline", "stage": "会员材料报送学会", "at": "2090年11月5日17:00", "deleted": True},
        {"kind": "deadline", "stage": "会员材料报送学会", "at": "2090年11月15日17:00"},
        {"kind": "quota", "list": "先导技术榜", "scope": "学会推荐", "max": 2, "unit": "项"},
        {"kind": "contact", "role": "秘书处", "name": "韩昱", "tel": "010-88437261", "email": "kjfw@example.cn"},
        {"kind": "section", "heading": "一、说明", "body": "本通知说明学会内部的组织方式。"},
    ]
    text = keyed_text(MappedText.of("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")).text  # type: ignore[union-attr]
    assert "11月5日" not in text  # ("deleted": true: out of force)
    assert "阶段：会员材料报送学会，2090年11月15日17:00" in text  # (a short record on one line)
    assert "上限：2项" in text  # (a count said with its measure)
    assert "联系人：韩昱，电话：010-88437261，邮箱：kjfw@example.cn" in text
