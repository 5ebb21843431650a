"""Outlets a message names only to give their figure. "<outlet A> bilang 1,3 jt, <outlet B>
bilang brp?" gives A's figure and asks B's: A's name and its figure are no part of what is
asked, and once they are left out the question names B alone, whose articles then answer it
(`bot.answer.candidates`: a question naming an outlet is answered from that outlet). Outlets
are known by the index's articles. No input or output."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass

from bot.answer.candidates import MIN_OUTLET
from bot.answer.vocabulary import COMMON_ZIPF, zipf_en, zipf_id

_WORD_RE = re.compile(r"[^\W_]+")
# A figure given with an outlet: one with a decimal or thousands separator, or a scale or
# percent after it ("1,3 jt", "34%", "Rp1.033.000"); not a year, a day or a count of
# districts ("2024", "31 Maret", "17 kabupaten").
_SCALE = r"\s*(?:%|(?:persen|percent|jt|juta|million|rb|ribu|thousand|miliar|billion|triliun)\b)"
_GIVEN_RE = re.compile(
    rf"(?<![\w.,])(?:rp\.?\s*)?(?:\d+(?:[.,]\d+)+(?:{_SCALE})?|\d+{_SCALE})", re.IGNORECASE
)
# Where what is said of an outlet ends: a sentence's or a line's end, a comma (none of
# them inside a figure), or "tapi", "kalau" ("A bilang 1,3 jt tapi B brp?").
_CLAUSE_END_RE = re.compile(
    r"[;?!\n]|[.,](?!\d)|\b(?:tp|tapi|tpi|kalo|kalau|klo|sedangkan|but|while|whereas)\b", re.I
)
_LONGEST = 3  # words an outlet's name may be typed in ("Koran Xyz")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    clause_end: int  # where what is said of it ends
    gives: bool  # a figure follows it in its clause: "xyznews bilang 1,3 jt"


class Outlets:
    """The outlets of an index (as `candidates.outlet_core` writes them), found in messages."""

    def __init__(self, names: Iterable[str], not_names: Set[str] = frozenset()) -> None:
        self.names = frozenset(n for n in names if len(n) >= MIN_OUTLET)
        self.not_names = not_names  # places and the agency's words: "<kota>.go.id"

    def without_given(
        self, text: str, substance: Callable[[str], int], asks: Callable[[str], bool]
    ) -> str:
        """`text` without the outlets that only give a figure and their figures, when it
        names exactly one other outlet without a figure: the one it asks about. A clause
        that `asks` gives nothing ("B brp per Maret 2024?"); one left with nothing of
        `substance` goes whole ("..., A bilang 1,3 jt, B brp?"). Outlets named without
        figures, or all with them, are compared: `text` is left as it is."""
        mentions = self._mentions(text, asks)
        asked = {m.name for m in mentions if not m.gives}
        if len(asked) != 1 or all(not m.gives for m in mentions):
            return text
        cut: list[tuple[int, int]] = []
        for m in mentions:
            if m.gives and m.name not in asked:
                end = m.clause_end
                given = [(g.start(), g.end()) for g in _GIVEN_RE.finditer(text, m.end, end)]
                rest = _without(text[m.end : end], [(s - m.end, e - m.end) for s, e in given])
                if substance(rest):
                    cut += [(m.start, m.end), *given]
                else:  # "A bilang 1,3 jt," says nothing else
                    cut.append((m.start, end + 1 if text[end : end + 1] == "," else end))
        return _without(text, cut)

    def _mentions(self, text: str, asks: Callable[[str], bool]) -> list[_Mention]:
        found = list(_WORD_RE.finditer(text))
        out: list[_Mention] = []
        i = 0
        while i < len(found):
            for n in range(min(_LONGEST, len(found) - i), 0, -1):
                run = found[i : i + n]
                name = "".join(m.group().lower() for m in run)
                if name in self.names and self._typed_as_name([m.group() for m in run]):
                    end = run[-1].end()
                    clause_end = _clause_end(text, end)
                    clause = text[end:clause_end]
                    gives = bool(_GIVEN_RE.search(clause)) and not asks(clause)
                    out.append(_Mention(run[0].start(), end, name, clause_end, gives))
                    i += n - 1
                    break
            i += 1
        return out

    def _typed_as_name(self, run: list[str]) -> bool:
        """No place and no word of the agency's name, and a word capitalized, holding a
        digit or rare as an ordinary word ("Koran Xyz", "xyz6", "xyznews"; not
        "pantau" or "berita pagi")."""
        lower = [w.lower() for w in run]
        if any(low in self.not_names for low in lower):
            return False
        return any(
            w[:1].isupper()
            or any(c.isdigit() for c in w)
            or max(zipf_id(low), zipf_en(low)) < COMMON_ZIPF
            for w, low in zip(run, lower, strict=True)
        )


def _clause_end(text: str, start: int) -> int:
    m = _CLAUSE_END_RE.search(text, start)
    return m.start() if m else len(text)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for start, end in sorted(spans):
        if start >= at:
            out.append(text[at:start])
            at = end
    out.append(text[at:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip()
