"""A Pug template read as the page it renders (ingest/pug.py)."""

from assistant.ingest.notices import clean_text
from assistant.ingest.pug import is_pug

TEMPLATE = "\n".join([
    "//- 通知页面模板",
    '- var deadline = "2078年10月29日"',
    "- var contacts = [{name: '栾博文', dept: '科技发展处', tel: '0472-6390518'}, {name: '帅语桐', dept: '成果转化中心', tel: '0472-6390533'}]",
    "doctype html",
    'html(lang="zh-CN")',
    "  head",
    "    title 不显示的标题",
    "  body",
    "    h1 院内通知",
    "    p",
    "      | 院内申报截止：",
    "      del 2078年10月24日",
    "      |  #{deadline} 17:00前报送。",
    "    //- 旧值：绿色低碳领域2项",
    "    table",
    "      thead",
    "        tr",
    "          th 榜单",
    "          th 领域",
    "          th 名额",
    "      tbody",
    "        tr",
    '          td(rowspan="2") 先导技术榜',
    "          td 先进材料",
    "          td 4项",
    "        tr",
    "          td 绿色低碳",
    "          td 3项",
    "    table",
    "      tbody",
    "        each c in contacts",
    "          tr",
    "            td= c.dept",
    "            td= c.name",
    "            td= c.tel",
    "    ul",
    "      li 组织征集：2078年9月26日",
    '      li: a(href="https://x.cn") 申报平台',
])


def test_the_template_reads_as_its_page() -> None:
    assert is_pug(TEMPLATE)
    text = clean_text(TEMPLATE).text
    assert "院内申报截止：2078年10月29日17:00前报送。" in text
    assert "10月24日" not in text and "不显示的标题" not in text and "旧值" not in text and "2项" not in text
    assert "组织征集：2078年9月26日" in text and "申报平台" in text  # ("li: a …": a tag's child on its line)


def test_a_cell_spanning_rows_shows_in_each_and_a_loop_renders_each_item() -> None:
    text = clean_text(TEMPLATE).text
    assert "先导技术榜 | 先进材料 | 4项" in text and "先导技术榜 | 绿色低碳 | 3项" in text
    assert "科技发展处 | 栾博文 | 0472-6390518" in text and "成果转化中心 | 帅语桐 | 0472-6390533" in text


def test_html_or_markdown_is_no_template() -> None:
    assert not is_pug("<html>\n<body>\n<p>通知</p>\n</body>\n</html>")
    assert not is_pug("# 通知\n\n- 截止：11月3日\n")
