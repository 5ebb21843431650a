"""What a sentence states, besides its figures (bot/answer/spans.py): people's names,
institutions, reasons, announced lists and their items, definitions, targets, and whether it
continues the sentence before. Pure functions.

"Targets" are character spans of the things a question kind asks for (a figure for
"berapa", a name for "siapa", a date for "kapan"); answer selection rewards sentences whose
targets stand close to the question's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answer.spans import (
    Span,
    Spans,
    figure_spans,
    memo,
    money_spans,
    number_of,
    percent_spans,
)
from bot.answer.vocabulary import zipf_en, zipf_id
from index.gazetteer import short_form

_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b")
# Words of office that introduce a person's name ("Kepala Kantor Cabang X, Budi Santoso, ...").
ROLE_WORDS = frozenset(
    """kepala direktur deputi wakil gubernur penjabat bupati walikota wali ketua menteri camat
    lurah sekretaris asisten kapolda kapolres kadis kabid kakanwil kakacab dirut presiden
    manajer manager koordinator ketum pimpinan pemimpin anggota staf petugas pejabat wartawan
    jurnalis reporter penulis editor redaktur""".split()
)
# Words naming a kind of place before its name ("Desa <Nama>", "Jembatan <Nama>"): a run of
# capitalized words they open names that place, not a person.
PLACE_WORDS = frozenset(
    """desa kelurahan kecamatan kabupaten kota provinsi dusun kampung jalan jembatan sungai
    pasar pulau gunung danau bandara pelabuhan terminal stasiun gedung hotel masjid rsud
    puskesmas""".split()
)
# Role words that name no office of their own: "siapa pejabat BPJS TK ...?" asks for whoever
# held an office of BPJS TK, whatever it is called.
GENERIC_ROLES = frozenset({"pejabat"})
_CLAUSE_NAME_RE = re.compile(
    r"(?:^|,\s)([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3})(?=,|\s(?:mengatakan|menyampaikan|menjelaskan|mengungkapkan|menambahkan|berharap|membuka)\b)"
)
_FIRM_BEFORE_RE = re.compile(r"\b(?:PT|CV|UD)\.?\s$")
_FIRM_RE = re.compile(r"\b(?:PT|CV|UD)\.?(?:\s[A-Z][\w-]*)+")
LONGEST_NAME = 5  # capitalized words in a row beyond which they are a headline, not a name
RARE_ZIPF = 3.5  # a capitalized word rarer than this (as a lowercase word) may be a name
NAME_ZIPF = 4.8  # a capitalized word beside a rare one, rarer than this, is part of the name
_INSTITUTION_RE = re.compile(
    r"\b(?:dinas|pemerintah|pemda|pemprov|perbankan|bank|perusahaan|media|stakeholder|"
    r"pengurus|kabupaten|serikat|institusi)(?:nya)?\b",  # "institusinya": its institution
    re.IGNORECASE,
)
ORDINALS = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh")
_ANNOUNCE_RE = re.compile(
    r"\b(\d|dua|tiga|empat|lima|enam|tujuh)\s(?:program|hal|fokus|jenis|manfaat|layanan|poin)",
    re.IGNORECASE,
)
_COPULA_RE = re.compile(r"\b(?:adalah|merupakan|ialah|yaitu|yakni|itu masuk|itu)\b", re.I)
_MEANS_RE = re.compile(
    r"\b(?:melalui|dengan|kerja sama|bekerja sama|cara|mengajak|menjalin|mengimbau|agar)\b", re.I
)


_REASON_RE = re.compile(
    r"\b(?:karena|sebab|lantaran|agar|supaya|sehingga|guna|demi|untuk itu|tujuannya|alasannya)\b",
    re.IGNORECASE,
)


@memo
def reason_spans(text: str) -> Spans:
    """Words that give a reason or a purpose ("karena ...", "agar ...", "sehingga ...")."""
    return tuple((m.start(), m.end()) for m in _REASON_RE.finditer(text))


@memo
def person_spans(text: str, not_names: frozenset[str] = frozenset()) -> Spans:
    """Spans of people's names: runs of capitalized words holding a word that is rare as an
    ordinary word (a surname such as "Wirasaputra"), with the capitalized words beside it
    that are not very common words ("Budi Wirasaputra"). Words in `not_names` (glossary terms,
    places, organisations) are never part of a name."""
    spans = []
    for m in _NAME_RE.finditer(text):
        names = m.group().split()
        lower = [w.lower() for w in names]
        if not ROLE_WORDS & set(lower) and (lower[0] in PLACE_WORDS or len(names) > LONGEST_NAME):
            continue  # "Desa <Nama> <Nama>", "Jembatan <Nama>": a place's name; a headline
        if _FIRM_BEFORE_RE.search(text[max(0, m.start() - 4) : m.start()]):
            continue  # "PT <Nama> <Nama>": a company's name
        starts = [m.start() + len(" ".join(names[:i])) + (1 if i else 0) for i in range(len(names))]
        usable = [w not in not_names for w in lower]
        rare = [
            i for i, w in enumerate(lower) if usable[i] and max(zipf_id(w), zipf_en(w)) < RARE_ZIPF
        ]
        if not rare:
            continue
        first, last = rare[0], rare[-1]
        if first > 0 and usable[first - 1] and zipf_id(lower[first - 1]) < NAME_ZIPF:
            first -= 1
        while last + 1 < len(names) and usable[last + 1] and zipf_id(lower[last + 1]) < NAME_ZIPF:
            last += 1
        spans.append((starts[first], starts[last] + len(names[last])))
    named = (
        _named_after_role(text, not_names)
        + _named_after_office(text, not_names)
        + _named_after_quote(text, not_names)
    )
    return tuple(sorted(set(spans) | set(named)))


def _named_after_quote(text: str, not_names: frozenset[str]) -> list[Span]:
    """A name, however common a word, said to have said something: '...,” ujar <Nama>.'
    (`_SAID_BY_RE`; not a role: "kata Gubernur")."""
    return [
        (m.start(1), m.end(1))
        for m in _SAID_BY_RE.finditer(text)
        if m.group(1).lower() not in not_names | ROLE_WORDS
    ]


_ACRONYM_BEFORE_RE = re.compile(r"\b[A-Z]{2,}\s$")


def _named_after_office(text: str, not_names: frozenset[str]) -> list[Span]:
    """A name of common words closing an office's title, without a comma ("Kepala Kantor
    Cabang <ORG> <Org> <Tempat> <Nama Nama Nama> mengatakan"): the last two or more
    capitalised words, none very common, after the last word of the office (a role,
    organisation or place word, or the word after an acronym)."""
    out = []
    for m in _NAME_RE.finditer(text):
        names = m.group().split()
        lower = [w.lower() for w in names]
        office = [i for i, w in enumerate(lower) if w in not_names or w in ROLE_WORDS]
        if _ACRONYM_BEFORE_RE.search(text[: m.start()]):
            office = [0, *office]  # "BPJS <Ketenagakerjaan>": the acronym's organisation
        clause = re.split(r"[,.;:]", text[max(0, m.start() - 80) : m.start()].lower())[-1]
        if not office or not (ROLE_WORDS & {*lower, *clause.split()}):
            continue
        first = len(lower)  # the run of words, none very common, that ends the match
        while first > office[-1] + 1 and zipf_id(lower[first - 1]) < NAME_ZIPF:
            first -= 1
        if len(lower) - first >= 2:
            start = m.start() + len(" ".join(names[:first])) + 1
            out.append((start, m.end()))
    return out


def _named_after_role(text: str, not_names: frozenset[str]) -> list[Span]:
    """Names set off by commas right after an office: "Kepala Kantor Cabang X, Budi Santoso,"."""
    out: list[Span] = []
    for m in _CLAUSE_NAME_RE.finditer(text):
        words = m.group(1).lower().split()
        if any(w in not_names or w in ROLE_WORDS for w in words):
            continue
        before = text[max(0, m.start() - 80) : m.start()].lower()
        clause = re.split(r"[,.;:]", before)[-1]
        if ROLE_WORDS & set(clause.split()):
            out.append((m.start(1), m.end(1)))
    return out


@memo
def institution_spans(text: str) -> Spans:
    """Words naming an institution ("dinas", "perusahaan", ...) and companies by their names
    ("PT <Nama> <Nama>")."""
    found = [*_INSTITUTION_RE.finditer(text), *_FIRM_RE.finditer(text)]
    return tuple(sorted((m.start(), m.end()) for m in found))


def announced_noun(text: str) -> str | None:
    """The noun of a list announcement: "program" in "terdapat 5 program perlindungan"."""
    m = _ANNOUNCE_RE.search(text)
    return m.group(0).split()[-1].lower() if m else None


def announced_count(text: str) -> int | None:
    """N in "terdapat 5 program ..." / "fokus pada 4 hal", if the sentence announces a list."""
    m = _ANNOUNCE_RE.search(text)
    if not m:
        return None
    return number_of(m.group(1).lower())


def is_enumeration(text: str) -> bool:
    """A sentence that lists several items ("A, B, C, dan D")."""
    commas = text.count(",")
    if commas >= 2 and re.search(r",\s(?:dan|serta)\s", text):
        return True
    return commas >= 3 and bool(re.search(r"\s(?:dan|serta)\s", text))


def ordinal(text: str) -> int | None:
    """1 for a sentence that says "pertama", 2 for "kedua", ... (the first ordinal found)."""
    lower = text.lower()
    found = [
        (lower.find(w), i) for i, w in enumerate(ORDINALS, start=1) if re.search(rf"\b{w}\b", lower)
    ]
    return min(found)[1] if found else None


def is_definition(text: str) -> bool:
    """A copula sentence ("X itu masuk ranah ...", "X adalah ...")."""
    return bool(_COPULA_RE.search(text[:80]))


_TARGET = r"target|menargetkan|ditargetkan|sasaran"
_TARGET_RE = re.compile(rf"\b(?:{_TARGET})\b", re.IGNORECASE)


def states_target(text: str) -> bool:
    """A sentence about a goal ("target 50 persen ... pada 2025"), not an achieved figure."""
    return bool(_TARGET_RE.search(text))


_AIM_RE = re.compile(
    rf"\b(?:{_TARGET}|target\w+|bertekad|mewujudkan|ditingkatkan|diharapkan|berharap|harapan"
    r"|rencana\w*|direncanakan)\b",
    re.IGNORECASE,
)


def states_aim(text: str) -> bool:
    """A sentence about what is aimed at: a target, a hope, a plan."""
    return bool(_AIM_RE.search(text))


REACHED = frozenset({"tercapai", "terlampaui", "melampaui", "terpenuhi", "terwujud"})
# Words that make "tercapai" a hope, a plan or a purpose when one of the five words before it.
_HOPED = frozenset(
    {"dapat", "bisa", "akan", "harus", "diharapkan", "agar", "supaya", "biar", "segera",
     "optimis", "optimistis", "yakin", "guna", "untuk", "diperkirakan", "perkirakan",
     "memperkirakan", "diprediksi", "diproyeksikan"}
)  # fmt: skip


def states_outcome(text: str) -> bool:
    """A sentence saying a goal was reached or missed ("target itu tercapai"), not one that
    hopes or plans it ("target nasional dapat tercapai", "agar target 50 persen tercapai")."""
    tokens = re.findall(r"\w+", text.lower())
    return any(
        w in REACHED and not _HOPED & set(tokens[max(0, i - 5) : i]) for i, w in enumerate(tokens)
    )


# A figure hoped or planned for: a word of hope or ability before a verb of raising and
# "hingga / sampai / menjadi <figure>" ("masih dapat ditingkatkan hingga 63 persen"), or
# before "tembus <figure>" ("kami ingin tembus 62 persen"); not a figure scheduled ("akan
# naik menjadi 0,54 persen mulai Januari") nor one a benefit can reach ("bisa mendapat
# manfaat hingga 60 persen")
_HOPING = frozenset(_HOPED - {"akan", "agar", "supaya", "biar", "guna", "untuk"}) | {"ingin"}
_HOPED_FIGURE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(_HOPING))})\s+(?:[^\W\d]+\s+)?"
    r"(?:(?:ditingkatkan|dinaikkan|didongkrak|digenjot|naik|meningkat|bertambah|tumbuh)\s+"
    r"(?:hingga|sampai|menjadi|mencapai|ke)|tembus)\s+(?:angka\s+|sekitar\s+)?(?:Rp\s?)?\d",
    re.IGNORECASE,
)


def states_hoped_figure(text: str, unit: str | None = None) -> bool:
    """A sentence with figures, all of them hoped or planned for, without the word "target"
    (not "sudah 58,9 persen, kami ingin tembus 62 persen", which states where it stands); of
    a percentage or money asked for (`unit`), those figures only ("dengan tambahan 11.275
    pekerja, cakupan bisa naik ke 39,3 persen" hopes for its percentage)."""
    hoped = [m.end() - 1 for m in _HOPED_FIGURE_RE.finditer(text)]  # each one's first digit
    of_unit = {"persen": percent_spans, "uang": money_spans}.get(unit or "", figure_spans)
    figures = of_unit(text)  # years are none
    return bool(hoped and figures) and all(any(s <= h < e for h in hoped) for s, e in figures)


def states_means(text: str) -> bool:
    """A sentence that says how something is done ("melalui", "bekerja sama dengan", ...)."""
    return bool(_MEANS_RE.search(text))


_CONTINUATION_RE = re.compile(
    r"^[\"“]?(?:Dari jumlah tersebut|Sisanya|Terutama|Artinya|Khususnya|Yakni|Yaitu|Termasuk|"
    r"Mereka pun|Hal (?:ini|tersebut)|Kalau di|Sedangkan|Adapun)\b"
    # "Kedua korban, <Nama> dan <Nama>, ...", "Ketiga korban meninggal adalah <Nama>, ...",
    # "Keduanya adalah <Nama> ...": the ones the sentence before counted, named (not the
    # second point of a list, "Kedua, ..." or "Kedua adalah ...")
    r"|^(?:Kedua|Ketiga|Keempat|Kelima)\s+(?!(?:adalah|yakni|yaitu|ialah)\b)[a-z]+"
    r"(?:(?:\s+(?:itu|tersebut|ini))?,|[\w\s-]{0,40}?\s(?:adalah|yakni|yaitu|ialah))\s+[A-Z]"
    r"|^(?:Kedua|Ketiga|Keempat|Kelima)nya\s+(?:adalah|yakni|yaitu|ialah)\s+[A-Z]"
)


_REFERS_BACK_RE = re.compile(
    r"^[\"“]?(?:Karena|Sebab|Mereka|Hal (?:ini|itu|tersebut)|Dengan demikian|Oleh karena itu|"
    r"Untuk itu|Selain itu|Namun|Tetapi|Artinya|Dari jumlah tersebut|Sisanya|"
    r"Salah satu(?:nya| di ?antaranya)|Di ?antaranya)\b"
)
# "Angka itu naik dari 79,8 persen pada akhir 2037": the figure of the sentence before is
# what this one's figures are of
_FIGURE_BACK_RE = re.compile(
    r"^[\"“]?(?:Angka|Jumlah|Nilai|Capaian|Realisasi|Persentase|Total)\s+(?:itu|tersebut|ini)\b"
)


def refers_back(text: str) -> bool:
    """A sentence that explains or continues the one before ("Karena ...", "Mereka ...")."""
    return bool(_REFERS_BACK_RE.match(text)) or figure_refers_back(text)


def figure_refers_back(text: str) -> bool:
    """A sentence whose figures are of what the sentence before counted ("Jumlah itu ...")."""
    return bool(_FIGURE_BACK_RE.match(text))


# "Dari 412 kasus tersebut, ...", "Dari 1.288 kasus kecelakaan kerja, 17 di antaranya ...": a
# part of a figure stated before
_PART_OF_RE = re.compile(
    r"^[\"“]?(?:Dari|Di antara)\s+(?:total\s+|jumlah\s+)?(\d[\d.,]*)\s+"
    r"(?:(?:\w+\s+){1,3}?(?:tersebut|itu)\b"
    r"|(?:[\w-]+\s+){0,4}[\w-]+,\s*\d[\d.,]*\s+(?:\w+\s+)?di ?antaranya\b)",
    re.IGNORECASE,
)


def figure_taken_from(text: str) -> str | None:
    """The figure a sentence takes a part of ("Dari 412 kasus tersebut, 11 pekerja ..." ->
    "412"), or None."""
    m = _PART_OF_RE.match(text)
    figure = m.group(1).rstrip(".,") if m else None
    return None if figure is None or _YEAR_RE.fullmatch(figure) else figure  # "Dari 2019 ..."


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def continues(text: str) -> bool:
    """A sentence that only makes sense after the previous one ("Dari jumlah tersebut, ...")."""
    return bool(_CONTINUATION_RE.match(text))


def acronym_expansion(text: str, acronym: str) -> str | None:
    """The long form that `text` gives for `acronym`: "Jasa Konstruksi (Jakon)" -> "Jasa
    Konstruksi"; matched case-insensitively, initials need not match exactly."""
    m = re.search(rf"((?:[A-Z][\w-]*\s){{1,6}})\(\s*{re.escape(acronym)}\s*\)", text, re.IGNORECASE)
    return m.group(1).strip() if m else None


# "<Long Name> (ACR)": a name of capitalized words, then its acronym in brackets
_DEFINED_RE = re.compile(r"((?:[A-Z][\w-]*\s){1,8})\(\s*([A-Z][A-Za-z]{1,9})\s*\)")
_CAPITALS_RE = re.compile(r"\b[A-Z]{2,10}\b")


def capitals(text: str) -> frozenset[str]:
    """The words `text` writes in capitals ("PTCS", "BPJS")."""
    return frozenset(_CAPITALS_RE.findall(text))


def spelled_out(window: str, body: str, known: frozenset[str] = frozenset()) -> dict[str, str]:
    """The acronyms a window writes in capitals that its article spells out, each with its
    long name ("... kata Ketua PAN, <Nama>" after "Paguyuban <Anu> (PAN)"): what the window
    names by them. Not those `known` (lowercase), which read the same in every article
    ("BPJS", "JHT")."""
    defined = _defined_acronyms(body)
    return {a: defined[a] for a in capitals(window) if a in defined and a.lower() not in known}


@lru_cache(maxsize=4096)
def _defined_acronyms(body: str) -> dict[str, str]:
    """Each acronym `body` defines with the long name it stands for: the fewest capitalized
    words before its brackets whose letters spell it, in order, from its first ("Dinas
    Tenaga Kerja (Disnaker)"; "kepada Ketua Paguyuban ... (PPRL)": the words from
    "Paguyuban")."""
    out: dict[str, str] = {}
    for m in _DEFINED_RE.finditer(body):
        names, acronym = m.group(1).split(), m.group(2)
        for start in range(len(names) - 1, -1, -1):
            if short_form((acronym.lower(),), tuple(w.lower() for w in names[start:])):
                out.setdefault(acronym.upper(), " ".join(names[start:]))
                break
    return out


# A person named by one word after a verb of saying: "..., ujar <Nama>", "kata <Nama>".
_SAID_BY_RE = re.compile(
    r"\b(?:ujar|kata|tutur|jelas|ucap|sebut|ungkap|imbuh|terang|papar)(?:nya)?\s+"
    r"([A-Z][a-z]{3,})\b(?!\s*\()"
)
_CLAUSE_END_RE = re.compile(r"[;:!?“”\"()]|(?<![A-Z][a-z])(?<![A-Z])\.")  # not "H." or "Dr."
OFFICE_REACH = 8  # the words before a name in which the office introducing it starts
MAX_FIRST_NAMES = 3  # "<Kepala ...>, <Nama> <Nama>": the words of a name before the one used


def office_before(words: list[str]) -> str:
    """The office ending `words` (the text before "<Nama>" and its comma): from its role word
    on, within `OFFICE_REACH` words; "" when no role word is there."""
    tail = words[-OFFICE_REACH:]
    role = next((i for i, w in enumerate(tail) if w.lower() in ROLE_WORDS), None)
    return " ".join(tail[role:]) if role is not None else ""


def _titled_office(words: list[str]) -> str:
    """The office `words` end with when a name follows them without a comma ("... <Kepala>
    <Org> <Kanwil> <Wilayah>" before "<Nama>"): every word of it capitalised; "" otherwise."""
    office = office_before(words)
    return office if all(w[:1].isupper() for w in office.split()) else ""


@memo
def speaker_offices(window: str, body: str) -> tuple[str, ...]:
    """The offices the article introduces the people quoted in a window with, when the window
    names them by one word after a verb of saying ("..., ujar <Nama>"): "Kepala Kantor Cabang
    <Org> <Tempat>" from "Kepala Kantor Cabang <Org> <Tempat>, <Nama> <Nama> menyampaikan
    ..." earlier on (the office, a comma, then the name)."""
    out: list[str] = []
    for m in _SAID_BY_RE.finditer(window):
        name = m.group(1)
        at = body.find(name)
        while at >= 0:  # each place the article names them, first first
            start, at = at, body.find(name, at + len(name))
            end = start + len(name)
            if body[start - 1 : start].isalnum() or body[end : end + 1].isalnum():
                continue  # part of a longer word
            before = _CLAUSE_END_RE.split(body[max(0, start - 160) : start])[-1]
            *offices, names = before.split(",")
            firsts = names.split()
            if not offices:  # "<Kepala ...> <Nama> menjelaskan": the office runs into the name
                office = _titled_office(firsts)
            elif len(firsts) <= MAX_FIRST_NAMES and all(w[:1].isupper() for w in firsts):
                office = office_before(offices[-1].split())
            else:
                continue
            if office:
                out.append(office)
                break
    return tuple(dict.fromkeys(out))
