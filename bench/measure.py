"""In-process measurements: the model floor, warm answer latency, builds, approximate recall."""

from __future__ import annotations

import json
import shutil
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench.synth import generate_articles, source_articles
from bench.synth import write_knowledge as write_synthetic
from bench.tiers import PROJECT_DIR, Tier
from bot.evaluation.sets import DEV_SET
from index.dense import DenseIndex, describe
from index.embed import Embedder, EmbeddingCache

STAGES = ("normalize", "embed", "search", "select")


def dev_questions(path: Path = DEV_SET) -> list[str]:
    """The questions of the dev set, in file order."""
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / p99 / mean / max (nearest-rank on the sorted values)."""
    if not values:
        return {}
    s = sorted(values)

    def rank(p: float) -> float:
        return s[min(len(s) - 1, max(0, int(np.ceil(p / 100 * len(s))) - 1))]

    return {
        "p50": rank(50),
        "p95": rank(95),
        "p99": rank(99),
        "mean": statistics.fmean(s),
        "max": s[-1],
        "n": len(s),
    }


# -- the floor ------------------------------------------------------------------------------


def query_floor(embedder: Embedder, questions: Sequence[str], repeats: int = 3) -> dict[str, Any]:
    """One query embedding (a forward pass on one short text): median over many calls."""
    for q in questions[:5]:
        embedder.encode([q])
    times = []
    for _ in range(repeats):
        for q in questions:
            t0 = time.perf_counter()
            embedder.encode([q])
            times.append((time.perf_counter() - t0) * 1e3)
    return {"ms": statistics.median(times), "calls": len(times), **_prefixed(times)}


def _prefixed(times: Sequence[float]) -> dict[str, float]:
    p = percentiles(times)
    return {f"ms_{k}": v for k, v in p.items() if k != "n"}


def encode_throughput(embedder: Embedder, texts: Sequence[str], n_tokens: int) -> dict[str, Any]:
    """Raw `encode` of `texts` in one call (the model sorts by length and batches itself)."""
    embedder.encode(list(texts[:64]), batch_size=64)  # warm-up
    t0 = time.perf_counter()
    embedder.encode(list(texts), batch_size=64)
    seconds = time.perf_counter() - t0
    return {
        "chunks": len(texts),
        "tokens": n_tokens,
        "seconds": seconds,
        "chunks_per_s": len(texts) / seconds,
        "tokens_per_s": n_tokens / seconds,
    }


# -- answering --------------------------------------------------------------------------------


@dataclass
class LatencyRun:
    total: list[float]
    stages: dict[str, list[float]]
    answered: int
    asked: int

    def summary(self) -> dict[str, Any]:
        return {
            "total": percentiles(self.total),
            "stages": {k: percentiles(v) for k, v in self.stages.items() if v},
            "answered": self.answered,
            "asked": self.asked,
            "answer_rate": f"{self.answered}/{self.asked}",
        }


def answer_latency(
    engine: Any, questions: Sequence[str], passes: int = 3, cached: bool = False
) -> LatencyRun:
    """Warm latency of `engine.ask` over the questions.

    With `cached=False` the engine's caches (query vectors, memoized sentence views and evidence
    spans) are cleared before each pass, so every answer pays for its query embedding and for
    scoring sentences it has not seen (new questions); with `cached=True` they are kept
    (repeated questions).
    """
    from bot.answer import spans

    for q in questions[:10]:  # warm-up: first-call costs are cold start, not latency
        engine.ask(q)
    run = LatencyRun([], {s: [] for s in (*STAGES, "other")}, 0, 0)
    for _ in range(passes):
        if not cached:
            engine.clear_caches()
            spans.clear_caches()
        for q in questions:
            t0 = time.perf_counter()
            answer = engine.ask(q)
            run.total.append((time.perf_counter() - t0) * 1e3)
            run.asked += 1
            run.answered += answer.answered
            for stage, ms in answer.stage_ms.items():
                run.stages.setdefault(stage, []).append(ms)
            # What no stage accounts for: cleaning, checks, records.
            run.stages["other"].append(run.total[-1] - sum(answer.stage_ms.values()))
    return run


# -- builds -----------------------------------------------------------------------------------


def full_build(
    tier: Tier, embedder: Embedder, work_dir: Path, max_tokens: int = 200
) -> dict[str, Any]:
    """Build the tier from nothing: a fresh index directory and an empty embedding cache."""
    from index.build import build_index

    out = work_dir / f"{tier.name}-full"
    shutil.rmtree(out, ignore_errors=True)
    cache = EmbeddingCache(out / "embed-cache.sqlite")
    try:
        report = build_index(tier.knowledge_dir, out / "index", embedder, cache, max_tokens)
    finally:
        cache.close()
    stats = _chunk_stats(out / "index")
    return {
        "articles": report.n_articles,
        "chunks": report.n_chunks,
        "stages": report.stages,
        "embedded": report.embedded,
        "tokens": stats["tokens"],
        "seconds": report.seconds,
        "chunks_per_s": report.n_chunks / report.seconds,
        "tokens_per_s": stats["tokens"] / report.seconds,
        "index_dir": str(out / "index"),
        "cache_path": str(out / "embed-cache.sqlite"),
    }


def _chunk_stats(index_dir: Path) -> dict[str, Any]:
    from index.store import current_build, load_build

    build = current_build(index_dir)
    assert build is not None
    stored = load_build(build)
    return {
        "tokens": sum(c.n_tokens for c in stored.chunks),
        "texts": [c.text for c in stored.chunks],
        "n_tokens": [c.n_tokens for c in stored.chunks],
    }


def chunk_sample(index_dir: Path, every: int) -> tuple[list[str], int]:
    """Every `every`-th chunk of a built index (same length mix), and its token count."""
    stats = _chunk_stats(index_dir)
    texts = stats["texts"][::every]
    return texts, sum(stats["n_tokens"][::every])


def incremental_build(
    tier: Tier, cache_path: Path, work_dir: Path, max_tokens: int = 200, repeats: int = 1
) -> dict[str, Any]:
    """Add one new article to (a copy of) the tier and rebuild in a fresh process, as
    `bpjstk-bot index` does after an import: the tier's current build is the previous one and
    the embedding cache is warm. The time is that of `build_index` (not the model load)."""
    from bench import probe
    from index.store import current_build, swap_current

    root = work_dir / f"{tier.name}-plus-one"
    shutil.rmtree(root, ignore_errors=True)
    kdir, data_dir = root / "knowledge", root / "var"
    shutil.copytree(tier.knowledge_dir, kdir)
    extra = generate_articles(source_articles(PROJECT_DIR), 5, seed=7, id_prefix="added")
    write_synthetic(extra[:1], kdir, (tier.knowledge_dir / "glossary.txt").read_text("utf-8"))
    index_dir = data_dir / "index"
    previous = current_build(tier.data_dir / "index")
    if previous is not None:
        shutil.copytree(previous, index_dir / "builds" / previous.name)
        swap_current(index_dir, index_dir / "builds" / previous.name)
    shutil.copyfile(cache_path, data_dir / "embed-cache.sqlite")
    # Later repeats find the new article cached too: a rebuild with nothing new.
    runs = probe.rebuild(kdir, data_dir, max_tokens, repeats)
    first = runs[0]
    shutil.rmtree(root, ignore_errors=True)
    return {**first, "seconds_all": [r["seconds"] for r in runs]}


# -- approximate search -----------------------------------------------------------------------


def _ms_per_query(index: Any, queries: Any, k: int) -> float:
    """Mean milliseconds of `index.search`, one query at a time."""
    t0 = time.perf_counter()
    for q in queries:
        index.search(q, k)
    return (time.perf_counter() - t0) * 1e3 / len(queries)


def dense_recall(
    stored: Any, embedder: Embedder, questions: Sequence[str], k: int = 10, extra: int = 200
) -> dict[str, Any]:
    """Recall@k of the stored FAISS index against exact inner-product search, and timings.

    Queries: the dev questions plus `extra` sentences sampled from the corpus.
    """
    import faiss

    index = faiss.downcast_index(stored.dense.index)
    n = int(index.ntotal)
    if isinstance(index, faiss.IndexIVF):
        index.make_direct_map()  # lets an IVF index give its vectors back (in memory only)
    vectors = index.reconstruct_n(0, n)
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    # Timed as the engine searches: one query at a time, on one thread (`DenseIndex.search`).
    approx_one, exact_one = DenseIndex(index), DenseIndex(exact)
    rng = np.random.default_rng(11)
    picks = rng.choice(len(stored.chunks), size=min(extra, len(stored.chunks)), replace=False)
    texts = list(questions) + [stored.chunks[int(i)].text.split(". ")[0] for i in picks]
    queries = embedder.encode(texts, batch_size=64)
    approx_ms = _ms_per_query(approx_one, queries, k)
    exact_ms = _ms_per_query(exact_one, queries, k)
    _, got = index.search(queries, k)
    _, want = exact.search(queries, k)
    recall = float(np.mean([len(set(a) & set(b)) / k for a, b in zip(got, want, strict=True)]))
    return {
        "index_type": describe(index),
        "vectors": n,
        "queries": len(queries),
        "recall_at_10": recall,
        "search_ms": approx_ms,
        "exact_search_ms": exact_ms,
    }
