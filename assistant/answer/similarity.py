"""How much two Chinese texts share: character bigrams, for ranking facts against a question."""

from __future__ import annotations

import re


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\w\u4e00-\u9fff]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def overlap(question: str, text: str) -> int:
    return len(bigrams(question) & bigrams(text))
