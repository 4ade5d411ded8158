"""Who issued a notice, read from wherever the notice says it (ingest/identity.py), and the names a
question may call that issuer by (answer/pointer.py: issuer_names)."""

from __future__ import annotations

import pytest

from assistant.answer.pointer import issuer_names
from assistant.ingest.identity import IssuerSource, identify
from assistant.ingest.notices import make_notice
from assistant.model import NoticeKind

BODY = "根据《中国科协办公厅关于征集遴选2025年“科创中国”系列榜单的通知》，现将有关事项通知如下。\n一、推荐名额\n新锐企业榜不超过5个。\n"


def test_a_red_header_names_its_issuer_even_when_the_scan_garbled_its_ending() -> None:
    text = "北湖大学科学技术研究阮文件\n\n北湖大科字[2025]7号\n\n关于组织申报2025年“科创中国”系列榜单的\n通知\n\n各学院：\n" + BODY
    meta = identify(text)
    assert meta.issuer == "北湖大学科学技术研究阮"
    assert meta.title == "关于组织申报2025年“科创中国”系列榜单的通知"  # one title over two lines
    assert meta.kind == "internal"


def test_an_issuer_in_a_labelled_field_of_a_post_or_a_sheet() -> None:
    post = "【群公告】某园区企业群\n发布人：西岭高新区科技创新服务中心-王小明\n发布时间：2025-10-20 09:15\n" + BODY
    sheet = "南江省技术市场协会\n2025年“科创中国”系列榜单推荐登记表\n发布单位：南江省技术市场协会秘书处\n" + BODY
    assert identify(post).issuer == "西岭高新区科技创新服务中心"
    assert identify(post).kind == "forwarding"
    assert identify(sheet).issuer == "南江省技术市场协会"
    # a page's source line under an interview's title: the source is who publishes it
    page = "省科协负责人就2025年“科创中国”系列榜单工作答记者问\n来源：南江省科学技术协会　　发布时间：2025年9月24日\n" + BODY
    assert identify(page).issuer == "南江省科学技术协会"
    department = "关于推荐2025年“科创中国”系列榜单的通知\n发布时间：2025-09-12 来源：学术交流部\n" + BODY
    assert identify(department).issuer != "学术交流部"
    longer = "关于推荐2027年“科创中国”系列榜单的通知\n发布时间：2027-09-24 来源：科技服务与成果转化部\n" + BODY
    assert identify(longer).issuer != "科技服务与成果转化部"  # a department, however long its name


def test_an_issuer_that_calls_itself_by_a_declared_short_name() -> None:
    text = ("# 关于组织申报2025年“科创中国”系列榜单的说明（集团内部）\n"
            "北辰重工集团有限公司科学技术协会（以下简称“集团科协”）统一组织申报。\n"
            "各单位材料报集团科协。集团科协组织评审。集团科协统一推荐。\n" + BODY)
    assert identify(text).issuer == "北辰重工集团有限公司科学技术协会"
    once = "材料报送至东林材料学会（以下简称“材料学会”）秘书处。\n" + BODY  # named once: another organisation
    assert identify(once).issuer != "东林材料学会"


def test_a_group_is_called_by_its_brand_and_a_park_by_its_place() -> None:
    assert "北辰集团" in issuer_names("北辰重工集团有限公司科学技术协会")
    # A department's notice is its organisation's: "北岭材料院里的…" points at the 科技发展处's notice.
    assert "北岭先进材料研究院" in issuer_names("北岭先进材料研究院科技发展处")
    assert not any(n.startswith("中国科协") and n != "中国科协科学技术创新部" for n in issuer_names("中国科协科学技术创新部"))
    assert "西岭" in issuer_names("西岭高新区科技创新服务中心")
    assert "集团" not in [n[-2:] for n in issuer_names("北湖大学科学技术研究院")]
    # a group by its brand alone ("恒岳那个请示"), a university by the name before its kind ("东屿校内")
    assert "恒岳" in issuer_names("中国恒岳能源集团有限公司科学技术协会")
    assert "东屿" in issuer_names("东屿大学") and "江北理工" in issuer_names("江北理工大学科学技术研究院")
    assert "材料" not in issuer_names("南溪大学材料学院科研办")  # a college is a department, not a short name
    # a park with words of its own before 园 ("秀湖园区"); a group named with 中国 is its brand's ("北辰集团")
    assert {"秀湖园区", "秀湖"} <= set(issuer_names("秀湖智造产业园管理委员会"))
    names = issuer_names("中国北辰装备集团有限公司科协")
    assert "北辰集团" in names and "中国集团" not in names


