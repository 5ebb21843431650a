"""Sentence-aware chunking bounded in model tokens, with sentence overlap between chunks."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

from index.records import Article, Chunk, Sentence
from index.text import split_sentences

CHUNK_MAX_TOKENS = 200  # model tokens per chunk (all-MiniLM-L6-v2 reads 256)

TokenCounter = Callable[[str], int]
ManyTokenCounter = Callable[[Sequence[str]], list[int]]

# Indonesian costs about 2.4 WordPiece tokens per word for the default (English) model.
TOKENS_PER_WORD = 2.4


@cache
def chunking_fingerprint() -> str:
    """A digest of the code that decides chunk boundaries (this module and sentence splitting):
    chunks kept from an earlier build are only reused when it is unchanged."""
    from index import text

    h = hashlib.sha256()
    for path in (__file__, text.__file__):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:16]


def estimate_tokens(text: str) -> int:
    """Cheap token estimate used when no tokenizer is at hand (tests, fake embedders)."""
    return int(len(text.split()) * TOKENS_PER_WORD) + 1


def article_sentences(article: Article) -> list[Sentence]:
    """The sentences of an article body, with offsets into the body."""
    return [Sentence(article.id, s, e, article.body[s:e]) for s, e in split_sentences(article.body)]


def chunk_article(
    article: Article,
    count_tokens: TokenCounter = estimate_tokens,
    max_tokens: int = CHUNK_MAX_TOKENS,
    overlap: int = 1,
    first_id: int = 0,
) -> list[Chunk]:
    """Group consecutive sentences into chunks of at most `max_tokens` model tokens.

    Consecutive chunks share `overlap` sentences so that a fact spanning a sentence boundary is
    whole in at least one chunk. A single sentence longer than the bound becomes its own chunk
    (the model truncates it; lexical search still sees all of it).
    """
    sentences = article_sentences(article)
    costs = [count_tokens(s.text) for s in sentences]
    return _chunk_sentences(article, sentences, costs, max_tokens, overlap, first_id)


def _chunk_sentences(
    article: Article,
    sentences: Sequence[Sentence],
    costs: Sequence[int],
    max_tokens: int,
    overlap: int,
    first_id: int,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    i = 0
    while i < len(sentences):
        j, total = i, 0
        while j < len(sentences) and (j == i or total + costs[j] <= max_tokens):
            total += costs[j]
            j += 1
        start, end = sentences[i].start, sentences[j - 1].end
        chunks.append(
            Chunk(first_id + len(chunks), article.id, start, end, article.body[start:end], total)
        )
        if j >= len(sentences):
            break
        i = max(j - overlap, i + 1)
    return chunks


def chunk_corpus(
    articles: Iterable[Article],
    count_tokens: TokenCounter = estimate_tokens,
    max_tokens: int = CHUNK_MAX_TOKENS,
    overlap: int = 1,
    *,
    count_many: ManyTokenCounter | None = None,
    known: Mapping[str, Sequence[tuple[int, int, int]]] | None = None,
    split: Callable[[Article], list[Sentence]] = article_sentences,
) -> list[Chunk]:
    """Chunk every article; chunk ids are positions in the returned list.

    `count_many` counts the tokens of many sentences in one call (faster than `count_tokens`
    one by one). `known` maps an article id to its chunks' (start, end, n_tokens) from an
    earlier chunking of the same body with the same settings; those are reused as they are.
    `split` gives an article's sentences (a build passes the ones it has already found).
    """
    known = known or {}
    many = count_many or (lambda texts: [count_tokens(t) for t in texts])
    out: list[Chunk] = []
    batch: list[Article] = []

    def flush() -> None:
        sentences = [split(a) for a in batch]
        counts = iter(many([s.text for sents in sentences for s in sents]))
        for a, sents in zip(batch, sentences, strict=True):
            costs = [next(counts) for _ in sents]
            out.extend(_chunk_sentences(a, sents, costs, max_tokens, overlap, len(out)))
        batch.clear()

    for article in articles:
        spans = known.get(article.id)
        if spans is None:
            batch.append(article)
            if len(batch) >= 256:
                flush()
            continue
        flush()
        body, first = article.body, len(out)
        out.extend(
            Chunk(first + k, article.id, s, e, body[s:e], n) for k, (s, e, n) in enumerate(spans)
        )
    flush()
    return out
