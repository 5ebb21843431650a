"""Scoring candidate answer windows (one or two consecutive sentences). Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from bot.answer import evidence, spans
from bot.answer.question import (
    ASKING_WORDS,
    PARTY_WORDS,
    TIME_NOUNS,
    TIME_QUALIFIERS,
    Question,
    asked_time_unit,
    has_phrase,
    is_verb_form,
    party_asked,
)
from index.records import Article, Sentence
from index.text import MONTH_WORDS, STOPWORDS, split_sentences, stem, words

TermsOf = Callable[[str], frozenset[str]]
TARGET_PENALTY = 0.3
NEAR = 70  # characters either side of a figure / name / date that count as "near" it

_PEOPLE_WORDS = {"pekerja", "orang", "peserta", "penduduk", "tenaga", "kepesertaan"}


@dataclass(frozen=True)
class Scored:
    """A candidate answer: consecutive sentences of one article, with its evidence."""

    article: Article
    sentences: tuple[Sentence, ...]
    positions: tuple[int, ...]
    score: float
    coverage: float  # idf share of the question's terms in the window
    context: float  # ... in the window or anywhere in its article (title and date included)

    @property
    def title(self) -> bool:
        """The window is the article's headline (a sentence with no place in the body)."""
        return self.sentences[0].start < 0

    @property
    def text(self) -> str:
        if self.title:
            return self.sentences[0].text
        return self.article.body[self.sentences[0].start : self.sentences[-1].end]


@dataclass(frozen=True)
class Weights:
    """IDF weights of the question's terms."""

    idf: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.idf.values()) or 1.0

    def share(self, terms: Iterable[str]) -> float:
        present = set(terms)
        return sum(w for t, w in self.idf.items() if t in present) / self.total


def asks_people(q: Question) -> bool:
    return bool(_PEOPLE_WORDS & set(q.words))


_PEOPLE_STEMS = {stem(w) for w in _PEOPLE_WORDS}


def counts_people(q: Question) -> bool:
    """What a "berapa" question asks about, its first head word, is people ("berapa
    pekerja ..."), not what is paid for them ("berapa iuran pekerja ...")."""
    return bool(q.head) and q.head[0] in _PEOPLE_STEMS


_TOTAL_WORDS = {"total", "seluruh", "keseluruhan", "semua", "all", "whole"}


def _says_total(q: Question) -> bool:
    """The question asks for a whole: it says "total / seluruh / keseluruhan" (not after
    "dari": "berapa orang dari total se-<wilayah>" asks a part of it)."""
    return any(
        w in _TOTAL_WORDS and not (i and q.words[i - 1] == "dari") for i, w in enumerate(q.words)
    )


def asks_total(q: Question, figure: str) -> bool:
    """Whether a total ("dari lima provinsi", "dari total 3 juta pekerja") is what the
    question asks for: it says "total / seluruh", or it counts that (non-people) noun."""
    if _says_total(q):
        return True
    noun = figure.split()[-1].lower()
    return not spans.is_people_figure(figure) and stem(noun) in q.head


def target_spans(q: Question, text: str) -> spans.Spans:
    """Spans in `text` of what the question asks for (figure, name, date)."""
    if q.kind == "berapa":
        if q.unit == "persen":
            return spans.percent_spans(text)
        if q.unit == "uang":
            return spans.money_spans(text)
        if q.unit == "lama":
            return spans.duration_spans(text)
        counts = spans.count_spans(text)
        if asks_target(q) and not counts_people(q):  # "targetnya brp?": a share as often
            counts += spans.percent_spans(text)
        if _says_total(q):  # "total peserta": not a part of it ("X dari total")
            counts = tuple((s, e) for s, e in counts if not spans.is_part(text, e))
        return counts + tuple(
            (s, e) for s, e in spans.total_spans(text) if asks_total(q, text[s:e])
        )
    if q.kind == "siapa":
        return evidence.person_spans(text, q.not_names)
    if q.kind == "kenapa":
        return evidence.reason_spans(text) + _after_event(q, text)
    if q.kind == "kapan":
        return _dates(q, text) + (spans.duration_spans(text) if asks_deadline(q) else ())
    return ()


# "dipercepat setelah kebakaran ...": what the question asks why of, done after an event
_AFTER_EVENT_RE = re.compile(r"(\w+)\s+(?:setelah|usai|pasca|menyusul)\b", re.IGNORECASE)


