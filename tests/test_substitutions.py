"""Values defined once and referred to by name (ingest/substitutions.py)."""

from __future__ import annotations

from assistant.ingest.notices import clean_text

RST = "\n".join([
    "关于组织推荐2074年“科创中国”系列榜单的通知",
    "=========================================",
    "省内报送截止时间为 |local_deadline| ，逾期不再受理。",
    "联系人：|contact_name| ，电话 |contact_phone| 。",
    "",
    ".. |contact_name| replace:: 聂远舟",
    ".. |contact_phone| replace:: 0518-85326174",
    ".. |local_deadline| replace:: 2074年11月8日17:00",
    ".. 注：以下一条为更正后的值，以此为准",
    ".. |local_deadline| replace:: 2074年11月14日17:00",
])


def test_a_reference_reads_as_the_value_its_last_definition_gives() -> None:
    text = clean_text(RST).text
    assert "省内报送截止时间为 2074年11月14日17:00 ，逾期不再受理。" in text or "省内报送截止时间为2074年11月14日17:00，逾期不再受理。" in text
    assert "聂远舟" in text and "0518-85326174" in text
    assert "11月8日" not in text  # the definition a later one replaces
    assert "|local_deadline|" not in text


LIQUID = "\n".join([
    "---",
    "layout: notice",
    'title: "澜川省科协关于组织推荐2077年“科创中国”系列榜单的通知"',
    'deadline_local: "2077年11月19日17:00"',
    "---",
    '{% assign paper_deadline = "2077年11月23日" %}',
    "1. 省内报送：请于{{ page.deadline_local }}前报送省科协。",
    "2. 纸质推荐函请于{{ paper_deadline }}前寄达省科协。",
    "{% comment %}更正，以此为准{% endcomment %}",
    '{% assign paper_deadline = "2077年11月26日" %}',
])

TYPST = "\n".join([
    '#set text(font: ("FangSong", "SimSun"), size: 12pt, lang: "zh")',
    '#let deadline = "2077年11月16日17:00"',
    '#let platform = "bangdan.example.cn"',
    "= 青川市科协关于组织申报2077年“科创中国”系列榜单的通知",
    "- 市内报送：请于#strike[2077年11月12日] #deadline 前报送市科协；",
    "- 平台申报：登录平台（#platform）完成填报。",
])


def test_a_liquid_pages_variables_and_front_matter_read_as_their_values_in_force() -> None:
    text = clean_text(LIQUID).text
    assert "请于2077年11月19日17:00前报送省科协" in text  # {{ page.deadline_local }}: the front matter's value
    assert "纸质推荐函请于2077年11月26日前寄达省科协" in text  # the later assignment corrects the earlier
    assert "11月23日" not in text and "{{" not in text


def test_a_typst_documents_variables_read_as_their_values_and_a_struck_date_goes() -> None:
    text = clean_text(TYPST).text
    assert "市内报送：请于2077年11月16日17:00前报送市科协" in text
    assert "bangdan.example.cn" in text and "11月12日" not in text


def test_textiles_struck_text_goes_but_never_a_phones_or_a_dates_hyphens() -> None:
    text = clean_text("h1. 东湖大学申报指南\n\nh2. 时间节点\n\n* 校内材料提交截止 -2077年11月8日- 2077年11月10日\n"
                      "* 联系电话 010-6835-0927，2077-10-16 更新\n").text
    assert "11月8日" not in text and "2077年11月10日" in text
    assert "010-6835-0927" in text and "2077-10-16" in text
    assert "-截止前-" in clean_text("报名 -截止前- 完成").text  # (not a Textile page: its hyphens are its own)


def test_any_templates_values_are_read_where_written_in_and_its_comments_never_shown() -> None:
    from assistant.ingest.notices import clean_text

    jinja = ('{% set deadline = "2078年11月3日17:00" %}\n{% set contact = "伍可心 010-61873302" %}\n'
             "{# 旧值：截止10月27日，已作废 #}\n<p>会员材料请于{{ deadline }}前报送。</p>\n<p>联系人：{{ contact }}。</p>\n")
    text = clean_text(jinja).text
    assert "请于2078年11月3日17:00前报送" in text and "{{" not in text and "10月27日" not in text
    erb = '<% deadline = "2078年11月3日" %>\n<% phone = "010-61873302" %>\n请于<%= deadline %>前报送，电话<%= phone %>。\n<%# 初稿：10月27日 %>\n'
    text = clean_text(erb).text
    assert "请于2078年11月3日前报送，电话010-61873302。" in text and "10月27日" not in text
    # A name no definition gives stays as written.
    assert "{{ other }}" in clean_text('{% set a = "2078年" %}{% set b = "3家" %}\n见{{ other }}。').text


def test_a_looped_element_shows_once_for_each_record_of_its_array() -> None:
    from assistant.ingest.notices import clean_text

    page = ("<view class=\"table\">\n  <view class=\"row\"><text>榜单</text><text>上限</text></view>\n"
            "  <view class=\"row\" wx:for=\"{{quotas}}\" wx:key=\"list\">\n    <text>{{item.list}}</text>\n    <text>{{item.max}}</text>\n  </view>\n"
            "</view>\n<view><text>截止：{{deadline}}</text></view>\n<view><text>说明</text></view>\n<view><text>其他</text></view>\n"
            "<view><text>附件</text></view>\n<view><text>结束</text></view>\n"
            "Page({ data: { deadline: '2079年11月24日17:00', platform: 'bang.kczg79.cn',\n"
            "  quotas: [{ list: '先导技术榜', max: '每个领域4个' }, { list: '新锐企业榜', max: '6个' }] } })\n")
    text = clean_text(page).text
    assert "先导技术榜 | 每个领域4个" in text and "新锐企业榜 | 6个" in text and "{{item" not in text
    assert "截止：2079年11月24日17:00" in text
    # A key of many records ("list") names no single value.
    assert "截止：新锐企业榜" not in text


def test_thousands_of_loops_or_leading_spaces_read_in_linear_time() -> None:
    import time

    from assistant.ingest.notices import clean_text

    for text in ('<view wx:for="{{a}}">' * 3000, " " * 40_000 + "// ===== a.wxml =====\n通知"):
        started = time.perf_counter()
        clean_text(text)
        assert time.perf_counter() - started < 2.0
