"""Site boilerplate in a raw scraped news page: which lines are the article, by general signals.

No list of outlets: a line is judged by its shape (length, sentence punctuation, the share of
Indonesian function words, title case), by caption and credit patterns, by site phrases that
any news site uses ("Baca juga", "Editor:", "Artikel ini telah tayang di ..."), and by where
it stands: before the dateline or the first sentence of the article (the page header), inside
the article, or after it (tags, related stories, comments, copyright).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.importer.dates import PUBLISHED_RE, header_date
from index.text import STOPWORDS

_DOMAIN = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?i:co\.id|com|id|net|org|co|news|tv|info)\b"
DOMAIN_RE = re.compile(_DOMAIN)
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*\s*,\s*)?"  # "KOTA, "
    rf"(?:(?P<outlet>{_DOMAIN})(?:\s*,\s*[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)?"  # outlet[, Kota]
    r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*\s*\((?P<agency>[A-Z][A-Za-z]+)\)"  # Kota (AGENCY)
    r"|[A-Z]{3,}(?: [A-Z]{3,})*"  # "KOTA"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?=\s[-–—]\s+[A-Z]))"  # "Kota Besar - " (mixed case)
    r"\s*[-–—]+(?:\s+|$)"
    r"|^(?P<code>[A-Z]{3,6}),\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*\s*:\s+"  # "KODE, Kota: "
)
URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")
URL_LINE_RE = re.compile(r"^(?:(?:url|link|sumber|source)\s*:\s*)?(https?://[^\s<>\"]+)$", re.I)
_SITE_PHRASE_RE = re.compile(
    r"^(?:(?:baca|lihat|simak)\s+(?:juga|pula)\b|berita\s+terkait\s*:\s*\S"
    r"|(?:kategori|tags?|topik|label|sumber|source)\s*:"
    r"|(?:reporter|editor|penulis|pewarta|redaktur|wartawan|kontributor|penyunting|foto|photo"
    r"|fotografer|video|grafis|ilustrasi)\s*:"
    r"|(?:penulis|editor|reporter)\s+[A-Z]"
    r"|saksikan\s+video\b|simak\s+video\b|lihat\s+foto$|\d+\s+dari\s+\d+\s+halaman$"
    r"|halaman\s+(?:selanjutnya|berikutnya|sebelumnya)\b|selanjutnya\s*>+|scroll\s+to\s+continue"
    r"|alamat\s+email\s+anda\s+tidak\s+akan|ruas\s+yang\s+wajib\s+ditandai"
    r"|(?:komentar|nama|email|situs\s+web)\s*\*?$|advertisement$|iklan$|ads$"
    r"|©|copyright\b|hak\s+cipta\b|all\s+rights\s+reserved"
    r"|dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak)"
    r"|artikel\s+ini\s+telah\s+(?:tayang|terbit)|baca\s+artikel\s+\S+.*selengkapnya"
    r"|dapatkan\s+(?:update|berita|informasi)|ikuti\s+(?:kami|berita|saluran)"
    r"|(?:bagikan|share|sebarkan)\b.{0,30}$|follow\s+us|download\s+aplikasi|unduh\s+aplikasi)",
    re.I,
)
_PROMO_RE = re.compile(r"google\s+news|whatsapp\s+channel|saluran\s+whatsapp|telegram", re.I)
_CREDIT_RE = re.compile(
    r"(?:\([^()]*(?:\.(?:com|id|net|co)|foto|photo|dok)[^()/]*/[^()]+\)"  # (Site/Name)
    r"|\b(?:foto|photo|dok|dokumentasi|ist|istimewa)\s*[:/]\s*[\w .'/-]+"  # FOTO/Name
    r"|(?-i:\b[A-Z]{3,}\s*/\s*[A-Z][\w .'-]+$)"  # AGENSI/Name
    rf"|\b{_DOMAIN}\s*/\s*[\w .'-]+|\b[A-Z][A-Z .'-]+/\s*{_DOMAIN}"  # SITE.COM/NAME, NAME/SITE.CO
    rf"|[-–—]\s*[A-Z][\w.' ]*[-–—]\s*{_DOMAIN})\s*\)?\.?\s*$",  # ".-Nama Penulis-situs.co.id"
    re.I,
)
_POSITION_RE = re.compile(
    r"\((?:kiri|kanan|tengah|ki-ka|ka-ki|dua dari kiri|dua dari kanan|depan|belakang)\)", re.I
)
BYLINE_RE = re.compile(
    r"^[A-Z][\w.' ]{2,60}\s[-–—|]\s(?P<site>[\w]+(?:\.[\w]+)*)$"
)  # "Nama - situs"
_LABEL_CAPTION_RE = re.compile(r"^[A-Z][A-Z0-9 ,.'&]{2,40}\s[-–—]\s+\S")  # "RESMI MENJABAT - ..."
_LIST_HEADER_RE = re.compile(
    r"^(?:berita\s+(?:terkait|lainnya|terkini|populer|terpopuler|pilihan)|artikel\s+terkait"
    r"|terpopuler|populer|pilihan(?:\s+editor)?|terkini|rekomendasi|trending|baca\s+juga"
    r"|related|most\s+popular|tags?|topik|label|kategori|indeks|video\s+terkait)\s*:?$",
    re.I,
)
# Where the article ends: a section header standing alone ("Tag", "Berita Terkait"), or the
# lines a site puts after every article ("Artikel ini telah tayang di ...", copyright).
_END_RE = re.compile(
    r"^(?:(?:tags?|topik|label|kategori|berita\s+terkait|artikel\s+terkait"
    r"|berita\s+(?:terpopuler|lainnya)|terpopuler|rekomendasi|komentar"
    r"|tinggalkan\s+(?:balasan|komentar)|leave\s+a\s+reply)\s*:?\s*$"
    r"|artikel\s+ini\s+telah\s+(?:tayang|terbit)|dapatkan\s+(?:update|berita)|©|copyright\b"
    r"|hak\s+cipta\b)",
    re.I,
)
_COMMENTS_RE = re.compile(r"^(?:tinggalkan\s+(?:balasan|komentar)|leave\s+a\s+reply)\s*:?$", re.I)
_BULLET_RE = re.compile(r"^[-–—•*]+(?:\s|$)")
_BREADCRUMB_RE = re.compile(r"\s(?:>|»|›|/|\|)\s")
_TRAILING_TAG_RE = re.compile(
    r"\s*(?:\((?:[a-z]{2,6}(?:/[a-z]{2,6})*|\*)\)|\[\s*[A-Z][A-Za-z]{1,20}\s*[\[\]])$"
)
_TRAILING_STAR_RE = re.compile(r"(?<=[.!?\"”’'])\s*\*+$")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "…", ":")

PROSE_WORDS = 20  # a line this long is article text even without a full stop
FUNCTION_SHARE = 0.12  # Indonesian sentences: at least this share of function words


def _words(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def _title_cased(line: str) -> bool:
    """Most words start with a capital letter, as in headlines."""
    ws = _words(line)
    return bool(ws) and sum(w[0].isupper() for w in ws) / len(ws) >= 0.5


def function_share(line: str) -> float:
    """The share of Indonesian (and English) function words among the line's words."""
    ws = [w.lower() for w in _words(line)]
    return sum(w in STOPWORDS for w in ws) / len(ws) if ws else 0.0


