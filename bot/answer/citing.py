"""Citing: the answer's parts, each quoting its article's own words, and one citation per
article with the quoted span's character offsets."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answer import spans
from bot.answer.multisource import Pick
from bot.answer.records import AnswerPart, Citation
from index.records import Article, Sentence

MAX_SENTENCE_CHARS = 400  # a longer "sentence" (no full stops) is cut at a word, with "…"
MAX_QUOTE_CHARS = 1500  # a longer quoted span is shown as its sentences, joined by "[…]"


def cite(
    articles: Mapping[str, Article], picks: list[Pick]
) -> tuple[tuple[AnswerPart, ...], tuple[Citation, ...]]:
    """The answer's parts, numbered by article in order of first use, and their citations."""
    numbers: dict[str, int] = {}
    used: dict[str, list[Sentence]] = {}
    parts = []
    for pick in picks:
        scored = pick.scored
        aid = scored.article.id
        n = numbers.setdefault(aid, len(numbers) + 1)
        used.setdefault(aid, []).extend(scored.sentences)
        text = scored.text  # the article's own words and spacing ...
        if any(len(s.text) > MAX_SENTENCE_CHARS for s in scored.sentences):
            text = " ".join(shorten(s.text) for s in scored.sentences)  # ... unless too long
        parts.append(AnswerPart(text, n, spans.figures(text), pick.label, pick.asked))
    citations = tuple(_citation(articles[aid], n, used[aid]) for aid, n in numbers.items())
    return tuple(parts), citations


def _citation(a: Article, n: int, used: list[Sentence]) -> Citation:
    """Citation `n` of article `a`, quoting the span from the first to the last sentence used."""
    quoted = sorted((s for s in set(used) if s.start >= 0), key=lambda s: s.start)
    if not quoted:
        quote, start, end = a.title, 0, 0
    else:
        start, end = quoted[0].start, quoted[-1].end
        quote = a.body[start:end]
        if end - start > MAX_QUOTE_CHARS or any(len(s.text) > MAX_SENTENCE_CHARS for s in quoted):
            quote = " […] ".join(shorten(s.text) for s in quoted)
        if len(quoted) < len(set(used)):
            quote = f"{a.title} […] {quote}"
    return Citation(n, a.id, a.title, a.outlet, a.published, a.date_label, a.url, quote, start, end)


def shorten(text: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    """`text`, or its first `limit` characters cut at a word boundary with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"


def distinct(picks: list[Pick]) -> list[Pick]:
    """The picks without repeats (two sides of a comparison may pick the same sentence)."""
    seen: set[tuple[str, tuple[int, ...]]] = set()
    out = []
    for pick in picks:
        key = (pick.scored.article.id, pick.scored.positions)
        if key not in seen:
            seen.add(key)
            out.append(pick)
    return out
