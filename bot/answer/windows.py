"""Candidate windows: one or two consecutive sentences of an article that start inside a
retrieved chunk, the article's headline, and a chosen window widened to the sentences it
leans on. Pure functions over an article and its sentences."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from bot.answer import evidence
from bot.answer.scoring import Scored
from index.records import Article, Chunk, Sentence
from index.text import STOPWORDS, split_sentences

HEADLINE_WORDS = 25  # a lone body line this short without a full stop is a headline
ITEM_WORDS = 15  # a list item after an announcing ":" ending with a full stop is a short line
LINE_ITEM_WORDS = 20  # ... or a line of its own, when every item ends with a full stop
BACK_SENTENCES = 3  # sentences of the paragraph before that an "Angka itu ..." answer shows
ITEM_REACH = 12  # lines a list item may stand below the sentence announcing its list
QUOTE_REACH = 2  # sentences after a window that may close the quotation it opens

_DIGIT = re.compile(r"\d")
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "'")  # a quote closes a sentence too
# A paragraph announcing the list below it with a full stop, not a colon ("Sepanjang <periode>,
# klaim yang dibayarkan mencapai <jumlah>. Rinciannya sebagai berikut.")
_ANNOUNCES = re.compile(r"(?i)\b(?:sebagai\s+berikut|berikut\s+(?:ini|rinciannya))\s*\.$")
# An item of such a list, a label and its figure: "<Program> (<singkatan>): Rp<n> miliar."
_LABELLED = re.compile(r"^[^:.!?]{2,60}:[^\n]*\d")
# ... or a label and a name: "<Kategori>: PT <Nama> (<usaha>, <kota>)"
_NAMED_ITEM = re.compile(r"^[^:.!?]{2,60}:\s*[A-Z]")
# A quote said by "him" or "her" ("...," ucapnya): the speaker is named before it.
_SAID_BY_PRONOUN_RE = re.compile(
    r"[,\"”]\s*(?:ucap|ujar|kata|tutur|ungkap|jelas|tegas|tukas|imbuh|tambah|terang|papar)nya\b"
)


def windows_of(chunk: Chunk, article: Article, sents: list[Sentence]) -> list[Scored]:
    """The windows of a retrieved chunk (unscored), the headline first when it opens the
    article."""
    out = []
    if chunk.start == 0 and article.title:
        out.append(Scored(article, (Sentence(article.id, -1, -1, article.title),), (-1,), 0, 0, 0))
    for pos, s in enumerate(sents):
        if s.start < chunk.start or s.end > chunk.end or headline_like(article.body, s):
            continue
        for size in (1, 2):
            last = pos + size - 1
            if last >= len(sents) or not same_paragraph(article.body, s, sents[last]):
                break
            out.append(
                Scored(article, tuple(sents[pos : last + 1]), tuple(range(pos, last + 1)), 0, 0, 0)
            )
    return out


def same_paragraph(body: str, first: Sentence, last: Sentence) -> bool:
    """No paragraph break stands between the two sentences of `body`."""
    return "\n" not in body[first.end : last.start]


def alone(body: str, s: Sentence) -> bool:
    """The sentence stands on a line of its own in `body`."""
    return (s.start == 0 or body[s.start - 1] == "\n") and (
        s.end == len(body) or body[s.end] == "\n"
    )


def headline_like(body: str, s: Sentence) -> bool:
    """A short line standing alone, without a full stop: a heading or another story's
    headline left in the body, not answer text."""
    ends = s.text.rstrip().endswith((*_SENTENCE_ENDS, "’", ")", ":"))
    short = alone(body, s) and not ends and len(s.text.split()) <= HEADLINE_WORDS
    return short and not list_item(body, s)


def list_item(body: str, s: Sentence) -> bool:
    """A line with a figure in a list that a sentence announces with ":" ("Rinciannya:",
    then "Kecelakaan kerja: 5.684 kasus, Rp96,2 miliar"): answer text, which the
    sentences before it place in time and space."""
    return bool(list_lead(body, s))


def window_lead(window: Scored) -> str:
    """The paragraph announcing the list a window's first sentence is an item of, or the
    sentence before one whose figures are of what that one counted ("Angka itu naik dari
    ..."); "" for a title or any other window."""
    if window.title:
        return ""
    first = window.sentences[0]
    if evidence.figure_refers_back(first.text):
        return text_before(window.article.body, first)
    return list_lead(window.article.body, first)


def item_label(window: Scored) -> str:
    """The label of a one-sentence window that is an item of a list a paragraph announces
    ("Perusahaan Skala Besar: PT <Nama> (<usaha>)", "Tangan prostesis: Rp<n> juta"): the
    words before its colon; "" for any other window."""
    if window.title or len(window.positions) > 1:
        return ""
    text = window.sentences[0].text
    if not (_LABELLED.match(text) or _NAMED_ITEM.match(text)):
        return ""
    if not list_lead(window.article.body, window.sentences[0]):
        return ""
    return text.split(":", 1)[0]


def antecedent(window: Scored) -> str:
    """For a window taking a part of a figure stated before ("Dari <N> kasus tersebut, ..."),
    the last sentence before it stating that figure, however far back ("... tercatat <N> kasus
    kecelakaan kerja di <Kabupaten> ..."): it places the part in time and space; "" for any
    other window."""
    if window.title:
        return ""
    first = window.sentences[0]
    figure = evidence.figure_taken_from(first.text)
    return "" if figure is None else _stating(window.article.body, first.start, figure)


@lru_cache(maxsize=256)
def _stating(body: str, until: int, figure: str) -> str:
    """The last sentence of `body[:until]` stating `figure` as a number of its own; "" if
    none does."""
    above = body[:until]
    pattern = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|[.,]\d)")
    at = next(reversed(list(pattern.finditer(above))), None)
    if at is None:
        return ""
    start = above.rfind("\n", 0, at.start()) + 1  # the paragraph stating it
    end = above.find("\n", at.start())
    paragraph = above[start : end if end >= 0 else len(above)]
    offset = at.start() - start
    return next((paragraph[a:b] for a, b in split_sentences(paragraph) if a <= offset < b), "")


