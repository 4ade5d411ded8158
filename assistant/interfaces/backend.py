"""What the web pages and the HTTP APIs all serve from: the one Assistant and the staff stores."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.answer.compose import Answer
from assistant.assistant import Assistant
from assistant.staff.api_keys import KeyStore
from assistant.staff.curated import CuratedStore
from assistant.staff.database import Database
from assistant.staff.feedback import FeedbackStore
from assistant.staff.questions import QuestionLog

log = logging.getLogger("assistant.interfaces")


@dataclass
class Backend:
    bot: Assistant
    feedback: FeedbackStore
    questions: QuestionLog | None
    keys: KeyStore
    curated: CuratedStore | None = None

    @classmethod
    def open(cls, bot: Assistant) -> Backend:
        """The stores of the bot's settings (all in the staff database)."""
        settings = bot.settings
        db = Database.open(settings.staff_database)
        curated = CuratedStore(db)
        bot.curated = curated  # every channel's answers start with staff's, where one matches
        return cls(bot, FeedbackStore(db), QuestionLog(db, settings.question_log_days), KeyStore(db), curated)

    def record(self, question: str, ans: Answer, channel: str) -> int | None:
        return record_question(self.questions, question, ans, channel)


def record_question(questions: QuestionLog | None, question: object, ans: Answer, channel: str) -> int | None:
    """The question in the question log (its id); the log never costs the answer."""
    text = question if isinstance(question, str) else str(question or "")
    if questions is None or not text.strip():
        return None
    try:
        return questions.record(text, ans, channel)
    except Exception:
        log.exception("question log write failed")
        return None
