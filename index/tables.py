"""Columnar tables of a build: chunk spans and sentence spans as numpy arrays.

Loading 100,000 chunks as Python objects cost about half a second of the (GIL-bound) start-up;
these tables load in milliseconds and make a record only when one is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import numpy as np

from index.records import Article, Chunk, Sentence
from index.text import split_sentences


class ChunkTable(Sequence[Chunk]):
    """The chunks of a build, by id (= position): `table[i]` makes the `Chunk` record."""

    def __init__(
        self,
        articles: Sequence[Article],
        article_index: np.ndarray,
        starts: np.ndarray,
        ends: np.ndarray,
        n_tokens: np.ndarray,
    ) -> None:
        if not len(article_index) == len(starts) == len(ends) == len(n_tokens):
            raise ValueError("chunk columns differ in length")
        if len(article_index) and (article_index.min() < 0 or article_index.max() >= len(articles)):
            raise ValueError("chunk table names an article that is not in the build")
        lengths = np.asarray([len(a.body) for a in articles], dtype=np.int64)
        if len(starts) and not np.all(
            (starts >= 0) & (starts < ends) & (ends <= lengths[article_index])
        ):
            raise ValueError("chunk table has spans outside their articles")
        self._articles = list(articles)
        self.article_index, self.starts, self.ends, self.n_tokens = (
            article_index,
            starts,
            ends,
            n_tokens,
        )

    @classmethod
    def of_chunks(cls, articles: Sequence[Article], chunks: Sequence[Chunk]) -> ChunkTable:
        row = {a.id: i for i, a in enumerate(articles)}

        def column(values: list[int]) -> np.ndarray:
            return np.asarray(values, dtype=np.int64)

        return cls(
            articles,
            column([row[c.article_id] for c in chunks]),
            column([c.start for c in chunks]),
            column([c.end for c in chunks]),
            column([c.n_tokens for c in chunks]),
        )

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...

    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...

    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        article = self._articles[int(self.article_index[i])]
        start, end = int(self.starts[i]), int(self.ends[i])
        return Chunk(i, article.id, start, end, article.body[start:end], int(self.n_tokens[i]))

    def __iter__(self) -> Iterator[Chunk]:
        return (self[i] for i in range(len(self)))

    def ids_by_article(self) -> dict[str, np.ndarray]:
        """article id -> the ids of its chunks (ascending)."""
        order = np.argsort(self.article_index, kind="stable")
        bounds = np.searchsorted(self.article_index[order], np.arange(len(self._articles) + 1))
        return {
            a.id: order[bounds[i] : bounds[i + 1]]
            for i, a in enumerate(self._articles)
            if bounds[i + 1] > bounds[i]
        }

    def save(self, path: Path) -> None:
        with path.open("wb") as f:
            np.savez(
                f,
                article_index=self.article_index,
                starts=self.starts,
                ends=self.ends,
                n_tokens=self.n_tokens,
            )

    @classmethod
    def load(cls, path: Path, articles: Sequence[Article]) -> ChunkTable:
        with path.open("rb") as f, np.load(f) as data:
            columns = [data[k] for k in ("article_index", "starts", "ends", "n_tokens")]
        return cls(articles, *columns)


@dataclass(frozen=True)
class SentenceTable:
    """The sentence spans of every article, found once at build time: splitting an article
    into sentences was the costliest part of reading one at answer time."""

    order: dict[str, int]  # article id -> row in `offsets`
    offsets: np.ndarray  # article i's sentences are spans[offsets[i] : offsets[i + 1]]
    spans: np.ndarray  # (start, end) character offsets into the article body

    @classmethod
    def of_articles(cls, articles: Sequence[Article]) -> SentenceTable:
        spans = [list(split_sentences(a.body)) for a in articles]
        offsets = np.zeros(len(articles) + 1, dtype=np.int64)
        np.cumsum([len(s) for s in spans], out=offsets[1:])
        flat = np.array([x for s in spans for x in s], dtype=np.int64).reshape(-1, 2)
        return cls({a.id: i for i, a in enumerate(articles)}, offsets, flat)

    def spans_of(self, article_id: str) -> list[tuple[int, int]]:
        i = self.order[article_id]
        rows = self.spans[self.offsets[i] : self.offsets[i + 1]].tolist()
        return [(start, end) for start, end in rows]

    def sentences_of(self, article: Article) -> list[Sentence]:
        """The sentences of an article (one of this table's), with offsets into its body."""
        body = article.body
        return [Sentence(article.id, s, e, body[s:e]) for s, e in self.spans_of(article.id)]

    def save(self, path: Path) -> None:
        with path.open("wb") as f:
            np.savez(f, offsets=self.offsets, spans=self.spans)

    @classmethod
    def load(cls, path: Path, articles: Sequence[Article]) -> SentenceTable:
        with path.open("rb") as f, np.load(f) as data:
            offsets, spans = data["offsets"], data["spans"]
        if len(offsets) != len(articles) + 1 or (len(offsets) and offsets[-1] != len(spans)):
            raise ValueError("sentences.npz does not match articles.json")
        return cls({a.id: i for i, a in enumerate(articles)}, offsets, spans)
