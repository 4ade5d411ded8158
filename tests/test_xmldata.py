"""A notice exported as XML data read as what it tells (ingest/xmldata.py)."""

from __future__ import annotations

import re

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.textmap import MappedText, verbatim
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


OUTLINE = ('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>岚山学会关于组织申报2069年榜单的通知</title>'
           '<dateCreated>Wed, 02 Oct 2069 09:15:00 +0800</dateCreated><ownerName>秘书处</ownerName></head><body>\n'
           '<outline text="五、联系方式">\n'
           '  <outline text="先导技术榜（装备制造领域）" _note="初评机构：某某协同体">\n'
           '    <outline text="联系人：蒋某" _note="联系方式：010-68470000"/>\n'
           '  </outline>\n</outline></body></opml>\n')


def test_a_containers_attributes_head_what_it_holds() -> None:
    """An outline's <outline text="…"> over its items: its text a line above theirs, not dropped."""
    lines = [line for line in xml_text(MappedText.of(OUTLINE), page_break=False).text.splitlines() if line.strip()]
    field = next(i for i, line in enumerate(lines) if "装备制造领域" in line)
    assert "初评机构：某某协同体" in lines[field]
    assert "蒋某" in lines[field + 1]
    assert "五、联系方式" in lines


def test_a_header_record_is_a_line_per_field_not_one_line() -> None:
    """An outline's <head>: its title a line of its own (the notice's title), not run into its dates."""
    lines = xml_text(MappedText.of(OUTLINE), page_break=False).text.splitlines()
    assert "标题：岚山学会关于组织申报2069年榜单的通知" in lines


WORD_2003 = ('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument><w:body>\n'
             '<w:p><w:r><w:t>各学院于</w:t></w:r><w:del w:author="a"><w:r><w:delText>11月5日</w:delText></w:r></w:del>'
             '<w:ins w:author="a"><w:r><w:t>11月7日</w:t></w:r></w:ins><w:r><w:t>前报送。</w:t></w:r></w:p>\n'
             '<w:p><w:r><w:rPr><w:strike/></w:rPr><w:t>10月30日</w:t></w:r><w:r><w:t>11月2日截止</w:t></w:r></w:p>\n'
             '</w:body></w:wordDocument>\n')
SVG = ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="2" text-decoration="line-through">11月1日</text>'
       '<text x="40" y="2">11月9日截止</text></svg>\n')


def test_text_marked_as_taken_out_is_not_read() -> None:
    """A tracked deletion, a struck run, a line-through text: gone; what replaces it stays."""
    word = xml_text(MappedText.of(WORD_2003), page_break=False).text
    assert "11月7日" in word and "11月5日" not in word
    assert "11月2日截止" in word and "10月30日" not in word
    svg = xml_text(MappedText.of(SVG), page_break=False).text
    assert "11月9日截止" in svg and "11月1日" not in svg


PLIST = ('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>\n'
         '<key>NoticeTitle</key><string>岚岛研究院关于组织申报2070年榜单的通知</string>\n'
         '<key>Deadline</key><dict><key>Current</key><string>2070年11月12日17:00前</string>'
         '<key>PreviousSuperseded</key><string>2070年11月5日17:00前</string></dict>\n'
         '<key>Fields</key><array><string>空天海洋</string><string>先进材料</string></array>\n'
         '<key>Organised</key><true/>\n</dict></plist>\n')


def test_a_property_list_reads_as_keys_and_values_in_words() -> None:
    """<key>…</key> then its value on one line, a superseded key's value not shown, a flag 是/否."""
    lines = [line for line in xml_text(MappedText.of(PLIST), page_break=False).text.splitlines() if line.strip()]
    assert "通知标题：岚岛研究院关于组织申报2070年榜单的通知" in lines
    assert "Current：2070年11月12日17:00前" in lines and not any("11月5日" in line for line in lines)
    assert "领域：空天海洋、先进材料" in lines
    assert any(line.endswith("：是") for line in lines)


GRID = ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><g>\n'
        '<text x="80" y="798">榜单</text><text x="400" y="798">市州科协</text>\n<line x1="60" y1="815" x2="1020" y2="815"/>\n'
        '<text x="80" y="850">新锐企业榜</text><text x="400" y="850.5">5个</text>\n'
        '<text x="80" y="900">注：不占名额</text>\n</g></svg>\n')