def text_before(body: str, s: Sentence) -> str:
    """What `s` refers back to: the paragraph before when `s` opens its own (past a
    subheading between them), else the sentence before it ("" for the article's first)."""
    above = body[: s.start].rstrip()
    start = above.rfind("\n") + 1
    if start < len(above) and "\n" in body[len(above) : s.start]:  # `s` opens its paragraph
        paragraph = above[start:]
        if start and not paragraph.endswith(_SENTENCE_ENDS):  # a subheading: the one above
            above = above[:start].rstrip()
            paragraph = above[above.rfind("\n") + 1 :]
        return paragraph
    spans = list(split_sentences(above[start:]))
    return above[start + spans[-1][0] : start + spans[-1][1]] if spans else ""


def list_lead(body: str, s: Sentence) -> str:
    """For an item of a list, the paragraph that announces it ("Sepanjang Januari hingga
    September 2027, ... Berikut rinciannya:", or "... Rinciannya sebagai berikut." with the
    items above it each a label and a figure ending a sentence), which places it in time and
    space; "" for any other sentence."""
    if not (_DIGIT.search(s.text) or _NAMED_ITEM.match(s.text)):
        return ""
    end = s.start
    while end and body[end - 1] == "\n":
        end -= 1
    for _ in range(ITEM_REACH):  # the lines above, nearest first, without copying the body
        cut = body.rfind("\n", 0, end)
        line = body[cut + 1 : end].strip()
        if line.endswith(":") or _ANNOUNCES.search(line):
            return line
        short = len(line.split()) <= HEADLINE_WORDS
        item = short and bool(_LABELLED.match(line) or _NAMED_ITEM.match(line))
        if not item and (line.endswith(_SENTENCE_ENDS) or not short):
            return ""
        if cut < 0:
            break
        end = cut
    return ""


def with_continuation(window: Scored, sents: list[Sentence]) -> Scored:
    """Add the next sentence when it elaborates on the window ("... 1.033.000 pekerja ...
    Dari jumlah tersebut, sebanyak 690.000 ..."), the one before when the window starts by
    referring back to it ("Karena sebagian pekerja ada di desa. ..."), and the sentences up
    to the end of a quotation it leaves open (`quote_closed`)."""
    if window.title:
        return window
    positions = list(window.positions)
    body = window.article.body
    first, nxt = positions[0], positions[-1] + 1
    if first > 0 and evidence.refers_back(sents[first].text):
        positions.insert(0, first - 1)
        opens = not same_paragraph(body, sents[first - 1], sents[first])
        if opens and evidence.figure_refers_back(sents[first].text):
            # "Angka itu ..." opening a paragraph: the paragraph before (past a subheading)
            # says what it counts
            if first > 1 and headline_like(body, sents[first - 1]):
                positions.insert(0, first - 2)
            last = positions[0]  # the last sentence of the paragraph before
            while (
                positions[0] > 0
                and last - positions[0] < BACK_SENTENCES - 1
                and same_paragraph(body, sents[positions[0] - 1], sents[positions[0]])
            ):
                positions.insert(0, positions[0] - 1)
    if nxt < len(sents) and evidence.continues(sents[nxt].text):
        positions.append(nxt)
    positions += quote_closed(body, sents, positions[-1])
    if len(positions) == len(window.positions):
        return with_items(window, sents)
    return with_items(window_at(window, sents, positions), sents)


