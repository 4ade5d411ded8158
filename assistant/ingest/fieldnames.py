"""The field names data exports are written with (a content management system's JSON record, a publishing
system's XML), as a notice's own labels say them: one vocabulary for every export reader."""

# A content management system's field names, as a notice's own labels say them.
JSON_LABELS = {"title": "标题", "publisher": "发布机构", "doc_no": "文号", "publish_time": "发布时间",
               "department": "发布部门", "source": "来源", "author": "作者", "editor": "编辑"}
# A contact record's fields ({"role": …, "name": …, "tel": …} in a "contacts" list), as a contact block labels them.
CONTACT_LABELS = {"name": "联系人", "contact": "联系人", "person": "联系人", "tel": "电话", "phone": "电话", "telephone": "电话",
                  "mobile": "手机", "email": "邮箱", "mail": "邮箱", "role": "部门", "dept": "部门", "department": "部门",
                  "org": "部门", "duty": "负责"}
