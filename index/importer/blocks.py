"""The article's own blocks that are not plain sentences: lists and tables written as text,
subheadings between its paragraphs, pull quotes that repeat it; and the walk from one
non-blank line to the next that judging them needs. Used by `index.importer.boilerplate`."""

from __future__ import annotations

import re

from index.importer.lines import (
    AD_LABEL_RE,
    LIST_MARK_RE,
    SEE_ALSO,
    SENTENCE_END,
    caption,
    prose,
    single_rule,
    site_phrase,
)

LIST_HEADER_RE = re.compile(
    r"^(?:berita\s+(?:terkait|lainnya|terkini|populer|terpopuler|pilihan)|artikel\s+terkait"
    r"|terpopuler|populer|pilihan(?:\s+editor)?|terkini|rekomendasi|trending|(?:baca|tonton)\s+juga"
    r"|related|most\s+popular|tags?|topik|label|kategori|indeks"
    r"|(?:video|foto)\s+(?:terkait|terpopuler|populer|pilihan|terkini)(?:\s+hari\s+ini)?)\s*:?$",
    re.I,
)


def next_line(lines: list[str], i: int) -> str:
    at = next_at(lines, i)
    return lines[at] if at is not None else ""


def next_at(lines: list[str], i: int) -> int | None:
    """Index of the first non-blank line of the two after line `i`, if any."""
    return next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k]), None)


def pull_quote(line: str, article: list[str]) -> bool:
    """A quotation set apart that repeats the words of another line of the article (a pull
    quote), whatever its punctuation, with its quotation marks or without them when the other
    line quotes it ("... biaya." above "“... biaya,” ujar X.")."""
    m = re.fullmatch(r"[\"“”„](.{20,}?)[.,!?]?[\"”“](?:\s*[—–-]\s*[A-Z][^\"“”]{2,100})?", line)
    if m is not None:
        quoted = _bare(m.group(1))
        return any(quoted in _bare(k) for k in article if k != line)
    if len(line.split()) < 6 or len(line.split()) > 40:
        return False
    bare = _bare(line)
    return any(
        re.search(rf"[\"“”„]\s*{re.escape(line.rstrip('.,!?'))}", k) and bare in _bare(k)
        for k in article
        if k != line
    )


def _bare(text: str) -> str:
    """The words of `text`, lowercased, without punctuation (a pull quote may drop a comma)."""
    return " ".join(re.findall(r"\w+", text.lower()))


# "Kabupaten X: 2.108 kasus", "Kategori A: PT B"; a longer label only before a figure, without
# a sentence's punctuation ("Peserta aktif ... per April 2058: 98.416 pekerja" in a figures box)
_ITEM_RE = re.compile(r"^(?:[^:|]{2,60}:\s*\S|[^:|.!?\"“”]{61,80}:\s*\d)")


def table_rows(lines: list[str]) -> set[int]:
    """Indexes of the rows of a table written as text: three or more lines in a row with the
    same number of " | " cells ("Program | Kasus | Nilai"), most of them with a figure; or
    two or more "Label: item" lines in a row after a sentence announcing them with ":", or
    after any sentence when every item has a figure (a chart's data under its title, which
    is no sentence, is not the article's)."""
    rows: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        cells = _cells(line)
        if run and cells and cells == _cells(lines[run[0]]):
            run.append(i)
            continue
        if len(run) >= 3 and sum(bool(re.search(r"\d", lines[k])) for k in run) * 2 > len(run):
            rows.update(run)
        run = [i] if cells else []
    items: list[int] = []
    for i, line in enumerate([*lines, "-"]):
        if not line:
            continue  # blank lines may stand between the items
        if _ITEM_RE.match(line) and not single_rule(line) and not _PAGING_RE.search(line):
            items.append(i)  # not a page break's "Halaman: 1 2 Selanjutnya »"
            continue
        announced = before_line(lines, items[0]) if items else ""
        figures = all(re.search(r"\d", lines[k]) for k in items)
        titled = figures and _title_like(announced)  # "Sebaran Peserta per Kabupaten"
        if (
            len(items) >= 2
            and (prose(announced) or titled)
            and (announced.endswith(":") or figures)
        ):
            rows.update(items)  # "... menjadi kelompok terbanyak." then "Label: 8.312 orang"
        items = []
    for i, line in enumerate(lines):
        lead_in = _lead_in(lines, i)
        if not (prose(line) or lead_in) or _PROMPT_RE.match(line):
            continue
        found = _announced_items(lines, i)
        first = lines[found[0]] if found else ""
        if lead_in and not (LIST_MARK_RE.match(first) or _ITEM_RE.match(first)):
            continue  # "Sumber data:" then "BPS 2024": no list of the article's
        if line.endswith(":") or _figures_in_prose(lines, found):
            rows.update(found)
            if lead_in and found:
                rows.add(i)  # "Berikut rinciannya:" belongs to the list it announces
    return rows


