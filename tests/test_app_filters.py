"""The app's year and list pickers mean what naming the year and list in the question means."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.interfaces.pages import ALL, Ui
from assistant.staff.feedback import FeedbackStore


@pytest.fixture(scope="module")
def ui(tmp_path_factory: pytest.TempPathFactory) -> Ui:
    from tests.conftest import make_settings

    base = tmp_path_factory.mktemp("filters")
    return Ui(Assistant(make_settings(base, dense=False)), FeedbackStore(Path(base) / "fb.sqlite3"))


def cited(ans) -> set[tuple[str, int, int]]:  # noqa: ANN001
    return {(c.source, c.start, c.end) for c in ans.citations}


@pytest.mark.parametrize("asked", ["推荐名额是多少", "联系人是谁"])
def test_every_offered_list_and_year_answers_like_the_named_question(ui: Ui, asked: str) -> None:
    bot = ui.bot
    lists = [name for name in ui.lists() if name != ALL]
    years = [int(y) for y in ui.years() if y != ALL]
    assert "融通创新组织榜" in lists and "产学研融通组织榜" not in lists  # one entry per list, not per name
    checked = 0
    for name in lists:
        for year in years:
            picked = bot.answer(asked, filters=ui.filters(str(year), name))
            named = bot.answer(f"{year}年{name}{asked}")
            assert picked.kind == named.kind, (name, year, picked.answer, named.answer)
            if named.kind == "rule":
                assert cited(picked) == cited(named), (name, year, picked.answer, named.answer)
                checked += 1
    assert checked >= len(years) * 2  # the comparison ran on real rule answers
