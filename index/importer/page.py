"""Importing a raw scraped article: strip site boilerplate, find title, outlet and date.

The boilerplate rules live in `index.importer.boilerplate`. The article's own sentences are kept
verbatim; only whitespace is normalized, the dateline prefix ("KOTA, SITUS.COM - ")
is removed from the first sentence and trailing byline tags ("(abc)", "[AGENSI]") from
paragraph ends.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from index.corpus import MAX_ARTICLE_BYTES, article_files, format_article, parse_article
from index.errors import KnowledgeFileError, PageImportError
from index.gazetteer import Gazetteer, load_gazetteer, province_of
from index.importer.boilerplate import BYLINE_RE, DATELINE_RE, DOMAIN_RE, URL_RE, classify, tidy
from index.importer.dates import DetectedDate, detect_dates
from index.importer.html import PageMeta, fetch, html_to_text, looks_like_html
from index.records import Article
from index.text import STOPWORDS, split_sentences

MAX_TITLE_CHARS = 100
UNKNOWN_OUTLET = "Sumber tidak diketahui"
_SPACE_RE = re.compile(r"[^\S\n]+")


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


@dataclass(frozen=True, slots=True)
class ImportOverrides:
    """Values given by the importing user; each one wins over detection. `date` is YYYY-MM-DD."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    region: str | None = None
    article_id: str | None = None


def _paragraphs(lines: list[str]) -> list[str]:
    """One paragraph per line; a line continues the previous one when it was hard-wrapped."""
    paras: list[str] = []
    wrapped = False
    for line in lines:
        if not line:
            wrapped = False
            continue
        if wrapped and line[0].islower():
            paras[-1] += " " + line
        else:
            paras.append(line)
        wrapped = line[-1] not in ".!?\"”’'*)]"
    return paras


_TAYANG_RE = re.compile(
    rf"(?:artikel\s+ini\s+telah\s+(?:tayang|terbit)\s+di|baca\s+artikel)\s+({DOMAIN_RE.pattern}|\w+)",
    re.I,
)
_COPYRIGHT_RE = re.compile(
    rf"(?:©|copyright)\s*(?:©\s*)?(?:\d{{4}}\s*[-–]?\s*)?({DOMAIN_RE.pattern}|[A-Za-z][\w]*(?:\s[A-Z][\w]*)?)",
    re.I,
)


def _detect_outlet(lines: list[str], dateline: str | None, url: str | None) -> str | None:
    """The outlet, for any site: from "Artikel ini telah tayang di <site>", the dateline
    ("KOTA, SITUS.com -", "Kota (AGENCY) -"), a copyright line, the page's first line when
    it names a site, or the URL's domain. Written as the page writes it most nicely."""
    text = "\n".join(lines)
    found = None
    if m := _TAYANG_RE.search(text):
        found = m.group(1)
    elif dateline:
        found = dateline
    elif m := _COPYRIGHT_RE.search(text):
        found = m.group(1)
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


def nicest_spelling(name: str, text: str) -> str:
    """`name` as the page writes it most often in mixed case ("detikKota" rather than
    "DETIKKOTA"); a domain as "Situs.com" whatever its case on the page."""
    if DOMAIN_RE.fullmatch(name):
        return name.lower().capitalize()
    found = Counter(m.group() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I))
    mixed = [w for w, _ in found.most_common() if not w.isupper() and not w.islower()]
    if mixed:
        return mixed[0]
    return name if not name.isupper() or not found else found.most_common(1)[0][0]


def _detect_url(lines: list[str]) -> str | None:
    """The article's own address: from "Artikel ini telah tayang di ... https://...", a
    canonical or URL line; the longest-path address on the page otherwise."""
    urls = [(line, u) for line in lines for u in URL_RE.findall(line)]
    if not urls:
        return None
    for line, u in urls:
        if _TAYANG_RE.search(line) or re.match(r"(?i)(?:url|link|canonical|sumber)\s*:", line):
            return u.rstrip(".,;")
    deep = [u for _, u in urls if u.count("/") >= 4]
    return max(deep, key=len).rstrip(".,;") if deep else None


def _title_from(body: str) -> str:
    first = next(iter(split_sentences(body)), (0, len(body)))
    sentence = body[first[0] : first[1]].rstrip(".!?")
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    words = sentence[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].split()
    while words and (words[-1].lower() in STOPWORDS or len(words[-1]) < 2):
        words.pop()
    return " ".join(words).rstrip(",;:-–—") + "…"