def _after_event(q: Question, text: str) -> spans.Spans:
    """For a "kenapa" question, the event after which what it asks about was done, as a
    reason: "(pendaftaran) dipercepat setelah kebakaran ..." for "mengapa ... dipercepat?"; a
    verb of the question right before "setelah", not a noun ("klaim setelah berhenti") nor
    a length of time after it ("setelah 5 hari")."""
    asked = {w for w in q.words if w.startswith(_VERB_PREFIXES) and w not in STOPWORDS}
    return tuple(
        (m.start(), m.end())
        for m in _AFTER_EVENT_RE.finditer(text)
        if m.group(1).lower() in asked and not spans.NUMBER_RE.match(text, m.end() + 1)
    )


# A verb as news writes it: passive "di-", active "me-", "ber-", "ter-" ("dipercepat").
_VERB_PREFIXES = ("di", "me", "ber", "ter")


_DEADLINE_WORDS = {"lambat", "batas", "deadline", "lama", "tenggat", "jangka", "maksimal", "cepat"}


def asks_day(q: Question) -> bool:
    """ "tanggal berapa": a year or a month alone does not answer it."""
    return "tanggal" in q.words


def _dates(q: Question, text: str) -> spans.Spans:
    """The dates in `text` that can answer `q`: days only for "tanggal berapa", months for
    "bulan apa" (a year alone does not say which month)."""
    if asks_day(q):
        return spans.day_spans(text)
    if asked_time_unit(q.words) == "bulan":
        return spans.month_spans(text)
    return spans.date_spans(text)


def asks_deadline(q: Question) -> bool:
    """A "kapan" question whose answer may be a length of time ("paling lambat ...")."""
    return bool(_DEADLINE_WORDS & set(q.words))


def proximity(text: str, targets: spans.Spans, weights: Weights, terms_of: TermsOf) -> float:
    """The best idf share of question terms around one of the targets: the span itself, the
    words before it (back to the previous span) and, for the last span, the words after."""
    best = 0.0
    targets = tuple(sorted(targets))
    for i, (s, e) in enumerate(targets):
        prev_end = targets[i - 1][1] if i else 0
        around = text[max(prev_end, s - NEAR) : e]
        if i == len(targets) - 1:
            around += " " + text[e : e + NEAR]
        best = max(best, weights.share(terms_of(around)))
    return best


def head_weights(q: Question, weights: Weights) -> Weights | None:
    """The weights of the question's head terms ("siapa <deputi direktur ...>"), if any."""
    head = {t: weights.idf[t] for t in q.head if t in weights.idf}
    return Weights(head) if head else None


def focus_bonus(q: Question, text: str, weights: Weights, terms_of: TermsOf) -> float:
    """How well `text` offers the kind of thing the question asks for."""
    targets = target_spans(q, text)
    if targets:
        head = head_weights(q, weights)
        bonus = 0.3 + 0.3 * proximity(text, targets, weights, terms_of)
        if head:
            bonus += 0.5 * proximity(text, targets, head, terms_of)
        if q.kind == "berapa" and q.unit != "persen" and asks_people(q):
            bonus += 0.1 if spans.count_spans(text, people_only=True) else 0.0
        return bonus
    if q.kind == "berapa":
        totals = () if q.unit == "persen" else spans.total_spans(text)
        if totals:
            return 0.15 + 0.25 * proximity(text, totals, weights, terms_of)
        weak = spans.percent_spans(text) or spans.count_spans(text)
        return 0.1 if weak else -0.3
    if q.kind == "siapa":
        inst = evidence.institution_spans(text)
        return 0.1 + 0.3 * proximity(text, inst, weights, terms_of) if inst else -0.2
    if q.kind == "kapan":
        return -0.2
    if q.kind == "apa_saja":
        # "A, B, C dan D", "Pertama, ...", "... sebagai berikut:" (its items follow it)
        listed = evidence.is_enumeration(text) or text.rstrip().endswith(":")
        bonus = 0.4 if listed or evidence.ordinal(text) == 1 else 0.0
        noun = evidence.announced_noun(text)
        if noun:
            bonus = max(bonus, 0.3) + (0.4 if noun in q.words else 0.0)
        return bonus
    if q.kind == "di_mana":
        return 0.3 * place_named(q, text)  # "di <Gedung> <Kota>, Kamis"
    if q.kind == "apa_itu":
        opening = terms_of(text[:60])
        return 0.4 if evidence.is_definition(text) and weights.share(opening) >= 0.6 else 0.0
    if q.kind == "bagaimana":
        return 0.2 if evidence.states_means(text) else 0.0
    return 0.0


