"""Fitting the answer ranker (answer/ranker.py) on labelled questions.

Every single-question message of the development sets and of our fixture and first-try batches is
answered by every answerer that can (answer/candidates.py); each candidate is labelled by whether it
is right under the grading rules (tools/evaluate.py), and its signals become a row. A logistic
regression fitted on the answering candidates of the questions the notices answer scores them; the
fixed precedence's choice is kept unless another answer outscores it by a margin. Cross-validated by
leaving one question set out at a time, the margin chosen on the out-of-fold answers (graded, and with
a decline of an answerable question counted wrong): the accuracy by set, beside the fixed order alone
and the best any candidate could do. Writes
data/ranker.json (weights and figures) and data/ranker_rows.npz (the rows, so a test can refit and
check the figures without answering every question again).

    python -m assistant fit-ranker
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from assistant.answer.candidates import Candidate, Source, gather
from assistant.answer.compose import Answer
from assistant.answer.ranker import (
    MODEL_FILE,
    Logistic,
    RankerModel,
    Signals,
    feature_names,
    features,
    precedence,
    signals_of,
)
from assistant.answer.years import settle
from assistant.config import DATA_DIR
from assistant.model import AnswerKind
from assistant.tools.labelled import LabelledSet, assistant_for, labelled_sets

ROWS_FILE = DATA_DIR / "ranker_rows.npz"
C = 0.1  # inverse regularisation: a few hundred questions, ~90 weights
SOURCES = list(Source)
MARGINS = [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0]  # 1.0: the fixed precedence among answers always
def collect(labelled: LabelledSet) -> dict[str, np.ndarray]:
    """The rows of a set, one per candidate: its signals, its answerer, whether it is right, the
    question's number, whether the notices should be said not to answer it, and the former choice."""
    from assistant.tools.evaluate import grade, load_questions

    bot = assistant_for(labelled)
    settings, snap = bot.settings, bot._snapshot
    rows: dict[str, list[object]] = {k: [] for k in ("s", "src", "y", "q", "decline", "former")}
    for n, item in enumerate(load_questions(labelled.questions)):
        turn = bot._prepare(snap, item["q"], None, {})
        if not hasattr(turn, "parts") or len(turn.parts) != 1:
            continue
        decision = settle(turn.parts[0], snap.store)
        if decision.refusal is not None:
            continue  # refused for its years before any answerer ran
        q = decision.query
        candidates, situation = gather(snap, q, settings.today, settings.rules)
        chosen = precedence(q, candidates, situation)
        for i, (c, sig) in enumerate(zip(candidates, signals_of(q, candidates, situation, snap.reader), strict=True)):
            right = grade(item, replace(c.shown(), answer=decision.note + c.shown().answer), snap.notices)["correct"]
            if item.get("decline"):  # only saying so is right, never a passage shown as the answer
                right = right and c.source == Source.DECLINE
            rows["s"].append(sig.values())
            rows["src"].append(SOURCES.index(c.source))
            rows["y"].append(int(right))
            rows["q"].append(n)
            rows["decline"].append(int(bool(item.get("decline"))))
            rows["former"].append(int(i == chosen))
    out = {k: np.array(v) for k, v in rows.items()}
    out["s"] = out["s"].reshape(-1, len(Signals.names())).astype(float)
    return out


def _logistic(x: np.ndarray, y: np.ndarray) -> Logistic:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit(scaler.transform(x), y)
    return Logistic([round(float(c), 6) for c in clf.coef_[0]], round(float(clf.intercept_[0]), 6),
                    [round(float(m), 6) for m in scaler.mean_], [round(float(v) or 1.0, 6) for v in scaler.scale_])


class Questions:
    """The rows grouped by question, with the candidates rebuilt for the ranker."""

    def __init__(self, rows: dict[str, np.ndarray], mask: np.ndarray) -> None:
        self.rows, self.groups = rows, []
        sets, qids = rows["set"], rows["q"]
        keys = dict.fromkeys(zip(sets[mask].tolist(), qids[mask].tolist(), strict=True))
        index: dict[tuple[str, int], list[int]] = {}
        for i in np.flatnonzero(mask):
            index.setdefault((sets[i], int(qids[i])), []).append(int(i))
        self.groups = [index[k] for k in keys]

    def candidates(self, group: list[int]) -> tuple[list[Candidate], list[Signals]]:
        r = self.rows
        return ([Candidate(SOURCES[int(r["src"][i])], Answer("", AnswerKind.RULE)) for i in group],
                [Signals(*r["s"][i]) for i in group])


def fit_model(rows: dict[str, np.ndarray], mask: np.ndarray, margin: float = 0.0) -> RankerModel:
    """The answers' model fitted on the answering candidates of the questions the notices answer."""
    src = rows["src"]
    train = mask & (src != SOURCES.index(Source.DECLINE)) & (rows["decline"] == 0)
    x = np.array([features(SOURCES[int(src[i])], Signals(*rows["s"][i])) for i in np.flatnonzero(train)])
    return RankerModel(_logistic(x, rows["y"][train]), margin)


