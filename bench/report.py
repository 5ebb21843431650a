"""The results tables of a run, printed to the terminal and written as bench/RESULTS.md."""

from __future__ import annotations

from typing import Any

from bench.targets import Target, get, notes


def tier_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """One column per tier, one row per measurement."""
    tiers = results.get("tiers", {})
    names = list(tiers)
    rows: list[tuple[str, tuple[str, ...], str]] = [
        ("articles", ("articles",), "{:,.0f}"),
        ("chunks", ("chunks",), "{:,.0f}"),
        ("warm answer p50 (ms)", ("latency", "total", "p50"), "{:.1f}"),
        ("warm answer p95 (ms)", ("latency", "total", "p95"), "{:.1f}"),
        ("warm answer p99 (ms)", ("latency", "total", "p99"), "{:.1f}"),
        ("repeated question p50 (ms)", ("latency_cached", "total", "p50"), "{:.1f}"),
        ("answered / asked", ("latency", "answer_rate"), "{}"),
        ("cold start to first answer (s)", ("serve", "first_answer_s"), "{:.2f}"),
        ("peak RSS serving (MB)", ("serve", "peak_rss_mb"), "{:,.0f}"),
        ("full build (s)", ("full_build", "seconds"), "{:,.1f}"),
        ("full build (chunks/s)", ("full_build", "chunks_per_s"), "{:.1f}"),
        ("full build (tokens/s)", ("full_build", "tokens_per_s"), "{:,.0f}"),
        ("raw encode (chunks/s)", ("raw_encode", "chunks_per_s"), "{:.1f}"),
        ("raw encode (tokens/s)", ("raw_encode", "tokens_per_s"), "{:,.0f}"),
        ("incremental rebuild +1 article (s)", ("incremental", "seconds"), "{:.2f}"),
        ("incremental: chunks embedded", ("incremental", "embedded"), "{}"),
        ("index on disk (MB)", ("disk_mb",), "{:,.1f}"),
        ("dense index", ("dense_recall", "index_type"), "{}"),
        ("dense recall@10 vs exact", ("dense_recall", "recall_at_10"), "{:.3f}"),
        ("dense search (ms/query)", ("dense_recall", "search_ms"), "{:.2f}"),
        ("exact search (ms/query)", ("dense_recall", "exact_search_ms"), "{:.2f}"),
    ]
    table = []
    for label, path, fmt in rows:
        cells = [label]
        for name in names:
            value = get(tiers[name], *path)
            cells.append("-" if value is None else fmt.format(value))
        if any(c != "-" for c in cells[1:]):
            table.append(cells)
    return ["", *names], table


def stage_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Per-stage p50 / p95 (ms) of warm answers, one column pair per tier."""
    from bench.measure import STAGES

    tiers = results.get("tiers", {})
    names = [n for n in tiers if get(tiers[n], "latency", "stages")]
    header = ["stage"] + [f"{n} p50 / p95" for n in names]
    table = []
    for stage in (*STAGES, "other"):
        cells = [stage]
        for n in names:
            p = get(tiers[n], "latency", "stages", stage)
            cells.append(f"{p['p50']:.2f} / {p['p95']:.2f}" if p else "-")
        table.append(cells)
    return header, table


BUILD_STAGES = ("load", "chunk", "lexical", "embed", "dense", "write")


def build_stage_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Seconds per build step, for every full and incremental build of the run."""
    tiers = results.get("tiers", {})
    cols = [
        (f"{n} {kind}", tiers[n][kind]["stages"])
        for n in tiers
        for kind in ("full_build", "incremental")
        if get(tiers[n], kind, "stages")
    ]
    rows = [[st] + [f"{stages.get(st, 0):.2f}" for _, stages in cols] for st in BUILD_STAGES]
    return ["step (s)", *(c for c, _ in cols)], rows


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([fmt.format(*header), sep, *(fmt.format(*r) for r in rows)])


