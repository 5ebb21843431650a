"""The index directory: writing a build, swapping it in atomically, loading one.

Layout::

    <index_dir>/current -> builds/<build_id>    (symlink, replaced atomically)
    <index_dir>/builds/<build_id>/manifest.json  (written last: see index/manifest.py)
                                 /articles.json  (the corpus snapshot answers quote from)
                                 /glossary.txt, dialect.txt, ... (copies of the data files)
                                 /chunks.npz     (article, start, end, n_tokens of each chunk)
                                 /digests.json   (article id -> body digest, for rebuilds)
                                 /dense.faiss
                                 /sentences.npz  (sentence spans of every article)
                                 /lexical/
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import shutil
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from pydantic import TypeAdapter

from index.chunking import chunking_fingerprint
from index.corpus import Corpus
from index.dense import DenseIndex
from index.errors import IndexMissingError
from index.gazetteer import load_gazetteer, with_place_names
from index.glossary import Glossary, load_glossary
from index.lexical import LexicalIndex
from index.manifest import Manifest, read_manifest, verify, write_manifest
from index.records import Article, Chunk, Sentence
from index.tables import ChunkTable, SentenceTable

KEEP_BUILDS = 2
# articles.json: the articles as JSON objects, dates as YYYY-MM-DD (or null).
_ARTICLES = TypeAdapter(list[Article])


def article_meta_text(a: Article) -> str:
    """An article's title, outlet and date as text: words no chunk holds."""
    return f"{a.title} {a.outlet} {a.date_label} {a.dated.year if a.dated else ''}"


NEWEST_ARTICLES = 24  # the newest articles whose best chunks a "saat ini" question also reads


@dataclass(frozen=True)
class ArticleDays:
    """The dated articles of a build: ids with the year and month of their day, and the
    newest ones (latest day first)."""

    ids: np.ndarray
    year: np.ndarray
    month: np.ndarray
    newest: tuple[str, ...]


@dataclass
class StoredIndex:
    """A loaded build: everything search and answering need, nothing read from knowledge/."""

    path: Path
    manifest: Manifest
    articles: dict[str, Article]
    chunks: ChunkTable
    glossary: Glossary
    lexical: LexicalIndex
    dense: DenseIndex
    sentences: SentenceTable
    meta_terms: dict[str, frozenset[str]]  # article id -> lexical terms of `article_meta_text`
    chunk_ids: dict[str, np.ndarray]  # article id -> ids of its chunks

    @cached_property
    def article_days(self) -> ArticleDays:
        """The dated articles that have chunks, by day (read by every question naming a
        time: computed once per loaded build, not once per question)."""
        dated = [
            (a.dated, a.id) for a in self.articles.values() if a.dated and a.id in self.chunk_ids
        ]
        return ArticleDays(
            ids=np.array([aid for _, aid in dated], dtype=object),
            year=np.array([d.year for d, _ in dated], dtype=np.int32),
            month=np.array([d.month for d, _ in dated], dtype=np.int32),
            newest=tuple(aid for _, aid in heapq.nlargest(NEWEST_ARTICLES, dated)),
        )

    def article_sentences(self, article_id: str) -> list[Sentence]:
        """The sentences of an article, with offsets into its body."""
        return self.sentences.sentences_of(self.articles[article_id])

    def terms_in_article(self, article_id: str, terms: Iterable[str]) -> frozenset[str]:
        """Which of `terms` the article uses anywhere (body, title, outlet, date), from the
        lexical index's postings rather than by reading the article again."""
        ids = self.chunk_ids.get(article_id)
        meta = self.meta_terms.get(article_id, frozenset())
        return frozenset(
            t for t in terms if t in meta or (ids is not None and self.lexical.occurs_in(t, ids))
        )


@dataclass(frozen=True)
class NewBuild:
    """Everything one build writes (see `write_build`)."""

    manifest: Manifest
    corpus: Corpus  # the articles and the data files, as read
    chunks: list[Chunk]
    sentences: SentenceTable  # the sentence spans of every article
    lexical: LexicalIndex
    dense: DenseIndex
    meta_terms: dict[str, list[str]]  # article id -> lexical terms of `article_meta_text`
    digests: dict[str, str]  # article id -> `body_digest`: the next build reuses the chunks


