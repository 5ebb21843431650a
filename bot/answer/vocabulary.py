"""Which words are real Indonesian (or English) words, from word frequencies, and the sound
rules that turn the local Malay (baso) words into standard ones.

`wordfreq` (a maintained package of word frequencies from many corpora) tells a common word
the articles happen not to use ("cukur", "sawit", "resign") from a rare name or term, which
signals something the sources do not cover. Frequencies are on the Zipf scale: log10 of
occurrences per billion words; 3 is about once per million words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from wordfreq import zipf_frequency

COMMON_ZIPF = 3.0  # at least this frequent in Indonesian (or English) text: a common word
RULE_GAIN = 1.0  # a dialect rule applies when the standard form is this much more frequent


@lru_cache(maxsize=65536)
def zipf_id(word: str) -> float:
    """How common `word` is in Indonesian text (Zipf scale, 0 when unseen)."""
    return zipf_frequency(word, "id")


@lru_cache(maxsize=65536)
def zipf_en(word: str) -> float:
    """How common `word` is in English text (Zipf scale, 0 when unseen)."""
    return zipf_frequency(word, "en")


def is_common(word: str) -> bool:
    """A common Indonesian or English word (not a rare name or term)."""
    return max(zipf_id(word), zipf_en(word)) >= COMMON_ZIPF


ENGLISH_GAIN = 1.0  # an English word: this much more frequent in English than in Indonesian


def english_like(word: str) -> bool:
    """An English word, common or not ("prioritise"), that Indonesian text seldom uses."""
    return zipf_en(word) >= zipf_id(word) + ENGLISH_GAIN


def is_english(word: str) -> bool:
    """A common English word that Indonesian text seldom uses ("kicked", "delegation")."""
    return zipf_en(word) >= COMMON_ZIPF and english_like(word)


TOP_ZIPF = 7.0  # about the frequency of the most common words ("yang", "the")


def rarity(word: str) -> float:
    """How specific a word is in general language: 0 for the most common words, up to 7 for
    words never seen (numbers count as specific)."""
    if not word.isalpha():
        return TOP_ZIPF / 2
    return max(0.0, TOP_ZIPF - max(zipf_id(word), zipf_en(word)))


def dialect_candidates(word: str) -> list[str]:
    """Standard forms a local Malay (baso) word may stand for, most likely first: final -o for
    -a (berapo, pekerjo, limo), -o- for -u- in a closing syllable (masok, ikot), -nyo for -nya
    (namonyo, katonyo), -ke for -kan (nyebutke), both
    (diadoke: diadakan), colloquial -in for -kan / -i, also before -nya (diadainnya:
    diadakannya), "nge-" for the active prefix (ngelindungi: melindungi), or its nasal alone
    (nanggung: menanggung)."""
    if len(word) < 3 or not word.isalpha():
        return []
    out: list[str] = []
    stem, suffix = word, ""
    if word.endswith("nyo") and len(word) > 4:
        stem, suffix = word[:-3], "nya"
        out.append(stem + suffix)
    elif word.endswith("ke") and len(word) > 4:
        stem, suffix = word[:-2], "kan"
        out.append(stem + suffix)
    if stem.endswith("o"):
        out.append(stem[:-1] + "a" + suffix)
    if stem[-2:-1] == "o" and stem[-1] in "klrt":  # masok, ikot, betol, tidor: -u- closed
        out.append(stem[:-2] + "u" + stem[-1] + suffix)
    if word.endswith("in") and len(word) > 5:
        out += sorted(_colloquial_verbs(word[:-2]), key=zipf_id, reverse=True)
    elif word.endswith("innya") and len(word) > 8 and zipf_id(word[:-3]) < COMMON_ZIPF:
        # "diadainnya": "diadakannya" (not "selainnya", "mungkinnya")
        verbs = sorted(_colloquial_verbs(word[:-5]), key=zipf_id, reverse=True)
        out += [v + "nya" for v in verbs]
    elif word.startswith("nge") and len(word) > 6:
        out += sorted(_active_forms(word), key=zipf_id, reverse=True)
    elif word.startswith(("m", "n")) and len(word) > 5:
        out.append("me" + word)  # the active prefix's nasal alone: nanggung, ngurus, mbayar
    return [c for c in dict.fromkeys(out) if c != word]


# English endings and what they may replace, tried in order: "disabilities" -> "disability",
# "partnering" -> "partner", "prioritise" -> "prioritize", "friendlier" -> "friendly".
_ENGLISH_ENDINGS = (
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("ing", ""),
    ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""), ("ise", "ize"),
    ("ised", "ize"), ("ising", "ize"), ("isation", "ization"),
)  # fmt: skip


def english_bases(word: str) -> list[str]:
    """The base forms an inflected English word may have, most likely first: "banks" ->
    "bank", "running" -> "run" (a doubled consonant undone), "prioritised" -> "prioritize"."""
    out: list[str] = []
    for ending, base in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            root = word[: len(word) - len(ending)] + base
            out.append(root)
            if not base and len(root) > 3 and root[-1] == root[-2] and root[-1] not in "aeiouls":
                out.append(root[:-1])  # "running" -> "run"
    return [b for b in dict.fromkeys(out) if b != word]


_ACTIVE = ("me", "mem", "men", "meng", "meny")  # the forms of the active prefix


def _active_forms(nge: str) -> list[str]:
    """The active verbs a "nge-" form may stand for ("ngelapor": melapor, menglapor, ...), in
    a fixed order (the ranking by frequency keeps it for ties: the same reading in every
    process)."""
    return sorted({p + nge[3:] for p in _ACTIVE})


def _colloquial_verbs(base: str) -> list[str]:
    """Standard verbs a colloquial "-in" verb may stand for: "nyampein" -> "menyampaikan",
    "ngedaftarin" -> "mendaftarkan", "dikirimin" -> "dikirimkan", in a fixed order, "-kan"
    before "-i" (the ranking by frequency keeps it for ties: "nganggarin" is
    "menganggarkan" in every process, not one or the other by the order of a set)."""
    roots = {base, base[:-1] + "ai"} if base.endswith("e") else {base}  # "sampe": "sampai"
    forms: set[str] = set()
    for root in roots:
        if root.startswith("nge"):
            forms.update(_active_forms(root))
        elif root.startswith(("ny", "ng")):
            forms.add("me" + root)
        else:
            forms.add(root)
    return [f + s for f in sorted(forms) for s in ("kan", "i")]


def standard_form(word: str, known: Callable[[str], bool]) -> str | None:
    """The standard Indonesian word a dialect form stands for, when a sound rule gives a word
    that is known (to the corpus) or clearly more common in Indonesian; else None. A form no
    word list has seen may stand for a rare word the corpus knows ("disosialisasike")."""
    base = zipf_id(word)
    for cand in dialect_candidates(word):
        # An enclitic "-nya" is rare on most words ("persennya"): the word itself counts.
        freq = max(zipf_id(cand), zipf_id(cand[:-3]) if cand.endswith("nya") else 0.0)
        if known(cand) and (freq >= base + RULE_GAIN or base == 0):
            return cand
        if freq >= base + RULE_GAIN and freq >= COMMON_ZIPF:
            return cand
    return None


def common_form(word: str) -> str | None:
    """The common Indonesian word a form no word list knows stands for by a sound rule
    ("didaftarke": "didaftarkan"), even when an article quotes the form; else None."""
    if zipf_id(word) or zipf_en(word):
        return None
    return standard_form(word, lambda _: False)  # by frequency alone, whatever the corpus knows


COMMON_WORDS = 40_000  # the most frequent Indonesian words that spelling correction may give


@lru_cache(maxsize=1)
def _common_by_shape() -> dict[tuple[str, int], list[str]]:
    """The most frequent Indonesian words, by (first letter, length): static data, built once."""
    from wordfreq import top_n_list

    shapes: dict[tuple[str, int], list[str]] = {}
    for w in top_n_list("id", COMMON_WORDS):
        if w.isalpha():
            shapes.setdefault((w[0], len(w)), []).append(w)
    return shapes


def nearest_common(word: str) -> str | None:
    """The most frequent common Indonesian word within one edit of a misspelt `word`
    ("trmasuk" -> "termasuk"), or None."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    if len(word) < 5 or not word.isalpha() or is_common(word):
        return None
    limit = 1  # names are common words too: a wider net catches the wrong person
    shapes = _common_by_shape()
    best: tuple[int, float, str] | None = None
    for size in range(len(word) - limit, len(word) + limit + 1):
        cands = shapes.get((word[0], size))
        if not cands:
            continue
        for cand, d, _ in process.extract(word, cands, scorer=OSA.distance, score_cutoff=limit):
            key = (int(d), -zipf_id(cand), cand)
            if best is None or key < best:
                best = key
    return best[2] if best else None
