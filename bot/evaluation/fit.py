"""Fit the answer scorer: a logistic regression over candidate windows' features, labelled by
the evaluation sets' facts, and the refusal threshold; validated by leaving whole articles
out. Writes `knowledge/scorer.json` (coefficients, standardization, threshold: data, no
pickle). Development only: needs scikit-learn (`pip install -e .[dev]`).

    bpjstk-bot fit            # fit on the dev sets, write knowledge/scorer.json
    bpjstk-bot fit --validate # also print leave-articles-out figures
"""

from __future__ import annotations

import json
import random
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bot.answer.compose import Answerer
from bot.answer.features import CALIBRATION_FEATURES as CALIBRATION
from bot.answer.features import FEATURES, RANK_FEATURES, Linear, LinearScorer
from bot.answer.intake import clean_text, reject_reason
from bot.answer.retrieval import K_CHUNKS, query_of, within_dates
from bot.evaluation.evaluate import fact_present
from bot.evaluation.sets import DevQuestion

FOLDS = 5
# The share of the fitting sets' unanswerable questions the threshold refuses.
REFUSED_SHARE = 0.92
SEED = 20261201


@dataclass
class Group:
    """The candidates of one (side of a) question, with their labels."""

    question: str  # the evaluation question id
    answerable: bool
    articles: frozenset[str]  # article ids a right answer may cite
    x: list[list[float]] = field(default_factory=list)
    y: list[int] = field(default_factory=list)


def label(text: str, article: str, q: DevQuestion, allowed: frozenset[str]) -> int:
    """1 when a window from a right article holds at least one of the question's facts."""
    if not q.answerable or article not in allowed:
        return 0
    return int(any(fact_present(f, text) for f in q.facts))


def groups_of(answerer: Answerer, questions: Iterable[DevQuestion]) -> list[Group]:
    """Candidate features and labels for every (side of every) question of the sets."""
    by_source = {a.source: a.id for a in answerer.index.articles.values() if a.source}
    out = []
    for dq in questions:
        allowed = frozenset(by_source.get(a, a) for a in dq.articles)
        text = clean_text(dq.question, keep_lines=True)
        if reject_reason(text, answerer.max_chars):
            continue
        for asked in answerer.read(text):
            for q in asked.sides:
                if q.kind == "singkatan":
                    continue
                query = query_of(q)
                hits = answerer.searcher.search_many([query], K_CHUNKS)[0]
                hits = within_dates(answerer.index, answerer.searcher.lexical, q, query, hits)
                g = Group(dq.id, dq.answerable, allowed)
                for c in answerer.candidates(q, hits):
                    g.x.append([c.features[n] for n in FEATURES])
                    full = answerer.with_continuation(c.scored).text
                    g.y.append(label(full, c.scored.article.id, dq, allowed))
                out.append(g)
    return out


def fit(groups: Sequence[Group], c: float = 1.0) -> dict[str, Any]:
    """The ranker (a listwise model: the probability that a right window comes first among
    its question's windows), its calibration (logistic regression on each question's best
    window) and the threshold (see `threshold`)."""
    cols = [FEATURES.index(n) for n in RANK_FEATURES]
    allx = np.array([row for g in groups for row in g.x], dtype=np.float64)[:, cols]
    mean, scale = allx.mean(axis=0), allx.std(axis=0)
    scale[scale == 0] = 1.0
    coef = _listwise(groups, cols, mean, scale, c)
    rank = {
        "coef": dict(zip(RANK_FEATURES, coef.round(6).tolist(), strict=True)),
        "mean": dict(zip(RANK_FEATURES, mean.round(6).tolist(), strict=True)),
        "scale": dict(zip(RANK_FEATURES, scale.round(6).tolist(), strict=True)),
    }
    calibration = _calibrate(groups, Linear.from_json(rank), c)
    scorer: dict[str, Any] = {"ranker": rank, "calibration": calibration}
    scorer["threshold"] = threshold(groups, LinearScorer.from_json({**scorer, "threshold": 0}))
    return scorer


