"""A bilingual page kept as a gettext catalogue read as its published translation (assistant/ingest/gettext.py)."""

from assistant.ingest.gettext import is_po, po_text
from assistant.ingest.textmap import MappedText

PO = (
    '# Chinese translation of the notice page\nmsgid ""\nmsgstr ""\n"Project-Id-Version: p 1.0\\n"\n"Language: zh_CN\\n"\n\n'
    '#. Page title\n#: notice.html:3\nmsgid ""\n"Notice on the 2069 "\n"lists"\nmsgstr "岚高新区关于组织申报2069年榜单的通知"\n\n'
    '#: notice.html:5\nmsgid "Quota: 4 per field"\nmsgstr "先导技术榜每个领域推荐不超过4个"\n\n'
    '#, fuzzy\n#: notice.html:7\nmsgid "Submit by 20 November"\nmsgstr "企业须于11月18日前报送"\n\n'
    '#: notice.html:9\nmsgid "Submit by 20 November"\nmsgstr ""\n"企业须于11月20日前"\n"报送纸质材料"\n\n'
    '#: notice.html:11\nmsgid "Contact"\nmsgstr "联系人：温某，电话0663-8820516"\n\n'
    '#: notice.html:13\nmsgid "Untranslated"\nmsgstr ""\n'
)


def test_a_catalogue_reads_as_its_translations_without_sources_or_drafts() -> None:
    assert is_po(PO)
    lines = [line for line in po_text(MappedText.of(PO)).text.splitlines() if line.strip()]
    assert lines == ["岚高新区关于组织申报2069年榜单的通知", "先导技术榜每个领域推荐不超过4个",
                     "企业须于11月20日前报送纸质材料", "联系人：温某，电话0663-8820516"]  # the fuzzy entry's 11月18日 not read


def test_a_notice_quoting_msgid_once_is_no_catalogue() -> None:
    assert not is_po('各单位：\nmsgid "x"\nmsgstr "y"\n')
