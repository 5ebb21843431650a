"""Command line: `bpjstk-bot ask|index|import|eval|run|chat`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from bot.records import Answer
from bot.settings import Settings
from index.errors import IndexError_

DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "eval" / "dev.jsonl"


def answer_json(answer: Answer) -> dict[str, Any]:
    """The `ask --json` object (the documented contract)."""
    out: dict[str, Any] = {
        "question": answer.question,
        "answered": answer.answered,
        "answer": answer.text,
        "sources": [
            {
                "n": c.n,
                "article_id": c.article_id,
                "title": c.title,
                "outlet": c.outlet,
                "published": c.published.isoformat() if c.published else None,
                "url": c.url,
                "quote": c.quote,
            }
            for c in answer.citations
        ],
        "took_ms": round(answer.took_ms, 2),
    }
    if answer.reason is not None:
        out["reason"] = answer.reason.value
    return out


def render_plain(answer: Answer) -> str:
    """The answer and its numbered sources as plain text for the terminal."""
    if not answer.answered:
        return answer.message
    lines = [answer.text, "", "Sumber:"]
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.outlet}, {c.date_label}: {c.title}")
        if c.url:
            lines.append(f"    {c.url}")
    return "\n".join(lines)


def _load_engine(settings: Settings):  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    return Engine.load(settings, progress=_progress_bar("Membangun indeks"))


def _progress_bar(desc: str):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    bar: list[Any] = []

    def update(done: int, total: int) -> None:
        if not bar:
            bar.append(tqdm(total=total, desc=desc, unit="chunk", file=sys.stderr, leave=False))
        bar[0].n = done
        bar[0].refresh()
        if done >= total:
            bar[0].close()

    return update


def _questions(args: argparse.Namespace, stdin: TextIO) -> Iterable[str]:
    if args.question:
        yield " ".join(args.question)
        return
    for line in stdin:
        yield line.rstrip("\n")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _load_engine(settings)
    for question in _questions(args, sys.stdin):
        if not args.question and not question.strip() and not args.json:
            continue
        answer = engine.ask(question)
        if args.json:
            print(json.dumps(answer_json(answer), ensure_ascii=False), flush=True)
        else:
            print(render_plain(answer), end="\n\n" if not args.question else "\n", flush=True)
    return 0


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from bot.engine import Engine
    from index.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(settings.embedding_model)
    report = Engine._build(settings, embedder, _progress_bar("Embedding"))
    print(
        f"Index built in {settings.index_dir}: {report.n_articles} articles, "
        f"{report.n_chunks} chunks; embedded {report.embedded} new chunks, reused "
        f"{report.reused} from the cache; {report.seconds:.1f} s."
    )
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from index.importer import ImportOverrides, import_file

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
    path = import_file(Path(args.raw), settings.knowledge_dir, overrides)
    print(f"Imported {args.raw} -> {path}\nRun `bpjstk-bot index` to add it to the index.")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluate import evaluate, load_dev_set

    engine = _load_engine(settings)
    report = evaluate(engine, load_dev_set(Path(args.dev)))
    print(report.table())
    if report.by_tag():
        print("\n" + report.tag_table())
    if args.failures:
        for o in report.failures():
            print(f"\n--- {o.q.id} {o.q.question!r} (answerable={o.q.answerable})")
            print(f"want facts={list(o.q.facts)} articles={list(o.q.articles)}")
            print(
                f"got answered={o.answer.answered} "
                f"cites={[c.article_id for c in o.answer.citations]}"
            )
            print("    " + o.answer.text.replace("\n", "\n    ")[:600])
    if args.json:
        metrics = {**report.metrics(), "groups": report.by_tag()}
        Path(args.json).write_text(json.dumps(metrics, indent=2) + "\n", "utf-8")
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """A terminal chat on the bundled corpus (what `run` does with no Telegram token)."""
    print("Memuat model dan indeks...", file=sys.stderr)
    engine = _load_engine(settings)
    print(
        "Tanya apa saja tentang BPJS Ketenagakerjaan di Sumsel (ketik 'keluar' untuk berhenti).\n"
        "Contoh: Apa saja program BPJS Ketenagakerjaan?"
    )
    while True:
        try:
            question = input("\nAnda> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.strip().lower() in {"keluar", "exit", "quit", "/keluar"}:
            return 0
        if not question.strip():
            continue
        print("\n" + render_plain(engine.ask(question)))


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        print(
            "TELEGRAM_BOT_TOKEN is not set: starting a terminal chat instead of the Telegram bot.",
            file=sys.stderr,
        )
        return cmd_chat(args, settings)
    from bot.telegram_app import run_bot

    run_bot(settings, webhook_url=args.webhook_url)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bpjstk-bot",
        description="Extractive answers about BPJS Ketenagakerjaan in Sumsel, from news articles.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ask", help="answer a question (or one per line from stdin)")
    a.add_argument("question", nargs="*", help="the question; omit to read stdin")
    a.add_argument("--json", action="store_true", help="print one JSON object per question")
    a.set_defaults(func=cmd_ask)
    i = sub.add_parser("index", help="rebuild the index from the knowledge directory")
    i.set_defaults(func=cmd_index)
    im = sub.add_parser("import", help="import a raw scraped article into knowledge/")
    im.add_argument("raw", help="raw article text file")
    for opt in ("title", "outlet", "url", "region", "id"):
        im.add_argument(f"--{opt}")
    im.add_argument("--date", help="publication date, YYYY-MM-DD")
    im.set_defaults(func=cmd_import)
    e = sub.add_parser("eval", help="evaluate on the dev set and print the metrics table")
    e.add_argument("--dev", default=str(DEV_SET), help="dev set (JSONL)")
    e.add_argument("--failures", action="store_true", help="print the questions it got wrong")
    e.add_argument("--json", metavar="FILE", help="also write the metrics as JSON")
    e.set_defaults(func=cmd_eval)
    r = sub.add_parser("run", help="start the Telegram bot (terminal chat without a token)")
    r.add_argument("--webhook-url", help="serve a webhook at this public URL instead of polling")
    r.set_defaults(func=cmd_run)
    c = sub.add_parser("chat", help="chat in the terminal")
    c.set_defaults(func=cmd_chat)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = build_parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(
        level=getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("httpx", "sentence_transformers", "transformers", "faiss", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    t0 = time.perf_counter()
    try:
        return int(args.func(args, settings))
    except IndexError_ as exc:
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