def _listwise(
    groups: Sequence[Group], cols: list[int], mean: np.ndarray, scale: np.ndarray, c: float
) -> np.ndarray:
    """Weights maximizing, over the questions with a right and a wrong window, the softmax
    probability of the right windows (conditional logit), with an L2 penalty 1/(2c)."""
    from scipy.optimize import minimize

    data = []
    for g in groups:
        if g.x and any(g.y) and not all(g.y):
            x = (np.array(g.x, dtype=np.float64)[:, cols] - mean) / scale
            data.append((x, np.array(g.y, dtype=bool)))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * w @ w / c, w / c
        for x, y in data:
            s = x @ w
            m = s.max()
            e = np.exp(s - m)
            p_all = e / e.sum()
            p_pos = e[y] / e[y].sum()
            total -= np.log(e[y].sum()) - np.log(e.sum())
            grad = grad - (p_pos @ x[y] - p_all @ x)
        return total, grad

    result = minimize(loss, np.zeros(len(cols)), jac=True, method="L-BFGS-B")
    return np.asarray(result.x)


def _best(g: Group, scorer: LinearScorer) -> tuple[float, bool]:
    """The best-ranked window's probability and whether it is right ((0, False) without
    candidates)."""
    if not g.x:
        return 0.0, False
    rows = [dict(zip(FEATURES, row, strict=True)) for row in g.x]
    ranks = [scorer.rank(x) for x in rows]
    i = int(np.argmax(ranks))
    return scorer.score(rows[i], ranks[i]), bool(g.y[i])


def _calibrate(groups: Sequence[Group], ranker: Linear, c: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for g in groups:
        if not g.x:
            continue
        scores = [ranker(dict(zip(FEATURES, row, strict=True))) for row in g.x]
        i = int(np.argmax(scores))
        if g.answerable and not g.y[i]:
            continue  # answering or refusing is equally wrong: nothing to learn
        x = dict(zip(FEATURES, g.x[i], strict=True))
        x["rank"] = scores[i]
        rows.append([x[n] for n in CALIBRATION])
        labels.append(int(g.y[i]))
    arr = np.array(rows)
    mean, scale = arr.mean(axis=0), arr.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((arr - mean) / scale, labels)
    return {
        "coef": dict(zip(CALIBRATION, model.coef_[0].round(6).tolist(), strict=True)),
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": dict(zip(CALIBRATION, mean.round(6).tolist(), strict=True)),
        "scale": dict(zip(CALIBRATION, scale.round(6).tolist(), strict=True)),
    }


def threshold(groups: Sequence[Group], scorer: LinearScorer, share: float = REFUSED_SHARE) -> float:
    """The probability a best window needs to be given as an answer: midway between the
    score of the unanswerable question (side) at the `share` quantile of the fitting sets and
    the next higher one, so that `share` of them are refused (a quantile moves little when a
    feature or a set changes)."""
    scores = sorted(_best(g, scorer)[0] for g in groups if not g.answerable)
    if not scores:
        return 0.5
    k = min(len(scores) - 1, max(0, int(np.ceil(share * len(scores))) - 1))
    above = [x for x in scores if x > scores[k]]
    return round((scores[k] + above[0]) / 2 if above else scores[k] + 1e-6, 6)


def folds(groups: Sequence[Group], n: int = FOLDS) -> list[set[str]]:
    """Article ids split into `n` folds (for leave-articles-out validation)."""
    articles = sorted({a for g in groups for a in g.articles})
    random.Random(SEED).shuffle(articles)
    return [set(articles[i::n]) for i in range(n)]


def held_out(g: Group, fold: set[str], index: int, n: int) -> bool:
    """A group belongs to the fold that holds its first article; an unanswerable one by its
    id. Its questions are answered with a scorer fitted without that fold's articles."""
    if g.articles:
        return min(g.articles) in fold
    return zlib.crc32(g.question.encode()) % n == index


def write_scorer(scorer: dict[str, Any], path: Path, note: str) -> None:
    data = {
        "about": (
            "Fitted answer scorer: logistic regression over the features in "
            "bot/answer/features.py. "
            "Regenerate with `bpjstk-bot fit` (README, Evaluation)."
        ),
        "fitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "trained_on": note,
        **scorer,
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    tmp.replace(path)
