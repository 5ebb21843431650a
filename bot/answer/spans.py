"""Where a sentence states a figure: amounts, percentages, counts of people, totals, dates
and durations, as character spans. Pure functions, memoized by text.

Answer selection rewards sentences whose figures stand close to the question's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar, cast

from index.text import MONTH_WORDS

Span = tuple[int, int]
Spans = tuple[Span, ...]

# Scoring asks about the same few sentences over and over (every window, every question
# kind); the span finders are pure functions of the text, so a bounded memo of each is
# never stale, whatever index is loaded.
_MEMOIZED: list[Any] = []  # the lru_cache wrappers, for `clear_caches`
Finder = TypeVar("Finder", bound=Callable[..., tuple[Any, ...]])


def memo(finder: Finder) -> Finder:
    """`finder`, memoized by its arguments (they are texts and frozensets)."""
    cached = lru_cache(maxsize=16384)(finder)
    _MEMOIZED.append(cached)
    return cast(Finder, cached)


def clear_caches() -> None:
    """Forget the memoized spans (benchmarks measure answers to unseen sentences)."""
    for finder in _MEMOIZED:
        finder.cache_clear()


_NUM = r"\d+(?:[.,/]\d+)*"
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")  # one written number: "1.033.000", "34,5"
# Words after a number that multiply it, by the power of ten ("1,3 juta", "690 rb").
POWERS = {"ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9, "triliun": 12}
MAGNITUDES = frozenset(POWERS)
# Words after a number that scale it rather than say what it counts ("1,3 juta", "34 persen").
SCALE_WORDS = MAGNITUDES | {"jutaan", "ribuan", "persen"}

_MAGNITUDE = rf"\s*(?:{'|'.join(sorted(MAGNITUDES | {'million', 'billion', 'trillion'}))})\b"
# English digit groups ("1,033,000"), not a decimal before a magnitude ("2,916 juta")
_EN_GROUPS_RE = re.compile(
    rf"(?<![\d.,])[1-9]\d{{0,2}}(?:,\d{{3}})+(?![.,]?\d)(?!{_MAGNITUDE}|\s*(?:%|persen|percent))",
    re.I,
)  # not a decimal: "0,025 persen", "2,125%"
_EN_DECIMAL_RE = re.compile(
    rf"(?<![\d.,])(\d+)\.(\d{{1,2}})(?={_MAGNITUDE}|\s*(?:%|percent\b|persen\b))", re.I
)


def indonesian_figures(text: str) -> str:
    """Figures written the English way as the articles write them: "1,033,000" as
    "1.033.000", "1.3 million" as "1,3 million"."""
    text = _EN_GROUPS_RE.sub(lambda m: m.group().replace(",", "."), text)
    return _EN_DECIMAL_RE.sub(r"\1,\2", text)


NUMBER_WORDS = {
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


def number_of(word: str) -> int | None:
    """The number a word writes ("5", "lima"), or None."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


_SCALE = r"(?:\s?(?:persen|%|juta(?:an)?|jt|ribu|ribuan|rb|miliar|milyar|triliun|m\b))"

_CURRENCY = r"(?:rp\.?\s?|us\$\s?)"

_NOUN = (
    r"(?:\s(?:pekerja|orang|peserta|penduduk|tenaga kerja|kabupaten(?: dan kota)?|kepesertaan"
    r"|program|hal|provinsi|fokus|jenis|manfaat|kasus|klaim|perusahaan|anak|desa|kantor|cabang"
    r"|hari|bulan|tahun|minggu|jam|unit|kecamatan|kelurahan|lokasi|titik|kali|mobil|klinik"
    r"|rumah sakit|sekolah|pasar|kelompok|sektor|wilayah|daerah|keluarga|korban|kota))"
)

# Nouns of kinds of people a figure counts ("11.350 nelayan"); a number written as a word
# counts them too ("tiga buruh meninggal"), beside `_NOUN`'s: a numeral is a figure with or
# without its noun, a number word only with one, or of those just counted ("37 kecelakaan
# kerja. Dua di antaranya ...").
PEOPLE_NOUNS = frozenset(
    """buruh anggota karyawan pegawai warga petani nelayan pedagang siswa mahasiswa guru relawan
    petugas pengemudi penumpang""".split()
)
_PEOPLE_NOUN = rf"(?:\s(?:{'|'.join(sorted(PEOPLE_NOUNS))}))"
OF_THEM_WORDS = frozenset({"antaranya", "mereka"})  # "dua di antaranya", "di antara mereka"
_OF_THEM = r"(?:\s(?:di\santaranya|di\santara\smereka)\b)"

