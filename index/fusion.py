"""Fusion of lexical and dense scores. Each method is a small pure function; pick by name."""

from __future__ import annotations

from collections.abc import Callable, Mapping

# The retrieval the engine uses, chosen by measurement on the dev set (README, "Evaluation").
FUSION = "weighted"
DENSE_WEIGHT = 0.1

Scores = Mapping[int, float]
FusionFn = Callable[[Scores, Scores, float], dict[int, float]]


def _minmax(scores: Scores) -> dict[int, float]:
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    span = hi - lo
    return {k: (v - lo) / span if span > 0 else 1.0 for k, v in scores.items()}


def weighted(lexical: Scores, dense: Scores, dense_weight: float) -> dict[int, float]:
    """Convex combination of min-max normalized scores; a missing score counts as 0."""
    lex, den = _minmax(lexical), _minmax(dense)
    return {
        k: (1 - dense_weight) * lex.get(k, 0.0) + dense_weight * den.get(k, 0.0)
        for k in lex.keys() | den.keys()
    }


def rrf(lexical: Scores, dense: Scores, dense_weight: float, k: int = 60) -> dict[int, float]:
    """Weighted reciprocal rank fusion (Cormack et al. 2009) with constant `k`."""
    out: dict[int, float] = {}
    for scores, w in ((lexical, 1 - dense_weight), (dense, dense_weight)):
        ranked = sorted(scores, key=lambda c: -scores[c])
        for rank, c in enumerate(ranked, start=1):
            out[c] = out.get(c, 0.0) + w / (k + rank)
    return out


def lexical_only(lexical: Scores, dense: Scores, dense_weight: float) -> dict[int, float]:
    """Lexical scores alone (dense ignored)."""
    return dict(lexical)


def dense_only(lexical: Scores, dense: Scores, dense_weight: float) -> dict[int, float]:
    """Dense scores alone (lexical ignored)."""
    return dict(dense)


FUSIONS: dict[str, FusionFn] = {
    "weighted": weighted,
    "rrf": rrf,
    "lexical": lexical_only,
    "dense": dense_only,
}


def select_fusion(name: str) -> FusionFn:
    """The fusion function called `name`; `ValueError` lists the valid names."""
    try:
        return FUSIONS[name]
    except KeyError:
        raise ValueError(f"unknown fusion {name!r}; valid: {', '.join(sorted(FUSIONS))}") from None
