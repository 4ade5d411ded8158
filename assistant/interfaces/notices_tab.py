"""The notices: their table and text (public), and import, removal, disabling and replacement (staff)."""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from assistant.answer.phrasing import NOTICE_KINDS, notice_kind
from assistant.ingest.facts import extract_facts
from assistant.ingest.importer import IngestError, describe
from assistant.ingest.manage import REMOVED, NoticeRow, disabled_notice, list_notices
from assistant.ingest.notices import NoticeMeta
from assistant.ingest.review import review
from assistant.interfaces.render import identity_line, notice_html, plain_text, review_html
from assistant.interfaces.uploads import UploadRefused, received
from assistant.interfaces.web_base import ALL, UiBase
from assistant.model import Fact
from assistant.staff import selftest

CORRECTION_LABELS = {"issuer": "发文单位", "year": "年份", "kind": "类型"}


class NoticesTab(UiBase):
    """The notices' table and text; import, removal, disabling, replacement (staff)."""

    def notices_rows(self, issuer: str = ALL, kind: str = ALL) -> list[list[object]]:
        """Every notice, the disabled ones last and marked so."""
        rows = [[n.id, n.year, n.title, n.issuer_label, n.doc_number or n.parent_doc_number, n.date, notice_kind(n.kind)]
                for n in self.bot.notices.values()]
        rows += [[r.file, r.year, r.title, r.issuer_shown, r.doc_number or r.parent_doc_number, r.date, f"{notice_kind(r.kind)}（已停用）"]
                 for r in self.managed() if not r.enabled]
        return [r for r in rows if issuer in (ALL, "", None, r[3]) and (kind in (ALL, "", None) or str(r[6]).startswith(kind))]

    def show_notice(self, notice_id: str | None) -> str:
        notice = self.bot.notices.get(notice_id or "")
        return notice_html(notice) if notice else ""

    def upload(self, files: list | None, disabled: bool = False):  # noqa: ANN201
        """Import, then review the last file imported: what was read, warnings, the self-test (run at
        once for a notice that goes live; a notice imported disabled is tested when enabled)."""
        unchanged = (self.notices_rows(), gr.update(), gr.update(), *self.review_of(None))
        if not files:
            return "请选择要上传的通知文件。", *unchanged
        try:
            added = self.bot.ingest(received(files))
            names = [str(a["source"]) for a in added]
            if disabled:
                for name in names:
                    self.bot.manage("disable", name)
            else:
                for name in names:
                    self.bot.self_test(name)
        except (IngestError, UploadRefused) as exc:
            return f"**导入失败**： {plain_text(str(exc))}", *unchanged
        state = "（已停用：核对无误后在下方“管理通知”中启用）" if disabled else ""
        message = f"**已导入**{state}：" + "；".join(plain_text(describe(a)) for a in added)
        return (message, self.notices_rows(), gr.update(choices=list(self.bot.notices), value=None if disabled else names[-1]),
                gr.update(choices=self.reviewable(), value=names[-1]), *self.review_of(names[-1]))

    def reviewable(self) -> list[str]:
        return [r.file for r in self.managed()]

    def _notice_and_facts(self, name: str) -> tuple[NoticeMeta, list[Fact]] | None:
        if name in self.bot.notices:
            return self.bot.notices[name], self.bot.facts
        try:
            notice = disabled_notice(self.bot.settings, name)
        except IngestError:
            return None
        return notice, extract_facts(notice)

    def review_of(self, name: str | None) -> tuple[str, Any, Any, Any]:
        """The review panel of one notice and its correction fields, filled with what was read."""
        found = self._notice_and_facts(name) if name else None
        if found is None:
            return "", gr.update(value=""), gr.update(value=None), gr.update(value=None)
        notice, facts = found
        result = selftest.load(self.bot.settings.corpus_dir, notice)
        panel = review_html(review(notice, facts), result)
        head = " · ".join(html.escape(x) for x in identity_line(notice) if x)
        return (f'<div class="review-head">{head}</div>{panel}', gr.update(value=notice.issuer),
                gr.update(value=notice.year), gr.update(value=str(notice.kind)))

    def save_correction(self, name: str | None, issuer: str, year: float | None, kind: str | None):  # noqa: ANN201
        """Write staff's issuer, year and kind for the notice (what differs from what was read), rebuild,
        and run its self-test again."""
        if not name:
            return "请先选择要核对的通知。", self.notices_rows(), *self.review_of(None)
        found = self._notice_and_facts(name)
        if found is None:
            return f"通知库中没有 {html.escape(name)}", self.notices_rows(), *self.review_of(None)
        notice = found[0]
        changes: dict[str, object] = {}
        if (issuer or "").strip() != notice.issuer:
            changes["issuer"] = (issuer or "").strip()
        if year is not None and int(year) != notice.year:
            changes["year"] = int(year)
        if kind and kind != str(notice.kind):
            changes["kind"] = kind
        if not changes:
            return "没有改动。", self.notices_rows(), *self.review_of(name)
        try:
            self.bot.correct(name, changes)
            if name in self.bot.notices:
                self.bot.self_test(name)
        except IngestError as exc:
            return f"**更正失败**： {plain_text(str(exc))}", self.notices_rows(), *self.review_of(name)
        done = "、".join(f"{CORRECTION_LABELS[k]}→{v}" for k, v in changes.items())
        return f"**已更正**：{plain_text(done)}（已写入 corpus/manifest.yaml，索引已重建）", self.notices_rows(), *self.review_of(name)

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
        files = gr.File(label="上传新通知（.txt / .md / .csv / .tsv / .docx / .xlsx / .pdf，单个不超过 20 MB）", file_count="multiple", elem_id="upload")
        disabled = gr.Checkbox(label="导入后先停用（核对后再启用）", elem_id="upload-disabled")
        n_status = gr.Markdown(elem_id="upload-status")
        upload = gr.Button("导入", elem_id="upload-run")
        gr.Markdown("#### 导入核对\n读出的身份、榜单、名额、截止时间、联系人等（各附原文）、缺项提醒和自测。发文单位、年份、类型读错时在此更正。")
        r_pick = self.follow(gr.Dropdown(self.reviewable(), label="核对的通知", elem_id="review-pick"),
                             lambda: gr.update(choices=self.reviewable()))
        r_view = gr.HTML(elem_id="review-panel")
        with gr.Row():
            r_issuer = gr.Textbox(label="发文单位", elem_id="review-issuer")
            r_year = gr.Number(label="年份", precision=0, elem_id="review-year")
            r_kind = gr.Dropdown([(label, str(k)) for k, label in NOTICE_KINDS.items()], label="通知类型", elem_id="review-kind")
        r_status = gr.Markdown(elem_id="review-status")
        fields = [r_view, r_issuer, r_year, r_kind]
        upload.click(self.upload, [files, disabled], [n_status, n_table, n_pick, r_pick, *fields])
        r_pick.change(self.review_of, r_pick, fields)
        gr.Button("保存更正并重建索引", elem_id="review-save").click(
            self.save_correction, [r_pick, r_issuer, r_year, r_kind], [r_status, n_table, *fields])
        gr.Markdown("#### 管理通知\n删除的文件保存在 corpus/.removed/（带时间戳），停用的保存在 corpus/.disabled/；替换使用上方选择的文件并保留原文件名。")
        with gr.Row():
            m_pick = self.follow(gr.Dropdown([r.file for r in self.managed()], label="通知文件", elem_id="manage-pick"),
                                 lambda: gr.update(choices=[r.file for r in self.managed()]))
            m_action = gr.Radio(["删除", "停用", "启用", "替换"], value="停用", label="操作", elem_id="manage-action")
            m_confirm = gr.Checkbox(label="确认执行", elem_id="manage-confirm")
        m_status = gr.Markdown(elem_id="manage-status")
        gr.Button("执行", variant="stop", elem_id="manage-run").click(
            self.manage, [m_pick, m_action, m_confirm, files], [m_status, n_table, n_pick, m_pick])

