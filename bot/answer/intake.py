"""The raw message: its text cleaned of markup and control characters, or the reason it
cannot be read at all (empty, too long, no words)."""

from __future__ import annotations

import html
import re
import unicodedata

from bot.answer.config import MAX_QUESTION_CHARS
from bot.answer.records import Reason

_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,80}>")


def clean_text(raw: str, keep_lines: bool = False) -> str:
    """Drop control and format characters and HTML tags, decode entities, collapse spaces
    (line breaks too, unless `keep_lines`: they separate the sentences of a chat message)."""
    raw = html.unescape(_TAG_RE.sub(" ", raw))
    kept = []
    for ch in raw:
        cat = unicodedata.category(ch)
        if keep_lines and ch == "\n":
            kept.append(ch)
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(" " if ch in "\t\n\r\x0b\x0c" else "")
        else:
            kept.append(ch)
    text = re.sub(r"[^\S\n]+", " ", "".join(kept))
    if keep_lines:
        return re.sub(r"\s*\n\s*", "\n", text).strip()
    return re.sub(r"\s+", " ", text).strip()


def reject_reason(text: str, max_chars: int = MAX_QUESTION_CHARS) -> Reason | None:
    """Why a cleaned question cannot be answered at all, or None when it can be tried."""
    if not text:
        return Reason.EMPTY
    if len(text) > max_chars:
        return Reason.TOO_LONG
    if not any(ch.isalnum() for ch in text):
        return Reason.NO_WORDS
    return None
