"""The Gradio web app: a thin layer over the same Assistant the command line uses."""

from __future__ import annotations

import hashlib
import hmac
import html
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from assistant.config import Settings, quiet_offline_env

quiet_offline_env()

import gradio as gr  # noqa: E402

from assistant.answer.compose import Answer  # noqa: E402
from assistant.answer.phrasing import NOTICE_KINDS, notice_kind  # noqa: E402
from assistant.answer.profile import read_profile  # noqa: E402
from assistant.answer.understand import normalize_question, normalize_years  # noqa: E402
from assistant.assistant import Assistant  # noqa: E402
from assistant.ingest.importer import IngestError, describe  # noqa: E402
from assistant.ingest.manage import REMOVED, NoticeRow, list_notices  # noqa: E402
from assistant.interfaces.guard import LoginGuard, Throttle, weak_password  # noqa: E402
from assistant.interfaces.render import (  # noqa: E402
    answer_markdown,
    citation_choices,
    notice_html,
    plain_text,
    sources_markdown,
)
from assistant.interfaces.shield import STAFF_EXPORT, Shield, ShieldSettings  # noqa: E402
from assistant.interfaces.uploads import UploadRefused, received  # noqa: E402
from assistant.model import AnswerKind  # noqa: E402
from assistant.staff.batch import ADDED as BATCH_ADDED  # noqa: E402
from assistant.staff.batch import BatchError, triage_file  # noqa: E402
from assistant.staff.calendar import select as select_dates  # noqa: E402
from assistant.staff.calendar import to_ics  # noqa: E402
from assistant.staff.directory import Table, contact_table, quota_table, schedule_table  # noqa: E402
from assistant.staff.export import export_dir, export_file  # noqa: E402
from assistant.staff.feedback import COLUMNS as FEEDBACK_COLUMNS  # noqa: E402
from assistant.staff.feedback import SUMMARY_COLUMNS, FeedbackStore  # noqa: E402
from assistant.staff.questions import GROUP_COLUMNS, QuestionLog  # noqa: E402
from assistant.staff.triage import triage  # noqa: E402

EXAMPLES = [
    "2023年先导技术榜的申报截止时间是什么时候？",
    "2023年电子信息领域先导技术榜的联系人和电话",
    "2022年先导技术榜每个领域各单位推荐不超过几个？",
    "2021年设置了哪几类榜单？",
    "新锐企业榜对企业信用有什么要求？",
    "学会会员内部报送材料的截止时间？",
]
ALL = "全部"
MAX_INPUT = 5000  # characters of a question or an enquiry read at all (answering reads the first 500)
MAX_SEARCH = 100  # characters of a directory search
MAX_UPLOAD = "20mb"  # the importer's own limit, enforced before a file is stored
log = logging.getLogger("app")


def client_of(request: gr.Request | None) -> str:
    """The client's address, the key of the per-client limits."""
    client = getattr(request, "client", None)
    return str(getattr(client, "host", "") or "?")
CSS = """
.notice-view .notice-text { white-space: pre-wrap; max-height: 520px; overflow-y: auto; font-size: 14px;
  line-height: 1.7; border: 1px solid #ddd; padding: 10px; border-radius: 6px; background: #fafafa; }
.notice-view mark.cited { background: #ffe36e; padding: 1px 0; }
.notice-view .meta, .notice-view .where { color: #555; font-size: 13px; margin-bottom: 6px; }
#sources blockquote { margin: 4px 0 10px 0; }
"""
SCROLL_TO_MARK = "() => { setTimeout(() => document.getElementById('hl')?.scrollIntoView({block: 'center'}), 100); }"


