"""A notice exported as XML data read as what it tells (ingest/xmldata.py)."""

from __future__ import annotations

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.textmap import MappedText
from assistant.ingest.xmldata import xml_text
from assistant.model import ContactFact, QuotaFact

from .conftest import source_of

EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<!-- 导出自：某省科协门户 | 操作员：admin -->
<notice id="QS-2041-0007" status="published">
  <title>青山省科学技术协会关于组织推荐2041年“科创中国”系列榜单的通知</title>
  <docNo>青科协函〔2041〕12号</docNo>
  <body><![CDATA[
各设区市科协：
现组织推荐2041年“科创中国”系列榜单，有关事项如下。
]]></body>
  <quotas>
    <quota list="先导技术榜" field="每个领域" scope="省科协向中国科协推荐">不超过4个</quota>
    <quota list="新锐企业榜" scope="各设区市科协向省科协报送">每市不超过3家</quota>
  </quotas>
  <platform name="“科创中国”平台" url="bangdan.kczg.cloud" size="3KB"/>
  <contacts>
    <contact role="省科协业务咨询">
      <org>青山省科协科技服务处</org>
      <name>阮清</name>
      <tel>0899-65320001</tel>
      <email>kjfw&amp;qs@qskx.org.cn</email>
    </contact>
  </contacts>
</notice>
"""


def test_each_element_is_a_line_led_by_what_its_attributes_say() -> None:
    lines = clean_text(EXPORT).text.split("\n")
    assert "先导技术榜 每个领域 省科协向中国科协推荐：不超过4个" in lines
    assert "新锐企业榜 各设区市科协向省科协报送：每市不超过3家" in lines
    assert "文号：青科协函〔2041〕12号" in lines
    assert "各设区市科协：" in lines  # the body's own lines


def test_a_record_of_fields_is_one_line_in_the_notices_words() -> None:
    lines = clean_text(EXPORT).text.split("\n")
    assert "省科协业务咨询：单位：青山省科协科技服务处，联系人：阮清，电话：0899-65320001，邮箱：kjfw&qs@qskx.org.cn" in lines


def test_what_only_the_system_keeps_is_not_shown() -> None:
    text = clean_text(EXPORT).text
    assert "<" not in text and "CDATA" not in text and "操作员" not in text
    assert "QS-2041-0007" not in text and "3KB" not in text and "bangdan.kczg.cloud" in text


def test_every_value_maps_back_to_the_export() -> None:
    mt = clean_text(EXPORT)
    assert source_of(mt, EXPORT, "每市不超过3家") == "每市不超过3家"
    assert source_of(mt, EXPORT, "0899-65320001") == "0899-65320001"


def test_text_that_is_no_xml_export_is_left_alone() -> None:
    plain = "<p>一段网页</p>"
    assert xml_text(MappedText.of(plain), page_break=False).text == plain


def test_an_exports_quotas_and_contacts_are_facts() -> None:
    facts = extract_facts(make_notice("xml", EXPORT))
    quotas = {(tuple(f.list_keys), f.number) for f in facts if isinstance(f, QuotaFact)}
    assert (("先导技术榜",), 4) in quotas and (("新锐企业榜",), 3) in quotas
    assert any(isinstance(f, ContactFact) and "阮清" in f.persons and "0899-65320001" in f.phones for f in facts)


def test_an_export_nested_beyond_any_record_is_read_without_failing() -> None:
    deep = '<?xml version="1.0"?>' + "<a>" * 5000 + "2041年科创中国榜单通知" + "</a>" * 5000
    assert "2041年科创中国榜单通知" in clean_text(deep).text
