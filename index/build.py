"""Build the index from `knowledge/`: chunk, embed (with cache), write aside, swap atomically."""

from __future__ import annotations

import fcntl
import itertools
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from index.chunking import CHUNK_MAX_TOKENS, chunk_corpus
from index.corpus import Corpus, load_corpus, stat_signature
from index.dense import DenseIndex, build_faiss, describe
from index.embed import Embedder, EmbeddingCache, embed_with_cache, token_counter_many
from index.errors import BuildCancelled, BuildError
from index.glossary import Glossary
from index.lexical import LexicalIndex, load_stems, terms_of_words
from index.manifest import FORMAT_VERSION, Manifest, read_manifest
from index.records import Article, Chunk
from index.store import (
    NewBuild,
    article_meta_text,
    body_digest,
    current_build,
    read_chunk_spans,
    swap_current,
    write_build,
)
from index.tables import SentenceTable
from index.text import stem_table

OVERLAP = 1


@dataclass(frozen=True)
class BuildReport:
    """What a build did; shown by `bpjstk-bot index` and `/reindex`."""

    n_articles: int
    n_chunks: int
    embedded: int
    reused: int
    seconds: float
    build_id: str
    # Seconds per step (load, chunk, lexical, embed, dense, write), for the benchmark.
    stages: dict[str, float] = field(default_factory=dict, compare=False)
    unchanged: bool = False  # the corpus was unchanged: no build was made

    def summary(self) -> str:
        return (
            f"{self.n_articles} articles, {self.n_chunks} chunks "
            f"({self.embedded} embedded, {self.reused} reused from cache) "
            f"in {self.seconds:.1f} s"
        )


@dataclass
class _Previous:
    """What a build can take over from the current one: chunk spans of unchanged articles
    (same body, model and chunking settings) and the stems of the corpus vocabulary."""

    spans: dict[str, tuple[str, list[tuple[int, int, int]]]]  # id -> (digest, spans)
    stems: dict[str, str]

    def known(self, digests: dict[str, str]) -> dict[str, list[tuple[int, int, int]]]:
        return {
            aid: spans for aid, (digest, spans) in self.spans.items() if digests.get(aid) == digest
        }


def _previous(index_dir: Path, model: str, max_tokens: int) -> _Previous:
    build = current_build(index_dir)
    manifest = read_manifest(build) if build else None
    if build is None or manifest is None:
        return _Previous({}, {})
    stems = load_stems(build / "lexical")
    same_chunking = (
        manifest.format_version == FORMAT_VERSION
        and manifest.model == model
        and manifest.max_tokens == max_tokens
        and manifest.overlap == OVERLAP
    )
    return _Previous(read_chunk_spans(build) if same_chunking else {}, stems)


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index directory's build lock; `BuildError` if another build holds it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".build.lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError("another index build is already running") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class _Clock:
    """Seconds since the start, and per named step (each lap ends the step before it)."""

    def __init__(self) -> None:
        self.start = self._last = time.perf_counter()
        self.stages: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = self.stages.get(name, 0.0) + now - self._last
        self._last = now

    def seconds(self) -> float:
        return time.perf_counter() - self.start


