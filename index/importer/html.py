"""News pages as HTML, from a file or a URL: their main text and metadata, via trafilatura.

trafilatura is the maintained library for a news page's main text and metadata (title,
date, site name, canonical URL). Its text then goes through the same line classifier as a
scraped text page (index/importer/boilerplate.py), so an HTML page and its text make the
same article.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from html import unescape as html_unescape
from html.parser import HTMLParser

from index.errors import PageImportError
from index.importer.blocks import SEE_ALSO_ALONE_RE
from index.importer.dates import header_date
from index.text import format_date_id

FETCH_TIMEOUT = 15.0  # seconds
MAX_PAGE_BYTES = 5_000_000
_HTML_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup says of itself (None when it does not)."""

    title: str | None = None
    date: date | None = None
    site: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.match(text[:2000])) or text.count("</p>") >= 3


def html_to_text(html: str, source_name: str) -> tuple[str, PageMeta]:
    """The page as scraped text (headline, date line, main text) and its metadata."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
        # The date it appeared, not the date it was last modified (htmldate's option).
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    page = _Page(html)
    text = _table_rows(
        _bare_links_gone(_headings_back((data.get("text") or "").strip(), page), page)
    )
    if not text:
        raise PageImportError(source_name, None, "no article text found in the HTML page")
    site = data.get("sitename")
    title = _without_site(data.get("title"), site)
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip():
        text = rest  # the headline again, above the main text: the header says it once
    published = _published_in_markup(html) or _iso_date(data.get("date")) or _shown_date(page, text)
    meta = PageMeta(title, published, site, data.get("url"))
    # The site's name first, as a scraped page's masthead gives it.
    head = [site or "", meta.title or "", format_date_id(published) if published else "", ""]
    footer = _COPYRIGHT_RE.search(html)  # the site's own line, as a text page ends with it
    tail = [html_unescape(footer.group(0)).strip()] if footer else []
    return "\n".join([*head, text, *tail]), meta


# trafilatura writes an article's table in Markdown: "| Kecamatan | Perusahaan | " rows under a
# "|---|---|" rule.
_TABLE_RULE_RE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$\n?", re.M)
_TABLE_ROW_RE = re.compile(r"^\|(.*)\|[^\S\n]*$", re.M)


class _Page(HTMLParser):
    """A page's visible text blocks (not scripts or styles) and the texts of its links, read
    in one linear pass (regular expressions over malformed HTML can take quadratic time)."""

    _BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr td th span time header section".split())
    _HEADINGS = frozenset("h2 h3 h4 h5 h6".split())

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]
        self.headings: set[int] = set()  # the blocks inside subheadings (h2 to h6)
        self._in_heading = 0
        self.anchors: set[str] = set()
        self._anchor: list[str] | None = None
        self._hidden = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        elif tag == "a":
            self._anchor = []
        elif tag in self._BLOCKS:
            self.blocks.append("")
            self._in_heading += tag in self._HEADINGS
            if self._in_heading:  # "<h3><span>Subjudul</span></h3>": the span's block too
                self.headings.add(len(self.blocks) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden = max(0, self._hidden - 1)
        elif tag == "a" and self._anchor is not None:
            self.anchors.add(" ".join("".join(self._anchor).split()))
            self._anchor = None
        elif tag in self._BLOCKS:
            self.blocks.append("")
            if tag in self._HEADINGS:
                self._in_heading = max(0, self._in_heading - 1)
            if self._in_heading:
                self.headings.add(len(self.blocks) - 1)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.blocks[-1] += data
        if self._anchor is not None:
            self._anchor.append(data)


def _headings_back(text: str, page: _Page) -> str:
    """The text with the subheadings trafilatura left out of it (it drops an h3 between the
    article's paragraphs on some layouts): a heading goes back between the two lines of the
    text that are the blocks just before and just after it on the page. A heading of a
    sidebar ("BERITA TERKAIT") has no such pair around it, or links under it, and stays
    out."""
    lines = text.split("\n")
    at = {_flat(line): k for k, line in enumerate(lines)}
    blocks = [" ".join(b.split()) for b in page.blocks]
    filled = [k for k, b in enumerate(blocks) if b]
    after: dict[int, list[str]] = {}
    for n, k in enumerate(filled):
        if k not in page.headings or _flat(blocks[k]) in at or not 0 < n < len(filled) - 1:
            continue
        following = blocks[filled[n + 1]]
        if following in page.anchors:
            continue  # a sidebar's heading over its links ("BERITA TERKAIT")
        before, next_ = at.get(_flat(blocks[filled[n - 1]])), at.get(_flat(following))
        if before is not None and next_ == before + 1:
            after.setdefault(before, []).append(blocks[k])
    return "\n".join(x for k, line in enumerate(lines) for x in (line, *after.get(k, ())))


def _flat(line: str) -> str:
    """A line as its block on the page reads: spaces collapsed, without a list item's dash."""
    return " ".join(line.split()).removeprefix("- ")


def _bare_links_gone(text: str, page: _Page) -> str:
    """The text without the "Baca juga:" labels whose link trafilatura left out: the line
    after such a label is the article's own (a subheading), not the headline it links to."""
    lines = text.split("\n")
    kept = [
        line
        for k, line in enumerate(lines)
        if not (
            SEE_ALSO_ALONE_RE.match(line.strip())
            and k + 1 < len(lines)
            and " ".join(lines[k + 1].split()) not in page.anchors
        )
    ]
    return "\n".join(kept)


def _table_rows(text: str) -> str:
    """Markdown table rows as a text page writes them: cells between " | ", without the rule
    under the header."""
    text = _TABLE_RULE_RE.sub("", text)
    return _TABLE_ROW_RE.sub(lambda m: " | ".join(c.strip() for c in m.group(1).split("|")), text)


# The copyright line of the page's footer ("© 2025 Nama Situs. All rights reserved."):
# trafilatura leaves it out of the main text, and the outlet is read from it as on a text page.
_COPYRIGHT_RE = re.compile(r"(?:©|&copy;|&#169;|\bCopyright\b)[^<>{}]{3,120}", re.I)


def _without_site(title: str | None, site: str | None) -> str | None:
    """A page title without the site's name after it ("Judul – Situs Kita" -> "Judul")."""
    if title and site:
        title = re.sub(rf"\s+[-–—|:]\s+{re.escape(site)}\s*$", "", title, flags=re.I)
    return title or None


_PUBLISHED_META_RE = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=\"(?:article:published_time|datePublished"
    r"|pubdate|publish[_-]?date)\"[^>]*content=\"(\d{4}-\d{2}-\d{2})",
    re.I,
)
# The article's own JSON-LD node (not a list of related articles before it).
_PUBLISHED_LD_RE = re.compile(
    r"\"@type\"\s*:\s*\"(?:News)?Article\"(?:[^{}]|\{[^{}]*\})*?"
    r"\"datePublished\"\s*:\s*\"(\d{4}-\d{2}-\d{2})"
)


