"""The eligibility self-check: clauses against a golden file written by reading the notices, the
profile read from what users write, and verdicts for profiles that pass, fail, or say nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assistant.answer.eligibility import CHECK, FAIL, PASS, check, clauses, run_check
from assistant.answer.profile import Profile, read_profile
from assistant.answer.store import FactStore
from assistant.answer.understand import normalize_years
from assistant.ingest.textmap import normalize_for_match
from assistant.model import EligibilityFact, Fact

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "clauses.yaml").read_text(encoding="utf-8"))
TODAY = dt.date(2023, 10, 20)


def conditions(facts: list[Fact]) -> dict[tuple[str, str], EligibilityFact]:
    return {(f.notice_id[:3], f.heading): f for f in facts if isinstance(f, EligibilityFact) and f.conditions}


def test_every_list_with_conditions_is_in_the_golden_file(facts: list[Fact]) -> None:
    found = sorted(conditions(facts))
    golden = [(k, h) for k, sections in GOLDEN.items() for h in sections]
    assert len(found) == len(golden)
    assert all(any(k == gk and h.startswith(gh) for gk, gh in golden) for k, h in found), found


@pytest.mark.parametrize(("key", "heading"), [(k, h) for k, sections in GOLDEN.items() for h in sections])
def test_clauses_match_the_golden_file(facts: list[Fact], notices, key: str, heading: str) -> None:  # noqa: ANN001
    fact = next(f for (k, h), f in conditions(facts).items() if k == key and h.startswith(heading))
    got = clauses(fact)
    want = GOLDEN[key][heading]
    assert [c.type for c in got] == [t for t, _ in want], [(c.type, c.text) for c in got]
    for c, (_, words) in zip(got, want, strict=True):
        assert words in c.text
        assert normalize_for_match(c.text) in notices[key].normalized  # quoted verbatim


def profile(text: str) -> Profile:
    return read_profile(normalize_years(text, TODAY), TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们公司2016年3月在深圳注册，去年在创业板上市，员工300来人", {"founded": (2016, 3), "region": "深圳", "listed": "创业板", "staff": 300}),
        ("我们是香港注册的公司，2019年成立", {"founded": (2019, None), "overseas": True}),
        ("我们是2021年9月组建的创新联合体，不在试点城市，但一直为试点城市的企业服务", {"org_type": "创新联合体", "in_pilot": False, "serves_pilot": True}),
        ("技术还没做过任何验证，只做了理论设计", {"validated": False}),
        ("这项技术不涉密，已经通过中试", {"secret": False, "validated": True}),
        ("21年我们上过新锐企业榜", {"prior": [("新锐企业榜", 2021)]}),
        ("去年出过一次质量事故", {"accident_year": 2022}),
        ("我拿到了技术经理人证书", {"certified": True}),
        ("核心部件靠引进消化吸收，国内已经国产化", {"original": False, "import_dependent": False}),
        ("本人在一所985高校的技术转移中心干了6年", {"employer": "高等院校"}),
        ("本人40岁，在区科技局成果转化科工作", {"employer": "政府机关"}),
        ("我们是市里的一个行业协会，成立十几年了", {"org_type": "行业协会"}),
        ("听说这类产品在产业结构调整目录里算限制类", {"restricted": True}),
        ("我去年辞职了，现在自己单干，没挂靠任何单位", {"employed": False}),
        ("我们做国产CAE仿真软件，国内长期依赖国外软件", {"domain": "国产CAE仿真软件", "import_dependent": True}),
        ("孵化器2019年成立，主要孵化文创和电商类企业", {"domain": "文创和电商", "founded": (2019, None)}),
        ("我们是成都一家做工业软件的公司", {"domain": "工业软件"}),
        ("我们团队研发了一款国产CAE仿真工业软件", {"domain": "国产CAE仿真工业软件"}),
        ("所里只想在下属企业内部用，不打算对外转让或者许可", {"transfer": False}),
        ("我是去年技术经理人先锋榜入选的", {"prior": [("技术经理人先锋榜", 2022)]}),
        ("我在一家研究院做技术转移两年半了", {"experience_years": 2.5}),
        ("去年研发投入占营收4%左右", {"rd_share": 4.0}),
        ("我们是家技术转移机构，不是创新联合体", {"org_type": "技术转移机构"}),  # not a kind they say they are not
        ("去年8月因为偷排被环保部门顶格处罚，今年已经整改完了", {"accident_year": 2022}),
        # a supposed case is not the asker's situation
        ("入选先导技术榜的话，园区给奖励吗", {}),
    ],
)
def test_profile_from_what_users_write(text: str, expected: dict[str, object]) -> None:
    known = profile(text).known()
    if not expected:
        assert not known, known
    for name, value in expected.items():
        assert known.get(name) == value, (name, known)


def test_nothing_said_is_an_empty_profile() -> None:
    assert not profile("新锐企业榜对企业信用有什么要求？")


def verdicts(store: FactStore, list_name: str, p: Profile, field: str | None = None) -> dict[str, tuple[str, str]]:
    result = run_check(store, list_name, [2023], field, p)
    assert result is not None
    return {v.clause.type: (v.verdict, v.reason) for v in result.verdicts}


def test_founding_bound_is_computed(store: FactStore) -> None:
    young = verdicts(store, "新锐企业榜", Profile(founded=(2016, None), overseas=False, region="深圳"))
    old = verdicts(store, "新锐企业榜", Profile(founded=(2012, 3)))
    assert young["founding_years"][0] == PASS and "7年" in young["founding_years"][1]
    assert young["region"][0] == PASS
    assert old["founding_years"][0] == FAIL and "11年" in old["founding_years"][1]


def test_relaxed_founding_date_applies_to_the_named_type_only(store: FactStore) -> None:
    joint = verdicts(store, "融通创新组织榜", Profile(founded=(2022, 6), org_type="创新联合体"))
    park = verdicts(store, "融通创新组织榜", Profile(founded=(2022, 6), org_type="大学科技园"))
    assert joint["founding_date"][0] == PASS and park["founding_date"][0] == FAIL
    assert park["org_type"][0] == PASS and "创业孵化载体" in park["org_type"][1]


def test_accident_window_counts_only_the_last_two_years(store: FactStore) -> None:
    assert verdicts(store, "新锐企业榜", Profile(accident_year=2020))["record_window"][0] == PASS
    assert verdicts(store, "新锐企业榜", Profile(accident_year=2022))["record_window"][0] == FAIL


def test_technology_clauses(store: FactStore) -> None:
    lead = verdicts(store, "先导技术榜", Profile(validated=False, secret=True), "先进材料")
    assert lead["maturity"][0] == FAIL and lead["secrecy"][0] == FAIL
    basics = verdicts(store, "先导技术榜", Profile(original=False, import_dependent=False), "产业基础")
    assert basics["original"][0] == FAIL and basics["import"][0] == FAIL


def test_prior_listing_under_an_old_name_excludes(store: FactStore) -> None:
    again = verdicts(store, "融通创新组织榜", Profile(prior=[("融通创新组织榜", 2021)]))
    assert again["prior_listing"][0] == FAIL


def test_teaching_meets_the_training_clause_and_nothing_fails_it(store: FactStore) -> None:
    assert verdicts(store, "技术经理人先锋榜", Profile(teaches=True, certified=False))["training"][0] == PASS
    assert verdicts(store, "技术经理人先锋榜", Profile(teaches=False, certified=False, trained=False))["training"][0] == FAIL


def test_an_association_is_no_listed_organisation_and_a_restricted_product_fails(store: FactStore) -> None:
    assert verdicts(store, "融通创新组织榜", Profile(org_type="行业协会"))["org_type"][0] == FAIL
    assert verdicts(store, "新锐企业榜", Profile(restricted=True))["catalogue"][0] == FAIL


def test_where_a_person_works_is_checked_against_the_units_listed(store: FactStore) -> None:
    assert verdicts(store, "技术经理人先锋榜", Profile(employer="高等院校"))["role"][0] == PASS
    assert verdicts(store, "技术经理人先锋榜", Profile(employer="高等院校", employed=False))["role"][0] == CHECK
    assert verdicts(store, "技术经理人先锋榜", Profile())["role"] == (CHECK, "")


def test_a_profile_outside_every_clause_decides_nothing(store: FactStore) -> None:
    result = run_check(store, "新锐企业榜", [2023], None, Profile(staff=80, listed="", experience_years=5))
    assert result is not None
    assert {v.verdict for v in result.verdicts} == {CHECK}
    assert "员工人数" in result.unruled and "是否上市" in result.unruled


def test_what_no_clause_rules_on_is_said(store: FactStore) -> None:
    fact = run_check(store, "技术经理人先锋榜", [2023], None, Profile()).fact  # type: ignore[union-attr]
    _, unruled = check(fact, Profile(experience_years=8), 2023)
    assert unruled == ["从业年限"]


@pytest.mark.parametrize(("text", "founded", "verdict"), [
    ("注册成立不满8年", 2022, PASS),
    ("注册成立不满8年", 2015, FAIL),  # 8 years by 2023: not under 8
    ("成立时间不超过五年", 2018, PASS),
    ("成立时间不超过五年", 2017, FAIL),
    ("企业成立10年以内", 2014, PASS),
    ("于2020年1月1日前注册成立", 2019, PASS),
    ("于2020年1月1日前注册成立", 2021, FAIL),
    ("工商注册成立时间在2014年1月1日（含）以后", 2013, FAIL),
    ("工商注册成立时间在2014年1月1日（含）以后", 2014, PASS),
    ("企业工商登记日期须为2014年1月1日及以后", 2015, PASS),
    ("2020年1月1日及以后成立的企业", 2018, FAIL),
    ("成立时间须在2052年9月1日之前", 2053, FAIL),
    ("成立时间须在2052年9月1日之前", 2051, PASS),
])
def test_founding_clauses_worded_otherwise_are_checked(text: str, founded: int, verdict: str) -> None:
    from assistant.answer.eligibility import CHECKS, Clause, clause_type

    kind = clause_type(text)
    assert kind in ("founding_years", "founding_date", "founding_after")
    clause = Clause(text=text, type=kind, fact=None, number=1)  # type: ignore[arg-type]
    result = CHECKS[kind](clause, Profile(founded=(founded, None)), 2023)
    assert result is not None and result[0] == verdict, (text, founded, result)


def test_what_the_asker_works_on_points_at_the_closest_field_listed(store: FactStore) -> None:
    basics = verdicts(store, "先导技术榜", Profile(domain="国产CAE仿真软件"), "产业基础")
    assert basics["five_basics"][0] == CHECK and "工业基础软件" in basics["five_basics"][1]
    joint = verdicts(store, "融通创新组织榜", Profile(domain="文创和电商"))
    assert joint["field_focus"][0] == CHECK and "没有直接写到" in joint["field_focus"][1]
    assert verdicts(store, "融通创新组织榜", Profile())["field_focus"] == (CHECK, "")
    assert verdicts(store, "融通创新组织榜", Profile(domain="生物医药企业孵化"))["field_focus"][0] == PASS  # names one listed


def test_a_technology_kept_in_house_fails_the_transfer_clauses(store: FactStore) -> None:
    lead = verdicts(store, "先导技术榜", Profile(transfer=False), "绿色低碳")
    assert lead["transferable"][0] == FAIL and lead["willingness"][0] == FAIL


def test_an_older_calls_founding_bound_is_reckoned_in_the_round_asked(store: FactStore) -> None:
    """A 2031 round whose notices restate no conditions is checked with 2023's, "以2023年反推"
    reckoned from 2031: a company founded in 2025 is 6 years old, not -2."""
    f = next(f for f in store.select(EligibilityFact) if "新锐企业榜" in f.list_keys and f.year == 2023)
    found, _ = check(f, Profile(founded=(2025, None)), 2031)
    verdict = next(v for v in found if v.clause.type == "founding_years")
    assert verdict.verdict == PASS and "按2031年反推为6年" in verdict.reason


def test_years_in_the_work_and_rd_spending_are_checked_against_the_clause() -> None:
    fact = EligibilityFact(notice_id="n", section="", quote="", start=0, end=0, value="", year=2041, lists=["新锐企业榜"],
                           conditions=["1. 从事技术转移相关工作满3年", "2. 上一年度研发经费投入强度不低于5%"],
                           exclusions=[], heading="")
    said = {v.clause.type: v.verdict for v in check(fact, Profile(experience_years=2.5, rd_share=6.0), 2041)[0]}
    assert said == {"experience": FAIL, "rd_share": PASS}
    said = {v.clause.type: v.verdict for v in check(fact, Profile(experience_years=3, rd_share=4.0), 2041)[0]}
    assert said == {"experience": PASS, "rd_share": FAIL}


POST = """东川机械工程学会 关于推荐2024年“科创中国”榜单的推文

