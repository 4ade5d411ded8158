"""What every tab of the web pages shares: the assistant, the stores, the choices that follow the corpus
(years, lists, issuers, kinds), the per-client limits and the question log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.answer.phrasing import NOTICE_KINDS
from assistant.assistant import Assistant
from assistant.interfaces.backend import record_question
from assistant.interfaces.guard import Throttle
from assistant.interfaces.limits import MAX_INPUT
from assistant.staff.api_keys import KeyStore
from assistant.staff.curated import CuratedStore
from assistant.staff.feedback import FeedbackStore
from assistant.staff.questions import QuestionLog

EXAMPLES = [
    "2023年先导技术榜的申报截止时间是什么时候？",
    "2023年电子信息领域先导技术榜的联系人和电话",
    "2022年先导技术榜每个领域各单位推荐不超过几个？",
    "2021年设置了哪几类榜单？",
    "新锐企业榜对企业信用有什么要求？",
    "学会会员内部报送材料的截止时间？",
]
ALL = "全部"
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
/* On a phone the chat grows with its answers (no small inner scroll box) and the sources follow the
   answer directly: the two columns dissolve into one sequence, the examples and feedback last. */
@media (max-width: 640px) {
  #chat-row { flex-direction: column !important; }
  #chat-col, #src-col { display: contents !important; }
  #chat-filters { order: 1; } #chat { order: 2; } #chat-col > .form { order: 3; } #chat-buttons { order: 4; }
  #sources-head { order: 5; } #sources { order: 6; } #src-col > :not(#sources-head):not(#sources) { order: 7; }
  #chat-examples { order: 8; } #chat-feedback { order: 9; }
  #chat { height: auto !important; min-height: 240px; max-height: none !important; }
  #chat .bubble-wrap, #chat [role="log"] { height: auto !important; max-height: none !important; overflow: visible !important; }
}
"""
SCROLL_TO_MARK = "() => { setTimeout(() => document.getElementById('hl')?.scrollIntoView({block: 'center'}), 100); }"


class UiBase:
    """What the tabs share, over one Assistant: the stores, the limits, the choices that follow the corpus."""

    def __init__(self, bot: Assistant, feedback: FeedbackStore, questions: QuestionLog | None = None,
                 keys: KeyStore | None = None, curated: CuratedStore | None = None) -> None:
        self.bot = bot
        self.curated = curated
        self.feedback = feedback
        self.questions = questions
        self.keys = keys
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

    def log(self, question: str, ans: Any, channel: str, request: gr.Request | None = None) -> int | None:
        """Record the question in the question log (what users could not get answered), at most
        `log_limit` entries a minute per client."""
        if not isinstance(question, str):
            question = str(question or "")[:MAX_INPUT]
        if not question.strip() or not self.log_limit.allow(client_of(request)):
            return None
        return record_question(self.questions, question, ans, channel)

