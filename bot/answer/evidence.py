"""What a sentence offers as an answer: figures, dates, people, lists. Pure functions.

"Targets" are character spans of the things a question kind asks for (a figure for
"berapa", a name for "siapa", a date for "kapan"); answer selection rewards sentences whose
targets stand close to the question's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

from bot.answer.vocabulary import zipf_en, zipf_id

Span = tuple[int, int]
Spans = tuple[Span, ...]

# Scoring asks about the same few sentences over and over (every window, every question
# kind); the span finders are pure, so they are memoized by text.
_MEMOIZED: list[Any] = []  # the lru_cache wrappers, for `clear_caches`
Finder = TypeVar("Finder", bound=Callable[..., Spans])


def _memo(finder: Finder) -> Finder:
    cached = lru_cache(maxsize=16384)(finder)
    _MEMOIZED.append(cached)
    return cast(Finder, cached)


_NUM = r"\d+(?:[.,/]\d+)*"
_NUMBER_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
}
_SCALE = r"(?:\s?(?:persen|%|juta(?:an)?|jt|ribu|ribuan|rb|miliar|milyar|triliun|m\b))"
_CURRENCY = r"(?:rp\.?\s?|us\$\s?)"
_NOUN = (
    r"(?:\s(?:pekerja|orang|peserta|penduduk|tenaga kerja|kabupaten(?: dan kota)?|kepesertaan"
    r"|program|hal|provinsi|fokus|jenis|manfaat|kasus|klaim|perusahaan|anak|desa|kantor|cabang"
    r"|hari|bulan|tahun|minggu|jam))"
)
_QUALIFIER = (
    r"(?:(?:hampir|sekitar|kurang lebih|lebih dari|sebanyak|sebesar|mencapai|senilai|total)\s)?"
)
FIGURE_RE = re.compile(
    rf"{_QUALIFIER}(?:(?<![\w/.,]){_CURRENCY}?{_NUM}{_SCALE}?{_NOUN}?(?![\w/])"
    rf"|\b(?:{'|'.join(_NUMBER_WORDS)}){_NOUN})",
    re.IGNORECASE,
)
_DURATION_RE = re.compile(
    rf"\b(?:{_NUM}|{'|'.join(_NUMBER_WORDS)}|se)\s?(?:hari|pekan|minggu|bulan|tahun|jam)"
    r"(?:\s(?:kerja|kalender))?\b",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(rf"{_NUM}\s?(?:persen|%)", re.IGNORECASE)
_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "jan|feb|mar|apr|jun|jul|agu|aug|sep|okt|oct|nov|des|dec"
)
DATE_RE = re.compile(
    rf"(?:\b(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)\s)?(?:\(\d{{1,2}}/\d{{1,2}}(?:/(?:19|20)?\d\d)?\)"
    rf"|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d\b|\b\d{{1,2}}\s(?:{_MONTHS})(?:\s(?:19|20)\d\d)?\b"
    rf"|\b(?:{_MONTHS})\s(?:19|20)\d\d\b|\btanggal\s\d{{1,2}}\b"
    rf"|\b(?:awal\s|akhir\s|pertengahan\s)?(?:tahun\s)?(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b")
# Words of office that introduce a person's name ("Kepala Kantor Cabang X, Budi Santoso, ...").
ROLE_WORDS = frozenset(
    """kepala direktur deputi wakil gubernur penjabat bupati walikota wali ketua menteri camat
    lurah sekretaris asisten kapolda kapolres kadis kabid kakanwil kakacab dirut presiden
    manajer manager koordinator ketum pimpinan pemimpin anggota staf petugas""".split()
)
_CLAUSE_NAME_RE = re.compile(
    r"(?:^|,\s)([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3})(?=,|\s(?:mengatakan|menyampaikan|menjelaskan|mengungkapkan|menambahkan|berharap|membuka)\b)"
)
RARE_ZIPF = 3.5  # a capitalized word rarer than this (as a lowercase word) may be a name
NAME_ZIPF = 4.8  # a capitalized word beside a rare one, rarer than this, is part of the name
_INSTITUTION_RE = re.compile(
    r"\b(?:dinas|pemerintah|pemda|pemprov|perbankan|bank|perusahaan|media|stakeholder|"
    r"pengurus|kabupaten|serikat|institusi)\b",
    re.IGNORECASE,
)
ORDINALS = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh")
_ANNOUNCE_RE = re.compile(
    r"\b(\d|dua|tiga|empat|lima|enam|tujuh)\s(?:program|hal|fokus|jenis|manfaat|layanan|poin)",
    re.IGNORECASE,
)
_TOTAL_RE = re.compile(r"\bdari\s(?:total\s|jumlah\s)?(?:kurang lebih\s|sekitar\s)?$", re.I)
_PEOPLE = ("pekerja", "orang", "peserta", "penduduk", "tenaga kerja", "kepesertaan")
_COPULA_RE = re.compile(r"\b(?:adalah|merupakan|ialah|yaitu|yakni|itu masuk|itu)\b", re.I)
_MEANS_RE = re.compile(
    r"\b(?:melalui|dengan|kerja sama|bekerja sama|cara|mengajak|menjalin|mengimbau|agar)\b", re.I
)


def _is_year_or_date(core: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d|\d{1,2}/\d{1,2}/\d{4}", core))


@_memo
def figure_spans(text: str) -> Spans:
    """Spans of figures (numbers or number words with qualifier, unit and noun); no years."""
    dates = [(s, e) for s, e in date_spans(text) if not text[s:e].isdigit()]
    spans = []
    for m in FIGURE_RE.finditer(text):
        core = re.sub(r"^\D+", "", m.group().strip())
        if core and _is_year_or_date(core):
            continue
        if any(ds <= m.start() and m.end() <= de for ds, de in dates):
            continue  # the day of a date ("1 Agustus 2024") is not a figure
        spans.append((m.start(), m.end()))
    return tuple(spans)


def figures(text: str) -> tuple[str, ...]:
    """Figures worth stressing, as exact substrings of `text` (a bare digit is not one)."""
    out = []
    for s, e in figure_spans(text):
        f = text[s:e].strip()
        if re.fullmatch(r"\d", f):
            continue
        out.append(f)
    return tuple(out)


def _is_total(text: str, start: int) -> bool:
    return bool(_TOTAL_RE.search(text[max(0, start - 30) : start]))


@_memo
def percent_spans(text: str) -> Spans:
    return tuple((s, e) for s, e in figure_spans(text) if PERCENT_RE.search(text[s:e]))


@_memo
def count_spans(text: str, people_only: bool = False) -> Spans:
    """Counts (not percentages); optionally of people only. Totals that a part is taken from
    ("dari kurang lebih 3 juta pekerja") are left out; see `total_spans`."""
    out = []
    for s, e in figure_spans(text):
        f = text[s:e].lower()
        if PERCENT_RE.search(f) or _is_total(text, s):
            continue
        if people_only and not f.rstrip().endswith(_PEOPLE):
            continue
        out.append((s, e))
    return tuple(out)


def clear_caches() -> None:
    """Forget the memoized spans (benchmarks measure answers to unseen sentences)."""
    for finder in _MEMOIZED:
        finder.cache_clear()


def is_people_figure(figure: str) -> bool:
    return figure.lower().rstrip().endswith(_PEOPLE)


@_memo
def total_spans(text: str) -> Spans:
    """Counts introduced as the whole a part is taken from ("dari lima provinsi ...")."""
    return tuple(
        (s, e)
        for s, e in figure_spans(text)
        if _is_total(text, s) and not PERCENT_RE.search(text[s:e])
    )


def people_count(text: str) -> bool:
    """A count of people ("1,3 juta pekerja"), not a total a part is taken from."""
    return bool(count_spans(text, people_only=True))


def has_percent(text: str) -> bool:
    return bool(PERCENT_RE.search(text))


def has_count(text: str) -> bool:
    return bool(count_spans(text))


@_memo
def date_spans(text: str) -> Spans:
    return tuple((m.start(), m.end()) for m in DATE_RE.finditer(text))


def has_date(text: str) -> bool:
    return bool(date_spans(text))


_REASON_RE = re.compile(
    r"\b(?:karena|sebab|lantaran|agar|supaya|sehingga|guna|demi|untuk itu|tujuannya|alasannya)\b",
    re.IGNORECASE,
)


@_memo
def reason_spans(text: str) -> Spans:
    """Words that give a reason or a purpose ("karena ...", "agar ...", "sehingga ...")."""
    return tuple((m.start(), m.end()) for m in _REASON_RE.finditer(text))


@_memo
def duration_spans(text: str) -> Spans:
    """Durations and deadlines' lengths: "30 hari", "tiga bulan", "paling lambat 15 hari"."""
    return tuple((m.start(), m.end()) for m in _DURATION_RE.finditer(text))