def test_the_identity_says_where_each_part_was_read() -> None:
    red = identify("北湖大学科学技术研究阮文件\n北湖大科字[2025]7号\n关于组织申报2025年“科创中国”系列榜单的通知\n各学院：\n" + BODY
                   + "北湖大学科学技术研究院\n2025年10月9日\n")
    assert red.issuer_source == IssuerSource.LETTERHEAD and red.signed
    assert red.date == "2025年10月9日" and red.date_source == "落款"
    assert red.kind is NoticeKind.INTERNAL  # an enum, not a string beside it
    titled = identify("江北省电子学会关于推荐2025年“科创中国”系列榜单的通知\n各会员单位：\n" + BODY)
    assert titled.issuer_source == IssuerSource.TITLE and titled.year_source.startswith("标题")
    inferred = identify("# 关于组织申报2025年“科创中国”系列榜单的说明（集团内部）\n"
                        "北辰重工集团有限公司科学技术协会（以下简称“集团科协”）统一组织申报。\n"
                        "各单位材料报集团科协。集团科协组织评审。集团科协统一推荐。\n" + BODY)
    assert inferred.issuer_source == IssuerSource.DECLARED and not inferred.signed


def test_an_unsigned_notice_has_no_issuer_only_a_label_for_its_kind() -> None:
    unsigned = identify("关于组织推荐2025年“科创中国”系列榜单的通知\n各位会员：\n" + BODY)
    assert unsigned.issuer == "" and unsigned.issuer_source == IssuerSource.NONE and not unsigned.signed
    assert unsigned.kind == NoticeKind.FORWARDING
    assert unsigned.issuer_label == "学会转发通知（未署名）"


def test_organisers_of_a_joint_or_organised_call() -> None:
    joint = identify("南湖市科学技术协会、南湖市科学技术局关于推荐2025年“科创中国”系列榜单的通知\n各有关单位：\n" + BODY)
    assert joint.organisers == ["南湖市科学技术协会", "南湖市科学技术局"]
    hosted = identify("2025开源创新榜征集公告\n主办单位：开源技术联盟、东湖大学\n承办单位：东湖创新中心\n报名截至5月31日。")
    assert hosted.organisers == ["开源技术联盟", "东湖大学", "东湖创新中心"]


def test_an_email_threads_sender_and_a_title_led_by_its_organisation_name_the_issuer() -> None:
    mail = identify("邮件会话导出\n会话主题：回复：关于推荐2026年“科创中国”系列榜单的通知（共3封）\n"
                    "发件人：中国东岭传感学会秘书处 <kczg@example.org>\n收件人：各位会员\n" + BODY)
    assert mail.issuer == "中国东岭传感学会" and mail.issuer_source == IssuerSource.LABELLED
    assert mail.title == "关于推荐2026年“科创中国”系列榜单的通知（共3封）"  # the subject's label and reply marks dropped
    briefing = identify("东湖理工大学2026年“科创中国”系列榜单申报宣讲会文字实录\n时间：2026年9月25日\n" + BODY)
    assert briefing.issuer == "东湖理工大学" and briefing.issuer_source == IssuerSource.TITLE


def test_a_pages_metadata_block_before_the_title() -> None:
    from assistant.ingest.notices import clean_text

    page = ("江南省科学技术协会 政府信息公开\n首页 > 政务公开 > 通知公告 > 科技服务\n索 引 号：4300-2026-00427\n发布机构：江南省科学技术协会\n"
            "成文日期：2026-09-08\n发文字号：江科协函〔2026〕97号\n主题分类：科技\n有 效 性：有效\n公开方式：主动公开\n公开范围：面向全社会\n"
            "责任处室：科技服务部\n标    题：江南省科协关于组织推荐2026年“科创中国”系列榜单的通知\n"
            "江南省科协关于组织推荐2026年“科创中国”系列榜单的通知\n各市州科协：\n" + BODY)
    text = clean_text(page).text
    assert "发布机构：江南省科学技术协会\n成文日期：2026-09-08\n" in text  # fields stay lines of their own
    assert "首页" not in text  # the breadcrumb is the page's chrome
    meta = identify(text)
    assert meta.title == "江南省科协关于组织推荐2026年“科创中国”系列榜单的通知"
    assert meta.doc_number == "江科协函〔2026〕97号" and meta.issuer == "江南省科协"


