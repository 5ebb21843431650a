"""Typed records shared by the index: articles, chunks, sentences and search hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One clean news article from `knowledge/articles/`.

    `published` is the publication date when the source shows it; `dated` is the date used to
    order sources in time (publication, else event, else "data as of" date); `date_label` is how
    the date is shown to users, in Indonesian.
    """

    id: str
    title: str
    outlet: str
    published: date | None
    dated: date | None
    date_label: str
    url: str | None
    region: str
    body: str
    path: str = ""
    source: str = ""  # the raw file the article was imported from (evaluation sets name it)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, by character offsets into `Article.body`."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """A retrieval unit: consecutive sentences of one article, bounded in model tokens."""

    id: int
    article_id: str
    start: int
    end: int
    text: str
    n_tokens: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A chunk found by a retriever, with its fused score and 1-based rank."""

    chunk_id: int
    score: float
    rank: int
