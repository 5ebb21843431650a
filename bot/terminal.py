"""The terminal front end: questions in, answers out as plain text or JSON lines, the chat loop,
progress bars and command summaries. Printing only; `bot/cli.py` loads the engine and wires it."""

from __future__ import annotations

import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot.answer.records import Answer

if TYPE_CHECKING:
    from index.build import BuildReport
    from index.importer.page import Imported

CHAT_WELCOME_TEXT = (
    "Tanya apa saja tentang BPJS Ketenagakerjaan di Sumsel (ketik 'keluar' untuk berhenti).\n"
    "Contoh: Apa saja program BPJS Ketenagakerjaan?"
)
CHAT_EXIT = {"keluar", "exit", "quit", "/keluar"}
CHAT_NO_SOURCES_TEXT = "Belum ada jawaban dengan sumber. Ajukan pertanyaan dulu."
CHAT_COMMANDS_TEXT = (
    "Perintah: /sumber (sumber jawaban terakhir), keluar (berhenti). Selain itu, ketik saja "
    "pertanyaan Anda."
)


def answer_json(answer: Answer) -> dict[str, Any]:
    """The `ask --json` object (the documented contract).

    Written out rather than `dataclasses.asdict(answer)`: the contract is not the record.
    `answer` is a property, `parts` are grouped per question asked, `took_ms` is rounded,
    `reason` appears only when set, and sources leave out `date_label`, `start` and `end`.
    """
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
    if answer.asked:  # a message with several questions: one part each
        out["parts"] = [
            {
                "question": question,
                "answered": i not in answer.unanswered,
                "answer": "\n".join(f"{p.text} [{p.citation}]" for p in answer.parts_of(i)),
                "sources": sorted({p.citation for p in answer.parts_of(i)}),
            }
            for i, question in enumerate(answer.asked)
        ]
    if answer.reason is not None:
        out["reason"] = answer.reason.value
    return out


def render_plain(answer: Answer) -> str:
    """The answer and its numbered sources as plain text for the terminal."""
    if not answer.answered:
        return answer.message
    return "\n".join([answer.text, "", sources_plain(answer)])


def sources_plain(answer: Answer) -> str:
    """The numbered sources of an answer ("Sumber:" and one line each)."""
    lines = ["Sumber:"]
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.outlet}, {c.date_label}: {c.title}")
        if c.url:
            lines.append(f"    {c.url}")
    return "\n".join(lines)


def _decoded(arg: str) -> str:
    """An argument as UTF-8 text: bytes the shell passed that are not UTF-8 (Python keeps
    them as surrogates) become U+FFFD, so JSON output is always valid UTF-8."""
    return os.fsencode(arg).decode("utf-8", errors="replace")


def _questions(words: Sequence[str], stdin: TextIO) -> Iterable[str]:
    if words:
        yield " ".join(_decoded(a) for a in words)
        return
    for line in stdin:
        yield line.rstrip("\n")


def ask_all(
    ask: Callable[[str], Answer], words: Sequence[str], stdin: TextIO, as_json: bool
) -> None:
    """Answer the question given as `words`, or else each line of `stdin`: one JSON object a
    question, or the plain answer (blank lines of stdin skipped)."""
    for question in _questions(words, stdin):
        if not words and not question.strip() and not as_json:
            continue
        answer = ask(question)
        if as_json:
            print(json.dumps(answer_json(answer), ensure_ascii=False), flush=True)
        else:
            print(render_plain(answer), end="\n\n" if not words else "\n", flush=True)


def chat(ask: Callable[[str], Answer], read: Callable[[str], str] = input) -> int:
    """Ask and answer at the prompt until 'keluar' or end of input."""
    print(CHAT_WELCOME_TEXT)
    last: Answer | None = None
    while True:
        try:
            question = read("\nAnda> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        command = question.strip().lower()
        if command in CHAT_EXIT:
            return 0
        if not command:
            continue
        if command.startswith("/"):
            print("\n" + _command(command, last))
            continue
        last = ask(question)
        print("\n" + render_plain(last))


def _command(command: str, last: Answer | None) -> str:
    """The reply to a command typed at the prompt ("/sumber": the last answer's sources)."""
    if command.split()[0] == "/sumber":
        if last is None or not last.answered:
            return CHAT_NO_SOURCES_TEXT
        return sources_plain(last)
    return CHAT_COMMANDS_TEXT


def progress_bar(desc: str) -> Callable[[int, int], None]:
    """A progress callback drawing a tqdm bar on stderr, shown from the first call."""
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


def build_summary(index_dir: Path, report: BuildReport) -> str:
    """What `index` built and what it reused."""
    return (
        f"Index built in {index_dir}: {report.n_articles} articles, "
        f"{report.n_chunks} chunks; embedded {report.embedded} new chunks, reused "
        f"{report.reused} from the cache; {report.seconds:.1f} s."
    )


def import_summary(raw: str, path: Path, imported: Imported) -> str:
    """What `import` made of a page."""
    a = imported.article
    return (
        f"Imported {raw} -> {path}\n"
        f"  title:   {a.title}\n  outlet:  {a.outlet}\n  date:    {a.date_label or '-'}\n"
        f"  url:     {a.url or '-'}\n  region:  {a.region or '-'}\n"
        f"  dropped: {imported.dropped} lines of site boilerplate\n"
        "Run `bpjstk-bot index` to add it to the index."
    )


def plain_text(markup: str) -> str:
    """Telegram HTML as terminal text: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))