def _published_in_markup(html: str) -> date | None:
    """The publication date the markup states outright (JSON-LD "datePublished", meta
    "article:published_time"): trafilatura may prefer a later modification date."""
    m = _PUBLISHED_META_RE.search(html) or _PUBLISHED_LD_RE.search(html)
    return _iso_date(m.group(1)) if m else None


def _shown_date(page: _Page, text: str) -> date | None:
    """The date the page shows above its article ("Kamis, 21 Oktober 2027" in the header)
    when no markup gives one: the first block of the page's text before the article's first
    words that is a date and little else (none when the article cannot be found)."""
    lead = " ".join(text.split()[:6])
    blocks = [" ".join(b.split()) for b in page.blocks]
    end = next((k for k, b in enumerate(blocks) if lead and lead in b), 0)
    return next((found for b in blocks[:end] if b and (found := header_date(b))), None)


def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def fetch(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> str:
    """The HTML of a news page (http or https only), with a timeout and a size limit;
    `PageImportError` with a clear reason when it cannot be had."""
    if not re.match(r"(?i)^https?://[^\s/]+", url):
        raise PageImportError(url, None, "only http:// and https:// addresses can be imported")
    request = urllib.request.Request(url, headers={"User-Agent": "bpjstk-bot importer"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as exc:
        raise PageImportError(url, None, f"the site answered HTTP {exc.code}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PageImportError(
            url, None, f"could not fetch the page (no network, or the site is down): {reason}"
        ) from exc
    if len(body) > max_bytes:
        raise PageImportError(url, None, f"the page is larger than {max_bytes} bytes")
    return body.decode(charset, errors="replace")