_AT_RE = re.compile(r"\bdi\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
_AT_MOST = 2  # words of a place phrase that count: "di <kota>" 1, "di <gedung> <kota>" 2


def place_named(q: Question, text: str) -> int:
    """How fully the text names a place the question does not ("di <Nama Tempat>"): the
    words of its longest such phrase, up to `_AT_MOST` (a venue in a city is two)."""
    asked = set(q.words)
    phrases = [words(m.group(1)) for m in _AT_RE.finditer(text)]
    return max((min(len(p), _AT_MOST) for p in phrases if set(p) - asked), default=0)


AIM_WORDS = frozenset({"target", "sasaran", "targetnya", "sasarannya"})


def asks_target(q: Question) -> bool:
    """Whether the question asks about a target ("target", "sasaran"; "targetnya" only as
    the subject, before the question word: after it, it may begin a second part of a
    message that asks something else first)."""
    words = list(q.words)
    asked = next((i for i, w in enumerate(words) if w in ASKING_WORDS), len(words))
    return any(w in AIM_WORDS and (not w.endswith("nya") or i < asked) for i, w in enumerate(words))


# Words that ask how it turned out ("la tercapai belum?", "akhirnya tercapai?"), and words that
# ask about a purpose or a belief instead ("biar target tercapai", "yakin target tercapai").
# ("... akan tercapai?", "nanti ... tercapai dak?": a prediction, which no article answers)
_PROBE = frozenset(
    {"belum", "sudah", "akhirnya", "sebenarnya", "beneran", "actually", "did"}
    | {"akan", "bakal", "nanti"}
)
_PURPOSE_OR_BELIEF = frozenset(
    {"biar", "agar", "supaya", "guna", "yakin", "optimis", "optimistis", "percaya", "confident"}
)


# Verbs that say a target was reached when one stands just before it ("udh nyampe target 50
# persen blm?", "has it reached the target"), not before a figure ("mencapai 57 persen").
_REACHING = frozenset({"mencapai", "capai", "nyampe", "nyampai", "memenuhi"})


def asks_outcome(q: Question) -> bool:
    """Whether the question asks if a target was reached ("target 50 persen tu la tercapai
    belum?", "udh nyampe target 50 persen blm?", not "biar target tercapai" or "yakin target
    tercapai?"): an aim does not answer it, only a sentence saying how it turned out."""
    words = list(q.words)
    reached = next(
        (
            i
            for i, w in enumerate(words)
            if w in evidence.REACHED
            or (w in _REACHING and any(t.startswith("target") for t in words[i + 1 : i + 3]))
        ),
        None,
    )
    return (
        reached is not None
        and q.kind != "kapan"  # "... nanti tercapai taun berapo?": when it is to be
        and any(w.startswith("target") for w in words)
        and bool(set(words) & _PROBE)
        and not set(words[:reached]) & _PURPOSE_OR_BELIEF
    )


# "kabupaten mana saja ...?": the kinds of place such a question asks to be named.
PLACE_NOUNS = {  # the kinds of place a word for places asks for
    "kabupaten": ("kabupaten", "kota"),
    "kota": ("kabupaten", "kota"),
    "daerah": ("kabupaten", "kota", "province"),
    "provinsi": ("province",),
}
# Villages and subdistricts, which the gazetteer does not list: named by their title ("Desa
# <Nama>", `titled_places`), one at least, and only asked as "<desa> mana" ("which village
# groups" asks for groups).
UNLISTED_PLACE_NOUNS = {
    "desa": ("desa", "kelurahan"),
    "kelurahan": ("desa", "kelurahan"),
}


class AskedPlaces(NamedTuple):
    """The kinds of place a "which districts ...?" question asks for, and how many of them
    an answer names at least."""

    kinds: tuple[str, ...] = ()
    at_least: int = 0


def asked_place_kinds(q: Question) -> AskedPlaces:
    """The kinds of place a "which districts ...?" question asks for ("kabupaten mana saja",
    "daerah mana yang", "apa 5 provinsi ...", "5 provinsi di X apa aja?") and how many: two
    for "saja" or a number above one before the word for places; none asked otherwise
    ("apa kabupaten <X> menanggung ...?" names the district: it asks yes or no)."""
    words = q.words
    for i, w in enumerate(words):
        if w in UNLISTED_PLACE_NOUNS and words[i + 1 : i + 2] == ("mana",):
            return AskedPlaces(UNLISTED_PLACE_NOUNS[w], 1)
        if w not in PLACE_NOUNS:
            continue
        count = _small_number(words[i - 1]) if i else None
        several = count is not None and count > 1
        after = list(words[i + 1 : i + 3])
        if after[:1] == ["mana"] or after == ["apa", "saja"]:
            return AskedPlaces(PLACE_NOUNS[w], 2 if "saja" in after or several else 1)
        # "apa kabupaten di <provinsi> yang ...", "apa 5 provinsi" (which five), but not "apa
        # kabupaten <X> ...?" (a district named: yes or no)
        at = i - 2 if several else i - 1
        named = any(p.kind in PLACE_NOUNS[w] for p in q.places)
        which = at >= 0 and words[at] in ("apa", "mana") and not named
        if which or (several and i == 1 and q.kind == "apa_saja"):
            return AskedPlaces(PLACE_NOUNS[w], 2 if several else 1)
    return AskedPlaces()


def _small_number(word: str) -> int | None:
    """The number a word writes below a thousand ("5", "lima"; not a year), or None."""
    value = spans.number_of(word)
    return value if value is not None and value < 1000 else None


# Words that ask for a figure hoped for, believed in or planned ("yakin bisa naik sampai
# berapa", "harapan gubernur"; English questions arrive mostly read: "hope" as "berharap",
# "want" as "ingin", but "think" as it is): a sentence giving one answers them.
_HOPE_WORDS = frozenset(
    {"harapan", "harap", "berharap", "diharapkan", "yakin", "optimis", "optimistis", "pede",
     "percaya", "ingin", "bisa", "dapat", "mampu", "tembus", "targetkan", "menargetkan",
     "ditargetkan", "think", "thought", "expect", "expected", "diperkirakan", "perkiraan",
     "diproyeksikan", "proyeksi", "diprediksi", "prediksi"}
)  # fmt: skip


def target_penalty(q: Question, text: str) -> float:
    """A goal ("target 50 persen ... 2025") does not answer how many *are* protected: figure
    questions that do not ask about a target prefer achieved figures."""
    if q.kind != "berapa" or asks_target(q):
        return 0.0
    hoped = evidence.states_hoped_figure(text, q.unit) and not _HOPE_WORDS & set(q.words)
    if not (evidence.states_target(text) or hoped):
        return 0.0
    return TARGET_PENALTY


def aimed(text: str) -> str:
    """The sentences of `text` about an aim, each with the sentence after it ("" if none)."""
    sentences = [text[s:e] for s, e in split_sentences(text)]
    kept = [
        t
        for i, t in enumerate(sentences)
        if evidence.states_aim(t) or (i and evidence.states_aim(sentences[i - 1]))
    ]
    return " ".join(kept)


def names_party(party: Sequence[str], text: str) -> bool:
    """`text` names someone after one of the `party` words ("kepada seluruh warga", "dari
    masyarakat"), not after a comparison or a part ("lebih dari", "salah satu dari", "naik
    dari")."""
    return any(
        m.group(2).lower() in party and (m.group(1) or "").lower() not in _NOT_PARTY_BEFORE
        for m in _PARTY_RE.finditer(text)
    )


_PARTY_RE = re.compile(rf"(?i)(?:\b(\w+)\s+)?\b({'|'.join(sorted(PARTY_WORDS))})\s+(?=[^\W\d])")
_NOT_PARTY_BEFORE = frozenset(
    {"lebih", "kurang", "satu", "naik", "turun", "meningkat", "menurun", "sejak", "mulai", "jauh"}
)


def fits_kind(q: Question, text: str) -> bool:
    """Whether `text` can answer this kind of question at all."""
    if q.kind == "berapa":
        if asks_target(q):
            # a target asked for is not an achieved figure: the figure stands in a sentence
            # about an aim or the one after it ("... target baru. Sebanyak 95 ribu ..."), not
            # in one before it
            text = aimed(text)
            if not text:
                return False
        if q.unit == "persen":
            return spans.has_percent(text)
        if q.unit == "uang":
            return spans.has_money(text)
        if q.unit == "lama":
            return bool(spans.duration_spans(text))
        if not counts_people(q):
            return bool(spans.figure_spans(text))
        money = spans.money_spans(text)  # people are counted, not paid out
        return any(s not in money for s in spans.count_spans(text) + spans.total_spans(text))
    if q.kind == "siapa":
        people = evidence.person_spans(text, q.not_names)
        if asks_someone_else(q):
            runs = [m.span() for m in _CAPITALIZED_RUN_RE.finditer(text)]
            return any(not _named_in(q, text[s:e]) for s, e in (*people, *runs))
        if asks_office_holder(q):
            return bool(people)
        if _asks_who_they_are(q):  # "<Nama> itu siapa di BPJS TK?": a sentence naming them
            found = set(words(text))
            return any(_name_words(p) <= found for p in q.people)
        if names_party(party_asked(q), text):
            # "diberikan kepada siapa?": "kepada seluruh warga negara"; "kesadaran dari
            # siapa?": "dari masyarakat ..."
            return True
        if _names_people_asked(q):  # "siapa nama dua pekerja ...": people, no institution
            return bool(people)
        return bool(people or evidence.institution_spans(text))
    if q.kind == "kapan":
        return bool(_dates(q, text)) or (asks_deadline(q) and bool(spans.duration_spans(text)))
    if asks_weekdays(q):  # "gerai buka hari apa aja?": the days, named
        return bool(spans.WEEKDAY_RE.search(text))
    return True


def _names_people_asked(q: Question) -> bool:
    """ "siapa nama (dua) pekerja / korban ...", "siapa saja korbannya": the names of people
    of a kind the question names (workers, victims), which only a person's name gives."""
    at = next((i for i, w in enumerate(q.words) if w in ("siapa", "who")), None)
    if at is None:
        return False
    near = [w.removesuffix("nya") for w in q.words[at + 1 : at + 5]]
    named = "nama" in near  # "siapa pekerja yang berhak": whoever qualifies, not names
    after = [w for w in near if w not in STOPWORDS and spans.number_of(w) is None]
    if not after or not (named or after[0] == "korban"):
        return False
    return after[0] in _PEOPLE_NAMED or spans.is_people_figure(after[0])


_PEOPLE_NAMED = frozenset({"korban", *spans.PEOPLE_NOUNS})  # whose names are asked


def asks_weekdays(q: Question) -> bool:
    """ "hari apa (saja)" ("which days": english.txt), asked of anything but a date
    (`fits_kind` reads "tanggal berapa hari apa", a "kapan" question, before)."""
    return has_phrase(q.words, "hari apa")


# A run of capitalised words: a name as written ("<Nama> <Nama>")
_NAME_RUN_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b")


def _name_words(person: str) -> set[str]:
    """The words of a person's name, lowercase, without function words."""
    return set(words(person.lower())) - STOPWORDS


def _asks_who_they_are(q: Question) -> bool:
    """ "<Nama> itu siapa ya di BPJS TK?": the question names a person and nothing else
    but the agency (not "kata <Nama>, siapa yang paling ...?")."""
    # the whole name as written: `people` may hold only one of its words
    people = {w for p in q.people for w in _name_words(p)}
    runs = (_name_words(m[0]) for m in _NAME_RUN_RE.finditer(q.text))
    named = {stem(w) for run in runs if run & people for w in run} | {stem(w) for w in people}
    return bool(q.people) and not set(q.terms) - named - q.agency


# Words that ask for who came before or after someone in an office.
_SUCCESSION = frozenset(
    {"menggantikan", "digantikan", "pengganti", "penggantinya", "penerus", "sebelum", "setelah"}
    | {"sesudah", "replaced", "replace", "successor", "predecessor", "before", "after"}
)


def asks_someone_else(q: Question) -> bool:
    """ "Siapa yang menggantikan <Nama>?", "siapa kepala cabang sebelum <Nama>?": asks for
    another person than the one it names (not "siapa <Nama>?", "Siapa Pak <Nama>?")."""
    if q.kind != "siapa" or not q.people or not _SUCCESSION & set(q.words):
        return False
    at = next((i for i, w in enumerate(q.words) if w in ("siapa", "who")), None)
    if at is None:
        return False
    firsts = {name.split()[0].lower() for name in q.people}
    if firsts & set(q.words[:at]):
        return False  # "<Nama> itu siapa?"
    after = [w for w in q.words[at + 1 :] if w not in ("itu", "sih", "is", "was", "the")]
    return bool(after) and after[0] not in firsts


_CAPITALIZED_RUN_RE = re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+")


# Words picking one of several by a measure, as written ("terendah": ter- + rendah), with
# "-nya" ("tertingginya"); "paling <gradable>" too, but not before an amount ("paling banyak
# Rp...": at most).
_SUPERLATIVE_RE = re.compile(
    r"\b(?:(?:tertinggi|terendah|terbanyak|terbesar|terkecil|tersedikit|teratas|terbawah)"
    r"(?:nya)?|paling\s+(?:tinggi|rendah|banyak|besar|kecil|sedikit)(?:nya)?(?!\s+(?:Rp|\d)))\b",
    re.IGNORECASE,
)


def asks_superlative(q: Question) -> bool:
    """ "kabupaten mana yang ... terbanyak?", "paling rendah", "the highest": one of several
    picked by a measure."""
    return bool(_SUPERLATIVE_RE.search(" ".join(q.words)))


def states_superlative(text: str) -> bool:
    """The text picks one of several by a measure ("Peserta terbanyak berasal dari ...")."""
    return bool(_SUPERLATIVE_RE.search(text))


def names_someone_new(q: Question, text: str) -> bool:
    """`text` names a person the question does not name, or a kind of institution ("dinas",
    "perusahaan", "pengurus ...": who is asked may be one)."""
    people = evidence.person_spans(text, q.not_names)
    new = any(not _named_in(q, text[s:e]) for s, e in people)
    return new or bool(evidence.institution_spans(text))


def asks_who_is(q: Question, text: str) -> bool:
    """ "<Nama> itu siapa?", "who is <Nama>?": every term of the question is a word of a
    person `text` names, whom the question asks about, not someone else."""
    return bool(q.terms) and any(
        set(q.terms) <= _stems_of(text[s:e]) for s, e in evidence.person_spans(text, q.not_names)
    )


def office_of_asked(q: Question, text: str) -> bool:
    """`text` names the office of the person a "<Nama> itu siapa?" question asks about: an
    office word among the `OFFICE_REACH` words right before their name, with no one else
    named between ("Kepala Kantor Cabang <Kota>, <Nama>, ..."), or right after it ("<Nama>,
    Wakil Kepala ..."); not "Gubernur <Nama Lain> didampingi <Nama>"."""
    people = evidence.person_spans(text, q.not_names)
    for s, e in people:
        if not set(q.terms) <= _stems_of(text[s:e]):
            continue
        clause = re.split(r"[.;:]|,(?!\s*$)", text[:s])[-1]  # a comma right before stays
        someone_between = any(s - len(clause) <= end <= s for _, end in people if end < s)
        before = [] if someone_between else words(clause)[-OFFICE_REACH:]
        after = re.match(r"\s*,\s*([^,.;:]*)", text[e:])
        # "<Nama>, Wakil Kepala ...", "<Nama>, selaku Kepala ..."
        title = [w for w in words(after.group(1)) if w not in _AS][:1] if after else []
        if not evidence.ROLE_WORDS.isdisjoint(w.lower() for w in (*before, *title)):
            return True
    return False


OFFICE_REACH = 6  # words before a name that may be its office ("Kepala Kantor Cabang <Kota>")
_AS = frozenset({"selaku", "sebagai", "as"})


def _stems_of(name: str) -> set[str]:
    return {stem(w.lower()) for w in re.findall(r"[^\W\d_]+", name)}


def _named_in(q: Question, name: str) -> bool:
    """Every word of `name` is a word of the question (the person it names, or a place
    whose name looks like a person's), a term of the glossary or a function word."""
    named = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    return named <= set(q.words) | q.not_names | STOPWORDS


_ROLE_STEMS = {stem(w) for w in evidence.ROLE_WORDS}  # head terms are stems


_DO = frozenset({"do", "does", "did"})
_SAYING = r"\b(?:bilang|kata|kato|ngomong|mengatakan|menyebut|said|says|say)\b"
# A role that says who: "Gubernur bilang siapa ...", "what did the governor say, who ...":
# the role word, a verb of saying, then the question word, in one clause.
_SPEAKER_ASKED_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(evidence.ROLE_WORDS))})\b"
    r"(?:(?!\b(?:yang|yg|who)\b)[^,.?])*?"  # not "gubernur yang bilang ..., siapa?"
    rf"{_SAYING}[^,.?]*?\b(?:siapa|siapo|who)\b",
    re.IGNORECASE,
)


