"""Site boilerplate in a raw scraped article: the line rules and the functions that apply them.

The rules are general (line shapes and site phrases), so they work on articles they were not
written against. Whole lines are dropped ("BACA JUGA", headline lists, captions, comment forms,
bylines); `tidy` also removes trailing byline tags ("(ohs)", "[ANTARA]") from paragraph ends.
"""

from __future__ import annotations

import re

from index.dates import PUBLISHED_RE

_DOMAIN = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?i:co\.id|com|id|net|org|co|news|tv|info)\b"
DOMAIN_RE = re.compile(_DOMAIN)
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*\s*,\s*)?"  # "PALEMBANG, "
    rf"(?:(?P<outlet>{_DOMAIN})(?:\s*,\s*[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)?"  # outlet[, City]
    r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*\s*\((?P<agency>[A-Z][A-Za-z]+)\)"  # Palembang (ANTARA)
    r"|[A-Z]{3,}(?: [A-Z]{3,})*)"  # "PALEMBANG"
    r"\s*[-–—]+(?:\s+|$)"
)
_LINE_RULES = re.compile(
    r"^(?:(?:baca|lihat|simak)\s+(?:juga|pula)\b|berita\s+terkait\s*:\s*\S"
    r"|(?:kategori|tags?|topik|label|sumber|source)\s*:"
    r"|(?:reporter|editor|penulis|pewarta|redaktur|wartawan|kontributor|penyunting|foto|photo)\s*:"
    r"|saksikan\s+video\b|\d+\s+dari\s+\d+\s+halaman$|alamat\s+email\s+anda\s+tidak\s+akan"
    r"|ruas\s+yang\s+wajib\s+ditandai|(?:komentar|nama|email|situs\s+web)\s*\*?$"
    r"|advertisement$|scroll\s+to\s+continue|©|copyright\b|hak\s+cipta\b"
    r"|dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak))",
    re.I,
)
_PROMO_RE = re.compile(r"google\s+news|whatsapp\s+channel|saluran\s+whatsapp", re.I)
_CREDIT_RE = re.compile(
    r"(?:\([^()]*(?:\.(?:com|id|net)|foto|photo|antara)[^()/]*/[^()]+\)"  # (MusiNews.id/Name)
    r"|\b(?:antara(?:\s+foto)?|foto|photo|dok|ist)\s*/\s*[\w .'-]+"  # ANTARA/Name
    rf"|[-–—]\s*[A-Z][\w.' ]*[-–—]\s*{_DOMAIN})\s*$",  # ".-Sandy Pratama-paltv.co.id"
    re.I,
)
_LIST_HEADER_RE = re.compile(
    r"^(?:berita\s+(?:terkait|lainnya|terkini|populer)|artikel\s+terkait|terpopuler|populer"
    r"|pilihan|terkini|rekomendasi|trending|baca\s+juga|related)\s*:?$",
    re.I,
)
_COMMENTS_RE = re.compile(r"^(?:tinggalkan\s+(?:balasan|komentar)|leave\s+a\s+reply)\s*:?$", re.I)
_BULLET_RE = re.compile(r"^[-–—•*]+(?:\s|$)")
URL_LINE_RE = re.compile(r"^(?:(?:url|link|sumber)\s*:\s*)?(https?://[^\s<>\"]+)$", re.I)
_TRAILING_TAG_RE = re.compile(
    r"\s*(?:\((?:[a-z]{2,6}(?:/[a-z]{2,6})*|\*)\)|\[\s*[A-Z][A-Za-z]{1,20}\s*[\[\]])$"
)
_TRAILING_STAR_RE = re.compile(r"(?<=[.!?\"”’'])\s*\*+$")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _title_cased(line: str) -> bool:
    """Most words start with a capital letter, as in headlines."""
    ws = _WORD_RE.findall(line)
    return bool(ws) and sum(w[0].isupper() for w in ws) / len(ws) >= 0.5


def headline(line: str) -> bool:
    """A headline-shaped line: 3 to 25 words, title-cased, not ending in ".,;:"."""
    return 3 <= len(line.split()) <= 25 and line[-1] not in ".,;:" and _title_cased(line)


def _listish(line: str) -> bool:
    """A line of a list of other headlines (or a blank / bullet between them)."""
    return not line or bool(_BULLET_RE.match(line)) or headline(line) or len(line.split()) == 1


def _banner(line: str) -> bool:
    """A short title-cased line without any punctuation: a site banner or sub-heading (an
    article's own bullet item, "- Jaminan Hari Tua", is not one)."""
    return (
        len(line.split()) <= 8
        and not re.search(r"[.!?;:,\"“”]", line)
        and not _BULLET_RE.match(line)
        and _title_cased(line)
    )


def single_rule(line: str) -> bool:
    """A boilerplate line on its own: site phrase, credit, byline, date or dateline only."""
    return bool(
        _LINE_RULES.match(line)
        or _CREDIT_RE.search(line)
        or (_PROMO_RE.search(line) and len(line.split()) <= 15)
        or len(line.split()) == 1
        or PUBLISHED_RE.match(line)
        or URL_LINE_RE.match(line)
        or (DATELINE_RE.match(line) and not DATELINE_RE.sub("", line).strip())
    )


def strip_boilerplate(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Split lines into (kept, removed); kept keeps blank lines as paragraph breaks."""
    nonblank = [line for line in lines if line]
    twins = {a for a, b in zip(nonblank, nonblank[1:], strict=False) if a == b}  # captions
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        line, end, keep = lines[i], i + 1, False
        if not line:
            keep = True
        elif _COMMENTS_RE.match(line):
            end = len(lines)
        elif _LIST_HEADER_RE.match(line):
            while end < len(lines) and _listish(lines[end]):
                end += 1
        elif re.fullmatch(r"[-–—•]+|(?i:baca\s+juga\s*:)", line):
            end += 1 if end < len(lines) and headline(lines[end]) else 0
        else:
            keep = not (
                line == title or line in seen or line in twins or single_rule(line) or _banner(line)
            )
        if keep:
            kept.append(line)
            seen.add(line)
        else:
            removed.extend(x for x in lines[i:end] if x)
        i = end
    return kept, removed


def tidy(para: str) -> str:
    """Remove trailing byline tags ("(ohs)", "[ANTARA]") and a stray "*" after a sentence."""
    previous = None
    while previous != para:
        previous = para
        para = _TRAILING_STAR_RE.sub("", _TRAILING_TAG_RE.sub("", para)).rstrip()
    return para
