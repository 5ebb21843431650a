"""Phrase matching and the gazetteer: places and organisations a text names.

`knowledge/gazetteer.txt` lists the country's provinces, the kabupaten and kota of the bot's
province, regions, countries and organisations with their short forms. Questions
use it for their constraints (bot/answer/constraints.py); the importer for an article's province.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from index.errors import KnowledgeFileError
from index.glossary import Glossary
from index.text import words

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Phrases:
    """A set of phrases (word tuples) found whole-word, longest first."""

    items: frozenset[Phrase] = frozenset()

    @cached_property
    def longest(self) -> int:
        return max((len(p) for p in self.items), default=0)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Words some phrase starts with: at any other word no phrase can start."""
        return frozenset(p[0] for p in self.items if p)

    def match_at(self, tokens: Sequence[str], i: int) -> int:
        """The length in words of the longest phrase starting at `tokens[i]` (0 if none)."""
        if i >= len(tokens) or tokens[i] not in self.first_words:
            return 0
        for size in range(min(self.longest, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + size]) in self.items:
                return size
        return 0

    def find(self, tokens: Sequence[str]) -> list[tuple[int, int]]:
        """(start, end) word spans of the phrases in `tokens`, left to right, not overlapping."""
        out, i = [], 0
        while i < len(tokens):
            size = self.match_at(tokens, i)
            if size:
                out.append((i, i + size))
                i += size
            else:
                i += 1
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a province, kabupaten, kota, region, country, organisation, one of
    BPJS Ketenagakerjaan's programs or a group of workers (segment)."""

    kind: str
    name: str
    province: str = ""  # the province a kabupaten or kota is in


