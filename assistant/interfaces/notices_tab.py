"""The notices: their table and text (public), and import, removal, disabling and replacement (staff)."""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from assistant.answer.phrasing import notice_kind
from assistant.ingest.importer import IngestError, describe
from assistant.ingest.manage import REMOVED, NoticeRow, list_notices
from assistant.interfaces.render import (
    notice_html,
    plain_text,
)
from assistant.interfaces.uploads import UploadRefused, received
from assistant.interfaces.web_base import (
    ALL,
    UiBase,
)


class NoticesTab(UiBase):
    """The notices' table and text; import, removal, disabling, replacement (staff)."""

    def notices_rows(self, issuer: str = ALL, kind: str = ALL) -> list[list[object]]:
        """Every notice, the disabled ones last and marked so."""
        rows = [[n.id, n.year, n.title, n.issuer, n.doc_number or n.parent_doc_number, n.date, notice_kind(n.kind)]
                for n in self.bot.notices.values()]
        rows += [[r.file, r.year, r.title, r.issuer, "", "", f"{notice_kind(r.kind)}（已停用）"]
                 for r in self.managed() if not r.enabled]
        return [r for r in rows if issuer in (ALL, "", None, r[3]) and (kind in (ALL, "", None) or str(r[6]).startswith(kind))]

    def show_notice(self, notice_id: str | None) -> str:
        notice = self.bot.notices.get(notice_id or "")
        return notice_html(notice) if notice else ""

    def upload(self, files: list | None):  # noqa: ANN201
        if not files:
            return "请选择要上传的通知文件。", self.notices_rows(), gr.update()
        try:
            added = self.bot.ingest(received(files))
        except (IngestError, UploadRefused) as exc:
            return f"**导入失败**： {plain_text(str(exc))}", self.notices_rows(), gr.update()
        message = "**已导入**：" + "；".join(plain_text(describe(a)) for a in added)
        return message, self.notices_rows(), gr.update(choices=list(self.bot.notices), value=added[-1]["source"])

    def managed(self) -> list[NoticeRow]:
        store = self.bot.store
        return list_notices(self.bot.settings, store.notices, store.chunks, store.facts)

    def manage(self, name: str | None, action: str, confirmed: bool, files: list | None):  # noqa: ANN201
        """删除 / 停用 / 启用 / 替换 one notice, once the confirmation is ticked (the console is behind the login)."""
        unchanged = (self.notices_rows(), gr.update(), gr.update())
        if not name:
            return "请先选择通知。", *unchanged
        if not confirmed:
            return f"请勾选“确认”后再{action}：{html.escape(name)}。", *unchanged
        actions = {"删除": "remove", "停用": "disable", "启用": "enable", "替换": "replace"}
        path = None
        if action == "替换" and not files:
            return "替换需要先在上方选择更正后的通知文件。", *unchanged
        try:
            if action == "替换":
                path = received(files[:1])[0]
            self.bot.manage(actions[action], name, path)
        except (IngestError, KeyError, UploadRefused) as exc:
            return f"**操作失败**： {plain_text(str(exc))}", *unchanged
        done = {"删除": f"已删除（文件保存在 corpus/{REMOVED}/，可恢复）", "停用": "已停用", "启用": "已启用", "替换": "已替换"}[action]
        names = [r.file for r in self.managed()]
        return (f"{done}：{html.escape(name)}", self.notices_rows(), gr.update(choices=list(self.bot.notices), value=None),
                gr.update(choices=names, value=None))

    def notices_view(self) -> tuple[Any, Any]:
        """The notices table (filtered by issuer and kind) and the notice viewer; both follow the corpus."""
        with gr.Row():
            n_issuer = self.follow(gr.Dropdown(self.issuers(), value=ALL, label="发文单位", elem_id="notice-issuer"),
                                   lambda: gr.update(choices=self.issuers()))
            n_kind = gr.Dropdown(self.kinds(), value=ALL, label="通知类型", elem_id="notice-kind")
        n_table = self.follow(
            gr.Dataframe(value=self.notices_rows(), headers=["文件", "年份", "标题", "发文单位", "文号", "日期", "类型"],
                         interactive=False, wrap=True, elem_id="notice-table",
                         column_widths=["17%", "6%", "30%", "12%", "14%", "10%", "11%"]),
            self.notices_rows)
        n_pick = self.follow(gr.Dropdown(list(self.bot.notices), label="查看通知", elem_id="notice-pick"),
                             lambda: gr.update(choices=list(self.bot.notices)))
        n_view = gr.HTML()
        n_pick.change(self.show_notice, n_pick, n_view)
        for control in (n_issuer, n_kind):
            control.change(self.notices_rows, [n_issuer, n_kind], n_table)
        return n_table, n_pick

    def notices_tab(self) -> None:
        self.notices_view()

    def notices_admin_tab(self) -> None:
        n_table, n_pick = self.notices_view()
        files = gr.File(label="上传新通知（.txt / .docx / .pdf，单个不超过 20 MB）", file_count="multiple", elem_id="upload")
        n_status = gr.Markdown(elem_id="upload-status")
        gr.Button("导入", elem_id="upload-run").click(self.upload, [files], [n_status, n_table, n_pick])
        gr.Markdown("#### 管理通知\n删除的文件保存在 corpus/.removed/（带时间戳），停用的保存在 corpus/.disabled/；替换使用上方选择的文件并保留原文件名。")
        with gr.Row():
            m_pick = self.follow(gr.Dropdown([r.file for r in self.managed()], label="通知文件", elem_id="manage-pick"),
                                 lambda: gr.update(choices=[r.file for r in self.managed()]))
            m_action = gr.Radio(["删除", "停用", "启用", "替换"], value="停用", label="操作", elem_id="manage-action")
            m_confirm = gr.Checkbox(label="确认执行", elem_id="manage-confirm")
        m_status = gr.Markdown(elem_id="manage-status")
        gr.Button("执行", variant="stop", elem_id="manage-run").click(
            self.manage, [m_pick, m_action, m_confirm, files], [m_status, n_table, n_pick, m_pick])