def test_a_letter_signed_by_an_officer_is_the_organisation_s() -> None:
    letter = ("致会员的一封信——关于推荐2025年“科创中国”系列榜单\n亲爱的各位会员朋友：\n" + BODY +
              "\n东岭生物医药转化学会秘书长　罗一静\n二〇二五年十月十日\n")
    assert identify(letter).issuer == "东岭生物医药转化学会"
    assert identify(letter).signer.replace("　", " ") == "秘书长 罗一静"


def test_a_service_guide_and_a_group_post_name_their_issuer_and_the_round_of_the_call_they_implement() -> None:
    from assistant.ingest.notices import clean_text

    guide = ("杭州市科学技术协会 办事指南\n\n事项名称\n2028年“科创中国”系列榜单推荐申报\n\n实施主体\n杭州市科学技术协会\n\n"
             "设定依据\n《中国科协办公厅关于征集遴选2028年“科创中国”系列榜单的通知》（科协办函创字〔2028〕64号）\n\n"
             "办理流程\n榜单拟于2029年3月发布。\n")
    meta = identify(clean_text(guide).text)
    assert meta.issuer == "杭州市科学技术协会" and meta.year == 2028  # the cited call's round, not the latest date
    assert "事项名称" not in meta.title  # a label set apart is never joined to the line above
    chat = ("【榜单申报对接群】\n[群公告]\n各位好！根据《中国科协办公厅关于征集遴选2028年“科创中国”系列榜单的通知》"
            "（科协办函创字〔2028〕64号），无锡市科协作为“科创中国”试点城市推荐渠道组织全市申报。\n")
    assert identify(chat).issuer == "无锡市科协"
    park = ("青澜高新区各企业、新型研发机构，各有关单位：\n中国科协办公厅近日印发《中国科协办公厅关于征集遴选2028年“科创中国”"
            "系列榜单的通知》（科协办函创字〔2028〕64号）。青澜高新区作为“科创中国”试点园区，可直接向中国科协推荐。\n")
    assert identify(park).issuer == "青澜高新区"  # (a park, acting as a pilot: its own channel)


def test_a_letterhead_beside_a_system_a_news_reports_first_actor_and_no_quoted_label_as_issuer() -> None:
    export = ("中国智能传感学会 会员服务系统\n【数据导出】2029年“科创中国”系列榜单 学会组织申报安排表\n"
              "字段说明：“推荐名额”为本学会作为全国学会推荐渠道可使用的名额。\n" + BODY)
    assert identify(export).issuer == "中国智能传感学会"
    report = ("宁川日报 2029年9月25日 第3版\n名额叠加用足\n我市部署2029年“科创中国”系列榜单征集遴选工作\n"
              "9月24日下午，宁川市科协在市科技会堂召开2029年“科创中国”系列榜单征集遴选工作部署会。\n" + BODY)
    assert identify(report).issuer == "宁川市科协"


def test_an_unsigned_email_thread_and_wiki_page_are_known_by_what_they_say_of_themselves() -> None:
    thread = identify("主题：Re: Fwd: 【学会通知】2030年榜单推荐安排\n发件人：黎振东 <li@example.org>\n\n各位好，\n补充一点。\n\n"
                      "黎振东\n中国东岭传感学会 副秘书长\n电话：010-62587302\n" + BODY)
    assert thread.issuer == "中国东岭传感学会"  # the newest mail's signature: name, then organisation and office
    acting = identify("各分支机构联络员：\n东湖材料学会作为全国学会，是本次榜单的推荐单位。\n" + BODY)
    assert acting.issuer == "东湖材料学会"
    wiki = identify("# 2030年“科创中国”系列榜单 校内申报指南\n> 所属空间：科研院 / 成果转化办公室 / 申报通知\n"
                    "学校作为推荐渠道统一推荐。\n附件：东江理工大学推荐汇总表\n联系东江理工大学技术转移中心。\n" + BODY)
    assert wiki.title == "2030年“科创中国”系列榜单 校内申报指南"  # not the page's metadata line
    assert wiki.issuer == "东江理工大学"  # the university a text calling itself 学校 names most
    generic = identify("各省级学会、各市科协：\n省级学会推荐不超过2项，省级学会须盖章。\n" + BODY)
    assert generic.issuer == ""  # "省级学会" is a kind of unit, not a name
    reminder = identify("远衡集团科学技术协会\n远衡科协提〔2030〕7号\n关于抓紧报送2030年“科创中国”系列榜单推荐材料的工作提醒\n" + BODY)
    assert reminder.title == "关于抓紧报送2030年“科创中国”系列榜单推荐材料的工作提醒"