def _lead_in(lines: list[str], i: int) -> bool:
    """A few words announcing a list right after a paragraph of the article ("Berikut
    rinciannya:"), too short to be a sentence; not a site's "Baca juga:" or "Tags:"."""
    line = lines[i]
    return (
        line.endswith(":")
        and 1 <= len(line.split()) <= 4
        and not LIST_HEADER_RE.match(line)
        and not _SEE_ALSO_RE.match(line)
        and not _PAGING_RE.search(line)
        and any(w[:1].islower() for w in line.split())
        and prose(before_line(lines, i))
    )


# An item ending with its figure and unit ("Kota A 17.915 peserta"), not a year.
_FIGURE_END_RE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d.,]*(?:\s+\S+){0,2}$")


def _figures_in_prose(lines: list[str], items: list[int]) -> bool:
    """Three or more lines, each ending with a figure, set between two paragraphs of the
    article: a list the paragraph before introduces without a colon."""
    if len(items) < 3 or not all(_FIGURE_END_RE.search(lines[k]) for k in items):
        return False
    return prose(next_line(lines, items[-1]))


def _above_embed(lines: list[str], at: int | None) -> int | None:
    """The line above an embedded post or player's furniture ("Lihat postingan ini di
    Instagram", "Dengarkan ... di Spotify", "Spotify"), up to four lines of it."""
    for _ in range(4):
        if at is None or _SEE_ALSO_RE.match(lines[at]):
            return at  # a "Baca juga" link: what it stands after is judged as it is
        up = before_at(lines, at)
        label = up is not None and len(lines[at].split()) <= 2 and _embed(lines[up])
        if not (_embed(lines[at]) or label):
            return at
        at = up
    return at


_EMBED_RE = re.compile(
    r"(?i)\b(?:instagram|spotify|youtube|tiktok|podcast|postingan|kiriman|video)\b"
)


def _embed(line: str) -> bool:
    """A line of an embedded post or player ("Sebuah kiriman dibagikan oleh ...")."""
    return (
        len(line.split()) <= 16
        and bool(_EMBED_RE.search(line))
        and not prose(line)
        or (site_phrase(line) and bool(_EMBED_RE.search(line)))
    )


_FIGURE_LEAD = r"^\d[\d.,]*\s+"  # "1.742 Kecelakaan di Kebun", "10 Berita Terpopuler"
_FIGURE_LED_RE = re.compile(_FIGURE_LEAD + "[A-Z]")
_FIGURE_LEAD_RE = re.compile(_FIGURE_LEAD)


def _title_like(line: str) -> bool:
    """A short line in the shape of a title: two to eight words, capitalised or led by a
    figure ("1.742 Kecelakaan di Kebun"), no sentence end."""
    capitalised = line[:1].isupper() or bool(_FIGURE_LED_RE.match(line))
    return 2 <= len(line.split()) <= 8 and not line.endswith(SENTENCE_END) and capitalised


def _cells(line: str) -> int:
    """The cell separators of a table row written as text (" | " or tabs)."""
    return max(line.count(" | "), line.count("\t"))


_LIST_ITEM_WORDS = 20  # an item of a list is a short line
_NAMED_ITEM_WORDS = 8  # an item naming something (a hospital and its town) is shorter
_ANNOUNCING_WORDS = 6  # a sentence announcing a list, not a few words of lead-in
_LISTING_RE = re.compile(
    r"(?i)\b(?:yakni|yaitu|meliputi|antara lain|di antaranya|sebagai berikut|berikut|adalah)\s*:$"
)
_TITLED = 0.6  # share of capitalised words from which a line without a figure is a headline
# A sentence ending with a verb before its colon ("..., kantor tersebut melayani:")
_VERB_END_RE = re.compile(r"(?i)\b(?:me|di|ber)[a-z]{3,}\s*:$")
# Words of a line announcing other stories ("Berita lainnya yang juga menarik dibaca:")
_STORIES_RE = re.compile(r"(?i)\b(?:berita|artikel|baca|dibaca|simak|tonton|video|foto)\b")
_PROMPT_RE = re.compile(
    r"(?i)^(?:baca|lihat|simak|cek|klik|ikuti|tonton)\b"
)  # "Simak ... di sini:"


