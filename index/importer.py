"""Importing a raw scraped article: strip site boilerplate, find title, outlet and date.

The boilerplate rules live in `index.boilerplate`. The article's own sentences are kept
verbatim; only whitespace is normalized, the dateline prefix ("PALEMBANG, KORANPALPRES.COM - ")
is removed from the first sentence and trailing byline tags ("(ohs)", "[ANTARA]") from
paragraph ends.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Set
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from index.boilerplate import (
    DATELINE_RE,
    DOMAIN_RE,
    URL_LINE_RE,
    headline,
    single_rule,
    strip_boilerplate,
    tidy,
)
from index.corpus import MAX_ARTICLE_BYTES, format_article, format_date_id, parse_article
from index.dates import detect_dates
from index.errors import ImportError_, KnowledgeFileError
from index.records import Article
from index.text import STOPWORDS, split_sentences

MAX_TITLE_CHARS = 100
DEFAULT_REGION = "Sumatera Selatan"

# Outlet domain (lowercase) -> display name. Unknown domains are shown as written.
OUTLETS = {
    "koranpalpres.com": "Koran Palpres",
    "palpres.com": "Koran Palpres",
    "suarasumsel.id": "SuaraSumsel.id",
    "musinews.id": "MusiNews.id",
    "liputan6.com": "Liputan6.com",
    "paltv.co.id": "PALTV",
}

_HTML_TAG_RE = re.compile(r"<(?:!doctype|/?[a-z][a-z0-9]*\b)[^<>]*>", re.I)
_SPACE_RE = re.compile(r"[^\S\n]+")


@dataclass(frozen=True, slots=True)
class CleanedRaw:
    """What `clean_raw` found: the clean body plus detected metadata (None when unknown).

    `date_key` is the date part of the default id: "2024-08-02", or "2024-03" when only the
    month is known. `removed` holds the raw lines (and the dateline prefix) left out of the body.
    """

    title: str | None
    body: str
    outlet: str | None
    published: date | None
    dated: date | None
    date_label: str
    date_key: str
    url: str | None
    removed: tuple[str, ...]

    @property
    def removed_lines(self) -> int:
        return len(self.removed)


@dataclass(frozen=True, slots=True)
class ImportOverrides:
    """Values given by the importing user; each one wins over detection. `date` is YYYY-MM-DD."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    region: str | None = None
    article_id: str | None = None


def _find_title(lines: list[str]) -> str | None:
    """The first substantial line when it looks like a headline, else None."""
    for line in lines:
        if line and not single_rule(line):
            return line if headline(line) and not DATELINE_RE.match(line) else None
    return None


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


def _detect_outlet(raw: str, dateline: str | None) -> str | None:
    """The outlet named in the dateline, else the known outlet domain the text names most."""
    if dateline:
        return OUTLETS.get(
            dateline.lower(),
            dateline.lower() if dateline.isupper() and "." in dateline else dateline,
        )
    found = [d.lower() for d in DOMAIN_RE.findall(raw) if d.lower() in OUTLETS]
    return OUTLETS[max(found, key=found.count)] if found else None


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
    title = _find_title(lines)
    kept, removed = strip_boilerplate(lines, title)
    paras = _paragraphs(kept)
    dateline = None
    for k, para in enumerate(paras[:3]):
        if m := DATELINE_RE.match(para):
            dateline = m.group("outlet") or m.group("agency")
            paras[k] = para[m.end() :]
            removed.append(m.group().strip())
            break
    paras = [p for p in (tidy(p) for p in paras) if any(c.isalnum() for c in p)]
    body = "\n\n".join(paras)
    first = next((line for line in kept if line), None)
    header = lines[: lines.index(first)] if first else lines
    published, dated, label, key = detect_dates(header, body)
    urls = [m.group(1) for line in removed if (m := URL_LINE_RE.match(line))]
    return CleanedRaw(
        title=title,
        body=body,
        outlet=_detect_outlet(text, dateline),
        published=published,
        dated=dated,
        date_label=label,
        date_key=key,
        url=urls[0] if urls else None,
        removed=tuple(removed),
    )


