"""Site boilerplate in a raw scraped news page: which lines are the article, by general signals.

No list of outlets: a line is judged by its shape (`index.importer.lines`) and by where it
stands: before the dateline or the first sentence of the article (the page header), inside
the article, or after it (tags, related stories, comments, copyright).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from index.importer.blocks import (
    LIST_HEADER_RE,
    before_at,
    before_line,
    capitalized,
    next_at,
    next_line,
    pull_quote,
    subheading,
    table_rows,
)
from index.importer.dates import header_date
from index.importer.lines import (
    AD_LABEL_RE,
    DATELINE_RE,
    DAY_DATE_END,
    DOMAIN_RE,
    SENTENCE_END,
    caption,
    english,
    headline,
    lettered_figure,
    prose,
    single_rule,
    site_phrase,
)
from index.text import split_sentences

# Where the article ends: a section header standing alone ("Tag", "Berita Terkait"), or the
# lines a site puts after every article ("Artikel ini telah tayang di ...", copyright).
_END_RE = re.compile(
    r"^(?:(?:tags?|topik|label|kategori|berita\s+terkait|artikel\s+terkait"
    r"|berita\s+(?:terpopuler|lainnya|terbaru|terkini)|terpopuler|rekomendasi|komentar"
    r"|tinggalkan\s+(?:balasan|komentar)|leave\s+a\s+reply)\s*:?\s*$"
    r"|artikel\s+ini\s+telah\s+(?:tayang|terbit)|dapatkan\s+(?:update|berita)|©|copyright\b"
    r"|hak\s+cipta\b)",
    re.I,
)
_COMMENTS_RE = re.compile(
    r"^(?:(?:tinggalkan\s+(?:balasan|komentar)|leave\s+a\s+reply)(?:\s+batalkan\s+balasan)?\s*:?$|belum\s+ada\s+komentar(?:\W*$|\.\s*jadilah)"
    r"|(?:\d+|one|satu)\s+(?:tanggapan|komentar|comments?|responses?|thoughts?)"
    r"(?:\s+(?:untuk|pada|on|to)\b|\s*$)"
    r"|(?:komentar|comments?|tanggapan)\s*\(\d+\)\s*$"
    r"|(?:silakan|silahkan|anda\s+harus|harap)\s+(?:log\s?in|masuk)\b.{0,30}\b(?:ber)?komentar\b)",
    re.I,
)
_COMMENTS_HEADER_RE = re.compile(
    r"(?i)^(?:(?:kirim|tulis|beri|berikan|write|post)\s+(?:an?\s+)?)?"
    r"(?:komentar|comments?|tanggapan)\s*:?$"
)
_COMMENT_WORD_RE = re.compile(r"(?i)\b(?:ber)?komentar\b|\bcomment|\blog\s?in\b")
# A reader's comment under its writer's name ("Nama Pembaca: isi komentar ...")
_COMMENTER_RE = re.compile(r"^[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*:\s+\S")
_BULLET_RE = re.compile(r"^[-–—•*]+(?:\s|$)")
_TRAILING_TAG_RE = re.compile(
    r"\s*(?:\((?:[a-z]{2,6}(?:/[a-z]{2,6})*|\*)\)|\[\s*[A-Z][A-Za-z]{1,20}\s*[\[\]])$"
)
_TRAILING_STAR_RE = re.compile(r"(?<=[.!?\"”’'])\s*\*+$")


@dataclass
class Page:
    """What `classify` found in a page's lines."""

    kept: list[str] = field(default_factory=list)  # body lines, blank lines as paragraph breaks
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    header: list[str] = field(default_factory=list)  # the lines before the article starts


def _body_start(lines: list[str], after: int) -> int:
    """Index of the article's first line: its dateline, or its first prose line that is not
    a caption or site phrase. Lines a little above the dateline are a photo's caption or a
    summary, unless the first follows the headline at once and says more than a photo's
    caption does (the standfirst)."""
    i = after
    first = next((k for k in range(after, len(lines)) if lines[k]), len(lines))
    while i < len(lines):
        line = lines[i]
        if line and not single_rule(line, next_line(lines, i)):
            if DATELINE_RE.match(line) and (prose(line) or _sited(line)):
                at = None if _sited(line) else _dateline_after(lines, i, _sited)
                if at is None:
                    return i
                i = at  # "LABEL - a photo's caption" above the dateline naming the site
                continue
            standfirst = i == first and not _photo_line(line)
            if prose(line) and not standfirst and (at := _dateline_after(lines, i)) is not None:
                i = at  # captions and a summary above the dateline
                continue
            if prose(line):
                dated = _header_date_after(lines, i)
                if dated is None:
                    return i
                i = dated  # a caption above the byline block and the header date
        i += 1
    return len(lines)


