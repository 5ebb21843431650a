"""Extractive answers: pick the sentences that answer a question, cite them, or abstain.

Pure code over a loaded index and a retriever; no Telegram, no I/O, no generative model.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from bot import evidence
from bot.question import Question, clean_text, parse_question, reject_reason
from bot.records import Answer, AnswerPart, Citation, Reason
from index.chunking import article_sentences
from index.lexical import lexical_terms
from index.records import Article, Hit, Sentence
from index.store import StoredIndex
from index.text import STOPWORDS, stem

K_CHUNKS = 8
# Evidence needed to answer: idf share of the question's terms found in the answer sentence
# (terms found only elsewhere in its article count half), and in the article as a whole.
MIN_SUPPORT = 0.5
MIN_CONTEXT = 0.6
UNKNOWN_WEIGHT = 1.0
SPREAD_RATIO = 0.85  # other sources' figures shown when they score this close to the best
MAX_SOURCES = 3

HELP = (
    "Saya bisa menjawab tentang BPJS Ketenagakerjaan di Sumatera Selatan dari artikel berita: "
    "program jaminan sosialnya, jumlah dan persentase pekerja yang terlindungi, target "
    "kepesertaan, serta pejabat dan kegiatannya. Contoh: “Apa saja program BPJS "
    "Ketenagakerjaan?” atau “Berapa pekerja Sumsel yang sudah terlindungi?”"
)
MESSAGES = {
    Reason.EMPTY: "Pertanyaannya kosong. Silakan ketik pertanyaan Anda. " + HELP,
    Reason.TOO_LONG: (
        "Pertanyaannya terlalu panjang ({max} karakter lebih). Tolong ringkas menjadi satu "
        "pertanyaan singkat."
    ),
    Reason.NO_WORDS: "Saya hanya bisa membaca pertanyaan berupa kata-kata. " + HELP,
    Reason.NOT_IN_SOURCES: "Maaf, artikel yang saya punya tidak menjawab pertanyaan itu. " + HELP,
    Reason.OFF_TOPIC: "Maaf, pertanyaan itu di luar topik artikel yang saya punya. " + HELP,
}

Search = Callable[[str, int], tuple[list[Hit], dict[str, float]]]


@dataclass(frozen=True)
class Scored:
    """A candidate sentence with its evidence."""

    sentence: Sentence
    position: int  # index of the sentence in its article
    article: Article
    score: float
    coverage: float
    context: float

    @property
    def support(self) -> float:
        return (self.coverage + self.context) / 2


@dataclass
class Answerer:
    """Answers questions from a `StoredIndex` through a `search(query, k)` function."""

    index: StoredIndex
    search: Search
    max_chars: int = 1000
    _meta_terms: dict[str, frozenset[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        g = self.index.glossary
        for a in self.index.articles.values():
            meta = f"{a.title} {a.outlet} {a.date_label} {a.dated.year if a.dated else ''}"
            self._meta_terms[a.id] = frozenset(lexical_terms(meta, g))
        self._known_meta = frozenset().union(*self._meta_terms.values())
        self._sentences = lru_cache(maxsize=4096)(self._article_sentences)

    # -- corpus views ---------------------------------------------------------------------

    def _article_sentences(
        self, article_id: str
    ) -> tuple[list[Sentence], list[frozenset[str]], frozenset[str]]:
        article = self.index.articles[article_id]
        sents = article_sentences(article)
        terms = [frozenset(lexical_terms(s.text, self.index.glossary)) for s in sents]
        return sents, terms, frozenset().union(*terms, self._meta_terms[article_id])

    def _known(self, term: str) -> bool:
        return self.index.lexical.known(term) or term in self._known_meta

    def _correct(self, word: str) -> str | None:
        if word in STOPWORDS or self._known(stem(word)):
            return None
        return self.index.lexical.correct(word)

    # -- answering ------------------------------------------------------------------------

    def retrieve(self, raw: str, k: int) -> list[Hit]:
        """The chunks retrieval finds for a question (used by the evaluation)."""
        q = parse_question(clean_text(raw), self.index.glossary, self._correct)
        return self.search(" ".join(q.words), k)[0]

    def answer(self, raw: str) -> Answer:
        """Answer one question (never raises for any user input)."""
        t0 = time.perf_counter()
        text = clean_text(raw)
        reason = reject_reason(text, self.max_chars)
        if reason is not None:
            return self._abstain(raw, reason, "", t0, {})
        t_norm = time.perf_counter()
        q = parse_question(text, self.index.glossary, self._correct)
        stages = {"normalize": (time.perf_counter() - t_norm) * 1e3}
        terms = list(dict.fromkeys(q.terms))
        if not terms:
            return self._abstain(raw, Reason.OFF_TOPIC, q.kind, t0, stages)
        hits, search_ms = self.search(" ".join(q.words), K_CHUNKS)
        stages.update(search_ms)
        t_sel = time.perf_counter()
        ranked = self._score(q, terms, hits)
        best = ranked[0] if ranked else None
        if best is None or best.support < MIN_SUPPORT or best.context < MIN_CONTEXT:
            return self._abstain(raw, Reason.NOT_IN_SOURCES, q.kind, t0, stages)
        if not _fits_kind(q, best.sentence.text):
            return self._abstain(raw, Reason.NOT_IN_SOURCES, q.kind, t0, stages)
        chosen = self._compose(q, ranked)
        stages["select"] = (time.perf_counter() - t_sel) * 1e3
        t_comp = time.perf_counter()
        answer = self._cite(q, chosen)
        stages["compose"] = (time.perf_counter() - t_comp) * 1e3
        return Answer(
            question=raw,
            answered=True,
            parts=answer[0],
            citations=answer[1],
            kind=q.kind,
            took_ms=(time.perf_counter() - t0) * 1e3,
            stage_ms=stages,
        )

    def _abstain(
        self, raw: str, reason: Reason, kind: str, t0: float, stages: dict[str, float]
    ) -> Answer:
        return Answer(
            question=raw,
            answered=False,
            reason=reason,
            message=MESSAGES[reason].format(max=self.max_chars),
            kind=kind,
            took_ms=(time.perf_counter() - t0) * 1e3,
            stage_ms=stages,
        )

    def _score(self, q: Question, terms: list[str], hits: list[Hit]) -> list[Scored]:
        """Score the sentences of the retrieved chunks; best first."""
        # A word the articles never use weighs like the rarest word: a question about it
        # cannot be supported, whatever else it shares with the articles.
        idf = {
            t: self.index.lexical.idf(t) * (1.0 if self._known(t) else UNKNOWN_WEIGHT)
            for t in terms
        }
        total = sum(idf.values()) or 1.0
        top = hits[0].score if hits and hits[0].score > 0 else 1.0
        best_by_span: dict[tuple[str, int], Scored] = {}
        for hit in hits:
            chunk = self.index.chunks[hit.chunk_id]
            article = self.index.articles[chunk.article_id]
            sents, sent_terms, art_terms = self._sentences(chunk.article_id)
            for pos, (s, st) in enumerate(zip(sents, sent_terms, strict=True)):
                if s.start < chunk.start or s.end > chunk.end:
                    continue
                coverage = sum(w for t, w in idf.items() if t in st) / total
                context = sum(w for t, w in idf.items() if t in st or t in art_terms) / total
                score = (
                    coverage
                    + 0.25 * context
                    + 0.3 * hit.score / top
                    + _kind_bonus(q, s.text)
                    + _year_bonus(q, s.text, article)
                )
                key = (article.id, pos)
                if key not in best_by_span or best_by_span[key].score < score:
                    best_by_span[key] = Scored(s, pos, article, score, coverage, context)
        ranked = sorted(best_by_span.values(), key=lambda c: (-c.score, c.article.id, c.position))
        if q.wants_latest and ranked:
            ranked = _prefer_latest(ranked)
        return ranked

    def _compose(self, q: Question, ranked: list[Scored]) -> list[tuple[Scored, str | None]]:
        """The sentences of the answer, each with an optional label."""
        best = ranked[0]
        if q.kind == "apa_saja":
            return [(s, None) for s in self._list_sentences(q, best)]
        if q.kind != "berapa":
            return [(best, None)]
        picks = [best]
        seen = {best.article.id}
        for cand in ranked[1:]:
            if len(picks) >= MAX_SOURCES:
                break
            if (
                cand.article.id not in seen
                and cand.score >= SPREAD_RATIO * best.score
                and cand.coverage >= SPREAD_RATIO * best.coverage
                and _fits_kind(q, cand.sentence.text)
                and _same_figure_kind(q, best.sentence.text, cand.sentence.text)
            ):
                picks.append(cand)
                seen.add(cand.article.id)
        if len(picks) == 1:
            return [(best, None)]
        picks.sort(
            key=lambda c: c.article.dated.toordinal() if c.article.dated else 0, reverse=True
        )
        if q.wants_latest:
            picks = picks[:1]
            return [(picks[0], None)]
        return [(c, f"{c.article.date_label}, {c.article.outlet}") for c in picks]

    def _list_sentences(self, q: Question, best: Scored) -> list[Scored]:
        """For a list question: the enumeration, or the announced run of ordinal sentences."""
        sents, sent_terms, _ = self._sentences(best.article.id)

        def at(pos: int) -> Scored:
            return Scored(sents[pos], pos, best.article, best.score, best.coverage, best.context)

        pos, text = best.position, best.sentence.text
        follows = pos + 1 < len(sents) and evidence.is_enumeration(sents[pos + 1].text)
        if evidence.announced_count(text) and follows:
            return [best, at(pos + 1)]
        if evidence.is_enumeration(text):
            if pos > 0 and evidence.announced_count(sents[pos - 1].text):
                return [at(pos - 1), best]
            return [best]
        # A "pertama ... kedua ... ketiga" run: the one nearest the best sentence whose
        # announcement (or first item) shares a term with the question.
        firsts = [j for j, s in enumerate(sents) if evidence.ordinal(s.text) == 1]
        for first in sorted(firsts, key=lambda j: abs(j - pos)):
            run, want = [], 1
            for j in range(first, min(len(sents), first + 15)):
                if evidence.ordinal(sents[j].text) == want:
                    run.append(j)
                    want += 1
            head = (
                [first - 1] if first > 0 and evidence.announced_count(sents[first - 1].text) else []
            )
            related = any(set(q.terms) & sent_terms[j] for j in head + run[:1])
            if len(run) >= 2 and related:
                return [at(j) for j in head + run]
        return [best]

    def _cite(
        self, q: Question, chosen: list[tuple[Scored, str | None]]
    ) -> tuple[tuple[AnswerPart, ...], tuple[Citation, ...]]:
        numbers: dict[str, int] = {}
        used: dict[str, list[Sentence]] = {}
        parts = []
        for scored, label in chosen:
            aid = scored.article.id
            n = numbers.setdefault(aid, len(numbers) + 1)
            used.setdefault(aid, []).append(scored.sentence)
            text = scored.sentence.text
            parts.append(AnswerPart(text, n, evidence.figures(text), label))
        citations = []
        for aid, n in numbers.items():
            a = self.index.articles[aid]
            spans = sorted(used[aid], key=lambda s: s.start)
            start, end = spans[0].start, spans[-1].end
            quote = (
                a.body[start:end] if end - start <= 1500 else " […] ".join(s.text for s in spans)
            )
            citations.append(
                Citation(
                    n, aid, a.title, a.outlet, a.published, a.date_label, a.url, quote, start, end
                )
            )
        return tuple(parts), tuple(citations)


_PEOPLE_WORDS = {"pekerja", "orang", "peserta", "penduduk", "tenaga", "kepesertaan", "workers"}


def _asks_people(q: Question) -> bool:
    return bool(_PEOPLE_WORDS & set(q.words))


def _kind_bonus(q: Question, text: str) -> float:
    if q.kind == "berapa":
        if q.unit == "persen":
            return 0.4 if evidence.has_percent(text) else -0.3
        if _asks_people(q):
            if evidence.people_count(text):
                return 0.5
            return 0.1 if evidence.has_percent(text) or evidence.has_count(text) else -0.3
        if evidence.has_count(text):
            return 0.4
        return 0.1 if evidence.has_percent(text) else -0.3
    if q.kind == "siapa":
        return 0.4 if evidence.has_person(text) else (0.1 if evidence.people(text) else -0.2)
    if q.kind == "kapan":
        return 0.4 if evidence.has_date(text) else -0.2
    if q.kind == "apa_saja":
        bonus = 0.4 if evidence.is_enumeration(text) or evidence.ordinal(text) == 1 else 0.0
        noun = evidence.announced_noun(text)
        if noun:
            bonus = max(bonus, 0.3) + (0.4 if noun in q.words else 0.0)
        return bonus
    if q.kind == "di_mana":
        return 0.3 if " di " in text else 0.0
    return 0.0


def _fits_kind(q: Question, text: str) -> bool:
    """Whether a sentence can answer this kind of question at all."""
    if q.kind == "berapa":
        if q.unit == "persen":
            return evidence.has_percent(text)
        return bool(evidence.figures(text))
    if q.kind == "siapa":
        return bool(evidence.people(text))
    if q.kind == "kapan":
        return evidence.has_date(text)
    return True


def _same_figure_kind(q: Question, best: str, other: str) -> bool:
    """Figures from another source count as "the same thing" only in the same unit."""
    if q.unit == "persen":
        return evidence.has_percent(other)
    if evidence.people_count(best):
        return evidence.people_count(other)
    return evidence.has_count(best) == evidence.has_count(other)


def _year_bonus(q: Question, text: str, article: Article) -> float:
    if not q.years:
        return 0.0
    year = article.dated.year if article.dated else None
    return 0.3 if any(y == year or str(y) in text for y in q.years) else -0.3


def _prefer_latest(ranked: list[Scored]) -> list[Scored]:
    """Move the newest article's best sentence first when it is nearly as good."""
    best = ranked[0]
    close = [c for c in ranked if c.score >= SPREAD_RATIO * best.score and _same_need(c, best)]
    newest = max(close, key=lambda c: c.article.dated.toordinal() if c.article.dated else 0)
    return [newest] + [c for c in ranked if c is not newest]


def _same_need(a: Scored, b: Scored) -> bool:
    return a.coverage >= SPREAD_RATIO * b.coverage