_QUALIFIERS = (
    "hampir", "sekitar", "kurang lebih", "lebih dari", "sebanyak", "sebesar", "mencapai",
    "senilai", "total",
)  # fmt: skip
_QUALIFIER = rf"(?:(?:{'|'.join(_QUALIFIERS)})\s)?"


def _starts_with(words: Iterable[str], also: str = "") -> str:
    """A lookahead letting a pattern be tried only where a digit, a character of `also` or
    the first letter of one of `words` stands: Python's re otherwise tries a pattern that
    begins with an optional group at every position of the text, twice as slowly."""
    first = sorted({c for w in words for c in (w[0].lower(), w[0].upper())})
    return rf"(?=[\d{re.escape(also)}{''.join(first)}])"


FIGURE_RE = re.compile(
    _starts_with((*_QUALIFIERS, "rp", "us", *NUMBER_WORDS))
    + rf"{_QUALIFIER}(?:(?<![\w/.,]){_CURRENCY}?{_NUM}{_SCALE}?{_NOUN}?(?![\w/])"
    # not "salah satu kota"
    rf"|(?<!salah\s)\b(?:{'|'.join(NUMBER_WORDS)})(?:{_NOUN}|{_PEOPLE_NOUN}|{_OF_THEM}))",
    re.IGNORECASE,
)

_DURATION_RE = re.compile(
    rf"\b(?:{_NUM}|{'|'.join(NUMBER_WORDS)}|se)\s?(?:hari|pekan|minggu|bulan|tahun|jam|menit|detik)"
    r"(?:\s(?:kerja|kalender))?\b",
    re.IGNORECASE,
)

PERCENT_RE = re.compile(rf"{_NUM}\s?(?:persen|%)", re.IGNORECASE)

# Month names and short forms from the one month table ("may" is an English verb too).
_MONTHS = "|".join(sorted((w for w in MONTH_WORDS if w != "may"), key=len, reverse=True))

_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
# the days a service opens ("Senin hingga Jumat"; not "minggu", which is also a week)
WEEKDAY_RE = re.compile(rf"(?i)\b(?:{'|'.join(_WEEKDAYS[:-1])})\b")
_DATE_WORDS = ("tanggal", "awal", "akhir", "pertengahan", "tahun")  # words a date may start with
DATE_RE = re.compile(
    _starts_with((*_WEEKDAYS, *_MONTHS.split("|"), *_DATE_WORDS), "(")
    + rf"(?:\b(?:{'|'.join(_WEEKDAYS)})\s)?(?:\(\d{{1,2}}/\d{{1,2}}(?:/(?:19|20)?\d\d)?\)"
    rf"|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d\b|\b\d{{1,2}}\s(?:{_MONTHS})(?:\s(?:19|20)\d\d)?\b"
    rf"|\b(?:{_MONTHS})\s(?:19|20)\d\d\b|\btanggal\s\d{{1,2}}\b"
    rf"|\b(?:awal\s|akhir\s|pertengahan\s)?(?:tahun\s)?(?:19|20)\d\d\b)",
    re.IGNORECASE,
)

_TOTAL_RE = re.compile(r"\bdari\s(?:total\s|jumlah\s)?(?:kurang lebih\s|sekitar\s)?$", re.I)

_PEOPLE = ("pekerja", "orang", "peserta", "penduduk", "tenaga kerja", "kepesertaan", "buruh")


def _is_year_or_date(core: str) -> bool:
    # a year, a date, or a school or budget year written across two ("2072/2073", "2072/73")
    return bool(re.fullmatch(r"(19|20)\d\d(?:/(?:(?:19|20)?\d\d))?|\d{1,2}/\d{1,2}/\d{4}", core))


@memo
def figure_spans(text: str) -> Spans:
    """Spans of figures (numbers or number words with qualifier, unit and noun); no years."""
    dates = [(s, e) for s, e in date_spans(text) if not text[s:e].isdigit()]
    spans = []
    for m in FIGURE_RE.finditer(text):
        core = re.sub(r"^\D+", "", m.group().strip())
        if core and _is_year_or_date(core):
            continue
        if within((m.start(), m.end()), dates):
            continue  # the day of a date ("1 Agustus 2024") is not a figure
        spans.append((m.start(), m.end()))
    return tuple(spans)


def within(span: tuple[int, int], others: Spans | list[tuple[int, int]]) -> bool:
    """`span` lies inside one of `others`."""
    return any(s <= span[0] and span[1] <= e for s, e in others)


