"""Reading a chat message like a person: the questions in it, apart from greetings, thanks,
apologies, honorifics and self-introductions.

"Assalamualaikum min, sy buruh sawit di kebun mau tanya, berapa pekerja yang sudah
terlindungi? makasih" holds one question; the self-introduction is context. Context may help
retrieval, but nothing in it can make the engine refuse: constraints come from the question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.answer.constraints import OWN_FIGURE, named_figures
from bot.answer.evidence import ROLE_WORDS
from bot.answer.lexicons import Lexicons
from bot.answer.lists import asked_ordinal
from bot.answer.named import without_clitic
from bot.answer.question import (
    ASKING_WORDS,
    AUXILIARIES,
    COMPARISON_CUES,
    FIGURE_NOUNS,
    VALUE_NOUNS,
    WH_WORDS,
    asks_money,
    is_time,
    is_year,
    names_now,
    tells_percent,
)
from index.text import STOPWORDS, normalize

MIN_QUESTION_TERMS = 2  # a shorter question ("apo masalahnyo?") continues the one before it
_WRAPPERS = ("greeting", "honorific", "thanks", "apology", "ask", "connective")
_TOKEN_RE = re.compile(r"[0-9]+(?:[.,/][0-9]+)*%?|[^\W\d_]+", re.UNICODE)
_BREAK_RE = re.compile(r"(?<=[.!?])\s+|\n+|\s*[?]+\s*")
# An English self-introduction opening a message ("journalist here - what ...", "HR staff
# here, ..."): a sentence of its own; not a question's "here" ("who works here, in ...").
_HERE_RE = re.compile(r"(?i)^\s*((?:[^\W\d_]+\s+){1,3})here\b\s*[-\u2013\u2014,:]\s*")
_NOT_WHO = frozenset("who what which where when why how is are do does did can work works".split())
# Words joining the two questions of one sentence ("..., trus skrg udah brp?").
_JOINERS = {"dan", "trus", "trs", "terus", "lalu", "serta", "and", "then", "kemudian"}
# What a thin question may ask of the one before it ("... ? yg ngomong siapa"): it stays apart.
_FOLLOW_UP_KINDS = ("kapan", "kenapa", "siapa", "di_mana")
# Words that only say in what a count is given ("berapa orang?", "persennya berapa?")
_MEASURES = FIGURE_NOUNS | VALUE_NOUNS | {"orang", "persen", "tepat", "tepatnya", "kira"}
_NAMING_KINDS = ("siapa", "di_mana")  # alone ("siapa ya?"), they ask the question before
# Particles that make a statement a question ("JKM ya?"): not a question word of its own.
_TAGS = {"ya", "yah", "ga", "gak", "nggak", "kan", "kah", "dong", "sih", "deh", "tidak", "bukan"}
_ASKING_TAGS = _TAGS - {"ya", "yah", "kan", "dong", "sih", "deh"}  # they ask yes or no
_NEGATIONS = {"tidak", "belum", "bukan", "not", "no"}  # the other side of what was asked
# Each item of a list asked for ("berikut jumlah masing-masing"; not "setiap" or "tiap",
# which mostly mean "per": "berapa iuran setiap bulan?").
_EACH = {"masing", "masing-masing", "each"}
# Asking words a question may open with in pairs ("Kapan dan di mana ...?", "kapan sama ...")
_PAIRED_ASKS = frozenset({"kapan", "siapa", "berapa", "di mana", "dimana", "when", "where", "who"})
_PAST = frozenset({"dulu", "dulunya", "dahulu", "sebelumnya", "previously"})  # a told time
_LINKED = "\x00"  # marks a question cut from the sentence before it (internal)


@dataclass(frozen=True)
class Reading:
    """The questions of a message, in order, and the rest of it (context for retrieval). No
    questions: the message only greets, thanks or apologises."""

    questions: tuple[str, ...]
    context: str = ""
    lead: str = ""  # the sentence just before the first question, if it tells of something
    # the questions cut from the sentence of the one before ("... 2039, and how many died?")
    linked: frozenset[int] = frozenset()


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), normalize(m.group())) for m in _TOKEN_RE.finditer(text)]


def _symbols_to_breaks(text: str) -> str:
    """Emoji and other pictographs separate sentences in chat ("... nih 🐟 mau nanya ...")."""
    return "".join(
        "\n" if unicodedata.category(ch) in ("So", "Sk", "Cs", "Co") else ch for ch in text
    )


def _introduced_here(m: re.Match[str]) -> str:
    """ "journalist here - " as a sentence of its own (not "who works here, ...")."""
    said = m.group()
    return said if _NOT_WHO & set(m.group(1).lower().split()) else said.rstrip() + "\n"


def segments(text: str) -> list[str]:
    """The message cut at sentence ends, question marks, line breaks and emoji."""
    text = _HERE_RE.sub(_introduced_here, _symbols_to_breaks(text))
    pieces, start = [], 0
    for m in _BREAK_RE.finditer(text):
        end = m.start() + (1 if "?" in m.group() else 0)
        pieces.append(text[start:end])
        start = m.end()
    pieces.append(text[start:])
    return [p.strip(" \t,;:-") for p in pieces if p.strip(" \t,;:-.!")]


class Reader:
    """Splits messages into questions and context with the chat markers of `Lexicons`."""

    def __init__(
        self,
        lexicons: Lexicons,
        is_question: Callable[[Sequence[str]], bool],
        substance: Callable[[Sequence[str]], int] | None = None,
        kind_of: Callable[[Sequence[str]], str] | None = None,
        timed: Callable[[Sequence[str]], bool] | None = None,
    ) -> None:
        """`is_question(words)` tells whether standard-Indonesian words ask something;
        `substance(words)` how many of them name something the articles could be about (a
        question with fewer than `MIN_QUESTION_TERMS` continues its neighbour); `kind_of`
        what kind of question they ask ("kapan", "kenapa", ...); `timed` whether they
        name a year, a month or "now"."""
        self.lex = lexicons
        self.is_question = is_question
        self.substance = substance or _content
        self.kind_of = kind_of or (lambda _: "umum")
        self.timed = timed or names_time
        # words that only announce the questions before a colon ("Pertanyaan saya dua: ...")
        self.announcing = frozenset(w for p in lexicons.markers("announce").items for w in p)

    def read(self, text: str) -> Reading:
        """The questions of a message; the whole message when it holds none."""
        questions: list[str] = []
        context: list[str] = []
        lead = ""
        for piece in segments(text):
            before, ask = self._split_at_ask(piece)
            if before:
                context.append(before)
            announced, ask = self._past_announcement(ask)
            if announced:
                context.append(announced)
            core = self._trim(ask)
            if not core:
                continue
            if self._introduces(core):  # "im a fisherman in X, am i included ...?"
                intro, asked = self._past_introduction(core)
                if asked:
                    context.append(intro)
                    core = asked
            told = context[-1] if context else ""  # before this piece's afterword
            core, afterword = self._before_afterword(core)
            if afterword:
                context.append(afterword)
            words = self._read(core)
            marked = piece.rstrip().endswith("?")
            # "brp ... yg udh terlindungi? angka pastinya ya": after a question, a piece that
            # asks only by a softening tag at its end, without "?", remarks on it ("naik ga
            # sih", "... dak" still ask yes or no)
            remark = (
                bool(questions)
                and not marked
                and not _ASKING_TAGS & set(words)
                and not self._words_ask(words, strict=True)
            )
            if self._introduces(core) and not marked:
                context.append(core)
            elif (marked or self.is_question(words)) and not remark:
                if not questions and told and self._tells(told):
                    lead = told
                parts = self._paired(core) or self._compound(core)
                questions.append(parts[0])
                questions += [f"{_LINKED}{self._after_connective(part)}" for part in parts[1:]]
            elif questions and self._times_told(words):
                if self._now_after(words, questions[-1]):
                    questions.append(core)  # "... 2020 brp? skrg": now, after that year
                else:
                    questions[-1] += f" {core}"  # "... siapa aja? 2020, 2023, 2024": its times
            else:
                context.append(core)
        if not questions:
            whole = self._trim(" ".join(context))
            return Reading((whole,) if whole else (), "")
        joined, linked = self._joined(questions)
        return Reading(tuple(joined), " ".join(context), lead, linked)

    def _paired(self, core: str) -> list[str]:
        """A question opening with two asking words ("Kapan dan di mana <X>?", "When and
        where was <X> ...?", "kapan samo di mano ...") as two questions of the same words:
        "Kapan <X>?" and "di mana <X>?", then any other question the sentence asks after
        <X>; [] otherwise (and for one asking word twice: "siapa sama siapa ...")."""
        toks = _tokens(core)
        forms = [" ".join(self.lex.expand([w])) for _, _, w in toks]

        def asking(i: int) -> int:  # the number of tokens of an asking word at i
            if i < len(forms) and forms[i] in _PAIRED_ASKS:
                return 1
            return 2 if forms[i : i + 2] == ["di", "mana"] else 0

        first = asking(0)
        joined = first + (first < len(forms) and forms[first] in _JOINERS | {"sama"})
        second = asking(joined) if first and joined > first else 0
        if not second or joined + second >= len(toks):
            return []
        if forms[:first] == forms[joined : joined + second]:
            return []  # "siapa sama siapa yang ketemu?": who met whom
        one, other = (
            core[: toks[first - 1][1]],
            core[toks[joined][0] : toks[joined + second - 1][1]],
        )
        # "Kapan dan di mana X, dan berapa pesertanya?": the pair asks the first question
        asked, *others = self._compound(f"{one} {core[toks[joined + second][0] :]}")
        return [asked, f"{other} {asked[len(one) + 1 :]}", *others]

    def _compound(self, core: str) -> list[str]:
        """A sentence asking two things ("... akhir 2021 brp persen, trus skrg udah brp?",
        "how many claims ..., and how many of them were fatal?") cut at the joiner between
        two questions (at "dan", "trus", "and", "&" or a comma); `[core]` when it asks one
        thing. A cut after which the question goes on before its next joiner or comma comes
        first ("... tertinggi dan terendah di <provinsi>, dan berapa ...?" is cut at the
        second "dan"); else the first cut after which a question of its own stands."""
        toks = _tokens(core)
        cuts = [
            i
            for i in range(1, len(toks) - 1)
            if toks[i][2] in _JOINERS or re.search("[,&]", core[toks[i - 1][1] : toks[i][0]])
        ]
        # (left, right, the right side up to the next cut, a comma before it, cut at a joiner)
        sides = []
        for n, i in enumerate(cuts):
            joiner = toks[i][2] in _JOINERS
            right_start = toks[i + 1][0] if joiner else toks[i][0]
            upto = toks[cuts[n + 1] - 1][1] if n + 1 < len(cuts) else len(core)
            comma = "," in core[toks[i - 1][1] : toks[i][0]]
            left, right = core[: toks[i - 1][1]], core[right_start:]
            sides.append((left, right, core[right_start:upto], comma, joiner))
        for whole in (False, True):  # "..., dan untuk JKM, berapa?": asked past the comma
            for left, right, clause, comma, joiner in sides:
                asked = right if whole else clause
                if whole and not comma:
                    continue  # "... informal dan formal, itu brp?": one pair of words
                # a told figure is asked to be checked ("... 63% kan?")
                told = self._tells_past_figure(left, asked)
                if not (self.asks(left) or told) or not self.asks(asked, strict=True):
                    continue
                if (not joiner and _inverted(left, asked)) or self._premise(left, asked):
                    continue  # "How much money, in rupiah, did ...?": one question
                if self._apart(left, right):
                    checked = left.strip(" ,&") + ("?" if told else "")
                    return [checked, *self._compound(right.strip(" ,&"))]
        return [core]

    def _read(self, text: str) -> list[str]:
        """The words of `text` as the lexicons read them."""
        return self.lex.expand(w for _, _, w in _tokens(text))

    def _premise(self, told: str, asked: str) -> bool:
        """A percentage told before a question asking for the list it told of ("untuk kejar
        target 50 persen itu fokus ke 4 hal, apa saja keempatnya?"): what the question is
        asked of, not a figure to confirm (as "... 65 persen, kalo <provinsi> brp persen?" is)."""
        told_words = self._read(told)
        later = self._read(asked)
        return tells_percent(told_words) and self.kind_of(later) == "apa_saja"

    def _tells_past_figure(self, told: str, asked: str) -> bool:
        """A clause telling a figure of a past time before a question asking it of another
        ("<nama> dulu targetnya 63% kan, kalo target 2025 brp?"): the told figure is one side
        to confirm. Not the asker's own ("gaji saya 3 juta, ...")."""
        words = self._read(told)
        named_time = any(is_time(w) for w in words)
        past = named_time or bool(_PAST & set(words))  # not "now"
        later = self._read(asked)
        own = self._introduces(told) or bool(OWN_FIGURE & set(words))
        asking = bool(ASKING_WORDS & set(words))  # "dari 3 juta, brp yg ...": a premise
        # "maret 2024 kan 1,1 jt, trs agustus 2024 jd brp?": one question comparing two
        # times it names (`compare.sides`), not a figure told of the past and now
        dated = named_time and any(is_time(w) for w in later)
        return (
            bool(named_figures(told))
            and past
            and self.timed(later)
            and not (own or asking or dated)
        )

    def _apart(self, left: str, right: str) -> bool:
        """The second question of a sentence asks something of its own: not one asking the
        same kind of thing as the first with no word the first lacks, only pointing back
        ("..., itu brp aja ya?"), unless it names a time ("..., kalo yg terbaru brp?") or
        asks when, why, who or where of the first (as `_joined` keeps questions apart); one
        asking each item's figure of a list asked for first is that list's."""
        words = self._read(right)
        before = self._read(left)
        if _EACH & set(words) and self.kind_of(before) == "apa_saja" and not self.timed(words):
            return False  # "apa saja ..., berikut jumlah masing-masing?": the list's figures
        seen = _content_set(before)
        return (
            self.substance([w for w in words if w.removesuffix("nya") not in seen]) > 0
            or bool(_NEGATIONS & (set(words) - set(before)))  # "..., dan berapa yang tidak?"
            or self.kind_of(words) != self.kind_of(before)
            or self.timed(words)
            or self._asks_more_of(words, left)
        )

    def _past_introduction(self, core: str) -> tuple[str, str]:
        """("sy buruh sawit di X", "program apa aja?") for "sy buruh sawit di X, program apa
        aja?" or "I'm not registered yet — how can I ...?": a self-introduction cut at the
        first comma or dash after which a question stands on its own; (core, "") when there
        is none."""
        # a comma, or a dash between words (not one between numbers, "2020 - 2023")
        for match in re.finditer(r",|(?<!\d)(?:\s-\s|\s*[—–]\s*)(?!\d)", core):
            rest = core[match.end() :].strip()
            if rest and self.asks(rest, strict=True):
                return core[: match.start()].strip(), rest
        return core, ""

    def _before_afterword(self, core: str) -> tuple[str, str]:
        """("program apa aja", "aku dak paham nian") for "program apa aja, aku dak paham
        nian": a statement about the asker after the last comma of a question is context, or
        without a comma from the last self word on ("... tu aku dak paham nian"); (core, "")
        when there is none."""
        if core.rstrip().endswith("?"):  # "..., saya berhak?" asks it
            return core, ""
        cut = core.rfind(",")
        if cut >= 0:
            question, rest = core[:cut].strip(), core[cut + 1 :].strip()
            about_asker = self._introduces(rest) or self._asker_purpose(rest)
            if rest and about_asker and not self.asks(rest) and self.asks(question):
                return question, rest
            return core, ""
        # no comma: "apo bae program bpjs tk tu aku dak paham nian", after a question that
        # names enough by itself (not "apakah saya bisa ...")
        toks = _tokens(core)
        for start, _, _ in reversed(toks[1:]):
            question, rest = core[:start].strip(), core[start:].strip()
            if not self._introduces(rest):
                continue
            asked = list(self._read(question))
            whole = bool(asked) and asked[-1] not in _OPEN_ENDS  # not "... yang harus <saya>"
            names_enough = _content(asked) >= _NAMED_ALONE and whole
            if names_enough and self.asks(question) and not self.asks(rest):
                return question, rest
            break  # the last self word decides
        return core, ""

    def asks(self, text: str, strict: bool = False) -> bool:
        """Whether `text` asks something; `strict`: without the tags at its end (a noun and
        "ya" or "ga", "JKM ya?", is no second question)."""
        return self._words_ask(self._read(text), strict)

    def _words_ask(self, expanded: Sequence[str], strict: bool = False) -> bool:
        """`_asks` of words already read with the lexicons."""
        words = list(expanded)
        while strict and words and words[-1] in _TAGS:
            # "<nama> apa bukan?", "... atau tidak?": the "or" of the tag goes with it
            if words.pop() in _ASKING_TAGS and words[-1:] in (["apa"], ["atau"]):
                words.pop()
        return self.is_question(words)

    def _joined(self, questions: list[str]) -> tuple[list[str], frozenset[int]]:
        """Questions too thin to stand alone joined to their neighbour: "data maret sm agustus
        beda ya? brp aja yg terlindungi" is one question, "... ? apo masalahnyo" too. The
        second question of a compound sentence stays apart (it follows up the first), and so
        does one naming a year or month ("... ? trus kalo 2020 brp?"), asking when, why, who
        or where of the one before ("... ? yg ngomong siapa"), or a thin one naming a time
        after a thin one naming another ("target 2025 brp persen? trs skrg brp?"), or now
        after one naming a year ("2020 coverage brp? kalo skrg?"); a thin first question
        stays apart from one asking more of it (`_apart_from`). Also the indexes of the
        questions cut from the sentence of the one before."""
        out: list[str] = []
        linked: set[int] = set()
        pending = ""
        for q in questions:
            if q.startswith(_LINKED) and out and not pending:
                linked.add(len(out))
                out.append(q[len(_LINKED) :])
                continue
            q = q.removeprefix(_LINKED)
            words = self._read(q)
            # "..., trus kalo 2020 brp?": the question before, asked again for another time
            prior = pending or (out[-1] if out else "")
            # "... 2020 brp? kalo sekarang?": now, set against the year of the one before
            now_after = self._now_after(words, prior)
            dated = any(is_time(w) for w in words) or now_after
            again = bool(prior) and self._asked_again(prior, words)
            # "target 2025 brp persen? trs skrg brp?": asked twice; "2020 coverage brp? kalo
            # skrg?": asked again for now
            apart = bool(pending) and self._apart_from(words, pending)
            if pending and (again or now_after or apart):
                out.append(pending)
                pending = ""
            if pending:
                q = f"{pending} {q}"
                words = self._read(q)
                pending = ""
            thin = self.substance(words) < MIN_QUESTION_TERMS
            # "... brp persen? alasannya apa?", "... ? yg ngomong siapa": when, why, who or
            # where, asked of the question before
            other = out and self._asks_more_of(words, out[-1])
            if not thin or (dated and out) or other or again or apart:
                out.append(q)
            elif out:
                out[-1] = f"{out[-1]} {q}"
            else:
                pending = q
        if pending:
            out.append(pending)
        return out, frozenset(linked)

    def _times_told(self, words: Sequence[str]) -> bool:
        """Words naming nothing but times, with the words placing them in a period ("awal",
        knowledge/chat.txt's [period]) and a tag the asker checks them by ("2020, 2023,
        2024", "awal 2023 kan")."""
        named = list(words)
        while named and named[-1] in _TAGS:
            named.pop()
        timed = [w for w in named if w not in self.period_words]
        return bool(timed) and all(self.timed([w]) for w in timed)

    @cached_property
    def period_words(self) -> frozenset[str]:
        """Words that only place a question in time ("akhir", "awal", "year": [period])."""
        return frozenset(w for p in self.lex.markers("period").items for w in p)

    def _apart_from(self, words: Sequence[str], pending: str) -> bool:
        """A thin first question stays apart from the next when that asks more of it
        ("Harapannya apa? Dan audiensinya di mana?") or, naming a time or now, asks another
        kind ("Itu target untuk tahun berapa? Terus sekarang sudah berapa persen?")."""
        if self._asks_more_of(words, pending):
            return True
        before = self._read(pending)
        other_kind = self.kind_of(words) != self.kind_of(before)
        return names_time(words) and self.is_question(words) and other_kind

    def _asked_again(self, prior: str, words: Sequence[str]) -> bool:
        """A question naming a time and one after it asking of another time, comparing
        nothing ("target 2025 brp persen? trs skrg brp?"): the first asked again, not one
        question ("data maret? sm agustus beda ya?" compares; "...? yg terbaru ya" asks
        nothing of its own)."""
        before = self._read(prior)
        return (
            self.timed(before)
            and self.timed(words)
            and self.kind_of(words) != "umum"
            and not COMPARISON_CUES & set(words)
        )

    def _asks_more_of(self, words: Sequence[str], before: str) -> bool:
        kind = self.kind_of(words)
        asked_before = self._read(before)
        previous = self.kind_of(asked_before)
        if kind in _NAMING_KINDS and not _content(words):
            return False  # "kepala kantor cabang X? siapa ya?": the question word of the first
        if kind == "siapa" == previous:  # "siapa kepala kanwil? trus wakilnya siapa?"
            roles, before_roles = _roles(words), _roles(asked_before)
            # "wakil kepala siapa? kepalanya siapa pula?": the office without the deputy's title
            undeputied = bool(roles) and bool(before_roles & _DEPUTY) and not roles & _DEPUTY
            return bool(roles - before_roles) or undeputied
        if previous == "apa_saja" and asked_ordinal(words) and not asked_ordinal(asked_before):
            return True  # "fokus 4 hal itu apa aja? yg ketiga apa?": the list, then one item
        money = kind == "berapa" == previous and asks_money(tuple(words))
        if money and not asks_money(tuple(asked_before)):
            return True  # "... brp org? anggarannya brp?": an amount of money after a count
        if kind == "berapa" == previous and "berapa" in words and "berapa" in asked_before:
            # "... yang celako ado berapo? Yang meninggal berapo?": another count, of its own
            # (not "... berapa orang?", "totalnya berapa?", "berapa persennya?")
            return bool(_content_set(words) - _content_set(asked_before) - _MEASURES)
        return kind in _FOLLOW_UP_KINDS and kind != previous

    def _split_at_ask(self, piece: str) -> tuple[str, str]:
        """("sy buruh sawit di kebun", "berapa ...") for "sy buruh sawit di kebun mau tanya
        berapa ..."; ("", piece) when no phrase announces a question."""
        toks = _tokens(piece)
        words = [w for _, _, w in toks]
        ask = self.lex.markers("ask")
        for i in range(len(words)):
            size = ask.match_at(words, i)
            if size and i + size < len(words):
                before = piece[: toks[i][0]].strip(" ,;:-")
                return before, piece[toks[i + size - 1][1] :]
        return "", piece

    def _past_announcement(self, ask: str) -> tuple[str, str]:
        """("Pertanyaan saya dua", "berapa ...") for "Pertanyaan saya dua: berapa ...": the
        words before a colon announce what follows it when they are all announcing words
        (knowledge/chat.txt's [announce]); ("", ask) otherwise ("JKM 2023: berapa ...?")."""
        head, colon, rest = ask.partition(": ")
        words = [w for _, _, w in _tokens(head)]
        if colon and words and set(words) <= self.announcing and self.asks(rest):
            return head.strip(), rest.strip()
        return "", ask

    def _trim(self, text: str) -> str:
        """`text` without wrapping greetings, honorifics, thanks and apologies at either end."""
        toks = _tokens(text)
        words = [w for _, _, w in toks]
        start, end = 0, len(words)
        changed = True
        while changed and start < end:
            changed = False
            for section in _WRAPPERS:
                size = self.lex.markers(section).match_at(words[:end], start)
                if size:
                    start, changed = start + size, True
        while end > start:
            size = max(
                (self._ends_with(section, words[start:end]) for section in _WRAPPERS), default=0
            )
            if not size:
                break
            end -= size
        if start >= end:
            return ""
        return text[toks[start][0] : toks[end - 1][1]].strip() + (
            "?" if text[toks[end - 1][1] :].strip().startswith("?") else ""
        )

    def _now_after(self, words: Sequence[str], prior: str) -> bool:
        """Words naming now, not a year or month of their own, after a question naming a year
        ("2020 coverage brp? kalo skrg?"): now, set against that year."""
        return self.timed(words) and not any(is_time(w) for w in words) and _years_in(prior)

    def _after_connective(self, part: str) -> str:
        """A later part of a sentence without the connective opening it ("trs data terbaru
        jd brp?": "data terbaru jd brp?")."""
        toks = _tokens(part)
        size = self.lex.markers("connective").match_at([w for _, _, w in toks], 0)
        return part[toks[size][0] :] if 0 < size < len(toks) else part

    def _ends_with(self, section: str, words: list[str]) -> int:
        phrases = self.lex.markers(section)
        for size in range(min(phrases.longest, len(words)), 0, -1):
            if phrases.match_at(words[-size:], 0) == size:
                return size
        return 0

    def _introduces(self, text: str) -> bool:
        """A self-introduction: starts with "saya / sy / aku / perkenalkan / I'm ..."."""
        words = [w for _, _, w in _tokens(text)]
        return bool(words) and self.lex.markers("self").match_at(words, 0) > 0

    def _asker_purpose(self, text: str) -> bool:
        """What the asker wants the answer for ("biar kami bisa sosialisasi ke anggota", "so
        I can tell my boss"): a word of purpose, then a self word."""
        words = [w for _, _, w in _tokens(text)]
        return (
            bool(words) and words[0] in _PURPOSE and self.lex.markers("self").match_at(words, 1) > 0
        )

    def _tells(self, text: str) -> bool:
        """A sentence telling of something, not introducing the asker ("kami dengar ada
        acara ...", "ada acara ...", not "saya nelayan di ...")."""
        words = [w for _, _, w in _tokens(text)]
        at = self.lex.markers("self").match_at(words, 0)
        return at == 0 or self.lex.markers("report").match_at(self.lex.expand(words[at:]), 0) > 0


_PURPOSE = frozenset({"agar", "supaya", "spy", "biar", "so"})  # "biar kami ...", "so I ..."
_NAMED_ALONE = 3  # content words a question names by itself, without an afterword
# Words a clause goes on after: the words that follow are still the question's.
_OPEN_ENDS = frozenset(
    "yang harus bisa dapat untuk akan mau ingin kalau jika agar supaya buat dan atau dengan "
    "di ke dari oleh pada bagi sudah telah belum masih".split()
)


def _inverted(left: str, right: str) -> bool:
    """An English question going on past a parenthesis ("How much money, in rupiah, did the
    government allocate ...?"): the auxiliary after the comma is its own, when the words
    before it open with a question word and hold no verb of theirs."""
    before = [w.lower() for _, _, w in _tokens(left)]
    after = _tokens(right)
    return (
        bool(before and after)
        and before[0] in WH_WORDS
        and after[0][2].lower() in AUXILIARIES
        and not AUXILIARIES & set(before)
    )


def _years_in(text: str) -> bool:
    return any(is_year(w) for _, _, w in _tokens(text))


def names_time(words: Sequence[str]) -> bool:
    """Standard words (the glossary's: "sekarang" for "skrg") name a year, a month or now
    ("2020", "maret", "sekarang", "saat ini")."""
    return any(is_time(w) for w in words) or names_now(words)


_DEPUTY = frozenset({"wakil", "deputi"})


def _roles(words: Sequence[str]) -> set[str]:
    """The offices `words` name ("wakilnya", "kepalanyo": "wakil", "kepala")."""
    return {without_clitic(w, ROLE_WORDS) for w in words} & ROLE_WORDS


def _content_set(words: Sequence[str]) -> set[str]:
    """The words that are no function words or numbers, without "-nya" ("totalnya")."""
    return {w.removesuffix("nya") for w in words if w not in STOPWORDS and not w.isdigit()}


def _content(words: Sequence[str]) -> int:
    return sum(1 for w in words if w not in STOPWORDS and not w.isdigit())
