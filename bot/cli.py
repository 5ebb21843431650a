"""Command line: `bpjstk-bot ask|index|import|eval|run|chat`."""

from __future__ import annotations

import argparse
import gc
import io
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot import terminal
from bot.evaluation.sets import CORPORA, DEV_SET
from bot.settings import Settings
from index.errors import SearchIndexError

if TYPE_CHECKING:
    from bot.answer.engine import Engine, Progress
    from index.embed import Embedder


def load_engine(
    settings: Settings,
    serving: bool = False,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Engine:
    """The engine, its index built first when missing (on every core). To serve answers,
    the process then takes the thread and garbage-collector settings for serving."""
    from bot.answer.engine import Engine, warm_up

    after_swap = _refreeze if serving else None
    engine = Engine.load(settings.engine_config(), embedder, progress, after_swap)
    if serving:
        _serving_threads(settings.torch_threads)
        warm_up(engine.embedder)  # again, on the serving threads
        # The index (millions of objects at 100,000 chunks) is left out of the cyclic garbage
        # collector: otherwise a full collection, triggered by ordinary allocations inside
        # some answer, walks all of it (about 250 ms at 100,000 chunks).
        gc.freeze()
    return engine


def _load_engine(settings: Settings, serving: bool = False) -> Engine:
    return load_engine(settings, serving, progress=terminal.progress_bar("Membangun indeks"))


def _refreeze() -> None:
    """After `/reindex` swapped the index (in the rebuild's thread): let the collector see the
    frozen objects again, free the replaced index (reference counting frees most of it; this
    catches any cycle), then freeze the new one."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _serving_threads(threads: int) -> None:
    """Threads per query embedding (TORCH_THREADS, 0: torch's default). Torch gives each
    thread that runs a query the same OpenMP setting, which FAISS's search then uses too."""
    if threads:
        import faiss
        import torch

        torch.set_num_threads(threads)
        faiss.omp_set_num_threads(threads)


def configure_process(settings: Settings) -> None:
    """The process-wide switches, set here and nowhere else: logging, offline model loading,
    the tokenizers' own threads."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    if _local_model(settings.embedding_model):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never ask the hub about a local model
    logging.basicConfig(
        level=getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # httpx logs request URLs (they carry the bot token); PTB's debug logs carry message text.
    # bm25s sets its own logger to DEBUG when imported: imported first, so the level set here
    # holds (else the first index build prints its debug lines in the terminal chat).
    import bm25s  # noqa: F401

    for noisy in ("httpx", "sentence_transformers", "transformers", "faiss", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    telegram_log = logging.getLogger("telegram")
    telegram_log.setLevel(max(logging.INFO, telegram_log.getEffectiveLevel()))


def _local_model(name: str) -> bool:
    from index.embed import resolve_model_path

    path = resolve_model_path(name)
    return path != name or Path(path).exists()


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _load_engine(settings, serving=True)
    terminal.ask_all(engine.ask, args.question, sys.stdin, args.json)
    return 0


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answer.engine import build
    from index.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(settings.embedding_model)
    report = build(settings.engine_config(), embedder, terminal.progress_bar("Embedding"))
    print(terminal.build_summary(settings.engine_config().index_dir, report))
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from index.importer.page import ImportOverrides, import_file_report, import_url

    if args.date:
        date.fromisoformat(args.date)  # ValueError -> clear message below
    overrides = ImportOverrides(
        title=args.title,
        outlet=args.outlet,
        date=args.date,
        url=args.url,
        region=args.region,
        article_id=args.id,
    )
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", args.raw):
        path, imported = import_url(args.raw, settings.knowledge_dir, overrides)
    else:
        path, imported = import_file_report(Path(args.raw), settings.knowledge_dir, overrides)
    print(terminal.import_summary(args.raw, path, imported))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluation.runs import corpus_settings, print_evaluation

    if args.every:
        return _eval_every(args, settings)
    engine = _load_engine(corpus_settings(settings, args.corpus), serving=True)
    print_evaluation(engine, Path(args.dev), args.failures, args.json)
    return 0


def _eval_every(args: argparse.Namespace, settings: Settings) -> int:
    """`eval --every DIR`: every fitted set (and `--also` sets), each against its corpus."""
    from bot.evaluation.runs import FIT_SETS, corpus_of, corpus_settings, evaluate_sets
    from bot.evaluation.sets import EVAL_DIR
    from index.embed import SentenceTransformerEmbedder

    also = [name.strip() for name in (args.also or "").split(",") if name.strip()]
    sets = [(EVAL_DIR / name, corpus) for name, corpus in FIT_SETS]
    sets += [(EVAL_DIR / f"{name}.jsonl", corpus_of(name)) for name in also]
    missing = [str(path) for path, _ in sets if not path.exists()]
    if missing:
        print(f"no such set: {', '.join(missing)}", file=sys.stderr)
        return 2
    embedder = SentenceTransformerEmbedder(settings.embedding_model)

    def engine_for(corpus: str) -> Engine:
        return load_engine(corpus_settings(settings, corpus), embedder=embedder)

    evaluate_sets(engine_for, sets, Path(args.every))
    return 0


def cmd_fit(args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluation.runs import FIT_CORPORA, corpus_settings, fit_scorer

    engines = {c: _load_engine(corpus_settings(settings, c)) for c in FIT_CORPORA}
    write_to = None if args.dry_run else settings.knowledge_dir / "scorer.json"
    fit_scorer(engines, args.c, args.validate, write_to)
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """What users asked (7 and 30 days), as /statistik shows it to admins."""
    from bot.tgbot.replies import usage_report
    from bot.tgbot.state import StateStore
    from bot.tgbot.usage import Statistics

    store = StateStore(settings.state_path)
    try:
        usage = Statistics(store, settings.question_text_days)
        report = usage_report(usage.usage(7), usage.usage(30))
    finally:
        store.close()
    print(terminal.plain_text(report))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """A terminal chat on the bundled corpus (what `run` does with no Telegram token)."""
    print("Memuat model dan indeks...", file=sys.stderr)
    engine = _load_engine(settings, serving=True)
    return terminal.chat(engine.ask)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        print(
            "TELEGRAM_BOT_TOKEN is not set: starting a terminal chat instead of the Telegram bot.",
            file=sys.stderr,
        )
        return cmd_chat(args, settings)
    run_telegram(settings, lambda: _load_engine(settings, serving=True), args.webhook_url)
    return 0


def run_telegram(
    settings: Settings, load: Callable[[], Engine], webhook_url: str | None = None
) -> None:
    """Keep the token out of every log line, then run the Telegram bot until stopped."""
    from bot.tgbot.app import bot_token, run_bot

    redact_token(bot_token(settings))  # fails before the slow model load without a token
    run_bot(settings, load, webhook_url)


def redact_token(token: str) -> None:
    """Every log handler hides the token, whatever logs it (Telegram errors quote it)."""
    from bot.tgbot.app import RedactToken

    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactToken(token))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bpjstk-bot",
        description="Extractive answers about BPJS Ketenagakerjaan, from news articles.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ask", help="answer a question (or one per line from stdin)")
    a.add_argument("question", nargs="*", help="the question; omit to read stdin")
    a.add_argument("--json", action="store_true", help="print one JSON object per question")
    a.set_defaults(func=cmd_ask)
    i = sub.add_parser("index", help="rebuild the index from the knowledge directory")
    i.set_defaults(func=cmd_index)
    im = sub.add_parser("import", help="import a news page (text, HTML or URL) into knowledge/")
    im.add_argument("raw", help="a scraped text page, an HTML page, or an http(s) URL")
    for opt in ("title", "outlet", "url", "region", "id"):
        im.add_argument(f"--{opt}")
    im.add_argument("--date", help="publication date, YYYY-MM-DD")
    im.set_defaults(func=cmd_import)
    e = sub.add_parser("eval", help="evaluate on the dev set and print the metrics table")
    e.add_argument("--dev", default=str(DEV_SET), help="dev set (JSONL)")
    e.add_argument("--failures", action="store_true", help="print the questions it got wrong")
    e.add_argument("--json", metavar="FILE", help="also write the metrics as JSON")
    e.add_argument(
        "--corpus",
        choices=("knowledge", *CORPORA),
        default="knowledge",
        help="ask against the knowledge base, or with the fixture pages added",
    )
    e.add_argument(
        "--every",
        metavar="DIR",
        help="instead: every fitted set, each against its corpus; outcomes and totals to DIR",
    )
    e.add_argument("--also", metavar="SETS", help="with --every: more sets by name (a,b)")
    e.set_defaults(func=cmd_eval)
    f = sub.add_parser("fit", help="fit the answer scorer on the dev sets (needs scikit-learn)")
    f.add_argument("--validate", action="store_true", help="leave-articles-out figures")
    f.add_argument("--dry-run", action="store_true", help="do not write knowledge/scorer.json")
    f.add_argument("-c", type=float, default=1.0, help="inverse regularization strength")
    f.set_defaults(func=cmd_fit)
    r = sub.add_parser("run", help="start the Telegram bot (terminal chat without a token)")
    r.add_argument("--webhook-url", help="serve a webhook at this public URL instead of polling")
    r.set_defaults(func=cmd_run)
    c = sub.add_parser("chat", help="chat in the terminal")
    c.set_defaults(func=cmd_chat)
    st = sub.add_parser("stats", help="what users asked and how they voted (as /statistik)")
    st.set_defaults(func=cmd_stats)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdin, sys.stdout, sys.stderr):  # undecodable bytes become U+FFFD
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = ".".join(str(x) for x in error["loc"]).upper()
            print(f"error: setting {name}: {error['msg']}", file=sys.stderr)
        return 2
    configure_process(settings)
    t0 = time.perf_counter()
    try:
        return int(args.func(args, settings))
    except SearchIndexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.command == "index":
            print("The previous index (if any) is unchanged and still in use.", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger(__name__).debug(
            "%s took %.0f ms", args.command, (time.perf_counter() - t0) * 1e3
        )


if __name__ == "__main__":
    raise SystemExit(main())
