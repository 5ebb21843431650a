"""Extractive answers: read the message, find and score candidate sentences, cite them, or say
that the articles do not answer.

Pure code over a loaded index and a searcher; no Telegram, no I/O, no generative model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Protocol

import numpy as np

from bot.answer import evidence, spans
from bot.answer.citing import cite, distinct
from bot.answer.compare import COMPARISON_CUES, sides
from bot.answer.config import MAX_QUESTION_CHARS
from bot.answer.constraints import unmet
from bot.answer.features import LinearScorer, Window, window_features
from bot.answer.intake import clean_text, reject_reason
from bot.answer.lexicons import Lexicons, Place, load_lexicons
from bot.answer.lists import list_windows
from bot.answer.multisource import Pick, prefer_latest, spread
from bot.answer.question import Question, QuestionReader, asks
from bot.answer.reading import Reader
from bot.answer.records import Answer, Reason
from bot.answer.refusals import PARTLY, REFUSALS
from bot.answer.scoring import Scored, Weights
from bot.answer.vocabulary import is_common, nearest_common
from bot.answer.windows import rescored, window_at, windows_of, with_continuation
from index.glossary import Glossary
from index.lexical import lexical_terms
from index.records import Hit
from index.search import LexicalSearcher, Query
from index.store import StoredIndex
from index.text import MONTH_WORDS, STOPWORDS, colloquial_forms, stem, words

K_CHUNKS = 24  # chunks whose sentences are candidates (the best of them by retrieval)
MAX_SCORED = 40  # candidate windows fully scored, the best by a cheap first look
CONTEXT_WEIGHT = 0.3  # weight of the message's context terms in retrieval
FOLLOW_UP_TERMS = 3  # a question naming fewer known things continues the one before it
TITLE_RATIO = 0.9  # a body window this close to its article's headline is answered instead
_MONTH_NAMES = {
    m: tuple(w for w, n in MONTH_WORDS.items() if n == m and len(w) > 3) for m in range(1, 13)
}


class Searcher(Protocol):
    """What the answerer needs of retrieval (see index/search.py `HybridSearcher`)."""

    def embed_many(self, texts: Sequence[str]) -> list[np.ndarray]: ...

    def search_many(
        self, queries: Sequence[Query], k: int, vectors: Sequence[np.ndarray] | None = None
    ) -> list[list[Hit]]: ...

    @property
    def lexical(self) -> LexicalSearcher: ...


@dataclass
class Candidate:
    """A scored candidate window and its features (kept for fitting the scorer)."""

    scored: Scored
    features: dict[str, float] = field(default_factory=dict)
    rank: float = 0.0  # the ranking score (`scored.score` is the probability it is right)


@dataclass
class Answerer:
    """Answers messages from a `StoredIndex` through a `Searcher`."""

    index: StoredIndex
    searcher: Searcher
    max_chars: int = MAX_QUESTION_CHARS
    lexicons: Lexicons | None = None

    def __post_init__(self) -> None:
        if self.lexicons is None:
            self.lexicons = load_lexicons(self.index.path)
        lex = self.lexicons
        self._known_meta = frozenset().union(*self.index.meta_terms.values())
        self.reader = QuestionReader(self.index.glossary, lex, self._known, self._correct)
        glossary = self.index.glossary
        self.messages = Reader(
            lex, lambda ws: asks(tuple(glossary.expand(list(ws)))), self._substance
        )
        self.scorer = LinearScorer.from_json(lex.scorer)
        # Only the articles a question retrieves are split into sentences, once each; only the
        # sentences it scores are turned into terms (memoized by text: windows overlap).
        # The caches wrap functions of the index, not methods of this object: a cache holding
        # `self` would make a reference cycle that keeps a replaced index alive.
        self._sentences = lru_cache(maxsize=4096)(self.index.article_sentences)
        self._sequence_of = lru_cache(maxsize=16384)(partial(_text_sequence, glossary))
        self._terms_of = lru_cache(maxsize=16384)(partial(_text_terms, self._sequence_of))
        self._places_in = lru_cache(maxsize=16384)(partial(_places, lex))

    def clear_caches(self) -> None:
        """Forget the memoized sentence views and term sets (and the evidence spans)."""
        self._sentences.cache_clear()
        self._terms_of.cache_clear()
        self._sequence_of.cache_clear()
        self._places_in.cache_clear()
        spans.clear_caches()

    # -- words ---------------------------------------------------------------------------

    def _known(self, term: str) -> bool:
        return self.index.lexical.known(term) or term in self._known_meta

    def _correct(self, word: str) -> str | None:
        """A corpus word for a misspelt or colloquial one, or None to keep the word."""
        if word in STOPWORDS or self._known(stem(word)):
            return None
        for form in colloquial_forms(word):
            if form in STOPWORDS or self._known(stem(form)):
                return form
        if is_common(word):
            return None  # a real word the articles happen not to use
        return self.index.lexical.correct(word) or nearest_common(word)

    def _substance(self, standard: Sequence[str]) -> int:
        """How many words of a question name something the articles know (not counting
        question words, chat words and the words that only say "compare")."""
        words = self.reader.normalized(list(standard))
        return sum(
            1
            for w in words
            if w.isalpha()
            and w not in STOPWORDS
            and w not in COMPARISON_CUES
            and w not in MONTH_WORDS
            and self._known(stem(w))
        )

    # -- answering -----------------------------------------------------------------------

    def read(self, text: str) -> list[tuple[str, list[Question]]]:
        """The questions of a message, each with its comparison sides."""
        reading = self.messages.read(text)
        out = []
        previous = ""
        for asked in reading.questions:
            # A short follow-up ("trus kerja samanya lewat siapa?") is about what the question
            # before it was about; a full question stands on its own.
            standard = self.reader.standard(asked)
            follow_up = previous and self._substance(standard) < FOLLOW_UP_TERMS
            context = f"{reading.context} {previous if follow_up else ''}".strip()
            q = self.reader.parse(asked, context=context)
            out.append((asked, sides(q)))
            previous = asked
        return out

    def retrieve(self, raw: str, k: int) -> list[Hit]:
        """The chunks retrieval finds for a message's first question (for the evaluation)."""
        text = clean_text(raw, keep_lines=True)
        if reject_reason(text, self.max_chars):
            return []
        asked = self.read(text)
        if not asked:
            return []
        return self.searcher.search_many([self._query(asked[0][1][0])], k)[0]

    def answer(self, raw: str) -> Answer:
        """Answer one message (never raises for any user input)."""
        t0 = time.perf_counter()
        text = clean_text(raw, keep_lines=True)
        reason = reject_reason(text, self.max_chars)
        if reason is not None:
            return self._abstain(raw, reason, "", t0, {})
        t_norm = time.perf_counter()
        asked = self.read(text)
        stages = {"normalize": (time.perf_counter() - t_norm) * 1e3}
        if not asked:
            return self._abstain(raw, Reason.NO_QUESTION, "", t0, stages)
        kind = asked[0][1][0].kind
        if not any(q.terms for _, qs in asked for q in qs):
            return self._abstain(raw, Reason.OFF_TOPIC, kind, t0, stages)
        flat = [q for _, qs in asked for q in qs if self._weights(q).idf]
        if not flat:
            return self._abstain(raw, Reason.NOT_IN_SOURCES, kind, t0, stages)
        queries = [self._query(q) for q in flat]
        t_emb = time.perf_counter()
        vectors = self.searcher.embed_many([query.text for query in queries])
        t_search = time.perf_counter()
        hits = [
            self._within_dates(q, query, h)
            for q, query, h in zip(
                flat, queries, self.searcher.search_many(queries, K_CHUNKS, vectors), strict=True
            )
        ]
        t_sel = time.perf_counter()
        stages.update(embed=(t_search - t_emb) * 1e3, search=(t_sel - t_search) * 1e3)
        found = dict(zip((id(q) for q in flat), hits, strict=True))
        chosen: list[Pick] = []
        unanswered = []
        for i, (_, qs) in enumerate(asked):
            picks = [p for q in qs if id(q) in found for p in self._select(q, found[id(q)])]
            if not picks:
                unanswered.append(i)
            chosen.extend(replace(p, asked=i) for p in distinct(picks))
        stages["select"] = (time.perf_counter() - t_sel) * 1e3
        if not chosen:
            return self._abstain(raw, Reason.NOT_IN_SOURCES, kind, t0, stages)
        parts, citations = cite(self.index.articles, chosen)
        return Answer(
            question=raw,
            answered=True,
            parts=parts,
            citations=citations,
            message=PARTLY if unanswered else "",
            kind=kind,
            took_ms=(time.perf_counter() - t0) * 1e3,
            stage_ms=stages,
            asked=tuple(a for a, _ in asked) if len(asked) > 1 else (),
            unanswered=tuple(unanswered) if len(asked) > 1 else (),
        )

    def _within_dates(self, q: Question, query: Query, hits: list[Hit]) -> list[Hit]:
        """For a question that names a year or month, the best chunks of the articles from
        that time too: an answer dated as asked must be a candidate however many other
        articles match the words better."""
        if not (q.years or q.months):
            return hits
        ids = [
            self.index.chunk_ids[a.id]
            for a in self.index.articles.values()
            if a.dated
            and (not q.years or a.dated.year in q.years)
            and (not q.months or a.dated.month in q.months)
            and a.id in self.index.chunk_ids
        ]
        if not ids:
            return hits
        extra = self.searcher.lexical.scores_in(query, np.concatenate(ids), K_CHUNKS)
        top = max(extra.values(), default=1.0) or 1.0
        seen = {h.chunk_id for h in hits}
        worst = min((h.score for h in hits), default=1.0)
        more = [
            Hit(cid, worst * s / top, len(hits) + i + 1)
            for i, (cid, s) in enumerate(sorted(extra.items(), key=lambda kv: -kv[1]))
            if cid not in seen
        ]
        return hits + more

    def _query(self, q: Question) -> Query:
        """Lexical terms (question first, the message's context terms lighter) and the text
        the dense retriever embeds."""
        terms = tuple(dict.fromkeys(q.terms))
        context = tuple(t for t in q.context_terms if t not in terms)
        weights = (1.0,) * len(terms) + (CONTEXT_WEIGHT,) * len(context)
        return Query(terms + context, weights, " ".join(q.words))

    def _abstain(
        self, raw: str, reason: Reason, kind: str, t0: float, stages: dict[str, float]
    ) -> Answer:
        return Answer(
            question=raw,
            answered=False,
            reason=reason,
            message=REFUSALS[reason].format(max=self.max_chars),
            kind=kind,
            took_ms=(time.perf_counter() - t0) * 1e3,
            stage_ms=stages,
        )

    def _select(self, q: Question, hits: list[Hit]) -> list[Pick]:
        """The windows that answer the question, each with an optional label; [] to refuse."""
        if q.kind == "singkatan":
            return self._acronym(q, hits)
        ranked = [c.scored for c in self.candidates(q, hits)]
        if not ranked or ranked[0].score < self.scorer.threshold:
            return []
        if ranked[0].title:
            # A headline answers only what its article's sentences do not say themselves.
            body = next((c for c in ranked if c.article is ranked[0].article and not c.title), None)
            if body is not None and body.score >= TITLE_RATIO * ranked[0].score:
                ranked = [body] + [c for c in ranked if c is not body]
        best = ranked[0]
        if q.kind == "apa_saja" and not best.title:
            windows = list_windows(
                q, best.positions, self._sentences(best.article.id), self._terms_of
            )
            return [Pick(window_at(best, self._sentences(best.article.id), w)) for w in windows]
        if q.kind == "berapa":
            return [replace(p, scored=self._with_continuation(p.scored)) for p in spread(q, ranked)]
        return [Pick(self._with_continuation(best))]

    # -- candidates ----------------------------------------------------------------------

    def _weights(self, q: Question) -> Weights:
        """IDF weights of the question's terms that the corpus knows."""
        terms = dict.fromkeys(t for t in q.terms if self._known(t))
        return Weights({t: self.index.lexical.idf(t) for t in terms})

    def candidates(self, q: Question, hits: list[Hit]) -> list[Candidate]:
        """Every window of one or two consecutive sentences (same paragraph) that starts in a
        retrieved chunk, plus the retrieved articles' titles, that meets the question's
        constraints and can answer its kind; scored, best first."""
        weights = self._weights(q)
        if not weights.idf:
            return []
        top = hits[0].score if hits and hits[0].score > 0 else 1.0
        windows: dict[tuple[str, int, int], tuple[Scored, float]] = {}
        for hit in hits:
            for scored in self._windows_of(hit):
                key = (scored.article.id, scored.positions[0], len(scored.positions))
                retrieval = hit.score / top
                if key not in windows or windows[key][1] < retrieval:
                    windows[key] = (scored, retrieval)
        first_look = sorted(
            windows.values(),
            key=lambda sr: -(weights.share(self._union_terms(sr[0])) + 0.3 * sr[1]),
        )[:MAX_SCORED]
        in_article: dict[str, frozenset[str]] = {}  # windows share articles
        out = []
        for scored, retrieval in first_look:
            if not self._admissible(q, scored):
                continue
            article = scored.article
            window = Window(
                scored.text, article, retrieval, len(scored.positions) > 1, scored.title
            )
            art_terms = in_article.get(article.id)
            if art_terms is None:
                art_terms = self.index.terms_in_article(article.id, list(weights.idf))
                in_article[article.id] = art_terms
            x = window_features(q, window, weights, art_terms, self._terms_of, self._sequence_of)
            rank = self.scorer.rank(x)
            score = self.scorer.score(x, rank)
            coverage, context = x["coverage"], x["context"]
            out.append(Candidate(rescored(scored, score, coverage, context), x, rank))
        out.sort(key=lambda c: (-c.rank, c.scored.article.id, c.scored.positions))
        if q.wants_latest and out:
            ranked = prefer_latest(q, [c.scored for c in out])
            order = {id(s): i for i, s in enumerate(ranked)}
            out.sort(key=lambda c: order[id(c.scored)])
        return out

    def _union_terms(self, scored: Scored) -> frozenset[str]:
        """A window's terms as the union of its sentences' (each sentence's terms are
        computed once however many windows hold it): for the first look only."""
        if len(scored.sentences) == 1:
            return self._terms_of(scored.sentences[0].text)
        return frozenset().union(*(self._terms_of(s.text) for s in scored.sentences))

    def _windows_of(self, hit: Hit) -> list[Scored]:
        chunk = self.index.chunks[hit.chunk_id]
        article = self.index.articles[chunk.article_id]
        return windows_of(chunk, article, self._sentences(chunk.article_id))

    def _admissible(self, q: Question, scored: Scored) -> bool:
        """The window meets the question's constraints and can answer its kind."""
        if not self.scorer.fits(q, scored.text):
            return False
        if not (q.places or q.years or q.months):
            return True
        before = []
        if not scored.title:
            sents = self._sentences(scored.article.id)
            start = scored.positions[0]
            before = [s.text for s in sents[max(0, start - 2) : start]]
        return not unmet(q, scored.text, before, scored.article, self._places_in, _MONTH_NAMES)

    def _with_continuation(self, window: Scored) -> Scored:
        return with_continuation(window, self._sentences(window.article.id))

    def _acronym(self, q: Question, hits: list[Hit]) -> list[Pick]:
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
                    return [Pick(Scored(article, (s,), (pos,), 1.0, 1.0, 1.0))]
        return []


def _text_terms(sequence_of: Callable[[str], tuple[str, ...]], text: str) -> frozenset[str]:
    return frozenset(sequence_of(text))


def _text_sequence(glossary: Glossary, text: str) -> tuple[str, ...]:
    return tuple(lexical_terms(text, glossary))


def _places(lexicons: Lexicons, text: str) -> frozenset[Place]:
    return frozenset(lexicons.gazetteer.find(words(text)))
