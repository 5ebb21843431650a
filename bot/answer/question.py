"""Understanding a question: normalize it and recognise what it asks for, and about what."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.answer.evidence import GENERIC_ROLES, NAME_ZIPF, ORDINALS, RARE_ZIPF, ROLE_WORDS
from bot.answer.intake import clean_text
from bot.answer.lexicons import Lexicons, Phrases, Place
from bot.answer.named import local_names, name_runs, time_cues, without_clitic
from bot.answer.people import people_named
from bot.answer.spans import (
    MAGNITUDES,
    PEOPLE_NOUNS,
    POWERS,
    SCALE_WORDS,
    indonesian_figures,
    number_of,
)
from bot.answer.vocabulary import (
    COMMON_ZIPF,
    common_form,
    english_bases,
    english_like,
    is_common,
    is_english,
    rarity,
    standard_form,
    zipf_en,
    zipf_id,
)
from index.glossary import Glossary
from index.lexical import terms_of_words
from index.text import ENGLISH_FUNCTION, MONTH_WORDS, STOPWORDS, stem
from index.text import words as words_of
from index.text import words_cased as words_of_cased

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
LATEST_WORDS = {
    *("sekarang", "terbaru", "terkini", "kini", "terakhir"),
    *("latest", "now", "current", "currently", "newest"),
}
LATEST_PHRASES = (
    *("saat ini", "paling baru", "hari ini", "tahun ini", "bulan ini"),
    *("most recent", "right now"),  # "this year" is read "tahun ini"
)
_TAG_QUESTION = {"tidak", "belum", "bukan", "kah", "apa", "ya"}  # "bisa daftar ga", "... ya"
# English auxiliaries: opening a question, they ask yes or no ("did the branch ...?")
AUXILIARIES = frozenset(
    {
        *("is", "are", "am", "was", "were", "does", "do", "did", "can", "could", "will"),
        *("would", "should", "has", "have"),
    }
)
_YES_NO = {*("apakah", "benarkah", "bisakah", "bolehkah", "adakah"), *AUXILIARIES}
# English question words: an auxiliary after them and a parenthesis is their question's own
WH_WORDS = frozenset({"how", "what", "which", "who", "whom", "whose", "when", "where", "why"})
# Words that ask for an amount of money ("berapa nilai klaimnya", "berapa rupiah"); not
# "iuran", "upah" or "santunan": those are often rates ("0,24 persen", "100 persen upah").
_MONEY = {
    "nilai",
    "nilainya",
    "rupiah",
    "rp",
    "dana",
    "anggaran",
    "anggarkan",
    "menganggarkan",
    "dianggarkan",
    "biaya",
    "uang",
    "senilai",
    "money",
    "santunan",
    "iuran",
    "gaji",
    "upah",
    "tunggakan",  # arrears are owed money: "berapa tunggakannya?"
    "pesangon",
    "tunjangan",
    "insentif",
    "honor",
    "honorarium",
    "beasiswa",
    "penghasilan",
    "pendapatan",
}
# Words saying what kind of figure is asked ("berapa perkiraan total ...", "rata-rata")
_FIGURE_KINDS = frozenset({"perkiraan", "kira", "estimasi", "proyeksi", "rata"})
# Words that make a kind of worker the other kind ("bukan penerima upah", "non-wage")
NOT_OF_A_KIND = frozenset({"bukan", "non", "tanpa"})
_OF_A_KIND = NOT_OF_A_KIND | {"penerima", "kali"}  # before a money word: no money asked
TOTAL_WORDS = {"the", "total", "jumlah", "besaran", "overall", "amount"}  # before the noun asked
_COUNTING = frozenset({"banyak", "jumlah", "total"})  # "berapa banyak <noun>": a count follows
_PERCENT = {"persen", "persentase", "%", "percent", "percentage", "proporsi", "coverage", "cakupan"}
_COVERAGE = {"coverage", "cakupan"}  # a percentage unless the question counts a noun


@dataclass(frozen=True)
class Question:
    """A validated question: its expanded words, content terms and kind."""

    raw: str
    text: str  # the question as typed, cleaned of control characters
    words: tuple[str, ...]  # glossary-expanded lowercase words
    terms: tuple[str, ...]  # stemmed content terms
    kind: str
    unit: str | None  # berapa questions: "persen", "uang" (money), "lama" (time) or "jumlah"
    wants_latest: bool
    years: tuple[int, ...]
    months: tuple[int, ...] = ()  # months named in the question (1-12)
    head: tuple[str, ...] = ()  # stemmed terms of what is asked about ("siapa <head> yang ...")
    acronym: str | None = None  # for "singkatan" questions: the acronym asked about
    places: tuple[Place, ...] = ()  # places and organisations named (gazetteer)
    people: tuple[str, ...] = ()  # people named ("ahli waris Budi Wirasaputra")
    unknown_common: tuple[str, ...] = ()  # terms the corpus never uses, but common words
    unknown_rare: tuple[str, ...] = ()  # terms the corpus never uses, rare: names, jargon
    context_terms: tuple[str, ...] = ()  # terms of the message around the question
    # terms of a clause setting the scene before what is asked ("Waktu audiensi dgn <pejabat>,
    # ... berapa pekerja ...?"): they find the article, the answer need not say them again
    setting: tuple[str, ...] = ()
    not_names: frozenset[str] = frozenset()  # words that are never part of a person's name
    # words opening a clause of time ("waktu", "ketika": knowledge/chat.txt's [setting])
    scene_words: frozenset[str] = frozenset()
    agency: frozenset[str] = frozenset()  # the agency's own name, stemmed (chat.txt's [agency])
    kind_nouns: frozenset[str] = frozenset()  # nouns of kind, stemmed (chat.txt's [kind-noun])
    # Shares of the question's content words, weighed by how specific each is in general
    # language (`bot.answer.vocabulary.rarity`), that the articles never use: common words,
    # rare ones.
    common_share: float = 0.0
    rare_share: float = 0.0
    asked_unknown: float = 0.0  # 1 when the head of what it asks about ("<alamat> ...") is unknown
    # places the gazetteer does not know, named after a place word ("cabang <nama>")
    local_names: tuple[str, ...] = ()
    # "sejak kapan / sampai kapan": the words one of which the answer must write (stems)
    time_cues: frozenset[str] = frozenset()
    # each counter after "berapa" or a number, with the term of the noun it counts ("" when it
    # counts none named after it: `counted_after`)
    counters: tuple[tuple[str, str], ...] = ()
    # short names written in capitals that the articles use ("menurut ABC", "survei ABC") and
    # no lexicon reads: organisations, which the answering article must name
    short_names: tuple[str, ...] = ()
    # one time of a comparison ("maret 1,1 jt, agustus brp?"): a figure the question states
    # is that time's figure to confirm, not one to look past
    compared: bool = False
    # "kapan ... dilantik?": the stems of the verbs whose time is asked, one of which the
    # answer, the sentence before it or its title must write ("pelantikan": "lantik")
    events: frozenset[str] = frozenset()
    # "dulu 2020 ..., kalo kini berapo?": now, asked after that year (0: no such year)
    after_year: int = 0


# How much an English word the English lexicon does not read weighs among the words the
# sources never use (`vocabulary.is_english`): as often a verb ("kicked off", "partnering")
# as a topic the sources do not cover ("trees").
ENGLISH_SHARE = 0.5
FUNCTION_ZIPF = 6.0  # English words this frequent are function words ("not", "will")
# A word written doubled with "2" ("brp2", "org2"): the word once (not "Rp2,5", "ke2").
_DOUBLED_RE = re.compile(r"(?<=[^\W\d_]{3})2\b(?![.,]\d)")


def _ordinal_word(m: re.Match[str]) -> str:
    """ "ketiga" for "ke-3"; the match as it is past the ordinals the articles write."""
    n = int(m[1])
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else m[0]


# "fokus ke-3": an ordinal written with a hyphen and a digit (not "ke 3 kabupaten", to three)
_ORDINAL_RE = re.compile(r"\bke-(\d{1,2})\b(?![.,]\d)", re.IGNORECASE)
# A word written in capitals, standing alone: "ABC", not "AB3" nor "Abc"; not a roman numeral
# ("semester II": `year_parts` reads those).
_CAPITALS_RE = re.compile(r"(?<!\w)(?![IVXL]+(?!\w))[A-Z]{2,6}(?!\w)")
_CAPITALIZED_RE = re.compile(r"(?<![\w-])[A-Z][a-z]{3,}(?![\w-])")
_OPENS_RE = re.compile(r"(?:^|[.?!:\n\"“])\s*$")  # text before a sentence's first word
# Words this frequent in Indonesian are words, written in capitals for emphasis ("CARA DAFTAR"),
# not organisations' short names.
EMPHASIS_ZIPF = 5.0
# A lowercase word this rare in Indonesian that the articles use is taken for a name ("kapan
# <nama> dilantik?"); terms of the trade ("audiensi", "relaksasi") are commoner.
LOWERCASE_NAME_ZIPF = 2.5
# Words that only say "compare" (they steer the reading, not the retrieval; never unknown).
COMPARISON_CUES = {
    "beda",
    "berbeda",
    "perbedaan",
    "bedanya",
    "lebih",
    "mana",
    "dibanding",
    "dibandingkan",
    "versus",
    "vs",
    "atau",
    "compare",
    "compared",
    "difference",
    "higher",
    "lower",
    "naik",
    "turun",
    "meningkat",
    "ganti",
    "berubah",
    "masing",
    "banding",
    "bandingkan",
    "membandingkan",
    "perbandingan",
    "tinggi",
    "rendah",
    "besar",
    "kecil",
    "gedean",
    "jauh",  # "bedanya jauh ga", "msh jauh ga?"
    "selisih",
    "selisihnya",
    "same",
    "different",
}
# The comparison cues that ask how a figure changed ("..., trus 2024 naik gk?"; English
# "rise" and "fall" are read as "naik" and "turun").
CHANGE_WORDS = frozenset({"naik", "turun", "meningkat"})


def without_unasked_money(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the money words that ask no amount: those naming a kind of worker
    ("peserta bukan penerima upah", "non-wage") or a multiple of a wage ("48 kali upah")."""
    return tuple(
        w for i, w in enumerate(words) if not (i and w in _MONEY and words[i - 1] in _OF_A_KIND)
    )


