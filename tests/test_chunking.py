"""Structure-aware chunks: heading paths, spans, never across a top-level section."""

from __future__ import annotations

from assistant.ingest.chunking import chunk_notice
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import normalize_for_match


def test_chunks_carry_heading_paths(notices) -> None:
    chunks = chunk_notice(notices["000"])
    contact = next(c for c in chunks if "郭天欢" in c.text)
    assert contact.path[0] == "五、工作联系"
    assert contact.path[-1] == "2. 先导技术榜（生物医药领域）"
    assert contact.year == 2023


def test_chunk_spans_point_at_the_original(notices) -> None:
    for notice in notices.values():
        for c in chunk_notice(notice):
            assert notice.text[c.start : c.end] == c.text
            # The original span, cleaned the same way (artifact repairs such as HTML check boxes).
            source = clean_text(notice.original[c.orig_start : c.orig_end]).text
            assert normalize_for_match(c.text) == normalize_for_match(source)


def test_never_across_a_top_level_section(notices) -> None:
    for notice in notices.values():
        for c in chunk_notice(notice):
            body = c.text.split("\n")[1:]
            assert not any(line[:2] in ("一、", "二、", "三、", "四、", "五、") for line in body), c.section


def test_ids_are_deterministic(notices) -> None:
    a = [c.id for c in chunk_notice(notices["002"])]
    b = [c.id for c in chunk_notice(notices["002"])]
    assert a == b and len(set(a)) == len(a)


def test_contact_block_not_split_from_its_header(notices) -> None:
    for c in chunk_notice(notices["003"]):
        if c.text.startswith("联系人") or c.text.startswith("联系方式"):
            raise AssertionError(f"chunk starts inside a contact block: {c.text[:30]}")


def test_attachment_forms_keep_their_title_in_the_path(notices) -> None:
    chunk = next(c for c in chunk_notice(notices["000"]) if "技术团队简介" in c.text)
    assert any("先导技术榜单 申报表" in p for p in chunk.path)


def test_a_word_outline_numbered_1_1_1_gives_the_heading_path() -> None:
    from assistant.ingest.notices import make_notice

    text = ("某学会2031年“科创中国”系列榜单推荐工作方案\n发布日期：2031年9月30日\n1总则\n1.1依据\n根据有关通知制定本方案。\n1.2适用范围\n"
            "1.2.1本方案适用于学会会员单位。\n2联系方式\n2.1会员部 柯启航：会员资格核验。电话010-62385422。\n"
            "2.2学会榜单工作邮箱：bangdan@example.org。\n")
    paths = [c.path for c in chunk_notice(make_notice("outline.txt", text))]
    assert ["1总则", "1.1依据"] in paths and ["1总则", "1.2适用范围"] in paths and ["2联系方式"] in paths
    assert not any("1.2.1本方案适用于学会会员单位。" in p for p in paths)  # a numbered sentence is body
    plain = make_notice("plain.txt", "关于开展榜单推荐的通知\n一、名额\n3项目负责人须在职。\n二、联系方式\n电话010-1\n")
    assert ["3项目负责人须在职。"] not in [c.path for c in chunk_notice(plain)]  # no outline, no decimal headings


def test_a_chunk_that_starts_inside_a_table_carries_the_table_s_header() -> None:
    from assistant.ingest.notices import make_notice

    header = "序号\t榜单\t领域\t内部截止\t联系人"
    rows = [f"{i}\t先导技术榜\t领域{i}\t2037年10月{i + 10}日17:00\t联系人{i}，这一格写得很长很长很长很长很长" for i in range(1, 30)]
    notice = make_notice("table.txt", "关于推荐工作的通知\n一、推荐安排\n" + "\n".join([header, *rows]) + "\n二、其他\n请按时报送。")
    tabled = [c for c in chunk_notice(notice) if "先导技术榜" in c.text]
    assert len(tabled) > 1
    assert tabled[0].table_header == ""  # its header is in its own text
    assert all(c.table_header == "序号 | 榜单 | 领域 | 内部截止 | 联系人" for c in tabled[1:])


def test_the_next_of_numbered_parts_is_a_part_however_long_its_prompt() -> None:
    from assistant.ingest.notices import make_notice

    text = ("附件1\n\n申报表\n\n一、申请人的实践经验（2000字以内）\n\n请写明经验。\n\n"
            "二、参与科技经济融合与技术交易促进相关工作情况，包括但不限于路演、试点城市与园区建设、科技服务团等（1000字以内）\n\n"
            "请写明参与情况。\n")
    paths = [c.path[-1] for c in chunk_notice(make_notice("form.txt", text))]
    assert any(p.startswith("二、参与科技经济融合") for p in paths)