@_memo
def person_spans(text: str, not_names: frozenset[str] = frozenset()) -> Spans:
    """Spans of people's names: runs of capitalized words holding a word that is rare as an
    ordinary word (a surname such as "Wirasaputra"), with the capitalized words beside it
    that are not very common words ("Budi Wirasaputra"). Words in `not_names` (glossary terms,
    places, organisations) are never part of a name."""
    spans = []
    for m in _NAME_RE.finditer(text):
        names = m.group().split()
        starts = [m.start() + len(" ".join(names[:i])) + (1 if i else 0) for i in range(len(names))]
        lower = [w.lower() for w in names]
        usable = [w not in not_names for w in lower]
        rare = [
            i for i, w in enumerate(lower) if usable[i] and max(zipf_id(w), zipf_en(w)) < RARE_ZIPF
        ]
        if not rare:
            continue
        first, last = rare[0], rare[-1]
        if first > 0 and usable[first - 1] and zipf_id(lower[first - 1]) < NAME_ZIPF:
            first -= 1
        while last + 1 < len(names) and usable[last + 1] and zipf_id(lower[last + 1]) < NAME_ZIPF:
            last += 1
        spans.append((starts[first], starts[last] + len(names[last])))
    return tuple(sorted(set(spans) | set(_named_after_role(text, not_names))))


