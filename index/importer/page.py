"""Importing a news page into the knowledge base: the `Article` a page makes (cleaned by
`index.importer.clean`, with the importing user's overrides), read from a file or a URL and
written as a knowledge file."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Set
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Required, TypedDict, Unpack

from index.corpus import MAX_ARTICLE_BYTES, article_files, format_article, parse_article
from index.errors import KnowledgeFileError, PageImportError
from index.gazetteer import Gazetteer, load_gazetteer, province_of
from index.importer.clean import clean_raw, nicest_spelling
from index.importer.dates import DetectedDate
from index.importer.html import PageMeta, fetch, html_to_text, looks_like_html
from index.records import Article
from index.text import STOPWORDS, split_sentences

MAX_TITLE_CHARS = 100
UNKNOWN_OUTLET = "Sumber tidak diketahui"


@dataclass(frozen=True, slots=True)
class ImportOverrides:
    """Values given by the importing user; each one wins over detection. `date` is YYYY-MM-DD."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    region: str | None = None
    article_id: str | None = None


def _title_from(body: str) -> str:
    first = next(iter(split_sentences(body)), (0, len(body)))
    sentence = body[first[0] : first[1]].rstrip(".!?")
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    words = sentence[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].split()
    while words and (words[-1].lower() in STOPWORDS or len(words[-1]) < 2):
        words.pop()
    return " ".join(words).rstrip(",;:-–—") + "…"


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


class PageOptions(TypedDict, total=False):
    """What `inspect_page` takes besides the page itself (see there)."""

    source_name: Required[str]
    overrides: ImportOverrides | None
    existing_ids: Set[str]
    gazetteer: Gazetteer | None


def import_page(content: str, **options: Unpack[PageOptions]) -> Article:
    """The `Article` of a scraped text page or an HTML page: `inspect_page(...).article`."""
    return inspect_page(content, **options).article


def inspect_page(
    content: str,
    *,
    source_name: str,
    overrides: ImportOverrides | None = None,
    existing_ids: Set[str] = frozenset(),
    gazetteer: Gazetteer | None = None,
) -> Imported:
    """The `Article` of a scraped text page or an HTML page (`index.importer.html`), with the
    number of lines it dropped (for the import report). `overrides` win over detection, which
    wins over what an HTML page's markup says of itself.

    The default id is the outlet slug plus the date ("situs-2024-08-02"), suffixed "-2",
    "-3", ... when it is in `existing_ids`. Raises `PageImportError` for unusable input.
    """
    check_text(content, source_name)
    meta, spellings = PageMeta(), ""
    if looks_like_html(content):
        (content, meta), spellings = html_to_text(content, source_name), content
        check_text(content, source_name)
    raw = clean_raw(content)
    if len(raw.body) < 20:
        raise PageImportError(source_name, None, "no article text left after removing boilerplate")
    o = overrides or ImportOverrides()
    detected = raw.outlet or meta.site
    spelled = nicest_spelling(detected, f"{content}\n{spellings}") if detected else ""
    outlet = _one_line(o.outlet or spelled or "") or UNKNOWN_OUTLET
    dates = _overridden(raw.dates, o.date, source_name)
    title = _one_line(o.title or raw.title or meta.title or _title_from(raw.body))
    region = o.region or (province_of(f"{title}\n{raw.body}", gazetteer) if gazetteer else "")
    article = Article(
        id=_article_id(o.article_id, outlet, dates.key, existing_ids, source_name),
        title=title,
        outlet=outlet,
        published=dates.published,
        dated=dates.dated,
        date_label=dates.label,
        url=_checked_url(o.url or raw.url or meta.url, source_name),
        region=_one_line(region),
        body=raw.body,
    )
    try:  # what would be written must load back (id shape, dates, body)
        parse_article(format_article(article), source_name)
    except KnowledgeFileError as exc:
        raise PageImportError(source_name, None, exc.problem) from exc
    return Imported(article, len(raw.removed))


def _overridden(found: DetectedDate, date_override: str | None, source_name: str) -> DetectedDate:
    """The detected date, or the importing user's (YYYY-MM-DD) when given."""
    if not date_override:
        return found
    try:
        return DetectedDate.published_on(date.fromisoformat(date_override.strip()))
    except ValueError:
        raise PageImportError(
            source_name, None, f"date: expected YYYY-MM-DD: {date_override!r}"
        ) from None


def _article_id(
    chosen: str | None, outlet: str, date_key: str, existing_ids: Set[str], source_name: str
) -> str:
    """The id the importing user chose, else the outlet slug and the date, made unique."""
    article_id = (chosen or "").strip()
    if article_id in existing_ids:
        raise PageImportError(source_name, None, f"id {article_id!r} already exists")
    return article_id or unique_id(
        "-".join(filter(None, (outlet_slug(outlet), date_key))), existing_ids
    )


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
