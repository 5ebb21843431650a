"""What a sentence offers as an answer: figures, dates, people, places, lists. Pure functions."""

from __future__ import annotations

import re

_NUM = r"\d+(?:[.,/]\d+)*"
_SCALE = r"(?:\s?(?:persen|%|juta(?:an)?|ribu|ribuan|miliar|triliun))"
_NOUN = r"(?:\s(?:pekerja|orang|peserta|penduduk|tenaga kerja|kabupaten(?: dan kota)?|kepesertaan))"
FIGURE_RE = re.compile(
    rf"(?:(?:hampir|sekitar|kurang lebih|lebih dari|sebanyak|sebesar|mencapai)\s)?"
    rf"(?<![\w/.,]){_NUM}{_SCALE}?{_NOUN}?(?![\w/])",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(rf"{_NUM}\s?(?:persen|%)", re.IGNORECASE)
_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "jan|feb|mar|apr|jun|jul|agu|aug|sep|okt|oct|nov|des|dec"
)
DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}\s(?:{_MONTHS})\b|(?:{_MONTHS})\s(?:19|20)\d\d|\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d"
    rf"|(?:tahun\s)?(?:19|20)\d\d|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b",
    re.IGNORECASE,
)
_ROLE_RE = re.compile(
    r"\b(?:Kepala|Direktur|Deputi|Wakil|Gubernur|Penjabat|Pj|Kakacab|Kabid|Ketua|Menteri|"
    r"Wali Kota|Walikota|Bupati)\b"
)
_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b")
# Capitalized words that are places, organisations or titles, not people.
_NOT_NAMES = {
    "bpjs",
    "ketenagakerjaan",
    "kanwil",
    "kantor",
    "wilayah",
    "cabang",
    "sumsel",
    "sumbagsel",
    "sumatera",
    "selatan",
    "bagian",
    "palembang",
    "provinsi",
    "pemprov",
    "kepala",
    "direktur",
    "deputi",
    "wakil",
    "gubernur",
    "penjabat",
    "pj",
    "jaminan",
    "sosial",
    "badan",
    "pemerintah",
    "kamis",
    "jumat",
    "senin",
    "selasa",
    "rabu",
    "sabtu",
    "minggu",
    "dari",
    "saat",
    "menurut",
    "sementara",
    "dia",
    "kami",
    "mereka",
    "untuk",
    "di",
    "dan",
    "pak",
    "bidang",
    "kabid",
    "kakacab",
    "indonesia",
    "antara",
    "tahun",
    "hari",
    "tua",
    "kecelakaan",
    "kerja",
    "kematian",
    "pensiun",
    "kehilangan",
    "pekerjaan",
    "program",
    "new",
    "service",
    "blue",
    "print",
    "implementasi",
    "gerakan",
    "serentak",
    "perlindungan",
    "pekerja",
    "rentan",
    "usaha",
    "kecil",
    "menengah",
    "royal",
    "golf",
    "lounge",
    "pgc",
    "bina",
    "praja",
    "paritrana",
    "award",
    "jumpa",
    "pers",
    "media",
    "sharing",
    "session",
    "serikat",
    "buruh",
    "penerima",
    "upah",
    "bukan",
    "jasa",
    "konstruksi",
    "ksp",
    "bjps",
    "alhamdulillah",
    "pemda",
    "ukm",
    "bpd",
    "rt",
    "rw",
    "petani",
    "nelayan",
    "tukang",
    "ojek",
    "entah",
    "kota",
    "kabupaten",
    "fokus",
    "lebih",
    "berdasarkan",
    "melihat",
    "artinya",
    "kondisi",
    "lima",
    "terutama",
    "tentunya",
    "perlu",
    "salah",
    "kemudian",
    "pertama",
    "sisanya",
    "sektor",
    "target",
    "kalau",
    "bahwa",
    "maka",
}
ORDINALS = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh")
_NUMBER_WORDS = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7}
_ANNOUNCE_RE = re.compile(
    r"\b(\d|dua|tiga|empat|lima|enam|tujuh)\s(?:program|hal|fokus|jenis|manfaat|layanan|poin)",
    re.IGNORECASE,
)


def figures(text: str) -> tuple[str, ...]:
    """Numbers with their qualifiers and units, as exact substrings of `text` (no bare years)."""
    out = []
    for m in FIGURE_RE.finditer(text):
        s = m.group().strip()
        core = re.sub(r"^\D+", "", s)
        if re.fullmatch(r"(19|20)\d\d", core) or re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", core):
            continue
        if re.fullmatch(r"\d", core) and s == core:
            continue  # a bare single digit ("4 hal") is not a figure worth stressing
        out.append(s)
    return tuple(out)


_PEOPLE = ("pekerja", "orang", "peserta", "penduduk", "tenaga kerja", "kepesertaan")


_TOTAL_RE = re.compile(r"\bdari\s(?:total\s|jumlah\s)?(?:kurang lebih\s|sekitar\s)?$", re.I)


def people_count(text: str) -> bool:
    """A count of people ("1,3 juta pekerja", "2.916.275 orang"), not a total it is part of
    ("dari kurang lebih 3 juta pekerja" is the denominator, not the answer)."""
    for m in FIGURE_RE.finditer(text):
        f = m.group().strip()
        if not f.lower().endswith(_PEOPLE) or PERCENT_RE.search(f):
            continue
        if not _TOTAL_RE.search(text[max(0, m.start() - 30) : m.start()]):
            return True
    return False


def has_percent(text: str) -> bool:
    return bool(PERCENT_RE.search(text))


def has_count(text: str) -> bool:
    """A figure that is not only a percentage or a year."""
    return any(not PERCENT_RE.fullmatch(re.sub(r"^\D+", "", f)) for f in figures(text))


def has_date(text: str) -> bool:
    return bool(DATE_RE.search(text))


def people(text: str) -> list[str]:
    """Capitalized name sequences that are not places, organisations or titles."""
    names = []
    for m in _NAME_RE.finditer(text):
        parts = [p for p in m.group().split() if p.lower() not in _NOT_NAMES]
        if parts and m.start() > 0:
            names.append(" ".join(parts))
    return names


def has_person(text: str) -> bool:
    return bool(_ROLE_RE.search(text)) and bool(people(text))


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
    return text.count(",") >= 2 and bool(re.search(r",?\s(?:dan|serta)\s", text))


def ordinal(text: str) -> int | None:
    """1 for a sentence that says "pertama", 2 for "kedua", ... (the first ordinal found)."""
    lower = text.lower()
    found = [
        (lower.find(w), i) for i, w in enumerate(ORDINALS, start=1) if re.search(rf"\b{w}\b", lower)
    ]
    return min(found)[1] if found else None