def asks_speaker(q: Question) -> bool:
    """ "yg bilang sektor formal udh 80 persen ... siapa?", "who said ...": who said what
    the question quotes."""
    return q.kind == "siapa" and bool(_SAYING_RE.search(q.text))


_SAYING_RE = re.compile(_SAYING, re.IGNORECASE)


def asks_office_holder(q: Question) -> bool:
    """ "Siapa kepala ...": the answer names a person, not the institution. Not "who did the
    head meet": who did / does a role-holder do something asks for someone else."""
    if q.kind != "siapa" or not _ROLE_STEMS & set(q.head) or party_asked(q):
        return False  # "gubernur bilang diberikan kepada siapa?": the governor speaks
    if _SPEAKER_ASKED_RE.search(q.text):
        return False  # "Gubernur bilang siapa yang paling berkemampuan ...?": he speaks too
    after = [q.words[i + 1] for i, w in enumerate(q.words[:-1]) if w in ("siapa", "who")]
    appointed = bool({"as", "sebagai"} & set(q.words))  # "who did they appoint as head"
    return appointed or not _DO & set(after)


# Words after which a role is someone met or quoted, not the office asked: "dengan gubernur",
# "menurut gubernur, siapa ..." ("according to" reads as "menurut").
_COMPANY_WORDS = frozenset({"dengan", "sama", "bersama", "with", "menurut"})
# ... or, after the question word, someone told ("... siapa namanya, yg lapor ke gubernur";
# not "curhat ke Pj Gubernur siapa?", which asks who the governor is)
_TOLD_WORDS = frozenset({"ke", "kepada"})
_MET_OR_TOLD = _COMPANY_WORDS | _TOLD_WORDS
# Words before a role in one title: "dengan (pak) gubernur", "dengan penjabat gubernur"
_BEFORE_A_ROLE = frozenset(
    {"the", "a", "an", "pak", "bu", "bapak", "ibu", "sang", "para", "penjabat", "wakil", "acting"}
)