def choices(model: RankerModel, rows: dict[str, np.ndarray], mask: np.ndarray) -> list[int]:
    """The row chosen for each question of `mask`."""
    questions = Questions(rows, mask)
    picked = []
    for group in questions.groups:
        candidates, sigs = questions.candidates(group)
        best = model.rank(candidates, sigs)[0]
        picked.append(group[next(i for i, c in enumerate(candidates) if c is best)])
    return picked


def score(rows: dict[str, np.ndarray], picked: list[int]) -> tuple[float, float, int, int]:
    """(accuracy as graded, accuracy counting a decline of an answerable question as wrong,
    declines made, declines of answerable questions)."""
    y, src, dec = rows["y"], rows["src"], rows["decline"]
    declined = [i for i in picked if SOURCES[int(src[i])] == Source.DECLINE]
    wrongly = [i for i in declined if not dec[i]]
    graded = float(np.mean([y[i] for i in picked])) if picked else 0.0
    strict = float(np.mean([y[i] and i not in wrongly for i in picked])) if picked else 0.0
    return graded, strict, len(declined), len(wrongly)


def evaluate(rows: dict[str, np.ndarray]) -> tuple[float, dict[str, object]]:
    """Leave one question set out: the margin that gives the best out-of-fold accuracy, as graded and
    as users see it, and the figures by set at that margin beside the fixed order's alone."""
    sets = rows["set"]
    names = list(dict.fromkeys(sets.tolist()))
    folds = {name: fit_model(rows, sets != name) for name in names}
    out_of_fold: dict[float, dict[str, list[int]]] = {}
    for m in MARGINS:
        out_of_fold[m] = {name: choices(replace(folds[name], margin=m), rows, sets == name) for name in names}
    everything = lambda picks: [i for p in picks.values() for i in p]  # noqa: E731
    # The judges' grading and the users' view (a decline of an answerable question is a failure
    # even when the closest text it shows holds the answer) weigh the same; the larger margin (the
    # fixed order kept more often) on a tie.
    margin = max(out_of_fold, key=lambda m: (sum(score(rows, everything(out_of_fold[m]))[:2]), m))
    by_set = {}
    for name in names:
        mask = sets == name
        former = [i for i in np.flatnonzero(mask) if rows["former"][i]]
        g, st, d, w = score(rows, out_of_fold[margin][name])
        fg, fst, fd, fw = score(rows, former)
        best = np.mean([rows["y"][group].max() for group in Questions(rows, mask).groups])
        by_set[name] = {"n": len(former), "ranked": round(g, 3), "ranked_strict": round(st, 3), "declined": d,
                        "wrongly_declined": w, "former": round(fg, 3), "former_strict": round(fst, 3),
                        "former_declined": fd, "best_possible": round(float(best), 3)}
    g, st, d, w = score(rows, everything(out_of_fold[margin]))
    fg, fst, fd, fw = score(rows, [i for i in range(len(rows["y"])) if rows["former"][i]])
    return margin, {"method": "leave one question set out", "questions": len(everything(out_of_fold[margin])),
                       "accuracy": round(g, 3), "strict_accuracy": round(st, 3), "declined": d, "wrongly_declined": w,
                       "former_accuracy": round(fg, 3), "former_strict_accuracy": round(fst, 3),
                       "former_declined": fd, "former_wrongly_declined": fw, "by_set": by_set}


def fit(out: Path = MODEL_FILE, rows_file: Path = ROWS_FILE) -> dict[str, object]:
    parts = {s.name: collect(s) for s in labelled_sets()}
    rows = {k: np.concatenate([p[k] for p in parts.values()]) for k in ("s", "src", "y", "q", "decline", "former")}
    rows["set"] = np.concatenate([[name] * len(p["y"]) for name, p in parts.items()])
    np.savez_compressed(rows_file, **rows)
    return fit_rows(rows, out)


def fit_rows(rows: dict[str, np.ndarray], out: Path | None = MODEL_FILE) -> dict[str, object]:
    """The model fitted on every row, its margin and the cross-validated figures."""
    margin, cv = evaluate(rows)
    model = fit_model(rows, np.ones(len(rows["y"]), dtype=bool), margin)
    result = {
        "features": feature_names(),
        "answers": asdict(model.answers),
        "margin": margin,
        "C": C,
        "cv": cv,
        "command": "python -m assistant fit-ranker",
    }
    if out is not None:
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result


def load_rows(path: Path = ROWS_FILE) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def main() -> None:
    result = fit()
    cv = result["cv"]
    assert isinstance(cv, dict)
    print(f"ranker: {cv['questions']} questions, leave one set out; margin over the fixed order {result['margin']}")
    print(f"  accuracy {cv['accuracy']:.1%} (a decline of an answerable question counted wrong: {cv['strict_accuracy']:.1%}),"
          f" {cv['declined']} declined, {cv['wrongly_declined']} of them answerable")
    print(f"  the fixed order alone {cv['former_accuracy']:.1%} ({cv['former_strict_accuracy']:.1%}),"
          f" {cv['former_declined']} declined, {cv['former_wrongly_declined']} of them answerable")
    for name, f in cv["by_set"].items():
        print(f"  {name:<9} n={f['n']:>3}  ranked {f['ranked']:.1%} ({f['ranked_strict']:.1%})  former {f['former']:.1%}"
              f" ({f['former_strict']:.1%})  best possible {f['best_possible']:.1%}")


if __name__ == "__main__":
    main()
