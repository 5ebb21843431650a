"""The index directory: manifest, atomic swap of builds, loading a build.

Layout::

    <index_dir>/current -> builds/<build_id>    (symlink, replaced atomically)
    <index_dir>/builds/<build_id>/manifest.json
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
import json
import os
import shutil
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np

from index.chunking import chunking_fingerprint
from index.corpus import corpus_fingerprint, stat_signature
from index.dense import DenseIndex
from index.errors import IndexDamagedError, IndexMissingError
from index.glossary import Glossary, load_glossary
from index.lexical import LexicalIndex
from index.records import Article, Chunk, Sentence
from index.tables import ChunkTable, SentenceTable

# 2: digests.json and lexical/stems.json; 3: IVF-Flat, not HNSW, when large; 4: sentences.npz;
# 5: chunks.npz replaces chunks.jsonl; 6: meta_terms.json, file_stats in the manifest;
# 7: copies of every data file (lexicons, gazetteer, scorer) beside the glossary;
# 8: size and checksum of every file in the manifest, verified at load
FORMAT_VERSION = 8
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
    file_stats: str = ""  # `stat_signature` of the knowledge files when the build read them
    files: dict[str, str] = field(default_factory=dict)  # relative path -> "size:blake2b"

    def matches(self, fingerprint: str, model: str, max_tokens: int) -> bool:
        """True when this build is current for the given corpus and settings."""
        return (
            self.format_version == FORMAT_VERSION
            and self.fingerprint == fingerprint
            and self.model == model
            and self.max_tokens == max_tokens
        )


def build_is_current(manifest: Manifest, knowledge_dir: Path, model: str, max_tokens: int) -> bool:
    """Whether a build is current for the knowledge files and settings. The files' sizes and
    modification times are compared first; their bytes are hashed only when those differ."""
    if manifest.file_stats and manifest.file_stats == stat_signature(knowledge_dir):
        fingerprint = manifest.fingerprint
    else:
        fingerprint = corpus_fingerprint(knowledge_dir)
    return manifest.matches(fingerprint, model, max_tokens)


def article_meta_text(a: Article) -> str:
    """An article's title, outlet and date as text: words no chunk holds."""
    return f"{a.title} {a.outlet} {a.date_label} {a.dated.year if a.dated else ''}"


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

    def article_sentences(self, article_id: str) -> list[Sentence]:
        """The sentences of an article, with offsets into its body."""
        body = self.articles[article_id].body
        return [
            Sentence(article_id, s, e, body[s:e]) for s, e in self.sentences.spans_of(article_id)
        ]

    def terms_in_article(self, article_id: str, terms: Iterable[str]) -> frozenset[str]:
        """Which of `terms` the article uses anywhere (body, title, outlet, date), from the
        lexical index's postings rather than by reading the article again."""
        ids = self.chunk_ids.get(article_id)
        meta = self.meta_terms.get(article_id, frozenset())
        return frozenset(
            t for t in terms if t in meta or (ids is not None and self.lexical.occurs_in(t, ids))
        )


def _article_json(a: Article) -> dict[str, object]:
    d = asdict(a)
    d["published"] = a.published.isoformat() if a.published else None
    d["dated"] = a.dated.isoformat() if a.dated else None
    return d


def _read_articles(build_dir: Path) -> list[Article]:
    rows = json.loads((build_dir / "articles.json").read_text("utf-8"))
    return [_article_from_json(d) for d in rows]


def _article_from_json(d: dict[str, object]) -> Article:
    def _d(v: object) -> date | None:
        return date.fromisoformat(str(v)) if v else None

    return Article(**{**d, "published": _d(d["published"]), "dated": _d(d["dated"])})  # type: ignore[arg-type]


def write_build(
    directory: Path,
    manifest: Manifest,
    articles: list[Article],
    chunks: list[Chunk],
    data_files: dict[str, str],
    lexical: LexicalIndex,
    dense: DenseIndex,
    meta_terms: dict[str, list[str]],
    digests: dict[str, str] | None = None,
) -> None:
    """Write every artifact of one build into `directory` (which must not exist yet).

    `data_files` (name -> text) are the knowledge directory's data files, read with the
    articles. `meta_terms` are the lexical terms of each article's `article_meta_text`. `digests`
    (article id -> `body_digest`) let the next build reuse this one's chunks of unchanged
    articles.
    """
    directory.mkdir(parents=True)
    (directory / "articles.json").write_text(
        json.dumps([_article_json(a) for a in articles], ensure_ascii=False), encoding="utf-8"
    )
    for name, text in data_files.items():
        (directory / name).write_text(text, encoding="utf-8")
    ChunkTable.of_chunks(articles, chunks).save(directory / "chunks.npz")
    (directory / "meta_terms.json").write_text(json.dumps(meta_terms, ensure_ascii=False), "utf-8")
    if digests is not None:
        (directory / "digests.json").write_text(
            json.dumps({"chunking": chunking_fingerprint(), "articles": digests}),
            encoding="utf-8",
        )
    dense.save(directory / "dense.faiss")
    SentenceTable.of_articles(articles).save(directory / "sentences.npz")
    lexical.save(directory / "lexical")
    # The manifest goes last (a build directory without one is incomplete), with the size
    # and checksum of every file, so that a damaged file is named at load.
    manifest = replace(manifest, files=checksums(directory))
    (directory / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2), "utf-8")


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return f"{path.stat().st_size}:{h.hexdigest()}"


def checksums(directory: Path) -> dict[str, str]:
    """Relative path -> "size:checksum" of every file of a build (but its manifest)."""
    return {
        p.relative_to(directory).as_posix(): _digest(p)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }


def verify(build_dir: Path, manifest: Manifest) -> None:
    """`IndexDamagedError` naming the first file that is missing, of another size or with
    another checksum than the manifest records."""
    for name, recorded in manifest.files.items():
        path = build_dir / name
        size = recorded.split(":", 1)[0]
        try:
            if str(path.stat().st_size) != size:
                raise IndexDamagedError(str(build_dir), name, "its size changed (truncated?)")
            if _digest(path) != recorded:
                raise IndexDamagedError(str(build_dir), name, "its checksum differs (garbled)")
        except OSError as exc:
            raise IndexDamagedError(str(build_dir), name, exc.strerror or "unreadable") from exc


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


def read_manifest(build_dir: Path) -> Manifest | None:
    """The manifest of a build, or None when missing or unreadable."""
    try:
        return Manifest(**json.loads((build_dir / "manifest.json").read_text("utf-8")))
    except (OSError, ValueError, TypeError, UnicodeDecodeError):
        return None


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
            glossary=load_glossary(build_dir / "glossary.txt"),
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