class Ui:
    """The app's tabs and their callbacks, over one Assistant. Every callback reads the assistant's
    current snapshot, so a notice imported by anyone is visible to the next call."""

    def __init__(self, bot: Assistant, feedback: FeedbackStore, questions: QuestionLog | None = None) -> None:
        self.bot = bot
        self.feedback = feedback
        self.questions = questions
        # Writes anonymous users cause, per client address: feedback, and entries of the question log.
        self.feedback_limit = Throttle(20, 60)
        self.log_limit = Throttle(60, 60)
        # (component, how to rebuild its choices): refreshed on every page load and after an import,
        # so a notice imported by anyone shows at once in every browser.
        self.live: list[tuple[Any, Callable[[], Any]]] = []

    def follow(self, component: Any, choices: Callable[[], Any]) -> Any:
        self.live.append((component, choices))
        return component

    def refreshed(self) -> list[Any]:
        return [choices() for _, choices in self.live]

    # ------------------------------------------------------------ shared

    def years(self) -> list[str]:
        return [ALL, *[str(y) for y in reversed(self.bot.store.years)]]

    def issuers(self) -> list[str]:
        return [ALL, *sorted({n.issuer for n in self.bot.notices.values() if n.issuer})]

    @staticmethod
    def kinds() -> list[str]:
        return [ALL, *NOTICE_KINDS.values()]

    def lists(self) -> list[str]:
        """The list families the notices use, by their current names (each is also a key)."""
        return [ALL, *self.bot.store.names.list_names()]

    @staticmethod
    def filters(year: str, list_name: str) -> dict[str, object]:
        out: dict[str, object] = {}
        if year and year != ALL:
            out["year"] = int(year)
        if list_name and list_name != ALL:
            out["list"] = list_name
        return out

    def answer_api(self, question: str, session: str = "", request: gr.Request = None) -> dict[str, Any]:  # type: ignore[assignment]
        """The answer object of the command line's --json, for scripts and the load test."""
        if not isinstance(question, str):  # a number, a list, an object: said so, never guessed at
            return Answer("问题须为一段文字（字符串），例如：“2023年先导技术榜的申报截止时间是什么时候？”",
                          AnswerKind.DECLINE).to_dict()
        ans = self.bot.answer(question[:MAX_INPUT], session_id=str(session or "") or None)
        self.log(question, ans, "api", request)
        return ans.to_dict()

    def log(self, question: str, ans: Any, channel: str, request: gr.Request | None = None) -> int | None:
        """Record the question in the question log (what users could not get answered)."""
        if not isinstance(question, str):
            question = str(question or "")[:MAX_INPUT]
        if self.questions is None or not question.strip() or not self.log_limit.allow(client_of(request)):
            return None
        try:
            return self.questions.record(question, ans, channel)
        except Exception:  # the log must never cost the answer
            return None

    # ------------------------------------------------------------ chat

    def ask(self, message: str, history: list, session: str, year: str, list_name: str,  # noqa: ANN201
            request: gr.Request = None):  # type: ignore[assignment]
        message = str(message or "")[:MAX_INPUT]  # the assistant reads the first 500 characters anyway
        shown = plain_text(message)  # what a user types is shown as text: no HTML, no Markdown links
        history = [*history, {"role": "user", "content": shown}, {"role": "assistant", "content": "……"}]
        written = ""
        ans = None
        for event, value in self.bot.stream(message or "", session_id=session, filters=self.filters(year, list_name)):
            if event == "delta":  # a language model is writing: show it as it comes
                written += value
                history[-1] = {"role": "assistant", "content": plain_text(written) + " ▌"}
                yield history, gr.update(), gr.update(), "", gr.update(), gr.update()
            else:
                ans = value
        history[-1] = {"role": "assistant", "content": answer_markdown(ans)}
        record = {"question": message or "", **ans.to_dict(), "log_id": self.log(message, ans, "app", request)}
        choices = citation_choices(ans)
        yield history, sources_markdown(ans), gr.update(choices=choices, value=None, visible=bool(choices)), "", record, ""

    def open_citation(self, choice: str | None, record: dict[str, Any]) -> str:
        if choice is None or not record:
            return ""
        try:
            c = record["citations"][int(choice)]
        except (KeyError, IndexError, ValueError):
            return ""
        notice = self.bot.notices.get(c["source"])
        if notice is None:
            return "<p>该通知已不在通知库中。</p>"
        return notice_html(notice, c["start"], c["end"], c["section"])

    def rate(self, record: dict[str, Any], comment: str, rating: int, request: gr.Request | None = None) -> str:
        if not record:
            return "请先提问，再对回答给出反馈。"
        if not self.feedback_limit.allow(client_of(request)):
            return "反馈提交过于频繁，请稍后再试。"
        self.feedback.add(record.get("question", ""), record, rating, comment)
        if self.questions is not None and record.get("log_id"):
            self.questions.rate(int(record["log_id"]), rating)
        return "已记录反馈，谢谢！" if rating > 0 else "已记录，我们会改进这个回答。"

    def rate_up(self, record: dict[str, Any], comment: str, request: gr.Request) -> str:
        return self.rate(record, comment, 1, request)

    def rate_down(self, record: dict[str, Any], comment: str, request: gr.Request) -> str:
        return self.rate(record, comment, -1, request)

    def chat_tab(self) -> None:
        session = gr.State(lambda: str(uuid.uuid4()))
        last = gr.State({})
        with gr.Row():
            with gr.Column(scale=3):
                with gr.Row():
                    year_f = self.follow(gr.Dropdown(self.years(), value=ALL, label="年份（可选）", elem_id="year-filter"),
                                         lambda: gr.update(choices=self.years()))
                    list_f = self.follow(gr.Dropdown(self.lists(), value=ALL, label="榜单（可选）", elem_id="list-filter"),
                                         lambda: gr.update(choices=self.lists()))
                chat = gr.Chatbot(label="对话", height=420, elem_id="chat")
                box = gr.Textbox(label="问题", placeholder="例如：2023年申报截止时间是什么时候？", elem_id="question")
                with gr.Row():
                    send = gr.Button("提问", variant="primary", elem_id="ask")
                    reset = gr.Button("新对话", elem_id="new-chat")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                with gr.Accordion("这个回答有帮助吗？", open=False):
                    comment = gr.Textbox(label="补充意见（可选）", elem_id="fb-comment")
                    with gr.Row():
                        up = gr.Button("👍 有帮助", elem_id="fb-up")
                        down = gr.Button("👎 没帮助", elem_id="fb-down")
                    fb_status = gr.Markdown(elem_id="fb-status")
            with gr.Column(scale=2):
                gr.Markdown("#### 来源")
                sources = gr.Markdown("引用的通知原文会显示在这里。", elem_id="sources")
                cites = gr.Radio([], label="点击查看原文", visible=False, elem_id="citations")
                viewer = gr.HTML(elem_id="viewer")
        outputs = [chat, sources, cites, box, last, viewer]
        send.click(self.ask, [box, chat, session, year_f, list_f], outputs)
        box.submit(self.ask, [box, chat, session, year_f, list_f], outputs)

        def new_session():  # noqa: ANN202
            return [], "", gr.update(choices=[], value=None, visible=False), "", {}, str(uuid.uuid4())

        reset.click(new_session, None, [chat, sources, cites, viewer, last, session])
        cites.change(self.open_citation, [cites, last], viewer).then(None, None, None, js=SCROLL_TO_MARK)
        up.click(self.rate_up, [last, comment], fb_status)
        down.click(self.rate_down, [last, comment], fb_status)

    # ------------------------------------------------------------ self-check

    def run_check(self, list_name: str, year: str, field: str, situation: str, founded: str) -> tuple[str, str]:
        """The clause-by-clause check, each clause quoted with its place in the notice."""
        if not list_name or list_name == ALL:
            return "请先选择榜单。", ""
        situation = str(situation or "")[:MAX_INPUT]  # read like a question, bounded like one
        profile = read_profile(normalize_years(normalize_question(situation)), self.bot.settings.today)
        m = re.fullmatch(r"\s*(\d{4})(?:\D+(\d{1,2}))?\D*", founded or "")
        if m:
            profile.founded = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)
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

    # ------------------------------------------------------------ directory

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

    # ------------------------------------------------------------ triage

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

    # ------------------------------------------------------------ notices

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

    # ------------------------------------------------------------ feedback

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