def clean_raw(text: str) -> CleanedRaw:
    """Clean a raw scraped article and detect its title, outlet, date and url."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\u200b-\u200d\u2060\ufeff]", "", text)
    lines = [_SPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    page = classify(lines)
    paras = _paragraphs(page.kept)
    removed = list(page.removed)
    dateline = None
    for k, para in enumerate(paras[:3]):
        if m := DATELINE_RE.match(para):
            dateline = m.group("outlet") or m.group("agency") or m.group("code")
            paras[k] = para[m.end() :]
            removed.append(m.group().strip())
            break
    paras = [p for p in (tidy(p) for p in paras) if any(c.isalnum() for c in p)]
    body = "\n\n".join(paras)
    url = _detect_url(lines)
    return CleanedRaw(
        title=page.title,
        body=body,
        outlet=_detect_outlet(lines, dateline, url),
        dates=detect_dates(page.header, body),
        url=url,
        removed=tuple(removed),
    )


def outlet_slug(outlet: str) -> str:
    """'Koran Contoh' -> 'korancontoh', 'Situs6.com' -> 'situs6'."""
    ascii_name = unicodedata.normalize("NFKD", outlet).encode("ascii", "ignore").decode()
    name = re.sub(r"\.(?:co\.id|com|id|net|org)$", "", ascii_name.lower().strip())
    return re.sub(r"[^a-z0-9]+", "", name)[:60] or "artikel"


def unique_id(base: str, existing: Set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... when it is already taken."""
    candidate, n = base, 1
    while candidate in existing:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def check_text(text: str, source_name: str) -> None:
    """Raise `PageImportError` when `text` is not page text worth cleaning."""
    if "\x00" in text:
        raise PageImportError(source_name, None, "binary content (NUL bytes), not article text")
    if len(text.encode("utf-8", "replace")) > MAX_ARTICLE_BYTES:
        raise PageImportError(source_name, None, f"larger than {MAX_ARTICLE_BYTES} bytes")
    if not text.strip():
        raise PageImportError(source_name, None, "the file is empty")


def _one_line(value: str) -> str:
    """A front-matter value: one line, no ' #' (which would start a comment)."""
    return " ".join(value.split()).replace(" #", " ")


def _checked_url(value: str | None, source_name: str) -> str | None:
    url = _one_line(value or "")
    if url and not re.match(r"(?i)^https?://[^\s/]+\S*$", url):
        raise PageImportError(source_name, None, f"url: only http(s) addresses, not {url[:60]!r}")
    return url or None


@dataclass(frozen=True)
class Imported:
    """An imported article and how many lines of the page were dropped as boilerplate."""

    article: Article
    dropped: int


def import_page(
    content: str,
    *,
    source_name: str,
    overrides: ImportOverrides | None = None,
    existing_ids: Set[str] = frozenset(),
    gazetteer: Gazetteer | None = None,
) -> Article:
    """An `Article` from a scraped text page or an HTML page (`index.importer.html`)."""
    return inspect_page(
        content,
        source_name=source_name,
        overrides=overrides,
        existing_ids=existing_ids,
        gazetteer=gazetteer,
    ).article


def inspect_page(
    content: str,
    *,
    source_name: str,
    overrides: ImportOverrides | None = None,
    existing_ids: Set[str] = frozenset(),
    gazetteer: Gazetteer | None = None,
) -> Imported:
    """`import_page`, with the number of lines it dropped (for the import report)."""
    check_text(content, source_name)
    meta, spellings = None, ""
    if looks_like_html(content):
        (content, meta), spellings = html_to_text(content, source_name), content
    raw = clean_raw(content)
    article = import_text(
        content,
        source_name=source_name,
        overrides=overrides,
        existing_ids=existing_ids,
        meta=meta,
        gazetteer=gazetteer,
        spellings=spellings,
        cleaned=raw,
    )
    return Imported(article, len(raw.removed))


