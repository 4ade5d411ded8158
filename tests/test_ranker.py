"""The ranker: the shipped weights reproduce the reported cross-validated figures, the margin and
the decline decide as documented, and a model fitted on other features is refused."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.answer.candidates import Candidate, Source
from assistant.answer.compose import Answer
from assistant.answer.ranker import MODEL_FILE, Logistic, RankerModel, Signals, feature_names, load_model
from assistant.model import AnswerKind
from assistant.tools import fit_ranker


def _signals(**given: float) -> Signals:
    values = dict.fromkeys(Signals.names(), 0.0)
    values.update(given)
    return Signals(**values)


def _candidates(*sources: Source) -> list[Candidate]:
    return [Candidate(s, Answer(str(s), AnswerKind.RULE)) for s in sources]


def test_shipped_weights_reproduce_the_reported_figures() -> None:
    """Refitting from the stored rows gives the shipped weights, margin and out-of-fold figures
    (python -m assistant fit-ranker writes all three)."""
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    refit = fit_ranker.fit_rows(fit_ranker.load_rows(), out=None)
    assert refit["margin"] == shipped["margin"]
    assert np.allclose(refit["answers"]["coef"], shipped["answers"]["coef"], atol=1e-5)
    assert refit["cv"] == shipped["cv"]
    # What the README reports: the ranked path at least as good as the fixed order alone.
    assert shipped["cv"]["accuracy"] >= shipped["cv"]["former_accuracy"]


def test_an_answer_replaces_the_fixed_order_only_by_the_margin() -> None:
    # A model that scores by cover alone: the reader (cover 0.9) against the preferred rule (0.5).
    names = feature_names()
    coef = [1.0 if n.endswith(":cover") else 0.0 for n in names]
    answers = Logistic(coef, 0.0, [0.0] * len(names), [1.0] * len(names))
    cands = _candidates(Source.RULE, Source.READER, Source.DECLINE)
    sigs = [_signals(cover=0.5, preferred=1.0), _signals(cover=0.9), _signals(probability=0.9)]
    # sigmoid(0.9) - sigmoid(0.5) = 0.088
    assert RankerModel(answers, margin=0.05).rank(cands, sigs)[0].source == Source.READER
    assert RankerModel(answers, margin=0.2).rank(cands, sigs)[0].source == Source.RULE


def test_the_decline_leads_when_the_fixed_order_gives_it() -> None:
    names = feature_names()
    answers = Logistic([0.0] * len(names), 5.0, [0.0] * len(names), [1.0] * len(names))  # every answer 0.99
    cands = _candidates(Source.READER, Source.DECLINE)
    ranked = RankerModel(answers, 0.0).rank(cands, [_signals(), _signals(probability=0.2, preferred=1.0)])
    assert ranked[0].source == Source.DECLINE and ranked[0].score == pytest.approx(0.8)
    ranked = RankerModel(answers, 0.0).rank(cands, [_signals(preferred=1.0), _signals(probability=0.2)])
    assert ranked[0].source == Source.READER


def test_a_model_fitted_on_other_features_is_refused(tmp_path) -> None:  # noqa: ANN001
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    other = tmp_path / "ranker.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="fit-ranker"):
        load_model(other)


def test_a_rule_that_found_nothing_of_what_was_asked_has_no_precedence() -> None:
    """"通知中未找到邮寄地址" from a rule that found no list, field or person asked: the fixed order goes on
    to the reader (when the passages answer); a rule's absence of what it found (states_absence) keeps it."""
    from types import SimpleNamespace

    from assistant.answer.candidates import Search, Situation
    from assistant.answer.ranker import precedence
    from assistant.model import AnswerType, Intent

    q = SimpleNamespace(answer_type=AnswerType.YESNO, intent=Intent.CONTACT)
    situation = Situation(Search([], None, True, 0.8), not_in_call=False, own_notice=False)
    missing = Answer("通知中未找到邮寄地址。已列出的联系方式：…", AnswerKind.RULE)
    cands = [Candidate(Source.RULE, missing), Candidate(Source.READER, Answer("同时保留纸质推荐材料，以备需要时报送。", AnswerKind.RETRIEVAL)),
             Candidate(Source.DECLINE, Answer("", AnswerKind.DECLINE))]
    assert cands[precedence(q, cands, situation)].source == Source.READER  # type: ignore[arg-type]
    cands[0].answer.states_absence = True  # (it found the list asked, which lists no address: that answers)
    assert cands[precedence(q, cands, situation)].source == Source.RULE  # type: ignore[arg-type]


def test_a_rule_of_another_answer_type_gives_way_to_the_readers_value_of_the_type_asked() -> None:
    """"要什么格式、发到哪里" read as a contact ask: the rule lists phones, the reader's sentence holds the
    mailbox the material goes to (a place); a rule that looked up the very attribute asked keeps its place."""
    from types import SimpleNamespace

    from assistant.answer.candidates import Search, Situation
    from assistant.answer.ranker import precedence
    from assistant.model import AnswerType, Intent

    q = SimpleNamespace(answer_type=AnswerType.PLACE, intent=Intent.CONTACT, attribute=None, count_measure="")
    situation = Situation(Search([], None, False, 0.3), not_in_call=False, own_notice=False)
    cands = [Candidate(Source.RULE, Answer("联系人：郑伯龙；电话：010-68767227", AnswerKind.RULE)),
             Candidate(Source.READER, Answer("将申报样表Word文档发送至学会秘书处邮箱xuehui@vip.163.com。", AnswerKind.RETRIEVAL)),
             Candidate(Source.DECLINE, Answer("", AnswerKind.DECLINE))]
    assert cands[precedence(q, cands, situation)].source == Source.READER  # type: ignore[arg-type]
    q.attribute = "address"
    assert cands[precedence(q, cands, situation)].source == Source.RULE  # type: ignore[arg-type]
