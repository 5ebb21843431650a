"""What a question names that its answer must also name: places, organisations, programs,
people, years and months. A question about another province, a year not covered or another agency is
refused when no sentence meets it; a question that only carries extra chat words is not. Pure
functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import lru_cache

from bot.answer.evidence import refers_back, states_aim
from bot.answer.lexicons import Place
from bot.answer.question import (
    JOINERS,
    TIME_NOUNS,
    Question,
    asks_address,
    asks_yes_or_no,
    is_verb,
    party_asked,
)
from bot.answer.scoring import asked_place_kinds, asks_target
from bot.answer.spans import MAGNITUDES, NUMBER_WORDS, figure_spans
from index.records import Article
from index.text import MONTH_WORDS, STOPWORDS, split_sentences, stem, words

NEARBY = 2  # sentences before an answer that still count for the months they name
LOCALE_REACH = 6  # sentences before an answer searched for the place it is about
# "Pada periode yang sama ...": the period is the one named last before, however far back
SAME_PERIOD_RE = re.compile(
    r"\b(?:periode|kurun waktu|waktu|bulan) (?:yang sama|tersebut)\b|\bperiode itu\b",
    re.IGNORECASE,
)
PERIOD_REACH = 12  # sentences before such an answer searched for its period
_LOCAL = ("kabupaten", "kota")
LOCALES = (*_LOCAL, "province")  # the kinds of place a figure can be about
# What else a figure is about: a program, a group of workers, a kind of work
TOPICS = ("program", "segment", "occupation")
NATIONAL = frozenset({"nasional", "indonesia"})  # a question about the whole country
TOPIC_NOUNS = {"program": ("program",), "segment": ("kelompok",)}  # the stem counted

PlacesIn = Callable[[str], frozenset[Place]]


def place_met(
    place: Place, window: str, before: Sequence[str], article: Article, places_in: PlacesIn
) -> bool:
    """A kabupaten or kota must be named by the answer or the title, or be the place the
    sentences before it last named (a province-wide figure does not answer for one district);
    a province, region, country or organisation by the answer, the title or the article's
    region."""
    named = places_in(window)
    if place in named:
        return True
    if any(p.kind == place.kind for p in named):
        return False  # the sentence is about another province ("Di Provinsi X, ...")
    if place in places_in(article.title):
        return True
    if place.kind in _LOCAL:
        local = [p for p in named if p.kind in LOCALES]
        return not local and _last_place(before, places_in) == place
    return place in places_in(article.region)


_AGENCY_WORDS = frozenset({"bpjs", "ketenagakerjaan", "bpjamsostek", "tk"})
_OFFICE_WORDS = (_AGENCY_WORDS - {"bpjs"}) | {"cabang"}


def _past(tokens: Sequence[str], start: int, skipped: frozenset[str]) -> int:
    """Index of the first token from `start` on that is not one of `skipped` (the words of
    the agency's name between an office word and its place)."""
    while start < len(tokens) and tokens[start] in skipped:
        start += 1
    return start


def _office_only(place: Place, window: str, places_in: PlacesIn) -> bool:
    """A sentence about another district than the one asked: the one asked is named only in
    an office's name ("Kepala Kantor Cabang X ... cakupan di Y"), or not at all while another
    is named, outside an office's name, or as an office whose figure it gives ("Kantor Cabang
    Y mencatat total ..." is the office's whole area). Its head speaking ("Kepala Kantor
    Cabang Y mengatakan, ...") says nothing of where the figure is: the title or the
    sentences before it tell."""
    named = places_in(window)
    if place.kind not in _LOCAL or not any(p.kind in _LOCAL and p != place for p in named):
        return False
    left = outside_offices(window, places_in)
    if place in named:
        return place not in left
    spoken = left if _REPORTED_RE.search(window) else named
    return any(p.kind in _LOCAL for p in spoken)


def outside_offices(window: str, places_in: PlacesIn) -> frozenset[Place]:
    """The places a window names but in the names of branch offices ("Kepala Kantor Cabang
    BPJS Ketenagakerjaan X": an office, not a place the window is about)."""
    tokens = words(window)
    for i, w in enumerate(tokens):
        if w != "cabang":
            continue
        start = _past(tokens, i + 1, _AGENCY_WORDS)  # "Kantor Cabang BPJS Ketenagakerjaan X"
        for size in (1, 2, 3):  # the shortest name starting there: not the words after it
            name = tokens[start : start + size]
            local = {p for p in places_in(" ".join(name)) if p.kind in _LOCAL}
            if local and not local & places_in(" ".join(name[1:])):
                tokens[start : start + size] = [""] * size
                break
    return places_in(" ".join(tokens))


def topic_met(
    asked: frozenset[Place],
    figure: bool,
    window: str,
    before: Sequence[str],
    article: Article,
    places_in: PlacesIn,
) -> bool:
    """One of the programs (or groups of workers) asked about is what the answer is about:
    the answer names it, not only others of its kind, and not joined with another ("sektor
    formal atau informal": a figure for both); else the title or the sentences just before
    it name it (not joined either). When no figure is asked for, the article naming it is
    enough."""
    kind = next(iter(asked)).kind
    alone = figure and len(asked) == 1  # a question asking about both wants their sum
    named = {p for p in places_in(window) if p.kind == kind}
    if named:
        return bool(named & asked) and not (alone and _joined(asked, kind, window, places_in))
    context = " ".join([article.title, *before[-NEARBY:]])
    if asked & places_in(context):
        return not (alone and _joined(asked, kind, context, places_in))
    return not figure and bool(asked & places_in(article.body))


def _joined(asked: frozenset[Place], kind: str, window: str, places_in: PlacesIn) -> bool:
    """Whether the window names one asked for joined with another of its kind ("A atau B"),
    not each with its own figure ("A dan B masing-masing 100 dan 200")."""
    tokens = words(window)
    if "masing" in tokens or "berturut" in tokens:
        return False
    for i, w in enumerate(tokens):
        figure_after = i + 1 < len(tokens) and tokens[i + 1][0].isdigit()
        if w not in JOINERS or figure_after:
            continue  # "12.300 <A> dan 6.200 <B>": each with its own figure
        left = {p for p in places_in(" ".join(tokens[max(0, i - 3) : i])) if p.kind == kind}
        right = {p for p in places_in(" ".join(tokens[i + 1 : i + 4])) if p.kind == kind}
        if left and right and left != right and (left | right) & asked:
            return True
    return False


# Every district of a province together: "seluruh kabupaten dan kota", "semua pemkab/pemkot"
_ALL_DISTRICTS_RE = re.compile(
    r"(?i)\b(?:seluruh|semua|segenap)\s+(?:pemerintah\s+)?(?:kabupaten|pemkab)"
    r"\s*(?:dan|/|&)\s*(?:pemerintah\s+)?(?:kota|pemkot)\b"
)


def district_figure(
    place: Place,
    asked: Sequence[Place],
    window: str,
    places_in: PlacesIn,
    before: Sequence[str] = (),
    title: str = "",
) -> bool:
    """A figure about a kabupaten or kota of the province asked about, not about the province
    ("Cakupan di <kabupaten> 61,3 persen" does not say how much of its province is covered,
    nor does "... di <kabupaten> 22,6 persen, terendah di <provinsi>": the words before the
    first figure tell what it is about, in the sentences that name a place before it; nor a
    window naming no place after sentences about a district, or in an article whose `title`
    is about one when no sentence near names a place); unless the question names that
    district too."""
    if place.kind != "province" or any(p.province == place.name for p in asked):
        return False
    last = _last_place(before, places_in)
    if last is None and not any(_local_places(s, places_in) for s in before[-LOCALE_REACH:]):
        last = _last_place([title], places_in)  # no sentence near names a place
    local = any(p.kind in LOCALES for p in places_in(window))
    # "seluruh kabupaten dan kota telah menganggarkan ...": every district's, the province's
    every = bool(_ALL_DISTRICTS_RE.search(window))
    if not local and last and last.province == place.name and not every:
        return True  # a quote after "Kepala Cabang <kota> menyampaikan ...": the district's
    leads = []  # what each sentence's first figure is said of: the words before it
    for start, end in split_sentences(window):
        sentence = window[start:end]
        figures = figure_spans(sentence)
        # a sentence going on about the one before ("Jumlah itu naik ...") is of its place
        if figures and not (refers_back(sentence) and not places_in(sentence)):
            leads.append(places_in(sentence[: figures[0][0]]))
    if not leads:
        leads = [places_in(window)]
    return all(place not in ps and any(p.province == place.name for p in ps) for ps in leads)


def province_figure(place: Place, window: str, places_in: PlacesIn) -> bool:
    """A figure of the province a kabupaten or kota asked about lies in, in an article about
    the district ("... membayarkan klaim di <provinsi> sebesar ..."): no sentence of the
    window with a figure names the district (one without may: "cakupan di <provinsi> 61,7
    persen ... Terendah di <kabupaten>."), and each of its sentences with a figure that names
    a province or district names the province before the figure (not as the office of its
    governor); one naming none goes on about the one before ("Rinciannya, klaim JHT ...");
    none may point at the district ("kota itu")."""
    if place.kind not in _LOCAL:
        return False
    leads = []
    for start, end in split_sentences(window):
        sentence = window[start:end]
        figures = figure_spans(sentence)
        if not figures:
            continue
        if place in places_in(sentence):
            return False
        lead = sentence[: figures[0][0]]
        if _POINTED_OR_GOVERNED_RE.search(lead):
            return False
        if any(p.kind in LOCALES for p in places_in(sentence)):
            leads.append(lead)
    return bool(leads) and all(
        any(p.kind == "province" and p.name == place.province for p in places_in(lead))
        for lead in leads
    )


def region_by_province(place: Place, window: str, places_in: PlacesIn) -> bool:
    """A figure of a province, not of the region asked ("<wilayah>"): the window names a
    province, and the region only as the name of its regional office ("Kepala Kanwil BPJS
    Ketenagakerjaan <wilayah>", "Kantor Wilayah (Kanwil) Provinsi <wilayah>")."""
    named = places_in(window)
    provinces = any(p.kind == "province" for p in named)
    if place.kind != "region" or place not in named or not provinces:
        return False
    tokens = words(window)
    for i, w in enumerate(tokens):
        office = w == "kanwil" or (w == "wilayah" and tokens[i - 1 : i] == ["kantor"])
        if not office:
            continue
        start = _past(tokens, i + 1, _AGENCY_WORDS | {"kanwil", "provinsi"})
        for size in range(1, 5):  # the shortest name starting there
            if place in places_in(" ".join(tokens[start : start + size])):
                tokens[start : start + size] = [""] * size
                break
    return place not in places_in(" ".join(tokens))


# "di kota itu", "kabupaten tersebut", "setempat": the district the article is about; "Gubernur
# <provinsi>", "Pemprov <provinsi>": the province as who acts, not as where the figure is
_POINTED_OR_GOVERNED_RE = re.compile(
    r"(?i)\b(?:(?:kota|kabupaten|daerah|wilayah)\s+(?:itu|tersebut|ini)|setempat"
    r"|gubernur|pemprov|pemerintah\s+provinsi)\b"
)


def group_figure(
    place: Place, window: str, places_in: PlacesIn, asked: Sequence[Place] = ()
) -> bool:
    """A figure for several districts together ("wilayah kerja ..., meliputi A, B, dan C,
    mencapai N pekerja") does not say how many are in one of them: a sentence of the answer
    names the district asked with two or more others, and has fewer figures than districts;
    unless the question asks of those districts together ("di A, B dan C"), or the district
    asked is the only one named before the figure ("A menyumbang 38,6 persen, disusul B dan
    C": A's)."""
    if place.kind not in _LOCAL:
        return False
    for start, end in split_sentences(window):
        sentence = window[start:end]
        local = [p for p in places_in(sentence) if p.kind in _LOCAL]
        if set(local) <= set(asked):
            continue
        figures = figure_spans(sentence)
        if place not in local or len(local) < 3 or len(figures) >= len(local):
            continue
        lead = places_in(sentence[: figures[0][0]]) if figures else frozenset()
        if {p for p in lead if p.kind in _LOCAL} != {place}:
            return True
    return False


def _office_region(place: Place, q: Question, article: Article, places_in: PlacesIn) -> bool:
    """A region named beside a province or district ("target BPJS TK <region> ... pekerja
    <province>"), or right after the agency ("target BPJS TK <region> buat 2025"), names the
    office, not what the figure is about: the article naming it is enough."""
    return (
        place.kind == "region"
        and (any(p.kind in LOCALES for p in q.places) or _office_place(place, q.words, places_in))
        and place in places_in(f"{article.title} {article.body}")
    )


def _about_office(
    place: Place, asked: Sequence[str], article: Article, places_in: PlacesIn
) -> bool:
    """For a question that asks neither a figure nor a person (whose answer must name the
    office's place), an office's place is met by the article naming that office: a region
    (an office's area) named anywhere in it, or a district the question names as the agency's
    office ("di BPJS TK <kota>") and the article too."""
    if place.kind == "region":
        return place in places_in(f"{article.title} {article.body}")
    if place.kind not in _LOCAL or not _office_place(place, asked, places_in):
        return False
    return _office_place(place, words(article.body), places_in)


def _event_place(
    place: Place, asked: Sequence[str], window: str, article: Article, places_in: PlacesIn
) -> bool:
    """For "kapan ... di <kota>?", the time of an event in a district (not at an office,
    "di BPJS TK <kota>", which `_about_office` meets): the district is met by an article that
    names it other than as an office's place ("penduduk <kota>", not only "Cabang
    <kota>"), when the answer names no other district (a date is no district's figure)."""
    if place.kind not in _LOCAL or _office_place(place, asked, places_in):
        return False
    if any(p.kind in _LOCAL for p in places_in(window)):
        return False
    tokens = words(f"{article.title} {article.body}")
    kept, i = [], 0
    while i < len(tokens):
        if tokens[i] in _OFFICE_WORDS:  # "Cabang BPJS TK (di) <kota>": the office, left out
            i = _past(tokens, i + 1, _AGENCY_WORDS | {"di"}) + 3  # a name of up to 3 words
            kept.append("|")
            continue
        kept.append(tokens[i])
        i += 1
    return place in places_in(" ".join(kept))


def _office_place(place: Place, tokens: Sequence[str], places_in: PlacesIn) -> bool:
    """The words name the place as the agency's office ("BPJS Ketenagakerjaan <kota>",
    "Cabang <kota>")."""
    for i, w in enumerate(tokens):
        if w not in _OFFICE_WORDS:
            continue
        start = _past(tokens, i + 1, _AGENCY_WORDS | {"di"})  # "Cabang BPJS TK (di) <kota>"
        name = tokens[start : start + 3]
        if place in places_in(" ".join(name)) and place not in places_in(" ".join(name[1:])):
            return True
    return False


def _branch(place: Place, words: Sequence[str], places_in: PlacesIn) -> bool:
    """The question names the place as a branch office ("kantor cabang X"), whose figures are
    for its whole area."""
    return any(
        w == "cabang" and place in places_in(" ".join(words[i + 1 : i + 4]))
        for i, w in enumerate(words)
    )


def _last_place(before: Sequence[str], places_in: PlacesIn) -> Place | None:
    """The place the text before an answer is about: the last one it names (None when the
    last sentence naming places names several, or none is named within reach). Where
    something was said ("dipaparkan ... di <kota>, Selasa (22/1)") is not what it was
    about; where an event took place ("Pelatihan digelar di <kabupaten>, Senin") is."""
    for sentence in reversed(before[-LOCALE_REACH:]):
        named = _local_places(sentence, places_in)
        if named:
            return named[0] if len(named) == 1 else None
    return None


def _local_places(sentence: str, places_in: PlacesIn) -> list[Place]:
    """The places a sentence is about (not where something in it was said)."""
    return [p for p in places_in(_without_where_said(sentence)) if p.kind in LOCALES]


YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_REGULATION_RE = re.compile(
    r"(?i)\b(?:nomor|no\.)\s*\S+\s+tahun\s+\d{4}"
)  # "PP Nomor 44 Tahun 2015"


def year_met(
    year: int,
    window: str,
    before: Sequence[str],
    article: Article,
    figure: bool = True,
    headline: bool = True,
    aim: bool = False,
) -> bool:
    """The answer names the year; or, naming no year of its own ("sepanjang 2025" answers
    for 2025, not for the year the article appeared), the sentences just before it name it,
    or the article is from that year. When no figure is asked for, the title naming the year
    is enough too ("Target ... 2025, Fokus pada 4 Hal": the four things are for 2025). A
    figure is of the year the nearest sentence before it names; who held an office, of the
    article's day as well; one no sentence near dates, with `headline`, of the title's year
    when the title states it too ("target 50 persen ..."; not for a question naming the
    figure itself, which asks for the year the answer must show). A target (`aim`) is of the
    year its title states, if it states one, not of the article's day ("Target 50 Persen ...
    Tahun 2025" in an article of 2024 is no target for 2024)."""
    own = _own_years(window)
    if own and not _only_compared(window, own):
        return str(year) in own
    if str(year) in own:
        return True  # the figure it is compared with
    # naming no year but the one its figure is compared with ("Nilai itu berasal dari 16.382
    # kasus klaim, naik dibandingkan 2066 ..."): of the year the sentences before it name
    dated = article.dated
    if str(year) in relative_years(window, dated):
        return True  # "Tahun lalu baru 41 desa ..." in an article of the year after
    titled_years = YEAR_RE.findall(article.title)
    titled = str(year) in titled_years
    if not figure and titled:
        return True
    in_time = bool(dated and dated.year == year) and not (aim and titled_years and not titled)
    looked = 0
    for sentence in reversed(before):
        if looked == NEARBY:
            break
        near = YEAR_RE.findall(_DAY_RE.sub(" ", sentence))  # not the day of a quote
        if not near and sentence.rstrip().endswith(":"):
            continue  # "Rinciannya sebagai berikut:": the list's period is told before it
        # "Sepanjang 2025, ... Klaim terbesar ...": a figure of 2025; who held an office, of
        # the article's day too
        compared = set(_compared_years(sentence))
        if near and set(near) <= compared:
            # "Jumlah itu naik dari ... akhir 2040": 2040 is what it is compared with, and
            # the sentence before it may say the period ("Sepanjang 2041, ... Nilai itu naik
            # ... dibanding 2040. Rinciannya: ...")
            continue
        looked += 1
        if near:
            return str(year) in near or (not figure and in_time)
    # "... target 50 persen pekerja ...", no year near: the headline's "Target 50 Persen ... 2025"
    if in_time or not (headline and titled):
        return in_time
    return bool(set(named_figures(window)) & set(named_figures(article.title)))


# "tahun lalu", "tahun ini" and "tahun depan": a year told by the article's own
# ("setahun sebelumnya" is told by the sentence before, not by the article's day)
_RELATIVE_YEAR_RE = re.compile(
    r"\b(?:(tahun lalu|tahun kemarin)|(tahun ini)|(tahun depan|tahun mendatang))\b", re.I
)


def relative_years(text: str, dated: date | None) -> list[str]:
    """The years `text` names by the article's year ("Tahun lalu baru 41 desa ... Tahun ini
    seluruh 65 desa ..." in an article of 2056: 2055 and 2056; "Tahun depan kami bidik 80
    persen": 2057); [] when undated."""
    if dated is None:
        return []
    return [
        str(dated.year - 1 if m.group(1) else dated.year + 1 if m.group(3) else dated.year)
        for m in _RELATIVE_YEAR_RE.finditer(text)
        if not _COMPARED_WITH_RE.search(text[max(0, m.start() - 40) : m.start()])
        and not _YEARS_COUNTED_RE.search(text[max(0, m.start() - 20) : m.start()])
    ]


# "dua tahun lalu", "lima tahun mendatang", "beberapa tahun ...": years counted, not one year
_YEARS_COUNTED_RE = re.compile(
    rf"(?i)\b(?:\d+|{'|'.join(NUMBER_WORDS)}|beberapa|puluhan|sekian)\s+$"
)


# "naik dibanding (periode yang sama) tahun lalu": the year compared with, not the figure's
_COMPARED_WITH_RE = re.compile(
    r"\b(?:dibanding(?:kan)?|ketimbang|daripada|dari)\s+(?:\w+\s+){0,3}$", re.I
)


# A half or a quarter of a year by its number, or several ("semester I", "triwulan ke-2",
# "kuartal ketiga", "semester I dan II"; the glossary reads "first half" and "Q1" into these).
_PART = r"(?:iv|i{1,3}|[1-4]|pertama|kedua|ketiga|keempat)"
_YEAR_PART_RE = re.compile(
    rf"(?i)\b(semester|triwulan|kuartal)\s*(?:ke-?\s*)?({_PART}(?:\s*(?:dan|-|/|,)\s*{_PART})*)\b"
)
_PART_NUMBERS = {
    **{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4},
    **{"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4},
}


def year_parts(text: str) -> set[tuple[str, int]]:
    """The halves and quarters of a year a text names: ("semester", 1), ("triwulan", 2)."""
    return {
        ("semester" if m.group(1).lower() == "semester" else "triwulan", _PART_NUMBERS[n.lower()])
        for m in _YEAR_PART_RE.finditer(text)
        for n in re.findall(_PART, m.group(2), re.I)
    }


_DAY_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")  # "(9/2/2026)"
# A year a figure is compared with ("naik dari 3,38 juta pada akhir Desember 2040",
# "dibandingkan 2040 yang ..."): not the period the sentences after it go on about.
_COMPARED_YEAR_RE = re.compile(
    r"(?i)\b(?:naik|turun|bertambah|berkurang|meningkat|menurun)\s+(?:\w+\s+){0,2}dari\s+"
    r"(?:sekitar\s+)?(?:rp\.?\s?)?\d[^;]{0,60}?\b((?:19|20)\d\d)\b"
    r"|\b(?:dibanding(?:kan)?|ketimbang)\s+(?:dengan\s+)?(?:\w+\s+){0,3}?((?:19|20)\d\d)\b"
)


def _years_ended(asked: Sequence[str]) -> list[int]:
    """The years whose end the question asks about ("akhir 2049", "akhir tahun 2049")."""
    return [
        int(asked[k])
        for k in range(1, len(asked))
        if YEAR_RE.fullmatch(asked[k])
        and (asked[k - 1] == "akhir" or asked[k - 2 : k] == ("akhir", "tahun"))
    ]


def _at_year_end(
    year: int,
    window: str,
    before: Sequence[str],
    names: dict[int, tuple[str, ...]],
    dated: date | None = None,
) -> bool:
    """A figure "as of the end of `year`" is not one as of another month of it ("per akhir
    September 2049", "Januari-September 2049"): the window, else the nearest sentence before
    it that says, says the year's end or gives figures up to December, not up to another
    month ("sejak 1 Oktober 2049" is when something began, and says nothing either way).
    When none says, it is of the article's day (`dated`): not the end of the year of an
    article from before that year's last quarter."""
    for text in (window, *reversed(before[-NEARBY:])):
        lower = _spaced(text)
        if f" {year} " not in lower:
            continue
        if f" akhir {year} " in lower or f" akhir tahun {year} " in lower:
            return True
        said = {
            m
            for m, forms in names.items()
            for f in forms
            if re.search(rf" (?:{_UP_TO}) (?:akhir )?(?:\d{{1,2}} )?{f} {year} ", lower)
        }
        if said:
            return 12 in said
    return not (dated and dated.year == year and dated.month < _LAST_QUARTER)


_LAST_QUARTER = 10  # the first month of a year's last quarter


# Words before the month a figure is given up to: "per akhir September", "hingga 31 Mei",
# "s.d. Juni" (read as "s d"), and the first month of a range ("Januari-September 2049")
_UP_TO = "|".join(
    ["per", "hingga", "sampai", "dengan", "akhir", "posisi", "sd", "s d", *sorted(MONTH_WORDS)]
)


def _periods(text: str, month_names: dict[int, tuple[str, ...]]) -> set[tuple[str, int]]:
    """The halves and quarters of a year a text names, or those of the months it names with
    their year ("Januari hingga Maret 2052": the first quarter and half; not "sejak
    Februari" or "17 Agustus", which tell when something began or happened)."""
    if parts := year_parts(text):
        return parts
    lower = _spaced(text)
    months = [
        m
        for m, names in month_names.items()
        if any(re.search(rf" {n} (?:19|20)\d\d ", lower) for n in names)
    ]
    return {
        p for m in months for p in (("triwulan", (m - 1) // 3 + 1), ("semester", (m - 1) // 6 + 1))
    }


def _period_before(
    before: Sequence[str], month_names: dict[int, tuple[str, ...]]
) -> set[tuple[str, int]]:
    """The halves and quarters of a year of the last sentence before a window that names
    any."""
    return next((p for s in reversed(before) if (p := _periods(s, month_names))), set())


def partial_year(text: str, before: Sequence[str], month_names: dict[int, tuple[str, ...]]) -> bool:
    """The window's figure is of a part of a year, short of its end (`_year_placed` names a
    half, a quarter or months, none of them December's): "Sepanjang Januari hingga Juni 2065,
    ... . Klaim JHT ... Rp1,24 triliun."; not after "Sepanjang 2065, ..."."""
    parts = _year_placed(text, before, month_names)
    return parts is not None and bool(parts) and ("triwulan", 4) not in parts


def whole_year(text: str, before: Sequence[str], month_names: dict[int, tuple[str, ...]]) -> bool:
    """The window's figure is of a whole year (`_year_placed` names a year and no part of it,
    or December): "Sepanjang 2065, ...", "hingga Desember 2065"."""
    parts = _year_placed(text, before, month_names)
    return parts is not None and (not parts or ("triwulan", 4) in parts)


def _year_placed(
    text: str, before: Sequence[str], month_names: dict[int, tuple[str, ...]]
) -> set[tuple[str, int]] | None:
    """The halves and quarters of a year that `text` names, or, when it names no year of its
    own, the nearest sentence before it naming a year does (empty: the year, no part of it);
    None when none names a year."""
    for said in (text, *reversed(before)):
        parts = _periods(said, month_names)
        if parts or _own_years(said):
            return parts
    return None


def _only_compared(window: str, own: list[str]) -> bool:
    """Each year the window names is one its figure is compared with, and a figure stands
    before the comparison ("16.382 kasus klaim, naik dibandingkan 2066"; not "kuota itu naik
    dari 8.900 pekerja pada 2030", whose figure is the year's)."""
    compared = _compared_years(window)
    if not compared or sorted(own) != sorted(compared):
        return False
    first = _COMPARED_YEAR_RE.search(window)
    return first is not None and bool(figure_spans(window[: first.start()]))


def _compared_years(text: str) -> list[str]:
    """The years a text compares a figure with, once per comparison ("naik dari ... 2040",
    "dibandingkan 2066")."""
    return [m.group(1) or m.group(2) for m in _COMPARED_YEAR_RE.finditer(text)]


def _own_years(text: str) -> list[str]:
    """The years a text names, not those of a regulation's number ("PP Nomor 44 Tahun 2015")."""
    return YEAR_RE.findall(_REGULATION_RE.sub(" ", text))


def names_month(text: str, month_names: dict[int, tuple[str, ...]]) -> bool:
    return bool(months_named(text, month_names))


def months_named(text: str, month_names: dict[int, tuple[str, ...]]) -> set[int]:
    """The months `text` names."""
    lower = _spaced(text)
    return {m for m, names in month_names.items() if any(f" {n} " in lower for n in names)}


def month_met(
    month: int,
    years: Sequence[int],
    window: str,
    article: Article,
    names: dict[int, tuple[str, ...]],
    own: bool = False,
) -> bool:
    """`window` (the answer, with the sentences just before it when it names no month of its
    `own`) names the month, and the year asked, if any, is the answer's or the article's; or,
    when the answer names no month of its own, the article is from that month (of that
    year)."""
    lower = _spaced(window)
    dated = article.dated
    in_year = not years or any(str(y) in window or (dated and dated.year == y) for y in years)
    if in_year and any(f" {name} " in lower for name in names.get(month, ())):
        return True
    if own:
        return False  # "hingga 31 Oktober": the article's month does not make it November
    return bool(dated and dated.month == month and (not years or dated.year in years))


def constrained(q: Question) -> bool:
    """Whether the question names anything `missing` checks an answer for."""
    return bool(
        q.places
        or q.years
        or q.months
        or q.people
        or q.local_names
        or q.time_cues
        or role_unknown(q)
        or names_a_figure(q)
        or q.short_names
        or bool(money_purpose(q))
        or q.events
    )


def money_purpose(q: Question) -> frozenset[str]:
    """What a budget asked is for, as stems, one of which the answer, the two sentences
    before it or its title must write: the first two content words after "untuk" in
    "berapa anggaran ... untuk perbaikan jalan ..." ("baik", "jalan"; "untuk (membayar)
    iuran pekerja": "iur", "kerja"), not a year, a time noun or a name the gazetteer knows
    (the answer may write its short form). Only budgets have purposes: "santunan untuk
    istri <Nama>" names whom it went to."""
    if q.kind != "berapa" or q.unit != "uang" or "untuk" not in q.words:
        return frozenset()
    if not _BUDGET_WORDS & {stem(w) for w in q.words}:
        return frozenset()
    named = {w for p in q.places for w in words(p.name)}
    after = [
        w
        for w in q.words[q.words.index("untuk") + 1 :]
        if w.isalpha() and w not in STOPWORDS | TIME_NOUNS | named and not is_verb(w)
    ]
    return frozenset(stem(w) for w in after[:2])


_BUDGET_WORDS = frozenset({"anggar", "dana", "alokasi"})  # stems


def _written(stems: frozenset[str], texts: Sequence[str]) -> bool:
    """One of `stems` is the stem of a word of `texts`."""
    return bool(stems & {stem(w) for t in texts for w in words(t)})


def unmet(
    q: Question,
    window: str,
    before: Sequence[str],
    article: Article,
    places_in: PlacesIn,
    month_names: dict[int, tuple[str, ...]],
) -> list[str]:
    """The constraints of `q` that this answer window does not meet (empty when all are)."""
    return list(missing(q, window, before, article, places_in, month_names))


def meets(
    q: Question,
    window: str,
    before: Sequence[str],
    article: Article,
    places_in: PlacesIn,
    month_names: dict[int, tuple[str, ...]],
) -> bool:
    """Whether the window meets every constraint of `q` (stops at the first it misses)."""
    return next(missing(q, window, before, article, places_in, month_names), None) is None


def missing(
    q: Question,
    window: str,
    before: Sequence[str],
    article: Article,
    places_in: PlacesIn,
    month_names: dict[int, tuple[str, ...]],
) -> Iterator[str]:
    """The constraints of `q` the window misses, one by one: time, people and the question's
    own words before the places and topics (`meets` stops at the first)."""
    figure = q.kind == "berapa"
    # "Apakah target itu untuk 2024?" checks the year it names: an answer naming another
    # year ("target ... 2025") answers it; one naming none must be of that year.
    premise = asks_yes_or_no(q) and bool(YEAR_RE.search(window))
    aim = asks_target(q)
    if not premise and q.years:
        headline = not named_figures(q.text)  # "is the 50% target for 2024 or 2025?"
        yield from (
            str(y)
            for y in q.years
            if not year_met(y, window, before, article, figure=figure, headline=headline, aim=aim)
        )
    if q.months:
        # A window naming no month may lean on the sentences before it ("sepanjang Januari
        # ... Total nilai ..."); one that names a month says its own ("Sementara pada
        # Februari ...").
        own = names_month(window, month_names)
        lead = before[-NEARBY:]
        if SAME_PERIOD_RE.search(window):  # the last sentence before that names a month
            lead = [t for t in before if names_month(t, month_names)][-1:]
        near = window if own else " ".join([*lead, window])
        if not any(month_met(m, q.years, near, article, month_names, own) for m in q.months):
            yield from (f"month {m}" for m in q.months)  # one month of a period is enough
    if not q.months:
        # a target is set before the year it is for: a window stating one is of any day
        aimed_from = None if states_aim(window) else article.dated
        yield from (
            f"end of {y}"
            for y in _years_ended(q.words)
            # a comparison's side: its own year only
            if y in q.years and not _at_year_end(y, window, before, month_names, aimed_from)
        )
    asked_parts = year_parts(" ".join(q.words))
    # a window naming no period is of the one the last sentence before it names ("...
    # selama kuartal I 2052. ... Total manfaat ... mencapai Rp9,86 miliar.")
    named_parts = (
        (_periods(window, month_names) or _period_before(before, month_names))
        if asked_parts
        else set()
    )
    if named_parts and not named_parts & asked_parts:
        # "semester II" is not answered by a figure of "semester I", nor "triwulan III" by
        # one of "semester I" (a half is no quarter of it, nor a quarter the half)
        yield from sorted({kind for kind, _ in asked_parts})
    if q.time_cues and not _written(q.time_cues, (window,)):
        yield "since or until"
    if q.events and not _written(q.events, (article.title, *before[-1:], window)):
        yield "event"  # "kapan <Nama> dilantik?": not the day of the audience he held
    # "anggaran ... untuk beasiswa": not the one for premiums; "... untuk program tersebut"
    # leans on the sentences before
    purpose = money_purpose(q)
    if purpose and not _written(purpose, (article.title, *before[-NEARBY:], window)):
        yield f"purpose {' '.join(sorted(purpose))}"
    if role_unknown(q):
        yield "role"
    yield from (f"person {name}" for name in q.people if not person_met(name, article))
    yield from (f"name {name}" for name in q.short_names if not _short_name_met(name, article))
    if names_a_figure(q):
        figures = named_figures(q.text)
        if not any(figure_met(n, article) for n in figures):  # "63 atau 50 persen": either
            yield f"figure {figures[0]}"
    # A window naming a place of its own ("Secara keseluruhan, ... di <provinsi>") is about
    # that place, whatever the sentences before it were about.
    if q.local_names:
        # not a program's name, nor an office's ("Kepala Cabang <kota> ... di sana")
        own = any(p.kind not in TOPICS for p in outside_offices(window, places_in))
        around = [window] if own else [article.title, *before[-NEARBY:], window]
        spoken = [f" {' '.join(words(t))} " for t in around]
        yield from (n for n in q.local_names if not any(f" {n} " in t for t in spoken))
    places = [p for p in q.places if p.kind not in TOPICS]
    # Where something was said is the place a question asks about only when it asks where or
    # when, or about the event itself ("..., tutur X saat jumpa pers di <Gedung> <kota>, hari
    # Kamis" gives no figure of the kota's, but names the kota's press conference).
    event = q.kind in ("di_mana", "kapan") or bool(_EVENT_WORDS & set(q.words))
    about = window if event else _without_where_said(window)
    unmet_places = [
        p.name
        for p in places
        if not place_met(p, about, before, article, places_in)
        and not _office_region(p, q, article, places_in)
        and not (
            q.kind not in ("berapa", "siapa") and _about_office(p, q.words, article, places_in)
        )
        and not (q.kind == "kapan" and _event_place(p, q.words, window, article, places_in))
    ]
    yield from unmet_places
    if figure:
        # "kabupaten mana di <provinsi> yang ...": a district's figure is what it asks for
        # (read only when a province is asked about: `district_figure` concerns provinces)
        districts = any(p.kind == "province" for p in places) and bool(
            {"kabupaten", "kota"} & set(asked_place_kinds(q).kinds)
        )
        yield from (
            p.name
            for p in places
            if p.name not in unmet_places
            and (
                (
                    not districts
                    and district_figure(p, places, window, places_in, before, article.title)
                )
                or province_figure(p, window, places_in)
                or region_by_province(p, window, places_in)
                or (
                    not _branch(p, q.words, places_in)
                    and (
                        group_figure(p, window, places_in, places)
                        or _office_only(p, window, places_in)
                    )
                )
            )
        )
    if figure and national_only(q, window, places_in):
        yield "nasional"
    # "total manfaat yang diterima <Nama> setelah kecelakaan kerja": the figure of a person
    # the question names, in a window naming them (by a name of theirs, as articles do after
    # the first mention), is theirs; the program it came from need only be named by the article
    of_person = any(_names_person(name, window) for name in q.people)
    for kind in TOPICS:
        asked = frozenset(p for p in q.places if p.kind == kind)
        # "JP termasuk program BPJS TK? ada berapa program?" counts programs: the count is
        # not a figure of the program named, which the article need only name.
        # "Berapa program JKP yang dicairkan?" names the program after the noun: its figure.
        named = any({stem(w) for w in words(p.name)} <= set(q.head[1:]) for p in asked)
        of_topic = figure and not of_person and (q.head[:1] != TOPIC_NOUNS.get(kind) or named)
        if asked and not topic_met(asked, of_topic, window, before, article, places_in):
            yield kind


# Words that name an event ("acara", "jumpa pers", "seminar"; English ones are read into
# these first): a question naming one asks about what happened where something was said.
_EVENT_WORDS = frozenset(
    """acara kegiatan audiensi pertemuan rapat peresmian sosialisasi pers session konferensi
    seminar pelatihan peluncuran upacara diadakan digelar dilaksanakan berlangsung""".split()
)
_REPORTED_RE = re.compile(
    r"(?i)\b(?:kata|ujar|ucap|tutur|terang|jelas|ungkap|sebut|menyebut|menyebutkan|mengatakan"
    r"|menyampaikan|disampaikan|menjelaskan|mengungkapkan|memaparkan|dipaparkan|ditemui)\b"
)
# Where something was said, up to its day: "di <Kota> Selasa", "di studio <radio>, <kota>,
# Rabu (21/1)", "di <Gedung> <kota>, hari Kamis" (no figure between: "di <kabupaten> mencapai
# Rp2,8 miliar, kata X, Senin" says where the figure is).
_EVENT_PLACE_RE = re.compile(
    r"\bdi\s+(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}\s*,?\s*|[^.;:\"“”\d]{0,60}?,\s*)"
    r"(?:pada\s+)?(?:hari\s+)?\b(?i:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b"
)


def _without_where_said(text: str) -> str:
    """`text` without the place something was said at ("..., kata X di <kota>, Selasa"),
    after the word that reports it: that is not the place it is about ("300 ribu pekerja di
    <kota> terlindungi, ujar X, Senin" keeps the kota the figure is of)."""
    verb = _REPORTED_RE.search(text)
    if not verb:
        return text
    return text[: verb.end()] + _EVENT_PLACE_RE.sub(" ", text[verb.end() :])


def national_only(q: Question, window: str, places_in: PlacesIn) -> bool:
    """A figure "secara nasional" asked, answered by a figure of one province or district:
    "Sepanjang 2026, ... klaim di Provinsi X sebesar ..." is no national total."""
    if not NATIONAL & set(q.words) or any(p.kind in LOCALES for p in q.places):
        return False
    # Where the figure was announced is not what it is about: "..., kata X di Kota Y, Senin"
    about = _without_where_said(window)
    return not NATIONAL & set(words(window)) and any(p.kind in LOCALES for p in places_in(about))


def role_unknown(q: Question) -> bool:
    """ "Siapa <role> ...", "<lokasi> di mana": the articles never use the word of the role
    or the place asked about ("siapa pemenang ...", "lokasinya di mana"), so no sentence says
    who holds it or where it is (the word of a person named in the question is not a role:
    "who is <name>")."""
    unknown = {*q.unknown_common, *q.unknown_rare}
    if q.kind == "di_mana":  # "lokasinya di mana?": no sentence gives a location
        # an address is given by a street, not by the word (`states_address`)
        return not asks_address(q.words, q.kind) and _where_of(q.words) in unknown
    if q.kind not in ("siapa", "apa_saja") or party_asked(q):
        return False  # "kepada siapa", "dari siapa": a group of people, named by any words
    at = next((i for i, w in enumerate(q.words) if w in ("siapa", "who")), None)
    if at is None:
        return False
    # "who is the <role>"; not "siapa yang <verb>", whose verb the articles may put otherwise
    after = [w for w in q.words[at + 1 :] if w == "yang" or w not in STOPWORDS]
    # "<pemenang> ... siapa aja?": the role opens the question, the question word ends it
    # (not "yg <verb> ... siapa", which names who did something)
    opens = q.words[0] if q.words and q.words[0] not in STOPWORDS else ""
    role = after[0] if after else (opens if opens.isalpha() else "")
    named = {w for name in q.people for w in words(name)}
    return role.isalpha() and role not in named and stem(role) in unknown


def _where_of(asked: Sequence[str]) -> str:
    """The stem of what a "<X> di mana" question asks the place of: the word just before the
    question word ("alamatnya di mana"; "di mana lokasi ..." and a verb, "acaranya diadakan
    di mana", where something happened, leave it to the scorer)."""
    for i, w in enumerate(asked):
        if w in ("dimana", "where") or (w == "mana" and i and asked[i - 1] == "di"):
            start = i - 1 if w == "mana" else i
            said = [x for x in asked[:start] if x not in _FILLERS]
            if said and _held(said[-1]):
                return ""
            before = [x for x in asked[:start] if x not in STOPWORDS]
            return stem(before[-1]) if before and before[-1].isalpha() else ""
    return ""


def _held(word: str) -> bool:
    """A verb saying that something took place ("diadakan", "digelar", "berlangsung"), not a
    noun of the same shape ("diskusi", "menteri": their own stems)."""
    return word in _HELD_VERBS or (bool(_VERB_FORM_RE.fullmatch(word)) and stem(word) != word)


_VERB_FORM_RE = re.compile(r"(?:di|me)[^\W\d_]{3,}(?:kan|i)")  # "diadakan", "dilaksanakan"
_HELD_VERBS = frozenset({"digelar", "dihelat", "berlangsung", "bertempat", "terjadi"})
_FILLERS = frozenset({"ya", "yang", "sih", "tuh", "dong", "deh", "nih", "kah"})  # "ya" reads "yang"


# A figure written with its unit ("target 63 persen", "Rp42 juta", "50%", "690rb"), not a bare
# number ("4 fokus", a year): the question names a fact by it.
_NAMED_UNIT = "|".join(rf"{w}\b" for w in sorted(MAGNITUDES | {"persen"}, key=len, reverse=True))
_NAMED_FIGURE_RE = re.compile(
    rf"\brp\.?\s?(\d+(?:[.,]\d+)*)|(?<![\w.,])(\d+(?:[.,]\d+)*)\s?(%|{_NAMED_UNIT})",
    re.IGNORECASE,
)
_THOUSANDS = {"ribu": ".000", "rb": ".000"}  # "690 ribu" is also written "690.000"


@lru_cache(maxsize=1024)
def named_figures(text: str) -> tuple[str, ...]:
    """The numbers of the figures a question names with their units ("kapan target 63 persen
    ...": "63"; "690rb": "690" and "690.000")."""
    out: list[str] = []
    for m in _NAMED_FIGURE_RE.finditer(text):
        number = m.group(1) or m.group(2)
        out.append(number)
        if m.group(3) and m.group(3).lower() in _THOUSANDS and number.isdigit():
            out.append(number + _THOUSANDS[m.group(3).lower()])
    return tuple(out)


def names_a_figure(q: Question) -> bool:
    """The question names a fact by a figure it gives, and asks something else of it ("target
    63 persen itu tahun berapa?"): not a figure asked ("dari 3 jt pekerja, berapa yang ..."
    gives a premise), nor one checked ("apakah 40 persen?": the article's own answers it)."""
    if q.kind == "berapa" or asks_yes_or_no(q) or OWN_FIGURE & set(q.words):
        return False
    return bool(named_figures(q.text))


# Words by which a figure is the asker's own ("gaji saya 4,5 juta, daftar di mana?").
OWN_FIGURE = frozenset({"saya", "aku", "kami", "gaji", "upah", "gajinya", "upahnya"})


def figure_met(number: str, article: Article) -> bool:
    """The article writes the number as a whole number, not inside a longer one, a date
    ("12/3/2036") or a telephone number ("0711-63")."""
    return _writes(number, article.title, article.body)


@lru_cache(maxsize=4096)
def _writes(number: str, *texts: str) -> bool:
    pattern = rf"(?<![\d.,/-]){re.escape(number)}(?![\d/]|[.,-]\d)"
    return any(re.search(pattern, text) for text in texts)


def _names_person(name: str, text: str) -> bool:
    """`text` names the person by a word of their name of four letters or more, capitalized
    as a name ("... yang diterima <Nama> mencapai ...")."""
    return any(
        re.search(rf"\b{re.escape(w[:1].upper() + w[1:])}\b", text)
        for w in words(name)
        if len(w) >= 4
    )


def person_met(name: str, article: Article) -> bool:
    """The article names the person: every word of the name is a word of its text."""
    text = _spaced_article(article)
    return all(f" {w} " in text for w in _spaced(name).split())


@lru_cache(maxsize=256)
def _spaced_article(article: Article) -> str:
    """The article's title and body as `_spaced` writes them, once per article (a person
    asked is looked for in many windows' articles)."""
    return _spaced(f"{article.title} {article.body}")


def _short_name_met(name: str, article: Article) -> bool:
    """The article, or its outlet ("... the 2023 ABC piece"), names the organisation."""
    return person_met(name, article) or f" {name} " in _spaced(article.outlet)


def _spaced(text: str) -> str:
    """`text` lowercased, as words between single spaces, with a space at either end (so a
    month name is found as " maret ")."""
    return f" {re.sub(r'[^a-z0-9]+', ' ', text.lower())} "
