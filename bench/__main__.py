"""`python -m bench`: measure the engine against its floor, from the real corpus to 100k chunks.

Writes bench/RESULTS.md and bench/results.json (see bench/RESULTS.md for what is measured and
how). The 100,000-chunk index is built once into the cache directory and reused.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--skip-100k", action="store_true", help="leave out the 100,000-chunk tier")
    p.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where synthetic tiers are kept (~/.cache/bpjstk-bench, or $BPJSTK_BENCH_CACHE)",
    )
    p.add_argument("--out", type=Path, default=HERE, help="directory for RESULTS.md / results.json")
    p.add_argument(
        "--build-size", type=int, default=10_000, help="chunks of the tier built from scratch"
    )
    p.add_argument(
        "--large-size", type=int, default=100_000, help="chunks of the large (cached) tier"
    )
    p.add_argument("--passes", type=int, default=3, help="passes over the dev questions")
    p.add_argument("--cold-runs", type=int, default=3, help="fresh processes per cold start")
    p.add_argument(
        "--raw-every",
        type=int,
        default=4,
        help="raw encode throughput on every N-th chunk of the 10k tier",
    )
    return p


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


def _serving(
    tier: Any,
    embedder: Any,
    questions: list[str],
    args: argparse.Namespace,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Latency in this process, then cold start / memory / phases in fresh ones."""
    from bench import measure, probe
    from bot.cli import load_engine

    out: dict[str, Any] = {}
    settings = _settings(tier.knowledge_dir, tier.data_dir)
    t0 = time.perf_counter()
    engine = load_engine(settings, serving=True, embedder=embedder)  # as `bpjstk-bot ask` serves
    out["engine_load_s"] = time.perf_counter() - t0
    out["articles"] = engine.index.manifest.n_articles
    out["chunks"] = engine.index.manifest.n_chunks
    out["disk_mb"] = _disk_mb(tier.data_dir / "index")
    log(f"  warm latency ({args.passes} passes over {len(questions)} questions) ...")
    out["latency"] = measure.answer_latency(engine, questions, args.passes).summary()
    out["latency_cached"] = measure.answer_latency(engine, questions, 1, cached=True).summary()
    if engine.index.dense.size > 0:
        log("  dense recall against exact search ...")
        out["dense_recall"] = measure.dense_recall(engine.index, embedder, questions)
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


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args = _parser().parse_args(argv)
    log = partial(print, file=sys.stderr, flush=True)

    from bench import machine, measure, probe, report, targets
    from bench.tiers import DEFAULT_CACHE, Tier, ensure_index, seed_tier, synthetic_tier
    from index.embed import SentenceTransformerEmbedder

    cache_dir = args.cache_dir or DEFAULT_CACHE
    started = time.perf_counter()
    results: dict[str, Any] = {
        "command": "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "load_average_start": machine.load_average(),
        "tiers": {},
        "roles": {"seed": "seed"},
    }
    questions = measure.dev_questions()
    log(f"machine: {results['machine']['cpu']}, {results['machine']['cores']} cores")

    log("bare model load (fresh processes) ...")
    results["bare_model"] = probe.bare_model_load(args.cold_runs)
    embedder = SentenceTransformerEmbedder()
    # The engine serves with `Settings.torch_threads` torch threads (the CLI sets them), so
    # the floor it is compared with is measured with the same; builds run with the default.
    import torch

    build_threads = torch.get_num_threads()
    serve_threads = _settings(Path("."), Path(".")).torch_threads or build_threads
    log(f"floor: one query embedding ({build_threads} and {serve_threads} torch threads) ...")
    floor_build = measure.query_floor(embedder, questions)
    torch.set_num_threads(serve_threads)
    floor = measure.query_floor(embedder, questions)
    torch.set_num_threads(build_threads)
    results["floor"] = {
        "query_ms": floor["ms"],
        "torch_threads": serve_threads,
        "query_ms_build_threads": floor_build["ms"],
        "build_threads": build_threads,
        **floor,
    }
    log(f"  {floor['ms']:.2f} ms ({floor_build['ms']:.2f} ms with {build_threads} threads)")

    work = Path(tempfile.mkdtemp(prefix="bpjstk-bench-"))
    try:
        # -- the real knowledge base --------------------------------------------------------
        log("tier seed (the real knowledge base) ...")
        seed = seed_tier(work)
        tier_out: dict[str, Any] = {}
        tier_out["full_build"] = measure.full_build(seed, embedder, work)
        served_dir = Path(tier_out["full_build"]["index_dir"]).parent
        seed = Tier(seed.name, None, seed.knowledge_dir, served_dir)
        tier_out["incremental"] = measure.incremental_build(
            seed, Path(tier_out["full_build"]["cache_path"]), work
        )
        tier_out.update(_serving(seed, embedder, questions, args, log))
        results["tiers"]["seed"] = tier_out

        # -- 10,000 chunks: full build from an empty cache, raw encode, incremental ----------
        log(f"tier {args.build_size:,} chunks ...")
        t10 = synthetic_tier(args.build_size, embedder, cache_dir, log=log)
        results["roles"]["build"] = t10.name
        tier_out = {"meta": t10.meta()}
        log("  full build with an empty embedding cache ...")
        torch.set_num_threads(build_threads)  # as `bpjstk-bot index` runs (serving set 1)
        full = measure.full_build(t10, embedder, work)
        tier_out["full_build"] = full
        log(f"  {full['seconds']:.0f} s, {full['chunks_per_s']:.1f} chunks/s")
        log(f"  raw encode of every {args.raw_every}th chunk ...")
        texts, n_tokens = measure.chunk_sample(Path(full["index_dir"]), args.raw_every)
        tier_out["raw_encode"] = measure.encode_throughput(embedder, texts, n_tokens)
        results["floor"]["encode"] = tier_out["raw_encode"]
        log(f"  {tier_out['raw_encode']['chunks_per_s']:.1f} chunks/s")
        log("  incremental rebuild after adding one article ...")
        served = Tier(t10.name, t10.n_chunks, t10.knowledge_dir, Path(full["index_dir"]).parent)
        tier_out["incremental"] = measure.incremental_build(
            served, Path(full["cache_path"]), work, repeats=2
        )
        log(f"  {tier_out['incremental']['seconds']:.2f} s")
        tier_out.update(_serving(served, embedder, questions, args, log))
        results["tiers"][t10.name] = tier_out

        # -- 100,000 chunks: cached index --------------------------------------------------
        if not args.skip_100k:
            log(f"tier {args.large_size:,} chunks ...")
            t100 = synthetic_tier(args.large_size, embedder, cache_dir, log=log)
            results["roles"]["large"] = t100.name
            ensure_index(t100, embedder, log=log)
            tier_out = {"meta": t100.meta()}
            meta = tier_out["meta"]
            if meta.get("full_build_seconds"):
                tier_out["full_build"] = {
                    "seconds": meta["full_build_seconds"],
                    "chunks_per_s": meta["full_build_chunks"] / meta["full_build_seconds"],
                    "cached_from": meta.get("full_build_at"),
                }
            log("  incremental rebuild after adding one article ...")
            tier_out["incremental"] = measure.incremental_build(
                t100, t100.data_dir / "embed-cache.sqlite", work
            )
            log(f"  {tier_out['incremental']['seconds']:.2f} s")
            tier_out.update(_serving(t100, embedder, questions, args, log))
            results["tiers"][t100.name] = tier_out
    finally:
        shutil.rmtree(work, ignore_errors=True)

    results["load_average_end"] = machine.load_average()
    results["seconds"] = time.perf_counter() - started
    results["targets"] = [t.record() for t in targets.targets(results)]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    (args.out / "RESULTS.md").write_text(report.markdown(results), encoding="utf-8")
    print(report.terminal(results))
    log(f"wrote {args.out / 'RESULTS.md'} and results.json in {results['seconds'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
