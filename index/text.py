"""Text primitives shared by indexing and question understanding: tokens, stems, sentences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

_TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)

# Function words that carry no topic. Question words are here too: they steer the answer
# kind (see bot/question.py), not the retrieval.
STOPWORDS = frozenset(
    """
    yang dan di ke dari pada untuk dengan dalam oleh ini itu ada adalah akan telah sudah
    sebagai atau juga bagi para tersebut karena agar sehingga serta saat kami kita mereka dia
    ia nya pun lah kah tah ya tidak bukan belum masih hanya lebih sangat bisa dapat harus
    sendiri semua seluruh setiap tiap sebuah suatu se an the of a an in on for to is are was
    were be by with as at and or what who whom whose which when where why how many much does
    do did has have had it its this that these those there their from about any
    berapa siapa apa apakah kapan mana dimana bagaimana gimana mengapa kenapa saja aja
    sih dong deh kok nih tuh yah kan
    berapakah siapakah bagaimanakah kapankah mengapakah
    sekarang kini terbaru terkini terakhir nama namanya sebut disebut disebutkan menyebut
    singkatan kepanjangan kepanjangannya maksud maksudnya arti artinya menurut jumlah banyak
    tolong mohon info informasi jelaskan sebutkan tahu tau min kak bang gan
    """.split()
)

_ABBREVIATIONS = frozenset(
    "rp no dr drs ir h hj prof kec kab kel jl st tn ny sdr bpk ibu pak mr mrs dll dsb dkk".split()
)

_SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def normalize(text: str) -> str:
    """Unicode-normalize and lowercase text, folding typographic quotes and dashes."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(
        str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
    )
    return text.lower()


def words(text: str) -> list[str]:
    """Lowercased word and number tokens of `text` (numbers keep their separators)."""
    return _TOKEN_RE.findall(normalize(text))


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Indonesian stem of one lowercase word (Sastrawi), cached; numbers are kept as they are."""
    if not word.isalpha() or len(word) <= 3:
        return word
    return _stemmer().stem(word) or word


def content_terms(text: str) -> list[str]:
    """Stemmed tokens of `text` without stopwords: what lexical retrieval matches on."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) character spans of the sentences of `text`.

    Paragraph breaks always end a sentence. Inside a paragraph a sentence ends at `.`, `!` or
    `?` (plus closing quotes) followed by whitespace and an upper-case letter, digit or opening
    quote, except after common abbreviations ("Rp.", "Dr.") and single-letter initials.
    Leading and trailing whitespace is not part of a span.
    """
    for para in re.finditer(r"[^\n]+", text):
        p_start = para.start()
        para_text = para.group()
        cut = 0
        for m in _SENTENCE_END_RE.finditer(para_text):
            before = re.search(r"(\w+)\W*$", para_text[: m.start() + 1])
            if (
                before
                and m.group().startswith(".")
                and (before.group(1).lower() in _ABBREVIATIONS or len(before.group(1)) == 1)
            ):
                continue
            yield from _trimmed(text, p_start + cut, p_start + m.end())
            cut = m.end()
        yield from _trimmed(text, p_start + cut, p_start + len(para_text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        yield start, end
