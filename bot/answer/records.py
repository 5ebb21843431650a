"""Typed records of an answer: what the engine returns and every front end renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Reason(StrEnum):
    """Why a question was not answered (`Answer.reason`)."""

    EMPTY = "empty"  # nothing but whitespace / control characters
    TOO_LONG = "too_long"  # longer than the accepted question length
    NO_WORDS = "no_words"  # emoji, punctuation or symbols only
    NOT_IN_SOURCES = "not_in_sources"  # the articles do not answer it
    OFF_TOPIC = "off_topic"  # not about BPJS Ketenagakerjaan / workers
    NO_QUESTION = "no_question"  # only a greeting, thanks or an apology


@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered source of an answer: the article and the verbatim passage used from it.

    `start`/`end` are character offsets of `quote` in the article body.
    """

    n: int
    article_id: str
    title: str
    outlet: str
    published: date | None
    date_label: str
    url: str | None
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AnswerPart:
    """One extracted sentence of the answer, verbatim, with its citation number.

    `figures` are exact substrings of `text` (numbers with their units) that renderers may
    emphasise; `label` is an optional date/outlet heading used when figures from several dates
    are listed (e.g. "2 Agustus 2024, Koran Contoh").
    """

    text: str
    citation: int
    figures: tuple[str, ...] = ()
    label: str | None = None
    asked: int = 0  # which question of the message it answers (index into `Answer.asked`)


@dataclass(frozen=True)
class Answer:
    """The engine's reply to one question.

    When `answered` is false, `parts` and `citations` are empty, `reason` says why and
    `message` is the polite Indonesian reply to show. A message that asks several questions
    has them in `asked`, each part says which one it answers, and `unanswered` lists the ones
    the articles do not answer (`message` then says so).
    """

    question: str
    answered: bool
    parts: tuple[AnswerPart, ...] = ()
    citations: tuple[Citation, ...] = ()
    reason: Reason | None = None
    message: str = ""
    kind: str = ""
    took_ms: float = 0.0
    stage_ms: dict[str, float] = field(default_factory=dict)
    asked: tuple[str, ...] = ()
    unanswered: tuple[int, ...] = ()

    def parts_of(self, asked: int) -> tuple[AnswerPart, ...]:
        return tuple(p for p in self.parts if p.asked == asked)

    @property
    def text(self) -> str:
        """Plain-text answer: each part with its [n] marker, or the abstention message; one
        section per question when the message asked several."""
        if not self.answered:
            return self.message
        if len(self.asked) <= 1:
            return _parts_text(self.parts)
        sections = []
        for i, question in enumerate(self.asked):
            body = _parts_text(self.parts_of(i)) if i not in self.unanswered else self.message
            sections.append(f"{i + 1}) {question}\n{body}")
        return "\n\n".join(sections)


def _parts_text(parts: tuple[AnswerPart, ...]) -> str:
    lines = []
    for part in parts:
        prefix = f"{part.label}: " if part.label else ""
        lines.append(f"{prefix}{part.text} [{part.citation}]")
    return "\n".join(lines)