def test_texts_placed_on_one_row_are_one_line_of_cells() -> None:
    """A grid of <text x y> boxes (an SVG's table, a PDF export's): each row one line, split by " | "."""
    lines = [line for line in xml_text(MappedText.of(GRID), page_break=False).text.splitlines() if line.strip()]
    assert lines == ["榜单 | 市州科协", "新锐企业榜 | 5个", "注：不占名额"]


XLIFF = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh-CN"><body>\n'
         '<trans-unit id="1"><source>Submit by 2 November</source><target state="needs-review-translation">11月2日前报送</target></trans-unit>\n'
         '<trans-unit id="2"><source>Submit by 11 November</source><target state="final">11月11日前报送</target></trans-unit>\n'
         '</body></file></xliff>\n')
TMX = ('<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>Quota 4</seg></tuv>'
       '<tuv xml:lang="zh-CN"><seg>名额4个</seg></tuv></tu></body></tmx>\n')
ODF = ('<?xml version="1.0"?>\n<office:document><office:body><office:text><text:tracked-changes><text:changed-region text:id="c1">'
       '<text:deletion><office:change-info><dc:creator>郗某</dc:creator></office:change-info><text:p>11月3日</text:p></text:deletion>'
       '</text:changed-region></text:tracked-changes>\n<text:p>请于<text:change text:change-id="c1"/>11月5日前报送。</text:p>'
       '</office:text></office:body></office:document>\n')


def test_a_translation_units_chinese_is_read_not_its_source_or_a_draft() -> None:
    xliff = xml_text(MappedText.of(XLIFF), page_break=False).text
    assert "11月11日前报送" in xliff and "11月2日" not in xliff and "Submit" not in xliff
    tmx = xml_text(MappedText.of(TMX), page_break=False).text
    assert "名额4个" in tmx and "Quota" not in tmx


def test_an_odf_change_logs_deleted_text_is_not_read() -> None:
    text = xml_text(MappedText.of(ODF), page_break=False).text
    assert "请于11月5日前报送。" in text and "11月3日" not in text and "郗某" not in text


ALTO = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="P1" WIDTH="2480" HEIGHT="3508"><PrintSpace>
<TextBlock ID="B1" HPOS="210" VPOS="300">
<TextLine HPOS="210" VPOS="300" HEIGHT="48"><String CONTENT="新锐企业榜：" HPOS="210" VPOS="300" WIDTH="300" HEIGHT="48"/><SP/><String CONTENT="成立不超过8" HPOS="524" VPOS="300" WIDTH="260" HEIGHT="48"/></TextLine>
<TextLine HPOS="210" VPOS="358" HEIGHT="48"><String CONTENT="年（以2041年反推）。" HPOS="210" VPOS="358" WIDTH="400" HEIGHT="48"/></TextLine>
</TextBlock>
<TextBlock ID="B2" HPOS="210" VPOS="500">
<TextLine HPOS="210" VPOS="500" HEIGHT="48"><String CONTENT="榜单" HPOS="210" VPOS="500" WIDTH="104" HEIGHT="48"/><String CONTENT="园区名额" HPOS="1150" VPOS="500" WIDTH="208" HEIGHT="48"/></TextLine>
<TextLine HPOS="210" VPOS="570" HEIGHT="48"><String CONTENT="新锐企业榜" HPOS="210" VPOS="570" WIDTH="260" HEIGHT="48"/><String CONTENT="4个" HPOS="1150" VPOS="570" WIDTH="104" HEIGHT="48"/></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>
"""


def test_an_ocr_engines_alto_xml_reads_as_its_lines_words_joined_cells_apart() -> None:
    """ALTO: the text is in each <String CONTENT="…"/> (figures too); a space the OCR set between Chinese
    words is none; a paragraph's line wrapped on the page is one line again; words far apart on one line
    with no space between them are a table's cells."""
    lines = clean_text(ALTO).text.split("\n")
    assert "新锐企业榜：成立不超过8年（以2041年反推）。" in lines
    assert "榜单 | 园区名额" in lines and "新锐企业榜 | 4个" in lines


