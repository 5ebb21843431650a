"""Figures from several sources: which other articles' answers to show beside the best one,
and which source wins when the question asks for the latest figure. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer.question import Question
from bot.answer.scoring import Scored, fits_kind, same_figure_kind

SPREAD_RATIO = 0.85  # other sources' figures shown when they score this close to the best
LATEST_RATIO = 0.6  # "sekarang / terbaru": the newest source wins when this close to the best
LATEST_FLOOR = 0.2  # ... or this close, when it names as much of the question in other words
LATEST_COVERAGE = 0.4  # "berapa": the share of the best's coverage a same-kind figure needs
MAX_SOURCES = 3


@dataclass(frozen=True)
class Pick:
    """A window chosen to answer: with a label ("Agustus 2024, Antara") when sources are shown
    side by side, and the position of the question it answers among the message's."""

    scored: Scored
    label: str | None = None
    asked: int = 0


def newest_first(c: Scored) -> int:
    return -(c.article.dated.toordinal() if c.article.dated else 0)


def spread(q: Question, ranked: list[Scored]) -> list[Pick]:
    """A figure question: the best window, plus the same kind of figure from other sources
    that answer nearly as well, newest first with their dates (newest only for "sekarang")."""
    best = ranked[0]
    picks = [best]
    seen = {best.article.id}
    for cand in ranked[1:]:
        if len(picks) >= MAX_SOURCES:
            break
        if (
            cand.article.id not in seen
            and cand.score >= SPREAD_RATIO * best.score
            and cand.coverage >= SPREAD_RATIO * best.coverage
            and fits_kind(q, cand.text)
            and same_figure_kind(q, best.text, cand.text)
        ):
            picks.append(cand)
            seen.add(cand.article.id)
    if len(picks) == 1 or q.wants_latest:
        return [Pick(min(picks, key=newest_first))]
    picks.sort(key=newest_first)
    return [Pick(c, f"{c.article.date_label}, {c.article.outlet}") for c in picks]


def prefer_latest(q: Question, ranked: list[Scored]) -> list[Scored]:
    """For "sekarang / terbaru": move the newest source's best window first when it scores
    within `LATEST_RATIO` of the best one with the same kind of figure (naming
    `LATEST_RATIO` of what the best one names; `LATEST_COVERAGE` for "berapa": the article
    may say "cakupan" as "persen pekerja terlindungi"), or within
    `LATEST_FLOOR` when it names as much of the question (in other words: "Kepala Kanwil
    ... yang turut hadir menyebutkan, cakupan ... tercatat 92,3 persen"). The answer is then
    as sure as the best window (it may be shown under the threshold: the best one vouches
    that the question is answered, the newest one says it as of its later day)."""
    best = ranked[0]
    named = LATEST_COVERAGE if q.kind == "berapa" else LATEST_RATIO
    close = [
        c
        for c in ranked
        if (
            (c.score >= LATEST_RATIO * best.score and c.coverage >= named * best.coverage)
            or (0 < best.coverage <= c.coverage and c.score >= LATEST_FLOOR * best.score)
        )
        and fits_kind(q, c.text)
        and (q.kind != "berapa" or same_figure_kind(q, best.text, c.text))
    ]
    if not close:
        return ranked
    newest = min(close, key=newest_first)
    return [newest] + [c for c in ranked if c is not newest]
