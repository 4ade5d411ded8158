"""Fixed-width records read by the COBOL copybook printed above them (ingest/copybook.py)."""

from assistant.ingest.copybook import is_copybook_file, read_copybook
from assistant.ingest.notices import clean_text

PAD = "\u3000"


def _record(code: str, seq: str, status: str, name: str, *parts: tuple[str, int]) -> str:
    return code + seq + status + name.ljust(10, PAD) + "".join(p.ljust(w, PAD if not p.isascii() else " ") for p, w in parts)


COPYBOOK = "\n".join([
    "      * 澄江省传感学会 2078年“科创中国”系列榜单推荐 记录文件",
    "       01  NOTICE-REC.",
    "           05  REC-TYPE            PIC X(2).",
    "           05  REC-SEQ             PIC 9(3).",
    "           05  REC-STATUS          PIC X(1).",
    "      *        A=有效  D=已作废",
    "           05  ITEM-NAME           PIC X(10).",
    "           05  REC-DATA            PIC X(40).",
    "           05  DL-DATA REDEFINES REC-DATA.",
    "               10  DL-DATE         PIC X(16).",
    "               10  DL-NOTE         PIC X(24).",
    "           05  CT-DATA REDEFINES REC-DATA.",
    "               10  CT-NAME         PIC X(4).",
    "               10  CT-PHONE        PIC X(36).",
    _record("DL", "001", "D", "学会内部截止", ("2078年11月12日", 16), ("发学会邮箱", 24)),
    _record("DL", "002", "A", "学会内部截止", ("2078年11月17日", 16), ("发学会邮箱（更正）", 24)),
    _record("DL", "003", "A", "平台申报截止", ("2078年12月5日24时", 16), ("—", 24)),
    _record("CT", "004", "A", "会内咨询", ("闫书苇", 4), ("010-62915083", 36)),
])


def test_the_copybook_gives_the_records_fields_their_variants_and_the_void_status() -> None:
    layout = read_copybook(COPYBOOK)
    assert layout is not None and [f.width for f in layout.fields] == [2, 3, 1, 10, 40]
    assert layout.void == frozenset({"D"})
    assert [v.name for v in layout.variants] == ["DL-DATA", "CT-DATA"]
    assert is_copybook_file(COPYBOOK) and not is_copybook_file("05  REC-TYPE PIC X(2).\n普通的一段话")


def test_each_record_reads_as_its_fields_by_their_widths_and_a_void_record_goes() -> None:
    lines = clean_text(COPYBOOK).text.split("\n")
    assert "学会内部截止：2078年11月17日，发学会邮箱（更正）" in lines
    assert "平台申报截止：2078年12月5日24时" in lines  # ("—": an empty field)
    assert "会内咨询：闫书苇，010-62915083" in lines  # the CT variant's fields
    assert not any("11月12日" in line for line in lines)  # the record marked D
    assert not any("PIC" in line for line in lines)  # the schema is no part of the notice


def test_the_fields_keep_their_place_in_the_notice() -> None:
    mt = clean_text(COPYBOOK)
    at = mt.text.index("闫书苇")
    assert COPYBOOK[mt.offsets[at]:mt.offsets[at] + 3] == "闫书苇"


def test_a_line_of_prose_below_the_records_is_no_record() -> None:
    prose = "AI领域的申报单位请注意：人工智能方向的项目请在截止前与学会秘书处联系确认所属领域，并在材料中写明。"
    text = clean_text(COPYBOOK + "\n" + prose).text
    assert prose in text.split("\n")
