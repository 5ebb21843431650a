"""Benchmark corpora ("tiers"): the real knowledge base and cached synthetic ones.

A synthetic tier lives in the benchmark cache directory (outside the repository)::

    <cache>/tier-<n>-s<seed>-v<version>/knowledge/      generated knowledge files
                                        var/index/      a built index (big tiers only)
                                        var/embed-cache.sqlite
                                        meta.json       how and from what it was made

It is generated once and reused by later runs, so the 100,000-chunk index (about half an hour
of embedding on two cores) is paid for once. `meta.json` is written last: a tier without it is
incomplete and is generated again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.synth import DEFAULT_SEED, GENERATOR_VERSION, generate_articles, source_articles
from bench.synth import write_knowledge as write_synthetic
from bot.settings import PROJECT_DIR
from index.corpus import DATA_FILES, fingerprint_files
from index.embed import Embedder

DEFAULT_CACHE = Path(os.environ.get("BPJSTK_BENCH_CACHE", "~/.cache/bpjstk-bench")).expanduser()


@dataclass(frozen=True)
class Tier:
    """One benchmark corpus: where its knowledge files and its data directory are."""

    name: str
    n_chunks: int | None  # None for the real knowledge base
    knowledge_dir: Path
    data_dir: Path

    @property
    def root(self) -> Path:
        return self.data_dir.parent

    @property
    def meta_path(self) -> Path:
        return self.root / "meta.json"

    def meta(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.meta_path.read_text("utf-8")))
        except (OSError, ValueError):
            return {}

    def update_meta(self, **values: Any) -> None:
        meta = {**self.meta(), **values}
        tmp = self.meta_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
        os.replace(tmp, self.meta_path)


def seed_tier(work_dir: Path) -> Tier:
    """The real knowledge base (read in place), with a scratch data directory."""
    return Tier("seed", None, PROJECT_DIR / "knowledge", work_dir / "seed" / "var")


def synthetic_tier(
    n_chunks: int,
    embedder: Embedder,
    cache_dir: Path = DEFAULT_CACHE,
    seed: int = DEFAULT_SEED,
    max_tokens: int = 200,
    log: Callable[[str], None] = print,
) -> Tier:
    """The synthetic tier of `n_chunks` chunks, generated into the cache if missing."""
    root = cache_dir / f"tier-{n_chunks}-s{seed}-v{GENERATOR_VERSION}-t{max_tokens}"
    tier = Tier(f"synthetic-{n_chunks}", n_chunks, root / "knowledge", root / "var")
    if tier.meta().get("complete"):
        _sync_data_files(tier)
        return tier
    log(f"generating the {n_chunks}-chunk synthetic corpus in {root} ...")
    t0 = time.perf_counter()
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    sources = source_articles(PROJECT_DIR)
    articles = generate_articles(sources, n_chunks, seed, _memo(embedder.count_tokens), max_tokens)
    write_synthetic(articles, tier.knowledge_dir)
    _sync_data_files(tier)
    source_paths = sorted(a.path for a in sources if a.path)
    tier.update_meta(
        complete=True,
        n_chunks=n_chunks,
        n_articles=len(articles),
        seed=seed,
        generator_version=GENERATOR_VERSION,
        sources=len(sources),
        source_fingerprint=fingerprint_files(Path(p) for p in source_paths) if source_paths else "",
        source_kind="knowledge" if source_paths else "seeds",
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        generate_seconds=round(time.perf_counter() - t0, 1),
    )
    log(f"  {len(articles)} articles in {time.perf_counter() - t0:.0f} s")
    return tier


def _sync_data_files(tier: Tier) -> None:
    """Use the project's current data files: glossary, lexicons, gazetteer and fitted scorer.

    They change how questions are read and answers scored, never the embeddings, so a tier
    answers as the real knowledge base does and its cached embeddings stay valid.
    """
    for name in DATA_FILES:
        src = PROJECT_DIR / "knowledge" / name
        dest = tier.knowledge_dir / name
        text = src.read_text("utf-8") if src.exists() else ""
        if not dest.exists() or dest.read_text("utf-8") != text:
            dest.write_text(text, encoding="utf-8")


def _memo(count: Callable[[str], int]) -> Callable[[str], int]:
    """Token counts memoized by sentence (the generator counts rewritten sentences once)."""
    seen: dict[str, int] = {}

    def counted(text: str) -> int:
        n = seen.get(text)
        if n is None:
            n = seen[text] = count(text)
        return n

    return counted


def index_current(tier: Tier, model: str, max_tokens: int = 200) -> bool:
    """True when the tier's built index matches its knowledge files."""
    from index.manifest import build_is_current, read_manifest
    from index.store import current_build

    build = current_build(tier.data_dir / "index")
    manifest = read_manifest(build) if build else None
    return bool(manifest and build_is_current(manifest, tier.knowledge_dir, model, max_tokens))


def ensure_index(
    tier: Tier,
    embedder: Embedder,
    max_tokens: int = 200,
    log: Callable[[str], None] = print,
) -> None:
    """Build the tier's index (with the tier's own embedding cache) unless it is current.

    The first build of a tier embeds every chunk; its time is kept in `meta.json` as the
    tier's full build time, since later runs only reuse it.
    """
    from index.build import build_index
    from index.embed import EmbeddingCache

    if index_current(tier, embedder.name, max_tokens):
        return
    log(f"building the {tier.name} index (cached in {tier.root}) ...")
    cache = EmbeddingCache(tier.data_dir / "embed-cache.sqlite")
    last = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 60 or done == total:
            last[0] = time.perf_counter()
            log(f"  embedded {done}/{total} chunks")

    try:
        report = build_index(
            tier.knowledge_dir, tier.data_dir / "index", embedder, cache, max_tokens, progress
        )
    finally:
        cache.close()
    log(f"  {report.summary()}")
    if report.reused == 0:
        tier.update_meta(
            full_build_seconds=round(report.seconds, 1),
            full_build_chunks=report.n_chunks,
            full_build_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