HEADER = "## “科创中国”系列榜单通知问答\n答案均来自已收录的通知原文，并标注出处；点击引用可查看原文位置。"


def _follow_corpus(demo: gr.Blocks, ui: Ui) -> None:
    """Every page load reads the corpus as it is now: a notice imported by anyone is there at once."""
    if ui.live:
        demo.load(ui.refreshed, None, [c for c, _ in ui.live])


def build_public(bot: Assistant, feedback: FeedbackStore, questions: QuestionLog | None = None) -> gr.Blocks:
    """What anyone may use: questions, the self-check, the look-up tables, triage of one enquiry,
    the notices' text. Nothing here changes the corpus or shows what users wrote."""
    ui = Ui(bot, feedback, questions)
    with gr.Blocks(title="科创中国榜单问答", delete_cache=(3600, 3600)) as demo:
        gr.Markdown(HEADER)
        with gr.Tab("问答", id="tab-chat"):
            ui.chat_tab()
        with gr.Tab("资格自查", id="tab-check"):
            ui.selfcheck_tab()
        with gr.Tab("查询表", id="tab-directory"):
            ui.directory_tab()
        with gr.Tab("工单分流", id="tab-triage"):
            ui.triage_tab()
        with gr.Tab("通知原文", id="tab-notices"):
            ui.notices_tab()
        gr.api(ui.answer_api, api_name="answer")
        _follow_corpus(demo, ui)
    return demo


