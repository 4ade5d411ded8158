"""A Windows registry export holding a notice (ingest/regfile.py)."""

from assistant.ingest.notices import clean_text
from assistant.ingest.regfile import is_reg_export

REG = "\n".join([
    "Windows Registry Editor Version 5.00",
    "",
    "; 澄湖市科协 自助查询终端配置导出",
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\ChenghuKexie\\Kiosk\\Notice2078\\Schedule]",
    '"区县预推荐截止"="2078年11月18日17:00"',
    '"平台申报截止"="2078年12月5日24时"',
    "",
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\ChenghuKexie\\Kiosk\\Notice2078\\Contacts\\1]",
    '"姓名"="雷蔚"',
    '"手机"="13959810274"',
    '"Count"=dword:0000000c',
    "",
    "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\ChenghuKexie\\Kiosk\\Notice2078\\OldContact]",
    '"姓名"="卢少"',
    "",
    "; 以Override键为准",
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\ChenghuKexie\\Kiosk\\Notice2078\\Override]",
    '"区县预推荐截止"="2078年11月25日17:00"',
    '"Contacts1_手机"="13959810725"',
])


def test_a_registry_export_is_told_by_its_header() -> None:
    assert is_reg_export(REG) and not is_reg_export("[section]\nkey=value\n")


def test_its_values_read_as_lines_under_their_keys_an_override_in_force_a_deleted_key_gone() -> None:
    lines = clean_text(REG).text.split("\n")
    assert "区县预推荐截止：2078年11月25日17:00" in lines and "平台申报截止：2078年12月5日24时" in lines
    assert "手机：13959810725" in lines  # Contacts1_手机: the key's path and the value's name
    assert not any("11月18日" in line or "13959810274" in line for line in lines)
    assert not any("卢少" in line for line in lines)  # the deleted key's values
    assert "Count：12" in lines  # a dword as its number
    assert not any("HKEY_" in line for line in lines)


def test_escapes_read_as_their_characters_and_a_binary_value_goes_with_its_continued_lines() -> None:
    reg = REG.replace('"平台申报截止"="2078年12月5日24时"', '"平台申报截止"="2078年12月5日24时"\n'
                      '"附件路径"="C:\\\\通知\\\\附件1.docx"\n"Blob"=hex(2):43,00,3a,00,\\\n  5c,00,00,00\n"备注"="见\\"附件\\""')
    lines = clean_text(reg).text.split("\n")
    assert "附件路径：C:\\通知\\附件1.docx" in lines and '备注：见"附件"' in lines
    assert not any("5c,00" in line or "Blob" in line for line in lines)
