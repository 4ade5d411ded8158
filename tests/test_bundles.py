"""ingest/bundles.py: a digest's, a newsletter's or a work plan's items about something else set aside."""

from __future__ import annotations

from assistant.ingest.bundles import set_aside_other_items
from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import make_notice
from assistant.ingest.textmap import MappedText
from assistant.model import ContactFact, DeadlineFact

DIGEST = """某某大学科研院
科研项目信息周报
2031年第12期
本期共3条信息。

信息一　2032年度联合基金项目申报
校内截止：2031年10月24日17:00前在系统提交申请书。
联系人：基础研究科 陆一鸣0591-8512261。

信息二　2031年“科创中国”系列榜单征集遴选
第一步，2031年11月7日17:00前在科研管理系统提交申报书。
校内联系人：成果转化办公室 汤明远0591-8512347。

信息三　横向项目年终结算提醒
请于2031年12月10日前完成结算，咨询财务处 林若水0591-8512399。
"""


def _kept(text: str) -> str:
    return set_aside_other_items(MappedText.of(text)).text


def test_a_digests_items_about_other_calls_are_set_aside() -> None:
    kept = _kept(DIGEST)
    assert "11月7日" in kept and "汤明远" in kept
    assert "10月24日" not in kept and "陆一鸣" not in kept and "12月10日" not in kept
    assert "科研项目信息周报" in kept  # the masthead is the notice's own


def test_what_is_set_aside_yields_no_facts_and_stays_in_the_original() -> None:
    notice = make_notice("digest.txt", DIGEST)
    facts = extract_facts(notice)
    phones = {p for f in facts if isinstance(f, ContactFact) for p in f.phones}
    dates = {f.date for f in facts if isinstance(f, DeadlineFact)}
    assert "0591-8512347" in phones and "0591-8512261" not in phones
    assert "2031-11-07" in dates and "2031-10-24" not in dates
    assert "陆一鸣" in notice.original


def test_a_notice_about_the_lists_keeps_every_section() -> None:
    """Sections that do not name a list ("三、时间安排") are part of a notice whose title names the series."""
    notice = """关于组织推荐2031年“科创中国”系列榜单的通知
一、推荐范围
先导技术榜、新锐企业榜。
二、材料要求
材料一式两份。
三、时间安排
请于2031年11月7日前报送。
四、联系方式
办公室 王敏 0591-1234567。
"""
    assert _kept(notice) == notice


def test_a_work_plans_task_is_read_inside_its_chapter_and_the_sign_off_kept() -> None:
    plan = """某市科协2031年第四季度重点工作安排
为确保年度重点工作按期落地，现安排如下。
一、学会与学术
1. 开展学会评估。12月10日前提交自评报告。
二、科技经济融合
2. 开展工作站评估。11月30日前完成。
3. 组织“科创中国”系列榜单推荐。
各区科协于11月19日前将推荐汇总表报市科协科技服务部。
4. 召开调度会。11月上旬召开，联系人 许如海 0598-2267471。
三、机关建设
5. 各部门12月20日前报送自查报告。
某市科学技术协会办公室
2031年10月10日
"""
    kept = _kept(plan)
    assert "11月19日" in kept
    for other in ("12月10日", "11月30日", "许如海", "12月20日"):
        assert other not in kept
    assert kept.rstrip().endswith("2031年10月10日") and "某市科学技术协会办公室" in kept


def test_a_newsletters_articles_about_something_else_are_set_aside_its_correction_kept() -> None:
    issue = """某省学会
会讯
2031年第9期
本期要目
关于组织推荐2031年“科创中国”系列榜单的通知
年会征文启事
更正
＊　＊　＊
关于组织推荐2031年“科创中国”系列榜单的通知
会员向学会报名截止2031年11月16日。
＊　＊　＊
年会征文启事
截稿日期：2031年11月10日。投稿咨询：学术部 龚启华0739-5208823。
＊　＊　＊
分支机构动态
铸造分会报名截止10月25日。
＊　＊　＊
更正
上期《“科创中国”榜单报名提示》中报名截止时间误印为“11月10日”，以本期为准。
"""
    kept = _kept(issue)
    assert "11月16日" in kept and "误印" in kept
    assert "截稿日期" not in kept and "龚启华" not in kept and "10月25日" not in kept


def test_rules_of_dashes_are_no_article_separators() -> None:
    """A report's "------" rules are not a newsletter's article breaks ("＊　＊　＊" are)."""
    blocks = ["某单位周报", "某事的内容，11月3日前完成。", "先导技术榜推荐内容。", "另一事的内容，联系人王敏。"]
    ruled = "\n------\n".join(blocks) + "\n"
    assert _kept(ruled) == ruled
    starred = "\n＊　＊　＊\n".join(blocks) + "\n"
    assert "11月3日" not in _kept(starred) and "先导技术榜" in _kept(starred)


def test_the_last_item_written_in_short_lines_is_set_aside_whole_its_contact_with_it() -> None:
    """A cut never runs back before its item, nor keeps the item's own contact line as a sign-off."""
    digest = ("科研项目信息周报\n信息一　联合基金项目申报\n10月24日前在系统提交申请书\n"
              "信息二　“科创中国”系列榜单征集遴选\n11月7日前在科研管理系统提交申报书\n"
              "信息三　横向项目年终结算提醒\n12月10日前完成结算\n联系人：财务处 林若水 0591-8512399\n某大学科研院\n2031年10月15日\n")
    kept = _kept(digest)
    assert kept.count("11月7日") == 1 and "12月10日" not in kept and "林若水" not in kept
    assert kept.rstrip().endswith("2031年10月15日")


def test_a_notices_own_sections_stay_though_its_title_names_no_list() -> None:
    """"关于做好2031年度科技成果推荐工作的通知": 二、材料要求 / 三、时间安排 / 四、联系方式 are its own."""
    notice = ("关于做好2031年度科技成果推荐工作的通知\n各学院：\n现将上级通知转发给你们。\n一、推荐范围\n本次推荐先导技术榜、新锐企业榜。\n"
              "二、材料要求\n材料一式两份。\n三、时间安排\n请于2031年11月7日前将材料报送科研院。\n四、联系方式\n科研院 王敏 0591-1234567。\n")
    assert _kept(notice) == notice


def test_an_articles_lead_in_naming_the_lists_keeps_its_sections() -> None:
    issue = ("某学会会讯\n2031年第9期\n＊　＊　＊\n通知公告\n关于组织推荐2031年“科创中国”系列榜单的通知\n各会员单位：\n"
             "一、推荐范围\n先导技术榜。\n二、材料要求\n一式两份。\n三、时间安排\n会员向学会报名截止2031年11月16日。\n"
             "＊　＊　＊\n年会征文启事\n截稿日期：2031年11月10日。\n＊　＊　＊\n分支机构动态\n铸造分会报名截止10月25日。\n")
    kept = _kept(issue)
    assert "11月16日" in kept and "一式两份" in kept and "截稿日期" not in kept


def test_a_notices_own_numbered_list_is_no_bundle() -> None:
    """"二、推荐名额 1. … 2. 2022年入选的先锋人物每人可推荐1人 3. …": a notice's own items, whatever each names."""
    part = ("二、推荐名额\n1. 先导技术榜每个领域推荐不超过3个。\n2. 2022年入选的技术经理人先锋人物每人可推荐1人。\n"
            "3. 入选历年系列榜单的项目原则上不再推荐。\n")
    assert _kept(part) == part