def _met(before: tuple[str, ...], told: bool = False) -> bool:
    """The role after `before` is whom someone met: "dengan (pak) gubernur", "with the ...",
    or, with `told`, whom someone told ("ke gubernur"). Not past another role: without the
    comma the words do not keep, "audiensi sama gubernur, kepala kantor cabang siapa?" would
    read as meeting the head too."""
    rest = [w for w in before[-3:] if w not in _BEFORE_A_ROLE]
    return bool(rest) and rest[-1] in (_MET_OR_TOLD if told else _COMPANY_WORDS)


def office_named(q: Question, terms: frozenset[str], text: str = "") -> bool:
    """The window's terms name the office a "siapa <kepala ...>" question asks about: the
    role word nearest the question word and the two words after it ("kepala bidang" is not
    "kepala kantor", "kepala kantor cabang" not "kepala kantor wilayah"; "pas audiensi sm
    gubernur, kepala cabang siapa?" asks for the head of the branch). A role after "dengan /
    with" is whom someone met, not the office asked ("who from the branch attended the
    audience with the governor?"), and so is one after "menurut" (who said it). In `text`,
    the role must head more than a unit the question does not name ("Kepala Bidang
    Kepesertaan ... Cabang <Kota>" is not the head of the branch)."""
    # "wakilnya siapa?": the role of the one the question before named ("-nya" left off, not
    # from function words or words too short to carry it: "hanya", "punya")
    words = tuple(w if w in STOPWORDS or len(w) < 6 else w.removesuffix("nya") for w in q.words)
    asked = [i for i, w in enumerate(words) if w in ("siapa", "who")]
    first = min(asked, default=len(words))
    roles = [
        i
        for i, w in enumerate(words)
        if w in evidence.ROLE_WORDS and not _met(words[:i], told=i > first)
    ]
    if not roles:
        return True
    at = min(roles, key=lambda i: min((abs(i - a) for a in asked), default=i))
    office = [] if words[at] in evidence.GENERIC_ROLES else [words[at]]
    following = list(words[at + 1 : at + 4])
    if following[:1] == [_OFFICE_WORD] and following[1:2] and following[1] in _UNIT_WORDS:
        # "deputi direktur kantor wilayah" is the "Deputi Direktur Wilayah": the unit names it
        following = following[1:2]
    for w in following[:2]:  # "kepala kantor cabang", not only "kepala kantor"
        if (
            w in STOPWORDS
            or not w.isalpha()
            or w in MONTH_WORDS
            or w in TIME_NOUNS | TIME_QUALIFIERS
            or w in q.scene_words
            or is_verb_form(w)
        ):
            break  # "gubernur tahun 2020", "gubernur yang mencanangkan": the office is "gubernur"
        office.append(w)
    # "Kepala Dinas Alpha dan Beta (DAB)": "Kepala DAB" names it too (not the role word itself)
    spelled = _spelled_out(q.text)
    named = all(stem(w) in terms or (i and spelled.get(w) in terms) for i, w in enumerate(office))
    return named and not _place_of_role(office, text) and not _heads_a_unit_only(words, at, text)


