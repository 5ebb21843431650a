"""Build the index from `knowledge/`: chunk, embed (with cache), write aside, swap atomically."""

from __future__ import annotations

import fcntl
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from index.chunking import chunk_corpus
from index.corpus import load_corpus
from index.dense import DenseIndex, build_faiss
from index.embed import Embedder, EmbeddingCache, embed_with_cache
from index.errors import BuildError
from index.lexical import LexicalIndex, lexical_terms
from index.store import FORMAT_VERSION, Manifest, swap_current, write_build

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

    def summary(self) -> str:
        return (
            f"{self.n_articles} articles, {self.n_chunks} chunks "
            f"({self.embedded} embedded, {self.reused} reused from cache) "
            f"in {self.seconds:.1f} s"
        )


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


def build_index(
    knowledge_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    cache: EmbeddingCache | None = None,
    max_tokens: int = 200,
    on_progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Build a new index from `knowledge_dir` beside the current one and swap it in.

    Raises `KnowledgeFileError` (naming file and line) or `BuildError`; in both cases the
    current index is left untouched. `on_progress(done, total)` reports embedded chunks.
    """
    t0 = time.perf_counter()
    with build_lock(index_dir):
        corpus = load_corpus(knowledge_dir)
        articles = list(corpus.articles)
        chunks = chunk_corpus(articles, embedder.count_tokens, max_tokens, OVERLAP)
        lexical = LexicalIndex.build(
            [lexical_terms(c.text, corpus.glossary) for c in chunks],
            (corpus.glossary.expand_text(c.text) for c in chunks),
        )
        done = 0

        def progress(n: int) -> None:
            nonlocal done
            done += n
            if on_progress:
                on_progress(done, len(chunks))

        vectors, embedded, reused = embed_with_cache(
            embedder, [c.text for c in chunks], cache, on_progress=progress
        )
        if on_progress and embedded == 0:
            on_progress(len(chunks), len(chunks))
        dense = DenseIndex(build_faiss(vectors))
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        builds = index_dir / "builds"
        tmp = builds / f".tmp-{build_id}"
        final = builds / build_id
        glossary_path = knowledge_dir / "glossary.txt"
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            build_id=build_id,
            model=embedder.name,
            dim=embedder.dim,
            fingerprint=corpus.fingerprint,
            max_tokens=max_tokens,
            overlap=OVERLAP,
            n_articles=len(articles),
            n_chunks=len(chunks),
            embedded=embedded,
            reused=reused,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            build_seconds=round(time.perf_counter() - t0, 3),
        )
        try:
            write_build(
                tmp,
                manifest,
                articles,
                chunks,
                glossary_path.read_text("utf-8") if glossary_path.exists() else "",
                lexical,
                dense,
            )
            tmp.rename(final)
            swap_current(index_dir, final)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise BuildError(f"could not write the index: {exc}") from exc
    return BuildReport(
        len(articles), len(chunks), embedded, reused, time.perf_counter() - t0, build_id
    )