def outlet_slug(outlet: str) -> str:
    """'Koran Palpres' -> 'koranpalpres', 'Liputan6.com' -> 'liputan6'."""
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
    """Raise `ImportError_` when `text` is not plain article text worth cleaning."""
    if "\x00" in text:
        raise ImportError_(source_name, None, "binary content (NUL bytes), not article text")
    if len(text.encode("utf-8", "replace")) > MAX_ARTICLE_BYTES:
        raise ImportError_(source_name, None, f"larger than {MAX_ARTICLE_BYTES} bytes")
    if not text.strip():
        raise ImportError_(source_name, None, "the file is empty")
    markup = sum(len(m.group()) for m in _HTML_TAG_RE.finditer(text))
    if re.match(r"\s*<(?:!doctype|html)\b", text, re.I) or markup > 0.3 * len(text.strip()):
        raise ImportError_(
            source_name, None, "looks like an HTML page; save the article's text as plain text"
        )


def _one_line(value: str) -> str:
    """A front-matter value: one line, no ' #' (which would start a comment)."""
    return " ".join(value.split()).replace(" #", " ")


def import_text(
    text: str,
    *,
    source_name: str,
    overrides: ImportOverrides | None = None,
    existing_ids: Set[str] = frozenset(),
) -> Article:
    """Turn raw scraped text into an `Article`; `overrides` win over detection.

    The default id is the outlet slug plus the date ("koranpalpres-2024-08-02"), suffixed
    "-2", "-3", ... when it is in `existing_ids`. Raises `ImportError_` for unusable input.
    """
    check_text(text, source_name)
    o = overrides or ImportOverrides()
    raw = clean_raw(text)
    if len(raw.body) < 20:
        raise ImportError_(source_name, None, "no article text left after removing boilerplate")
    outlet = _one_line(o.outlet or raw.outlet or "")
    if not outlet:
        raise ImportError_(source_name, None, "outlet not recognised; give it with --outlet")
    published, dated, label, key = raw.published, raw.dated, raw.date_label, raw.date_key
    if o.date:
        try:
            published = dated = date.fromisoformat(o.date.strip())
        except ValueError:
            raise ImportError_(
                source_name, None, f"date: expected YYYY-MM-DD: {o.date!r}"
            ) from None
        label, key = format_date_id(published), published.isoformat()
    article_id = (o.article_id or "").strip()
    if article_id in existing_ids:
        raise ImportError_(source_name, None, f"id {article_id!r} already exists")
    article_id = article_id or unique_id(
        "-".join(filter(None, (outlet_slug(outlet), key))), existing_ids
    )
    article = Article(
        id=article_id,
        title=_one_line(o.title or raw.title or _title_from(raw.body)),
        outlet=outlet,
        published=published,
        dated=dated,
        date_label=label,
        url=_one_line(o.url or raw.url or "") or None,
        region=_one_line(o.region or DEFAULT_REGION),
        body=raw.body,
    )
    try:  # what would be written must load back (id shape, dates, body)
        parse_article(format_article(article), source_name)
    except KnowledgeFileError as exc:
        raise ImportError_(source_name, None, exc.problem) from exc
    return article


def import_file(path: Path, knowledge_dir: Path, overrides: ImportOverrides | None = None) -> Path:
    """Import the raw article at `path` into `knowledge_dir/articles/<id>.md` (atomically)."""
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise ImportError_(str(path), None, f"larger than {MAX_ARTICLE_BYTES} bytes")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportError_(str(path), None, f"not UTF-8 text ({exc.reason})") from exc
    articles = knowledge_dir / "articles"
    existing = {p.stem for p in articles.glob("*.md")}
    article = import_text(text, source_name=str(path), overrides=overrides, existing_ids=existing)
    content = format_article(article, source=path.name)
    articles.mkdir(parents=True, exist_ok=True)
    target = articles / f"{article.id}.md"
    tmp = articles / f".{target.name}.{os.getpid()}.tmp"  # not *.md: never loaded as an article
    tmp.write_text(content, encoding="utf-8", newline="\n")
    os.replace(tmp, target)
    return target