def write_build(directory: Path, build: NewBuild) -> None:
    """Write every artifact of one build into `directory` (which must not exist yet)."""
    directory.mkdir(parents=True)
    articles = list(build.corpus.articles)
    (directory / "articles.json").write_text(
        json.dumps(_ARTICLES.dump_python(articles, mode="json"), ensure_ascii=False),
        encoding="utf-8",
    )
    for name, text in build.corpus.data_files.items():
        (directory / name).write_text(text, encoding="utf-8")
    ChunkTable.of_chunks(articles, build.chunks).save(directory / "chunks.npz")
    (directory / "meta_terms.json").write_text(
        json.dumps(build.meta_terms, ensure_ascii=False), "utf-8"
    )
    (directory / "digests.json").write_text(
        json.dumps({"chunking": chunking_fingerprint(), "articles": build.digests}),
        encoding="utf-8",
    )
    build.dense.save(directory / "dense.faiss")
    build.sentences.save(directory / "sentences.npz")
    build.lexical.save(directory / "lexical")
    # The manifest goes last: a build directory without one is incomplete.
    write_manifest(directory, build.manifest)


def _read_articles(build_dir: Path) -> list[Article]:
    return _ARTICLES.validate_json((build_dir / "articles.json").read_bytes())


def kept_builds(index_dir: Path) -> list[Path]:
    """The complete builds in `index_dir`, newest first."""
    root = index_dir / "builds"
    try:
        builds = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []
    builds = [p for p in builds if read_manifest(p) is not None]
    return sorted(builds, key=lambda p: p.name, reverse=True)


def body_digest(body: str) -> str:
    """A short digest of an article body: equal digests, equal chunks."""
    return hashlib.blake2b(body.encode("utf-8"), digest_size=12).hexdigest()


def read_chunk_spans(build_dir: Path) -> dict[str, tuple[str, list[tuple[int, int, int]]]]:
    """article id -> (body digest, [(start, end, n_tokens)]) of a build; empty when the build
    has no digests (older builds), was chunked by other code, or cannot be read."""
    try:
        saved = json.loads((build_dir / "digests.json").read_text("utf-8"))
        if saved.get("chunking") != chunking_fingerprint():
            return {}  # the chunking code changed since: chunk everything again
        digests = saved["articles"]
        articles = _read_articles(build_dir)
        table = ChunkTable.load(build_dir / "chunks.npz", articles)
    except (OSError, ValueError, KeyError, AttributeError, zipfile.BadZipFile):
        return {}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    ids = [articles[i].id for i in table.article_index.tolist()]
    columns = (table.starts.tolist(), table.ends.tolist(), table.n_tokens.tolist())
    for aid, start, end, n_tokens in zip(ids, *columns, strict=True):
        spans.setdefault(aid, []).append((start, end, n_tokens))
    return {aid: (digests[aid], s) for aid, s in spans.items() if aid in digests}


def swap_current(index_dir: Path, build_dir: Path) -> None:
    """Point `current` at `build_dir` atomically, then prune old builds."""
    tmp_link = index_dir / f".current-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(build_dir.relative_to(index_dir))
    os.replace(tmp_link, index_dir / "current")
    builds = sorted(
        (p for p in (index_dir / "builds").iterdir() if p.is_dir()),
        key=lambda p: p.stat().st_mtime,
    )
    for old in builds[:-KEEP_BUILDS]:
        if old.resolve() != build_dir.resolve():
            shutil.rmtree(old, ignore_errors=True)


def current_build(index_dir: Path) -> Path | None:
    """The build `current` points at, if it is complete."""
    link = index_dir / "current"
    if not link.exists():
        return None
    target = link.resolve()
    return target if read_manifest(target) else None


def load_build(build_dir: Path) -> StoredIndex:
    """Load a complete build, its files verified against the manifest's checksums; raise
    `IndexDamagedError` (naming the file) or `IndexMissingError` when it is unusable."""
    manifest = read_manifest(build_dir)
    if manifest is None:
        raise IndexMissingError(f"no complete index at {build_dir}")
    verify(build_dir, manifest)
    try:
        articles = _read_articles(build_dir)
        chunks = ChunkTable.load(build_dir / "chunks.npz", articles)
        return StoredIndex(
            path=build_dir,
            manifest=manifest,
            articles={a.id: a for a in articles},
            chunks=chunks,
            glossary=with_place_names(
                load_glossary(build_dir / "glossary.txt"),
                load_gazetteer(build_dir / "gazetteer.txt"),
            ),
            lexical=LexicalIndex.load(build_dir / "lexical"),
            dense=DenseIndex.load(build_dir / "dense.faiss"),
            sentences=SentenceTable.load(build_dir / "sentences.npz", articles),
            meta_terms={
                aid: frozenset(terms)
                for aid, terms in json.loads(
                    (build_dir / "meta_terms.json").read_text("utf-8")
                ).items()
            },
            chunk_ids=chunks.ids_by_article(),
        )
    except (OSError, ValueError, KeyError, RuntimeError, zipfile.BadZipFile) as exc:
        raise IndexMissingError(f"index at {build_dir} is damaged: {exc}") from exc
