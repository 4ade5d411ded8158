"""How much two Chinese texts share: character bigrams, for ranking facts against a question."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=16384)
def bigrams(text: str) -> frozenset[str]:
    # (Cached: facts restated word for word by many notices are weighed against every question.)
    text = re.sub(r"[^\w\u4e00-\u9fff]", "", text)
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def overlap(question: str, text: str) -> int:
    return len(bigrams(question) & bigrams(text))


def is_subsequence(short: str, long: str) -> bool:
    """Whether `long` holds `short`'s characters in order ("北山所" in 北山精密机械研究所)."""
    chars = iter(long)
    return all(ch in chars for ch in short)


# ---------------------------------------------------------------- the same question, worded apart

# Two questions whose character-bigram sets overlap this much (Jaccard) are one question: the
# question log groups by it, and a curated answer is given to any question this close to one it
# was written for.
SAME_QUESTION = 0.5


def question_key(text: str) -> str:
    """A question as compared: width-folded, lower-case, without spaces or punctuation."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\W_]+", "", text).lower()


def question_grams(text: str) -> set[str]:
    key = question_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def closeness(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def same_question(a: set[str], b: set[str], threshold: float = SAME_QUESTION) -> bool:
    return closeness(a, b) >= threshold
