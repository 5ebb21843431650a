from __future__ import annotations

import numpy as np
import pytest

from index.build import build_index
from index.chunking import article_sentences, chunk_article, estimate_tokens
from index.corpus import load_corpus, parse_article
from index.dense import DenseIndex, build_faiss, describe
from index.embed import EmbeddingCache, embed_with_cache
from index.errors import BuildError, IndexMissingError, KnowledgeFileError
from index.fusion import rrf, select_fusion, weighted
from index.search import HybridSearcher, LexicalSearcher
from index.store import current_build, load_build
from index.text import content_terms, split_sentences, stem
from tests.conftest import ARTICLE_A, FakeEmbedder, write_knowledge


def test_chunks_respect_token_bound_and_offsets() -> None:
    article = parse_article(ARTICLE_A)
    chunks = chunk_article(article, estimate_tokens, max_tokens=90, overlap=1)
    assert len(chunks) > 1
    for c in chunks:
        assert article.body[c.start : c.end] == c.text
        assert c.article_id == article.id
    # Overlap: a chunk of several sentences shares its last sentence with the next chunk.
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        if prev.text.count(". ") >= 1:
            assert prev.start < nxt.start < prev.end
    # Every sentence is covered.
    assert chunks[0].start == 0 and chunks[-1].end == len(article.body)
    # The bound holds unless a single sentence exceeds it.
    for c in chunks:
        assert c.n_tokens <= 90 or "." not in c.text.rstrip(".")


def test_fusion_methods_against_hand_computed_values() -> None:
    lex = {1: 10.0, 2: 5.0, 3: 0.0}
    den = {2: 0.9, 4: 0.5}
    fused = weighted(lex, den, 0.25)
    # lexical normalised: 1 -> 1.0, 2 -> 0.5, 3 -> 0; dense normalised: 2 -> 1.0, 4 -> 0.
    assert fused == pytest.approx({1: 0.75, 2: 0.75 * 0.5 + 0.25, 3: 0.0, 4: 0.0})
    r = rrf(lex, den, 0.5, k=60)
    assert r[2] == pytest.approx(0.5 / 62 + 0.5 / 61)
    assert r[1] == pytest.approx(0.5 / 61)
    with pytest.raises(ValueError, match="dense, lexical, rrf, weighted"):
        select_fusion("magic")


def test_faiss_matches_bruteforce_numpy() -> None:
    rng = np.random.default_rng(7)
    vecs = rng.normal(size=(300, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    q = vecs[17] + 0.1 * rng.normal(size=32).astype(np.float32)
    q /= np.linalg.norm(q)
    index = build_faiss(vecs)
    scores, ids = index.search(q.reshape(1, -1), 10)
    expected = np.argsort(-(vecs @ q))[:10]
    assert list(ids[0]) == list(expected)
    assert scores[0] == pytest.approx(np.sort(vecs @ q)[::-1][:10], rel=1e-5)


def test_approximate_index_above_the_threshold_keeps_recall(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(3)
    # Clustered vectors, like chunks of articles about a few topics.
    centers = rng.normal(size=(40, 32))
    vecs = (centers[rng.integers(0, 40, 4000)] + 0.5 * rng.normal(size=(4000, 32))).astype(
        np.float32
    )
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    approx = build_faiss(vecs, approx_threshold=1000)
    assert describe(approx) == "IndexIVFFlat (252 lists, 16 probed)"
    assert describe(build_faiss(vecs[:1000], approx_threshold=1000)) == "IndexFlatIP"
    DenseIndex(approx).save(tmp_path / "dense.faiss")
    loaded = DenseIndex.load(tmp_path / "dense.faiss")
    assert describe(loaded.index) == describe(approx)  # the probe count is saved with it
    queries = vecs[:100] + 0.05 * rng.normal(size=(100, 32)).astype(np.float32)
    exact = np.argsort(-(queries @ vecs.T), axis=1)[:, :10]
    found = [loaded.search(q, 10)[0] for q in queries]
    recall = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact, strict=True)])
    assert recall >= 0.95


def test_build_and_lexical_ranks(tmp_path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path)
    report = build_index(kdir, tmp_path / "idx", fake_embedder, max_tokens=60)
    assert report.n_articles == 2 and report.embedded == report.n_chunks
    stored = load_build(current_build(tmp_path / "idx"))  # type: ignore[arg-type]
    hits = LexicalSearcher(stored).search("gerakan serentak pekerja rentan", 3)
    assert stored.chunks[hits[0].chunk_id].article_id == "beta-2024-03"
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    hybrid = HybridSearcher(stored, fake_embedder, "weighted", 0.2)
    top = hybrid.search("program Jaminan Hari Tua", 2)
    assert stored.chunks[top[0].chunk_id].article_id == "alpha-2024-08-02"