@dataclass(frozen=True)
class Gazetteer:
    """Names (and their aliases) of places and organisations, by their words."""

    names: dict[Phrase, Place] = field(default_factory=dict)

    @cached_property
    def phrases(self) -> Phrases:
        return Phrases(frozenset(self.names))

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of every name and alias ("timur", "selatan", ...)."""
        return frozenset(w for name in self.names for w in name)

    @cached_property
    def towns(self) -> frozenset[str]:
        """The one-word names and short forms of provinces, kabupaten, kota and countries (not
        of programs or groups of workers, whose words are ordinary: "bukan", "anak")."""
        kinds = ("province", "kabupaten", "kota", "country")
        names = self.names.items()
        return frozenset(name[0] for name, p in names if len(name) == 1 and p.kind in kinds)

    def find(self, tokens: Sequence[str]) -> list[Place]:
        """The places named in `tokens` (lowercase words), longest name first. A name with
        its short form between its words ("<Anu> (ANU) Timur") is the longer name's only, not
        also the shorter one's that its first words spell; one after a word of a street
        ("Jalan <Anu>") names the street, not the place."""
        found = [
            (start, end)
            for start, end in self.phrases.find(tokens)
            if not (start and tokens[start - 1] in _NAMED_AFTER)
        ]
        nexts = [*found[1:], (-1, -1)][: len(found)]  # the span after each
        return list(
            dict.fromkeys(
                self.names[tuple(tokens[start:end])]
                for (start, end), (after, last) in zip(found, nexts, strict=True)
                if not (after == end and self._completed(tokens[start:end], tokens[end:last]))
            )
        )

    def _completed(self, name: Sequence[str], after: Sequence[str]) -> bool:
        """Whether `after`, written right after `name`, is its short form followed by the
        words completing a longer name ("ANU Timur" after "<Anu>": "<Anu> Timur")."""
        if len(after) < 2 or tuple(after[:1]) == tuple(name):
            return False  # "<Anu>, <Anu> Timur": two places
        if self.names.get(tuple(after[:1])) != self.names[tuple(name)]:
            return False
        return self.names.get((*name, *after[1:])) == self.names.get(tuple(after))


# Words before the name of a street, which may be a place's name ("Jalan <provinsi>"; not
# "desa", which also comes before a district: "perangkat desa <kabupaten>")
_NAMED_AFTER = frozenset({"jalan", "jl", "jln", "gang"})


# Kinds whose short forms and English names stand for the place itself wherever they are written
# (a province's short form or English name: its own name). A kabupaten's aliases may name its
# seat, another town: only those spelled from its name's letters stand for it (`short_form`);
# a region's name shares its words with a province's.
SPELLED_KINDS = ("province", "country")
LOCAL_KINDS = ("kabupaten", "kota")


def short_form(alias: Phrase, name: Phrase) -> bool:
    """Whether `alias` is written with the name's letters, in order, from its first ("anbar"
    for "Anu Barat"; not "anukota", its seat)."""
    letters, spelled = "".join(alias), "".join(name)
    if not letters or not spelled or letters[0] != spelled[0]:
        return False
    rest = iter(spelled)
    return all(c in rest for c in letters)


def with_place_names(glossary: Glossary, gazetteer: Gazetteer) -> Glossary:
    """The glossary, plus every alias of a province or country read as its name, so a question
    writing a province's short form matches an article writing its name word for word; and a
    kabupaten's or kota's name of several words read as its one-word short form ("anu barat"
    as "anbar", spelled from its letters), so that the place counts as one word of
    a question, as it does in the articles that write it short. The glossary's own entries
    win."""
    aliases: dict[Phrase, Phrase] = {}
    names: dict[Phrase, Phrase] = {}
    of_place: dict[Place, list[Phrase]] = {}
    for alias, place in gazetteer.names.items():
        of_place.setdefault(place, []).append(alias)
    for place, written in of_place.items():
        name = tuple(words(place.name))
        names[name] = name  # a whole name stays itself
        # not a word of the name itself ("selatan" of "X Selatan"): other names use it too
        own = [a for a in written if not set(a) <= set(name)]
        if place.kind in SPELLED_KINDS:
            aliases.update((a, name) for a in own)
        elif place.kind in LOCAL_KINDS and len(name) > 1:
            short = [a for a in own if short_form(a, name)]
            token = next((a for a in short if len(a) == 1), None)
            if token and not any(a in glossary.entries for a in (name, *short)):
                aliases.update((a, token) for a in (name, *short) if a != token)
                names.pop(name)
    return Glossary({**aliases, **names, **glossary.entries})  # a whole name stays a name


KINDS = (
    "province",
    "kabupaten",
    "kota",
    "region",
    "country",
    "organisation",
    "program",
    "segment",
    "occupation",
)


def parse_gazetteer(text: str, path: str = "gazetteer.txt") -> Gazetteer:
    """Parse `kind | Name | alias ...` lines; `KnowledgeFileError` names a malformed line."""
    names: dict[Phrase, Place] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        kind, *labels = (part.strip() for part in line.split("|"))
        kind, _, province = kind.partition("@")
        if kind not in KINDS or not labels or not all(labels):
            raise KnowledgeFileError(
                path, lineno, f"expected 'kind | Name | alias', kind in {KINDS}"
            )
        place = Place(kind.strip(), labels[0], province.strip())
        for label in labels:
            names[tuple(words(label))] = place
    return Gazetteer(names)


# "Kabupaten Anu Hulu", "Kota Anu", "Desa Anu": a place by the word before its capitalized name
# (one or two words), for the places the gazetteer does not list (the kabupaten of a few
# provinces, no villages). Not a mayor's title ("Wali Kota <Nama>"), nor a year ("Dana Desa
# Tahun 2024").
_TITLED_PLACE_RE = re.compile(
    r"(?<!Wali )\b(Kabupaten|Kota|Kelurahan|Desa)\s+(?!Tahun\b)([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
)


def titled_places(text: str, known: Callable[[str], frozenset[Place]]) -> set[tuple[str, str]]:
    """The (kind, name) of each place `text` names by its title ("Kabupaten Anu Hulu") that
    `known` (the gazetteer's reading) does not find; a place is told by its name's first
    word, so "Kabupaten Anu Hulu Senin (5/12)" and "Kabupaten Anu" are one."""
    found: dict[str, tuple[str, str]] = {}
    for m in _TITLED_PLACE_RE.finditer(text):
        if not known(m.group(0)):
            name = m.group(2)
            found.setdefault(name.split()[0], (m.group(1).lower(), name))
    return set(found.values())


def province_of(text: str, gazetteer: Gazetteer) -> str:
    """The province a text names most, itself or by its kabupaten and kota ("" for none)."""
    counts = Counter(
        p.name if p.kind == "province" else p.province
        for p in _all_places(words(text), gazetteer)
        if p.kind == "province" or p.province
    )
    return counts.most_common(1)[0][0] if counts else ""


def _all_places(tokens: list[str], gazetteer: Gazetteer) -> list[Place]:
    return [gazetteer.names[tuple(tokens[s:e])] for s, e in gazetteer.phrases.find(tokens)]


def load_gazetteer(path: Path) -> Gazetteer:
    """The gazetteer file, or an empty one when it is missing."""
    if not path.exists():
        return Gazetteer()
    return parse_gazetteer(path.read_text(encoding="utf-8"), str(path))