TARGET_HEADER = ["target", "measured", "goal", "verdict", "detail"]


def _machine_line(m: dict[str, Any]) -> str:
    return (
        f"{m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable, torch uses "
        f"{m['torch_threads']} threads), {m['ram_gib']} GiB RAM; {m['os']}; Python {m['python']}, "
        f"torch {m['torch']}, faiss-cpu {m['faiss-cpu']}, sentence-transformers "
        f"{m['sentence-transformers']}, transformers {m['transformers']}, bm25s {m['bm25s']}, "
        f"numpy {m['numpy']}"
    )


def _floor_lines(results: dict[str, Any]) -> list[str]:
    f = results["floor"]
    enc = f.get("encode", {})
    bare = results.get("bare_model", {})
    lines = [
        f"- one query embedding (median of {f['calls']} calls on the dev questions): "
        f"**{f['query_ms']:.2f} ms** (p95 {f['ms_p95']:.2f} ms)"
        + (
            f" with {f['torch_threads']} torch thread(s) as the engine serves; "
            f"{f['query_ms_build_threads']:.2f} ms with {f['build_threads']}"
            if "torch_threads" in f
            else ""
        ),
    ]
    if enc:
        lines.append(
            f"- raw `encode` throughput on {enc['chunks']:,} chunks of the 10k tier: "
            f"**{enc['chunks_per_s']:.1f} chunks/s, {enc['tokens_per_s']:,.0f} tokens/s**"
        )
    if bare:
        lines.append(
            f"- bare `import sentence_transformers` + load the model, fresh process: "
            f"**{bare['load_s']:.2f} s** ({bare['load_and_encode_s']:.2f} s with a first encode)"
        )
    return lines


def _phase_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    tiers = results.get("tiers", {})
    names = [n for n in tiers if tiers[n].get("cold_phases")]
    keys: list[str] = []
    for n in names:
        keys += [k for k in tiers[n]["cold_phases"] if k not in keys]
    rows = [[k] + [f"{tiers[n]['cold_phases'].get(k, 0):.2f}" for n in names] for k in keys]
    return ["phase (s)", *names], rows


def _target_rows(results: dict[str, Any]) -> list[list[str]]:
    return [Target.from_record(t).row() for t in results["targets"]]


def terminal(results: dict[str, Any]) -> str:
    """The table printed at the end of a run."""
    parts = [
        "machine: " + _machine_line(results["machine"]),
        *_floor_lines(results),
        "",
        text_table(*tier_rows(results)),
        "",
        "warm answer stages (ms)",
        text_table(*stage_rows(results)),
        "",
        text_table(TARGET_HEADER, _target_rows(results)),
    ]
    return "\n".join(parts)


def _large_tier_note(results: dict[str, Any]) -> str:
    """Where the large tier's full build time comes from, when it is not from this run."""
    tiers = results.get("tiers", {})
    big = tiers.get(results.get("roles", {}).get("large", ""), {})
    if not big.get("full_build", {}).get("cached_from"):
        return ""
    return (
        f"\nThe large tier's index is built once and cached outside the repository; its full "
        f"build time is the one measured when it was built ({big['full_build']['cached_from']}"
        f"), every other 100k figure is from this run.\n"
    )


def _corpus_lines(results: dict[str, Any]) -> list[str]:
    """One line per synthetic corpus: how, from what and when it was generated."""
    tiers = results.get("tiers", {})
    sources = {n: t.get("meta", {}) for n, t in tiers.items() if t.get("meta")}
    return [
        f"- `{n}`: {s.get('n_articles', '?'):,} articles generated with seed {s.get('seed')} "
        f"(generator v{s.get('generator_version')}) from {s.get('sources')} {s.get('source_kind')} "
        f"articles, on {s.get('generated_at')}"
        for n, s in sources.items()
    ]


