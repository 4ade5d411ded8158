"""The two Gradio apps: the public page and the staff console, each tab from its own module."""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from assistant.interfaces.backend import Backend
from assistant.interfaces.chat_tab import ChatTab
from assistant.interfaces.check_tab import CheckTab
from assistant.interfaces.curated_tab import CuratedTab
from assistant.interfaces.directory_tab import DirectoryTab
from assistant.interfaces.keys_tab import KeysTab
from assistant.interfaces.notices_tab import NoticesTab
from assistant.interfaces.records_tab import RecordsTab
from assistant.interfaces.triage_tab import TriageTab
from assistant.interfaces.web_base import ALL, CSS, UiBase

__all__ = ["ALL", "CSS", "Ui", "build_public", "build_staff"]


class Ui(ChatTab, CheckTab, DirectoryTab, TriageTab, NoticesTab, RecordsTab, CuratedTab, KeysTab, UiBase):
    """Every tab's callbacks over one Assistant. Every callback reads the assistant's current snapshot,
    so a notice imported by anyone is visible to the next call."""


HEADER = "## “科创中国”系列榜单通知问答\n答案均来自已收录的通知原文，并标注出处；点击引用可查看原文位置。"


def _page(ui: Ui, title: str, header: str, tabs: list[tuple[str, str, Callable[[], None]]]) -> gr.Blocks:
    """A Gradio app of these tabs (label, id, builder). Every page load reads the corpus as it is
    now: a notice imported by anyone is there at once."""
    with gr.Blocks(title=title, delete_cache=(3600, 3600)) as demo:
        gr.Markdown(header)
        for label, tab_id, build in tabs:
            with gr.Tab(label, id=tab_id):
                build()
        if ui.live:
            demo.load(ui.refreshed, None, [c for c, _ in ui.live])
    return demo


def build_public(backend: Backend) -> gr.Blocks:
    """What anyone may use: questions, the self-check, the look-up tables, triage of one enquiry,
    the notices' text. Nothing here changes the corpus or shows what users wrote."""
    ui = Ui(backend.bot, backend.feedback, backend.questions)
    demo = _page(ui, "科创中国榜单问答", HEADER, [
        ("问答", "tab-chat", ui.chat_tab), ("资格自查", "tab-check", ui.selfcheck_tab),
        ("查询表", "tab-directory", ui.directory_tab), ("工单分流", "tab-triage", ui.triage_tab),
        ("通知原文", "tab-notices", ui.notices_tab)])
    with demo:
        gr.api(ui.answer_api, api_name="answer")
    return demo


def build_staff(backend: Backend) -> gr.Blocks:
    """The staff console, mounted at /staff behind the login: notices, inbox triage, feedback, the
    question log, API keys and every export."""
    ui = Ui(backend.bot, backend.feedback, backend.questions, backend.keys, backend.curated)
    return _page(ui, "科创中国榜单问答 · 工作台", "## 工作台（员工）\n通知管理、批量分流、反馈、问题记录与审定答案、API 密钥。[返回问答](../)", [
        ("通知管理", "tab-notices", ui.notices_admin_tab), ("批量分流", "tab-batch", ui.batch_tab),
        ("反馈", "tab-feedback", ui.feedback_tab), ("问题记录", "tab-questions", ui.questions_tab),
        ("API 密钥", "tab-keys", ui.keys_tab)])
