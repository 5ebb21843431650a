"""Cleaning a raw scraped page: the article's paragraphs, and what the page says of itself
(title, outlet, date, address).

The boilerplate rules live in `index.importer.boilerplate` and `index.importer.lines`. The
article's own sentences are kept verbatim; only whitespace is normalized, the dateline prefix
("KOTA, SITUS.COM - ") is removed from the first sentence and trailing byline tags ("(abc)",
"[AGENSI]") from paragraph ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from index.importer.boilerplate import classify, tidy
from index.importer.dates import DetectedDate, detect_dates
from index.importer.lines import (
    BYLINE_RE,
    DATELINE_RE,
    DOMAIN_RE,
    LETTERED_RE,
    LIST_MARK_RE,
    SEE_ALSO,
    TLDS,
    URL_LINE_RE,
    URL_RE,
    lettered_figure,
)

_SPACE_RE = re.compile(r"[^\S\n]+")
_CELL_RE = re.compile(r"(?<=\S)\t+(?=\S)")  # a table row's cells, written as " | " cells


@dataclass(frozen=True, slots=True)
class CleanedRaw:
    """What `clean_raw` found: the clean body plus detected metadata (None when unknown).

    `removed` holds the raw lines (and the dateline prefix) left out of the body.
    """

    title: str | None
    body: str
    outlet: str | None
    dates: DetectedDate
    url: str | None
    removed: tuple[str, ...]


def _paragraphs(lines: list[str]) -> list[str]:
    """One paragraph per line; a line continues the previous one when it was hard-wrapped."""
    paras: list[str] = []
    wrapped = False
    for line in lines:
        if not line:
            wrapped = False
            continue
        if wrapped and line[0].islower() and not lettered_figure(line):
            paras[-1] += " " + line
        else:
            paras.append(line)
        wrapped = line[-1] not in ".!?\"”’'*)]"
    return paras


_TAYANG_RE = re.compile(
    rf"\b(?:artikel\s+ini\s+telah\s+(?:tayang|terbit)\s+di|baca\s+artikel(?:\s+asli\s+di)?)\s+"
    rf"({DOMAIN_RE.pattern}|(?!(?:ini|itu|lainnya|lengkapnya|selengkapnya)\b)\w+"
    r"(?:[ \t](?!dengan\b)(?-i:[A-Z])\w*){0,2})",  # "Nama Situs dengan judul ..."
    re.I,
)
# "© 2027 Copyright Nama Situs", "Hak Cipta © 2027 Kementerian X dan Y": the owner's name.
_COPYRIGHT_RE = re.compile(
    r"(?:©|copyright|hak\s+cipta(?=\s*(?:©|\d{4})))(?:\s*+(?:©|copyright\b|\d{4}(?:\s*[-–])?)){0,4}+"
    r"\s*(?:PT\.?\s+(?=[A-Z]))?(?!(?:all|hak|semua)\b)"  # not "© 2059 All Rights Reserved"
    rf"({DOMAIN_RE.pattern}|[A-Za-z]\w*(?:,?\s(?:dan\s)?(?!(?:all|hak|semua)\b)(?-i:[A-Z])\w*){{0,6}})",
    re.I,
)


def _detect_outlet(lines: list[str], dateline: re.Match[str] | None, url: str | None) -> str | None:
    """The outlet, for any site: from "Artikel ini telah tayang di <site>", a site named in
    the dateline ("KOTA, SITUS.com -", "Kota, SITE Name -"), a copyright line, an agency or
    station code in the dateline ("Kota (AGENCY) -", "KODE, Kota:": the site may carry
    another's story, so its copyright line comes first), the page's first line when it
    names a site, or the URL's domain. Written as the page writes it most nicely."""
    text = "\n".join(lines)
    found = None
    agency = dateline and (dateline.group("agency") or dateline.group("code"))
    if m := _TAYANG_RE.search(text):
        found = m.group(1)
    elif dateline and (dateline.group("outlet") or _own_site(dateline.group("site"), lines)):
        found = dateline.group("outlet") or dateline.group("site")
        # "KOTA.SITUS.ASIA -" on a page whose masthead or footer is "SITUS.ASIA": the site
        found = min(
            (d for line in lines for d in DOMAIN_RE.findall(line) if _parent(d, found)),
            key=len,
            default=found,
        )
    elif dateline and _names_site(lead := dateline.group().strip(" -–—"), lines):
        found = lead
    elif dateline and _names_site(named := lead.rpartition(",")[2].strip(), lines):
        found = named  # "KOTA, SITUS — ", the site's name in capitals
    elif dateline and (credited := _credited_lead(dateline, lines)):
        found = credited
    elif masthead := _repeated_masthead(lines):
        found = masthead
    elif m := _COPYRIGHT_RE.search(text):
        found = m.group(1)
    elif site := _site_before_city(dateline, lines):
        found = site
    elif agency:
        found = agency
    elif byline := next((m for line in lines if (m := BYLINE_RE.match(line))), None):
        found = byline.group("site")
    else:
        first = next((line for line in lines if line), "")
        domains = Counter(d.lower() for line in lines for d in DOMAIN_RE.findall(line))
        if DOMAIN_RE.fullmatch(first) or len(first.split()) <= 2:
            found = first
        elif url:
            found = re.sub(r"^www\.", "", url.split("/")[2])
        elif domains:
            found = domains.most_common(1)[0][0]  # the site a credit or source line names
    return nicest_spelling(found, text) if found else None


def _parent(domain: str, of: str) -> bool:
    """`domain` is `of` without its first labels ("situs.asia" of "kota.situs.asia")."""
    return of.lower().endswith(f".{domain.lower()}")


def _own_site(site: str | None, lines: list[str]) -> bool:
    """A "Kota, SITE -" dateline's site, unless it is a short code the page never spells out
    ("Kota, AB -" on a page whose every line names the site in full)."""
    return site is not None and (len(site) > 3 or _names_site(site, lines))


_UPDATED_RE = re.compile(r"(?i)\b(?:diperbarui|update[d]?|pembaruan|terakhir\s+diubah)\b")


def _from_title(header: list[str], title: str | None) -> list[str]:
    """The header lines from the headline down first (its date line), then the rest: a
    site's header may show today's date above its menu ("Minggu, 12 Oktober 2025"). A line
    saying when the story was updated is not searched first."""
    if title is None or title not in header:
        return header
    at = header.index(title)
    below = [line for line in header[at + 1 :] if not _UPDATED_RE.search(line)]
    return [*below, *header]


def _repeated_masthead(lines: list[str]) -> str | None:
    """The page's first line when its footer says it again, in capitals or not ("Pemerintah
    Provinsi X" above the menu and above the address): the site's name, which a copyright
    line may give as the office that runs the site."""
    nonblank = [line for line in lines if line]
    first = nonblank[0] if nonblank else ""
    short = 2 <= len(first.split()) <= 6 and not re.search(r"\d|[.!?:]$", first)
    footer = {line.casefold() for line in nonblank[max(1, len(nonblank) // 2) :]}
    return first if short and first.casefold() in footer else None  # "PEMERINTAH ..." above


def _credited_lead(dateline: re.Match[str], lines: list[str]) -> str | None:
    """The first name of a "Situs, Kota -" dateline when the page's photo credits name it
    as theirs ("Foto: Nama/Situs"): a site, not a city."""
    lead = dateline.group().split(",")[0].strip()
    if "," not in dateline.group() or not lead:
        return None
    credit = re.compile(rf"\w/{re.escape(lead)}\s*\)?$", re.I)  # not "Beranda / Kota"
    return lead if any(credit.search(line) for line in lines) else None


def _site_before_city(dateline: re.Match[str] | None, lines: list[str]) -> str | None:
    """The site of a "Situs (Kota) -" dateline, which names itself first and then the city
    (not "Kota (AGENCY) -"): its domain when the page shows one."""
    if dateline is None or not dateline.group("agency"):
        return None
    lead = re.split(r"\s*\(", dateline.group())[0]
    if not _names_site(lead, lines):
        return None
    key = re.sub(r"\W", "", lead.lower())
    own = [d for line in lines for d in DOMAIN_RE.findall(line) if _site_label(d) == key]
    return own[0] if own else lead


def _names_site(name: str, lines: list[str]) -> bool:
    """Whether a dateline's name ("SITUS KITA - ") is the site's rather than a city's:
    the page's first line, or the first part of a domain on the page, spells it."""
    key = re.sub(r"\W", "", name.lower())
    first = next((line for line in lines if line and not URL_LINE_RE.match(line)), "")
    domains = [d.lower() for line in lines for d in DOMAIN_RE.findall(line)]
    sites = {re.sub(r"\W", "", _site_label(d)) for d in domains}
    # "situs" of the page's own address line (https://situs.grup.com/...), not of a link
    own = [m.group(1) for line in lines if (m := URL_LINE_RE.match(line))]
    labels = {label for u in own for d in DOMAIN_RE.findall(u) for label in d.lower().split(".")}
    masthead = re.sub(r"\W", "", first.lower()) == key
    named_first = masthead and (len(name.split()) >= 2 or key in labels)
    return bool(key) and (named_first or key in sites)


_TLD_LABELS = {label for tld in TLDS for label in tld.split(".")}


def _site_label(domain: str) -> str:
    """The site's own name in a domain: "portalkita" of "www.portalkita.co.id", "contoh" of
    "kota.contoh.com" (not a subdomain, which may be a city's)."""
    labels = domain.lower().split(".")
    while len(labels) > 1 and labels[-1] in _TLD_LABELS:
        labels.pop()
    return labels[-1]


def nicest_spelling(name: str, text: str) -> str:
    """`name` as the page writes it most often in mixed case ("detikKota" rather than
    "DETIKKOTA"); a domain as "Situs.com" whatever its case on the page."""
    if DOMAIN_RE.fullmatch(name):
        return name.lower().capitalize()
    found = Counter(m.group() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I))
    mixed = [w for w, _ in found.most_common() if not w.isupper() and not w.islower()]
    # not a lowercase form: in an HTML page that is mostly the site's own links ("situs.id/...")
    return mixed[0] if mixed else name


_URL_LABEL_RE = re.compile(
    r"(?i)(?:url|canonical|sumber|permalink|(?:salin\s+)?(?:tautan|link))\s*:"
)


def _slug_words(url: str) -> set[str]:
    """The words of an address's last path part ("/ribuan-pekerja-terlindungi" -> ...)."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    return {w for w in re.split(r"[-_.]+", last.lower()) if w.isalpha() and len(w) > 2}


def _detect_url(lines: list[str], title: str | None) -> str | None:
    """The article's own address: from "Artikel ini telah tayang di ... https://...", a
    canonical or URL line, an address whose last part spells the headline; the
    longest-path address on the page otherwise."""
    urls = [(line, u.rstrip(".,;")) for line in lines for u in URL_RE.findall(line)]
    if not urls:
        return None
    for line, u in urls:
        if _TAYANG_RE.search(line) or _URL_LABEL_RE.match(line):
            return u
    headline = set(re.findall(r"[a-z]+", (title or "").lower()))
    spelled = [
        (len(slug & headline) / len(slug | headline), u)
        for line, u in urls
        if not re.match(rf"(?i){SEE_ALSO}", line)
        and len(slug := _slug_words(u)) >= 3
        and len(slug & headline) >= 0.6 * len(slug)
    ]
    if spelled:
        return max(spelled)[1]
    deep = [u for _, u in urls if u.count("/") >= 4]
    return max(deep, key=len) if deep else None


def clean_raw(text: str) -> CleanedRaw:
    """Clean a raw scraped article and detect its title, outlet, date and url."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\u200b-\u200d\u2060\ufeff]", "", text)
    lines = [_SPACE_RE.sub(" ", _CELL_RE.sub(" | ", line)).strip() for line in text.split("\n")]
    page = classify(lines)
    paras = _paragraphs(page.kept)
    removed = list(page.removed)
    dateline = None
    for k, para in enumerate(paras[:3]):
        if m := DATELINE_RE.match(para):
            dateline = m
            paras[k] = para[m.end() :]
            removed.append(m.group().strip())
            break
    paras = [LIST_MARK_RE.sub("", tidy(p)) for p in paras]
    paras = [LETTERED_RE.sub("", p) if lettered_figure(p) else p for p in paras]  # "a. " too
    paras = [p for p in paras if any(c.isalnum() for c in p)]
    body = "\n\n".join(paras)
    url = _detect_url(lines, page.title)
    return CleanedRaw(
        title=page.title,
        body=body,
        outlet=_detect_outlet(lines, dateline, url),
        dates=detect_dates(_from_title(page.header, page.title), body),
        url=url,
        removed=tuple(removed),
    )
