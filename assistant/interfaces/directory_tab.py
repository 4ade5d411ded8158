"""The 查询表 tab: deadlines, quotas and contacts as tables to search, filter and export."""

from __future__ import annotations

import gradio as gr

from assistant.interfaces.limits import MAX_SEARCH
from assistant.interfaces.web_base import (
    ALL,
    UiBase,
)
from assistant.staff.calendar import select as select_dates
from assistant.staff.calendar import to_ics
from assistant.staff.directory import Table, contact_table, quota_table, schedule_table
from assistant.staff.export import export_dir, export_file


class DirectoryTab(UiBase):
    """Deadlines, quotas and contacts as tables: search, filter, export, calendar file."""

    def tables(self) -> dict[str, Table]:
        facts, notices = self.bot.facts, self.bot.notices
        return {"日程与截止": schedule_table(facts, notices), "推荐名额": quota_table(facts, notices),
                "联系人": contact_table(facts, notices)}

    def lookup(self, which: str, text: str, year: str, list_name: str, issuer: str = ALL, kind: str = ALL):  # noqa: ANN201
        table = self.tables()[which].filter(str(text or "")[:MAX_SEARCH], year, list_name, issuer, kind).display()
        return gr.update(value=table.rows, headers=table.columns), f"共 {len(table.rows)} 条"

    def export(self, which: str, text: str, year: str, list_name: str, issuer: str = ALL, kind: str = ALL,
               fmt: str = "csv") -> str:
        table = self.tables()[which].filter(str(text or "")[:MAX_SEARCH], year, list_name, issuer, kind)
        return str(export_file(which, table.columns, table.rows, fmt))

    def calendar(self, year: str, list_name: str, issuer: str) -> str | None:
        """The deadlines and stages of the filters as an .ics file."""
        facts = select_dates(self.bot.facts, self.bot.notices, int(year) if year and year != ALL else None,
                             list_name if list_name and list_name != ALL else None,
                             issuer if issuer and issuer != ALL else None)
        path = export_dir() / "科创中国榜单截止时间.ics"
        path.write_bytes(to_ics(facts, self.bot.notices))
        return str(path)

    def directory_tab(self) -> None:
        with gr.Row():
            which = gr.Radio(list(self.tables()), value="联系人", label="表", elem_id="dir-which")
            d_year = self.follow(gr.Dropdown(self.years(), value=ALL, label="年份", elem_id="dir-year"),
                                 lambda: gr.update(choices=self.years()))
            d_list = self.follow(gr.Dropdown(self.lists(), value=ALL, label="榜单", elem_id="dir-list"),
                                 lambda: gr.update(choices=self.lists()))
            d_issuer = self.follow(gr.Dropdown(self.issuers(), value=ALL, label="发文单位", elem_id="dir-issuer"),
                                   lambda: gr.update(choices=self.issuers()))
            d_kind = gr.Dropdown(self.kinds(), value=ALL, label="通知类型", elem_id="dir-kind")
        d_text = gr.Textbox(label="搜索（姓名、电话、机构、领域……）", elem_id="dir-search")
        d_count = gr.Markdown(elem_id="dir-count")
        first = self.tables()["联系人"].display()
        d_table = gr.Dataframe(value=first.rows, headers=first.columns, interactive=False, wrap=True, elem_id="dir-table",
                               max_height=600)
        # Buttons make the file, a File component offers it: one click each, whatever the browser.
        with gr.Row():
            d_csv = gr.Button("导出 CSV", elem_id="dir-csv")
            d_xlsx = gr.Button("导出 Excel", elem_id="dir-xlsx")
            d_ics = gr.Button("导出日历（.ics，截止时间与各阶段）", elem_id="dir-ics")
        d_file = gr.File(label="导出的文件", interactive=False, elem_id="dir-file")
        d_inputs = [which, d_text, d_year, d_list, d_issuer, d_kind]
        for control in (which, d_year, d_list, d_text, d_issuer, d_kind):
            control.change(self.lookup, d_inputs, [d_table, d_count])
        d_csv.click(self.export, d_inputs, d_file)
        d_xlsx.click(lambda *a: self.export(*a, fmt="xlsx"), d_inputs, d_file)
        d_ics.click(self.calendar, [d_year, d_list, d_issuer], d_file)

