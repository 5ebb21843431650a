"""The index directory: manifest, atomic swap of builds, loading a build.

Layout::

    <index_dir>/current -> builds/<build_id>    (symlink, replaced atomically)
    <index_dir>/builds/<build_id>/manifest.json
                                 /articles.json  (the corpus snapshot answers quote from)
                                 /glossary.txt
                                 /chunks.jsonl   ([id, article_id, start, end, n_tokens])
                                 /digests.json   (article id -> body digest, for rebuilds)
                                 /dense.faiss
                                 /sentences.npz  (sentence spans of every article)
                                 /lexical/
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from index.chunking import article_sentences, chunking_fingerprint
from index.dense import DenseIndex
from index.errors import IndexMissingError
from index.glossary import Glossary, load_glossary
from index.lexical import LexicalIndex
from index.records import Article, Chunk, Sentence
from index.text import split_sentences

# 2: digests.json and lexical/stems.json; 3: IVF-Flat, not HNSW, when large; 4: sentences.npz
FORMAT_VERSION = 4
KEEP_BUILDS = 2


@dataclass(frozen=True)
class Manifest:
    """What a build was made from and of."""

    format_version: int
    build_id: str
    model: str
    dim: int
    fingerprint: str
    max_tokens: int
    overlap: int
    n_articles: int
    n_chunks: int
    embedded: int
    reused: int
    built_at: str
    build_seconds: float
    dense_index: str = ""  # e.g. "IndexIVFFlat (1264 lists, 79 probed)"

    def matches(self, fingerprint: str, model: str, max_tokens: int) -> bool:
        """True when this build is current for the given corpus and settings."""
        return (
            self.format_version == FORMAT_VERSION
            and self.fingerprint == fingerprint
            and self.model == model
            and self.max_tokens == max_tokens
        )


@dataclass(frozen=True)
class SentenceTable:
    """The sentence spans of every article, found once at build time: splitting an article
    into sentences was the costliest part of reading one at answer time."""

    order: dict[str, int]  # article id -> row in `offsets`
    offsets: np.ndarray  # article i's sentences are spans[offsets[i] : offsets[i + 1]]
    spans: np.ndarray  # (start, end) character offsets into the article body

    @classmethod
    def of_articles(cls, articles: list[Article]) -> SentenceTable:
        spans = [list(split_sentences(a.body)) for a in articles]
        offsets = np.zeros(len(articles) + 1, dtype=np.int64)
        np.cumsum([len(s) for s in spans], out=offsets[1:])
        flat = np.array([x for s in spans for x in s], dtype=np.int64).reshape(-1, 2)
        return cls({a.id: i for i, a in enumerate(articles)}, offsets, flat)

    def spans_of(self, article_id: str) -> list[tuple[int, int]] | None:
        i = self.order.get(article_id)
        if i is None:
            return None
        rows = self.spans[self.offsets[i] : self.offsets[i + 1]].tolist()
        return [(start, end) for start, end in rows]

    def save(self, path: Path) -> None:
        with path.open("wb") as f:
            np.savez(f, offsets=self.offsets, spans=self.spans)

    @classmethod
    def load(cls, path: Path, articles: list[Article]) -> SentenceTable:
        with path.open("rb") as f, np.load(f) as data:
            offsets, spans = data["offsets"], data["spans"]
        if len(offsets) != len(articles) + 1 or (len(offsets) and offsets[-1] != len(spans)):
            raise ValueError("sentences.npz does not match articles.json")
        return cls({a.id: i for i, a in enumerate(articles)}, offsets, spans)


@dataclass
class StoredIndex:
    """A loaded build: everything search and answering need, nothing read from knowledge/."""

    path: Path
    manifest: Manifest
    articles: dict[str, Article]
    chunks: list[Chunk]
    glossary: Glossary
    lexical: LexicalIndex
    dense: DenseIndex
    sentences: SentenceTable | None = None

    def article_sentences(self, article_id: str) -> list[Sentence]:
        """The sentences of an article, with offsets into its body."""
        article = self.articles[article_id]
        spans = self.sentences.spans_of(article_id) if self.sentences else None
        if spans is None:
            return article_sentences(article)
        return [Sentence(article_id, s, e, article.body[s:e]) for s, e in spans]


def _article_json(a: Article) -> dict[str, object]:
    d = asdict(a)
    d["published"] = a.published.isoformat() if a.published else None
    d["dated"] = a.dated.isoformat() if a.dated else None
    return d


def _article_from_json(d: dict[str, object]) -> Article:
    def _d(v: object) -> date | None:
        return date.fromisoformat(str(v)) if v else None

    return Article(**{**d, "published": _d(d["published"]), "dated": _d(d["dated"])})  # type: ignore[arg-type]


def write_build(
    directory: Path,
    manifest: Manifest,
    articles: list[Article],
    chunks: list[Chunk],
    glossary_text: str,
    lexical: LexicalIndex,
    dense: DenseIndex,
    digests: dict[str, str] | None = None,
) -> None:
    """Write every artifact of one build into `directory` (which must not exist yet).

    `digests` (article id -> `body_digest`) let the next build reuse this one's chunks of
    unchanged articles.
    """
    directory.mkdir(parents=True)
    (directory / "articles.json").write_text(
        json.dumps([_article_json(a) for a in articles], ensure_ascii=False), encoding="utf-8"
    )
    (directory / "glossary.txt").write_text(glossary_text, encoding="utf-8")
    with (directory / "chunks.jsonl").open("w", encoding="utf-8") as f:
        f.writelines(
            json.dumps([c.id, c.article_id, c.start, c.end, c.n_tokens]) + "\n" for c in chunks
        )
    if digests is not None:
        (directory / "digests.json").write_text(
            json.dumps({"chunking": chunking_fingerprint(), "articles": digests}),
            encoding="utf-8",
        )
    dense.save(directory / "dense.faiss")
    SentenceTable.of_articles(articles).save(directory / "sentences.npz")
    lexical.save(directory / "lexical")
    # The manifest goes last: a build directory without one is incomplete.
    (directory / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2), "utf-8")


def body_digest(body: str) -> str:
    """A short digest of an article body: equal digests, equal chunks."""
    return hashlib.blake2b(body.encode("utf-8"), digest_size=12).hexdigest()


def _chunk_rows(build_dir: Path) -> list[list[Any]]:
    """The rows of chunks.jsonl, parsed in one call (a JSON array of the lines)."""
    lines = (build_dir / "chunks.jsonl").read_text("utf-8").splitlines()
    return list(json.loads("[" + ",".join(line for line in lines if line) + "]"))


def read_chunk_spans(build_dir: Path) -> dict[str, tuple[str, list[tuple[int, int, int]]]]:
    """article id -> (body digest, [(start, end, n_tokens)]) of a build; empty when the build
    has no digests (older builds), was chunked by other code, or cannot be read."""
    try:
        saved = json.loads((build_dir / "digests.json").read_text("utf-8"))
        if saved.get("chunking") != chunking_fingerprint():
            return {}  # the chunking code changed since: chunk everything again
        digests = saved["articles"]
        rows = _chunk_rows(build_dir)
    except (OSError, ValueError, KeyError, AttributeError):
        return {}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for _, aid, start, end, n_tokens in rows:
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


def read_manifest(build_dir: Path) -> Manifest | None:
    """The manifest of a build, or None when missing or unreadable."""
    try:
        return Manifest(**json.loads((build_dir / "manifest.json").read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def current_build(index_dir: Path) -> Path | None:
    """The build `current` points at, if it is complete."""
    link = index_dir / "current"
    if not link.exists():
        return None
    target = link.resolve()
    return target if read_manifest(target) else None


def load_build(build_dir: Path) -> StoredIndex:
    """Load a complete build; raise `IndexMissingError` when it is unusable."""
    manifest = read_manifest(build_dir)
    if manifest is None:
        raise IndexMissingError(f"no complete index at {build_dir}")
    try:
        articles = [
            _article_from_json(d)
            for d in json.loads((build_dir / "articles.json").read_text("utf-8"))
        ]
        by_id = {a.id: a for a in articles}
        sentences = SentenceTable.load(build_dir / "sentences.npz", articles)
        chunks = [
            Chunk(cid, aid, start, end, by_id[aid].body[start:end], n_tok)
            for cid, aid, start, end, n_tok in _chunk_rows(build_dir)
        ]
        return StoredIndex(
            path=build_dir,
            manifest=manifest,
            articles=by_id,
            chunks=chunks,
            glossary=load_glossary(build_dir / "glossary.txt"),
            lexical=LexicalIndex.load(build_dir / "lexical"),
            dense=DenseIndex.load(build_dir / "dense.faiss"),
            sentences=sentences,
        )
    except (OSError, ValueError, KeyError, RuntimeError, zipfile.BadZipFile) as exc:
        raise IndexMissingError(f"index at {build_dir} is damaged: {exc}") from exc