def quote_closed(body: str, sents: list[Sentence], last: int) -> list[int]:
    """The positions of the sentences after `last`, in its paragraph and at most
    `QUOTE_REACH`, up to the one closing a quotation open at the end of `last` ("“... belum
    ada regulasi ... Kami mengajak Pemda ...,” terang <Nama>."); none when no such sentence
    closes it."""
    start = body.rfind("\n", 0, sents[last].start) + 1  # the paragraph's start
    if not _open_quote(body[start : sents[last].end]):
        return []
    for p in range(last + 1, min(len(sents), last + 1 + QUOTE_REACH)):
        if not same_paragraph(body, sents[last], sents[p]):
            return []
        if not _open_quote(body[start : sents[p].end]):
            return list(range(last + 1, p + 1))
    return []


# A sentence saying who told what the one before it tells ("Kondisi terkini ... ini
# disampaikan <jabatan>, <Nama> ...", "Hal itu dikatakan ..."): a word pointing back among its
# first words (not "Selain itu", which goes on to something else), then a verb of telling in
# the passive.
_TOLD_BACK_RE = re.compile(
    r"^(?!selain\b)(?:[\w-]+\s+){0,5}?(?:ini|itu|tersebut|demikian)\s+(?:[\w-]+\s+){0,2}?"
    r"di(?:sampaikan|katakan|ungkapkan|jelaskan|sebutkan|paparkan|tegaskan|utarakan)\b",
    re.IGNORECASE,
)


def told_after(sents: list[Sentence], last: int) -> list[int]:
    """The position of the sentence after `last` when it says who told it (`_TOLD_BACK_RE`);
    none otherwise."""
    nxt = last + 1
    return [nxt] if nxt < len(sents) and _TOLD_BACK_RE.search(sents[nxt].text) else []


def with_teller(
    window: Scored, sents: list[Sentence], not_names: frozenset[str] = frozenset()
) -> Scored:
    """A window naming no one with the sentence after it that says who told it; one saying
    who told what the sentence before it tells, with that sentence. `not_names`: words that
    are never part of a name."""
    if window.title:
        return window
    first = window.positions[0]
    if first > 0 and told_after(sents, first - 1):
        return window_at(window, sents, [first - 1, *window.positions])
    if evidence.person_spans(window.text, not_names):
        return window
    told = told_after(sents, window.positions[-1])
    return window_at(window, sents, [*window.positions, *told]) if told else window


def _open_quote(text: str) -> bool:
    """The text, from its paragraph's start, ends inside a quotation: its last curly opening
    mark comes after its last closing one, or it has an odd number of straight marks."""
    return text.rfind("“") > text.rfind("”") or text.count('"') % 2 == 1


def with_speaker(
    window: Scored, sents: list[Sentence], not_names: frozenset[str] = frozenset()
) -> Scored:
    """A window opening with a quote said by "him" ("...," ucapnya) with the sentence just
    before it, when that one names someone: who said it is what "siapa" asks. `not_names`:
    words that are never part of a name (organisations, places)."""
    first = window.positions[0]
    if window.title or first == 0 or not _SAID_BY_PRONOUN_RE.search(sents[first].text):
        return window
    if not evidence.person_spans(sents[first - 1].text, not_names):
        return window
    return window_at(window, sents, [first - 1, *window.positions])


def announces_items(sents: Sequence[Sentence], pos: int) -> bool:
    """The sentence at `pos` ends in a colon and an item line follows it, short and without
    a sentence's end ("Rincian penerima iuran:", "Nelayan: 7.240 orang"): `with_items`
    collects the items."""
    if not sents[pos].text.rstrip().endswith(":") or pos + 1 >= len(sents):
        return False
    line = sents[pos + 1].text.rstrip()
    return not line.endswith(_SENTENCE_ENDS) and len(line.split()) <= HEADLINE_WORDS


