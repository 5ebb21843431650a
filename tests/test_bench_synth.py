"""The benchmark's synthetic corpus generator: deterministic, exact sizes, valid knowledge files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.synth import generate_articles, write_knowledge
from index.chunking import chunk_corpus, estimate_tokens
from index.corpus import load_corpus, parse_article
from index.text import words
from tests.conftest import ARTICLE_A, ARTICLE_B

SOURCES = [parse_article(ARTICLE_A), parse_article(ARTICLE_B)]


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = generate_articles(SOURCES, 60, seed=1)
    assert generate_articles(SOURCES, 60, seed=1) == first
    other = generate_articles(SOURCES, 60, seed=2)
    assert [a.body for a in other] != [a.body for a in first]


@pytest.mark.parametrize("n", [1, 7, 50, 333])
def test_chunks_exactly_as_many_as_asked(n: int) -> None:
    articles = generate_articles(SOURCES, n, seed=5, max_tokens=60)
    assert len(chunk_corpus(articles, estimate_tokens, max_tokens=60)) == n


def test_chunk_count_uses_the_given_token_counter() -> None:
    def count(text: str) -> int:
        return len(words(text)) * 3

    articles = generate_articles(SOURCES, 40, seed=3, count_tokens=count, max_tokens=90)
    assert len(chunk_corpus(articles, count, max_tokens=90)) == 40


def test_figures_names_and_vocabulary_vary() -> None:
    articles = generate_articles(SOURCES, 300, seed=9, max_tokens=60)
    text = "\n".join(a.body for a in articles)
    source_vocab = {w for a in SOURCES for w in words(a.body)}
    vocab = set(words(text))
    # New figures and made-up names: the vocabulary grows beyond the sources'.
    assert len(vocab - source_vocab) > 50
    figures = set(re.findall(r"\d+(?:,\d+)? juta pekerja", text))
    assert len(figures) > 5
    # Sentences keep the sources' function words and domain terms.
    assert {"pekerja", "jaminan", "ketenagakerjaan", "terlindungi"} <= vocab


def test_written_files_load_as_a_corpus_with_the_same_chunks(tmp_path: Path) -> None:
    articles = generate_articles(SOURCES, 25, seed=4, max_tokens=60)
    write_knowledge(articles, tmp_path / "knowledge", "bpjs tk = bpjs ketenagakerjaan\n")
    corpus = load_corpus(tmp_path / "knowledge")
    assert [a.id for a in corpus.articles] == sorted(a.id for a in articles)
    assert [a.body for a in corpus.articles] == [a.body for a in articles]
    assert len(chunk_corpus(corpus.articles, estimate_tokens, max_tokens=60)) == 25
    assert corpus.glossary.entries


def test_rejects_an_empty_request() -> None:
    with pytest.raises(ValueError):
        generate_articles(SOURCES, 0)