def _named_after_role(text: str, not_names: frozenset[str]) -> list[Span]:
    """Names set off by commas right after an office: "Kepala Kantor Cabang X, Budi Santoso,"."""
    out = []
    for m in _CLAUSE_NAME_RE.finditer(text):
        words = m.group(1).lower().split()
        if any(w in not_names or w in ROLE_WORDS for w in words):
            continue
        before = text[max(0, m.start() - 80) : m.start()].lower()
        clause = re.split(r"[,.;:]", before)[-1]
        if ROLE_WORDS & set(clause.split()):
            out.append((m.start(1), m.end(1)))
    return out


@_memo
def institution_spans(text: str) -> Spans:
    return tuple((m.start(), m.end()) for m in _INSTITUTION_RE.finditer(text))


def announced_noun(text: str) -> str | None:
    """The noun of a list announcement: "program" in "terdapat 5 program perlindungan"."""
    m = _ANNOUNCE_RE.search(text)
    return m.group(0).split()[-1].lower() if m else None


def announced_count(text: str) -> int | None:
    """N in "terdapat 5 program ..." / "fokus pada 4 hal", if the sentence announces a list."""
    m = _ANNOUNCE_RE.search(text)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def is_enumeration(text: str) -> bool:
    """A sentence that lists several items ("A, B, C, dan D")."""
    commas = text.count(",")
    if commas >= 2 and re.search(r",\s(?:dan|serta)\s", text):
        return True
    return commas >= 3 and bool(re.search(r"\s(?:dan|serta)\s", text))


def ordinal(text: str) -> int | None:
    """1 for a sentence that says "pertama", 2 for "kedua", ... (the first ordinal found)."""
    lower = text.lower()
    found = [
        (lower.find(w), i) for i, w in enumerate(ORDINALS, start=1) if re.search(rf"\b{w}\b", lower)
    ]
    return min(found)[1] if found else None


def is_definition(text: str) -> bool:
    """A copula sentence ("X itu masuk ranah ...", "X adalah ...")."""
    return bool(_COPULA_RE.search(text[:80]))


_TARGET_RE = re.compile(r"\b(?:target|menargetkan|ditargetkan|sasaran)\b", re.IGNORECASE)


def states_target(text: str) -> bool:
    """A sentence about a goal ("target 50 persen ... pada 2025"), not an achieved figure."""
    return bool(_TARGET_RE.search(text))


def states_means(text: str) -> bool:
    """A sentence that says how something is done ("melalui", "bekerja sama dengan", ...)."""
    return bool(_MEANS_RE.search(text))


_CONTINUATION_RE = re.compile(
    r"^[\"“]?(?:Dari jumlah tersebut|Sisanya|Terutama|Artinya|Khususnya|Yakni|Yaitu|Termasuk|"
    r"Mereka pun|Hal (?:ini|tersebut)|Kalau di|Sedangkan|Adapun)\b"
)


_REFERS_BACK_RE = re.compile(
    r"^[\"“]?(?:Karena|Sebab|Mereka|Hal (?:ini|itu|tersebut)|Dengan demikian|Oleh karena itu|"
    r"Untuk itu|Selain itu|Namun|Tetapi|Artinya|Dari jumlah tersebut|Sisanya)\b"
)


def refers_back(text: str) -> bool:
    """A sentence that explains or continues the one before ("Karena ...", "Mereka ...")."""
    return bool(_REFERS_BACK_RE.match(text))


def continues(text: str) -> bool:
    """A sentence that only makes sense after the previous one ("Dari jumlah tersebut, ...")."""
    return bool(_CONTINUATION_RE.match(text))


def acronym_expansion(text: str, acronym: str) -> str | None:
    """The long form that `text` gives for `acronym`: "Jasa Konstruksi (Jakon)" -> "Jasa
    Konstruksi"; matched case-insensitively, initials need not match exactly."""
    m = re.search(rf"((?:[A-Z][\w-]*\s){{1,6}})\(\s*{re.escape(acronym)}\s*\)", text, re.IGNORECASE)
    return m.group(1).strip() if m else None