def test_a_web_page_s_title_line_names_its_site_and_is_not_joined_to_the_title() -> None:
    page = ("关于组织申报2033年“科创中国”系列榜单的通知-江城理工大学科学技术研究院\n"
            "关于组织申报2033年“科创中国”系列榜单的通知\n发布时间：2033-10-10 09:32\n各学院：\n请按时申报。\n"
            "科学技术研究院\n2033年10月10日\n")
    found = identify(page)
    assert found.title == "关于组织申报2033年“科创中国”系列榜单的通知"
    assert found.issuer == "江城理工大学科学技术研究院" and found.issuer_source == IssuerSource.LETTERHEAD


def test_minutes_and_a_faq_page_name_their_issuer_from_the_letterhead_and_their_title_from_its_line() -> None:
    minutes = ("南屿省科协会议纪要\n〔2037〕第14期\n南屿省科学技术协会办公室 2037年10月13日\n关于推荐工作的专题会议纪要\n"
               "科技创新部通报了《中国科协办公厅关于征集遴选2037年“科创中国”系列榜单的通知》主要内容：\n会议议定事项如下。")
    found = identify(minutes)
    assert found.issuer == "南屿省科学技术协会办公室" and found.title == "关于推荐工作的专题会议纪要"
    faq = "2037年“科创中国”系列榜单校内申报常见问题（FAQ）\n东岭大学科学技术研究院 成果转化办公室\n发布：2037年10月8日\nQ1：今年设了哪些榜单？"
    assert identify(faq).issuer == "东岭大学科学技术研究院"
    issue = "〔2027〕第9期\n江临市科协办公室2027年9月28日\n江临市科协2027年“科创中国”系列榜单推荐工作部署会会议纪要\n会议听取了汇报。"
    assert identify(issue).title == "江临市科协2027年“科创中国”系列榜单推荐工作部署会会议纪要"


def test_a_unit_or_place_only_one_issuer_s_notice_names_points_at_that_notice() -> None:
    from assistant.answer.pointer import NoticeIndex, PointedBy
    from assistant.ingest.notices import make_notice

    minutes = make_notice("minutes.txt", "南屿省科协会议纪要\n南屿省科学技术协会办公室 2037年10月13日\n关于2037年“科创中国”系列榜单推荐工作专题会议纪要\n"
                                         "名额分配：海州市先导技术榜每个领域不超过2项；屿北市科协汇总后于10月28日前报送。")
    mail = make_notice("mail.txt", "中国微系统与传感学会\n关于组织推荐2037年“科创中国”系列榜单的通知\nMEMS与微纳制造分会：各领域不超过2项。其他市不分配。")
    notices = {n.id: n for n in (minutes, mail)}
    index = NoticeIndex(notices, ((n.id, n.text) for n in notices.values()))
    pointed = index.find("海州分到的名额：先导榜每个领域几项？", [2037])
    assert pointed.by == PointedBy.ENTITY and pointed.ids == ["minutes.txt"]
    assert index.find("MEMS分会这边每个领域能推几项？", [2037]).ids == ["mail.txt"]
    assert index.find("微系统与传感学会内部截止是哪天？", [2037]).ids == ["mail.txt"]  # its name without 中国
    # A word both notices use, or one that starts inside a phrase ("其他市"), points at neither.
    assert not index.find("其他市能分几项？", [2037])
    # The contact a message is written to ("俞老师您好") points at the notice that gives them.
    addressed = NoticeIndex(notices, (), [("mail.txt", "俞敏")])
    assert addressed.find("俞老师。名额有几个", [2037]).ids == ["mail.txt"]
    # Or one its text names by office ("学会部部长邬清禾主持会议": "邬部长好").
    report = make_notice("report.txt", "澜州市科协召开部署会\n澜州市科学技术协会 2037年10月14日\n"
                                       "市科协学会部部长邬清禾主持会议，对2037年“科创中国”系列榜单的推荐作了部署。")
    spoken = {n.id: n for n in (report, mail)}
    assert NoticeIndex(spoken, ((n.id, n.text) for n in spoken.values())).find("邬部长。名额有几个", [2037]).ids == ["report.txt"]


