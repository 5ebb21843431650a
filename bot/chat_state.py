"""What the bot remembers per chat: the sources of recent answers, as plain picklable dicts.

Stored in PTB's `chat_data` (persisted to `settings.state_path`), so `/sumber` and the
"Sumber" button keep working after a restart. Live objects are never stored.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.records import Answer, Citation

MAX_REMEMBERED = 30  # answers per chat whose "Sumber" button still shows their own sources
MAX_QUESTION_CHARS = 300


@dataclass(frozen=True)
class Remembered:
    """The sources of one past answer."""

    key: int
    question: str
    citations: tuple[Citation, ...]


def citation_to_dict(c: Citation) -> dict[str, Any]:
    return {
        "n": c.n,
        "article_id": c.article_id,
        "title": c.title,
        "outlet": c.outlet,
        "published": c.published.isoformat() if c.published else None,
        "date_label": c.date_label,
        "url": c.url,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
    }


def citation_from_dict(d: dict[str, Any]) -> Citation:
    published = date.fromisoformat(d["published"]) if d.get("published") else None
    return Citation(
        n=int(d["n"]),
        article_id=str(d["article_id"]),
        title=str(d["title"]),
        outlet=str(d["outlet"]),
        published=published,
        date_label=str(d["date_label"]),
        url=d.get("url"),
        quote=str(d.get("quote", "")),
        start=int(d.get("start", 0)),
        end=int(d.get("end", 0)),
    )


def remember_answer(chat_data: MutableMapping[str, Any], answer: Answer) -> int:
    """Store an answer's sources; return its key (for the button). Keeps the newest few."""
    key = int(chat_data.get("next_key", 1))
    chat_data["next_key"] = key + 1
    answers: dict[int, dict[str, Any]] = chat_data.setdefault("answers", {})
    answers[key] = {
        "question": answer.question[:MAX_QUESTION_CHARS],
        "citations": [citation_to_dict(c) for c in answer.citations],
    }
    for old in sorted(answers)[:-MAX_REMEMBERED]:
        del answers[old]
    chat_data["last_key"] = key
    return key


def recall_answer(
    chat_data: MutableMapping[str, Any], key: int | None = None
) -> tuple[Remembered | None, bool]:
    """The remembered answer `key` (or the last one); the flag says whether it is `key` itself.

    Returns `(None, False)` when nothing is remembered in this chat.
    """
    answers: dict[int, dict[str, Any]] = chat_data.get("answers", {})
    exact = key is not None and key in answers
    chosen = key if exact else chat_data.get("last_key")
    if chosen is None or chosen not in answers:
        return None, False
    d = answers[chosen]
    cites = tuple(citation_from_dict(c) for c in d["citations"])
    return Remembered(int(chosen), str(d["question"]), cites), exact
