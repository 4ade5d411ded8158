"""The Gradio web app: a thin layer over the same Assistant the command line uses."""

from __future__ import annotations

import hmac
import html
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

from assistant.config import ROOT, quiet_offline_env

quiet_offline_env()

import gradio as gr  # noqa: E402

from assistant.assistant import Assistant  # noqa: E402
from assistant.ingest.importer import IngestError  # noqa: E402
from assistant.interfaces.render import answer_markdown, citation_choices, notice_html, sources_markdown  # noqa: E402
from assistant.staff.directory import Table, contact_table, quota_table, schedule_table  # noqa: E402
from assistant.staff.feedback import SUMMARY_COLUMNS, FeedbackStore  # noqa: E402
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
CSS = """
.notice-view .notice-text { white-space: pre-wrap; max-height: 520px; overflow-y: auto; font-size: 14px;
  line-height: 1.7; border: 1px solid #ddd; padding: 10px; border-radius: 6px; background: #fafafa; }
.notice-view mark.cited { background: #ffe36e; padding: 1px 0; }
.notice-view .meta, .notice-view .where { color: #555; font-size: 13px; margin-bottom: 6px; }
#sources blockquote { margin: 4px 0 10px 0; }
"""
SCROLL_TO_MARK = "() => { setTimeout(() => document.getElementById('hl')?.scrollIntoView({block: 'center'}), 100); }"


def feedback_path() -> Path:
    return Path(os.environ.get("FEEDBACK_DB", ROOT / "data" / "feedback.sqlite3"))