def build_index(
    knowledge_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    max_tokens: int = CHUNK_MAX_TOKENS,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> BuildReport:
    """Build a new index from `knowledge_dir` beside the current one and swap it in.

    Raises `KnowledgeFileError` (naming file and line) or `BuildError`; in both cases the
    current index is left untouched. `on_progress(done, total)` reports embedded chunks.
    """
    clock = _Clock()
    with build_lock(index_dir):
        # Taken before the files are read: a file changed during the build no longer matches.
        file_stats = stat_signature(knowledge_dir)
        corpus = load_corpus(knowledge_dir)
        articles = list(corpus.articles)
        previous = _previous(index_dir, embedder.name, max_tokens)
        digests = {a.id: body_digest(a.body) for a in articles}
        clock.lap("load")
        sentences = SentenceTable.of_articles(articles)  # split once: for chunks and the build
        chunks = chunk_corpus(
            articles,
            embedder.count_tokens,
            max_tokens,
            OVERLAP,
            count_many=token_counter_many(embedder),
            known=previous.known(digests),
            split=sentences.sentences_of,
        )
        clock.lap("chunk")
        lexical, meta_terms = _lexical(corpus.glossary, articles, chunks, previous.stems)
        clock.lap("lexical")
        vectors, embedded, reused = _embed(embedder, chunks, cache, on_progress, cancel)
        clock.lap("embed")
        dense = DenseIndex(build_faiss(vectors))
        del vectors
        clock.lap("dense")
        manifest = _manifest(
            corpus, embedder, max_tokens, file_stats, dense, len(chunks), embedded, reused, clock
        )
        new = NewBuild(manifest, corpus, chunks, sentences, lexical, dense, meta_terms, digests)
        _install(index_dir, new, cancel)
        clock.lap("write")
    return BuildReport(
        len(articles),
        len(chunks),
        embedded,
        reused,
        clock.seconds(),
        manifest.build_id,
        clock.stages,
    )


def _lexical(
    glossary: Glossary, articles: list[Article], chunks: list[Chunk], known: dict[str, str]
) -> tuple[LexicalIndex, dict[str, list[str]]]:
    """The BM25 index of the chunks and the lexical terms of each article's title, outlet and
    date. Each chunk is expanded once: the stemmed terms for BM25, the words for spelling
    correction; words whose stems are `known` (from the previous build) are not stemmed again."""
    expanded = [glossary.expand_text(c.text) for c in chunks]
    meta_words = {a.id: glossary.expand_text(article_meta_text(a)) for a in articles}
    stems = stem_table(
        itertools.chain({w for ws in expanded for w in ws}, *meta_words.values()), known=known
    )
    lexical = LexicalIndex.build([terms_of_words(ws, stems) for ws in expanded], expanded, stems)
    meta_terms = {aid: sorted(set(terms_of_words(ws, stems))) for aid, ws in meta_words.items()}
    return lexical, meta_terms


def _embed(
    embedder: Embedder,
    chunks: list[Chunk],
    cache: EmbeddingCache | None,
    on_progress: Callable[[int, int], None] | None,
    cancel: threading.Event | None,
) -> tuple[np.ndarray, int, int]:
    """The chunks' vectors (cached ones reused), and how many were embedded and reused."""
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if on_progress:
            on_progress(done, len(chunks))

    cancelled = cancel.is_set if cancel is not None else None
    vectors, embedded, reused = embed_with_cache(
        embedder, [c.text for c in chunks], cache, on_progress=progress, cancelled=cancelled
    )
    if on_progress and embedded == 0:
        on_progress(len(chunks), len(chunks))
    return vectors, embedded, reused


def _manifest(
    corpus: Corpus,
    embedder: Embedder,
    max_tokens: int,
    file_stats: str,
    dense: DenseIndex,
    n_chunks: int,
    embedded: int,
    reused: int,
    clock: _Clock,
) -> Manifest:
    """The manifest of a build made now."""
    return Manifest(
        format_version=FORMAT_VERSION,
        build_id=datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ"),
        model=embedder.name,
        dim=embedder.dim,
        fingerprint=corpus.fingerprint,
        max_tokens=max_tokens,
        overlap=OVERLAP,
        n_articles=len(corpus.articles),
        n_chunks=n_chunks,
        embedded=embedded,
        reused=reused,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        build_seconds=round(clock.seconds(), 3),
        dense_index=describe(dense.index),
        file_stats=file_stats,
    )


def _install(index_dir: Path, new: NewBuild, cancel: threading.Event | None) -> None:
    """Write the build beside the current one, then swap it in; nothing is left behind when
    writing fails or the build is cancelled."""
    builds = index_dir / "builds"
    tmp = builds / f".tmp-{new.manifest.build_id}"
    final = builds / new.manifest.build_id
    try:
        write_build(tmp, new)
        if cancel is not None and cancel.is_set():
            raise BuildCancelled("the build was cancelled (shutting down)")
        tmp.rename(final)
        swap_current(index_dir, final)
    except BuildCancelled:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"could not write the index: {exc}") from exc
