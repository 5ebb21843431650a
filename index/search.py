"""Retrievers with one narrow signature: `search(query, k) -> list[Hit]`."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from index.embed import Embedder
from index.fusion import select_fusion
from index.lexical import lexical_terms
from index.records import Hit
from index.store import StoredIndex

POOL = 50  # candidates taken from each retriever before fusion


def _ranked(scores: dict[int, float], k: int) -> list[Hit]:
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return [Hit(cid, float(s), rank) for rank, (cid, s) in enumerate(best, start=1)]


class QueryEmbeddingCache:
    """A small thread-safe LRU of query vectors, so repeated questions skip the model."""

    def __init__(self, encode: Callable[[str], np.ndarray], size: int = 2048) -> None:
        self._encode, self._size = encode, size
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._items:
                self._items.move_to_end(text)
                return self._items[text]
        vec = self._encode(text)
        with self._lock:
            self._items[text] = vec
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return vec

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class LexicalSearcher:
    """BM25 over the stored chunks."""

    def __init__(self, index: StoredIndex) -> None:
        self.index = index

    def scores(self, query: str) -> dict[int, float]:
        s = self.index.lexical.scores(lexical_terms(query, self.index.glossary))
        if not s.any():
            return {}
        top = np.argpartition(-s, min(POOL, len(s) - 1))[:POOL]
        return {int(i): float(s[i]) for i in top if s[i] > 0}

    def search(self, query: str, k: int) -> list[Hit]:
        return _ranked(self.scores(query), k)


class DenseSearcher:
    """FAISS nearest neighbours of the query embedding."""

    def __init__(self, index: StoredIndex, embed_query: Callable[[str], np.ndarray]) -> None:
        self.index, self.embed_query = index, embed_query

    def scores(self, query: str) -> dict[int, float]:
        ids, sims = self.index.dense.search(self.embed_query(query), POOL)
        return {int(i): float(s) for i, s in zip(ids, sims, strict=True)}

    def search(self, query: str, k: int) -> list[Hit]:
        return _ranked(self.scores(query), k)


class HybridSearcher:
    """Lexical and dense candidates fused by a named method (see index/fusion.py)."""

    def __init__(
        self,
        index: StoredIndex,
        embedder: Embedder,
        fusion: str = "weighted",
        dense_weight: float = 0.2,
        embed_query: Callable[[str], np.ndarray] | None = None,
    ) -> None:
        self.index = index
        self.fuse = select_fusion(fusion)
        self.dense_weight = dense_weight
        self.embed_query = embed_query or QueryEmbeddingCache(lambda q: embedder.encode([q])[0])
        self.lexical = LexicalSearcher(index)
        self.dense = DenseSearcher(index, self.embed_query)

    def search_timed(self, query: str, k: int) -> tuple[list[Hit], dict[str, float]]:
        """Hits plus the milliseconds spent in each stage."""
        t0 = time.perf_counter()
        lex = self.lexical.scores(query)
        t1 = time.perf_counter()
        den: dict[int, float] = {}
        if self.dense_weight > 0:
            self.embed_query(query)
            t2 = time.perf_counter()
            den = self.dense.scores(query)
        else:
            t2 = t1
        t3 = time.perf_counter()
        hits = _ranked(self.fuse(lex, den, self.dense_weight), k)
        t4 = time.perf_counter()
        ms = {
            "lexical": (t1 - t0) * 1e3,
            "embed": (t2 - t1) * 1e3,
            "dense": (t3 - t2) * 1e3,
            "fuse": (t4 - t3) * 1e3,
        }
        return hits, ms

    def search(self, query: str, k: int) -> list[Hit]:
        return self.search_timed(query, k)[0]
