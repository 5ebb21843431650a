"""Dense retrieval: FAISS inner product over L2-normalized vectors (= cosine similarity)."""

from __future__ import annotations

import math
from pathlib import Path

import faiss
import numpy as np

# Above this many vectors an approximate index replaces exact search: exact search costs about
# 0.1 ms per 1,000 vectors on one core, 10 ms at 100,000 (bench/RESULTS.md).
APPROX_THRESHOLD = 50_000
# The approximate index is IVF-Flat: k-means lists of full vectors, exact scores inside the
# probed lists. Measured on the 100,000-chunk benchmark corpus (2026-11-21, one thread, dev
# questions + 200 corpus chunks as queries), recall@10 against exact search:
#   IVF1024 nprobe 32 / 64 / 128: 0.986 / 0.993 / 0.997 at 0.40 / 0.70 / 1.47 ms per query;
#   HNSW (M 32-64, efConstruction 200-300) stayed below 0.97 up to efSearch 512 (0.75 ms):
#   near-duplicate chunks make its graph walk miss some of the exact top ten.
LISTS_PER_SQRT = 4  # lists = 4 * sqrt(vectors), the usual rule of thumb
PROBE_SHARE = 16  # probe 1/16 of the lists (64 of 1,024 at 100,000 vectors)


def ivf_lists(n_vectors: int) -> int:
    return max(1, int(LISTS_PER_SQRT * math.sqrt(n_vectors)))


def build_faiss(vectors: np.ndarray, approx_threshold: int = APPROX_THRESHOLD) -> faiss.Index:
    """Exact `IndexFlatIP` up to `approx_threshold` vectors, `IndexIVFFlat` (inner product)
    above it. Vectors are L2-normalized, so inner product is cosine similarity."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = vectors.shape[1]
    index: faiss.Index
    if len(vectors) > approx_threshold:
        lists = ivf_lists(len(vectors))
        ivf = faiss.index_factory(dim, f"IVF{lists},Flat", faiss.METRIC_INNER_PRODUCT)
        ivf.train(vectors)
        faiss.extract_index_ivf(ivf).nprobe = max(1, math.ceil(lists / PROBE_SHARE))  # saved
        index = ivf
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(vectors)
    return index


def describe(index: faiss.Index) -> str:
    """ "IndexFlatIP" or "IndexIVFFlat (1264 lists, 79 probed)"."""
    name = type(index).__name__
    if isinstance(index, faiss.IndexIVF):
        return f"{name} ({index.nlist} lists, {index.nprobe} probed)"
    return name


class DenseIndex:
    """A FAISS index whose ids are chunk ids."""

    def __init__(self, index: faiss.Index) -> None:
        self.index = index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(chunk ids, cosine scores) of the `k` nearest chunks, best first."""
        k = min(k, self.size)
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        # FAISS's OpenMP threads are the calling thread's: the CLI sets them for serving.
        scores, ids = self.index.search(q, k)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> DenseIndex:
        return cls(faiss.read_index(str(path)))
