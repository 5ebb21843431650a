"""What a question names beyond its words' meanings: a name written as the articles write it
("Gerakan Layanan Baru", kept whole rather than read as English), a place the gazetteer does
not know ("cabang <nama>"), and whether a "kapan" question asks since or until when. Pure
functions over the question's text and the lexicons of knowledge/."""

from __future__ import annotations

from collections.abc import Callable

from bot.answer.lexicons import Lexicons
from index.gazetteer import Phrases
from index.text import STOPWORDS, stem
from index.text import words as words_of
from index.text import words_cased as words_of_cased

Runs = list[tuple[list[str], bool]]


def name_runs(
    text: str,
    surface: list[str],
    of_articles: Callable[[str], bool],
    acronyms: frozenset[str] = frozenset(),
) -> Runs:
    """`surface` (the words of `text`) cut into runs, each marked verbatim when it is a name
    the corpus writes: two or more capitalised words in a row ("Gerakan Layanan Baru"), each
    a word of the articles (`of_articles`), or one of `acronyms` written in capitals. Those
    are kept as they are, not read as dialect or English word by word."""
    cased = words_of_cased(text)
    if len(cased) != len(surface):
        return [(surface, False)]
    runs: Runs = []
    i = 0
    while i < len(surface):
        j = i
        while j < len(surface) and _named_word(cased[j], of_articles):
            j += 1
        if j - i >= 2:
            runs.append((surface[i:j], True))
            i = j
            continue
        if surface[i] in acronyms and cased[i].isupper():
            runs.append(([surface[i]], True))  # "anak SMP": the school, not "smp" for "sampai"
            i += 1
            continue
        if runs and not runs[-1][1]:
            runs[-1][0].append(surface[i])
        else:
            runs.append(([surface[i]], False))
        i += 1
    return runs


CLITICS = ("nya", "nyo")  # "cabang <kota>nya", in the local Malay "<kota>nyo"


def without_clitic(word: str, bases: frozenset[str]) -> str:
    """A word without the "-nya" written onto it ("<kota>nya" -> "<kota>", "pacaknyo" ->
    "pacak"), when it is one of `bases` (`Gazetteer.towns`, the dialect's words); any other
    word as it is ("bukannya" stays)."""
    for clitic in CLITICS:
        base = word.removesuffix(clitic)
        if base != word and base in bases:
            return base
    return word


def _named_word(token: str, of_articles: Callable[[str], bool]) -> bool:
    """A capitalised word (not in capitals: "BPJS" is an acronym, not a name's word) that the
    articles use."""
    return (
        token[:1].isupper()
        and not token.isupper()
        and token.lower() not in STOPWORDS
        and of_articles(token.lower())
    )


def local_names(
    text: str, lexicons: Lexicons, is_name: Callable[[str, bool], bool]
) -> tuple[str, ...]:
    """Names of places the gazetteer does not know, right after a place word ("Kabupaten
    <Nama>", "cabang <nama>", "Pemkab <Nama>", "Cabang BPJS TK <Nama>") or, in English, before
    one ("the <Name> branch"): the name's capitalised words ("Nama Timur"), or a plain word
    after a place word that is no local government, when `is_name(word, plain)` says so (the
    reader knows which words are lexicon words, and which the articles use)."""
    gazetteer = lexicons.gazetteer
    place_words = gazetteer.words  # "timur", "selatan", ...
    surface = [without_clitic(w, gazetteer.towns) for w in words_of(text)]
    cased = words_of_cased(text)
    if len(surface) != len(cased):
        return ()
    marks = lexicons.markers
    before, after = marks("place-before"), marks("place-after")
    government = marks("place-government")
    named = [(i + 1, True) for i in range(len(surface)) if before.match_at(surface, i) == 1]
    named += [(i + 1, False) for i in range(len(surface)) if government.match_at(surface, i)]
    named += [(i - 1, True) for i in range(1, len(surface)) if after.match_at(surface, i)]
    if any(p.kind in ("kabupaten", "kota") for p in gazetteer.find(surface)):
        return ()  # "Kantor Cabang Pembantu <kota>": the place is known
    agency = marks("agency")

    def goes_on(j: int) -> bool:
        """The name goes on with word `j`: capitalised, no function, place or agency word,
        a name's word or a place name's ("<Nama> Timur"; not "<Nama> Siapa", "<Name> Branch")."""
        w = surface[j]
        if not cased[j][:1].isupper() or w in STOPWORDS or _place_word(marks, surface, j):
            return False
        size = gazetteer.phrases.match_at(surface, j)
        if size and any(p.kind in _AREAS for p in gazetteer.find(surface[j : j + size])):
            return False  # "di <Nama> <provinsi>": the name, then the province it is in
        return not agency.match_at(surface, j) and (is_name(w, False) or w in place_words)

    names = []
    for i, plain in named:
        while i < len(surface) and agency.match_at(surface, i):
            i += agency.match_at(surface, i)  # "Cabang BPJS Ketenagakerjaan <Nama>"
        if i >= len(surface) or _place_word(marks, surface, i):
            continue
        if gazetteer.phrases.match_at(surface, i - 1):
            continue  # a gazetteer place starting with the place word ("Kota <Nama>")
        upper = cased[i][:1].isupper()
        if size := gazetteer.phrases.match_at(surface, i):
            longer = i + size < len(surface) and goes_on(i + size)
            if upper and longer and not gazetteer.phrases.match_at(surface, i + size):
                names.append(" ".join(surface[i : _name_end(goes_on, i, len(surface))]))
            # a gazetteer place, unless a longer name ("Kabupaten <Provinsi> Timur"), not
            # another place after it ("di <region>, <provinsi> dinilai ...")
            continue
        if upper and is_name(surface[i], False):
            names.append(" ".join(surface[i : _name_end(goes_on, i, len(surface))]))
        elif not upper and plain and is_name(surface[i], True):
            names.append(surface[i])
    return tuple(dict.fromkeys(names))


_AREAS = frozenset({"province", "region", "country"})


def _name_end(goes_on: Callable[[int], bool], i: int, n: int, most: int = 3) -> int:
    """Index past the name starting at word `i` of `n`: the words that go on with it (at
    most `most` in all)."""
    end = i + 1
    while end < min(n, i + most) and goes_on(end):
        end += 1
    return end


def _place_word(marks: Callable[[str], Phrases], surface: list[str], i: int) -> bool:
    """`surface[i]` is itself a place word ("kabupaten/kota")."""
    sections = ("place-before", "place-after", "place-government")
    return any(marks(section).match_at(surface, i) for section in sections)


_WHEN = frozenset({"tahun", "tanggal", "bulan"})  # "<sejak> tahun berapa"


def time_cues(words: tuple[str, ...], lexicons: Lexicons) -> frozenset[str]:
    """For "sejak kapan / mulai kapan / sampai kapan" (the words of a "kapan" question), the
    stems of the words of that section of knowledge/chat.txt ([since], [until]) one of which
    the answer must write."""
    asks = [i for i, w in enumerate(words) if w == "kapan"]
    asks += [i for i, w in enumerate(words[:-1]) if words[i + 1] == "berapa" and w in _WHEN]
    for section in ("since", "until"):
        phrases = lexicons.markers(section)
        for start, end in phrases.find(words):
            if any(start - 2 <= at <= end + 1 for at in asks):
                return frozenset(stem(w) for p in phrases.items for w in p)
    return frozenset()
