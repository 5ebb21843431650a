"""Extractive answers: pick the sentences that answer a question, cite them, or abstain.

Pure code over a loaded index and a retriever; no Telegram, no I/O, no generative model.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from bot import evidence
from bot.lists import list_windows
from bot.question import Question, clean_text, parse_question, reject_reason
from bot.records import Answer, AnswerPart, Citation, Reason
from bot.scoring import (
    Scored,
    Weights,
    date_bonus,
    fits_kind,
    focus_bonus,
    target_penalty,
)
from bot.sources import Chosen, prefer_latest, spread
from index.glossary import Glossary
from index.lexical import lexical_terms
from index.records import Hit, Sentence
from index.store import StoredIndex
from index.text import STOPWORDS, colloquial_forms, stem

K_CHUNKS = 8
# Evidence needed to answer: idf share of the question's terms found in the answer sentence
# (terms found only elsewhere in its article count half), and in the article as a whole.
MIN_SUPPORT = 0.5
MIN_CONTEXT = 0.6
WINDOW_PENALTY = 0.15  # cost of a second sentence in an answer window

HELP = (
    "Saya bisa menjawab tentang BPJS Ketenagakerjaan di Sumatera Selatan dari artikel berita: "
    "program jaminan sosialnya, jumlah dan persentase pekerja yang terlindungi, target "
    "kepesertaan, serta pejabat dan kegiatannya. Contoh: “Apa saja program BPJS "
    "Ketenagakerjaan?” atau “Berapa pekerja Sumsel yang sudah terlindungi?”"
)
MESSAGES = {
    Reason.EMPTY: "Pertanyaannya kosong. Silakan ketik pertanyaan Anda. " + HELP,
    Reason.TOO_LONG: (
        "Pertanyaannya terlalu panjang (lebih dari {max} karakter). Tolong ringkas menjadi "
        "satu pertanyaan singkat."
    ),
    Reason.NO_WORDS: "Saya hanya bisa membaca pertanyaan berupa kata-kata. " + HELP,
    Reason.NOT_IN_SOURCES: "Maaf, artikel yang saya punya tidak menjawab pertanyaan itu. " + HELP,
    Reason.OFF_TOPIC: "Maaf, pertanyaan itu di luar topik artikel yang saya punya. " + HELP,
}

Search = Callable[[str, int], tuple[list[Hit], dict[str, float]]]


@dataclass
class Answerer:
    """Answers questions from a `StoredIndex` through a `search(query, k)` function."""

    index: StoredIndex
    search: Search
    max_chars: int = 1000

    def __post_init__(self) -> None:
        self._known_meta = frozenset().union(*self.index.meta_terms.values())
        # Only the articles a question retrieves are split into sentences, once each; only the
        # sentences it scores are turned into terms (memoized by text: windows overlap).
        # The caches wrap functions of the index, not methods of this object: a cache holding
        # `self` would make a reference cycle that keeps a replaced index alive.
        self._sentences = lru_cache(maxsize=4096)(self.index.article_sentences)
        self._terms_of = lru_cache(maxsize=16384)(partial(_text_terms, self.index.glossary))

    def clear_caches(self) -> None:
        """Forget the memoized sentence views and term sets (and the evidence spans)."""
        self._sentences.cache_clear()
        self._terms_of.cache_clear()
        evidence.clear_caches()

    # -- corpus views ---------------------------------------------------------------------

    def _known(self, term: str) -> bool:
        return self.index.lexical.known(term) or term in self._known_meta

    def _correct(self, word: str) -> str | None:
        """A corpus word for a misspelt or colloquial one, or None to keep the word."""
        if word in STOPWORDS or self._known(stem(word)):
            return None
        for form in colloquial_forms(word):
            if form in STOPWORDS or self._known(stem(form)):
                return form
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
        chosen = self._select(q, terms, hits)
        stages["select"] = (time.perf_counter() - t_sel) * 1e3
        if not chosen:
            return self._abstain(raw, Reason.NOT_IN_SOURCES, q.kind, t0, stages)
        t_comp = time.perf_counter()
        parts, citations = self._cite(chosen)
        stages["compose"] = (time.perf_counter() - t_comp) * 1e3
        return Answer(
            question=raw,
            answered=True,
            parts=parts,
            citations=citations,
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

    def _select(self, q: Question, terms: list[str], hits: list[Hit]) -> list[Chosen]:
        """The windows that answer the question, each with an optional label; [] to abstain."""
        if q.kind == "singkatan":
            return self._acronym(q, hits)
        ranked = self._score(q, terms, hits)
        best = ranked[0] if ranked else None
        if best is None or best.support < MIN_SUPPORT or best.context < MIN_CONTEXT:
            return []
        if not fits_kind(q, best.text):
            return []
        if q.kind == "apa_saja":
            windows = list_windows(
                q, best.positions, self._sentences(best.article.id), self._terms_of
            )
            return [(self._window(best, w), None) for w in windows]
        if q.kind == "berapa":
            return [(self._with_continuation(c), label) for c, label in spread(q, ranked)]
        return [(self._with_continuation(best), None)]

    def _with_continuation(self, window: Scored) -> Scored:
        """Add the next sentence of the paragraph when it elaborates on the window
        ("... 1.033.000 pekerja ... Dari jumlah tersebut, sebanyak 690.000 ...")."""
        sents = self._sentences(window.article.id)
        nxt = window.positions[-1] + 1
        if (
            nxt >= len(sents)
            or "\n" in window.article.body[window.sentences[-1].end : sents[nxt].start]
        ):
            return window
        if not evidence.continues(sents[nxt].text):
            return window
        return self._window(window, [*window.positions, nxt])

    def _weights(self, terms: list[str]) -> Weights:
        # A word the articles never use gets the highest idf: a question about it cannot be
        # well supported, whatever else it shares with the articles.
        return Weights({t: self.index.lexical.idf(t) for t in terms})

    def _score(self, q: Question, terms: list[str], hits: list[Hit]) -> list[Scored]:
        """Score every window of one or two consecutive sentences (same paragraph) that
        starts in a retrieved chunk; best first."""
        weights = self._weights(terms)
        top = hits[0].score if hits and hits[0].score > 0 else 1.0
        best: dict[tuple[str, int, int], Scored] = {}
        for hit in hits:
            chunk = self.index.chunks[hit.chunk_id]
            article = self.index.articles[chunk.article_id]
            sents = self._sentences(chunk.article_id)
            art_terms = self.index.terms_in_article(chunk.article_id, terms)
            for pos, s in enumerate(sents):
                if s.start < chunk.start or s.end > chunk.end:
                    continue
                for size in (1, 2):
                    last = pos + size - 1
                    if last >= len(sents) or "\n" in article.body[s.end : sents[last].start]:
                        break
                    key = (article.id, pos, size)
                    window_terms = frozenset().union(
                        *(self._terms_of(x.text) for x in sents[pos : last + 1])
                    )
                    coverage = weights.share(window_terms)
                    context = weights.share(window_terms | art_terms)
                    text = article.body[s.start : sents[last].end]
                    score = (
                        coverage
                        + 0.25 * context
                        + 0.3 * hit.score / top
                        + focus_bonus(q, text, weights, self._terms_of)
                        + date_bonus(q, text, article)
                        - target_penalty(q, text)
                        - WINDOW_PENALTY * (size - 1)
                    )
                    if key not in best or best[key].score < score:
                        best[key] = Scored(
                            article,
                            tuple(sents[pos : last + 1]),
                            tuple(range(pos, last + 1)),
                            score,
                            coverage,
                            context,
                        )
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.article.id, c.positions))
        if q.wants_latest and ranked:
            ranked = prefer_latest(q, ranked)
        return ranked

    def _window(self, base: Scored, positions: list[int]) -> Scored:
        sents = self._sentences(base.article.id)
        return Scored(
            base.article,
            tuple(sents[p] for p in positions),
            tuple(positions),
            base.score,
            base.coverage,
            base.context,
        )

    def _acronym(self, q: Question, hits: list[Hit]) -> list[Chosen]:
        """For "X singkatan dari apa?": the sentence that spells out "Long Form (X)"."""
        seen: list[str] = []
        for hit in hits:
            aid = self.index.chunks[hit.chunk_id].article_id
            if aid not in seen:
                seen.append(aid)
        for aid in seen + sorted(set(self.index.articles) - set(seen)):
            sents = self._sentences(aid)
            for pos, s in enumerate(sents):
                if q.acronym and evidence.acronym_expansion(s.text, q.acronym):
                    article = self.index.articles[aid]
                    return [(Scored(article, (s,), (pos,), 1.0, 1.0, 1.0), None)]
        return []

    def _cite(self, chosen: list[Chosen]) -> tuple[tuple[AnswerPart, ...], tuple[Citation, ...]]:
        numbers: dict[str, int] = {}
        used: dict[str, list[Sentence]] = {}
        parts = []
        for scored, label in chosen:
            aid = scored.article.id
            n = numbers.setdefault(aid, len(numbers) + 1)
            used.setdefault(aid, []).extend(scored.sentences)
            text = scored.text
            parts.append(AnswerPart(text, n, evidence.figures(text), label))
        citations = []
        for aid, n in numbers.items():
            a = self.index.articles[aid]
            spans = sorted(set(used[aid]), key=lambda s: s.start)
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


def _text_terms(glossary: Glossary, text: str) -> frozenset[str]:
    return frozenset(lexical_terms(text, glossary))
