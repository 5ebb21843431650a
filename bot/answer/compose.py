"""Extractive answers: read the message, find and score candidate sentences, cite them, or say
that the articles do not answer.

Pure code over a loaded index and a searcher; no Telegram, no I/O, no generative model.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache, partial

from bot.answer import evidence
from bot.answer.candidates import Candidate, CandidateFinder, outlet_core
from bot.answer.citing import cite, distinct
from bot.answer.compare import sides
from bot.answer.config import MAX_QUESTION_CHARS
from bot.answer.constraints import NEARBY, months_named, names_month, person_met, year_parts
from bot.answer.features import LinearScorer
from bot.answer.followup import (
    ASKING_NOUNS,
    continued,
    names_its_time,
    only_a_time,
    within,
    years_of,
)
from bot.answer.intake import clean_text, reject_reason
from bot.answer.lexicons import Lexicons, Place, load_lexicons
from bot.answer.lists import asked_ordinal, list_windows, numbered_item
from bot.answer.multisource import Pick, newest_first, spread, tells_after
from bot.answer.outlets import Outlets
from bot.answer.question import (
    CHANGE_WORDS,
    COMPARISON_CUES,
    LOCATION_KINDS,
    POINTING_WORDS,
    Question,
    QuestionReader,
    asks,
    counts_elided,
    has_phrase,
    names_now,
    question_kind,
)
from bot.answer.reading import Reader, Reading, names_time
from bot.answer.records import Answer, Reason
from bot.answer.refusals import PARTLY, REFUSALS
from bot.answer.retrieval import (
    CONTEXT_WEIGHT,
    K_CHUNKS,
    Searcher,
    around_best,
    query_of,
    within_articles,
    within_dates,
)
from bot.answer.scoring import (
    Scored,
    asks_deadline,
    asks_office_holder,
    asks_speaker,
    asks_superlative,
    asks_who_is,
    names_someone_new,
    office_of_asked,
    states_superlative,
    target_spans,
)
from bot.answer.spans import (
    MAGNITUDES,
    NUMBER_RE,
    count_values,
    has_money,
    has_percent,
    people_count,
)
from bot.answer.vocabulary import COMMON_ZIPF, is_common, is_english, nearest_common, zipf_id
from bot.answer.windows import (
    full_name_before,
    host_before,
    item_label,
    window_at,
    with_continuation,
    with_items,
    with_paragraph_next,
    with_point_told,
    with_points_listed,
    with_speaker,
    with_teller,
)
from index.glossary import Glossary
from index.lexical import LexicalIndex, lexical_terms, terms_of_words
from index.records import Hit, Sentence
from index.search import Query
from index.store import StoredIndex
from index.text import (
    MONTH_NAMES,
    MONTH_WORDS,
    STOPWORDS,
    colloquial_forms,
    stem,
    words,
    words_cased,
)

FOLLOW_UP_TERMS = 3  # a question naming fewer known things continues the one before it
TITLE_RATIO = 0.9  # a body window this close to its article's headline is answered instead
# A question leaning on the one before (a follow-up, or one `Answerer.answer` lets lean): its
# best window in the article that answered that one is given when its probability reaches this
# share of the threshold (unless it asks for the newest and a newer source ranks first).
LEAN_SHARE = 0.4
SURE_RANKS = 3  # how far down the ranking a window sure enough to answer is looked for
LABEL_TERMS = 2  # terms of a list item's label that a question names to ask for that item
# How far down the ranking a window of the first's article is looked for that dates the
# event a "kapan" question asks about where it tells it
OWN_RANKS = 6
# Kinds whose answer must hold what they ask for: a figure, a date, a name
_TARGETED = ("berapa", "kapan", "siapa")
# How far down the ranking a newer article's window is looked for, for a question of these
# kinds naming no time: who holds an office, when and where an event is held (figures are
# shown side by side, `spread`)
NEWER_RANKS = 6
_OF_THE_LATEST = ("siapa", "kapan", "di_mana")
# Period words ([period]) of a whole year ("sepanjang 2065", "akhir tahun 2065")
_WHOLE_YEAR_WORDS = frozenset({"akhir", "tahun", "sepanjang", "periode", "end", "year", "period"})
# Words beside an office that leave it asked of now ("yang baru", "di sana")
_UNPINNING = frozenset({"baru", *POINTING_WORDS})
# Words pointing back at what the question before named ("that post", "program tersebut")
_POINTING_BACK = frozenset({"that", "this", "those", "these"})
# Words after which "that" begins a clause, not points back ("is it true that workers ...")
_CLAUSE_BEFORE = frozenset({"true", "said", "says", "say", "know", "heard", "think", "mean", "so"})


def _points_back(said: Sequence[str], timely: frozenset[str]) -> bool:
    """ "tersebut", or an English demonstrative before a noun ("that post"; not "that is",
    "true that workers ...", or "this year" and the other `timely` words), in the words of
    a question as written."""
    return "tersebut" in said or any(
        w in _POINTING_BACK
        and nxt.isalpha()
        and nxt not in STOPWORDS | timely
        and before not in _CLAUSE_BEFORE
        for before, w, nxt in zip(("", *said), said, said[1:], strict=False)
    )


# Words asking of an office's earlier holder: not of now
_PAST_HOLDER = frozenset({"mantan", "lama", "dulu", "eks", "sebelumnya", "former", "previous"})


def _asks_holder_now(q: Question) -> bool:
    """ "siapa kepala X?", "siapa kepala X yang baru?", "siapa kepala cabang di sana?" (where
    the message told before), "siapo kepala cabang di <kota> tu?" (the office's place): who
    holds the office now; not "siapa kepala cabang di <kota> dulu?" (its earlier holder)."""
    if not asks_office_holder(q) or _PAST_HOLDER & set(q.words):
        return False
    located = {
        t for p in q.places if p.kind in LOCATION_KINDS for t in terms_of_words(words(p.name))
    }
    return set(q.terms) - _UNPINNING - located <= set(q.head)


EXPLAINED = ("bagaimana", "kenapa")  # kinds answered with the next sentence of the paragraph


def _item_window(
    best: Scored, ranked: list[Scored], sents: list[Sentence], item: list[int]
) -> Scored:
    """The window of a list's `item` in `best`'s article, when a window starting there is
    admitted for the question (`ranked`); `best` otherwise."""
    admitted = next(
        (
            c
            for c in ranked
            if c.article is best.article and not c.title and c.positions[0] == item[0]
        ),
        None,
    )
    return best if admitted is None else window_at(admitted, sents, item)


# Words asking each place's own figure, not one of them together ("mana yang lebih", "vs",
# "selisih", "masing-masing")
_SIDE_BY_SIDE = frozenset(COMPARISON_CUES | {"each", "respectively"})


def _joint(q: Question, parts: tuple[Question, ...]) -> Question | None:
    """The question with all the places its sides were split by, when they differ only by
    place ("di A, B dan C": one figure of the three may answer it); None otherwise, and for
    a question setting them side by side ("A vs B, mana yang lebih tinggi?", "masing-masing")
    or naming a place with its province (the province's figure is no figure of both)."""
    if len(parts) < 2 or len({p.places for p in parts}) < len(parts):
        return None  # split by time or by word, not by place
    if _SIDE_BY_SIDE & set(q.words):
        return None
    places = tuple(dict.fromkeys(pl for p in parts for pl in p.places))
    if any(a.province == b.name for a in places for b in places):
        return None
    return replace(parts[0], places=places)


@dataclass(frozen=True)
class Asked:
    """One question of a message as it was typed, and the questions it stands for (the two
    sides of a comparison, or itself)."""

    text: str
    sides: tuple[Question, ...]
    follows: bool = False  # continues the question before it ("..., dan berapa santunannya?")
    linked: bool = False  # cut from the sentence of the question before it ("..., dan ...?")
    elided: bool = False  # "..., dan berapa yang ...?": counts what the question before counted
    months_before: bool = False  # holds the months of the question before, naming none itself
    # asks how the figure the question before asks changed ("..., naik gk dr 2020?"):
    # unanswered when that one is
    changed: bool = False
    joint: Question | None = None  # split by place: all its places at once ("di A, B dan C")


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
        known_meta = frozenset().union(*self.index.meta_terms.values())
        self._known = partial(_is_known, self.index.lexical, known_meta)
        self.reader = QuestionReader(self.index.glossary, lex, self._known, self._correct)
        self.outlets = Outlets(
            (outlet_core(a.outlet) for a in self.index.articles.values()),
            self.reader.place_words | self.reader.agency_words,
        )
        glossary = self.index.glossary
        self.messages = Reader(
            lex,
            lambda ws: asks(tuple(glossary.expand(list(ws)))),
            self._substance,
            lambda ws: question_kind(tuple(glossary.expand(list(ws)))),
            lambda ws: names_time(glossary.expand(list(ws))),
        )
        # Only the articles a question retrieves are split into sentences, once each; only the
        # sentences it scores are turned into terms (memoized by text: windows overlap).
        # The caches wrap functions of the index, not methods of this object: a cache holding
        # `self` would make a reference cycle that keeps a replaced index alive.
        self._sentences = lru_cache(maxsize=4096)(self.index.article_sentences)
        stems = self.index.lexical.stems  # the corpus words' stems, saved with the build
        self._sequence_of = lru_cache(maxsize=16384)(partial(_text_sequence, glossary, stems))
        self._terms_of = lru_cache(maxsize=16384)(partial(_text_terms, self._sequence_of))
        self._places_in = lru_cache(maxsize=16384)(partial(_places, lex))
        self.finder = CandidateFinder(
            self.index,
            LinearScorer.from_json(lex.scorer),
            self._known,
            self._sentences,
            self._terms_of,
            self._sequence_of,
            self._places_in,
            lex.markers("source"),
        )

    def clear_caches(self) -> None:
        """Forget the memoized query vectors, sentence views and term sets."""
        self.searcher.clear_cache()
        self._sentences.cache_clear()
        self._terms_of.cache_clear()
        self._sequence_of.cache_clear()
        self._places_in.cache_clear()

    # -- words ---------------------------------------------------------------------------

    def _correct(self, word: str) -> str | None:
        """A corpus word for a misspelt or colloquial one, or None to keep the word."""
        if word in STOPWORDS or self._known(stem(word)):
            return None
        forms = colloquial_forms(word)
        for form in forms:
            if form in STOPWORDS or self._known(stem(form)):
                return form
        if is_common(word):
            return None  # a real word the articles happen not to use
        # "ngadu": a common word's colloquial form ("adu"), not a misspelling of "ngaku"
        common = next((f for f in forms if zipf_id(f) >= COMMON_ZIPF and not is_english(f)), None)
        return common or self.index.lexical.correct(word) or nearest_common(word)

    def _substance(self, standard: Sequence[str]) -> int:
        """How many of the words typed name something the articles know (not counting
        question words, chat words, the words that only say "compare" and those that only
        place it in time; an abbreviation the glossary spells out counts once)."""
        # Each typed word as the words it reads as ("jht" -> "jaminan hari tua": one word).
        forms = [list(self.reader.normalized([w])) for w in standard]
        flat = [(i, w) for i, ws in enumerate(forms) for w in ws]
        period = self.reader.lexicons.markers("period")
        for start, end in period.find([w for _, w in flat]):
            for i, _ in flat[start:end]:
                forms[i] = []  # "akhir thn": only places the question in time
        return sum(
            1
            for ws in forms
            if any(
                w.isalpha()
                and w not in STOPWORDS
                and w not in COMPARISON_CUES
                and w not in MONTH_WORDS
                and self._known(stem(w))
                for w in ws
            )
        )

    # -- answering -----------------------------------------------------------------------

    def read(self, text: str) -> list[Asked]:
        """The questions of a message, each with its comparison sides."""
        # "A bilang 1,3 jt, B bilang brp?": what B says is asked, A's figure is given
        message = self.outlets.without_given(
            text, lambda t: self._substance(self.reader.standard(t)), self.messages.asks
        )
        reading = self.messages.read(message)
        out: list[Asked] = []
        previous: tuple[str, Question] | None = None
        for at, asked in enumerate(reading.questions):
            # A short follow-up ("trus kerja samanya lewat siapa?") is about what the question
            # before it was about, and one naming nothing but a time ("trus feb 2026 udh
            # brp?") asks it again; a full question stands on its own.
            standard = self.reader.standard(asked)
            substance = self._substance(standard)
            months_before = False
            # "..., dan berapa santunan yang diterima ahli warisnya?": "-nya" points back
            # ("APBD-nya": "-nya" written apart), and so do "tersebut" and "that <noun>" ("...
            # in 2020, and who held that post in 2023?")
            refers = any((len(w) > 5 and w.endswith("nya")) or w == "nya" for w in standard)
            refers = refers or _points_back(words(asked.lower()), self._timely)
            follow_up = previous is not None and (substance < FOLLOW_UP_TERMS or refers)
            changed = False
            before = f" {previous[0]}" if previous and follow_up else ""
            q = self.reader.parse(asked, context=f"{reading.context}{before}".strip())
            # "tgl brp?", "trus akhir juni jd brp?": nothing but what is asked and when
            said = set(q.terms) - ASKING_NOUNS - self._period_terms
            asks_only = not substance or not said
            own = q.years or q.months or q.people  # a time or a person fixes who it was
            told = self._told(reading) if previous is None and substance < FOLLOW_UP_TERMS else None
            if told is not None:
                # "Kami dengar ada acara <X> Agustus 2024. Itu acaranya di mana?": what the
                # message told just before is what its first question asks about. A question
                # asking of a thing the message told ("... katanya pelayanannya jadi lebih
                # ramah. Ramah buat siapa saja ya?") is answered where that thing is said:
                # the rest of what was told only places the article (not so for one naming
                # something new: "... RT, RW mau dilindungi. Itu masuk fokus yang mana?")
                q = continued(told, q)
                named = said - self.reader.asking_nouns  # not "isi" of "apa isinya?"
                if named and named <= set(told.terms):
                    placing = (t for t in told.terms if t not in named)
                    q = replace(q, setting=tuple(dict.fromkeys((*q.setting, *placing))))
            elif previous and follow_up and asks_only and only_a_time(q):
                # "..., trus 2024 naik gk?": whether the figure asked before changed by then
                cues = {w.removesuffix("nya") for w in standard}
                changed = q.kind in ("ya_tidak", "umum") and bool(CHANGE_WORDS & cues)
                period = self.reader.lexicons.markers("period").items
                q = continued(previous[1], q, period, changed)
            elif previous and (follow_up or at in reading.linked) and not names_its_time(q):
                # "..., berapa persen angkanya?", "... ya? mulai kapan?": the same time and
                # place (how many, when, where; "which participants is it for?" is about
                # what the answer before was about, wherever it is); "... in 2039, and how
                # many died?" (cut from the same sentence): the same time
                placed = q.kind in ("berapa", "kapan", "di_mana")
                q = within(previous[1], q, places=follow_up and placed)
                months_before = bool(q.months)
            elif previous and (follow_up or at in reading.linked) and q.months:
                q = replace(q, years=years_of(previous[1], q))  # "..., trus akhir juni?"
            elided = counts_elided(words(asked.lower()))  # as written: framing reads "ya" as "yang"
            if previous and previous[1].kind == q.kind == "berapa" and elided:
                # "Berapa petambak ..., dan berapa yang iurannya ditanggung APBD?": of those
                q = replace(q, unit=previous[1].unit)
            pinned = (q.years or q.months or q.people) if follow_up else own
            if not pinned and _asks_holder_now(q):
                q = replace(q, wants_latest=True)
            # "Januari-September ... berapa kasus, berapa rupiah?": the period of the question
            # before is one period for its follow-up too
            one_period = (
                bool(out) and len(out[-1].sides) == 1 and q.months == out[-1].sides[0].months
            )
            linked = at in reading.linked
            if follow_up and one_period and q.months:  # no split by month; by place or word still
                split = sides(replace(q, months=()))
                split_sides = tuple(replace(side, months=q.months) for side in split)
                out.append(
                    Asked(
                        asked,
                        split_sides,
                        True,
                        linked,
                        elided,
                        months_before=months_before,
                        changed=changed,
                    )
                )
            else:
                parts = tuple(sides(q))
                out.append(
                    Asked(
                        asked,
                        parts,
                        follow_up,
                        linked,
                        elided,
                        months_before=months_before,
                        changed=changed,
                        joint=_joint(q, parts),
                    )
                )
            previous = (asked, q)
        return out

    @cached_property
    def _period_words(self) -> frozenset[str]:
        """Words that only place a question in time ("akhir", "awal", "year")."""
        return self.messages.period_words

    @cached_property
    def _timely(self) -> frozenset[str]:
        """The period words, months and a few English ones: not what "this" points back at."""
        return self._period_words | set(MONTH_WORDS) | {"week", "day", "time"}

    @cached_property
    def _period_terms(self) -> frozenset[str]:
        """The terms of the period words."""
        return frozenset(stem(w) for w in self._period_words)

    def _told(self, reading: Reading) -> Question | None:
        """What the sentence just before a message's first question told, when it names
        enough to be asked about (`Reading.lead`)."""
        if (
            not reading.lead
            or self._substance(self.reader.standard(reading.lead)) < FOLLOW_UP_TERMS
        ):
            return None
        return replace(self.reader.parse(reading.lead, context=reading.context), kind="umum")

    def retrieve(self, raw: str, k: int) -> list[Hit]:
        """The chunks retrieval finds for a message's first question (for the evaluation)."""
        text = clean_text(raw, keep_lines=True)
        if reject_reason(text, self.max_chars):
            return []
        asked = self.read(text)
        if not asked:
            return []
        return self.searcher.search_many([query_of(asked[0].sides[0])], k)[0]

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
        kind = asked[0].sides[0].kind
        if not any(q.terms for a in asked for q in a.sides):
            return self._abstain(raw, Reason.OFF_TOPIC, kind, t0, stages)
        flat = [q for a in asked for q in a.sides if self.finder.weights(q).idf]
        if not flat:
            return self._abstain(raw, Reason.NOT_IN_SOURCES, kind, t0, stages)
        queries = [query_of(q) for q in flat]
        t_emb = time.perf_counter()
        vectors = self.searcher.embed_many([query.text for query in queries])
        t_search = time.perf_counter()
        lexical = self.searcher.lexical
        hits = [
            around_best(
                self.index,
                lexical,
                query,
                within_dates(self.index, lexical, q, query, h),
                self.finder.articles_named(q),
            )
            for q, query, h in zip(
                flat, queries, self.searcher.search_many(queries, K_CHUNKS, vectors), strict=True
            )
        ]
        t_sel = time.perf_counter()
        stages.update(embed=(t_search - t_emb) * 1e3, search=(t_sel - t_search) * 1e3)
        found = dict(zip((id(q) for q in flat), hits, strict=True))
        chosen: list[Pick] = []
        unanswered = []
        answered_from: frozenset[str] = frozenset()
        picks: list[Pick] = []
        for i, a in enumerate(asked):
            qs = a.sides
            # A follow-up, or a question cut from the sentence of the one before ("...
            # 2046, dan berapa manfaat yang dibayarkan?"), is about what that one was about:
            # it is first answered where that one was, and also looked for where that one was
            # found. So is a later question of its own that no window answers surely ("Siapa
            # yang meninggal? Berapa santunan yang diterima ahli waris?").
            leans = a.follows or a.linked
            bound = a  # "..., dan sejak kapan dia menjabat?": of the person answered
            if i and leans:
                bound = self._of_person_answered(a, asked[i - 1], picks, found)
                qs = bound.sides
                self._with_hits_before(found, asked[i - 1], qs)
            ranked = self._ranked_sides(qs, found)
            if i and not leans and not self._sure(ranked):
                leans = True
                self._with_hits_before(found, asked[i - 1], qs)
                ranked = self._ranked_sides(qs, found)
            # a person's own articles, not the one the person was found in, answer of them
            lean = answered_from if i and leans and bound is a else frozenset()
            a = asked[i] = bound  # kept: `found` holds its sides by id
            ranked = [(q, self._with_leaned(q, found[id(q)], r, lean)) for q, r in ranked]
            if i and leans and a.elided:
                ranked = [(q, _not_told(q, r, picks)) for q, r in ranked]
            by_side = self._at_once(a, found, lean)
            by_side = by_side or [(q, self._select(q, found[id(q)], r, lean)) for q, r in ranked]
            if lean and a.months_before and not a.elided and not any(s for _, s in by_side):
                by_side = self._beyond_months(qs, found, lean)
            if len(by_side) > 1:
                windows = [r for _, r in ranked]
                by_side = self._like_for_like(self._now_after_then(by_side, windows), windows)
            picks = [p for _, side in by_side for p in side]
            if a.changed and i - 1 in unanswered:  # no figure before to compare with
                picks = []
            answered_from = frozenset(p.scored.article.id for p in picks)
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
            asked=tuple(a.text for a in asked) if len(asked) > 1 else (),
            unanswered=tuple(unanswered) if len(asked) > 1 else (),
        )

    def _of_person_answered(
        self, a: Asked, before: Asked, picks: list[Pick], found: dict[int, list[Hit]]
    ) -> Asked:
        """A follow-up pointing back at a person ("Siapa <kepala kanwil>, dan sejak kapan
        dia menjabat?") with the person the answer to the "siapa" question before names:
        answered only from articles naming that person (not where another head is told of).
        `a` as it is when the one before asks no "siapa", was not answered, or `a` names
        people of its own or points back at no one."""
        pointing = self.reader.lexicons.markers("person-before")
        who = before.sides[0]
        if len(before.sides) > 1 or who.kind != "siapa" or not picks:
            return a
        if not pointing.find(words(a.text.lower())) or any(q.people for q in a.sides):
            return a
        name = _person_answered(who, picks[0].scored.text, self._terms_of)
        if name is None:
            return a
        sides = tuple(replace(q, people=(name,)) for q in a.sides)
        joint = replace(a.joint, people=(name,)) if a.joint else None
        lexical = self.searcher.lexical
        terms = tuple(sorted(self._terms_of(name)))
        pool = {
            self.index.chunks[c].article_id
            for c in lexical.scores(Query(terms, (1.0,) * len(terms), name))
        }
        ids = {aid for aid in pool if person_met(name, self.index.articles[aid])}
        for old, new in zip(a.sides, sides, strict=True):
            if id(old) in found:  # and the best chunks of the articles naming the person
                found[id(new)] = within_articles(
                    self.index, lexical, query_of(new), found[id(old)], ids
                )
        return replace(a, sides=sides, joint=joint)

    def _ranked_sides(
        self, qs: tuple[Question, ...], found: dict[int, list[Hit]]
    ) -> list[tuple[Question, list[Scored]]]:
        """Each side that retrieval found hits for, with its candidate windows, best first."""
        return [(q, self._ranked(q, found[id(q)])) for q in qs if id(q) in found]

    def _at_once(
        self, a: Asked, found: dict[int, list[Hit]], lean: frozenset[str]
    ) -> list[tuple[Question, list[Pick]]]:
        """A question split by the places it names ("Berapa perusahaan di A, B dan C yang
        ...?") answered by a window meeting them all at once (one figure of the three), when
        one is sure enough; [] otherwise."""
        if a.joint is None or a.elided:
            return []
        best: dict[int, Hit] = {}  # each chunk once, at the best score a side found it with
        for h in (h for q in a.sides for h in found.get(id(q), [])):
            if h.chunk_id not in best or h.score > best[h.chunk_id].score:
                best[h.chunk_id] = h
        hits = sorted(best.values(), key=lambda h: -h.score)
        picks = self._select(a.joint, hits, self._ranked(a.joint, hits), lean)
        return [(a.joint, picks)] if picks else []

    def _beyond_months(
        self, qs: tuple[Question, ...], found: dict[int, list[Hit]], lean: frozenset[str]
    ) -> list[tuple[Question, list[Pick]]]:
        """A follow-up holding the months of the question before ("Coverage Oktober 2020
        berapa, dan gubernur optimis bisa naik sampai berapa?") that no window of those
        months answers: answered from the articles that answered the question before, whose
        months the follow-up only carries, by a window naming no month of its own nor
        following sentences that name another ("Sepanjang Februari ... Total ...")."""
        out = []
        for q in qs:
            if id(q) not in found:
                continue
            free = replace(q, months=())
            ranked = [
                c
                for c in self._ranked(free, found[id(q)])
                if c.article.id in lean
                and not names_month(c.text, MONTH_NAMES)
                and self._months_before(c) <= set(q.months)
            ]
            out.append((free, self._select(free, found[id(q)], ranked, lean)))
        return out

    def _months_before(self, window: Scored) -> set[int]:
        """The months the `NEARBY` sentences before a window name."""
        if window.title:
            return set()
        start = window.positions[0]
        before = self._sentences(window.article.id)[max(0, start - NEARBY) : start]
        return {m for s in before for m in months_named(s.text, MONTH_NAMES)}

    def _sure(self, ranked: list[tuple[Question, list[Scored]]]) -> bool:
        """Some side has a window sure enough to answer among its first `SURE_RANKS`."""
        needed = self.scorer.threshold
        return any(c.score >= needed for _, windows in ranked for c in windows[:SURE_RANKS])

    @staticmethod
    def _with_hits_before(
        found: dict[int, list[Hit]], before: Asked, qs: tuple[Question, ...]
    ) -> None:
        """The hits of `qs` with those of the question `before` that they lack."""
        hits = [h for q in before.sides for h in found.get(id(q), [])]
        found.update({id(q): with_hits(found[id(q)], hits) for q in qs if id(q) in found})

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

    def _now_after_then(
        self, by_side: list[tuple[Question, list[Pick]]], ranked: list[list[Scored]]
    ) -> list[tuple[Question, list[Pick]]]:
        """A comparison of a year with now ("2020 sm kini") with its side of now answered
        after that year: not from an article of that year or before, nor by a window naming
        only that year or earlier ones; else by the best-ranked window sure enough that is.
        `ranked`: each side's candidate windows, best first."""
        then = _year_against(by_side)
        if then is None:
            return by_side
        out = []
        for (q, side), windows in zip(by_side, ranked, strict=True):
            if _of_now(q):
                side = [p for p in side if tells_after(p.scored, then)]
                needed = self.scorer.threshold
                if not side:
                    best = next(
                        (w for w in windows if w.score >= needed and tells_after(w, then)), None
                    )
                    side = [Pick(self.with_continuation(best))] if best is not None else []
            out.append((q, side))
        return out

    def _like_for_like(
        self, by_side: list[tuple[Question, list[Pick]]], ranked: list[list[Scored]]
    ) -> list[tuple[Question, list[Pick]]]:
        """The sides of a comparison with the sides the threshold refused answered by their
        best-ranked window stating the same kind of figure (a percentage, a sum of money, a
        count of people) as the first side answered, when it is likely enough (`LEAN_SHARE`
        of the threshold): "coverage 2020 sm 2024" compares one figure, whatever words each
        year's article uses for it. A side of now is answered after the year it is set
        against (`_now_after_then`). `ranked`: each side's candidate windows, best first."""
        answered = next((side[0].scored.text for _, side in by_side if side), "")
        same = next((f for f in (has_percent, has_money, people_count) if f(answered)), None)
        if same is None:
            return by_side
        then = _year_against(by_side)
        needed = LEAN_SHARE * self.scorer.threshold
        out = []
        for (q, side), windows in zip(by_side, ranked, strict=True):
            after = then if _of_now(q) else None
            if not side:
                best = next(
                    (
                        w
                        for w in windows
                        if same(w.text)
                        and w.score >= needed
                        and (after is None or tells_after(w, after))
                    ),
                    None,
                )
                if best is not None:
                    side = [Pick(self.with_continuation(best))]
            out.append((q, side))
        return out

    def _with_leaned(
        self, q: Question, hits: list[Hit], ranked: list[Scored], lean: frozenset[str]
    ) -> list[Scored]:
        """`ranked` and after it, when none of them is of an article in `lean`, the windows
        of those articles among `hits` sure enough to answer on their own: the first look may
        pass them over for windows of other articles that say as much ("..., dan berapa
        pekerja yang meninggal dunia?" in a corpus telling of many deaths)."""
        if not hits or not lean or any(c.article.id in lean for c in ranked):
            return ranked
        own = [h for h in hits if self.index.chunks[h.chunk_id].article_id in lean]
        if not own:
            return ranked
        # retrieval on the scale of all the hits
        found = self.candidates(q, own, hits[0].score)
        return ranked + [c.scored for c in found if c.scored.score >= self.scorer.threshold]

    def _ranked(self, q: Question, hits: list[Hit]) -> list[Scored]:
        """The question's candidate windows, best first (none for "X singkatan dari apa?",
        which `_acronym` answers)."""
        if q.kind == "singkatan":
            return []
        return [c.scored for c in self.candidates(q, hits)]

    def _select(
        self,
        q: Question,
        hits: list[Hit],
        ranked: list[Scored],
        lean: frozenset[str] = frozenset(),
    ) -> list[Pick]:
        """The windows that answer the question, each with an optional label; [] to refuse.
        `ranked` is `_ranked(q, hits)`. A leaning question is answered first from `lean`, the
        articles that answered the question before it, when their best window is likely
        enough (`LEAN_SHARE` of the threshold)."""
        if q.kind == "singkatan":
            return self._acronym(q, hits)
        ranked, needed, surety = self._ordered(q, ranked, lean)
        items = self._items_named(q, ranked, needed)
        if items and max(surety, *(i.score for i in items)) >= needed:
            return [Pick(item) for item in items]  # "... kategori perusahaan skala besar?"
        if surety < needed:
            return []
        best = ranked[0]
        if q.kind == "apa_saja" and not best.title:
            sents = self._sentences(best.article.id)
            weights = self.finder.weights(q)
            windows = list_windows(
                q, weights, best.positions, sents, best.article.body, self._terms_of
            )
            # the best window lists nothing (not: it is the one item asked for)
            if windows == [list(best.positions)] and not asked_ordinal(q.words):
                # "... terdiri atas:" in its article, itself sure enough, announces the list
                announcer = next(
                    (
                        c
                        for c in ranked
                        if c.article is best.article
                        and not c.title
                        and c.score >= needed
                        and c.text.rstrip().endswith(":")
                    ),
                    None,
                )
                if announcer is not None:
                    best, windows = announcer, [list(announcer.positions)]
            picks = [with_items(window_at(best, sents, w), sents) for w in windows]
            if {"siapa", "who"} & set(q.words):  # "siapa saja korbannya": "Ketiga korban adalah"
                picks = _without_repeats([self.with_continuation(p) for p in picks])
                host = _host(q, picks[0], sents)
                picks = [host, *picks] if host is not None else picks
            return [Pick(p) for p in picks]
        if q.kind == "berapa":
            return [replace(p, scored=self.with_continuation(p.scored)) for p in spread(q, ranked)]
        sents = self._sentences(best.article.id)
        item = None if best.title else numbered_item(q, best.positions, sents, self._terms_of)
        if item is not None:  # "fokus 4 hal, yang ke-3 apa?": that item, not what announces it
            best = _item_window(best, ranked, sents, item)
        window = with_point_told(self.with_continuation(best), sents)
        window = with_points_listed(window, sents)
        if q.kind == "siapa":
            window = with_speaker(window, sents, q.not_names)
            if asks_speaker(q):
                window = with_teller(window, sents, q.not_names)
            named = full_name_before(window, sents, q.not_names)
            if named is not None:  # "<Given> resmi menjabat ...": who <Given> is, first
                return [Pick(named), Pick(window)]
            host = _host(q, window, sents)
            if host is not None:  # "... juga dihadiri oleh <Nama>": who held it, first
                return [Pick(host), Pick(window)]
        if q.kind in EXPLAINED:
            window = with_paragraph_next(window, sents)
        return [Pick(window)]

    def _items_named(self, q: Question, ranked: list[Scored], needed: float) -> list[Scored]:
        """The items of a list in the first window's article whose whole label the question
        names, in the article's order ("... kategori perusahaan skala besar?": "Perusahaan
        Skala Besar: PT <Nama> (...)"; "... skala menengah samo skala kecil?" names two): each
        answers when likely enough (`LEAN_SHARE` of the threshold) and holds what the kind
        asks for (a figure, a date, a name). Not a label naming only a place (a district's
        line of a table of districts), nor for a superlative (which one of the items:
        "kantor cabang mana yang tertinggi?")."""
        if not ranked or asks_superlative(q):
            return []
        first, asked = ranked[0], set(q.terms)
        named = []
        for c in ranked:
            if c.article is not first.article or c.score < LEAN_SHARE * needed:
                continue
            written = item_label(c)
            label = self._sequence_of(written)
            if (
                len(label) >= LABEL_TERMS
                and set(label) <= asked
                and has_phrase(q.terms, " ".join(label[-LABEL_TERMS:]))
                and not self._only_places(written)
                and (q.kind not in _TARGETED or target_spans(q, c.text))
            ):
                named.append(c)
        return sorted(named, key=lambda c: c.positions)

    def _dated_where_told(self, q: Question, ranked: list[Scored]) -> list[Scored]:
        """For "kapan <event>?": when no date of the first window stands in a sentence naming
        anything the question names but names ("Penyerahan berlangsung di Kantor Bupati
        <Kabupaten>, Rabu (13/4/2067)" after a sentence naming the explosion asked about), a
        window of its article ranked just below whose date stands with the event's words
        ("Ledakan terjadi pada Kamis (31/3/2067) ...") answers."""
        first = ranked[0]
        capitalized = " ".join(w for w in words_cased(q.text) if w[:1].isupper())
        named = [capitalized, *(p.name for p in q.places), *q.people, *q.local_names]
        event = set(q.terms) - self._terms_of(" ".join(named))
        if first.title or self._event_dated(q, first, event):
            return ranked
        below = [c for c in ranked[1:OWN_RANKS] if c.article is first.article and not c.title]
        # where the event is told in the date's sentence; else where it is told beside it
        picked = next((c for c in below if self._event_dated(q, c, event)), None) or next(
            (c for c in below if self._event_dated(q, c, event, told_beside=True)), None
        )
        return ranked if picked is None else promoted(ranked, picked)

    def _event_dated(
        self, q: Question, window: Scored, event: set[str], told_beside: bool = False
    ) -> bool:
        """A sentence of the window holding a date the question may ask for names one of the
        `event` terms (the question's terms other than names: places, people, companies); with
        `told_beside`, the other sentence of the window may name it ("Kecelakaan terjadi pada
        Sabtu (7/4/2068) .... Bus yang membawa 34 karyawan ... terguling ...")."""
        dated = [s for s in window.sentences if target_spans(q, s.text)]
        telling = window.sentences if told_beside else dated
        return bool(dated) and any(event & self._terms_of(s.text) for s in telling)

    def _only_places(self, text: str) -> bool:
        """Every word of `text` but its function words is part of a place's name or a word
        of its kind ("Kota <Nama>": chat.txt's [place-before])."""
        found = self._places_in(text)
        tokens = words(text.lower())
        kinds = self.reader.lexicons.markers("place-before").find(tokens)
        told = {i for start, end in kinds for i in range(start, end)}
        named = {w for p in found for w in words(p.name.lower())}
        return bool(found) and all(
            i in told or w in named or w in STOPWORDS for i, w in enumerate(tokens)
        )

    def _asks_part_of_year(self, q: Question) -> bool:
        """The question names months, a half or a quarter, or a word placing it within its
        year ("hingga pertengahan 2065", "per semester I")."""
        within = self._period_words - _WHOLE_YEAR_WORDS
        return bool(q.months or year_parts(" ".join(q.words)) or within & set(q.words))

    def _ordered(
        self, q: Question, ranked: list[Scored], lean: frozenset[str]
    ) -> tuple[list[Scored], float, float]:
        """`ranked` with the window that answers first, the score needed to answer (lowered
        to a leaning question's own window from `lean`), and how sure the answer is."""
        needed = self.scorer.threshold
        own = next((c for c in ranked if c.article.id in lean), None)
        if own is not None and names_now(q.words) and _newer(ranked[0], own):
            own = None  # "..., terus yg terbaru siapa?": the newest source, not the one before's
        if own is not None and own.score >= LEAN_SHARE * needed:
            ranked = promoted(ranked, own)
            needed = min(needed, own.score)
        if not ranked:
            return ranked, needed, 0.0
        if ranked[0].score < needed and not q.wants_latest:
            # the ranker's first is unsure, a window it ranks just below is sure: that one
            sure = next((c for c in ranked[1:SURE_RANKS] if c.score >= needed), None)
            if sure is not None:
                ranked = promoted(ranked, sure)
        # a time fixes which it was (not the latest of an office or event), as does the person
        # a follow-up points back at ("..., dan sejak kapan dia menjabat?")
        pinned = q.years or q.months or _bound(q)
        if not (pinned or q.wants_latest or lean) and q.kind in _OF_THE_LATEST:
            ranked = _newest_as_sure(ranked, needed)
        if q.kind == "berapa" and q.years and not self._asks_part_of_year(q):
            finder = self.finder
            ranked = _of_the_whole_year(ranked, needed, finder.part_of_year, finder.of_whole_year)
        if q.kind == "siapa":
            ranked = _who(q, ranked, needed)
        surety = ranked[0].score  # as sure as the first, whichever window of its article answers
        if q.kind == "kapan" and not (lean or asks_deadline(q)):
            ranked = self._dated_where_told(q, ranked)
        first = ranked[0]
        if asks_superlative(q) and not states_superlative(first.text):
            # "kabupaten mana yang menyumbang peserta terbanyak?": a window of the first's
            # article ranked just below it and stating a superlative answers, as sure as it
            picked = next(
                (
                    c
                    for c in ranked[1:SURE_RANKS]
                    if c.article is first.article
                    and states_superlative(c.text)
                    and c.score >= LEAN_SHARE * needed
                ),
                None,
            )
            if picked is not None:
                ranked = promoted(ranked, picked)
                surety = max(surety, picked.score)
        if q.wants_latest:  # the newest source answers what the best one shows
            surety = max(c.score for c in ranked)
        if ranked[0].title:
            # A headline answers only what its article's sentences do not say themselves; the
            # sentence that does must state the headline's figure, if it has one.
            head = ranked[0]
            body = next(
                (
                    c
                    for c in ranked
                    if c.article is head.article and not c.title and restates(q, head.text, c.text)
                ),
                None,
            )
            if body is not None and body.score >= TITLE_RATIO * head.score:
                ranked = promoted(ranked, body)
                surety = max(head.score, body.score)  # either one saying it is enough
        return ranked, needed, surety

    # -- candidates ----------------------------------------------------------------------

    @property
    def scorer(self) -> LinearScorer:
        """The fitted scorer: the candidates are ranked and the best one thresholded by it."""
        return self.finder.scorer

    def use_scorer(self, scorer: LinearScorer) -> None:
        """Rank and threshold with `scorer` from now on (validating a refitted scorer)."""
        self.finder.scorer = scorer

    def candidates(self, q: Question, hits: list[Hit], top: float = 0.0) -> list[Candidate]:
        """The question's candidate windows, scored, best first (retrieval scored against
        `top`, by default the first hit's score)."""
        return self.finder.find(q, hits, top)

    def with_continuation(self, window: Scored) -> Scored:
        """The window with the sentences it leans on (see `windows.with_continuation`)."""
        return with_continuation(window, self._sentences(window.article.id))

    def _acronym(self, q: Question, hits: list[Hit]) -> list[Pick]:
        """For "X singkatan dari apa?": the sentence that spells out "Long Form (X)"."""
        seen: list[str] = []
        for hit in hits:
            aid = self.index.chunks[hit.chunk_id].article_id
            if aid not in seen:
                seen.append(aid)
        acronym = q.acronym
        if not acronym:
            return []
        order = seen + sorted(set(self.index.articles) - set(seen))
        # The long form the glossary gives, when its initials spell the acronym ("jaminan
        # kehilangan pekerjaan" for JKP; not "bpjs ketenagakerjaan" for Jamsostek).
        long_form = self.index.glossary.expand([acronym])
        initials = "".join(w[0] for w in long_form)
        spelt = f" {' '.join(long_form)} " if initials == acronym.lower() else ""
        tests = [lambda text: bool(evidence.acronym_expansion(text, acronym))]  # "Long Form (X)"
        if spelt:  # else a sentence writing the long form out
            tests.append(lambda text: spelt in f" {' '.join(words(text))} ")
        for spells in tests:
            for aid in order:
                for pos, s in enumerate(self._sentences(aid)):
                    if spells(s.text):
                        article = self.index.articles[aid]
                        return [Pick(Scored(article, (s,), (pos,), 1.0, 1.0, 1.0))]
        return []


def _not_told(q: Question, ranked: list[Scored], before: list[Pick]) -> list[Scored]:
    """For "..., dan berapa yang iurannya ditanggung APBD?" (a part of what the question
    before counted), the candidates without the windows that start where the answers to
    that question start: they tell the whole, not the part (a sentence the answer went on
    with, "Dari jumlah itu, ...", still may)."""
    if q.kind != "berapa":
        return ranked
    told = {(p.scored.article.id, p.scored.positions[0]) for p in before}
    return [c for c in ranked if (c.article.id, c.positions[0]) not in told]


def promoted(ranked: list[Scored], pick: Scored) -> list[Scored]:
    """`ranked` with `pick` moved first."""
    return [pick] + [c for c in ranked if c is not pick]


def with_hits(own: list[Hit], before: list[Hit]) -> list[Hit]:
    """A leaning question's hits and, after them, the question before's that it lacks, their
    scores weighted as context (`CONTEXT_WEIGHT`)."""
    seen = {h.chunk_id for h in own}
    more = []
    for h in before:
        if h.chunk_id not in seen:
            seen.add(h.chunk_id)
            more.append(replace(h, score=h.score * CONTEXT_WEIGHT))
    return own + more


def restates(q: Question, headline: str, sentence: str) -> bool:
    """The sentence states one of the numbers of what the question asks that the headline
    states, or the exact count the headline rounds (any sentence restates a headline
    without such numbers)."""

    def numbers(text: str) -> set[str]:
        return {n for s, e in target_spans(q, text) for n in NUMBER_RE.findall(text[s:e])}

    def values(text: str) -> list[float]:
        return [v for s, e in target_spans(q, text) for v in count_values(text[s:e])]

    wanted = numbers(headline)
    if not wanted or wanted & numbers(sentence):
        return True
    # "Tembus <N,NN> Juta Orang" is restated by the exact count it rounds with a scale word
    scaled = bool(MAGNITUDES & set(words(headline.lower())))
    return scaled and any(_rounds(h, v) for h in values(headline) for v in values(sentence))


def _rounds(rounded: float, exact: float) -> bool:
    """`rounded` is `exact` rounded to its own last significant digit ("1,96 juta" of
    1.962.418: to ten thousands), or cut there when it has two digits or more ("tembus 3,12
    juta" of 3.128.406), and rounding was needed."""
    digits = f"{rounded:.0f}".rstrip("0")
    unit = 10 ** (len(f"{rounded:.0f}") - len(digits)) if digits else 1
    cut = len(digits) > 1 and exact // unit * unit == rounded  # not "3 juta" of 3,9 juta
    return unit > 1 and (round(exact / unit) * unit == rounded or cut)


# A share of workers protected ("baru 34 persen terlindungi") is a coverage share in other
# words: the text names the term "coverage" ("cakupan") too (not "program perlindungan ...
# 0,24 persen", a rate).
_COVERAGE_SAID_RE = re.compile(r"(?i)\bpersen\b(?:\s+\S+){0,2}?\s+terlindungi\b")
_COVERAGE_TERM = "coverage"


def _text_terms(sequence_of: Callable[[str], tuple[str, ...]], text: str) -> frozenset[str]:
    terms = frozenset(sequence_of(text))
    return terms | {_COVERAGE_TERM} if _COVERAGE_SAID_RE.search(text) else terms


def _text_sequence(glossary: Glossary, stems: Mapping[str, str], text: str) -> tuple[str, ...]:
    return tuple(lexical_terms(text, glossary, stems))


def _places(lexicons: Lexicons, text: str) -> frozenset[Place]:
    return frozenset(lexicons.gazetteer.find(words(text)))


def _is_known(lexical: LexicalIndex, meta: frozenset[str], term: str) -> bool:
    """The articles use the term, in their text or their metadata (outlet, date)."""
    return lexical.known(term) or term in meta


def _who(q: Question, ranked: list[Scored], needed: float) -> list[Scored]:
    """`ranked` for a "siapa" question, with first the window of the first's article that
    answers who: for "siapa yang memaparkan data ...?", a window naming no one but the people
    the question names gives way to a sure one naming someone, however far down (sure and
    of the same article: the ranking already weighed it); for "<Nama> itu siapa?", a window
    naming them without their office gives way to a sure one naming it."""
    first = ranked[0]
    wanted = office_of_asked if asks_who_is(q, first.text) else names_someone_new
    if wanted(q, first.text):
        return ranked
    better = next(
        (
            c
            for c in ranked[1:]
            if c.article is first.article and c.score >= needed and wanted(q, c.text)
        ),
        None,
    )
    return ranked if better is None else promoted(ranked, better)


def _year_against(by_side: list[tuple[Question, list[Pick]]]) -> int | None:
    """The (latest) year a comparison's sides name, None when they name none."""
    return max((y for q, _ in by_side for y in q.years), default=None)


def _of_now(q: Question) -> bool:
    """The side of now of a comparison with a year ("2020 sm kini")."""
    return q.wants_latest and not q.years


def _of_the_whole_year(
    ranked: list[Scored],
    needed: float,
    part_of_year: Callable[[Scored], bool],
    of_whole_year: Callable[[Scored], bool],
) -> list[Scored]:
    """`ranked` with a sure window ranked just below the first when the first's figure is of
    a part of the year and that one's of the whole year: "klaim JHT 2065" asks the year's,
    not the first half's."""
    if not part_of_year(ranked[0]):
        return ranked
    whole = next((c for c in ranked[1:SURE_RANKS] if c.score >= needed and of_whole_year(c)), None)
    return promoted(ranked, whole) if whole is not None else ranked


def _newest_as_sure(ranked: list[Scored], needed: float) -> list[Scored]:
    """`ranked` with the newest of the windows ranked just below the first (`NEWER_RANKS`)
    that are sure on their own and name as much of the question, when one is of a newer
    article: a question naming no time asks of the latest (an office that changed hands, an
    event held again)."""
    first = ranked[0]
    newer = [
        c
        for c in ranked[1:NEWER_RANKS]
        if _newer(c, first) and c.score >= needed and c.coverage >= first.coverage
    ]
    return promoted(ranked, min(newer, key=newest_first)) if newer else ranked


def _newer(window: Scored, than: Scored) -> bool:
    """`window`'s article is dated after `than`'s."""
    return (window.article.dated or date.min) > (than.article.dated or date.min)


def _bound(q: Question) -> bool:
    """The question is of a person it does not name itself: the one the answer before named
    (`_of_person_answered`)."""
    return any(not _written_in(name, q.text) for name in q.people)


def _written_in(name: str, text: str) -> bool:
    """A word of the name is a word of `text`."""
    return bool(set(words(name.lower())) & set(words(text.lower())))


def _person_answered(
    q: Question, text: str, terms_of: Callable[[str], frozenset[str]]
) -> str | None:
    """The person a "siapa" question's answering window names for it: of the names in
    `text` the question does not name itself ("siapa yang mendampingi <Nama>?"), the one
    with the most of the question's terms (the office asked) in the `NAME_REACH` characters
    before it ("Kepala Kantor Wilayah ... <Nama> bersama Bupati <Nama>"); None when no name
    has any (a speaker quoted)."""
    asked = set(q.terms)
    best: tuple[int, str] | None = None
    for s, e in evidence.person_spans(text, q.not_names):
        name = text[s:e]
        near = len(terms_of(text[max(0, s - NAME_REACH) : s]) & asked)
        own = any(_written_in(person, name) for person in q.people)
        if near and not own and (best is None or near > best[0]):
            best = (near, name)
    return best[1] if best else None


NAME_REACH = 80  # characters before a name where the office it holds is written


def _host(q: Question, window: Scored, sents: list[Sentence]) -> Scored | None:
    """For a question of who was there ("siapa aja yg hadir di audiensi ...", "who attended
    ..."), the sentence naming who held the event that `window` says others also attended
    (`host_before`); None for other questions."""
    if not any(stem(w) == "hadir" for w in q.words):
        return None
    return host_before(window, sents, q.words, q.not_names)


def _without_repeats(windows: list[Scored]) -> list[Scored]:
    """The windows less those whose sentences the ones before them all quote already (a
    window grown by its continuation may reach the next one's)."""
    kept: list[Scored] = []
    for w in windows:
        if not set(w.positions) <= {p for k in kept for p in k.positions}:
            kept.append(w)
    return kept
