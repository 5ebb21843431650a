"""One benchmark run, tier by tier: the floor, then each corpus built, rebuilt and served."""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import measure, probe
from bench.tiers import DEFAULT_CACHE, Tier, ensure_index, seed_tier, synthetic_tier


def _settings(knowledge_dir: Path, data_dir: Path) -> Any:
    from bot.settings import Settings

    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        knowledge_dir=knowledge_dir,
        data_dir=data_dir,
        telegram_bot_token=None,
    )


def _disk_mb(index_dir: Path) -> float | None:
    from index.store import current_build

    build = current_build(index_dir)
    if build is None:
        return None
    return sum(p.stat().st_size for p in build.rglob("*") if p.is_file()) / 1e6


def measure_floor(
    embedder: Any, questions: list[str], log: Callable[[str], None]
) -> dict[str, Any]:
    """One query embedding with the engine's serving threads and with the build threads."""
    # The engine serves with `Settings.torch_threads` torch threads (the CLI sets them), so
    # the floor it is compared with is measured with the same; builds run with the default.
    import torch

    build_threads = torch.get_num_threads()
    serve_threads = _settings(Path("."), Path(".")).torch_threads or build_threads
    log(f"floor: one query embedding ({build_threads} and {serve_threads} torch threads) ...")
    build_floor = measure.query_floor(embedder, questions)
    torch.set_num_threads(serve_threads)
    serve_floor = measure.query_floor(embedder, questions)
    torch.set_num_threads(build_threads)
    log(f"  {serve_floor['ms']:.2f} ms ({build_floor['ms']:.2f} ms with {build_threads} threads)")
    return {
        "query_ms": serve_floor["ms"],
        "torch_threads": serve_threads,
        "query_ms_build_threads": build_floor["ms"],
        "build_threads": build_threads,
        **serve_floor,
    }


