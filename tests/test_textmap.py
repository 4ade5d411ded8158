"""textmap: locating a cleaned quote again in the file it came from."""

from assistant.ingest.textmap import locate

ORIGINAL = "一、推荐名额\n每个单位推荐不超过 3 项。\n二、截止时间\n每个单位推荐不超过3项，11月20日截止。"


def test_locate_ignores_spaces_and_punctuation() -> None:
    span = locate(ORIGINAL, "每个单位推荐不超过3项")
    assert span is not None
    assert ORIGINAL[span[0]:span[1]] == "每个单位推荐不超过 3 项"


def test_locate_keeps_to_the_range_asked() -> None:
    second = ORIGINAL.index("二、")
    span = locate(ORIGINAL, "每个单位推荐不超过3项", start=second)
    assert span is not None and span[0] > second
    assert locate(ORIGINAL, "11月20日截止", end=second) is None
    # a quote that runs past the range's end is not inside it
    assert locate(ORIGINAL, "推荐名额每个", end=ORIGINAL.index("名额") + 1) is None


def test_locate_an_empty_quote_is_not_found() -> None:
    assert locate(ORIGINAL, "，。") is None


def test_a_merged_header_cell_is_read_over_every_column_it_spans() -> None:
    from assistant.ingest.textmap import spanned_header

    assert spanned_header(["项目", "先导技术榜", "", "", "新锐企业榜"]) == ["项目", "先导技术榜", "先导技术榜", "先导技术榜", "新锐企业榜"]
    assert spanned_header(["", "", "名额"]) == ["", "", "名额"]  # the label column and the first column are as written


def test_a_gathered_line_is_quoted_as_the_originals_own_runs() -> None:
    from assistant.ingest.textmap import MappedText

    original = "{ list: '新锐企业榜', quota: '6家' }"
    mt = MappedText.of(original)
    a, b = original.index("新锐"), original.index("6家")
    gathered = mt.rearranged(0, len(original), ["榜单：", (a, a + 5), "，名额：", (b, b + 2)])
    assert gathered.text == "榜单：新锐企业榜，名额：6家"
    assert gathered.source_pieces(original, 0, len(gathered.text)) == ["新锐企业榜", "6家"]