def _photo_line(line: str) -> bool:
    """A line in the shape of a photo's caption: one short sentence without a figure
    ("Penyerahan kartu peserta kepada petani di desa.")."""
    return (
        len(line.split()) <= 16
        and not re.search(r"\d", line)
        and len(list(split_sentences(line))) == 1
    )


def _dateline_after(
    lines: list[str], i: int, shaped: Callable[[str], object] = DATELINE_RE.match
) -> int | None:
    """The article's dateline (a `shaped` line) a few lines after line `i`, if there is
    one."""
    for j in range(i + 1, min(len(lines), i + TITLE_REACH)):
        if lines[j] and shaped(lines[j]) and prose(lines[j]):
            return j
    return None


def _sited(line: str) -> bool:
    """A dateline naming the site or agency ("KOTA, SITUS.com -", "Kota (ANTARA) -"), which
    no photo caption's label ("SERAHKAN KARTU - ...") does."""
    m = DATELINE_RE.match(line)
    return bool(m and any(m.group(g) for g in ("outlet", "agency", "site", "code")))


def _header_date_after(lines: list[str], i: int) -> int | None:
    """The header date line a few lines after line `i` with only bylines and site lines in
    between (so line `i` is a photo caption under the headline), if there is one."""
    for j in range(i + 1, min(len(lines), i + TITLE_REACH)):
        line = lines[j]
        if not line:
            continue
        if header_date(line) is not None:
            return j
        if prose(line) and not single_rule(line, next_line(lines, j)):
            return None
    return None


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
            and not single_rule(line, next_line(lines, i))
            and not _SITE_PROMPT_RE.match(line)  # the site's pitches after the article
            # another story's summary under its headline and date ("Senin, 3 November 2025")
            and not (i > start and header_date(before_line(lines, i)) is not None)
        )
        after[i] = after[i + 1] or text
    return after


def _body_end(lines: list[str], start: int, article_after: list[bool]) -> int:
    """Index just past the article: a comment form or section (its header, then a line
    about commenting or a reader's comment under a name), or the first end-of-article section
    ("Tag", "Berita Terkait", "Artikel ini telah tayang ...") after which no article text
    follows (a "Kategori :" line inside the article does not end it)."""
    for i in range(start + 1, len(lines)):
        if _COMMENTS_RE.match(lines[i]):
            return i
        if _COMMENTS_HEADER_RE.match(lines[i]):
            below = next_line(lines, i)
            if _COMMENT_WORD_RE.search(below) or _COMMENTER_RE.match(below):
                return i  # "Komentar", then the rules for commenting or a reader's comment
        if _END_RE.match(lines[i]) and not article_after[i + 1]:
            return i
    return len(lines)


TITLE_REACH = 8  # lines from the headline to the header date, bylines included
# The label of a list of other stories (not a menu's "Indeks" or "Kategori").
_OTHER_STORIES_RE = re.compile(
    r"^(?:(?:berita|artikel)\s+(?:terkait|lainnya|populer|terpopuler)|terpopuler|populer"
    r"|rekomendasi|trending|baca\s+juga|related|most\s+popular)\s*:?$",
    re.I,
)


def find_title(lines: list[str], end: int) -> int | None:
    """Index of the headline among the header lines: the headline-shaped line nearest a
    header date (before it, else after it), the longest such line when the header has
    several dates before any list of other stories (a site's date bar above its tagline,
    then the article's own date), else the longest one before the article."""
    candidates = [
        i
        for i in range(end)
        if lines[i]
        and headline(lines[i])
        and not single_rule(lines[i])
        and not caption(lines[i])
        and not site_phrase(lines[i])  # "Dibaca : 487 kali", "Editor Nama Penulis"
        and not before_line(lines, i).endswith(":")  # "Sumber :", then who it is from
        and len(lines[i].split()) >= 4
        and not LIST_HEADER_RE.match(lines[i])
        and not DATELINE_RE.match(lines[i])  # "News - Nama Penulis, Situs": a byline
    ]
    if not candidates:
        return None
    dates = [i for i in range(end) if lines[i] and header_date(lines[i])]
    # a list's label ("Berita Terkait") starts other stories' headlines and dates
    listed = next((i for i in range(end) if _OTHER_STORIES_RE.match(lines[i])), end)
    dates = [d for d in dates if d < listed] or dates[:1]
    near = [i for d in dates if (i := _near_date(lines, candidates, d)) is not None]
    if near:
        return max(near, key=lambda i: (len(lines[i].split()), -i))
    return max(candidates, key=lambda i: (len(lines[i]), -i))


