"""A rebuild takes over the previous build's chunks of unchanged articles and its stems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import text
from index.build import build_index
from index.store import current_build, load_build
from tests.conftest import FakeEmbedder, write_knowledge

GAMMA = (
    "---\nid: gamma-2025-01-01\ntitle: Kabar baru\noutlet: Gamma\n---\n"
    "Kantor cabang Lubuklinggau membuka layanan keliling. Layanan itu melayani petani.\n\n"
    "Warga desa menyambut baik layanan tersebut.\n"
)


def _count_stemmer_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The words Sastrawi is asked to stem from now on (the process memo emptied first)."""
    words: list[str] = []
    sastrawi = text._stemmer()

    class Counting:
        def stem(self, word: str) -> str:
            words.append(word)
            return str(sastrawi.stem(word))

    text.stem.cache_clear()
    monkeypatch.setattr(text, "_stemmer", Counting)
    return words


class CountingEmbedder(FakeEmbedder):
    """Records the texts whose tokens were counted."""

    def __init__(self) -> None:
        super().__init__()
        self.counted: list[str] = []

    def count_tokens(self, text: str) -> int:
        self.counted.append(text)
        return super().count_tokens(text)


def test_rebuild_counts_only_new_articles_and_keeps_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kdir = write_knowledge(tmp_path)
    first_emb = CountingEmbedder()
    build_index(kdir, tmp_path / "idx", first_emb, max_tokens=60)
    first = load_build(current_build(tmp_path / "idx"))  # type: ignore[arg-type]
    assert (first.path / "digests.json").exists()
    assert json.loads((first.path / "lexical" / "stems.json").read_text())["stems"]

    (kdir / "articles" / "gamma.md").write_text(GAMMA, encoding="utf-8")
    stemmed = _count_stemmer_calls(monkeypatch)
    emb = CountingEmbedder()
    build_index(kdir, tmp_path / "idx", emb, max_tokens=60)
    # The stemmer saw only words of the new article: the others' stems came with the build.
    assert stemmed and {w for w in stemmed if w not in GAMMA.lower()} == set()
    second = load_build(current_build(tmp_path / "idx"))  # type: ignore[arg-type]
    # Only the new article's sentences were tokenized again.
    assert emb.counted and all(t in GAMMA for t in emb.counted)
    old = {(c.article_id, c.start, c.end, c.text, c.n_tokens) for c in first.chunks}
    new = {(c.article_id, c.start, c.end, c.text, c.n_tokens) for c in second.chunks}
    assert old <= new
    assert {a for a, *_ in new - old} == {"gamma-2025-01-01"}
    assert [c.id for c in second.chunks] == list(range(len(second.chunks)))


def test_changed_article_or_settings_are_chunked_again(tmp_path: Path) -> None:
    kdir = write_knowledge(tmp_path)
    build_index(kdir, tmp_path / "idx", FakeEmbedder(), max_tokens=60)
    path = kdir / "articles" / "beta.md"
    path.write_text(path.read_text() + "\nNelayan di Banyuasin ikut mendaftar.\n")
    emb = CountingEmbedder()
    build_index(kdir, tmp_path / "idx", emb, max_tokens=60)
    assert any("Banyuasin" in t for t in emb.counted)
    assert not any("Jaminan Hari Tua" in t for t in emb.counted)  # alpha is unchanged
    emb = CountingEmbedder()
    build_index(kdir, tmp_path / "idx", emb, max_tokens=80)
    assert any("Jaminan Hari Tua" in t for t in emb.counted)  # other max_tokens: all again
