"""Names as users mistype them, read through a sound index built once per catalogue."""

from __future__ import annotations

from assistant.answer.spelling import SoundIndex, fuzzy_find
from assistant.answer.understand import people_sounds
from assistant.names import Catalogue


def test_a_homophone_is_read_as_the_one_name_it_sounds_like() -> None:
    index = SoundIndex(["胡志强", "李娜", "王建国"])
    assert fuzzy_find("请问胡智强老师的电话", index) == ("胡智强", "胡志强")
    assert fuzzy_find("请问张三老师的电话", index) is None


def test_two_names_that_fit_are_never_guessed() -> None:
    assert fuzzy_find("找胡知强", SoundIndex(["胡志强", "胡治强"])) is None
    assert fuzzy_find("找胡知强", SoundIndex(["胡志强"])) == ("胡知强", "胡志强")


def test_one_wrong_character_in_a_long_name() -> None:
    index = SoundIndex(["新锐企业榜", "先导技术榜"], min_len=3)
    assert fuzzy_find("新蕊企业榜怎么报", index) == ("新蕊企业榜", "新锐企业榜")
    assert fuzzy_find("新锋企业榜怎么报", index) == ("新锋企业榜", "新锐企业榜")
    assert fuzzy_find("新锋企业单怎么报", index) is None


def test_the_index_of_people_is_built_once_per_catalogue() -> None:
    cat = Catalogue(people=["胡志强", "李娜"])
    assert people_sounds(cat) is people_sounds(cat)
    assert fuzzy_find("胡智强电话", people_sounds(cat)) == ("胡智强", "胡志强")
    assert people_sounds(Catalogue(people=["李娜"])) is not people_sounds(cat)


def test_a_persons_given_name_with_one_wrong_character_is_read_as_the_one_person_it_fits() -> None:
    from assistant.answer.spelling import SoundIndex, fuzzy_find

    people = SoundIndex(["岑立群", "岑文博", "胡志强"], given_names=True)
    assert fuzzy_find("岑立君老师是管什么的", people) == ("岑立君", "岑立群")
    assert fuzzy_find("岑立君老师是管什么的", SoundIndex(["岑立群"])) is None  # (without it: homophones only)
    assert fuzzy_find("岑小君老师", people) is None  # two characters off is no one


def test_the_syllable_table_is_pypinyins_own_reading_kept_and_read_back(tmp_path, monkeypatch) -> None:
    from pypinyin import lazy_pinyin

    from assistant.answer import spelling

    monkeypatch.setattr(spelling, "CACHE_DIR", tmp_path)
    spelling._syllables.cache_clear()
    try:
        first = spelling._syllables()
        kept = list(tmp_path.glob("syllables-pypinyin-*.json"))
        assert len(kept) == 1 and not list(tmp_path.glob("*.tmp"))
        spelling._syllables.cache_clear()
        assert spelling._syllables() == first  # read back, not rebuilt
        for ch in "胡志强绿女行长重":
            assert first[ch] == lazy_pinyin(ch)[0]
        kept[0].write_text("{", encoding="utf-8")  # a torn table is rebuilt, not trusted
        spelling._syllables.cache_clear()
        assert spelling._syllables()["强"] == "qiang"
    finally:
        spelling._syllables.cache_clear()
