"""Text primitives shared by indexing and question understanding: tokens, stems, sentences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

_TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)

# Function words that carry no topic, with their chat forms ("u", "pls", "wanna"). Question
# words are here too: they steer the answer kind (see bot/answer/question.py), not the
# retrieval.
ENGLISH_FUNCTION = frozenset(
    """
    the of a an in on for to is am are was were be by with as at and or what who whom whose which
    when where why how many much does do did has have had it its this that these those there
    their from about any
    he she they them his her hers him i me my we us our you your like if into being once
    across after before out get got doing here been will would can could should may might
    than then so very also just only some all each every both either neither not no under
    over must shall but
    again although among amongst anyone anything because else ever everyone exactly further
    having herself himself itself myself ours ourselves theirs themselves yours yourself
    yourselves though toward towards upon whether while yet too really actually someone
    something supposed think thought come comes came go goes going went let lets tell list
    aren arent isn isnt wasn wasnt weren werent don dont doesn doesnt didn didnt hasn hasnt
    haven havent hadn hadnt couldn couldnt shouldn shouldnt wouldn wouldnt cannot cant wont
    im ive youre theyre thats whats whos wheres hows theres
    u ur r w pls plz bc cuz coz wanna gonna gotta shld wud cud abt thx tho btw hi hey hello
    """.split()
)
STOPWORDS = ENGLISH_FUNCTION | frozenset(
    """
    yang dan di ke dari pada untuk dengan dalam oleh ini itu ada adalah akan telah sudah
    sebagai atau juga bagi para tersebut karena agar sehingga serta saat kami kita mereka dia
    ia nya pun lah kah tah ya tidak bukan belum masih hanya lebih sangat bisa dapat harus
    sendiri semua seluruh setiap tiap sebuah suatu se
    berapa siapa apa apakah kapan mana dimana bagaimana gimana mengapa kenapa saja aja
    sih dong deh kok nih tuh yah kan
    berapakah siapakah bagaimanakah kapankah mengapakah
    sekarang kini terbaru terkini terakhir nama namanya sebut disebut disebutkan menyebut
    singkatan kepanjangan kepanjangannya maksud maksudnya arti artinya menurut jumlah banyak
    tolong mohon info informasi jelaskan sebutkan tahu tau min kak bang gan
    tentang berlangsung diadakan digelar dilaksanakan terjadi
    sampai hingga memang begitu kemarin dulu pak bu ibu bapak sis bro benar benarkah betul
    sama per antara nanti saat pula kalau jika apabila bila
    """.split()
)


@dataclass(frozen=True, slots=True)
class Month:
    """How texts write one month."""

    name: str  # the Indonesian name, as users read it: "Agustus"
    forms: tuple[str, ...]  # other forms dates are written with (lowercase): short, English
    old: tuple[str, ...] = ()  # old spellings questions may use; dates are not read with them


# The one month table: the others (`MONTHS_ID`, `MONTH_WORDS`, the importer's date patterns)
# are derived from it.
MONTHS = (
    Month("Januari", ("jan", "january")),
    Month("Februari", ("feb", "february"), old=("pebruari",)),
    Month("Maret", ("mar", "march")),
    Month("April", ("apr",)),
    Month("Mei", ("may",)),
    Month("Juni", ("jun", "june")),
    Month("Juli", ("jul", "july")),
    Month("Agustus", ("agu", "agt", "ags", "aug", "august")),
    Month("September", ("sep", "sept")),
    Month("Oktober", ("okt", "oct", "october")),
    Month("November", ("nov",), old=("nop",)),
    Month("Desember", ("des", "dec", "december")),
)
MONTHS_ID = tuple(m.name for m in MONTHS)  # "Januari" ... "Desember"
# Every lowercase form of every month, Indonesian and English -> month number.
MONTH_WORDS: dict[str, int] = {
    word: number
    for number, m in enumerate(MONTHS, start=1)
    for word in (m.name.lower(), *m.forms, *m.old)
}
# Month number -> its Indonesian name and its forms longer than three letters ("mei",
# "agustus", "august"; not "agu" or "may"): the ones safe to look for inside a sentence.
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    n: tuple(
        w
        for w, m in MONTH_WORDS.items()
        if m == n and (len(w) > 3 or w == MONTHS_ID[n - 1].lower())
    )
    for n in range(1, 13)
}


def format_date_id(d: date) -> str:
    """'2 Agustus 2024'."""
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


_ABBREVIATIONS = frozenset(
    (
        "rp no dr drs dra ir h hj kh prof kec kab kel jl st tn ny sdr bpk ibu pak mr mrs dll dsb"
        " dkk kms mgs kgs nys nyy"  # the last five: titles of the local Malay nobility (Kemas, ...)
    ).split()
)

_SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
_LOOKBACK = 64  # characters before a full stop searched for the word it ends


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalize(text: str) -> str:
    """Unicode-normalize and lowercase text, folding typographic quotes and dashes."""
    return _folded(text).lower()


def _folded(text: str) -> str:
    """Unicode-normalized text with typographic quotes and dashes folded, case kept."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