报名数量超过名额时，学会将组织专家择优推荐。

🔶 申报条件划重点

✅ 先导技术：技术达到一定成熟度且通过早期验证，不涉密。

✅ 新锐企业：在中国境内注册，工商注册时间在2014年1月1日以后的中小型科技企业，近两年无重大安全事故。

📮 联系我们：学会秘书处 010-61234567
"""


def test_conditions_under_a_line_that_heads_them_in_a_post_are_each_lists() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import EligibilityFact

    facts = [f for f in extract_facts(make_notice("post.txt", POST)) if isinstance(f, EligibilityFact)]
    by_list = {f.list_keys[0]: f for f in facts}
    assert set(by_list) == {"先导技术榜", "新锐企业榜"}  # "新锐企业：" as a label names the list; the contact line ends the run
    assert "2014年1月1日" in by_list["新锐企业榜"].conditions[0]


BULLETIN = """东川省科协工作简报

二、关于组织推荐2043年“科创中国”系列榜单的工作安排

（一）省内截止时间。各市州科协于2043年11月7日17:00前报送省科协。
（二）省内附加条件。经省科协推荐的新锐企业须为在我省注册的企业，成立年限不超过10年，即2033年1月1日及以后在工商部门注册成立；先导技术榜申报技术的第一完成单位须在省内。
"""


def test_a_bound_set_in_running_prose_is_the_named_lists_condition_and_checked() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import EligibilityFact

    facts = [f for f in extract_facts(make_notice("b.txt", BULLETIN)) if isinstance(f, EligibilityFact)]
    assert [f.list_keys for f in facts] == [["新锐企业榜"]] and facts[0].from_prose  # (先导技术榜's clause in the next sentence sets no bound)
    verdicts, _ = check(facts[0], read_profile("我们公司2032年注册的", dt.date(2043, 10, 20)), 2043)
    assert any(v.verdict == FAIL and "2033年1月1日" in v.reason for v in verdicts)


def test_the_field_group_whose_conditions_the_asker_meets_comes_first(store: FactStore) -> None:
    from assistant.answer.rules.eligibility import closest_groups
    from assistant.model import EligibilityFact

    groups = store.select(EligibilityFact, lambda f: "先导技术榜" in f.list_keys and bool(f.field_keys), year=2023)
    told = read_profile("我们做工业机器人用的RV减速器，核心设计是我们自己原创的，这类零部件国内过去一直依赖进口。", dt.date(2023, 10, 20))
    assert "产业基础" in closest_groups(told, groups, 2023)[0].heading


def test_an_incident_the_condition_names_is_read_with_its_year_and_a_denial_is_not() -> None:
    told = read_profile("2022年12月厂里因为超标排放被生态环境局认定为严重环境违法，罚款已经交了。", dt.date(2023, 10, 20))
    assert told.accident_year == 2022
    assert read_profile("我们2019年成立，这两年没出过安全质量事故。", dt.date(2023, 10, 20)).accident_year is None


def test_a_founding_year_said_relative_to_today_is_read_as_that_year() -> None:
    today = dt.date(2023, 10, 20)
    assert read_profile("我们是专业化众创空间，前年8月正式挂牌成立。", today).founded == (2021, 8)
    assert read_profile("公司去年成立的", today).founded == (2022, None)
    assert read_profile("去年营收三千万", today).founded is None


def test_a_relaxed_founding_bound_written_after_a_comma_is_the_same_clause() -> None:
    fact = EligibilityFact(notice_id="n.txt", year=2054, section="", quote="", start=0, end=0, lists=["成果转化服务组织榜"],
                           conditions=["成立时间须在2052年9月1日之前，创新联合体可放宽至2053年9月1日之前"])
    [clause] = clauses(fact)
    assert clause.type == "founding_date"
    verdicts, _ = check(fact, Profile(founded=(2053, 3), org_type="创新联合体"), 2054)
    assert [v.verdict for v in verdicts] == [PASS]
    verdicts, _ = check(fact, Profile(founded=(2053, 3), org_type="技术转移机构"), 2054)
    assert [v.verdict for v in verdicts] == [FAIL]


def test_years_in_the_work_counted_from_the_month_begun_to_the_day_the_condition_names() -> None:
    told = read_profile("我是2057年11月开始干这行的，之前一直做科研", dt.date(2060, 10, 20))
    assert told.experience_since == (2057, 11) and told.experience_years is None
    fact = EligibilityFact(notice_id="n", section="", quote="", start=0, end=0, value="", year=2060, lists=["技术经理人先锋榜"],
                           conditions=["从事技术转移相关工作是否满3年（截至2060年9月30日）？"], exclusions=[], heading="")
    [verdict] = check(fact, told, 2060)[0]
    assert verdict.verdict == FAIL and "2年10个月" in verdict.reason
    [verdict] = check(fact, Profile(experience_since=(2057, 9)), 2060)[0]
    assert verdict.verdict == PASS
    assert read_profile("研究院是2058年9月中旬正式挂牌的", dt.date(2060, 10, 20)).founded == (2058, 9)


TREE = """临川省科协“科创中国”榜单申报自查指引（2061年）