def _announced_items(lines: list[str], at: int) -> list[int]:
    """The short lines with a figure right after a sentence announcing them with ":"
    ("..., yakni:" then "Kabupaten A 19 perusahaan", "1. Marbot masjid 6.845 orang"): two or
    more, else none. After a colon, items without a figure too ("KTP elektronik") when the
    article's text goes on right after them (a site's links are not set inside a paragraph)."""
    items: list[int] = []
    plain = False  # an item without a figure
    end = len(lines)
    # a sentence announcing the article's own items with a listing word ("..., yakni:") or
    # a verb ("..., kantor tersebut melayani:"), not a lead-in ("Rinciannya:") nor one
    # announcing other stories ("Berita lain hari ini:", "... menarik untuk dibaca:")
    announcing = bool(_LISTING_RE.search(lines[at])) or (
        prose(lines[at])
        and bool(_VERB_END_RE.search(lines[at]))
        and not _STORIES_RE.search(lines[at])
    )
    sentence = len(lines[at].split()) >= _ANNOUNCING_WORDS and announcing
    for k in range(at + 1, len(lines)):
        line = lines[k]
        if not line:
            continue
        header = not items and _cells(line) > 0  # a table's header row has no figure
        figure = header or bool(re.search(r"\d", line))
        # a list of items without figures is one from its first item on; a run of headlines
        # in title case ("Harga Beras Naik Lagi") is other stories', unless marked as items
        # or named right after a sentence announcing them ("Enam rumah sakit ... yakni:"
        # then "RS Bunda Sehat, Kota A"), a few words each
        named = sentence and len(line.split()) <= _NAMED_ITEM_WORDS
        unfigured = (
            not figure
            and (plain or not items or sentence)
            and lines[at].endswith(":")
            and not prose(line)
            # a short name after items with figures is no item ("Syarat Pencairan" heading)
            and (
                capitalized(line) < _TITLED
                or bool(LIST_MARK_RE.match(line))
                or (named and (plain or not items))
            )
        )
        if (
            len(line.split()) > _LIST_ITEM_WORDS
            or not (figure or unfigured)
            or single_rule(line, next_line(lines, k))
        ):
            end = k
            break
        plain = plain or not figure
        items.append(k)
    after = _past_links(lines, end)
    if plain and not (after < len(lines) and prose(lines[after])):
        return []
    return items if len(items) >= 2 else []


def _past_links(lines: list[str], at: int) -> int:
    """The first line from `at` on that is not a "Baca juga" link (with its headline on the
    line under it when the label stands alone) nor an advertisement's label."""
    while at < len(lines):
        line = lines[at]
        if SEE_ALSO_ALONE_RE.match(line):
            at = (next_at(lines, at) or len(lines) - 1) + 1
        elif _SEE_ALSO_RE.match(line) or AD_LABEL_RE.match(line) or not line:
            at += 1
        else:
            break
    return at


_PAGING_RE = re.compile(
    r"(?i)\b(?:halaman|selanjutnya|sebelumnya|scroll|lanjutkan|next|page)\b|[»«]|\d+\s*/\s*\d+"
)
SEE_ALSO_ALONE_RE = re.compile(rf"(?i)^{SEE_ALSO}\s*:?$")
_SEE_ALSO_RE = re.compile(rf"(?i)^{SEE_ALSO}\b")


