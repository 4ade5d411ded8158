"""Hybrid retrieval: year filters, fused ranking, normalized relevance."""

from __future__ import annotations


def test_year_filter_only_returns_that_year(bot) -> None:
    for year in (2020, 2021, 2022, 2023):
        hits = bot.retriever.search("初评机构联系人电话", years={year})
        assert hits and all(h.chunk.year == year for h in hits)


def test_both_halves_contribute(bot) -> None:
    hits = bot.retriever.search("生物医药领域纸质材料邮寄地址", years={2020}, k=5)
    assert any(h.bm25_rank is not None for h in hits)
    assert any(h.dense_rank is not None for h in hits)
    assert "北辰西路" in hits[0].chunk.text or "北辰西路" in hits[1].chunk.text


def test_relevance_is_normalized(bot) -> None:
    good = bot.retriever.search("新锐企业榜 经营异常名录")[0].relevance
    bad = max((h.relevance for h in bot.retriever.search("上海 限行 天气")), default=0.0)
    assert 0.0 <= bad < 0.2 < 0.8 <= good <= 1.0


def test_relevance_from_postings_is_the_share_of_terms_the_chunk_holds(bot) -> None:
    """Read from the BM25 postings, relevance must equal the weighted share of the question's
    terms found among the chunk's own tokens."""
    r = bot.retriever
    for question in ("新锐企业榜对企业信用有什么要求", "生物医药领域纸质材料邮寄地址", "先导技术申报表的技术团队简介限多少字"):
        tokens = r.tokenizer(question)
        picked = list(range(0, len(r.chunks), 7))
        got = r.relevance(tokens, picked)
        total = sum(r.term_weight(t) for t in set(tokens))
        for i in picked:
            own = set(r.tokenizer(r.chunks[i].index_text()))
            assert abs(got[i] - sum(r.term_weight(t) for t in set(tokens) if t in own) / total) < 1e-9
        assert max(got.values()) > 0.2


def test_filtered_dense_search_is_exact_and_agrees_with_chroma(bot) -> None:
    """A year or notice filter is searched exactly over the index's vector matrix; on the real
    corpus (where Chroma's filtered HNSW search is exhaustive too) both give the same chunks."""
    r = bot.retriever
    assert r.vectors is not None and len(r.vectors) == len(r.chunks)
    notice = r.chunks[40].notice_id
    for question, years, notices in (("初评机构联系人电话", {2021}, None), ("申报截止时间", None, {notice}),
                                     ("生物医药领域纸质材料邮寄地址", {2020, 2022}, None)):
        hits = r.search(question, years=years, notices=notices, k=5, mode="dense")
        assert hits and all((not years or h.chunk.year in years) and (not notices or h.chunk.notice_id in notices) for h in hits)
        flt = {"year": {"$in": sorted(years)}} if years else {"notice_id": {"$in": sorted(notices)}}
        chroma = r.vectorstore.similarity_search_with_score(question, k=5, filter=flt)
        assert [h.chunk.id for h in hits] == [d.metadata["chunk_id"] for d, _ in chroma]


def test_an_unused_function_word_weighs_nothing(bot) -> None:
    """A word no notice uses weighs like the rarest, unless it only says how the question is put:
    "要是评上了，后面还有啥" must not read as an ask about something the notices lack."""
    r = bot._snapshot.retriever
    assert not r.known("要是") and r.term_weight("要是") == 0.0
    assert not r.known("量子纠缠态") and r.term_weight("量子纠缠态") == r._max_idf
