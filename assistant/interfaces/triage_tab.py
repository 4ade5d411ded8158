"""Enquiry triage: one pasted enquiry (public) and a sheet of them (staff)."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.interfaces.render import (
    answer_markdown,
    plain_text,
    sources_markdown,
)
from assistant.interfaces.shield import STAFF_EXPORT
from assistant.interfaces.uploads import UploadRefused, received
from assistant.interfaces.web_base import (
    UiBase,
)
from assistant.staff.batch import ADDED as BATCH_ADDED
from assistant.staff.batch import BatchError, triage_file
from assistant.staff.export import export_dir
from assistant.staff.triage import triage


class TriageTab(UiBase):
    """One pasted enquiry sorted and routed; a sheet of them (staff)."""

    def run_triage(self, text: str) -> tuple[str, str]:
        result = triage(self.bot, text or "")
        route = result.route
        routing = (f"**转交**： {plain_text(route.who)}（{plain_text(route.contact())}）  \n{plain_text(route.reason)}"
                   if route else "通知中没有合适的联系人，请人工处理。")
        head = f"**类别**： {result.label}\n\n{routing}\n\n---\n\n{answer_markdown(result.answer)}"
        return head, sources_markdown(result.answer)

    def triage_tab(self) -> None:
        t_text = gr.Textbox(label="粘贴咨询内容（如邮件正文）", lines=6, elem_id="triage-text")
        t_btn = gr.Button("分流", variant="primary", elem_id="triage-run")
        with gr.Row():
            t_out = gr.Markdown(elem_id="triage-result")
            t_src = gr.Markdown()
        t_btn.click(self.run_triage, t_text, [t_out, t_src])

    def batch_tab(self) -> None:
        gr.Markdown("#### 批量分流\n上传每行一条咨询的 .csv 或 .xlsx（“内容”列，或第一个文字列）；结果文件保留原有各列，并加上类别、转交联系人、回答和引用。")
        with gr.Row():
            t_file = gr.File(label="咨询表格（.csv / .xlsx）", file_types=[".csv", ".xlsx"], elem_id="triage-file")
            t_routed = gr.File(label="分流结果", interactive=False, elem_id="triage-routed")
        t_status = gr.Markdown(elem_id="triage-batch-status")
        gr.Button("批量分流", elem_id="triage-batch-run").click(self.run_batch, t_file, [t_routed, t_status])

    def run_batch(self, upload: Any, progress: gr.Progress = gr.Progress()) -> tuple[str | None, str]:  # noqa: B008
        if not upload:
            return None, "请先上传咨询表格。"
        try:
            src = received(upload)[0]
        except UploadRefused as exc:
            return None, f"**无法分流**： {exc}"
        dst = export_dir() / f"{STAFF_EXPORT}{src.stem}_分流{src.suffix.lower()}"
        try:
            routed = triage_file(self.bot, src, dst, lambda rows, n: progress.tqdm(rows, total=n, desc="分流中"))
        except BatchError as exc:
            return None, f"**无法分流**： {plain_text(str(exc))}"
        done = sum(1 for r in routed.rows if r[len(routed.columns) - len(BATCH_ADDED)] == "已处理")
        return str(dst), f"共 {len(routed.rows)} 行：已分流 {done} 行，其余 {len(routed.rows) - done} 行为空白或不含中文（见“处理状态”列）。"