def _markdown_head(results: dict[str, Any]) -> list[str]:
    """The title, how and where the run was made, the floor and the targets."""
    return [
        "# Benchmark results",
        "",
        f"Generated by `{results['command']}` on {results['started_at']} "
        f"in {results['seconds'] / 60:.1f} minutes. Do not edit by hand: run the benchmark "
        "again (`make bench`).",
        "",
        f"**Machine:** {_machine_line(results['machine'])}. Load average at start / end: "
        f"{results['load_average_start']} / {results['load_average_end']} (the machine is "
        "shared; absolute times are noisy, ratios are measured in the same run).",
        "",
        "## The floor",
        "",
        *_floor_lines(results),
        "",
        "## Targets",
        "",
        markdown_table(TARGET_HEADER, _target_rows(results)),
        "",
    ]


def markdown(results: dict[str, Any]) -> str:
    """bench/RESULTS.md."""
    bounds = notes(results)
    return "\n".join(
        [
            *_markdown_head(results),
            "## Per corpus",
            "",
            markdown_table(*tier_rows(results)),
            _large_tier_note(results),
            *(["## Targets not met: what bounds them", "", *bounds, ""] if bounds else []),
            "## Build steps (s)",
            "",
            markdown_table(*build_stage_rows(results)),
            "",
            "## Warm answer latency by stage (ms)",
            "",
            "`other` is the part of an answer no stage accounts for (cleaning the question, "
            "checks, building the records). Abstentions stop early, so later stages have fewer "
            "samples.",
            "",
            markdown_table(*stage_rows(results)),
            "",
            "## Cold start by phase (s, one fresh process loading step by step)",
            "",
            markdown_table(*_phase_rows(results)),
            "",
            "## Corpora",
            "",
            "- `seed`: the real knowledge base (`knowledge/`).",
            *_corpus_lines(results),
            "",
            METHOD,
        ]
    )


METHOD = """## How it is measured

All in one run of `python -m bench` on one machine:

- **floor**: `SentenceTransformerEmbedder.encode([question])` for every dev question, three
  passes, median, with the torch thread count the engine serves with (`TORCH_THREADS`; runs
  before 2026-11-21 07:40 measured it with torch's default only); raw throughput is one
  `encode` call (batch 64, the model sorts by length) on every 4th chunk of the 10k-chunk
  build, tokens being the model tokens of those chunks.
- **warm answer**: `Engine.ask` in the benchmark process over the 133 dev questions
  (`tests/eval/dev.jsonl`), three passes after ten warm-up questions. The engine's caches (query
  vectors, memoized sentence views, term sets and evidence spans) are cleared before each
  pass, so every answer embeds its question and scores sentences as if it had not seen them;
  "repeated question" is one more pass without clearing them. Stages come from
  `Answer.stage_ms`.
- **cold start**: a fresh `bpjstk-bot ask --json` process, the dev questions on its standard
  input, index already built; time from spawning it to its first answer line (median of three).
  It is compared with a fresh `python -c` that imports sentence-transformers and loads the
  model. The same processes, after answering all questions, give the **peak RSS**
  (`wait4` rusage).
- **full build**: `build_index` into an empty directory with an empty embedding cache;
  throughput in chunks/s and model tokens/s, against raw encode of the same chunks.
- **incremental rebuild**: one new synthetic article added to a copy of the corpus, then
  `build_index` with the warm embedding cache of the full build (everything but the new
  chunks is reused).
- **dense recall**: the stored FAISS index against exact `IndexFlatIP` over the same vectors,
  recall@10 on the dev questions plus 200 sentences sampled from the corpus.
- **synthetic corpora**: `bench/synth.py` recombines runs of sentences of the real articles
  into new articles, varying figures, years, months, places and person names (new names are
  made of syllables, so the vocabulary keeps growing with size) with a fixed seed; each tier
  is cut to exactly its number of chunks with the real tokenizer and chunking settings.
"""