def import_text(
    text: str,
    *,
    source_name: str,
    overrides: ImportOverrides | None = None,
    existing_ids: Set[str] = frozenset(),
    meta: PageMeta | None = None,
    gazetteer: Gazetteer | None = None,
    spellings: str = "",
    cleaned: CleanedRaw | None = None,
) -> Article:
    """Turn raw scraped text into an `Article`; `overrides` win over detection, which wins
    over what an HTML page's markup says of itself (`meta`).

    The default id is the outlet slug plus the date ("situs-2024-08-02"), suffixed "-2",
    "-3", ... when it is in `existing_ids`. Raises `PageImportError` for unusable input.
    """
    check_text(text, source_name)
    o = overrides or ImportOverrides()
    m = meta or PageMeta()
    raw = cleaned or clean_raw(text)
    if len(raw.body) < 20:
        raise PageImportError(source_name, None, "no article text left after removing boilerplate")
    detected = raw.outlet or m.site
    spelled = nicest_spelling(detected, f"{text}\n{spellings}") if detected else ""
    outlet = _one_line(o.outlet or spelled or "") or UNKNOWN_OUTLET
    dates = raw.dates
    if o.date:
        try:
            dates = DetectedDate.published_on(date.fromisoformat(o.date.strip()))
        except ValueError:
            raise PageImportError(
                source_name, None, f"date: expected YYYY-MM-DD: {o.date!r}"
            ) from None
    article_id = (o.article_id or "").strip()
    if article_id in existing_ids:
        raise PageImportError(source_name, None, f"id {article_id!r} already exists")
    article_id = article_id or unique_id(
        "-".join(filter(None, (outlet_slug(outlet), dates.key))), existing_ids
    )
    title = _one_line(o.title or raw.title or m.title or _title_from(raw.body))
    region = o.region or (province_of(f"{title}\n{raw.body}", gazetteer) if gazetteer else "")
    article = Article(
        id=article_id,
        title=title,
        outlet=outlet,
        published=dates.published,
        dated=dates.dated,
        date_label=dates.label,
        url=_checked_url(o.url or raw.url or m.url, source_name),
        region=_one_line(region),
        body=raw.body,
    )
    try:  # what would be written must load back (id shape, dates, body)
        parse_article(format_article(article), source_name)
    except KnowledgeFileError as exc:
        raise PageImportError(source_name, None, exc.problem) from exc
    return article


def read_page(path: Path) -> str:
    """The text of a page file: a regular, readable UTF-8 file of bounded size."""
    try:
        st = path.stat()
    except OSError as exc:
        raise PageImportError(str(path), None, f"cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise PageImportError(str(path), None, "not a regular file")
    if st.st_size > MAX_ARTICLE_BYTES:
        raise PageImportError(str(path), None, f"larger than {MAX_ARTICLE_BYTES} bytes")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise PageImportError(str(path), None, f"cannot be read ({exc.strerror})") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PageImportError(str(path), None, f"not UTF-8 text ({exc.reason})") from exc


def duplicate_of(article: Article, knowledge_dir: Path) -> str | None:
    """The id of an existing article with the same URL or the same body, if any."""
    for path in article_files(knowledge_dir):
        try:
            other = parse_article(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError, KnowledgeFileError):
            continue
        if (article.url and other.url == article.url) or other.body == article.body:
            return other.id
    return None


def write_article(article: Article, knowledge_dir: Path, source: str) -> Path:
    """Write an article file atomically; `PageImportError` for a duplicate of an existing one."""
    existing = duplicate_of(article, knowledge_dir)
    if existing:
        raise PageImportError(source, None, f"already in the knowledge base as {existing!r}")
    articles = knowledge_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    target = articles / f"{article.id}.md"
    tmp = articles / f".{target.name}.{os.getpid()}.tmp"  # not *.md: never loaded as an article
    tmp.write_text(format_article(article, source=source), encoding="utf-8", newline="\n")
    os.replace(tmp, target)
    return target


def import_file(path: Path, knowledge_dir: Path, overrides: ImportOverrides | None = None) -> Path:
    """Import the text or HTML page at `path` into `knowledge_dir/articles/<id>.md`."""
    return import_file_report(path, knowledge_dir, overrides)[0]


def import_file_report(
    path: Path, knowledge_dir: Path, overrides: ImportOverrides | None = None
) -> tuple[Path, Imported]:
    """`import_file`, with what was detected and dropped."""
    return _import(read_page(path), str(path), path.name, knowledge_dir, overrides)


def import_url(
    url: str, knowledge_dir: Path, overrides: ImportOverrides | None = None
) -> tuple[Path, Imported]:
    """Fetch a news page (with a timeout and a size limit) and import it."""
    return _import(fetch(url), url, url, knowledge_dir, overrides, default_url=url)


def _import(
    content: str,
    source_name: str,
    source: str,
    knowledge_dir: Path,
    overrides: ImportOverrides | None,
    default_url: str | None = None,
) -> tuple[Path, Imported]:
    existing = {p.stem for p in (knowledge_dir / "articles").glob("*.md")}
    o = overrides or ImportOverrides()
    if default_url and not o.url:
        o = replace(o, url=default_url)
    gazetteer = load_gazetteer(knowledge_dir / "gazetteer.txt")
    imported = inspect_page(
        content, source_name=source_name, overrides=o, existing_ids=existing, gazetteer=gazetteer
    )
    return write_article(imported.article, knowledge_dir, source), imported
