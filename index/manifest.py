"""The manifest of a build: what it was made from, and the size and checksum of its files.

A build directory is complete once its `manifest.json` is written, last (see index/store.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from index.corpus import corpus_fingerprint, stat_signature
from index.errors import IndexDamagedError

# 2: digests.json and lexical/stems.json; 3: IVF-Flat, not HNSW, when large; 4: sentences.npz;
# 5: chunks.npz replaces chunks.jsonl; 6: meta_terms.json, file_stats in the manifest;
# 7: copies of every data file (lexicons, gazetteer, scorer) beside the glossary;
# 8: size and checksum of every file in the manifest, verified at load;
# 9: the lexical terms read a province's or country's short forms as its name;
# 10: a kabupaten's or kota's name of several words as its one-word short form ("anbar"),
# and sentences no longer end after a local title before a name ("Kms.");
# 11: "kalau / jika / apabila / bila" are function words, not lexical terms;
# 12: a word the stemmer leaves whole with an enclitic "-nya" stems without it
FORMAT_VERSION = 12
MANIFEST = "manifest.json"


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


def read_manifest(build_dir: Path) -> Manifest | None:
    """The manifest of a build, or None when missing or unreadable."""
    try:
        return Manifest(**json.loads((build_dir / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError, TypeError, UnicodeDecodeError):
        return None


def write_manifest(build_dir: Path, manifest: Manifest) -> None:
    """Write the manifest, with the size and checksum of every other file of the build, so
    that a damaged file is named at load."""
    manifest = replace(manifest, files=checksums(build_dir))
    (build_dir / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2), "utf-8")


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
        if p.is_file() and p.name != MANIFEST
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
