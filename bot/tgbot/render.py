"""Render answers and their sources as Telegram HTML messages: pure functions, no Telegram.

Every piece of article or user text goes through `html.escape`; markup comes only from here.
A message is built as lines of `Span`s so that a message longer than Telegram's limit can be
split between lines, or inside a line at a sentence or word boundary, with each piece's tags
re-opened and closed: every chunk is valid HTML on its own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answer.records import Answer, AnswerPart, Citation

MAX_MESSAGE_CHARS = 4096  # Telegram's limit, counted in UTF-16 code units after parsing


@dataclass(frozen=True, slots=True)
class Span:
    """A run of plain text wrapped in fixed markup (`open` + escaped text + `close`)."""

    text: str
    open: str = ""
    close: str = ""

    def html(self) -> str:
        return f"{self.open}{html.escape(self.text, quote=False)}{self.close}"


Line = tuple[Span, ...]
BLANK: Line = ()


def bold(text: str) -> Span:
    return Span(text, "<b>", "</b>")


def italic(text: str) -> Span:
    return Span(text, "<i>", "</i>")


def link(text: str, url: str) -> Span:
    return Span(text, f'<a href="{html.escape(url, quote=True)}">', "</a>")


def quote_block(text: str) -> Span:
    return Span(text, "<blockquote>", "</blockquote>")


def escape(text: str) -> str:
    """Escape user or article text for HTML parse mode."""
    return html.escape(text, quote=False)


# -- answers -------------------------------------------------------------------------------


def bold_figures(text: str, figures: Iterable[str]) -> Line:
    """`text` as spans with every occurrence of each figure in bold (longest figures first)."""
    marks: list[tuple[int, int]] = []
    for figure in sorted({f for f in figures if f}, key=len, reverse=True):
        for m in re.finditer(re.escape(figure), text):
            if all(m.end() <= s or m.start() >= e for s, e in marks):
                marks.append((m.start(), m.end()))
    spans: list[Span] = []
    pos = 0
    for start, end in sorted(marks):
        if start > pos:
            spans.append(Span(text[pos:start]))
        spans.append(bold(text[start:end]))
        pos = end
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return tuple(spans)


def answer_lines(answer: Answer) -> list[Line]:
    """The answer as lines: label headings, sentences with bold figures and [n], sources; a
    heading per question when the message asked several."""
    if not answer.answered:
        return [(Span(line),) for line in answer.message.splitlines()]
    lines: list[Line] = []
    if len(answer.asked) <= 1:
        lines += parts_lines(answer.parts)
    for i, question in enumerate(answer.asked if len(answer.asked) > 1 else ()):
        if lines:
            lines.append(BLANK)
        lines.append((bold(f"{i + 1}. {question}"),))
        if i in answer.unanswered:
            lines.append((italic(answer.message),))
        else:
            lines += parts_lines(answer.parts_of(i))
    if answer.citations:
        lines.append(BLANK)
        lines.append((bold("Sumber:"),))
        lines.extend(source_line(c) for c in answer.citations)
    return lines


def parts_lines(parts: Sequence[AnswerPart]) -> list[Line]:
    """Answer sentences, under a date / outlet heading where figures come from several."""
    lines: list[Line] = []
    label: str | None = None
    for part in parts:
        if part.label and part.label != label:
            if lines:
                lines.append(BLANK)
            lines.append((italic(part.label),))
        label = part.label or label
        lines.append(part_line(part))
    return lines


def part_line(part: AnswerPart) -> Line:
    return (*bold_figures(part.text, part.figures), Span(f" [{part.citation}]"))


def source_line(c: Citation) -> Line:
    return (Span(f"[{c.n}] {c.outlet}, {c.date_label}"),)


def render_answer_html(answer: Answer, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """The answer as one or more Telegram HTML messages, each at most `limit` long."""
    return pack(answer_lines(answer), limit)


# -- sources ---------------------------------------------------------------------------------


def sources_lines(citations: Sequence[Citation], heading: str) -> list[Line]:
    """Each source: number and title, outlet and date, link when known, the quoted passage."""
    lines: list[Line] = [(bold(heading),)]
    for c in citations:
        lines.append(BLANK)
        lines.append((bold(f"[{c.n}] {c.title}"),))
        lines.append((Span(f"{c.outlet}, {c.date_label}"),))
        if c.url:
            lines.append((link(c.url, c.url),))
        if c.quote:
            lines.append((quote_block(c.quote),))
    return lines


def render_sources_html(
    citations: Sequence[Citation],
    heading: str = "Sumber jawaban terakhir:",
    limit: int = MAX_MESSAGE_CHARS,
) -> list[str]:
    """The sources of an answer as one or more Telegram HTML messages."""
    return pack(sources_lines(citations, heading), limit)


# -- splitting -------------------------------------------------------------------------------


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def line_html(line: Line) -> str:
    return "".join(span.html() for span in line)


def pack(lines: Sequence[Line], limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Join lines into messages of at most `limit`, splitting only between or inside lines
    at clean boundaries; blank lines at the edges of a message are dropped."""
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        for piece in split_line(line, limit):
            text = line_html(piece)
            extra = tg_len(text) + (1 if current else 0)
            if current and size + extra > limit:
                messages.append("\n".join(current).strip("\n"))
                current, size = [], 0
                extra = tg_len(text)
            if not current and not text:
                continue  # no blank line at the top of a message
            current.append(text)
            size += extra
    if current:
        messages.append("\n".join(current).strip("\n"))
    return [m for m in messages if m]


_BREAKS = (re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\n+"), re.compile(r"\s+"))


def split_line(line: Line, limit: int) -> list[Line]:
    """A line as one or more lines whose HTML is at most `limit` long."""
    if tg_len(line_html(line)) <= limit:
        return [line]
    out: list[Line] = []
    current: list[Span] = []
    for span in line:
        for piece in _split_span(span, limit):
            trial = (*current, piece)
            if current and tg_len(line_html(trial)) > limit:
                out.append(tuple(current))
                current = [Span(piece.text.lstrip(), piece.open, piece.close)]
            else:
                current.append(piece)
    if current:
        out.append(tuple(current))
    return out


def _split_span(span: Span, limit: int) -> list[Span]:
    """A span cut at sentence, line or word boundaries (hard cut as a last resort)."""
    room = limit - tg_len(span.open) - tg_len(span.close)
    if tg_len(span.html()) <= limit:
        return [span]
    pieces: list[Span] = []
    rest = span.text
    while rest:
        cut = _cut_point(rest, room)
        pieces.append(Span(rest[:cut], span.open, span.close))
        rest = rest[cut:]
    return pieces


def _cut_point(text: str, room: int) -> int:
    """How many characters of `text` fit in `room` once escaped, preferring a clean break."""
    fit = 0
    used = 0
    for i, ch in enumerate(text):
        used += tg_len(html.escape(ch, quote=False))
        if used > room:
            break
        fit = i + 1
    if fit >= len(text):
        return len(text)
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, 0, fit + 1) if 0 < m.end() <= fit]
        if ends:
            return ends[-1]
    return max(fit, 1)
