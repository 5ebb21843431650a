"""Features of a candidate answer window, and the linear scorer fitted on them.

Each window (one or two consecutive sentences, or an article's title) is described by a few
numbers: how much of the question it holds, whether it offers what the question kind asks
for, whether its figure counts what the question counts, and so on. A logistic regression
fitted on labelled questions (`bpjstk-bot fit`, see bot/evaluation/fit.py) weighs them; its
coefficients and the refusal threshold are data, in `knowledge/scorer.json`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.answer import evidence, spans
from bot.answer.question import (
    AGE_WORDS,
    COUNTERS,
    FIGURE_NOUNS,
    LOCATION_KINDS,
    NOT_OF_A_KIND,
    TOTAL_WORDS,
    VALUE_NOUNS,
    Question,
    is_verb,
    is_year,
    without_unasked_money,
)
from bot.answer.scoring import (
    NEAR,
    TermsOf,
    Weights,
    date_bonus,
    fits_kind,
    focus_bonus,
    head_weights,
    proximity,
    target_penalty,
    target_spans,
)
from index.lexical import terms_of_words
from index.records import Article
from index.text import MONTH_NAMES, STOPWORDS, split_sentences, stem, words

FEATURES = (
    "coverage",  # idf share of the question's known terms in the window
    "bigrams",  # share of the question's adjacent term pairs that are adjacent in the window
    "density",  # idf of matched terms per word of the window (short, on-point windows)
    "context",  # ... in the window or anywhere in its article (title, outlet, date)
    "head",  # idf share of the question's head terms ("siapa <kepala kanwil>") in the window
    # fused retrieval score of the window's chunk, over the best chunk's (of the outlet the
    # question names, when it names one)
    "retrieval",
    "context_terms",  # share of the message's context terms (self-introduction) in the window
    "target",  # the window holds what the kind asks for (a figure, a name, a date)
    "target_near",  # idf share of question terms near that figure / name / date
    "head_near",  # ... of head terms near it
    "focus",  # the kind-specific rule score (see bot/answer/scoring.py `focus_bonus`)
    "unit",  # its figure counts what the question counts (+1), something else (-1)
    "role_mismatch",  # the office it names is qualified ("Wakil Kepala") unlike the question's
    "goal",  # it states a target the question does not ask about
    "dated",  # the question's year or month: in the window or the article (+), neither (-)
    "when_near",  # the question's year or month is named next to the figure / name / date
    "pair",  # a window of two sentences
    "title",  # the article's own headline
    # share of the question (by word rarity) the corpus never uses: common words (an English
    # word the English lexicon does not read counts half, `question.ENGLISH_SHARE`)
    "unknown_common",
    "unknown_rare",  # ... rare words (names, jargon)
    "asked_unknown",  # share of what the question asks about that the corpus never uses
    "terms",  # log(1 + number of question terms the corpus knows)
)


@dataclass(frozen=True)
class Window:
    """What scoring needs to know of a candidate window."""

    text: str
    article: Article
    retrieval: float  # fused score over the best hit's (of the outlet asked)
    pair: bool
    title: bool
    lead: str = ""  # for an item of a list, the paragraph announcing it (`windows.list_lead`)
    # the acronyms of its own that its article spells out, with their long names
    spelled: Mapping[str, str] = field(default_factory=dict)


def counted_nouns(q: Question) -> frozenset[str]:
    """What a "berapa" question counts: its head terms ("berapa <program>", "brp <pekerja>")
    but the agency's own name, those naming a value ("targetnya berapa", "berapa cakupan
    ...") and the value's owner ("kanwil targetnya brp"); after a mere counter ("nelayannya
    berapa orang?") or a noun of kind ("programnya ada berapa macam?"), also the words
    before the question word."""
    forms = {(stem(w), is_verb(w)) for w in q.words}
    # "berapa yang ditolak": no noun; "berapa laporan yang dilaporkan": "laporan" is one
    verbs = {t for t, verb in forms if verb} - {t for t, verb in forms if not verb}
    # a year among the head terms ("target 2025 brp") dates the value, it is not counted
    heads = frozenset(t for t in q.head if not is_year(t))
    # "kanwil skrg targetnya brp": a value written with "-nya" before the question word is
    # asked of what comes before it, its owner, which is not counted (but people are: "peserta
    # BPU targetnya brp" counts them)
    asked = next((i for i, w in enumerate(q.words) if w == "berapa"), len(q.words))
    owned = next((i for i, w in enumerate(q.words[:asked]) if _owned_value(w)), 0)
    heads -= {stem(w) for w in q.words[:owned] if not spans.is_people_figure(w)}
    # a place before the noun ("How many of <Kabupaten>'s villages") is where, not what
    where = {t for p in q.places if p.kind in LOCATION_KINDS for t in terms_of_words(words(p.name))}
    counted = heads - _VALUE_STEMS - verbs - where
    # "berapa klaim BPJS TK": claims, not the agency; the agency only when the head names
    # nothing else ("target BPJS 2025 brp" asks a value of it and counts nothing)
    head = counted - q.agency or (counted if counted == heads else frozenset())
    if not head or not head <= COUNTERS | q.kind_nouns or "berapa" not in q.words:
        return head
    before = q.words[: q.words.index("berapa")]
    named = {stem(w) for w in before if w.isalpha() and w not in STOPWORDS}
    return head | (named - q.agency or named)


_VALUE_STEMS = frozenset(stem(w) for w in FIGURE_NOUNS | VALUE_NOUNS)


def _owned_value(word: str) -> bool:
    """ "targetnya", "persentasenya": a value noun with "-nya", the value of what precedes it
    (not a count's: "pekerja informal jumlahnya brp" counts the workers)."""
    value = stem(word.removesuffix("nya"))
    return word.endswith("nya") and value in _VALUE_STEMS and value not in _COUNT_STEMS


_COUNT_STEMS = frozenset(stem(w) for w in ("jumlah", "total", "banyak"))


# Kinds of money a question may ask the amount of, each of which another kind does not
# answer ("berapa upah bulanan <Nama>": not the santunan paid to the heirs), by their stems
# ("menunggak" names the "tunggakan"); wages by any name
_WAGE_WORDS = ("upah", "gaji", "honor", "honorarium")
_OTHER_MONEY = (
    "pesangon",
    "tunggakan",
    "santunan",
    "beasiswa",
    "anggaran",
    "insentif",
    "tunjangan",
)
_MONEY_KINDS = {**{stem(w): "upah" for w in _WAGE_WORDS}, **{stem(w): w for w in _OTHER_MONEY}}
# Kinds a text answering their amount names somewhere ("menunggak iuran Rp1,2 miliar", "upah
# Rp3,4 juta"), unlike a santunan ("ahli waris menerima Rp150 juta"); wages may be named by
# the minimum they are held to (UMP, UMK)
_NAMED_KINDS = {
    "upah": frozenset(stem(w) for w in (*_WAGE_WORDS, "ump", "umk")),
    **{w: frozenset({stem(w)}) for w in ("pesangon", "tunggakan")},
}


def _money_kinds(said: Sequence[str]) -> set[str]:
    """The kinds of money (`_MONEY_KINDS`) that the words `said` name."""
    return {_MONEY_KINDS[t] for t in map(stem, said) if t in _MONEY_KINDS}


def _money_kind_match(q: Question, text: str) -> float:
    """-1 when `text` cannot give the amount of the kind of money the question asks
    (`_MONEY_KINDS`): it never names a kind always named with its amount (`_NAMED_KINDS`),
    or the kinds it names before its amounts are all others ("... dengan anggaran Rp1,58
    miliar" for "berapa insentif ..."); 0 otherwise. Money the question names with a figure
    asks nothing ("berapa iuran kalau gaji saya 3 juta?")."""
    said = without_unasked_money(q.words)
    asked = _money_kinds(
        [w for i, w in enumerate(said) if not any(x[:1].isdigit() for x in said[i + 1 : i + 3])]
    )
    if not asked:
        return 0.0
    stems = {stem(w) for w in without_unasked_money(tuple(words(text)))}
    if any(not _NAMED_KINDS[kind] & stems for kind in asked & _NAMED_KINDS.keys()):
        return -1.0
    before = set()  # the kinds named before each amount, in its sentence
    for start, end in split_sentences(text):
        sentence = text[start:end]
        for s, _ in spans.money_spans(sentence):
            before |= _money_kinds(without_unasked_money(tuple(words(sentence[:s]))))
    return -1.0 if before and not before & asked else 0.0


def unit_match(q: Question, text: str) -> float:
    """+1 when a figure of `text` counts a noun the question counts, -1 when its figures all
    count other nouns or are all shares when things other than people are counted, or when
    it cannot give the kind of money asked (`_money_kind_match`), 0 when that cannot be
    told."""
    if q.kind == "berapa" and q.unit == "uang":
        return _money_kind_match(q, text)
    if q.kind != "berapa" or q.unit != "jumlah":
        return 0.0
    wanted = counted_nouns(q)
    people = any(spans.is_people_figure(w) for w in q.words)  # "pekerja", "buruh", ...
    ages = spans.age_spans(text)
    figures = tuple(f for f in spans.figure_spans(text) if not spans.within(f, ages))
    if ages and not figures:  # "<Nama> (52), sopir ...": an age counts no one
        return 1.0 if AGE_WORDS & set(q.words) else -1.0
    counted = [(s, _counted_noun(text, s, e)) for s, e in figures]
    nouns = [n for _, n in counted if n]
    if any(_counts(n, wanted) for n in nouns):
        return 1.0
    if any(
        n == ("orang",) and _named_before(text, s, e, wanted)
        for (s, e), (_, n) in zip(figures, counted, strict=True)
    ):
        return 1.0  # "jumlah agen ... tercatat 2.140 orang": people, named before the figure
    if any(
        n == ("orang",) and _agents_after(text, e, wanted)
        for (_, e), (_, n) in zip(figures, counted, strict=True)
    ):
        return 1.0  # "3.418 orang di <Kota> kini menerima ...": the "penerima" counted
    if any(
        spans.is_people_figure(text[s:e]) and _kind_after(text, e, wanted, q.words)
        for s, e in figures
    ):
        return 1.0  # "86.711 pekerja bukan penerima upah": those workers counted
    shares = bool(figures) and len(spans.percent_spans(text)) == len(figures)
    if wanted and not people and shares and _counts_things(q, wanted):
        return -1.0  # "berapa jumlah klinik mitra ...": a share is no count of them
    money = spans.money_spans(text)
    if wanted & _TALLIES and figures and all(spans.within(f, money) for f in figures):
        return -1.0  # "how many claim cases": not the amount paid for them
    if not nouns:
        return 0.0
    # members ("1.340 anggota ...") count as participants when participants are counted (the
    # glossary reads the question's "anggota" as "peserta")
    members = "peserta" in q.words
    # and employees as workers when workers are counted (it reads "karyawan" and "pegawai"
    # as "pekerja"; not "berapa anak pekerja ...", their children)
    employees = q.head[:1] == (stem("pekerja"),)
    if _counts_anyone(q) and any(n[0] in spans.PEOPLE_NOUNS for n in nouns):
        return 1.0  # "brp org ...": fishermen and traders are people too
    if people and any(
        spans.is_people_figure(n[0])
        or (members and n[0] == "anggota")
        or (employees and n[0] in _EMPLOYEES)
        for n in nouns
    ):
        return 1.0 if _names_people_asked(q, text) else -1.0
    if (
        _PAID & set(q.words)
        and spans.has_money(text)
        and not _counts_people_first(q)
        and not wanted & _TALLIES
    ):
        # "berapa total klaim yang dibayarkan (kepada peserta)": an amount may be what is
        # asked, whoever it is paid to (not when cases are counted: "how many claim cases")
        return 0.0
    return -1.0 if wanted or people else 0.0  # "berapa pekerja ...": not "17 kabupaten"


_EMPLOYEES = frozenset({"karyawan", "pegawai"})


def _counts_anyone(q: Question) -> bool:
    """ "Pemprov nanggung iuran brp org?": people counted by a mere counter, the question
    naming no kind of people of its own."""
    named = {w for w in q.words if spans.is_people_figure(w) or w in spans.PEOPLE_NOUNS}
    return bool(q.head) and set(q.head) <= COUNTERS and not named - COUNTERS


def _counts_people_first(q: Question) -> bool:
    """The first noun after "berapa" (before it when none follows: "jumlah peserta ...
    berapa?") is people ("berapa pekerja ...", "berapa total peserta ..."), not a thing paid
    to them ("berapa klaim ... kepada peserta")."""
    if "berapa" not in q.words:
        return any(spans.is_people_figure(w) for w in q.words)
    at = q.words.index("berapa")
    after = [w for w in q.words[at + 1 :] if w not in STOPWORDS and w not in TOTAL_WORDS]
    before = [w for w in q.words[:at] if w not in STOPWORDS and w not in TOTAL_WORDS]
    return spans.is_people_figure((after or before or [""])[0])


def _names_people_asked(q: Question, text: str) -> bool:
    """A question counting residents ("berapa penduduk ...") is not answered by a count of
    participants or workers: the text must name them. (Workers, participants and the
    covered are counted interchangeably by the articles.)"""
    if not _RESIDENTS & set(q.words) or _PARTICIPATION & set(q.words):
        return True  # "berapa penduduk yang terdaftar?": participants after all
    return bool({stem(w) for w in words(text)} & _RESIDENT_STEMS)


_RESIDENTS = frozenset({"penduduk", "populasi"})
_RESIDENT_STEMS = frozenset(stem(w) for w in _RESIDENTS)
_PARTICIPATION = frozenset(
    {"peserta", "terdaftar", "didaftarkan", "terlindungi", "dilindungi", "kepesertaan"}
)


def _named_before(text: str, start: int, end: int, wanted: frozenset[str]) -> bool:
    """The figure `text[start:end]` states how many of a noun the question counts, named
    before it in its clause, with a word stating an amount just before the number ("jumlah
    agen di X tercatat 2.140 orang"; not "kantor cabang itu melayani 2.140 orang")."""
    said = words(re.split(r"[,;:.]\s", text[:start])[-1])
    stating = [*said[-1:], *words(text[start:end])[:1]]  # the span may open with the verb
    return bool(_STATING & set(stating)) and bool({stem(w) for w in said} & wanted)


def _agents_after(text: str, end: int, wanted: frozenset[str]) -> bool:
    """The people a figure counts (`text[:end]` ends with it) do what a counted noun of the
    question names its doers by: the first verb after the figure in its sentence has that
    noun's stem ("3.418 orang di <Kota> kini menerima ..." for "berapa penerima ...")."""
    rest = words(re.split(r"[;:.!?]\s", text[end:])[0])
    verb = next((w for w in rest if w not in STOPWORDS and is_verb(w)), None)
    return verb is not None and stem(verb) in wanted


def _kind_after(text: str, end: int, wanted: frozenset[str], asked: Sequence[str]) -> bool:
    """People counted (`text[:end]` ends with them) are of the kind the question counts,
    named by the words just after them ("86.711 pekerja bukan penerima upah" for "how many
    were non-wage earners"): every counted stem among the next `_KIND_WORDS` words of the
    clause, "bukan" among them when the question (`asked`, its words) says it."""
    clause = words(re.split(r"[,;:.!?]\s|\s(?:dan|serta|sedangkan)\s", text[end:])[0])
    kind = clause[:_KIND_WORDS]
    # "bukan penerima upah" is the other kind: the question must say "bukan" too
    negated = bool(NOT_OF_A_KIND & set(kind)) == bool(NOT_OF_A_KIND & set(asked))
    return bool(wanted) and negated and wanted <= {stem(w) for w in kind}


_KIND_WORDS = 4

# Words that state an amount just before it ("tercatat 2.140 orang", "mencapai ...").
_STATING = frozenset(
    {"tercatat", "mencapai", "berjumlah", "sebanyak", "sejumlah", "sekitar", "ada", "adalah",
     "yakni", "yaitu", "menjadi", "kini", "baru"}
)  # fmt: skip


def _counts_things(q: Question, wanted: frozenset[str]) -> bool:
    """The question counts what it names: "berapa jumlah <noun>", "berapa <noun>" (not
    "dendanya berapa", which asks for a value)."""
    at = [i for i, w in enumerate(q.words) if w == "berapa"]
    after = {stem(w) for i in at for w in q.words[i + 1 : i + 2] if w not in _CLAUSE_WORDS}
    return bool({"jumlah", "banyak"} & set(q.words)) or bool(after & wanted)


# Words opening a clause after "berapa" ("dendanya berapa kalau telat?"): no noun counted.
_CLAUSE_WORDS = frozenset({"kalau", "kalo", "klo", "jika", "bila", "apabila", "kl", "if", "when"})


# Words by which a "berapa" question may ask for an amount paid rather than a count.
_PAID = {"total", "klaim", "manfaat", "dibayar", "dibayarkan", "membayar", "bayar", "biaya"}
# nouns that count occurrences, never an amount ("berapa kasus klaim yang dibayarkan")
_TALLIES = frozenset(stem(w) for w in ("kasus", "berkas", "pengajuan", "permohonan"))


def _counts(noun: tuple[str, ...], wanted: set[str] | frozenset[str]) -> bool:
    """The figure's noun is what the question counts: its first word, or the second after a
    word for people, for cases or a unit ("2.150 tukang ojek" counts ojek; "1.362 kasus
    kecelakaan" counts accidents; "3.000 ton gabah" rice; "12.840 perangkat desa" not
    desa)."""
    if stem(noun[0]) in wanted:
        return True
    counter = spans.is_people_figure(noun[0]) or noun[0] in _PERSON_WORDS | _CASE_WORDS | _MEASURES
    return len(noun) > 1 and counter and stem(noun[1]) in wanted


# Words that name people by what they do, before the noun that says what ("tukang ojek").
_PERSON_WORDS = {"tukang", "buruh", "pengemudi", "warga", "kader", "para", "pelaku"}
# Words that count events or things before the noun that says which ("1.362 kasus kecelakaan",
# "12 cabang olahraga").
_CASE_WORDS = {"kasus", "kejadian", "peristiwa", "unit", "buah", "jenis", "cabang"}
# Units that measure the noun after them ("3.000 ton gabah" measures rice).
_MEASURES = {"ton", "kg", "kilogram", "kuintal", "liter", "hektare", "hektar"}


_CHECKED_RE = re.compile(r"\s*%?\s*(?:[^\W\d]+\s*)?(?:ya|kan|bukan|kah|right|correct)?\s*\?", re.I)


def only_given_figures(q: Question, text: str) -> bool:
    """Whether every figure of `text` is one the question itself states ("dari 3 jutaan
    pekerja, yg terlindungi berapa?" is not answered by "3 jutaan orang"); a figure the
    user asks to have checked ("santunan JKM 42 jt ya?") is not one it states."""
    if q.compared:
        return False
    given = {
        m.group()
        for m in spans.NUMBER_RE.finditer(q.text)
        if not _CHECKED_RE.match(q.text, m.end())
    }
    figures = [spans.NUMBER_RE.findall(text[s:e]) for s, e in spans.figure_spans(text)]
    numbers = [n for f in figures for n in f]
    return bool(given) and bool(numbers) and all(n in given for n in numbers)


# The one or two words after a figure, past a word saying they were once so ("35 mantan
# pekerja": former workers are workers counted)
_AFTER_FIGURE = re.compile(r"\s+(?:(?i:mantan|eks|bekas)\s+)?([A-Za-z]+)(?:\s+([A-Za-z]+))?")


def _counted_noun(text: str, start: int, end: int) -> tuple[str, ...]:
    """The noun a figure counts: its own last word, or the one or two words after it
    ("12.840 perangkat", "2.150 tukang ojek"); none when a function word follows."""
    last = text[start:end].split()[-1].lower()
    if last in spans.OF_THEM_WORDS:  # "Dua di antaranya": of what was counted before, named there
        return ()
    if last in _CASE_WORDS:  # "1.362 kasus kecelakaan": cases of what comes after
        after_case = re.match(r"\s+([A-Za-z]+)", text[end : end + 40])
        what = after_case.group(1).lower() if after_case else ""
        return (last, what) if what and what not in STOPWORDS else (last,)
    if last.isalpha() and last not in spans.SCALE_WORDS and not last.startswith("rp"):
        return (last,)
    after = _AFTER_FIGURE.match(text[end : end + 50])
    nouns = [w.lower() for w in after.groups() if w] if after else []
    if not nouns or nouns[0] in STOPWORDS:
        return ()  # "12.000 atau 30 persen" counts nothing named
    return tuple(nouns[:1] if nouns[-1] in STOPWORDS else nouns)


def when_near(q: Question, text: str, targets: spans.Spans) -> float:
    """1 when a year or month the question names stands within `NEAR` characters of one of
    the targets ("... akhir 2024 yang masih 36,9 persen")."""
    if not targets or not (q.years or q.months):
        return 0.0
    named = _time_named(q.years, q.months)
    lower = text.lower()
    for s, e in targets:
        if named.search(lower[max(0, s - NEAR) : e + NEAR]):
            return 1.0
    return 0.0


@lru_cache(maxsize=256)
def _time_named(years: tuple[int, ...], months: tuple[int, ...]) -> re.Pattern[str]:
    """The years and month names of a question as whole words ("mei", not in "Meiliana"),
    built once per question, not per window."""
    names = [str(y) for y in years] + [w for m in months for w in MONTH_NAMES[m]]
    return re.compile(rf"\b(?:{'|'.join(names)})\b")


_QUALIFIERS = {"wakil", "plt", "plh", "mantan", "deputi", "asisten", "sekretaris", "eks", "calon"}


def role_mismatch(q: Question, text: str) -> float:
    """1 when the window qualifies an office the question asks about without qualifying it
    ("siapa kepala ..." against "Wakil Kepala ..."); 0 otherwise."""
    if q.kind != "siapa":
        return 0.0
    asked = set(q.words)
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    for a, b in zip(words, words[1:], strict=False):
        if a in _QUALIFIERS and a not in asked and b in asked:
            return 1.0
    return 0.0


def bigram_share(question: Sequence[str], window: Sequence[str]) -> float:
    """Share of the question's adjacent term pairs ("kantor cabang", "pekerja informal") that
    are adjacent in the window too (0 for a question of one term)."""
    pairs = {(a, b) for a, b in zip(question, question[1:], strict=False) if a != b}
    if not pairs:
        return 0.0
    have = set(zip(window, window[1:], strict=False))
    return len(pairs & have) / len(pairs)


def named_in_full(
    q: Question, window_terms: frozenset[str], article_terms: frozenset[str]
) -> frozenset[str]:
    """A window's terms, with the whole name of a person the question names when the window
    names them by part of it ("<Nama> memimpin ...") and the article by all of it."""
    for name in q.people:
        parts = set(terms_of_words(words(name)))
        if parts & window_terms and parts <= article_terms:
            window_terms = window_terms | parts
    return window_terms


def _with_acronyms(terms_of: TermsOf, spelled: Mapping[str, str]) -> TermsOf:
    """`terms_of`, reading each acronym of `spelled` as the long name its article gives it
    ("Ketua <ACR>, <Nama>": the head of what it stands for, near the name)."""
    if not spelled:
        return terms_of

    def expanded(text: str) -> frozenset[str]:
        terms = terms_of(text)
        written = evidence.capitals(text)
        for acronym, name in spelled.items():
            if acronym in written:
                terms |= terms_of(name)
        return terms

    return expanded


def window_features(
    q: Question,
    w: Window,
    weights: Weights,
    article_terms: frozenset[str],
    terms_of: TermsOf,
    sequence_of: Callable[[str], tuple[str, ...]],
) -> dict[str, float]:
    """The features of one window (see `FEATURES`)."""
    terms_of = _with_acronyms(terms_of, w.spelled)
    window_terms = named_in_full(q, terms_of(w.text), article_terms)
    if w.lead:  # "Klaim ... 2035 ... Berikut rinciannya:" says what the item counts
        window_terms |= terms_of(w.lead)
    if q.kind != "siapa":  # "what did the branch head say": "..., ujar <Nama>"
        for office in evidence.speaker_offices(w.text, w.article.body):
            window_terms |= terms_of(office)
    ordered = sequence_of(w.text)
    targets = target_spans(q, w.text)
    head = head_weights(q, weights)
    n_terms = len(q.terms) or 1
    context = set(q.context_terms)
    # the scene set before the question places the article, not the window
    own = {t: w for t, w in weights.idf.items() if t not in q.setting}
    asked = Weights(own) if own else weights
    return {
        "coverage": asked.share(window_terms),
        "bigrams": bigram_share(q.terms, ordered),
        "density": sum(weights.idf.get(t, 0.0) for t in set(ordered)) / (len(ordered) + 5),
        "context": weights.share(window_terms | article_terms),
        "head": head.share(window_terms) if head else 0.0,
        "retrieval": w.retrieval,
        "context_terms": len(context & window_terms) / len(context) if context else 0.0,
        "target": 1.0 if targets else 0.0,
        "target_near": proximity(w.text, targets, weights, terms_of) if targets else 0.0,
        "head_near": proximity(w.text, targets, head, terms_of) if targets and head else 0.0,
        "focus": focus_bonus(q, w.text, weights, terms_of),
        "unit": unit_match(q, w.text),
        "role_mismatch": role_mismatch(q, w.text),
        "goal": 1.0 if target_penalty(q, w.text) else 0.0,
        "dated": date_bonus(q, w.text, w.article),
        "when_near": when_near(q, w.text, targets),
        "pair": 1.0 if w.pair else 0.0,
        "title": 1.0 if w.title else 0.0,
        "unknown_common": q.common_share,
        "unknown_rare": q.rare_share,
        "asked_unknown": q.asked_unknown,
        "terms": math.log1p(n_terms - len(q.unknown_common) - len(q.unknown_rare)),
    }


# Features that are the same for every window of a question: they cannot rank windows, only
# tell how far an answer can be trusted.
QUESTION_FEATURES = ("unknown_common", "unknown_rare", "asked_unknown", "terms")
RANK_FEATURES = tuple(f for f in FEATURES if f not in QUESTION_FEATURES)
# What the calibration reads besides the rank score: every feature of the best window, and
# what is known of the question itself (the rank says which window is best; how far it can
# be trusted depends on more than its rank: a fit with only coverage, context and head
# refused more right answers to chat messages at the same share of refusals).
CALIBRATION_FEATURES = ("rank", *RANK_FEATURES, *QUESTION_FEATURES)

# Hand-set weights (the engine's rules before any fit): used when knowledge/ has no
# scorer.json. The score is then not a probability; the threshold is on the same scale.
HAND_WEIGHTS = {
    "coverage": 1.0,
    "context": 0.25,
    "retrieval": 0.3,
    "focus": 1.0,
    "dated": 1.0,
    "goal": -0.3,
    "pair": -0.15,
}
HAND_THRESHOLD = 1.2


@dataclass(frozen=True)
class Linear:
    """`intercept + sum(coef * (x - mean) / scale)`."""

    coef: Mapping[str, float]
    intercept: float = 0.0
    mean: Mapping[str, float] = field(default_factory=dict)
    scale: Mapping[str, float] = field(default_factory=dict)

    def __call__(self, x: Mapping[str, float]) -> float:
        z = self.intercept
        for name, c in self.coef.items():
            z += c * (x.get(name, 0.0) - self.mean.get(name, 0.0)) / (self.scale.get(name) or 1.0)
        return z

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Linear:
        return cls(
            dict(data["coef"]),
            float(data.get("intercept", 0.0)),
            dict(data.get("mean", {})),
            dict(data.get("scale", {})),
        )


@dataclass(frozen=True)
class LinearScorer:
    """Two fitted linear models. The ranker orders a question's windows; the calibration
    turns the best window's rank score, with what is known of the question (how many of its
    words the articles never use), into the probability that it is right. A window answers
    when that probability reaches `threshold`. Without a fit: the hand-set weights."""

    ranker: Linear
    calibration: Linear | None = None
    threshold: float = HAND_THRESHOLD

    def rank(self, x: Mapping[str, float]) -> float:
        """The ranking score of a window among the question's windows."""
        return self.ranker(x)

    def score(self, x: Mapping[str, float], rank: float | None = None) -> float:
        """The probability that the window answers the question (the hand-set score without
        a fit)."""
        r = self.ranker(x) if rank is None else rank
        if self.calibration is None:
            return r
        z = self.calibration({**x, "rank": r})
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearScorer:
        """The scorer `bpjstk-bot fit` wrote, or the hand-set one for empty data."""
        if not data or "ranker" not in data:
            return cls(Linear(HAND_WEIGHTS))
        return cls(
            Linear.from_json(data["ranker"]),
            Linear.from_json(data["calibration"]),
            float(data["threshold"]),
        )

    def fits(self, q: Question, text: str) -> bool:
        """Hard rule kept beside the score: a berapa / siapa / kapan question needs a figure,
        a name or institution, a date."""
        return fits_kind(q, text)
