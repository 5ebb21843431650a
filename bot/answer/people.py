"""The people a question names ("ahli waris Budi Wirasaputra"), which its answer's article
must name too (`bot.answer.constraints`). Pure functions."""

from __future__ import annotations

import re
from collections.abc import Set

from bot.answer.evidence import ROLE_WORDS, person_spans
from bot.answer.vocabulary import COMMON_ZIPF, zipf_en, zipf_id
from index.text import MONTH_WORDS

_SENTENCE_START_RE = re.compile(r"(?:^|[.?!\n]\s*)([^\W\d_]+)")


def people_named(
    text: str,
    words: tuple[str, ...],
    not_names: Set[str],
    address: Set[str],
    introducing: Set[str],
) -> tuple[str, ...]:
    """The people `text` names: a name as in answers (capitalized words, one rare as an
    ordinary word) of two words or more once forms of `address` are left out ("Kak X"), not
    right after a self-introduction ("nama saya X"), and left as they are by the lexicons
    (`words`, the question's read words: "Regent" is read as "bupati", a word, not a name);
    a month is no part of a name ("Gubernur X Y Nov 2020"). A word of the language opening
    the sentence may be capitalized for that alone ("Audiensi <nama> ke ..."): the name is
    then the words after it."""
    kept = set(words) - set(address) - set(not_names) - ROLE_WORDS - MONTH_WORDS.keys()
    openers = {w for w in _sentence_openers(text) if zipf_en(w) == 0 and zipf_id(w) >= COMMON_ZIPF}
    out = []
    for s, e in person_spans(text, frozenset(not_names)):
        before = text[:s].split()
        if before and before[-1].strip(",.:").lower() in introducing:
            continue
        run = _name_run(text, s, e, kept)
        if len(run) >= 2:
            out.append(" ".join(run[1:] if run[0].lower() in openers else run))
    return tuple(out)


def _sentence_openers(text: str) -> set[str]:
    """The first word of each sentence of `text`, lowercased."""
    return {m.group(1).lower() for m in _SENTENCE_START_RE.finditer(text)}


def _name_run(text: str, start: int, end: int, kept: set[str]) -> list[str]:
    """The capitalized words of `kept` around `text[start:end]`, contiguous ("Kgs Muhammad
    Arifin" around "Kgs")."""

    def core(w: str) -> str:
        return w.strip(",.:;?!()\"'")

    def name_word(w: str) -> bool:
        return core(w)[:1].isupper() and core(w).lower() in kept

    span = [core(w) for w in text[start:end].split()]
    left: list[str] = []
    for w in reversed(text[:start].split()):
        if not name_word(w) or w[-1] in ",.:;?!":
            break
        left.insert(0, core(w))
    right: list[str] = []
    for w in text[end:].split():
        if not name_word(w):
            break
        right.append(core(w))
        if core(w) != w.rstrip("\"'"):
            break
    inner = [w for w in span if w.lower() in kept]
    return [*left, *inner, *right] if len(inner) == len(span) else inner
