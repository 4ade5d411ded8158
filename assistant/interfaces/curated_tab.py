"""Curated answers in the staff console (under 问题记录): pick a group of questions users could not
get answered, write the answer (or start from the assistant's), choose the notice passages it
rests on, save; list them with their state (in use, or flagged for review), approve, delete,
export and import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.answer.compose import MARK
from assistant.answer.curated import CuratedQuote
from assistant.interfaces.render import plain_text
from assistant.interfaces.shield import STAFF_EXPORT
from assistant.interfaces.web_base import UiBase
from assistant.staff.curated import COLUMNS, LIST_COLUMNS, CuratedRefused, passages
from assistant.staff.export import export_file

UNAVAILABLE = "未配置审定答案存储。"


def _choice(q: CuratedQuote) -> tuple[str, str]:
    """A passage as a checkbox: what staff read, and a value naming only where it is (the text is
    read again from the notice when saved, never taken from the browser)."""
    label = f"{q.notice} · {q.section[:30]}：{q.quote[:120]}"
    return label, json.dumps([q.notice, q.start, q.end, q.section[:200]], ensure_ascii=False)


class CuratedTab(UiBase):
    """Staff's answers for what the assistant could not answer well."""

    def group_choices(self) -> list[str]:
        return [g.question for g in self.questions.unanswered()] if self.questions else []

    def pick_group(self, question: str | None) -> tuple[str, str, str, Any, str]:
        """A group opened: its question, its other wordings, passages found for it; a new answer."""
        if not question or self.questions is None:
            return "", "", "", gr.update(choices=[], value=[]), ""
        group = next((g for g in self.questions.unanswered() if g.question == question), None)
        others = "\n".join(group.others) if group else ""
        return question, others, question, self.find_passages(question), ""

    def load_curated(self, curated_id: str | None) -> tuple[Any, Any, Any, Any, str]:
        """A saved answer back in the form to correct (saving rewrites it and approves it again)."""
        found = self.curated.get(int(curated_id)) if self.curated and curated_id else None
        if found is None:
            return gr.update(), gr.update(), gr.update(), gr.update(), ""
        choices = [_choice(q) for q in found.quotes]
        return (found.question, "\n".join(found.variants), found.answer,
                gr.update(choices=choices, value=[v for _, v in choices]), str(found.id))

    def find_passages(self, query: str) -> Any:
        found = passages(self.bot.retriever, self.bot.notices, query)
        return gr.update(choices=[_choice(q) for q in found], value=[])

    def draft_from_assistant(self, question: str) -> str:
        """The assistant's own answer, without its citation marks, as a draft to correct."""
        if not (question or "").strip():
            return ""
        return MARK.sub("", self.bot.answer(question.strip()).answer).strip()

    def save_curated(self, question: str, variants: str, answer: str, chosen: list[str] | None,
                     editing: str | None = None) -> tuple[str, list[list[object]], Any]:
        """A new answer, or (`editing`, the id loaded from the list) that one rewritten."""
        unchanged = (self.curated_rows(), gr.update())
        if self.curated is None:
            return UNAVAILABLE, *unchanged
        quotes = []
        for value in chosen or []:
            try:
                notice, start, end, section = json.loads(value)
                quotes.append(CuratedQuote(str(notice), "", str(section)[:200], int(start), int(end),
                                           self.bot.notices[str(notice)].original[int(start):int(end)]))
            except (ValueError, TypeError, KeyError):
                return "所选原文已不在通知库中，请重新查找。", *unchanged
        try:
            saved = self.curated.save(question, answer, quotes, self.bot.notices, (variants or "").splitlines(),
                                      curated_id=int(editing) if (editing or "").isdigit() else None)
        except CuratedRefused as exc:
            return f"**未保存**：{plain_text(str(exc))}", *unchanged
        return (f"已保存审定答案 {saved.id}：之后与“{plain_text(saved.question)}”相似的问题将先给出这个答案。",
                self.curated_rows(), gr.update(choices=self.curated_choices(), value=None))

    # ------------------------------------------------------------ the list

    def curated_rows(self) -> list[list[object]]:
        if self.curated is None:
            return []
        self.curated.sweep(self.bot.notices)  # a notice removed, disabled or replaced since: flagged now
        return self.curated.list_rows()

    def curated_choices(self) -> list[tuple[str, str]]:
        return [(f"{c.id} · {c.question[:40]}", str(c.id)) for c in self.curated.all()] if self.curated else []

    def curated_action(self, curated_id: str | None, action: str, confirmed: bool) -> tuple[str, list[list[object]], Any]:
        if self.curated is None or not curated_id:
            return "请先选择审定答案。", self.curated_rows(), gr.update()
        try:
            if action == "复核通过":
                done = self.curated.approve(int(curated_id), self.bot.notices)
                message = f"审定答案 {done.id} 已复核，重新启用。"
            elif not confirmed:
                return "请勾选“确认删除”后再执行。", self.curated_rows(), gr.update()
            else:
                message = f"已删除审定答案 {curated_id}。" if self.curated.delete(int(curated_id)) else "没有这个审定答案。"
        except CuratedRefused as exc:
            message = f"**未能复核**：{plain_text(str(exc))}（请重新选择依据的原文后保存）"
        return message, self.curated_rows(), gr.update(choices=self.curated_choices(), value=None)

    def export_curated(self, fmt: str = "csv") -> str | None:
        if self.curated is None:
            return None
        return str(export_file(f"{STAFF_EXPORT}审定答案", COLUMNS, self.curated.export_rows(), fmt))

    def import_curated(self, upload: Any) -> tuple[str, list[list[object]], Any]:
        if self.curated is None or upload is None:
            return "请先选择导出格式的 CSV 或 Excel 文件。", self.curated_rows(), gr.update()
        try:
            done = self.curated.import_file(Path(getattr(upload, "name", upload)), self.bot.notices)
        except CuratedRefused as exc:
            return f"**导入失败**：{plain_text(str(exc))}", self.curated_rows(), gr.update()
        return f"已导入 {len(done)} 条审定答案。", self.curated_rows(), gr.update(choices=self.curated_choices(), value=None)

    def curated_panel(self) -> None:
        gr.Markdown("### 审定答案\n选一类问题，写出答案（或从助手的回答改起），并勾选它依据的通知原文。"
                    "之后相似的问题会先给出这个答案，标明“工作人员审定”和出处；所引通知被删除、停用或替换后，"
                    "答案停用并标为“需复核”。")
        c_group = self.follow(gr.Dropdown(self.group_choices(), label="未能很好回答的一类问题", elem_id="cur-group"),
                              lambda: gr.update(choices=self.group_choices()))
        c_question = gr.Textbox(label="问题", elem_id="cur-question")
        c_variants = gr.Textbox(label="其他问法（每行一个，可选）", lines=2, elem_id="cur-variants")
        c_answer = gr.Textbox(label="审定答案", lines=4, elem_id="cur-answer")
        gr.Button("用助手的回答作草稿", elem_id="cur-draft").click(self.draft_from_assistant, [c_question], c_answer)
        with gr.Row():
            c_search = gr.Textbox(label="在通知中查找依据", elem_id="cur-search", scale=4)
            c_find = gr.Button("查找原文", elem_id="cur-find", scale=1)
        c_quotes = gr.CheckboxGroup([], label="勾选依据的原文（可多选）", elem_id="cur-quotes")
        c_editing = gr.Textbox(visible=False)  # the id of the answer being corrected; empty: a new one
        c_save = gr.Button("保存审定答案", variant="primary", elem_id="cur-save")
        c_status = gr.Markdown(elem_id="cur-status")
        c_table = self.follow(gr.Dataframe(value=self.curated_rows(), headers=LIST_COLUMNS, interactive=False, wrap=True,
                                           elem_id="cur-table", column_widths=["6%", "22%", "34%", "16%", "12%", "10%"]),
                              self.curated_rows)
        with gr.Row():
            c_pick = self.follow(gr.Dropdown(self.curated_choices(), label="选择审定答案", elem_id="cur-pick"),
                                 lambda: gr.update(choices=self.curated_choices()))
            c_action = gr.Radio(["复核通过", "删除"], value="复核通过", label="操作", elem_id="cur-action")
            c_confirm = gr.Checkbox(label="确认删除", elem_id="cur-confirm")
            c_run = gr.Button("执行", elem_id="cur-run")
        with gr.Row():
            c_refresh = gr.Button("刷新", elem_id="cur-refresh")
            c_csv = gr.Button("导出 CSV", elem_id="cur-csv")
            c_xlsx = gr.Button("导出 Excel", elem_id="cur-xlsx")
        c_file = gr.File(label="导出的文件", interactive=False, elem_id="cur-file")
        c_upload = gr.File(label="导入（CSV 或 Excel，格式同导出）", file_types=[".csv", ".xlsx"], elem_id="cur-upload")
        c_import = gr.Button("导入", elem_id="cur-import")

        c_group.change(self.pick_group, [c_group], [c_question, c_variants, c_search, c_quotes, c_editing])
        c_pick.change(self.load_curated, [c_pick], [c_question, c_variants, c_answer, c_quotes, c_editing])
        c_find.click(self.find_passages, [c_search], c_quotes)
        c_search.submit(self.find_passages, [c_search], c_quotes)
        c_save.click(
            self.save_curated, [c_question, c_variants, c_answer, c_quotes, c_editing], [c_status, c_table, c_pick])
        c_run.click(self.curated_action, [c_pick, c_action, c_confirm], [c_status, c_table, c_pick])
        c_refresh.click(lambda: (self.curated_rows(), gr.update(choices=self.group_choices())), None, [c_table, c_group])
        c_csv.click(self.export_curated, None, c_file)
        c_xlsx.click(lambda: self.export_curated("xlsx"), None, c_file)
        c_import.click(self.import_curated, [c_upload], [c_status, c_table, c_pick])