@dataclass(frozen=True)
class TierRun:
    """What every tier is measured with: the model, the questions, a scratch directory, options."""

    embedder: Any
    questions: list[str]
    work: Path
    args: argparse.Namespace
    log: Callable[[str], None]

    def serving(self, tier: Tier) -> dict[str, Any]:
        """Latency in this process, then cold start / memory / phases in fresh ones."""
        from bot.cli import load_engine

        args, log, questions = self.args, self.log, self.questions
        out: dict[str, Any] = {}
        settings = _settings(tier.knowledge_dir, tier.data_dir)
        t0 = time.perf_counter()
        # as `bpjstk-bot ask` serves
        engine = load_engine(settings, serving=True, embedder=self.embedder)
        out["engine_load_s"] = time.perf_counter() - t0
        out["articles"] = engine.index.manifest.n_articles
        out["chunks"] = engine.index.manifest.n_chunks
        out["disk_mb"] = _disk_mb(tier.data_dir / "index")
        log(f"  warm latency ({args.passes} passes over {len(questions)} questions) ...")
        out["latency"] = measure.answer_latency(engine, questions, args.passes).summary()
        out["latency_cached"] = measure.answer_latency(engine, questions, 1, cached=True).summary()
        if engine.index.dense.size > 0:
            log("  dense recall against exact search ...")
            out["dense_recall"] = measure.dense_recall(engine.index, self.embedder, questions)
        del engine
        gc.unfreeze()  # serving froze the index out of the collector: let it be freed
        gc.collect()
        log(f"  cold start and memory ({args.cold_runs} fresh processes) ...")
        out["serve"] = probe.serve(tier, questions, args.cold_runs)
        out["cold_phases"] = probe.phases(tier, questions[0])
        log(
            f"  p95 {out['latency']['total']['p95']:.1f} ms, first answer "
            f"{out['serve']['first_answer_s']:.2f} s, RSS {out['serve']['peak_rss_mb']:.0f} MB"
        )
        return out

    def rebuilt_and_served(self, tier: Tier, cache_path: Path, repeats: int = 1) -> dict[str, Any]:
        """An incremental rebuild after adding one article, then serving."""
        self.log("  incremental rebuild after adding one article ...")
        rebuild = measure.incremental_build(tier, cache_path, self.work, repeats=repeats)
        out: dict[str, Any] = {"incremental": rebuild}
        self.log(f"  {out['incremental']['seconds']:.2f} s")
        out.update(self.serving(tier))
        return out

    def real_tier(self) -> dict[str, Any]:
        """The real knowledge base: full and incremental build, then serving."""
        self.log("tier seed (the real knowledge base) ...")
        seed = seed_tier(self.work)
        out: dict[str, Any] = {}
        out["full_build"] = measure.full_build(seed, self.embedder, self.work)
        served_dir = Path(out["full_build"]["index_dir"]).parent
        seed = Tier(seed.name, None, seed.knowledge_dir, served_dir)
        out["incremental"] = measure.incremental_build(
            seed, Path(out["full_build"]["cache_path"]), self.work
        )
        out.update(self.serving(seed))
        return out

    def build_tier(self, build_threads: int) -> tuple[str, dict[str, Any]]:
        """The tier built from an empty cache: full build, raw encode, incremental, serving."""
        import torch

        args, log = self.args, self.log
        log(f"tier {args.build_size:,} chunks ...")
        tier = synthetic_tier(args.build_size, self.embedder, _cache_dir(args), log=log)
        out: dict[str, Any] = {"meta": tier.meta()}
        log("  full build with an empty embedding cache ...")
        torch.set_num_threads(build_threads)  # as `bpjstk-bot index` runs (serving set 1)
        full = measure.full_build(tier, self.embedder, self.work)
        out["full_build"] = full
        log(f"  {full['seconds']:.0f} s, {full['chunks_per_s']:.1f} chunks/s")
        log(f"  raw encode of every {args.raw_every}th chunk ...")
        texts, n_tokens = measure.chunk_sample(Path(full["index_dir"]), args.raw_every)
        out["raw_encode"] = measure.encode_throughput(self.embedder, texts, n_tokens)
        log(f"  {out['raw_encode']['chunks_per_s']:.1f} chunks/s")
        served = Tier(tier.name, tier.n_chunks, tier.knowledge_dir, Path(full["index_dir"]).parent)
        out.update(self.rebuilt_and_served(served, Path(full["cache_path"]), repeats=2))
        return tier.name, out

    def large_tier(self) -> tuple[str, dict[str, Any]]:
        """The large tier, its index cached: the full build time of its cache, then the rest."""
        self.log(f"tier {self.args.large_size:,} chunks ...")
        tier = synthetic_tier(
            self.args.large_size, self.embedder, _cache_dir(self.args), log=self.log
        )
        ensure_index(tier, self.embedder, log=self.log)
        out: dict[str, Any] = {"meta": tier.meta()}
        meta = out["meta"]
        if meta.get("full_build_seconds"):
            out["full_build"] = {
                "seconds": meta["full_build_seconds"],
                "chunks_per_s": meta["full_build_chunks"] / meta["full_build_seconds"],
                "cached_from": meta.get("full_build_at"),
            }
        out.update(self.rebuilt_and_served(tier, tier.data_dir / "embed-cache.sqlite"))
        return tier.name, out


def _cache_dir(args: argparse.Namespace) -> Path:
    return args.cache_dir or DEFAULT_CACHE


def measure_tiers(
    results: dict[str, Any],
    embedder: Any,
    questions: list[str],
    args: argparse.Namespace,
    build_threads: int,
    log: Callable[[str], None],
) -> None:
    """Measure every tier into `results`, in a scratch directory removed afterwards."""
    work = Path(tempfile.mkdtemp(prefix="bpjstk-bench-"))
    try:
        run = TierRun(embedder, questions, work, args, log)
        results["tiers"]["seed"] = run.real_tier()
        name, tier_out = run.build_tier(build_threads)
        results["roles"]["build"] = name
        results["floor"]["encode"] = tier_out["raw_encode"]
        results["tiers"][name] = tier_out
        if not args.skip_100k:
            name, tier_out = run.large_tier()
            results["roles"]["large"] = name
            results["tiers"][name] = tier_out
    finally:
        shutil.rmtree(work, ignore_errors=True)
