"""The answer engine: loads the model and the index once, answers, rebuilds and swaps."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from bot.answer.compose import Answerer
from bot.answer.config import EngineConfig
from bot.answer.records import Answer
from index.build import BuildReport, build_index
from index.embed import Embedder, EmbeddingCache, SentenceTransformerEmbedder
from index.errors import BuildError, IndexMissingError, KnowledgeFileError
from index.manifest import build_is_current, read_manifest
from index.records import Hit
from index.search import HybridSearcher
from index.store import StoredIndex, current_build, kept_builds, load_build

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def index_is_current(config: EngineConfig, embedder_name: str) -> bool:
    """True when the current build matches the knowledge files and settings."""
    current = current_build(config.index_dir)
    manifest = read_manifest(current) if current else None
    return bool(
        manifest
        and build_is_current(manifest, config.knowledge_dir, embedder_name, config.chunk_max_tokens)
    )


def build(
    config: EngineConfig,
    embedder: Embedder,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BuildReport:
    """Build the index from the knowledge files (`bpjstk-bot index`, first use, `/reindex`)."""
    cache = EmbeddingCache(config.embed_cache_path)
    try:
        return build_index(
            config.knowledge_dir,
            config.index_dir,
            embedder,
            cache,
            config.chunk_max_tokens,
            on_progress=progress,
            cancel=cancel,
        )
    finally:
        cache.close()


def _current_index(config: EngineConfig, model: str) -> StoredIndex | None:
    """The current build, loaded, if it matches the knowledge files and settings and is
    intact; a damaged one is reported (naming the file) and treated as missing."""
    current = current_build(config.index_dir)
    if current is None or not index_is_current(config, model):
        return None
    try:
        return load_build(current)
    except IndexMissingError as exc:
        log.warning("%s; rebuilding it from the knowledge files", exc)
        return None


def _previous_index(config: EngineConfig, reason: Exception) -> StoredIndex:
    """The newest kept build that loads, even if stale, when no current one can be had."""
    for kept in kept_builds(config.index_dir):
        try:
            stored = load_build(kept)
        except IndexMissingError as exc:
            log.warning("%s", exc)
            continue
        log.warning("answering from the previous build %s (may be stale): %s", kept.name, reason)
        return stored
    raise IndexMissingError(f"no usable index, and building one failed: {reason}")


def _load_model(name: str) -> Embedder:
    """The embedding model, warmed up."""
    embedder = SentenceTransformerEmbedder(name)
    warm_up(embedder)
    return embedder


def warm_up(embedder: Embedder) -> None:
    """One encode: the first forward pass (on a given thread count) is the slow one."""
    embedder.encode(["pekerja"])


class Engine:
    """Thread-safe facade over the index: `ask` from any thread, `reindex` swaps atomically."""

    def __init__(
        self,
        config: EngineConfig,
        embedder: Embedder,
        stored: StoredIndex,
        after_swap: Callable[[], None] | None = None,
    ) -> None:
        self.config = config
        # Called in the rebuild's thread after a new index replaced the old one: the CLI
        # hands in its garbage-collector policy (the engine changes no process-wide state).
        self.after_swap = after_swap
        self.embedder = embedder
        self._reindex_lock = threading.Lock()
        self._answerer = self._make_answerer(stored)

    @classmethod
    def load(
        cls,
        config: EngineConfig,
        embedder: Embedder | None = None,
        progress: Progress | None = None,
        after_swap: Callable[[], None] | None = None,
    ) -> Engine:
        """Load the model and the index, building the index first when missing or stale
        (with as many threads as the process allows: the CLI narrows them for serving after).

        A stale index whose rebuild fails (say, a malformed knowledge file) is still used,
        with a warning; `IndexMissingError` only when no index can be had at all.
        """
        # The index is checked and read in a thread while this one loads (and warms up) the
        # model: cold start costs about the longer of the two, not their sum. The model stays
        # on this thread, which also runs the queries (one malloc arena, one OpenMP pool).
        # The thread starts first: importing torch is already part of loading the model.
        name = embedder.name if embedder else config.embedding_model
        pool = ThreadPoolExecutor(1, "index-loader")
        current: Future[StoredIndex | None] = pool.submit(_current_index, config, name)
        pool.shutdown(wait=False)
        embedder = embedder or _load_model(config.embedding_model)
        stored = current.result()
        if stored is None:
            try:
                report = build(config, embedder, progress)
                log.info("index built: %s", report.summary())
                built = current_build(config.index_dir)
                if built is None:
                    raise BuildError(f"no index in {config.index_dir} after the build")
                stored = load_build(built)
            except (KnowledgeFileError, BuildError, IndexMissingError) as exc:
                stored = _previous_index(config, exc)
        return cls(config, embedder, stored, after_swap)

    def _make_answerer(self, stored: StoredIndex) -> Answerer:
        searcher = HybridSearcher(
            stored, self.embedder, self.config.fusion, self.config.dense_weight
        )
        return Answerer(stored, searcher, self.config.max_question_chars)

    def clear_caches(self) -> None:
        """Forget this engine's memoized work (query vectors, sentence views), so the next
        answers cost what answers to new questions about other articles cost (benchmarks;
        the figure spans of sentences are memoized by text: `spans.clear_caches`)."""
        self._answerer.clear_caches()

    @property
    def answerer(self) -> Answerer:
        return self._answerer

    @property
    def index(self) -> StoredIndex:
        return self._answerer.index

    def ask(self, question: str) -> Answer:
        """Answer one question; never raises for user input."""
        return self._answerer.answer(question)

    def retrieve(self, question: str, k: int) -> list[Hit]:
        """Retrieved chunks for a question, best first (for evaluation)."""
        return self._answerer.retrieve(question, k)

    def reindex(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> BuildReport:
        """Rebuild from the knowledge directory and swap the new index in; nothing is built
        when the index already matches the knowledge files (`BuildReport.unchanged`).

        Raises `KnowledgeFileError`, `BuildError` or `BuildCancelled` (when `cancel` is set
        during the build); the current index keeps answering.
        """
        if not self._reindex_lock.acquire(blocking=False):
            raise BuildError("a rebuild is already running")
        try:
            serving = self._answerer.index.path.resolve()
            if serving == current_build(self.config.index_dir) and index_is_current(
                self.config, self.embedder.name
            ):
                index = self._answerer.index
                m = index.manifest
                return BuildReport(
                    m.n_articles, m.n_chunks, 0, m.n_chunks, 0.0, m.build_id, unchanged=True
                )
            report = build(self.config, self.embedder, progress, cancel)
            built = current_build(self.config.index_dir)
            if built is None:
                raise BuildError("the new index could not be found after the build")
            # One attribute assignment: readers see the old answerer or the new one, not both.
            self._answerer = self._make_answerer(load_build(built))
            if self.after_swap is not None:
                self.after_swap()
            return report
        finally:
            self._reindex_lock.release()