_OFFICE_WORD = "kantor"
_UNIT_WORDS = frozenset({"cabang", "wilayah"})  # the units an office heads


def _place_of_role(office: Sequence[str], text: str) -> bool:
    """The role word of `office` stems from `text` only as the place its holder heads
    ("Kecamatan <Nama>" is no "Camat <Nama>", "kelurahan" no "lurah")."""
    if not office or not text:
        return False
    said = set(words(text.lower()))
    role = office[0]
    return role not in said and f"ke{role}an" in said


# "<Long Form> (ACR)" in a question: the long form's words and the acronym, in capitals
_SPELLED_OUT_RE = re.compile(r"((?:[\w-]+\s+){1,7})\(\s*([A-Z]{2,10})\s*\)")


@lru_cache(maxsize=256)
def _spelled_out(text: str) -> dict[str, str]:
    """The words of the long forms `text` spells an acronym out with (those starting with
    one of its letters), each to the acronym's term: "Dinas Alpha dan Beta (DAB)" ->
    {"dinas": "dab", "alpha": "dab", ...}."""
    return {
        w.lower(): stem(m.group(2).lower())
        for m in _SPELLED_OUT_RE.finditer(text)
        for w in m.group(1).split()
        if w[:1].lower() in m.group(2).lower()
    }


