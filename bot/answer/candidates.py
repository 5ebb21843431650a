"""Candidates: every window of the retrieved chunks that meets the question's constraints
and can answer its kind, with its features, scored by the fitted scorer, best first."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from bot.answer import evidence
from bot.answer.constraints import (
    LOCALE_REACH,
    PERIOD_REACH,
    SAME_PERIOD_RE,
    constrained,
    meets,
    partial_year,
    person_met,
    whole_year,
)
from bot.answer.features import (
    LinearScorer,
    Window,
    only_given_figures,
    unit_match,
    window_features,
)
from bot.answer.lexicons import Place
from bot.answer.multisource import LATEST_COVERAGE, newest_first, prefer_latest
from bot.answer.question import (
    Question,
    asked_time_unit,
    asked_venue,
    asks_address,
    asks_whole_year,
    has_phrase,
    names_venue,
)
from bot.answer.scoring import (
    Scored,
    Weights,
    asked_place_kinds,
    asks_name,
    asks_office_holder,
    asks_outcome,
    asks_speaker,
    offers_name,
    office_named,
    states_address,
)
from bot.answer.vocabulary import COMMON_ZIPF, zipf_id
from bot.answer.windows import (
    antecedent,
    list_lead,
    quote_closed,
    rescored,
    told_after,
    window_lead,
    windows_of,
)
from index.gazetteer import Phrases, titled_places
from index.lexical import terms_of_words
from index.records import Hit, Sentence
from index.store import StoredIndex
from index.text import MONTH_NAMES, stem, words, words_cased

# A latency budget (16 since the twenty-sixth round, 30 before: as accurate on the dev-side
# sets, a third less selecting at p95).
MAX_SCORED = 16  # candidate windows fully scored, the best by a cheap first look
MAX_LOOKED = 3 * MAX_SCORED  # windows checked against the constraints to find them
TIMED_LOOK = 2  # ... times as many for a question naming a year or a month
# A window writing a year asked is looked at before those matching up to this much better
# (of a share of the question's weight) without it: "... naik dibanding 2054 yang hanya 7.450
# pekerja" for "berapa ... pada 2054?" in an article of 2055 about the same thing.
YEAR_LOOK = 0.5
# ... and by this part of the share of the question its article holds (`find`): a window of
# the article about what is asked before one of another article that shares its words
ARTICLE_LOOK = 0.3
# A statement to check naming this many known things of its own ("masih <nama depan>
# <nama belakang> gak?") is not answered by a window naming none of them.
CHECKED_TERMS = 2


MIN_OUTLET = 4  # letters of an outlet's name a question can name it by
SOURCE_REACH = 2  # words before an outlet's name where a word of publishing makes it a source
_DOMAIN_RE = re.compile(r"^www\.|\.(?:co\.id|com|co|id|net|org|or\.id|go\.id)$")


def outlet_core(outlet: str) -> str:
    """An outlet's name without its domain ending, in lowercase letters and digits only:
    "Radioxyzfm.com" -> "radioxyzfm", "Tabloid XYZ" -> "tabloidxyz"."""
    return re.sub(r"[^0-9a-z]", "", _DOMAIN_RE.sub("", outlet.strip().lower()))


def _written_as_name(text: str, spelled: tuple[str, ...]) -> bool:
    """The words `spelled` name an outlet as `text` writes them: not a common word (an
    outlet called "Kabar" is not named by "kabar terbaru"), or written as a name, capitalised
    or with its domain ("Kabar.com")."""
    if zipf_id("".join(spelled)) < COMMON_ZIPF:
        return True
    cased = [w for w in words_cased(text) if w.lower() in spelled]
    return any(w[:1].isupper() for w in cased) or _with_domain(text, spelled)


def _with_domain(text: str, spelled: tuple[str, ...]) -> bool:
    """`text` writes the outlet `spelled` names with a domain ending ("Kabar.com")."""
    return (
        re.search(rf"\b{re.escape(spelled[-1])}\.(?:com|co|id|net|org)\b", text, re.I) is not None
    )


@dataclass
class Candidate:
    """A scored candidate window and its features (kept for fitting the scorer)."""

    scored: Scored
    features: dict[str, float] = field(default_factory=dict)
    rank: float = 0.0  # the ranking score (`scored.score` is the probability it is right)


MONEY_WORD = "uang"  # in a question asking an amount, what its figure is written in


# Units of time asked ("<unit> berapa") that answers mostly do not write: a date is more often
# "(10/9)" or "10 September" than "tanggal 10 September"; a month or a year is written with its
# unit as often as not ("hingga bulan Oktober <tahun>"), which then helps find it.
_UNWRITTEN_UNITS = frozenset({"tanggal"})


@dataclass
class CandidateFinder:
    """Finds and scores the candidate windows of a question's retrieved chunks. The callables
    are the answerer's memoized views of the index (sentences, terms and places of a text)."""

    index: StoredIndex
    scorer: LinearScorer
    known: Callable[[str], bool]
    sentences: Callable[[str], list[Sentence]]
    terms_of: Callable[[str], frozenset[str]]
    sequence_of: Callable[[str], tuple[str, ...]]
    places_in: Callable[[str], frozenset[Place]]
    source_words: Phrases = field(default_factory=Phrases)  # chat.txt [source]

    def weights(self, q: Question) -> Weights:
        """IDF weights of the question's terms that the corpus knows."""
        idf = {t: self.index.lexical.idf(t) for t in dict.fromkeys(q.terms) if self.known(t)}
        for counter, counted in q.counters:  # "berapa orang pekerja": no more than "pekerja"
            if counted in idf:
                _at_most(idf, counter, [idf[counted]])
            else:  # "yg udh terlindungi brp org?", "brp org kira2": no more than the lightest
                _at_most_others(idf, counter)
        if q.unit == "uang":  # "how much pension money": an amount asked, of what it names
            _at_most_others(idf, MONEY_WORD)
        unit = asked_time_unit(q.words) if q.kind == "kapan" else None
        if unit in _UNWRITTEN_UNITS:  # "tanggal berapa": a date asked, mostly written "(10/9)"
            _at_most_others(idf, stem(unit))
        return Weights(idf)

    def find(self, q: Question, hits: list[Hit], top: float = 0.0) -> list[Candidate]:
        """Every window of one or two consecutive sentences (same paragraph) that starts in a
        retrieved chunk, plus the retrieved articles' titles, that meets the question's
        constraints and can answer its kind; scored, best first. Retrieval is scored against
        `top`, by default the first hit's score."""
        top = top or (hits[0].score if hits and hits[0].score > 0 else 1.0)
        windows: dict[tuple[str, int, int], tuple[Scored, float]] = {}
        for hit in hits:
            for scored in self._windows_of(hit):
                key = (scored.article.id, scored.positions[0], len(scored.positions))
                retrieval = hit.score / top
                if key not in windows or windows[key][1] < retrieval:
                    windows[key] = (scored, retrieval)
        outlets = {sr[0].article.outlet for sr in windows.values()}
        named = {a: spelled for a in outlets if (spelled := self._named(q, a))}
        if named:  # "di berita <outlet> soal ...": from that outlet's articles, without its words
            windows = {k: sr for k, sr in windows.items() if sr[0].article.outlet in named}
            # the best match of the outlet asked is as good as it gets there
            best = max((r for _, r in windows.values()), default=1.0) or 1.0
            windows = {k: (scored, r / best) for k, (scored, r) in windows.items()}
            outlet_terms = set(terms_of_words([w for spelled in named.values() for w in spelled]))
            q = replace(q, terms=tuple(t for t in q.terms if t not in outlet_terms))
        weights = self.weights(q)
        if not weights.idf:
            return []
        in_article: dict[str, frozenset[str]] = {}  # windows share articles

        def article_terms(article_id: str) -> frozenset[str]:
            if article_id not in in_article:
                in_article[article_id] = self.index.terms_in_article(article_id, weights.idf)
            return in_article[article_id]

        def look_share(scored: Scored) -> float:
            """The question's share a window holds, and a part of what its article holds (a
            window of the article about what is asked before one of another that happens to
            share its words)."""
            own = weights.share(self._union_terms(scored))
            return own + ARTICLE_LOOK * weights.share(article_terms(scored.article.id))

        looked = looking_order(list(windows.values()), look_share, q.years)
        first_look, seen = self._admitted(q, looked)
        if q.wants_latest:  # "sekarang": then each article's best among the rest, before seconds
            best = max((weights.share(self._union_terms(sr[0])) for sr in looked), default=0.0)
            figure = q.kind == "berapa"

            def close(scored: Scored) -> bool:
                """Of a figure, the newest articles' first: many older ones may state it."""
                share = weights.share(self._union_terms(scored))
                return figure and share >= LATEST_COVERAGE * best

            first_look += self._admitted(q, _each_article_first(looked[seen:], close))[0]
        # a statement to check, not a thing asked after a scene ("pas <acara> itu, ...")
        checks = q.kind in ("ya_tidak", "umum") and not q.setting
        out = []
        for scored, retrieval in first_look:
            article = scored.article
            lead = window_lead(scored)
            pair = len(scored.positions) > 1
            acronyms = self.spelled(scored)
            window = Window(scored.text, article, retrieval, pair, scored.title, lead, acronyms)
            art_terms = article_terms(article.id)
            x = window_features(q, window, weights, art_terms, self.terms_of, self.sequence_of)
            if not x["coverage"] and checks and len(weights.idf) >= CHECKED_TERMS:
                continue  # "masih <nama> gak?": a window naming none of it does not say
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

    @cached_property
    def _outlets(self) -> tuple[dict[str, dict[str, set[str]]], frozenset[str]]:
        """Each outlet's articles by the core of the outlet's name, and every beginning of a
        core (where spelling a name from a question's words may go on)."""
        by_core: dict[str, dict[str, set[str]]] = {}
        for a in self.index.articles.values():
            core = outlet_core(a.outlet)
            if len(core) >= MIN_OUTLET:
                by_core.setdefault(core, {}).setdefault(a.outlet, set()).add(a.id)
        return by_core, frozenset(c[:n] for c in by_core for n in range(1, len(c) + 1))

    def articles_named(self, q: Question) -> set[str]:
        """The ids of the articles of the outlets the question names ("di berita <outlet>
        ...", see `_named`)."""
        by_core, beginnings = self._outlets
        words = [w.lower() for w in words_cased(q.text) if w.isalnum()]
        ids: set[str] = set()
        for i in range(len(words)):
            joined = ""
            for w in words[i:]:
                joined += w
                if joined not in beginnings:
                    break
                for outlet, articles in by_core.get(joined, {}).items():
                    spelled = self._named(q, outlet)
                    if spelled and _written_as_name(q.text, spelled):
                        ids |= articles
        return ids

    def _named(self, q: Question, outlet: str) -> tuple[str, ...]:
        """The question names the outlet ("di tulisan XYZ", "berita Radio Xyz FM" for
        "Radioxyzfm.com"): its words run together spell the outlet's name without its
        domain ending; not a place's name (an outlet called as a province is not named by
        the province). The words
        that name it; () when none do."""
        core = outlet_core(outlet)
        if len(core) < MIN_OUTLET or any(
            outlet_core(p.name) == core for p in self.places_in(outlet)
        ):
            return ()
        cased = [w for w in words_cased(q.text) if w.isalnum()]  # as written ("news", "fm")
        words = [w.lower() for w in cased]
        for i in range(len(words)):
            spelled = ""
            for j, w in enumerate(words[i:], i + 1):
                spelled += w
                if spelled == core and not self._longer_name(q.text, cased[j - 1 : j + 1]):
                    named = tuple(words[i:j])
                    # "<Lembaga> <Kabupaten> membayarkan ...": the organisation, not its site
                    if core not in self._organisations or self._as_source(q.text, words, i, named):
                        return named
                    break
                if not core.startswith(spelled):
                    break
        return ()

    @cached_property
    def _organisations(self) -> frozenset[str]:
        """The cores of the outlets whose name another outlet's article writes as a word of
        its own: organisations that run a site (a zakat agency, a ministry), not only
        newsrooms."""
        cores = {outlet_core(a.outlet) for a in self.index.articles.values()}
        cores = {c for c in cores if len(c) >= MIN_OUTLET}
        found: set[str] = set()
        for a in self.index.articles.values():
            # a core is one word: a name of several words never stands whole in a body
            own = outlet_core(a.outlet)
            found |= {w for w in set(words(a.body)) if w in cores and w != own}
        return frozenset(found)

    def _as_source(self, text: str, words: list[str], at: int, named: tuple[str, ...]) -> bool:
        """A word of publishing stands right before `words[at]` ("situs <X>", "berita di
        <X>"), or the text writes the outlet's domain ("<x>.go.id")."""
        before = words[max(0, at - SOURCE_REACH) : at]
        for i in range(len(before)):
            end = i + self.source_words.match_at(before, i)
            if end > i and (end == len(before) or before[end:] in (["di"], ["dari"])):
                return True
        return _with_domain(text, named)

    def _longer_name(self, text: str, pair: list[str]) -> bool:
        """The word after an outlet's name goes on with a name of something else (an
        organisation "Xyz Perempuan <Kota>" beside a site "Xyz.net"): capitalised, not in
        capitals, right after it (no comma between), and not a place's name ("<Koran>
        <Provinsi> <Kota>" still names the newspaper)."""
        if len(pair) < 2:
            return False
        last, word = pair
        return (
            word[:1].isupper()
            and not word.isupper()
            and not self.places_in(word)
            and re.search(rf"{re.escape(last)}\s+{re.escape(word)}", text) is not None
        )

    def _admitted(
        self, q: Question, looked: list[tuple[Scored, float]]
    ) -> tuple[list[tuple[Scored, float]], int]:
        """The first `MAX_SCORED` windows of `looked` that are admissible (checking no more
        than `MAX_LOOKED`, `TIMED_LOOK` times as many for a question naming a year, a month
        or a person, those past `MAX_LOOKED` only among the windows that may be of the year
        or the person asked),
        and how far down `looked` the look went: a question whose place or year most windows
        miss is answered from the best of those that meet it, however many windows of other
        years match its words better."""
        admitted: list[tuple[Scored, float]] = []
        checked = seen = 0
        # A time or a person asked rules out the windows of other times or articles, however
        # well they match: look further for those of the time asked ("akhir 2049" in an
        # article of January 2050), or of articles naming the person
        limit = MAX_LOOKED * TIMED_LOOK if q.years or q.months or q.people else MAX_LOOKED
        for sr in looked:
            if len(admitted) == MAX_SCORED or checked == limit:
                break
            seen += 1
            if checked >= MAX_LOOKED and not _may_be_of(q, sr[0]):
                continue  # looking further: only at windows that may be of the time or person
            checked += 1
            if self._admissible(q, sr[0]):
                admitted.append(sr)
        return admitted, seen

    def _said_by(self, q: Question, scored: Scored) -> bool:
        """For "yg bilang ... siapa" (`asks_speaker`): the window quotes someone the sentence
        closing its quotation names ("“Sektor formal ... tinggal dikit lagi. ... 174 ribu,” ujar
        <Nama>."), or the sentence after it says who told it ("Kondisi ... ini disampaikan
        <Nama>"); the answer shows the quotation to its end (`with_continuation`) or that
        sentence (`with_teller`)."""
        if scored.title or not asks_speaker(q):
            return False
        sents = self.sentences(scored.article.id)
        last = scored.positions[-1]
        # "..., Dari ... baru 1,3 juta ... . Kondisi ini disampaikan <Nama>": told after it
        closing = quote_closed(scored.article.body, sents, last) or told_after(sents, last)
        return bool(closing) and self.scorer.fits(q, sents[closing[-1]].text)

    def _names_office(self, q: Question, scored: Scored) -> bool:
        """The window names the office a "siapa <kepala ...>" question asks about, itself or
        as the office its article introduced a person it quotes with ("siapa kepala kanwil
        yang bilang ...?": "..., kata <Nama>" after "<Kepala Kanwil ...> <Nama> ..."), or
        by an acronym its article spells out ("Ketua <ACR>")."""
        terms = self.terms_of(scored.text)
        for name in self.spelled(scored).values():
            terms |= self.terms_of(name)
        if office_named(q, terms, scored.text):
            return True
        offices = evidence.speaker_offices(scored.text, scored.article.body)
        return any(office_named(q, self.terms_of(o), o) for o in offices)

    def _union_terms(self, scored: Scored) -> frozenset[str]:
        """A window's terms as the union of its sentences' (each sentence's terms are
        computed once however many windows hold it): for the first look only."""
        texts = [s.text for s in scored.sentences]
        lead = window_lead(scored)
        if lead:  # an item of a list: with the paragraph announcing it
            texts.append(lead)
        # an acronym its article spells out names what it stands for ("Ketua <ACR>")
        texts += self.spelled(scored).values()
        if len(texts) == 1:
            return self.terms_of(texts[0])
        return frozenset().union(*(self.terms_of(t) for t in texts))

    def spelled(self, scored: Scored) -> dict[str, str]:
        """The acronyms of the window's own that its article spells out (not the glossary's,
        which every article shares: `evidence.spelled_out`)."""
        return evidence.spelled_out(scored.text, scored.article.body, self._glossary_words)

    @cached_property
    def _glossary_words(self) -> frozenset[str]:
        entries = self.index.glossary.entries.items()
        return frozenset(w for key, value in entries for w in (*key, *value))

    def _windows_of(self, hit: Hit) -> list[Scored]:
        chunk = self.index.chunks[hit.chunk_id]
        article = self.index.articles[chunk.article_id]
        return windows_of(chunk, article, self.sentences(chunk.article_id))

    def _admissible(self, q: Question, scored: Scored) -> bool:
        """The window meets the question's constraints and can answer its kind: it names
        the office a "siapa <kepala ...>" question asks about, a figure counts what a
        "berapa <noun>" question counts (or what it counts cannot be told), it names
        something new for "apa nama ...", and it says how a target turned out when asked."""
        if not self.scorer.fits(q, scored.text) and not self._said_by(q, scored):
            return False
        if scored.title and q.kind == "apa_saja" and not _enumerates(scored.text):
            return False  # "..., Fokus pada 4 Hal" announces the list the article gives
        if asks_office_holder(q) and not self._names_office(q, scored):
            return False
        if unit_match(q, scored.text) < 0:
            return False
        if q.kind == "berapa" and only_given_figures(q, scored.text):
            return False
        if asks_name(q) and not offers_name(q, scored.text, self.terms_of):
            return False
        if asks_address(q.words, q.kind) and not states_address(scored.text):
            return False
        venue = asked_venue(q.words)  # "digelar di hotel apa?": a window naming no hotel
        if venue is not None and not names_venue(scored.text, venue):
            return False
        text = scored.text
        if asks_outcome(q) and evidence.states_aim(text) and not evidence.states_outcome(text):
            return False  # "target 50 persen ... 2025" does not say whether it was reached
        asked = asked_place_kinds(q)
        if asked.kinds:
            named = {
                p
                for p in self.places_in(scored.text)
                if p.kind in asked.kinds and p not in q.places
            }
            short = asked.at_least - len(named)  # made up by places the gazetteer lacks
            # (not one the question names itself: "di desa mana program Desa <Nama> ...")
            if short > 0 and short > sum(
                kind in asked.kinds and not has_phrase(q.words, " ".join(words(name)))
                for kind, name in titled_places(scored.text, self.places_in)
            ):
                return False  # "kabupaten mana saja ...?" is not answered by "beberapa kabupaten"
        if (
            q.kind == "berapa"
            and q.years
            and asks_whole_year(q.words)
            and self.part_of_year(scored)
        ):
            return False  # "sepanjang tahun 2066" is not answered by the year's first half
        if not constrained(q):
            return True
        return meets(
            q, scored.text, self.placing(scored), scored.article, self.places_in, MONTH_NAMES
        )

    def part_of_year(self, scored: Scored) -> bool:
        """The window's figure is of a part of a year (`constraints.partial_year`)."""
        return partial_year(scored.text, self.placing(scored), MONTH_NAMES)

    def of_whole_year(self, scored: Scored) -> bool:
        """The window's figure is of a whole year (`constraints.whole_year`)."""
        return whole_year(scored.text, self.placing(scored), MONTH_NAMES)

    def placing(self, scored: Scored) -> list[str]:
        """The sentences that place a window: those just before it (further for a window
        naming "the same period"), a list item's announcing paragraph, and the sentence
        telling a number it takes up ("Dari <N> kasus tersebut, ...")."""
        before: list[str] = []
        if not scored.title:
            sents = self.sentences(scored.article.id)
            start = scored.positions[0]
            reach = PERIOD_REACH if SAME_PERIOD_RE.search(scored.text) else LOCALE_REACH
            before = [s.text for s in sents[max(0, start - reach) : start]]
            lead = window_lead(scored)
            if lead:  # an item of a list: its announcing paragraph places it, as one, and
                # the sentences before that paragraph do, not the items before it
                at = scored.article.body.rfind(lead, 0, sents[start].start)
                if at >= 0:
                    told = next((i for i in range(start) if sents[i].end > at), start)
                    before = [s.text for s in sents[max(0, told - reach) : told]]
                before.append(lead)
            # "Dari <N> kasus tersebut, ...": where <N> was told, when it is further back
            taken = antecedent(scored)
            if taken and not any(taken in b for b in before):
                before.append(taken)
            stating = next((s for s in reversed(sents[:start]) if taken and s.text == taken), None)
            if stating is not None:  # "Dari <N> kasus ...": <N> an item placed by its list's lead
                listed = list_lead(scored.article.body, stating)
                if listed and listed not in before:
                    before.append(listed)
        return before