def _valued(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with a total or a value of benefits read as money ("total manfaat JKP":
    "nilai"; not "berapa manfaat", which may count them)."""
    return tuple(
        "nilai" if w in _PAID_OUT and i and words[i - 1] in _OF_VALUE else w
        for i, w in enumerate(words)
    )


_PAID_OUT = frozenset({"manfaat", "manfaatnya"})
_OF_VALUE = frozenset({"total", "nilai", "besaran", "besar"})


def asks_money(words: tuple[str, ...]) -> bool:
    """ "Berapa nilai klaim ...", "anggarannya berapa": a money word next to the question
    word (not anywhere: "berapa pekerja yang menerima dana ..." counts people), or opening
    what a question ending in it asks about ("Total uang JKP yang dibayar ... berapa?"), or
    among the first words of one without "berapa" ("What's the total budget ...?")."""
    # English function words left in a read question do not part the two ("how much did
    # the regency budget")
    words = tuple(w for w in words if w not in ENGLISH_FUNCTION)
    words = _valued(without_unasked_money(words))
    at = [i for i, w in enumerate(words) if w == "berapa"]
    # "nanggung iuran brp pekerja", "dana desa dari berapa desa": a "berapa" before people
    # or places counts them, whatever is near
    # (words saying what kind of figure it is stand between: "berapa perkiraan total manfaat")
    spaced = tuple(w for w in words if w not in TOTAL_WORDS and w not in _FIGURE_KINDS)
    money_at = [
        i
        for i, w in enumerate(spaced)
        if w == "berapa" and not (i + 1 < len(spaced) and _counts_units(spaced[i + 1]))
    ]
    near = {w.removesuffix("nya") for i in money_at for w in spaced[max(0, i - 2) : i + 3]}
    content = [w.removesuffix("nya") for w in words if w == "berapa" or w not in STOPWORDS]
    if not at:  # "what's the total budget ...": the noun asked about, first
        asked = [w for w in content if w not in TOTAL_WORDS][:1]
        return bool(set(asked) & _MONEY)
    # "... berapa ya?", "... brp sih kata survei X": nothing "berapa" counts follows it (not
    # "berapa banyak pekerja ...")
    ends_asking = bool(content) and (
        content[-1] == "berapa"
        or all(w in STOPWORDS and w not in _COUNTING for i in at for w in words[i + 1 : i + 2])
    )
    # "iuran ... brp per org?", "iuran ... brp sebulan per org?"
    rate = any(set(words[i + 1 : i + 2]) & _RATE_WORDS for i in at)
    if any(set(words[i + 1 : i + 2]) & _MONEY_SCALES for i in at):
        return True  # "udh brp M?": billions are of rupiah
    return bool(near & _MONEY) or ((ends_asking or rate) and bool(set(content[:2]) & _MONEY))


# Scales after "berapa" that only money reaches ("brp M?", "berapa miliar")
_MONEY_SCALES = frozenset({"m", "miliar", "milyar", "triliun"})
# Words after "berapa" asking an amount by a unit of people or time ("brp sebulan per org").
_RATE_WORDS = frozenset({"per", "sebulan", "setahun", "seminggu", "sehari", "tiap", "setiap"})


# Nouns after "berapa" that ask for a value, not for a count of themselves.
VALUE_NOUNS = {
    *("tingkat", "angka", "nilai", "besar", "capaian", "rasio", "realisasi", "share"),
    *("banyak", "lama", "jauh", "rata", "porsi", "bagian"),
    *("kenaikan", "peningkatan", "pertumbuhan", "penurunan"),
}


# Words that set two things side by side (not "mana", "atau", "naik": those also ask which
# one, or what was done).
COMPARING = {
    *("banding", "bandingkan", "dibanding", "dibandingkan", "membandingkan", "perbandingan"),
    *("beda", "berbeda", "perbedaan", "bedanya", "vs", "versus", "compare", "compared"),
}


def _compares_figures(words: tuple[str, ...]) -> bool:
    """A figure set side by side without a question word: "Bandingkan cakupan ... 2026 dengan
    ... 2027", "coverage 2020 sm 2024 naik ga" (two years)."""
    two_years = sum(map(is_year, words)) >= 2
    return bool(FIGURE_NOUNS & set(words)) and (bool(COMPARING & set(words)) or two_years)


def _counts_a_noun(words: tuple[str, ...]) -> bool:
    """ "Berapa kabupaten dan kota yang mau dicakup?": the noun right after "berapa" is what is
    counted, though "cakupan" or "coverage" follows ("how many regencies ... cover")."""
    at = words.index("berapa") if "berapa" in words else -1
    after = words[at + 1] if 0 <= at < len(words) - 1 else ""
    noun = after.isalpha() and after not in STOPWORDS and after not in _PERCENT
    return noun and after not in FIGURE_NOUNS and after not in VALUE_NOUNS


def has_phrase(words: Sequence[str], phrase: str) -> bool:
    """The words hold the phrase ("saat ini") word for word."""
    held, target = tuple(words), tuple(phrase.split())
    n = len(target)
    return any(held[i : i + n] == target for i in range(len(held) - n + 1))


# Words that join two places, programs or groups ("tidak termasuk A dan B", "A atau B").
JOINERS = frozenset({"dan", "atau", "serta", "maupun"})


def asks_yes_or_no(q: Question) -> bool:
    """A yes/no question ("Apakah target 50 persen itu untuk 2024?"), whatever else it asks:
    what it names is a premise to check, not a constraint the answer must meet."""
    return q.kind == "ya_tidak" or bool(q.words and q.words[0] in _YES_NO)


_TIME_UNITS = frozenset({"tahun", "tanggal", "bulan"})  # not "hari": "buka hari apa" asks days
_PER = frozenset({"per", "setiap", "tiap"})
_END_TAGS = frozenset({"ya", "yah", "sih", "dong", "kah", "nih", "tuh", "ini", "itu"})


def asked_time_unit(words: Sequence[str]) -> str | None:
    """The unit of time a question asks which one of ("tahun berapa ...", "... data sampai
    bulan apa?", "... 36% itu per bulan apa?", "tanggal berapa"): it asks when, and the
    unit is part of the question word, not something the answer must name. None when it
    asks no such thing: an amount per time ("iuran per bulan berapa", "kerja 5 tahun apa
    bisa ..."), "bulan apa aja ..."."""
    for i, (unit, asked) in enumerate(zip(words, words[1:], strict=False)):
        if unit not in _TIME_UNITS or asked not in ("berapa", "apa"):
            continue
        before = words[i - 1] if i else ""
        count = number_of(before)
        rate = asked == "berapa" or bool(_MONEY & set(words))  # "iuran Rp16.800 per bulan apa?"
        if (before in _PER and rate) or (count is not None and count < 1000):
            continue
        if asked == "apa" and set(words[i + 2 :]) - _END_TAGS - {"yang"}:  # framing words
            continue  # "apa" opens a clause of its own
        return unit
    return None


_TO_WHOM = frozenset({"kepada", "untuk", "bagi", "buat", "to", "for"})


def asks_recipient(q: Question) -> bool:
    """ "Layanan diberikan kepada siapa?", "for whom ...", "who is it for?": who something is
    for, a group of people as well as a person or an institution."""
    asks_who = bool({"siapa", "who", "whom"} & set(q.words))
    return any(
        a in _TO_WHOM and b in ("siapa", "who", "whom")
        for a, b in zip(q.words, q.words[1:], strict=False)
    ) or (asks_who and bool(q.words) and q.words[-1] in _TO_WHOM)


# Words before "siapa" asking whom something comes from or is done with ("kesadaran dari
# siapa?", "kerja sama dengan siapa?"), and the words an answer names that party after.
_FROM_WHOM = frozenset({"dari", "from"})
_WITH_WHOM = frozenset({"dengan", "sama", "bersama", "bareng", "with"})
_PARTY_WORDS = {
    "recipient": ("kepada", "untuk", "bagi"),
    "source": ("dari",),
    "partner": ("dengan", "bersama", "sama"),
}
PARTY_WORDS = frozenset(w for party in _PARTY_WORDS.values() for w in party)


def party_asked(q: Question) -> tuple[str, ...]:
    """The words after which an answer names the party a question asks for with a
    preposition ("kepada siapa", "dari siapa", "dengan siapa"): a group of people as well as
    a person or an institution; () for any other question."""
    if asks_recipient(q):
        return _PARTY_WORDS["recipient"]
    before = {a for a, b in zip(q.words, q.words[1:], strict=False) if b in ("siapa", "who")}
    if before & _FROM_WHOM:
        return _PARTY_WORDS["source"]
    if before & _WITH_WHOM:
        return _PARTY_WORDS["partner"]
    return ()


# Units of time after "berapa" ask a length ("berapa bulan", "how many months"); before it,
# a point in time ("bulan berapa").
_LENGTH_UNITS = ("hari", "minggu", "bulan", "tahun", "jam")
# Nouns of a venue: "di <noun> <name> mana" asks where ("di ruang rapat mana").
_VENUE_NOUNS = frozenset({"ruang", "gedung", "aula", "hotel", "kantor", "balai"})
# Words before "mana" that make it ask where, whither or whence ("di / ke / dari mana").
WHERE_WORDS = frozenset({"di", "dari", "ke"})
# Nouns of a kind of place: "di <noun> mana" asks where ("di kota mana", "dari daerah mana").
_PLACE_NOUNS = frozenset(
    {"kota", "kabupaten", "daerah", "wilayah", "provinsi", "kecamatan", "desa", "kelurahan"}
)
# A message ending in "... or not" asks yes or no ("udah ada blm?", "sama ga?").
_OR_NOT = frozenset({"belum", "tidak", "nggak", "enggak", "gak", "ga", "ndak", "dak", "idak"})
# Words pointing at a place the message named before the question ("di sana", "di situ").
POINTING_WORDS = frozenset({"sana", "situ", "sini"})
LOCATION_KINDS = frozenset({"province", "kabupaten", "kota", "region", "country"})
_PURPOSE_WORDS = frozenset({"agar", "supaya", "biar", "sehingga"})
_PURPOSE_REACH = 4  # words from a purpose word to the "banyak" its clause says


def _unframed(words: list[str], frame: Phrases, names: Phrases) -> None:
    """The (lowercase) words that only frame a question made "yang", a function word, in
    place; not the "apa" of "bulan apa ya?" (which asks when), nor a word of a name of several
    words among `names` ("Bener <Nama>", a kabupaten: not "bener", true)."""
    named = {i for s, e in names.find(words) if e - s > 1 for i in range(s, e)}
    for start, end in frame.find(words):
        if start and words[start - 1] in _TIME_UNITS and words[start] == "apa":
            start += 1
        if named & set(range(start, end)):
            continue
        words[start:end] = ["yang"] * (end - start)


def _asks_length(words: tuple[str, ...]) -> bool:
    """ "berapa bulan / tahun ...": a length of time, not a point in it ("berapa tahun 2024",
    "berapa bulan ini") nor an age ("umur berapa tahun")."""
    for i, w in enumerate(words[:-1]):
        if w != "berapa" or words[i + 1] not in _LENGTH_UNITS:
            continue
        after = words[i + 2 : i + 3]
        if after and (after[0][:1].isdigit() or after[0] in _POINT_WORDS):
            continue
        if not AGE_WORDS & set(words[max(0, i - 2) : i]):
            return True
    return False


def _asks_a_term(words: tuple[str, ...]) -> bool:
    """ "berapa tuntutan jaksa", "vonisnya berapa": a sentence a court gave or was asked for,
    a length of time (with any fine beside it); not "berapa tuntutan kenaikan upah" (demands)."""
    court = bool(_COURT_WORDS & set(words))
    return any(
        w == "berapa"
        and (_SENTENCE_NOUNS | ({"tuntutan"} if court else set()))
        & {n.removesuffix("nya") for n in words[max(0, i - 1) : i + 2]}
        for i, w in enumerate(words)
    )


_SENTENCE_NOUNS = frozenset({"vonis", "hukuman"})
_COURT_WORDS = frozenset({"jaksa", "hakim", "terdakwa", "pengadilan", "penjara", "kejaksaan"})
_POINT_WORDS = frozenset({"ini", "itu", "lalu", "depan", "kemarin", "terakhir", "sekali"})
AGE_WORDS = frozenset({"umur", "usia", "umurnya", "usianya"})


def _place_before(words: tuple[str, ...]) -> bool:
    """The words before a "mana" name a kind of place or a venue right after "di / dari /
    ke", alone or with one word after it: "di kota mana", "di ruang rapat mana"."""
    return _after_preposition(words) in _PLACE_NOUNS | _VENUE_NOUNS


def _after_preposition(words: tuple[str, ...]) -> str | None:
    """The word after "di / dari / ke" when the words end with it and at most one more
    ("di ruang rapat"); None when they do not."""
    for n in (2, 3):
        if len(words) >= n and words[-n] in WHERE_WORDS:
            return words[-n + 1]
    return None


def _relative_who(text: str) -> bool:
    """ "How much did the heirs of each worker who died ... receive?": every "who" follows a
    noun, after "how much / how many": it tells which worker, it asks no one."""
    asked = _HOW_MANY_RE.search(text)
    whos = list(_WHO_RE.finditer(text))
    if asked is None or not whos:
        return False
    return all(
        m.start() > asked.end()
        and (before := _WORD_BEFORE_RE.search(text, 0, m.start())) is not None
        and before.group(1).lower() not in STOPWORDS  # "..., who" or "and who" asks
        for m in whos
    )


_HOW_MANY_RE = re.compile(r"(?i)\bhow\s+(?:much|many)\b")
_WHO_RE = re.compile(r"(?i)\bwho\b")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+) +$")


