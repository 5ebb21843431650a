"""Follow-up questions: a second question of a message that leans on the one before it
("..., trus feb 2026 udh brp?", "..., berapa persen angkanya?"). Pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.answer.compare import plain
from bot.answer.constraints import TOPICS, named_figures
from bot.answer.question import Question, has_phrase, is_time
from bot.answer.scoring import AIM_WORDS, asks_target
from bot.answer.spans import MAGNITUDES
from index.gazetteer import Phrase, Place
from index.text import STOPWORDS, stem

# Words asking what holds now: after a question about a target, what is reached ("terbaru"
# is not one of them: "... yg terbaru?" asks the newest target).
_PRESENT = frozenset({"sekarang", "kini", "now", "currently"})
# Words of a follow-up that only say what it asks for ("tgl brp?", "alasannya?", "jadi brp?")
ASKING_NOUNS = frozenset(
    {"tanggal", "hari", "bulan", "tahun", "waktu", "alas", "alasan", "sebab", "jadi"}
)

# "trs data terbaru jd brp?": what the figure comes to, no term of what it is about
_COMES_TO = frozenset({"jadi"})


def names_its_time(q: Question) -> bool:
    """The question names a year or a month, or asks for the newest."""
    return bool(q.years or q.months or q.wants_latest)


def years_of(before: Question, q: Question) -> tuple[int, ...]:
    """The years of a follow-up: its own, or for a month without a year the years of the
    question before ("... akhir mei 2051 brp, trus akhir juni?")."""
    return q.years or (before.years if q.months else ())


def only_a_time(q: Question) -> bool:
    """A follow-up that names a time or the newest, or nothing at all but what it asks for
    ("trus 2024?", "tgl brp?")."""
    return names_its_time(q) or not set(q.terms) - ASKING_NOUNS


def continued(
    before: Question, q: Question, period_words: Iterable[Phrase] = (), changed: bool = False
) -> Question:
    """A follow-up naming nothing but a time ("..., trus feb 2026 udah brp?") asks what the
    question before it asked: its terms, places and people, and its time unless the
    follow-up names its own (or asks for the newest; a month without a year is of the year
    before); its unit when the follow-up asks "berapa" without one. One asking whether the
    figure `changed` by then ("..., trus 2024 naik gk?") asks that time's figure too."""
    own_time = names_its_time(q)
    kind, unit = q.kind, q.unit
    asks_figure = kind == "umum" or (changed and kind == "ya_tidak")
    if asks_figure or (kind == "berapa" == before.kind and unit == "jumlah"):
        kind, unit = before.kind, before.unit  # "trus 2024?", "skrg udah brp?"
    period = {stem(w) for p in period_words for w in p}
    # "target 2025 brp persen? trs skrg baru nyampe brp?": what holds now, not the aim (but
    # "... yg terbaru?" asks the newest target)
    now = _PRESENT & set(q.words) or has_phrase(q.words, "saat ini")
    aim = AIM_WORDS if now and not AIM_WORDS & set(q.words) else frozenset()
    aim_stems = {stem(w) for w in aim}
    skipped = STOPWORDS | aim
    topic = [w for w in before.words if w not in skipped and not is_time(w)]
    # "2020 coverage 36 persen, nah 2024 berapo? naik apo turun?": the figure told of the
    # time before is no term of one asking another figure or time, and "naik" only
    # compares; "yg 1,1 juta itu ...? data smpe kpn?" asks when of the figure told
    told = set(named_figures(before.text)) if kind == "berapa" or own_time else set()
    # and the magnitude written after it ("1,1 jt": "juta")
    pairs = zip(before.words, before.words[1:], strict=False)
    told |= {b for a, b in pairs if a in told and b in MAGNITUDES}
    targeted = asks_target(before)
    q = plain(q)
    return replace(
        q,
        kind=kind,
        words=(*topic, *q.words),
        terms=tuple(
            dict.fromkeys(
                (
                    *(t for t in before.terms if t not in period | aim_stems | told),
                    *(t for t in q.terms if t not in _COMES_TO),
                )
            )
        ),
        head=tuple(t for t in before.head if not is_time(t) and t not in aim_stems)
        + tuple(t for t in q.head if t not in _COMES_TO),
        unit=unit,
        places=carried(q.places, before.places),
        people=q.people or before.people,
        years=years_of(before, q) if own_time else before.years,
        months=q.months if own_time else before.months,
        context_terms=tuple(t for t in q.context_terms if t not in before.terms),
        # as well known as the question it continues, with its own unknown words ("alasannya
        # apa?" names no word of it; "trus 2023 utk <nama>?" names one the articles never use)
        unknown_common=tuple(dict.fromkeys(before.unknown_common + q.unknown_common)),
        unknown_rare=tuple(dict.fromkeys(before.unknown_rare + q.unknown_rare)),
        common_share=before.common_share,
        rare_share=max(before.rare_share, q.rare_share),
        asked_unknown=before.asked_unknown,
        # (not a target's year: "target 2025 brp? trs skrg brp?" asks what is reached)
        after_year=max(before.years) if now and before.years and not (targeted or q.years) else 0,
    )


def within(before: Question, q: Question, places: bool = True) -> Question:
    """A question naming no time of its own keeps the question before it to its time ("...
    in 2039, and how many died?"), and a short follow-up to its place too ("Untuk tahun
    2020, siapa ...? berapa persen angkanya?"); one asking a target after a question that
    did not looks ahead of that time ("... per agustus 2024 brp orang? terus targetnya brp
    persen?")."""
    ahead = asks_target(q) and not asks_target(before)
    return replace(
        q,
        years=() if ahead else before.years,
        months=() if ahead else before.months,
        places=carried(q.places, before.places) if places else q.places,
    )


def carried(own: tuple[Place, ...], before: tuple[Place, ...]) -> tuple[Place, ...]:
    """A follow-up's places, programs and groups of workers, with those of the question
    before it of every kind it does not name itself ("di kota X? kalau JHT?")."""
    kinds = {_group(p) for p in own}
    return own + tuple(p for p in before if _group(p) not in kinds)


def _group(p: Place) -> str:
    return p.kind if p.kind in TOPICS else "place"