def test_an_issuers_name_inside_another_organisations_name_is_not_it() -> None:
    """"我是市机械工程学会的" names another society than 中国深海工程学会: the shared "工程学会" is no pointer."""
    from assistant.answer.pointer import NoticeIndex
    from assistant.ingest.notices import make_notice

    society = make_notice("deep.txt", "中国深海工程学会秘书处\n关于组织推荐2037年“科创中国”系列榜单的通知\n各单位会员：先导技术榜不超过2项。")
    index = NoticeIndex({society.id: society})
    assert not index.find("我是市机械工程学会秘书处小林，新锐企业榜能推几家", [2037])
    assert index.find("深海工程学会新锐企业榜能推几家", [2037]).ids == ["deep.txt"]
    assert index.find("找工程学会问问", [2037]).ids == ["deep.txt"]


def test_a_ledgers_rows_are_never_its_title_nor_its_year() -> None:
    """A work ledger: its title line names the round; a row naming a step ("转发科协通知") is no title,
    and a later stage's year ("2031年1月") is not the round's."""
    text = ("北岸高新区科技创新局\n\n2030年“科创中国”系列榜单组织推荐工作台账\n\n台账编号：BA-2030-02\n\n"
            "| 序号 | 工作阶段 | 责任人 | 起止 | 状态 |\n|---|---|---|---|---|\n"
            "| 1 | 转发科协通知、园区动员 | 简清 | 9/13–9/23 | 已完成 |\n"
            "| 2 | 配合初评、终评（2030年12月—2031年1月） | 简清 | 12/1起 | 未开始 |\n")
    ident = identify(text)
    assert "工作台账" in ident.title
    assert ident.year == 2030


def test_a_bulletins_masthead_names_who_compiles_it() -> None:
    head = ("东川省科协工作简报\n\n2043年第9期（总第201期）\n\n东川省科学技术协会办公室编　　　　　　2043年10月14日\n\n"
            "【本期要目】\n一、省科协召开学术年会筹备会\n二、关于组织推荐2043年“科创中国”系列榜单的工作安排\n\n"
            "一、省科协召开学术年会筹备会\n\n10月9日，省科协召开筹备会。\n\n二、关于组织推荐2043年“科创中国”系列榜单的工作安排\n\n")
    meta = make_notice("bulletin", head + BODY)
    assert meta.issuer == "东川省科学技术协会办公室"
    assert meta.year == 2043


