"""Figures from several sources: which other articles' answers to show beside the best one,
and which source wins when the question asks for the latest figure. Pure functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answer.constraints import YEAR_RE
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


def tells_after(window: Scored, year: int) -> bool:
    """The window tells of a time after `year`: its article is dated later, and it names no
    year unless a later one ("Cakupan pada 2020 baru 36 persen" in a 2024 article does not)."""
    dated = window.article.dated
    named = [int(y) for y in YEAR_RE.findall(window.text)]
    return dated is not None and dated.year > year and (not named or max(named) > year)


def newest_first(c: Scored) -> int:
    return -(c.article.dated.toordinal() if c.article.dated else 0)


def spread(q: Question, ranked: list[Scored]) -> list[Pick]:
    """A figure question: the best window, plus the same kind of figure from the newest
    other sources that answer nearly as well (`MAX_SOURCES` in all), newest first with their
    dates (newest only for "sekarang"). A source newer than all of them joins when it scores
    nearly as well, naming `LATEST_COVERAGE` of what the best one names (of the time asked,
    if one is: the constraints ruled out windows of other times)."""
    best = ranked[0]
    others: list[Scored] = []
    seen = {best.article.id}
    newest: Scored | None = None
    for cand in ranked[1:]:
        if (
            cand.article.id in seen
            or cand.score < SPREAD_RATIO * best.score
            or cand.coverage < LATEST_COVERAGE * best.coverage
            or not fits_kind(q, cand.text)
            or not same_figure_kind(q, best.text, cand.text)
        ):
            continue
        if cand.coverage >= SPREAD_RATIO * best.coverage:
            others.append(cand)
            seen.add(cand.article.id)
        elif newest is None or newest_first(cand) < newest_first(newest):
            newest = cand
    # a figure changes over time: the newest source stating it is shown too, though it names
    # less of the question in its words ("Hingga Maret 2064, tercatat 23 perusahaan ...
    # dengan nilai Rp1,37 miliar"; a later article's report of the year asked)
    if newest is not None and all(newest_first(newest) < newest_first(c) for c in [best, *others]):
        others.append(newest)
    # of many sources stating the figure, the newest: it changes over time
    picks = [best, *sorted(others, key=newest_first)[: MAX_SOURCES - 1]]
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
    # "dulu 2020 ... 36 persen, kalo kini berapo?": the windows of that year or before are
    # past; the best of them vouches that the question is answered, and the newest one after
    # it naming enough of the question answers, however much lower it scores
    later = _close(q, ranked, 0.0, lambda c: tells_after(c, q.after_year)) if q.after_year else []
    close = later or _close(q, ranked, LATEST_RATIO, lambda _: True)
    if not close:
        return ranked
    newest = min(close, key=newest_first)
    return [newest] + [c for c in ranked if c is not newest]


def _close(
    q: Question, ranked: list[Scored], ratio: float, allowed: Callable[[Scored], bool]
) -> list[Scored]:
    """The windows of `ranked` `allowed`, of the kind asked, that score within `ratio` of the
    best and name `LATEST_COVERAGE` of what it names (a figure; else `LATEST_RATIO`), or
    within `LATEST_FLOOR` naming as much."""
    best = ranked[0]
    named = LATEST_COVERAGE if q.kind == "berapa" else LATEST_RATIO
    return [
        c
        for c in ranked
        if (
            (c.score >= ratio * best.score and c.coverage >= named * best.coverage)
            or (0 < best.coverage <= c.coverage and c.score >= LATEST_FLOOR * best.score)
        )
        and fits_kind(q, c.text)
        and (q.kind != "berapa" or same_figure_kind(q, best.text, c.text))
        and allowed(c)
    ]