def _near_date(lines: list[str], candidates: list[int], date_at: int) -> int | None:
    """The headline candidate belonging to the header date at `date_at`: the nearest before
    it with at most one other line of text between them (bylines, "Reporter", a name, and
    site lines not counted), else one just after it."""
    before = [
        i
        for i in candidates
        if i < date_at
        and date_at - i <= TITLE_REACH
        and sum(
            len(lines[j].split()) >= 4 and not site_phrase(lines[j]) for j in range(i + 1, date_at)
        )
        <= 1
    ]
    under = len(before) >= 2 and before[-2] == before[-1] - 1
    if under and (_dek(lines, before[-1]) or _name_under(lines, before[-1])):
        return before[-2]  # the headline, then a line saying more or who issued it
    if before:
        return before[-1]
    return next((i for i in candidates if 0 < i - date_at <= 2), None)


_DAY_TAIL_RE = re.compile(rf"(?i)\b{DAY_DATE_END}")


def _echoes_lead(lines: list[str], i: int) -> bool:
    """A photo's caption beside the article's first paragraph: one sentence that ends as a
    sentence of that paragraph does, with the place and the day ("... di Gedung X,
    Rabu (20/10).")."""
    line = lines[i]
    if not _DAY_TAIL_RE.search(line) or len(list(split_sentences(line))) != 1:
        return False
    tail = set(re.findall(r"\w+", " ".join(line.split()[-6:])))
    day = _DAY_TAIL_RE.search(line)
    beside = (before_at(lines, i), next_at(lines, i))
    return any(
        k is not None
        and day is not None
        and day.group().rstrip(".") in lines[k]
        and tail <= set(re.findall(r"\w+", lines[k]))
        and len(lines[k]) > len(line)
        for k in beside
    )  # "... di Gedung X, Rabu (20/10)." beside "... di Gedung X, Kota, Rabu (20/10)."


def _name_under(lines: list[str], i: int) -> bool:
    """A short name in capitals under a longer headline: the company or office that issued a
    press release ("PT Nama Perusahaan"), not the headline."""
    shown = lines[i].split()
    return (
        len(shown) <= 5
        and not any(ch.isdigit() for ch in lines[i])
        and all(w[0].isupper() for w in shown)
        and len(lines[i - 1].split()) >= 2 * len(shown)
    )


def _dek(lines: list[str], i: int) -> bool:
    """A sentence-case line right under a Title Case headline: the story's summary (dek)."""
    above = lines[i - 1]
    return capitalized(lines[i]) <= 0.3 and capitalized(above) >= 0.6 and len(above.split()) >= 6


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
            and not lettered_figure(line)  # "b. 9.600 petani karet": the next item
            and not out[-1].endswith(SENTENCE_END)
            and header_date(out[-1]) is None
            and not DOMAIN_RE.match(line.split()[0])  # "situs.id Kalimat pertama ...": a dateline
            and not site_phrase(line)  # "by Nama Penulis" under the headline
        )
        if wrapped:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