SLIDES = "\n".join([
    "<!-- ppt/slides/slide1.xml -->",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<p:sld xmlns:a="a" xmlns:p="p"><p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/>',
    '<a:p><a:r><a:rPr lang="zh-CN"/><a:t>各市州科协于2075年1</a:t></a:r><a:r><a:rPr lang="zh-CN"/><a:t>1月6日前</a:t></a:r>'
    '<a:r><a:t>将推荐汇</a:t></a:r><a:r><a:t>总表报省科协科技创</a:t></a:r><a:r><a:t>新服务部</a:t></a:r></a:p>',
    '<a:p><a:r><a:t>联系人：祁蔓</a:t></a:r><a:br/><a:r><a:t>电话0874-3316208</a:t></a:r></a:p>',
    '<a:off x="628650" y="1825625"/><a:ext cx="7886700" cy="2966720"/>',
    "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>",
    "<!-- ppt/notesSlides/notesSlide1.xml -->",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<p:notes xmlns:a="a" xmlns:p="p"><p:txBody><a:p><a:r><a:t>截止时间调整为</a:t></a:r><a:r><a:t>11月13日</a:t></a:r></a:p></p:txBody></p:notes>',
])


def test_slides_exported_one_after_another_read_as_their_paragraphs_runs_joined() -> None:
    lines = [line for line in clean_text(SLIDES).text.split("\n") if line.strip()]
    assert "各市州科协于2075年11月6日前将推荐汇总表报省科协科技创新服务部" in lines  # runs split mid-word, one line again
    assert "截止时间调整为11月13日" in lines  # a second document after the first, after its own comment
    assert "联系人：祁蔓" in lines and "电话0874-3316208" in lines  # a run's break is a line's
    assert not any(re.fullmatch(r"[\d ]+", line) for line in lines)  # a shape's size in EMUs is no phone


def test_a_paragraph_quoted_across_its_runs_is_verbatim() -> None:
    notice = make_notice("slides.txt", SLIDES)
    assert verbatim("各市州科协于2075年11月6日前将推荐汇总表报省科协科技创新服务部", notice.normalized)  # five runs
    assert not verbatim("各市州科协于2075年11月9日前将推荐汇总表报省科协科技创新服务部", notice.normalized)


def test_ocr_lines_in_a_paragraph_stay_lines() -> None:
    # (Runs follow one another in the source; an OCR's lines, each a span of one word, are set on lines of their own.)
    page = "\n".join([
        '<?xml version="1.0"?>',
        "<doc><block>",
        "  <span class='ocr_line'><span class='ocrx_word'>一、榜单设置</span></span>",
        "  <span class='ocr_line'><span class='ocrx_word'>今年设五类榜单</span></span>",
        "</block></doc>",
    ])
    lines = [line.strip() for line in xml_text(MappedText.of(page), page_break=False).text.split("\n") if line.strip()]
    assert lines == ["一、榜单设置", "今年设五类榜单"]


ODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:spreadsheet><table:table table:name="名额">
<table:table-row><table:table-cell office:value-type="string"><text:p>榜单</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>每个设区市科协</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>新锐企业榜</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/>
<table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def test_an_opendocument_sheets_rows_are_lines_of_cells_in_their_columns() -> None:
    text = clean_text(ODS).text
    assert "榜单 | | | 每个设区市科协" in text  # (two empty cells: their columns kept)
    assert "新锐企业榜 | | | 2" in text


OFD_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">
<ofd:TextObject ID="10" Boundary="20 40 20 5"><ofd:TextCode X="0" Y="4">榜单</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="11" Boundary="60 40 30 5"><ofd:TextCode X="0" Y="4">区（县）科协</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="12" Boundary="20 47 20 5"><ofd:TextCode X="0" Y="4">新锐企业榜</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="13" Boundary="60 47 30 5"><ofd:TextCode X="0" Y="4">4家</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"""


def test_an_ofd_pages_text_objects_on_one_height_are_a_tables_row() -> None:
    text = clean_text(OFD_PAGE).text
    assert "榜单 | 区（县）科协" in text
    assert "新锐企业榜 | 4家" in text
