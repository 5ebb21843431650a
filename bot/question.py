"""Understanding a question: validate it, normalize it, and recognise what it asks for."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.records import Reason
from index.glossary import Glossary
from index.text import STOPWORDS, stem
from index.text import words as words_of

MAX_QUESTION_CHARS = 1000

KINDS = (
    "berapa",
    "siapa",
    "apa_saja",
    "kapan",
    "di_mana",
    "bagaimana",
    "apa_itu",
    "ya_tidak",
    "singkatan",
    "umum",
)
_ACRONYM_ASK = {
    "singkatan",
    "singkatannya",
    "kepanjangan",
    "kepanjangannya",
    "akronim",
    "abbreviation",
    "stand",
    "stands",
    "acronym",
}
_LATEST = {"sekarang", "terbaru", "terkini", "kini", "terakhir", "latest", "now", "current"}
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "januari jan january",
            "februari feb february",
            "maret mar march",
            "april apr",
            "mei may",
            "juni jun june",
            "juli jul july",
            "agustus agu aug august",
            "september sep sept",
            "oktober okt oct october",
            "november nov",
            "desember des dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_PERCENT = {"persen", "persentase", "%", "percent", "percentage", "proporsi"}


@dataclass(frozen=True)
class Question:
    """A validated question: its expanded words, content terms and kind."""

    raw: str
    text: str  # the question as typed, cleaned of control characters
    words: tuple[str, ...]  # glossary-expanded lowercase words
    terms: tuple[str, ...]  # stemmed content terms
    kind: str
    unit: str | None  # "persen" or "jumlah" for berapa questions
    wants_latest: bool
    years: tuple[int, ...]
    months: tuple[int, ...] = ()  # months named in the question (1-12)
    head: tuple[str, ...] = ()  # stemmed terms of what is asked about ("siapa <head> yang ...")
    acronym: str | None = None  # for "singkatan" questions: the acronym asked about


_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,80}>")


def clean_text(raw: str) -> str:
    """Drop control and format characters and HTML tags, decode entities, collapse spaces."""
    raw = html.unescape(_TAG_RE.sub(" ", raw))
    kept = []
    for ch in raw:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(" " if ch in "\t\n\r\x0b\x0c" else "")
        else:
            kept.append(ch)
    return re.sub(r"\s+", " ", "".join(kept)).strip()


def reject_reason(text: str, max_chars: int = MAX_QUESTION_CHARS) -> Reason | None:
    """Why a cleaned question cannot be answered at all, or None when it can be tried."""
    if not text:
        return Reason.EMPTY
    if len(text) > max_chars:
        return Reason.TOO_LONG
    if not any(ch.isalnum() for ch in text):
        return Reason.NO_WORDS
    return None


def _has(words: tuple[str, ...], phrase: str) -> bool:
    target = tuple(phrase.split())
    n = len(target)
    return any(words[i : i + n] == target for i in range(len(words) - n + 1))


def question_kind(words: tuple[str, ...]) -> str:
    """The kind of question, from its (expanded) words."""
    first = words[0] if words else ""
    if any(_has(words, p) for p in ("tahun berapa", "tanggal berapa", "bulan berapa", "kapan")):
        return "kapan"
    if any(
        _has(words, p)
        for p in (
            "apa saja",
            "siapa saja",
            "ada apa",
            "sebutkan",
            "daftar",
            "what are",
            "which are",
            "list",
        )
    ):
        return "apa_saja"
    if "siapa" in words or "who" in words:
        return "siapa"
    if any(w in words for w in ("berapa", "jumlah", "banyak")) or _has(words, "how many"):
        return "berapa"
    if any(_has(words, p) for p in ("di mana", "dimana", "where", "lokasi", "tempat")):
        return "di_mana"
    if any(w in words for w in ("bagaimana", "gimana", "cara", "how")):
        return "bagaimana"
    if any(
        _has(words, p)
        for p in (
            "apa itu",
            "apa yang dimaksud",
            "what is",
            "arti",
            "artinya",
            "maksud",
            "maksudnya",
        )
    ):
        return "apa_itu"
    if first in ("apakah", "benarkah", "is", "are", "does", "do", "did", "was", "were", "can"):
        return "ya_tidak"
    if _has(words, "apa") and any(w in words for w in ("program", "fokus", "hal")):
        return "apa_saja"
    return "umum"


def parse_question(
    raw: str, glossary: Glossary, correct: Callable[[str], str | None] | None = None
) -> Question:
    """Normalize a (validated) question with the glossary and recognise its kind.

    `correct` may map a misspelt word to a corpus word (or return None to keep it).
    """
    text = clean_text(raw)
    surface = words_of(text)
    acronym = None
    if _ACRONYM_ASK & set(surface):
        candidates = [w for w in surface if w not in STOPWORDS and w not in _ACRONYM_ASK]
        acronym = next((w for w in candidates if 2 <= len(w) <= 10 and w.isalpha()), None)
    words = tuple(glossary.expand(surface))
    if correct:
        words = tuple(w if w in STOPWORDS else (correct(w) or w) for w in words)
    kind = "singkatan" if acronym else question_kind(words)
    unit = None
    if kind == "berapa":
        unit = "persen" if any(w in _PERCENT for w in words) or "%" in text else "jumlah"
    years = tuple(int(w) for w in words if re.fullmatch(r"(19|20)\d\d", w))
    months = tuple(_MONTHS[w] for w in words if w in _MONTHS)
    # Years and months constrain the source's date; they are not words to find in a sentence.
    content = [w for w in words if w not in STOPWORDS and w not in _MONTHS and not _is_year(w)]
    return Question(
        raw=raw,
        text=text,
        words=words,
        terms=tuple(stem(w) for w in content),
        kind=kind,
        unit=unit,
        wants_latest=any(w in _LATEST for w in words) or _has(words, "saat ini"),
        years=years,
        months=months,
        head=head_terms(words),
        acronym=acronym,
    )


def _is_year(word: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", word))


_QUESTION_WORDS = {"berapa", "siapa"}
_HEAD_STOP = {
    "yang",
    "pada",
    "di",
    "dari",
    "untuk",
    "tahun",
    "menurut",
    "saat",
    "sekarang",
    "dalam",
    "dengan",
    "ketika",
    "waktu",
    "sejak",
    "sampai",
    "hingga",
}


def head_terms(words: tuple[str, ...]) -> tuple[str, ...]:
    """What a "berapa / siapa" question asks about: the words after the question word up to
    the first relative or prepositional word ("siapa <kepala kanwil> yang ..."), or, when
    the question word comes last ("target nasional brp?"), the words before it."""
    idx = next((i for i, w in enumerate(words) if w in _QUESTION_WORDS), None)
    if idx is None:
        return ()
    after: list[str] = []
    for w in words[idx + 1 :]:
        if w in _HEAD_STOP or w in _QUESTION_WORDS:
            break
        after.append(w)
    picked = after or list(words[:idx])
    return tuple(stem(w) for w in picked if w not in STOPWORDS and w not in _MONTHS)
