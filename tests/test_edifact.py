"""A notice sent as UN/EDIFACT segments (ingest/edifact.py)."""

from assistant.ingest.edifact import is_edifact
from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import clean_text, make_notice

MESSAGE = "\n".join([
    "UNA:+.? '",
    "UNB+UNOW:4+ABKX:ZZ+ABTZ:ZZ+20781009:0930+AB001'",
    "UNH+1+TZGG:D:78A:UN'",
    "BGM+通知+澄科协发〔2078〕9号+9'",
    "DTM+137:20781009:102'",
    "FTX+标题+++澄江市科协关于推荐2078年榜单的通知'",
    "FTX+园区+++澄江科技城（Chengjiang Int?'l Park）为试点园区，评选体系?:6?+1'",
    "LIN+1++融通创新组织榜'",
    "QTY+名额:5:个'",
    "STS+作废'",
    "LIN+2++融通创新组织榜'",
    "QTY+名额:3:个'",
    "FTX+本地条件+++须服务于本市科技城'",
    "STS+有效'",
    "DTM+本地截止:20781102:102'",
    "DTM+终评:207901:610'",
    "NAD+联系单位+++市科协科技服务部'",
    "CTA+IC+:仇嘉禾'",
    "COM+0662-38812075:TE'",
    "NAD+初评机构+++北京融创研究院'",
    "FTX+负责+++融通创新组织榜'",
    "CTA+IC+:甘露'",
    "COM+010-82617354:TE'",
    "COM+13691062583:TE'",
    "NAD+初评机构+++数智融合联合体'",
    "FTX+负责+++数智融合应用榜'",
    "CTA+IC+:邬婧'",
    "COM+wujing@szrh-union.cn:EM'",
    "FTX+说明+++其他榜单见原通知'",
    "UNT+24+1'",
    "UNZ+1+AB001'",
])


def test_segments_read_as_qualifier_and_value_the_envelope_gone() -> None:
    assert is_edifact(MESSAGE)
    text = clean_text(MESSAGE).text
    assert "UNB" not in text and "UNT" not in text and "+++" not in text
    assert "通知：澄科协发〔2078〕9号\n" in text  # (the function code "9" is no value)
    assert "本地截止：2078年11月2日" in text and "终评：2079年1月" in text and "发文日期：2078年10月9日" in text


def test_a_released_character_is_text_and_its_mark_is_not_shown() -> None:
    text = clean_text(MESSAGE).text
    assert "Chengjiang Int'l Park" in text and "评选体系:6+1" in text


def test_a_line_item_is_one_line_and_a_void_one_goes() -> None:
    text = clean_text(MESSAGE).text
    assert "融通创新组织榜：名额：3个；本地条件：须服务于本市科技城" in text
    assert "5个" not in text


def test_a_party_is_one_contact_record_and_free_text_after_it_is_the_messages() -> None:
    text = clean_text(MESSAGE).text
    assert "初评机构：北京融创研究院，负责：融通创新组织榜，联系人：甘露，电话：010-82617354，手机：13691062583" in text
    assert "\n说明：其他榜单见原通知" in text
    notice = make_notice("n.txt", MESSAGE)
    contacts = {f.value: f for f in extract_facts(notice) if type(f).__name__ == "ContactFact"}
    # (the record before it has no body label: the next record's body and duty are not its own)
    assert contacts["仇嘉禾"].lists == [] and contacts["仇嘉禾"].body != "北京融创研究院"
    assert contacts["甘露"].body == "北京融创研究院" and contacts["甘露"].lists == ["融通创新组织榜"]
    assert contacts["邬婧"].lists == ["数智融合应用榜"] and contacts["邬婧"].emails == ["wujing@szrh-union.cn"]


def test_prose_that_mentions_segments_is_not_a_message() -> None:
    assert not is_edifact("UNB 是报文头。请于11月2日前报送。\nLIN+1++先导技术榜'\n其余见附件。")
