"""List questions ("program BPJS TK ada apa aja?"): which sentences make the whole list.

Pure functions over an article's sentences, by position: an announced enumeration ("terdapat 5
program ... yakni A, B, C, D dan E") or a run of "pertama ... kedua ... ketiga" sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answer import evidence, spans
from bot.answer.question import Question
from bot.answer.scoring import TermsOf, Weights
from bot.answer.windows import (
    POINT_REACH,
    announces_items,
    items_after,
    names_point,
    same_paragraph,
)
from index.records import Sentence
from index.text import STOPWORDS, words

RUN_REACH = 15  # sentences after "pertama" searched for "kedua", "ketiga", ...
ITEM_SHARE = 0.2  # of a question's weight, carried by one item's own words: it names that item


def list_windows(
    q: Question,
    weights: Weights,
    positions: Sequence[int],
    sents: Sequence[Sentence],
    body: str,
    terms_of: TermsOf,
) -> list[list[int]]:
    """Sentence positions of the windows that answer a list question, given the best window's
    positions in an article's `sents` and `body`: the announced ordinal run, or the
    enumeration sentence (with the announcement before it), or a sentence ending in a colon
    that announces items after it ("Rincian penerima iuran:"), else the best window itself. A
    question naming one item of a run by its place ("fokus ketiga ... apa saja?") is answered
    by the best window when it is that item; one naming an item by its own words ("bank apa
    aja utk fokus ukm?") by that item and what its paragraph says of it."""
    places = _ordinals(q.words)
    asked = _single(places)
    if asked and any(evidence.ordinal(sents[p].text) == asked for p in positions):
        return [list(positions)]
    numbered = numbered_item(q, positions, sents, terms_of)
    if numbered is not None:  # "fokus ketiga apa saja?": the best window announces the run
        return [numbered]
    if any(
        evidence.ordinal(sents[p].text) or evidence.announced_count(sents[p].text)
        for p in positions
    ):
        run = ordinal_run(q, positions[0], sents, terms_of)
        # "juara pertama sampai ketiga": the places asked, not the one item the words name
        several = len(set(places)) > 1
        item = None if several else _named_item(weights, [w[0] for w in run], sents, body, terms_of)
        if item and item[0] in positions:  # the best window holds the item named
            return [item]
        # not a run elsewhere when the best window names the items itself ("terdapat 5
        # program ... yakni A, B, C, D, dan E" near another speaker's "pertama ... kedua")
        if run and not any(_names_items(sents[p].text) for p in positions):
            return run
    # a window listing what one point covers ("Pertama, ... ekosistem desa. ... Mereka ingin
    # memastikan seluruh perangkat desa, BPD, RT, RW, ..."): that point, not the whole run
    enumerates = any(evidence.is_enumeration(sents[p].text) for p in positions)
    point = point_told(positions, sents, body) if enumerates else None
    if point is not None:
        return [list(range(point, positions[-1] + 1))]
    for pos in positions:
        text = sents[pos].text
        follows = pos + 1 < len(sents) and evidence.is_enumeration(sents[pos + 1].text)
        if evidence.announced_count(text) and follows:
            return [[pos, pos + 1]]
        if evidence.is_enumeration(text):
            head = pos > 0 and evidence.announced_count(sents[pos - 1].text)
            return [[pos - 1, pos] if head else [pos]]
    run = ordinal_run(q, positions[0], sents, terms_of)
    if run:
        return run
    if not any(_lists_itself(sents[p].text) for p in positions):
        head = announced_list(q, positions[0], sents, body, terms_of)
        if head is not None:
            return [[head]]
        parts = breakdown(positions, sents)
        if parts is not None:
            return [list(positions), [parts]]
    return [list(positions)]


def point_told(positions: Sequence[int], sents: Sequence[Sentence], body: str) -> int | None:
    """The position of the point of an enumeration (`windows.names_point`) at most
    `POINT_REACH` sentences before the window at `positions`, in its paragraph, each sentence
    after it referring back to the one before: the window tells what that point covers
    ("Pertama, pihaknya kepada ekosistem desa. Karena ... Mereka ingin memastikan seluruh
    perangkat desa, BPD, RT, RW, ..."); None when none."""
    for pos in range(positions[0] - 1, max(-1, positions[0] - 1 - POINT_REACH), -1):
        after = sents[pos + 1]
        if not (same_paragraph(body, sents[pos], after) and evidence.refers_back(after.text)):
            return None
        if names_point(sents[pos].text):
            return pos
    return None


def breakdown(positions: Sequence[int], sents: Sequence[Sentence]) -> int | None:
    """The position of the first sentence within `RUN_REACH` after the window at `positions`
    whose counts (two or more, not money or lengths) add up to another count the window
    states: the parts of that whole, the kinds of what it counts ("mendaftarkan 3.726
    pekerja informal" ... "terdiri atas 2.184 pemetik teh, 968 petani kopi, 318 porter,
    serta 256 pedagang"); None when none."""
    wholes = {round(v, 2) for p in positions for v in spans.count_values(sents[p].text)}
    for pos in range(positions[-1] + 1, min(len(sents), positions[-1] + 1 + RUN_REACH)):
        parts = spans.count_values(sents[pos].text)
        if len(parts) > 1 and round(sum(parts), 2) in wholes - set(parts):
            return pos
    return None


def numbered_item(
    q: Question, positions: Sequence[int], sents: Sequence[Sentence], terms_of: TermsOf
) -> list[int] | None:
    """The item of an ordinal run a question names by its place ("fokus 4 hal, yang ke-3
    apa?"), when the best window (at `positions`) announces the run; None when the question
    names several places ("yang ketiga sama yang keempat"), or the best window is only an
    item (another than the one named: the ranker is unsure, the whole run answers)."""
    asked = _one_ordinal(q.words)
    if not asked or not any(evidence.announced_count(sents[p].text) for p in positions):
        return None
    run = ordinal_run(q, positions[0], sents, terms_of)
    return next((w for w in run if evidence.ordinal(sents[w[0]].text) == asked), None)


def asked_ordinal(asked: Sequence[str]) -> int | None:
    """The item a question names by its place in a list (the first it names)."""
    return next(iter(_ordinals(asked)), None)


def _one_ordinal(asked: Sequence[str]) -> int | None:
    """The item a question names by its place in a list, when it names one place only; None
    for several ("yang ketiga sama yang keempat", "ke 3 sm ke 4", "pertama sampai ketiga")."""
    return _single(_ordinals(asked))


def _single(places: list[int]) -> int | None:
    """The one place named, when the places named are one (None for none or several)."""
    return places[0] if len(set(places)) == 1 else None


def _ordinals(asked: Sequence[str]) -> list[int]:
    """The places in a list a question names, after the noun each numbers: "fokus ketiga",
    "syarat ke 3" ("ke-3" is read "ketiga"), also with "yang" between ("fokus yg ketiga
    apa"), or after "yang" once the question has counted the list ("fokus 4 hal, yang ke-3
    apa?"); not "kedua program" (both), "pertama kali" (the first time) or "ke 3 kabupaten"
    (to three)."""
    out: list[int] = []
    for i, w in enumerate(asked):
        after = asked[i + 1] if i + 1 < len(asked) else ""
        noun_before = i > 0 and asked[i - 1].isalpha() and asked[i - 1] not in STOPWORDS
        if i > 1 and asked[i - 1] == "yang":  # "fokus yg ketiga apa", "fokus 4 hal, yang ke-3"
            # after a noun only before the end or a function word ("peserta yang kedua orang
            # tuanya ...": both)
            ends = not after or after in STOPWORDS
            named = asked[i - 2].isalpha() and asked[i - 2] not in STOPWORDS and ends
            noun_before = named or evidence.announced_count(" ".join(asked[: i - 1])) is not None
        noun_before = noun_before or bool(out)  # "fokus ke 3 sama ke 4 ...": the same noun's
        if w in evidence.ORDINALS and noun_before and after != "kali":
            out.append(evidence.ORDINALS.index(w) + 1)
        if w == "ke" and after.isascii() and after.isdigit() and noun_before:
            following = asked[i + 2] if i + 2 < len(asked) else ""
            if not following.isalpha() or following in STOPWORDS or out:
                out.append(int(after))
        # a rank by its number ("juara 2 sama juara 3", "juara satu sampai tiga"; not "5
        # besar", the top five)
        ranked = i > 0 and (asked[i - 1] in _RANK_NOUNS or (bool(out) and asked[i - 1] in _UP_TO))
        rank = spans.number_of(w) if ranked and after not in _TOP else None
        if rank and rank <= len(evidence.ORDINALS):
            out.append(rank)
    return out


# Nouns a rank's number follows ("juara 2", "peringkat tiga"), and words joining two ranks
_RANK_NOUNS = frozenset({"juara", "peringkat", "posisi", "urutan", "ranking", "rank", "place"})
_UP_TO = frozenset({"sampai", "hingga", "sd", "sama", "dan", "and", "to", "through"})
_TOP = frozenset({"besar", "teratas", "top"})  # "peringkat 5 besar": the top five


def _named_item(
    weights: Weights, run: list[int], sents: Sequence[Sentence], body: str, terms_of: TermsOf
) -> list[int]:
    """The one item of an ordinal `run` (with its announcement) that the question names by
    words no other item and no announcement has (not its ordinal), carrying `ITEM_SHARE` of
    its weight, with the sentences after it in its paragraph up to the next item (at most
    `POINT_REACH`); [] when the question names no item or several."""
    ordinals = terms_of(" ".join(evidence.ORDINALS))  # "keempat hal itu" names no item
    terms = {p: terms_of(sents[p].text) - ordinals for p in run}
    named = [
        p
        for p in run
        if evidence.ordinal(sents[p].text)
        and weights.share(terms[p].difference(*(terms[o] for o in run if o != p))) >= ITEM_SHARE
    ]
    if len(named) != 1:
        return []
    item = list(named)
    while (
        len(item) <= POINT_REACH
        and item[-1] + 1 < len(sents)
        and not evidence.ordinal(sents[item[-1] + 1].text)
        and same_paragraph(body, sents[item[-1]], sents[item[-1] + 1])
    ):
        item.append(item[-1] + 1)
    return item


def ordinal_run(
    q: Question, pos: int, sents: Sequence[Sentence], terms_of: TermsOf
) -> list[list[int]]:
    """The "pertama ... kedua ... ketiga" run nearest position `pos` whose announcement (or
    first item) shares a term with the question, one window per sentence; [] when none."""
    firsts = [j for j, s in enumerate(sents) if evidence.ordinal(s.text) == 1]
    for first in sorted(firsts, key=lambda j: abs(j - pos)):
        run, want = [], 1
        for j in range(first, min(len(sents), first + RUN_REACH)):
            if evidence.ordinal(sents[j].text) == want:
                run.append(j)
                want += 1
        intro = [first - 1] if first > 0 and evidence.announced_count(sents[first - 1].text) else []
        related = any(set(q.terms) & terms_of(sents[j].text) for j in intro + run[:1])
        if len(run) >= 2 and related:
            return [[j] for j in intro + run]
    return []


# Words with which a sentence names a list's items itself ("dua program, yakni JKK dan JKM").
_LISTS_ITSELF = frozenset({"yakni", "yaitu", "antara", "meliputi", "terdiri", "seperti"})


def _names_items(text: str) -> bool:
    """A sentence naming a list's items itself ("Lima program itu yakni A, B, C, D, dan E"),
    not one item of an ordinal run."""
    return evidence.is_enumeration(text) and _lists_itself(text) and not evidence.ordinal(text)


def _lists_itself(text: str) -> bool:
    """A sentence that announces a count or names a list's items itself."""
    return bool(evidence.announced_count(text)) or bool(_LISTS_ITSELF & set(words(text)))


def announced_list(
    q: Question, pos: int, sents: Sequence[Sentence], body: str, terms_of: TermsOf
) -> int | None:
    """The position of the sentence ending in a colon before its items ("Berikut daftar
    pemenang ...:", `announces_items`) that announces the item at `pos`, or else of the
    first within `RUN_REACH` from `pos` sharing a term with the question; None when there is
    none. Its items join it as any announcing window's do (`windows.with_items`)."""
    for head in range(pos - 1, max(-1, pos - 1 - RUN_REACH), -1):
        if announces_items(sents, head):
            if pos in items_after(sents, body, head):
                return head  # the list the best item is one of
            break
    for head in range(pos, min(len(sents), pos + RUN_REACH)):
        if announces_items(sents, head) and set(q.terms) & terms_of(sents[head].text):
            return head
    return None
