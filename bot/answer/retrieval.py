"""What the answerer asks of retrieval: a question's query, the searcher it runs on, and the
chunks of the articles dated as a question asks."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import date
from typing import Protocol

import numpy as np

from bot.answer.question import Question
from index.records import Hit
from index.search import LexicalSearcher, Query
from index.store import StoredIndex

K_CHUNKS = 24  # chunks whose sentences are candidates (the best of them by retrieval)
NEWEST = 24  # the newest articles whose best chunks a "saat ini" question also reads
CONTEXT_WEIGHT = 0.3  # weight of the message's context terms in retrieval


class Searcher(Protocol):
    """What the answerer needs of retrieval (see index/search.py `HybridSearcher`)."""

    def embed_many(self, texts: Sequence[str]) -> list[np.ndarray]: ...

    def search_many(
        self, queries: Sequence[Query], k: int, vectors: Sequence[np.ndarray] | None = None
    ) -> list[list[Hit]]: ...

    def clear_cache(self) -> None: ...

    @property
    def lexical(self) -> LexicalSearcher: ...


def query_of(q: Question) -> Query:
    """Lexical terms (question first, the message's context terms lighter) and the text
    the dense retriever embeds."""
    terms = tuple(dict.fromkeys(q.terms))
    context = tuple(t for t in q.context_terms if t not in terms)
    weights = (1.0,) * len(terms) + (CONTEXT_WEIGHT,) * len(context)
    return Query(terms + context, weights, " ".join(q.words))


REPORTED_WITHIN = 3  # months after a year's end in which articles still report on that year


def _reports_on(day: date, years: Sequence[int], months: Sequence[int]) -> bool:
    """An article of that day may report on the years and months asked: it is from that
    time, or from just after it (a year's results come out in the next one's first months,
    a month's in the next month)."""
    shifted = date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1)
    if months:
        return any(d.month in months and (not years or d.year in years) for d in (day, shifted))
    return day.year in years or (day.year - 1 in years and day.month <= REPORTED_WITHIN)


def within_dates(
    index: StoredIndex, lexical: LexicalSearcher, q: Question, query: Query, hits: list[Hit]
) -> list[Hit]:
    """For a question that names a year or month, the best chunks of the articles from
    that time too, and for one asking what holds now, those of the newest articles: an
    answer dated as asked must be a candidate however many other articles match the words
    better."""
    if not (q.years or q.months or q.wants_latest):
        return hits  # no time asked: no pass over the articles
    dated = [
        (a.dated, a.id) for a in index.articles.values() if a.dated and a.id in index.chunk_ids
    ]
    if q.years or q.months:
        chosen = [aid for day, aid in dated if _reports_on(day, q.years, q.months)]
    else:  # "saat ini": the newest articles, however well others match
        chosen = [aid for _, aid in heapq.nlargest(NEWEST, dated)]
    ids = [index.chunk_ids[aid] for aid in chosen]
    if not ids:
        return hits
    extra = lexical.scores_in(query, np.concatenate(ids), K_CHUNKS)
    top = max(extra.values(), default=1.0) or 1.0
    seen = {h.chunk_id for h in hits}
    worst = min((h.score for h in hits), default=1.0)
    more = [
        Hit(cid, worst * s / top, len(hits) + i + 1)
        for i, (cid, s) in enumerate(sorted(extra.items(), key=lambda kv: -kv[1]))
        if cid not in seen
    ]
    return hits + more