def headline(line: str) -> bool:
    """A headline-shaped line: 3 to 30 words, title-cased or sentence-cased, no full stop."""
    n = len(line.split())
    return 3 <= n <= 30 and line[-1] not in ".,;:!" and not _BREADCRUMB_RE.search(line)


def caption(line: str, next_line: str = "") -> bool:
    """A photo caption or credit: "FOTO: ...", "(Site/Name)", "(kiri)", or "LABEL - ..."
    followed by a credit line (a dateline, "KOTA, SITUS.com - ...", is not one)."""
    if _CREDIT_RE.search(line) or _POSITION_RE.search(line):
        return True
    if credit_only(next_line):
        return True  # a line whose credit follows it
    if re.search(r"\(\s*(?:foto|photo|ilustrasi|dok)\b", line, re.I):
        return True
    return bool(_LABEL_CAPTION_RE.match(line)) and credit_only(next_line)


def credit_only(line: str) -> bool:
    """A line that is nothing but a photo credit ("SITUS.COM/NAMA", "Foto: Nama")."""
    m = _CREDIT_RE.search(line) if line else None
    if m is None:
        return False
    return not prose(line) and (m.end() - m.start()) >= 0.6 * len(line.strip())


def site_phrase(line: str) -> bool:
    """A phrase only site furniture says ("Baca juga", "Editor:", "ADVERTISEMENT", ...)."""
    return bool(
        _SITE_PHRASE_RE.match(line)
        or (BYLINE_RE.match(line) and len(line.split()) <= 8)
        or (_PROMO_RE.search(line) and len(line.split()) <= 30)
        or URL_LINE_RE.match(line)
        or PUBLISHED_RE.match(line)
        or header_date(line) is not None
    )


def prose(line: str) -> bool:
    """A line of article text: ending like a sentence and not all title case, or long and
    full of function words (a missing full stop is then a scraping accident)."""
    ws = _words(line)
    if len(ws) < 3:
        return False
    if line.rstrip().endswith(_SENTENCE_END):
        capitals = sum(w[0].isupper() for w in ws) / len(ws)
        if line.rstrip().endswith(("?", "!")) and capitals >= 0.6:
            return False  # a headline asking or exclaiming ("... Korban Begal?")
        return len(ws) >= 6 or capitals < 0.8 or function_share(line) >= FUNCTION_SHARE
    return len(ws) >= PROSE_WORDS and function_share(line) >= FUNCTION_SHARE


def single_rule(line: str, next_line: str = "") -> bool:
    """A boilerplate line on its own: site phrase, caption, credit, date or dateline only."""
    return bool(
        site_phrase(line)
        or caption(line, next_line)
        or len(line.split()) == 1
        or (DATELINE_RE.match(line) and not DATELINE_RE.sub("", line).strip())
    )