_BIO_RE = re.compile(
    r"(?i)^(?:tentang|profil)\s+(?:penulis|wartawan|jurnalis)|about\s+the\s+author"
)
_TIME_RE = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)$")
_READER_QUESTION_RE = re.compile(
    r"(?i)^[^.!?]*\b(?:Anda|kamu|kalian|membaca\s+(?:artikel|berita)\s+ini)\b[^.!?]*\?$"
)
# A site's own prompt after the article: its app, newsletter or channel, in the imperative
# ("Download sekarang di Google Play", "Berlangganan newsletter ..."; not "mengunduh").
_SITE_PROMPT_RE = re.compile(
    r"(?i)^(?=.*\b(?:download|unduh|install|berlangganan|subscribe|ikuti|follow|gabung"
    r"|dengarkan|saksikan|tonton)\b)"
    r"(?=.*\b(?:aplikasi|app|newsletter|buletin|google\s+play|app\s+store|saluran|kanal|channel"
    r"|google\s+news)\b)"
    # a subscription to the printed paper ("Berlangganan Majalah X edisi cetak ...")
    r"|^berlangganan\b.*\b(?:majalah|koran|edisi\s+(?:cetak|digital)|e-?paper)\b"
    # or its call for support ("Dukung jurnalisme kami dengan menjadi donatur")
    r"|^(?=.*\b(?:donatur|donasi|berdonasi)\b)(?=.*\bjurnalis(?:me|tik)?\b)"
    r"|^(?:dapatkan|nikmati|akses)\b.*\bberlangganan\b"  # "Dapatkan ... dengan berlangganan X"
    r"|^(?:dapatkan|terima(?!\s+kasih))\b.*\b(?:di|ke|lewat|via)\s+(?:email|surel|inbox)\b"
    # "Dukung kerja jurnalisme kami ...", "Dukung Situs.co agar terus bersuara ..."
    r"|^dukung\s+(?:kerja\s+|karya\s+)?(?:jurnalis(?:me|tik)?|kami|redaksi|media)\b|^dukung\s+[A-Za-z][\w-]*\.[A-Za-z]{2,}\b"
    # what the site is ("Situs adalah media yang ...") and the series a story is part of
    r"|^(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z])[\w.]*){0,3}\s+(?:adalah|merupakan)\s+(?:sebuah\s+)?"
    r"(?:media\s+(?!sosial)|situs\s+berita|portal\s+berita|organisasi\s+(?:jurnalis(?:me|tik)?|media|pers))"
    r"|^(?:liputan|artikel|tulisan)\s+ini\s+(?:merupakan\s+|adalah\s+)?(?:bagian\s+dari|hasil\s+"
    r"(?:kolaborasi|kerja\s+sama)|didukung\s+oleh)\b"
)


def _prompt_heading(line: str) -> bool:
    """A site prompt set as a heading ("Unduh Aplikasi X"), its pitch on the line below."""
    return bool(_SITE_PROMPT_RE.match(line)) and len(line.split()) <= 6 and not prose(line)


_GALLERY_RE = re.compile(r"(?i)^(?:galeri(?:\s+foto)?|foto\s+lainnya|photo\s+gallery)\s*:?$")
_POLL_RE = re.compile(r"(?i)^(?:polling|jajak\s+pendapat|survei\s+pembaca)\s*:?$")


_NUMBER_RE = re.compile(r"\d[\d.,]*\d|\d")


def _distinctive(figure: str) -> bool:
    """A figure that two passages share only when they tell the same fact: three digits or
    more, not a year ("24.650", "8.780"; not "3" or "2025")."""
    digits = re.sub(r"\D", "", figure)
    return len(digits) >= 3 and not re.fullmatch(r"(?:19|20)\d\d", figure)