def build_app(bot: Assistant, feedback: FeedbackStore) -> gr.Blocks:
    def years() -> list[str]:
        return [ALL, *[str(y) for y in reversed(bot.store.years)]]

    def lists() -> list[str]:
        return [ALL, *sorted(bot.store.list_names)]

    def filters(year: str, list_name: str) -> dict[str, object]:
        out: dict[str, object] = {}
        if year and year != ALL:
            out["year"] = int(year)
        if list_name and list_name != ALL:
            out["list"] = list_name
        return out

    # ------------------------------------------------------------ chat

    def ask(message: str, history: list, session: str, year: str, list_name: str):  # noqa: ANN202
        shown = html.escape(message or "")  # what a user types is shown as text, never run as HTML
        history = [*history, {"role": "user", "content": shown}, {"role": "assistant", "content": "……"}]
        written = ""
        ans = None
        for event, value in bot.stream(message or "", session_id=session, filters=filters(year, list_name)):
            if event == "delta":  # a language model is writing: show it as it comes
                written += value
                history[-1] = {"role": "assistant", "content": html.escape(written) + " ▌"}
                yield history, gr.update(), gr.update(), "", gr.update(), gr.update()
            else:
                ans = value
        history[-1] = {"role": "assistant", "content": answer_markdown(ans)}
        record = {"question": message or "", **ans.to_dict()}
        choices = citation_choices(ans)
        yield (
            history,
            sources_markdown(ans),
            gr.update(choices=choices, value=None, visible=bool(choices)),
            "",
            record,
            "",
        )

    def open_citation(choice: str | None, record: dict[str, Any]) -> str:
        if choice is None or not record:
            return ""
        try:
            c = record["citations"][int(choice)]
        except (KeyError, IndexError, ValueError):
            return ""
        notice = bot.notices.get(c["source"])
        if notice is None:
            return "<p>该通知已不在通知库中。</p>"
        return notice_html(notice, c["start"], c["end"], c["section"])

    def new_session():  # noqa: ANN202
        return [], "", gr.update(choices=[], value=None, visible=False), "", {}, str(uuid.uuid4())

    def rate(record: dict[str, Any], comment: str, rating: int) -> str:
        if not record:
            return "请先提问，再对回答给出反馈。"
        feedback.add(record.get("question", ""), record, rating, comment)
        return "已记录反馈，谢谢！" if rating > 0 else "已记录，我们会改进这个回答。"

    # ------------------------------------------------------------ directory

    def tables() -> dict[str, Table]:
        return {"日程与截止": schedule_table(bot.facts), "推荐名额": quota_table(bot.facts), "联系人": contact_table(bot.facts)}

    def lookup(which: str, text: str, year: str, list_name: str):  # noqa: ANN202
        table = tables()[which].filter(text, year, list_name).display()
        return gr.update(value=table.rows, headers=table.columns), f"共 {len(table.rows)} 条"

    def export(which: str, text: str, year: str, list_name: str) -> str:
        table = tables()[which].filter(text, year, list_name)
        path = Path(tempfile.mkdtemp(prefix="kczg-")) / f"{which}.csv"
        path.write_text(table.to_csv(), encoding="utf-8")
        return str(path)

    # ------------------------------------------------------------ triage

    def run_triage(text: str) -> tuple[str, str]:
        result = triage(bot, text or "")
        route = result.route
        if route:
            routing = f"**转交：** {route.who}（{route.contact()}）  \n{route.reason}"
        else:
            routing = "通知中没有合适的联系人，请人工处理。"
        head = f"**类别：** {result.label}\n\n{routing}\n\n---\n\n{answer_markdown(result.answer)}"
        return head, sources_markdown(result.answer)

    # ------------------------------------------------------------ notices

    def notices_rows() -> list[list[object]]:
        return [[n.id, n.year, n.title, n.issuer, n.doc_number or n.parent_doc_number, n.date, "转发" if n.kind == "forwarding" else "原文"]
                for n in bot.notices.values()]

    def show_notice(notice_id: str | None) -> str:
        notice = bot.notices.get(notice_id or "")
        return notice_html(notice) if notice else ""

    def upload(files: list | None, password: str = ""):  # noqa: ANN202
        denied = staff_only(password)
        if denied:
            return denied, notices_rows(), gr.update()
        if not files:
            return "请选择要上传的通知文件。", notices_rows(), gr.update()
        paths = [Path(f if isinstance(f, str) else f.name) for f in files]
        try:
            added = bot.ingest(paths)
        except IngestError as exc:
            return f"**导入失败：** {html.escape(str(exc))}", notices_rows(), gr.update()
        ids = list(bot.notices)
        message = "**已导入：**" + "；".join(f"{a['source']}（{a['year']}年，{a['title']}）" for a in added)
        return message, notices_rows(), gr.update(choices=ids, value=added[-1]["source"])

    # ------------------------------------------------------------ layout

    def answer_api(question: str, session: str = "") -> dict[str, Any]:
        """The answer object of the command line's --json, for scripts and the load test."""
        return bot.answer(question or "", session_id=session or None).to_dict()

    def staff_only(password: str) -> str | None:
        """None when allowed; else the message to show. Staff views need ADMIN_PASSWORD when it is set."""
        wanted = os.environ.get("ADMIN_PASSWORD", "")
        if wanted and not hmac.compare_digest((password or "").encode(), wanted.encode()):
            return "需要管理员密码（由部署方通过 ADMIN_PASSWORD 设置）。"
        return None

    with gr.Blocks(title="科创中国榜单问答") as demo:
        session = gr.State(lambda: str(uuid.uuid4()))
        last = gr.State({})
        gr.Markdown("## “科创中国”系列榜单通知问答\n答案均来自已收录的通知原文，并标注出处；点击引用可查看原文位置。")
        with gr.Tab("问答", id="tab-chat"):
            with gr.Row():
                with gr.Column(scale=3):
                    with gr.Row():
                        year_f = gr.Dropdown(years(), value=ALL, label="年份（可选）", elem_id="year-filter")
                        list_f = gr.Dropdown(lists(), value=ALL, label="榜单（可选）", elem_id="list-filter")
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
            send.click(ask, [box, chat, session, year_f, list_f], outputs)
            box.submit(ask, [box, chat, session, year_f, list_f], outputs)
            reset.click(new_session, None, [chat, sources, cites, viewer, last, session])
            cites.change(open_citation, [cites, last], viewer).then(None, None, None, js=SCROLL_TO_MARK)
            up.click(lambda r, c: rate(r, c, 1), [last, comment], fb_status)
            down.click(lambda r, c: rate(r, c, -1), [last, comment], fb_status)

        with gr.Tab("查询表", id="tab-directory"):
            with gr.Row():
                which = gr.Radio(list(tables()), value="联系人", label="表", elem_id="dir-which")
                d_year = gr.Dropdown(years(), value=ALL, label="年份", elem_id="dir-year")
                d_list = gr.Dropdown(lists(), value=ALL, label="榜单", elem_id="dir-list")
            d_text = gr.Textbox(label="搜索（姓名、电话、机构、领域……）", elem_id="dir-search")
            d_count = gr.Markdown(elem_id="dir-count")
            first = tables()["联系人"].display()
            d_table = gr.Dataframe(value=first.rows, headers=first.columns, interactive=False, wrap=True, elem_id="dir-table",
                                   max_height=600)
            d_csv = gr.DownloadButton("下载 CSV", elem_id="dir-csv")
            d_inputs = [which, d_text, d_year, d_list]
            for control in (which, d_year, d_list):
                control.change(lookup, d_inputs, [d_table, d_count])
            d_text.change(lookup, d_inputs, [d_table, d_count])
            d_csv.click(export, d_inputs, d_csv)

        with gr.Tab("工单分流", id="tab-triage"):
            t_text = gr.Textbox(label="粘贴咨询内容（如邮件正文）", lines=6, elem_id="triage-text")
            t_btn = gr.Button("分流", variant="primary", elem_id="triage-run")
            with gr.Row():
                t_out = gr.Markdown(elem_id="triage-result")
                t_src = gr.Markdown()
            t_btn.click(run_triage, t_text, [t_out, t_src])

        with gr.Tab("通知原文", id="tab-notices"):
            n_table = gr.Dataframe(value=notices_rows(), headers=["文件", "年份", "标题", "发文单位", "文号", "日期", "类型"],
                                   interactive=False, wrap=True, elem_id="notice-table",
                                   column_widths=["17%", "6%", "33%", "12%", "14%", "11%", "7%"])
            n_pick = gr.Dropdown(list(bot.notices), label="查看通知", elem_id="notice-pick")
            n_view = gr.HTML()
            n_pick.change(show_notice, n_pick, n_view)
            files = gr.File(label="上传新通知（.txt / .docx / .pdf）", file_count="multiple", elem_id="upload")
            n_password = gr.Textbox(label="管理员密码（设置了 ADMIN_PASSWORD 时需要）", type="password", elem_id="upload-password")
            n_status = gr.Markdown(elem_id="upload-status")
            gr.Button("导入", elem_id="upload-run").click(upload, [files, n_password], [n_status, n_table, n_pick])

        with gr.Tab("反馈", id="tab-feedback"):
            f_password = gr.Textbox(label="管理员密码（设置了 ADMIN_PASSWORD 时需要）", type="password", elem_id="fb-password")
            f_note = gr.Markdown(elem_id="fb-note")
            f_table = gr.Dataframe(headers=SUMMARY_COLUMNS, interactive=False, wrap=True,
                                   column_widths=["6%", "14%", "8%", "18%", "24%", "30%"], elem_id="fb-table")
            with gr.Row():
                f_refresh = gr.Button("刷新", elem_id="fb-refresh")
                f_csv = gr.DownloadButton("导出 CSV", elem_id="fb-csv")

            def list_feedback(password: str):  # noqa: ANN202
                denied = staff_only(password)
                return (denied or f"共 {len(feedback.rows())} 条反馈"), ([] if denied else feedback.summary())

            def export_feedback(password: str) -> str | None:
                if staff_only(password):
                    return None
                path = Path(tempfile.mkdtemp(prefix="kczg-")) / "feedback.csv"
                path.write_text(feedback.to_csv(), encoding="utf-8")
                return str(path)

            f_refresh.click(list_feedback, f_password, [f_note, f_table])
            f_csv.click(export_feedback, f_password, f_csv)
        gr.api(answer_api, api_name="answer")
    return demo


def main() -> None:
    bot = Assistant()
    demo = build_app(bot, FeedbackStore(feedback_path()))
    demo.queue(default_concurrency_limit=int(os.environ.get("APP_CONCURRENCY", "4")))
    demo.launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        share=False,
        css=CSS,
        # Gradio keeps each browser or API session's state; beyond this many the oldest go, so
        # memory stays flat however many callers come and go.
        state_session_capacity=int(os.environ.get("APP_SESSION_CAPACITY", "500")),
        # System fonts: the default theme fetches web fonts, which a closed network never delivers.
        theme=gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"]),
    )


if __name__ == "__main__":
    main()