def test_the_level_of_issuer_an_ask_is_sent_to_points_at_that_issuers_notice() -> None:
    from assistant.answer.pointer import NoticeIndex, PointedBy
    from assistant.ingest.notices import make_notice

    body = "根据《中国科协办公厅关于征集遴选2037年“科创中国”系列榜单的通知》，现将有关事项通知如下。新锐企业榜不超过3个。"
    province = make_notice("p.txt", f"南屿省科学技术协会关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    society = make_notice("s.txt", f"中国微系统与传感学会关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    group = make_notice("g.txt", f"华岳能源集团科协关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    notices = {n.id: n for n in (province, society, group)}
    index = NoticeIndex(notices)
    pointed = index.find("我是海州市科协的小刘，我们市最多能往省里推几个新锐企业？", [2037])
    assert pointed.by == PointedBy.LEVEL and pointed.ids == ["p.txt"]  # (海州市 is who asks)
    assert index.find("学会这边新锐企业榜能推几个", [2037]).ids == ["s.txt"]
    assert index.find("集团内部几号截止", [2037]).ids == ["g.txt"]
    # an enterprise in the park is not the park: the park's notice is the one it asks of
    park = make_notice("k.txt", f"青禾高新技术产业开发区管理委员会关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    with_park = NoticeIndex({**notices, park.id: park})
    assert with_park.find("我们是园区里的一家企业，想报新锐企业榜，几号截止？", [2037]).ids == ["k.txt"]
    assert with_park.find("我们是园区里的一家公司，能报新锐企业榜吗？", [2037]).ids == ["k.txt"]
    assert not with_park.find("我们园区想报新锐企业榜，几号截止？", [2037])  # the park asking: not its own notice
    assert not index.find("省里和学会各能推几个", [2037])  # two levels: neither
    # two levels, the one "over there" asked of: "市科协这边在收…，省科协那边要求最晚哪天"
    assert index.find("市科协这边在收新锐企业榜的材料，省科协那边要求最晚哪天报上去？", [2037]).ids == ["p.txt"]
    # a 学会 and a 技术协会 (not a 科学技术协会): the one whose name ends as the ask says
    association = make_notice("a.txt", f"中华储能技术协会关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    both = NoticeIndex({n.id: n for n in (province, society, association)})
    assert both.find("协会开会时说的截止时间改了吗", [2037]).ids == ["a.txt"]
    assert both.find("学会这边新锐企业榜能推几个", [2037]).ids == ["s.txt"]


def test_a_transcripts_year_written_in_characters_is_its_round() -> None:
    talk = ("《科创会客厅》第十期 节目文字稿\n主持人：方晴\n嘉宾：东川传感学会秘书长\n\n"
            "嘉宾：中国科协是九月二十二号发的通知，就是科协办函创字二〇四五年一百一十七号那个文。今年学会推荐两项。")
    assert identify(talk).year == 2045


def test_a_kind_of_notice_asked_with_its_level_points_at_that_levels_notices() -> None:
    """"学会内部几号截止" among a province's, a university's and a society's forwarding notices: the
    society's, and one whose issuer is not read (it may be one); "学会转发的通知" keeps both."""
    from assistant.answer.pointer import NoticeIndex, PointedBy

    body = "根据《中国科协办公厅关于征集遴选2037年“科创中国”系列榜单的通知》，现将有关事项通知如下。新锐企业榜不超过3个。"
    province = make_notice("p.txt", f"南屿省科学技术协会关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    society = make_notice("s.txt", f"中国微系统与传感学会关于组织推荐2037年“科创中国”系列榜单的通知\n{body}")
    unsigned = make_notice("u.txt", f"关于转发2037年“科创中国”系列榜单通知的通知\n{body}")
    index = NoticeIndex({n.id: n for n in (province, society, unsigned)})
    pointed = index.find("学会内部几号截止", [2037])
    assert pointed.by == PointedBy.KIND and sorted(pointed.ids) == ["s.txt", "u.txt"]


def test_a_wechat_articles_byline_names_its_account_and_date() -> None:
    article = ("重磅｜2047“科创中国”榜单开报！学会推荐通道今起开放\n"
               "中国农机智能学会  农机君  2047-10-10 08:30  发表于北京\n\n各位会员朋友，大家好！学会将统一推荐。\n")
    meta = make_notice("w.txt", article)
    assert meta.issuer == "中国农机智能学会" and meta.date == "2047年10月10日"
    assert "\n中国农机智能学会" in meta.text  # the byline is a line of its own, not joined to the title


def test_a_logs_records_led_by_their_time_stamps_stay_records_of_their_own() -> None:
    log = ("鹭汀湾园区2048年“科创中国”榜单接龙记录\n\n群公告：新锐企业榜园区限报6家，请在接龙中登记。\n"
           "2048-10-15 11:31芯岚半导体-林若帆 收到，我们改报先导电子信息\n2048-10-16 17:58园区服务中心-谭可欣 接龙截止延长到10月18日18:00\n")
    text = make_notice("j.txt", log).text
    assert "\n2048-10-16 17:58" in text


def test_a_letterhead_in_brackets_names_the_issuer_and_a_titles_note_does_not_hide_its_round() -> None:
    text = ("【东澄大学科学技术研究院·成果转化办公室】\n"
            "2057年“科创中国”系列榜单校内申报跟踪表（内部工作用，请勿外传）\n"
            "导出时间：2057-10-18\n学院\t榜单\t截止\n海洋学院\t先导技术榜\t11月6日\n机械学院\t先导技术榜\t10月30日\n"
            "科研院于2058年3月前反馈结果。\n")
    who = identify(make_notice("t.txt", text).clean.text)
    assert who.issuer == "东澄大学科学技术研究院"
    assert who.year == 2057


@pytest.mark.parametrize(("head", "issuer"), [
    ("日历：陕西省智能感知与仪器学会秘书处工作日历\n", "陕西省智能感知与仪器学会秘书处"),  # a calendar's name
    ("之江科技社团服务中心 · 咨询工单系统 · 数据导出\n导出时间：2055-10-19\n", "之江科技社团服务中心"),  # a system's export
    ("校内组织工作页\n页面负责人：朱砚（成果转化办）\n", ""),  # a person's line names no issuer
    ("中国功能涂层学会《会员通讯》2049年第10期（总第318期）\n", "中国功能涂层学会"),  # a bulletin's masthead
    ("2053年榜单申报常见问题 - 中国感知与测控学会\n", "中国感知与测控学会"),  # a page title's site
    ("会员问答\n问：能通过学会报吗？答：能通过学会报。会员可通过学会推荐。\n", ""),  # done through a body, not its name
])
def test_an_export_or_a_calendar_named_after_its_organisation_is_that_organisations(head: str, issuer: str) -> None:
    text = head + "今年“科创中国”系列榜单的申报工作开始了，请各单位按要求准备材料，于11月20日前提交。\n"
    assert identify(text).issuer == issuer


def test_a_meeting_summarys_organiser_is_its_issuer() -> None:
    """A meeting app's summary: "主办：X 会员服务部" names the organisation (not its office), passing the call on."""
    text = ("【云汇会议 · 智能纪要】（本纪要由AI根据会议录音自动生成）\n会议主题：2041年“科创中国”系列榜单推荐工作部署会\n"
            "主办：华東储能技术协会 会员服务部\n参会人：发言人1 庞景（协会秘书长）\n智能摘要：协会部署2041年榜单推荐工作，会员材料11月22日前提交。\n")
    found = identify(text)
    assert found.issuer == "华東储能技术协会" and found.kind == NoticeKind.FORWARDING


def test_a_part_sent_to_a_level_keeps_the_issuer_the_message_named_before_it(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"我们公司在临江省…请问是不是要先报市科协？最晚哪天？": the province named in the story is whose
    notice says what goes to the 市科协, not the one city association's notice of the round."""
    import datetime as dt

    from tests.conftest import with_notice

    body = "根据《中国科协办公厅关于征集遴选2061年“科创中国”系列榜单的通知》，现将有关事项通知如下。"
    bot = with_notice(small_settings, tmp_path, "city.txt",
                      f"云岭市科学技术协会关于组织推荐2061年“科创中国”系列榜单的通知\n{body}\n新锐企业榜市内截止时间为2061年11月8日17:00。\n",
                      dt.date(2061, 10, 20))
    (tmp_path / "province.txt").write_text(
        f"临川省科学技术协会关于组织推荐2061年“科创中国”系列榜单的通知\n{body}\n新锐企业榜经所在设区市科协推荐，省内截止时间为2061年11月9日17:00。\n",
        encoding="utf-8")
    bot.ingest([tmp_path / "province.txt"])
    parts = bot.explain("我们公司在临川省澄州市区，想报新锐企业榜。请问是不是要先报市科协？最晚哪天？").parts
    assert all(p.notices_pointed == ["province.txt"] for p in parts), [p.notices_pointed for p in parts]


def test_a_posters_cited_call_is_not_its_title_nor_its_number_and_its_account_publishes_it() -> None:
    poster = ("【长图文字转录】澄江市科协微信公众号“澄江科协”2047年10月9日推送\n转录说明：原图为竖版长图海报。\n一图读懂\n"
              "2047年“科创中国”系列榜单\n澄江市征集指南\n━━━━\n📢 依据\n中国科协办公厅关于征集遴选2047年“科创中国”系列榜单的通知\n"
              "（科协办函创字〔2047〕143号）\n澄江市是试点城市，市科协统一组织全市推荐。\n")
    found = identify(poster)
    assert found.issuer == "澄江市科协" and found.kind != NoticeKind.ORIGINAL
    assert found.doc_number == "" and "征集遴选" not in found.title


def test_a_sign_off_set_on_one_line_with_its_date_names_the_issuer() -> None:
    """An export that ran the sign-off's two lines into one ("…管理委员会科技创新局2071年10月9日")."""
    from assistant.ingest.identity import identify

    text = ("关于推荐2071年“科创中国”系列榜单候选的通知\n园区各企业：\n根据中国科协通知，现将有关事项通知如下。\n"
            "一、园区推荐名额：不超过4家。\n二、请于11月11日前报送。\n澄江国际科创园管理委员会科技创新局2071年10月9日\n")
    found = identify(text)
    assert found.issuer == "澄江国际科创园管理委员会科技创新局"
    assert found.date == "2071年10月9日"


def test_a_text_signed_by_no_one_that_passes_the_call_on_is_a_forwarding() -> None:
    """A chat group's post naming the call by its title is not a call of its own, signed or not."""
    from assistant.ingest.identity import identify

    text = ("2071年10月9日\n聂某 将群组描述更改为“2071年榜单申报工作群”\n各位好，我是市科协科技服务科聂某。"
            "转发中国科协办公厅关于征集遴选2071年“科创中国”系列榜单的通知，要点如下：\n"
            "1. 今年共五类榜单。\n2. 区里报市科协的截止时间：11月9日17:00。\n")
    assert identify(text).kind == NoticeKind.FORWARDING


def test_an_organisation_a_channels_name_line_brackets_is_its_letterhead() -> None:
    from assistant.ingest.identity import identify

    text = ("Channel: #lz-kczg (鹭洲市科协 · 2069科创中国榜单工作群)\n2069年10月9日\n各位好，我是市科协科技服务科陈某。\n"
            "报送时间：各区县请在11月3日17:00前交到市科协。\n")
    assert identify(text).issuer == "鹭洲市科协"


def test_a_round_named_in_the_body_dates_it_not_its_latest_date() -> None:
    text = "\n".join(["publish.sh——学会官网发布脚本", "生成《关于组织推荐2075年“科创中国”系列榜单的通知》正文",
                      "请会员于2075年11月11日前报送。", "科协总部安排：初评2075年12月，终评2076年1月，发布推介2076年3月。"])
    assert identify(text).year == 2075


def test_an_organisation_passing_the_call_on_or_named_after_a_rounds_heading_is_the_issuer() -> None:
    title = "岭东省科协转发《中国科协办公厅关于征集遴选2081年“科创中国”系列榜单的通知》——省内名额分配\n榜单 | 名额\n"
    assert identify(title).issuer == "岭东省科协"
    mind_map = "2081科创中国榜单\n2081年“科创中国”榜单 院内申报工作（衡川精密机械研究院）\n科协通知要点\n"
    assert identify(mind_map).issuer == "衡川精密机械研究院"
    # a quantity of bodies is no body: "每个省级学会推荐1家"
    table = "名额表\n新锐企业榜 | 每个设区市科协推荐2家，每个省级学会推荐1家\n融通创新平台榜 | 每个省级学会推荐1家\n"
    assert "每个" not in identify(table).issuer


def test_a_speechs_speaker_line_names_its_issuer() -> None:
    """A leader's speech: the organisation on the speaker's line under the title issues it, the party posts
    and the date after the name aside."""
    text = ("在全省2031年“科创中国”系列榜单征集遴选工作\n动员部署视频会上的讲话\n\n澄江省科协党组成员、副主席  温启航\n"
            "（2031年10月9日）\n\n同志们：\n今天召开这次视频会，对我省今年的榜单征集推荐工作作出部署。二是11月6日前报送省科协。\n")
    assert make_notice("speech.txt", text).issuer == "澄江省科协"


def test_a_person_publishing_for_an_office_names_the_office_as_issuer() -> None:
    """"发布人：褚宏斌（集团科技创新部 / 集团科协秘书处）": the office in brackets, not the person."""
    text = ("钉钉 · 工作台 · 公告\n【集团科协】关于组织申报2031年“科创中国”系列榜单的通知\n"
            "发布人：褚宏斌（集团科技创新部 / 集团科协秘书处）\n发布时间：2031-10-11 09:32\n"
            "各二级单位：现将2031年“科创中国”系列榜单申报工作安排如下。各二级单位于2031年11月9日前报送。\n")
    assert make_notice("oa.txt", text).issuer == "集团科技创新部"
    # an organisation's label: the organisation, not the office in brackets after it
    assert make_notice("org.txt", text.replace("发布人：褚宏斌（集团科技创新部 / 集团科协秘书处）", "发布单位：中国科协（科学技术普及部）")).issuer == "中国科协"


def test_an_offices_notice_to_its_own_units_is_internal_and_the_institute_is_what_yuanli_points_at() -> None:
    from assistant.answer.pointer import NoticeIndex
    from assistant.ingest.notices import make_notice
    from assistant.model import NoticeKind

    body = "根据《中国科协办公厅关于征集遴选2037年“科创中国”系列榜单的通知》，新锐企业榜不超过6个。"
    institute = make_notice("i.txt", "南屿海洋材料研究院科技发展处\n2037年第四季度工作安排\n"
                            f"{body}\n10月24日前各研究部（中心）向科技发展处报送拟申报项目清单。")
    university = make_notice("u.txt", f"东岭大学科学研究院\n关于做好2037年“科创中国”系列榜单推荐工作的通知\n各学院：\n{body}")
    assert institute.kind == NoticeKind.INTERNAL and university.kind == NoticeKind.INTERNAL
    index = NoticeIndex({n.id: n for n in (institute, university)})
    # an institute's own office, not a university whose research office is called 科学研究院
    assert index.find("院里孵化的企业报新锐企业榜，院内最多能推几家？", [2037]).ids == ["i.txt"]
    assert index.find("学校最多能推几家新锐企业？", [2037]).ids == ["u.txt"]
    assert index.find("学院里的通知说新锐企业最多能推几家？", [2037]).ids == ["u.txt"]  # a school's 院里
