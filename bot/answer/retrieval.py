"""What the answerer asks of retrieval: a question's query, the searcher it runs on, and the
chunks of the articles dated as a question asks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from bot.answer.question import Question
from index.records import Hit
from index.search import LexicalSearcher, Query
from index.store import StoredIndex

K_CHUNKS = 24  # chunks whose sentences are candidates (the best of them by retrieval)
# Chunks of the best match's article read beside the hits: its best few not among them, where
# a long article's answer stands in a chunk matching fewer words than other articles' do.
BEST_ARTICLE_CHUNKS = 4
BEST_ARTICLES = 2  # ... of each of the best matches' first articles
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


# Best chunks of each of the newest articles that a "saat ini" question reads: three, as the
# newest figure often stands past an article's opening two chunks (its lead and a quote).
PER_NEWEST = 3
REPORTED_WITHIN = 3  # months after a year's or month's end in which articles still report on it


def _reports_on(
    year: np.ndarray, month: np.ndarray, years: Sequence[int], months: Sequence[int]
) -> np.ndarray:
    """Which articles, by the year and month of their day, may report on the years and
    months asked: they are from that time, or from the `REPORTED_WITHIN` months after it (a
    year's results come out in the next one's first months, a month's figures in the
    months after it)."""
    if months:
        chosen = np.zeros(len(year), dtype=bool)
        for later in range(REPORTED_WITHIN + 1):  # the month asked, then the months after
            back = month - 1 - later
            y, m = np.where(back < 0, year - 1, year), back % 12 + 1
            chosen |= np.isin(m, months) & (np.isin(y, years) if years else True)
        return chosen
    return np.isin(year, years) | (np.isin(year - 1, years) & (month <= REPORTED_WITHIN))  # type: ignore[no-any-return]


def within_dates(
    index: StoredIndex, lexical: LexicalSearcher, q: Question, query: Query, hits: list[Hit]
) -> list[Hit]:
    """For a question that names a year or month, the best chunks of the articles from
    that time too, and for one asking what holds now, those of the newest articles: an
    answer dated as asked must be a candidate however many other articles match the words
    better. The best of those chunks scores halfway between the worst and the best hit:
    among the articles of the time asked it is as good a match as any, yet it matched the
    words less well than the best hits."""
    if not (q.years or q.months or q.wants_latest):
        return hits  # no time asked: no pass over the articles
    days = index.article_days
    if q.years or q.months:
        chosen = days.ids[_reports_on(days.year, days.month, q.years, q.months)]
    else:  # "saat ini": the newest articles, however well others match
        chosen = days.newest
    ids = [index.chunk_ids[aid] for aid in chosen]
    if not ids:
        return hits
    every = np.concatenate(ids)
    if q.years or q.months:
        extra = lexical.scores_in(query, every, K_CHUNKS)
    else:  # each of the newest articles, however many others match better
        scores = lexical.scores_in(query, every, len(every))
        extra = {}
        for article in ids:
            found = [(scores[int(c)], int(c)) for c in article if int(c) in scores]
            extra.update((c, s) for s, c in sorted(found, reverse=True)[:PER_NEWEST])
    return _with_chunks(hits, extra)


def within_articles(
    index: StoredIndex,
    lexical: LexicalSearcher,
    query: Query,
    hits: list[Hit],
    ids: set[str],
    k: int = K_CHUNKS,
) -> list[Hit]:
    """The best `k` chunks of the articles `ids` not among the hits too (those of an outlet
    the question names, "di berita <outlet> ..."), scored as `within_dates` scores the chunks
    of the time asked."""
    chunks = [index.chunk_ids[aid] for aid in ids if aid in index.chunk_ids]
    if not chunks:
        return hits
    unseen = np.setdiff1d(np.concatenate(chunks), [h.chunk_id for h in hits])
    if not len(unseen):
        return hits
    return _with_chunks(hits, lexical.scores_in(query, unseen, k))


def around_best(
    index: StoredIndex,
    lexical: LexicalSearcher,
    query: Query,
    hits: list[Hit],
    named: set[str],
) -> list[Hit]:
    """The best chunks of the articles of the outlet the question names (`named`), else the
    best few of each of the best matches' articles: a long article's answer may stand in a
    chunk matching fewer words than other articles' chunks do."""
    if named:
        return within_articles(index, lexical, query, hits, named)
    for article in best_articles(index, hits):
        hits = within_articles(index, lexical, query, hits, {article}, BEST_ARTICLE_CHUNKS)
    return hits


def best_articles(index: StoredIndex, hits: list[Hit], n: int = BEST_ARTICLES) -> list[str]:
    """The ids of the articles of the best hits, the first `n` of them."""
    ids = dict.fromkeys(index.chunks[h.chunk_id].article_id for h in hits)
    return list(ids)[:n]


def _with_chunks(hits: list[Hit], extra: dict[int, float]) -> list[Hit]:
    """`hits` and after them the chunks of `extra` (chunk id -> lexical score) not among
    them, the best halfway between the worst and the best hit's score."""
    top = max(extra.values(), default=1.0) or 1.0
    seen = {h.chunk_id for h in hits}
    worst = min((h.score for h in hits), default=1.0)
    best = max((h.score for h in hits), default=1.0)
    more = [
        Hit(cid, (worst + best) / 2 * s / top, len(hits) + i + 1)
        for i, (cid, s) in enumerate(sorted(extra.items(), key=lambda kv: -kv[1]))
        if cid not in seen
    ]
    return hits + more
