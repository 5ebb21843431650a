"""`python -m bench`: measure the engine against its floor, from the real corpus to 100k chunks.

Writes bench/RESULTS.md and bench/results.json (see bench/RESULTS.md for what is measured and
how). The 100,000-chunk index is built once into the cache directory and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
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


def _write(results: dict[str, Any], out_dir: Path) -> None:
    """results.json and RESULTS.md into `out_dir`."""
    from bench import report

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    (out_dir / "RESULTS.md").write_text(report.markdown(results), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args = _parser().parse_args(argv)
    log = partial(print, file=sys.stderr, flush=True)

    from bench import machine, measure, probe, report, run, targets
    from index.embed import SentenceTransformerEmbedder

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
    results["floor"] = run.measure_floor(embedder, questions, log)
    run.measure_tiers(results, embedder, questions, args, results["floor"]["build_threads"], log)

    results["load_average_end"] = machine.load_average()
    results["seconds"] = time.perf_counter() - started
    results["targets"] = [t.record() for t in targets.targets(results)]
    _write(results, args.out)
    print(report.terminal(results))
    log(f"wrote {args.out / 'RESULTS.md'} and results.json in {results['seconds'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
