"""Lexical retrieval: BM25 (bm25s) over glossary-expanded, Sastrawi-stemmed terms."""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import bm25s
import numpy as np

from index.glossary import Glossary
from index.text import STOPWORDS, stem

logging.getLogger("bm25s").setLevel(logging.WARNING)


def lexical_terms(text: str, glossary: Glossary) -> list[str]:
    """The terms lexical search matches on: glossary-expanded words, stemmed, no stopwords."""
    return [stem(w) for w in glossary.expand_text(text) if w not in STOPWORDS]


class LexicalIndex:
    """BM25 over chunks plus document frequencies of terms (for IDF-weighted evidence)."""

    def __init__(
        self, bm25: bm25s.BM25, df: dict[str, int], n_docs: int, vocab: dict[str, int]
    ) -> None:
        self.bm25, self.df, self.n_docs, self.vocab = bm25, df, n_docs, vocab

    @classmethod
    def build(
        cls, docs: Sequence[Sequence[str]], surface: Iterable[Iterable[str]] = ()
    ) -> LexicalIndex:
        """Index term lists (one per chunk); `surface` words feed spelling correction."""
        bm25 = bm25s.BM25()
        bm25.index([list(d) or [""] for d in docs], show_progress=False)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(set(d))
        vocab: Counter[str] = Counter()
        for words in surface:
            vocab.update(w for w in words if w.isalpha() and w not in STOPWORDS)
        return cls(bm25, dict(df), len(docs), dict(vocab))

    def idf(self, term: str) -> float:
        """Smoothed IDF; a term the corpus never uses gets the highest value."""
        n = self.df.get(term, 0)
        return math.log(1 + (self.n_docs - n + 0.5) / (n + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df

    def correct(self, word: str) -> str | None:
        """The most frequent corpus word within a small edit distance of `word`, if any."""
        if len(word) < 6 or not word.isalpha():
            return None
        limit = 1 if len(word) < 8 else 2
        best: tuple[int, int, str] | None = None
        for cand, freq in self.vocab.items():
            if cand[0] != word[0] or abs(len(cand) - len(word)) > limit:
                continue
            d = edit_distance(word, cand, limit)
            if d <= limit and (best is None or (d, -freq) < best[:2]):
                best = (d, -freq, cand)
        return best[2] if best else None

    def scores(self, terms: Iterable[str]) -> np.ndarray:
        """BM25 score of every chunk for the query terms."""
        query = [t for t in terms if t in self.df]
        if not query:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(query), dtype=np.float32)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.bm25.save(str(directory), show_progress=False)
        (directory / "df.json").write_text(
            json.dumps(
                {"n_docs": self.n_docs, "df": self.df, "vocab": self.vocab}, ensure_ascii=False
            ),
            encoding="utf-8",
        )

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        bm25 = bm25s.BM25.load(str(directory))
        meta = json.loads((directory / "df.json").read_text(encoding="utf-8"))
        return cls(bm25, meta["df"], meta["n_docs"], meta.get("vocab", {}))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions, or `limit + 1` once it exceeds `limit`."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