def build_staff(bot: Assistant, feedback: FeedbackStore, questions: QuestionLog | None = None) -> gr.Blocks:
    """The staff console, mounted at /staff behind the login: notices, inbox triage, feedback, the
    question log and every export."""
    ui = Ui(bot, feedback, questions)
    with gr.Blocks(title="科创中国榜单问答 · 工作台", delete_cache=(3600, 3600)) as demo:
        gr.Markdown("## 工作台（员工）\n通知管理、批量分流、反馈与问题记录。[返回问答](../)")
        with gr.Tab("通知管理", id="tab-notices"):
            ui.notices_admin_tab()
        with gr.Tab("批量分流", id="tab-batch"):
            ui.batch_tab()
        with gr.Tab("反馈", id="tab-feedback"):
            ui.feedback_tab()
        with gr.Tab("问题记录", id="tab-questions"):
            ui.questions_tab()
        _follow_corpus(demo, ui)
    return demo


def serve(settings: Settings) -> None:
    """One server: the public app at /, the staff console at /staff (a real login when
    ADMIN_PASSWORD is set), run history off in both, uploads bounded, login attempts throttled."""
    import uvicorn
    from fastapi import FastAPI

    password = settings.admin_password
    if password and (why := weak_password(password)):
        raise SystemExit(f"ADMIN_PASSWORD 太弱：{why}。请换一个更强的密码后再启动。")
    bot = Assistant(settings, serve_stale=True)
    feedback = FeedbackStore(settings.feedback_db)
    questions = QuestionLog(settings.feedback_db, settings.question_log_days)
    public, staff = build_public(bot, feedback, questions), build_staff(bot, feedback, questions)
    for demo in (public, staff):
        demo.queue(default_concurrency_limit=settings.app_concurrency)
        # Gradio keeps each browser or API session's state; beyond this many the oldest go.
        demo.state_session_capacity = settings.session_capacity
    if not password:
        log.warning("ADMIN_PASSWORD 未设置：员工工作台 /staff 无需登录即可访问（仅适合本机使用）。")
    digest = hashlib.sha256(password.encode()).digest()

    def login(username: str, given: str) -> bool:
        return hmac.compare_digest(hashlib.sha256((given or "").encode()).digest(), digest) and username == settings.admin_user

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])  # no web fonts offline
    server = FastAPI()
    common = {"run_history": False, "theme": theme, "css": CSS, "show_error": False, "footer_links": ["api", "settings"]}
    gr.mount_gradio_app(server, staff, path="/staff", auth=login if password else None,
                        auth_message="员工工作台：请用部署方设置的账号和密码登录。", max_file_size=MAX_UPLOAD, **common)
    # Nothing public takes a file: an upload there is refused at once (and by the shield first).
    gr.mount_gradio_app(server, public, path="", max_file_size="1kb", **common)
    for demo in (public, staff):
        # Mounted apps never "launch", and Gradio checks a file input's path against its upload
        # folder only once launched: without this a client could name any file on the server.
        demo.has_launched = True
    shield = ShieldSettings(max_body=settings.max_body_kb * 1024, max_upload=25 * 1024 * 1024,
                            allowed_origins=settings.allowed_origins)
    app = Shield(LoginGuard(server, "/staff"), shield)
    # The client's address is the peer's unless the peer is a proxy trusted to say it (TRUSTED_PROXIES).
    uvicorn.run(app, host=settings.server_name, port=settings.server_port, log_level="warning",
                proxy_headers=bool(settings.trusted_proxies), forwarded_allow_ips=",".join(settings.trusted_proxies) or None)


def main() -> None:
    serve(Settings())


if __name__ == "__main__":
    main()