def age_spans(text: str) -> Spans:
    """People's ages in brackets after their names ("<Nama> (52), sopir ...")."""
    return tuple(m.span(1) for m in _AGE_RE.finditer(text))


# a person's age in brackets after their name, then what they are or do ("<Nama> (52), sopir
# ...", "<Nama> (33) mengaku ..."); not a count in a list ("Kota A (12) dan Kota B (7)")
_AGE_RE = re.compile(
    r"[A-Z][\w'.-]*\s?\((\d{2})\)"
    r"(?=,?\s+(?!(?:dan|serta|atau|hingga|sampai|disusul|kemudian|lalu|sedangkan)\b)[a-z])"
)


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


# After a figure: it is a part of a whole the text does not count ("2.916.275 orang dari
# total keseluruhan peserta", "... pekerja informal dari jumlah peserta pada 2023"): "dari
# total / jumlah / keseluruhan", after at most one more word, and no number within the two
# words after it ("dari total 7.952.597 peserta" counts the whole).
_PART_RE = re.compile(
    r"^\s*(?:[^\W\d_]+\s)?dari\s(?:total|jumlah|keseluruhan)\b(?!\s(?:[^\W\d_]+\s)?\d)", re.I
)


def is_part(text: str, end: int) -> bool:
    """The figure ending at `end` is a part taken from a total named after it, uncounted."""
    return bool(_PART_RE.match(text[end : end + 60]))


_MONEY_RE = re.compile(rf"^{_QUALIFIER}{_CURRENCY}\d|\brupiah\b", re.IGNORECASE)


@memo
def money_spans(text: str) -> Spans:
    """Figures of money: "Rp42 juta", "Rp 4,94 miliar", "senilai Rp1,2 triliun"."""
    return tuple((s, e) for s, e in figure_spans(text) if _MONEY_RE.search(text[s : e + 8]))


def has_money(text: str) -> bool:
    return bool(money_spans(text))


@memo
def percent_spans(text: str) -> Spans:
    return tuple((s, e) for s, e in figure_spans(text) if PERCENT_RE.search(text[s:e]))


@memo
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


# One number as Indonesian writes it: "2.184", "3.726", "1,3" (not "1,2,3" or "1.2.3").
_WRITTEN_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def count_values(text: str) -> tuple[float, ...]:
    """The values of the counts `text` states ("2.184 pemetik teh" 2184.0, "1,3 juta
    pekerja" 1300000.0), in order; not totals a part is taken from, money, durations, bare
    digits or numbers written otherwise ("1,2,3")."""
    other = money_spans(text) + duration_spans(text)
    out = []
    for s, e in count_spans(text):
        figure = text[s:e].lower()
        m = NUMBER_RE.search(figure)
        if not m or any(os < e and s < oe for os, oe in other):
            continue  # a number word ("tiga kabupaten"), an amount or a length
        if not _WRITTEN_RE.fullmatch(m.group()) or re.fullmatch(r"\d", m.group()):
            continue
        number = float(m.group().replace(".", "").replace(",", "."))
        scale = figure[m.end() :].split()[:1]
        out.append(number * 10 ** POWERS.get(scale[0], 0) if scale else number)
    return tuple(out)


def is_people_figure(figure: str) -> bool:
    return figure.lower().rstrip().endswith(_PEOPLE)


@memo
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


@memo
def date_spans(text: str) -> Spans:
    return tuple((m.start(), m.end()) for m in DATE_RE.finditer(text))


_DAY_RE = re.compile(r"\d{1,2}/\d{1,2}|\b\d{1,2}\s[a-z]|tanggal", re.IGNORECASE)


def day_spans(text: str) -> Spans:
    """Dates that name a day ("Senin (16/11/2020)", "1 Agustus 2024"), not a month or year."""
    return tuple((s, e) for s, e in date_spans(text) if _DAY_RE.search(text[s:e]))


_MONTH_RE = re.compile(rf"\d{{1,2}}/\d{{1,2}}|\b(?:{_MONTHS})\b", re.IGNORECASE)


def month_spans(text: str) -> Spans:
    """Dates that name a month ("hingga Maret 2024", "(16/11/2020)"), not a year alone."""
    return tuple((s, e) for s, e in date_spans(text) if _MONTH_RE.search(text[s:e]))


def has_date(text: str) -> bool:
    return bool(date_spans(text))


@memo
def duration_spans(text: str) -> Spans:
    """Durations and deadlines' lengths: "30 hari", "tiga bulan", "paling lambat 15 hari"."""
    return tuple((m.start(), m.end()) for m in _DURATION_RE.finditer(text))