def question_kind(words: tuple[str, ...]) -> str:
    """The kind of question, from its (expanded) words."""
    first = words[0] if words else ""
    if ("kapan" in words and not _when_clause(words)) or asked_time_unit(words) is not None:
        return "kapan"
    if (
        any(
            has_phrase(words, p)
            for p in (
                "apa saja",
                "siapa saja",
                "ada apa",
                "sebutkan",
                "what are",
                "which are",
                "list",
            )
        )
        or _asks_numbered_list(words)
        or _which_ones(words)
    ):
        return "apa_saja"
    if "siapa" in words or "who" in words:
        return "siapa"
    # "kalangan apa supaya banyak orang daftar?", "... biar pesertanya makin banyak": "banyak"
    # in a clause of purpose says why; "alasan paling banyak apa": a superlative picks one
    purpose = {i for i, w in enumerate(words) if w in _PURPOSE_WORDS}
    at = [i for i, w in enumerate(words) if w == "banyak"]
    why = all(purpose & set(range(i - _PURPOSE_REACH, i)) for i in at)
    superlative = all(i > 0 and words[i - 1] == "paling" for i in at)
    many = bool(at) and not ("apa" in words and (why or superlative))
    asks_why = any(w in words for w in ("kenapa", "mengapa", "why"))
    if asks_why and not ("berapa" in words or has_phrase(words, "how many")):
        return "kenapa"  # "kenapa ... naik sampai 63 persen?", "kenapa jumlahnya turun?"
    counting = ("berapa", "jumlah", "persentase", "persen")
    if any(w in words for w in counting) or many or has_phrase(words, "how many"):
        return "berapa"
    if any(has_phrase(words, p) for p in ("di mana", "dimana", "where", "lokasi", "tempat")):
        return "di_mana"
    if _moved_to_where(words):
        return "di_mana"
    if any(w == "mana" and _place_before(words[:i]) for i, w in enumerate(words)):
        return "di_mana"  # "diumumkan di kota mana" (not "kabupaten mana yang ...": which one)
    reason = first not in _YES_NO and any(w in words for w in ("alasan", "alasannya", "sebabnya"))
    if reason:  # not "... tanpa alasan?"
        return "kenapa"
    if any(w in words for w in ("bagaimana", "gimana", "cara", "how")):
        return "bagaimana"
    if any(w in ADDRESS_WORDS for w in words):  # "what's the address of ...", "alamatnya apa"
        return "di_mana"
    if any(
        has_phrase(words, p)
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
    or_not = len(words) > 2 and words[-1] in _OR_NOT and words[-2] != "yang"
    if first in _YES_NO or (or_not and not {"apa", "mana"} & set(words)):
        return "ya_tidak"  # "... udah ada blm?", "orgnya sama ga?" (not "program apa yg blm?")
    # "Apa nama program yang diluncurkan ...?", "program baru apa namanya?" ask the one name,
    # not a list ("apa nama-nama program ...?" asks several)
    named = any(w.removesuffix("nya") == "nama" for w in words)
    listed = any(w in words for w in _LISTED) and not named
    if has_phrase(words, "apa") and listed and not _asks_cause(words):
        return "apa_saja"
    return "umum"


# Verbs of going somewhere: "ke mana" after one asks a place ("pindah sementara ke mana?"),
# not after one of using ("dana itu dipakai ke mana saja?": what for)
_MOVING = frozenset(
    {"pindah", "dipindah", "dipindahkan", "dimutasi", "mutasi", "pergi", "datang", "lapor",
     "melapor", "daftar", "mendaftar", "dirujuk", "dibawa", "diantar", "dikirim", "hadir"}
)  # fmt: skip


def _moved_to_where(words: tuple[str, ...]) -> bool:
    """ "... pindah ke mana?", "daftarnya kemana?": a verb of going before "ke mana"."""
    for i, w in enumerate(words):
        at = i - 1 if w == "mana" and i and words[i - 1] == "ke" else i if w == "kemana" else -1
        if at > 0 and {v.removesuffix("nya") for v in words[max(0, at - 3) : at]} & _MOVING:
            return True
    return False


def _when_clause(words: tuple[str, ...]) -> bool:
    """ "berapa / siapa ... kapan ...", "kapan" not joined on ("what % ... were covered when
    the head met the governor?"): a clause saying when, inside a question asking something
    else."""
    at = words.index("kapan")
    before = set(words[max(0, at - 2) : at])
    clause = len(words) - at > 2  # "... kapan <subject> <verb> ...", not "..., dilantik kapan?"
    return words[0] in _QUESTION_WORDS and at > 1 and clause and not before & _JOINED_ON


# Words before a "kapan" that ask it on its own ("... dan kapan", "trus kapan", "sejak kapan").
_JOINED_ON = JOINERS | {"and", "trus", "terus", "lalu", "sejak", "mulai", "sampai", "hingga"}


_LISTED = ("program", "fokus", "hal")  # nouns whose "which" asks for a list
# Words between "apa" and the count of a list it asks for ("what is the 4 focus areas")
_BEFORE_COUNT = frozenset({"itu", "the", "saja", "aja", "sih", "ya"})
# The largest count a list names: a larger number is a year or an amount ("the 2025 target")
_LISTED_AT_MOST = 20
# Nouns of a measure, not of things listed ("apa 5 tahun lagi ...", "apa 2 pekan lagi ...")
_MEASURE_WORDS = SCALE_WORDS | {
    *_LENGTH_UNITS, "pekan", "menit", "triwulan", "semester", "kuartal", "kali", "orang", "jiwa",
}  # fmt: skip
# Words before "apa" that ask why or what for ("untuk apa 2 kantor baru itu dibangun?")
_BEFORE_WHAT_FOR = frozenset({"untuk", "karena", "buat", "dengan", "oleh", "sama", "pakai"})
# Words after a counted noun that make it the subject of a yes-or-no question ("apa 3
# perusahaan itu sudah bayar iuran?")
_SUBJECT_ENDS = frozenset({"itu", "ini", "tersebut", "tsb", "tadi"})


def _asks_numbered_list(words: Sequence[str]) -> bool:
    """ "apa 4 fokus ...", "what is the 4 focus areas ...": "apa" before a small count of
    things asks for the things; not a count of a measure ("apa 5 tahun lagi ..."), "apa"
    asking why ("untuk apa 2 kantor ..."), "satu-satunya", or a count that is the subject of
    a yes-or-no question ("apa 3 perusahaan itu sudah ...?")."""
    for i, w in enumerate(words):
        if w != "apa" or (i and words[i - 1] in _BEFORE_WHAT_FOR):
            continue
        j = i + 1
        while j < len(words) and words[j] in _BEFORE_COUNT:
            j += 1
        count = number_of(words[j]) if j + 1 < len(words) else None
        if count is None or count > _LISTED_AT_MOST:
            continue
        noun, after = words[j + 1], words[j + 2 : j + 4]
        subject = len(after) > 1 and after[0] in _SUBJECT_ENDS
        measure = noun.removesuffix("nya") in _MEASURE_WORDS or noun == "satunya"
        return noun.isalpha() and noun not in STOPWORDS and not measure and not subject
    return False


_CAUSING = frozenset({"memicu", "menyebabkan", "mendorong", "melatarbelakangi", "mengawali"})


def _asks_cause(words: tuple[str, ...]) -> bool:
    """ "apa yang memicu program ini?": what caused the program, not which programs."""
    at = words.index("apa")
    after = words[at + 1 : at + 3]
    return len(after) == 2 and after[0] == "yang" and after[1] in _CAUSING


def _how_much_money(text: str, words: tuple[str, ...]) -> bool:
    """ "How much JKM compensation did <Nama> receive?": "how much" counts nothing; it asks
    an amount when the question names money (not "how much did the number of non-wage
    workers grow", a count, nor money words naming a kind of worker)."""
    if not _HOW_MUCH_RE.search(text) or "jumlah" in words:
        return False
    return bool(_MONEY & set(without_unasked_money(words)))


_HOW_MUCH_RE = re.compile(r"(?i)\bhow\s+much\b")


# Verbs of receiving, active: who receives is named before them ("ahli warisnya dapat
# berapa?"; the passive names what is received: "peserta yang diterima berapa?" counts them)
_RECEIVING = frozenset({"dapat", "mendapat", "mendapatkan", "menerima", "terima", "memperoleh"})


def _receives_how_much(words: tuple[str, ...]) -> bool:
    """ "ahli warisnya dapat berapa?": a verb of receiving right before a closing "berapa",
    nothing counted after it, asks an amount."""
    at = [i for i, w in enumerate(words) if w == "berapa"]
    if not at or any(w not in STOPWORDS for w in words[at[-1] + 1 :]):
        return False
    return at[-1] > 0 and words[at[-1] - 1] in _RECEIVING


_WHAT_THE_RE = re.compile(r"(?i)\bwhat(?:'s|s|\s+is|\s+was)\s+the\b")
# "What / which <...> figure, level, rate, percentage ...": the question asks a value.
_WHAT_VALUE_RE = re.compile(
    r"(?i)\b(?:what|which)(?:'s)?(?:\s+(?!(?:is|was|are|were|do|does|did|happens?|if|of)\b)"
    r"[a-z-]+){0,3}?\s+(?:figure|number|level|rate|percentage|amount|total)s?\b"
    r"(?!\s+(?:of\s+government|should|can|do|does)\b)"
)
FIGURE_NOUNS = {"target", "jumlah", "total", "persentase", "coverage", "cakupan", "anggaran"}
# Asking to have something checked: "bener gak", "betul nggak", "benarkah", "is it true".
_CHECK_RE = re.compile(
    r"(?i)\b(?:bener|benar|betul|bnr)\s*"
    r"(?:gak|ga|gk|nggak|ngga|enggak|engga|tidak|tdk|kah|dak|idak)\b"
    r"|\bis\s+it\s+(?:true|right|correct)\b"
)
# A question opening by asking whether something is so ("apa benar ...", "apakah betul ...").
_IS_IT_SO_RE = re.compile(r"(?i)\bapa(?:kah)?\s+(?:bener|benar|betul|bnr)(?:2|\b)")
_THOUSANDS = {w: p for w, p in POWERS.items() if p <= 6}  # as a question writes a count


def _expanded_around(
    words: list[str], kept: set[int], expand: Callable[[list[str]], list[str]]
) -> list[str]:
    """`words` expanded stretch by stretch between the positions `kept` as they are."""
    out: list[str] = []
    stretch: list[str] = []
    for at, w in enumerate(words):
        if at in kept:
            out += expand(stretch) + [w]
            stretch = []
        else:
            stretch.append(w)
    return out + expand(stretch)


def _spaced_ordinals(words: list[str]) -> list[str]:
    """ "fokus yg ke 3 apa": "ke" and a digit before the end or a function word read as the
    ordinal ("ketiga"), like "ke-3", or before another ("ke 3 sm ke 4"); not before a noun
    ("ke 3 kabupaten", to three) nor after a figure ("dari 3 ke 5 pada 2024", from one
    figure to another)."""
    out = list(words)
    for i in range(len(words) - 2, -1, -1):
        if words[i] != "ke" or not _SMALL_NUMBER_RE.fullmatch(words[i + 1]):
            continue
        place = int(words[i + 1])
        after = words[i + 2] if i + 2 < len(words) else ""
        joined = words[i + 3 : i + 4] == ["ke"]
        from_figure = i > 0 and words[i - 1][:1].isdigit()
        if (
            place <= len(ORDINALS)
            and not from_figure
            and (not after or after in STOPWORDS or joined)
        ):
            out[i : i + 2] = [ORDINALS[place - 1]]
    return out


_SMALL_NUMBER_RE = re.compile(r"[1-9][0-9]?")  # ASCII digits: a place in a list


def _with_digits(words: list[str], known: Callable[[str], bool]) -> list[str]:
    """Words with each "690 ribu" / "1,1 juta" written in digits ("690.000", "1.100.000")
    when an article writes it so."""
    out: list[str] = []
    for i, w in enumerate(words):
        out.append(w)
        power = _THOUSANDS.get(w)
        number = words[i - 1] if i else ""
        if power and re.fullmatch(r"\d{1,3}(?:,\d{1,2})?", number):
            whole, _, part = number.partition(",")
            value = int(whole) * 10**power + (int(part) * 10 ** (power - len(part)) if part else 0)
            digits = f"{value:,}".replace(",", ".")
            if known(digits):
                out[-2:] = [digits]
    return out


# Words opening a clause that describes what is asked about ("... yang menewaskan ...",
# "setelah mengikuti ..."): its verbs are no event asked
_DESCRIBING = frozenset({"yang", "setelah", "sesudah", "sebelum", "saat", "ketika", "waktu"})
# Verbs of holding an event or light ones ("mengadakan", "menjadi", "dilakukan"), as stems
_LIGHT_STEMS = frozenset(
    {"ada", "gelar", "laksana", "selenggara", "helat", "jadi", "laku", "dapat"}
)


class QuestionReader:
    """Turns question text into standard Indonesian words and a `Question`.

    Words pass, in order: the dialect and English lexicons; the dialect sound rules (only
    when they give a real word, and not for a word the glossary reads); the glossary;
    colloquial verb forms and spelling correction against the corpus (`correct`).
    `known(term)` says whether the corpus uses a stemmed term.
    """

    def __init__(
        self,
        glossary: Glossary,
        lexicons: Lexicons | None = None,
        known: Callable[[str], bool] | None = None,
        correct: Callable[[str], str | None] | None = None,
    ) -> None:
        self.glossary = glossary
        self.lexicons = lexicons or Lexicons()
        self.known = known or (lambda term: False)
        self.correct = correct
        # English words are read together with the glossary's phrases, so that a phrase
        # ("social security") is not broken by the English of one of its words.
        phrases = {term: words for term, words in glossary.entries.items() if len(term) > 1}
        self.english = Glossary({**phrases, **self.lexicons.english.entries})
        # Words of place names keep their spelling: a kabupaten in -o is no dialect -a word.
        self.place_words = self.lexicons.gazetteer.words
        self.agency_words = frozenset(w for p in self.lexicons.markers("agency").items for w in p)
        self.agency_stems = frozenset(stem(w) for w in self.agency_words)
        self.towns = self.lexicons.gazetteer.towns
        self.dialect_words = frozenset(t[0] for t in self.lexicons.dialect.entries if len(t) == 1)
        self.not_names = self.place_words | frozenset(
            w
            for lexicon in (glossary, self.lexicons.dialect)
            for term in lexicon.entries
            for w in term
        )
        # a question word is no part of a name either ("Kapan <Nama> ...": "kapan" is also a
        # rare English word, so the common-opener rule of people_named does not drop it)
        self.name_breakers = self.not_names | ASKING_WORDS

    def standard(self, text: str) -> list[str]:
        """Lowercase words with dialect and English words made standard Indonesian; words
        that only frame a question ("bilang", "tadi baca", "persisnya") become "yang", a
        function word."""
        text = _DOUBLED_RE.sub("", text.replace("%", " persen "))  # "what % of", "brp %"
        text = _ORDINAL_RE.sub(_ordinal_word, text)  # "ke-3": "ketiga"
        surface = words_of(text)
        frame = self.lexicons.markers("frame")
        _unframed(surface, frame, self.lexicons.gazetteer.phrases)
        out = []
        english: list[str] = []
        kept: set[int] = set()  # where an acronym the articles write is: as written
        acronyms = self._acronyms(text)
        for segment, verbatim in name_runs(text, surface, self._of_articles, acronyms):
            if verbatim:
                if segment[0] in acronyms and len(segment) == 1:
                    kept.add(len(english))
                english += segment
            else:
                dialect = self._which_role(self.lexicons.dialect.expand(segment))
                english += self.english.expand(self._english_bases(dialect))
        for at, w in enumerate(without_clitic(w, self.towns) for w in english):
            if w in STOPWORDS or w in self.place_words or at in kept:
                out.append(w)
                continue
            if self.known(stem(w)):  # a dialect form an article quotes reads as the common word
                out.append(common_form(w) or w)
                continue
            # "pacaknyo": a dialect word with a clitic, read as the word ("pacak": "bisa")
            bare = without_clitic(w, self.dialect_words)
            if bare != w:
                out.append(bare)
                continue
            if (w,) in self.glossary.entries:  # "nambah": the glossary's reading, not a rule's
                out.append(w)
                continue
            out.append(standard_form(w, lambda c: c in STOPWORDS or self.known(stem(c))) or w)
        out = _expanded_around(out, kept, self.lexicons.dialect.expand)
        _unframed(out, frame, self.lexicons.gazetteer.phrases)  # "sebenernyo": "sebenernya"
        if "siapa" in out:  # "... siapa? jabatannya apa": the person's sentence names it
            for start, end in self.lexicons.markers("role-asked").find(out):
                out[start:end] = ["yang"] * (end - start)
        return _with_digits(_spaced_ordinals(out), self.known)

    def _acronyms(self, text: str) -> frozenset[str]:
        """Words a message not all in capitals writes in capitals (2 to 6 letters, not a
        Roman numeral) that the articles use and the English lexicon does not read ("CEO"):
        acronyms the articles write, kept as written ("SMP" is a school, "smp" chat for
        "sampai")."""
        if text.upper() == text:
            return frozenset()  # shouted
        return frozenset(
            low
            for w in _CAPITALS_RE.findall(text)
            if (low := w.lower()) not in STOPWORDS
            and (low,) not in self.english.entries
            and self._of_articles(low)
        )

    def _which_role(self, words: list[str]) -> list[str]:
        """ "which (acting) governor launched ...": "which" before the English lexicon's
        reading of a role asks who holds it, "who <role> yang launched ..." (the role is the
        office asked, the rest says which one); not before a phrase that only starts with a
        role's word ("which governor regulation", "which head office")."""
        out: list[str] = []
        skip = 0
        for i, w in enumerate(words):
            if skip:
                skip -= 1
                continue
            if w != "which" or (out and out[-1] in _PREPOSITIONS):  # "to which governor"
                out.append(w)
                continue
            phrase = next(
                (
                    words[i + 1 : i + 1 + n]
                    for n in range(self.english.max_len, 0, -1)
                    if tuple(words[i + 1 : i + 1 + n]) in self.english.entries
                ),
                [],
            )
            read = self.english.entries.get(tuple(phrase), ())
            after = words[i + 1 + len(phrase)] if i + 1 + len(phrase) < len(words) else ""
            if (
                read[:1]
                and read[0] in ROLE_WORDS - GENERIC_ROLES
                and not after.endswith(_NOUN_ENDINGS)  # "which governor regulation ..."
            ):
                out += ["who", *phrase, "yang"]
                skip = len(phrase)
            else:
                out.append(w)
        return out

    def _english_bases(self, words: list[str]) -> list[str]:
        """English words the lexicon and the articles do not know, in their most likely base
        form when the lexicon has that as a word of its own ("partnering" -> "partner",
        "disabilities" -> "disability"; "cares" -> "care", not "car")."""
        # a phrase of the lexicon keeps its words' forms ("nursing" of "nursing mothers")
        in_phrase = {
            i + k
            for i in range(len(words))
            for n in range(2, self.english.max_len + 1)
            if tuple(words[i : i + n]) in self.english.entries
            for k in range(n)
        }
        out = []
        for i, w in enumerate(words):
            if (
                (w,) not in self.english.entries
                and i not in in_phrase
                and not self.known(stem(w))
                and english_like(w)
            ):
                base = max(english_bases(w), key=zipf_en, default=w)
                # not a function word ("noting" -> "not", "willing" -> "will")
                if (base,) in self.english.entries and zipf_en(base) < FUNCTION_ZIPF:
                    w = base
            out.append(w)
        return out

    def _of_articles(self, word: str) -> bool:
        """The articles use the word, as it is or as the glossary reads both ("service")."""
        return self.known(stem(word)) or (word,) in self.glossary.entries

    def _is_place_name(self, word: str, plain: bool) -> bool:
        """Whether a word after a place word names a place: not a lexicon or function word,
        not a common word; written with a capital, or (`plain`) one the articles never use."""
        if not word.isalpha() or word in STOPWORDS or word in self.not_names:
            return False
        if (word,) in self.english.entries or zipf_id(word) >= NAME_ZIPF:
            return False  # "Main Branch", "Cabang Utama": not names
        return not plain or (not self.known(stem(word)) and self.standard(word) == [word])

    @cached_property
    def asking_nouns(self) -> frozenset[str]:
        """Stems of the nouns that ask what is said of the next one (knowledge/chat.txt)."""
        return self._kind_nouns | frozenset(
            stem(w) for p in self.lexicons.markers("asking-noun").items for w in p
        )

    @cached_property
    def _asking_noun_words(self) -> frozenset[str]:
        """The asking nouns as written (knowledge/chat.txt), with "-nya"."""
        nouns = {w for p in self.lexicons.markers("asking-noun").items for w in p}
        return frozenset(nouns | {f"{w}nya" for w in nouns})

    @cached_property
    def _kind_nouns(self) -> frozenset[str]:
        """Stems of the nouns of kind ("kelompok apa saja", knowledge/chat.txt)."""
        return frozenset(stem(w) for p in self.lexicons.markers("kind-noun").items for w in p)

    def _asks_a_kind(self, words: tuple[str, ...]) -> bool:
        """ "Siapa" right after a noun of kind ("kalangan siapa", "kelompok siapa"): asks
        which group, not which person (but "ketua kelompok siapa?" asks for the head)."""
        return any(
            w in ("siapa", "who")
            and stem(words[i - 1]) in self._kind_nouns
            and (i < 2 or words[i - 2] not in ROLE_WORDS)
            for i, w in enumerate(words)
            if i
        )

    @cached_property
    def scene_words(self) -> frozenset[str]:
        """The one-word openers of a scene ("waktu", "ketika", knowledge/chat.txt): a word
        the articles do not use there is no sign of something they do not cover."""
        return frozenset(p[0] for p in self.lexicons.markers("setting").items if len(p) == 1)

    @cached_property
    def telling_words(self) -> frozenset[str]:
        """Verbs of telling ("dipaparkan", "diumumkan", knowledge/chat.txt): articles tell
        with other verbs, so one they do not use is no sign of something they do not cover."""
        return frozenset(p[0] for p in self.lexicons.markers("telling").items if len(p) == 1)

    def _people(self, text: str, words: tuple[str, ...]) -> tuple[str, ...]:
        address = {p[0] for p in self.lexicons.markers("honorific").items if len(p) == 1}
        introducing = {w for p in self.lexicons.markers("self").items for w in p}
        return people_named(text, words, self.name_breakers, address, introducing)

    def normalized(self, standard: list[str]) -> tuple[str, ...]:
        """Glossary-expanded, corrected words."""
        words = tuple(self.glossary.expand(standard))
        if not self.correct:
            return words
        out: list[str] = []
        for w in words:
            fixed = w if w in STOPWORDS else (self.correct(w) or w)
            # a word corrected into a one-word term of the glossary is expanded as that term
            # ("kanwilnyo" -> "kanwil" -> "kantor wilayah")
            out.extend(self.glossary.expand([fixed]) if fixed != w else [fixed])
        return tuple(out)

    def setting(self, text: str) -> tuple[str, ...]:
        """The terms only a leading clause setting the scene has ("Waktu audiensi dengan Pj
        Gubernur, <kepala kanwil> menyampaikan berapa pekerja ...?", "pas jumpa pers agustus
        2024, ..."): one opened by a word of the chat lexicon's [setting], ended by a comma
        with the question after it."""
        head, comma, rest = text.partition(",")
        if not comma or not self.lexicons.markers("setting").match_at(words_of(head), 0):
            return ()
        asked = self.normalized(self.standard(rest))
        if not ASKING_WORDS & set(asked):
            return ()  # "waktu pendaftaran, lama tidak?": no question after the scene
        return tuple(t for t in self.terms(head) if t not in _terms(asked))

    @cached_property
    def _change_terms(self) -> frozenset[str]:
        """The terms of the words asking how figures changed, as the glossary reads them
        ("naik" is "meningkat")."""
        return frozenset(self.terms(_CHANGE))

    def terms(self, text: str) -> tuple[str, ...]:
        """The content terms of `text` (as lexical search stems them)."""
        return _terms(self.normalized(self.standard(text)))

    def _places(self, standard: list[str]) -> tuple[Place, ...]:
        """The places (programs, groups of workers) the question asks about: those it names,
        but those it leaves out ("..., tidak termasuk <kabupaten>", "selain JHT, ...")."""
        gazetteer = self.lexicons.gazetteer
        spans = gazetteer.phrases.find(standard)
        left_out: set[int] = set()  # where the places left out start
        for _, end in self.lexicons.markers("exclude").find(standard):
            at = end + (end < len(standard) and standard[end] == "di")  # "selain di X"
            for s, e in spans:
                if s == at:  # the place right after the marker, and those joined to it
                    left_out.add(s)
                    at = e + (e < len(standard) and standard[e] in JOINERS)
        return tuple(
            dict.fromkeys(
                gazetteer.names[tuple(standard[s:e])] for s, e in spans if s not in left_out
            )
        )

    def _pointed_at(self, words: tuple[str, ...], context: str) -> tuple[Place, ...]:
        """The places of the message's context that "di sana" / "di situ" points at ("aku
        wong <kota>, siapo kepala cabang di sano?"), for a question naming no place."""
        if not context or not POINTING_WORDS & set(words):
            return ()
        return tuple(p for p in self._places(self.standard(context)) if p.kind in LOCATION_KINDS)

    def parse(self, raw: str, context: str = "") -> Question:
        """Normalize a (validated) question and recognise its kind and constraints."""
        text = indonesian_figures(clean_text(raw))
        surface = words_of(text)
        capitals = {w.lower() for w in words_of_cased(text) if w.isupper()}

        def spelled(w: str) -> bool:
            return w in capitals or len(self.glossary.expand([w])) > 1

        named = self.agency_words | self.towns
        acronym = _acronym_asked(surface, spelled, named) or _acronym_defined(
            surface, spelled, named
        )
        standard = self.standard(text)
        words = self.normalized(standard)
        kind = "singkatan" if acronym else question_kind(words)
        if kind == "siapa" and _relative_who(text):
            kind = question_kind(tuple(w for w in words if w not in ("siapa", "who")))
        if kind == "siapa" and self._asks_a_kind(words):
            kind = "umum"  # "menyasar kalangan siapa?": a group of people, not a person
        if kind == "umum" and _CHECK_RE.search(text):
            kind = "ya_tidak"  # "bener gak sih ... 690 ribu?"
        if kind == "apa_saja" and _IS_IT_SO_RE.search(text):
            kind = "ya_tidak"  # "apa benar pasar jadi salah satu fokus?": not what they are
        # "what's the coverage target for 2025", "what coverage level ...": a value, not a
        # meaning
        what_the = _WHAT_THE_RE.search(text) and FIGURE_NOUNS & set(words)
        if kind in ("umum", "apa_itu") and (what_the or _WHAT_VALUE_RE.search(text)):
            kind = "berapa"
        if kind == "umum" and _compares_figures(words):
            kind = "berapa"  # "Bandingkan cakupan ... 2026 dengan ... 2027": the values compared
        unit = None
        if kind == "berapa":
            unit = "jumlah"
            percent = _PERCENT & {w.removesuffix("nya") for w in words}  # "persennya brp?"
            if percent and not (percent <= _COVERAGE and _counts_a_noun(words)):
                unit = "persen"
            elif has_phrase(words, "berapa lama") or _asks_length(words) or _asks_a_term(words):
                unit = "lama"
            elif asks_money(words) or _how_much_money(text, words) or _receives_how_much(words):
                unit = "uang"
        content = _content_words(words)
        terms = tuple(terms_of_words(content))  # the index's terms, months and years apart
        # a street answers an address, whether the articles say "alamat" or not
        form_words = ADDRESS_WORDS if asks_address(words, kind) else frozenset()
        unknown = [
            (w, t)
            for w, t in zip(content, terms, strict=True)
            if not self.known(t)
            and w not in COMPARISON_CUES
            and w not in form_words
            and w not in self.scene_words
            and w not in self.telling_words
            and t not in self._kind_nouns  # "kelompok apa saja": what falls under it
            # "lokasinya di mana", "at the press event": an asking noun as written names no
            # topic (not a verb of the same stem: "bertugas di mana")
            and w not in self._asking_noun_words
        ]
        asked = set(terms)
        total = sum(rarity(w) for w in content) or 1.0
        common = sum(
            rarity(w) * (ENGLISH_SHARE if is_english(w) else 1.0)
            for w, _ in unknown
            if not w.isalpha() or is_common(w)
        )
        rare = sum(rarity(w) for w, _ in unknown if w.isalpha() and not is_common(w))
        people = self._people(text, words)
        return Question(
            raw=raw,
            text=text,
            words=words,
            terms=terms,
            kind=kind,
            unit=unit,
            wants_latest=names_now(words),
            years=_years_asked(words, text),
            months=tuple(dict.fromkeys(MONTH_WORDS[w] for w in words if w in MONTH_WORDS)),
            head=head_terms(words),
            acronym=acronym,
            places=self._places(standard) or self._pointed_at(words, context),
            local_names=local_names(text, self.lexicons, self._is_place_name),
            people=people,
            unknown_common=tuple(t for w, t in unknown if not w.isalpha() or is_common(w)),
            unknown_rare=tuple(t for w, t in unknown if w.isalpha() and not is_common(w)),
            # (not the words asking how the figures changed: "..., naek apo turun?")
            context_terms=tuple(
                t for t in self.terms(context) if t not in asked and t not in self._change_terms
            ),
            setting=self.setting(text),
            not_names=self.not_names,
            scene_words=self.scene_words,
            agency=self.agency_stems,
            kind_nouns=self._kind_nouns,
            common_share=common / total,
            rare_share=rare / total,
            asked_unknown=_nucleus_unknown(
                asked_terms(words), self.known, self.asking_nouns | form_words
            ),
            time_cues=time_cues(words, self.lexicons) if kind == "kapan" else frozenset(),
            events=(
                self._events(words, people or self._lowercase_names(text))
                if kind == "kapan"
                else frozenset()
            ),
            counters=counted_after(words),
            short_names=self._short_names(text),
        )

    def _events(self, words: tuple[str, ...], people: tuple[str, ...]) -> frozenset[str]:
        """The stems of the di-/me- verbs whose time "kapan <Nama> dilantik?" asks, when it
        names a person (the articles tell of one person at other events too: an audience is
        no swearing-in), before any clause that only describes ("setelah mengikuti ...");
        not verbs of telling or light ones ("diadakan", "menjadi"), and none of a question in
        English (its verbs come translated, not as the articles write them)."""
        if not people or ENGLISH_FUNCTION & set(words):
            return frozenset()
        main = words[: next((i for i, w in enumerate(words) if w in _DESCRIBING), len(words))]
        return frozenset(
            stem(w)
            for w in main
            if is_verb(w)
            and stem(w) not in _LIGHT_STEMS
            and w not in self.telling_words
            and w not in STOPWORDS
        )

    def _lowercase_names(self, text: str) -> tuple[str, ...]:
        """In a question typed all in lowercase ("kapan <nama> dilantik?"), the words the
        articles use that are all but unknown as ordinary words (`LOWERCASE_NAME_ZIPF`) and
        that no lexicon reads: names, as far as can be told without capitals."""
        if text.lower() != text:
            return ()  # written in both cases: names are capitalized (`people_named`)
        return tuple(
            w
            for w in words_of(text)
            if w.isalpha()
            and self._unread_name(w, LOWERCASE_NAME_ZIPF)
            and self.standard(w) == [w]  # no lexicon's word, nor a place's short form
        )

    def _unread_name(self, low: str, ceiling: float) -> bool:
        """A word (lowercase) that may be a name: the articles use it, no lexicon or list
        reads it (not a word of the agency's, a function word or one that never is a name)
        and it is rarer than `ceiling` as an ordinary word."""
        return (
            low not in self.not_names
            and (low,) not in self.english.entries
            and low not in self.agency_words
            and low not in STOPWORDS
            and zipf_id(low) < ceiling
            and self.known(stem(low))
        )

    def _short_names(self, text: str) -> tuple[str, ...]:
        """The names a question written in both cases gives that the articles use, no
        lexicon reads (not the glossary's "JHT", the English lexicon's, a place or the
        agency) and that are no common word: words written in capitals (2 to 6 letters,
        organisations' short names) and rare capitalized words inside a sentence (a one-word
        name, a program's)."""
        if text.upper() == text:
            return ()  # "BRP PEKERJA YG TERLINDUNGI": shouting, not names
        return tuple(
            dict.fromkeys(
                low
                for w in [*_CAPITALS_RE.findall(text), *self._rare_capitalized(text)]
                if self._unread_name(low := w.lower(), EMPHASIS_ZIPF)
            )
        )

    def _rare_capitalized(self, text: str) -> list[str]:
        """Capitalized words inside a sentence that are rare as ordinary words and that the
        lexicons leave as they are: a one-word name ("anak almarhum <Nama>"), a program's
        ("program <Nama> ..."). None in a question that capitalizes most of its words."""
        found = list(_CAPITALIZED_RE.finditer(text))
        if len(found) * 2 > len(text.split()):
            return []
        inside = [m.group() for m in found if not _OPENS_RE.search(text[: m.start()])]
        return [
            w
            for w in inside
            # "BPJS Ketenagakerjaannya": a word of the agency's name, with "-nya"
            if (base := w.lower().removesuffix("nya")) not in self.agency_words
            and base not in self.not_names
            and max(zipf_id(base), zipf_en(base)) < RARE_ZIPF
            and base not in ROLE_WORDS
            and base not in MONTH_WORDS
            and self.normalized([w.lower()]) == (w.lower(),)
        ]


def _acronym_asked(
    surface: list[str], spelled: Callable[[str], bool], named: frozenset[str]
) -> str | None:
    """The acronym a "singkatan" question asks about: of the words that look like one
    (`spelled`: written in capitals, or spelled out by the glossary) and name neither the
    agency itself ("BPJS TK") nor a place (`named`: a province's), the nearest before the asking
    word ("..., PU, BPU, Jakon, itu kepanjangannya apa?"), else the first after it ("apa
    kepanjangan JHT?"); else the first word that looks like one ("BPJS singkatan dari apa?"),
    or may be one."""
    at = next((i for i, w in enumerate(surface) if w in _ACRONYM_ASK), None)
    if at is None:
        return None
    maybe = [
        w
        for w in surface
        if 2 <= len(w) <= 10 and w.isalpha() and w not in STOPWORDS and w not in _ACRONYM_ASK
    ]
    likely = [w for w in maybe if spelled(w)]
    before = [w for w in surface[:at] if w in likely and w not in named]
    after = [w for w in surface[at:] if w in likely and w not in named]
    picked = before[-1:] or after[:1] or likely[:1] or maybe[:1]
    return picked[0] if picked else None


def _acronym_defined(
    surface: list[str], spelled: Callable[[str], bool], named: frozenset[str]
) -> str | None:
    """ "jakon tu apaan?", "apa itu kanwil?": the one word a message asks what it is, when
    it is an acronym (`spelled`) naming neither the agency nor a place: asked as "what does
    it stand for", answered where an article spells it out."""
    said = set(surface)
    asking = bool({"apa", "apaan"} & said and {"itu", "tu"} & said)
    rest = [w for w in surface if w not in STOPWORDS and w not in _WHAT_IS_CHAT]
    if not asking or len(rest) != 1 or rest[0] in named or not spelled(rest[0]):
        return None
    return rest[0]


_WHAT_IS_CHAT = frozenset({"apaan", "tu"})  # chat forms of "apa", "itu" (not stopwords)


def _terms(words: tuple[str, ...]) -> tuple[str, ...]:
    """The content terms of normalized words (as lexical search stems them)."""
    return tuple(dict.fromkeys(terms_of_words(_content_words(words))))


def parse_question(
    raw: str, glossary: Glossary, correct: Callable[[str], str | None] | None = None
) -> Question:
    """A question read with the glossary alone (no lexicons, no corpus)."""
    return QuestionReader(glossary, correct=correct).parse(raw)


ADDRESS_WORDS = frozenset({"alamat", "alamatnya"})


def asks_address(asked: tuple[str, ...], kind: str | None) -> bool:
    """ "Alamat kantor ... di mana?", "where is the office's address": the answer gives a
    street ("Jalan <Nama> Nomor 27"), whatever word the articles put before it."""
    return kind == "di_mana" and any(w in ADDRESS_WORDS for w in asked)


def _nucleus_unknown(
    terms: tuple[str, ...], known: Callable[[str], bool], asking: frozenset[str] = frozenset()
) -> float:
    """1 when the first word of what the question asks about, the head of its noun phrase
    ("<alamat> kantor cabang", "<iuran> bpjs"), is a word the articles never use; a noun
    that only asks for what is said of the next one ("apa peran <media>") is no head."""
    terms = tuple(t for t in terms if not t.isdigit() and t not in asking)
    return 0.0 if not terms or known(terms[0]) else 1.0


def asks(words: tuple[str, ...]) -> bool:
    """Whether standard-Indonesian words ask something (a question word, a yes/no form, or
    "apa <noun>" opening it: "Which governor did ... meet")."""
    if question_kind(words) != "umum":
        return True
    if len(words) > 1 and words[0] == "apa" and words[1] not in STOPWORDS:
        return True  # not "..., apa karena ...", "apa pun ..."
    if any(_asks_which(words, i) for i, w in enumerate(words) if w == "mana"):
        return True
    return bool(words) and (words[-1] in _TAG_QUESTION or words[0] in _YES_NO)


def tells_percent(words: Sequence[str]) -> bool:
    """The words count nothing but a percentage they give ("untuk kejar target 50 persen
    itu ..."): a figure told, not asked."""
    if {"berapa", "jumlah", "persentase", "banyak"} & set(words):
        return False
    at = [i for i, w in enumerate(words) if w == "persen"]
    return bool(at) and all(i > 0 and words[i - 1][:1].isdigit() for i in at)


# Words before "mana" asking where or by what way ("di / lewat mana aja"), not which ones
_NOT_WHICH = WHERE_WORDS | {"lewat", "melalui", "via", "through"}


def _which_ones(words: Sequence[str]) -> bool:
    """ "<noun> mana saja" asks which ones, a list ("kecamatan mana saja", "daerah mana saja
    yang juara"; not "di mana saja", where, nor "lewat mana saja", by what way); so does
    "dari mana saja <noun>" ("dari mana saja sumber dananya": what they are)."""
    if not words or words[0] in _YES_NO or words[-1] in _OR_NOT:
        return False  # "bisa dicairkan di kantor cabang mana saja?": anywhere, yes or no
    for i, w in enumerate(words):
        if i == 0 or w != "mana" or tuple(words[i + 1 : i + 2]) != ("saja",):
            continue
        before, after = words[i - 1], words[i + 2 : i + 3]
        if before not in STOPWORDS and before not in _NOT_WHICH:
            return True
        whence = before == "dari" and after and after[0] not in STOPWORDS
        if whence and not is_verb(after[0]):
            return True
    return False


def _asks_which(words: tuple[str, ...], at: int) -> bool:
    """The "mana" at `at` asks whence or which one: "dari mana iurannya dibayar", "UPT mana
    yang ...", "kantor mana yang ...", "... di pabrik mana?" (not "asli mana", "tapi mana
    yang ...")."""
    if at == 0:
        return False
    before = words[at - 1]
    which = before not in STOPWORDS and words[at + 1 : at + 2] == ("yang",)
    # "dia bekerja di pabrik (<nama>) mana?": a noun after a preposition, "mana" closing
    # the question
    closing = at == len(words) - 1 and _after_preposition(words[:at]) is not None
    return before in WHERE_WORDS or which or (closing and before not in STOPWORDS)


# Words asking only how figures changed ("..., naek apo turun?"): no word of what is asked.
_CHANGE = "naik turun berubah beda berbeda"


def _is_content(word: str) -> bool:
    return (
        word not in STOPWORDS
        and word.removesuffix("nya") not in STOPWORDS  # "berapa jumlahnya": no more than "jumlah"
        and word not in MONTH_WORDS
        and word not in _WANTING
        and not is_year(word)
    )


# Words saying someone is about to do what the verb after them says ("bakal lebih baik lg
# klo ..."): the verb is what is asked about ("ingin" stays: "he wants insurance to be ...").
_WANTING = frozenset({"hendak", "bakal"})


# Nouns that only name a kind of time before the time itself ("bulan November", "th 2023").
TIME_NOUNS = frozenset({"tahun", "bulan", "periode", "year", "month"})


_PREPOSITIONS = frozenset({"to", "with", "from", "for", "by", "at", "in", "on", "of"})
# English nouns' endings: a role word before such a noun names a thing ("governor regulation")
_NOUN_ENDINGS = ("tion", "tions", "ment", "ments", "ance", "ence", "ship")


# Words that count people without saying who ("berapa orang", "3 jiwa").
COUNTERS = frozenset({"orang", "jiwa"})


def _content_words(words: tuple[str, ...]) -> list[str]:
    """The content words, without a time noun that only introduces a year or a month, nor
    "paling" before a word with a superlative in ter- ("paling rendah" is the articles'
    "terendah", which stems to "rendah"; "paling berkemampuan" has none, and "paling
    banyak" keeps it: "banyak" is no term)."""
    return [
        w
        for w, next_word in zip(words, (*words[1:], ""), strict=False)  # longer if no words
        if _is_content(w)
        and not (w in TIME_NOUNS and (next_word in MONTH_WORDS or is_year(next_word)))
        and not (
            w == "paling"
            and _is_content(next_word)
            and next_word not in _PALING_KEPT
            and _has_ter_form(next_word)
        )
    ]


# "paling lambat", "paling lama", "paling cepat": a deadline or a span the articles write as
# it is ("terlambat" is late, not the latest day)
_PALING_KEPT = frozenset({"lambat", "lama", "cepat"})


def _has_ter_form(word: str) -> bool:
    """ "rendah" -> "terendah", "tinggi" -> "tertinggi": a common word."""
    form = f"te{word}" if word.startswith("r") else f"ter{word}"
    return word.isalpha() and zipf_id(form) >= COMMON_ZIPF


def counted_after(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(counter, counted) terms of each counter after "berapa" or a number: with the noun it
    counts ("berapa orang pekerja": ("orang", "kerja")), the counter weighs no more than that
    noun, since the question is about workers; with none, in a question naming no people
    ("yg udh terlindungi brp org?", "berapa orang meninggal?": ("orang", "")), no more than
    the question's lightest other term. Either way it only says what the figure may be
    written in."""
    # "peserta ... ada berapa orang?": the people named before are what it counts (left as
    # they were: the counter then points at a sentence counting them in "orang")
    people = any(w in _PEOPLE_COUNTED - COUNTERS for w in words)
    out = []
    for last, w, after in zip(("", *words), words, (*words[1:], ""), strict=False):
        if w in COUNTERS and _counts(last):
            counted = terms_of_words([after]) if _counted(after) else []
            if counted or not people:
                out.append((terms_of_words([w])[0], counted[0] if counted else ""))
    return tuple(out)


def asked_venue(words: Sequence[str]) -> str | None:
    """The venue whose name "di <venue> apa / mana?" asks ("digelar di hotel apa?":
    "hotel"), which an answer must name by its name; None for any other question."""
    for before, noun, asked in zip(words, words[1:], words[2:], strict=False):
        # "di kantor mana": where, any office ("di kantor cabang terdekat")
        which = asked == "apa" or (asked == "mana" and noun != "kantor")
        if before == "di" and noun in _VENUE_NOUNS and which:
            return noun
    return None


def names_venue(text: str, venue: str) -> bool:
    """Whether `text` names a `venue` by its name ("Hotel <Nama>", "ruang rapat <Nama>"), not
    only one of its kind ("di sebuah hotel di <kota>")."""
    kind = rf"(?i:\b{re.escape(venue)}\b)"
    return bool(re.search(rf"{kind}(?:\s+(?!{_NOT_OF_A_NAME})[a-z]+){{0,2}}\s+[A-Z]", text))


_NOT_OF_A_NAME = r"(?:di|ke|dari|yang|dan|atau|pada|untuk)\b"  # words that end a venue's name


def counts_elided(words: Sequence[str]) -> bool:
    """ "berapa yang ...": a count whose noun is left out, the one counted before it."""
    return any(
        w == "berapa" and after == "yang" for w, after in zip(words, words[1:], strict=False)
    )


def _counts(word: str) -> bool:
    """ "berapa", a number or a scale word ("berapa juta orang"): what a counter follows."""
    return word == "berapa" or word in MAGNITUDES or number_of(word) is not None


def _counted(word: str) -> bool:
    """A word after a counter that may be what it counts: content, not a figure's noun
    ("berapa orang jumlahnya?") or a verb ("berapa orang meninggal / terdaftar?")."""
    bare = word.removesuffix("nya")
    return (
        bool(word)
        and _is_content(word)
        and bare not in FIGURE_NOUNS | VALUE_NOUNS
        and not is_verb_form(word)
    )


def is_verb_form(word: str) -> bool:
    """A word in a verb's prefixed form, more than its stem ("meninggal", "terdaftar",
    "mencanangkan"): no noun after a counter, no word of an office after its role."""
    return word.startswith(_VERB_PREFIXES) and stem(word) != word


_VERB_PREFIXES = ("me", "di", "ter", "ber", "be")  # not "pe-": "pekerja" is counted


def is_verb(word: str) -> bool:
    """A verb's di- or me- form ("ditolak", "menolak"), more than its stem: narrower than
    `is_verb_form` (not ter-: "tersangka", "tertanggung" are people counted)."""
    return bool(_VERB_RE.fullmatch(word)) and stem(word) != word


_VERB_RE = re.compile(r"(?:di|me)[^\W\d_]{3,}")

# Words naming the people a "berapa" before them counts (not "seorang", "perorang": per head)
_PEOPLE_COUNTED = frozenset({"pekerja", "orang", "peserta", "penduduk", "buruh", "karyawan"})


def _counts_people(word: str) -> bool:
    return word.removesuffix("nya") in _PEOPLE_COUNTED


def _counts_units(word: str) -> bool:
    """People, places or kinds counted ("berapa pekerja", "berapa desa", "berapa jenis
    tunjangan")."""
    bare = word.removesuffix("nya")
    return (
        _counts_people(word)
        or bare in _PLACE_NOUNS
        or bare in PEOPLE_NOUNS
        or bare in _KINDS_COUNTED
    )


_KINDS_COUNTED = frozenset({"jenis", "macam", "program", "kategori", "bentuk"})


def is_year(word: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", word))


def is_time(word: str) -> bool:
    """A year or a month ("2020", "maret")."""
    return word in MONTH_WORDS or is_year(word)


def names_now(words: Sequence[str]) -> bool:
    """Standard words asking for what holds now ("sekarang", "terbaru", "saat ini")."""
    return any(w in LATEST_WORDS for w in words) or any(
        has_phrase(words, p) for p in LATEST_PHRASES
    )


_QUESTION_WORDS = {"berapa", "siapa"}
ASKING_WORDS = _QUESTION_WORDS | {"apa", "kapan", "mana", "bagaimana", "kenapa", "mengapa"}
# Words placing a time within a year ("awal 2024"), not naming what is asked about.
TIME_QUALIFIERS = frozenset({"awal", "akhir", "pertengahan"})
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
    "per",  # "iuran ... brp per orang": a rate of what came before, not a count of people
    # English prepositions and relatives the lexicon leaves ("who was the governor at the nov
    # 2020 meeting", "the governor that BPJS TK met")
    "at",
    "in",
    "on",
    "during",
    "that",
    "which",
}
# At most this many words, up to a relative or prepositional word, say who said it before a
# question word ("menurut gubernur <Nama> waktu peresmian ... siapa ..."), not what is
# asked ("menurut kepala cabang jumlah peserta baru tahun ini berapa?").
ATTRIBUTION_WORDS = 4
# Verbs passed over ("turun dari berapa menjadi berapa", "siapa menjadi pj gubernur").
_HEAD_SKIP = {"menjadi", "jadi"}


def _stops_head(words: Sequence[str], i: int) -> bool:
    """Whether `words[i]` ends what a question asks about: a relative or prepositional word,
    or "awal / akhir" before a time ("siapa pj gubernur awal 2024"; not "saldo awal JHT")."""
    if words[i] in TIME_QUALIFIERS:
        after = words[i + 1] if i + 1 < len(words) else ""
        return is_year(after) or after in MONTH_WORDS or after in TIME_NOUNS
    return words[i] in _HEAD_STOP


def asked_terms(words: tuple[str, ...]) -> tuple[str, ...]:
    """What any question asks about, as `head_terms` finds it for berapa / siapa, around
    whichever question word it has ("<alamat kantor cabang> di mana?")."""
    return head_terms(words, ASKING_WORDS)


def head_terms(
    words: tuple[str, ...], question_words: frozenset[str] | set[str] = _QUESTION_WORDS
) -> tuple[str, ...]:
    """What a "berapa / siapa" question asks about: the words after the question word up to
    the first relative or prepositional word ("siapa <kepala kanwil> yang ..."), or, when
    the question word comes last ("target nasional brp?"), the words before it up to the
    first such word ("<gubernur provinsi> yg dateng pas peresmian siapa"; all of them when
    the question starts with one)."""
    idx = next((i for i, w in enumerate(words) if w in question_words), None)
    if idx is None:
        return ()
    after: list[str] = []
    for i in range(idx + 1, len(words)):
        if _stops_head(words, i) or words[i] in question_words:
            break
        if words[i] not in MAGNITUDES | _HEAD_SKIP:  # "berapa juta": millions of what came before
            after.append(words[i])
    after = [w for w in after if w not in STOPWORDS and w not in MONTH_WORDS]
    before = [w for w in words[:idx] if w not in MONTH_WORDS]
    said = next((i for i in range(1, len(before)) if _stops_head(before, i)), len(before))
    if before[:1] == ["menurut"] and said <= ATTRIBUTION_WORDS:
        before = []  # "menurut gubernur (waktu ...) siapa yang ...": who said it, not who is asked
    stop = next((i for i in range(len(before)) if _stops_head(before, i)), len(before))
    # "<kepala kanwil> itu siapa namanya": nothing named after the question word
    picked = after or before[:stop] or before
    return tuple(stem(w) for w in picked if w not in STOPWORDS)


# A school or budget year written as two ("tahun ajaran 2067/2068", "TA 2067/2068")
_YEAR_PAIR_RE = re.compile(
    r"(?i)\b(?:ajaran|anggaran|akademik|ta)\s+((?:19|20)\d\d)\s*/\s*((?:19|20)\d\d)(?!\d)"
)


def _years_asked(words: Sequence[str], text: str) -> tuple[int, ...]:
    """The years a question names, a school or budget year once, by the year it starts in
    ("tahun ajaran 2067/2068" is 2067, not 2067 and 2068 to compare)."""
    years = [int(w) for w in words if is_year(w)]
    for first, second in _YEAR_PAIR_RE.findall(text):
        if int(second) == int(first) + 1 and int(second) in years:
            years.remove(int(second))
    return tuple(years)


# Words asking a figure of a whole year, not of the part of it an article reports ("sepanjang
# tahun 2066", "setahun penuh", "the whole of 2026", "full-year")
_WHOLE_YEAR = frozenset({"penuh", "whole", "full", "entire"})


def asks_whole_year(words: Sequence[str]) -> bool:
    """The question asks a figure of a whole year: "sepanjang tahun <year>", "<year> penuh",
    "setahun penuh", "for the whole of <year>" (not "sepanjang <year>", which articles also
    write of the months so far)."""
    if _WHOLE_YEAR & set(words) or has_phrase(words, "sepanjang tahun"):
        return True
    # "seluruh tahun 2066", "the whole of 2026" (read "seluruh of 2026"): the next word that
    # is not a function word is the year
    content = [w for w in words if w not in STOPWORDS or w == "seluruh"]
    after = [w for i, w in enumerate(content[1:], 1) if content[i - 1] == "seluruh"]
    return any(w == "tahun" or is_year(w) for w in after)
