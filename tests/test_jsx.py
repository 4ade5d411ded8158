"""An MDX page read as it shows (ingest/jsx.py)."""

from assistant.ingest.jsx import is_jsx_page
from assistant.ingest.notices import clean_text, make_notice

PAGE = "\n".join([
    "import { Callout, Table } from '@/components'",
    "",
    "export const meta = {",
    "  issuer: '澄川大学科学技术研究院',",
    "  deadline: '2078年10月30日'",
    "}",
    "",
    "# 校内通知",
    "",
    "<Callout type=\"warning\">",
    "校内申报截止：~~2078年10月24日~~ {meta.deadline} 18:00前。",
    "</Callout>",
    "",
    "<Table rows={[",
    "  { list: '新锐企业榜', quota: '6家', note: '限学校持股企业' },",
    "  { list: '融通创新组织榜', quota: '3家' },",
    "]} />",
    "",
    "{/* 注释：初稿写的是5家，勿再引用 */}",
    "",
    "<Contacts items={[{ body: '成果转化办公室', name: '闵若川', tel: '0766-88231945' }]} />",
])


def test_the_pages_code_goes_and_its_values_stand_where_they_are_used() -> None:
    assert is_jsx_page(PAGE)
    text = clean_text(PAGE).text
    assert "import" not in text and "export" not in text and "<Callout" not in text and "{meta" not in text
    assert "校内申报截止：2078年10月30日18:00前" in text and "10月24日" not in text


def test_a_jsx_comment_is_never_shown() -> None:
    assert "5家" not in clean_text(PAGE).text


def test_a_components_data_reads_as_records_and_quotes_its_values() -> None:
    text = clean_text(PAGE).text
    assert "榜单：新锐企业榜，名额：6家，说明：限学校持股企业" in text
    assert "联系人：闵若川，电话：0766-88231945" in text
    quotas = [f for f in __import__("assistant.ingest.facts", fromlist=["x"]).extract_facts(make_notice("n.txt", PAGE))
              if type(f).__name__ == "QuotaFact"]
    assert any(f.quote == "新锐企业榜 | 6家 | 限学校持股企业" for f in quotas)  # (its values, each verbatim)


def test_markdown_with_a_tag_or_two_is_no_jsx_page() -> None:
    assert not is_jsx_page("# 通知\n\n<Callout>请于11月3日前报送</Callout>\n")