def words(text: str) -> list[str]:
    """Lowercased word and number tokens of `text` (numbers keep their separators)."""
    return _TOKEN_RE.findall(normalize(text))


def words_cased(text: str) -> list[str]:
    """The tokens of `words(text)` as the text writes them (not lowercased)."""
    return _TOKEN_RE.findall(_folded(text))


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


# Sastrawi costs about half a millisecond per new word. A word's stem depends on the word alone,
# so the memo is a bounded LRU cache of this pure function (`stem.cache_clear()` empties it);
# a build hands the stems of the previous one to `stem_table` instead of stemming them again.
MAX_STEMS = 1_000_000


@lru_cache(maxsize=MAX_STEMS)
def stem(word: str) -> str:
    """Indonesian stem of one lowercase word (Sastrawi), memoized; numbers are kept as they are.
    A word Sastrawi leaves as it is, with an enclitic "-nya", is the stem of the word without
    it ("ketenagakerjaannya", "bpjsnya": Sastrawi finds no root of either)."""
    if not word.isalpha() or len(word) <= 3:
        return word
    stemmed = _stemmer().stem(word) or word
    if stemmed == word and word.endswith("nya") and len(word) > 5:  # not "hanya", "punya"
        return stem(word[:-3])
    return stemmed


def stem_table(words: Iterable[str], known: Mapping[str, str] | None = None) -> dict[str, str]:
    """word -> stem for the words that need Sastrawi (alphabetic, longer than three letters);
    `known` stems (word -> stem, as `stem` computed them, e.g. saved with a build) are taken
    as they are."""
    known = known or {}
    return {w: known.get(w) or stem(w) for w in words if len(w) > 3 and w.isalpha()}


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
            # Only the last few characters: searching the paragraph up to each full stop
            # made splitting quadratic in the paragraph's length.
            before = _LAST_WORD_RE.search(para_text[max(0, m.start() - _LOOKBACK) : m.start() + 1])
            if (
                before
                and m.group().startswith(".")
                and (before.group(1).lower() in _ABBREVIATIONS or len(before.group(1)) == 1)
            ):
                continue
            yield from _trimmed(text, p_start + cut, p_start + m.end())
            cut = m.end()
        yield from _trimmed(text, p_start + cut, p_start + len(para_text))


_ALNUM_RE = re.compile(r"[^\W_]")


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span without surrounding whitespace, if it has a letter or digit."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped and _ALNUM_RE.search(stripped):
        first = start + len(piece) - len(piece.lstrip())
        yield first, first + len(stripped)


_VOWELS = "aeiou"


_ME_NASAL = ("em", "en")


def colloquial_forms(word: str) -> list[str]:
    """Standard forms a colloquial verb (everyday "-in", or Malay "-ke") may stand for, most
    likely first.

    "diadain" -> "diadakan", "nyanangin" -> "canangkan", "nambah" -> "tambah", "covernya" ->
    "cover",
    "ngelindungin" -> "lindungi", "nyanangke" -> "canangkan". Only candidates: the caller
    keeps one the corpus knows.
    """
    if len(word) < 4 or not word.isalpha():
        return []
    bodies = [word]
    if word.endswith("nya") and len(word) > 6:  # "covernya" -> "cover" (Sastrawi knows no "cover")
        bodies = [word, word[:-3]]
    elif word.endswith("in") and len(word) > 5:
        base = word[:-2]
        bodies = [base + "kan", base + "i", base]
    elif word.endswith("ke") and len(word) > 5:  # Malay -ke for -kan: "nargetke" -> "targetkan"
        base = word[:-2]
        bodies = [base + "kan", base]
    out: list[str] = []
    for body in bodies:
        out.append(body)
        if body.startswith("nge") and len(body) > 5:
            out.append(body[3:])
        if body.startswith("ny") and len(body) > 4:
            out += ["c" + body[2:], "s" + body[2:]]
        elif body.startswith("ng") and len(body) > 4 and body[2] in _VOWELS:
            out += ["k" + body[2:], body[2:]]
        elif body.startswith("n") and len(body) > 4 and body[1] in _VOWELS:
            out.append("t" + body[1:])
        elif (
            body.startswith("m")
            and len(body) > 4
            and body[1] in _VOWELS
            and body[1:3] not in _ME_NASAL
        ):
            # "mantau" -> "pantau", "meriksa" -> "periksa"; not the standard prefix
            # "mem-" / "men-" ("memenangi", "menerima")
            out += ["p" + body[1:], "b" + body[1:]]
    return [f for f in dict.fromkeys(out) if f != word]