def subheading(lines: list[str], i: int, start: int) -> bool:
    """A subheading of the article: a short title-like line standing alone between article
    paragraphs (after a paragraph, a "Baca juga" link, with its headline on a line of its
    own or not, or a page break such as "2 dari 3 halaman", before a paragraph), not one of
    a run of short lines such as a list of headlines."""
    line = lines[i]
    numbered = re.match(r"\d{1,2}[.)]\s", line)  # "1. Anggaran disiapkan dari APBD"
    if not _title_like(LIST_MARK_RE.sub("", line) if numbered else line):
        return False
    if (", " in line and not numbered) or _PAGING_RE.search(line) or _embed(line):
        return False  # "Name, Role" under a photo; "Halaman 2/2", "Scroll untuk melanjutkan"
    below, just_above = next_at(lines, i), before_at(lines, i)
    above = _above_embed(lines, just_above)
    embedded = above != just_above  # "Tonton juga:", the video's title and player, then it
    if below is not None and pull_quote(lines[below], lines):
        below = next_at(lines, below)  # a pull quote set between it and its paragraph
    if above is not None and _ATTRIBUTION_RE.match(lines[above]):
        quote_at = before_at(lines, above)  # "— Name, Role" under a pull quote
        if quote_at is not None and pull_quote(lines[quote_at], lines):
            above = before_at(lines, quote_at)
    elif above is not None and pull_quote(lines[above], lines):
        above = before_at(lines, above)  # a pull quote after the paragraph before
    if not lines[i - 1]:  # set apart by a blank line
        above = _past_break(lines, above)
    after = lines[below] if below is not None else ""
    before = lines[above] if above is not None else ""
    if i <= start or single_rule(line, after) or LIST_HEADER_RE.match(line):
        return False
    if LIST_HEADER_RE.match(_FIGURE_LEAD_RE.sub("", line)):
        return False  # "10 Berita Terpopuler" heads other stories' headlines
    opens = below is not None and (
        (prose(after) and not single_rule(after, next_line(lines, below)))
        or bool(_ITEM_RE.match(LIST_MARK_RE.sub("", after)) and re.search(r"\d", after))
    )  # a paragraph, or a list of figures ("1. Kabupaten A: 17.600 pekerja")
    if above is None or (SEE_ALSO_ALONE_RE.match(before) and not embedded):
        return False  # the headline a "Baca juga:" line links to
    # "Baca juga :", its headline, a blank line, then the subheading (not a second headline).
    linked = bool(SEE_ALSO_ALONE_RE.match(before_line(lines, above))) and not lines[i - 1]
    linked = linked or _below_linked_titles(lines, i)
    follows = (prose(before) and not single_rule(before)) or bool(
        " | " in before  # the last row of a table written as text
        or bool(_ITEM_RE.match(before) and re.search(r"\d", before))  # "Label: 2.417 kasus"
        or bool(LIST_MARK_RE.match(before) and len(before.split()) > 4)  # "• an item ..."
        or linked
        or _SEE_ALSO_RE.match(before)
        or (embedded and SEE_ALSO_ALONE_RE.match(before))
        or AD_LABEL_RE.match(before)
        or (len(before.split()) <= 5 and _PAGING_RE.search(before))
    )
    return opens and follows


def _past_break(lines: list[str], at: int | None) -> int | None:
    """The line above what sets two paragraphs apart: a photo's credited caption ("...
    Foto: Dok. Istimewa") under a paragraph, or a page break's numbers ("Halaman
    Selanjutnya", "1", "2") under its label; `at` when neither is there."""
    if at is None:
        return None
    if caption(lines[at]) and not prose(lines[at]):
        paragraph = before_at(lines, at)
        return paragraph if paragraph is not None and prose(lines[paragraph]) else at
    up: int | None = at
    while up is not None and lines[up].isdigit():
        up = before_at(lines, up)
    paging = up is not None and len(lines[up].split()) <= 5 and _PAGING_RE.search(lines[up])
    return up if up != at and paging else at


def capitalized(line: str) -> float:
    """The share of a line's words after the first that start with a capital."""
    rest = [w for w in line.split()[1:] if w[0].isalpha()]
    return sum(w[0].isupper() for w in rest) / len(rest) if rest else 1.0


_LINKED_TITLES = 4  # headlines a "Baca juga:" label links to, at most


def _below_linked_titles(lines: list[str], i: int) -> bool:
    """A sentence-case line right under the Title Case headlines a "Baca juga:" line links
    to: the article's subheading, not one more headline."""
    short = len(lines[i].split()) <= 5
    if capitalized(lines[i]) > 0.4 and not short:
        return False
    at, titles, longer = before_at(lines, i), 0, True
    while at is not None and not SEE_ALSO_ALONE_RE.match(lines[at]):
        if capitalized(lines[at]) < 0.6 or prose(lines[at]) or titles == _LINKED_TITLES:
            return False
        longer = longer and len(lines[at].split()) >= 7
        at, titles = before_at(lines, at), titles + 1
    # sentence case under Title Case, or a short line under headlines of seven words or more
    return at is not None and titles > 0 and (capitalized(lines[i]) <= 0.4 or longer)


_ATTRIBUTION_RE = re.compile(r"^[—–-]\s*[A-Z][^.!?]{2,120}$")  # "— Nama, Jabatan"


def before_line(lines: list[str], i: int) -> str:
    """The nearest non-blank line before line `i` ("" at the top)."""
    at = before_at(lines, i)
    return lines[at] if at is not None else ""


def before_at(lines: list[str], i: int) -> int | None:
    """Index of the nearest non-blank line before line `i`, if any."""
    return next((k for k in range(i - 1, -1, -1) if lines[k]), None)