def _past_key_points(lines: list[str], start: int) -> int:
    """The article's start after a box of key points above it: three or more one-sentence
    lines with no blank line between them, where the paragraphs after are set apart by
    blank lines, and whose distinctive figures (two lines with some at least) the article says
    again further down."""
    end = start
    while end < len(lines) and lines[end] and prose(lines[end]):
        end += 1
    run = lines[start:end]
    if len(run) < 3 or any(len(list(split_sentences(line))) != 1 for line in run):
        return start
    after = lines[end : end + 12]
    if after.count("") < 3:  # the article's paragraphs are not set apart: it is one of them
        return start
    rest = " ".join(lines[end:])
    figures = [[f for f in _NUMBER_RE.findall(line) if _distinctive(f)] for line in run]
    repeated = [
        all(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", rest) for f in found)
        for found in figures
        if found
    ]
    if len(repeated) < 2 or not all(repeated):
        return start
    return next((k for k in range(end, len(lines)) if lines[k]), end)


def classify(lines: list[str]) -> Page:
    """Split stripped page lines into the article's body and everything else."""
    lines = unwrap([tidy(line) for line in lines])
    nonblank = [line for line in lines if line]
    twins = {a for a, b in zip(nonblank, nonblank[1:], strict=False) if a == b}  # captions
    first_prose = _body_start(lines, 0)
    title_at = find_title(lines, first_prose)
    start = _body_start(lines, (title_at + 1) if title_at is not None else 0)
    start = _past_key_points(lines, start)
    article_after = _text_after(lines, start)
    end = _body_end(lines, start, article_after)
    table = table_rows(lines)
    page = Page(title=lines[title_at] if title_at is not None else None, header=lines[:start])
    page.removed = [x for x in lines[:start] if x and x != page.title]
    seen: set[str] = set()
    article = lines[start:end]
    i = start
    while i < end:
        line, stop, keep = lines[i], i + 1, False
        if not line or i in table:
            keep = True
        elif AD_LABEL_RE.match(before_line(lines, i)) and (
            english(line) or _SITE_PROMPT_RE.match(line)
        ):
            keep = False  # the advertisement under its label, or the site's own pitch
        elif _GALLERY_RE.match(line):  # a photo gallery: its captions, one sentence each
            while stop < end and not lines[stop]:
                stop += 1
            while (
                stop < end
                and lines[stop]
                and (  # its captions, one line after another
                    not prose(lines[stop])
                    or (
                        len(lines[stop].split()) <= 20
                        and len(list(split_sentences(lines[stop]))) == 1
                    )
                )
            ):
                stop += 1
        elif LIST_HEADER_RE.match(line):
            while stop < end and (not lines[stop] or not prose(lines[stop])):
                if _BIO_RE.match(lines[stop]) or _POLL_RE.match(lines[stop]):
                    break  # the next section begins
                if lines[stop] and subheading(lines, stop, start):
                    break  # the article goes on under a subheading
                stop += 1
        elif _BIO_RE.match(line):  # the author's name and a sentence about them
            while stop < end and (not lines[stop] or not prose(lines[stop])):
                stop += 1
            stop = min(end, stop + 1)
        elif _TIME_RE.match(line) and prose(next_line(lines, i)) and i > start:
            keep = True  # a live report's time mark between its entries
        elif _POLL_RE.match(line):  # the question asked and its answers
            while stop < end and (not lines[stop] or not prose(lines[stop]) or "?" in lines[stop]):
                stop += 1
        elif (
            _BULLET_RE.match(line)
            and len(line.split()) > 1
            and article_after[i + 1]
            and not single_rule(line)  # "--- ADVERTISEMENT ---" is no list item
        ):
            keep = True  # an item of the article's own list, with article text after it
        elif line not in seen | twins and line != page.title and subheading(lines, i, start):
            keep = True
        elif (
            _READER_QUESTION_RE.search(line) or _SITE_PROMPT_RE.match(line)
        ) and not article_after[i + 1]:
            keep = False  # "Bagaimana menurut Anda?", "Download aplikasi ...": at the end
        elif _prompt_heading(before_line(lines, i)) and not article_after[i + 1]:
            keep = False  # what the app does, under "Unduh Aplikasi X": at the end
        else:
            keep = not (
                line == page.title
                or line in seen
                or pull_quote(line, article)
                or line in twins
                or single_rule(line, next_line(lines, i))
                or not (prose(line) or DATELINE_RE.match(line))
                or (i <= start + 3 and _echoes_lead(lines, i))
            )
        if keep:
            page.kept.append(line)
            seen.add(line)
        else:
            page.removed.extend(x for x in lines[i:stop] if x)
        i = stop
    page.removed.extend(x for x in lines[end:] if x)
    return page


# A site's credit after a paragraph's last sentence ("... lebih tenang," ucapnya. (Situs.co/Nama)).
_QUOTE_RE = re.compile(r"[\"“”]")
_TRAILING_CREDIT_RE = re.compile(
    r"(?<=[.!?\"”])\s*\((?:[A-Za-z][\w.-]*/[A-Z][^()/]{1,40}"
    r"|[A-Z](?:[A-Z]{1,3}|[a-z]{2,3}))\)$"
)  # "(Situs.co/Nama)", "(AB/CD)", the journalist's initials or short name "(RA)", "(Wib)"


def tidy(para: str) -> str:
    """Remove trailing byline tags ("(abc)", "[AGENCY]"), a site's credit or initials after a
    quote or a paragraph of sentences ("(Situs.co/Nama)", "(RA)", "(Wib)"), and a stray "*" after a
    sentence; a table row's last cell keeps its brackets ("Pertumbuhan (yoy)")."""
    if " | " in para or "\t" in para:
        return para
    previous = None
    while previous != para:
        previous = para
        para = _TRAILING_STAR_RE.sub("", _TRAILING_TAG_RE.sub("", para)).rstrip()
        credited = _TRAILING_CREDIT_RE.sub("", para)
        if credited != para and (
            _QUOTE_RE.search(credited) or len(list(split_sentences(credited))) > 1
        ):
            para = credited  # a photo's caption is one sentence, and keeps its credit
    return para