def _at_most(idf: dict[str, float], term: str, others: list[float]) -> None:
    """`term`, when weighed, weighs no more than the lightest of `others` (if any)."""
    if term in idf and others:
        idf[term] = min(idf[term], *others)


def _at_most_others(idf: dict[str, float], term: str) -> None:
    """`term`, when weighed, weighs no more than the lightest other term (if any)."""
    _at_most(idf, term, [v for t, v in idf.items() if t != term])


def looking_order(
    windows: list[tuple[Scored, float]], share: Callable[[Scored], float], years: tuple[int, ...]
) -> list[tuple[Scored, float]]:
    """Windows with their retrieval scores in the order they are looked at: by the `share`
    of the question's weight each holds and its retrieval score, a window writing a year
    asked first by `YEAR_LOOK`."""
    return sorted(
        windows,
        key=lambda sr: -(share(sr[0]) + 0.3 * sr[1] + YEAR_LOOK * _writes_year(years, sr[0].text)),
    )


def _writes_year(years: tuple[int, ...], text: str) -> bool:
    """`text` writes one of `years` as a number of its own (not inside "20245")."""
    return bool(years) and bool(_years_re(years).search(text))


@lru_cache(maxsize=64)
def _years_re(years: tuple[int, ...]) -> re.Pattern[str]:
    """One pattern for a question's years, compiled once for all the windows it looks at."""
    return re.compile(rf"(?<!\d)(?:{'|'.join(str(y) for y in years)})(?!\d)")