# Units inside an office that a role word may head ("Kepala Bidang ...", "Kepala Seksi ...")
_UNITS = frozenset({"bidang", "seksi", "bagian", "subbagian", "divisi", "urusan", "unit"})
# Words saying who leads, whatever the role is called ("kantor ini dipimpin <nama>")
_LEADS = frozenset({"dipimpin", "memimpin", "dikepalai", "mengepalai"})


def _heads_a_unit_only(asked: tuple[str, ...], at: int, text: str) -> bool:
    """Every time `text` writes the role asked (`asked[at]`), it heads a unit the question
    does not name ("Kepala Bidang Kepesertaan ... Cabang <Kota>" for "siapa kepala cabang
    <kota>?"; "asisten deputi kepesertaan" names the "Asisten Deputi Bidang Kepesertaan"),
    and no verb says who leads before a name."""
    found = words(text)
    leads = zip(found, found[1:], strict=False)
    if any(w in _LEADS and nxt not in evidence.ROLE_WORDS for w, nxt in leads):
        return False  # "kantor ini dipimpin <Nama>" (not "rapat dipimpin Kepala Bidang ...")
    role = asked[at]
    after = [found[i + 1 : i + 3] for i, w in enumerate(found[:-1]) if w == role]
    return bool(after) and all(
        pair[0] in _UNITS and not (len(pair) > 1 and pair[1] in asked) and pair[0] not in asked
        for pair in after
    )


