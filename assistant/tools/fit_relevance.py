"""Fitting the relevance model (answer/relevance.py) on labelled questions: every single-question
message of the development sets and of our fixture and first-try batches that are not held out,
labelled by whether the notices answer it (`decline`). Logistic regression on standardised
evidence, the classes balanced; cross-validated by leaving one question set out at a time; the
threshold and the bounds of the sentence rule (relevance.py) are chosen together, for the best
out-of-fold F2 of the declines (recall weighs twice); the figures are those of that decision. Writes data/relevance.json with the figures, and prints them.

    python -m assistant fit-relevance
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from assistant.answer.relevance import MODEL_FILE, Evidence, evidence
from assistant.answer.years import default_round
from assistant.tools.labelled import LabelledSet, assistant_for, labelled_sets


def features(labelled: LabelledSet) -> tuple[np.ndarray, np.ndarray]:
    """Evidence and labels (1: the notices answer it) of a set's single-question messages."""
    from assistant.tools.evaluate import load_questions

    bot = assistant_for(labelled)
    snap = bot._snapshot
    xs, ys = [], []
    for item in load_questions(labelled.questions):
        turn = bot._prepare(snap, item["q"], None, {})
        if not hasattr(turn, "parts") or len(turn.parts) != 1:
            continue
        q = turn.parts[0]
        xs.append(_evidence(bot, snap, q).vector())
        ys.append(0 if item.get("decline") else 1)
    return np.array(xs, dtype=float), np.array(ys)


def _evidence(bot, snap, q) -> Evidence:  # noqa: ANN001
    """The evidence the search would judge first (the notice pointed at, else the year asked or
    the latest round), or the wider search's when no year is asked and it holds more of the ask."""
    store, retriever = snap.store, snap.retriever
    first = default_round(store)
    years = {y for y in q.years if y in store.years} or ({first} if first is not None else None)
    if q.notice_ids:
        hits = retriever.search(q.search_text, years=years, notices=set(q.notice_ids), ask=q.ask)
    else:
        hits = retriever.search(q.search_text, years=years, ask=q.ask)
    e = evidence(q, hits, retriever, snap.reader)
    if not q.years:
        wider = evidence(q, retriever.search(q.search_text, ask=q.ask), retriever, snap.reader)
        e = wider if wider.lexical > e.lexical else e
    return e


def _f2(precision: float, recall: float) -> float:
    return 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0


def _rates(declined: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(precision, recall) of the declines made."""
    truth = labels == 0
    precision = (declined & truth).sum() / max(declined.sum(), 1)
    recall = (declined & truth).sum() / max(truth.sum(), 1)
    return float(precision), float(recall)


def fit(out: Path = MODEL_FILE) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    data = {s.name: features(s) for s in labelled_sets()}
    x = np.vstack([v[0] for v in data.values()])
    y = np.concatenate([v[1] for v in data.values()])
    groups = np.concatenate([[name] * len(v[1]) for name, v in data.items()])

    def model() -> tuple[StandardScaler, LogisticRegression]:
        return StandardScaler(), LogisticRegression(class_weight="balanced", C=1.0, max_iter=1000)

    oof = np.zeros(len(y))
    for name in data:
        train, test = groups != name, groups == name
        scaler, clf = model()
        clf.fit(scaler.fit_transform(x[train]), y[train])
        oof[test] = clf.predict_proba(scaler.transform(x[test]))[:, 1]
    names = Evidence.names()
    sentence, unseen = x[:, names.index("sentence")], x[:, names.index("unseen")]

    def declined(t: float, weak: float, weak_unseen: float) -> np.ndarray:
        return (oof < t) | (sentence < weak) | ((unseen > 0) & (sentence < weak_unseen))

    # The threshold and the sentence rule's two bounds together, for the best out-of-fold F2 of the
    # declines: a confident answer where the notices say nothing misleads more than the closest text
    # shown as such, so recall weighs twice; the fewest declines on a tie.
    grid = [(float(t), w, wu) for t in np.unique(np.round(oof, 2)) for w in (0.0, 0.1, 0.2, 0.3)
            for wu in (0.0, 0.2, 0.3, 0.4, 0.5)]
    threshold, weak, weak_unseen = max(grid, key=lambda g: (_f2(*_rates(declined(*g), y)), -declined(*g).sum()))
    said = declined(threshold, weak, weak_unseen)
    precision, recall = _rates(said, y)
    by_set = {}
    for name in data:
        mask = groups == name
        p, r = _rates(said[mask], y[mask])
        by_set[name] = {"n": int(mask.sum()), "declines": int((y[mask] == 0).sum()),
                        "decline_precision": round(p, 3), "decline_recall": round(r, 3),
                        "accuracy": round(float((said[mask] == (y[mask] == 0)).mean()), 3)}
    scaler, clf = model()
    clf.fit(scaler.fit_transform(x), y)
    result = {
        "features": Evidence.names(),
        "coef": [round(float(c), 6) for c in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in scaler.mean_],
        "scale": [round(float(s), 6) for s in scaler.scale_],
        "threshold": threshold,
        "weak": weak,
        "weak_unseen": weak_unseen,
        "cv": {"method": "leave one question set out", "n": int(len(y)), "declines": int((y == 0).sum()),
               "decline_precision": round(precision, 3), "decline_recall": round(recall, 3), "by_set": by_set},
        "command": "python -m assistant fit-relevance",
    }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result