一、请按下列步骤自查
5. 融通创新组织榜：
   5a. 机构成立时间是否在2059年9月1日之前？
       是→转5b
       否→不符合申报条件。
   5b. 是否服务于本省试点城市？
       是→报省科协学会部。
       否→可咨询服务对象所在地科协。
6. 技术经理人先锋榜：
   6a. 申报者从事技术转移相关工作是否满3年（截至2061年9月30日）？
       是→报省科协学会部。
       否→不符合申报条件。
"""


def test_a_decision_trees_questions_are_the_conditions_of_the_list_they_stand_under() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice

    facts = [f for f in extract_facts(make_notice("tree.txt", TREE)) if isinstance(f, EligibilityFact)]
    by_list = {f.list_keys[0]: f for f in facts}
    assert set(by_list) == {"融通创新组织榜", "技术经理人先锋榜"}
    # (a question whose "no" only routes the applicant elsewhere is no condition)
    assert by_list["融通创新组织榜"].conditions == ["5a. 机构成立时间是否在2059年9月1日之前？"]
    verdicts, _ = check(by_list["融通创新组织榜"], Profile(founded=(2059, 10)), 2061)
    assert any(v.verdict == FAIL and "2059年9月1日" in v.reason for v in verdicts)


def test_an_event_the_asker_dates_is_checked_against_the_bound_a_condition_sets_on_it() -> None:
    told = read_profile("我2060年3月在学校技术转移中心登记备案的，持证", dt.date(2062, 10, 20))
    assert ("备案", 2060, 3) in told.events and ("登记", 2060, 3) in told.events
    fact = EligibilityFact(notice_id="n", section="", quote="", start=0, end=0, value="", year=2062, lists=["技术经理人先锋榜"],
                           conditions=["校内条件：在本校技术转移中心登记备案满3年，即2059年12月31日前完成备案"], exclusions=[], heading="")
    [verdict] = check(fact, told, 2062)[0]
    assert verdict.verdict == FAIL and "2059年12月31日" in verdict.reason
    # Its own month, when the bound is that month's last day, is before it; an event of another name is not this one.
    assert check(fact, Profile(events=[("备案", 2059, 12)]), 2062)[0][0].verdict == PASS
    assert check(fact, Profile(events=[("入会", 2061, 3)]), 2062)[0][0].verdict == CHECK
    after = EligibilityFact(notice_id="n", section="", quote="", start=0, end=0, value="", year=2062, lists=["新锐企业榜"],
                            conditions=["须于2060年1月1日以后入驻本园区"], exclusions=[], heading="")
    assert check(after, read_profile("我们是2059年8月入驻园区的", dt.date(2062, 10, 20)), 2062)[0][0].verdict == FAIL
    assert check(after, read_profile("我们是2060年5月入驻园区的", dt.date(2062, 10, 20)), 2062)[0][0].verdict == PASS


def test_a_bound_on_another_dated_event_in_prose_is_a_condition_of_the_list_it_names() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice

    text = "清河学院通知\n技术经理人先锋榜：学校推荐2人，申报人须在本校技术转移中心登记备案满3年，即2059年12月31日前完成备案。\n"
    facts = [f for f in extract_facts(make_notice("e.txt", text)) if isinstance(f, EligibilityFact)]
    assert [f.list_keys for f in facts] == [["技术经理人先锋榜"]]


def test_a_lists_conditions_in_several_items_of_a_conditions_section_are_one_set() -> None:
    from assistant.ingest.facts.requirements import extract_eligibility
    from assistant.ingest.notices import make_notice
    from assistant.model import EligibilityFact

    text = ("岭东省科协关于组织推荐2071年“科创中国”系列榜单的通知\n一、榜单设置\n设置先导技术榜、新锐企业榜。\n"
            "五、省内申报条件\n1. 申报新锐企业榜的企业须在岭东省内注册，且近一年在省内依法纳税。\n"
            "2. 先导技术榜的技术持有单位须为省内单位。\n"
            "3. 其余条件按中国科协通知执行：新锐企业须在中国境内注册，成立年限不超过8年。\n岭东省科学技术协会\n2071年10月8日\n")
    facts = [f for f in extract_eligibility(make_notice("n.txt", text), ["先导技术榜", "新锐企业榜"], [])
             if isinstance(f, EligibilityFact) and f.list_keys == ["新锐企业榜"]]
    assert len(facts) == 1  # the local item and the restated one: one set
    assert any("岭东省内注册" in c for c in facts[0].conditions) and any("不超过8年" in c for c in facts[0].conditions)


def test_a_move_into_the_work_dates_it_and_a_month_that_begins_something_else_does_not() -> None:
    today = dt.date(2052, 10, 20)
    assert read_profile("我是2050年3月调到学校技术转移中心专职做成果转化的", today).experience_since == (2050, 3)
    told = read_profile("我2047年9月到2049年6月在读博，2049年7月起在学校技术转移中心全职做技术经理人", today)
    assert told.experience_since == (2049, 7)
    assert read_profile("我们公司2050年3月起搬到新园区", today).experience_since is None


def test_a_conditions_section_of_bullets_has_its_lines_as_conditions() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice

    text = ("关于组织推荐2079年“科创中国”系列榜单的通知\n一、申报条件\n技术经理人先锋榜申报条件如下：\n"
            "* 从事技术转移工作满3年（计算至2079年9月30日）；\n* 经过技术经理人培训及考试、认证；\n"
            "* 入选历年技术经理人先锋榜的人物不再纳入候选。\n二、联系方式\n科研处 王老师 010-12345678\n")
    [fact] = [f for f in extract_facts(make_notice("n.txt", text)) if isinstance(f, EligibilityFact) and f.conditions]
    assert fact.conditions[0] == "从事技术转移工作满3年（计算至2079年9月30日）；"
    assert len(fact.conditions) == 3
    # a condition that rules some out is checked once, not again as an exclusion
    assert len(clauses(fact)) == 3


def test_a_procedure_under_a_conditions_and_procedure_heading_is_no_conditions() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice

    text = ("关于组织推荐2081年“科创中国”系列榜单的通知\n一、申报条件与程序\n（一）申报条件\n1.成立不超过8年。\n2.在本市注册。\n"
            "（二）申报程序\n1.各单位于11月2日前登录平台填报；\n2.市科协审核推荐。\n")
    facts = [f for f in extract_facts(make_notice("n.txt", text)) if isinstance(f, EligibilityFact) and f.conditions]
    assert not any("申报程序" in f.heading for f in facts)
    told = read_profile("我2044年9月起读博，2047年7月起专职做技术转移", dt.date(2049, 10, 20))
    assert told.experience_since == (2047, 7)