def _next(lines: list[str], i: int) -> str:
    return next((x for x in lines[i + 1 : i + 3] if x), "")


@dataclass
class Page:
    """What `classify` found in a page's lines."""

    kept: list[str] = field(default_factory=list)  # body lines, blank lines as paragraph breaks
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    header: list[str] = field(default_factory=list)  # the lines before the article starts


def _body_start(lines: list[str], after: int) -> int:
    """Index of the article's first line: its dateline, or its first prose line that is not
    a caption or site phrase."""
    for i in range(after, len(lines)):
        line = lines[i]
        if not line or single_rule(line, _next(lines, i)):
            continue
        if DATELINE_RE.match(line) or prose(line):
            return i
    return len(lines)


def _text_after(lines: list[str], start: int) -> list[bool]:
    """For each index, whether article text (prose that is no caption or site phrase, not a
    list item) comes at or after it."""
    after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, start - 1, -1):
        line = lines[i]
        text = (
            bool(line)
            and not _BULLET_RE.match(line)
            and prose(line)
            and not single_rule(line, _next(lines, i))
        )
        after[i] = after[i + 1] or text
    return after


def _body_end(lines: list[str], start: int, article_after: list[bool]) -> int:
    """Index just past the article: a comment form, or the first end-of-article section
    ("Tag", "Berita Terkait", "Artikel ini telah tayang ...") after which no article text
    follows (a "Kategori :" line inside the article does not end it)."""
    for i in range(start + 1, len(lines)):
        if _COMMENTS_RE.match(lines[i]):
            return i
        if _END_RE.match(lines[i]) and not article_after[i + 1]:
            return i
    return len(lines)


def find_title(lines: list[str], end: int) -> int | None:
    """Index of the headline among the header lines: the headline-shaped line nearest the
    header date (before it, else after it), else the longest one before the article."""
    date_at = next((i for i in range(end) if lines[i] and header_date(lines[i])), None)
    candidates = [
        i
        for i in range(end)
        if lines[i]
        and headline(lines[i])
        and not single_rule(lines[i])
        and not caption(lines[i])
        and len(lines[i].split()) >= 4
        and not _LIST_HEADER_RE.match(lines[i])
    ]
    if not candidates:
        return None
    if date_at is not None:
        before = [i for i in candidates if i < date_at and date_at - i <= 4]
        if before:
            return before[-1]
        after = [i for i in candidates if 0 < i - date_at <= 2]
        if after:
            return after[0]
    return max(candidates, key=lambda i: (len(lines[i]), -i))


def unwrap(lines: list[str]) -> list[str]:
    """Lines with hard-wrapped sentences joined: a line that does not end a sentence,
    followed by one starting in lower case, is one line."""
    out: list[str] = []
    for line in lines:
        wrapped = (
            out
            and len(out[-1].split()) >= 4
            and len(line.split()) >= 2
            and line[0].islower()
            and not out[-1].endswith(_SENTENCE_END)
            and header_date(out[-1]) is None
        )
        if wrapped:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def classify(lines: list[str]) -> Page:
    """Split stripped page lines into the article's body and everything else."""
    lines = unwrap([tidy(line) for line in lines])
    nonblank = [line for line in lines if line]
    twins = {a for a, b in zip(nonblank, nonblank[1:], strict=False) if a == b}  # captions
    first_prose = _body_start(lines, 0)
    title_at = find_title(lines, first_prose)
    start = _body_start(lines, (title_at + 1) if title_at is not None else 0)
    article_after = _text_after(lines, start)
    end = _body_end(lines, start, article_after)
    page = Page(title=lines[title_at] if title_at is not None else None, header=lines[:start])
    page.removed = [x for x in lines[:start] if x and x != page.title]
    seen: set[str] = set()
    i = start
    while i < end:
        line, stop, keep = lines[i], i + 1, False
        if not line:
            keep = True
        elif _LIST_HEADER_RE.match(line):
            while stop < end and (not lines[stop] or not prose(lines[stop])):
                stop += 1
        elif _BULLET_RE.match(line) and len(line.split()) > 1 and article_after[i + 1]:
            keep = True  # an item of the article's own list, with article text after it
        else:
            keep = not (
                line == page.title
                or line in seen
                or line in twins
                or single_rule(line, _next(lines, i))
                or not (prose(line) or DATELINE_RE.match(line))
            )
        if keep:
            page.kept.append(line)
            seen.add(line)
        else:
            page.removed.extend(x for x in lines[i:stop] if x)
        i = stop
    page.removed.extend(x for x in lines[end:] if x)
    return page


def tidy(para: str) -> str:
    """Remove trailing byline tags ("(abc)", "[AGENCY]") and a stray "*" after a sentence."""
    previous = None
    while previous != para:
        previous = para
        para = _TRAILING_STAR_RE.sub("", _TRAILING_TAG_RE.sub("", para)).rstrip()
    return para