def _may_be_of(q: Question, scored: Scored) -> bool:
    """A cheap first check of a window for a question naming years or people: its article
    names the people, and the window names a year asked, or its article is from one of
    them or from the year after (when a year's figures come out)."""
    if not all(person_met(name, scored.article) for name in q.people):
        return False
    years = q.years
    if not years:
        return True
    dated = scored.article.dated
    return (dated is not None and (dated.year in years or dated.year - 1 in years)) or (
        _writes_year(years, scored.text)
    )


def _each_article_first(
    looked: list[tuple[Scored, float]], close: Callable[[Scored], bool]
) -> list[tuple[Scored, float]]:
    """The windows in rounds: each article's best one, then each article's second, and so
    on (each round in the order given), so that a newer article stating the figure in other
    words is scored too, not only more windows of the articles that use the question's
    words. The first round's windows that are `close` to the best come newest first: the
    newest article stating the figure is scored however many older ones state it too."""
    rounds: list[list[tuple[Scored, float]]] = []
    count: dict[str, int] = {}
    for sr in looked:
        n = count.get(sr[0].article.id, 0)
        if not sr[0].title:  # a headline takes no round of its own
            count[sr[0].article.id] = n + 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(sr)
    if rounds:
        rounds[0].sort(key=lambda sr: newest_first(sr[0]) if close(sr[0]) else 1)
    return [sr for r in rounds for sr in r]


def _enumerates(title: str) -> bool:
    """A headline that lists things itself ("Ini Programnya: JHT, JKK, JKM")."""
    listed = title.split(":", 1)[1] if ":" in title else ""
    return "," in listed or " dan " in listed or title.count(",") >= 2
