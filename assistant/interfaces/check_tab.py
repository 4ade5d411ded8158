"""The 资格自查 tab: a situation checked clause by clause against a list's conditions."""

from __future__ import annotations

import gradio as gr

from assistant.answer.profile import situation_profile
from assistant.interfaces.limits import MAX_INPUT
from assistant.interfaces.render import (
    plain_text,
)
from assistant.interfaces.web_base import (
    ALL,
    UiBase,
)


class CheckTab(UiBase):
    """A situation checked clause by clause against a list's conditions."""

    def run_check(self, list_name: str, year: str, field: str, situation: str, founded: str) -> tuple[str, str]:
        """The clause-by-clause check, each clause quoted with its place in the notice."""
        if not list_name or list_name == ALL:
            return "请先选择榜单。", ""
        situation = str(situation or "")[:MAX_INPUT]  # read like a question, bounded like one
        profile = situation_profile(situation, founded, self.bot.settings.today)
        result = self.bot.check(list_name, int(year) if year and year != ALL else None, profile,
                                field if field and field != ALL else None)
        if result is None:
            return f"通知中没有{plain_text(list_name)}{'（' + year + '年）' if year and year != ALL else ''}的申报条件。", ""
        data = result.to_dict(self.bot.notices)
        rows = [f"**{data['year']}年{plain_text(data['list'])}（{plain_text(data['heading'])}）申报条件逐条核对**", "",
                "| 结论 | 条件（通知原文） | 依据 |", "| --- | --- | --- |"]
        sources = []
        for i, c in enumerate(data["clauses"], 1):
            reason = plain_text(c["reason"]) if c["reason"] else "您的描述未涉及，请自行核实"
            rows.append(f"| {c['verdict']} | {plain_text(c['clause'])} [{i}] | {reason} |")
            cite = c["citation"]
            sources.append(f"**[{i}]** {plain_text(cite['source'])} · {plain_text(cite['section'])} · 原文位置 {cite['start']}–{cite['end']}")
        if data["not_ruled"]:
            rows += ["", f"通知未规定：{'、'.join(data['not_ruled'])}（申报条件中没有这方面的门槛）。"]
        failed = sum(c["verdict"] == "不符合" for c in data["clauses"])
        unchecked = sum(c["verdict"] == "需要核实" for c in data["clauses"])
        rows += ["", f"结论：有{failed}条不符合，按通知条件不能申报。" if failed else
                 f"结论：未发现不符合的条件；还有{unchecked}条需要您自行核实后再确定能否申报。"]
        return "\n".join(rows), "\n\n".join(sources)

    def selfcheck_tab(self) -> None:
        gr.Markdown("选择榜单，用一段话描述您的情况（成立时间、注册地、是否上市、技术验证情况、是否涉密、是否入选过等），"
                    "逐条对照通知中的申报条件。")
        with gr.Row():
            c_list = self.follow(gr.Dropdown(self.lists(), value=ALL, label="榜单", elem_id="check-list"),
                                 lambda: gr.update(choices=self.lists()))
            c_year = self.follow(gr.Dropdown(self.years(), value=ALL, label="年份（不选则取最新一轮）", elem_id="check-year"),
                                 lambda: gr.update(choices=self.years()))
            c_field = gr.Dropdown([ALL, *sorted(set(self.bot.store.names.fields.values()))], value=ALL, label="领域（先导技术榜）",
                                  elem_id="check-field")
        c_text = gr.Textbox(label="您的情况", lines=3, elem_id="check-text",
                            placeholder="例如：我们公司2016年在深圳注册，去年在创业板上市，没有发生过安全事故。")
        c_founded = gr.Textbox(label="成立/注册时间（可选，如 2016 或 2016-03）", elem_id="check-founded")
        c_btn = gr.Button("逐条核对", variant="primary", elem_id="check-run")
        with gr.Row():
            c_out = gr.Markdown(elem_id="check-result")
            c_src = gr.Markdown(elem_id="check-sources")
        c_btn.click(self.run_check, [c_list, c_year, c_field, c_text, c_founded], [c_out, c_src])

