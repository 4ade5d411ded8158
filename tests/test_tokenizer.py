from __future__ import annotations

import jieba
import pytest

from assistant.tokenizer import Tokenizer


def test_domain_terms_stay_whole() -> None:
    tok = Tokenizer(extra_terms=["智能制造学会联合体"])
    tokens = tok("2023年融通创新组织榜和技术经理人先锋榜的初评机构")
    assert "融通创新组织榜" in tokens and "技术经理人先锋榜" in tokens and "初评机构" in tokens
    assert "智能制造学会联合体" in tok("中国科协智能制造学会联合体")
    # jieba's old title 单于 does not take the 单 of 榜单 ("榜单于2088年3月发布")
    assert "榜单" in tok("榜单于2088年3月发布") and "单于" not in tok("申报单于11月提交")


def test_stopwords_and_punctuation_dropped() -> None:
    assert Tokenizer()("请问，什么？！") == []


def test_private_dictionary_leaves_global_jieba_alone() -> None:
    Tokenizer(extra_terms=["奇异测试词条"])
    assert "奇异测试词条" not in jieba.lcut("奇异测试词条")


def test_plain_words_keeps_jiebas_own_dictionary() -> None:
    """The retrieval tokenizer's copy of the dictionary takes our terms; the plain one does not."""
    from assistant.tokenizer import Tokenizer, plain_words

    Tokenizer(extra_terms=["星澜光谱量子"])
    assert "星澜光谱量子" not in plain_words().FREQ
    assert "星澜光谱量子" in Tokenizer(extra_terms=["星澜光谱量子"])._jieba.FREQ


def test_function_words_say_how_not_what() -> None:
    """Conjunctions, prepositions, pronouns and adverbs of jieba's dictionary, and a piece its HMM
    glued from such characters ("和往年比有啥" gives "比有"), are function words; content words are not."""
    from assistant.tokenizer import function_word

    for word in ("要是", "除了", "后面", "咱们", "到底", "比有"):
        assert function_word(word), word
    for word in ("支持", "往年", "变化", "电话", "截止", "真评"):
        assert not function_word(word), word


def test_the_function_words_kept_as_data_are_jiebas() -> None:
    """data/function_words.txt is jieba's dictionary read by tag (python -m assistant.tokenizer rewrites it)."""
    from assistant.tokenizer import FUNCTION_WORDS, dictionary_function_words

    kept = [w for w in FUNCTION_WORDS.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    assert kept == dictionary_function_words()


def test_prefix_dictionary_kept_by_us_is_jiebas_own(tmp_path, monkeypatch) -> None:
    """The dictionary read from our cache (written on the first start) is jieba's own prefix
    dictionary, word for word and count for count; a pair cut short is made again, not read."""
    import assistant.tokenizer as tokenizer

    monkeypatch.setattr(tokenizer, "CACHE_DIR", tmp_path)
    made = tokenizer._prefix_dictionary()
    (words,) = tmp_path.glob("jieba-*.words")
    (counts,) = tmp_path.glob("jieba-*.counts")
    read = tokenizer._prefix_dictionary()
    own = jieba.Tokenizer()
    own.initialize()
    assert made == read == (own.FREQ, own.total)
    counts.write_bytes(counts.read_bytes()[:-8])  # the total lost: a half-written cache
    assert tokenizer._prefix_dictionary() == (own.FREQ, own.total)
    assert len(counts.read_bytes()) == 8 * (len(own.FREQ) + 1)  # written again, whole
    assert words.exists()


def test_a_file_written_aside_replaces_the_old_whole_or_not_at_all(tmp_path, monkeypatch) -> None:
    """write_aside: the new bytes in place; a write that fails leaves the old file and no stray temporary."""
    import os

    from assistant.files import write_aside

    target = tmp_path / "cache" / "t.bin"
    write_aside(target, b"old")
    assert target.read_bytes() == b"old"

    def broken(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_aside(target, b"new")
    assert target.read_bytes() == b"old" and sorted(p.name for p in target.parent.iterdir()) == ["t.bin"]
