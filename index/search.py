"""Retrievers with one narrow signature, `search(query, k) -> list[Hit]`, plus a batched form
for parsed queries (several questions of one message embedded in one call)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np

from index.embed import Embedder
from index.fusion import DENSE_WEIGHT, FUSION, select_fusion
from index.lexical import lexical_terms
from index.records import Hit
from index.store import StoredIndex

POOL = 50  # candidates taken from each retriever before fusion


@dataclass(frozen=True)
class Query:
    """A parsed query: lexical terms with weights, and the text the dense retriever embeds."""

    terms: tuple[str, ...]
    weights: tuple[float, ...]
    text: str


def _ranked(scores: dict[int, float], k: int) -> list[Hit]:
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return [Hit(cid, float(s), rank) for rank, (cid, s) in enumerate(best, start=1)]


def _top(scores: np.ndarray, n: int) -> dict[int, float]:
    if not scores.any():
        return {}
    top = np.argpartition(-scores, min(n, len(scores) - 1))[:n]
    return {int(i): float(scores[i]) for i in top if scores[i] > 0}


class LexicalSearcher:
    """BM25 over the stored chunks."""

    def __init__(self, index: StoredIndex) -> None:
        self.index = index

    def scores(self, query: Query) -> dict[int, float]:
        """The best `POOL` chunks' BM25 scores for weighted terms."""
        return _top(self.index.lexical.scores(query.terms, query.weights), POOL)

    def search(self, query: str, k: int) -> list[Hit]:
        terms = tuple(lexical_terms(query, self.index.glossary))
        return _ranked(self.scores(Query(terms, (1.0,) * len(terms), query)), k)

    def scores_in(self, query: Query, chunk_ids: np.ndarray, n: int = POOL) -> dict[int, float]:
        """The best `n` of the given chunks' BM25 scores (retrieval restricted to them, e.g.
        to the articles of the month a question asks about)."""
        if not len(chunk_ids):
            return {}
        scores = self.index.lexical.scores(query.terms, query.weights)[chunk_ids]
        top = np.argsort(-scores)[:n]
        return {int(chunk_ids[i]): float(scores[i]) for i in top if scores[i] > 0}


class DenseSearcher:
    """FAISS nearest neighbours of a query embedding."""

    def __init__(self, index: StoredIndex, embed: Callable[[str], np.ndarray]) -> None:
        self.index, self.embed = index, embed

    def scores(self, vector: np.ndarray) -> dict[int, float]:
        ids, sims = self.index.dense.search(vector, POOL)
        return {int(i): float(s) for i, s in zip(ids, sims, strict=True)}

    def search(self, query: str, k: int) -> list[Hit]:
        return _ranked(self.scores(self.embed(query)), k)


def _encode(embedder: Embedder, texts: tuple[str, ...]) -> np.ndarray:
    return embedder.encode(list(texts))


def _encode_one(batch: Callable[[tuple[str, ...]], np.ndarray], text: str) -> np.ndarray:
    return batch((text,))[0]


class HybridSearcher:
    """Lexical and dense candidates fused by a named method (see index/fusion.py).

    Query vectors are memoized (a repeated question skips the model); the memo belongs to the
    searcher, which lives as long as the index it searches.
    """

    def __init__(
        self,
        index: StoredIndex,
        embedder: Embedder,
        fusion: str = FUSION,
        dense_weight: float = DENSE_WEIGHT,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.fuse = select_fusion(fusion)
        self.dense_weight = dense_weight
        self.lexical = LexicalSearcher(index)
        # Functions of the embedder, not methods of this searcher: a memo holding `self` would
        # make a reference cycle that keeps a replaced index alive until a garbage collection.
        self._batch = lru_cache(maxsize=2048)(partial(_encode, embedder))
        self.dense = DenseSearcher(index, partial(_encode_one, self._batch))

    def embed_many(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Query vectors of several texts, computed in one batched call to the model."""
        if self.dense_weight <= 0:
            return [np.zeros(0, dtype=np.float32) for _ in texts]
        unique = tuple(dict.fromkeys(texts))  # two sides of a comparison share their text
        vectors = dict(zip(unique, self._batch(unique), strict=True))
        return [vectors[t] for t in texts]

    def clear_cache(self) -> None:
        """Forget the memoized query vectors (benchmarks measure new questions)."""
        self._batch.cache_clear()

    def search_many(
        self, queries: Sequence[Query], k: int, vectors: Sequence[np.ndarray] | None = None
    ) -> list[list[Hit]]:
        """Fused hits for each query; `vectors` are their embeddings (else computed here)."""
        vecs = vectors if vectors is not None else self.embed_many([q.text for q in queries])
        out = []
        for query, vector in zip(queries, vecs, strict=True):
            lex = self.lexical.scores(query)
            den = self.dense.scores(vector) if self.dense_weight > 0 and len(vector) else {}
            out.append(_ranked(self.fuse(lex, den, self.dense_weight), k))
        return out

    def search(self, query: str, k: int) -> list[Hit]:
        terms = tuple(lexical_terms(query, self.index.glossary))
        return self.search_many([Query(terms, (1.0,) * len(terms), query)], k)[0]