def test_build_stores_sentences_and_postings_match_the_text(tmp_path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path)
    build_index(kdir, tmp_path / "idx", fake_embedder, max_tokens=60)
    build = current_build(tmp_path / "idx")
    assert build is not None
    stored = load_build(build)
    for aid, article in stored.articles.items():
        assert stored.sentences.spans_of(aid) == list(split_sentences(article.body))
        assert stored.article_sentences(aid) == article_sentences(article)
        ids = np.array([c.id for c in stored.chunks if c.article_id == aid])
        used = {t for c in stored.chunks if c.article_id == aid for t in content_terms(c.text)}
        for term in ["pekerja", "rentan", "jaminan", "gerakan", "iuran", "palembang"]:
            assert stored.lexical.occurs_in(stem(term), ids) == (stem(term) in used), (aid, term)
    chunks = list(stored.chunks)
    assert [c.id for c in chunks] == list(range(len(chunks)))
    for c in chunks:
        assert c.text == stored.articles[c.article_id].body[c.start : c.end]
    assert stored.chunks[-1] == chunks[-1] and stored.chunks[1:3] == chunks[1:3]
    (build / "sentences.npz").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(IndexMissingError, match="damaged"):
        load_build(build)
    stored.sentences.save(build / "sentences.npz")
    assert load_build(build).chunks[0] == chunks[0]
    # A changed file is named by its checksum, before its content could make garbage quotes.
    table = stored.chunks
    table.ends[0] = len(stored.articles[chunks[0].article_id].body) + 5
    table.save(build / "chunks.npz")
    with pytest.raises(IndexMissingError, match=r"chunks\.npz is damaged: its checksum"):
        load_build(build)


def test_rebuild_reuses_cached_embeddings(tmp_path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path)
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    first = build_index(kdir, tmp_path / "idx", fake_embedder, cache, max_tokens=60)
    (kdir / "articles" / "gamma.md").write_text(
        "---\nid: gamma-2025-01-01\ntitle: Kabar baru\noutlet: Gamma\n---\n"
        "Kantor cabang Lubuklinggau membuka layanan keliling. Layanan itu melayani petani.\n\n"
        "Warga desa menyambut baik layanan tersebut.\n",
        encoding="utf-8",
    )
    second = build_index(kdir, tmp_path / "idx", fake_embedder, cache, max_tokens=60)
    new_chunks = second.n_chunks - first.n_chunks
    assert new_chunks >= 1
    assert (second.embedded, second.reused) == (new_chunks, first.n_chunks)


def test_embed_with_cache_only_embeds_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    emb = FakeEmbedder()
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    v1, e1, r1 = embed_with_cache(emb, ["satu", "dua"], cache)
    v2, e2, r2 = embed_with_cache(emb, ["dua", "tiga", "satu"], cache)
    assert (e1, r1, e2, r2) == (2, 0, 1, 2)
    assert np.allclose(v2[0], v1[1]) and np.allclose(v2[2], v1[0])
    assert sorted(emb.encoded) == ["dua", "satu", "tiga"]


def test_malformed_file_fails_build_and_keeps_previous_index(tmp_path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path)
    build_index(kdir, tmp_path / "idx", fake_embedder, max_tokens=60)
    before = current_build(tmp_path / "idx")
    bad = kdir / "articles" / "broken.md"
    bad.write_text(
        "---\nid: broken\ntitle: x\noutlet: y\npublished: kemarin\n---\nIsi artikel yang cukup panjang.\n"
    )
    with pytest.raises(KnowledgeFileError) as err:
        build_index(kdir, tmp_path / "idx", fake_embedder, max_tokens=60)
    assert "broken.md:5" in str(err.value)
    assert current_build(tmp_path / "idx") == before
    assert load_build(before).manifest.n_articles == 2  # type: ignore[arg-type]


def test_concurrent_build_is_refused(tmp_path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from index.build import build_lock

    kdir = write_knowledge(tmp_path)
    with build_lock(tmp_path / "idx"), pytest.raises(BuildError):
        build_index(kdir, tmp_path / "idx", fake_embedder)


def test_load_corpus_reports_duplicate_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path, {"a.md": ARTICLE_A, "b.md": ARTICLE_A})
    with pytest.raises(KnowledgeFileError, match="b.md"):
        load_corpus(kdir)


def test_current_build_check_reads_files_only_when_their_stats_change(
    tmp_path, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    import os

    from index.store import build_is_current, read_manifest

    kdir = write_knowledge(tmp_path)
    build_index(kdir, tmp_path / "idx", fake_embedder, max_tokens=60)
    build = current_build(tmp_path / "idx")
    assert build is not None
    manifest = read_manifest(build)
    assert manifest is not None and manifest.file_stats

    def current() -> bool:
        return build_is_current(manifest, kdir, fake_embedder.name, 60)

    assert current()
    path = sorted((kdir / "articles").glob("*.md"))[0]
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touched, same bytes
    assert current()
    text = path.read_text("utf-8")
    i = text.rindex("pekerja")
    path.write_text(text[:i] + "PEKERJA" + text[i + 7 :], "utf-8")  # same size, new bytes
    assert not current()
    assert not build_is_current(manifest, kdir, fake_embedder.name, 80)
