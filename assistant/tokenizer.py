"""Chinese tokenization for BM25: a private jieba tokenizer with the domain dictionary."""

from __future__ import annotations

import array
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jieba

from assistant.config import CACHE_DIR, DATA_DIR
from assistant.files import write_aside
from assistant.names import load_aliases

jieba.setLogLevel(logging.WARNING)
log = logging.getLogger(__name__)

STOPWORDS = set(
    ["的", "了", "和", "与", "及", "或", "是", "在", "为", "对", "由", "于", "将", "等", "各", "个", "中", "上", "下", "吗", "呢", "吧", "啊", "么", "什么", "哪", "哪些", "哪个", "哪里", "怎么", "如何", "请问", "一下", "可以", "需要", "要", "有", "有没有", "多少", "几", "是否", "我", "我们", "你", "您", "他", "她", "它", "这", "那", "这个", "那个", "之", "其", "也", "都", "就", "还", "又", "被", "把", "从", "到", "向", "以", "及其", "并", "并且", "如果", "因为", "所以", "但是", "而", "且", "年", "月", "日", "号"]
)
# Words of how people write, not of what they ask about: they must not dilute relevance.
STOPWORDS |= {
    "有点", "一些", "应该", "是不是", "一样", "想", "跟", "这栏", "拿不准", "不准", "麻烦", "指导", "老师", "您好", "你好",
    "谢谢", "请问", "这个", "那个", "比较", "还是", "就是", "已经", "现在", "目前", "大概", "具体", "可能", "怎么办", "咋",
    "啥", "呀", "哦", "嗯", "吧", "想问", "问问", "一下子", "告知", "帮忙", "能不能", "可不可以", "需不需要", "知道",
}
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")
# jieba's part-of-speech tags of words that say how something is asked, not what about: conjunctions,
# prepositions, pronouns, particles, modal and interjection words, adverbs, directions ("要是", "除了",
# "后面", "咱们", "到底").
FUNCTION_TAGS = re.compile(r"^(\S+) \d+ (?:c|p|r|u[a-z]?|y|e|o|d|f)\r?$", re.M)


class Tokenizer:
    """jieba's private Tokenizer (not the global one) with our user dictionary and extra terms."""

    def __init__(self, extra_terms: Iterable[str] = ()) -> None:
        self._jieba = _on_base_dictionary()
        self._jieba.load_userdict(str(Path(DATA_DIR / "userdict.txt")))
        aliases = load_aliases()
        for group in ("lists", "fields"):
            for name, variants in aliases.get(group, {}).items():
                for term in [name, *variants]:
                    self._jieba.add_word(term, freq=40)
        for term in extra_terms:
            if 2 <= len(term) <= 20:
                self._jieba.add_word(term, freq=30)
        self._lock = threading.Lock()  # jieba initializes lazily and is not safe to race on first use

    def tokens(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFKC", text).lower()
        with self._lock:
            raw = self._jieba.lcut_for_search(text)
        return [t for t in (w.strip() for w in raw) if t and t not in STOPWORDS and _TOKEN_OK.search(t)]

    def __call__(self, text: str) -> list[str]:
        return self.tokens(text)


@cache
def plain_words() -> jieba.Tokenizer:
    """jieba with its own dictionary only, one per process: where a text's word boundaries are read
    (a line broken mid-word, a name's sound across two words), not what retrieval matches."""
    plain = jieba.Tokenizer()
    with plain.lock:
        plain.FREQ, plain.total = _prefix_dictionary()
        plain.initialized = True  # jieba's own flag: initialize() would read its own cache over ours
    return plain


def _prefix_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (its words and their prefixes, with counts) and its total. Kept as one
    text of words and one array of counts: jieba's own marshal cache takes 0.9 s to read on this
    machine, these 0.2 s (most of a cold `ask`'s start). Made from jieba's dictionary when missing."""
    stat = os.stat(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)  # (the dictionary jieba reads by default)
    stem = f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}"
    words, counts = CACHE_DIR / f"{stem}.words", CACHE_DIR / f"{stem}.counts"
    try:
        keys = words.read_text(encoding="utf-8").split("\n")
        values = array.array("q")
        values.frombytes(counts.read_bytes())
        if len(values) == len(keys) + 1:  # (the total last: a half-written pair is not read)
            return dict(zip(keys, values[:-1].tolist(), strict=True)), values[-1]
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    built = jieba.Tokenizer()
    built.initialize()
    try:
        write_aside(words, "\n".join(built.FREQ).encode("utf-8"))
        write_aside(counts, array.array("q", [*built.FREQ.values(), built.total]).tobytes())
    except OSError as e:  # a read-only cache: the next start reads jieba's own again
        log.warning("jieba 词典缓存未写入：%s", e)
    return built.FREQ, built.total


FUNCTION_WORDS = DATA_DIR / "function_words.txt"


def dictionary_function_words() -> list[str]:
    """The function words of jieba's own dictionary, by their tags (0.1 s: kept as data instead)."""
    return sorted(set(FUNCTION_TAGS.findall(jieba.get_dict_file().read().decode("utf-8"))))


@cache
def _function_words() -> frozenset[str]:
    lines = FUNCTION_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#")) | STOPWORDS


def function_word(token: str) -> bool:
    """Whether a token only says how a question is put ("要是…还有啥", "除了…后面"): a function word
    of jieba's dictionary, or a piece jieba's HMM glued from such words' characters ("和往年比有啥"
    gives "比有")."""
    words = _function_words()
    if token in words:
        return True
    return token not in plain_words().FREQ and len(token) > 1 and all(ch in words for ch in token)


def _on_base_dictionary() -> jieba.Tokenizer:
    """A fresh jieba Tokenizer holding a copy of plain_words' dictionary: jieba's dictionary is read
    from disk once per process (about a second), not once per tokenizer, so the first question that
    reads word boundaries does not pay for a second load."""
    base = plain_words()
    tokenizer = jieba.Tokenizer()
    with base.lock:
        tokenizer.FREQ, tokenizer.total = dict(base.FREQ), base.total
    tokenizer.initialized = True  # jieba's own flag: initialize() would reload the file over our copy
    return tokenizer


if __name__ == "__main__":  # python -m assistant.tokenizer: rewrite data/function_words.txt from jieba's dictionary
    head = [line for line in FUNCTION_WORDS.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    FUNCTION_WORDS.write_text("\n".join([*head, *dictionary_function_words()]) + "\n", encoding="utf-8")
