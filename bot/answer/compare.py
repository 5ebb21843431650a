"""Comparisons ("2020 sm 2023", "maret vs agustus", "formal atau informal"): one question per
side, each answered (dated and cited) on its own. Pure functions."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer.constraints import LOCALES, TOPICS, named_figures
from bot.answer.lexicons import Place
from bot.answer.question import (
    ASKING_WORDS,
    COMPARING,
    COMPARISON_CUES,
    FIGURE_NOUNS,
    LATEST_PHRASES,
    LATEST_WORDS,
    TIME_NOUNS,
    TIME_QUALIFIERS,
    WHERE_WORDS,
    Question,
    has_phrase,
    is_year,
)
from bot.answer.scoring import PLACE_NOUNS
from index.text import MONTH_WORDS, STOPWORDS, stem

# Words by which a yes/no question, or one with no question word, compares the figures of its
# sides ("naik dak?", "lebih tinggi", "was it higher in 2020 or in 2024?", "selisihnya"):
# each side's figure is asked. Not "lebih" alone ("lebih ramah") nor "besar" and "kecil" (a
# small business, "usaha kecil", is no amount).
_COMPARES_AMOUNTS = frozenset(
    "naik turun meningkat menurun bertambah berkurang tinggi banyak rendah sedikit selisih "
    "higher lower more less bigger smaller larger increase increased decrease decreased rise "
    "rose fall fell difference".split()
)
_JOINERS = {"atau", "sama", "vs", "versus", "dan", "dengan", "dibanding", "dibandingkan", "or"}


def sides(q: Question) -> list[Question]:
    """The question once per side it compares; `[q]` when it compares nothing."""
    years, months = tuple(dict.fromkeys(q.years)), tuple(dict.fromkeys(q.months))
    kind = q.kind
    if kind == "apa_saja" and ("siapa" in q.words or "berapa" in q.words):
        kind = "siapa" if "siapa" in q.words else "berapa"  # "siapa aja" of each side: who
    # "bandingkan", "beda", "vs" compare amounts only with a noun of a figure ("bandingkan
    # cakupan di A dan B", not "apakah syarat klaim A dan B berbeda?")
    said = set(q.words)
    figures = said & _COMPARES_AMOUNTS or (said & COMPARING and said & FIGURE_NOUNS)
    if kind in ("ya_tidak", "umum") and figures:
        kind = "berapa"
    # "jan-mar 2024": one period, not two months
    ranged = len(months) >= 2 and _month_range(q.words, q.text)
    if len(years) >= 2 or (len(months) >= 2 and not ranged):
        return _times(q, kind, years, months, ranged)
    if len(years) == 1 and not months and _year_against_now(q.words):
        then = _compared(q, kind)
        year = str(years[0])
        now = replace(  # without the year, which is the other side's
            then,
            years=(),
            wants_latest=True,
            words=tuple(w for w in then.words if w != year),
            head=tuple(t for t in then.head if t != year),
            terms=tuple(t for t in then.terms if t != year),
        )
        return [plain(then), plain(now)]
    places = _compared_places(q)
    if len(places) >= 2:
        others = tuple(p for p in q.places if p not in places)
        return [plain(replace(q, places=(p, *others), kind=kind)) for p in places]
    clauses = _clause_pair(q, kind)
    if clauses:
        return clauses
    pair = _word_pair(q)
    if pair is None:
        return [q]
    a, b = pair
    return [plain(_without(q, b, kind)), plain(_without(q, a, kind))]


def _times(
    q: Question, kind: str, years: tuple[int, ...], months: tuple[int, ...], ranged: bool
) -> list[Question]:
    """One question per year, or per month ("Oktober 2020 or Agustus 2024": per month with its
    year; a month written before the first year only is every year's, "agustus 2023 dan
    2024", one before a later year only that year's, "2020 vs August 2024"; unless the months
    are one period: `ranged`, "jan-mar 2024 vs jan-mar 2025"), each looked up without the
    figures the question states ("maret 1,1 jt, agustus brp?": the March figure is to be
    confirmed, and is no term of August's)."""
    times = _compared(q, kind)
    dated = _month_years(q.words)
    if len(years) >= 2:
        per_year = [replace(times, years=(y,)) for y in years]
        if dated and not ranged:
            own = {y: tuple(m for m, at in dated if at == y) for y in years}
            written = [int(w) for w in q.words if is_year(w) and int(w) in own]
            first = own[written[0]] if written else ()
            per_year = [replace(side, months=own[side.years[0]] or first) for side in per_year]
        return [plain(_without_other_clause_words(q, side)) for side in per_year]
    return [plain(replace(times, months=(m,))) for m in months]


def _compared(q: Question, kind: str) -> Question:
    """`q` as one side of a comparison of times, without the figures the question states."""
    stated = set(named_figures(q.text))
    return replace(
        q,
        kind=kind,
        wants_latest=False,
        compared=True,
        terms=tuple(t for t in q.terms if t not in stated),
        head=tuple(t for t in q.head if t not in stated),
    )


def _year_against_now(words: tuple[str, ...]) -> bool:
    """A year set against now by a joiner between them and nothing else but "tahun" or
    "yang" ("2020 sm kini", "now vs 2020", "tahun 2020 atau saat ini"): each is a side. Not
    a period from the year up to now ("sejak 2020 sampai dengan saat ini", "2023 dan masih
    berjalan sampai sekarang")."""
    year = next((i for i, w in enumerate(words) if is_year(w)), None)
    if year is None:
        return False  # the year came with the question before ("trus sekarang?")
    for i, w in enumerate(words):
        if w in LATEST_WORDS or any(has_phrase(words[i : i + 2], p) for p in LATEST_PHRASES):
            between = set(words[min(i, year) + 1 : max(i, year)])
            if between & _JOINERS and between <= _JOINERS | _BESIDE_JOINER:
                return True
    return False


_BESIDE_JOINER = frozenset({"tahun", "yang", "yg"})  # "2020 sm yg sekarang", "now vs tahun 2020"


def _without_other_clause_words(q: Question, side: Question) -> Question:
    """A year's side without the words of the other year's clause that are not its own
    ("the governor in 2020 vs the acting governor in August 2024": 2020's governor is no
    acting one). The first clause runs up to the joiner, the last from the joiner to the last
    year. The first year's side drops the words only the last clause writes; the last year's
    drops only the words written before a word both clauses write ("<pj> gubernur ... agustus
    2024 sm gubernur yg audiensi nov 2020": 2020's governor is no acting one either), and only
    when the last clause is one of its own (`_restates`): the first clause's subject, place
    and qualifiers are asked of both ("berapa klaim JHT ... 2020 dibanding klaim ... 2024").
    Words after the last year are asked of every year ("berapa perusahaan 2022 dan 2023 yang
    menunggak iuran"), and so are all words when the first clause is its year alone ("2020 sm
    2023 yg jd deputi ...")."""
    at = [i for i, w in enumerate(q.words) if is_year(w)]
    if len(at) < 2:
        return side  # the years came with the question before ("trus 2020 sm 2024?")
    joiner = next((i for i in range(at[0], at[-1]) if q.words[i] in _JOINERS), None)
    if joiner is None:
        return side
    first, last = q.words[:joiner], q.words[joiner + 1 : at[-1] + 1]
    year = str(side.years[0])
    if year in first:
        mine = {stem(w) for w in first}
        if not mine & set(side.terms):
            return side
        others = {stem(w) for w in last} - mine
    elif year in last and _restates(last, first):
        others = {stem(w) for w in _qualifiers(first, last)} - {stem(w) for w in last}
    else:
        return side
    return replace(
        side,
        terms=tuple(t for t in side.terms if t not in others),
        head=tuple(t for t in side.head if t not in others),
    )


def _says(word: str) -> bool:
    """A word that says what a clause is about: a content word, not a time."""
    return not (
        word in STOPWORDS
        or word.isdigit()
        or word in TIME_NOUNS
        or word in TIME_QUALIFIERS
        or word in MONTH_WORDS
    )


def _restates(last: tuple[str, ...], first: tuple[str, ...]) -> bool:
    """The last clause of a comparison of years is one of its own: it restates a word of
    the first and adds one ("pj gubernur ... 2024 sm <gubernur> yg <audiensi> nov 2020"), not
    a time alone ("... akhir 2024 dibanding awal 2025", "program 2024 dengan program tahun
    2025") nor another thing asked the same of ("the head of the office in 2020 vs the
    program in 2024": the program's head)."""
    said = [w for w in last if _says(w)]
    return any(w in first for w in said) and any(w not in first for w in said)


def _qualifiers(first: tuple[str, ...], last: tuple[str, ...]) -> list[str]:
    """The words of the first clause that qualify a word the last clause restates, where the
    last qualifies it otherwise: a title before it ("<pj> gubernur"), and the words after it
    when the last clause writes its own after it ("target <coverage gub Nama> 2020 sm
    target <bpjs tk> 2025"; not "klaim <JHT> ... 2020 dibanding klaim yang ... 2024"), each run
    up to a function word, a question word or a time."""
    restated = {w for w in last if _says(w)} & set(first)

    def run(start: int, step: int) -> list[str]:
        out, j = [], start
        while 0 <= j < len(first) and _says(first[j]) and first[j] not in ASKING_WORDS:
            if first[j] not in restated:
                out.append(first[j])
            j += step
        return out

    words: list[str] = []
    for i, w in enumerate(first):
        if w not in restated:
            continue
        words += run(i - 1, -1)
        after = last.index(w) + 1
        if after < len(last) and _says(last[after]) and last[after] not in first:
            words += run(i + 1, 1)
    return words


def _month_years(words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(month, year) for each month written just before its year ("oktober 2020")."""
    return [
        (MONTH_WORDS[w], int(after))
        for w, after in zip(words, words[1:], strict=False)
        if w in MONTH_WORDS and is_year(after)
    ]


def _compared_places(q: Question) -> list[Place]:
    """The places a question sets side by side ("<kabupaten> sm <kota>", "<provinsi>
    dibanding <provinsi>"): two or more, none inside another (a city and its province are
    one place)."""
    if not (set(q.words) & (_JOINERS | COMPARISON_CUES)):
        return []  # "pekerja asal <provinsi> yang kerja di <kota>": one question
    named = [p for p in q.places if p.kind in LOCALES]
    return [
        p for p in named if not any(o.province == p.name and not _joined(q, o, p) for o in named)
    ]


def _joined(q: Question, a: Place, b: Place) -> bool:
    """ "<kota> vs <provinsi>": the two places stand either side of a joiner (compared, even
    a city and its province)."""
    first, second = a.name.lower().split(), b.name.lower().split()
    for x, y in ((first, second), (second, first)):
        for left, joiner, right in zip(q.words, q.words[1:], q.words[2:], strict=False):
            if left == x[-1] and joiner in _JOINERS and right == y[0]:
                return True
    return False


_CUE_STEMS = frozenset(stem(w) for w in COMPARISON_CUES)


def plain(side: Question) -> Question:
    """One side without the words that ask to compare ("naik ga?", "lebih tinggi"): each
    side is looked up as a plain question, and "naik" is not what its figure is about."""
    return replace(
        side,
        terms=tuple(t for t in side.terms if t not in _CUE_STEMS),
        head=tuple(t for t in side.head if t not in _CUE_STEMS),
    )


_RANGE_WORDS = {"hingga", "sampai", "sd", "to", "until", "through"}


_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_DASHED_RANGE_RE = re.compile(rf"(?<![a-z])(?:{_MONTH})\s*[-–—/]\s*(?:{_MONTH})(?![a-z])", re.I)


def _month_range(words: tuple[str, ...], text: str = "") -> bool:
    """ "Januari hingga Oktober 2024", "jan-jun 2025": one period, not two months compared."""
    if _DASHED_RANGE_RE.search(text):
        return True
    words = tuple(w for w in words if w != "dengan")  # "sampai dengan"
    return any(
        a in MONTH_WORDS and b in _RANGE_WORDS and c in MONTH_WORDS
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _word_pair(q: Question) -> tuple[str, str] | None:
    """The two compared terms of "formal atau informal", "koranpalpres sama musinews": content
    words either side of a joiner, in a question that also says it compares."""
    words = q.words
    for i in range(1, len(words) - 1):
        if words[i] not in _JOINERS:
            continue
        left, right = words[i - 1], words[i + 1]
        if left in STOPWORDS or right in STOPWORDS or left.isdigit() or right.isdigit():
            continue
        if left in PLACE_NOUNS and right in PLACE_NOUNS and words[i + 2 : i + 3] == ("mana",):
            continue  # "kabupaten atau kota mana ...": the kind of place asked, not two sides
        # a where-question before the pair asks where ("di mana <X> audiensi dengan <Y>"); one
        # after it asks which side ("formal sama informal, banyak di mana?")
        others = _cues(words[: i - 1]) | (set(words[i + 2 :]) & COMPARISON_CUES)
        if others or words[i] in {"atau", "vs", "versus", "or"}:
            a, b = stem(left), stem(right)
            if a != b and a in q.terms and b in q.terms:
                return a, b
    return None


def _clause_pair(q: Question, kind: str) -> list[Question]:
    """ "pj gub yg canangin gerakan serentak sm yg ketemu bpjs tk agustus 2024, siapa aja?":
    one person asked of by two clauses, "X yang A sama yang B", asked of once per clause; each
    side with the words before the clauses, its own clause and what follows the second one
    past a preposition ("siapa yang hadir dan yang memberi sambutan di peluncuran X?": the
    event is both sides'); "... yang ketiga sama yang keempat itu apa?" too; [] when the
    question joins no two such clauses."""
    words = q.words
    for i in range(2, len(words) - 2):
        if words[i] not in _JOINERS or words[i + 1] != "yang" or "yang" not in words[: i - 1]:
            continue
        start = i - 1 - words[i - 1 :: -1].index("yang")  # the last "yang" before the joiner
        rest = words[i + 2 :]
        end = next((j for j, w in enumerate(rest) if w in _PREPOSITIONS), len(rest))
        head, a, b, tail = words[:start], words[start + 1 : i], rest[:end], rest[end:]
        if not _content(a) or not _content(b):
            continue
        return [
            plain(_clause_side(q, kind, own=(*head, *a, *tail), other=b)),
            plain(_clause_side(q, kind, own=(*head, *b, *tail), other=a)),
        ]
    return []


# Words after which the second clause of "yang A sama yang B" ends and what both clauses share
# begins ("... yang memberi sambutan di peluncuran X").
_PREPOSITIONS = frozenset(
    "di pada dalam saat ketika waktu untuk tentang soal in at during for about".split()
)


def _content(words: tuple[str, ...]) -> bool:
    """Some word of `words` is neither a function word nor a number."""
    return any(w not in STOPWORDS and not w.isdigit() for w in words)


def _clause_side(q: Question, kind: str, own: tuple[str, ...], other: tuple[str, ...]) -> Question:
    """The side of a question asked with the words `own`, without the other clause's terms
    and times. Times the question does not write (those of the question before it) are both
    sides'."""
    dropped = {stem(w) for w in other} - {stem(w) for w in own}
    written = [y for y in q.years if str(y) in q.words]
    return replace(
        q,
        kind=kind,
        compared=True,
        terms=tuple(t for t in q.terms if t not in dropped),
        head=tuple(t for t in q.head if t not in dropped),
        years=tuple(y for y in q.years if str(y) in own) if written else q.years,
        months=tuple(m for m in q.months if _names_month(own, m))
        if any(_names_month(q.words, m) for m in q.months)
        else q.months,
    )


def _names_month(words: tuple[str, ...], month: int) -> bool:
    """One of `words` names the month (1-12)."""
    return any(MONTH_WORDS.get(w) == month for w in words)


def _cues(words: tuple[str, ...]) -> set[str]:
    """The words of `words` that say a question compares, but "mana" asking where, whither
    or whence ("di / ke / dari mana")."""
    return {
        w
        for i, w in enumerate(words)
        if w in COMPARISON_CUES and not (w == "mana" and i and words[i - 1] in WHERE_WORDS)
    }


def _without(q: Question, term: str, kind: str) -> Question:
    """The side without the other side's word, nor the group of workers or program it names
    ("formal atau informal": the side "formal" asks about formal workers only)."""
    return replace(
        q,
        kind=kind,
        terms=tuple(t for t in q.terms if t != term),
        head=tuple(t for t in q.head if t != term),
        short_names=tuple(n for n in q.short_names if stem(n) != term),
        places=tuple(
            p for p in q.places if p.kind not in TOPICS or stem(p.name.split()[-1].lower()) != term
        ),
    )
