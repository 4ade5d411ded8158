"""The two Gradio apps: the public page and the staff console, each tab from its own module."""

from __future__ import annotations

import gradio as gr

from assistant.interfaces.backend import Backend
from assistant.interfaces.chat_tab import ChatTab
from assistant.interfaces.check_tab import CheckTab
from assistant.interfaces.directory_tab import DirectoryTab
from assistant.interfaces.keys_tab import KeysTab
from assistant.interfaces.notices_tab import NoticesTab
from assistant.interfaces.records_tab import RecordsTab
from assistant.interfaces.triage_tab import TriageTab
from assistant.interfaces.web_base import ALL, CSS, UiBase

__all__ = ["ALL", "CSS", "Ui", "build_public", "build_staff"]


class Ui(ChatTab, CheckTab, DirectoryTab, TriageTab, NoticesTab, RecordsTab, KeysTab, UiBase):
    """Every tab's callbacks over one Assistant. Every callback reads the assistant's current snapshot,
    so a notice imported by anyone is visible to the next call."""


HEADER = "## “科创中国”系列榜单通知问答\n答案均来自已收录的通知原文，并标注出处；点击引用可查看原文位置。"


def _follow_corpus(demo: gr.Blocks, ui: Ui) -> None:
    """Every page load reads the corpus as it is now: a notice imported by anyone is there at once."""
    if ui.live:
        demo.load(ui.refreshed, None, [c for c, _ in ui.live])


def build_public(backend: Backend) -> gr.Blocks:
    """What anyone may use: questions, the self-check, the look-up tables, triage of one enquiry,
    the notices' text. Nothing here changes the corpus or shows what users wrote."""
    ui = Ui(backend.bot, backend.feedback, backend.questions)
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


def build_staff(backend: Backend) -> gr.Blocks:
    """The staff console, mounted at /staff behind the login: notices, inbox triage, feedback, the
    question log, API keys and every export."""
    ui = Ui(backend.bot, backend.feedback, backend.questions, backend.keys)
    with gr.Blocks(title="科创中国榜单问答 · 工作台", delete_cache=(3600, 3600)) as demo:
        gr.Markdown("## 工作台（员工）\n通知管理、批量分流、反馈与问题记录、API 密钥。[返回问答](../)")
        with gr.Tab("通知管理", id="tab-notices"):
            ui.notices_admin_tab()
        with gr.Tab("批量分流", id="tab-batch"):
            ui.batch_tab()
        with gr.Tab("反馈", id="tab-feedback"):
            ui.feedback_tab()
        with gr.Tab("问题记录", id="tab-questions"):
            ui.questions_tab()
        with gr.Tab("API 密钥", id="tab-keys"):
            ui.keys_tab()
        _follow_corpus(demo, ui)
    return demo