def with_items(window: Scored, sents: list[Sentence]) -> Scored:
    """A window announcing a list ("... terdiri atas:", "Berikut rinciannya:") with the
    items that follow it (`items_after`)."""
    if window.title or not sents[window.positions[-1]].text.rstrip().endswith(":"):
        return window
    items = items_after(sents, window.article.body, window.positions[-1])
    if not items:
        return window
    return window_at(window, sents, [*window.positions, *items])


def items_after(sents: Sequence[Sentence], body: str, pos: int) -> list[int]:
    """The positions of the items after the sentence at `pos` that announces them: the
    short lines after it, up to the first that ends a sentence."""
    positions: list[int] = []
    stops: list[bool] = []  # whether each item so far ends a sentence
    for p in range(pos + 1, len(sents)):
        text = sents[p].text.rstrip()
        size = len(text.split())
        if not text.endswith(_SENTENCE_ENDS):
            if size > HEADLINE_WORDS:
                break  # a sentence of the article, not an item
            positions.append(p)
            stops.append(False)
            continue
        if stops and not all(stops):  # the last item ("...; pendaftaran peserta baru.")
            if size <= ITEM_WORDS:
                positions.append(p)
            break
        # items each ending a sentence, each on a line of its own, up to the article's text
        # going on ("Selain JKP, ...")
        opens_clause = bool(stops) and _CLAUSE_OPENING_RE.match(text) is not None
        if size > LINE_ITEM_WORDS or not alone(body, sents[p]) or opens_clause:
            if not stops and size <= ITEM_WORDS:
                positions.append(p)  # a single short item
            break
        positions.append(p)
        stops.append(True)
    return positions


# A sentence opening with a clause set off by a comma ("Selain JKP, ...", "Namun, ..."):
# the article's own text, not an item of a list.
_CLAUSE_OPENING_RE = re.compile(r"^\S+(?:\s+\S+)?,\s")


def with_paragraph_next(window: Scored, sents: list[Sentence]) -> Scored:
    """A one-sentence answer with the next sentence of its paragraph: an explanation (how,
    why) rarely fits one sentence ("... belum ada regulasi ... Kami mengajak Pemda ...")."""
    if window.title or len(window.positions) != 1:
        return window
    pos = window.positions[0]
    if pos + 1 >= len(sents) or not same_paragraph(window.article.body, sents[pos], sents[pos + 1]):
        return window
    return window_at(window, sents, [pos, pos + 1])


# A point of an enumeration, named in a short sentence of its own ("Pertama, pihaknya kepada
# ekosistem desa.", "Fokus kami yang kedua adalah ekosistem pasar."): what it covers follows.
_POINT_RE = re.compile(
    r"^[\"“]?(?:Pertama|Kedua|Ketiga|Keempat|Kelima)\s*[,:]"  # not "Kedua belah pihak ..."
    r"|\byang\s+(?:pertama|kedua|ketiga|keempat|kelima)\s+(?:adalah|yakni|ialah)\b",
    re.IGNORECASE,
)
POINT_WORDS = 12  # a point named in a few words; a longer sentence says what it covers itself
POINT_REACH = 2  # sentences after the point, in its paragraph, that say what it covers


def names_point(text: str) -> bool:
    """A sentence naming a point of an enumeration in a few words (`_POINT_RE`)."""
    return bool(_POINT_RE.search(text)) and len(text.split()) <= POINT_WORDS


def with_point_told(window: Scored, sents: list[Sentence]) -> Scored:
    """A window ending in a point of an enumeration named in a few words, with the sentences
    after it in its paragraph that say what the point covers ("Pertama, ... ekosistem desa.
    Karena ... Mereka ingin memastikan seluruh perangkat desa, ..., terlindung ...")."""
    if window.title or not window.positions:
        return window
    if not names_point(sents[window.positions[-1]].text):
        return window
    body, positions = window.article.body, list(window.positions)
    while (
        len(positions) - len(window.positions) < POINT_REACH
        and positions[-1] + 1 < len(sents)
        and same_paragraph(body, sents[positions[-1]], sents[positions[-1] + 1])
    ):
        positions.append(positions[-1] + 1)
    return window_at(window, sents, positions) if len(positions) > len(window.positions) else window


# A count that announces the points after it ("... dapat mendaftar melalui tiga cara."): a
# numeral or number word before a word, in a sentence followed by "Pertama, ...".
_COUNT_RE = re.compile(r"\b(?:[2-9]|dua|tiga|empat|lima|enam|tujuh)\s+[a-z]", re.IGNORECASE)


