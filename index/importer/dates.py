"""Dates in raw articles: a publication line, an event date, or a "data as of" month."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from index.text import MONTHS, format_date_id

_DOW = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
# A month word of a date is known by its first three letters ("Agt", "Agustus", "Aug." -> 8).
_MONTH_OF = {w[:3]: n for n, m in enumerate(MONTHS, start=1) for w in (m.name.lower(), *m.forms)}
_MON = rf"(?:{'|'.join(_MONTH_OF)})[a-z]*\.?"
_DAY = (
    # 1 Agustus 2024, 20 - Jan - 2026
    rf"(?:(?P<d>\d{{1,2}})(?:\s+|\s*-\s*)(?P<m>{_MON})(?:\s+|\s*-\s*)(?P<y>(?:19|20)\d\d)"
    # 16/11/2020, 10-03-2025
    r"|(?<![\d/-])(?P<nd>\d{1,2})(?P<sep>[/-])(?P<nm>\d{1,2})(?P=sep)"
    r"(?P<ny>(?<=/)(?:19|20)?\d\d|(?:19|20)\d\d)(?![-/\d])"  # 2-digit years only after "/"
    rf"|(?P<am>{_MON})\s+(?P<ad>\d{{1,2}}),\s*(?P<ay>(?:19|20)\d\d)"  # Desember 12, 2022
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d))"  # 2022-12-12
)
PUBLISHED_RE = re.compile(
    r"^(?:(?:diterbitkan|dipublikasikan|published|terbit|diposting|posted)(?:\s+(?:pada|on))?\s*:?\s*)?"
    rf"(?:{_DOW}\s*,?\s*)?{_DAY}\s*(?:[-|,]\s*)?"
    r"(?:(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?)?$",
    re.I,
)
_EVENT_RE = re.compile(rf"\b(?:hari\s+)?{_DOW}\s*,?\s*\(?\s*(?:(?:tanggal|tgl\.?)\s+)?{_DAY}", re.I)
_ANY_DAY_RE = re.compile(rf"\b{_DAY}", re.I)
_DATA_RE = re.compile(
    rf"\b(?:hingga|sampai|per|s\.?d\.?)\s+(?:(?:akhir\s+)?bulan\s+)?(?P<m>{_MON})\s+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)


_TIME_RE = re.compile(r"\b(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?\b", re.I)
_NOISE_RE = re.compile(
    rf"\b{_DOW}\b|\b(?:WIB|WITA|WIT|diterbitkan|dipublikasikan|published|terbit|diposting"
    r"|posted|update|updated|diperbarui|pada|on)\b|[-–—|,:/()•·]",
    re.I,
)


# What a blog's date line carries besides the date: "oleh Redaksi", "| 3 Komentar",
# "Dilihat: 1.284 kali", "oleh Nama Penulis [Kota] di 3 June 2027", "· 5 menit baca".
_BYLINE_TAIL_RE = re.compile(
    r"\b(?:oleh|by)\s+\S+(?:\s+[A-Z]\S*)*(?:\s+[\[(][^\])]{1,40}[\])])?(?:\s+(?:di|at|on)\b)?"
    r"|\b\d+\s+(?:komentar|comments?|tanggapan)\b"
    r"|\b\d+\s+(?:menit|min|minutes?)\s+(?:baca|membaca|read)\b|\bwaktu\s+baca\s*:?\s*\d+\s+menit\b"
    r"|\b(?:dilihat|dibaca|views?|hits)\s*:?\s*[\d.,]+(?:\s*(?:kali|x)\b)?"
    r"|\b[\d.,]+\s*(?:kali\s+)?(?:dilihat|dibaca|views?)\b",
    re.I,
)


_PRINT_STAMP_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*[AP]M$", re.I)


# A relative time beside the date ("10:05 WIB · 2 jam lalu"), which says nothing of it.
_AGO_RE = re.compile(
    r"(?i)\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu\b"
    r"|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago\b"
)


# The longest byline row read for its date ("Diposting oleh: <admin> | Selasa, 15 Maret 2039 |
# 09:42 WIB | Dilihat: 1.286 kali"): each of its parts is short, the row need not be.
BYLINE_ROW = 160


def header_date(line: str) -> date | None:
    """The date of a header date line ("Kamis, 6 Maret 2025 16:20 WIB", "Situs.com -
    14/09/2021, 16:42 WIB", "Rabu 22 Jan 2025 - 11:47"): a line that is a date and little
    else (a time, a weekday, a site name). None for a sentence that mentions a date."""
    if _PRINT_STAMP_RE.match(line):
        return None  # when a browser printed the page ("6/9/22, 3:02 PM"), not when it appeared
    if len(line) > (BYLINE_ROW if "|" in line else 80):
        return None
    if "|" in line:  # "2025-03-11 | Admin Humas | Dilihat: 1.284 kali", "Editor: X|Senin ..."
        for part in re.split(r"\s*\|\s*", line):
            if m := PUBLISHED_RE.match(part):
                return _ymd(m)
            if part and (found := header_date(part)):
                return found
        return None
    m = _ANY_DAY_RE.search(line)
    if not m:
        return None
    rest = _BYLINE_TAIL_RE.sub(" ", line[: m.start()] + " " + line[m.end() :])
    rest = _NOISE_RE.sub(" ", _TIME_RE.sub(" ", _AGO_RE.sub(" ", rest)))
    words = rest.split()
    if len(words) > 3 or not all(w[0].isupper() or "." in w for w in words):
        return None  # "sejak 2 Juni 2025": a date inside a phrase, not a header
    return _ymd(m)


def _ymd(m: re.Match[str]) -> date | None:
    try:
        if m.group("d"):
            month = _MONTH_OF[m.group("m").lower()[:3]]
            return date(int(m.group("y")), month, int(m.group("d")))
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("ad"):
            month = _MONTH_OF[m.group("am").lower()[:3]]
            return date(int(m.group("ay")), month, int(m.group("ad")))
        year = int(m.group("ny"))
        return date(year + 2000 if year < 100 else year, int(m.group("nm")), int(m.group("nd")))
    except (KeyError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class DetectedDate:
    """The date of a raw article, as `detect_dates` found it (all empty when none was)."""

    published: date | None = None  # the publication date, from a date line above the body
    dated: date | None = None  # the date used to order sources in time
    label: str = ""  # how users see it: "2 Agustus 2024", "peristiwa ...", "data hingga ..."
    key: str = ""  # the date part of a default id: "2024-08-02", or "2024-03" for a month

    @classmethod
    def published_on(cls, d: date) -> DetectedDate:
        """A publication date: the article is dated by it."""
        return cls(d, d, format_date_id(d), d.isoformat())


def detect_dates(header: list[str], body: str) -> DetectedDate:
    """The date from a date line above the body, else from the body's event date ("Kamis
    1 Agustus 2024"), else its data date ("hingga Maret 2024")."""
    for line in header:
        m = PUBLISHED_RE.match(line)
        d = _ymd(m) if m else header_date(line)
        if d:
            return DetectedDate.published_on(d)
    for pattern in (_EVENT_RE, _ANY_DAY_RE):
        for m in pattern.finditer(body):
            if d := _ymd(m):
                return DetectedDate(None, d, f"peristiwa {format_date_id(d)}", d.isoformat())
    for m in _DATA_RE.finditer(body):
        month, year = _MONTH_OF.get(m.group("m").lower()[:3]), int(m.group("y"))
        if month:
            d = date(year, month, calendar.monthrange(year, month)[1])
            label = f"data hingga {format_date_id(d).split(' ', 1)[1]}"
            return DetectedDate(None, d, label, f"{year}-{month:02d}")
    return DetectedDate()