_NAME_SPAN_RE = re.compile(
    r"\b[A-Z][\w'-]*(?:\s+(?:dan\s+)?[A-Z][\w'-]*)+|“[^”]{3,}”|\"[^\"]{3,}\"|\([A-Z][A-Za-z]{2,}\)"
)


def asks_name(q: Question) -> bool:
    """ "Apa nama program ...?", "what is the name of ...": the answer states a name."""
    return bool({"nama", "name"} & set(q.words)) and q.kind not in ("siapa", "berapa", "kapan")


_STREET = r"(?:Jalan|Jl|JL|Jln)\.?\s*[A-Z0-9]"
# A street given as where something is ("berada di Jalan ...") or with its number ("Jl. <Nama>
# No. 5"), not a road where something happened ("kecelakaan di Jalan Lintas ...") or an
# event's name ("Jalan Sehat ...").
_ADDRESS_RE = re.compile(
    rf"(?i:beralamat|berlokasi|terletak|berada|bertempat|berkantor)\s+(?:di\s+)?{_STREET}"
    rf"|{_STREET}[^;]{{0,40}}?\b(?i:no|nomor)\.?\s*\d"
)


def states_address(text: str) -> bool:
    """The text gives a street address ("berada di Jalan <Nama>", "Jl. <Nama> No. 5")."""
    return bool(_ADDRESS_RE.search(text))


def offers_name(q: Question, text: str, terms_of: TermsOf | None = None) -> bool:
    """The text names something the question does not already name: a run of capitalised
    words, a quoted phrase or an acronym in brackets; not the agency ("BPJS
    Ketenagakerjaan"), and with `terms_of` not an acronym of what the question names
    ("(Pemkab)" for "pemkab" read as "pemerintah kabupaten")."""
    asked = set(q.words)
    for m in _NAME_SPAN_RE.finditer(text):
        named = {w.lower() for w in re.findall(r"[^\W\d_]+", m.group())}
        if not {w for w in named - asked - STOPWORDS if stem(w) not in q.agency}:
            continue
        acronym = m.group().startswith("(")
        if acronym and terms_of is not None and terms_of(m.group()) <= set(q.terms):
            continue
        return True
    return False


def same_figure_kind(q: Question, best: str, other: str) -> bool:
    """Figures from another source count as "the same thing" only in the same unit."""
    if q.unit == "persen":
        return spans.has_percent(other)
    if q.unit == "uang":
        return spans.has_money(other)
    if spans.people_count(best) or counts_people(q):  # "berapa pekerja ...": people counted
        return spans.people_count(other)
    if (
        q.unit == "jumlah"
        and not asks_target(q)  # "targetnya brp": a target is often a share
        and not spans.has_count(best)
        and not spans.has_money(best)
    ):  # the best gives only a share ("naik 5,3 persen"), the question a number: a count
        return spans.has_count(other)
    return spans.has_count(best) == spans.has_count(other)


def date_bonus(q: Question, text: str, article: Article) -> float:
    """Questions that name a year (or month) prefer sources from that time, or sentences and
    titles that mention it."""
    bonus = 0.0
    dated = article.dated
    if q.years:
        said = f"{text} {article.title}"
        hit = any((dated and y == dated.year) or str(y) in said for y in q.years)
        bonus += 0.3 if hit else -0.3
    if q.months and dated:
        bonus += 0.1 if dated.month in q.months else -0.1
    return bonus
