"""Knowledge files: read and write articles (front matter + clean body), load the corpus.

An article file (`knowledge/articles/<id>.md`)::

    ---
    id: korancontoh-2024-08-02
    title: Baru 34 Persen Pekerja Terlindungi, ...
    outlet: Koran Contoh
    published: 2024-08-02        # publication date, empty when the source does not show it
    dated: 2024-08-02            # date used to order sources in time
    date_label: 2 Agustus 2024   # how users see the date
    url: https://...             # empty when unknown
    region: <province name>      # the province it is about (found by the importer)
    source: 000_8a2497d77d07cd7f.txt
    ---
    First paragraph of the clean body.

    Second paragraph.
"""

from __future__ import annotations

import hashlib
import logging
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from index.errors import KnowledgeFileError
from index.gazetteer import parse_gazetteer, with_place_names
from index.glossary import Glossary, parse_glossary
from index.records import Article
from index.text import format_date_id

log = logging.getLogger(__name__)

REQUIRED = ("id", "title", "outlet")
GLOSSARY = "glossary.txt"
GAZETTEER = "gazetteer.txt"
# Data files besides the articles that an index is built with (copied into each build, so
# editing one and rebuilding changes the answers): the glossary (applied to articles and
# questions), the lexicons questions are read with, the gazetteer and the fitted scorer.
DATA_FILES = (GLOSSARY, "dialect.txt", "english.txt", "chat.txt", GAZETTEER, "scorer.json")
KNOWN = REQUIRED + ("published", "dated", "date_label", "url", "region", "source")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
MAX_ARTICLE_BYTES = 2_000_000


@dataclass(frozen=True)
class Corpus:
    """All articles (sorted by id) plus the glossary, and a fingerprint of the files."""

    articles: tuple[Article, ...]
    glossary: Glossary
    fingerprint: str
    data_files: dict[str, str] = field(default_factory=dict)  # name -> text, as read

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


