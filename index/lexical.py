"""Lexical retrieval: BM25 (bm25s) over glossary-expanded, Sastrawi-stemmed terms."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path

import bm25s
import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.glossary import Glossary
from index.text import STOPWORDS, stem

# Saved stems are only reused by the same stemmer (and the same rules around it: "nya2", the
# enclitic taken off a word Sastrawi leaves whole).
STEMMER = f"sastrawi-{metadata.version('PySastrawi')}-nya2"


def lexical_terms(
    text: str, glossary: Glossary, stems: Mapping[str, str] | None = None
) -> list[str]:
    """The terms lexical search matches on: glossary-expanded words, stemmed, no stopwords;
    `stems` (word -> stem: an index's corpus vocabulary) spare the stemmer known words."""
    return terms_of_words(glossary.expand_text(text), stems)


def terms_of_words(words: Iterable[str], stems: Mapping[str, str] | None = None) -> list[str]:
    """`lexical_terms` of words already tokenized and glossary-expanded; `stems` (word -> stem,
    see `index.text.stem_table`) are looked up before the stemmer is asked."""
    stems = stems or {}
    return [stems.get(w) or stem(w) for w in words if w not in STOPWORDS]


class LexicalIndex:
    """BM25 over chunks plus document frequencies of terms (for IDF-weighted evidence)."""

    def __init__(
        self,
        bm25: bm25s.BM25,
        df: dict[str, int],
        n_docs: int,
        vocab: dict[str, int],
        stems: dict[str, str] | None = None,
    ) -> None:
        self.bm25, self.df, self.n_docs, self.vocab = bm25, df, n_docs, vocab
        # word -> stem of the corpus words, saved with the index: the next build reuses them,
        # and answers look corpus words up here before asking the stemmer.
        self.stems = stems or {}
        self._by_shape: dict[tuple[str, int], tuple[list[str], list[tuple[int, int]]]] | None = None

    @classmethod
    def build(
        cls,
        docs: Sequence[Sequence[str]],
        surface: Iterable[Iterable[str]] = (),
        stems: dict[str, str] | None = None,
    ) -> LexicalIndex:
        """Index term lists (one per chunk); `surface` words feed spelling correction;
        `stems` (word -> stem) is saved with the index so later processes need not stem."""
        bm25 = bm25s.BM25()
        bm25.index([list(d) or [""] for d in docs], show_progress=False)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(set(d))
        vocab: Counter[str] = Counter()
        for words in surface:
            vocab.update(w for w in words if w.isalpha() and w not in STOPWORDS)
        return cls(bm25, dict(df), len(docs), dict(vocab), stems)

    def idf(self, term: str) -> float:
        """Smoothed IDF; a term the corpus never uses gets the highest value."""
        n = self.df.get(term, 0)
        return math.log(1 + (self.n_docs - n + 0.5) / (n + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df

    def correct(self, word: str) -> str | None:
        """The most frequent corpus word within a small edit distance of `word`, if any.

        Distance is Levenshtein with adjacent transpositions (optimal string alignment),
        computed by rapidfuzz in C++. Ties go to the word seen first in the corpus. Only words
        of the same first letter and a close length are compared, not the whole vocabulary.
        """
        if len(word) < 6 or not word.isalpha():
            return None
        limit = 1 if len(word) < 8 else 2
        buckets = self.buckets()
        best: tuple[int, int, int, str] | None = None
        for size in range(len(word) - limit, len(word) + limit + 1):
            bucket = buckets.get((word[0], size))
            if bucket is None:
                continue
            cands, ranks = bucket
            found = process.extract(
                word, cands, scorer=OSA.distance, score_cutoff=limit, limit=None
            )
            for cand, d, i in found:
                pos, freq = ranks[i]
                if best is None or (int(d), -freq, pos) < best[:3]:
                    best = (int(d), -freq, pos, cand)
        return best[3] if best else None

    def buckets(self) -> dict[tuple[str, int], tuple[list[str], list[tuple[int, int]]]]:
        """Corpus words by (first letter, length), with their (corpus order, frequency)."""
        if self._by_shape is None:
            by_shape: dict[tuple[str, int], tuple[list[str], list[tuple[int, int]]]] = {}
            for pos, (cand, freq) in enumerate(self.vocab.items()):
                words, ranks = by_shape.setdefault((cand[0], len(cand)), ([], []))
                words.append(cand)
                ranks.append((pos, freq))
            self._by_shape = by_shape
        return self._by_shape

    def occurs_in(self, term: str, doc_ids: np.ndarray) -> bool:
        """Whether `term` occurs in any of the documents (chunks) `doc_ids`: a binary search
        of its postings (bm25s keeps each term's document ids sorted), not a scan of texts."""
        i = self.bm25.vocab_dict.get(term)
        if i is None or term not in self.df:
            return False
        matrix = self.bm25.scores
        postings = matrix["indices"][matrix["indptr"][i] : matrix["indptr"][i + 1]]
        if not len(postings):
            return False
        at = np.minimum(np.searchsorted(postings, doc_ids), len(postings) - 1)
        return bool((postings[at] == doc_ids).any())

    def scores(self, terms: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25 score of every chunk for the query terms (as `bm25s.BM25.get_scores`), each
        term's contribution multiplied by its weight (1 when no weights are given)."""
        vocab_ids = self.bm25.vocab_dict
        weights = weights if weights is not None else [1.0] * len(terms)
        found = [
            (vocab_ids[t], w)
            for t, w in zip(terms, weights, strict=True)
            if t in self.df and t in vocab_ids and w > 0
        ]
        out = np.zeros(self.n_docs, dtype=np.float32)
        if not found:
            return out
        matrix = self.bm25.scores
        data, indices, indptr = matrix["data"], matrix["indices"], matrix["indptr"]
        for i, w in found:
            start, end = indptr[i], indptr[i + 1]
            # np.add.at is the fastest exact form on numpy 2 (fancy-index += is 2.5x slower).
            np.add.at(out, indices[start:end], data[start:end] * w if w != 1 else data[start:end])
        if self.bm25.nonoccurrence_array is not None:
            out += sum(w * self.bm25.nonoccurrence_array[i] for i, w in found)
        return out

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.bm25.save(str(directory), show_progress=False)
        (directory / "df.json").write_text(
            json.dumps(
                {"n_docs": self.n_docs, "df": self.df, "vocab": self.vocab}, ensure_ascii=False
            ),
            encoding="utf-8",
        )
        (directory / "stems.json").write_text(
            json.dumps({"stemmer": STEMMER, "stems": self.stems}, ensure_ascii=False),
            encoding="utf-8",
        )

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        bm25 = bm25s.BM25.load(str(directory))
        meta = json.loads((directory / "df.json").read_text(encoding="utf-8"))
        stems = load_stems(directory)
        index = cls(bm25, meta["df"], meta["n_docs"], meta.get("vocab", {}), stems)
        index.buckets()  # here, in the index-loading thread, not on the first misspelt word
        return index


def load_stems(directory: Path) -> dict[str, str]:
    """The stems saved with a lexical index (empty if missing or from another stemmer)."""
    try:
        saved = json.loads((directory / "stems.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return dict(saved["stems"]) if saved.get("stemmer") == STEMMER else {}
