"""The 问答 tab: questions answered in a chat, each answer's sources and the passage they quote,
feedback on an answer; and the answer API for scripts."""

from __future__ import annotations

import uuid
from typing import Any

import gradio as gr

from assistant.answer.compose import Answer
from assistant.interfaces.limits import MAX_INPUT
from assistant.interfaces.render import (
    answer_markdown,
    citation_choices,
    notice_html,
    plain_text,
    sources_markdown,
)
from assistant.interfaces.web_base import (
    ALL,
    EXAMPLES,
    SCROLL_TO_MARK,
    UiBase,
    client_of,
)
from assistant.model import AnswerKind


class ChatTab(UiBase):
    """Questions in a chat, their sources and the quoted passage, feedback; the answer API."""

    def answer_api(self, question: str, session: str = "", request: gr.Request = None) -> dict[str, Any]:  # type: ignore[assignment]
        """The answer object of the command line's --json, for scripts and the load test."""
        if not isinstance(question, str):  # a number, a list, an object: said so, never guessed at
            return Answer("问题须为一段文字（字符串），例如：“2023年先导技术榜的申报截止时间是什么时候？”",
                          AnswerKind.DECLINE).to_dict()
        ans = self.bot.answer(question[:MAX_INPUT], session_id=str(session or "") or None)
        self.log(question, ans, "api", request)
        return ans.to_dict()

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
        with gr.Row(elem_id="chat-row"):
            with gr.Column(scale=3, elem_id="chat-col"):
                with gr.Row(elem_id="chat-filters"):
                    year_f = self.follow(gr.Dropdown(self.years(), value=ALL, label="年份（可选）", elem_id="year-filter"),
                                         lambda: gr.update(choices=self.years()))
                    list_f = self.follow(gr.Dropdown(self.lists(), value=ALL, label="榜单（可选）", elem_id="list-filter"),
                                         lambda: gr.update(choices=self.lists()))
                chat = gr.Chatbot(label="对话", height=420, elem_id="chat")
                box = gr.Textbox(label="问题", placeholder="例如：2023年申报截止时间是什么时候？", elem_id="question")
                with gr.Row(elem_id="chat-buttons"):
                    send = gr.Button("提问", variant="primary", elem_id="ask")
                    reset = gr.Button("新对话", elem_id="new-chat")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题", elem_id="chat-examples")
                with gr.Accordion("这个回答有帮助吗？", open=False, elem_id="chat-feedback"):
                    comment = gr.Textbox(label="补充意见（可选）", elem_id="fb-comment")
                    with gr.Row():
                        up = gr.Button("👍 有帮助", elem_id="fb-up")
                        down = gr.Button("👎 没帮助", elem_id="fb-down")
                    fb_status = gr.Markdown(elem_id="fb-status")
            with gr.Column(scale=2, elem_id="src-col"):
                gr.Markdown("#### 来源", elem_id="sources-head")
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

