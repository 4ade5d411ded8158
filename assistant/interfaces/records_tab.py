"""What users said (staff): feedback on answers and the questions not well answered, with exports."""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from assistant.interfaces.shield import STAFF_EXPORT
from assistant.interfaces.web_base import (
    UiBase,
)
from assistant.staff.export import export_file
from assistant.staff.feedback import COLUMNS as FEEDBACK_COLUMNS
from assistant.staff.feedback import SUMMARY_COLUMNS
from assistant.staff.questions import GROUP_COLUMNS


class RecordsTab(UiBase):
    curated_panel: Callable[[], None]  # from CuratedTab, in the same Ui

    """Feedback and the question log, listed and exported (staff)."""

    def list_feedback(self):  # noqa: ANN201
        return f"共 {self.feedback.count()} 条反馈", self.feedback.summary()

    def export_feedback(self, fmt: str = "csv") -> str:
        return str(export_file(f"{STAFF_EXPORT}feedback", FEEDBACK_COLUMNS, self.feedback.rows(limit=1_000_000), fmt))

    # ------------------------------------------------------------ question log

    def list_questions(self, since: str):  # noqa: ANN201
        if self.questions is None:
            return "问题记录未开启。", []
        rows = self.questions.summary_rows((since or "").strip())
        return f"共记录 {self.questions.count()} 个问题；未能很好回答的归为 {len(rows)} 类（保留 {self.questions.retention_days} 天）。", rows

    def export_questions(self, since: str, fmt: str = "csv") -> str | None:
        if self.questions is None:
            return None
        return str(export_file(f"{STAFF_EXPORT}未答问题", GROUP_COLUMNS, self.questions.summary_rows((since or "").strip()), fmt))

    def questions_tab(self) -> None:
        gr.Markdown("用户没能得到满意回答的问题（未能回答、相关度低、👎），按相似问题归类计数。")
        q_since = gr.Textbox(label="起始日期（可选，如 2023-10-01）", elem_id="ql-since")
        q_note = gr.Markdown(elem_id="ql-note")
        q_table = gr.Dataframe(headers=GROUP_COLUMNS, interactive=False, wrap=True, elem_id="ql-table",
                               column_widths=["8%", "40%", "14%", "16%", "22%"])
        with gr.Row():
            q_refresh = gr.Button("刷新", elem_id="ql-refresh")
            q_csv = gr.Button("导出 CSV", elem_id="ql-csv")
            q_xlsx = gr.Button("导出 Excel", elem_id="ql-xlsx")
        q_file = gr.File(label="导出的文件", interactive=False, elem_id="ql-file")
        q_refresh.click(self.list_questions, [q_since], [q_note, q_table])
        q_csv.click(self.export_questions, [q_since], q_file)
        q_xlsx.click(lambda s: self.export_questions(s, "xlsx"), [q_since], q_file)
        self.curated_panel()  # (curated_tab.py) answers for these groups

    def feedback_tab(self) -> None:
        f_note = gr.Markdown(elem_id="fb-note")
        f_table = gr.Dataframe(headers=SUMMARY_COLUMNS, interactive=False, wrap=True,
                               column_widths=["6%", "14%", "8%", "18%", "24%", "30%"], elem_id="fb-table")
        with gr.Row():
            f_refresh = gr.Button("刷新", elem_id="fb-refresh")
            f_csv = gr.Button("导出 CSV", elem_id="fb-csv")
            f_xlsx = gr.Button("导出 Excel", elem_id="fb-xlsx")
        f_file = gr.File(label="导出的文件", interactive=False, elem_id="fb-file")
        f_refresh.click(self.list_feedback, None, [f_note, f_table])
        f_csv.click(self.export_feedback, None, f_file)
        f_xlsx.click(lambda: self.export_feedback("xlsx"), None, f_file)