def with_points_listed(window: Scored, sents: list[Sentence]) -> Scored:
    """A window ending in a sentence that announces a count of points, with the points that
    follow it, each opening with its ordinal ("... melalui tiga cara. Pertama, ... Kedua, ...
    Ketiga, ..."), and up to `POINT_REACH` sentences of a point's paragraph that say more of
    it: the count alone answers nothing."""
    if window.title or not window.positions:
        return window
    last = window.positions[-1]
    if not _COUNT_RE.search(sents[last].text):
        return window
    positions, want = list(window.positions), 1
    told: list[int] = []  # sentences of the last point's paragraph after it
    for p in range(last + 1, len(sents)):
        text = sents[p].text
        if _POINT_RE.search(text) and evidence.ordinal(text) == want:
            positions += [*told, p]
            told, want = [], want + 1
        elif (
            want == 1
            or len(told) == POINT_REACH
            or not same_paragraph(window.article.body, sents[p - 1], sents[p])
        ):
            break
        else:
            told.append(p)  # "Pertama, melalui aplikasi. <Aplikasi itu gratis.> Kedua, ..."
    return window_at(window, sents, positions) if want > 2 else window


# Runs of capitalised words: one word alone ("Sebelumnya, <Given> menjabat ...") may be a
# person named short; a longer run is a whole name or an office's title.
_CAPITALISED_RUN_RE = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z(][\w'()-]*)*")


def full_name_before(
    window: Scored, sents: list[Sentence], not_names: frozenset[str] = frozenset()
) -> Scored | None:
    """For a window naming someone by one word alone ("<Given> resmi menjabat ..."), the
    nearest sentence before it in its article that gives that person's whole name, first
    or last word matching (the name is what "siapa" asks); None when the window needs none."""
    first = window.positions[0]
    if window.title:
        return None
    runs = (m.group() for m in _CAPITALISED_RUN_RE.finditer(window.text))
    alone = {r for r in runs if " " not in r and r.lower() not in not_names}
    if not alone:
        return None
    for p in range(first - 1, -1, -1):
        text = sents[p].text
        if not any(w in text for w in alone):
            continue  # (cheap first: names are looked for only where the word stands)
        for s, e in evidence.person_spans(text, not_names):
            parts = text[s:e].split()
            if len(parts) > 1 and {parts[0], parts[-1]} & alone:
                return window_at(window, sents, [p])
    return None


# "Audiensi ini juga dihadiri oleh <Nama>, ...", "Turut hadir <Nama>": others besides the
# one the article named before
_ALSO_PRESENT_RE = re.compile(
    r"\b(?:juga|turut|ikut)\s+(?:di)?hadir(?:i)?\b|\bhadir\s+pula\b", re.IGNORECASE
)


def host_before(
    window: Scored, sents: list[Sentence], asked: Collection[str], not_names: frozenset[str]
) -> Scored | None:
    """For a window naming who else was there ("Audiensi ini juga dihadiri oleh <Nama>,
    ..."), the nearest sentence before it in its article that names someone by a whole name
    the question does not name, nor by an office it names (the content words `asked`:
    "audiensi dengan gubernur" does not ask who the governor is): who held the event
    ("Menurut Deputi Direktur ... <Nama>, ..."); None when the window says no one else was
    there."""
    if window.title or not _ALSO_PRESENT_RE.search(window.text):
        return None
    content = {w for w in asked if w not in STOPWORDS}
    for p in range(window.positions[0] - 1, -1, -1):
        text = sents[p].text
        people = evidence.person_spans(text, not_names)
        for s, e in people:
            # from the start of the longest span holding it ("<Tempat> <Nama> <Nama>")
            s = min(s0 for s0, e0 in people if s0 <= s and e0 >= e)
            office = evidence.office_before(text[:s].split()).lower().split()
            said = {w.strip(",") for w in text[s:e].lower().split()}
            said |= {w for w in office if w in evidence.ROLE_WORDS}
            if " " in text[s:e] and not said & content:
                return window_at(window, sents, [p])
    return None


def window_at(base: Scored, sents: list[Sentence], positions: list[int]) -> Scored:
    """The sentences at `positions`, with the scores of `base`."""
    return rescored(
        Scored(base.article, tuple(sents[p] for p in positions), tuple(positions), 0, 0, 0),
        base.score,
        base.coverage,
        base.context,
    )


def rescored(s: Scored, score: float, coverage: float, context: float) -> Scored:
    return Scored(s.article, s.sentences, s.positions, score, coverage, context)
