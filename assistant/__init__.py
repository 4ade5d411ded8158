"""Question answering over the 科创中国 ranking-list notices.

The flow (docs/architecture.md): ``ingest`` turns notices into chunks, typed facts and a catalogue
of names; ``answer`` understands a question and answers it from one immutable snapshot of that
index; ``staff`` and ``interfaces`` sit on top of the same ``Assistant``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.assistant import Assistant

__all__ = ["Assistant"]


def __getattr__(name: str) -> Any:
    # Lazy: `python -m assistant build` need not import the answering stack.
    if name == "Assistant":
        from assistant.assistant import Assistant

        return Assistant
    raise AttributeError(name)