def _parse_date(value: str, path: str, line: int, key: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeFileError(path, line, f"{key}: expected YYYY-MM-DD, got {value!r}") from None


def parse_article(text: str, path: str = "<article>") -> Article:
    """Parse one article file; raise `KnowledgeFileError` with the line of the problem."""
    if "\x00" in text:
        raise KnowledgeFileError(path, None, "binary content (NUL bytes)")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise KnowledgeFileError(path, 1, "missing front matter: the file must start with '---'")
    meta: dict[str, str] = {}
    meta_line: dict[str, int] = {}
    end = None
    for i, raw in enumerate(lines[1:], start=2):
        if raw.strip() == "---":
            end = i
            break
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, sep, value = raw.partition(":")
        key = key.strip()
        if not sep or key not in KNOWN:
            raise KnowledgeFileError(
                path, i, f"expected 'key: value' with key one of {', '.join(KNOWN)}"
            )
        if key in meta:
            raise KnowledgeFileError(path, i, f"duplicate key {key!r}")
        meta[key], meta_line[key] = value.split(" #", 1)[0].strip(), i
    if end is None:
        raise KnowledgeFileError(path, len(lines), "front matter is not closed with '---'")
    for key in REQUIRED:
        if not meta.get(key):
            raise KnowledgeFileError(path, meta_line.get(key, 1), f"missing required key {key!r}")
    if not _ID_RE.match(meta["id"]):
        raise KnowledgeFileError(
            path, meta_line["id"], "id: lowercase letters, digits and '-', at most 80 characters"
        )
    published = _parse_date(
        meta.get("published", ""), path, meta_line.get("published", 1), "published"
    )
    dated = (
        _parse_date(meta.get("dated", ""), path, meta_line.get("dated", 1), "dated") or published
    )
    body = "\n".join(lines[end:]).strip()
    if len(body) < 20:
        raise KnowledgeFileError(path, end + 1, "the article body is empty")
    return Article(
        id=meta["id"],
        title=meta["title"],
        outlet=meta["outlet"],
        published=published,
        dated=dated,
        date_label=meta.get("date_label") or (format_date_id(dated) if dated else ""),
        url=meta.get("url") or None,
        region=meta.get("region", ""),
        body=body,
        path=path,
        source=meta.get("source", ""),
    )


def format_article(article: Article, source: str = "") -> str:
    """Serialize an article to the knowledge-file format (inverse of `parse_article`)."""
    meta = {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else "",
        "dated": article.dated.isoformat() if article.dated else "",
        "date_label": article.date_label,
        "url": article.url or "",
        "region": article.region,
        "source": source or article.source,
    }
    head = "\n".join(f"{k}: {v}".rstrip() for k, v in meta.items())
    return f"---\n{head}\n---\n{article.body.strip()}\n"


def article_files(knowledge_dir: Path) -> list[Path]:
    """The article files of a knowledge directory, sorted by name: regular `*.md` files.

    Hidden entries (an editor's `.#x.md` lock file) and entries that are not regular files
    (a directory named `x.md`, a FIFO, a dangling link, a link loop) are skipped with a
    warning that names them: reading one could hang or fail a whole build.
    """
    folder = knowledge_dir / "articles"
    try:
        entries = sorted(folder.glob("*.md"))
    except OSError as exc:
        raise KnowledgeFileError(str(folder), None, f"cannot be listed ({exc.strerror})") from exc
    out = []
    for path in entries:
        if path.name.startswith("."):
            log.warning("skipping %s: a hidden file", path)
            continue
        try:
            mode = path.stat().st_mode  # follows links: a dangling or looping one raises
        except OSError as exc:
            log.warning("skipping %s: %s", path, exc.strerror or exc)
            continue
        if not stat.S_ISREG(mode):
            log.warning("skipping %s: not a regular file", path)
            continue
        out.append(path)
    return out


def knowledge_files(knowledge_dir: Path) -> list[Path]:
    """Every file an index is built from: the articles, sorted by name, and the data files."""
    return [*article_files(knowledge_dir), *(knowledge_dir / name for name in DATA_FILES)]


def fingerprint_files(paths: Iterable[Path]) -> str:
    """A hash of the names and bytes of the given files (a missing or unreadable one counts
    as empty: the build that reads it reports the problem)."""
    return _fingerprint((p.name, _bytes_or_mark(p)) for p in paths)


def _bytes_or_mark(path: Path) -> bytes:
    try:
        return path.read_bytes() if path.is_file() else b""
    except OSError:
        return b"\1unreadable"


def _fingerprint(files: Iterable[tuple[str, bytes]]) -> str:
    """A hash of (name, bytes) pairs: `fingerprint_files` of files already read."""
    h = hashlib.sha256()
    for name, data in files:
        h.update(name.encode() + b"\0")
        h.update(data)
        h.update(b"\0")
    return h.hexdigest()[:16]


def stat_signature(knowledge_dir: Path) -> str:
    """A hash of the names, sizes and modification times of the knowledge files: equal
    signatures mean untouched files, without reading them (thousands of files at scale)."""
    h = hashlib.sha256()
    for p in knowledge_files(knowledge_dir):
        try:
            st = p.stat()
        except OSError:
            h.update(f"{p.name}\0-\n".encode())
            continue
        h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def corpus_fingerprint(knowledge_dir: Path) -> str:
    """Fingerprint of everything the index is built from (articles and glossary)."""
    return fingerprint_files(knowledge_files(knowledge_dir))


def load_corpus(knowledge_dir: Path) -> Corpus:
    """Load and validate every article and the glossary; raise `KnowledgeFileError` on the first
    malformed file. Each file is read once: its bytes are parsed and fingerprinted."""
    articles: list[Article] = []
    read: list[tuple[str, bytes]] = []
    seen: dict[str, str] = {}
    for path in article_files(knowledge_dir):
        raw = _read_bytes(path)
        article = parse_article(_utf8(raw, path), str(path))
        if article.id in seen:
            raise KnowledgeFileError(
                str(path), 2, f"id {article.id!r} is also used by {seen[article.id]}"
            )
        seen[article.id] = str(path)
        articles.append(article)
        read.append((path.name, raw))
    if not articles:
        raise KnowledgeFileError(str(knowledge_dir / "articles"), None, "no article files (*.md)")
    data_files, data = _read_data_files(knowledge_dir)
    glossary = with_place_names(
        parse_glossary(data_files[GLOSSARY], str(knowledge_dir / GLOSSARY)),
        parse_gazetteer(data_files.get(GAZETTEER, ""), str(knowledge_dir / GAZETTEER)),
    )
    articles.sort(key=lambda a: a.id)
    read += [(name, data.get(name, b"")) for name in DATA_FILES]
    return Corpus(tuple(articles), glossary, _fingerprint(read), data_files)


def _read_bytes(path: Path) -> bytes:
    """An article file's bytes; `KnowledgeFileError` naming it when it cannot be read or is
    too large."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise KnowledgeFileError(
            str(path), None, f"cannot be read ({exc.strerror or exc})"
        ) from exc
    if len(raw) > MAX_ARTICLE_BYTES:
        raise KnowledgeFileError(str(path), None, f"file is larger than {MAX_ARTICLE_BYTES} bytes")
    return raw


def _utf8(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeFileError(str(path), None, f"not UTF-8 text ({exc.reason})") from exc


def _universal_newlines(text: str) -> str:
    """Line ends as `Path.read_text` gives them: "\r\n" and "\r" read as "\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_data_files(knowledge_dir: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    """The data files' texts and bytes by name; the glossary must exist, the others are
    optional."""
    texts: dict[str, str] = {}
    data: dict[str, bytes] = {}
    for name in DATA_FILES:
        path = knowledge_dir / name
        try:
            data[name] = path.read_bytes()
        except FileNotFoundError:
            if name == GLOSSARY:
                raise KnowledgeFileError(
                    str(path), None, "the glossary is missing (an empty file is allowed)"
                ) from None
            continue
        except OSError as exc:
            raise KnowledgeFileError(str(path), None, f"cannot be read ({exc.strerror})") from exc
        texts[name] = _universal_newlines(_utf8(data[name], path))
    return texts, data
