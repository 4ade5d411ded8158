"""The field names data exports are written with (a content management system's JSON record, a publishing
system's XML), as a notice's own labels say them: one vocabulary for every export reader."""

import re

# A name or a value written in Chinese (an export's own field names are English; a notice's words are not).
HAS_CJK = re.compile(r"[\u4e00-\u9fff]")

# A field counting what the notice counts (名额, 限额, 上限…), not a system's own figure (a message id, a timing).
COUNTED = re.compile(r"名额|限额|上限|下限|数量|人数|个数|项数|总数|份数|限报")

# A content management system's field names, as a notice's own labels say them.
JSON_LABELS = {"title": "标题", "publisher": "发布机构", "doc_no": "文号", "publish_time": "发布时间",
               "department": "发布部门", "source": "来源", "author": "作者", "editor": "编辑"}
# A contact record's fields ({"role": …, "name": …, "tel": …} in a "contacts" list), as a contact block labels them.
CONTACT_LABELS = {"name": "联系人", "contact": "联系人", "person": "联系人", "tel": "电话", "phone": "电话", "telephone": "电话",
                  "mobile": "手机", "email": "邮箱", "mail": "邮箱", "role": "部门", "dept": "部门", "department": "部门",
                  "org": "部门", "duty": "负责", "contacttype": "负责"}  # (schema.org's ContactPoint: what the contact serves)

# The words an application system's keys are written with (English, or pinyin initials rarely), as the
# notices say them: a key path such as "deadline.member_submit" or "[quota.central]" reads as 截止时间·会员·提交
# and 名额·中国科协. A word not listed stays as written.
KEY_WORDS = {
    "notice": "通知", "title": "标题", "doc": "文号", "docno": "文号", "no": "", "issuer": "发布机构", "issue": "发布",
    "date": "日期", "time": "时间", "forwards": "转发", "forward": "转发", "audience": "发送范围", "summary": "摘要",
    "list": "榜单", "lists": "榜单", "field": "领域", "fields": "领域", "special": "专项", "quota": "名额",
    "quotas": "名额", "central": "中国科协", "cast": "中国科协", "local": "本地", "province": "省", "provincial": "省",
    "city": "市", "district": "区县", "county": "区县", "university": "高校", "college": "学院", "school": "学院",
    "society": "学会", "member": "会员", "members": "会员", "committee": "专业委员会", "deadline": "截止时间",
    "deadlines": "截止时间", "due": "截止时间", "submit": "提交", "submission": "提交", "paper": "纸质", "copy": "材料",
    "review": "评审", "first": "初", "final": "终", "collect": "征集", "collection": "征集", "publish": "发布",
    "release": "发布", "promote": "宣传推广", "platform": "平台", "system": "系统", "name": "名称", "url": "网址",
    "link": "网址", "condition": "条件", "conditions": "条件", "eligibility": "申报条件", "requirement": "要求",
    "focus": "重点", "priority": "重点", "contact": "联系方式", "contacts": "联系方式", "secretariat": "秘书处",
    "office": "办公室", "body": "机构", "org": "机构", "person": "联系人", "tel": "电话", "phone": "电话",
    "mobile": "手机", "email": "邮箱", "mail": "邮箱", "address": "地址", "addr": "地址", "fax": "传真",
    "note": "说明", "notes": "说明", "remark": "备注", "comment": "备注", "reason": "原因", "attachment": "附件",
    "attachments": "附件", "file": "附件", "files": "附件", "recommend": "推荐", "recommendation": "推荐",
    "not": "不", "channel": "渠道", "schedule": "日程", "stage": "阶段", "start": "开始", "end": "结束", "previous": "原定", "street": "",
    "limit": "限额", "max": "上限", "apply": "申报", "application": "申报", "form": "表", "forms": "表",
    "material": "材料", "materials": "材料", "result": "结果", "results": "结果", "unit": "单位", "units": "单位",
    "company": "企业", "enterprise": "企业", "age": "年限", "founded": "成立", "register": "注册",
    "registered": "注册", "region": "地区", "place": "地点", "override": "修订", "overrides": "修订", "patch": "修订",
    "support": "技术支持", "help": "咨询", "hotline": "热线", "service": "服务", "online": "线上", "offline": "线下",
    "internal": "内部", "external": "外部", "school_internal": "校内", "campus": "校内", "park": "园区",
    "cap": "上限", "institute": "研究院", "lab": "研究室", "per": "每个", "issued": "发布", "on": "", "at": "",
    "number": "文号", "old": "原", "period": "时间", "enabled": "启用", "organised": "组织", "organized": "组织", "report": "报送", "abstract": "摘要", "renamed": "更名", "new": "新设", "to": "报送至", "applies": "适用",
    "source": "来源", "text": "", "owner": "责任单位", "topic": "事项", "scope": "范围", "clause": "条款", "basis": "依据", "value": "",
}

# A record's field that reaches a person (a record holding one is a contact), and a value that does: a phone,
# a mailbox, a web address (not a record's id: "4f8c9442544792d21be3a917" holds ten digits).
PHONE_KEYS = {"tel", "phone", "telephone", "mobile", "email", "mail"}
REACHABLE = re.compile(r"@|(?<![\w-])(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?![\w])|https?://|\.(?:cn|com|org|net)\b")
MEASURE = re.compile(r"[个项家人名类份]")  # a count's measure written in a field of its own ("unit": "项")
