from __future__ import annotations

import numpy as np
import pytest

from index.build import build_index
from index.chunking import article_sentences, chunk_article, estimate_tokens
from index.corpus import parse_article
from index.dense import DenseIndex, build_faiss, describe
from index.embed import EmbeddingCache
from index.errors import BuildError, IndexMissingError, KnowledgeFileError
from index.fusion import rrf, select_fusion, weighted
from index.lexical import terms_of_words
from index.search import HybridSearcher, LexicalSearcher
from index.store import current_build, load_build
from index.text import split_sentences, stem, words
from tests.conftest import ARTICLE_A, FakeEmbedder, write_knowledge

# Short sentences, several to a paragraph: chunks of 40 estimated tokens hold two or three.
OVERLAP_ARTICLE = """---
id: gamma-2024-01-01
title: Layanan Keliling
outlet: Gamma
---
Kantor cabang membuka layanan keliling. Layanan itu melayani petani di desa. Petugas datang setiap Senin.

Warga menyambut baik layanan tersebut. Banyak pekerja rentan mendaftar. Iuran bisa dibayar bulanan.
"""


def test_chunks_respect_token_bound_and_offsets() -> None:
    article = parse_article(ARTICLE_A)
    chunks = chunk_article(article, estimate_tokens, max_tokens=90, overlap=1)
    assert len(chunks) > 1
    for c in chunks:
        assert article.body[c.start : c.end] == c.text
        assert c.article_id == article.id
    # Every sentence is covered.
    assert chunks[0].start == 0 and chunks[-1].end == len(article.body)
    # The bound holds unless a single sentence exceeds it.
    for c in chunks:
        assert c.n_tokens <= 90 or "." not in c.text.rstrip(".")


def test_consecutive_chunks_share_one_sentence() -> None:
    article = parse_article(OVERLAP_ARTICLE)
    starts = [s.start for s in article_sentences(article)]
    ends = [s.end for s in article_sentences(article)]
    chunks = chunk_article(article, estimate_tokens, max_tokens=40, overlap=1)
    # Sentences 0-2 (13 + 15 + 10 tokens), then 2-4 from the shared sentence 2, then 4-5.
    spans = [(starts.index(c.start), ends.index(c.end)) for c in chunks]
    assert spans == [(0, 2), (2, 4), (4, 5)]
    assert [c.n_tokens for c in chunks] == [38, 33, 20]
    without = chunk_article(article, estimate_tokens, max_tokens=40, overlap=0)
    assert [(starts.index(c.start), ends.index(c.end)) for c in without] == [(0, 2), (3, 5)]


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


def test_build_and_exact_lexical_and_hybrid_ranks(tmp_path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path)
    report = build_index(kdir, tmp_path / "idx", fake_embedder, max_tokens=60)
    assert report.n_articles == 2 and report.embedded == report.n_chunks == 5
    stored = load_build(current_build(tmp_path / "idx"))  # type: ignore[arg-type]
    # Chunks 0-3 are alpha's four paragraphs, chunk 4 all of beta.
    assert [c.article_id[:4] for c in stored.chunks] == ["alph"] * 4 + ["beta"]
    lexical = LexicalSearcher(stored)
    hits = lexical.search("gerakan serentak pekerja rentan", 5)
    assert [(h.chunk_id, h.rank) for h in hits] == [(4, 1), (3, 2), (0, 3), (2, 4), (1, 5)]
    # Lexically only chunks 3 and 2 name the programme; the dense side brings chunk 1 in
    # between them (weighted fusion, dense weight 0.2) and ranks the rest.
    query = "program Jaminan Hari Tua"
    assert [h.chunk_id for h in lexical.search(query, 5)] == [3, 2]
    hybrid = HybridSearcher(stored, fake_embedder, "weighted", 0.2).search(query, 5)
    assert [(h.chunk_id, h.rank) for h in hybrid] == [(3, 1), (1, 2), (2, 3), (0, 4), (4, 5)]
    assert hybrid[0].score == pytest.approx(1.0)


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
        used = {
            t for c in stored.chunks if c.article_id == aid for t in terms_of_words(words(c.text))
        }
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


def test_rebuild_embeds_only_new_chunks_and_reuses_cached_vectors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kdir = write_knowledge(tmp_path)
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    first = build_index(kdir, tmp_path / "idx", FakeEmbedder(), cache, max_tokens=60)
    (kdir / "articles" / "gamma.md").write_text(
        "---\nid: gamma-2025-01-01\ntitle: Kabar baru\noutlet: Gamma\n---\n"
        "Kantor cabang Lubuklinggau membuka layanan keliling. Layanan itu melayani petani.\n\n"
        "Warga desa menyambut baik layanan tersebut.\n",
        encoding="utf-8",
    )
    emb = FakeEmbedder()
    second = build_index(kdir, tmp_path / "idx", emb, cache, max_tokens=60)
    stored = load_build(current_build(tmp_path / "idx"))  # type: ignore[arg-type]
    new = [c.text for c in stored.chunks if c.article_id == "gamma-2025-01-01"]
    assert new and sorted(emb.encoded) == sorted(new)  # only the new chunks were embedded
    assert (second.embedded, second.reused) == (len(new), first.n_chunks)
    # Reused vectors are the ones their chunks would get, in the chunks' order.
    stored_vectors = stored.dense.index.reconstruct_n(0, len(stored.chunks))
    assert np.allclose(stored_vectors, FakeEmbedder().encode([c.text for c in stored.chunks]))


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


def test_current_build_check_reads_files_only_when_their_stats_change(
    tmp_path, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    import os

    from index.manifest import build_is_current, read_manifest

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
